"""Lay out the F.ERVS sample as an ITU-T TD: cover table, title, contents, clauses, annexes."""

from __future__ import annotations

from collections.abc import Sequence

from stdcomment.docxwrite import (
    Bookmark,
    Br,
    Cell,
    Content,
    DocxBuilder,
    Field,
    FldChar,
    Image,
    InstrText,
    P,
    Run,
    RunFormat,
    SdtRun,
    Section,
    Spacing,
    Tab,
    Table,
)
from stdcomment.docxwrite.presets import itu_t_styles
from tools.itu_ervs import META, TABLE_BOOKMARKS, Meta, nodes
from tools.sampledoc import (
    Annex,
    Bibliography,
    Clause,
    Contents,
    FigureNode,
    Heading,
    Node,
    PageBreak,
    TableNode,
    Term,
    Text,
    Unnumbered,
    clauses,
    estimated_pages,
    walk,
)

WORK_ITEM = "F.ERVS"
TITLE = "Requirements for emotion recognition in intelligent visual surveillance systems"
FICTION = (
    "Fictional sample draft for stdcomment testing. This is not an ITU-T document: its text, "
    "numbers, organizations and contacts are invented."
)
EMU_PER_CM = 360000
BOLD = RunFormat(bold=True)


def build(v: int) -> bytes:
    """Return revision `v` (1 or 2) of the F.ERVS sample as .docx bytes."""
    meta = META[v]
    doc = DocxBuilder(
        title=f"Draft new Recommendation ITU-T {WORK_ITEM}: {TITLE}",
        subject=meta.td,
        description=FICTION,
        track_revisions=v == 1,
    )
    itu_t_styles(doc)
    doc.add(_cover(meta))
    doc.p(f"Draft new Recommendation ITU-T {WORK_ITEM}", style="RecNo",
          spacing=Spacing(before=360))  # fmt: skip
    doc.p(TITLE, style="Rectitle")
    content = nodes(v)
    numbered = clauses(content)
    wrap_next = False
    for node, number in walk(content):
        blocks = _render(node, number, numbered, content)
        if wrap_next and isinstance(node, Text):
            doc.sdt(blocks, tag="summary", alias="Summary")
            wrap_next = False
            continue
        doc.add(*blocks)
        wrap_next = isinstance(node, Unnumbered) and node.title == "Summary"
    doc.section = Section(
        header=[P(meta.td, style="Header")],
        footer=[P(["\u2013 ", Field("PAGE", "2"), " \u2013"], style="Footer", align="center")],
        first_header=[P(style="Header")],
        first_footer=[P(FICTION, style="Footer", align="center")],
    )
    return doc.to_bytes()


def _render(
    node: Node, number: str, numbered: Sequence[Clause], content: Sequence[Node]
) -> list[P | Table]:
    if isinstance(node, Unnumbered):
        return [P(node.title, style="Headingb")]
    if isinstance(node, Text):
        style = None if node.style == "Normal" else node.style
        return [P(node.content, style=style, mark=node.mark, num=node.num)]
    if isinstance(node, Heading):
        title = node.title if isinstance(node.title, list) else [node.title]
        return [P([f"{number}\t", *title], style=f"Heading{node.level}")]
    if isinstance(node, Term):
        source = f" [{node.ref}]" if node.ref else ""
        entry: list[Content] = [
            f"{number}\t",
            Run(node.term, bold=True),
            f"{source}: {node.definition}",
        ]
        return [P(entry, indent=None)]
    if isinstance(node, Annex):
        word = "Appendix" if node.appendix else "Annex"
        style = "AppendixNotitle" if node.appendix else "AnnexNoTitle"
        status = (
            "(This appendix does not form an integral part of this Recommendation.)"
            if node.appendix
            else "(This annex forms an integral part of this Recommendation.)"
        )
        ref_style = "Appendixref" if node.appendix else "Annexref"
        return [
            P([f"{word} {number}", Br(), Br(), node.title], style=style),
            P(status, style=ref_style),
        ]
    if isinstance(node, Bibliography):
        return [P("Bibliography", style="AppendixNotitle")]
    if isinstance(node, TableNode):
        label = f"Table {number}"
        mark = TABLE_BOOKMARKS.get(node.key)
        caption = [Bookmark(mark, label) if mark else label, f" \u2013 {node.caption}"]
        table = Table(
            [list(node.head), *[list(r) for r in node.rows]],
            widths=node.widths or None,
            head_rows=1,
            head_style="Tablehead",
            cell_style="Tabletext",
            align="center",
        )
        return [P(caption, style="TableNoTitle"), table]
    if isinstance(node, FigureNode):
        size = (int(node.width_cm * EMU_PER_CM), int(node.height_cm * EMU_PER_CM))
        picture = Image(node.png, *size, name=f"Figure {number}", description=node.caption)
        return [
            P(picture, style="Figure"),
            P(f"Figure {number} \u2013 {node.caption}", style="FigureNoTitle"),
        ]
    if isinstance(node, Contents):
        return _contents(numbered, content)
    if isinstance(node, PageBreak):
        return [P(Br("page"))]
    raise TypeError(f"unknown node {node!r}")


def _contents(numbered: Sequence[Clause], content: Sequence[Node]) -> list[P | Table]:
    """A table of contents as Word leaves it: toc 1/toc 2 lines inside a TOC field."""
    pages = estimated_pages(content, first_page=3, per_page=17)
    entries = [c for c in numbered if c.level <= 2]
    out: list[P | Table] = [
        P(Br("page")),
        P("Table of Contents", align="center", run=BOLD),
        P("\tPage", style="toc0"),
    ]
    for n, clause in enumerate(entries):
        text: list[Content]
        if clause.kind in ("annex", "appendix") and clause.level == 1:
            word = "Annex" if clause.kind == "annex" else "Appendix"
            text = [f"{word} {clause.number} \u2013 {clause.title}", Tab()]
        elif clause.kind == "bibliography":
            text = ["Bibliography", Tab()]
        else:
            text = [f"{clause.number}\t{clause.title}", Tab()]
        text.append(str(pages.get(clause.key, 1)))
        if n == 0:
            text = [
                Run([FldChar("begin")]),
                Run([InstrText(' TOC \\o "1-2" \\h \\z \\u ')]),
                Run([FldChar("separate")]),
                *text,
            ]
        if n == len(entries) - 1:
            text.append(Run([FldChar("end")]))
        out.append(P(text, style="TOC1" if clause.level == 1 else "TOC2"))
    return out


def _label(text: str) -> Cell:
    return Cell(P(text, run=BOLD))


def _cover(meta: Meta) -> Table:
    """The TD cover table: masthead, Question(s), Study Group, Source, Title, Contacts."""
    big = RunFormat(bold=True, size=13)
    masthead = [
        P("INTERNATIONAL TELECOMMUNICATION UNION", run=RunFormat(size=8), spacing=None),
        P("TELECOMMUNICATION STANDARDIZATION SECTOR", run=big),
        P("STUDY PERIOD 2025-2028", run=RunFormat(size=10)),
    ]
    contact = "\n".join
    rows: list[list[Cell | str | P]] = [
        [Cell(masthead, span=4, vmerge="restart"), Cell(P(meta.td, style="Docnumber"), span=2)],
        [Cell(span=4, vmerge="continue"),
         Cell(P("STUDY GROUP 16", align="right", run=RunFormat(bold=True, size=14)), span=2)],
        [Cell(span=4, vmerge="continue"), Cell(P("Original: English", align="right"), span=2)],
        [_label("Question(s):"), "12/16", _label("Meeting, date:"),
         Cell(P(SdtRun(meta.meeting, tag="meeting-date", alias="Meeting, date")), span=3)],
        [_label("Study Group:"), "16", _label("Working Party:"), "2",
         _label("Intended type of document (R-C-TD):"), "TD"],
        [_label("Source:"), Cell(f"Editors of draft Recommendation ITU-T {WORK_ITEM}", span=5)],
        [_label("Title:"),
         Cell(f'Draft new Recommendation ITU-T {WORK_ITEM} "{TITLE}" ({meta.revision_note})',
              span=5)],
        [_label("Contact:"),
         Cell(contact(["Wen Li", "Northfield Imaging Co.", "Examplia"]), span=3),
         Cell(contact(["Tel: +00 10 5550 0101", "Email: wen.li@northfield-imaging.example"]),
              span=2)],
        [_label("Contact:"),
         Cell(contact(["Amara Osei", "Coastline Analytics Ltd", "Republic of Sampleland"]),
              span=3),
         Cell(contact(["Tel: +00 20 5550 0199", "Email: a.osei@coastline-analytics.example"]),
              span=2)],
        [Cell(P(FICTION, run=RunFormat(italic=True), align="center"), span=6)],
    ]  # fmt: skip
    return Table(rows, widths=(1560, 1700, 1560, 1134, 2268, 1416))


__all__ = ["build"]
