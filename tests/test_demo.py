"""`stdcomment demo`: the whole pipeline on the sample draft, into a folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from stdcomment.cli.main import cli
from stdcomment.demo import OUTPUTS
from stdcomment.readers import read_draft
from stdcomment.review import read_review
from stdcomment.writers.ieee_csv import read_ieee_csv
from stdcomment.writers.iso_docx import read_iso_form
from tests import libreoffice

FILES = ["review.toml", "meta.toml", *(name for _, name in OUTPUTS)]


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("demo") / "demo-output"
    result = CliRunner().invoke(cli, ["demo", "--output", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_demo_writes_every_format_and_says_where(demo_dir: Path) -> None:
    assert sorted(p.name for p in demo_dir.iterdir()) == sorted(FILES)
    result = CliRunner().invoke(cli, ["demo", "--output", str(demo_dir), "--force"])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "outline:" in out
    assert "7.1 General requirements" in out
    assert "scan:" in out
    assert "findings in" in out
    assert f"wrote {len(FILES)} files into {demo_dir}/:" in out
    for name in FILES:
        assert str(demo_dir / name) in out


def test_demo_is_byte_identical(demo_dir: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    result = CliRunner().invoke(cli, ["demo", "--output", str(again)])
    assert result.exit_code == 0, result.output
    for name in FILES:
        assert (again / name).read_bytes() == (demo_dir / name).read_bytes(), name


def test_demo_keeps_existing_files_without_force(demo_dir: Path) -> None:
    before = {name: (demo_dir / name).read_bytes() for name in FILES}
    result = CliRunner().invoke(cli, ["demo", "--output", str(demo_dir)])
    assert result.exit_code == 2
    assert "exists; use --force to overwrite it" in result.output
    assert "Traceback" not in result.output
    assert {name: (demo_dir / name).read_bytes() for name in FILES} == before


def test_demo_review_and_outputs_agree(demo_dir: Path) -> None:
    review = read_review(demo_dir / "review.toml")
    accepted = review.accepted()
    assert len(accepted) >= 5
    assert any(e.origin == "manual" for e in accepted)
    rows = read_ieee_csv((demo_dir / "ieee-comments.csv").read_bytes())
    form = read_iso_form(demo_dir / "iso-comments.docx")
    assert len(rows) == len(form.rows) == len(accepted)
    assert all(r.member_body == "GB" for r in form.rows)
    contribution = read_draft(demo_dir / "contribution.docx", view="original")
    proposal = next(c for c in contribution.walk() if c.title == "Proposal")
    assert any(b.revision is not None for b in proposal.blocks)
    assert "Edit." in (demo_dir / "brief.md").read_text()


def test_demo_refuses_a_file_as_folder(tmp_path: Path) -> None:
    target = tmp_path / "file"
    target.write_text("x")
    result = CliRunner().invoke(cli, ["demo", "--output", str(target)])
    assert result.exit_code == 2
    assert "is a file" in result.output


@pytest.mark.slow
@pytest.mark.libreoffice
@libreoffice.needs_libreoffice
def test_demo_documents_render(demo_dir: Path, tmp_path: Path) -> None:
    review = read_review(demo_dir / "review.toml")
    contribution = libreoffice.to_pdf(demo_dir / "contribution.docx", tmp_path)
    assert 4 <= libreoffice.pages(contribution) <= 10
    text = libreoffice.text(contribution)
    assert "CONTRIBUTION" in text
    assert "Proposed modifications to draft new Recommendation" in text
    form = libreoffice.to_pdf(demo_dir / "iso-comments.docx", tmp_path)
    assert 1 <= libreoffice.pages(form) <= 6
    form_text = libreoffice.text(form)
    for entry in review.accepted():
        first_words = " ".join(entry.comment.split()[:6])
        assert first_words in text, first_words
    for row in read_iso_form(demo_dir / "iso-comments.docx").rows:
        assert " ".join(row.comment.split()[:4]) in form_text
