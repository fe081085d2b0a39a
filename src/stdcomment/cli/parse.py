"""`stdcomment parse`: read a draft and show its clause tree."""

from __future__ import annotations

from pathlib import Path

import click

from ..api import draft_to_json, read_draft, render_markdown, render_tree
from ..model import Body, write_json
from ..outputs import write_atomic
from .options import body_option, force_option, output_option, view_option


@click.command("parse")
@click.argument("draft", type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["tree", "json", "markdown"]),
    default="tree",
    show_default=True,
    help="tree: readable outline; json: the full model; markdown: the text with headings.",
)
@click.option("--blocks", is_flag=True, help="With --format tree: list every block too.")
@view_option
@body_option
@output_option
@force_option
def parse(
    draft: Path,
    fmt: str,
    blocks: bool,
    view: str,
    body: str | None,
    output: Path | None,
    force: bool,
) -> None:
    """Read DRAFT (.docx) into numbered clauses and print them.

    The clause numbers are the ones Word displays (typed or automatic numbering), annexes
    and appendices included; --view original shows the text with tracked changes rejected.
    """
    parsed = read_draft(draft, view=view, body=Body(body) if body else None)
    if fmt == "json" and output is None:  # written as it is made: a large draft's JSON
        write_json(parsed, _echo)  # is never held whole
        click.echo("")
        return
    if fmt == "json":
        text = draft_to_json(parsed)
    elif fmt == "markdown":
        text = render_markdown(parsed)
    else:
        text = render_tree(parsed, blocks=blocks)
    if output is not None:
        write_atomic(output, text, force=force)
        click.echo(f"wrote {output}", err=True)
    else:
        click.echo(text, nl=False)


def _echo(text: str) -> None:
    click.echo(text, nl=False)
