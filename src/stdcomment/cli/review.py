"""`stdcomment review`: write (or merge into) the review file of a draft."""

from __future__ import annotations

from pathlib import Path

import click

from ..drafting import ScanOptions, review_draft, scan_file
from ..outputs import write_atomic
from ..scan import DEFAULT_MIN_SCORE
from .options import body_option, positions_options, view_option

templates_option = click.option(
    "--templates",
    "templates",
    multiple=True,
    type=click.Path(file_okay=False, path_type=Path),
    metavar="DIR",
    help="A folder of templates that override the bundled ones file by file (repeatable).",
)


@click.command("review")
@click.argument("draft", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="The review file (default: <draft name>.review.toml). An existing file is merged into.",
)
@positions_options
@click.option(
    "--min-score",
    type=click.FloatRange(0, 100),
    default=DEFAULT_MIN_SCORE,
    show_default=True,
    help="Findings scoring at least this become entries.",
)
@view_option
@body_option
@templates_option
def review(
    draft: Path,
    output: Path | None,
    positions: tuple[Path, ...],
    only_positions: bool,
    min_score: float,
    view: str,
    body: str | None,
    templates: tuple[Path, ...],
) -> None:
    """Write the review file of DRAFT: one entry per finding, ready to edit.

    Each entry names the clause, the quoted text, the position and its score, with the
    comment and proposed change pre-filled (status = "proposed"). Edit it in any editor:
    accept or reject entries, rewrite comments, add your own (origin = "manual").

    Run it again after the draft, the positions or --min-score change: the file is merged,
    not overwritten. Decisions and edits are kept, entries follow renumbered clauses, and
    entries whose quoted text is gone are marked "stale", never deleted.
    """
    target = output or Path(draft.stem + ".review.toml")
    options = ScanOptions(
        positions=positions, bundled=not only_positions, min_score=min_score, view=view, body=body
    )
    scanned = scan_file(draft, options)
    result = review_draft(scanned, existing=target, templates=templates)
    write_atomic(target, result.text, force=True)
    counts = result.review.counts()
    status = ", ".join(f"{n} {s}" for s, n in counts.items() if n)
    if result.merged is None:
        click.echo(f"wrote {target}: {len(result.review.entries)} entries ({status or 'none'})")
    else:
        if result.previous_draft and result.previous_draft != result.review.draft:
            click.echo(
                f"note: {target} was made for {result.previous_draft}; its entries now follow "
                f"{result.review.draft}"
            )
        click.echo(
            f"merged into {target}: {len(result.review.entries)} entries "
            f"({result.merged.summary()}; {status})"
        )
        statuses = {e.id: e.status for e in result.review.entries}
        for entry_id, old, new in result.merged.moved:
            if statuses.get(entry_id) != "proposed":  # the entries you decided on
                click.echo(f"  {entry_id} ({statuses.get(entry_id)}): {old} -> {new}")
        for entry_id in result.merged.stale:
            click.echo(f"  {entry_id}: stale (its quoted text is no longer in the draft)")
    click.echo(
        'next: edit the file (status = "accepted" for what you submit), then '
        f"`stdcomment draft {draft} --review {target} --format itu-t|ieee|iso|markdown|html`"
    )
