"""`diff_drafts`: two drafts in, one `DraftDiff` out (clauses aligned, blocks and words compared).

The clause changes come in the order a reader meets them: the new draft's order, with each
removed clause where it stood in the old draft.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from ..model import Draft
from .align import Alignment, Match, Node, align, nodes
from .blocks import Side, compare_blocks
from .model import (
    BlockChange,
    BlockChangeKind,
    ChangeKind,
    ClauseChange,
    ClauseRef,
    DraftDiff,
    DraftRef,
)
from .normalise import Unit, normalise
from .wordops import word_ops

ELSEWHERE_MIN = 20  # shorter texts ("–", "None.") are too common to say where they went


def draft_ref(draft: Draft) -> DraftRef:
    """Return what a diff says about one of its drafts."""
    meta = draft.metadata
    return DraftRef(
        path=draft.source.path,
        sha256=draft.source.sha256,
        view=draft.source.view,
        document=meta.document_number or meta.designation,
        title=meta.title or meta.recommendation,
        date=meta.date,
    )


def diff_drafts(old: Draft, new: Draft, *, strict: bool = False) -> DraftDiff:
    """Compare `old` with `new` clause by clause; see `stdcomment.diff` for what is reported."""
    alignment = align(nodes(old, strict=strict), nodes(new, strict=strict))
    numbers = number_map(alignment)
    changes: dict[int, ClauseChange] = {}  # keyed by position in `order`
    order = reading_order(alignment)
    for position, (kind, item) in enumerate(order):
        if kind == "match":
            assert isinstance(item, Match)
            changes[position] = _matched(alignment, item, numbers, strict)
        elif kind == "removed":
            assert isinstance(item, int)
            changes[position] = _one_sided(alignment.old[item], alignment.old, True, strict)
        else:
            assert isinstance(item, int)
            changes[position] = _one_sided(alignment.new[item], alignment.new, False, strict)
    clauses = _elsewhere([changes[k] for k in range(len(order))])
    return DraftDiff(old=draft_ref(old), new=draft_ref(new), clauses=tuple(clauses), strict=strict)


def number_map(alignment: Alignment) -> dict[str, str]:
    """Return old number -> new number of the aligned clauses whose number changed."""
    out: dict[str, str] = {}
    for match in alignment.matches:
        target = alignment.new[match.new[0]].number
        for i in match.old:
            number = alignment.old[i].number
            if number and target and number not in out:
                out[number] = target
    return {old: new for old, new in out.items() if old != new}


def reading_order(alignment: Alignment) -> list[tuple[str, Match | int]]:
    """Return the clause changes in the new draft's order, removed clauses at their old place.

    Items are ("match", Match), ("added", new index) and ("removed", old index).
    """
    first_new = {m.new[0]: m for m in alignment.matches}
    in_match_new = {j for m in alignment.matches for j in m.new}
    removed = sorted(alignment.removed)
    out: list[tuple[str, Match | int]] = []
    r = 0
    for node in alignment.new:
        j = node.index
        match = first_new.get(j)
        if match is not None:
            if not match.moved:
                while r < len(removed) and removed[r] < match.old[0]:
                    out.append(("removed", removed[r]))
                    r += 1
            out.append(("match", match))
        elif j not in in_match_new:
            out.append(("added", j))
    out.extend(("removed", i) for i in removed[r:])
    return out


def _ref(node: Node, side: list[Node]) -> ClauseRef:
    c = node.clause
    parent = _ref(side[node.parent], side).cite if node.parent is not None else ""
    return ClauseRef(
        index=node.index, number=c.number, title=c.title, level=c.level, kind=c.kind, parent=parent
    )


def _side(nodes_: list[Node]) -> Side:
    units: list[Unit] = []
    starts: list[int] = []
    for node in nodes_:
        starts.append(len(units))
        units.extend(node.units)
    return Side(units, starts)


def _matched(
    alignment: Alignment, match: Match, numbers: Mapping[str, str], strict: bool
) -> ClauseChange:
    olds = [alignment.old[i] for i in match.old]
    news = [alignment.new[j] for j in match.new]
    a_side, b_side = _side(olds), _side(news)
    blocks = compare_blocks(a_side, b_side, numbers, strict=strict)
    a, b = olds[0], news[0]
    one_to_one = len(olds) == 1 and len(news) == 1
    retitled = one_to_one and a.title != b.title
    if strict and one_to_one:
        retitled = a.clause.title != b.clause.title
    renumbered = any(o.number != b.number for o in olds[:1])
    if len(news) > 1:
        kind = ChangeKind.SPLIT
    elif len(olds) > 1:
        kind = ChangeKind.MERGED
    elif match.moved:
        kind = ChangeKind.MOVED
    elif retitled or any(bc.substantive for bc in blocks):
        kind = ChangeKind.MODIFIED
    elif renumbered:
        kind = ChangeKind.RENUMBERED
    elif blocks:  # only cross-references, in a clause that kept its number
        kind = ChangeKind.MODIFIED
    else:
        kind = ChangeKind.UNCHANGED
    return ClauseChange(
        kind=kind,
        old=tuple(_ref(n, alignment.old) for n in olds),
        new=tuple(_ref(n, alignment.new) for n in news),
        renumbered=renumbered,
        moved=match.moved,
        moved_with_parent=match.moved_with_parent,
        retitled=retitled,
        title_ops=word_ops(a.clause.title, b.clause.title, strict=strict) if retitled else (),
        blocks=blocks,
        old_blocks=len(a_side.units),
        new_blocks=len(b_side.units),
        old_starts=tuple(a_side.starts) if len(olds) > 1 else (),
        new_starts=tuple(b_side.starts) if len(news) > 1 else (),
        similarity=round(min(match.score, 1.0) * 100, 1),
    )


def _one_sided(node: Node, nodes_: list[Node], old_side: bool, strict: bool) -> ClauseChange:
    side = _side([node])
    empty = Side([], [0])
    blocks = (
        compare_blocks(side, empty, {}, strict=strict)
        if old_side
        else compare_blocks(empty, side, {}, strict=strict)
    )
    ref = _ref(node, nodes_)
    return ClauseChange(
        kind=ChangeKind.REMOVED if old_side else ChangeKind.ADDED,
        old=(ref,) if old_side else (),
        new=() if old_side else (ref,),
        blocks=blocks,
        old_blocks=len(side.units) if old_side else 0,
        new_blocks=0 if old_side else len(side.units),
        similarity=0.0,
    )


def _elsewhere(changes: list[ClauseChange]) -> list[ClauseChange]:
    """Say where a removed block went, or an added block came from, when it is the same text."""
    removed: dict[str, list[tuple[int, int]]] = {}
    added: dict[str, list[tuple[int, int]]] = {}
    for ci, change in enumerate(changes):
        for bi, block in enumerate(change.blocks):
            if block.kind == BlockChangeKind.REMOVED and (key := _key(block.old_text)):
                removed.setdefault(key, []).append((ci, bi))
            elif block.kind == BlockChangeKind.ADDED and (key := _key(block.new_text)):
                added.setdefault(key, []).append((ci, bi))
    notes: dict[tuple[int, int], str] = {}
    for key, gone in removed.items():
        came = added.get(key, [])
        for (ci, bi), (cj, bj) in zip(gone, came, strict=False):
            if ci == cj:
                continue
            notes[(ci, bi)] = _where(changes[cj], changes[cj].blocks[bj], new=True)
            notes[(cj, bj)] = _where(changes[ci], changes[ci].blocks[bi], new=False)
    if not notes:
        return changes
    out = []
    for ci, change in enumerate(changes):
        blocks = tuple(
            replace(b, elsewhere=notes[(ci, bi)]) if (ci, bi) in notes else b
            for bi, b in enumerate(change.blocks)
        )
        out.append(replace(change, blocks=blocks))
    return out


def _key(text: str) -> str:
    key = normalise(text)
    return key if len(key) >= ELSEWHERE_MIN else ""


def _where(change: ClauseChange, block: BlockChange, *, new: bool) -> str:
    refs = change.new if new else change.old
    part = (block.new_part if new else block.old_part) or 0
    return refs[part].cite if refs else ""


__all__ = ["diff_drafts", "draft_ref", "number_map", "reading_order"]
