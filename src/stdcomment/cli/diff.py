"""`stdcomment diff`: compare two drafts clause by clause (or the two views of one draft)."""

from __future__ import annotations

from pathlib import Path

import click

from ..batch import ScanSettings, build_scanner
from ..diff.api import diff_files, render, write_diff
from ..diff.writers import FORMATS
from ..errors import OutputExistsError, UsageError
from ..model import Body
from ..scan import DEFAULT_MIN_SCORE
from .options import body_option, force_option, output_option, positions_options


@click.command("diff")
@click.argument(
    "drafts", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="OLD NEW"
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="text: changes like rfcdiff; markdown; html: side by side with a clause index; "
    "json: the whole diff; docx: the new draft as a redline with tracked changes (needs -o).",
)
@click.option(
    "--revisions",
    is_flag=True,
    help="Compare the original view (tracked changes rejected) of ONE draft with its current "
    "view (accepted).",
)
@click.option(
    "--review",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    metavar="FILE",
    help="A review file (TOML) of comments on OLD: say whether NEW adopted each accepted one.",
)
@positions_options
@click.option("--no-concerns", is_flag=True, help="Do not scan the drafts for the concerns delta.")
@click.option(
    "--min-score",
    type=click.FloatRange(0, 100),
    default=DEFAULT_MIN_SCORE,
    show_default=True,
    help="Concerns scoring at least this count in the concerns delta.",
)
@click.option(
    "--strict",
    is_flag=True,
    help="Count spacing, quote marks, soft hyphens, field codes and list labels as changes.",
)
@body_option
@output_option
@force_option
def diff(
    drafts: tuple[Path, ...],
    fmt: str,
    revisions: bool,
    review: Path | None,
    positions: tuple[Path, ...],
    only_positions: bool,
    no_concerns: bool,
    min_score: float,
    strict: bool,
    body: str | None,
    output: Path | None,
    force: bool,
) -> None:
    """Compare draft OLD with draft NEW clause by clause: DRAFTS is OLD NEW, or one draft
    with --revisions.

    Clauses are aligned across renumbering and moves (by number, then title and text), so a
    clause that went from 6.3 to 7.1 is renumbered, not removed and added; blocks inside
    aligned clauses and words inside changed blocks are compared, tables cell by cell.
    Spacing, quote marks and the like are not changes unless --strict. Both drafts are
    scanned against the positions to say which concerns are new, gone or persisting.
    """
    if revisions and len(drafts) != 1:
        raise UsageError("--revisions takes one draft (its two views are compared)")
    if not revisions and len(drafts) != 2:
        raise UsageError("give two drafts: OLD NEW (or one draft with --revisions)")
    if fmt == "docx" and output is None:
        raise UsageError("--format docx writes a file: give -o FILE")
    if output is not None and output.exists() and not force:
        raise OutputExistsError(output)
    scanner = None
    if not no_concerns:
        settings = ScanSettings(
            positions=tuple(str(p) for p in positions), bundled=not only_positions
        )
        scanner = build_scanner(settings)
    run = diff_files(
        drafts[0],
        drafts[1] if len(drafts) > 1 else None,
        revisions=revisions,
        strict=strict,
        body=Body(body) if body else None,
        scanner=scanner,
        min_score=min_score,
        review=review,
    )
    if output is not None:
        write_diff(run, fmt, output, force=force)
        click.echo(f"wrote {output}", err=True)
    else:
        text = render(run, fmt)
        assert isinstance(text, str)
        click.echo(text, nl=False)
