"""Inline content of a paragraph: runs, run children, revisions, fields, links and anchors.

Anything that accepts `Content` takes a string, one inline object, or a sequence of them. In
strings, "\\t" becomes `w:tab` and "\\n" becomes `w:br`; every other character is kept as is
(use `SoftHyphen()` / `NoBreakHyphen()` for the Word elements).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeAlias

from .props import RunFormat

DEFAULT_AUTHOR = "Rapporteur"
DEFAULT_DATE = "2026-02-16T10:00:00Z"


# -- run children: live inside one w:r -----------------------------------------------------


@dataclass(frozen=True, slots=True)
class Tab:
    """`w:tab`."""


@dataclass(frozen=True, slots=True)
class Br:
    """`w:br`; `kind` None is a line break, or "page" / "column"."""

    kind: str | None = None


@dataclass(frozen=True, slots=True)
class Cr:
    """`w:cr` (carriage return inside a run)."""


@dataclass(frozen=True, slots=True)
class Sym:
    """`w:sym`: a symbol-font character, e.g. Sym("Symbol", "F0B7") for a bullet."""

    font: str
    char: str


@dataclass(frozen=True, slots=True)
class SoftHyphen:
    """`w:softHyphen`."""


@dataclass(frozen=True, slots=True)
class NoBreakHyphen:
    """`w:noBreakHyphen`."""


@dataclass(frozen=True, slots=True)
class FldChar:
    """A complex-field marker: `kind` is "begin", "separate" or "end"."""

    kind: str
    dirty: bool = False


@dataclass(frozen=True, slots=True)
class InstrText:
    """Field code text (`w:instrText`, or `w:delInstrText` inside a deletion)."""

    text: str


@dataclass(frozen=True, slots=True)
class Image:
    """An inline PNG picture (`w:drawing/wp:inline`); size in EMU (914400 per inch)."""

    png: bytes
    width: int
    height: int
    name: str = "Figure"
    description: str = ""


RunChild: TypeAlias = (
    str | Tab | Br | Cr | Sym | SoftHyphen | NoBreakHyphen | FldChar | InstrText | Image
)


@dataclass(frozen=True, slots=True)
class Run:
    """A `w:r`: text (or a sequence of run children) with direct formatting.

    `style` is a character style id; `attrs` adds raw attributes to `w:r` (e.g. rsids);
    `extra_rpr` appends raw XML at the end of `w:rPr`.
    """

    text: str | Sequence[RunChild] = ""
    bold: bool | None = None
    italic: bool | None = None
    underline: str | None = None
    size: float | None = None
    font: str | None = None
    caps: bool | None = None
    vanish: bool | None = None
    color: str | None = None
    lang: str | None = None
    vert_align: str | None = None
    style: str | None = None
    attrs: Sequence[tuple[str, str]] = ()
    extra_rpr: str = ""

    @property
    def format(self) -> RunFormat:
        return RunFormat(
            bold=self.bold,
            italic=self.italic,
            underline=self.underline,
            caps=self.caps,
            vanish=self.vanish,
            size=self.size,
            font=self.font,
            color=self.color,
            lang=self.lang,
            vert_align=self.vert_align,
        )


# -- containers and anchors -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Ins:
    """A tracked insertion (`w:ins`)."""

    content: Content
    author: str = DEFAULT_AUTHOR
    date: str = DEFAULT_DATE


@dataclass(frozen=True, slots=True)
class Del:
    """A tracked deletion (`w:del`); its runs hold `w:delText`."""

    content: Content
    author: str = DEFAULT_AUTHOR
    date: str = DEFAULT_DATE


@dataclass(frozen=True, slots=True)
class MoveFrom:
    """Text moved away (`w:moveFrom` inside `w:moveFromRangeStart`/`End` named `name`)."""

    content: Content
    name: str = "move1"
    author: str = DEFAULT_AUTHOR
    date: str = DEFAULT_DATE


@dataclass(frozen=True, slots=True)
class MoveTo:
    """Text moved here (`w:moveTo` inside `w:moveToRangeStart`/`End` named `name`)."""

    content: Content
    name: str = "move1"
    author: str = DEFAULT_AUTHOR
    date: str = DEFAULT_DATE


@dataclass(frozen=True, slots=True)
class Field:
    """A simple field (`w:fldSimple w:instr=...`) showing `result`."""

    instr: str
    result: Content = ""


@dataclass(frozen=True, slots=True)
class ComplexField:
    """A complex field: fldChar begin, instrText, separate, the result runs, end."""

    instr: str
    result: Content = ""
    dirty: bool = False


@dataclass(frozen=True, slots=True)
class Hyperlink:
    """`w:hyperlink` to an external `url` (via a relationship) or an internal bookmark."""

    content: Content
    url: str | None = None
    anchor: str | None = None
    style: str | None = "Hyperlink"


@dataclass(frozen=True, slots=True)
class FootnoteRef:
    """A footnote reference; `text` is the footnote body (str or a sequence of paragraphs)."""

    text: object  # str | Sequence[P] (typed loosely to avoid an import cycle with blocks)


@dataclass(frozen=True, slots=True)
class Comment:
    """A Word comment on `content` (commentRangeStart/End plus a commentReference run)."""

    content: Content
    text: str
    author: str = "Editor"
    date: str = DEFAULT_DATE
    initials: str = "ED"


@dataclass(frozen=True, slots=True)
class Bookmark:
    """`w:bookmarkStart`/`w:bookmarkEnd` named `name` around `content` (may be empty)."""

    name: str
    content: Content = ()


@dataclass(frozen=True, slots=True)
class SdtRun:
    """A run-level content control (`w:sdt` inside a paragraph)."""

    content: Content
    tag: str = ""
    alias: str = ""


@dataclass(frozen=True, slots=True)
class Raw:
    """Raw XML written as is (e.g. `<w:proofErr w:type="spellStart"/>`)."""

    xml: str


Inline: TypeAlias = (
    RunChild
    | Run
    | Ins
    | Del
    | MoveFrom
    | MoveTo
    | Field
    | ComplexField
    | Hyperlink
    | FootnoteRef
    | Comment
    | Bookmark
    | SdtRun
    | Raw
)
Content: TypeAlias = "Inline | Sequence[Content]"


def items(content: Content) -> list[Inline]:
    """Return `content` as a flat list of inline objects (nested sequences are flattened)."""
    if isinstance(content, str) or not isinstance(content, Sequence):
        return [content]
    out: list[Inline] = []
    for item in content:
        out.extend(items(item))
    return out


def plain_text(content: Content) -> str:
    """Return the visible text of `content` with insertions kept and deletions dropped."""
    out: list[str] = []
    for item in items(content):
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, Tab):
            out.append("\t")
        elif isinstance(item, Br | Cr):
            out.append("\n")
        elif isinstance(item, Run):
            out.append(plain_text(item.text))
        elif isinstance(item, Del | MoveFrom):
            continue
        elif isinstance(item, Ins | MoveTo | Hyperlink | Bookmark | SdtRun | Comment):
            out.append(plain_text(item.content))
        elif isinstance(item, Field | ComplexField):
            out.append(plain_text(item.result))
    return "".join(out)


__all__ = [
    "DEFAULT_AUTHOR",
    "DEFAULT_DATE",
    "Bookmark",
    "Br",
    "Comment",
    "ComplexField",
    "Content",
    "Cr",
    "Del",
    "Field",
    "FldChar",
    "FootnoteRef",
    "Hyperlink",
    "Image",
    "Inline",
    "Ins",
    "InstrText",
    "MoveFrom",
    "MoveTo",
    "NoBreakHyphen",
    "Raw",
    "Run",
    "RunChild",
    "SdtRun",
    "SoftHyphen",
    "Sym",
    "Tab",
    "items",
    "plain_text",
]
