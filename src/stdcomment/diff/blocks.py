"""Blocks aligned inside two corresponding clauses, and what changed in each.

Blocks are keyed by their normalised text, the old keys with their cross-references mapped to
the new numbering. Equal keys anchor the alignment (rapidfuzz `Indel.opcodes`), so a paragraph
inserted in the middle leaves the others equal; between two anchors, old and new blocks are
paired in order by similarity (`fuzz.ratio` at least `BLOCK_THRESHOLD`): a pair is a modified
block with word-level operations, or, for two tables, with changed rows and cells. What stays
unpaired is removed or added, unless the same text sits elsewhere in the clause (moved).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from ..model import BlockKind
from .model import BlockChange, BlockChangeKind
from .normalise import Unit, map_references
from .pairing import monotone_pairs, opcodes
from .tables import compare_tables
from .wordops import delete_ops, insert_ops, word_ops

BLOCK_THRESHOLD = 0.5


@dataclass(frozen=True, slots=True)
class Side:
    """The compared blocks of one side of a clause change, and where each clause starts."""

    units: Sequence[Unit]
    starts: Sequence[int]  # index of the first block of each clause (part) of the side

    def place(self, index: int) -> tuple[int, int]:
        """Return (part, paragraph from 1) of block `index`."""
        part = 0
        for k, start in enumerate(self.starts):
            if start <= index:
                part = k
        return part, index - self.starts[part] + 1


def compare_blocks(
    old: Side, new: Side, numbers: Mapping[str, str], *, strict: bool = False
) -> tuple[BlockChange, ...]:
    """Return the changed blocks from `old` to `new`, in reading order."""
    keys_b = [u.key for u in new.units]
    if len(old.units) == len(keys_b) and all(
        u.key == k for u, k in zip(old.units, keys_b, strict=True)
    ):
        return ()
    keys_a = [map_references(u.key, numbers) for u in old.units]
    raw: list[tuple[str, int | None, int | None]] = []  # kind, old index, new index
    for region in opcodes(keys_a, keys_b):
        if region.equal:
            for k in range(region.a1 - region.a0):
                i, j = region.a0 + k, region.b0 + k
                if old.units[i].key != new.units[j].key:
                    raw.append(("references", i, j))
            continue
        scores = [
            [
                _similarity(old.units[i], keys_a[i], new.units[j], keys_b[j])
                for j in range(region.b0, region.b1)
            ]
            for i in range(region.a0, region.a1)
        ]
        pairs = monotone_pairs(scores, BLOCK_THRESHOLD)
        i, j = region.a0, region.b0
        for pi, pj in [*pairs, (region.a1 - region.a0, region.b1 - region.b0)]:
            ai, bj = region.a0 + pi, region.b0 + pj
            while i < ai:
                raw.append(("removed", i, None))
                i += 1
            while j < bj:
                raw.append(("added", None, j))
                j += 1
            if ai < region.a1 and bj < region.b1:
                raw.append(("modified", ai, bj))
                i, j = ai + 1, bj + 1
    raw = _moves(raw, keys_a, keys_b)
    return tuple(_change(kind, i, j, old, new, strict) for kind, i, j in raw)


def _similarity(a: Unit, key_a: str, b: Unit, key_b: str) -> float:
    if a.is_table != b.is_table:
        return 0.0
    return fuzz.ratio(key_a, key_b) / 100


def _moves(
    raw: list[tuple[str, int | None, int | None]], keys_a: list[str], keys_b: list[str]
) -> list[tuple[str, int | None, int | None]]:
    """Turn a removed block and an added block with the same text into one moved block."""
    added: dict[str, list[int]] = {}
    for pos, (kind, _, j) in enumerate(raw):
        if kind == "added" and j is not None:
            added.setdefault(keys_b[j], []).append(pos)
    if not added:
        return raw
    drop: set[int] = set()
    for pos, (kind, i, _) in enumerate(raw):
        if kind == "removed" and i is not None and added.get(keys_a[i]):
            target = added[keys_a[i]].pop(0)
            j = raw[target][2]
            raw[target] = ("moved", i, j)
            drop.add(pos)
    return [item for pos, item in enumerate(raw) if pos not in drop]


def _label(side: Side, index: int | None) -> str:
    """Return the block's label; a table takes the label of its caption ("Table 1")."""
    assert index is not None
    block = side.units[index].block
    if block.kind == BlockKind.TABLE and index > 0:
        before = side.units[index - 1].block
        if before.kind == BlockKind.CAPTION and before.label:
            return before.label
    return block.label


def _change(
    kind: str, i: int | None, j: int | None, old: Side, new: Side, strict: bool
) -> BlockChange:
    a = old.units[i] if i is not None else None
    b = new.units[j] if j is not None else None
    old_part, old_paragraph = old.place(i) if i is not None else (None, None)
    new_part, new_paragraph = new.place(j) if j is not None else (None, None)
    base = b or a
    assert base is not None
    change = BlockChange(
        kind=BlockChangeKind(kind),
        block_kind=base.block.kind,
        old_index=i,
        new_index=j,
        old_part=old_part,
        new_part=new_part,
        old_paragraph=old_paragraph,
        new_paragraph=new_paragraph,
        old_location=a.block.location if a else None,
        new_location=b.block.location if b else None,
        label=_label(new if b is not None else old, j if b is not None else i),
    )
    if a is not None and b is not None and a.grid is not None and b.grid is not None:
        rows = compare_tables(a.grid, b.grid, strict=strict)
        return replace(change, rows=rows, old_rows=len(a.grid), new_rows=len(b.grid))
    if a is not None and b is not None:
        if kind == "moved":
            return change
        return replace(change, ops=word_ops(a.text, b.text, strict=strict))
    if b is not None:
        if b.grid is not None:
            return replace(change, rows=compare_tables((), b.grid), new_rows=len(b.grid))
        return replace(change, ops=insert_ops(b.text))
    assert a is not None
    if a.grid is not None:
        return replace(change, rows=compare_tables(a.grid, ()), old_rows=len(a.grid))
    return replace(change, ops=delete_ops(a.text))


__all__ = ["BLOCK_THRESHOLD", "Side", "compare_blocks"]
