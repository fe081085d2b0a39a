"""Every evidence key, quotation and report reference points to text that is in the report.

The report (ARTICLE 19, *Emotional Entanglement*, 2021) is not shipped; the test reads it from
`tests.conftest.REPORT_DIR` and is skipped when it is absent. Comparison ignores line breaks,
runs of spaces, words split by a hyphen at a line end, and the kind of quotation marks.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from stdcomment.positions import Position, load_positions
from tests.conftest import REPORT_DIR

_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})

POSITIONS = list(load_positions())


def normalise(text: str) -> str:
    """Quotes straightened, hyphenated line ends joined, whitespace collapsed."""
    text = text.translate(_QUOTES)
    text = re.sub(r"-[ \t]*\n\s*", "-", text)
    return " ".join(text.split())


@pytest.fixture(scope="module")
def report() -> str:
    files = sorted(Path(REPORT_DIR).glob("*.txt")) if Path(REPORT_DIR).is_dir() else []
    if not files:
        pytest.skip(f"the report text is not available in {REPORT_DIR}")
    return normalise("\n".join(f.read_text("utf-8") for f in files))


def test_normalise() -> None:
    assert normalise("high-\n  risk ‘crowd’ \n database") == "high-risk 'crowd' database"


@pytest.mark.parametrize("position", POSITIONS, ids=[p.id for p in POSITIONS])
def test_evidence_and_references_occur_in_the_report(report: str, position: Position) -> None:
    missing: list[str] = []
    for ref in position.report:
        for part in (ref.section, ref.subsection):
            if part and normalise(part) not in report:
                missing.append(f"report section {part!r}")
    for item in position.evidence:
        for key in item.keys:
            if normalise(key) not in report:
                missing.append(f"evidence key {key!r}")
        if item.quote and normalise(item.quote) not in report:
            missing.append(f"quotation {item.quote!r}")
        for part in item.section.split(" — "):
            if normalise(part) not in report:
                missing.append(f"evidence section {part!r}")
    assert not missing, f"{position.path.name}: not in the report: {missing}"


def test_the_check_can_fail(report: str) -> None:
    """A key the report does not contain is caught (guards against a vacuous test)."""
    assert normalise("Hangzhou No. 11") in report
    assert normalise("Hangzhou No. 12 Middle School") not in report


@pytest.mark.parametrize("position", POSITIONS, ids=[p.id for p in POSITIONS])
def test_report_pages_come_from_the_executive_summary(report: str, position: Position) -> None:
    """Pages are given only where the report itself gives them (its executive summary)."""
    summary = report[report.index("Executive Summary") : report.index("Glossary")]
    cited = set(re.findall(r"pp?\. ([\d\s,–-]+)", summary.replace("–", "-")))
    given = {n for text in cited for n in re.findall(r"\d+", text)}
    for ref in position.report:
        for number in re.findall(r"\d+", ref.pages):
            assert number in given, f"{position.id}: page {number} is not cited in the summary"
