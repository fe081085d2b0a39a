"""The ISO/IEC commenting form: against the official 2012-03 form, golden parts, rendering."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from stdcomment.writers import WRITERS
from stdcomment.writers.iso_docx import GRID, HEADINGS, read_iso_form, write_iso_form
from tests import libreoffice
from tests.conftest import corpus_file
from tests.writer_fixtures import check_docx_golden, sample_job

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
OFFICIAL = ("iso-commenting-template", "iso_comment_template_2012-03.docx")


def _parts(data: bytes) -> dict[str, etree._Element]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {
            name: etree.fromstring(archive.read(name))
            for name in archive.namelist()
            if name.endswith(".xml")
        }


def _heading_row(parts: dict[str, etree._Element]) -> etree._Element:
    """The row of eight headings, in whichever header part holds it."""
    for name, root in sorted(parts.items()):
        if name.startswith("word/header"):
            for row in root.xpath("//w:tbl/w:tr", namespaces=NS):
                if "".join(row.xpath(".//w:t/text()", namespaces=NS)).startswith("MB"):
                    return row
    raise AssertionError("no heading row in the headers")


def _heading_texts(row: etree._Element) -> list[str]:
    """First paragraph of each heading cell, footnote mark dropped."""
    out = []
    for cell in row.findall(f"{{{W}}}tc"):
        first = cell.find(f"{{{W}}}p")
        runs = [
            r
            for r in first.findall(f".//{{{W}}}r")
            if r.find(f"{{{W}}}rPr/{{{W}}}position") is None
            and r.find(f"{{{W}}}rPr/{{{W}}}vertAlign") is None
        ]
        out.append("".join("".join(r.xpath("w:t/text()", namespaces=NS)) for r in runs))
    return out


def _grid(table: etree._Element) -> list[int]:
    return [int(c.get(f"{{{W}}}w")) for c in table.findall(f"{{{W}}}tblGrid/{{{W}}}gridCol")]


@pytest.mark.corpus
def test_same_headings_and_columns_as_the_official_form() -> None:
    official = _parts(corpus_file(*OFFICIAL).read_bytes())
    ours = _parts(write_iso_form(sample_job()).data)
    theirs_row, our_row = _heading_row(official), _heading_row(ours)
    assert _heading_texts(our_row) == _heading_texts(theirs_row)
    assert len(our_row.findall(f"{{{W}}}tc")) == len(theirs_row.findall(f"{{{W}}}tc")) == 8
    # the hints and footnote marks too: the full cell texts are equal
    assert _full(our_row) == _full(theirs_row)
    # the body table: same column grid, same count
    their_body = official["word/document.xml"].find(f"{{{W}}}body/{{{W}}}tbl")
    our_body = ours["word/document.xml"].find(f"{{{W}}}body/{{{W}}}tbl")
    assert _grid(our_body) == _grid(their_body) == list(GRID)
    # the title line
    official_form = read_iso_form(corpus_file(*OFFICIAL))
    assert official_form.headings[0].startswith("MB/NC")
    assert [h.split("\n")[0] for h in official_form.headings] == [h[0] + h[1] for h in HEADINGS]


def _full(row: etree._Element) -> list[str]:
    return ["".join(c.xpath(".//w:t/text()", namespaces=NS)) for c in row.findall(f"{{{W}}}tc")]


def test_expected_headings() -> None:
    row = _heading_row(_parts(write_iso_form(sample_job()).data))
    assert _heading_texts(row) == [
        "MB/NC",
        "Line number",
        "Clause/ Subclause",
        "Paragraph/ Figure/ Table/",
        "Type of comment",
        "Comments",
        "Proposed change",
        "Observations of the secretariat",
    ]


def test_golden_form() -> None:
    check_docx_golden("writers/iso-comments", write_iso_form(sample_job()).data)


def test_layout_rows_and_no_merged_cells(tmp_path: Path) -> None:
    data = write_iso_form(sample_job()).data
    parts = _parts(data)
    document = parts["word/document.xml"]
    size = document.find(f".//{{{W}}}sectPr/{{{W}}}pgSz")
    assert size.get(f"{{{W}}}orient") == "landscape"
    assert (size.get(f"{{{W}}}w"), size.get(f"{{{W}}}h")) == ("16838", "11906")
    assert (
        document.xpath("//w:gridSpan | //w:vMerge | //w:object | //w:drawing", namespaces=NS) == []
    )
    tables = document.findall(f"{{{W}}}body/{{{W}}}tbl")
    assert len(tables) == 1
    rows = tables[0].findall(f"{{{W}}}tr")
    assert len(rows) == 5
    path = tmp_path / "form.docx"
    path.write_bytes(data)
    form = read_iso_form(path)
    assert (form.date, form.document, form.project) == (
        "2026-02-16",
        "ISO/IEC CD 99999",
        "ISO/IEC 99999",
    )
    assert all(r.member_body == "GB" for r in form.rows)
    assert [r.type for r in form.rows] == ["ge", "te", "te", "te", "te"]
    assert [r.clause for r in form.rows] == ["Introduction", "1", "7.1", "9.2", "A.1"]
    assert [r.line for r in form.rows] == ["", "", "30", "7", ""]
    assert form.rows[4].element == "Table A.1, row 2"
    assert form.rows[2].comment == (
        "Clause 7.1 requires inferring emotions (“emotional state”).\n\n"
        "Second paragraph – with an en dash, café and 10 µs."
    )
    styles = [p.get(f"{{{W}}}val") for p in rows[2].xpath(".//w:pStyle", namespaces=NS)]
    assert styles == [
        "ISOMB",
        "ISOClause",
        "ISOClause",
        "ISOParagraph",
        "ISOCommType",
        "ISOComments",
        "ISOComments",
        "ISOChange",
        "ISOSecretObservations",
    ]


def test_registered() -> None:
    assert WRITERS["iso"].write is write_iso_form


@pytest.mark.slow
@pytest.mark.libreoffice
@libreoffice.needs_libreoffice
def test_form_renders_with_libreoffice(tmp_path: Path) -> None:
    path = tmp_path / "iso-comments.docx"
    path.write_bytes(write_iso_form(sample_job()).data)
    pdf = libreoffice.to_pdf(path, tmp_path)
    assert 1 <= libreoffice.pages(pdf) <= 2
    width, height = libreoffice.page_size(pdf)
    assert width > height  # landscape
    assert (round(width), round(height)) == (842, 595)
    text = libreoffice.text(pdf)
    for heading in ("Template for comments and secretariat observations", "Proposed change",
                    "Observations of the secretariat", "Date: 2026-02-16"):  # fmt: skip
        assert heading in text
    assert "Table A.1 defines an ethnicity field." in text
