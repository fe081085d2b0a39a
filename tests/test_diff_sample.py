"""The sample drafts' diff (F.ERVS revision 1 -> 2): the changes in samples/truth.json, the
golden outputs in every text format, the concerns delta and the follow-up of a review file."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from stdcomment.batch import ScanSettings, build_scanner
from stdcomment.diff import BlockChangeKind, ChangeKind, DraftDiff, diff_drafts
from stdcomment.diff.api import DiffRun, diff_files
from stdcomment.diff.concerns import with_concerns
from stdcomment.diff.followup import with_followups
from stdcomment.diff.model import ConcernStatus, FollowUpStatus, OpTag
from stdcomment.diff.writers import TEXT_WRITERS
from stdcomment.readers import read_draft
from tests.conftest import REPO, SAMPLES
from tests.goldens import check_golden

OLD = "samples/itu-t-f-ervs-draft.docx"
NEW = "samples/itu-t-f-ervs-draft-v2.docx"
SUFFIX = {"text": "txt", "markdown": "md", "html": "html", "json": "json"}


@pytest.fixture(scope="module")
def run() -> Iterator[DiffRun]:
    """The sample diff, read with paths relative to the repository (as goldens show them)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(REPO)
        yield diff_files(OLD, NEW)


@pytest.fixture(scope="module")
def truth() -> dict[str, object]:
    data = json.loads((SAMPLES / "truth.json").read_text(encoding="utf-8"))
    diff = data["diff"]
    assert isinstance(diff, dict)
    return diff


def _find(diff: DraftDiff, old: str | None, new: str | None) -> list[ChangeKind]:
    kinds = []
    for change in diff.clauses:
        olds = [r.number for r in change.old]
        news = [r.number for r in change.new]
        if ((old is None and not olds) or old in olds) and (
            (new is None and not news) or new in news
        ):
            kinds.append(change.kind)
    return kinds


def test_every_change_of_the_truth_is_reported(run: DiffRun, truth: dict[str, object]) -> None:
    diff = run.diff
    changes = truth["changes"]
    assert isinstance(changes, list)
    split_parts = {r.number for c in diff.clauses if c.kind == ChangeKind.SPLIT for r in c.new}
    for item in changes:
        kind, old, new = item["kind"], item["old"], item["new"]
        found = _find(diff, old, new)
        if kind == "added" and new in split_parts:  # the second half of the split clause
            assert _find(diff, "7.5", new) == [ChangeKind.SPLIT], item
            continue
        assert found == [ChangeKind(kind)], (item, found)


def test_the_clause_map_is_the_truths(run: DiffRun, truth: dict[str, object]) -> None:
    clause_map = truth["clause_map"]
    assert isinstance(clause_map, list)
    ours = run.diff.number_map()
    for item in clause_map:
        old, new = item["old"], item["new"]
        if old and new:
            assert ours.get(old) == new, item
        elif old and not new:
            assert _find(run.diff, old, None) == [ChangeKind.REMOVED], item
        elif new and not old:
            assert _find(run.diff, None, new) in ([ChangeKind.ADDED], []), item
    # nothing changed that the truth does not list (the cover page aside)
    listed = {(c["old"], c["new"]) for c in truth["changes"]}  # type: ignore[union-attr]
    new_only = {c["new"] for c in clause_map if not c["old"]}
    for change in run.diff.changes:
        if change.kind == ChangeKind.RENUMBERED or change.old_cite == "(preamble)":
            continue
        old = change.old[0].number if change.old else None
        new = change.new[0].number if change.new else None
        assert (old, new) in listed or (old is None and new in new_only), change


def test_renumbered_clauses_keep_their_text(run: DiffRun) -> None:
    renumbered = {
        (c.old[0].number, c.new[0].number) for c in run.diff.clauses if c.kind == "renumbered"
    }
    assert {("6", "7"), ("7.3", "8.3"), ("7.6", "8.7"), ("8.5", "9.5"), ("9", "10")} <= renumbered
    for change in run.diff.clauses:
        if change.kind == ChangeKind.RENUMBERED:
            assert all(b.kind == BlockChangeKind.REFERENCES for b in change.blocks)


def test_cross_references_that_follow_the_renumbering_are_not_changes(run: DiffRun) -> None:
    followed = [
        (c.new[0].number, b)
        for c in run.diff.clauses
        for b in c.blocks
        if b.kind == BlockChangeKind.REFERENCES
    ]
    assert [n for n, _ in followed] == ["8.3", "8.8", "9", "9.1.2", "10.2", "10.3", "10.4"]
    _number, block = followed[0]
    changed = [(op.old, op.new) for op in block.ops if op.tag != OpTag.EQUAL]
    assert changed == [("7.6", "8.7")]


def test_word_and_cell_changes(run: DiffRun) -> None:
    by_new = {c.new[0].number: c for c in run.diff.clauses if c.new}
    latency = by_new["8.1"].blocks[0]
    assert [(op.old, op.new) for op in latency.ops if op.tag != OpTag.EQUAL] == [("200", "500")]
    table = next(b for b in by_new["10.3"].blocks if b.rows)
    assert table.label == "Table 1"
    (row,) = table.rows
    assert row.head == "Fear"
    assert [(c.column, c.heading) for c in row.cells] == [(1, "Minimum accuracy (%)")]
    requirement = by_new["8.8"].blocks
    assert [b.kind for b in requirement] == ["modified", "removed", "references"]
    assert "R-ERVS-030" in requirement[0].new_text
    assert "ethnicity" in requirement[0].old_text


def test_the_moved_clause_and_its_sub_clauses(run: DiffRun) -> None:
    moved = [c for c in run.diff.clauses if c.kind == ChangeKind.MOVED]
    assert [(c.old[0].number, c.new[0].number, c.moved_with_parent) for c in moved] == [
        ("6.3", "B.1", False),
        ("6.3.1", "B.1.1", True),
        ("6.3.2", "B.1.2", True),
        ("6.3.3", "B.1.3", True),
    ]
    assert (moved[0].old[0].parent, moved[0].new[0].parent) == ("6", "Annex B")


@pytest.mark.parametrize("fmt", sorted(TEXT_WRITERS))
def test_golden_outputs(run: DiffRun, fmt: str) -> None:
    check_golden(f"diff/sample.{SUFFIX[fmt]}", TEXT_WRITERS[fmt](run.diff))


def test_json_round_trip(run: DiffRun) -> None:
    data = json.loads(TEXT_WRITERS["json"](run.diff))
    assert data["schema_version"] == "1.0"
    assert data["counts"]["split"] == 1
    assert DraftDiff.from_dict(data) == run.diff


def test_strict_comparison_still_aligns_the_sample(run: DiffRun) -> None:
    strict = diff_drafts(run.old, run.new, strict=True)
    assert strict.number_map() == run.diff.number_map()
    assert {c.kind for c in strict.changes} == {c.kind for c in run.diff.changes}


# -- concerns ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def concerned(run: DiffRun) -> DraftDiff:
    scanner = build_scanner(ScanSettings())
    return with_concerns(run.diff, run.old, run.new, scanner)


def test_concerns_are_followed_through_the_renumbering(concerned: DraftDiff) -> None:
    assert concerned.concerns_scanned
    numbers = concerned.number_map()
    split = {"7.5": {"8.5", "8.6"}}
    for concern in concerned.concerns:
        if concern.status == ConcernStatus.PERSISTING:
            expected = split.get(
                concern.old_clause, {numbers.get(concern.old_clause, concern.old_clause)}
            )
            assert concern.new_clause in expected, concern
            assert concern.old_score is not None
            assert concern.new_score is not None
        elif concern.status == ConcernStatus.GONE:
            assert concern.new_clause == ""
        else:
            assert concern.old_clause == ""


def test_the_removed_micro_expression_clause_takes_its_concerns_with_it(
    concerned: DraftDiff,
) -> None:
    gone = {(c.position, c.old_clause) for c in concerned.concerns if c.status == "gone"}
    assert ("pseudoscience", "7.2.2") in gone
    persisting = {c.position for c in concerned.concerns if c.status == "persisting"}
    assert "race-categories" in persisting


def test_concerns_count_every_finding_of_both_drafts(run: DiffRun, concerned: DraftDiff) -> None:
    scanner = build_scanner(ScanSettings())
    old_findings = len(scanner.scan(run.old).findings)
    new_findings = len(scanner.scan(run.new).findings)
    olds = {(c.position, c.old_clause) for c in concerned.concerns if c.status != "new"}
    news = [(c.position, c.new_clause) for c in concerned.concerns if c.status != "gone"]
    assert len(olds) == old_findings
    assert len(news) == len(set(news)) == new_findings


def test_a_split_clause_passes_its_concerns_to_both_parts(concerned: DraftDiff) -> None:
    split = {
        c.new_clause
        for c in concerned.concerns
        if c.position == "physiological-signals" and c.old_clause == "7.5"
    }
    assert split == {"8.5", "8.6"}
    assert all(
        c.status == ConcernStatus.PERSISTING for c in concerned.concerns if c.old_clause == "7.5"
    )


def test_concerns_show_in_every_format(concerned: DraftDiff) -> None:
    assert "Concerns (positions):" in TEXT_WRITERS["text"](concerned)
    assert "## Concerns" in TEXT_WRITERS["markdown"](concerned)
    assert 'id="concerns"' in TEXT_WRITERS["html"](concerned)
    data = json.loads(TEXT_WRITERS["json"](concerned))
    assert data["concerns"]
    assert DraftDiff.from_dict(data) == concerned


# -- follow-up of a review file ---------------------------------------------------------------

REVIEW = """
[[entry]]
id = "C-001"
status = "accepted"
position = "race-categories"
clause = "7.7"
clause_title = "Demographic attribute estimation"
quote = "The ERVS is required to estimate the age group, gender and ethnicity of each subject"
comment = "Do not require ethnicity."
proposed_change = "Drop ethnicity."
[entry.change]
kind = "replace"
old = "is required to estimate the age group, gender and ethnicity of each subject"
new = "is recommended to estimate the age group and gender of each subject"

[[entry]]
id = "C-002"
status = "accepted"
position = "pseudoscience"
clause = "7.2.2"
clause_title = "Micro-expression detection"
[entry.change]
kind = "delete"
old = "the ERVS is required to detect micro-expressions"

[[entry]]
id = "C-003"
status = "accepted"
position = "privacy"
clause = "9.1"
[entry.change]
kind = "replace"
old = "for at least five years"
new = "for no more than one year"

[[entry]]
id = "C-004"
status = "accepted"
position = "self-incrimination"
clause = "8.2"
[entry.change]
kind = "delete"
old = "tension index"

[[entry]]
id = "C-005"
status = "rejected"
position = "consent"
clause = "6.2"
[entry.change]
kind = "delete"
old = "without drawing the attention of subjects"

[[entry]]
id = "C-006"
status = "accepted"
position = "pseudoscience"
clause = "7.2.2"
[entry.change]
kind = "replace"
old = "micro-expressions"
new = "facial movements"

[[entry]]
id = "C-007"
status = "accepted"
position = "security-early-warning"
clause = "8.1.2"
[entry.change]
kind = "replace"
old = "as persons of interest"
new = "for review by an operator"

[[entry]]
id = "C-008"
status = "accepted"
position = "transparency-remedy"
clause = "9.2"
comment = "Subjects must be told."

[[entry]]
id = "C-009"
status = "accepted"
position = "physiological-signals"
clause = "7.5"
[entry.change]
kind = "insert-after"
old = "without any action by the subject."
new = "Physiological signals are not used to infer emotions."
"""


@pytest.fixture(scope="module")
def followed(run: DiffRun, tmp_path_factory: pytest.TempPathFactory) -> DraftDiff:
    review = tmp_path_factory.mktemp("review") / "review.toml"
    review.write_text(REVIEW, encoding="utf-8")
    return with_followups(run.diff, review, run.new)


def test_follow_up_of_accepted_comments(followed: DraftDiff) -> None:
    outcome = {f.entry: (f.status, f.new_clause) for f in followed.followups}
    assert outcome == {
        "C-001": (FollowUpStatus.FULLY, "8.8"),
        "C-002": (FollowUpStatus.FULLY, ""),
        "C-003": (FollowUpStatus.PARTLY, "10.1"),
        "C-004": (FollowUpStatus.NOT, "9.2"),
        "C-006": (FollowUpStatus.CLAUSE_REMOVED, ""),
        "C-007": (FollowUpStatus.FULLY, "9.1.2"),
        "C-008": (FollowUpStatus.NO_CHANGE_PROPOSED, "10.2"),
        "C-009": (FollowUpStatus.NOT, "8.5 + 8.6"),
    }


def test_follow_up_golden(followed: DraftDiff) -> None:
    check_golden("diff/sample-followup.txt", TEXT_WRITERS["text"](followed))
    markdown = TEXT_WRITERS["markdown"](followed)
    assert "| C-003 | privacy | 9.1 → 10.1 | partly adopted |" in markdown
    assert 'class="f-fully"' in TEXT_WRITERS["html"](followed)
    assert DraftDiff.from_dict(json.loads(TEXT_WRITERS["json"](followed))) == followed


def test_a_draft_read_twice_gives_the_same_outputs(run: DiffRun) -> None:
    again = diff_drafts(read_draft(REPO / OLD), read_draft(REPO / NEW))
    for fmt, writer in TEXT_WRITERS.items():
        if fmt != "json":  # JSON holds the paths as given
            assert writer(again) == writer(run.diff), fmt


def test_samples_exist() -> None:
    assert Path(REPO / OLD).exists()
    assert Path(REPO / NEW).exists()
