"""Paragraph styles from styles.xml, resolved through their `basedOn` chains.

Word matches built-in styles by *name* ("heading 1"), while the style *id* is localised
("Heading1", "berschrift1", "Titre1"): we key everything by id (what `w:pStyle` holds) and
expose the chain of names so the structure pass can match on names.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from ...ooxml import w

_VAL = w("val")
_STYLE_ID = w("styleId")


@dataclass(frozen=True, slots=True)
class Style:
    """One paragraph style as declared (not yet resolved through `basedOn`)."""

    style_id: str
    name: str
    based_on: str | None = None
    outline_level: int | None = None
    num_id: str | None = None
    ilvl: int | None = None
    bold: bool | None = None
    size: float | None = None  # points


@dataclass(frozen=True, slots=True)
class ResolvedStyle:
    """A paragraph style with its inherited properties."""

    style_id: str
    name: str
    chain: tuple[str, ...]  # lower-cased names, the style first, then its ancestors
    outline_level: int | None
    num_id: str | None
    ilvl: int | None
    bold: bool
    size: float | None


def _on(element: etree._Element | None) -> bool | None:
    if element is None:
        return None
    val = element.get(_VAL)
    return val not in ("0", "false", "off", "none")


class StyleSheet:
    """Paragraph styles of a document, resolved on demand and cached."""

    def __init__(self, root: etree._Element | None) -> None:
        self._styles: dict[str, Style] = {}
        self._resolved: dict[str, ResolvedStyle] = {}
        self.default_id = "Normal"
        self.default_bold = False
        if root is None:
            return
        rpr_default = root.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}")
        if rpr_default is not None:
            self.default_bold = bool(_on(rpr_default.find(w("b"))))
        for element in root.iter(w("style")):
            if element.get(w("type"), "paragraph") not in ("paragraph", "character"):
                continue
            style_id = element.get(_STYLE_ID) or ""
            name_el = element.find(w("name"))
            name = name_el.get(_VAL, style_id) if name_el is not None else style_id
            if element.get(w("type"), "paragraph") == "character":
                style_id = "char:" + style_id
            based = element.find(w("basedOn"))
            ppr = element.find(w("pPr"))
            rpr = element.find(w("rPr"))
            outline = num_id = ilvl = None
            if ppr is not None:
                level = ppr.find(w("outlineLvl"))
                if level is not None and (level.get(_VAL) or "").isdigit():
                    outline = int(level.get(_VAL) or "9")
                numpr = ppr.find(w("numPr"))
                if numpr is not None:
                    nid = numpr.find(w("numId"))
                    lvl = numpr.find(w("ilvl"))
                    num_id = nid.get(_VAL) if nid is not None else None
                    if lvl is not None and (lvl.get(_VAL) or "").isdigit():
                        ilvl = int(lvl.get(_VAL) or "0")
            bold = size = None
            if rpr is not None:
                bold = _on(rpr.find(w("b")))
                sz = rpr.find(w("sz"))
                if sz is not None and (sz.get(_VAL) or "").isdigit():
                    size = int(sz.get(_VAL) or "0") / 2
            self._styles[style_id] = Style(
                style_id,
                name,
                based.get(_VAL) if based is not None else None,
                outline,
                num_id,
                ilvl,
                bold,
                size,
            )
            if element.get(w("default")) in ("1", "true") and not style_id.startswith("char:"):
                self.default_id = style_id

    def names(self) -> set[str]:
        """Return the lower-cased names of every style declared."""
        return {s.name.lower() for s in self._styles.values()}

    def char_bold(self, style_id: str) -> bool:
        """Whether character style `style_id` makes text bold (through its chain)."""
        resolved = self.resolve("char:" + style_id, _character=True)
        return resolved.bold

    def resolve(self, style_id: str | None, *, _character: bool = False) -> ResolvedStyle:
        """Return style `style_id` (the default paragraph style when None) with inherited values."""
        key = style_id or self.default_id
        cached = self._resolved.get(key)
        if cached is not None:
            return cached
        chain: list[Style] = []
        seen: set[str] = set()
        current: str | None = key
        while current and current not in seen and current in self._styles:
            seen.add(current)
            style = self._styles[current]
            chain.append(style)
            based = style.based_on
            current = ("char:" + based if _character and based else based) if based else None
        outline = num_id = ilvl = bold = size = None
        for style in chain:  # nearest definition wins
            if outline is None and style.outline_level is not None:
                outline = style.outline_level
            if num_id is None and style.num_id is not None:
                num_id = style.num_id
                ilvl = style.ilvl
            if bold is None and style.bold is not None:
                bold = style.bold
            if size is None and style.size is not None:
                size = style.size
        name = chain[0].name if chain else key
        resolved = ResolvedStyle(
            key,
            name,
            tuple(s.name.lower() for s in chain) or (key.lower(),),
            outline if outline is not None and outline < 9 else None,
            num_id,
            ilvl,
            bool(bold) if bold is not None else self.default_bold,
            size,
        )
        self._resolved[key] = resolved
        return resolved
