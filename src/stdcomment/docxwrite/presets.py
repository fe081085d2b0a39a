"""Style sets for ITU-T and IEEE SA drafts, written from the published style names.

`itu_t_styles(doc)` defines the ITU-T names (formats.md §1.3): `heading 1..9` with ids
Heading1.., `Rec_No`, `Rec_title`, `Heading_b`, `Annex_NoTitle`, `Appendix_No & title`,
`Annex_ref`, `Appendix_ref`, `enumlev1..3`, `Note`, `Ref_text`, `Table_NoTitle`, `Table_head`,
`Table_text`, `Figure`, `Figure_NoTitle`, `toc 0..2`, `header`, `footer`. With
`autonumber=True` the heading styles also carry `numPr` against a multilevel list.

`ieee_styles(doc)` defines `IEEEStds ...` styles (formats.md §2.4) with automatic heading
numbering and returns the numIds it created.
"""

from __future__ import annotations

from dataclasses import dataclass

from .package import DocxBuilder
from .props import Indent, Spacing, TabStop
from .styles import DocDefaults, Level

ITU_TABS = (TabStop(794), TabStop(1191), TabStop(1588), TabStop(1985))
TABLE_TABS = (TabStop(284), TabStop(567), TabStop(851), TabStop(1134))


def itu_t_styles(doc: DocxBuilder, *, autonumber: bool = False) -> int | None:
    """Define the ITU-T style set on `doc`; return the heading numId when `autonumber`."""
    doc.defaults = DocDefaults(font="Times New Roman", size=12.0, lang="en-GB")
    doc.default_tab_stop = 794
    heading_num = None
    if autonumber:
        levels = [
            Level("decimal", "".join(f"%{k}." for k in range(1, n + 2)).rstrip("."),
                  style=f"Heading{n + 1}", indent=Indent(left=794, hanging=794))
            for n in range(9)
        ]  # fmt: skip
        heading_num = doc.numbering(levels, name="ITU-T headings")
    # fmt: off
    doc.style("Normal", "Normal", default=True, q_format=True, tabs=ITU_TABS,
              spacing=Spacing(before=120))
    for n in range(1, 10):
        before = {1: 360, 2: 240, 3: 160}.get(n, 160)
        doc.style(f"Heading{n}", f"heading {n}", based_on="Normal" if n == 1 else "Heading1",
                  next="Normal", outline_level=n - 1, bold=True if n == 1 else None,
                  keep_next=n == 1, keep_lines=n == 1, spacing=Spacing(before=before),
                  indent=Indent(left=794, hanging=794) if n == 1 else None,
                  num_id=heading_num, num_level=(n - 1) if heading_num else None, q_format=True)
    doc.style("RecNo", "Rec_No", based_on="Normal", next="Normal", bold=True, size=14,
              keep_next=True, keep_lines=True, spacing=Spacing(before=0))
    doc.style("Rectitle", "Rec_title", based_on="Normal", next="Normalaftertitle", bold=True,
              size=14, align="center", keep_next=True, keep_lines=True,
              spacing=Spacing(before=360))
    doc.style("Normalaftertitle", "Normal_after_title", based_on="Normal", next="Normal",
              spacing=Spacing(before=360))
    doc.style("Headingb", "Heading_b", based_on="Normal", next="Normal", bold=True,
              keep_next=True, spacing=Spacing(before=160))
    doc.style("AnnexNoTitle", "Annex_NoTitle", based_on="Normal", next="Normalaftertitle",
              bold=True, size=14, align="center", keep_next=True, keep_lines=True,
              page_break_before=True, spacing=Spacing(before=480))
    doc.style("AppendixNotitle", "Appendix_No & title", based_on="AnnexNoTitle",
              next="Normalaftertitle")
    doc.style("Annexref", "Annex_ref", based_on="Normal", next="Normalaftertitle",
              align="center", keep_next=True, spacing=Spacing(before=240))
    doc.style("Appendixref", "Appendix_ref", based_on="Annexref", next="Normalaftertitle")
    doc.style("enumlev1", "enumlev1", based_on="Normal", spacing=Spacing(before=80),
              indent=Indent(left=794, hanging=794))
    doc.style("enumlev2", "enumlev2", based_on="enumlev1", indent=Indent(left=1191, hanging=397))
    doc.style("enumlev3", "enumlev3", based_on="enumlev2", indent=Indent(left=1588, hanging=397))
    doc.style("Note", "Note", based_on="Normal", tabs=ITU_TABS, spacing=Spacing(before=80),
              size=11)
    doc.style("Reftext", "Ref_text", based_on="Normal", indent=Indent(left=2268, hanging=2268),
              tabs=tuple(TabStop(t.pos, "clear") for t in ITU_TABS))
    doc.style("TableNoTitle", "Table_NoTitle", based_on="Normal", next="Tablehead", bold=True,
              align="center", keep_next=True, keep_lines=True,
              spacing=Spacing(before=360, after=120))
    doc.style("Tablehead", "Table_head", based_on="Normal", next="Tabletext", bold=True,
              size=11, align="center", keep_next=True, tabs=TABLE_TABS,
              spacing=Spacing(before=80, after=80))
    doc.style("Tabletext", "Table_text", based_on="Normal", size=11, tabs=TABLE_TABS,
              spacing=Spacing(before=40, after=40))
    doc.style("Tablelegend", "Table_legend", based_on="Tabletext", spacing=Spacing(before=120))
    doc.style("Figure", "Figure", based_on="Normal", next="FigureNoTitle", align="center",
              keep_next=True, keep_lines=True, spacing=Spacing(before=240))
    doc.style("FigureNoTitle", "Figure_NoTitle", based_on="Normal", next="Normalaftertitle",
              bold=True, align="center", keep_lines=True, spacing=Spacing(before=240, after=120))
    doc.style("Docnumber", "Docnumber", based_on="Normal", bold=True, size=20, align="right",
              spacing=Spacing(before=0))
    doc.style("toc0", "toc 0", based_on="Normal", next="TOC1", bold=True,
              tabs=(TabStop(9630, "right"),), spacing=Spacing(before=240))
    toc_tabs = (*(TabStop(t.pos, "clear") for t in ITU_TABS), TabStop(9630, "right", "dot"))
    doc.style("TOC1", "toc 1", based_on="Normal", keep_lines=True, tabs=toc_tabs,
              spacing=Spacing(before=80), indent=Indent(left=794, hanging=794))
    doc.style("TOC2", "toc 2", based_on="TOC1", spacing=Spacing(before=40),
              indent=Indent(left=1588, hanging=794))
    doc.style("Header", "header", based_on="Normal", align="center", size=9,
              spacing=Spacing(before=0))
    doc.style("Footer", "footer", based_on="Normal", size=8, spacing=Spacing(before=0),
              tabs=(TabStop(5954), TabStop(9639, "right")))
    doc.style("FootnoteText", "footnote text", based_on="Normal", size=10,
              indent=Indent(left=284, hanging=284), spacing=Spacing(before=60))
    doc.style("FootnoteReference", "footnote reference", kind="character",
              based_on="DefaultParagraphFont")
    doc.style("CommentText", "annotation text", based_on="Normal", size=10)
    # fmt: on
    return heading_num


@dataclass(frozen=True, slots=True)
class IeeeLists:
    """numIds created by `ieee_styles`."""

    headings: int
    annex: int
    bullets: int
    numbered: int
    bibliography: int


def ieee_styles(doc: DocxBuilder) -> IeeeLists:
    """Define the IEEE SA style set with automatic numbering; return the list numIds.

    Headings: `IEEEStds Level 1 Header` .. `Level 4 Header` number `%1`, `%1.%2`, ... through
    style-level numPr (level 2 onward use `isLgl`). Annexes: `IEEEStds Annex` numbers
    "Annex %1" (upper letters, no suffix) and `IEEEStds Annex Level 2 Header` "%1.%2" (A.1).
    Bibliography entries number "[B%1]".
    """
    doc.defaults = DocDefaults(font="Times New Roman", size=10.0, lang="en-US")
    doc.default_tab_stop = 720
    arial = "Arial"
    heading_levels = [
        Level("decimal", "%1", style="IEEEStdsLevel1Header", suffix="space",
              indent=Indent(left=0, hanging=0)),
        Level("decimal", "%1.%2", style="IEEEStdsLevel2Header", is_lgl=True, suffix="space",
              indent=Indent(left=0, hanging=0)),
        Level("decimal", "%1.%2.%3", style="IEEEStdsLevel3Header", is_lgl=True,
              suffix="space", indent=Indent(left=0, hanging=0)),
        Level("decimal", "%1.%2.%3.%4", style="IEEEStdsLevel4Header", is_lgl=True,
              suffix="space", indent=Indent(left=0, hanging=0)),
    ]  # fmt: skip
    headings = doc.numbering(heading_levels, name="IEEE headings")
    annex = doc.numbering(
        [
            Level("upperLetter", "Annex %1", style="IEEEStdsAnnex", suffix="nothing",
                  align="center"),
            Level("decimal", "%1.%2", style="IEEEStdsAnnexLevel2Header", suffix="space"),
        ],
        name="IEEE annexes",
    )  # fmt: skip
    bullets = doc.numbering(
        [Level("bullet", "\u2022", indent=Indent(left=720, hanging=360)),
         Level("bullet", "\u2013", indent=Indent(left=1080, hanging=360))],
        multi_level="hybridMultilevel",
    )  # fmt: skip
    numbered = doc.numbering(
        [Level("lowerLetter", "%1)", indent=Indent(left=720, hanging=360)),
         Level("decimal", "%2)", indent=Indent(left=1080, hanging=360))],
        multi_level="hybridMultilevel",
    )  # fmt: skip
    bibliography = doc.numbering(
        [Level("decimal", "[B%1]", style="IEEEStdsBibliographicEntry",
               indent=Indent(left=720, hanging=720))],
        multi_level="singleLevel",
    )  # fmt: skip
    body_space = Spacing(before=0, after=240)
    # fmt: off
    doc.style("Normal", "Normal", default=True, q_format=True)
    doc.style("IEEEStdsParagraph", "IEEEStds Paragraph", based_on="Normal", align="both",
              spacing=body_space)
    sizes = {1: 12, 2: 11, 3: 10, 4: 10}
    for n in range(1, 5):
        doc.style(f"IEEEStdsLevel{n}Header", f"IEEEStds Level {n} Header", based_on="Normal",
                  next="IEEEStdsParagraph", outline_level=n - 1, num_id=headings,
                  num_level=None if n == 1 else n - 1, bold=True, font=arial, size=sizes[n],
                  keep_next=True, keep_lines=True, spacing=Spacing(before=240, after=240))
    doc.style("IEEEStdsLevel1frontmatter", "IEEEStds Level 1 (front matter)", based_on="Normal",
              next="IEEEStdsParagraph", bold=True, font=arial, size=12, keep_next=True,
              spacing=Spacing(before=240, after=240))
    doc.style("IEEEStdsAnnex", "IEEEStds Annex", based_on="Normal", next="IEEEStdsParagraph",
              outline_level=0, num_id=annex, bold=True, font=arial, size=12, align="center",
              keep_next=True, page_break_before=True, spacing=Spacing(before=240, after=240))
    doc.style("IEEEStdsAnnexLevel2Header", "IEEEStds Annex Level 2 Header", based_on="Normal",
              next="IEEEStdsParagraph", outline_level=1, num_id=annex, num_level=1, bold=True,
              font=arial, size=11, keep_next=True, spacing=Spacing(before=240, after=240))
    doc.style("IEEEStdsTitle", "IEEEStds Title", based_on="Normal", bold=True, font=arial,
              size=16, spacing=Spacing(before=0, after=480))
    doc.style("IEEEStdsDesignation", "IEEEStds Designation", based_on="Normal", bold=True,
              font=arial, size=12, spacing=Spacing(after=240))
    doc.style("IEEEStdsAbstractHeader", "IEEEStds Abstract Header", based_on="Normal",
              bold=True, font=arial, keep_next=True, spacing=Spacing(before=240))
    doc.style("IEEEStdsAbstractBody", "IEEEStds Abstract Body", based_on="Normal",
              align="both", spacing=Spacing(after=240))
    doc.style("IEEEStdsKeywordsHeader", "IEEEStds Keywords Header", based_on="Normal",
              bold=True, font=arial, keep_next=True)
    doc.style("IEEEStdsKeywords", "IEEEStds Keywords", based_on="Normal",
              spacing=Spacing(after=240))
    doc.style("IEEEStdsIntroduction", "IEEEStds Introduction", based_on="Normal", italic=True,
              align="both", spacing=body_space)
    doc.style("IEEEStdsSingleNote", "IEEEStds Single Note", based_on="Normal", size=9,
              align="both", spacing=body_space)
    doc.style("IEEEStdsDefinitions", "IEEEStds Definitions", based_on="Normal", align="both",
              spacing=body_space)
    doc.style("IEEEStdsNumberedListLevel1", "IEEEStds Numbered List Level 1",
              based_on="IEEEStdsParagraph", indent=Indent(left=720, hanging=360),
              spacing=Spacing(after=120))
    doc.style("IEEEStdsUnorderedList", "IEEEStds Unordered List", based_on="IEEEStdsParagraph",
              num_id=bullets, indent=Indent(left=720, hanging=360), spacing=Spacing(after=120))
    doc.style("IEEEStdsBibliographicEntry", "IEEEStds Bibliographic Entry", based_on="Normal",
              num_id=bibliography, indent=Indent(left=720, hanging=720),
              spacing=Spacing(after=240))
    doc.style("IEEEStdsRegularTableCaption", "IEEEStds Regular Table Caption",
              based_on="Normal", bold=True, font=arial, size=10, align="center", keep_next=True,
              spacing=Spacing(before=120, after=120))
    doc.style("IEEEStdsTableColumnHead", "IEEEStds Table Column Head", based_on="Normal",
              bold=True, size=9, align="center", spacing=Spacing(before=60, after=60))
    doc.style("IEEEStdsTableDataLeft", "IEEEStds Table Data - Left", based_on="Normal",
              size=9, spacing=Spacing(before=60, after=60))
    doc.style("Header", "header", based_on="Normal", size=9, align="center",
              suppress_line_numbers=True)
    doc.style("Footer", "footer", based_on="Normal", size=8, align="center",
              suppress_line_numbers=True)
    doc.style("FootnoteText", "footnote text", based_on="Normal", size=8)
    # fmt: on
    return IeeeLists(headings, annex, bullets, numbered, bibliography)
