"""`stdcomment draft`: write the submission (ITU-T contribution, IEEE CSV, ISO form, brief)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..contribution import MetaOptions, load_meta_file, parse_contact
from ..drafting import (
    ScanOptions,
    default_output,
    draft_submission,
    prepare_submission,
    scan_file,
)
from ..outputs import write_atomic
from ..scan import DEFAULT_MIN_SCORE
from ..writers import WRITERS
from .options import body_option, force_option, positions_options, view_option
from .review import templates_option

_META_OPTIONS = (
    ("study_group", "--study-group", "Study group number, e.g. 16."),
    ("study_period", "--study-period", "Study period, e.g. 2025-2028 (default: from the date)."),
    ("place", "--place", "Meeting place, e.g. Geneva."),
    ("meeting_date", "--meeting-date", "Meeting dates, e.g. '3-13 March 2026'."),
    ("source", "--source", "Source organization (also the author of the revision marks)."),
    ("title", "--title", "Title (default: 'Proposed modifications to <draft>')."),
    ("document_number", "--document-number", "Document number, e.g. SG16-C123."),
    ("date", "--date", "Date YYYY-MM-DD (default: SOURCE_DATE_EPOCH, else today)."),
    ("member_body", "--member-body", "ISO/IEC member body code, e.g. GB (ISO form)."),
    ("ieee_voter", "--ieee-voter", "IEEE voter name, 'Last, First'."),
)


def _meta_option(key: str, flag: str, text: str) -> click.Option:
    return click.Option([flag, key], default=None, metavar="TEXT", help=text)


def _warn(message: str) -> None:
    click.echo(f"stdcomment: warning: {message}", err=True)


@click.command("draft")
@click.argument("draft", type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(WRITERS)),
    required=True,
    help="itu-t: contribution .docx; ieee: ballot comments .csv; iso: commenting template "
    ".docx; markdown / html: brief for allies.",
)
@click.option(
    "--review",
    "review_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="The review file: its accepted entries are submitted. Without it, every finding "
    "at or above --min-score is (with a warning).",
)
@click.option(
    "--meta",
    "meta_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Contribution metadata (TOML): see `docs/usage-review-draft.md`.",
)
@click.option("--doc-type", type=click.Choice(["C", "TD"]), default=None,
              help="ITU-T document type: C (contribution) or TD.")  # fmt: skip
@click.option("--question", "questions", multiple=True, metavar="Q",
              help="Question, e.g. 12/16 (repeatable).")  # fmt: skip
@click.option("--contact", "contacts", multiple=True, metavar="'NAME|ORG|COUNTRY|TEL|EMAIL'",
              help="A contact person (repeatable).")  # fmt: skip
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Output file (default: <draft name><format suffix>); '-' writes text formats to "
    "standard output.",
)
@force_option
@templates_option
@positions_options
@click.option(
    "--min-score",
    type=click.FloatRange(0, 100),
    default=DEFAULT_MIN_SCORE,
    show_default=True,
    help="Without --review: the findings submitted.",
)
@view_option
@body_option
def draft(
    draft: Path,
    fmt: str,
    review_path: Path | None,
    meta_path: Path | None,
    doc_type: str | None,
    questions: tuple[str, ...],
    contacts: tuple[str, ...],
    output: Path | None,
    force: bool,
    templates: tuple[Path, ...],
    positions: tuple[Path, ...],
    only_positions: bool,
    min_score: float,
    view: str,
    body: str | None,
    **meta_values: str | None,
) -> None:
    """Draft the submission on DRAFT in one of the bodies' formats.

    \b
    itu-t     ITU-T contribution (.docx): header table, abstract, discussion by concern,
              proposal with the changes as Word revision marks, summary table, references
    ieee      IEEE SA ballot comments (.csv) with the upload columns
    iso       ISO/IEC commenting template 2012-03 (.docx, A4 landscape)
    markdown  brief for allies (.md)
    html      self-contained brief for allies (.html)
    """
    values = {key: meta_values.get(key) or "" for key, _, _ in _META_OPTIONS}
    if doc_type:
        values["doc_type"] = doc_type
    if questions:
        values["questions"] = ", ".join(questions)
    options = MetaOptions(values=values, contacts=[parse_contact(c) for c in contacts])
    meta_file = load_meta_file(meta_path) if meta_path is not None else None
    scan_options = ScanOptions(
        positions=positions, bundled=not only_positions, min_score=min_score, view=view, body=body
    )
    writer = WRITERS[fmt]
    target = output or default_output(draft, fmt)
    if str(target) != "-" and target.exists() and not force:
        write_atomic(target, b"", force=False)  # raises the one-line "exists" error
    scanned = scan_file(draft, scan_options)
    job, warnings = prepare_submission(
        scanned,
        fmt=fmt,
        review_path=review_path,
        meta_file=meta_file,
        meta_options=options,
        templates=templates,
    )
    result = draft_submission(job, fmt)
    for message in [*warnings, *result.warnings]:
        _warn(message)
    if str(target) == "-":
        if writer.binary:
            raise click.UsageError(f"--format {fmt} writes a binary file: give -o FILE")
        sys.stdout.write(result.data.decode("utf-8"))
        return
    write_atomic(target, result.data, force=force)
    figures = ", ".join(f"{v} {k.replace('_', ' ')}" for k, v in result.figures.items())
    click.echo(f"wrote {target} ({writer.description}; {len(result.data):,} bytes; {figures})")


for _key, _flag, _text in reversed(_META_OPTIONS):
    draft.params.insert(4, _meta_option(_key, _flag, _text))
