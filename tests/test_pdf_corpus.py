"""A real PDF: BSI TR-03121 Part 1 (Apache FOP output, no line numbers, ruled tables,
hyphenated text, running chapter headers). Checked against the markdown conversion of the
same document that sits beside it in the corpus."""

from __future__ import annotations

import re

import pytest

from stdcomment.model import BlockKind, Draft
from stdcomment.readers import read_draft
from tests.conftest import corpus_file

pytest.importorskip("pdfplumber")

pytestmark = pytest.mark.corpus

FOLDER = "bsi-tr-03121-biometrics"


@pytest.fixture(scope="module")
def bsi() -> Draft:
    return read_draft(corpus_file(FOLDER, "TR-03121-1_Biometrics_6_0.pdf"))


def test_numbered_chapters(bsi: Draft) -> None:
    top = [(c.number, c.title) for c in bsi.clauses if c.number]
    assert top == [
        ("1", "Changelog"),
        ("2", "Introduction"),
        ("3", "Structure of Technical Guideline Biometrics"),
        ("4", "How to use this Technical Guideline"),
        ("5", "Logging scheme"),
        ("6", "Application Profiles"),
        ("7", "Organisation of the Function Modules"),
        ("8", "Organisation of the Partial Application Processes"),
    ]


def test_numbers_and_titles_agree_with_the_markdown(bsi: Draft) -> None:
    markdown = corpus_file(FOLDER, "TR-03121-1_Biometrics_6_0.md").read_text(encoding="utf-8")
    heading = re.compile(r"^#+ (?:<span[^>]*></span>)?\*\*(\d+(?:\.\d+)*)\. (.+?)\*\*$", re.M)
    headings = heading.findall(markdown)
    expected = [(number, title.strip()) for number, title in headings]
    got = [(c.number, c.title) for c in bsi.walk() if c.number]
    assert got == expected
    assert len(got) == 29
    assert ("1.1.3", "Changelog BSI TR-03121, Part 2, Volume HLBS") in got
    assert ("2.4", "Business Process Modelling Notation (BPMN)") in got


def test_unnumbered_chapters_and_title(bsi: Draft) -> None:
    titles = [c.title for c in bsi.clauses if not c.number]
    assert "List of Abbreviations" in titles
    assert titles[-1] == "Bibliography"
    assert bsi.clauses[-1].kind.value == "bibliography"
    assert bsi.metadata.title == "Biometrics for Public Sector Applications"


def test_running_headers_and_footers_are_gone(bsi: Draft) -> None:
    for _, block in bsi.blocks():
        footer = "Federal Office for Information Security" in block.text
        assert not footer or block.location.page == 2  # the imprint page names the office
        assert block.text != "Changelog"


def test_hyphenation_undone_and_compounds_kept(bsi: Draft) -> None:
    text = "\n".join(block.text for _, block in bsi.blocks())
    assert "The changelog lists the changes" in text  # "chan-\ngelog" on page 5
    assert "soon-to-be removed features" in text
    assert "chan- gelog" not in text
    assert "chan-gelog" not in text


def test_tables_are_cells(bsi: Draft) -> None:
    tables = [b for _, b in bsi.blocks() if b.kind == BlockKind.TABLE]
    assert len(tables) >= 20
    first = tables[0].table
    assert first is not None
    header = [c.text for c in first.rows[0]]
    assert header == ["Element Name", "Type of Change", "Change Description"]
    listing = next(c for c in bsi.clauses if c.title == "List of Abbreviations")
    table = listing.blocks[0].table
    assert table is not None
    rows = [[c.text for c in row] for row in table.rows]
    assert rows[:3] == [
        ["Abbreviation", "Description"],
        ["AP", "Application Profile"],
        ["ARE", "Alien Register Enrolment"],
    ]


def test_lines_are_counted_on_each_page(bsi: Draft) -> None:
    changelog = bsi.find("1")
    assert changelog is not None
    assert changelog.location is not None
    assert (changelog.location.page, changelog.location.line) == (5, 1)
    first = changelog.blocks[0]
    assert (first.location.page, first.location.line, first.location.last_line) == (5, 2, 4)
    scope = bsi.find("2.2")
    assert scope is not None
    assert scope.location is not None
    assert scope.location.page == 16
