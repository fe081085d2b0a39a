"""The concerns delta: scan both drafts and follow each (clause, position) concern across them.

A concern of the old draft is *persisting* when the clause it became (through renumbering,
moves, splits and merges, as the diff aligned them) raises the same position's concern in the
new draft, *gone* when it does not (or the clause was removed); a concern of the new draft
with no such counterpart is *new* (a clause split in two that raised a concern passes it to
both parts: both persist). Exclusions ("does not address emotion recognition") are
not concerns. Concerns come grouped by position, in the library's order: new first, then gone,
then persisting.

Both drafts are scanned in one pass and each distinct clause once: a clause whose content is
the same in both drafts (most of them, from one revision to the next) is matched once, its
findings given to each place it stands. The scanner reads a clause's title, kind and blocks,
never its number or where its paragraphs sit, so the findings are those a scan of each draft
gives.
"""

from __future__ import annotations

from dataclasses import replace

from ..findings import Finding
from ..model import Body, Clause, Draft, Location, Metadata, Source
from ..scan import DEFAULT_MIN_SCORE, OFF_TOPIC_FACTOR, Scanner, is_on_topic, scaled, scanned
from .model import ConcernChange, ConcernStatus, DraftDiff

_STATUS_ORDER = {ConcernStatus.NEW: 0, ConcernStatus.GONE: 1, ConcernStatus.PERSISTING: 2}


_NOWHERE = Location(0)


def _content(clause: Clause) -> Clause:
    """Return `clause` without what the scanner does not read (number, places, sub-clauses)."""
    return replace(
        clause,
        number="",
        location=None,
        children=(),
        blocks=tuple(replace(b, location=_NOWHERE) for b in clause.blocks),
    )


def scan_both(
    old: Draft, new: Draft, scanner: Scanner, *, min_score: float = DEFAULT_MIN_SCORE
) -> tuple[list[tuple[int, Finding]], list[tuple[int, Finding]]]:
    """Return (clause index in walk order, finding) for the findings of each draft, as
    `scanner.scan` of each draft finds them, scanning each distinct clause content once.

    A finding of a clause that stands in both drafts names its own clause number in each, but
    its evidence locations (paragraph indexes) are those of the clause's first occurrence.
    """
    # the scanner's own choice of clauses: a heading over sub-clauses carries no text
    places: list[list[tuple[int, Clause, int]]] = [[], []]
    distinct: dict[tuple[Body, frozenset[str], frozenset[str], Clause], int] = {}
    # what each draft is about (`Scanner.subject_concepts`) and what the titles above a
    # clause name (`Scanner.headings_above`) are context for its clauses
    batches: dict[tuple[Body, frozenset[str], frozenset[str]], list[Clause]] = {}
    for side, draft in enumerate((old, new)):
        subject = scanner.subject_concepts(draft)
        headings = scanner.headings_above(draft)
        for index, clause in enumerate(draft.walk()):
            if not (scanned(clause) and (clause.blocks or not clause.children)):
                continue
            above = headings[id(clause)]
            key = (draft.body, subject, above, _content(clause))
            tag = distinct.get(key)
            if tag is None:
                tag = distinct[key] = len(distinct)
                # the tag names the clause in the findings: a number no clause has
                batches.setdefault((draft.body, subject, above), []).append(
                    replace(clause, number=f"#{tag}", children=())
                )
            places[side].append((index, clause, tag))
    found: dict[int, list[Finding]] = {}
    kinds: dict[int, int] = {}  # what each distinct clause names (`is_on_topic`)
    for (body, subject, above), clauses in batches.items():
        batch = Draft(
            source=Source(path=old.source.path, sha256="", format=old.source.format),
            body=body,
            metadata=Metadata(),
            clauses=tuple(clauses),
        )
        raw = scanner.scan_clauses(batch, subject=subject, above=above)
        for clause, kind in zip(clauses, raw.people_clauses, strict=True):
            kinds[int(clause.number[1:])] = kind
        for finding in raw.findings:
            if not finding.exclusion:
                found.setdefault(int(finding.clause_number[1:]), []).append(finding)
    out: tuple[list[tuple[int, Finding]], list[tuple[int, Finding]]] = ([], [])
    for side in (0, 1):
        named = [kinds[tag] for _index, _clause, tag in places[side]]
        factor = 1.0 if is_on_topic(named, len(named)) else OFF_TOPIC_FACTOR
        for index, clause, tag in places[side]:
            for finding in found.get(tag, ()):
                finding = scaled(finding, factor)
                if finding.score >= min_score:
                    out[side].append((index, replace(finding, clause_number=clause.number)))
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
    old_found, new_found = scan_both(old, new, scanner, min_score=min_score)
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


__all__ = ["concerns_delta", "scan_both", "with_concerns"]
