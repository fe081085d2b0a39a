"""Glyphs -> text lines: rows by baseline, words by gaps, wide gaps kept as TABs.

A `Line` is one row of text on a page, split into `Segment`s wherever the gap between two
glyphs is wider than `TAB_GAP` ems (a tab, a margin line number, a table column). The text of
a line is its segments joined by TABs, as a Word paragraph keeps its tabs ("6.2\tTitle").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .source import Glyph

SPACE_GAP = 0.18  # ems: a gap wider than this between two glyphs is a word space
TAB_GAP = 0.8  # ems: wider than this is a tab stop (justified spaces stay below ~0.6 em)
ROW_TOLERANCE = 0.45  # ems: glyphs whose baselines differ less share a row (superscripts)
BULLET_GAP = 0.3  # ems: a bullet at the start of a line this far from its text is a list label
BULLETS = frozenset("•▪◦●■□➢►")


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of glyphs without a wide gap, with the type most of its characters use."""

    text: str
    x0: float
    x1: float
    chars: int = 0  # visible characters
    size: float = 0.0
    font: str = ""
    bold: bool = False  # every visible character bold


@dataclass(slots=True)
class Line:
    """One row of text on a page (its type read from the segments it still has)."""

    page: int
    segments: list[Segment]
    top: float
    bottom: float
    baseline: float
    number: int | None = None  # the printed line number in the margin, once read

    @property
    def text(self) -> str:
        """The line's text, segments joined by TABs."""
        return "\t".join(s.text for s in self.segments)

    @property
    def x0(self) -> float:
        """Left edge of the text."""
        return self.segments[0].x0

    @property
    def x1(self) -> float:
        """Right edge of the text."""
        return self.segments[-1].x1

    @property
    def centre(self) -> float:
        """Horizontal centre of the text."""
        return (self.x0 + self.x1) / 2

    @property
    def chars(self) -> int:
        """Visible characters."""
        return sum(s.chars for s in self.segments)

    @property
    def size(self) -> float:
        """The font size most of the line's characters use."""
        return max(self.segments, key=lambda s: s.chars).size

    @property
    def font(self) -> str:
        """The font most of the line's characters use."""
        return max(self.segments, key=lambda s: s.chars).font

    @property
    def bold(self) -> bool:
        """Whether every visible character is bold."""
        return all(s.bold for s in self.segments)


def _rows(glyphs: Iterable[Glyph]) -> list[list[Glyph]]:
    """Group glyphs into rows by baseline (sub- and superscripts stay in their row)."""
    ordered = sorted(glyphs, key=lambda g: (round(g.baseline, 1), g.x0))
    rows: list[list[Glyph]] = []
    current: list[Glyph] = []
    base = size = 0.0
    for glyph in ordered:
        if current and glyph.baseline - base <= ROW_TOLERANCE * max(size, glyph.size, 1.0):
            current.append(glyph)
            if glyph.size > size and glyph.text.strip():
                base, size = glyph.baseline, glyph.size
            continue
        if current:
            rows.append(current)
        current = [glyph]
        base, size = glyph.baseline, glyph.size
    if current:
        rows.append(current)
    return rows


def _dedupe(row: list[Glyph]) -> tuple[list[Glyph], bool]:
    """Drop glyphs drawn twice at (almost) the same place; say whether any were (fake bold)."""
    out: list[Glyph] = []
    doubled = False
    for glyph in row:
        if out and glyph.text == out[-1].text and abs(glyph.x0 - out[-1].x0) < 0.2 * glyph.size:
            doubled = doubled or bool(glyph.text.strip())
            continue
        out.append(glyph)
    return out, doubled


def _segment(glyphs: list[Glyph], parts: list[str], doubled: bool) -> Segment:
    visible = [g for g in glyphs if g.text.strip()]
    size = Counter(g.size for g in visible).most_common(1)[0][0]
    return Segment(
        text="".join(parts),
        x0=glyphs[0].x0,
        x1=max(g.x1 for g in glyphs),
        chars=len(visible),
        size=size or 10.0,
        font=Counter(g.font for g in visible).most_common(1)[0][0],
        bold=doubled or all(g.bold for g in visible),
    )


def _line(page: int, row: list[Glyph], *, tabs: bool = True) -> Line | None:
    row.sort(key=lambda g: g.x0)
    row, doubled = _dedupe(row)
    visible = [g for g in row if g.text.strip()]
    if not visible:
        return None
    segments: list[Segment] = []
    parts: list[str] = []
    members: list[Glyph] = []
    previous: Glyph | None = None
    spaced = False
    for glyph in row:
        if not glyph.text.strip():
            spaced = previous is not None
            continue
        gap = glyph.x0 - previous.x1 if previous is not None else 0.0
        em = max(previous.size if previous else 0.0, glyph.size, 1.0)
        bullet = len(parts) == 1 and parts[0] in BULLETS and gap > BULLET_GAP * em
        if previous is None or (tabs and (gap > TAB_GAP * em or bullet)):
            if previous is not None:
                segments.append(_segment(members, parts, doubled))
            parts, members = [glyph.text], [glyph]
        else:
            if spaced or gap > SPACE_GAP * em:
                parts.append(" ")
            parts.append(glyph.text)
            members.append(glyph)
        previous, spaced = glyph, False
    segments.append(_segment(members, parts, doubled))
    size = Counter(g.size for g in visible).most_common(1)[0][0]
    main = [g for g in visible if g.size == size] or visible
    return Line(
        page=page,
        segments=segments,
        top=min(g.top for g in visible),
        bottom=max(g.bottom for g in visible),
        baseline=Counter(round(g.baseline, 1) for g in main).most_common(1)[0][0],
    )


def lines_of(page: int, glyphs: Sequence[Glyph], *, tabs: bool = True) -> list[Line]:
    """Return the text lines of `glyphs` top to bottom (`tabs=False`: no TAB segments)."""
    lines = [_line(page, row, tabs=tabs) for row in _rows(glyphs)]
    return [line for line in lines if line is not None]


def inside(glyph: Glyph, box: tuple[float, float, float, float], margin: float = 1.0) -> bool:
    """Whether the centre of `glyph` lies in `box` (x0, top, x1, bottom)."""
    x = (glyph.x0 + glyph.x1) / 2
    y = (glyph.top + glyph.bottom) / 2
    return box[0] - margin <= x <= box[2] + margin and box[1] - margin <= y <= box[3] + margin
