"""Block content: paragraphs, tables, block content controls and section properties."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TypeAlias

from .inline import Content
from .props import Indent, Mark, ParaFormat, RunFormat, Spacing, TabStop


@dataclass(frozen=True, slots=True)
class P:
    """A paragraph (`w:p`).

    `num` is a direct `w:numPr` as (numId, ilvl). `run` is direct formatting applied to every
    plain-string run (e.g. `RunFormat(bold=True)` for a heading made bold by hand). `mark` is
    a tracked change on the paragraph mark. `section` closes a section with this paragraph.
    `attrs` adds raw attributes to `w:p` (rsids and the like).
    """

    content: Content = ()
    style: str | None = None
    num: tuple[int, int] | None = None
    align: str | None = None
    outline_level: int | None = None
    keep_next: bool = False
    keep_lines: bool = False
    page_break_before: bool = False
    suppress_line_numbers: bool = False
    indent: Indent | None = None
    spacing: Spacing | None = None
    tabs: tuple[TabStop, ...] = ()
    run: RunFormat = field(default_factory=RunFormat)
    mark: Mark | None = None
    section: Section | None = None
    attrs: Sequence[tuple[str, str]] = ()

    @property
    def format(self) -> ParaFormat:
        num_id, ilvl = self.num if self.num else (None, None)
        return ParaFormat(
            keep_next=self.keep_next,
            keep_lines=self.keep_lines,
            page_break_before=self.page_break_before,
            num_id=num_id,
            num_level=ilvl,
            suppress_line_numbers=self.suppress_line_numbers,
            tabs=self.tabs,
            spacing=self.spacing,
            indent=self.indent,
            align=self.align,
            outline_level=self.outline_level,
        )


@dataclass(frozen=True, slots=True)
class Cell:
    """A table cell: text, paragraphs and nested tables.

    `span` is `w:gridSpan`; `vmerge` is "restart" or "continue" (`w:vMerge`); `style` is the
    paragraph style given to plain-string content; `shade` a fill colour (hex); `borders` names
    the edges ("top", "left", "bottom", "right") drawn as single lines on this cell alone
    (`w:tcBorders`), for tables ruled row by row.
    """

    content: str | P | Table | Sequence[str | P | Table] = ""
    span: int = 1
    vmerge: str | None = None
    style: str | None = None
    shade: str | None = None
    valign: str | None = None
    borders: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Table:
    """A table (`w:tbl`); rows hold `Cell`s, strings or paragraphs.

    `widths` are the grid columns in twips (default: equal columns over `width`).
    `cell_style` is the paragraph style of plain-string cells, `head_style` that of the first
    `head_rows` rows (which also repeat on each page). `borders` draws single lines.
    `row_marks` gives rows a tracked insertion or deletion (`w:trPr/w:ins`, `w:del`), one
    `Mark` or None per row (missing entries are None).
    """

    rows: Sequence[Sequence[Cell | str | P]]
    style: str | None = None
    widths: Sequence[int] | None = None
    width: int = 9638
    cell_style: str | None = None
    head_rows: int = 0
    head_style: str | None = None
    borders: bool = True
    align: str | None = None  # "center" centres the table
    fixed: bool = True
    row_marks: Sequence[Mark | None] = ()


@dataclass(frozen=True, slots=True)
class Sdt:
    """A block-level content control holding paragraphs and tables."""

    blocks: Sequence[Block]
    tag: str = ""
    alias: str = ""


@dataclass(frozen=True, slots=True)
class Margins:
    """Page margins in twips (A4 ITU-T layout by default)."""

    top: int = 1418
    right: int = 1134
    bottom: int = 1418
    left: int = 1134
    header: int = 567
    footer: int = 567
    gutter: int = 0


@dataclass(frozen=True, slots=True)
class LineNumbers:
    """`w:lnNumType`: print line numbers every `count_by` lines, restarting as `restart` says.

    `restart` is "newPage", "newSection" or "continuous"; `distance` is the gap to the text in
    twips. LibreOffice honours these in PDF export.
    """

    count_by: int = 1
    restart: str = "newPage"
    distance: int | None = 360
    start: int | None = None


@dataclass(frozen=True, slots=True)
class Section:
    """Section properties: page size and orientation, margins, headers/footers, line numbers.

    `first_header` / `first_footer` (possibly empty) give the first page its own header and
    footer (`w:titlePg`). `break_type` is the `w:type` of a section that starts this section.
    """

    landscape: bool = False
    page_width: int = 11906  # A4
    page_height: int = 16838
    margins: Margins = field(default_factory=Margins)
    line_numbers: LineNumbers | None = None
    header: str | P | Sequence[str | P | Table] | None = None
    footer: str | P | Sequence[str | P | Table] | None = None
    first_header: str | P | Sequence[str | P | Table] | None = None
    first_footer: str | P | Sequence[str | P | Table] | None = None
    page_start: int | None = None
    break_type: str | None = None
    columns_space: int = 720


Block: TypeAlias = P | Table | Sdt

__all__ = [
    "Block",
    "Cell",
    "LineNumbers",
    "Margins",
    "P",
    "Sdt",
    "Section",
    "Table",
]
