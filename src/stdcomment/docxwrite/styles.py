"""Styles (styles.xml) and list definitions (numbering.xml).

A `Style` carries its id (what `w:pStyle` holds) and its name (what Word shows), `basedOn`,
outline level, a style-level `numPr`, and paragraph/run formatting. `AbstractNum` + `Num` are
the two halves of Word numbering: the list definition with its levels, and the instance a
paragraph points at (with optional per-level start overrides or whole-level overrides).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from .props import Indent, ParaFormat, RunFormat, ppr_body, rpr, rpr_body
from .xmlutil import W_DECLS, XML_HEAD, el, esc_attr, val

#: Style names Word treats as built in (written without `w:customStyle`).
BUILTIN_NAMES = frozenset(
    {"normal", "default paragraph font", "normal table", "no list", "table grid", "title"}
    | {f"heading {n}" for n in range(1, 10)}
    | {f"toc {n}" for n in range(1, 10)}
    | {"header", "footer", "footnote text", "footnote reference", "annotation text"}
    | {"annotation reference", "hyperlink", "caption", "list paragraph", "list bullet"}
)

NUMBER_FORMATS = (
    "decimal",
    "upperLetter",
    "lowerLetter",
    "upperRoman",
    "lowerRoman",
    "bullet",
    "none",
    "decimalZero",
    "ordinal",
)


@dataclass(frozen=True, slots=True)
class Style:
    """One `w:style`. `kind` is paragraph, character, table or numbering."""

    id: str
    name: str
    kind: str = "paragraph"
    based_on: str | None = None
    next: str | None = None
    link: str | None = None
    default: bool = False
    custom: bool | None = None  # None: decided from the name (built-in names are not custom)
    q_format: bool = False
    ui_priority: int | None = None
    semi_hidden: bool = False
    para: ParaFormat = field(default_factory=ParaFormat)
    run: RunFormat = field(default_factory=RunFormat)
    table_borders: bool = False  # table styles: single borders on every edge

    @property
    def is_custom(self) -> bool:
        if self.custom is not None:
            return self.custom
        return self.name.lower() not in BUILTIN_NAMES

    def xml(self) -> str:
        attrs = {
            "w:type": self.kind,
            "w:default": "1" if self.default else None,
            "w:customStyle": "1" if self.is_custom else None,
            "w:styleId": self.id,
        }
        body = [
            val("w:name", self.name),
            val("w:basedOn", self.based_on),
            val("w:next", self.next),
            val("w:link", self.link),
            val("w:uiPriority", self.ui_priority),
            el("w:semiHidden") if self.semi_hidden else "",
            el("w:qFormat") if self.q_format else "",
        ]
        if self.kind == "paragraph":
            ppr = ppr_body(self.para)
            body.append(f"<w:pPr>{ppr}</w:pPr>" if ppr else "")
        if self.kind in ("paragraph", "character", "table"):
            body.append(rpr(self.run))
        if self.kind == "table":
            body.append(_table_style_pr(self.table_borders))
        return el("w:style", attrs, "".join(body))


def _table_style_pr(borders: bool) -> str:
    inner = ""
    if borders:
        edges = "".join(
            el(f"w:{edge}", {"w:val": "single", "w:sz": 4, "w:space": 0, "w:color": "auto"})
            for edge in ("top", "left", "bottom", "right", "insideH", "insideV")
        )
        inner = f"<w:tblBorders>{edges}</w:tblBorders>"
    margins = (
        "<w:tblCellMar>"
        + el("w:left", {"w:w": 108, "w:type": "dxa"})
        + el("w:right", {"w:w": 108, "w:type": "dxa"})
        + "</w:tblCellMar>"
    )
    return f"<w:tblPr>{el('w:tblInd', {'w:w': 0, 'w:type': 'dxa'})}{inner}{margins}</w:tblPr>"


@dataclass(frozen=True, slots=True)
class DocDefaults:
    """`w:docDefaults`: the run and paragraph formatting every style starts from."""

    font: str = "Times New Roman"
    size: float = 12.0
    lang: str = "en-GB"
    space_after: int = 0

    def xml(self) -> str:
        run = rpr_body(RunFormat(font=self.font, size=self.size, lang=self.lang))
        para = el("w:spacing", {"w:after": self.space_after, "w:line": 240, "w:lineRule": "auto"})
        return (
            f"<w:docDefaults><w:rPrDefault><w:rPr>{run}</w:rPr></w:rPrDefault>"
            f"<w:pPrDefault><w:pPr>{para}</w:pPr></w:pPrDefault></w:docDefaults>"
        )


#: Styles every document gets unless it defines a style with the same id.
BASE_STYLES: tuple[Style, ...] = (
    Style("Normal", "Normal", default=True, q_format=True),
    Style("DefaultParagraphFont", "Default Paragraph Font", kind="character", default=True,
          ui_priority=1, semi_hidden=True),
    Style("TableNormal", "Normal Table", kind="table", default=True, ui_priority=99,
          semi_hidden=True),
)  # fmt: skip

#: Styles added only when the document uses the feature (and does not define them itself).
FEATURE_STYLES: dict[str, Style] = {
    s.id: s
    for s in (
        Style("TableGrid", "Table Grid", kind="table", based_on="TableNormal", ui_priority=59,
              table_borders=True),
        Style("Hyperlink", "Hyperlink", kind="character", based_on="DefaultParagraphFont",
              run=RunFormat(color="0000FF", underline="single")),
        Style("FootnoteText", "footnote text", based_on="Normal",
              run=RunFormat(size=10)),
        Style("FootnoteReference", "footnote reference", kind="character",
              based_on="DefaultParagraphFont", run=RunFormat(vert_align="superscript")),
        Style("CommentText", "annotation text", based_on="Normal", run=RunFormat(size=10)),
        Style("CommentReference", "annotation reference", kind="character",
              based_on="DefaultParagraphFont", run=RunFormat(size=8)),
        Style("Header", "header", based_on="Normal"),
        Style("Footer", "footer", based_on="Normal"),
    )
}  # fmt: skip


def styles_xml(defaults: DocDefaults, styles: Iterable[Style]) -> bytes:
    """Return styles.xml holding the defaults and `styles` in the order given."""
    body = defaults.xml() + "".join(s.xml() for s in styles)
    return (XML_HEAD + f"<w:styles {W_DECLS}>{body}</w:styles>").encode()


# -- numbering -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Level:
    """One `w:lvl` of a list definition; its `ilvl` is its position in the list of levels.

    `text` is the lvlText pattern ("%1.%2", "Annex %1", "a)", "–"), `fmt` the numFmt,
    `style` the paragraph style linked to this level (`w:pStyle`), `suffix` what follows the
    number ("tab", "space" or "nothing"; None writes nothing, which means tab).
    """

    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    style: str | None = None
    is_lgl: bool = False
    suffix: str | None = None
    restart: int | None = None
    align: str = "left"
    indent: Indent | None = None
    run: RunFormat = field(default_factory=RunFormat)

    def xml(self, ilvl: int) -> str:
        if self.fmt not in NUMBER_FORMATS:
            raise ValueError(f"unknown numFmt {self.fmt!r}; use one of {NUMBER_FORMATS}")
        body = [
            val("w:start", self.start),
            val("w:numFmt", self.fmt),
            val("w:lvlRestart", self.restart),
            val("w:pStyle", self.style),
            el("w:isLgl") if self.is_lgl else "",
            val("w:suff", self.suffix),
            val("w:lvlText", self.text),
            val("w:lvlJc", self.align),
            f"<w:pPr>{self.indent.xml()}</w:pPr>" if self.indent else "",
            rpr(self.run),
        ]
        return el("w:lvl", {"w:ilvl": ilvl}, "".join(body))


@dataclass(frozen=True, slots=True)
class AbstractNum:
    """A list definition: `w:abstractNum` with up to nine levels."""

    id: int
    levels: tuple[Level, ...]
    multi_level: str = "multilevel"  # multilevel, hybridMultilevel, singleLevel
    name: str | None = None

    def xml(self) -> str:
        if not 1 <= len(self.levels) <= 9:
            raise ValueError("a list definition has 1 to 9 levels")
        body = val("w:multiLevelType", self.multi_level) + val("w:name", self.name)
        body += "".join(level.xml(i) for i, level in enumerate(self.levels))
        return el("w:abstractNum", {"w:abstractNumId": self.id}, body)


@dataclass(frozen=True, slots=True)
class Num:
    """A list instance (`w:num`): what `w:numId` points at.

    `starts` maps a level to a `w:startOverride`; `overrides` replaces whole levels.
    """

    id: int
    abstract_id: int
    starts: Mapping[int, int] = field(default_factory=dict)
    overrides: Mapping[int, Level] = field(default_factory=dict)

    def xml(self) -> str:
        body = val("w:abstractNumId", self.abstract_id)
        for ilvl in sorted(set(self.starts) | set(self.overrides)):
            inner = val("w:startOverride", self.starts.get(ilvl))
            if ilvl in self.overrides:
                inner += self.overrides[ilvl].xml(ilvl)
            body += el("w:lvlOverride", {"w:ilvl": ilvl}, inner)
        return el("w:num", {"w:numId": self.id}, body)


def numbering_xml(abstracts: Iterable[AbstractNum], nums: Iterable[Num]) -> bytes:
    """Return numbering.xml (all abstractNum elements first, as the schema requires)."""
    body = "".join(a.xml() for a in abstracts) + "".join(n.xml() for n in nums)
    return (XML_HEAD + f"<w:numbering {W_DECLS}>{body}</w:numbering>").encode()


def font_table_xml(fonts: Iterable[str]) -> bytes:
    """Return a minimal fontTable.xml naming the fonts used."""
    body = "".join(f'<w:font w:name="{esc_attr(f)}"/>' for f in fonts)
    return (XML_HEAD + f"<w:fonts {W_DECLS}>{body}</w:fonts>").encode()
