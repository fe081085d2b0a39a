"""Plain ASCII for forms that refuse anything else (IEEE myProject flags non-ASCII text).

Typographic punctuation becomes its ASCII form (quotes, dashes, ellipsis, spaces), accented
letters lose their accents (NFKD), a few symbols get a spelled-out form; any other character
becomes "?" and is reported, so the caller can warn about the loss.
"""

from __future__ import annotations

import unicodedata
from typing import Final

REPLACEMENTS: Final[dict[str, str]] = {
    "\u2018": "'", "\u2019": "'", "\u201a": ",", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"', "\u2039": "'", "\u203a": "'",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "--",
    "\u2015": "--", "\u2212": "-", "\u00ad": "",
    "\u2026": "...", "\u2022": "*", "\u00b7": "*", "\u2023": "*",
    "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2007": " ", "\u2009": " ",
    "\u200a": " ", "\u202f": " ", "\u200b": "", "\u200c": "", "\u200d": "", "\ufeff": "",
    "\u00d7": "x", "\u00f7": "/", "\u2264": "<=", "\u2265": ">=", "\u2260": "!=",
    "\u00b1": "+/-", "\u2248": "~", "\u00b0": " deg", "\u00b5": "u", "\u03bc": "u",
    "\u20ac": "EUR", "\u00a3": "GBP", "\u00a5": "JPY", "\u00a9": "(c)", "\u00ae": "(R)",
    "\u2122": "(TM)", "\u00a7": "Sec.", "\u00b6": "Para.", "\u2192": "->", "\u2190": "<-",
    "\u21d2": "=>", "\u2194": "<->", "\u00df": "ss", "\u00e6": "ae", "\u00c6": "AE",
    "\u0153": "oe", "\u0152": "OE", "\u00f8": "o", "\u00d8": "O", "\u0111": "d", "\u0110": "D",
    "\u0142": "l", "\u0141": "L", "\u00fe": "th", "\u00de": "Th", "\u00f0": "d", "\u00d0": "D",
    "\u0131": "i", "\u00bc": "1/4", "\u00bd": "1/2", "\u00be": "3/4", "\u00b2": "2",
    "\u00b3": "3", "\u00b9": "1",
}  # fmt: skip


def to_ascii(text: str) -> tuple[str, list[str]]:
    """Return `text` in ASCII and the characters that had no ASCII form (replaced by "?")."""
    out: list[str] = []
    lost: list[str] = []
    for ch in text:
        if ord(ch) < 128:
            out.append(ch)
            continue
        if ch in REPLACEMENTS:
            out.append(REPLACEMENTS[ch])
            continue
        decomposed = unicodedata.normalize("NFKD", ch)
        base = "".join(c for c in decomposed if ord(c) < 128)
        if base:
            out.append(base)
            continue
        out.append("?")
        if ch not in lost:
            lost.append(ch)
    return "".join(out), lost


__all__ = ["REPLACEMENTS", "to_ascii"]
