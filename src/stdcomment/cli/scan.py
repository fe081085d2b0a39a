"""`stdcomment scan`: find the clauses of one or more drafts that raise a position's concern."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import click

from ..batch import ScanSettings, draft_paths, scan_paths
from ..errors import EXIT_FINDINGS, EXIT_INPUT
from ..findings import ScanResult
from ..outputs import write_atomic
from ..scan import DEFAULT_MIN_SCORE
from ..scan_report import RENDERERS
from .options import body_option, force_option, output_option, positions_options, view_option


def _progress(results: Iterator[ScanResult], total: int) -> Iterator[ScanResult]:
    if total < 2 or not sys.stderr.isatty():
        yield from results
        return
    with click.progressbar(length=total, label="scanning", file=sys.stderr, show_pos=True) as bar:
        for result in results:
            bar.update(1)
            yield result


@click.command("scan")
@click.argument("drafts", nargs=-1, required=True, type=click.Path(path_type=Path))
@positions_options
@click.option(
    "--position",
    "only",
    multiple=True,
    metavar="ID",
    help="Scan for this position only (repeatable).",
)
@click.option(
    "--min-score",
    type=click.FloatRange(0, 100),
    default=DEFAULT_MIN_SCORE,
    show_default=True,
    help="Report findings scoring at least this (0-100).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(sorted(RENDERERS)),
    default="table",
    show_default=True,
    help="table: readable report; json: full evidence (input of review); csv; markdown.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Scan several drafts in parallel on this many processes.",
)
@click.option(
    "--fail-on-findings",
    is_flag=True,
    help="Exit 1 when any finding reaches --min-score (for CI, like a linter).",
)
@view_option
@body_option
@output_option
@force_option
def scan(
    drafts: tuple[Path, ...],
    positions: tuple[Path, ...],
    only_positions: bool,
    only: tuple[str, ...],
    min_score: float,
    fmt: str,
    jobs: int,
    fail_on_findings: bool,
    view: str,
    body: str | None,
    output: Path | None,
    force: bool,
) -> None:
    """Scan DRAFTS (files or folders) against the human-rights positions.

    Every clause is matched against every position's triggers; each finding says which
    words matched, where (clause, paragraph or table cell), how strong the requirement is,
    and the score (0-100).
    """
    settings = ScanSettings(
        positions=tuple(str(p) for p in positions),
        bundled=not only_positions,
        only=only,
        min_score=min_score,
        view=view,
        body=body,
    )
    paths = draft_paths(drafts)
    results = scan_paths(paths, settings, jobs=jobs, progress=_progress)
    text = RENDERERS[fmt](results)
    if output is not None:
        write_atomic(output, click.unstyle(text), force=force)
        click.echo(f"wrote {output}", err=True)
    else:
        click.echo(text, nl=False)
    errors = [r for r in results if r.error]
    for result in errors:
        click.echo(f"stdcomment: error: {result.error}", err=True)
    if errors and len(errors) == len(results):
        sys.exit(EXIT_INPUT)
    if fail_on_findings and any(r.findings for r in results):
        sys.exit(EXIT_FINDINGS)
