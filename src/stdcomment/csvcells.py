"""Spreadsheet-safe CSV cells: every CSV the tool writes goes through `writer`.

Draft text is hostile input, and our CSV files (the scan report, the IEEE ballot comments)
are opened in Excel or LibreOffice Calc, which run a cell that begins with `=`, `+`, `-` or
`@` as a formula (CSV injection). Following OWASP's rule, a cell is *dangerous* when its
first character, after any leading whitespace (other than tab and carriage return) and
quote characters (`"` and `'`), is one of `=`, `+`, `-`, `@`, a tab or a carriage return.
A dangerous cell is written with one single quote (`'`) in front of it; nothing else
changes (`=HYPERLINK("http://x","y")` is written as `'=HYPERLINK("http://x","y")`,
`-5 dB` as `'-5 dB`, `  +1` as `'  +1`). Other cells are written as they are.

`restore` undoes exactly that prefix: a cell that is a single quote followed by a dangerous
cell loses the quote, any other cell is kept. Because a leading quote is itself skipped when
deciding whether a cell is dangerous, a text that really begins with a quote and a dangerous
character (`'=x`) is dangerous too and gets its own prefix (`''=x`), so
`restore(neutralise(text)) == text` for every text: the tool's CSV readers give back what
was written.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import IO, Final

DANGEROUS: Final = frozenset("=+-@\t\r")
PREFIX: Final = "'"
QUOTES: Final = frozenset("\"'")


def _skipped(char: str) -> bool:
    return char in QUOTES or (char.isspace() and char not in DANGEROUS)


def is_dangerous(cell: str) -> bool:
    """Return whether a spreadsheet could read `cell` as a formula (see the module doc)."""
    for char in cell:
        if not _skipped(char):
            return char in DANGEROUS
    return False


def neutralise(cell: str) -> str:
    """Return `cell` with a single quote in front when it is dangerous, else unchanged."""
    return PREFIX + cell if is_dangerous(cell) else cell


def restore(cell: str) -> str:
    """Undo `neutralise`: drop the single quote in front of a dangerous cell."""
    if cell.startswith(PREFIX) and is_dangerous(cell[1:]):
        return cell[1:]
    return cell


class CellWriter:
    """A `csv.writer` (minimal quoting) whose rows are neutralised cell by cell."""

    def __init__(self, stream: IO[str], *, lineterminator: str) -> None:
        self._writer = csv.writer(stream, lineterminator=lineterminator, quoting=csv.QUOTE_MINIMAL)

    def writerow(self, row: Iterable[str]) -> None:
        """Write one record, every cell through `neutralise`."""
        self._writer.writerow([neutralise(cell) for cell in row])


def writer(stream: IO[str], *, lineterminator: str = "\r\n") -> CellWriter:
    """Return the CSV writer every CSV output uses (cells neutralised)."""
    return CellWriter(stream, lineterminator=lineterminator)


def read_rows(stream: Iterable[str]) -> list[list[str]]:
    """Read CSV records written by `writer`, every cell through `restore`."""
    return [[restore(cell) for cell in row] for row in csv.reader(stream)]


__all__ = [
    "DANGEROUS",
    "PREFIX",
    "CellWriter",
    "is_dangerous",
    "neutralise",
    "read_rows",
    "restore",
    "writer",
]
