"""Plain-text drafts (RFC, Internet-Draft, ETSI text exports) -> flat blocks.

After page furniture is removed (`furniture`), lines group into paragraphs at blank lines.
Heading lines split them: numbered headings (`3.2.  Title`, `4.1 Overview`, `A.2 Title`),
annexes and appendices (`Annex B (informative): Title`, `Appendix A.  Title`), well-known
unnumbered titles (Abstract, Foreword, Status of This Memo …) and, where the body text is
indented (RFC style), short lines at the left margin. A numbered heading must follow the
previous one (next sibling, first child, or next at a higher level), so a wrapped line that
happens to start with a number is not taken for a clause. List items (`-`, `o`, `*`, `1.`,
`a)`) are blocks of their own; lines are unwrapped, and a paragraph cut by a page break is
joined again.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from . import inline
from .blocks import CODE_STYLE, BlockSink
from .furniture import Page, strip

_NUMBERED = re.compile(
    r"^(?P<number>\d{1,2}(?:\.\d{1,3})*|[A-Z](?:\.\d{1,3})+)\.?(?:\s+|\t)(?P<title>\S.*)$"
)
_ANNEX = re.compile(
    r"^(?P<word>Annex|Appendix|ANNEX|APPENDIX)\s+(?P<id>[A-Z]|[IVX]+)\b(?P<rest>.*)$"
)
_ITEM = re.compile(
    r"^(?P<marker>[-*•o–]|\d{1,3}[.)]|[a-z][.)]|\([a-z0-9]{1,4}\))\s+(?P<text>\S.*)$"
)
_KNOWN = frozenset(
    name.lower()
    for name in (
        "Abstract",
        "Foreword",
        "Introduction",
        "History",
        "Contents",
        "Table of Contents",
        "Status of This Memo",
        "Status of this Memo",
        "Copyright Notice",
        "Acknowledgements",
        "Acknowledgments",
        "Acknowledgement",
        "Authors' Addresses",
        "Author's Address",
        "Intellectual Property Rights",
        "Intellectual Property",
        "Full Copyright Statement",
        "Modal verbs terminology",
        "Executive summary",
        "Summary",
        "Keywords",
        "Index",
        "Bibliography",
        "References",
        "Normative References",
        "Informative References",
    )
)
_END_PUNCT = (".", ",", ";", ":", "?", "!")

Number = tuple[int, ...]


def _number(text: str) -> Number:
    parts: list[int] = []
    for part in text.split("."):
        parts.append(int(part) if part.isdigit() else 1000 + ord(part[0]))
    return tuple(parts)


def _follows(candidate: Number, last: Number | None) -> bool:
    """Whether clause `candidate` can come after clause `last` in a numbered outline."""
    if last is None:
        return candidate[0] <= 2 or candidate[0] >= 1000
    if candidate[: len(last)] == last and len(candidate) == len(last) + 1:
        return candidate[-1] <= 2  # first child (x.0, x.1, sometimes x.2)
    if len(candidate) == len(last) + 2 and candidate[: len(last)] == last:
        return candidate[-2] <= 1 and candidate[-1] <= 1
    for depth in range(1, len(last) + 1):
        if candidate[: depth - 1] != last[: depth - 1]:
            break
        step = candidate[depth - 1] - last[depth - 1]
        if len(candidate) == depth and 1 <= step <= 2:
            return True
        if len(candidate) == depth + 1 and step == 1 and candidate[-1] <= 1:
            return True  # "4.6.1" after "4.5" when the "4.6" line was lost
    return False


@dataclass
class _Layout:
    indented: bool  # body text is indented and headings sit at the left margin (RFC)
    trailing_spaces: bool  # lines end with a space where a word ends (PDF text export)
    body_indent: int


def _layout(page: Page) -> _Layout:
    texts = [line for _, line in page.lines if line.strip()]
    if not texts:
        return _Layout(False, False, 0)
    indented = [len(t) - len(t.lstrip(" \t")) for t in texts if t[:1] in " \t"]
    trailing = sum(1 for t in texts if t.endswith(" ")) / len(texts)
    share = len(indented) / len(texts)
    body = min(indented) if indented else 0
    if indented:
        body = sorted(indented)[len(indented) // 2]
    return _Layout(share > 0.5, trailing > 0.5, body if share > 0.5 else 0)


@dataclass
class _Parser:
    page: Page
    sink: BlockSink
    layout: _Layout
    last: Number | None = None
    group: list[tuple[int, str]] = field(default_factory=list)
    seen_heading: bool = False

    def heading(self, line: str, alone: bool, before_blank: bool) -> tuple[int, str] | None:
        """The level and text of the heading `line` is, or None."""
        indent = len(line) - len(line.lstrip(" \t"))
        stripped = inline.squeeze(line)
        if not stripped or len(stripped.split()) > 18 or _has_leaders(stripped):
            return None
        if indent > (0 if self.layout.indented else 3):
            return None
        annex = _ANNEX.match(stripped)
        if annex:
            rest = annex.group("rest")
            if rest.strip() and rest.lstrip()[:1] not in ".:(–—-":
                return None
            ident = annex.group("id")
            self.last = (1000 + ord(ident[0]),) if len(ident) == 1 else self.last
            word = annex.group("word").capitalize()
            title = rest.lstrip(" .")
            separator = " " if title.startswith((":", "(")) else "\t"
            return 1, f"{word} {ident}{separator}{title}".rstrip()
        numbered = _NUMBERED.match(stripped)
        if numbered:
            title = numbered.group("title").strip()
            number = _number(numbered.group("number"))
            if (
                title[:1].isupper()
                and (not title.endswith(_END_PUNCT) or title.endswith("etc."))
                and _follows(number, self.last)
            ):
                self.last = number
                return len(number), f"{numbered.group('number')}\t{title}"
            return None
        if stripped.lower().rstrip(":") in _KNOWN and (alone or not self.layout.indented):
            return 1, stripped.rstrip(":")
        if (
            self.layout.indented
            and indent == 0
            and alone
            and before_blank
            and len(stripped.split()) <= 12
            and stripped[:1].isupper()
            and not stripped.endswith(_END_PUNCT)
        ):
            return 1, stripped
        return None

    def run(self) -> None:
        lines = self.page.lines
        title_done = False
        skip: set[int] = set()
        for index, (number, line) in enumerate(lines):
            if index in skip:
                continue
            if not line.strip():
                if self.group and not self.joins_across(index):
                    self.flush()
                continue
            before_blank = index == 0 or not lines[index - 1][1].strip()
            after_blank = index + 1 >= len(lines) or not lines[index + 1][1].strip()
            nxt = lines[index + 1][1] if index + 1 < len(lines) else ""
            alone = after_blank or (self.layout.indented and nxt[:1] in " \t")
            if (
                not title_done
                and not self.seen_heading
                and before_blank
                and after_blank
                and self.layout.indented
                and len(line) - len(line.lstrip()) >= 10
            ):
                title_done = True
                self.flush()
                self.sink.document_title(inline.squeeze(line), number)
                continue
            found = self.heading(line, alone, before_blank)
            if found is not None:
                self.flush()
                self.seen_heading = True
                level, text = found
                if _ANNEX.match(text) and text.rstrip().endswith((":", ")")) and nxt.strip():
                    title = inline.squeeze(nxt)  # "Annex A (normative):" then the title line
                    if len(title.split()) <= 18 and not _NUMBERED.match(title):
                        text = f"{text} {title}"
                        skip.add(index + 1)
                self.sink.heading(level, text, number)
                continue
            if self.group and _ITEM.match(line.strip()) and not self.continues_item(line):
                self.flush()
            self.group.append((number, line))
        self.flush()

    def continues_item(self, line: str) -> bool:
        """A line that starts like an item but is deeper than the item above it."""
        first = self.group[0][1]
        return _ITEM.match(first.strip()) is not None and _indent(line) > _indent(first) + 1

    def joins_across(self, index: int) -> bool:
        """Whether the blank run at `index` is a page break inside a paragraph."""
        lines = self.page.lines
        j = index
        while j < len(lines) and not lines[j][1].strip():
            j += 1
        if j >= len(lines) or j not in self.page.breaks:
            return False
        before = self.group[-1][1].rstrip()
        after = lines[j][1].strip()
        return bool(before) and not before.endswith(_END_PUNCT) and after[:1].islower()

    def flush(self) -> None:
        if not self.group:
            return
        group, self.group = self.group, []
        first, last = group[0][0], group[-1][0]
        texts = [line for _, line in group]
        if self.code_like(texts):
            body = min(_indent(t) for t in texts)
            code = "\n".join(t[body:].rstrip() for t in texts)
            self.sink.paragraph(code, first, last, style=CODE_STYLE)
            return
        text = self.unwrap(texts)
        item = _ITEM.match(text)
        if item:
            self.sink.list_item(item.group("marker"), item.group("text"), first, last)
        else:
            self.sink.paragraph(text, first, last)

    def code_like(self, texts: Sequence[str]) -> bool:
        """An RFC figure or ABNF: deeper than the body, laid out with runs of spaces."""
        if not self.layout.indented or len(texts) < 2:
            return False
        deeper = all(_indent(t) >= self.layout.body_indent + 3 for t in texts)
        spaced = sum(1 for t in texts if "   " in t.strip() or "|" in t or "+-" in t)
        return deeper and spaced >= max(1, len(texts) // 3) and not _ITEM.match(texts[0].strip())

    def unwrap(self, texts: Sequence[str]) -> str:
        out, previous = "", ""
        for raw in texts:
            line = raw.strip()
            cut = not previous.endswith((" ", "\t"))
            previous = raw
            if not out:
                out = line
            elif self.layout.trailing_spaces and cut and line[:1].islower() and out[-1:].isalpha():
                out += line  # a word cut at the line end by the text export
            elif out.endswith("-") and out[-2:-1].isalpha() and line[:1].islower():
                out += line  # "Internet-" + "Drafts": keep the hyphen, no space
            else:
                out += " " + line
        return inline.squeeze(out)


def _indent(line: str) -> int:
    return len(line.expandtabs(8)) - len(line.expandtabs(8).lstrip(" "))


def _has_leaders(text: str) -> bool:
    return "....." in text or ". . . ." in text


def parse(lines: Sequence[str], sink: BlockSink) -> None:
    """Read plain-text `lines` into `sink`."""
    page = strip(lines)
    _Parser(page, sink, _layout(page)).run()


__all__ = ["parse"]
