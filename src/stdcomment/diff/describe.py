"""The wording every diff writer shares: how a change, a place and the counts are said.

rfcdiff's changes-only mode says "Section 6.3, paragraph 2:"; drafts say "clause", and a
clause that was renumbered is cited with both numbers: "Clause 6.3 → 7.1, paragraph 2".
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..model import BlockKind
from .model import (
    BlockChange,
    BlockChangeKind,
    CellChange,
    ChangeKind,
    ClauseChange,
    ConcernChange,
    ConcernStatus,
    DraftDiff,
    FollowUp,
    FollowUpStatus,
    OpTag,
    RowChange,
)

ARROW = "→"


def plural(count: int, word: str, many: str | None = None) -> str:
    """Return "1 clause", "3 clauses" (or `many` for irregular plurals)."""
    return f"{count} {word if count == 1 else many or word + 's'}"


def clause_cite(change: ClauseChange) -> str:
    """Return "6.3 → B.1", "7.5 → 8.5 + 8.6", "8.2" (same number) or "6" (added)."""
    old, new = change.old_cite, change.new_cite
    if not change.old:
        return new
    if not change.new or old == new:
        return old
    return f"{old} {ARROW} {new}"


def _clause_word(cite: str) -> str:
    """Return "Clause 6.3" for numbers; annexes, articles and titles stand alone."""
    if cite == "(preamble)":
        return "Preamble"
    if cite[:1].isdigit() or (len(cite) > 1 and cite[1] == "." and cite[0].isalpha()):
        return f"Clause {cite}"
    return cite


def clause_heading(change: ClauseChange) -> str:
    """Return "Clause 6.3 → B.1 Interfaces" (the new title, or the old one if removed)."""
    refs = change.new or change.old
    cite = clause_cite(change)
    if not refs or not refs[0].number:  # unnumbered: the title is the cite
        return _clause_word(cite)
    return f"{_clause_word(cite)} {change.title}".rstrip()


def block_cite(change: ClauseChange, block: BlockChange) -> str:
    """Return "Clause 7.1 → 8.1, paragraph 2" (or "..., Table 1") for a changed block."""
    new = change.new[block.new_part or 0].cite if change.new else ""
    old = change.old[block.old_part or 0].cite if change.old else ""
    clause = f"{old} {ARROW} {new}" if old and new and old != new else new or old
    where = _clause_word(clause)
    paragraph = block.new_paragraph if block.new_paragraph is not None else block.old_paragraph
    if block.is_table or block.block_kind == BlockKind.TABLE:
        return f"{where}, {block.label or f'table (paragraph {paragraph})'}"
    return f"{where}, paragraph {paragraph}"


def display(block: BlockChange, text: str) -> str:
    """Return a block's text as a reader sees it: "NOTE – ...", "Table 1 – ...", "a) ..."."""
    if not text or not block.label:
        return text
    if block.block_kind in (BlockKind.NOTE, BlockKind.CAPTION):
        return f"{block.label} – {text}"
    if block.block_kind == BlockKind.LIST_ITEM:
        return f"{block.label} {text}"
    return text


def row_cite(row: RowChange) -> str:
    """Return "row 5 (Fear)" (new numbering, from 1), "row 3 (removed)", "row 4 (added)"."""
    number = row.new_row if row.new_row is not None else row.old_row
    assert number is not None
    if row.kind == BlockChangeKind.MODIFIED:
        return f"row {number + 1}" + (f" ({_short(row.head)})" if row.head else "")
    return f"row {number + 1} ({row.kind})"


def cell_cite(cell: CellChange) -> str:
    """Return "cell 2 (Minimum accuracy (%))"."""
    return f"cell {cell.column + 1}" + (f" ({_short(cell.heading)})" if cell.heading else "")


def _short(text: str, size: int = 40) -> str:
    line = " ".join(text.split())
    return line if len(line) <= size else line[: size - 1].rstrip() + "…"


def kind_phrase(change: ClauseChange) -> str:
    """Return what happened to a clause in a few words ("moved, renumbered and modified")."""
    if change.kind == ChangeKind.SPLIT:
        parts = " and ".join(r.label for r in change.new)
        return f"split into {parts}" + ("" if change.modified else " (text unchanged)")
    if change.kind == ChangeKind.MERGED:
        parts = " and ".join(r.label for r in change.old)
        return f"merged from {parts}" + ("" if change.modified else " (text unchanged)")
    if change.kind in (ChangeKind.ADDED, ChangeKind.REMOVED, ChangeKind.UNCHANGED):
        return str(change.kind)
    words = []
    if change.moved:
        old_parent, new_parent = change.old[0].parent, change.new[0].parent
        if change.moved_with_parent:
            words.append("moved with its parent clause")
        elif old_parent != new_parent:
            words.append(
                f"moved from {old_parent or 'the top level'} to {new_parent or 'the top level'}"
            )
        else:
            words.append("moved")
    if change.renumbered and not change.moved:
        words.append("renumbered")
    if change.retitled:
        words.append("retitled")
    if any(b.substantive for b in change.blocks):
        words.append("modified")
    if not words:
        words.append("cross-references updated")
    return ", ".join(words[:-1]) + (" and " if len(words) > 1 else "") + words[-1]


@dataclass(frozen=True, slots=True)
class Summary:
    """The counts line of a diff, in words."""

    clauses: str
    blocks: str


def summary(diff: DraftDiff) -> Summary:
    """Return the counts of `diff` as two sentences."""
    n = diff.counts()
    parts = [
        (n.added, "added"),
        (n.removed, "removed"),
        (n.moved, "moved"),
        (n.split, "split"),
        (n.merged, "merged"),
        (n.modified, "modified"),
        (n.renumbered, "renumbered"),
        (n.unchanged, "unchanged"),
    ]
    said = ", ".join(f"{count} {word}" for count, word in parts if count)
    clauses = f"Clauses: {n.clauses_old} old, {n.clauses_new} new: {said or 'none'}."
    blocks = [
        (n.blocks_modified, "modified"),
        (n.blocks_added, "added"),
        (n.blocks_removed, "removed"),
        (n.blocks_moved, "moved"),
    ]
    block_words = ", ".join(f"{count} {word}" for count, word in blocks if count)
    text = f"Paragraphs and tables: {block_words or 'no changes'}"
    if n.cells_changed:
        text += f"; {plural(n.cells_changed, 'table cell')} changed"
    if n.references_followed:
        text += (
            f"; {plural(n.references_followed, 'paragraph')} only follow the renumbering "
            "in cross-references"
        )
    return Summary(clauses, text + ".")


def renumbered_only(diff: DraftDiff) -> list[str]:
    """Return "6 → 7" for each clause renumbered with its text unchanged."""
    return [
        f"{c.old[0].cite} {ARROW} {c.new[0].cite}"
        for c in diff.clauses
        if c.kind == ChangeKind.RENUMBERED
    ]


def references_followed(diff: DraftDiff) -> list[str]:
    """Return "8.3 ¶2" for each paragraph whose only change is a followed cross-reference."""
    out = []
    for change in diff.clauses:
        for block in change.blocks:
            if block.kind == BlockChangeKind.REFERENCES:
                part = block.new_part or 0
                cite = change.new[part].cite if change.new else change.old_cite
                out.append(f"{cite} ¶{block.new_paragraph}")
    return out


def detailed(diff: DraftDiff) -> Iterator[ClauseChange]:
    """Yield the clause changes a reader must look at (not unchanged, not only renumbered,
    not moved along with a parent clause without changes of their own)."""
    for change in diff.clauses:
        if change.kind in (ChangeKind.UNCHANGED, ChangeKind.RENUMBERED):
            continue
        if change.moved_with_parent and not change.modified:
            continue
        if change.kind == ChangeKind.MODIFIED and not change.modified:
            continue
        yield change


def moved_along(diff: DraftDiff, change: ClauseChange) -> list[str]:
    """Return "6.3.1 → B.1.1" for the unchanged sub-clauses that moved with `change`."""
    if not change.moved or not change.old:
        return []
    prefix = change.old[0].number + "."
    return [
        f"{c.old[0].cite} {ARROW} {c.new[0].cite}"
        for c in diff.clauses
        if c.moved_with_parent
        and not c.modified
        and c.old
        and c.new
        and c.old[0].number.startswith(prefix)
    ]


def word_changes(block: BlockChange) -> list[tuple[str, str]]:
    """Return (old, new) for each changed stretch of a paragraph (empty side for inserts)."""
    return [(op.old.strip(), op.new.strip()) for op in block.ops if op.tag != OpTag.EQUAL]


def concern_counts(diff: DraftDiff) -> dict[ConcernStatus, int]:
    """Return how many concerns are new, gone and persisting."""
    counts = dict.fromkeys(ConcernStatus, 0)
    for concern in diff.concerns:
        counts[concern.status] += 1
    return counts


def concern_where(concern: ConcernChange) -> str:
    """Return "7.7 → 8.8", "6.1" or "7.2.2" for a concern."""
    old, new = concern.old_clause, concern.new_clause
    if old and new and old != new:
        return f"{old} {ARROW} {new}"
    return new or old


def concern_score(concern: ConcernChange) -> str:
    """Return "88 → 61", "55" or "90"."""

    def fmt(value: float | None) -> str:
        return f"{value:.0f}" if value is not None else ""

    if concern.old_score is not None and concern.new_score is not None:
        return f"{fmt(concern.old_score)} {ARROW} {fmt(concern.new_score)}"
    return fmt(concern.new_score if concern.new_score is not None else concern.old_score)


FOLLOWUP_WORDS = {
    FollowUpStatus.FULLY: "adopted",
    FollowUpStatus.PARTLY: "partly adopted",
    FollowUpStatus.NOT: "not adopted",
    FollowUpStatus.CLAUSE_REMOVED: "clause removed",
    FollowUpStatus.NO_CHANGE_PROPOSED: "no text change proposed",
}


def followup_counts(diff: DraftDiff) -> str:
    """Return "3 accepted comments: 1 adopted, 1 partly adopted, 1 not adopted"."""
    counts: dict[FollowUpStatus, int] = {}
    for item in diff.followups:
        counts[item.status] = counts.get(item.status, 0) + 1
    said = ", ".join(
        f"{counts[status]} {FOLLOWUP_WORDS[status]}"
        for status in FollowUpStatus
        if status in counts
    )
    return f"{plural(len(diff.followups), 'accepted comment')}" + (f": {said}" if said else "")


def followup_where(item: FollowUp) -> str:
    """Return "7.7 → 8.8" or "7.2.2"."""
    if item.new_clause and item.new_clause != item.clause:
        return f"{item.clause} {ARROW} {item.new_clause}"
    return item.clause


__all__ = [
    "ARROW",
    "FOLLOWUP_WORDS",
    "Summary",
    "block_cite",
    "cell_cite",
    "clause_cite",
    "clause_heading",
    "concern_counts",
    "concern_score",
    "concern_where",
    "detailed",
    "display",
    "followup_counts",
    "followup_where",
    "kind_phrase",
    "moved_along",
    "plural",
    "references_followed",
    "renumbered_only",
    "row_cite",
    "summary",
    "word_changes",
]
