"""A PDF's pages -> flat blocks with page and line: the passes of the reader in order.

1. each page: glyphs and ruled tables (`source`), table glyphs cut out (`tables`), the rest
   into text lines (`layout`);
2. the whole draft: printed line numbers read and taken out of the text, running headers,
   footers and page numbers removed (`margins`); pages without printed numbers count their
   text lines from the top instead; contents lines (dot leaders) dropped;
3. lines joined into paragraphs, tables between them (`paragraphs`), a table cut by a page
   break joined again; typography read as heading hints (`headings`);
4. one `FlatBlock` per paragraph or table, with `Location(index, page, line, last_line)`.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ...flat import FlatBlock
from ...model import Location, Table
from . import source
from .headings import TITLE_STYLE, classify
from .layout import Line, lines_of
from .margins import read_line_numbers, strip_furniture
from .paragraphs import Paragraph, Style, drop_contents, measure, paragraphs
from .tables import TableBox, build_table, continues, cut_tables, merge, table_text


@dataclass
class PdfContent:
    """What the reader found: blocks in order, header texts, and what it noticed."""

    blocks: list[FlatBlock]
    headers: list[str]
    title: str
    printed_numbers: bool
    warnings: list[str] = field(default_factory=list)
    glyphs: int = 0
    images: int = 0
    unmapped: int = 0

    def empty_reason(self) -> str:
        """Why a PDF without text blocks has none, in words a user can act on."""
        if self.unmapped and self.unmapped >= self.glyphs:
            return (
                "has text only in fonts without a Unicode mapping, so it cannot be read; "
                "run OCR on it (e.g. ocrmypdf --force-ocr) and read the result"
            )
        if self.images:
            return (
                "has no text layer (scanned page images?); run OCR on it first "
                "(e.g. ocrmypdf) and read the result"
            )
        return "has no text"


@dataclass
class _Pages:
    lines: list[list[Line]] = field(default_factory=list)
    tables: list[list[TableBox]] = field(default_factory=list)
    widths: list[float] = field(default_factory=list)
    heights: list[float] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    glyphs: int = 0
    images: int = 0
    unmapped: int = 0
    rotated: int = 0


def _load(path: Path) -> tuple[_Pages, str]:
    pdf = source.PdfFile(path)
    found = _Pages()
    try:
        title = pdf.title
        for page in pdf.pages():
            flow, boxes = cut_tables(page.number, page.glyphs, page.tables)
            found.lines.append(lines_of(page.number, flow))
            found.tables.append(boxes)
            found.widths.append(page.width)
            found.heights.append(page.height)
            found.glyphs += len(page.glyphs) + page.unmapped
            found.images += page.images
            found.unmapped += page.unmapped
            found.rotated += page.rotated
            if page.overflow:
                found.warnings.append(
                    f"page {page.number}: more than {source.MAX_GLYPHS_PER_PAGE} characters; "
                    "its text was left out"
                )
    finally:
        pdf.close()
    if found.unmapped and found.unmapped < found.glyphs:
        found.warnings.append(
            f"{found.unmapped} characters in fonts without a Unicode mapping were left out"
        )
    if found.rotated:
        found.warnings.append(
            f"{found.rotated} characters set at an angle (watermarks, margin notes) were left out"
        )
    return found, title


def _count_lines(pages: Sequence[list[Line]], tables: Sequence[list[TableBox]]) -> None:
    """On pages without printed line numbers, number the text lines from the top."""
    for lines, boxes in zip(pages, tables, strict=True):
        if any(line.number is not None for line in lines):
            continue
        every = sorted(lines + [line for box in boxes for line in box.lines], key=_baseline)
        count, last = 0, float("-inf")
        for line in every:
            if line.baseline - last > 1.0:
                count += 1
                last = line.baseline
            line.number = count


def _baseline(line: Line) -> float:
    return line.baseline


class _Marks:
    """Printed (or counted) line numbers by page and height, to place tables and odd lines."""

    def __init__(self, pages: Sequence[list[Line]], tables: Sequence[list[TableBox]]) -> None:
        self.pages: dict[int, list[tuple[float, int]]] = {}
        for lines, boxes in zip(pages, tables, strict=True):
            for line in lines + [line for box in boxes for line in box.lines]:
                if line.number is not None:
                    self.pages.setdefault(line.page, []).append((line.baseline, line.number))
        for marks in self.pages.values():
            marks.sort()

    def at(self, page: int, y: float) -> int | None:
        """The number of the line at or above height `y` (else the first below)."""
        marks = self.pages.get(page)
        if not marks:
            return None
        index = bisect_right(marks, (y + 1.0, 1 << 30))
        return marks[index - 1][1] if index else marks[0][1]

    def within(self, page: int, top: float, bottom: float) -> tuple[int | None, int | None]:
        """The first and last numbers of lines between `top` and `bottom`."""
        inside = [n for y, n in self.pages.get(page, []) if top - 1.0 <= y <= bottom + 1.0]
        if inside:
            return min(inside), max(inside)
        above = self.at(page, top)
        return above, above


def _line_of(line: Line, marks: _Marks) -> int | None:
    return line.number if line.number is not None else marks.at(line.page, line.baseline)


def _flow(
    pages: Sequence[list[Line]], tables: Sequence[list[TableBox]], style: Style
) -> list[Paragraph | list[TableBox]]:
    """Paragraphs and tables in reading order (a table cut by a page break kept together)."""
    items: list[Paragraph | list[TableBox]] = []
    run: list[Line] = []
    for lines, boxes in zip(pages, tables, strict=True):
        order: list[tuple[float, int, Line | TableBox]] = [(ln.top, 0, ln) for ln in lines]
        order += [(box.top, 1, box) for box in boxes]
        order.sort(key=lambda item: (item[0], item[1]))
        for _, _, item in order:
            if isinstance(item, Line):
                run.append(item)
                continue
            if run:
                items.extend(paragraphs(run, style))
                run = []
            last = items[-1] if items else None
            if isinstance(last, list) and continues(last[-1], item):
                last.append(item)
            else:
                items.append([item])
    if run:
        items.extend(paragraphs(run, style))
    return items


def _table(group: list[TableBox], style: Style) -> Table:
    table = build_table(group[0], style)
    for box in group[1:]:
        table = merge(table, build_table(box, style))
    return table


def read_pages(path: Path) -> PdfContent:
    """Read the PDF at `path` into flat blocks (see the module docstring for the passes)."""
    found, title = _load(path)
    printed = read_line_numbers(found.lines, found.widths)
    pages, headers = strip_furniture(found.lines, found.heights)
    _count_lines(pages, found.tables)
    marks = _Marks(pages, found.tables)
    body = [drop_contents(lines) for lines in pages]
    cells = [cell for boxes in found.tables for box in boxes for row in box.rows for _, cell in row]
    style = measure(body, cells)
    items = _flow(body, found.tables, style)
    hints = iter(classify([i for i in items if isinstance(i, Paragraph)], style.body_size))
    blocks: list[FlatBlock] = []
    table_count = 0
    for index, item in enumerate(items):
        if isinstance(item, Paragraph):
            hint = next(hints)
            first = item.lines[0]
            same_page = [line for line in item.lines if line.page == first.page]
            location = Location(
                index,
                page=first.page,
                line=_line_of(first, marks),
                last_line=_line_of(same_page[-1], marks),
            )
            style_name = TITLE_STYLE if hint.title else ""
            blocks.append(
                FlatBlock(
                    text=item.text,
                    location=location,
                    style_name=style_name,
                    style_chain=(style_name.lower(),) if style_name else (),
                    outline_level=hint.outline_level,
                    bold=hint.bold,
                    font_size=hint.font_size,
                )
            )
            continue
        table = _table(item, style)
        head = item[0]
        line, last_line = marks.within(head.page, head.bbox[1], head.bbox[3])
        blocks.append(
            FlatBlock(
                text=table_text(table),
                location=Location(
                    index, table=table_count, page=head.page, line=line, last_line=last_line
                ),
                style_name="table",
                style_chain=("table",),
                table=table,
            )
        )
        table_count += 1
    return PdfContent(
        blocks=blocks,
        headers=headers,
        title=title,
        printed_numbers=printed,
        warnings=found.warnings,
        glyphs=found.glyphs,
        images=found.images,
        unmapped=found.unmapped,
    )
