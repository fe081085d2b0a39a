"""Paragraph typography -> what the structure pass needs to see headings in a PDF.

A PDF has no styles, so a heading shows by its number and its type: a short paragraph, bold or
larger than the body text, not ending a sentence. Numbered ones ("6.2.1 Title", "1.1. Title",
"A.2 Title", "Annex A") get an outline level from their number. An unnumbered one set in the
same font and size as numbered headings ("Introduction", "Bibliography") gets the level of
those. Before the first numbered heading, type larger than any numbered heading, and an IEEE
designation line, is the title page: it gets the style name "Title", which every profile keeps
in the preamble and reads the document title from.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from .paragraphs import Paragraph

TITLE_STYLE = "Title"
MAX_WORDS = 25
MAX_LINES = 3

_NUMBERED = re.compile(r"^(?P<number>\d+(?:\.\d+)*|[A-Z](?:\.\d+)+)\.?[ \t]+(?P<title>\S)")
_ANNEX = re.compile(r"^(?:Annex|Appendix|ANNEX|APPENDIX)\s+[A-Z0-9IVXL]+\b")
_DESIGNATION = re.compile(r"^(?:IEEE\s+)?P\d{3,5}(?:\.\d+)*[a-z]?™?\s*/\s*D\d+(?:\.\d+)*\b")
_NOT_HEADING = re.compile(r"^(?:(?:Table|Figure)\s+[A-Z]?[\d.\-]+|NOTE|EXAMPLE|Note|Example|Key)\b")


@dataclass(frozen=True, slots=True)
class Hint:
    """The typography of one paragraph as flat-block fields."""

    bold: bool
    font_size: float
    outline_level: int | None = None
    title: bool = False


def _type(para: Paragraph) -> tuple[str, float, bool]:
    """The font, size and boldness most of the paragraph's characters have."""
    fonts: Counter[tuple[str, float]] = Counter()
    for line in para.lines:
        fonts[(line.font, line.size)] += line.chars
    (font, size), _ = fonts.most_common(1)[0]
    return font, size, all(line.bold for line in para.lines)


def _signature(font: str, size: float) -> tuple[str, float]:
    return font, round(size * 2) / 2


def _looks_like_heading(para: Paragraph, size: float, bold: bool, body: float) -> bool:
    text = para.text
    return (
        (bold or size >= body + 1.0)
        and len(para.lines) <= MAX_LINES
        and len(text.split()) <= MAX_WORDS
        and not text.rstrip().endswith((".", ",", ";", ":"))
    )


def _number_depth(text: str) -> int | None:
    if _ANNEX.match(text):
        return 1
    match = _NUMBERED.match(text)
    if match is None or match.group("title").islower():
        return None
    return match.group("number").count(".") + 1


def classify(paras: Sequence[Paragraph], body_size: float) -> list[Hint]:
    """Return a `Hint` for each paragraph of the draft, in order."""
    types = [_type(p) for p in paras]
    depth: dict[int, int] = {}
    levels: dict[tuple[str, float], int] = {}
    for index, (para, (font, size, bold)) in enumerate(zip(paras, types, strict=True)):
        if not _looks_like_heading(para, size, bold, body_size):
            continue
        found = _number_depth(para.text)
        if found is not None:
            depth[index] = found
            key = _signature(font, size)
            levels[key] = min(levels.get(key, found), found)
    first = min(depth, default=len(paras))
    clauses = [i for i in depth if not _ANNEX.match(paras[i].text)]  # annex titles run large
    biggest = max((types[i][1] for i in clauses), default=0.0)
    # type bigger than any numbered sub-clause heading reads as a chapter ("List of Figures")
    chapter = max((types[i][1] for i in clauses if depth[i] > 1), default=biggest)
    hints: list[Hint] = []
    for index, (para, (font, size, bold)) in enumerate(zip(paras, types, strict=True)):
        level: int | None = None
        title = False
        if index in depth:
            level = depth[index] - 1
        elif _looks_like_heading(para, size, bold, body_size) and not _NOT_HEADING.match(para.text):
            if index < first and (size > biggest + 0.5 or _DESIGNATION.match(para.text)):
                title = True
            elif _signature(font, size) in levels:
                level = levels[_signature(font, size)] - 1
            elif depth and bold and size > chapter + 0.5:
                level = 0
        hints.append(Hint(bold=bold, font_size=size, outline_level=level, title=title))
    return hints
