"""ITU-T contribution (.docx): header table, abstract, discussion, proposal with revision marks.

Supported constructs:
- [x] header table as in formats.md §1.1: document number, study group, study period,
      Question(s), place and date, CONTRIBUTION or TD, Source, Title, one Contact row per author
      (name / organization / country | Tel. / E-mail), ruled row by row, no logo;
- [x] Abstract table (label | text), warning above 200 words (A.2);
- [x] body from `templates/itu-t/contribution.j2` (writer markup, see `markup`): numbered
      clauses `1<TAB>Introduction` in `heading 1/2` as ITU-T types them, unnumbered
      `Heading_b` run-in headings, quoted draft text, lists, italic/bold;
- [x] proposed changes as real revision marks (`w:del` / `w:ins`, author = source organization,
      date = the metadata date) on the quoted clause text, with "…" for unchanged text around it;
- [x] summary table: clause | current text | proposed change | rationale (repeated header row);
- [x] references in `Ref_text`; Times New Roman 12 pt, A4, ITU-T style names and margins;
- [x] page header from page 2: "- n -" and the document number (A.2 I.2.2);
- [x] warning when the body (tables left out) exceeds about 2,500 words (A.2);
- [ ] ITU logo, translation and patent statements, the A.1 justification form.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final

from ..comments import CommentSheet, Proposal
from ..contribution import ContributionMeta
from ..docxwrite import Cell, Del, DocxBuilder, Field, Indent, Ins, P, Run, Section, Spacing, Table
from ..docxwrite.blocks import Block
from ..docxwrite.inline import Inline
from ..docxwrite.presets import itu_t_styles
from .base import Output, WriterInput, render, sheet_context, template_env, words
from .markup import Directive, Heading, Node, Paragraph, parse, spans, unmark

BODY_WORD_LIMIT: Final = 2500
ABSTRACT_WORD_LIMIT: Final = 200
ELLIPSIS: Final = "\u2026"

#: Header table grid (twips), 9,638 between the margins: label | value | middle | right.
#: The masthead spans the first three columns, contact details the last two.
HEADER_GRID: Final = (1701, 4253, 850, 2834)
SUMMARY_GRID: Final = (1134, 3119, 3119, 2266)
_RULE: Final = ("bottom",)


@dataclass
class _Body:
    """The body blocks being built, with heading counters and word count."""

    blocks: list[Block] = field(default_factory=list)
    clause: int = 0
    subclause: int = 0
    words: int = 0

    def add(self, block: Block, text: str = "") -> None:
        self.blocks.append(block)
        self.words += words(text)


def _runs(text: str, *, bold: bool | None = None, size: float | None = None) -> list[Inline]:
    out: list[Inline] = []
    for span in spans(text):
        out.append(
            Run(span.text, bold=True if span.bold else bold, italic=span.italic or None, size=size)
        )
    return out


def _label(text: str) -> P:
    return P([Run(text, bold=True)], style="Normal", spacing=Spacing(before=60, after=60))


def _cell(text: str, *, bold: bool = False, size: float | None = None, align: str | None = None,
          span: int = 1, borders: tuple[str, ...] = (), caps: bool = False) -> Cell:  # fmt: skip
    lines = text.split("\n") if text else [""]
    paras = [
        P(
            [Run(line, bold=bold or None, size=size, caps=caps or None)],
            align=align,
            spacing=Spacing(before=40, after=40),
        )
        for line in lines
    ]
    return Cell(paras, span=span, borders=borders)


def header_table(meta: ContributionMeta) -> Table:
    """The first-page header table (formats.md §1.1 A)."""
    rows: list[list[Cell | str | P]] = [
        [
            _cell("INTERNATIONAL TELECOMMUNICATION UNION", size=8, span=3),
            _cell(meta.document_number, bold=True, size=16, align="right"),
        ],
        [
            _cell("TELECOMMUNICATION STANDARDIZATION SECTOR", bold=True, size=12, span=3),
            _cell(f"STUDY GROUP {meta.study_group}".strip(), bold=True, size=14, align="right"),
        ],
        [
            _cell(f"STUDY PERIOD {meta.study_period}".strip(), size=10, span=3, borders=_RULE),
            _cell(f"Original: {meta.language}", align="right", borders=_RULE),
        ],
        [
            _cell("Question(s):", bold=True, borders=_RULE),
            _cell(meta.questions, borders=_RULE),
            _cell(
                ", ".join(x for x in (meta.place, meta.meeting_date) if x),
                align="right",
                span=2,
                borders=_RULE,
            ),
        ],
        [_cell(meta.doc_type_label, bold=True, align="center", span=4, borders=_RULE)],
        [_cell("Source:", bold=True), _cell(meta.source, span=3)],
        [_cell("Title:", bold=True, borders=_RULE), _cell(meta.title, span=3, borders=_RULE)],
    ]
    for contact in meta.contacts:
        who = "\n".join(x for x in (contact.name, contact.organization, contact.country) if x)
        how = "\n".join(
            x for x in (f"Tel: {contact.tel}" if contact.tel else "",
                        f"E-mail: {contact.email}" if contact.email else "") if x
        )  # fmt: skip
        rows.append(
            [
                _cell("Contact:", bold=True, borders=_RULE),
                _cell(who, borders=_RULE),
                _cell(how, span=2, borders=_RULE),
            ]
        )
    return Table(rows, widths=list(HEADER_GRID), borders=False)


def abstract_table(paragraphs: Sequence[str]) -> Table:
    """The abstract, as a two-column table after the header (formats.md §1.1 A)."""
    text = [
        P(_runs(p), align="both", spacing=Spacing(before=60, after=60)) for p in paragraphs
    ] or [P()]
    return Table(
        [[Cell([_label("Abstract:")], borders=_RULE), Cell(text, span=3, borders=_RULE)]],
        widths=list(HEADER_GRID),
        borders=False,
    )


def revision_paragraph(proposal: Proposal, author: str, date: str) -> P:
    """The quoted text with the proposal's edit as `w:del` / `w:ins` revision marks."""
    content: list[Inline] = []
    if proposal.before:
        content.append(ELLIPSIS + " ")
    if proposal.kind == "delete":
        content.append(Del(proposal.old, author=author, date=date))
    elif proposal.kind == "replace":
        content.append(Del(proposal.old, author=author, date=date))
        content.append(Ins(proposal.new, author=author, date=date))
    else:  # insert-after
        content.append(proposal.old)
        content.append(Ins(" " + proposal.new, author=author, date=date))
    if proposal.after:
        content.append(" " + ELLIPSIS)
    return P(content, style="Proposal")


def _summary_table(rows: Sequence[tuple[str, str, str, str]]) -> Table:
    head = ["Clause", "Current text", "Proposed change", "Rationale"]
    body: list[list[Cell | str | P]] = [list(head)]
    for row in rows:
        body.append([Cell([P(_runs(cell), style="Tabletext")]) for cell in row])
    return Table(
        body,
        widths=list(SUMMARY_GRID),
        head_rows=1,
        head_style="Tablehead",
        cell_style="Tabletext",
    )


def _add_styles(doc: DocxBuilder) -> None:
    itu_t_styles(doc)
    # fmt: off
    doc.style("Quotation", "Quotation", based_on="Normal", italic=True,
              indent=Indent(left=794, right=567), spacing=Spacing(before=80))
    doc.style("Proposal", "Proposal", based_on="Normal", indent=Indent(left=397),
              spacing=Spacing(before=120, after=120), keep_lines=True)
    # fmt: on


class _Builder:
    def __init__(self, job: WriterInput) -> None:
        self.job = job
        self.sheet: CommentSheet = job.sheet
        self.meta = job.meta
        self.env = template_env(job.templates)
        self.body = _Body()
        self.warnings: list[str] = []
        self.context = sheet_context(job)

    def _summary_rows(self) -> list[tuple[str, str, str, str]]:
        rows: list[tuple[str, str, str, str]] = []
        by_first = {p.comments[0].id: p for p in self.sheet.proposals}
        in_proposal = {c.id for p in self.sheet.proposals for c in p.comments}
        for comment in self.sheet.comments:
            proposal = by_first.get(comment.id)
            if proposal is not None:
                context = {"proposal": proposal.as_context(), "comment": None}
                current = proposal.old
                clause = proposal.clause or proposal.clause_title
            elif comment.id not in in_proposal:
                context = {"proposal": None, "comment": comment.as_context()}
                current = comment.quote
                clause = comment.clause or comment.clause_title or "General"
            else:
                continue
            change = render(self.env, "itu-t/summary-change.j2", context).strip()
            rationale = render(self.env, "itu-t/summary-rationale.j2", context).strip()
            rows.append((clause, current, change, rationale))
        return rows

    def _node(self, node: Node) -> None:
        body = self.body
        if isinstance(node, Heading):
            text = unmark(node.text)
            if node.level == 1:
                body.clause += 1
                body.subclause = 0
                body.add(P(f"{body.clause}\t{text}", style="Heading1"), text)
            elif node.level == 2:
                body.subclause += 1
                number = f"{body.clause}.{body.subclause}"
                body.add(P(f"{number}\t{text}", style="Heading2"), text)
            else:
                body.add(P(text, style="Headingb"), text)
        elif isinstance(node, Paragraph):
            text = unmark(node.text)
            if node.kind == "quote":
                body.add(P(_runs(node.text), style="Quotation"), text)
            elif node.kind == "item":
                body.add(P(["\u2013\t", *_runs(node.text)], style="enumlev1"), text)
            else:
                body.add(P(_runs(node.text), style="Normal"), text)
        else:
            self._directive(node)

    def _directive(self, node: Directive) -> None:
        body = self.body
        if node.name == "change":
            number = int(node.args) if node.args.isdigit() else 0
            proposal = next((p for p in self.sheet.proposals if p.number == number), None)
            if proposal is None:
                self.warnings.append(f"contribution template: no proposed change {node.args!r}")
                return
            para = revision_paragraph(proposal, self.meta.source, self.meta.revision_date)
            body.add(para, proposal.old + " " + proposal.new)
        elif node.name == "summary":
            rows = self._summary_rows()
            if rows:
                body.add(_summary_table(rows))
        elif node.name == "ref":
            args = node.args
            cut = args.find("]") + 1 if args.startswith("[") else args.find(" ")
            tag, text = (args[:cut], args[cut:]) if cut > 0 else (args, "")
            body.add(P([*_runs(tag), "\t", *_runs(text.strip())], style="Reftext"),
                     unmark(node.args))  # fmt: skip
        else:
            self.warnings.append(f"contribution template: unknown directive @{node.name}")

    def build(self) -> Output:
        abstract = render(self.env, "itu-t/abstract.j2", self.context)
        abstract_paras = [unmark(n.text) for n in parse(abstract) if isinstance(n, Paragraph)]
        abstract_words = sum(words(p) for p in abstract_paras)
        if abstract_words > ABSTRACT_WORD_LIMIT:
            self.warnings.append(
                f"the abstract has {abstract_words} words; ITU-T A.2 asks for at most "
                f"{ABSTRACT_WORD_LIMIT}"
            )
        for node in parse(render(self.env, "itu-t/contribution.j2", self.context)):
            self._node(node)
        if self.body.words > BODY_WORD_LIMIT:
            self.warnings.append(
                f"the body has about {self.body.words} words; ITU-T A.2 asks for about "
                f"{BODY_WORD_LIMIT} (5 pages) at most: accept fewer entries or shorten them"
            )
        doc = DocxBuilder(
            title=self.meta.title,
            creator=self.meta.source,
            subject=self.sheet.draft.name,
            track_revisions=True,
        )
        _add_styles(doc)
        doc.add(header_table(self.meta), P(), abstract_table(abstract_paras), P())
        doc.add(*self.body.blocks)
        doc.section = Section(
            header=[
                P(["- ", Field("PAGE", "2"), " -"], style="Header"),
                P(self.meta.document_number, style="Header"),
            ],
            first_header="",
        )
        figures = {
            "words": self.body.words,
            "abstract_words": abstract_words,
            "proposals": len(self.sheet.proposals),
            "comments": len(self.sheet.comments),
        }
        return Output(doc.to_bytes(), tuple(self.warnings), figures)


def write_itu_contribution(job: WriterInput) -> Output:
    """Write the ITU-T contribution for `job` (see the module docstring)."""
    return _Builder(job).build()


__all__ = [
    "ABSTRACT_WORD_LIMIT",
    "BODY_WORD_LIMIT",
    "abstract_table",
    "header_table",
    "revision_paragraph",
    "write_itu_contribution",
]
