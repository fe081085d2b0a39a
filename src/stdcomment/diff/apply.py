"""Replay a diff on the old draft: the text it gives must be the new draft's text.

This is how the diff is checked to be complete (the property tests call it): every clause of
the new draft comes from a clause change, every block from an old block (unchanged, moved or
modified by the change's word operations) or from an added block, and unchanged blocks keep
their order. The text of a draft is its clauses in reading order, each as a heading line
("8.5 Heart rate estimation") followed by the text of its compared blocks (tables as their
cell grid); a clause with neither number nor title (the preamble) has no heading line.
"""

from __future__ import annotations

from ..model import Draft
from .model import BlockChange, BlockChangeKind, ChangeKind, DraftDiff, new_text
from .normalise import Unit, grid_text, normalise, units
from .tables import apply_rows


def draft_text(draft: Draft, *, strict: bool = False) -> list[str]:
    """Return the text of `draft` as the diff compares it: headings and blocks in order."""
    out: list[str] = []
    for clause in draft.walk():
        if clause.number or clause.title:
            out.append(_heading(clause.number, clause.title))
        out.extend(u.text for u in units(clause, strict=strict))
    return out


def _heading(number: str, title: str) -> str:
    return f"{number} {title}".strip()


def apply_diff(old: Draft, diff: DraftDiff) -> list[str]:
    """Return the new draft's text, rebuilt from `old` and the changes in `diff`."""
    strict = diff.strict
    old_clauses = list(old.walk())
    parts: dict[int, tuple[int, int]] = {}  # new clause index -> (change, part)
    for ci, change in enumerate(diff.clauses):
        for part, ref in enumerate(change.new):
            parts[ref.index] = (ci, part)
    rebuilt: dict[int, list[list[str]]] = {}  # change -> blocks of each new part
    out: list[str] = []
    for index in sorted(parts):
        ci, part = parts[index]
        change = diff.clauses[ci]
        if ci not in rebuilt:
            olds = [u for ref in change.old for u in units(old_clauses[ref.index], strict=strict)]
            rebuilt[ci] = _blocks(olds, change.blocks, change.new_blocks, change.new_starts)
        ref = change.new[part]
        title = ref.title
        if change.kind != ChangeKind.ADDED and len(change.old) == 1 and len(change.new) == 1:
            title = new_text(change.title_ops) if change.retitled else change.old[0].title
        if ref.number or title:
            out.append(_heading(ref.number, title))
        out.extend(rebuilt[ci][part])
    return out


def _blocks(
    olds: list[Unit], changes: tuple[BlockChange, ...], count: int, starts: tuple[int, ...]
) -> list[list[str]]:
    texts: list[str | None] = [None] * count
    named_old: set[int] = set()
    for block in changes:
        if block.old_index is not None:
            named_old.add(block.old_index)
        j = block.new_index
        if j is None:
            continue
        if block.kind == BlockChangeKind.MOVED:
            assert block.old_index is not None
            texts[j] = olds[block.old_index].text
        elif block.rows or block.new_rows:
            grid = olds[block.old_index].grid if block.old_index is not None else None
            texts[j] = grid_text(apply_rows(grid or (), block.rows, block.new_rows))
        else:
            texts[j] = new_text(block.ops)
    kept = iter(u.text for i, u in enumerate(olds) if i not in named_old)
    filled = [t if t is not None else next(kept) for t in texts]
    bounds = [*(starts or (0,)), count]
    return [filled[bounds[k] : bounds[k + 1]] for k in range(len(bounds) - 1)]


def same_text(a: list[str], b: list[str], *, strict: bool = False) -> bool:
    """Whether two draft texts are the same (after normalisation unless `strict`)."""
    if strict:
        return a == b
    return [normalise(t) for t in a] == [normalise(t) for t in b]


__all__ = ["apply_diff", "draft_text", "same_text"]
