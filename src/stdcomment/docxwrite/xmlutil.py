"""Small string helpers for writing WordprocessingML: escaping and element building."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

#: Characters XML 1.0 cannot hold; they are dropped from text and attribute values.
_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

#: Namespace declarations of every part the builder writes (document, header, notes, comments).
W_DECLS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"'
)

XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def esc(text: str) -> str:
    """Escape text for an element body."""
    text = _INVALID.sub("", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def esc_attr(value: str) -> str:
    """Escape text for a double-quoted attribute value."""
    return esc(value).replace('"', "&quot;")


def el(name: str, attrs: Mapping[str, str | int | None] | None = None, body: str = "") -> str:
    """Return `<name a="v">body</name>`, or a self-closed element when `body` is empty.

    Attributes whose value is None are left out; order follows the mapping.
    """
    parts = [name]
    for key, value in (attrs or {}).items():
        if value is not None:
            parts.append(f'{key}="{esc_attr(str(value))}"')
    head = " ".join(parts)
    return f"<{head}>{body}</{name}>" if body else f"<{head}/>"


def val(name: str, value: str | int | None) -> str:
    """Return `<name w:val="value"/>`, or "" when value is None."""
    return "" if value is None else el(name, {"w:val": value})


def flag(name: str, on: bool | None) -> str:
    """Return a toggle property: `<w:b/>` for True, `<w:b w:val="0"/>` for False, "" for None."""
    if on is None:
        return ""
    return el(name) if on else el(name, {"w:val": "0"})


def join(items: Iterable[str]) -> str:
    """Concatenate rendered fragments."""
    return "".join(items)
