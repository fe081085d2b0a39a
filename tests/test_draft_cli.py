"""`stdcomment draft`: options, metadata, warnings, exits; the same bytes for the same inputs."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from stdcomment.cli.main import cli
from stdcomment.contribution import (
    MetaError,
    default_title,
    load_meta_file,
    parse_contact,
    resolve_meta,
    study_period,
)
from stdcomment.demo import DEMO_META
from stdcomment.readers import read_draft
from tests.conftest import SAMPLES

DRAFT = SAMPLES / "itu-t-f-ervs-draft.docx"
IEEE_DRAFT = SAMPLES / "ieee-p7915-affect-draft.docx"


def _run(*args: str) -> Result:
    return CliRunner().invoke(cli, ["draft", *args])


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A review file with two accepted entries."""
    folder = tmp_path_factory.mktemp("review")
    target = folder / "review.toml"
    assert CliRunner().invoke(cli, ["review", str(DRAFT), "-o", str(target)]).exit_code == 0
    text = target.read_text()
    for _ in range(2):
        text = text.replace('status = "proposed"', 'status = "accepted"', 1)
    target.write_text(text)
    (folder / "meta.toml").write_text(DEMO_META)
    return folder


@pytest.mark.parametrize("fmt", ["itu-t", "ieee", "iso", "markdown", "html"])
def test_each_format_is_written_and_reproducible(reviewed: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"out.{fmt}"
    args = [str(DRAFT), "--review", str(reviewed / "review.toml"), "--meta",
            str(reviewed / "meta.toml"), "--format", fmt, "-o", str(out)]  # fmt: skip
    first = _run(*args)
    assert first.exit_code == 0, first.output
    assert f"wrote {out}" in first.output
    data = out.read_bytes()
    again = _run(*args, "--force")
    assert again.exit_code == 0
    assert out.read_bytes() == data
    refused = _run(*args)
    assert refused.exit_code == 2
    assert "exists; use --force" in refused.output


def test_without_review_everything_is_submitted_with_a_warning(tmp_path: Path) -> None:
    result = _run(str(DRAFT), "--format", "markdown", "-o", "-", "--source", "Org",
                  "--date", "2026-01-01")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "warning: no review file: submitting every finding" in result.output
    assert "**Not reviewed.**" in result.output


def test_source_date_epoch_sets_the_date(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    out = tmp_path / "c.docx"
    result = _run(str(DRAFT), "--format", "itu-t", "-o", str(out), "--source", "Org",
                  "--contact", "A Person|Org|Examplia||a@org.example")  # fmt: skip
    assert result.exit_code == 0, result.output
    import zipfile

    xml = zipfile.ZipFile(out).read("word/document.xml").decode()
    assert 'w:date="2026-01-01T00:00:00Z"' in xml
    assert 'w:author="Org"' in xml
    assert "A Person" in xml


def test_no_accepted_entry_is_an_error(tmp_path: Path) -> None:
    review = tmp_path / "r.toml"
    assert CliRunner().invoke(cli, ["review", str(DRAFT), "-o", str(review)]).exit_code == 0
    result = _run(str(DRAFT), "--review", str(review), "--format", "ieee", "-o",
                  str(tmp_path / "x.csv"))  # fmt: skip
    assert result.exit_code == 2
    assert "no entry is accepted" in result.output
    assert not (tmp_path / "x.csv").exists()


def test_binary_formats_need_a_file() -> None:
    result = _run(str(DRAFT), "--format", "iso", "-o", "-", "--date", "2026-01-01")
    assert result.exit_code == 2
    assert "binary file" in result.output


def test_bad_metadata_names_the_line(tmp_path: Path) -> None:
    meta = tmp_path / "meta.toml"
    meta.write_text('[contribution]\nsource = "Org"\nsoruce = "typo"\n')
    result = _run(str(DRAFT), "--format", "itu-t", "--meta", str(meta), "-o",
                  str(tmp_path / "c.docx"))  # fmt: skip
    assert result.exit_code == 2
    assert f"{meta}:3: [contribution] unknown key 'soruce'" in result.output
    meta.write_text("[contribution\n")
    with pytest.raises(MetaError, match=r"meta.toml:1: not valid TOML"):
        load_meta_file(meta)


def test_bad_options_are_one_line_errors(tmp_path: Path) -> None:
    for args, message in (
        (["--member-body", "Britain", "--format", "iso"], "not an ISO 3166 two-letter code"),
        (["--date", "16/02/2026", "--format", "ieee"], "is not a date"),
        (["--contact", "|x", "--format", "itu-t"], "--contact"),
    ):
        result = _run(str(DRAFT), *args, "-o", str(tmp_path / "x"))
        assert result.exit_code == 2, result.output
        assert message in result.output
        assert "Traceback" not in result.output


def test_missing_draft_is_a_one_line_error(tmp_path: Path) -> None:
    result = _run(str(tmp_path / "none.docx"), "--format", "ieee")
    assert result.exit_code == 2
    assert "no such file" in result.output


def test_metadata_defaults_from_the_draft() -> None:
    draft = read_draft(DRAFT)
    meta, warnings = resolve_meta(draft)
    assert meta.title == "Proposed modifications to draft new Recommendation ITU-T F.ERVS"
    assert (meta.study_group, meta.questions, meta.place) == ("16", "12/16", "Geneva")
    assert meta.meeting_date == "3-13 March 2026"
    assert meta.document_number == "SG16-C-XXX"
    assert any("no source organization" in w for w in warnings)
    assert any("no document number" in w for w in warnings)
    ieee = read_draft(IEEE_DRAFT)
    assert default_title(ieee) == "Proposed modifications to IEEE P7915/D2"


def test_options_win_over_the_meta_file(tmp_path: Path) -> None:
    meta_path = tmp_path / "meta.toml"
    meta_path.write_text(DEMO_META)
    from stdcomment.contribution import MetaOptions

    given = load_meta_file(meta_path)
    meta, _ = resolve_meta(
        read_draft(DRAFT), given, MetaOptions({"source": "Other Org", "doc_type": "TD"})
    )
    assert meta.source == "Other Org"
    assert meta.doc_type_label == "TD"
    assert meta.contacts[0].name == "Alex Example"
    assert meta.member_body == "GB"


def test_helpers() -> None:
    assert study_period("2026-02-16") == "2025-2028"
    assert study_period("2023-05-01") == "2022-2024"
    contact = parse_contact("Alex|Org|Examplia")
    assert (contact.name, contact.organization, contact.country, contact.email) == (
        "Alex", "Org", "Examplia", ""
    )  # fmt: skip


def test_ieee_draft_gets_ieee_wording(tmp_path: Path) -> None:
    out = tmp_path / "ballot.csv"
    result = _run(str(IEEE_DRAFT), "--format", "ieee", "-o", str(out), "--date", "2026-01-01")
    assert result.exit_code == 0, result.output
    text = out.read_bytes().decode("ascii")
    assert "This standard" in text or "this standard" in text
    assert ",General," in text or ",4.1," in text
