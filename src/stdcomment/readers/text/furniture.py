"""Page furniture of plain-text drafts: form feeds, running headers and footers, contents.

RFCs and Internet-Drafts end each page with a footer ("Jones   Expires ...   [Page 4]"), a form
feed and a running header ("RFC 3986   URI Generic Syntax   January 2005"); text extracted from
PDF (ETSI) repeats the page header line. Both are recognised and removed, as are contents
lines (dot leaders). Removed lines leave a page break mark so a paragraph cut by a page break
can be joined again.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

_FOOTER = re.compile(r"\[Page \d+\]\s*$")
_PAGE_WORD = re.compile(r"^\s*(?:-\s*\d+\s*-|Page \d+(?: of \d+)?)\s*$", re.I)
_HEADER_START = re.compile(r"^(?:RFC \d+|Internet-Draft|INTERNET-DRAFT)\b")
_LEADERS = re.compile(r"\.{5,}|(?:\. ){4,}|…{3,}|(?: \.){3,}\s*\d+\s*$")
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True, slots=True)
class Page:
    """The kept lines (1-based number, text; blanks kept) and where page breaks fell."""

    lines: tuple[tuple[int, str], ...]
    breaks: frozenset[int]  # indexes into `lines` of the first line after a removed run


def _key(line: str) -> str:
    return _DIGITS.sub("#", " ".join(line.split()))


def _running_header(key: str, counts: Counter[str], stripped: str) -> bool:
    """A line repeated on many pages that carries a number or a date (a running header)."""
    return counts[key] >= 4 and len(stripped) >= 10 and "#" in key and " " in stripped


def _header_tails(lines: Sequence[str], counts: Counter[str]) -> set[int]:
    """Lines after a running header that start with the header's cut-off tail ("-07)18 ").

    Text exported from PDF sometimes splits the header line: "ETSI TS 101 331 V1.8.1 (2021"
    then "-07)18 Annex A …" with the page number glued to the next text. The first token of
    such lines repeats (digits aside) after most headers; it is taken off those lines.
    """
    after: list[int] = []
    for index in range(1, len(lines)):
        previous = lines[index - 1].strip()
        if previous and _running_header(_key(previous), counts, previous) and lines[index].strip():
            after.append(index)
    tokens = Counter(_key(lines[i].split()[0]) for i in after)
    return {i for i in after if "#" in (k := _key(lines[i].split()[0])) and tokens[k] >= 3}


def _drop_tail(line: str) -> str:
    """Take the header's tail off `line`, and the page number when it stands apart ("-03) 5")."""
    parts = line.lstrip().split(None, 1)
    rest = parts[1] if len(parts) > 1 else ""
    if not parts[0][-1:].isdigit():
        number = rest.split(None, 1)
        if len(number) > 1 and number[0].isdigit():
            rest = number[1]
    return rest


def strip(lines: Sequence[str]) -> Page:
    """Remove page furniture and contents lines from `lines`."""
    counts = Counter(_key(line) for line in lines if line.strip())
    tails = _header_tails(lines, counts)
    after_feed = -1
    kept: list[tuple[int, str]] = []
    breaks: set[int] = set()
    removed = False
    for number, raw in enumerate(lines, start=1):
        line = raw
        if number - 1 in tails:
            line = _drop_tail(line)
        if "\f" in line:
            line = line.replace("\f", "")
            after_feed = 0
            removed = True
        stripped = line.strip()
        furniture = False
        if stripped:
            key = _key(stripped)
            furniture = bool(
                _FOOTER.search(stripped)
                or _PAGE_WORD.match(stripped)
                or (0 <= after_feed < 3 and (_HEADER_START.match(stripped) or counts[key] >= 3))
                or _running_header(key, counts, stripped)
                or _LEADERS.search(stripped)
            )
            if after_feed >= 0:
                after_feed = -1 if not furniture else after_feed + 1
        elif number - 1 in tails:
            furniture = True
        if furniture:
            removed = True
            continue
        if removed and stripped:
            breaks.add(len(kept))
            removed = False
        kept.append((number, line.rstrip("\n")))
    return Page(tuple(kept), frozenset(breaks))


__all__ = ["Page", "strip"]
