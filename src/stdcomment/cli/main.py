"""The `stdcomment` command: a click group; each command lives in its own module.

The commands are imported only when invoked (click's lazy-group pattern): `stdcomment
--version` and `--help` load none of them, and `stdcomment parse` does not load the scanner,
the diff or the writers. `COMMANDS` names each command's module and the short help that
`stdcomment --help` lists (tests check it against the command's own help).
"""

from __future__ import annotations

import importlib
import logging
import sys
import traceback
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import click

from ..errors import EXIT_INTERNAL, StdcommentError


@dataclass(frozen=True, slots=True)
class LazyCommand:
    """Where a command lives (`stdcomment.cli.<module>.<attribute>`) and its short help."""

    module: str
    attribute: str
    short_help: str
    #: commands of other modules added to this group when it loads: (module, attribute)
    extra: tuple[tuple[str, str], ...] = ()

    def load(self) -> click.Command:
        """Import the command (and attach its extra sub-commands)."""
        command: object = getattr(
            importlib.import_module(f"{__package__}.{self.module}"), self.attribute
        )
        if not isinstance(command, click.Command):
            raise TypeError(f"{self.module}.{self.attribute} is not a click command")
        if self.extra and isinstance(command, click.Group):
            for module, attribute in self.extra:
                sub = getattr(importlib.import_module(f"{__package__}.{module}"), attribute)
                if sub.name not in command.commands:
                    command.add_command(sub)
        return command


#: name -> where the command lives and the short help `stdcomment --help` lists.
COMMANDS: dict[str, LazyCommand] = {
    "demo": LazyCommand(
        "demo",
        "demo",
        "Parse, scan and review the sample ITU-T draft, then write every submission format.",
    ),
    "diff": LazyCommand(
        "diff",
        "diff",
        "Compare draft OLD with draft NEW clause by clause: DRAFTS is OLD NEW, or one draft "
        "with --revisions.",
    ),
    "draft": LazyCommand(
        "draft", "draft", "Draft the submission on DRAFT in one of the bodies' formats."
    ),
    "parse": LazyCommand(
        "parse", "parse", "Read DRAFT (.docx) into numbered clauses and print them."
    ),
    "positions": LazyCommand(
        "positions",
        "positions",
        "Browse and check the human-rights position library.",
        extra=(("evaluate", "evaluate_command"),),
    ),
    "review": LazyCommand(
        "review",
        "review",
        "Write the review file of DRAFT: one entry per finding, ready to edit.",
    ),
    "scan": LazyCommand(
        "scan", "scan", "Scan DRAFTS (files or folders) against the human-rights positions."
    ),
}


class Group(click.Group):
    """A group that loads its commands on first use and turns our errors into one line and a
    documented exit code."""

    def __init__(
        self, *args: Any, lazy_commands: Mapping[str, LazyCommand] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.lazy_commands = dict(lazy_commands or {})

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *self.lazy_commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in self.lazy_commands:
            self.add_command(self.lazy_commands[cmd_name].load(), cmd_name)
        return super().get_command(ctx, cmd_name)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        try:
            return super().resolve_command(ctx, args)
        except click.UsageError as exc:
            no_such = getattr(click.exceptions, "NoSuchCommand", None)  # click 8.4 and later
            if no_such is None or not isinstance(exc, no_such):
                raise
            # suggest among every command ("Did you mean 'parse'?"), not only those loaded
            raise no_such(
                exc.command_name, possibilities=self.list_commands(ctx), ctx=ctx
            ) from None

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """List the commands with their short help, without importing those not yet loaded."""
        commands: list[tuple[str, click.Command]] = []
        for name in self.list_commands(ctx):
            command = self.commands.get(name)
            if command is None:
                # a stand-in holding the stored short help: click shortens it the same way
                command = click.Command(name, help=self.lazy_commands[name].short_help)
            if not command.hidden:
                commands.append((name, command))
        if commands:
            limit = formatter.width - 6 - max(len(name) for name, _ in commands)
            rows = [(name, command.get_short_help_str(limit)) for name, command in commands]
            with formatter.section("Commands"):
                formatter.write_dl(rows)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except StdcommentError as exc:
            click.echo(f"stdcomment: error: {exc}", err=True)
            if ctx.obj and ctx.obj.get("debug"):
                traceback.print_exc()
            ctx.exit(exc.exit_code)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except KeyboardInterrupt:
            click.echo("stdcomment: interrupted", err=True)
            ctx.exit(130)
        except BrokenPipeError:
            sys.stderr.close()
            ctx.exit(0)
        except Exception as exc:
            if ctx.obj and ctx.obj.get("debug"):
                traceback.print_exc()
            click.echo(
                f"stdcomment: internal error: {type(exc).__name__}: {exc} "
                "(run with --debug for the traceback, and please report it)",
                err=True,
            )
            ctx.exit(EXIT_INTERNAL)


def _print_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    """Print the version (read from the package metadata only when asked) and exit."""
    if not value or ctx.resilient_parsing:
        return
    import stdcomment

    click.echo(f"stdcomment, version {stdcomment.__version__}")
    ctx.exit()


@click.group(
    cls=Group,
    lazy_commands=COMMANDS,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_print_version,
    help="Show the version and exit.",
)
@click.option("-v", "--verbose", count=True, help="Say more about what is done (repeatable).")
@click.option("--debug", is_flag=True, help="Show tracebacks and debug logging.")
@click.pass_context
def cli(ctx: click.Context, verbose: int, debug: bool) -> None:
    """Read draft standards clause by clause, scan them against human-rights positions,
    and draft comments for ITU-T, IEEE SA and ISO/IEC.

    \b
    Exit codes: 0 ok; 1 findings with --fail-on-findings; 2 bad input or usage;
    70 internal error.
    """
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug
    ctx.obj["verbose"] = verbose
    level = logging.DEBUG if debug else logging.INFO if verbose else logging.WARNING
    logging.basicConfig(level=level, format="stdcomment: %(levelname)s: %(message)s")


def main() -> None:
    """Entry point of the console script."""
    cli(prog_name="stdcomment")
