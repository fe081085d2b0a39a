"""Inline markup -> plain text: links to their text, emphasis and code marks off, images gone.

Each function returns the text and what it took out that the block keeps: Markdown footnote
references (their ids) and AsciiDoc inline footnotes (their texts).
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping

_SPACES = re.compile(r"[ \t\u00a0]+")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_BREAK = re.compile(r"<br\s*/?>", re.I)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")

# Markdown
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~<\"'])")
_MD_CODE = re.compile(r"(`+)(.+?)\1", re.S)
_MD_IMAGE = re.compile(r"!\[[^\]]*\](?:\((?:[^()\s]|\([^)]*\))*(?:\s+\"[^\"]*\")?\)|\[[^\]]*\])")
_MD_FOOTNOTE = re.compile(r"\[\^([^\]\s]+)\]")
_MD_LINK = re.compile(r"\[((?:[^\[\]]|\[[^\]]*\])*)\]\((?:[^()\s]|\([^)]*\))*(?:\s+\"[^\"]*\")?\)")
_MD_REF_LINK = re.compile(r"\[((?:[^\[\]]|\[[^\]]*\])+)\]\[[^\]]*\]")
_MD_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^<>\s]+)>")
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", re.S)
_MD_EM_STAR = re.compile(r"\*(?=[^\s*])(.+?)(?<=[^\s*])\*", re.S)
_MD_EM_UNDER = re.compile(r"(?<![\w\\])_(?=[^\s_])(.+?)(?<=[^\s_])_(?!\w)", re.S)
_MD_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~", re.S)
_MD_ATTRIBUTES = re.compile(r"\s*\{[#.:][^{}]*\}\s*$")

# AsciiDoc
_AD_XREF = re.compile(r"<<([^<>,]+?)(?:,\s*([^<>]*?))?>>")
_AD_XREF_MACRO = re.compile(r"\bxref:([^\[\s]+)\[([^\]]*)\]")
_AD_FOOTNOTE = re.compile(r"\bfootnote(?::[\w-]*)?:\[((?:[^\[\]]|\[[^\]]*\])*)\]")
_AD_IMAGE = re.compile(r"\bimage::?[^\[\s]*\[[^\]]*\]")
_AD_LINK = re.compile(r"\b(?:link:)?((?:https?|ftp|mailto):[^\[\s]+|link:[^\[\s]+)\[([^\]]*)\]")
_AD_MACRO = re.compile(r"\b(?:stem|latexmath|asciimath|pass|kbd|btn|menu|sup|sub):\[([^\]]*)\]")
_AD_INDEX_HIDDEN = re.compile(r"\(\(\((?:[^()]|\([^)]*\))*\)\)\)")
_AD_INDEX = re.compile(r"\(\(([^()]+)\)\)")
_AD_BIBLIO_ANCHOR = re.compile(r"\[\[\[([^\],\]]+)(?:,\s*([^\]]+))?\]\]\],?")
_AD_ANCHOR = re.compile(r"\[\[[^\]]*\]\]|\banchor:[^\[\s]+\[[^\]]*\]")
_AD_ROLE = re.compile(r"\[\.?[\w.#-]+\](?=[*_`#])")
_AD_STRONG = re.compile(r"(\*\*|__|##|``)(.+?)\1", re.S)
_AD_CONSTRAINED = re.compile(r"(?<![\w*_`#])([*_`#+])(?=\S)(.+?)(?<=\S)\1(?![\w*_`#])", re.S)
_AD_SUPSUB = re.compile(r"(?<!\s)([\^~])(?=\S)([^\s^~]+)\1")
_AD_ATTRIBUTE = re.compile(r"(?<!\\)\{([\w-]+)\}")
_AD_ESCAPE = re.compile(r"\\([*_`#+\[\]{}<>^~])")
_AD_HARD_BREAK = re.compile(r" \+$", re.M)
_AD_BUILTIN = {"nbsp": "\u00a0", "sp": " ", "empty": "", "amp": "&", "lt": "<", "gt": ">"}
_AD_BUILTIN |= {"quot": '"', "apos": "'", "zwsp": "", "plus": "+", "vbar": "|", "deg": "°"}

_PROTECT = "\ue000"


def _protect(text: str, pattern: re.Pattern[str], saved: list[str], group: int = 1) -> str:
    """Replace each `pattern` match by a placeholder holding `group` (restored at the end)."""

    def hold(match: re.Match[str]) -> str:
        saved.append(match.group(group))
        return f"{_PROTECT}{len(saved) - 1}{_PROTECT}"

    return pattern.sub(hold, text)


def _restore(text: str, saved: list[str]) -> str:
    for _ in range(3):  # placeholders may hold placeholders (code inside a link text)
        if _PROTECT not in text:
            break
        text = re.sub(f"{_PROTECT}(\\d+){_PROTECT}", lambda m: saved[int(m.group(1))], text)
    return text


def squeeze(text: str, *, keep_newlines: bool = False) -> str:
    """Collapse runs of spaces (and newlines unless `keep_newlines`) and trim."""
    if keep_newlines:
        lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
        return "\n".join(line for line in lines if line)
    return _SPACES.sub(" ", text.replace("\n", " ")).strip()


def strip_heading_attributes(text: str) -> str:
    """Drop a trailing `{#anchor}` / `{.class}` attribute list from a Markdown heading."""
    return _MD_ATTRIBUTES.sub("", text)


def markdown(text: str, *, keep_newlines: bool = False) -> tuple[str, list[str]]:
    """Return the plain text of Markdown inline `text` and the footnote ids it refers to."""
    saved: list[str] = []
    text = _COMMENT.sub("", text)
    text = _protect(text, _MD_ESCAPE, saved)
    text = _protect(text, _MD_CODE, saved, 2)
    text = _MD_IMAGE.sub("", text)
    notes = _MD_FOOTNOTE.findall(text)
    text = _MD_FOOTNOTE.sub("", text)
    for _ in range(2):  # a link inside a link text
        text = _MD_LINK.sub(r"\1", text)
        text = _MD_REF_LINK.sub(r"\1", text)
    text = _MD_AUTOLINK.sub(r"\1", text)
    text = _BREAK.sub("\n", text)
    text = _TAG.sub("", text)
    for _ in range(2):  # nested emphasis: ***both***, **bold _and italic_**
        text = _MD_STRONG.sub(r"\2", text)
        text = _MD_EM_STAR.sub(r"\1", text)
        text = _MD_EM_UNDER.sub(r"\1", text)
        text = _MD_STRIKE.sub(r"\1", text)
    text = html.unescape(_restore(text, saved))
    return squeeze(text, keep_newlines=keep_newlines), notes


def asciidoc(
    text: str, attributes: Mapping[str, str] | None = None, *, keep_newlines: bool = False
) -> tuple[str, list[str]]:
    """Return the plain text of AsciiDoc inline `text` and the texts of its inline footnotes."""
    saved: list[str] = []
    values = {**_AD_BUILTIN, **(attributes or {})}
    text = _AD_ATTRIBUTE.sub(lambda m: values.get(m.group(1), m.group(0)), text)
    text = _protect(text, _AD_ESCAPE, saved)
    text = _AD_HARD_BREAK.sub("\n" if keep_newlines else " ", text)
    notes: list[str] = []

    def footnote(match: re.Match[str]) -> str:
        note, _ = asciidoc(match.group(1), attributes)
        if note:
            notes.append(note)
        return ""

    text = _AD_FOOTNOTE.sub(footnote, text)
    text = _AD_IMAGE.sub("", text)
    text = _AD_BIBLIO_ANCHOR.sub(lambda m: f"[{(m.group(2) or m.group(1)).strip()}]", text)
    text = _AD_ANCHOR.sub("", text)
    text = _AD_INDEX_HIDDEN.sub("", text)
    text = _AD_INDEX.sub(r"\1", text)
    text = _AD_XREF.sub(lambda m: (m.group(2) or "").strip() or f"[{m.group(1).strip()}]", text)
    text = _AD_XREF_MACRO.sub(lambda m: m.group(2) or m.group(1), text)
    text = _AD_LINK.sub(lambda m: m.group(2) or m.group(1).removeprefix("link:"), text)
    text = _AD_MACRO.sub(r"\1", text)
    text = _AD_ROLE.sub("", text)
    for _ in range(2):
        text = _AD_STRONG.sub(r"\2", text)
        text = _AD_CONSTRAINED.sub(r"\2", text)
    text = _AD_SUPSUB.sub(r"\2", text)
    text = html.unescape(_restore(text, saved))
    return squeeze(text, keep_newlines=keep_newlines), notes


__all__ = ["asciidoc", "markdown", "squeeze", "strip_heading_attributes"]
