"""The concerns delta: scan both drafts and follow each (clause, position) concern across them.

A concern of the old draft is *persisting* when the clause it became (through renumbering,
moves, splits and merges, as the diff aligned them) raises the same position's concern in the
new draft, *gone* when it does not (or the clause was removed); a concern of the new draft
with no such counterpart is *new* (a clause split in two that raised a concern passes it to
both parts: both persist). Exclusions ("does not address emotion recognition") are
not concerns. Concerns come grouped by position, in the library's order: new first, then gone,
then persisting.
"""

from __future__ import annotations

from dataclasses import replace

from ..findings import Finding, ScanResult
from ..model import Draft
from ..scan import DEFAULT_MIN_SCORE, Scanner
from .model import ConcernChange, ConcernStatus, DraftDiff

_STATUS_ORDER = {ConcernStatus.NEW: 0, ConcernStatus.GONE: 1, ConcernStatus.PERSISTING: 2}


def _indices(draft: Draft, result: ScanResult, order: dict[str, int]) -> list[tuple[int, Finding]]:
    """Return (clause index in walk order, finding) for each finding of `result`.

    Findings name their clause by number and title. Clauses sharing both (unnumbered
    duplicates) are told apart by reading order: the scanner reports a clause's findings in
    position order, so a position that does not come after the last one seen for that
    number and title starts the next clause of that name.
    """
    where: dict[tuple[str, str], list[int]] = {}
    for index, clause in enumerate(draft.walk()):
        where.setdefault((clause.number, clause.title), []).append(index)
    occurrence: dict[tuple[str, str], int] = {}
    last: dict[tuple[str, str], int] = {}
    out: list[tuple[int, Finding]] = []
    for finding in result.findings:
        key = (finding.clause_number, finding.clause_title)
        options = where.get(key)
        if not options:
            continue
        rank = order.get(finding.position_id, len(order))
        if key in last and rank <= last[key]:
            occurrence[key] = occurrence.get(key, 0) + 1
        last[key] = rank
        out.append((options[min(occurrence.get(key, 0), len(options) - 1)], finding))
    return out


def concerns_delta(
    old: Draft,
    new: Draft,
    diff: DraftDiff,
    scanner: Scanner,
    *,
    min_score: float = DEFAULT_MIN_SCORE,
) -> tuple[ConcernChange, ...]:
    """Return every concern of either draft, followed through the clause alignment."""
    order = {p.id: k for k, p in enumerate(scanner.positions)}
    old_found = _indices(old, scanner.scan(old, min_score=min_score), order)
    new_found = _indices(new, scanner.scan(new, min_score=min_score), order)
    follows: dict[int, tuple[int, ...]] = {}
    for change in diff.clauses:
        for ref in change.old:
            follows[ref.index] = tuple(r.index for r in change.new)
    new_by = {(index, f.position_id): f for index, f in new_found}
    new_index_of = {id(f): index for index, f in new_found}
    matched: set[tuple[int, str]] = set()
    out: list[tuple[tuple[int, int, int], ConcernChange]] = []
    for index, finding in old_found:
        targets = follows.get(index, ())
        counterpart = next(
            (
                new_by[(t, finding.position_id)]
                for t in targets
                if (t, finding.position_id) in new_by
            ),
            None,
        )
        base = _change(finding, old=True)
        if counterpart is None:
            item = replace(base, status=ConcernStatus.GONE)
            key_index = index
        else:
            j = new_index_of[id(counterpart)]
            matched.add((j, finding.position_id))
            item = _merge(base, counterpart)
            key_index = j
        out.append(
            (
                (order.get(finding.position_id, len(order)), _STATUS_ORDER[item.status], key_index),
                item,
            )
        )
    came_from: dict[int, tuple[int, ...]] = {}
    for change in diff.clauses:
        for ref in change.new:
            came_from[ref.index] = tuple(r.index for r in change.old)
    old_by = {(index, f.position_id): f for index, f in old_found}
    for index, finding in new_found:
        if (index, finding.position_id) in matched:
            continue
        rank = order.get(finding.position_id, len(order))
        source = next(
            (
                old_by[(i, finding.position_id)]
                for i in came_from.get(index, ())
                if (i, finding.position_id) in old_by
            ),
            None,
        )
        if source is not None:  # the other part of a split clause that raised it
            item = _merge(_change(source, old=True), finding)
            out.append(((rank, _STATUS_ORDER[item.status], index), item))
            continue
        item = replace(_change(finding, old=False), status=ConcernStatus.NEW)
        out.append(((rank, 0, index), item))
    out.sort(key=lambda pair: pair[0])
    return tuple(item for _, item in out)


def _change(finding: Finding, *, old: bool) -> ConcernChange:
    evidence = finding.evidence[0].matched if finding.evidence else ""
    cite = finding.clause_number or finding.clause_title or "(preamble)"
    if old:
        return ConcernChange(
            position=finding.position_id,
            position_title=finding.position_title,
            status=ConcernStatus.GONE,
            old_clause=cite,
            old_title=finding.clause_title,
            old_score=round(finding.score, 1),
            old_evidence=evidence,
        )
    return ConcernChange(
        position=finding.position_id,
        position_title=finding.position_title,
        status=ConcernStatus.NEW,
        new_clause=cite,
        new_title=finding.clause_title,
        new_score=round(finding.score, 1),
        new_evidence=evidence,
    )


def _merge(base: ConcernChange, counterpart: Finding) -> ConcernChange:
    new = _change(counterpart, old=False)
    return replace(
        base,
        status=ConcernStatus.PERSISTING,
        new_clause=new.new_clause,
        new_title=new.new_title,
        new_score=new.new_score,
        new_evidence=new.new_evidence,
    )


def with_concerns(
    diff: DraftDiff,
    old: Draft,
    new: Draft,
    scanner: Scanner,
    *,
    min_score: float = DEFAULT_MIN_SCORE,
) -> DraftDiff:
    """Return `diff` with its concerns delta filled in."""
    concerns = concerns_delta(old, new, diff, scanner, min_score=min_score)
    return replace(diff, concerns_scanned=True, concerns=concerns)


__all__ = ["concerns_delta", "with_concerns"]
