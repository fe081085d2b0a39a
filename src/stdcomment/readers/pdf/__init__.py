"""The PDF reader: pages -> lines -> paragraphs and tables -> flat blocks -> clause tree.

`source` opens the file (pdfplumber, the optional extra `stdcomment[pdf]`) and gives glyphs
and ruled tables per page; `layout` builds text lines; `margins` reads the printed line
numbers and removes running headers, footers and page numbers; `paragraphs` joins lines;
`tables` builds cells; `headings` turns typography into heading hints; `blocks` makes the flat
blocks with page and line. Clauses then come from the shared structure pass, as for .docx.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ...errors import InputError, UsageError
from ...metadata import extract_metadata
from ...model import Body, Draft, Source
from ...profiles import detect_body, profile_for
from ...structure import build_clauses
from .blocks import read_pages

VIEWS = ("current",)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def read_pdf(path: str | Path, *, view: str = "current", body: Body | None = None) -> Draft:
    """Read the PDF draft at `path` into a `Draft`.

    Every block records its page and its first and last printed line number (or, on pages
    without printed line numbers, the count of text lines from the top of the page). `body`
    forces the profile; by default it is detected from the page headers and opening text.
    """
    source = Path(path)
    if view not in VIEWS:
        raise UsageError(f"{source}: a PDF has no tracked changes; --view {view} reads .docx only")
    content = read_pages(source)
    if not any(b.text.strip() for b in content.blocks):
        raise InputError(source, content.empty_reason())
    opening = [b.text for b in content.blocks[:80] if b.text]
    detected = body or detect_body([], [*content.headers, content.title, *opening])
    profile = profile_for(detected)
    clauses, structure_warnings = build_clauses(content.blocks, profile)
    metadata = extract_metadata(content.blocks, content.headers, detected, profile.title_styles)
    warnings = list(content.warnings)
    if not content.printed_numbers and detected == Body.IEEE:
        warnings.append(
            "no printed line numbers: lines are counted from the top of each page "
            "(IEEE comments cite the printed numbers of the ballot draft)"
        )
    return Draft(
        source=Source(path=str(source), sha256=_sha256(source), format="pdf", view=view),
        body=detected,
        metadata=metadata,
        clauses=clauses,
        warnings=tuple(warnings + structure_warnings),
    )


__all__ = ["read_pdf"]
