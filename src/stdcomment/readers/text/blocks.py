"""Flat blocks for text drafts: one constructor per kind, each with its line numbers.

Every parser (Markdown, AsciiDoc, plain text) emits blocks through a `BlockSink`, which counts
them (`Location.index`), counts tables, and records the first and last line in the file
(1-based) of what each block was read from.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ...flat import FlatBlock
from ...model import Cell, Location, Table

#: Style names the text reader gives its blocks; the structure pass reads them through the
#: profile (`heading N` for headings, `list …` for list items, `code` for code).
CODE_STYLE = "code"
TITLE_STYLE = "title"
QUOTE_STYLE = "quote"
BULLET_STYLE = "list bullet"
NUMBER_STYLE = "list number"

_TYPED_NUMBER = re.compile(
    r"^(?P<number>\d{1,3}(?:\.\d+)*\.?|[A-Z](?:\.\d+)+\.?|(?:[IVX]+)(?:\.\d+)+\.?)[ \t]+(?=\S)"
)

_UNPAIRED = re.compile(r"^[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}$")


def typed_heading(title: str) -> str:
    """Return heading text with a typed number set off by a TAB: "3.2 Title" -> "3.2\\tTitle".

    The docx reader presents typed numbers this way, so the structure pass reads both alike.
    """
    match = _TYPED_NUMBER.match(title)
    if match is None:
        return title
    return f"{match.group('number')}\t{title[match.end() :]}"


@dataclass
class BlockSink:
    """Collects the flat blocks of one draft in order."""

    blocks: list[FlatBlock] = field(default_factory=list)
    tables: int = 0
    title: str = ""  # the document title, when the markup says which line it is

    def _location(self, first: int, last: int, table: int | None = None) -> Location:
        return Location(len(self.blocks), table=table, line=first, last_line=last)

    def heading(self, level: int, text: str, first: int, last: int | None = None) -> None:
        """A heading of `level` (1 = top); a typed number in `text` becomes "N\\tTitle"."""
        if not text:
            return
        level = max(1, min(level, 9))
        text = _UNPAIRED.sub("", text)  # "**Title" whose closing marks sit on a later line
        if not text:
            return
        style = f"heading {level}"
        self.blocks.append(
            FlatBlock(
                text=typed_heading(text),
                location=self._location(first, last or first),
                style_name=style,
                style_chain=(style,),
                outline_level=level - 1,
            )
        )

    def document_title(self, text: str, first: int) -> None:
        """The title of the whole document (title page, kept in the preamble)."""
        if not text:
            return
        self.title = self.title or text
        self.blocks.append(
            FlatBlock(
                text=text,
                location=self._location(first, first),
                style_name=TITLE_STYLE,
                style_chain=(TITLE_STYLE,),
            )
        )

    def paragraph(
        self,
        text: str,
        first: int,
        last: int,
        *,
        style: str = "",
        footnotes: Sequence[str] = (),
    ) -> None:
        """A paragraph (a quote with `style=QUOTE_STYLE`, code with `CODE_STYLE`)."""
        if not text.strip():
            return
        self.blocks.append(
            FlatBlock(
                text=text,
                location=self._location(first, last),
                style_name=style,
                style_chain=(style,) if style else (),
                footnotes=tuple(footnotes),
            )
        )

    def list_item(
        self, marker: str, text: str, first: int, last: int, *, footnotes: Sequence[str] = ()
    ) -> None:
        """A list item with its marker ("-", "*", "1.", "a)")."""
        if not text.strip():
            return
        bullet = not any(ch.isalnum() for ch in marker)
        style = BULLET_STYLE if bullet else NUMBER_STYLE
        self.blocks.append(
            FlatBlock(
                text=text,
                location=self._location(first, last),
                style_name=style,
                style_chain=(style,),
                auto_label=marker,
                auto_bullet=bullet,
                footnotes=tuple(footnotes),
            )
        )

    def table(self, rows: Sequence[Sequence[str]], first: int, last: int) -> None:
        """A table from its cell texts, row by row."""
        kept = [tuple(Cell(text) for text in row) for row in rows if any(c.strip() for c in row)]
        if not kept:
            return
        table = Table(tuple(kept))
        text = "\n".join(" | ".join(cell.text for cell in row) for row in table.rows)
        self.blocks.append(
            FlatBlock(
                text=text,
                location=self._location(first, last, table=self.tables),
                style_name="table",
                style_chain=("table",),
                table=table,
            )
        )
        self.tables += 1


__all__ = [
    "BULLET_STYLE",
    "CODE_STYLE",
    "NUMBER_STYLE",
    "QUOTE_STYLE",
    "TITLE_STYLE",
    "BlockSink",
    "typed_heading",
]
