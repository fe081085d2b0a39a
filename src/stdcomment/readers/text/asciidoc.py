"""AsciiDoc (and Metanorma AsciiDoc, as ITU-T focus groups write it) -> flat blocks.

Read: `=`..`======` section titles (a level-0 `=` is the document title); `[appendix]`
sections lettered as annexes ("Annex A"); paragraphs; `*`/`-` and `.` lists with their
markers, `term:: text` entries; `|===` tables; `----` listing and `....` literal blocks as
code; quote, example and sidebar blocks read for their paragraphs; admonitions (`NOTE:` or
`[NOTE]`) as notes. Dropped: `//` and `////` comments, `:name: value` attribute lines (their
values replace `{name}` references), `include::` and other block macros, anchors, block
attribute lines, page breaks and thematic breaks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from . import inline
from .blocks import CODE_STYLE, QUOTE_STYLE, BlockSink

_TITLE = re.compile(r"^(={1,6})[ \t]+(\S.*?)(?:[ \t]+=+)?[ \t]*$")
_ATTRIBUTE = re.compile(r"^:(!?[\w][\w-]*!?):(?:[ \t]+(.*))?$")
_BLOCK_ATTRIBUTES = re.compile(r"^\[(?!\[)[^\]]*\]\s*$")
_ANCHOR_LINE = re.compile(r"^\[\[[^\]]*\]\]\s*$")
_BLOCK_TITLE = re.compile(r"^\.(?![.\s])(.+)$")
_MACRO_LINE = re.compile(r"^(?:include|image|video|audio|toc|ifdef|ifndef|ifeval|endif)::")
_DELIMITER = re.compile(r"^(-{4,}|\.{4,}|_{4,}|={4,}|\*{4,}|\+{4,}|/{4,})\s*$")
_OPEN_BLOCK = re.compile(r"^--\s*$")
_TABLE = re.compile(r"^[|,:!]===\s*$")
_BULLET = re.compile(r"^[ \t]*(?P<marker>\*{1,5}|-)[ \t]+(?P<text>\S.*)$")
_ORDERED = re.compile(
    r"^[ \t]*(?P<marker>\.{1,5}|\d{1,4}\.|[a-zA-Z]\.|[ivx]+\))[ \t]+(?P<text>\S.*)$"
)
_LABELED = re.compile(r"^[ \t]*(?P<term>\S.*?)(?::{2,4}|;;)(?:[ \t]+(?P<text>.*))?$")
_ADMONITION = re.compile(r"^(NOTE|TIP|IMPORTANT|WARNING|CAUTION):[ \t]+")
_ADMONITION_STYLE = re.compile(r"^\[(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\b")
_BREAKS = frozenset({"'''", "---", "***", "<<<", "- - -", "* * *"})
_SPEC = re.compile(r"(?:(?<=\s)|^)(?:\d+\*|(?:\d+)?(?:\.\d+)?\+)?[aehlmsdv]?$")
_COLS = re.compile(r"\bcols\s*=\s*\"?([^\"\],]*(?:,[^\"\],]*)*)\"?")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")
_COMMENT_LINE = re.compile(r"^//(?!/)")


def _blank(line: str) -> bool:
    return not line.strip()


@dataclass
class _Parser:
    lines: Sequence[str]
    sink: BlockSink
    attributes: dict[str, str] = field(default_factory=dict)
    pending: list[str] = field(default_factory=list)  # block attribute lines before a block
    appendices: int = 0
    offset: int = 0
    quote: bool = False
    counters: dict[int, int] = field(default_factory=dict)

    def number(self, i: int) -> int:
        return self.offset + i + 1

    def text(self, raw: str, *, keep_newlines: bool = False) -> tuple[str, list[str]]:
        return inline.asciidoc(raw, self.attributes, keep_newlines=keep_newlines)

    def skip(self, line: str) -> bool:
        """Lines that carry no text: comments, attributes, macros, breaks."""
        stripped = line.strip()
        return bool(
            _COMMENT_LINE.match(stripped)
            or _MACRO_LINE.match(stripped)
            or stripped in _BREAKS
            or _ANCHOR_LINE.match(stripped)
        )

    def run(self) -> None:
        i = 0
        while i < len(self.lines):
            i = self.block(i)

    def block(self, i: int) -> int:
        line = self.lines[i]
        stripped = line.strip()
        if _blank(line):
            return i + 1
        if stripped.startswith("////") and not stripped.strip("/"):
            return self.until(i, stripped) + 1
        if attribute := _ATTRIBUTE.match(stripped):
            name = attribute.group(1)
            if not name.startswith("!") and not name.endswith("!"):
                self.attributes[name] = (attribute.group(2) or "").strip()
            return i + 1
        if self.skip(line):
            return i + 1
        if _BLOCK_ATTRIBUTES.match(stripped):
            self.pending.append(stripped)
            return i + 1
        if title := _TITLE.match(line):
            self.heading(i, len(title.group(1)) - 1, title.group(2))
            return i + 1
        if _TABLE.match(stripped):
            return self.table(i, stripped)
        if delimiter := _DELIMITER.match(stripped):
            return self.delimited(i, delimiter.group(1))
        if _OPEN_BLOCK.match(stripped):
            end = self.until(i, "--")
            self.inner(i + 1, end)
            return end + 1
        if caption := _BLOCK_TITLE.match(stripped):
            text, _ = self.text(caption.group(1))
            self.sink.paragraph(text, self.number(i), self.number(i))
            return i + 1
        if _BULLET.match(line) or _ORDERED.match(line):
            return self.item(i)
        if (labeled := _LABELED.match(line)) and not stripped.startswith(("http", "link:")):
            return self.labeled(i, labeled)
        return self.paragraph(i)

    def take_attributes(self) -> list[str]:
        found, self.pending = self.pending, []
        return found

    def until(self, i: int, delimiter: str) -> int:
        """The index of the line closing the block opened at `i` (or the last line)."""
        j = i + 1
        while j < len(self.lines) and self.lines[j].rstrip() != delimiter:
            j += 1
        return min(j, len(self.lines))

    def heading(self, i: int, level: int, raw: str) -> None:
        attributes = self.take_attributes()
        title, _ = self.text(raw)
        if level == 0:
            self.sink.document_title(title, self.number(i))
            return
        if any(a.startswith("[appendix") for a in attributes) and level == 1:
            letter = chr(ord("A") + self.appendices)
            self.appendices += 1
            obligation = next((a for a in attributes if "obligation=informative" in a), "")
            status = " (informative)" if obligation else ""
            title = f"Annex {letter}{status}\t{title}"
        if self.quote:
            self.sink.paragraph(title, self.number(i), self.number(i), style=QUOTE_STYLE)
            return
        self.sink.heading(level, title, self.number(i))

    def paragraph(self, i: int) -> int:
        attributes = self.take_attributes()
        j = i
        while j < len(self.lines) and not _blank(self.lines[j]):
            stripped = self.lines[j].strip()
            if j > i and (
                _DELIMITER.match(stripped)
                or _TABLE.match(stripped)
                or _BLOCK_ATTRIBUTES.match(stripped)
                or _TITLE.match(self.lines[j])
                or _BULLET.match(self.lines[j])
            ):
                break
            j += 1
        raw_lines = [ln for ln in self.lines[i:j] if not _COMMENT_LINE.match(ln.strip())]
        style = QUOTE_STYLE if self.quote else ""
        if any(a.startswith(("[source", "[listing", "[literal")) for a in attributes) or (
            self.lines[i][:1] in " \t"
        ):
            code = "\n".join(raw_lines)
            self.sink.paragraph(code, self.number(i), self.number(j - 1), style=CODE_STYLE)
            return j
        if any(a.startswith(("[quote", "[verse")) for a in attributes):
            style = QUOTE_STYLE
        text, notes = self.text("\n".join(ln.strip() for ln in raw_lines))
        admonition = next((m for a in attributes if (m := _ADMONITION_STYLE.match(a))), None)
        if admonition:
            text = f"{admonition.group(1)}: {text}"
        self.sink.paragraph(text, self.number(i), self.number(j - 1), style=style, footnotes=notes)
        return j

    def item(self, i: int) -> int:
        self.take_attributes()
        line = self.lines[i]
        match = _BULLET.match(line) or _ORDERED.match(line)
        assert match is not None
        marker = match.group("marker")
        if marker.startswith("."):
            depth = len(marker)
            self.counters[depth] = self.counters.get(depth, 0) + 1
            for deeper in [d for d in self.counters if d > depth]:
                del self.counters[deeper]
            marker = f"{self.counters[depth]}."
        elif marker.startswith("*"):
            marker = "*"
        parts = [match.group("text")]
        j = i + 1
        while j < len(self.lines):
            nxt = self.lines[j]
            stripped = nxt.strip()
            if _blank(nxt) or _BULLET.match(nxt) or _ORDERED.match(nxt):
                break
            if stripped == "+":  # list continuation: the next paragraph belongs to the item
                j += 1
                continue
            if _DELIMITER.match(stripped) or _TABLE.match(stripped) or _TITLE.match(nxt):
                break
            if _BLOCK_ATTRIBUTES.match(stripped) or _COMMENT_LINE.match(stripped):
                break
            parts.append(stripped)
            j += 1
        text, notes = self.text("\n".join(parts))
        self.sink.list_item(marker, text, self.number(i), self.number(j - 1), footnotes=notes)
        if j >= len(self.lines) or _blank(self.lines[j]):
            k = j
            while k < len(self.lines) and _blank(self.lines[k]):
                k += 1
            if k < len(self.lines) and not (
                _BULLET.match(self.lines[k]) or _ORDERED.match(self.lines[k])
            ):
                self.counters.clear()
        return j

    def labeled(self, i: int, match: re.Match[str]) -> int:
        self.take_attributes()
        term, _ = self.text(match.group("term"))
        parts = [match.group("text") or ""]
        j = i + 1
        while j < len(self.lines) and not _blank(self.lines[j]):
            nxt = self.lines[j]
            if _LABELED.match(nxt) or _BULLET.match(nxt) or _DELIMITER.match(nxt.strip()):
                break
            parts.append(nxt.strip())
            j += 1
        body, notes = self.text("\n".join(parts))
        text = f"{term}: {body}" if body else term
        self.sink.paragraph(text, self.number(i), self.number(j - 1), footnotes=notes)
        return j

    def delimited(self, i: int, delimiter: str) -> int:
        attributes = self.take_attributes()
        end = self.until(i, delimiter)
        kind = delimiter[0]
        if kind == "/":
            return end + 1
        if kind in "-." or any(
            a.startswith(("[source", "[listing", "[literal")) for a in attributes
        ):
            code = "\n".join(self.lines[i + 1 : end])
            self.sink.paragraph(code, self.number(i + 1), self.number(end - 1), style=CODE_STYLE)
            return end + 1
        if kind == "+":
            raw = "\n".join(self.lines[i + 1 : end])
            text, _ = inline.markdown(raw)  # passthrough HTML: tags dropped
            self.sink.paragraph(text, self.number(i + 1), self.number(end - 1))
            return end + 1
        admonition = next((m for a in attributes if (m := _ADMONITION_STYLE.match(a))), None)
        start = len(self.sink.blocks)
        quote = kind == "_" or any(a.startswith(("[quote", "[verse")) for a in attributes)
        self.inner(i + 1, end, quote=quote)
        if admonition and len(self.sink.blocks) > start:
            first = self.sink.blocks[start]
            first.text = f"{admonition.group(1)}: {first.text}"
        return end + 1

    def inner(self, start: int, end: int, *, quote: bool = False) -> None:
        sub = _Parser(
            self.lines[start:end],
            self.sink,
            self.attributes,
            offset=self.offset + start,
            quote=self.quote or quote,
        )
        sub.run()

    def table(self, i: int, delimiter: str) -> int:
        attributes = self.take_attributes()
        end = self.until(i, delimiter)
        body = [ln for ln in self.lines[i + 1 : end] if not _COMMENT_LINE.match(ln.strip())]
        separator = "," if delimiter[0] == "," else ":" if delimiter[0] == ":" else "|"
        if delimiter[0] == "!":
            separator = "!"
        columns = self._columns(attributes)
        if separator != "|":
            rows = [[c.strip() for c in ln.split(separator)] for ln in body if ln.strip()]
        else:
            rows = self._rows(body, columns)
        texts = [[self.text(cell, keep_newlines=True)[0] for cell in row] for row in rows]
        self.sink.table(texts, self.number(i), self.number(min(end, len(self.lines) - 1)))
        return end + 1

    @staticmethod
    def _columns(attributes: Sequence[str]) -> int:
        for attribute in attributes:
            match = _COLS.search(attribute)
            if match:
                spec = match.group(1).strip()
                if re.fullmatch(r"\d+", spec):
                    return int(spec)
                multiplier = re.match(r"^(\d+)\*", spec)
                if multiplier:
                    return int(multiplier.group(1))
                return len(spec.split(","))
        return 0

    @staticmethod
    def _rows(body: Sequence[str], columns: int) -> list[list[str]]:
        cells: list[str] = []
        first_line: int | None = None
        for index, line in enumerate(body):
            if not line.strip():
                if cells:
                    cells[-1] += "\n"
                continue
            pieces = _CELL_SPLIT.split(line)
            if cells:
                cells[-1] += "\n" + pieces[0]
            elif pieces[0].strip():
                cells.append(pieces[0])
            if len(pieces) > 1 and first_line is None:
                first_line = index
                if not columns:
                    columns = len(pieces) - 1
            cells.extend(pieces[1:])
        cleaned: list[str] = []
        for index, cell in enumerate(cells):
            if index + 1 < len(cells):
                cell = _SPEC.sub("", cell.rstrip())  # "2+" or "a" before the next cell's "|"
            cleaned.append(cell.replace("\\|", "|").strip())
        columns = max(columns, 1)
        return [cleaned[k : k + columns] for k in range(0, len(cleaned), columns)]


def parse(lines: Sequence[str], sink: BlockSink) -> None:
    """Read AsciiDoc `lines` into `sink`."""
    _Parser(lines, sink).run()


__all__ = ["parse"]
