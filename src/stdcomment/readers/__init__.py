"""Readers: one module per input format, registered in `READERS` by file suffix."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..errors import InputError, UnsupportedFormatError
from ..model import Body, Draft

Reader = Callable[..., Draft]


def _docx(path: Path, *, view: str, body: Body | None) -> Draft:
    from .docx import read_docx

    return read_docx(path, view=view, body=body)


def _pdf(path: Path, *, view: str, body: Body | None) -> Draft:
    from .pdf import read_pdf

    return read_pdf(path, view=view, body=body)


def _text(path: Path, *, view: str, body: Body | None) -> Draft:
    from .text import read_text

    return read_text(path, view=view, body=body)


#: suffix -> reader(path, *, view, body). A new format is one module and one line here.
READERS: dict[str, Reader] = {
    ".docx": _docx,
    ".docm": _docx,
    ".dotx": _docx,
    ".doc": _docx,  # usually legacy Word: the docx reader says so (or reads a renamed .docx)
    ".pdf": _pdf,
    ".md": _text,
    ".markdown": _text,
    ".adoc": _text,
    ".asciidoc": _text,
    ".txt": _text,
}


def _sniff(path: Path) -> str:
    """Return the suffix a file's first bytes suggest ("" when unknown)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError:
        return ""
    if head.startswith(b"PK") or head.startswith(b"\xd0\xcf\x11\xe0"):
        return ".docx"
    if head.startswith(b"%PDF"):
        return ".pdf"
    return ""


def read_draft(path: str | Path, *, view: str = "current", body: Body | None = None) -> Draft:
    """Read the draft at `path` with the reader its suffix names."""
    source = Path(path)
    if source.is_dir():
        raise InputError(source, "is a directory, not a draft file")
    if not source.exists():
        raise InputError(source, "no such file")
    suffix = source.suffix.lower()
    reader = READERS.get(suffix) or READERS.get(_sniff(source))
    if reader is None:
        known = ", ".join(sorted(READERS))
        raise UnsupportedFormatError(
            source, f"unknown draft format {suffix or '(none)'} (known: {known})"
        )
    return reader(source, view=view, body=body)
