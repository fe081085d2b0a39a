"""The diff model: what changed between two drafts, clause by clause, block by block, word by word.

A `DraftDiff` lists every clause of both drafts once, as a `ClauseChange` (unchanged clauses
included, so the whole correspondence can be followed and replayed): which old clause(s)
became which new clause(s), how (`ChangeKind`), and the changed blocks inside (`BlockChange`),
each with word-level `TextOp`s, or, for tables, changed rows and cells. Unchanged blocks are
not listed: they are the old blocks not named by any block change, in order.

Every object is a frozen dataclass; `DraftDiff.to_dict()` / `from_dict()` give the versioned
JSON form (`DIFF_SCHEMA_VERSION`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from ..model import BlockKind, ClauseKind, Location, _from_json, _to_json

DIFF_SCHEMA_VERSION = "1.0"


class ChangeKind(StrEnum):
    """What happened to a clause between two drafts."""

    UNCHANGED = "unchanged"
    RENUMBERED = "renumbered"  # same text, new number (cross-references may follow)
    MODIFIED = "modified"  # text or title changed (possibly renumbered too)
    MOVED = "moved"  # changed place in the clause tree (possibly renumbered and modified)
    ADDED = "added"
    REMOVED = "removed"
    SPLIT = "split"  # one old clause became several consecutive new clauses
    MERGED = "merged"  # several consecutive old clauses became one new clause


class BlockChangeKind(StrEnum):
    """What happened to a block (paragraph, note, list item, table) inside a clause change."""

    MODIFIED = "modified"
    ADDED = "added"
    REMOVED = "removed"
    MOVED = "moved"  # same text, another place in the clause
    REFERENCES = "references"  # only cross-references changed, following the renumbering


class OpTag(StrEnum):
    """A word-level operation, as in rfcdiff's word diff and difflib's opcodes."""

    EQUAL = "equal"
    INSERT = "insert"
    DELETE = "delete"
    REPLACE = "replace"


@dataclass(frozen=True, slots=True)
class TextOp:
    """One stretch of a text: kept (`equal`), or deleted, inserted or replaced.

    `old` and `new` are the stretch as each draft writes it; an `equal` stretch may differ
    in what is not content (spaces, quote marks) unless the diff is strict.
    """

    tag: OpTag
    old: str = ""
    new: str = ""


def old_text(ops: tuple[TextOp, ...]) -> str:
    """Return the old text that `ops` describe."""
    return "".join(op.old for op in ops)


def new_text(ops: tuple[TextOp, ...]) -> str:
    """Return the new text that `ops` describe."""
    return "".join(op.new for op in ops)


@dataclass(frozen=True, slots=True)
class CellChange:
    """A table cell whose text changed (or every cell of an added or removed row)."""

    column: int
    ops: tuple[TextOp, ...]
    heading: str = ""  # the column's text in the first row, when the cell is below it


@dataclass(frozen=True, slots=True)
class RowChange:
    """A table row that was modified, added or removed; rows are numbered from 0."""

    kind: BlockChangeKind
    old_row: int | None = None
    new_row: int | None = None
    cells: tuple[CellChange, ...] = ()
    head: str = ""  # the row's first cell, when the change is in another cell


@dataclass(frozen=True, slots=True)
class BlockChange:
    """A changed block of a clause change.

    `old_index` / `new_index` count the compared blocks of the change's old / new clauses
    (concatenated when a clause was split or merged) from 0. `old_part` / `new_part` say which
    of those clauses holds the block and `old_paragraph` / `new_paragraph` its place there
    (from 1), as rfcdiff says "Section 6.3, paragraph 2". Paragraphs carry `ops`; tables carry
    `rows` and their row counts.
    """

    kind: BlockChangeKind
    block_kind: BlockKind
    old_index: int | None = None
    new_index: int | None = None
    old_part: int | None = None
    new_part: int | None = None
    old_paragraph: int | None = None
    new_paragraph: int | None = None
    old_location: Location | None = None
    new_location: Location | None = None
    label: str = ""
    ops: tuple[TextOp, ...] = ()
    rows: tuple[RowChange, ...] = ()
    old_rows: int = 0
    new_rows: int = 0
    elsewhere: str = ""  # for added/removed blocks: the clause the same text came from/went to

    @property
    def is_table(self) -> bool:
        """Whether the block is a table compared cell by cell."""
        return self.block_kind == BlockKind.TABLE and (bool(self.rows) or self.old_rows > 0)

    @property
    def old_text(self) -> str:
        """The block's old text (for tables: only the changed cells)."""
        if self.rows:
            return "\n".join(old_text(c.ops) for r in self.rows for c in r.cells if c.ops)
        return old_text(self.ops)

    @property
    def new_text(self) -> str:
        """The block's new text (for tables: only the changed cells)."""
        if self.rows:
            return "\n".join(new_text(c.ops) for r in self.rows for c in r.cells if c.ops)
        return new_text(self.ops)

    @property
    def substantive(self) -> bool:
        """Whether the change is one a reader must look at (not a followed cross-reference)."""
        return self.kind != BlockChangeKind.REFERENCES


@dataclass(frozen=True, slots=True)
class ClauseRef:
    """A clause of one draft: its place in `Draft.walk()` order, number, title and kind."""

    index: int
    number: str
    title: str
    level: int
    kind: ClauseKind = ClauseKind.BODY
    parent: str = ""  # how the parent clause is cited ("6", "Annex B"); "" at the top

    @property
    def label(self) -> str:
        """Return "6.3 Interfaces", "Annex B Title", "Summary" or "(preamble)"."""
        cite = self.cite
        if self.number and self.title:
            return f"{cite} {self.title}"
        return cite

    @property
    def cite(self) -> str:
        """Return how the clause is cited: "6.3", "Annex B", else its title."""
        number = self.number
        if number and self.kind in (ClauseKind.ANNEX, ClauseKind.APPENDIX) and "." not in number:
            number = ("Annex " if self.kind == ClauseKind.ANNEX else "Appendix ") + number
        return number or self.title or "(preamble)"


@dataclass(frozen=True, slots=True)
class ClauseChange:
    """How old clause(s) correspond to new clause(s), and what changed in their text.

    One old and one new clause for unchanged, renumbered, modified and moved clauses; no old
    clause for an added one, no new clause for a removed one; several new clauses for a split,
    several old ones for a merge. `blocks` lists only the changed blocks; `old_blocks` /
    `new_blocks` count the compared blocks on each side; for splits and merges, `old_starts` /
    `new_starts` say where each clause's blocks start.
    """

    kind: ChangeKind
    old: tuple[ClauseRef, ...] = ()
    new: tuple[ClauseRef, ...] = ()
    renumbered: bool = False
    moved: bool = False
    moved_with_parent: bool = False  # moved because the clause it belongs to moved
    retitled: bool = False
    title_ops: tuple[TextOp, ...] = ()
    blocks: tuple[BlockChange, ...] = ()
    old_blocks: int = 0
    new_blocks: int = 0
    old_starts: tuple[int, ...] = ()  # split/merged: the first block of each old clause
    new_starts: tuple[int, ...] = ()  # split/merged: the first block of each new clause
    similarity: float = 100.0  # 0..100, title and text together

    @property
    def modified(self) -> bool:
        """Whether the title or any block changed in substance."""
        return self.retitled or any(b.substantive for b in self.blocks)

    @property
    def old_cite(self) -> str:
        """ "7.5", "7.5 + 7.6" or "–"."""
        return " + ".join(c.cite for c in self.old) or "–"

    @property
    def new_cite(self) -> str:
        """ "8.5 + 8.6", "B.1" or "–"."""
        return " + ".join(c.cite for c in self.new) or "–"

    @property
    def title(self) -> str:
        """The clause title a reader knows it by (the new one when there is one)."""
        refs = self.new or self.old
        return refs[0].title if refs else ""


class ConcernStatus(StrEnum):
    """A position's concern in a clause, compared across two drafts."""

    NEW = "new"
    GONE = "gone"
    PERSISTING = "persisting"


@dataclass(frozen=True, slots=True)
class ConcernChange:
    """One (clause, position) concern, followed from the old draft to the new one."""

    position: str
    position_title: str
    status: ConcernStatus
    old_clause: str = ""  # the clause as the old draft cites it
    new_clause: str = ""
    old_title: str = ""
    new_title: str = ""
    old_score: float | None = None
    new_score: float | None = None
    old_evidence: str = ""  # the words that matched
    new_evidence: str = ""


class FollowUpStatus(StrEnum):
    """Whether the new draft adopted a comment's proposed change."""

    FULLY = "fully"
    PARTLY = "partly"
    NOT = "not"
    CLAUSE_REMOVED = "clause-removed"
    NO_CHANGE_PROPOSED = "no-change-proposed"


@dataclass(frozen=True, slots=True)
class FollowUp:
    """An accepted comment of the review file on the old draft, and what became of it."""

    entry: str
    position: str
    clause: str  # as the review file cites it (old numbering)
    clause_title: str
    status: FollowUpStatus
    new_clause: str = ""  # where the text is in the new draft
    change: str = "none"  # replace | delete | insert-after | none
    proposed_old: str = ""
    proposed_new: str = ""
    detail: str = ""  # one sentence: what was found
    score: float = 0.0  # how close the new text is to the proposal (0..100)


@dataclass(frozen=True, slots=True)
class DraftRef:
    """One of the two drafts compared."""

    path: str
    sha256: str = ""
    view: str = "current"
    document: str = ""  # "SG16-TD231/WP2"
    title: str = ""
    date: str = ""

    @property
    def name(self) -> str:
        """The document number, else the file name."""
        return self.document or self.path.rsplit("/", 1)[-1]


@dataclass(frozen=True, slots=True)
class Counts:
    """How many clauses and blocks changed, by kind."""

    clauses_old: int = 0
    clauses_new: int = 0
    unchanged: int = 0
    renumbered: int = 0
    modified: int = 0
    moved: int = 0
    added: int = 0
    removed: int = 0
    split: int = 0
    merged: int = 0
    blocks_modified: int = 0
    blocks_added: int = 0
    blocks_removed: int = 0
    blocks_moved: int = 0
    cells_changed: int = 0
    references_followed: int = 0  # blocks whose only change is a renumbered cross-reference


@dataclass(frozen=True, slots=True)
class DraftDiff:
    """Everything that changed from `old` to `new`."""

    old: DraftRef
    new: DraftRef
    clauses: tuple[ClauseChange, ...]
    strict: bool = False
    concerns_scanned: bool = False
    concerns: tuple[ConcernChange, ...] = ()
    review: str = ""  # the review file followed up, if any
    followups: tuple[FollowUp, ...] = ()
    warnings: tuple[str, ...] = ()
    schema_version: str = DIFF_SCHEMA_VERSION

    @property
    def changes(self) -> tuple[ClauseChange, ...]:
        """The clause changes other than unchanged clauses."""
        return tuple(c for c in self.clauses if c.kind != ChangeKind.UNCHANGED)

    @property
    def empty(self) -> bool:
        """Whether the drafts have the same clauses and text."""
        return not self.changes

    def counts(self) -> Counts:
        """Return the number of changes of each kind."""
        by_kind = dict.fromkeys(ChangeKind, 0)
        blocks = dict.fromkeys(BlockChangeKind, 0)
        cells = 0
        for change in self.clauses:
            by_kind[change.kind] += 1
            for block in change.blocks:
                blocks[block.kind] += 1
                cells += sum(len(r.cells) for r in block.rows if r.kind == BlockChangeKind.MODIFIED)
        return Counts(
            clauses_old=sum(len(c.old) for c in self.clauses),
            clauses_new=sum(len(c.new) for c in self.clauses),
            unchanged=by_kind[ChangeKind.UNCHANGED],
            renumbered=by_kind[ChangeKind.RENUMBERED],
            modified=by_kind[ChangeKind.MODIFIED],
            moved=by_kind[ChangeKind.MOVED],
            added=by_kind[ChangeKind.ADDED],
            removed=by_kind[ChangeKind.REMOVED],
            split=by_kind[ChangeKind.SPLIT],
            merged=by_kind[ChangeKind.MERGED],
            blocks_modified=blocks[BlockChangeKind.MODIFIED],
            blocks_added=blocks[BlockChangeKind.ADDED],
            blocks_removed=blocks[BlockChangeKind.REMOVED],
            blocks_moved=blocks[BlockChangeKind.MOVED],
            cells_changed=cells,
            references_followed=blocks[BlockChangeKind.REFERENCES],
        )

    def number_map(self) -> dict[str, str]:
        """Return old clause number -> new clause number for every clause that has both."""
        out: dict[str, str] = {}
        for change in self.clauses:
            if change.old and change.new:
                for ref in change.old:
                    if ref.number and ref.number not in out:
                        out[ref.number] = change.new[0].number
        return out

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form (schema `DIFF_SCHEMA_VERSION`)."""
        data: dict[str, Any] = _to_json(self)
        data["counts"] = _to_json(self.counts())
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> DraftDiff:
        """Rebuild a diff from its JSON form."""
        return _from_json(cls, {k: v for k, v in data.items() if k != "counts"})


__all__ = [
    "DIFF_SCHEMA_VERSION",
    "BlockChange",
    "BlockChangeKind",
    "CellChange",
    "ChangeKind",
    "ClauseChange",
    "ClauseRef",
    "ConcernChange",
    "ConcernStatus",
    "Counts",
    "DraftDiff",
    "DraftRef",
    "FollowUp",
    "FollowUpStatus",
    "OpTag",
    "RowChange",
    "TextOp",
    "new_text",
    "old_text",
]
