"""ISO/IEC commenting template (.docx), version 2012-03, built by our code.

The layout follows the official blank form (`iso_comment_template_2012-03.docx`): the title
line (`Template for comments and secretariat observations` | `Date:` | `Document:` |
`Project:`) and the eight column headings sit in the page header, so they repeat on every page;
the body is one bare 8-column table, one row per comment; the footer explains the MB code and
the comment types and numbers the pages.

Supported constructs:
- [x] A4 landscape, the official margins and column widths (8 grid columns, 15,876 twips);
- [x] the exact eight headings with their hints and footnote marks (`MB/NC¹`, `Line number`,
      `Clause/ Subclause`, `Paragraph/ Figure/ Table/`, `Type of comment²`, `Comments`,
      `Proposed change`, `Observations of the secretariat`);
- [x] `Date:` `Document:` `Project:` filled from the metadata;
- [x] the member body code on every row, ge / te / ed, line number when known (PDF drafts),
      clause number (or the unnumbered clause's title, or `General`), paragraph / note / table;
- [x] paragraph styles `ISO_MB`, `ISO_Clause`, `ISO_Paragraph`, `ISO_Comm_Type`,
      `ISO_Comments`, `ISO_Change`, `ISO_Secret_Observations` as in the official form;
- [x] no merged cells, no embedded files (the IEC checker rejects both);
- [x] `read_iso_form` reads a filled form back (ours or the official one);
- [ ] the legacy FORM 13B (2001-09) layout.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Final

from lxml import etree

from ..docxwrite import Cell, DocxBuilder, Field, Margins, P, Run, Section, Spacing, Table
from ..docxwrite.styles import DocDefaults
from ..ooxml import W_NS, parse_xml
from ..readers.docx.package import open_package
from .base import Output, WriterInput, render, template_env

#: Column widths of the official form (twips), and the width of its tables.
GRID: Final = (606, 908, 1209, 1209, 1115, 4177, 4233, 2419)
TITLE_GRID: Final = (7740, 2410, 3119, 2607)
#: The eight headings: (text, footnote mark, hint) as the official form writes them.
HEADINGS: Final = (
    ("MB/NC", "1", ""),
    ("Line number", "", "(e.g. 17)"),
    ("Clause/ Subclause", "", "(e.g. 3.1)"),
    ("Paragraph/ Figure/ Table/", "", "(e.g. Table 1)"),
    ("Type of comment", "2", ""),
    ("Comments", "", ""),
    ("Proposed change", "", ""),
    ("Observations of the secretariat", "", ""),
)
CELL_STYLES: Final = (
    ("ISOMB", "ISO_MB"),
    ("ISOClause", "ISO_Clause"),
    ("ISOClause", "ISO_Clause"),
    ("ISOParagraph", "ISO_Paragraph"),
    ("ISOCommType", "ISO_Comm_Type"),
    ("ISOComments", "ISO_Comments"),
    ("ISOChange", "ISO_Change"),
    ("ISOSecretObservations", "ISO_Secret_Observations"),
)
TITLE: Final = "Template for comments and secretariat observations"
VERSION: Final = "ISO/IEC/CEN/CENELEC  electronic balloting commenting template/version 2012-03"
#: The footnotes of the form, as (text, bold) runs.
FOOTNOTE_MB: Final = (
    ("MB", True),
    (" = Member body / ", False),
    ("NC", True),
    (
        " = National Committee (enter the ISO 3166 two-letter country code, e.g. CN for "
        "China; comments from the ISO/CS editing unit are identified by **)",
        False,
    ),
)
FOOTNOTE_TYPE: Final = (
    ("Type of comment:", True),
    ("\t", False),
    ("ge", True),
    (" = general\t", False),
    ("te", True),
    (" = technical\t", False),
    ("ed", True),
    (" = editorial", False),
)
_FULL: Final = ("top", "left", "bottom", "right")
_TIGHT: Final = Spacing(before=60, after=60, line=240, line_rule="auto")


@dataclass(frozen=True, slots=True)
class IsoComment:
    """One row of a commenting form."""

    member_body: str
    line: str
    clause: str
    element: str
    type: str
    comment: str
    proposed_change: str
    observations: str = ""


@dataclass(frozen=True, slots=True)
class IsoForm:
    """A commenting form as read back: its title line and its rows."""

    date: str
    document: str
    project: str
    headings: tuple[str, ...]
    rows: tuple[IsoComment, ...]


def clause_of(clause: str, clause_title: str) -> str:
    """Return the Clause/ Subclause value: the number, an unnumbered clause's title, or General."""
    return clause or clause_title or "General"


def _heading_cell(text: str, mark: str, hint: str) -> Cell:
    runs: list[Run] = [Run(text, bold=True, size=8)]
    if mark:
        runs.append(Run(mark, bold=True, size=8, vert_align="superscript"))
    paras = [P(runs, align="center", keep_lines=True, spacing=Spacing(before=100, after=60))]
    if hint:
        paras.append(P([Run(hint, size=8)], align="center", spacing=Spacing(after=60)))
    return Cell(paras)


def _title_cell(label: str, value: str, *, framed: bool = True) -> Cell:
    size = 10.0 if framed else 11.0
    runs = [Run(label, bold=not framed or None, size=size)]
    if value:
        runs.append(Run(" " + value, bold=True, size=size))
    return Cell([P(runs, style="ISOChange", spacing=_TIGHT)], borders=_FULL if framed else ())


def header_blocks(date: str, document: str, project: str) -> list[P | Table]:
    """The page header: the title line and the eight column headings."""
    title = Table(
        [
            [
                _title_cell(TITLE, "", framed=False),
                _title_cell("Date:", date),
                _title_cell("Document:", document),
                _title_cell("Project:", project),
            ]
        ],
        widths=list(TITLE_GRID),
        borders=False,
        align="center",
    )
    headings = Table([[_heading_cell(*h) for h in HEADINGS]], widths=list(GRID), align="center")
    return [title, P(style="Header"), headings]


def _footnote(mark: str, parts: tuple[tuple[str, bool], ...]) -> P:
    runs: list[Run | str] = [Run(mark, size=8), "\t"]
    runs += [Run(text, bold=bold or None, size=8) for text, bold in parts]
    return P(runs, style="Footer", spacing=Spacing(before=0, after=0))


def footer_blocks() -> list[P | Table]:
    """The page footer: the two footnotes, the page count and the form's version."""
    small = Spacing(before=0, after=0)
    return [
        _footnote("1", FOOTNOTE_MB),
        _footnote("2", FOOTNOTE_TYPE),
        P([Run("page ", size=8), Field("PAGE", Run("1", size=8)), Run(" of ", size=8),
           Field("NUMPAGES", Run("1", size=8))], style="Footer", align="right", spacing=small),
        P([Run(VERSION, italic=True, size=8)], style="Footer", spacing=small),
    ]  # fmt: skip


def _paragraphs(text: str, style: str) -> list[P]:
    chunks = [c.strip() for c in text.split("\n\n") if c.strip()] or [""]
    return [P(" ".join(c.split()), style=style, spacing=_TIGHT) for c in chunks]


def _add_styles(doc: DocxBuilder) -> None:
    doc.defaults = DocDefaults(font="Arial", size=11.0, lang="en-GB")
    doc.style("Normal", "Normal", default=True, q_format=True, align="both")
    for style_id, name in dict(CELL_STYLES).items():
        doc.style(style_id, name, based_on="Normal", size=9, align="left",
                  spacing=Spacing(before=60, after=60))  # fmt: skip
    doc.style("Header", "header", based_on="Normal", size=9, spacing=Spacing(before=0))
    doc.style("Footer", "footer", based_on="Normal", size=8, spacing=Spacing(before=0))


def write_iso_form(job: WriterInput) -> Output:
    """Write the ISO/IEC commenting template for `job` (see the module docstring)."""
    env = template_env(job.templates)
    meta = job.meta
    rows: list[list[Cell | str | P]] = []
    for comment in job.sheet.comments:
        context = {"comment": comment.as_context()}
        values = (
            meta.member_body,
            "" if comment.line is None else str(comment.line),
            clause_of(comment.clause, comment.clause_title),
            comment.element,
            comment.type,
            render(env, "iso/comment.j2", context),
            render(env, "iso/proposed-change.j2", context),
            "",
        )
        rows.append(
            [Cell(_paragraphs(v, style)) for v, (style, _) in zip(values, CELL_STYLES, strict=True)]
        )
    if not rows:
        rows.append([Cell(_paragraphs("", style)) for style, _ in CELL_STYLES])
    doc = DocxBuilder(title=TITLE, creator=meta.source, subject=meta.iso_document)
    _add_styles(doc)
    doc.add(Table(rows, widths=list(GRID), align="center"))
    doc.section = Section(
        landscape=True,
        margins=Margins(top=851, right=851, bottom=851, left=851, header=567, footer=567),
        header=header_blocks(meta.date, meta.iso_document, meta.iso_project),
        footer=footer_blocks(),
    )
    return Output(doc.to_bytes(), (), {"rows": len(job.sheet.comments)})


# -- reading a form back -----------------------------------------------------------------------

_W = f"{{{W_NS}}}"


def _text(element: etree._Element) -> str:
    paras = []
    for p in element.iter(f"{_W}p"):
        parts = []
        for node in p.iter(f"{_W}t", f"{_W}tab"):
            parts.append("\t" if node.tag == f"{_W}tab" else (node.text or ""))
        paras.append("".join(parts))
    return "\n\n".join(x for x in paras if x) if paras else ""


def _cells(row: etree._Element) -> list[etree._Element]:
    return list(row.findall(f"{_W}tc"))


def read_iso_form(path: str | Path) -> IsoForm:
    """Read a commenting form: the title line and headings from the header, the body rows."""
    package = open_package(Path(path))
    try:
        document = parse_xml(package.read("word/document.xml"))
        names = sorted(n for n in package.archive.namelist() if n.startswith("word/header"))
        headers = [parse_xml(package.read(n)) for n in names]
    finally:
        package.close()
    date = doc = project = ""
    headings: tuple[str, ...] = ()
    for root in headers:
        tables = list(root.iter(f"{_W}tbl"))
        for table in tables:
            for row in table.findall(f"{_W}tr"):
                texts = [_text(c) for c in _cells(row)]
                joined = " ".join(texts)
                if "Date:" in joined and "Project:" in joined:
                    for t in texts:
                        flat = " ".join(t.split())
                        if flat.startswith("Date:"):
                            date = flat.removeprefix("Date:").strip()
                        elif flat.startswith("Document:"):
                            doc = flat.removeprefix("Document:").strip()
                        elif flat.startswith("Project:"):
                            project = flat.removeprefix("Project:").strip()
                elif len(texts) == len(GRID) and texts[0].startswith("MB"):
                    headings = tuple(texts)
        if headings:
            break
    body_tables = document.findall(f"{_W}body/{_W}tbl")
    rows: list[IsoComment] = []
    if body_tables:
        table = body_tables[1] if len(body_tables) > 1 else body_tables[0]
        for row in table.findall(f"{_W}tr"):
            texts = [_text(c) for c in _cells(row)]
            if len(texts) != len(GRID) or not any(texts):
                continue
            rows.append(IsoComment(*texts))
    return IsoForm(date, doc, project, headings, tuple(rows))


__all__ = [
    "GRID",
    "HEADINGS",
    "IsoComment",
    "IsoForm",
    "clause_of",
    "read_iso_form",
    "write_iso_form",
]
