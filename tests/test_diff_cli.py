"""`stdcomment diff` on the command line: formats, outputs, errors and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from stdcomment.cli.main import cli
from tests.conftest import SAMPLES

OLD = str(SAMPLES / "itu-t-f-ervs-draft.docx")
NEW = str(SAMPLES / "itu-t-f-ervs-draft-v2.docx")


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["diff", *args])
    return result.exit_code, result.stdout, result.stderr


def test_text_to_standard_output() -> None:
    code, out, err = _run(OLD, NEW, "--no-concerns")
    assert code == 0, err
    assert out.startswith("OLD: SG16-TD231/WP2 (itu-t-f-ervs-draft.docx)\n")
    assert "Clause 7.1 → 8.1, paragraph 2:\nOLD:\n" in out
    assert "Concerns" not in out


def test_concerns_are_scanned_by_default() -> None:
    code, out, err = _run(OLD, NEW)
    assert code == 0, err
    assert "Concerns (positions):" in out
    assert "pseudoscience" in out


@pytest.mark.parametrize("fmt", ["markdown", "html", "json", "docx"])
def test_each_format_to_a_file(tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"diff.{fmt}"
    code, out, err = _run(OLD, NEW, "--no-concerns", "--format", fmt, "-o", str(target))
    assert code == 0, err
    assert out == ""
    assert f"wrote {target}" in err
    data = target.read_bytes()
    if fmt == "json":
        assert json.loads(data)["counts"]["moved"] == 4
    elif fmt == "docx":
        assert data[:2] == b"PK"
    else:
        assert "7.1 → 8.1" in data.decode("utf-8")
    # the same inputs give the same bytes
    again = tmp_path / f"again.{fmt}"
    _run(OLD, NEW, "--no-concerns", "--format", fmt, "-o", str(again))
    assert again.read_bytes() == data


def test_revisions_of_one_draft() -> None:
    code, out, err = _run("--revisions", OLD, "--no-concerns")
    assert code == 0, err
    assert "original view" in out.splitlines()[0]
    assert "Clause 8.2 Interview and interrogation assistance: retitled" in out
    assert "“shall” → “is required to”" in out


def test_review_follow_up(tmp_path: Path) -> None:
    review = tmp_path / "review.toml"
    review.write_text(
        '[[entry]]\nid = "C-1"\nstatus = "accepted"\nposition = "privacy"\nclause = "9.1"\n'
        '[entry.change]\nkind = "replace"\nold = "five years"\nnew = "three years"\n',
        encoding="utf-8",
    )
    code, out, err = _run(OLD, NEW, "--no-concerns", "--review", str(review))
    assert code == 0, err
    assert "C-1 [privacy] clause 9.1 → 10.1: adopted" in out


def _one_line_error(code: int, err: str, expected: str) -> None:
    assert code == 2
    assert err.count("\n") == 1, err
    assert err.startswith("stdcomment: error: ")
    assert expected in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((OLD,), "give two drafts"),
        ((OLD, NEW, NEW), "give two drafts"),
        (("--revisions", OLD, NEW), "--revisions takes one draft"),
        ((OLD, NEW, "--format", "docx"), "give -o FILE"),
        ((OLD, "missing.docx"), "missing.docx: no such file"),
    ],
)
def test_usage_errors(args: tuple[str, ...], expected: str) -> None:
    code, _, err = _run(*args, "--no-concerns")
    _one_line_error(code, err, expected)


def test_a_file_that_is_not_a_draft(tmp_path: Path) -> None:
    fake = tmp_path / "fake.docx"
    fake.write_text("not a zip", encoding="utf-8")
    code, _, err = _run(OLD, str(fake), "--no-concerns")
    _one_line_error(code, err, "fake.docx")


def test_a_bad_review_file(tmp_path: Path) -> None:
    review = tmp_path / "review.toml"
    review.write_text("[[entry]\n", encoding="utf-8")
    code, _, err = _run(OLD, NEW, "--no-concerns", "--review", str(review))
    _one_line_error(code, err, "not a valid TOML review file")


def test_outputs_are_not_overwritten_without_force(tmp_path: Path) -> None:
    target = tmp_path / "diff.txt"
    target.write_text("keep me", encoding="utf-8")
    code, _, err = _run(OLD, NEW, "--no-concerns", "-o", str(target))
    _one_line_error(code, err, "exists; use --force")
    assert target.read_text(encoding="utf-8") == "keep me"
    code, _, err = _run(OLD, NEW, "--no-concerns", "-o", str(target), "--force")
    assert code == 0, err
    assert target.read_text(encoding="utf-8").startswith("OLD: ")
    assert [p.name for p in tmp_path.iterdir()] == ["diff.txt"]  # no temporary file left
