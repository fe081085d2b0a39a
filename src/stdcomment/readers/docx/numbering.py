"""Word automatic numbering: the label Word displays for a paragraph with `w:numPr`.

Word behaviour implemented here (ECMA-376 Part 1, 17.9, checked against Word and LibreOffice):
  - a paragraph's numbering comes from its own `w:numPr`, else from its style's (through the
    `basedOn` chain); `numId` 0 switches numbering off; when a style gives `numId` without
    `ilvl`, the level is the one whose `w:pStyle` names that style, else 0;
  - `w:num` points to a `w:abstractNum` (possibly through `numStyleLink`/`styleLink`) and may
    override levels (`lvlOverride/lvl`) and start values (`lvlOverride/startOverride`);
  - counters are kept per list: all `w:num`s sharing an abstractNum continue one list, except
    a `w:num` with a `startOverride`, which is a list instance of its own (restarted);
  - a level's first paragraph shows `start`; numbering a level restarts the deeper levels,
    unless a deeper level's `lvlRestart` says otherwise (0 = never);
  - `lvlText` replaces `%1`..`%9` by each level's counter in that level's `numFmt`; a level
    never used shows `start - 1` (Word's familiar "0.1" for a heading 2 with no heading 1);
    `isLgl` on the paragraph's level writes every counter in decimal (legal style: "II.b"
    becomes "2.2"); `numFmt` none shows nothing; bullets show the bullet character.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from ...ooxml import w
from .styles import StyleSheet

_VAL = w("val")
_PLACEHOLDER = re.compile(r"%([1-9])")


@dataclass(frozen=True, slots=True)
class Level:
    """One level of a list definition."""

    start: int = 0
    fmt: str = "decimal"
    text: str = ""
    legal: bool = False
    restart: int | None = None  # lvlRestart (1-based level after which this one restarts; 0 never)
    style: str | None = None  # w:pStyle: the paragraph style linked to this level


@dataclass(frozen=True, slots=True)
class NumberLabel:
    """The label Word shows for a numbered paragraph."""

    text: str  # "6.2.1", "Annex A", "a)", "•"
    level: int  # ilvl, 0-based
    bullet: bool
    list_key: str  # identifies the list instance (for grouping list items)


@dataclass
class _List:
    counters: list[int | None] = field(default_factory=lambda: [None] * 9)


def _int(element: etree._Element | None, default: int | None = None) -> int | None:
    if element is None:
        return default
    value = element.get(_VAL) or ""
    try:
        return int(value)
    except ValueError:
        return default


def _level(element: etree._Element) -> Level:
    fmt_el = element.find(w("numFmt"))
    text_el = element.find(w("lvlText"))
    style_el = element.find(w("pStyle"))
    legal_el = element.find(w("isLgl"))
    return Level(
        start=_int(element.find(w("start")), 0) or 0,
        fmt=(fmt_el.get(_VAL) or "decimal") if fmt_el is not None else "decimal",
        text=(text_el.get(_VAL) or "") if text_el is not None else "",
        legal=legal_el is not None and legal_el.get(_VAL) not in ("0", "false", "off"),
        restart=_int(element.find(w("lvlRestart"))),
        style=style_el.get(_VAL) if style_el is not None else None,
    )


def _levels(element: etree._Element) -> dict[int, Level]:
    return {
        int(lvl.get(w("ilvl")) or 0): _level(lvl)
        for lvl in element.findall(w("lvl"))
        if (lvl.get(w("ilvl")) or "0").isdigit()
    }


_ROMAN = [
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
]


def _roman(value: int) -> str:
    if value <= 0:
        return str(value)
    out = []
    for number, letters in _ROMAN:
        while value >= number:
            out.append(letters)
            value -= number
    return "".join(out)


def _letters(value: int) -> str:
    # Word repeats the letter: 27 -> "aa", 28 -> "bb"
    if value <= 0:
        return str(value)
    letter = chr(ord("a") + (value - 1) % 26)
    return letter * ((value - 1) // 26 + 1)


def format_number(value: int, fmt: str) -> str:
    """Return `value` written in Word number format `fmt`."""
    if fmt in ("decimal", "decimalHalfWidth", "decimalFullWidth"):
        return str(value)
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt == "upperLetter":
        return _letters(value).upper()
    if fmt == "lowerLetter":
        return _letters(value)
    if fmt == "upperRoman":
        return _roman(value).upper()
    if fmt == "lowerRoman":
        return _roman(value)
    if fmt == "none":
        return ""
    if fmt == "ordinal":
        suffix = (
            "th" if 10 <= value % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
        )
        return f"{value}{suffix}"
    if fmt == "decimalEnclosedParen":
        return f"({value})"
    return str(value)


def _bullet_text(text: str) -> str:
    # Symbol/Wingdings bullets live in the private-use area; show a plain bullet instead.
    if not text or any(0xF000 <= ord(ch) <= 0xF0FF for ch in text):
        return "•"
    return text


class Numbering:
    """List definitions of a document plus the running counters of its lists."""

    def __init__(self, root: etree._Element | None, styles: StyleSheet) -> None:
        self._styles = styles
        self._abstract: dict[str, dict[int, Level]] = {}
        self._abstract_link: dict[str, str] = {}  # abstractNum id -> numStyleLink style id
        self._style_link: dict[str, str] = {}  # styleLink style id -> abstractNum id
        self._num_abstract: dict[str, str] = {}
        self._num_levels: dict[str, dict[int, Level]] = {}
        self._num_start: dict[str, dict[int, int]] = {}
        self._lists: dict[str, _List] = {}
        self._style_level: dict[tuple[str, str], int] = {}
        if root is None:
            return
        for abstract in root.iter(w("abstractNum")):
            aid = abstract.get(w("abstractNumId")) or ""
            self._abstract[aid] = _levels(abstract)
            link = abstract.find(w("numStyleLink"))
            if link is not None and link.get(_VAL):
                self._abstract_link[aid] = link.get(_VAL) or ""
            style_link = abstract.find(w("styleLink"))
            if style_link is not None and style_link.get(_VAL):
                self._style_link[style_link.get(_VAL) or ""] = aid
        for num in root.iter(w("num")):
            nid = num.get(w("numId")) or ""
            aref = num.find(w("abstractNumId"))
            if aref is None:
                continue
            self._num_abstract[nid] = aref.get(_VAL) or ""
            levels: dict[int, Level] = {}
            starts: dict[int, int] = {}
            for override in num.findall(w("lvlOverride")):
                ilvl = int(override.get(w("ilvl")) or 0)
                start = _int(override.find(w("startOverride")))
                if start is not None:
                    starts[ilvl] = start
                lvl = override.find(w("lvl"))
                if lvl is not None:
                    levels[ilvl] = _level(lvl)
            self._num_levels[nid] = levels
            self._num_start[nid] = starts

    def __bool__(self) -> bool:
        return bool(self._num_abstract)

    def _abstract_id(self, num_id: str) -> str | None:
        aid = self._num_abstract.get(num_id)
        seen: set[str] = set()
        while aid is not None and aid in self._abstract_link and aid not in seen:
            seen.add(aid)
            style_id = self._abstract_link[aid]
            if style_id in self._style_link:
                aid = self._style_link[style_id]
                break
            linked_num = self._styles.resolve(style_id).num_id
            aid = self._num_abstract.get(linked_num or "")
        return aid

    def level_def(self, num_id: str, ilvl: int) -> Level | None:
        """Return the definition of level `ilvl` of list `num_id` (overrides applied)."""
        override = self._num_levels.get(num_id, {}).get(ilvl)
        if override is not None:
            return override
        aid = self._abstract_id(num_id)
        if aid is None:
            return None
        return self._abstract.get(aid, {}).get(ilvl)

    def style_level(self, num_id: str, style_id: str) -> int:
        """Return the level of list `num_id` linked to paragraph style `style_id` (0 if none)."""
        key = (num_id, style_id)
        if key not in self._style_level:
            found = 0
            aid = self._abstract_id(num_id)
            for ilvl, level in (self._abstract.get(aid or "", {})).items():
                if level.style == style_id:
                    found = ilvl
                    break
            self._style_level[key] = found
        return self._style_level[key]

    def next_label(self, num_id: str, ilvl: int) -> NumberLabel | None:
        """Advance the counters for a paragraph numbered (`num_id`, `ilvl`); return its label."""
        if num_id in ("", "0") or num_id not in self._num_abstract:
            return None
        aid = self._abstract_id(num_id)
        if aid is None or aid not in self._abstract:
            return None
        ilvl = max(0, min(ilvl, 8))
        level = self.level_def(num_id, ilvl)
        if level is None:
            return None
        key = f"num:{num_id}" if self._num_start.get(num_id) else f"abs:{aid}"
        state = self._lists.setdefault(key, _List())
        starts = self._num_start.get(num_id, {})
        current = state.counters[ilvl]
        state.counters[ilvl] = starts.get(ilvl, level.start) if current is None else current + 1
        for deeper in range(ilvl + 1, 9):
            deeper_def = self.level_def(num_id, deeper)
            restart = deeper_def.restart if deeper_def is not None else None
            if restart is None:
                restart = deeper  # 1-based: the level just above `deeper`
            if restart != 0 and ilvl <= restart - 1:
                state.counters[deeper] = None
        if level.fmt == "bullet":
            return NumberLabel(_bullet_text(level.text), ilvl, True, key)
        return NumberLabel(self._render(num_id, ilvl, level, state), ilvl, False, key)

    def _render(self, num_id: str, ilvl: int, level: Level, state: _List) -> str:
        starts = self._num_start.get(num_id, {})

        def value(match: re.Match[str]) -> str:
            index = int(match.group(1)) - 1
            level_def = self.level_def(num_id, index) or Level()
            count = state.counters[index]
            if count is None:
                count = starts.get(index, level_def.start) - 1
                count = max(count, 0)
            fmt = "decimal" if level.legal and level_def.fmt != "none" else level_def.fmt
            return format_number(count, fmt)

        return _PLACEHOLDER.sub(value, level.text).strip()
