"""The review file: entries from a scan, stable ids, the TOML writer and reader, errors."""

from __future__ import annotations

import tomllib
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from stdcomment.cli.main import cli
from stdcomment.drafting import Scanned, ScanOptions, scan_file
from stdcomment.review import (
    Change,
    Review,
    ReviewEntry,
    ReviewFileError,
    dump_review,
    entry_id,
    new_review,
    parse_review,
    read_review,
)
from stdcomment.review.tomlio import toml_string
from tests.conftest import SAMPLES

DRAFT = SAMPLES / "itu-t-f-ervs-draft.docx"


@pytest.fixture(scope="module")
def scanned() -> Scanned:
    return scan_file(DRAFT, ScanOptions())


@pytest.fixture(scope="module")
def review(scanned: Scanned) -> Review:
    return new_review(scanned.draft, scanned.result, scanned.library, draft_label="d.docx")


def test_one_entry_per_finding_pre_filled(scanned: Scanned, review: Review) -> None:
    assert len(review.entries) == len(scanned.result.findings) > 20
    assert review.body == "itu-t"
    assert review.draft_sha256 == scanned.draft.source.sha256
    entry = next(
        e for e in review.entries if e.clause == "7.1" and e.position == "emotion-inference"
    )
    assert entry.status == "proposed"
    assert entry.origin == "scan"
    assert entry.clause_title == "General requirements"
    assert entry.location.startswith("paragraph ")
    assert entry.element == "Paragraph 1"
    assert entry.quote.startswith("[R-ERVS-010] The ERVS is required to classify")
    assert entry.matched
    assert entry.score > 90
    assert entry.requirement == "required"
    assert entry.type in ("ge", "te", "ed")
    assert entry.category == "Technical"
    assert entry.comment.startswith("Clause 7.1 General requirements")
    assert entry.proposed_change
    assert entry.change == Change("delete", entry.quote, "")
    assert not entry.edited


def test_edits_come_from_the_position_actions(review: Review) -> None:
    kinds = {e.change.kind for e in review.entries}
    assert {"delete", "insert-after"} <= kinds
    safeguard = next(e for e in review.entries if e.change.kind == "insert-after")
    assert safeguard.change.old == safeguard.quote
    assert safeguard.change.new
    for entry in review.entries:
        if entry.requirement in ("prohibited", "not-recommended"):
            assert entry.change.kind == "none"


def test_elements_name_notes_tables_and_definitions(review: Review) -> None:
    elements = {e.element.split(" ")[0] for e in review.entries}
    assert {"Paragraph", "Definition"} <= elements
    assert any(e.element.startswith(("Table", "Note", "List item")) for e in review.entries)


def test_ids_are_stable_and_ignore_the_clause_number() -> None:
    a = entry_id("privacy", "Retention and sharing", "Data is  kept for 90 days.")
    assert a == entry_id("privacy", "retention and sharing", "Data is kept for 90 days.")
    assert a.startswith("privacy-")
    assert len(a) == len("privacy-") + 8
    assert a != entry_id("consent", "Retention and sharing", "Data is kept for 90 days.")
    assert entry_id("", "Scope", "x").startswith("manual-")


def test_ids_are_unique(review: Review) -> None:
    ids = [e.id for e in review.entries]
    assert len(set(ids)) == len(ids)


def test_toml_round_trip_and_determinism(review: Review) -> None:
    text = dump_review(review)
    assert parse_review(text) == review
    assert dump_review(parse_review(text)) == text
    assert text.startswith("# stdcomment review file for d.docx.")
    data = tomllib.loads(text)
    assert data["schema_version"] == "1.0"
    assert data["body"] == "itu-t"
    first = data["entry"][0]
    for key in ("id", "status", "origin", "position", "clause", "clause_title", "location",
                "quote", "matched", "score", "requirement", "type", "category",
                "must_be_satisfied", "comment", "proposed_change", "change"):  # fmt: skip
        assert key in first, key
    assert set(first["change"]) <= {"kind", "old", "new"}
    assert '\ncomment = """\n' in text  # prose in multi-line strings


def test_toml_strings_survive_awkward_text() -> None:
    awkward = [
        'ends with a quote "',
        'three """ quotes',
        "back\\slash",
        "tab\there",
        "line\nbreaks\n\nparagraphs",
        "control \x07 char",
        "ünïcödé “quotes”",
        "",
    ]
    for text in awkward:
        for prose in (True, False):
            assert tomllib.loads(f"v = {toml_string(text, prose=prose)}")["v"] == text


def test_manual_entries_round_trip() -> None:
    text = (
        'schema_version = "1.0"\ndraft = "d.docx"\ndraft_sha256 = ""\nbody = "itu-t"\n\n'
        '[[entry]]\nstatus = "accepted"\norigin = "manual"\nclause = "5"\n'
        'comment = """\nOur own comment."""\n'
    )
    review = parse_review(text)
    (entry,) = review.entries
    assert entry.id.startswith("manual-")
    assert entry.change == Change("none")
    again = parse_review(dump_review(review))
    assert again.entries[0].id == entry.id
    assert entry.edited  # manual entries are always the delegate's own words


def test_edit_detection(review: Review) -> None:
    entry = review.entries[0]
    assert not entry.edited
    assert replace(entry, comment=entry.comment + " More.").edited
    assert replace(entry, type="ed").edited
    assert replace(entry, change=Change("none")).edited
    assert not replace(entry, comment=entry.comment.replace(" ", "  ")).edited  # whitespace only
    assert not replace(entry, status="accepted").edited


BASE = 'schema_version = "1.0"\ndraft = "d.docx"\ndraft_sha256 = ""\nbody = "itu-t"\n'
ENTRY = (
    '\n[[entry]]\nid = "a"\nstatus = "accepted"\norigin = "scan"\nposition = "privacy"\n'
    'clause = "9.1"\ncomment = "c"\n'
)


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (BASE + "draft = 'twice'\n", 5, "not valid TOML"),
        (BASE + ENTRY.replace('"accepted"', '"maybe"'), 8, "status: 'maybe' is not one of"),
        (BASE + ENTRY + "stauts = 1\n", 13, "unknown key 'stauts'"),
        (BASE + ENTRY + ENTRY, 15, "id: 'a' is already used by entry 1"),
        (BASE + ENTRY.replace('comment = "c"', 'comment = ""'), 12, "accepted entry needs"),
        (BASE + ENTRY + '\n[entry.change]\nkind = "rewrite"\n', 15, "'rewrite' is not one of"),
        (BASE + ENTRY + '\n[entry.change]\nkind = "replace"\nold = "x"\n', 15, "needs the new"),
        (BASE + ENTRY + "page = -3\n", 13, "page: must be a whole number"),
        (BASE + ENTRY + 'must_be_satisfied = "yes"\n', 13, "must be true or false"),
        (BASE.replace('"1.0"', '"2.0"'), 1, "schema_version: '2.0' is not supported"),
        (BASE + "extra = 1\n", 5, "unknown key 'extra'"),
        (BASE + ENTRY.replace('position = "privacy"\n', ""), 6, "needs its position id"),
    ],
)
def test_malformed_files_name_the_line(tmp_path: Path, text: str, line: int, message: str) -> None:
    path = tmp_path / "review.toml"
    path.write_text(text)
    with pytest.raises(ReviewFileError) as caught:
        read_review(path)
    assert caught.value.line == line, str(caught.value)
    assert message in str(caught.value)
    assert str(caught.value).startswith(f"{path}:{line}: ")


def test_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(ReviewFileError, match="no such file"):
        read_review(tmp_path / "missing.toml")
    (tmp_path / "latin1.toml").write_bytes(b"draft = '\xe9'\n")
    with pytest.raises(ReviewFileError, match="not UTF-8"):
        read_review(tmp_path / "latin1.toml")
    with pytest.raises(ReviewFileError, match="directory"):
        read_review(tmp_path)


def test_cli_writes_then_merges(tmp_path: Path) -> None:
    runner = CliRunner()
    target = tmp_path / "review.toml"
    first = runner.invoke(cli, ["review", str(DRAFT), "-o", str(target)])
    assert first.exit_code == 0, first.output
    assert f"wrote {target}:" in first.output
    text = target.read_text()
    second = runner.invoke(cli, ["review", str(DRAFT), "-o", str(target)])
    assert second.exit_code == 0, second.output
    assert "merged into" in second.output
    assert "0 new" in second.output
    assert target.read_text() == text  # merging an unchanged draft changes nothing


def test_cli_default_name_and_malformed_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    result = runner.invoke(cli, ["review", str(DRAFT)])
    assert result.exit_code == 0, result.output
    assert Path("itu-t-f-ervs-draft.review.toml").exists()
    Path("bad.toml").write_text(BASE + ENTRY.replace('"accepted"', '"maybe"'))
    bad = runner.invoke(cli, ["review", str(DRAFT), "-o", "bad.toml"])
    assert bad.exit_code == 2
    assert bad.output.strip().splitlines() == [
        "stdcomment: error: bad.toml:8: entry 1: status: 'maybe' is not one of "
        "proposed, accepted, rejected, stale"
    ]
    assert "Traceback" not in bad.output


def test_review_entry_defaults() -> None:
    entry = ReviewEntry(id="x")
    assert entry.clause_label == "General"
    assert entry.change.kind == "none"
