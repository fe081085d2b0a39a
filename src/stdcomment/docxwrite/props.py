"""Formatting values shared by styles, paragraphs and runs, and their pPr/rPr XML.

Element order inside `w:pPr` and `w:rPr` follows the WordprocessingML schema, so Word opens the
result without a repair prompt. Measures are in twips (1/20 pt) unless a name says otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass

from .xmlutil import el, flag, val

#: Paragraph alignments Word accepts in `w:jc`.
ALIGNMENTS = ("left", "center", "right", "both", "start", "end")


@dataclass(frozen=True, slots=True)
class Indent:
    """`w:ind`: left/right indents, and a hanging or first-line indent, in twips."""

    left: int | None = None
    right: int | None = None
    hanging: int | None = None
    first_line: int | None = None

    def xml(self) -> str:
        return el(
            "w:ind",
            {
                "w:left": self.left,
                "w:right": self.right,
                "w:hanging": self.hanging,
                "w:firstLine": self.first_line,
            },
        )


@dataclass(frozen=True, slots=True)
class Spacing:
    """`w:spacing`: space before/after in twips; `line` in 240ths of a line when rule is auto."""

    before: int | None = None
    after: int | None = None
    line: int | None = None
    line_rule: str | None = None

    def xml(self) -> str:
        return el(
            "w:spacing",
            {
                "w:before": self.before,
                "w:after": self.after,
                "w:line": self.line,
                "w:lineRule": self.line_rule,
            },
        )


@dataclass(frozen=True, slots=True)
class TabStop:
    """One custom tab stop: `kind` is left, right, center, decimal or clear."""

    pos: int
    kind: str = "left"
    leader: str | None = None

    def xml(self) -> str:
        return el("w:tab", {"w:val": self.kind, "w:leader": self.leader, "w:pos": self.pos})


@dataclass(frozen=True, slots=True)
class Mark:
    """A tracked change on a paragraph mark (`w:pPr/w:rPr/w:ins` and friends).

    `kind` is "ins", "del", "moveFrom" or "moveTo". An inserted mark means the paragraph was
    split off by an insertion; a deleted mark means it was merged into the next one.
    """

    kind: str = "ins"
    author: str = "Rapporteur"
    date: str = "2026-02-16T10:00:00Z"


@dataclass(frozen=True, slots=True)
class RunFormat:
    """Direct or style run formatting; None leaves a property unset."""

    bold: bool | None = None
    italic: bool | None = None
    underline: str | None = None  # "single", "double", ...
    caps: bool | None = None
    strike: bool | None = None
    vanish: bool | None = None
    size: float | None = None  # points
    font: str | None = None
    color: str | None = None  # hex RRGGBB
    lang: str | None = None
    vert_align: str | None = None  # "superscript" / "subscript"

    def is_empty(self) -> bool:
        return self == _EMPTY_FORMAT


_EMPTY_FORMAT = RunFormat()


def rpr_body(fmt: RunFormat, *, style: str | None = None, marks: str = "", extra: str = "") -> str:
    """Return the children of a `w:rPr` in schema order (paragraph-mark revisions first)."""
    parts = [marks, val("w:rStyle", style)]
    if fmt.font:
        font = fmt.font
        fonts = {"w:ascii": font, "w:hAnsi": font, "w:cs": font, "w:eastAsia": font}
        parts.append(el("w:rFonts", fonts))
    parts += [flag("w:b", fmt.bold), flag("w:bCs", fmt.bold)]
    parts += [flag("w:i", fmt.italic), flag("w:iCs", fmt.italic)]
    parts += [flag("w:caps", fmt.caps), flag("w:strike", fmt.strike), flag("w:vanish", fmt.vanish)]
    parts.append(val("w:color", fmt.color))
    if fmt.size is not None:
        half = str(round(fmt.size * 2))
        parts += [val("w:sz", half), val("w:szCs", half)]
    parts.append(val("w:u", fmt.underline))
    parts.append(val("w:vertAlign", fmt.vert_align))
    parts.append(val("w:lang", fmt.lang))
    parts.append(extra)
    return "".join(parts)


def rpr(fmt: RunFormat, *, style: str | None = None, marks: str = "", extra: str = "") -> str:
    """Return a `w:rPr` element, or "" when it would be empty."""
    body = rpr_body(fmt, style=style, marks=marks, extra=extra)
    return f"<w:rPr>{body}</w:rPr>" if body else ""


def num_pr(num_id: int | None, ilvl: int | None) -> str:
    """Return `w:numPr` (ilvl is left out when None, as Word writes it in level-0 styles)."""
    if num_id is None:
        return ""
    return f"<w:numPr>{val('w:ilvl', ilvl)}{val('w:numId', num_id)}</w:numPr>"


@dataclass(frozen=True, slots=True)
class ParaFormat:
    """Paragraph formatting common to styles and paragraphs."""

    keep_next: bool = False
    keep_lines: bool = False
    page_break_before: bool = False
    num_id: int | None = None
    num_level: int | None = None
    suppress_line_numbers: bool = False
    tabs: tuple[TabStop, ...] = ()
    spacing: Spacing | None = None
    indent: Indent | None = None
    align: str | None = None
    outline_level: int | None = None  # 0-based, as in XML: 0 = heading 1


def ppr_body(
    fmt: ParaFormat, *, style: str | None = None, rpr_xml: str = "", sect_xml: str = ""
) -> str:
    """Return the children of a `w:pPr` in schema order."""
    if fmt.align is not None and fmt.align not in ALIGNMENTS:
        raise ValueError(f"unknown alignment {fmt.align!r}; use one of {ALIGNMENTS}")
    parts = [
        val("w:pStyle", style),
        el("w:keepNext") if fmt.keep_next else "",
        el("w:keepLines") if fmt.keep_lines else "",
        el("w:pageBreakBefore") if fmt.page_break_before else "",
        num_pr(fmt.num_id, fmt.num_level),
        el("w:suppressLineNumbers") if fmt.suppress_line_numbers else "",
        f"<w:tabs>{''.join(t.xml() for t in fmt.tabs)}</w:tabs>" if fmt.tabs else "",
        fmt.spacing.xml() if fmt.spacing else "",
        fmt.indent.xml() if fmt.indent else "",
        val("w:jc", fmt.align),
        val("w:outlineLvl", fmt.outline_level),
        rpr_xml,
        sect_xml,
    ]
    return "".join(parts)
