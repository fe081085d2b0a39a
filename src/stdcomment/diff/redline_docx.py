"""The redline: the new draft rebuilt as a .docx whose tracked changes lead back to the old one.

Every difference the diff found is a real revision by author "stdcomment" (`w:ins` / `w:del`,
paragraph marks and table rows included), so a reviewer steps through them in Word or
LibreOffice and accepts or rejects each: accepting all gives the new draft's text, rejecting
all the old draft's. Clause headings are kept as headings (typed numbers in `heading N`
styles, annex and appendix titles in their ITU-T styles), so the navigation pane still shows
the clause tree; a renumbered heading shows the number change as a revision.

What each kind of change becomes:
  - unchanged text: plain paragraphs;
  - a modified paragraph: deleted and inserted runs at the words that changed;
  - an added or removed paragraph, clause or table row: inserted or deleted content with an
    inserted or deleted paragraph mark (row mark);
  - a moved clause: deleted at its old place, inserted at its new one (with its changes);
  - a split or merge: the clause heading that appears or disappears is inserted or deleted
    where the blocks divide.
Cross-references updated to the new numbering are revisions too (rejecting them restores the
old numbers). Cells of a modified table carry their own word-level revisions.

Layout is the ITU-T style set (Times New Roman 12 pt, A4), whatever the body of the drafts:
the redline is for reading the changes, not a replacement for the editor's file. Pictures,
footnotes, Word comments and headers of the drafts are not carried over.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..docxwrite import Cell, Del, DocxBuilder, Ins, Mark, P, Section, Table
from ..docxwrite.inline import Content
from ..docxwrite.presets import itu_t_styles
from ..model import Block, BlockKind, Clause, ClauseKind, Draft
from ..model import Cell as ModelCell
from ..profiles import Profile, profile_for
from ..structure import heading_text
from .model import (
    BlockChange,
    BlockChangeKind,
    ChangeKind,
    ClauseChange,
    DraftDiff,
    OpTag,
    RowChange,
    TextOp,
)
from .normalise import Unit, caption_text, units
from .wordops import word_ops

AUTHOR = "stdcomment"
#: Revisions carry a fixed date, so the same drafts give the same bytes.
DATE = "2026-01-01T00:00:00Z"

#: Style names of the drafts that the ITU-T style set defines, by lower-case name -> id.
KNOWN_STYLES = {
    "rec_no": "RecNo",
    "rec_title": "Rectitle",
    "normal_after_title": "Normalaftertitle",
    "annex_ref": "Annexref",
    "appendix_ref": "Appendixref",
    "enumlev1": "enumlev1",
    "enumlev2": "enumlev2",
    "enumlev3": "enumlev3",
    "note": "Note",
    "ref_text": "Reftext",
    "table_notitle": "TableNoTitle",
    "figure_notitle": "FigureNoTitle",
}


def _ins(content: Content) -> Ins:
    return Ins(content, author=AUTHOR, date=DATE)


def _del(content: Content) -> Del:
    return Del(content, author=AUTHOR, date=DATE)


def _mark(kind: str) -> Mark:
    return Mark(kind, author=AUTHOR, date=DATE)


def _runs(ops: Sequence[TextOp]) -> list[Content]:
    out: list[Content] = []
    for op in ops:
        if op.tag == OpTag.EQUAL:
            if op.new:
                out.append(op.new)
            continue
        if op.old:
            out.append(_del(op.old))
        if op.new:
            out.append(_ins(op.new))
    return out


# -- styles -----------------------------------------------------------------------------------


def heading_style(clause: Clause) -> str:
    """Return the style id a clause heading is written in."""
    if clause.kind in (ClauseKind.ANNEX, ClauseKind.APPENDIX) and "." not in clause.number:
        return "AnnexNoTitle" if clause.kind == ClauseKind.ANNEX else "AppendixNotitle"
    if clause.kind == ClauseKind.BIBLIOGRAPHY and not clause.number:
        return "AppendixNotitle"
    if not clause.number:
        return "Headingb"
    return f"Heading{min(max(clause.level, 1), 9)}"


def block_style(block: Block) -> str | None:
    """Return the style id a block is written in (None: Normal)."""
    known = KNOWN_STYLES.get(block.style.lower())
    if known:
        return known
    if block.kind == BlockKind.LIST_ITEM:
        return "enumlev1"
    if block.kind == BlockKind.NOTE:
        return "Note"
    if block.kind == BlockKind.REFERENCE:
        return "Reftext"
    if block.kind == BlockKind.CAPTION:
        return "FigureNoTitle" if block.label.lower().startswith("fig") else "TableNoTitle"
    return None


def _prefix(block: Block, strict: bool, profile: Profile) -> str:
    """Return what goes before the compared text: the label, when the reader takes it off
    again (a list label from Word's automatic numbering, "1.", stays out: typed, it would
    read back as text)."""
    if strict or not block.label:
        return ""
    if block.kind == BlockKind.NOTE:
        return f"{block.label} – "
    if block.kind == BlockKind.LIST_ITEM:
        typed = f"{block.label}\t"
        return typed if profile.list_marker.match(typed + block.text) else ""
    if block.kind == BlockKind.CAPTION and caption_text(block) != block.text:
        return f"{block.label} – "
    return ""


# -- the document -----------------------------------------------------------------------------


@dataclass
class _Writer:
    diff: DraftDiff
    old: list[Clause]
    new: list[Clause]
    strict: bool
    profile: Profile
    out: list[P | Table]

    def units(self, clause: Clause) -> list[Unit]:
        return units(clause, strict=self.strict)

    # headings

    def heading(self, old: Clause | None, new: Clause | None) -> None:
        if new is not None and not (new.number or new.title):
            new = None
        if old is not None and not (old.number or old.title):
            old = None
        if new is None and old is None:
            return
        if new is None:
            assert old is not None
            self.out.append(P(_del(heading_text(old)), style=heading_style(old), mark=_mark("del")))
        elif old is None:
            self.out.append(P(_ins(heading_text(new)), style=heading_style(new), mark=_mark("ins")))
        else:
            ops = word_ops(heading_text(old), heading_text(new), strict=True)
            self.out.append(P(_runs(ops), style=heading_style(new)))

    # blocks

    def paragraph(self, unit: Unit, content: Content, mark: str | None = None) -> None:
        block = unit.block
        prefix = _prefix(block, self.strict, self.profile)
        body: list[Content] = []
        if prefix:
            body.append(
                _del(prefix) if mark == "del" else _ins(prefix) if mark == "ins" else prefix
            )
        body.append(content)
        self.out.append(P(body, style=block_style(block), mark=_mark(mark) if mark else None))

    def whole(self, unit: Unit, kind: str) -> None:
        """Write `unit` as wholly inserted ("ins") or deleted ("del")."""
        if unit.grid is not None:
            self.table(unit, kind=kind)
            return
        self.paragraph(unit, _ins(unit.text) if kind == "ins" else _del(unit.text), kind)

    def equal(self, unit: Unit) -> None:
        if unit.grid is not None:
            self.table(unit)
        else:
            self.paragraph(unit, unit.text)

    def modified(self, old: Unit, new: Unit, change: BlockChange) -> None:
        if new.grid is not None and old.grid is not None:
            self.table_change(old, new, change.rows)
        elif change.ops:
            self.paragraph(new, _runs(change.ops))
        else:  # a table became a paragraph or the other way round
            self.whole(old, "del")
            self.whole(new, "ins")

    # tables

    def table(self, unit: Unit, *, kind: str | None = None) -> None:
        assert unit.grid is not None
        rows: list[_Row] = []
        for r, row in enumerate(unit.grid):
            wrap = _ins if kind == "ins" else _del if kind == "del" else None
            texts: list[Content] = [wrap(t) if wrap and t else t for t in row]
            rows.append(_Row(texts, _model_row(unit, r), _mark(kind) if kind else None))
        self.out.append(_table(rows))

    def table_change(self, old: Unit, new: Unit, changes: Sequence[RowChange]) -> None:
        assert old.grid is not None
        assert new.grid is not None
        by_old = {r.old_row: r for r in changes if r.old_row is not None}
        by_new = {r.new_row: r for r in changes if r.new_row is not None}
        rows: list[_Row] = []
        i = j = 0
        while i < len(old.grid) or j < len(new.grid):
            removed = by_old.get(i) if i < len(old.grid) else None
            if removed is not None and removed.kind == BlockChangeKind.REMOVED:
                texts: list[Content] = [_del(t) if t else t for t in old.grid[i]]
                rows.append(_Row(texts, _model_row(old, i), _mark("del")))
                i += 1
                continue
            change = by_new.get(j) if j < len(new.grid) else None
            if change is not None and change.kind == BlockChangeKind.ADDED:
                texts = [_ins(t) if t else t for t in new.grid[j]]
                rows.append(_Row(texts, _model_row(new, j), _mark("ins")))
                j += 1
                continue
            cells = {c.column: c for c in change.cells} if change is not None else {}
            texts = []
            for column, text in enumerate(new.grid[j]):
                cell = cells.get(column)
                texts.append(_runs(cell.ops) if cell is not None else text)
            rows.append(_Row(texts, _model_row(new, j), None))
            i += 1
            j += 1
        self.out.append(_table(rows))

    # clauses

    def change(self, change: ClauseChange) -> None:
        olds = [self.old[r.index] for r in change.old]
        news = [self.new[r.index] for r in change.new]
        if change.kind == ChangeKind.ADDED or change.moved:
            for clause in news:
                self.heading(None, clause)
                for u in self.units(clause):
                    self.whole(u, "ins")
            return
        if change.kind == ChangeKind.REMOVED:
            self.moved_from(change)
            return
        old_units = [u for c in olds for u in self.units(c)]
        new_units = [u for c in news for u in self.units(c)]
        old_starts = list(change.old_starts or (0,))
        new_starts = list(change.new_starts or (0,))
        self.heading(olds[0], news[0])
        for kind, i, j, block in _merge(len(old_units), len(new_units), change.blocks):
            if i is not None and i in old_starts[1:]:
                self.heading(olds[old_starts.index(i)], None)
            if j is not None and j in new_starts[1:]:
                self.heading(None, news[new_starts.index(j)])
            if kind == "equal":
                assert i is not None
                assert j is not None
                self.equal(new_units[j])
            elif kind == "del":
                assert i is not None
                self.whole(old_units[i], "del")
            elif kind == "ins":
                assert j is not None
                self.whole(new_units[j], "ins")
            else:
                assert i is not None
                assert j is not None
                assert block is not None
                self.modified(old_units[i], new_units[j], block)
        for k in range(1, len(old_starts)):  # merged clauses with no blocks of their own
            if old_starts[k] >= len(old_units):
                self.heading(olds[k], None)
        for k in range(1, len(new_starts)):
            if new_starts[k] >= len(new_units):
                self.heading(None, news[k])

    def moved_from(self, change: ClauseChange) -> None:
        """Write the old clause(s) of `change` as deleted (removed, or moved away)."""
        for ref in change.old:
            clause = self.old[ref.index]
            self.heading(clause, None)
            for u in self.units(clause):
                self.whole(u, "del")


@dataclass(frozen=True, slots=True)
class _Row:
    """A table row to write: cell contents, the model cells (for spans) and a row mark."""

    texts: list[Content]
    cells: tuple[ModelCell, ...]
    mark: Mark | None


def _model_row(unit: Unit, r: int) -> tuple[ModelCell, ...]:
    table = unit.block.table
    return table.rows[r] if table is not None and r < len(table.rows) else ()


def _cell_p(content: Content) -> P:
    return P(content, style="Tabletext")


def _table(rows: list[_Row]) -> Table:
    """Return a table keeping the drafts' column spans and vertical merges."""
    if not rows:
        return Table([[Cell(P(style="Tabletext"))]], cell_style="Tabletext")
    spans = []
    for row in rows:
        same = len(row.cells) == len(row.texts)
        spans.append([max(1, row.cells[c].grid_span) if same else 1 for c in range(len(row.texts))])
    width = max(sum(s) for s in spans) or 1
    for s in spans:  # the builder wants full rows: the last cell takes what is left
        if s:
            s[-1] += width - sum(s)
    merged = [
        [
            bool(len(row.cells) == len(row.texts) and row.cells[c].merged_above)
            for c in range(len(row.texts))
        ]
        for row in rows
    ]
    out_rows: list[list[Cell | str | P]] = []
    for r, row in enumerate(rows):
        cells: list[Cell | str | P] = []
        column = 0
        for c, text in enumerate(row.texts):
            below = _merged_at(rows, spans, merged, r + 1, column)
            vmerge = "continue" if merged[r][c] else "restart" if below else None
            cells.append(Cell(_cell_p(text), span=spans[r][c], vmerge=vmerge))
            column += spans[r][c]
        if not cells:
            cells.append(Cell(_cell_p(""), span=width))
        out_rows.append(cells)
    return Table(out_rows, cell_style="Tabletext", row_marks=[row.mark for row in rows])


def _merged_at(
    rows: list[_Row], spans: list[list[int]], merged: list[list[bool]], r: int, column: int
) -> bool:
    """Whether row `r` has a vertically merged cell starting at grid column `column`."""
    if r >= len(rows):
        return False
    at = 0
    for c, span in enumerate(spans[r]):
        if at == column:
            return merged[r][c]
        at += span
    return False


def _merge(
    n_old: int, n_new: int, changes: Sequence[BlockChange]
) -> list[tuple[str, int | None, int | None, BlockChange | None]]:
    """Return the blocks of a clause change in an order consistent with both drafts.

    Items are ("equal" | "del" | "ins" | "mod", old index, new index, block change). A block
    moved inside the clause is deleted at its old place and inserted at its new one.
    """
    by_old = {b.old_index: b for b in changes if b.old_index is not None}
    by_new = {b.new_index: b for b in changes if b.new_index is not None}
    out: list[tuple[str, int | None, int | None, BlockChange | None]] = []
    i = j = 0
    while i < n_old or j < n_new:
        gone = by_old.get(i) if i < n_old else None
        if gone is not None and gone.kind in (BlockChangeKind.REMOVED, BlockChangeKind.MOVED):
            out.append(("del", i, None, gone))
            i += 1
            continue
        came = by_new.get(j) if j < n_new else None
        if came is not None and came.kind in (BlockChangeKind.ADDED, BlockChangeKind.MOVED):
            out.append(("ins", None, j, came))
            j += 1
            continue
        if came is not None:
            out.append(("mod", came.old_index, j, came))
            i = (came.old_index if came.old_index is not None else i) + 1
            j += 1
            continue
        if i < n_old and j < n_new:
            out.append(("equal", i, j, None))
            i += 1
            j += 1
        elif i < n_old:  # cannot happen with a consistent diff; keep the old text visible
            out.append(("del", i, None, None))
            i += 1
        else:
            out.append(("ins", None, j, None))
            j += 1
    return out


def redline_order(diff: DraftDiff) -> list[tuple[str, ClauseChange]]:
    """Return the clause changes in redline order, with ("from", change) at the old place of
    each moved clause: the old side then reads in old order, the new side in new order."""
    out: list[tuple[str, ClauseChange]] = [("here", c) for c in diff.clauses]
    moved = sorted((c for c in diff.clauses if c.moved), key=lambda c: c.old[0].index)
    for change in moved:
        index = change.old[0].index
        at = len(out)
        for k, (what, other) in enumerate(out):
            if what == "here" and other.moved:
                continue
            if other.old and other.old[0].index > index:
                at = k
                break
        out.insert(at, ("from", change))
    return out


def _spaced(blocks: list[P | Table]) -> list[P | Table]:
    """Put an empty, untracked paragraph between a paragraph with a tracked mark and a table.

    Accepting a deleted mark (or rejecting an inserted one) joins the paragraph to the next
    one; a table cannot take it, and the paragraph would stay, empty but in its heading
    style. The empty paragraph takes the join instead, and empty paragraphs are not text.
    """
    out: list[P | Table] = []
    for k, block in enumerate(blocks):
        out.append(block)
        after = blocks[k + 1] if k + 1 < len(blocks) else None
        if isinstance(block, P) and block.mark is not None and isinstance(after, Table):
            out.append(P())
    return out


def build_redline(diff: DraftDiff, old: Draft, new: Draft) -> DocxBuilder:
    """Return the redline of `diff` as a document builder (see `redline_bytes`)."""
    profile = profile_for(new.body)
    writer = _Writer(diff, list(old.walk()), list(new.walk()), diff.strict, profile, [])
    for what, change in redline_order(diff):
        if what == "from":
            writer.moved_from(change)
        else:
            writer.change(change)
    title = f"Redline: {diff.old.name} → {diff.new.name}"
    doc = DocxBuilder(
        title=new.metadata.title or title,
        creator=AUTHOR,
        subject=title,
        description="Tracked changes from the old draft to the new one, by stdcomment diff.",
        track_revisions=True,
    )
    itu_t_styles(doc)
    doc.add(*_spaced(writer.out))
    doc.add(P())  # an untracked last paragraph: tracked paragraph marks always have a next one
    doc.section = Section(header=title)
    return doc


def redline_bytes(diff: DraftDiff, old: Draft, new: Draft) -> bytes:
    """Return the redline .docx of `diff` (the same drafts give the same bytes)."""
    return build_redline(diff, old, new).to_bytes()


__all__ = ["AUTHOR", "DATE", "build_redline", "redline_bytes", "redline_order"]
