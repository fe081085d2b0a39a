"""CSV injection: no cell of any CSV the tool writes begins with `=`, `+`, `-`, `@`, a tab or
a carriage return, whatever the draft or the review file says (OWASP's rule). Hostile
drafts (a .docx and a PDF, built here) carry such text in clause titles and sentences; a
review file carries it in comments and proposed changes; the scan CSV and the IEEE ballot
CSV must neutralise every such cell with a leading `'`, and the IEEE CSV must still read
back to the same comments."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import replace
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from stdcomment import csvcells
from stdcomment.cli.main import cli
from stdcomment.comments import build_sheet
from stdcomment.csvcells import is_dangerous, neutralise, restore
from stdcomment.review import dump_review, read_review
from stdcomment.writers import WriterInput
from stdcomment.writers.ascii import to_ascii
from stdcomment.writers.ieee_csv import FIELD_LIMIT, FIELDS, read_ieee_csv, write_ieee_csv
from tests.support.minidocx import minimal_docx, paragraph
from tests.support.minipdf import numbered_page, pdf
from tests.writer_fixtures import sample_draft, sample_entries, sample_job, sample_library

STARTS = ("=", "+", "-", "@", "\t", "\r")  # OWASP's list
SRC = Path(__file__).resolve().parents[1] / "src" / "stdcomment"

# (clause title, body text): every title and every quoted sentence begins with a dangerous
# character; "Gain" and "Lists" hold ordinary text that must read as it did.
HOSTILE_TITLES = [
    ('=HYPERLINK("http://x","y") Emotion recognition', "Text of the clause."),
    ("+Emotion recognition of visitors", "Text of the clause."),
    ("-Emotion recognition of drivers", "Text of the clause."),
    ("@Emotion recognition of halls", "Text of the clause."),
]
HOSTILE_SENTENCES = [
    ("Alerts", '=HYPERLINK("http://evil","click") The system shall perform emotion recognition.'),
    ("Levels", "+1 The system shall perform emotion recognition on each visitor."),
    ("Thresholds", "-5 dB is the level at which the system shall perform emotion recognition."),
    ("Operation", "@SUM(1+1) The system is required to perform emotion recognition in halls."),
    ("Quoting", '"=1+1" The system shall perform emotion recognition at the gate.'),
]
GAIN = "The detector shall perform emotion recognition at a gain of -5 dB."
LIST_ITEM = "The system shall perform emotion recognition on crowds."
ORDINARY = [("Gain", GAIN)]


def _numbered(rows: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    return [(str(n), title, text) for n, (title, text) in enumerate(rows, start=1)]


CLAUSES = _numbered(HOSTILE_TITLES + HOSTILE_SENTENCES + ORDINARY + [("Lists", "")])
LISTS = str(len(CLAUSES))
WHITESPACE_TEXT = {
    "Night": "=1+1 The system shall perform emotion recognition at night.",
    "Dawn": "@SUM(2) The system shall perform emotion recognition at dawn.",
}
WHITESPACE = [  # .docx only: a PDF text layer has no tab or carriage return to carry
    (str(len(CLAUSES) + 1), "Night", "<w:tab/>"),
    (str(len(CLAUSES) + 2), "Dawn", '<w:t xml:space="preserve">&#13;</w:t>'),
]


def hostile_docx() -> bytes:
    """A .docx whose clause titles and sentences begin with each dangerous character."""
    body = []
    for number, title, text in CLAUSES:
        body.append(paragraph(escape(f"{number}\t{title}"), "Heading1"))
        if text:
            body.append(paragraph(escape(text)))
    body.append(  # a list item with a typed hyphen marker
        '<w:p><w:pPr><w:pStyle w:val="ListParagraph"/></w:pPr><w:r><w:t xml:space="preserve">'
        f"-\t{LIST_ITEM}</w:t></w:r></w:p>"
    )
    for number, title, run in WHITESPACE:  # a leading tab, a carriage return
        body.append(paragraph(escape(f"{number}\t{title}"), "Heading1"))
        body.append(f'<w:p><w:r>{run}<w:t xml:space="preserve">{escape(WHITESPACE_TEXT[title])}'
                    "</w:t></w:r></w:p>")  # fmt: skip
    return minimal_docx("".join(body))


def hostile_pdf() -> bytes:
    """The same draft as an IEEE-style PDF with margin line numbers."""
    lines = []
    for number, title, text in CLAUSES:
        lines.append((f"{number} {title}", "bold"))
        if text:
            lines.append((text, "regular"))
    lines.append((f"- {LIST_ITEM}", "regular"))
    return pdf([numbered_page(lines, header="IEEE P1234/D3, May 2026", footer="7")])


def _cells(data: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data, newline="")))


def _assert_no_formula(rows: list[list[str]]) -> None:
    for row in rows:
        for cell in row:
            assert not cell.startswith(STARTS), f"cell begins with {cell[:1]!r}: {cell!r}"


def _run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(params=["docx", "pdf"])
def draft(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    if request.param == "pdf":
        pytest.importorskip("pdfplumber")
    path = tmp_path / f"hostile.{request.param}"
    path.write_bytes(hostile_docx() if request.param == "docx" else hostile_pdf())
    return path


# The rule itself.


@pytest.mark.parametrize("start", STARTS)
def test_each_dangerous_start_gets_one_quote(start: str) -> None:
    text = f'{start}HYPERLINK("http://evil","click")'
    assert neutralise(text) == "'" + text
    assert restore(neutralise(text)) == text


@pytest.mark.parametrize(
    "text",
    [" =1+1", "  -2", '"=1+1"', "'=1+1", "\" '@SUM(1)", "\n+1", "\u00a0=1", " \t x", "''-x"],
)
def test_after_leading_spaces_and_quotes(text: str) -> None:
    assert is_dangerous(text)
    assert neutralise(text) == "'" + text
    assert restore(neutralise(text)) == text


@pytest.mark.parametrize(
    "text",
    ["", "   ", "''", "Emotion recognition", "The gain is -5 dB.", "a=b", "1+1", "'quoted'",
     "5 - 3", "x@example.org", "[1 Scope] =x", "\u2212" + "5 dB"],
)  # fmt: skip
def test_ordinary_text_is_kept(text: str) -> None:
    assert not is_dangerous(text)
    assert neutralise(text) == text
    assert restore(text) == text


@given(st.text(alphabet=st.sampled_from("=+-@\t\r\n '\"ax1"), max_size=8) | st.text(max_size=12))
def test_round_trip_and_no_dangerous_first_character(text: str) -> None:
    cell = neutralise(text)
    assert not cell.startswith(STARTS)
    assert restore(cell) == text
    assert cell in (text, "'" + text)


def test_writer_and_reader_round_trip_through_csv_quoting() -> None:
    rows = [["=1+1", '"=a","b"', "\r\n-x", "plain", "'@y", "\t"], ["-5", "+", "@", "ok"]]
    buffer = io.StringIO()
    writer = csvcells.writer(buffer)
    for row in rows:
        writer.writerow(row)
    _assert_no_formula(_cells(buffer.getvalue()))
    assert csvcells.read_rows(io.StringIO(buffer.getvalue(), newline="")) == rows


def test_every_csv_writer_uses_the_shared_step() -> None:
    """A new CSV output must write through `csvcells.writer`, not `csv.writer` directly."""
    direct = re.compile(r"\bcsv\.(writer|DictWriter)\b")
    users = []
    for path in sorted(SRC.rglob("*.py")):
        text = path.read_text("utf-8")
        if path.name != "csvcells.py":
            assert not direct.search(text), f"{path} writes CSV without csvcells"
        if "csvcells.writer(" in text:
            users.append(path.relative_to(SRC).as_posix())
    assert {"scan_report.py", "writers/ieee_csv.py"} <= set(users)


# The scan CSV.


def test_scan_csv_has_no_formula_cell(draft: Path) -> None:
    rows = _cells(_run("scan", str(draft), "--format", "csv"))
    header, body = rows[0], rows[1:]
    _assert_no_formula(rows)
    title = {r[header.index("clause")]: r[header.index("clause_title")] for r in body}
    sentences = {r[header.index("sentence")] for r in body}
    for number, text, _ in CLAUSES[: len(HOSTILE_TITLES)]:
        assert title[number] == "'" + text  # neutralised, otherwise as in the draft
    for _, _, text in CLAUSES[len(HOSTILE_TITLES) : len(HOSTILE_TITLES) + len(HOSTILE_SENTENCES)]:
        assert "'" + text in sentences
    assert GAIN in sentences  # a negative number inside a sentence is untouched
    assert "Gain" in title.values()  # ordinary titles are untouched
    lists = [r for r in body if r[header.index("clause")] == LISTS]
    assert lists, "the list item was not scanned"
    for row in lists:  # the typed hyphen marker is a label (docx) or kept, neutralised (PDF)
        assert row[header.index("sentence")] in (LIST_ITEM, f"'- {LIST_ITEM}")
    if draft.suffix == ".docx":
        for text in WHITESPACE_TEXT.values():
            assert any(cell.endswith(text) for cell in sentences), text


def test_scan_csv_draft_name_is_a_cell_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("=draft.docx", "+draft.docx", "@draft.docx"):
        Path(name).write_bytes(hostile_docx())
        rows = _cells(_run("scan", "--format", "csv", "--", name))
        _assert_no_formula(rows)
        assert {r[0] for r in rows[1:]} == {"'" + name}


# The IEEE ballot CSV, from a review file whose comments and changes are hostile.


def _hostile_review(draft: Path, tmp_path: Path) -> tuple[Path, dict[str, tuple[str, str]]]:
    target = tmp_path / "review.toml"
    _run("review", str(draft), "-o", str(target))
    review = read_review(target)
    assert len(review.entries) >= len(STARTS)
    wording: dict[str, tuple[str, str]] = {}
    entries = []
    for n, entry in enumerate(review.entries):
        start = STARTS[n % len(STARTS)]
        lead = ("", " ", '"')[n % 3]
        comment = f'{lead}{start}HYPERLINK("http://evil","click") comment {n}'
        change = f'{start}{lead}HYPERLINK("http://evil","click") change {n}'
        wording[entry.id] = (comment, change)
        entries.append(replace(entry, status="accepted", comment=comment, proposed_change=change))
    target.write_text(dump_review(replace(review, entries=tuple(entries))), "utf-8")
    return target, wording


def _all_columns(tmp_path: Path) -> Path:
    """A columns.toml with every field, and a header that is itself a formula."""
    folder = tmp_path / "templates" / "ieee"
    folder.mkdir(parents=True)
    names = {"comment": '=HYPERLINK("x")', "proposed_change": "Proposed Change"}
    folder.joinpath("columns.toml").write_text(
        "".join(
            f"[[column]]\nname = '{names.get(field, field)}'\nfield = \"{field}\"\n"
            for field in FIELDS
        ),
        "utf-8",
    )
    return folder.parent


def _flat(text: str) -> str:
    return to_ascii(" ".join(text.split()))[0]


def test_ieee_csv_has_no_formula_cell_and_reads_back(draft: Path, tmp_path: Path) -> None:
    review, wording = _hostile_review(draft, tmp_path)
    out = tmp_path / "ballot.csv"
    _run("draft", str(draft), "--format", "ieee", "--review", str(review), "-o", str(out))
    data = out.read_bytes()
    rows = _cells(data.decode("ascii"))
    _assert_no_formula(rows)
    header = rows[0]
    changes = [r[header.index("Proposed Change")] for r in rows[1:]]
    expected = sorted(_flat(change) for _, change in wording.values())
    assert sorted(csvcells.restore(c) for c in changes) == expected
    assert any(c.startswith("'=HYPERLINK(") for c in changes)  # neutralised, not dropped
    back = read_ieee_csv(data)
    assert sorted(r.proposed_change for r in back) == expected
    if draft.suffix == ".pdf":  # page known: the comment field begins with our comment
        assert sorted(r.comment for r in back) == sorted(_flat(c) for c, _ in wording.values())
        assert any(r[0].startswith("'=HYPERLINK(") for r in rows[1:])


def test_ieee_csv_every_column_with_user_columns(draft: Path, tmp_path: Path) -> None:
    review, wording = _hostile_review(draft, tmp_path)
    templates = _all_columns(tmp_path)
    out = tmp_path / "ballot.csv"
    _run("draft", str(draft), "--format", "ieee", "--review", str(review), "-o", str(out),
         "--templates", str(templates), "--ieee-voter", "=cmd|' /C calc'!A0")  # fmt: skip
    data = out.read_bytes()
    rows = _cells(data.decode("ascii"))
    _assert_no_formula(rows)
    header = rows[0]
    assert header[0] == '\'=HYPERLINK("x")'
    titles = {r[header.index("clause_title")] for r in rows[1:]}
    assert "'" + HOSTILE_TITLES[0][0] in titles
    assert {r[header.index("voter")] for r in rows[1:]} == {"'=cmd|' /C calc'!A0"}
    back = read_ieee_csv(data, (templates,))
    assert sorted(r.proposed_change for r in back) == sorted(
        _flat(change) for _, change in wording.values()
    )
    assert sorted(r.comment for r in back) == sorted(csvcells.restore(r[0]) for r in rows[1:])


def test_ieee_truncation_counts_the_prefix() -> None:
    entries = sample_entries()
    entries[1] = replace(entries[1], proposed_change="=" + "x" * 5000)
    entries[2] = replace(entries[2], proposed_change="-" + "x" * (FIELD_LIMIT - 2))
    sheet, _ = build_sheet(sample_draft(), entries, sample_library(), reviewed=True)
    out = write_ieee_csv(WriterInput(sheet, sample_job().meta))
    rows = _cells(out.data.decode("ascii"))
    long, fits = rows[2][5], rows[3][5]
    assert len(long) == FIELD_LIMIT
    assert long.startswith("'=xxx")
    assert long.endswith(" [...]")
    assert fits == "'-" + "x" * (FIELD_LIMIT - 2)  # 4,000 with the prefix: not truncated
    assert [w for w in out.warnings if "truncated" in w] == [
        f"manual-scope: Proposed Change: longer than {FIELD_LIMIT} characters, truncated"
    ]
    assert read_ieee_csv(out.data)[2].proposed_change == "-" + "x" * (FIELD_LIMIT - 2)
