"""The review and draft pipelines: read, scan, review or merge, and write a submission.

`review_draft` writes (or merges into) a review file; `draft_submission` turns accepted
review entries (or, without a review file, every finding at or above the threshold) into one
of the output formats of `writers.WRITERS`. Both return warnings for the command to print.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from .comments import CommentSheet, build_sheet
from .contribution import ContributionMeta, MetaOptions, resolve_meta, with_member_body_check
from .errors import UsageError
from .findings import ScanResult
from .model import Body, Draft
from .positions import PositionLibrary, load_positions
from .readers import read_draft
from .review import (
    MergeReport,
    Review,
    ReviewEntry,
    dump_review,
    entries_from_scan,
    merge_review,
    new_review,
    read_review,
)
from .scan import DEFAULT_MIN_SCORE, Scanner
from .writers import WRITERS
from .writers.base import Output, WriterInput


@dataclass(frozen=True, slots=True)
class ScanOptions:
    """How to read and scan the draft."""

    positions: tuple[Path, ...] = ()
    bundled: bool = True
    min_score: float = DEFAULT_MIN_SCORE
    view: str = "current"
    body: str | None = None


@dataclass(frozen=True, slots=True)
class Scanned:
    """A draft read and scanned, with the positions used."""

    draft: Draft
    result: ScanResult
    library: PositionLibrary
    label: str


def scan_file(path: str | Path, options: ScanOptions) -> Scanned:
    """Read the draft at `path` and scan it against the position library."""
    library = load_positions(list(options.positions), bundled=options.bundled)
    draft = read_draft(path, view=options.view, body=Body(options.body) if options.body else None)
    result = Scanner(list(library), library.concepts).scan(draft, min_score=options.min_score)
    return Scanned(draft, result, library, str(path))


@dataclass(frozen=True, slots=True)
class ReviewResult:
    """A review file's new text and what happened."""

    review: Review
    text: str
    merged: MergeReport | None
    previous_draft: str = ""  # the draft the merged-into file was made for


def review_draft(
    scanned: Scanned,
    *,
    existing: str | Path | None = None,
    templates: Sequence[str | Path] = (),
) -> ReviewResult:
    """Return the review of a scanned draft, merged into `existing` when given and present."""
    fresh = new_review(
        scanned.draft, scanned.result, scanned.library, draft_label=scanned.label,
        body=str(scanned.draft.body),
    )  # fmt: skip
    report: MergeReport | None = None
    review = fresh
    previous = ""
    if existing is not None and Path(existing).exists():
        old = read_review(existing)
        review, report = merge_review(old, fresh, scanned.draft)
        previous = old.draft
    return ReviewResult(review, dump_review(review, templates=templates), report, previous)


def _reworded(
    entries: Sequence[ReviewEntry], scanned: Scanned, body: str | None
) -> list[ReviewEntry]:
    """Word unedited scan entries for the output's body (edited ones stay as written)."""
    if body is None:
        return list(entries)
    fresh = {
        e.id: e
        for e in entries_from_scan(
            scanned.draft, scanned.result.findings, scanned.library, body=body
        )
    }
    out = []
    for entry in entries:
        match = fresh.get(entry.id)
        if match is not None and not entry.edited:
            entry = replace(
                entry,
                comment=match.comment,
                proposed_change=match.proposed_change,
                change=match.change,
            )
        out.append(entry)
    return out


def submission_entries(
    scanned: Scanned, review_path: str | Path | None, body: str | None
) -> tuple[list[ReviewEntry], bool, list[str]]:
    """Return the entries to submit, whether they were reviewed, and warnings."""
    warnings: list[str] = []
    if review_path is None:
        entries = entries_from_scan(
            scanned.draft, scanned.result.findings, scanned.library, body=body
        )
        warnings.append(
            f"no review file: submitting every finding scoring at least "
            f"{scanned.result.min_score:g} ({len(entries)}); nothing was reviewed "
            "(run `stdcomment review` and pass --review)"
        )
        return entries, False, warnings
    review = read_review(review_path)
    if review.draft_sha256 and review.draft_sha256 != scanned.draft.source.sha256:
        warnings.append(
            f"{review_path} was made for another version of the draft; run `stdcomment review` "
            "again to bring it up to date"
        )
    counts = review.counts()
    if counts.get("stale"):
        warnings.append(f"{counts['stale']} stale entries are not submitted")
    if counts.get("proposed"):
        warnings.append(
            f"{counts['proposed']} entries are still 'proposed' (not reviewed) "
            "and are not submitted"
        )
    accepted = list(review.accepted())
    if not accepted:
        raise UsageError(f"{review_path}: no entry is accepted, so there is nothing to submit")
    return _reworded(accepted, scanned, body), True, warnings


def prepare_submission(
    scanned: Scanned,
    *,
    fmt: str,
    review_path: str | Path | None,
    meta_file: MetaOptions | None,
    meta_options: MetaOptions | None,
    templates: Sequence[str | Path] = (),
) -> tuple[WriterInput, list[str]]:
    """Return a writer's input for `fmt` and the warnings gathered on the way."""
    writer = WRITERS[fmt]
    entries, reviewed, warnings = submission_entries(scanned, review_path, writer.body)
    sheet, sheet_warnings = build_sheet(
        scanned.draft, entries, scanned.library, reviewed=reviewed, label=scanned.label
    )
    meta, meta_warnings = resolve_meta(scanned.draft, meta_file, meta_options)
    relevant = _relevant_meta_warnings(fmt, meta_warnings)
    if fmt == "iso":
        meta, more = with_member_body_check(meta)
        relevant += more
    job = WriterInput(sheet=sheet, meta=meta, templates=tuple(Path(t) for t in templates))
    return job, [*warnings, *sheet_warnings, *relevant]


def _relevant_meta_warnings(fmt: str, warnings: list[str]) -> list[str]:
    """The ITU-T header needs everything; the other formats need no study group or contact."""
    if fmt == "itu-t":
        return list(warnings)
    return [w for w in warnings if w.startswith("no source") and fmt in ("markdown", "html")]


def draft_submission(job: WriterInput, fmt: str) -> Output:
    """Write the submission in format `fmt` (a key of `WRITERS`)."""
    return WRITERS[fmt].write(job)


def default_output(draft_path: str | Path, fmt: str) -> Path:
    """Return the default output file: "<draft stem><writer suffix>" in the current folder."""
    return Path(Path(draft_path).stem + WRITERS[fmt].suffix)


__all__ = [
    "CommentSheet",
    "ContributionMeta",
    "ReviewResult",
    "ScanOptions",
    "Scanned",
    "default_output",
    "draft_submission",
    "prepare_submission",
    "review_draft",
    "scan_file",
    "submission_entries",
]
