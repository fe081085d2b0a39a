"""Text lines -> paragraphs: where a paragraph ends, and how its lines join.

A new paragraph starts at a wider gap than the usual line pitch of its font size, at a change
of font size or weight, at a list label or NOTE, at a change of indentation (hanging labels and
first-line indents allowed), or after a short line ending a sentence. A paragraph runs on to
the next page when the last line of the page is full and the sentence goes on.

Lines join with a space; a hyphen at the end of a line is dropped when the joined word occurs
elsewhere in the draft (or the draft hyphenates words and the parts do not make a compound
found elsewhere), and kept for real compounds ("face-to-\\nface"). A soft hyphen always goes.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from .layout import Line

_LABEL_START = re.compile(
    r"^(?:[•▪◦●■□➢►–—\-*]|\(?[a-zA-Z0-9]{1,3}\)|\d+(?:\.\d+)*\.?|[A-Z](?:\.\d+)+\.?"
    r"|\[[^\]\t]{1,16}\]|[A-Z][A-Za-z0-9\-/&.()+]{0,15})\t"
)
_NOTE_START = re.compile(r"^(?:NOTE|EXAMPLE)(?:\s+\d+)?\s*(?:[—–:\-]|\t)")
_LEADERS = re.compile(r"(?:\.\s?){4,}\s*(?:\d{1,4}|[ivxlcdm]{1,7})$|(?:…\s?){2,}\s*\d{1,4}$", re.I)
_WORD = re.compile(r"[^\W\d_]+(?:[-‐][^\W\d_]+)*")
_END_FRAGMENT = re.compile(r"([^\W\d_]+(?:[-‐][^\W\d_]+)*)[-‐]$")
_START_FRAGMENT = re.compile(r"[^\W\d_]+")
_ANNEX_LABEL = re.compile(
    r"^(?:Annex|Appendix|ANNEX|APPENDIX)\s+[A-Z0-9IVXL]+(?:\s*\((?:in)?formative\))?$"
)
_PAGE_COLUMN = re.compile(r"^(?:Page|Pages|Page No\.?|Seite|p\.)$")
_SENTENCE_END = (".", ":", ";", "!", "?")
_HYPHENS = ("-", "‐")


def is_contents_line(line: Line) -> bool:
    """Whether `line` is a table-of-contents entry (dot leaders, then a page number)."""
    return bool(_LEADERS.search(line.text.rstrip()))


def drop_contents(lines: Sequence[Line]) -> list[Line]:
    """`lines` without contents entries and the "Page" column head above them."""
    out: list[Line] = []
    for index, line in enumerate(lines):
        if is_contents_line(line):
            continue
        after = lines[index + 1] if index + 1 < len(lines) else None
        if after is not None and _PAGE_COLUMN.match(line.text.strip()) and is_contents_line(after):
            continue
        out.append(line)
    return out


@dataclass
class Style:
    """What the draft's lines look like as a whole: usual sizes, pitches, margins, words."""

    body_size: float
    pitch: dict[float, float]
    right: dict[int, float]  # page -> right edge of the text block
    vocabulary: set[str] = field(default_factory=set)
    hyphenating: bool = False

    def pitch_of(self, size: float) -> float:
        """The usual distance between baselines of lines in `size` inside one paragraph."""
        return self.pitch.get(round(size * 2) / 2, 1.2 * size)

    def right_of(self, page: int) -> float:
        """The right edge of the text block on `page`."""
        return self.right.get(page, max(self.right.values(), default=0.0))


def measure(pages: Sequence[Sequence[Line]], cells: Sequence[Sequence[Line]] = ()) -> Style:
    """Return the `Style` of a draft from its body lines by page and its table cells' lines."""
    sizes: Counter[float] = Counter()
    gaps: dict[float, Counter[float]] = {}
    right: dict[int, float] = {}
    vocabulary: set[str] = set()
    for lines in pages:
        for line in lines:
            sizes[line.size] += line.chars
    for lines in [*pages, *cells]:
        vocabulary.update(w.lower() for line in lines for w in _WORD.findall(line.text))
        for a, b in itertools.pairwise(lines):
            gap = b.baseline - a.baseline
            if a.size == b.size and 0.9 * a.size <= gap <= 2.2 * a.size:
                gaps.setdefault(round(a.size * 2) / 2, Counter())[round(gap * 2) / 2] += 1
    for lines in pages:
        ends = sorted(line.x1 for line in lines if line.chars > 20)
        if ends:
            right[lines[0].page] = ends[int(len(ends) * 0.9) - (1 if len(ends) > 1 else 0)]
    pitch = {size: counter.most_common(1)[0][0] for size, counter in gaps.items()}
    body = sizes.most_common(1)[0][0] if sizes else 10.0
    style = Style(body_size=body, pitch=pitch, right=right, vocabulary=vocabulary)
    style.hyphenating = _hyphenating(pages, style)
    return style


def _hyphenating(pages: Sequence[Sequence[Line]], style: Style) -> bool:
    """Whether the draft breaks words at line ends (most split words occur whole elsewhere)."""
    joins = keeps = 0
    for lines in pages:
        for a, b in itertools.pairwise(lines):
            left = _END_FRAGMENT.search(a.text.rstrip())
            right = _START_FRAGMENT.match(b.text.lstrip())
            if not (left and right):
                continue
            head = re.split(r"[-‐]", left.group(1))[-1]
            if (head + right.group(0)).lower() in style.vocabulary:
                joins += 1
            elif f"{left.group(1)}-{right.group(0)}".lower() in style.vocabulary:
                keeps += 1
    return joins >= 2 and joins > keeps


def join(before: str, after: str, style: Style) -> str:
    """Join two lines of one paragraph, undoing end-of-line hyphenation."""
    a, b = before.rstrip(), after.strip().replace("\t", " ")
    if not a:
        return b
    if a.endswith("\u00ad"):
        return a[:-1] + b
    if a.endswith(_HYPHENS) and len(a) > 1 and a[-2].isalpha():
        left, right = _END_FRAGMENT.search(a), _START_FRAGMENT.match(b)
        if left and right and _dehyphenate(left.group(1), right.group(0), style):
            return a[:-1] + b
        return a + b
    if a.endswith(("—", "/")):
        return a + b
    return f"{a} {b}"


def _dehyphenate(left: str, right: str, style: Style) -> bool:
    if not right[:1].islower() or re.search(r"[-‐]", left):
        return False
    if (left + right).lower() in style.vocabulary:
        return True
    if f"{left}-{right}".lower() in style.vocabulary:
        return False
    return style.hyphenating


@dataclass(slots=True)
class Paragraph:
    """Consecutive lines that make one paragraph, and their joined text."""

    lines: list[Line]
    text: str = ""


def _starts_item(line: Line) -> bool:
    text = line.text
    return bool(_LABEL_START.match(text) or _NOTE_START.match(text))


def _breaks(para: Paragraph, line: Line, style: Style) -> bool:
    """Whether `line` starts a new paragraph after `para`."""
    prev = para.lines[-1]
    em = max(prev.size, 1.0)
    if line.page != prev.page:
        return not _runs_on(prev, line, style)
    gap = line.baseline - prev.baseline
    if gap <= 0 or abs(line.size - prev.size) > 0.6 or line.bold != prev.bold:
        return True
    if _ANNEX_LABEL.match(para.text) and gap < 4 * style.pitch_of(prev.size):
        return False  # "Annex A", a blank line, then the annex title: one heading
    if gap > 1.3 * style.pitch_of(prev.size) or _starts_item(line):
        return True
    right = style.right_of(prev.page)
    centred = abs(line.centre - prev.centre) < 0.5 * em and prev.x1 < right - em
    if centred:
        return False
    first = para.lines[0]
    if len(para.lines) == 1:
        hang = first.segments[1].x0 if len(first.segments) > 1 else None
        hanging = hang is not None and abs(line.x0 - hang) < 0.6 * em
        if line.x0 > first.x0 + em and not hanging:
            return True
    elif abs(line.x0 - para.lines[1].x0) > 0.8 * em:
        return True
    return prev.x1 < right - 4 * em and prev.text.rstrip().endswith(_SENTENCE_END)


def _runs_on(prev: Line, line: Line, style: Style) -> bool:
    """Whether the paragraph ending a page goes on at the top of the next one."""
    if abs(line.size - prev.size) > 0.6 or line.bold != prev.bold or _starts_item(line):
        return False
    full = prev.x1 >= style.right_of(prev.page) - 2 * prev.size
    ended = prev.text.rstrip().endswith(_SENTENCE_END) and not line.text[:1].islower()
    return full and not ended


def paragraphs(lines: Sequence[Line], style: Style) -> list[Paragraph]:
    """Group body `lines` (in reading order, across pages) into paragraphs."""
    out: list[Paragraph] = []
    for line in lines:
        if out and not _breaks(out[-1], line, style):
            para = out[-1]
            para.lines.append(line)
            para.text = join(para.text, line.text, style)
        else:
            out.append(Paragraph([line], line.text.strip()))
    return out


def cell_text(lines: Sequence[Line], style: Style) -> str:
    """The text of a table cell: its lines joined, list items on lines of their own."""
    texts: list[str] = []
    previous: Line | None = None
    for line in lines:
        text = " ".join(line.text.split())
        new = previous is None or _starts_item(line)
        if previous is not None and line.baseline - previous.baseline > 1.6 * style.pitch_of(
            previous.size
        ):
            new = True
        if new:
            texts.append(text)
        else:
            texts[-1] = join(texts[-1], text, style)
        previous = line
    return "\n".join(texts)
