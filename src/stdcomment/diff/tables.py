"""Tables compared cell by cell: rows aligned like paragraphs, then cells column by column.

Rows are keyed by their normalised cell texts; equal rows anchor the alignment, and the rows
between two anchors are paired by similarity (a reflowed or edited row is modified, not
removed and added). A modified row with the same number of cells lists the cells whose text
changed, with word-level operations; a row whose cell count changed is removed and added.
"""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import fuzz

from .model import BlockChangeKind, CellChange, RowChange
from .normalise import normalise
from .pairing import monotone_pairs, opcodes
from .wordops import delete_ops, insert_ops, word_ops

ROW_THRESHOLD = 0.5

Grid = Sequence[Sequence[str]]


def _row_key(row: Sequence[str], strict: bool) -> str:
    return " | ".join(normalise(cell, strict=strict) for cell in row)


def compare_tables(old: Grid, new: Grid, *, strict: bool = False) -> tuple[RowChange, ...]:
    """Return the rows of `new` that differ from `old` (empty when the tables are the same)."""
    keys_a = [_row_key(r, strict) for r in old]
    keys_b = [_row_key(r, strict) for r in new]
    out: list[RowChange] = []
    for region in opcodes(keys_a, keys_b):
        if region.equal:
            continue
        rows_a = range(region.a0, region.a1)
        rows_b = range(region.b0, region.b1)
        scores = [
            [
                fuzz.ratio(keys_a[i], keys_b[j]) / 100 if len(old[i]) == len(new[j]) else 0.0
                for j in rows_b
            ]
            for i in rows_a
        ]
        pairs = monotone_pairs(scores, ROW_THRESHOLD)
        i, j = region.a0, region.b0
        for pi, pj in [*pairs, (len(rows_a), len(rows_b))]:
            ai, bj = region.a0 + pi, region.b0 + pj
            while i < ai:
                out.append(_removed(i, old[i]))
                i += 1
            while j < bj:
                out.append(_added(j, new[j]))
                j += 1
            if ai < region.a1 and bj < region.b1:
                out.append(_modified(ai, bj, old[ai], new[bj], new[0], strict))
                i, j = ai + 1, bj + 1
    return tuple(out)


def _removed(i: int, row: Sequence[str]) -> RowChange:
    cells = tuple(CellChange(c, delete_ops(text)) for c, text in enumerate(row))
    return RowChange(BlockChangeKind.REMOVED, old_row=i, cells=cells)


def _added(j: int, row: Sequence[str]) -> RowChange:
    cells = tuple(CellChange(c, insert_ops(text)) for c, text in enumerate(row))
    return RowChange(BlockChangeKind.ADDED, new_row=j, cells=cells)


def _modified(
    i: int, j: int, a: Sequence[str], b: Sequence[str], top: Sequence[str], strict: bool
) -> RowChange:
    cells = tuple(
        CellChange(
            c,
            word_ops(x, y, strict=strict),
            heading=top[c] if j > 0 and c < len(top) and len(top) == len(b) else "",
        )
        for c, (x, y) in enumerate(zip(a, b, strict=True))
        if normalise(x, strict=strict) != normalise(y, strict=strict)
    )
    head = b[0] if len(b) > 1 and all(cell.column > 0 for cell in cells) else ""
    return RowChange(BlockChangeKind.MODIFIED, old_row=i, new_row=j, cells=cells, head=head)


def apply_rows(old: Grid, rows: Sequence[RowChange], new_rows: int) -> list[list[str]]:
    """Return the new table: `old` with `rows` applied (the inverse of `compare_tables`)."""
    from .model import new_text

    out: list[list[str] | None] = [None] * new_rows
    named = {r.old_row for r in rows if r.old_row is not None}
    for change in rows:
        if change.new_row is None:
            continue
        if change.kind == BlockChangeKind.ADDED:
            out[change.new_row] = [new_text(c.ops) for c in change.cells]
        else:
            assert change.old_row is not None
            row = list(old[change.old_row])
            for cell in change.cells:
                row[cell.column] = new_text(cell.ops)
            out[change.new_row] = row
    kept = iter(list(r) for i, r in enumerate(old) if i not in named)
    return [row if row is not None else next(kept) for row in out]


__all__ = ["ROW_THRESHOLD", "apply_rows", "compare_tables"]
