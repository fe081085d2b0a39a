"""`stdcomment positions eval`: precision, recall and F1 of the scan on labelled drafts."""

from __future__ import annotations

from pathlib import Path

import click

from ..batch import ScanSettings, build_scanner
from ..evaluation import evaluate, render_report
from ..resources import data_dir
from ..scan import DEFAULT_MIN_SCORE
from .options import positions_options

#: The evaluation splits of a source checkout, by document: tune on `dev`, report `test`.
SPLITS: dict[str, tuple[str, ...]] = {
    "dev": ("tests/eval/labels", "tests/eval/corpus/dev"),
    "test": ("tests/eval/heldout", "tests/eval/corpus/test"),
}


def split_folders(split: str) -> list[Path]:
    """The label folders of one split in a source checkout."""
    root = data_dir("positions").parent
    return [root / folder for folder in SPLITS[split]]


@click.command("eval")
@click.argument("labels", nargs=-1, type=click.Path(exists=True, path_type=Path))
@positions_options
@click.option(
    "--min-score",
    type=click.FloatRange(0, 100),
    default=DEFAULT_MIN_SCORE,
    show_default=True,
    help="The scan threshold to evaluate.",
)
@click.option("--details", is_flag=True, help="List every extra and missed finding.")
@click.option(
    "--split",
    type=click.Choice(sorted(SPLITS)),
    default="dev",
    show_default=True,
    help="Without LABELS: the development split (tune on it) or the frozen test split.",
)
@click.option("--by-kind", is_flag=True, help="Add totals per kind of document.")
def evaluate_command(
    labels: tuple[Path, ...],
    positions: tuple[Path, ...],
    only_positions: bool,
    min_score: float,
    details: bool,
    split: str,
    by_kind: bool,
) -> None:
    """Print precision, recall and F1 of the scan on LABELS (files or folders; default: the
    repository's development split, or `--split test`), overall and per position.

    A position author's tool: run it before and after changing a trigger to see whether the
    change finds more of what reviewers flag, or only adds noise.
    """
    targets = list(labels) or [f for f in split_folders(split) if f.is_dir()]
    for target in targets:
        if not target.exists():
            raise click.UsageError(f"{target}: no labels found; give a labels file or folder")
    scanner = build_scanner(
        ScanSettings(positions=tuple(str(p) for p in positions), bundled=not only_positions)
    )
    report = evaluate(targets, scanner, min_score=min_score)
    click.echo(render_report(report, details=details, by_kind=by_kind), nl=False)
