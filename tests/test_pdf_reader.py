"""The PDF reader's passes on small PDFs made in the test: margin line numbers, running
headers and footers, paragraphs, hyphenation, labels, headings, tables, page breaks."""

from __future__ import annotations

from pathlib import Path

import pytest

from stdcomment.model import BlockKind, ClauseKind, Draft
from stdcomment.readers import read_draft
from stdcomment.readers.pdf.layout import Line, Segment
from stdcomment.readers.pdf.paragraphs import Style, join
from tests.support.minipdf import Text, grid, numbered_page, pdf

pytest.importorskip("pdfplumber")

HEADER = "IEEE P1234/D3, May 2026"
LONG = "This draft shall be read with care and it goes on for a long time until the line is"


def _read(tmp_path: Path, data: bytes, name: str = "draft.pdf") -> Draft:
    path = tmp_path / name
    path.write_bytes(data)
    return read_draft(path)


def _texts(draft: Draft) -> list[str]:
    return [f"{b.label} {b.text}".strip() for _, b in draft.blocks()]


def test_margin_numbers_are_locations_not_text(tmp_path: Path) -> None:
    lines = [("1 Overview", "bold"), (LONG, "regular"), ("full and ends here.", "regular")]
    lines += [("1.1 Scope", "bold")] + [
        (f"Sentence number {n} of the scope.", "regular") for n in range(9)
    ]
    draft = _read(tmp_path, pdf([numbered_page(lines, header=HEADER, footer="7")]))
    overview = draft.find("1")
    scope = draft.find("1.1")
    assert overview is not None
    assert scope is not None
    assert overview.location is not None
    assert scope.location is not None
    assert (overview.location.page, overview.location.line) == (1, 1)
    assert (scope.location.page, scope.location.line) == (1, 4)
    block = overview.blocks[0]
    assert block.text == LONG + " full and ends here."
    assert (block.location.line, block.location.last_line) == (2, 3)
    scope_text = scope.blocks[0]
    assert scope_text.text.startswith("Sentence number 0 of the scope.")
    assert (scope_text.location.line, scope_text.location.last_line) == (5, 13)
    assert not any(text[:1].isdigit() and " " not in text for text in _texts(draft))


def test_running_header_and_page_numbers_leave_the_text(tmp_path: Path) -> None:
    pages = [
        numbered_page(
            [(f"{n} Clause {n}", "bold"), ("Text of the clause.", "regular"), ("More.", "regular")],
            header=HEADER,
            footer=str(n),
        )
        for n in (1, 2, 3)
    ]
    draft = _read(tmp_path, pdf(pages))
    texts = _texts(draft)
    assert not any(HEADER in t for t in texts)
    assert texts == ["Text of the clause. More."] * 3
    assert draft.metadata.designation == "P1234/D3"
    assert draft.metadata.date == "May 2026"
    assert draft.body.value == "ieee"
    assert [c.number for c in draft.walk()] == ["1", "2", "3"]


def test_line_numbers_on_the_right(tmp_path: Path) -> None:
    runs = []
    for number in range(1, 6):
        runs.append(Text(72, 80 + 14 * number, f"Line {number} of a paragraph that keeps going on"))
        runs.append(Text(540, 80 + 14 * number, str(number)))
    draft = _read(tmp_path, pdf([runs]))
    (_, block), *_ = draft.blocks()
    assert "Line 5 of a paragraph" in block.text
    assert (block.location.line, block.location.last_line) == (1, 5)
    assert "going on 1" not in block.text


def test_lines_are_counted_without_printed_numbers(tmp_path: Path) -> None:
    runs = [Text(72, 80, "Title line", 12, "bold"), Text(72, 110, "First paragraph.")]
    runs += [Text(72, 140, "Second paragraph, one line."), Text(72, 154, "Its second line.")]
    draft = _read(tmp_path, pdf([runs]))
    places = [(b.location.line, b.location.last_line) for _, b in draft.blocks()]
    assert places == [(1, 1), (2, 2), (3, 4)]


def test_hyphenation_undone_only_for_split_words(tmp_path: Path) -> None:
    lines = [
        ("The recog-", "regular"),
        ("nition of affect is a face-to-", "regular"),
        ("face matter. Voice-", "regular"),
        ("based systems differ; recognition is hard.", "regular"),
    ]
    draft = _read(tmp_path, pdf([numbered_page(lines)]))
    (text,) = _texts(draft)
    assert "The recognition of affect is a face-to-face matter. Voice-based systems" in text


def test_join_rules() -> None:
    style = Style(body_size=10, pitch={}, right={}, vocabulary={"changelog"}, hyphenating=True)
    assert join("The chan-", "gelog lists", style) == "The changelog lists"
    assert join("soon-to-", "be removed", style) == "soon-to-be removed"
    assert join("non-", "European", style) == "non-European"
    assert join("recog\u00ad", "nition", style) == "recognition"
    assert join("technology—", "Biometric", style) == "technology—Biometric"
    assert join("plain", "words", style) == "plain words"
    style.hyphenating = False
    assert join("Voice-", "based", style) == "Voice-based"


def test_labels_notes_and_abbreviations(tmp_path: Path) -> None:
    runs = [Text(72, 80, "3 Abbreviations and acronyms", 12, "bold")]
    runs += [Text(72, 110, "ECG"), Text(130, 110, "electrocardiogram")]
    runs += [Text(72, 130, "HRV"), Text(130, 130, "heart rate variability")]
    runs += [Text(72, 160, "4 Requirements", 12, "bold")]
    runs += [Text(72, 190, "a)"), Text(90, 190, "the first item;")]
    runs += [Text(72, 210, "b)"), Text(90, 210, "the second item.")]
    runs += [Text(72, 240, "NOTE—Notes are informative.", 9)]
    draft = _read(tmp_path, pdf([runs]))
    abbreviations = draft.find("3")
    assert abbreviations is not None
    assert abbreviations.kind == ClauseKind.ABBREVIATIONS
    entries = [b.abbreviation for b in abbreviations.blocks]
    assert [(e.abbreviation, e.expansion) for e in entries if e] == [
        ("ECG", "electrocardiogram"),
        ("HRV", "heart rate variability"),
    ]
    requirements = draft.find("4")
    assert requirements is not None
    kinds = [(b.kind, b.label, b.text) for b in requirements.blocks]
    assert kinds == [
        (BlockKind.LIST_ITEM, "a)", "the first item;"),
        (BlockKind.LIST_ITEM, "b)", "the second item."),
        (BlockKind.NOTE, "NOTE", "Notes are informative."),
    ]


def test_front_matter_headings_and_title(tmp_path: Path) -> None:
    page = [
        Text(72, 80, "Draft Standard for Testing Readers", 18, "bold"),
        Text(72, 120, "Introduction", 12, "bold"),
        Text(72, 140, "This introduction is not part of the standard."),
        Text(72, 170, "1 Overview", 12, "bold"),
        Text(72, 190, "The body starts here."),
        Text(72, 220, "1.1 Scope", 11, "bold"),
        Text(72, 240, "Scope text."),
    ]
    draft = _read(tmp_path, pdf([page]))
    outline = [(c.number, c.title, c.kind) for c in draft.walk()]
    assert outline == [
        ("", "", ClauseKind.FRONT),
        ("", "Introduction", ClauseKind.FRONT),
        ("1", "Overview", ClauseKind.BODY),
        ("1.1", "Scope", ClauseKind.BODY),
    ]
    assert draft.metadata.title == "Draft Standard for Testing Readers"


def test_paragraph_runs_on_across_a_page_break(tmp_path: Path) -> None:
    first = [Text(72, 80, "1 Scope", 12, "bold")]
    first += [Text(72, 100 + 14 * n, f"{LONG} {n}") for n in range(3)]
    second = [Text(72, 80, "continued on the next page and ends.")]
    second += [Text(72, 110, "A new paragraph.")]
    draft = _read(tmp_path, pdf([first, second]))
    scope = draft.find("1")
    assert scope is not None
    assert [b.text[-38:] for b in scope.blocks] == [
        "2 continued on the next page and ends.",
        "A new paragraph.",
    ]
    assert (scope.blocks[0].location.page, scope.blocks[0].location.line) == (1, 2)
    assert scope.blocks[0].location.last_line == 4  # the last line on the page it starts on


def test_ruled_table_becomes_cells(tmp_path: Path) -> None:
    runs = [Text(72, 80, "7 Reporting", 12, "bold"), Text(72, 105, "Table 1—Metrics")]
    runs += [Text(80, 135, "Metric", 10, "bold"), Text(230, 135, "Minimum")]
    runs += [Text(80, 155, "Accuracy"), Text(230, 155, "0.85")]
    runs += [Text(80, 175, "Latency of the"), Text(230, 175, "500 ms")]
    runs += [Text(80, 187, "whole system")]
    runs += [Text(72, 220, "Text after the table.")]
    rules = grid([75, 225, 400], [122, 142, 162, 194])
    draft = _read(tmp_path, pdf([runs], rules=[rules]))
    clause = draft.find("7")
    assert clause is not None
    kinds = [b.kind for b in clause.blocks]
    assert kinds == [BlockKind.CAPTION, BlockKind.TABLE, BlockKind.PARAGRAPH]
    table = clause.blocks[1].table
    assert table is not None
    assert table.texts() == [
        ["Metric", "Minimum"],
        ["Accuracy", "0.85"],
        ["Latency of the whole system", "500 ms"],
    ]
    assert clause.blocks[1].text.startswith("Metric | Minimum\nAccuracy | 0.85")


def test_line_model_reads_type_from_remaining_segments() -> None:
    number = Segment("12", 44, 54, chars=2, size=10, font="Serif", bold=False)
    heading = Segment("1.1 Scope", 72, 120, chars=8, size=11, font="Sans-Bold", bold=True)
    line = Line(page=1, segments=[number, heading], top=0, bottom=11, baseline=10)
    assert not line.bold
    line.segments = [heading]
    assert line.bold
    assert line.size == 11
    assert line.text == "1.1 Scope"
