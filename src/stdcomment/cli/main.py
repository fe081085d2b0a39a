"""The `stdcomment` command: a click group; each command lives in its own module."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from typing import Any

import click

from .. import __version__
from ..errors import EXIT_INTERNAL, StdcommentError


class Group(click.Group):
    """A group that turns our errors into one line and a documented exit code."""

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


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="stdcomment")
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


def _register(loader: Callable[[], click.Command]) -> None:
    cli.add_command(loader())


def main() -> None:
    """Entry point of the console script."""
    cli(prog_name="stdcomment")


from .parse import parse as _parse  # noqa: E402

cli.add_command(_parse)

from .positions import positions as _positions_group  # noqa: E402

cli.add_command(_positions_group)

from .scan import scan as _scan  # noqa: E402

cli.add_command(_scan)

from .evaluate import evaluate_command as _evaluate  # noqa: E402

_positions_group.add_command(_evaluate)

from .review import review as _review  # noqa: E402

cli.add_command(_review)

from .draft import draft as _draft  # noqa: E402

cli.add_command(_draft)

from .demo import demo as _demo  # noqa: E402

cli.add_command(_demo)

from .diff import diff as _diff  # noqa: E402

cli.add_command(_diff)
