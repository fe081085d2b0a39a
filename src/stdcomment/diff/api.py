"""One call per job for the CLI and for scripts: read two drafts (or both views of one), diff
them, add the concerns delta and the comment follow-up, and write the result."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import OutputExistsError, UsageError
from ..model import Body, Draft
from ..outputs import write_atomic
from ..readers import read_draft
from ..scan import DEFAULT_MIN_SCORE, Scanner
from .compare import diff_drafts
from .concerns import with_concerns
from .followup import with_followups
from .model import DraftDiff
from .writers import FORMATS, TEXT_WRITERS


@dataclass(frozen=True, slots=True)
class DiffRun:
    """A diff and the two drafts it was made from (the redline needs their text)."""

    diff: DraftDiff
    old: Draft
    new: Draft


def diff_files(
    old: str | Path,
    new: str | Path | None = None,
    *,
    revisions: bool = False,
    strict: bool = False,
    body: Body | None = None,
    scanner: Scanner | None = None,
    min_score: float = DEFAULT_MIN_SCORE,
    review: str | Path | None = None,
) -> DiffRun:
    """Diff two drafts, or with `revisions` the original and current views of one draft.

    With a `scanner`, both drafts are scanned and the concerns delta added; with `review`,
    the accepted comments of that review file (on the old draft) are followed up.
    """
    if revisions:
        if new is not None:
            raise UsageError("--revisions compares the two views of ONE draft: give one file")
        old_draft = read_draft(old, view="original", body=body)
        new_draft = read_draft(old, view="current", body=body)
    else:
        if new is None:
            raise UsageError("give two drafts (OLD NEW), or one with --revisions")
        old_draft = read_draft(old, body=body)
        new_draft = read_draft(new, body=body)
    diff = diff_drafts(old_draft, new_draft, strict=strict)
    if scanner is not None:
        diff = with_concerns(diff, old_draft, new_draft, scanner, min_score=min_score)
    if review is not None:
        diff = with_followups(diff, review, new_draft)
    return DiffRun(diff, old_draft, new_draft)


def render(run: DiffRun, fmt: str) -> str | bytes:
    """Return the diff in `fmt` (text formats as str, docx as bytes)."""
    if fmt == "docx":
        from .redline_docx import redline_bytes  # the .docx writer: loaded when asked for

        return redline_bytes(run.diff, run.old, run.new)
    writer = TEXT_WRITERS.get(fmt)
    if writer is None:
        raise UsageError(f"unknown diff format {fmt!r} (known: {', '.join(FORMATS)})")
    return writer(run.diff)


def write_diff(run: DiffRun, fmt: str, output: str | Path, *, force: bool = False) -> Path:
    """Write the diff in `fmt` to `output` (atomically; an existing file needs `force`)."""
    target = Path(output)
    if target.exists() and not force:  # fail before rendering a large redline
        raise OutputExistsError(target)
    return write_atomic(target, render(run, fmt), force=force)


__all__ = ["DiffRun", "diff_files", "render", "write_diff"]
