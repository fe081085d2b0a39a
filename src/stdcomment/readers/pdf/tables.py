"""Ruled tables: their glyphs out of the text flow, into a grid of cells.

The table finder (pdfplumber's, on the page's ruling lines) gives each table's box and each
row's cell boxes. Glyphs inside a cell box become that cell's lines; a spanned grid position
is either part of a wider cell to its left (`grid_span`) or of a taller cell above
(`merged_above`, as Word's vertical merge). A table cut by a page break is one table again
when the next page starts with a table of the same columns; a repeated header row is dropped.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from ...model import Cell, Table
from .layout import Line, inside, lines_of
from .paragraphs import Style, cell_text
from .source import Glyph, TableGrid

Box = tuple[float, float, float, float]


@dataclass(slots=True)
class TableBox:
    """A table on one page: its box, its column starts, and each cell's lines."""

    page: int
    bbox: Box
    columns: list[float]  # x of each grid column's left edge
    rows: list[list[tuple[Box | None, list[Line]]]]

    @property
    def top(self) -> float:
        """Top of the table."""
        return self.bbox[1]

    @property
    def lines(self) -> list[Line]:
        """Every line of every cell."""
        return [line for row in self.rows for _, lines in row for line in lines]


def _columns(grid: TableGrid) -> list[float]:
    """The grid's column starts: the table finder gives each row one entry per start."""
    return sorted({cell[0] for row in grid.rows for cell in row if cell is not None})


def cut_tables(
    page: int, glyphs: Sequence[Glyph], grids: Sequence[TableGrid]
) -> tuple[list[Glyph], list[TableBox]]:
    """Split `glyphs` into the text flow and the tables of `grids`."""
    if not grids:
        return list(glyphs), []
    flow: list[Glyph] = []
    held: dict[int, list[Glyph]] = {i: [] for i in range(len(grids))}
    for glyph in glyphs:
        for index, grid in enumerate(grids):
            if inside(glyph, grid.bbox):
                held[index].append(glyph)
                break
        else:
            flow.append(glyph)
    boxes: list[TableBox] = []
    for index, grid in enumerate(grids):
        held_by: dict[tuple[int, int], list[Glyph]] = defaultdict(list)
        for glyph in held[index]:
            place = _cell_of(glyph, grid)
            if place is not None:
                held_by[place].append(glyph)
        columns = _columns(grid)
        rows: list[list[tuple[Box | None, list[Line]]]] = []
        for r, row in enumerate(grid.rows):
            cells: list[tuple[Box | None, list[Glyph]]] = []
            for c, box in enumerate(row):
                cells.append((box, held_by.get((r, c), [])))
            cells = _unspan(cells, columns)
            rows.append([(box, lines_of(page, gs, tabs=False) if box else []) for box, gs in cells])
        boxes.append(TableBox(page, grid.bbox, columns, rows))
    return flow, boxes


def _unspan(
    row: list[tuple[Box | None, list[Glyph]]], columns: list[float]
) -> list[tuple[Box | None, list[Glyph]]]:
    """Split a cell spanning columns when its text sits in those columns (no rule between)."""
    out = list(row)
    for c, (box, glyphs) in enumerate(row):
        if box is None or not glyphs:
            continue
        inner = [x for x in columns if box[0] + 1.0 < x < box[2] - 1.0]
        if not inner or any(g.x0 < x < g.x1 for g in glyphs for x in inner):
            continue
        edges = [box[0], *inner, box[2]]
        parts = [
            [g for g in glyphs if a <= (g.x0 + g.x1) / 2 < b] for a, b in itertools.pairwise(edges)
        ]
        if sum(1 for part in parts if part) < 2:
            continue
        for k, part in enumerate(parts):
            if c + k < len(out):
                out[c + k] = ((edges[k], box[1], edges[k + 1], box[3]), part)
    return out


def _cell_of(glyph: Glyph, grid: TableGrid) -> tuple[int, int] | None:
    for r, row in enumerate(grid.rows):
        for c, box in enumerate(row):
            if box is not None and inside(glyph, box, margin=0.5):
                return r, c
    return None


def _split(row: list[tuple[Box | None, list[Line]]], style: Style) -> list[list[Cell]]:
    """A row without rules between its entries: split where the first column's lines part."""
    anchor = next((lines for box, lines in row if box is not None), [])
    cuts = [
        (a.baseline + b.baseline) / 2
        for a, b in itertools.pairwise(anchor)
        if b.baseline - a.baseline > 1.4 * style.pitch_of(a.size)
    ]
    bounds = [float("-inf"), *cuts, float("inf")]
    out: list[list[Cell]] = []
    for low, high in itertools.pairwise(bounds):
        out.append([])
        for box, lines in row:
            if box is not None:
                part = [line for line in lines if low < line.baseline <= high]
                out[-1].append(Cell(cell_text(part, style)))
    return out


def build_table(box: TableBox, style: Style) -> Table:
    """Return the `Table` model of `box` (cell texts joined as paragraphs)."""
    rows: list[tuple[Cell, ...]] = []
    for row in box.rows:
        if all(b is not None for b, _ in row) and len(row) > 1:
            parts = _split(row, style)
            if len(parts) > 1:
                rows.extend(tuple(cells) for cells in parts)
                continue
        cells: list[Cell] = []
        reach = -1.0  # right edge of the last real cell in this row
        for (bbox, lines), x in zip(row, box.columns, strict=False):
            if bbox is None:
                if x < reach - 1.0:
                    continue  # inside a cell spanning columns to its left
                cells.append(Cell("", merged_above=True))
                continue
            span = sum(1 for col in box.columns if bbox[0] - 1.0 <= col < bbox[2] - 1.0)
            cells.append(Cell(cell_text(lines, style), grid_span=max(span, 1)))
            reach = bbox[2]
        rows.append(tuple(cells))
    return Table(tuple(rows))


def table_text(table: Table) -> str:
    """The block text of a table: cells joined by " | ", rows by newlines (as for .docx)."""
    return "\n".join(" | ".join(cell.text for cell in row) for row in table.rows)


def continues(first: TableBox, second: TableBox) -> bool:
    """Whether `second` (top of the next page) carries on `first` (end of its page)."""
    if second.page != first.page + 1 or len(first.columns) != len(second.columns):
        return False
    return all(abs(a - b) <= 2.0 for a, b in zip(first.columns, second.columns, strict=True))


def merge(first: Table, second: Table) -> Table:
    """`first` followed by `second`, without `second`'s repeated header row."""
    rows = second.rows
    if rows and first.rows and [c.text for c in rows[0]] == [c.text for c in first.rows[0]]:
        rows = rows[1:]
    return Table(first.rows + rows)
