"""Locate keys of a position file in its text, so problems can name a line."""

from __future__ import annotations

import re
from collections.abc import Sequence

# -- locating keys in the file text ---------------------------------------------------------

_KEY_PART = r'(?:[A-Za-z0-9_-]+|"[^"]*"|\'[^\']*\')'
_KEY_LINE = re.compile(rf"^\s*({_KEY_PART}(?:\s*\.\s*{_KEY_PART})*)\s*=\s*(.*)$")
_ARRAY_HEADER = re.compile(r"^\s*\[\[\s*([^\]]+?)\s*\]\]")
_TABLE_HEADER = re.compile(r"^\s*\[\s*([^\]]+?)\s*\]")

PathPart = str | int


def _split_key(text: str) -> tuple[str, ...]:
    parts = re.findall(rf"{_KEY_PART}", text)
    return tuple(p[1:-1] if p[:1] in "\"'" else p for p in parts)


class _LineIndex:
    """Where each key and table header sits in a TOML file (tomllib does not say)."""

    def __init__(self, text: str) -> None:
        self.keys: dict[tuple[PathPart, ...], int] = {}
        self.tables: dict[tuple[PathPart, ...], int] = {}
        self.next_line_values: set[tuple[PathPart, ...]] = set()
        self.duplicates: list[tuple[tuple[PathPart, ...], int]] = []
        current: tuple[PathPart, ...] = ()
        counts: dict[tuple[str, ...], int] = {}
        closing: str | None = None
        for number, raw in enumerate(text.splitlines(), 1):
            if closing is not None:
                if _closes(raw, closing):
                    closing = None
                continue
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            header = _ARRAY_HEADER.match(line)
            if header:
                name = _split_key(header.group(1))
                index = counts.get(name, 0)
                counts[name] = index + 1
                current = (*name, index)
                self.tables[current] = number
                continue
            header = _TABLE_HEADER.match(line)
            if header:
                current = _split_key(header.group(1))
                self.tables.setdefault(current, number)
                continue
            key = _KEY_LINE.match(line)
            if not key:
                continue
            path = (*current, *_split_key(key.group(1)))
            if path in self.keys:
                self.duplicates.append((path, number))
            else:
                self.keys[path] = number
            rest = key.group(2)
            for delimiter in ('"""', "'''"):
                if rest.startswith(delimiter):
                    if rest.strip() == delimiter:
                        self.next_line_values.add(path)
                    if not _closes(rest[3:], delimiter):
                        closing = delimiter
                    break

    def line(self, path: Sequence[PathPart]) -> int | None:
        """Return the line of the key (or table) at `path`, or of its nearest parent."""
        probe = tuple(path)
        while probe:
            if probe in self.keys:
                return self.keys[probe]
            if probe in self.tables:
                return self.tables[probe]
            probe = probe[:-1]
        return None

    def template_start(self, path: Sequence[PathPart]) -> int | None:
        """Return the file line holding the first line of a string value."""
        line = self.line(path)
        if line is None:
            return None
        return line + 1 if tuple(path) in self.next_line_values else line


def _closes(text: str, delimiter: str) -> bool:
    if delimiter == "'''":
        return delimiter in text
    cleaned = text.replace("\\\\", "").replace('\\"', "")
    return delimiter in cleaned


def _display(path: Sequence[PathPart]) -> str:
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += f".{part}" if out else part
    return out
