"""`stdcomment positions`: list, show and check the human-rights position library."""

from __future__ import annotations

import re
import shutil
import textwrap
from collections.abc import Sequence
from pathlib import Path

import click

from ..errors import UsageError
from ..positions import (
    BODIES,
    Position,
    PositionLibrary,
    check_positions,
    load_positions,
    position_files,
    render_comment,
    sample_context,
)
from ..resources import data_dir

_FOLDER = click.Path(exists=True, file_okay=False, dir_okay=True, path_type=Path)


def _library(folders: Sequence[Path], only: bool) -> PositionLibrary:
    if only and not folders:
        raise UsageError("--only needs at least one --positions DIR")
    return load_positions(list(folders), bundled=not only)


def _width() -> int:
    return max(60, min(shutil.get_terminal_size((120, 24)).columns, 160))


_SYMBOL = re.compile(r"\b[A-Z]/(?:HRC/)?\d+/\d+\b")
_NUMBERED = re.compile(r"General (Comment|Recommendation) No\. (\d+)")


def _short_instrument(instrument: str) -> str:
    """A short name for the list: "ICCPR", "CCPR GC 34", "A/HRC/44/57", "ILO Code"."""
    if " " not in instrument:
        return instrument
    symbol = _SYMBOL.search(instrument)
    if symbol:
        return symbol.group(0)
    numbered = _NUMBERED.search(instrument)
    if numbered:
        kind = "GC" if numbered.group(1) == "Comment" else "GR"
        if "Rights of the Child" in instrument:
            prefix = "CRC"
        elif instrument.startswith("CERD"):
            prefix = "CERD"
        else:
            prefix = "CCPR"
        return f"{prefix} {kind} {numbered.group(2)}"
    if instrument.startswith("ILO Convention"):
        return "ILO C" + "".join(ch for ch in instrument if ch.isdigit())
    if instrument.startswith("ILO Code"):
        return "ILO Code"
    return instrument if len(instrument) <= 16 else instrument[:15] + "…"


def _compact_rights(position: Position) -> str:
    """Group the rights by instrument: "ICCPR 17, 19; UDHR 12; CCPR GC 34; UNGPs"."""
    groups: dict[str, list[str]] = {}
    for right in position.rights:
        symbol = _SYMBOL.search(right.article)
        name = symbol.group(0) if symbol else _short_instrument(right.instrument)
        articles = groups.setdefault(name, [])
        if " " not in right.instrument:
            articles.append(re.sub(r"^(arts?\.|Principles?|paras?\.)\s*", "", right.article))
    return "; ".join(
        f"{name} {', '.join(articles)}" if articles else name for name, articles in groups.items()
    )


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(1, width - 1)] + "…"


@click.group("positions")
def positions() -> None:
    """Browse and check the human-rights position library.

    \b
    The bundled library lives in positions/ (one TOML file per position);
    --positions DIR adds a folder of your own on top (your files replace
    bundled ones with the same id), --only uses your folders alone.
    """


@positions.command("list")
@click.option(
    "--positions",
    "folders",
    multiple=True,
    type=_FOLDER,
    metavar="DIR",
    help="A folder of position files to use on top of the bundled library (repeatable).",
)
@click.option(
    "--only",
    "--only-positions",
    "only",
    is_flag=True,
    help="Use only the --positions folders, not the bundled library.",
)
def list_positions(folders: tuple[Path, ...], only: bool) -> None:
    """List the positions: id, title, rights and number of triggers."""
    library = _library(folders, only)
    width = _width()
    id_width = max([len("ID"), *(len(p.id) for p in library)])
    title_width = 40
    rights_width = max(24, width - id_width - title_width - 14)
    header = f"{'ID':<{id_width}}  {'TITLE':<{title_width}}  {'RIGHTS':<{rights_width}}  TRIGGERS"
    click.echo(header)
    for position in library:
        click.echo(
            f"{position.id:<{id_width}}  {_clip(position.title, title_width):<{title_width}}  "
            f"{_clip(_compact_rights(position), rights_width):<{rights_width}}  "
            f"{len(position.triggers):>8}"
        )
    sources = ", ".join(str(s) for s in library.sources)
    click.echo(f"{len(library)} positions from {sources}")


def _block(label: str, text: str, width: int, indent: str = "  ") -> list[str]:
    lines = [label] if label else []
    for number, paragraph in enumerate(text.strip().split("\n\n")):
        if number:
            lines.append("")
        flat = " ".join(paragraph.split())
        lines.extend(
            textwrap.wrap(flat, width=width, initial_indent=indent, subsequent_indent=indent)
            or [""]
        )
    return lines


def _show_lines(position: Position, width: int, source: bool) -> list[str]:
    out: list[str] = [f"{position.id}: {position.title}", f"  file: {position.path}", ""]
    out += _block("Stance", position.stance, width)
    out += ["", *_block("Rationale", position.rationale, width)]
    out += ["", "Rights"]
    for right in position.rights:
        text = right.cite() + (f" ({right.note})" if right.note else "")
        out += textwrap.wrap(text, width=width, initial_indent="  - ", subsequent_indent="    ")
    if position.report:
        out += ["", "In the report (ARTICLE 19, Emotional Entanglement, 2021)"]
        for ref in position.report:
            out += textwrap.wrap(
                ref.cite(), width=width, initial_indent="  - ", subsequent_indent="    "
            )
    if position.evidence:
        out += ["", "Evidence"]
        for number, item in enumerate(position.evidence, 1):
            out += textwrap.wrap(
                f"{item.fact} [{item.section}]",
                width=width,
                initial_indent=f"  {number}. ",
                subsequent_indent="     ",
            )
            if item.quote:
                out += textwrap.wrap(
                    f"Quotation: \u201c{item.quote}\u201d ({item.section})",
                    width=width,
                    initial_indent="     ",
                    subsequent_indent="     ",
                )
    out += ["", f"Triggers ({len(position.triggers)})"]
    for trigger in position.triggers:
        line = f"{trigger.weight:.2f}  {trigger.phrase}"
        extras = []
        if trigger.context:
            extras.append("only near: " + ", ".join(trigger.context))
        if trigger.exclude:
            extras.append("not in: " + ", ".join(trigger.exclude))
        out += textwrap.wrap(line, width=width, initial_indent="  ", subsequent_indent="        ")
        if trigger.pattern:  # a regular expression is printed whole, never wrapped
            out.append(f"        pattern {trigger.pattern}")
        for extra in extras:
            out += textwrap.wrap(
                extra,
                width=width,
                initial_indent="        ",
                subsequent_indent="          ",
            )
    if position.subject:
        from ..scan import SUBJECT_FACTOR

        out += ["", "Counts more in drafts about"]
        out += textwrap.wrap(
            ", ".join(position.subject)
            + " (named in the title, top-level headings, opening paragraph or scope: "
            f"scores ×{SUBJECT_FACTOR:g})",
            width=width,
            initial_indent="  ",
            subsequent_indent="  ",
        )
    if position.exclude:
        out += ["", "Never counted inside"]
        out += textwrap.wrap(
            "; ".join(position.exclude), width=width, initial_indent="  ", subsequent_indent="  "
        )
    out += ["", "What we ask"]
    for action in position.actions:
        out += textwrap.wrap(
            f"[{action.kind}] {action.summary}",
            width=width,
            initial_indent="  - ",
            subsequent_indent="    ",
        )
        if action.model_text:
            out += _block("", action.model_text, width, indent="      ")
    out += [
        "",
        "Comments, rendered for a sample finding (clause 6.2, a requirement)",
    ]
    for body in BODIES:
        rendered = render_comment(position, body, sample_context(position, body=body))
        templates = position.templates(body)
        if body == "ieee":
            label = (
                f"IEEE ({rendered.category}, must be satisfied: "
                f"{'yes' if rendered.must_be_satisfied else 'no'})"
            )
        elif body == "iso":
            label = f"ISO/IEC (type {rendered.type})"
        else:
            label = "ITU-T (discussion)"
        out += ["", f"  {label}"]
        out += _block("", rendered.comment, width, indent="    ")
        out += ["    Proposed change:"]
        out += _block("", rendered.proposed_change, width, indent="    ")
        if source:
            out += ["    Template source (comment):"]
            out += ["      " + line for line in templates.comment.splitlines()]
            out += ["    Template source (proposed change):"]
            out += ["      " + line for line in templates.proposed_change.splitlines()]
    return out


@positions.command("show")
@click.argument("position_id", metavar="ID")
@click.option(
    "--positions",
    "folders",
    multiple=True,
    type=_FOLDER,
    metavar="DIR",
    help="A folder of position files to use on top of the bundled library (repeatable).",
)
@click.option(
    "--only",
    "--only-positions",
    "only",
    is_flag=True,
    help="Use only the --positions folders, not the bundled library.",
)
@click.option(
    "--source", is_flag=True, help="Also print the jinja2 source of the comment templates."
)
def show_position(position_id: str, folders: tuple[Path, ...], only: bool, source: bool) -> None:
    """Show everything about one position, readably, with its comments rendered."""
    library = _library(folders, only)
    position = library.get(position_id)
    if position is None:
        raise UsageError(f"unknown position {position_id!r}; known: {', '.join(library.ids)}")
    click.echo("\n".join(_show_lines(position, _width() - 2, source)))


@positions.command("check")
@click.argument("folder", required=False, type=_FOLDER, metavar="[DIR]")
@click.option("--strict", is_flag=True, help="Treat warnings as errors (exit 2 on any problem).")
@click.pass_context
def check_command(ctx: click.Context, folder: Path | None, strict: bool) -> None:
    """Validate the bundled library, or the position files in DIR.

    Prints each problem on one line (file:line: field: problem). Exit 2 on any error
    (or, with --strict, any warning); 0 otherwise.
    """
    target = folder if folder is not None else data_dir("positions")
    problems = check_positions(target)
    for problem in problems:
        click.echo(str(problem))
    errors = [p for p in problems if p.severity == "error"]
    warnings = [p for p in problems if p.severity == "warning"]
    if errors or (strict and warnings):
        files = len({p.path for p in (problems if strict else errors)})
        counted = len(problems) if strict else len(errors)
        click.echo(
            f"stdcomment: error: {counted} problem{'s' if counted != 1 else ''} "
            f"in {files} file{'s' if files != 1 else ''} of {target}",
            err=True,
        )
        ctx.exit(2)
    count = len(position_files(target))
    suffix = f" ({len(warnings)} warning{'s' if len(warnings) != 1 else ''})" if warnings else ""
    click.echo(f"{count} positions OK{suffix}")


@positions.command("explain")
@click.argument("text")
@click.option("--title", default="", help="A clause title to use as context.")
@click.option("--words", is_flag=True, help="Also list every word with its lemma.")
@click.option(
    "--positions",
    "folders",
    multiple=True,
    type=_FOLDER,
    help="A folder of your own positions (and concepts/) on top of the bundled library.",
)
@click.option("--only", is_flag=True, help="Use the --positions folders alone.")
def explain_command(
    text: str, title: str, words: bool, folders: tuple[Path, ...], only: bool
) -> None:
    """Show which concepts and triggers fire on TEXT, and why others do not.

    TEXT is scanned as a body paragraph. The output lists the concept words found, each
    trigger that fires (what it needs, the words it matched, its strength), the score each
    position would get, triggers one concept short, and matches cancelled by a `not_near`
    concept, an exclusion or missing context.
    """
    from ..explain import explain_text
    from ..scan import Scanner

    library = _library(folders, only)
    click.echo(explain_text(Scanner(library), text, title=title, words=words), nl=False)


__all__ = ["positions"]
