"""`stdcomment demo`: run the whole pipeline on the bundled sample draft."""

from __future__ import annotations

from pathlib import Path

import click

from ..demo import run_demo


@click.command("demo")
@click.option(
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("demo-output"),
    show_default=True,
    help="The folder to write into (created if needed).",
)
@click.option("--force", is_flag=True, help="Overwrite the demo's files if they exist.")
def demo(output: Path, force: bool) -> None:
    """Parse, scan and review the sample ITU-T draft, then write every submission format.

    The review takes a few scripted decisions (accept six concerns, reject two false
    positives, rewrite one comment, add one comment of our own), then writes the ITU-T
    contribution, the IEEE ballot comments, the ISO/IEC commenting form and the briefs.
    """
    files = run_demo(output, force=force, echo=click.echo)
    click.echo(f"wrote {len(files)} files into {output}/:")
    for item in files:
        click.echo(f"  {item.path}  ({item.size:,} bytes; {item.what})")
    click.echo(
        f"open {output / 'contribution.docx'} in Word or LibreOffice to see the proposed "
        "changes as revision marks"
    )
