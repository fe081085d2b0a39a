"""The small markup the writers' prose templates produce, parsed into blocks.

A template renders plain text; the writer reads it as:

- blank lines separate blocks; the lines of one block join with spaces;
- `# Title`, `## Title`: numbered headings (clause 1, subclause 1.1), `### Title`: an
  unnumbered heading;
- `> text`: text quoted from the draft; `- text`: a list item;
- `@name arguments`: a directive the writer fills in (`@change 3`, `@summary`,
  `@ref [tag] text`);
- inside text, `*italic*` and `**bold**`; a backslash keeps the next character as it is.

User text (comments, quotes) goes through the `plain` filter, which escapes everything the
markup would otherwise read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

_ESCAPABLE: Final = "\\*"
_LEADING: Final = re.compile(r"^(\s*)([#>@]|-\s)", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading: level 1 and 2 are numbered, level 3 is not."""

    level: int
    text: str


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph; `kind` is "text", "quote" or "item"."""

    text: str
    kind: str = "text"


@dataclass(frozen=True, slots=True)
class Directive:
    """`@name arguments`."""

    name: str
    args: str


Node = Heading | Paragraph | Directive


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of inline text with its emphasis."""

    text: str
    bold: bool = False
    italic: bool = False


def plain(text: object) -> str:
    """Escape `text` so the markup reads it literally (the templates' `plain` filter)."""
    value = str(text)
    value = "".join("\\" + ch if ch in _ESCAPABLE else ch for ch in value)
    return _LEADING.sub(lambda m: m.group(1) + "\\" + m.group(2), value)


def _blocks(text: str) -> list[list[str]]:
    blocks: list[list[str]] = []
    current: list[str] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            if current:
                blocks.append(current)
                current = []
            continue
        current.append(line)
    if current:
        blocks.append(current)
    return blocks


def _line_kind(line: str) -> str:
    if line.startswith("#"):
        return "heading" if re.match(r"^#{1,3}\s", line) else "text"
    if line.startswith("@"):
        return "directive"
    if line.startswith("> ") or line == ">":
        return "quote"
    if line.startswith("- "):
        return "item"
    return "text"


def _parse_block(lines: list[str], nodes: list[Node]) -> None:
    current: list[str] = []
    kind = "text"
    for line in lines:
        line_kind = _line_kind(line)
        if line_kind != "text" and current:
            nodes.append(Paragraph(" ".join(current), kind))
            current = []
        if line_kind == "heading":
            marks, _, title = line.partition(" ")
            nodes.append(Heading(len(marks), title.strip()))
        elif line_kind == "directive":
            name, _, args = line[1:].partition(" ")
            nodes.append(Directive(name.strip(), args.strip()))
        elif line_kind in ("quote", "item"):
            kind = line_kind
            current.append(line[1:].strip() if line_kind == "quote" else line[2:].strip())
        else:
            if not current:
                kind = "text"
            current.append(line)
    if current:
        nodes.append(Paragraph(" ".join(current), kind))


def parse(text: str) -> list[Node]:
    """Parse rendered template text into headings, paragraphs and directives.

    Headings and directives stand alone on their line; a quote or list-item line starts a
    new paragraph of that kind, and plain lines continue the paragraph before them.
    """
    nodes: list[Node] = []
    for lines in _blocks(text):
        _parse_block(lines, nodes)
    return nodes


def spans(text: str) -> list[Span]:
    """Split inline text into spans of `*italic*`, `**bold**` and plain text; unescape."""
    out: list[Span] = []
    buffer: list[str] = []
    bold = italic = False
    i = 0

    def flush() -> None:
        if buffer:
            out.append(Span("".join(buffer), bold, italic))
            buffer.clear()

    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            buffer.append(text[i + 1])
            i += 2
            continue
        if text.startswith("**", i):
            flush()
            bold = not bold
            i += 2
            continue
        if ch == "*":
            flush()
            italic = not italic
            i += 1
            continue
        buffer.append(ch)
        i += 1
    flush()
    return [s for s in out if s.text]


def unmark(text: str) -> str:
    """Return the text of inline markup without emphasis marks or escapes."""
    return "".join(s.text for s in spans(text))


__all__ = ["Directive", "Heading", "Node", "Paragraph", "Span", "parse", "plain", "spans", "unmark"]
