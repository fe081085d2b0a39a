"""The text reader: Markdown, AsciiDoc and plain-text drafts -> flat blocks -> clause tree.

`source` opens the file as hostile input (size cap, NUL bytes, UTF-8 only); `markdown`,
`asciidoc` and `plain` turn its lines into flat blocks through `blocks.BlockSink` (headings in
`heading N` styles with typed numbers as "3.2<TAB>Title", list items with their markers,
tables, code); `inline` reduces inline markup to text; `furniture` removes the page headers
and footers of plain-text drafts. Every block records its first and last line in the file.
Clauses then come from the shared structure pass, as for .docx and PDF.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from ...errors import InputError, UsageError
from ...flat import FlatBlock
from ...metadata import extract_metadata
from ...model import Body, Draft, Source
from ...profiles import Profile, detect_body, profile_for
from ...structure import build_clauses
from . import asciidoc, markdown, plain
from .blocks import CODE_STYLE, BlockSink
from .source import load

VIEWS = ("current",)

Parser = Callable[[Sequence[str], BlockSink], None]

#: suffix -> (format name, parser)
FORMATS: dict[str, tuple[str, Parser]] = {
    ".md": ("markdown", markdown.parse),
    ".markdown": ("markdown", markdown.parse),
    ".adoc": ("asciidoc", asciidoc.parse),
    ".asciidoc": ("asciidoc", asciidoc.parse),
    ".asc": ("asciidoc", asciidoc.parse),
    ".txt": ("text", plain.parse),
    ".text": ("text", plain.parse),
}

#: Code style names the bundled profiles know, tried in order for code blocks.
_CODE_NAMES = (CODE_STYLE, "ieeestds computer code", "source code")


def _code_style(profile: Profile) -> str:
    for name in _CODE_NAMES:
        if profile.style_matches(profile.code_styles, (name,)):
            return name
    return CODE_STYLE


def _restyle_code(blocks: list[FlatBlock], profile: Profile) -> None:
    """Give code blocks the code style name `profile` recognises."""
    name = _code_style(profile)
    if name == CODE_STYLE:
        return
    for block in blocks:
        if block.style_name == CODE_STYLE:
            block.style_name = name
            block.style_chain = (name,)


def read_text(
    path: str | Path, *, view: str = "current", body: Body | None = None, syntax: str = ""
) -> Draft:
    """Read the Markdown, AsciiDoc or plain-text draft at `path` into a `Draft`.

    `syntax` ("markdown", "asciidoc", "text") overrides the one the suffix names. Every block
    records its first and last line in the file (`Location.line`, `Location.last_line`).
    """
    source = Path(path)
    if view not in VIEWS:
        raise UsageError(
            f"{source}: a text draft has no tracked changes; --view {view} reads .docx only"
        )
    fmt, parse = FORMATS.get(source.suffix.lower(), ("text", plain.parse))
    if syntax:
        found = next(((f, p) for f, p in FORMATS.values() if f == syntax), None)
        if found is None:
            raise UsageError(f"unknown text syntax {syntax!r} (markdown, asciidoc, text)")
        fmt, parse = found
    text = load(source)
    sink = BlockSink()
    parse(text.lines, sink)
    blocks = sink.blocks
    if not any(b.text.strip() for b in blocks):
        raise InputError(source, "has no text (only markup, comments or attributes)")
    opening = [b.text for b in blocks[:80] if b.text]
    detected = body or detect_body([], opening)
    profile = profile_for(detected)
    _restyle_code(blocks, profile)
    clauses, warnings = build_clauses(blocks, profile)
    metadata = extract_metadata(blocks, [], detected, profile.title_styles)
    title = sink.title or next(
        (b.text.replace("\t", " ") for b in blocks if b.style_name.startswith("heading ")), ""
    )
    if title and not metadata.title:
        metadata = replace(metadata, title=title)
    return Draft(
        source=Source(path=str(source), sha256=text.sha256, format=fmt, view=view),
        body=detected,
        metadata=metadata,
        clauses=clauses,
        warnings=tuple(warnings),
    )


__all__ = ["FORMATS", "read_text"]
