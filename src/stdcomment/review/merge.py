"""Merge a fresh review into the delegate's existing one, losing nothing.

Rules (DESIGN §7):
- an existing scan entry is matched to a fresh one by id, else by position with the same
  clause title and a similar quote, or a very similar quote (rapidfuzz); the pair takes the
  fresh entry's place in the draft (clause number, title, location, quote, score) and keeps
  the delegate's status, note and, when edited, wording (comment, proposed change, change,
  type, category, must-be-satisfied); unedited wording is refreshed from the positions;
- an existing entry without a fresh match whose quoted text is still in the draft is kept
  and follows that text to its clause; one whose text is gone is kept and marked `stale`
  (its decision saved in `previous_status`, restored if the text comes back);
- manual entries are kept, following their quote or clause title when the draft moved them;
- fresh entries without a match are added as `proposed`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz

from ..model import Block, Clause, Draft
from .model import Review, ReviewEntry, normalise_text

#: Quote similarity (0-100) that matches entries of the same position in the same-titled
#: clause, and that matches them whatever the clause title.
SAME_TITLE_SIMILARITY = 80.0
ANY_TITLE_SIMILARITY = 92.0


@dataclass
class MergeReport:
    """What a merge did, for the command's summary."""

    added: int = 0
    kept: int = 0
    refreshed: int = 0  # unedited wording updated from the positions
    moved: list[tuple[str, str, str]] = field(default_factory=list)  # id, old clause, new clause
    stale: list[str] = field(default_factory=list)
    revived: list[str] = field(default_factory=list)
    manual: int = 0

    def summary(self) -> str:
        """Return one line: "3 new, 60 kept, 2 followed renumbered clauses, 1 stale"."""
        parts = [f"{self.added} new", f"{self.kept} kept"]
        if self.moved:
            parts.append(f"{len(self.moved)} followed renumbered or moved clauses")
        if self.stale:
            parts.append(f"{len(self.stale)} stale")
        if self.revived:
            parts.append(f"{len(self.revived)} back from stale")
        if self.manual:
            parts.append(f"{self.manual} of your own")
        return ", ".join(parts)


@dataclass(frozen=True, slots=True)
class Place:
    """Where a quote sits in the draft."""

    clause: Clause
    block: Block | None  # None: the clause title


def locate(draft: Draft, quote: str, clause_title: str = "") -> Place | None:
    """Find `quote` (whitespace and case folded) in the draft; prefer a clause titled so."""
    wanted = normalise_text(quote)
    if not wanted:
        return None
    title = normalise_text(clause_title)
    found: list[Place] = []
    for clause in draft.walk():
        if wanted in normalise_text(clause.title):
            found.append(Place(clause, None))
        found.extend(Place(clause, b) for b in clause.blocks if wanted in normalise_text(b.text))
    if not found:
        return None
    return next((p for p in found if normalise_text(p.clause.title) == title), found[0])


def _similarity(a: ReviewEntry, b: ReviewEntry) -> float:
    return float(
        fuzz.ratio(normalise_text(a.quote), normalise_text(b.quote), processor=None, score_cutoff=0)
    )


def _pairs(old: list[ReviewEntry], fresh: list[ReviewEntry]) -> dict[int, int]:
    """Return fresh index -> old index for matched entries."""
    matched: dict[int, int] = {}
    by_id = {e.id: i for i, e in enumerate(old)}
    for fi, entry in enumerate(fresh):
        oi = by_id.get(entry.id)
        if oi is not None:
            matched[fi] = oi
    taken = set(matched.values())
    candidates: list[tuple[float, int, int]] = []
    for fi, f in enumerate(fresh):
        if fi in matched:
            continue
        for oi, o in enumerate(old):
            if oi in taken or o.position != f.position:
                continue
            score = _similarity(o, f)
            same_title = normalise_text(o.clause_title) == normalise_text(f.clause_title)
            if score >= ANY_TITLE_SIMILARITY or (same_title and score >= SAME_TITLE_SIMILARITY):
                candidates.append((score + (1.0 if same_title else 0.0), fi, oi))
    for _, fi, oi in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if fi not in matched and oi not in taken:
            matched[fi] = oi
            taken.add(oi)
    return matched


def _combine(old: ReviewEntry, fresh: ReviewEntry, report: MergeReport) -> ReviewEntry:
    status, previous = old.status, ""
    if status == "stale":
        status = old.previous_status or "proposed"
        report.revived.append(old.id)
    if old.clause != fresh.clause or old.clause_title != fresh.clause_title:
        report.moved.append((old.id, old.clause_label, fresh.clause_label))
    merged = replace(fresh, id=old.id, status=status, previous_status=previous, note=old.note)
    if old.edited:
        merged = replace(
            merged,
            comment=old.comment,
            proposed_change=old.proposed_change,
            change=old.change,
            type=old.type,
            category=old.category,
            must_be_satisfied=old.must_be_satisfied,
            generated=old.generated,
        )
    elif old.wording_fingerprint() != fresh.wording_fingerprint():
        report.refreshed += 1
    return merged


def _follow(entry: ReviewEntry, draft: Draft, report: MergeReport) -> ReviewEntry:
    """Keep an entry without a fresh match: follow its quote, or mark it stale."""
    place = locate(draft, entry.quote, entry.clause_title) if entry.quote else None
    if place is None and not entry.quote and entry.clause_title:
        clause = next(
            (
                c
                for c in draft.walk()
                if normalise_text(c.title) == normalise_text(entry.clause_title)
            ),
            None,
        )
        if clause is not None and clause.number != entry.clause:
            report.moved.append((entry.id, entry.clause_label, clause.label))
            return replace(entry, clause=clause.number)
        return entry
    if place is None:
        if not entry.quote:
            return entry
        if entry.status != "stale":
            report.stale.append(entry.id)
            return replace(entry, status="stale", previous_status=entry.status)
        return entry
    clause = place.clause
    updated = entry
    if entry.status == "stale":
        updated = replace(updated, status=entry.previous_status or "proposed", previous_status="")
        report.revived.append(entry.id)
    if clause.number != entry.clause or clause.title != entry.clause_title:
        report.moved.append((entry.id, entry.clause_label, clause.label))
        location = place.block.location if place.block else clause.location
        updated = replace(
            updated,
            clause=clause.number,
            clause_title=clause.title,
            location=location.describe() if location else updated.location,
            page=location.page if location else updated.page,
            line=location.line if location else updated.line,
        )
    return updated


def _order_key(draft: Draft) -> dict[tuple[str, str], int]:
    return {(c.number, c.title): i for i, c in enumerate(draft.walk())}


def merge_review(old: Review, fresh: Review, draft: Draft) -> tuple[Review, MergeReport]:
    """Merge `fresh` (a new scan of `draft`) into `old`; see the module docstring."""
    report = MergeReport()
    old_scan = [e for e in old.entries if e.origin == "scan"]
    fresh_entries = list(fresh.entries)
    pairs = _pairs(old_scan, fresh_entries)
    placed: list[tuple[int, int, ReviewEntry]] = []  # clause order, tie-break, entry
    order = _order_key(draft)
    end = len(order) + 1
    for fi, entry in enumerate(fresh_entries):
        oi = pairs.get(fi)
        if oi is None:
            merged = entry
            report.added += 1
        else:
            merged = _combine(old_scan[oi], entry, report)
            report.kept += 1
        placed.append((order.get((merged.clause, merged.clause_title), end), fi, merged))
    used = {old_scan[oi].id for oi in pairs.values()}
    base = len(fresh_entries)
    leftovers: Iterable[tuple[int, ReviewEntry]] = (
        (i, e) for i, e in enumerate(old.entries) if e.origin == "manual" or e.id not in used
    )
    for index, entry in leftovers:
        followed = _follow(entry, draft, report)
        if entry.origin == "manual":
            report.manual += 1
        else:
            report.kept += 1
        key = (
            end
            if followed.status == "stale"
            else order.get((followed.clause, followed.clause_title), end)
        )
        placed.append((key, base + index, followed))
    placed.sort(key=lambda item: (item[0], item[1]))
    merged_review = Review(
        draft=fresh.draft,
        draft_sha256=fresh.draft_sha256,
        body=fresh.body,
        entries=tuple(e for _, _, e in placed),
    )
    return merged_review, report


__all__ = ["MergeReport", "Place", "locate", "merge_review"]
