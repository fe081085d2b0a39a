"""Bad and hostile inputs: one line naming the file and the problem, exit 2, no traceback,
and the input file untouched."""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from stdcomment.cli.main import cli
from tests.support.minidocx import CONTENT_TYPES, ROOT_RELS, document_xml, minimal_docx, paragraph

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            block = b"<w:p/>" * (1 << 16)
            for _ in range(800):  # about 300 MB of XML, a few hundred KB compressed
                member.write(block)
    return buffer.getvalue()


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>"""

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"""

CASES: dict[str, tuple[bytes, str]] = {
    "not-a-zip.docx": (b"This is plain text, not a Word document.\n" * 20, "not a .docx"),
    "legacy.doc": (OLE + b"\x00" * 2048 + "WordDocument".encode("utf-16-le"), "legacy Word"),
    "encrypted.docx": (
        OLE + b"\x00" * 512 + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 512,
        "encrypted or password-protected",
    ),
    "corrupt.docx": (minimal_docx(paragraph("text"))[:-40], "corrupt zip"),
    "no-document.docx": (
        _zip({"[Content_Types].xml": CONTENT_TYPES.encode(), "word/styles.xml": b"<x/>"}),
        "without word/document.xml",
    ),
    "bomb.docx": (_bomb(), "zip bomb"),
    "billion-laughs.docx": (minimal_docx("", {"word/document.xml": BILLION_LAUGHS}), "DTD"),
    "xxe.docx": (minimal_docx("", {"word/document.xml": XXE}), "DTD"),
    "malformed.docx": (
        minimal_docx("", {"word/document.xml": document_xml("<w:p><w:r><w:t>open")[:-30]}),
        "malformed XML",
    ),
    "empty.docx": (minimal_docx(""), "empty"),
    "zero-bytes.docx": (b"", "empty (0 bytes)"),
    "spreadsheet.docx": (
        _zip({"[Content_Types].xml": CONTENT_TYPES.encode(), "xl/workbook.xml": b"<w/>"}),
        "spreadsheet",
    ),
}


def _run(path: Path) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["parse", str(path)])
    return result.exit_code, result.output


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_gives_one_line_and_exit_2(tmp_path: Path, name: str) -> None:
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


def test_directory_and_missing_file(tmp_path: Path) -> None:
    code, output = _run(tmp_path)
    assert code == 2
    assert "is a directory" in output
    assert "Traceback" not in output
    missing = tmp_path / "missing.docx"
    code, output = _run(missing)
    assert code == 2
    assert f"{missing}: no such file" in output


def test_xxe_file_is_never_read(tmp_path: Path) -> None:
    path = tmp_path / "xxe.docx"
    path.write_bytes(minimal_docx("", {"word/document.xml": XXE}))
    code, output = _run(path)
    assert code == 2
    assert "root:" not in output


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    path = tmp_path / "not-a-zip.docx"
    path.write_bytes(b"plain text")
    result = CliRunner().invoke(cli, ["--debug", "parse", str(path)])
    assert result.exit_code == 2
    assert "Traceback" in result.output


def test_valid_minimal_document_parses(tmp_path: Path) -> None:
    path = tmp_path / "ok.docx"
    path.write_bytes(minimal_docx(paragraph("1\tScope", "Heading1") + paragraph("Some text.")))
    code, output = _run(path)
    assert code == 0, output
    assert "1 Scope" in output
