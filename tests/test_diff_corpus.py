"""The diff on real successive drafts (read in place from the shared corpus; skipped without it):
the EU AI Act proposal against the Council's general approach, and the original against the
current view of 3GPP change requests and OASIS SARIF documents with tracked changes."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from stdcomment.diff import BlockChangeKind, ChangeKind, DraftDiff, diff_drafts
from stdcomment.diff.apply import apply_diff, draft_text, same_text
from stdcomment.diff.redline_docx import redline_bytes
from stdcomment.diff.render_text import render_text
from stdcomment.model import Draft
from stdcomment.readers import read_draft
from tests.conftest import corpus_file

pytestmark = pytest.mark.corpus

EU_OLD = ("eu-ai-act-drafts", "2021-04-21-AIA-COM-Proposal-21-April-21.docx")
EU_NEW = ("eu-ai-act-drafts", "2022-12-06-CONSIL_ST_15698_2022_INIT_EN_TXT.docx")
TRACKED = [
    ("3gpp-sa2-tdocs", "S2-1812226_eSBA update of solution 15_v1.2.docx"),
    ("3gpp-sa2-tdocs", "S2-1812372 - Evaluation for solutions 1.1 and 1.2.docx"),
    ("3gpp-sa2-tdocs", "S2-1900429_VLAN_N3IWFSupport.docx"),
    ("3gpp-sa2-tdocs", "S2-2209002-23501-Correction RedCap.docx"),
    ("3gpp-sa2-tdocs", "S2-2209667-9163r02-23502-Suecr_v1.DOCX"),
    (
        "3gpp-sa2-tdocs",
        "S2-2210570_R18_AIMLsys_Support of QoS request for a list of UEs and reusing URLLC QoS"
        " monitoring for AIML-based services_23.502_v3.docx",
    ),
    ("oasis-sarif-negative", "sarif-v2.0-issue-10-fingerprint-dictionary.docx"),
    ("oasis-sarif-negative", "sarif-v2.1.0-committee-specification-change-barred.docx"),
]


def _round_trip(tmp_path: Path, old: Draft, new: Draft, diff: DraftDiff) -> None:
    path = tmp_path / "redline.docx"
    path.write_bytes(redline_bytes(diff, old, new))
    assert same_text(draft_text(read_draft(path, body=new.body)), draft_text(new))
    assert same_text(draft_text(read_draft(path, view="original", body=old.body)), draft_text(old))


@pytest.fixture(scope="module")
def eu() -> tuple[Draft, Draft, DraftDiff, float]:
    old = read_draft(corpus_file(*EU_OLD))
    new = read_draft(corpus_file(*EU_NEW))
    start = time.perf_counter()
    diff = diff_drafts(old, new)
    return old, new, diff, time.perf_counter() - start


def test_eu_ai_act_articles_are_aligned(eu: tuple[Draft, Draft, DraftDiff, float]) -> None:
    _, _, diff, seconds = eu
    assert seconds < 5
    by_new = {c.new[0].number: c for c in diff.clauses if c.new and c.new[0].number}
    # the prohibitions and the high-risk requirements are modified, not removed and added
    for number in ("Article 5", "Article 6", "Article 10", "Article 13", "Article 14"):
        assert by_new[number].kind == ChangeKind.MODIFIED, number
        assert by_new[number].old[0].number == number
    assert by_new["Article 52"].retitled
    added = {c.new[0].number for c in diff.clauses if c.kind == ChangeKind.ADDED}
    assert {"Article 4a", "Article 4b", "Article 4c", "Article 54a"} <= added
    removed = {c.old[0].title for c in diff.clauses if c.kind == ChangeKind.REMOVED}
    assert "CONTEXT OF THE PROPOSAL" in removed  # the explanatory memorandum is gone
    text = render_text(diff)
    assert "Article 5, paragraph" in text


def test_eu_ai_act_diff_replays(eu: tuple[Draft, Draft, DraftDiff, float]) -> None:
    old, new, diff, _ = eu
    assert same_text(apply_diff(old, diff), draft_text(new))


def test_eu_ai_act_redline_round_trips(
    tmp_path: Path, eu: tuple[Draft, Draft, DraftDiff, float]
) -> None:
    old, new, diff, _ = eu
    _round_trip(tmp_path, old, new, diff)


@pytest.mark.parametrize("parts", TRACKED, ids=lambda p: p[1][:24])
def test_tracked_change_documents(tmp_path: Path, parts: tuple[str, str]) -> None:
    path = corpus_file(*parts)
    old, new = read_draft(path, view="original"), read_draft(path)
    diff = diff_drafts(old, new)
    assert same_text(apply_diff(old, diff), draft_text(new))
    _round_trip(tmp_path, old, new, diff)
    revised = sum(1 for _, b in new.blocks() if b.revision is not None)
    assert revised == 0 or diff.changes


def test_the_unavailability_period_change_request() -> None:
    path = corpus_file("3gpp-sa2-tdocs", "S2-2209667-9163r02-23502-Suecr_v1.DOCX")
    diff = diff_drafts(read_draft(path, view="original"), read_draft(path))
    changes = {c.new[0].number: c for c in diff.changes if c.new}
    registration = changes["4.2.2.2.2"]
    assert registration.kind == ChangeKind.MODIFIED
    added = [b.new_text for b in registration.blocks if b.kind == BlockChangeKind.ADDED]
    assert any("Unavailability Period" in text for text in added)
    assert all(c.kind != ChangeKind.REMOVED for c in diff.clauses)


def test_the_vlan_change_request_replays() -> None:
    path = corpus_file("3gpp-sa2-tdocs", "S2-1900429_VLAN_N3IWFSupport.docx")
    old, new = read_draft(path, view="original"), read_draft(path)
    assert same_text(apply_diff(old, diff_drafts(old, new)), draft_text(new))
