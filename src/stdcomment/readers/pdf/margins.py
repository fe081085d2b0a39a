"""What sits around the text: printed line numbers in the margin, running headers and footers.

Line numbers (IEEE ballot drafts, LibreOffice/Word line numbering): a column of integers at a
fixed x in the left or right margin, outside the text block, increasing down the page. They
become `Line.number` and leave the text. A number on a row of its own (its baseline not on a
text baseline) goes to the text line nearest to it.

Running headers and footers: rows in the top or bottom band of the page whose text, with
digits masked, repeats at the same height on other pages, and bare page numbers ("5", "– 5 –",
"iii", "Page 5 of 20") there. A row with a printed line number is never furniture.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .layout import Line, Segment

_DIGITS = re.compile(r"^\d{1,4}$")
_LEADERS = re.compile(r"(?:\.\s?){4,}\s*\S{1,7}$|(?:…\s?){2,}")  # a contents entry
COVERAGE = 0.4  # a page's number column reaches at least this share of its text lines
TRUSTED = 0.3  # ... on at least this share of the pages with text, for the column to be used
_PAGE_NUMBER = re.compile(
    r"^(?:page\s+)?[–—\-\s]*(?:\d{1,4}|[ivxlcdm]{1,7})[–—\-\s]*(?:(?:of|/)\s*\d{1,4})?$", re.I
)
BAND = 0.12  # the top and bottom 12 % of a page hold its running header and footer
ALIGN = 1.6  # points: numbers of one column line up this closely


@dataclass(slots=True)
class _Candidate:
    line: Line
    segment: Segment
    value: int
    side: str  # "L" or "R"


def _candidates(lines: Sequence[Line], width: float) -> list[_Candidate]:
    found: list[_Candidate] = []
    for line in lines:
        if _LEADERS.search(line.text):
            continue  # "1<TAB>Scope....3": a heading number in a contents list
        first, last = line.segments[0], line.segments[-1]
        if _DIGITS.match(first.text):
            side = "L" if len(line.segments) > 1 or first.x1 < width / 2 else "R"
            found.append(_Candidate(line, first, int(first.text), side))
        if len(line.segments) > 1 and _DIGITS.match(last.text):
            found.append(_Candidate(line, last, int(last.text), "R"))
    return found


def _clusters(
    items: Sequence[_Candidate], key: Callable[[_Candidate], float]
) -> list[list[_Candidate]]:
    ordered = sorted(items, key=key)
    groups: list[list[_Candidate]] = []
    for item in ordered:
        if groups and key(item) - key(groups[-1][-1]) <= ALIGN:
            groups[-1].append(item)
        else:
            groups.append([item])
    return groups


def _increasing(column: Sequence[_Candidate]) -> bool:
    values = [c.value for c in sorted(column, key=lambda c: c.line.baseline)]
    if len(values) < 2:
        return len(values) == 1
    rising = sum(1 for a, b in itertools.pairwise(values) if b > a)
    return rising >= 0.8 * (len(values) - 1)


def _in_margin(column: Sequence[_Candidate], lines: Sequence[Line]) -> bool:
    """Whether `column` lies outside the text block (left of it, or right of it)."""
    members = {id(c.segment) for c in column}
    starts: list[float] = []
    ends: list[float] = []
    for line in lines:
        rest = [s for s in line.segments if id(s) not in members]
        if rest:
            starts.append(rest[0].x0)
            ends.append(rest[-1].x1)
    if not starts:
        return False
    starts.sort()
    ends.sort()
    if column[0].side == "L":
        return max(c.segment.x1 for c in column) < starts[len(starts) // 10] - 2
    return min(c.segment.x0 for c in column) > ends[-(len(ends) // 10) - 1] + 2


@dataclass(frozen=True, slots=True)
class _Column:
    side: str
    edge: str  # "x0" or "x1": which edge the numbers align on
    position: float


def _edge(c: _Candidate, edge: str) -> float:
    return c.segment.x1 if edge == "x1" else c.segment.x0


def _page_column(lines: Sequence[Line], width: float) -> tuple[_Column, list[_Candidate]] | None:
    best: tuple[_Column, list[_Candidate]] | None = None
    candidates = _candidates(lines, width)
    for side in ("L", "R"):
        mine = [c for c in candidates if c.side == side]
        for edge in ("x1", "x0"):
            for group in _clusters(mine, lambda c, e=edge: _edge(c, e)):  # type: ignore[misc]
                if len(group) < max(3, COVERAGE * len(lines)):
                    continue
                if best is not None and len(group) <= len(best[1]):
                    continue
                if _increasing(group) and _in_margin(group, lines):
                    position = sum(_edge(c, edge) for c in group) / len(group)
                    best = (_Column(side, edge, position), group)
    return best


def read_line_numbers(pages: list[list[Line]], widths: Sequence[float]) -> bool:
    """Move printed margin line numbers from the text into `Line.number`; say if any were."""
    found: dict[int, list[_Candidate]] = {}
    columns: list[_Column] = []
    for index, lines in enumerate(pages):
        hit = _page_column(lines, widths[index])
        if hit is not None:
            columns.append(hit[0])
            found[index] = hit[1]
    with_text = sum(1 for lines in pages if len(lines) >= 3)
    if not columns or len(columns) < TRUSTED * with_text:
        return False  # a column on a page or two: numbered headings or a list, not lines
    for index, lines in enumerate(pages):  # pages with few lines: numbers in a known column
        if index in found:
            continue
        candidates = _candidates(lines, widths[index])
        group = [
            c
            for c in candidates
            if any(
                c.side == col.side and abs(_edge(c, col.edge) - col.position) <= ALIGN
                for col in columns
            )
        ]
        if group and _increasing(group):
            found[index] = group
    for index, group in found.items():
        pages[index] = _apply(pages[index], group)
    return True


def _apply(lines: list[Line], numbers: list[_Candidate]) -> list[Line]:
    loose: list[tuple[float, int]] = []
    for candidate in numbers:
        line = candidate.line
        line.segments = [s for s in line.segments if s is not candidate.segment]
        if line.segments:
            line.number = candidate.value
        else:
            loose.append((line.baseline, candidate.value))
    kept = [line for line in lines if line.segments]
    for baseline, value in loose:
        nearest = min(
            (line for line in kept if line.number is None),
            key=lambda line: abs(line.baseline - baseline),
            default=None,
        )
        if nearest is not None and abs(nearest.baseline - baseline) <= 0.6 * nearest.size:
            nearest.number = value
    return kept


_ROMAN_EDGE = re.compile(r"^[ivxlcdm]{1,7}\b|\b[ivxlcdm]{1,7}$")


def _mask(text: str) -> str:
    """The text with page numbers masked: digits, and a roman numeral at either end."""
    return _ROMAN_EDGE.sub("#", re.sub(r"\d+", "#", " ".join(text.lower().split())))


@dataclass(frozen=True, slots=True)
class _Slot:
    """Where a page's running header or footer sits: band, height and font size."""

    band: str
    top: float
    size: float

    def holds(self, line: Line, band: str) -> bool:
        return (
            band == self.band
            and abs(line.top - self.top) <= 2.0
            and (abs(line.size - self.size) <= 0.3)
        )


def strip_furniture(
    pages: list[list[Line]], heights: Sequence[float]
) -> tuple[list[list[Line]], list[str]]:
    """Remove running headers, footers and page numbers; return the pages and header texts.

    A line is furniture when its masked text repeats at the same height on another page, or
    it is a bare page number, or it sits where repeated furniture sits (same band, height
    and size: a running chapter title that changes from chapter to chapter).
    """
    seen: dict[tuple[str, str, int], set[int]] = defaultdict(set)
    for index, lines in enumerate(pages):
        for line in lines:
            band = _band(line, heights[index])
            if band and line.number is None:
                seen[(band, _mask(line.text), round(line.top / 3))].add(index)

    def repeated(line: Line, band: str) -> bool:
        mask, row = _mask(line.text), round(line.top / 3)
        on = set().union(*(seen.get((band, mask, row + d), set()) for d in (-1, 0, 1)))
        return len(on) >= 2 or bool(_PAGE_NUMBER.match(" ".join(line.text.split())))

    slots: set[_Slot] = set()
    for index, lines in enumerate(pages):
        for line in lines:
            band = _band(line, heights[index])
            if band and line.number is None and repeated(line, band):
                slots.add(_Slot(band, round(line.top, 1), line.size))
    headers: list[str] = []
    out: list[list[Line]] = []
    for index, lines in enumerate(pages):
        kept: list[Line] = []
        for line in lines:
            band = _band(line, heights[index])
            free = band and line.number is None
            if free and (repeated(line, band) or any(s.holds(line, band) for s in slots)):
                text = " ".join(line.text.split())
                if not _PAGE_NUMBER.match(text) and text not in headers:
                    headers.append(text)
                continue
            kept.append(line)
        out.append(kept)
    return out, headers


def _band(line: Line, height: float) -> str:
    if line.bottom <= height * BAND:
        return "top"
    if line.top >= height * (1 - BAND):
        return "bottom"
    return ""
