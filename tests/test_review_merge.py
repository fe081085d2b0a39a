"""Merging the review file: after renumbering, a deleted clause, new positions or thresholds,
the delegate's decisions and edits survive and nothing is deleted.

The samples are revision 1 and revision 2 of the same draft: revision 2 inserts a clause 6
(everything after it renumbers), moves 6.3 into a new Annex B, deletes 7.2.2, splits 7.5 and
rewrites 7.7 (see samples/README.md).
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from stdcomment.drafting import Scanned, ScanOptions, scan_file
from stdcomment.positions import PositionLibrary
from stdcomment.review import (
    Change,
    Review,
    ReviewEntry,
    dump_review,
    merge_review,
    new_review,
    parse_review,
)
from tests.conftest import SAMPLES

OWN_QUOTE = "The functions are as follows:"


@pytest.fixture(scope="module")
def v1() -> Scanned:
    return scan_file(SAMPLES / "itu-t-f-ervs-draft.docx", ScanOptions())


@pytest.fixture(scope="module")
def v2() -> Scanned:
    return scan_file(SAMPLES / "itu-t-f-ervs-draft-v2.docx", ScanOptions())


def _fresh(scanned: Scanned, library: PositionLibrary | None = None) -> Review:
    lib = library or scanned.library
    return new_review(scanned.draft, scanned.result, lib, draft_label=scanned.label)


def _index(entries: list[ReviewEntry], clause: str, position: str) -> int:
    return next(i for i, e in enumerate(entries) if e.clause == clause and e.position == position)


@pytest.fixture(scope="module")
def edited(v1: Scanned) -> Review:
    """Revision 1's review after the delegate's work."""
    entries = list(_fresh(v1).entries)
    i = _index(entries, "7.1", "emotion-inference")
    entries[i] = replace(entries[i], status="accepted")
    i = _index(entries, "7.2.2", "pseudoscience")  # the clause revision 2 deletes
    entries[i] = replace(entries[i], status="accepted", comment="Our own words on 7.2.2.")
    i = _index(entries, "8.3", "education")
    entries[i] = replace(entries[i], status="rejected", note="Raised by another delegation.")
    i = _index(entries, "9.1", "function-creep")
    entries[i] = replace(
        entries[i], status="accepted", comment=entries[i].comment + " Five years is too long.",
        type="ed", change=Change("replace", entries[i].quote, "Records are kept for 30 days."),
    )  # fmt: skip
    assert _check_fixture_clause(v1, "6.1")
    entries.append(
        ReviewEntry(
            id="manual-architecture", status="accepted", origin="manual", clause="6.1",
            clause_title="Functional entities", quote=OWN_QUOTE, comment="Name each function.",
        )
    )  # fmt: skip
    entries.append(
        ReviewEntry(
            id="manual-classroom", status="proposed", origin="manual", clause="8.3",
            clause_title="Smart classroom", comment="Ask who operates the cameras.",
        )
    )  # fmt: skip
    return replace(_fresh(v1), entries=tuple(entries))


def _check_fixture_clause(scanned: Scanned, number: str) -> bool:
    clause = scanned.draft.find(number)
    return clause is not None and any(OWN_QUOTE in b.text for b in clause.blocks)


def _by_id(review: Review) -> dict[str, ReviewEntry]:
    return {e.id: e for e in review.entries}


def test_decisions_and_edits_survive_renumbering(edited: Review, v2: Scanned) -> None:
    merged, report = merge_review(edited, _fresh(v2), v2.draft)
    before, after = _by_id(edited), _by_id(merged)
    assert set(before) <= set(after), "no entry is ever deleted"

    accepted = next(e for e in edited.entries if e.clause == "7.1" and e.status == "accepted")
    now = after[accepted.id]
    assert (now.clause, now.clause_title, now.status) == ("8.1", "General requirements", "accepted")
    assert now.comment.startswith("Clause 8.1 General requirements")  # unedited: reworded

    rejected = next(e for e in edited.entries if e.status == "rejected")
    now = after[rejected.id]
    assert (now.clause, now.status, now.note) == (
        "9.3",
        "rejected",
        "Raised by another delegation.",
    )

    rewritten = next(e for e in edited.entries if e.position == "function-creep" and e.type == "ed")
    now = after[rewritten.id]
    assert now.clause == "10.1"
    assert now.status == "accepted"
    assert now.type == "ed"
    assert now.comment.endswith("Five years is too long.")
    assert now.change == Change("replace", rewritten.quote, "Records are kept for 30 days.")
    assert now.edited

    assert (after["manual-architecture"].clause, after["manual-architecture"].status) == (
        "7.1",
        "accepted",
    )
    assert after["manual-classroom"].clause == "9.3"
    moved = {entry_id for entry_id, _, _ in report.moved}
    assert {accepted.id, rejected.id, rewritten.id, "manual-architecture"} <= moved


def test_entries_of_a_deleted_clause_are_kept_as_stale(edited: Review, v2: Scanned) -> None:
    merged, report = merge_review(edited, _fresh(v2), v2.draft)
    deleted = [e for e in edited.entries if e.clause == "7.2.2"]
    assert deleted
    after = _by_id(merged)
    for entry in deleted:
        now = after[entry.id]
        assert now.status == "stale"
        assert now.previous_status == entry.status
        assert now.comment == entry.comment
        assert now.quote == entry.quote
        assert entry.id in report.stale
    ours = after[next(e.id for e in deleted if e.status == "accepted")]
    assert ours.comment == "Our own words on 7.2.2."
    stale_at_end = [e.status for e in merged.entries][-len(report.stale) :]
    assert set(stale_at_end) == {"stale"}
    text = dump_review(merged)
    assert "STALE: the quoted text is no longer in the draft" in text
    assert parse_review(text) == merged


def test_new_findings_are_added_as_proposed(edited: Review, v2: Scanned) -> None:
    merged, report = merge_review(edited, _fresh(v2), v2.draft)
    known = _by_id(edited)
    added = [e for e in merged.entries if e.id not in known]
    assert len(added) == report.added > 0
    assert all(e.status == "proposed" and e.origin == "scan" for e in added)
    assert merged.draft_sha256 == v2.draft.source.sha256


def test_merging_twice_changes_nothing(edited: Review, v2: Scanned) -> None:
    once, _ = merge_review(edited, _fresh(v2), v2.draft)
    twice, report = merge_review(once, _fresh(v2), v2.draft)
    assert dump_review(twice) == dump_review(once)
    assert report.added == 0
    assert not report.moved
    assert not report.stale


def test_stale_entries_come_back_with_their_decision(
    edited: Review, v1: Scanned, v2: Scanned
) -> None:
    forward, _ = merge_review(edited, _fresh(v2), v2.draft)
    back, report = merge_review(forward, _fresh(v1), v1.draft)
    after = _by_id(back)
    for entry in edited.entries:
        assert after[entry.id].status == entry.status, entry.id
        assert after[entry.id].clause == entry.clause, entry.id
    assert report.revived
    # only entries first found in revision 2 (text revision 1 lacks) are stale now
    assert all(e.id not in _by_id(edited) for e in back.entries if e.status == "stale")


def test_positions_or_threshold_changes_keep_entries(edited: Review, v1: Scanned) -> None:
    fewer = PositionLibrary(tuple(p for p in v1.library if p.id != "privacy"))
    strict = replace(v1.result, findings=tuple(f for f in v1.result.findings if f.score >= 90))
    fresh = new_review(v1.draft, strict, fewer, draft_label=v1.label)
    merged, report = merge_review(edited, fresh, v1.draft)
    assert len(merged.entries) == len(edited.entries)
    assert not report.stale
    assert report.added == 0
    assert _by_id(merged) == _by_id(edited)


def test_unedited_wording_is_refreshed_edited_is_kept(edited: Review, v1: Scanned) -> None:
    entries = list(edited.entries)
    i = _index(entries, "7.1", "emotion-inference")
    entries[i] = replace(entries[i], comment="stale wording", generated=entries[i].generated)
    j = _index(entries, "7.3", "emotion-inference")
    old = entries[j]
    entries[j] = replace(old, comment="old template text").with_fingerprint()  # unedited
    merged, report = merge_review(replace(edited, entries=tuple(entries)), _fresh(v1), v1.draft)
    after = _by_id(merged)
    assert after[entries[i].id].comment == "stale wording"
    assert after[old.id].comment == old.comment
    assert report.refreshed == 1


def test_fuzzy_match_keeps_the_decision_when_the_quote_changes_a_little(
    v1: Scanned,
) -> None:
    fresh = _fresh(v1)
    entry = next(e for e in fresh.entries if e.clause == "9.3" and e.position == "accuracy-claims")
    old = replace(
        entry, id="renamed-by-hand", status="accepted", quote=entry.quote.replace("the", "a", 1)
    )
    mine = replace(fresh, entries=(old,))
    merged, _ = merge_review(mine, fresh, v1.draft)
    now = _by_id(merged)["renamed-by-hand"]
    assert now.status == "accepted"
    assert now.quote == entry.quote
    assert entry.id not in _by_id(merged)
