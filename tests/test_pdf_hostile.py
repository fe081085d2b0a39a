"""Bad PDFs: one line naming the file and the problem, exit 2, no traceback, file untouched."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from stdcomment.cli.main import cli
from stdcomment.readers.pdf import source
from tests.support.minipdf import Text, pdf

pytest.importorskip("pdfplumber")

GOOD = pdf([[Text(72, 100, "1 Scope", 12, "bold"), Text(72, 130, "This draft has text.")]])

CASES: dict[str, tuple[bytes, str]] = {
    "text.pdf": (b"This is plain text, not a PDF.\n" * 20, "not a PDF file"),
    "word.pdf": (b"PK\x03\x04" + b"\x00" * 100, "is a Word file"),
    "zero-bytes.pdf": (b"", "empty (0 bytes)"),
    "truncated.pdf": (GOOD[: len(GOOD) // 2], "truncated or damaged"),
    "garbage.pdf": (b"%PDF-1.4\n" + b"\x00garbage\xff" * 50, "not a readable PDF"),
    "encrypted.pdf": (pdf([[Text(72, 100, "secret")]], encrypted=True), "encrypted with a"),
    "scanned.pdf": (pdf([[], []], images=True), "no text layer"),
    "blank.pdf": (pdf([[]]), "has no text"),
}


def _run(path: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["parse", *args, str(path)])
    return result.exit_code, result.output


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_pdf_gives_one_line_and_exit_2(tmp_path: Path, name: str) -> None:
    data, problem = CASES[name]
    path = tmp_path / name
    path.write_bytes(data)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    code, output = _run(path)
    assert code == 2, output
    lines = [line for line in output.splitlines() if line.strip()]
    assert len(lines) == 1, output
    assert str(path) in lines[0]
    assert problem in lines[0]
    assert "Traceback" not in output
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_scanned_pdf_suggests_ocr(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(pdf([[]], images=True))
    _, output = _run(path)
    assert "OCR" in output


def test_page_count_is_capped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(source, "MAX_PAGES", 2)
    path = tmp_path / "long.pdf"
    path.write_bytes(pdf([[Text(72, 100, f"Page {n} text.")] for n in range(3)]))
    code, output = _run(path)
    assert code == 2
    assert "has 3 pages (more than 2" in output


def test_crowded_page_is_left_out_with_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(source, "MAX_GLYPHS_PER_PAGE", 30)
    path = tmp_path / "crowded.pdf"
    path.write_bytes(
        pdf([[Text(72, 100, "Short page.")], [Text(72, 100, "A page with many more glyphs " * 3)]])
    )
    code, output = _run(path)
    assert code == 0, output
    assert "warning: page 2: more than 30 characters; its text was left out" in output


def test_missing_extra_names_the_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(source, "_import", lambda: None)
    path = tmp_path / "ok.pdf"
    path.write_bytes(GOOD)
    code, output = _run(path)
    assert code == 2
    assert "install stdcomment[pdf] to read PDF drafts" in output
    assert len(output.strip().splitlines()) == 1


def test_original_view_is_a_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "ok.pdf"
    path.write_bytes(GOOD)
    code, output = _run(path, "--view", "original")
    assert code == 2
    assert "a PDF has no tracked changes" in output


def test_pdf_without_suffix_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "draft"
    path.write_bytes(GOOD)
    code, output = _run(path)
    assert code == 0, output
    assert "1 Scope" in output


def test_rotated_text_is_left_out(tmp_path: Path) -> None:
    path = tmp_path / "rotated.pdf"
    runs = [Text(72, 100, "1 Scope", 12, "bold"), Text(72, 130, "This draft has text.")]
    path.write_bytes(pdf([[*runs, Text(560, 600, "DRAFT WATERMARK", 30, rotated=True)]]))
    result = CliRunner().invoke(cli, ["parse", "--format", "markdown", str(path)])
    assert result.exit_code == 0, result.output
    assert "This draft has text." in result.output
    assert "WATERMARK" not in result.output
