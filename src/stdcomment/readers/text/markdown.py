"""Markdown (CommonMark and GFM as drafts use them) -> flat blocks.

Read: front matter (a YAML `---` block at the top) and HTML comments dropped; ATX headings
(`#`..`######`, `{#anchor}` attributes dropped) and setext headings; paragraphs (lines joined);
bullet and numbered list items with their marker; GFM pipe tables; fenced and indented code;
block quotes; footnote definitions attached to the blocks citing them; link reference
definitions dropped; inline markup reduced to text (`inline.markdown`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from . import inline
from .blocks import CODE_STYLE, QUOTE_STYLE, BlockSink

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_BREAK = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,})(.*)$")
_QUOTE = re.compile(r"^ {0,3}> ?")
_ITEM = re.compile(
    r"^(?P<indent>[ \t]*)(?P<marker>[-*+•]|\d{1,9}[.)]|[a-z][.)])(?P<gap>[ \t]+)(?P<text>\S.*)$"
)
_TASK = re.compile(r"^\[[ xX]\][ \t]+")
_DELIMITER = re.compile(r"^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_FOOTNOTE_DEF = re.compile(r"^ {0,3}\[\^([^\]\s]+)\]:[ \t]*(.*)$")
_LINK_DEF = re.compile(r"^ {0,3}\[[^\]^][^\]]*\]:[ \t]*\S+(?:[ \t]+[\"'(].*)?$")
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_CELL_SPLIT = re.compile(r"(?<!\\)\|")
_BOLD_LINE = re.compile(r"^(\*\*|__)[^*_].*\1$")


def _blank(line: str) -> bool:
    return not line.strip()


def _indent(line: str) -> int:
    return len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip(" "))


def prepare(lines: Sequence[str]) -> tuple[list[str], dict[str, str]]:
    """Blank out front matter, comments, footnote and link definitions (line count kept).

    Returns the lines to parse and the footnote texts by id.
    """
    text = _COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), "\n".join(lines))
    out = text.split("\n")
    start = next((i for i, line in enumerate(out) if line.strip()), 0)
    if out and out[start].strip() == "---":
        for end in range(start + 1, min(len(out), start + 500)):
            if out[end].strip() in ("---", "..."):
                for i in range(start, end + 1):
                    out[i] = ""
                break
    notes: dict[str, str] = {}
    i = 0
    while i < len(out):
        match = _FOOTNOTE_DEF.match(out[i])
        if match:
            parts = [match.group(2)]
            out[i] = ""
            j = i + 1
            while j < len(out) and (
                (out[j].startswith(("    ", "\t")) and out[j].strip())
                or (_blank(out[j]) and j + 1 < len(out) and out[j + 1].startswith(("    ", "\t")))
            ):
                parts.append(out[j].strip())
                out[j] = ""
                j += 1
            notes[match.group(1)] = inline.markdown("\n".join(parts))[0]
            i = j
            continue
        if _LINK_DEF.match(out[i]):
            out[i] = ""
        i += 1
    return out, notes


@dataclass
class _Parser:
    lines: list[str]
    notes: dict[str, str]
    sink: BlockSink
    offset: int = 0  # line number of lines[0] minus one
    quote: bool = False

    def number(self, i: int) -> int:
        return self.offset + i + 1

    def text(self, raw: str, *, keep_newlines: bool = False) -> tuple[str, list[str]]:
        text, ids = inline.markdown(raw, keep_newlines=keep_newlines)
        return text, [self.notes[n] for n in ids if n in self.notes]

    def starts_block(self, i: int) -> bool:
        line = self.lines[i]
        return bool(
            _ATX.match(line)
            or _FENCE.match(line)
            or _QUOTE.match(line)
            or _BREAK.match(line)
            or self.table_at(i)
            or self.interrupting_item(line)
        )

    @staticmethod
    def interrupting_item(line: str) -> bool:
        match = _ITEM.match(line)
        if match is None:
            return False
        marker = match.group("marker")
        return marker in "-*+•" or marker[:-1] == "1"

    def table_at(self, i: int) -> bool:
        return (
            "|" in self.lines[i]
            and i + 1 < len(self.lines)
            and "-" in self.lines[i + 1]
            and bool(_DELIMITER.match(self.lines[i + 1]))
        )

    def run(self) -> None:
        i = 0
        while i < len(self.lines):
            i = i + 1 if _blank(self.lines[i]) else self.block(i)

    def block(self, i: int) -> int:
        """Read the block starting at line `i`; return the index after it."""
        line = self.lines[i]
        if fence := _FENCE.match(line):
            return self.fenced(i, fence)
        if heading := _ATX.match(line):
            title = inline.strip_heading_attributes(self.text(heading.group(2) or "")[0])
            if self.quote:
                self.sink.paragraph(title, self.number(i), self.number(i), style=QUOTE_STYLE)
            else:
                self.sink.heading(len(heading.group(1)), title, self.number(i))
            return i + 1
        if _BREAK.match(line):
            return i + 1
        if self.table_at(i):
            return self.table(i)
        if _QUOTE.match(line):
            return self.blockquote(i)
        if _ITEM.match(line):
            return self.item(i)
        if _indent(line) >= 4:
            return self.indented_code(i)
        return self.paragraph_from(i)

    def paragraph_from(self, i: int) -> int:
        lines = [i]
        i += 1
        while i < len(self.lines) and not _blank(self.lines[i]) and not self.starts_block(i):
            if _SETEXT.match(self.lines[i]) and not self.quote:
                break
            lines.append(i)
            i += 1
        if i < len(self.lines) and _SETEXT.match(self.lines[i]) and not self.quote:
            raw = " ".join(self.lines[k].strip() for k in lines)
            title = inline.strip_heading_attributes(self.text(raw)[0])
            level = 1 if self.lines[i].strip()[0] == "=" else 2
            self.sink.heading(level, title, self.number(lines[0]), self.number(i))
            return i + 1
        self.flush(lines)
        return i

    def flush(self, paragraph: list[int]) -> None:
        if not paragraph:
            return
        raw = "\n".join(self.lines[k].strip() for k in paragraph)
        text, notes = self.text(raw)
        first, last = self.number(paragraph[0]), self.number(paragraph[-1])
        style = QUOTE_STYLE if self.quote else ""
        self.sink.paragraph(text, first, last, style=style, footnotes=notes)
        blocks = self.sink.blocks
        if (
            _BOLD_LINE.match(raw)
            and "\n" not in raw
            and blocks
            and blocks[-1].location.line == first
        ):
            blocks[-1].bold = True  # a bold line alone: a heading in direct formatting
        paragraph.clear()

    def fenced(self, i: int, fence: re.Match[str]) -> int:
        mark = fence.group(2)
        indent = len(fence.group(1))
        body: list[str] = []
        j = i + 1
        while j < len(self.lines):
            close = self.lines[j].strip()
            if close.startswith(mark[0] * len(mark)) and not close.strip(mark[0]):
                break
            line = self.lines[j]
            body.append(line[min(indent, _indent(line)) :] if indent else line)
            j += 1
        last = min(j, len(self.lines) - 1)
        self.sink.paragraph(
            "\n".join(body).strip("\n"), self.number(i), self.number(last), style=CODE_STYLE
        )
        return j + 1

    def indented_code(self, i: int) -> int:
        body: list[str] = []
        j = i
        while j < len(self.lines) and (_indent(self.lines[j]) >= 4 or _blank(self.lines[j])):
            body.append(self.lines[j].expandtabs(4)[4:])
            j += 1
        while body and not body[-1].strip():
            body.pop()
        last = i + len(body) - 1
        self.sink.paragraph("\n".join(body), self.number(i), self.number(last), style=CODE_STYLE)
        return j

    def blockquote(self, i: int) -> int:
        inner: list[str] = []
        j = i
        while j < len(self.lines):
            line = self.lines[j]
            marker = _QUOTE.match(line)
            if marker:
                inner.append(line[marker.end() :])
            elif inner and not _blank(line) and not self.starts_block(j) and inner[-1].strip():
                inner.append(line)  # lazy continuation
            else:
                break
            j += 1
        _Parser(inner, self.notes, self.sink, self.offset + i, quote=True).run()
        return j

    def item(self, i: int) -> int:
        match = _ITEM.match(self.lines[i])
        assert match is not None
        marker = match.group("marker")
        content = _indent(match.group("indent")) + len(marker) + len(match.group("gap"))
        parts = [_TASK.sub("", match.group("text"))]
        j, last = i + 1, i
        while j < len(self.lines):
            line = self.lines[j]
            if _blank(line):
                k = j
                while k < len(self.lines) and _blank(self.lines[k]):
                    k += 1
                if (
                    k < len(self.lines)
                    and _indent(self.lines[k]) >= max(content, 2)
                    and not _ITEM.match(self.lines[k])
                    and not _FENCE.match(self.lines[k])
                ):
                    j = k
                    continue
                break
            if _ITEM.match(line) or (self.starts_block(j) and _indent(line) < content):
                break
            if _FENCE.match(line):
                break
            parts.append(line.strip())
            last = j
            j += 1
        text, notes = self.text("\n".join(parts))
        self.sink.list_item(marker, text, self.number(i), self.number(last), footnotes=notes)
        return j

    def table(self, i: int) -> int:
        rows = [self.cells(self.lines[i])]
        j = i + 2
        while j < len(self.lines) and "|" in self.lines[j] and not _blank(self.lines[j]):
            rows.append(self.cells(self.lines[j]))
            j += 1
        self.sink.table(rows, self.number(i), self.number(j - 1))
        return j

    def cells(self, line: str) -> list[str]:
        raw = line.strip()
        if raw.startswith("|"):
            raw = raw[1:]
        if raw.endswith("|") and not raw.endswith("\\|"):
            raw = raw[:-1]
        return [self.text(cell, keep_newlines=True)[0] for cell in _CELL_SPLIT.split(raw)]


def parse(lines: Sequence[str], sink: BlockSink) -> None:
    """Read Markdown `lines` into `sink`."""
    prepared, notes = prepare(lines)
    _Parser(prepared, notes, sink).run()


__all__ = ["parse", "prepare"]
