"""`stdcomment demo`: the whole pipeline on the bundled ITU-T sample draft.

parse -> scan -> review (with a few scripted decisions, as a delegate would make them) ->
ITU-T contribution, IEEE ballot comments, ISO/IEC commenting form, Markdown and HTML briefs,
all written into one folder with the review file and the metadata used, so a newcomer can
open each and then rerun `stdcomment draft` on the files.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Final

from .contribution import load_meta_file
from .drafting import Scanned, ScanOptions, draft_submission, prepare_submission, scan_file
from .errors import InputError, OutputExistsError
from .outline import clause_heading
from .outputs import write_atomic
from .resources import sample_path
from .review import Change, Review, ReviewEntry, dump_review, entry_id, new_review

SAMPLE: Final = "itu-t-f-ervs-draft.docx"

#: The metadata of the demo contribution (all of it fictional, like the sample draft).
DEMO_META: Final = """\
# Contribution metadata for `stdcomment draft --meta` (the demo's, all fictional).
[contribution]
type = "C"
document_number = "SG16-C-XXX"   # assigned by TSB when the contribution is registered
study_group = "16"
questions = ["12/16"]
place = "Geneva"
meeting_date = "3-13 March 2026"
source = "Example Digital Rights Association"
date = "2026-02-16"

[[contact]]
name = "Alex Example"
organization = "Example Digital Rights Association"
country = "Examplia"
tel = "+00 30 5550 0123"
email = "alex.example@rights.example"

[iso]
member_body = "GB"
document = "SG16-TD231/WP2"
project = "ITU-T F.ERVS"

[ieee]
voter = "Example, Alex"
"""

#: (clause, position, status): the demo delegate's decisions on the sample's findings.
DECISIONS: Final = (
    ("7.1", "emotion-inference", "accepted"),
    ("7.2.2", "pseudoscience", "accepted"),
    ("8.2", "self-incrimination", "accepted"),
    ("8.3", "education", "accepted"),
    ("7.7", "race-categories", "accepted"),
    ("9.2", "consent", "accepted"),
    ("6.3", "emotion-inference", "rejected"),
    ("9.4", "privacy", "rejected"),
)
#: The comment the demo delegate rewrites (clause, position) and the sentence added to it.
EDITED: Final = ("8.3", "education")
EDIT_NOTE: Final = (
    "Children cannot meaningfully consent to this monitoring, and the scores follow them "
    "into decisions about their education."
)
#: The demo delegate's own comment: on the Scope, asking to exclude emotion inference.
OWN_SCOPE_QUOTE: Final = (
    "This Recommendation specifies requirements for emotion recognition in intelligent "
    "visual surveillance systems."
)
OWN_COMMENT: Final = (
    "The scope should state plainly that the Recommendation does not cover inferring "
    "emotions or other inner states of natural persons; the clauses proposed for deletion "
    "in this contribution depend on that capability."
)
OWN_NEW_TEXT: Final = (
    "This Recommendation does not specify, and is not to be used for, the identification or "
    "inference of emotions, moods, intentions or other inner states of natural persons."
)

#: The files written, by format (the review file and the metadata come first).
OUTPUTS: Final = (
    ("itu-t", "contribution.docx"),
    ("ieee", "ieee-comments.csv"),
    ("iso", "iso-comments.docx"),
    ("markdown", "brief.md"),
    ("html", "brief.html"),
)


@dataclass(frozen=True, slots=True)
class DemoFile:
    """One file the demo wrote."""

    path: Path
    what: str
    size: int


def _decide(review: Review, echo: Callable[[str], None]) -> Review:
    entries = list(review.entries)
    for clause, position, status in DECISIONS:
        index = next(
            (i for i, e in enumerate(entries) if e.clause == clause and e.position == position),
            None,
        )
        if index is None:
            echo(f"  (no finding {position} in {clause} to mark {status})")
            continue
        entries[index] = replace(entries[index], status=status)
        if (clause, position) == EDITED:
            entry = entries[index]
            entries[index] = replace(
                entry,
                comment=f"{entry.comment}\n\n{EDIT_NOTE}",
                note="Rewritten after talking to the education working group.",
            )
    scope = next((e for e in entries if e.clause == "1"), None)
    own = ReviewEntry(
        id=entry_id("", "Scope", OWN_COMMENT),
        status="accepted",
        origin="manual",
        clause="1",
        clause_title=scope.clause_title if scope else "Scope",
        location=scope.location if scope else "",
        element="Paragraph 1",
        quote=OWN_SCOPE_QUOTE,
        type="te",
        category="Technical",
        must_be_satisfied=True,
        comment=OWN_COMMENT,
        proposed_change=f'Add at the end of the first paragraph of clause 1: "{OWN_NEW_TEXT}"',
        change=Change("insert-after", OWN_SCOPE_QUOTE, OWN_NEW_TEXT),
    )
    entries.insert(next((i for i, e in enumerate(entries) if e.clause == "1"), 0), own)
    return replace(review, entries=tuple(entries))


def _summary(scanned: Scanned) -> list[str]:
    findings = scanned.result.findings
    clauses = len({(f.clause_number, f.clause_title) for f in findings})
    lines = [
        f"scan: {len(findings)} findings in {clauses} clauses (score >= "
        f"{scanned.result.min_score:g}), {len(scanned.result.exclusions)} exclusions"
    ]
    for position, count in Counter(f.position_id for f in findings).most_common(6):
        lines.append(f"  {count:3d}  {position}")
    return lines


def _outline(scanned: Scanned) -> list[str]:
    lines = []
    for clause in scanned.draft.walk():
        if clause.level <= 2 and (clause.number or clause.title):
            lines.append("  " * clause.level + clause_heading(clause))
    return lines


def run_demo(
    output: Path, *, force: bool = False, echo: Callable[[str], None] = print
) -> list[DemoFile]:
    """Run the pipeline on the sample draft into `output`; return the files written."""
    targets = [output / "review.toml", output / "meta.toml"] + [output / n for _, n in OUTPUTS]
    if output.exists() and not output.is_dir():
        raise InputError(output, "is a file, not a folder for the demo's outputs")
    if not force:
        for target in targets:
            if target.exists():
                raise OutputExistsError(target)
    output.mkdir(parents=True, exist_ok=True)
    draft_path = sample_path(SAMPLE)
    scanned = scan_file(draft_path, ScanOptions())
    scanned = replace(scanned, label=f"samples/{SAMPLE}")
    meta = scanned.draft.metadata
    echo(f"draft: {draft_path}")
    echo(
        f"  {meta.recommendation or meta.title} ({meta.document_number}), {meta.place} {meta.date}"
    )
    echo("outline:")
    for line in _outline(scanned):
        echo(line)
    for line in _summary(scanned):
        echo(line)
    review = new_review(scanned.draft, scanned.result, scanned.library, draft_label=scanned.label)
    echo("review: scripted decisions of a demo delegate")
    review = _decide(review, echo)
    counts = review.counts()
    echo(
        f"  {counts['accepted']} accepted (one of them our own), {counts['rejected']} rejected, "
        f"{counts['proposed']} left as proposed"
    )
    written: list[DemoFile] = []

    def save(path: Path, data: bytes | str, what: str) -> None:
        payload = data.encode("utf-8") if isinstance(data, str) else data
        write_atomic(path, payload, force=True)
        written.append(DemoFile(path, what, len(payload)))

    save(output / "review.toml", dump_review(review), "review file (edit it, then run draft)")
    save(output / "meta.toml", DEMO_META, "contribution metadata")
    meta_file = load_meta_file(output / "meta.toml")
    for fmt, name in OUTPUTS:
        job, warnings = prepare_submission(
            scanned,
            fmt=fmt,
            review_path=output / "review.toml",
            meta_file=meta_file,
            meta_options=None,
        )
        result = draft_submission(job, fmt)
        for message in [*warnings, *result.warnings]:
            if "still 'proposed'" not in message:
                echo(f"  warning ({fmt}): {message}")
        figures = ", ".join(f"{v} {k.replace('_', ' ')}" for k, v in result.figures.items())
        save(output / name, result.data, f"{fmt}: {figures}")
    return written


__all__ = ["DECISIONS", "DEMO_META", "OUTPUTS", "DemoFile", "run_demo"]
