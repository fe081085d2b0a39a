"""IEEE ballot comments: columns from the template, integers, ASCII, limits, read-back."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from pathlib import Path

import pytest

from stdcomment.comments import build_sheet
from stdcomment.errors import InputError
from stdcomment.writers import WRITERS, WriterInput
from stdcomment.writers.ascii import to_ascii
from stdcomment.writers.ieee_csv import (
    FIELD_LIMIT,
    load_columns,
    read_ieee_csv,
    write_ieee_csv,
)
from tests.writer_fixtures import (
    check_golden_bytes,
    sample_draft,
    sample_entries,
    sample_job,
    sample_library,
)

UPLOAD_HEADER = [
    "Comment",
    "Category",
    "Page Number",
    "Subclause",
    "Line Number",
    "Proposed Change",
    "Must Be Satisfied",
]


def _rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("ascii"), newline="")))


def test_golden_csv() -> None:
    check_golden_bytes("writers/ieee-comments.csv", write_ieee_csv(sample_job()).data)


def test_columns_are_data_with_the_upload_spelling() -> None:
    assert [c.name for c in load_columns()] == UPLOAD_HEADER
    assert _rows(write_ieee_csv(sample_job()).data)[0] == UPLOAD_HEADER


def test_fields() -> None:
    rows = _rows(write_ieee_csv(sample_job()).data)[1:]
    by_subclause = {r[3]: r for r in rows}
    assert set(by_subclause) == {"General", "1", "7.1", "9.2", "A.1"}
    pdf = by_subclause["7.1"]
    assert (pdf[2], pdf[4]) == ("12", "30")  # integers from the PDF location
    assert pdf[0].startswith("Clause 7.1 requires")  # no location note when the page is known
    docx = by_subclause["1"]
    assert (docx[2], docx[4]) == ("", "")
    assert docx[0].startswith("[1 Scope, Paragraph 1 (paragraph 11 of the draft)] ")
    assert by_subclause["General"][0].startswith("[Introduction, Paragraph 1")
    assert [r[1] for r in rows] == ["General", "Technical", "Technical", "Technical", "Technical"]
    assert [r[6] for r in rows] == ["No", "Yes", "Yes", "No", "No"]
    for row in rows:
        for value in row:
            assert value.isascii()
            assert len(value) <= FIELD_LIMIT
            assert "\n" not in value
    assert 'A ""tension index"" >= 80' not in pdf[0]  # csv quoting is the writer's job
    assert by_subclause["9.2"][0] == 'A "tension index" >= 80 is read as a sign of intent.'
    assert "Second paragraph - with an en dash, cafe and 10 us." in pdf[0]


def test_crlf_records_and_determinism() -> None:
    data = write_ieee_csv(sample_job()).data
    assert data.startswith(b"Comment,Category,Page Number,")
    assert data.count(b"\r\n") == 6
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert write_ieee_csv(sample_job()).data == data


def test_transliteration() -> None:
    assert to_ascii("“Résumé” – naïve ≥ 10 µs… ©") == ('"Resume" - naive >= 10 us... (c)', [])
    text, lost = to_ascii("emotion 情绪 ✓")
    assert text == "emotion ?? ?"
    assert lost == ["情", "绪", "✓"]


def test_loss_and_truncation_warn() -> None:
    entries = sample_entries()
    entries[2] = replace(entries[2], comment="情 " + "x" * 5000)
    sheet, _ = build_sheet(sample_draft(), entries, sample_library(), reviewed=True)
    out = write_ieee_csv(WriterInput(sheet, sample_job().meta))
    assert any("no ASCII form for 情" in w for w in out.warnings)
    assert any("longer than 4000 characters, truncated" in w for w in out.warnings)
    long = _rows(out.data)[3][0]
    assert len(long) == FIELD_LIMIT
    assert long.endswith(" [...]")


def test_user_columns(tmp_path: Path) -> None:
    folder = tmp_path / "ieee"
    folder.mkdir()
    (folder / "columns.toml").write_text(
        '[[column]]\nname = "Must be Satisfied"\nfield = "must_be_satisfied"\n'
        '[[column]]\nname = "Page"\nfield = "page"\n[[column]]\nname = "Name"\nfield = "voter"\n'
    )
    data = write_ieee_csv(sample_job((tmp_path,))).data
    rows = _rows(data)
    assert rows[0] == ["Must be Satisfied", "Page", "Name"]
    assert rows[3] == ["Yes", "12", "Example, Alex"]
    (folder / "columns.toml").write_text('[[column]]\nname = "X"\nfield = "nothing"\n')
    with pytest.raises(InputError, match="needs a name and a field"):
        write_ieee_csv(sample_job((tmp_path,)))


def test_read_back() -> None:
    rows = read_ieee_csv(write_ieee_csv(sample_job()).data)
    assert [(r.subclause, r.page, r.line) for r in rows] == [
        ("General", None, None),
        ("1", None, None),
        ("7.1", 12, 30),
        ("9.2", 14, 7),
        ("A.1", None, None),
    ]


def test_registered() -> None:
    assert WRITERS["ieee"].write is write_ieee_csv
    assert WRITERS["ieee"].suffix.endswith(".csv")
