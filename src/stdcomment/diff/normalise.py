"""What is not content: the normal form two texts are compared in.

Without `strict`, these differences are not changes:
  - whitespace: runs of spaces, tabs, line breaks, page and section breaks, non-breaking and
    thin spaces, leading and trailing space;
  - typography: curly and straight quotes, primes, en and em dashes and minus signs against
    hyphens, non-breaking hyphens, ellipsis, fi/fl ligatures;
  - invisible characters: soft hyphens, zero-width spaces and joiners, byte-order marks,
    direction marks;
  - field codes that leak into text (`PAGEREF _Toc123 \\h`, `\\* MERGEFORMAT`);
  - the automatic labels of list items, notes and captions ("a)", "NOTE 2", "Table 37"),
    which Word renumbers by itself.
With `strict`, texts are compared as the reader gives them, labels included. Empty
paragraphs are never text.

Cross-references that follow a renumbering ("see clause 7.6" becoming "see clause 8.7" when
7.6 became 8.7) are recognised by `map_references`, so such a block is reported as
`references`, not as modified.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..model import Block, BlockKind, Clause, Table
from ..structure import block_text

_TRANSLATE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u00b4": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u2026": "...",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\u00ad": None,
        "\u200b": None,
        "\u200c": None,
        "\u200d": None,
        "\u200e": None,
        "\u200f": None,
        "\u2060": None,
        "\ufeff": None,
    }
)
_SPACES = re.compile(r"\s+")
_FIELD_CODES = re.compile(
    r"\b(?:PAGEREF|NOTEREF|REF)\s+_[A-Za-z]+\d+(?:\s+\\[a-z])*|\\\*\s*MERGEFORMAT", re.ASCII
)
#: Clause numbers and decimals ("8.2.1", "A.1", "1.3"), words, spaces, other characters;
#: invisible characters stay inside their word.
_TOKEN = re.compile(r"(?:[A-Z]|\d+)(?:\.\d+)+\b|[\w\u00ad\u200b-\u200f\u2060\ufeff]+|\s+|[^\w\s]")


def normalise(text: str, *, strict: bool = False) -> str:
    """Return `text` in the form it is compared in (unchanged when `strict`)."""
    if strict:
        return text
    if text.isascii():
        cleaned = _FIELD_CODES.sub(" ", text) if "\\" in text or "REF" in text else text
        return _SPACES.sub(" ", cleaned).strip()
    cleaned = unicodedata.normalize("NFC", text).translate(_TRANSLATE)
    cleaned = _FIELD_CODES.sub(" ", cleaned)
    return _SPACES.sub(" ", cleaned).strip()


def tokens(text: str) -> list[str]:
    """Split `text` into word, space and punctuation tokens that join back into `text`."""
    return _TOKEN.findall(text)


def token_key(token: str, *, strict: bool = False) -> str:
    """Return what a token is compared as: spaces are one space, typography is folded."""
    if strict:
        return token
    if token[:1].isspace():
        return " "
    return token if token.isascii() else normalise(token)


# -- blocks as compared -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Unit:
    """A block as it is compared: its text (and cell grid for tables) and its key."""

    block: Block
    text: str  # the text compared (the label in front when strict)
    key: str  # normalised text
    grid: tuple[tuple[str, ...], ...] | None = None  # cell texts, for tables

    @property
    def is_table(self) -> bool:
        """Whether the unit is a table compared cell by cell."""
        return self.grid is not None


def table_grid(table: Table) -> tuple[tuple[str, ...], ...]:
    """Return the cell texts of `table`, row by row."""
    return tuple(tuple(cell.text for cell in row) for row in table.rows)


def grid_text(grid: Sequence[Sequence[str]]) -> str:
    """Return the text of a table as the reader writes it: cells by " | ", rows by newlines."""
    return "\n".join(" | ".join(row) for row in grid)


def unit(block: Block, *, strict: bool = False) -> Unit:
    """Return `block` as it is compared."""
    if block.kind == BlockKind.TABLE and block.table is not None:
        grid = table_grid(block.table)
        text = grid_text(grid)
        return Unit(block, text, normalise(text, strict=strict), grid)
    text = block_text(block) if strict else caption_text(block)
    return Unit(block, text, normalise(text, strict=strict))


_CAPTION_SEPARATOR = re.compile(r"\s*(?:[–—:\-]|\t)?\s*")


def caption_text(block: Block) -> str:
    """Return a block's text without the number of a caption ("Table 37 – Title" -> "Title"):
    Word numbers captions by itself, so a table removed earlier renumbers every later one."""
    if block.kind != BlockKind.CAPTION or not block.label or not block.text.startswith(block.label):
        return block.text
    rest = block.text[len(block.label) :]
    separator = _CAPTION_SEPARATOR.match(rest)
    return rest[separator.end() if separator else 0 :] or block.text


def units(clause: Clause, *, strict: bool = False) -> list[Unit]:
    """Return the blocks of `clause` that are compared: empty paragraphs (and tables) are
    layout, not text, and are left out even when strict."""
    out = []
    for block in clause.blocks:
        item = unit(block, strict=strict)
        if item.key.strip():
            out.append(item)
    return out


def heading_key(clause: Clause, *, strict: bool = False) -> str:
    """Return the clause title as compared."""
    return normalise(clause.title, strict=strict)


# -- cross-references -------------------------------------------------------------------------

_NUMBER = r"(?:[A-Z](?:\.\d+)*|[IVX]+(?:\.\d+)+|\d+[a-z]{0,3}(?:\.\d+[a-z]?)*)"
_REFERENCE = re.compile(
    r"\b(?P<word>[Cc]lauses?|[Ss]ub-?clauses?|[Ss]ections?|[Aa]nnex(?:es)?|[Aa]ppendi(?:x|ces)"
    r"|[Aa]rticles?|[Pp]aragraphs?|§)\s+(?P<list>" + _NUMBER + r"(?:(?:\s*,\s*|\s+(?:and|or|to)\s+"
    r"|\s*-\s*)" + _NUMBER + r")*)\b"
)
_NUMBER_IN_LIST = re.compile(_NUMBER + r"\b")
_MAY_REFER = re.compile(r"[Cc]laus|[Ss]ection|[Aa]nnex|[Aa]ppendi|[Aa]rticle|[Pp]aragraph|§")


def map_references(text: str, numbers: Mapping[str, str]) -> str:
    """Return `text` with clause references renumbered by `numbers` (old -> new number).

    Only numbers after a reference word ("clause 7.6", "clauses 8.1 and 8.2", "Annex B",
    "Article 4") are mapped, so "TLS 1.3" or "H.264" are left alone.
    """
    if not numbers or not _MAY_REFER.search(text):
        return text

    def one(match: re.Match[str]) -> str:
        word = match.group("word")
        singular = word.rstrip("s") if word.lower().startswith("article") else ""

        def number(found: re.Match[str]) -> str:
            value = found.group(0)
            if singular and f"{singular} {value}" in numbers:
                return numbers[f"{singular} {value}"].removeprefix(f"{singular} ")
            return numbers.get(value, value)

        mapped = _NUMBER_IN_LIST.sub(number, match.group("list"))
        return match.group(0)[: match.start("list") - match.start()] + mapped

    return _REFERENCE.sub(one, text)


__all__ = [
    "Unit",
    "caption_text",
    "grid_text",
    "heading_key",
    "map_references",
    "normalise",
    "table_grid",
    "token_key",
    "tokens",
    "unit",
    "units",
]
