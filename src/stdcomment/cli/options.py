"""Options shared by several commands."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

view_option = click.option(
    "--view",
    type=click.Choice(["current", "original"]),
    default="current",
    show_default=True,
    help="Tracked changes: current = all accepted (what Word shows), original = all rejected.",
)
body_option = click.option(
    "--body",
    type=click.Choice(["itu-t", "ieee", "iso"]),
    default=None,
    help="The standards body whose conventions the draft follows (default: detected).",
)
output_option = click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write to this file instead of standard output.",
)
force_option = click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")


F = TypeVar("F", bound=Callable[..., Any])


def positions_options(func: F) -> F:
    """Add --positions DIR (repeatable) and --only-positions to a command."""
    func = click.option(
        "--only-positions",
        is_flag=True,
        help="Use only the --positions folders, not the bundled library.",
    )(func)
    return click.option(
        "--positions",
        multiple=True,
        type=click.Path(file_okay=False, path_type=Path),
        metavar="DIR",
        help="A folder of position files on top of the bundled library (repeatable); "
        "its files override bundled ids.",
    )(func)
