"""The .docx reader: OOXML -> flat blocks (`parse`) -> clause tree (`stdcomment.structure`)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from ...errors import InputError
from ...metadata import extract_metadata
from ...model import Body, Draft, Source
from ...profiles import detect_body, profile_for
from ...structure import build_clauses
from .package import open_package
from .parse import read_body

VIEWS = ("current", "original")


def read_docx(path: str | Path, *, view: str = "current", body: Body | None = None) -> Draft:
    """Read the .docx at `path` into a `Draft`.

    `view` chooses how tracked changes read: "current" (all accepted, as Word shows the
    final text) or "original" (all rejected). `body` forces the profile (ITU-T, IEEE, ISO);
    by default it is detected from the styles and the opening text.
    """
    if view not in VIEWS:
        raise ValueError(f"view must be one of {VIEWS}")
    source = Path(path)
    package = open_package(source)
    try:
        content = read_body(package, view)
    finally:
        package.close()
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    opening = [b.text for b in content.blocks[:80] if b.text]
    opening += [
        cell.text for b in content.blocks[:20] if b.table for row in b.table.rows for cell in row
    ]
    detected = body or detect_body(content.style_names, [*content.headers, *opening])
    profile = profile_for(detected)
    clauses, structure_warnings = build_clauses(content.blocks, profile)
    if not any(b.text.strip() for b in content.blocks):
        raise InputError(source, "the document is empty (no text in its body)")
    metadata = extract_metadata(content.blocks, content.headers, detected, profile.title_styles)
    return Draft(
        source=Source(path=str(source), sha256=digest, format="docx", view=view),
        body=detected,
        metadata=metadata,
        clauses=clauses,
        warnings=tuple(content.warnings + structure_warnings),
    )
