"""The CLI loads a command's module only when that command runs; `--help` lists every command
with the short help stored in `cli.main.COMMANDS`, which must match the command's own help."""

from __future__ import annotations

import json
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from stdcomment.cli.main import COMMANDS, Group, cli


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_stored_short_help_matches_the_command(name: str) -> None:
    command = COMMANDS[name].load()
    assert command.name == name
    assert not command.hidden
    # with no limit, click's short help is the first sentence of the docstring
    assert command.get_short_help_str(10_000) == COMMANDS[name].short_help


def test_every_command_module_is_listed() -> None:
    from pathlib import Path

    import stdcomment.cli

    folder = Path(stdcomment.cli.__file__).parent
    helpers = {"__init__", "main", "options"}
    extras = {module for entry in COMMANDS.values() for module, _ in entry.extra}
    modules = {p.stem for p in folder.glob("*.py")} - helpers - extras
    registered = {entry.module for entry in COMMANDS.values()}
    assert modules == registered, (
        "each command module of stdcomment/cli/ is registered in cli.main.COMMANDS (name, "
        "module, attribute, short help); a helper module goes into `helpers` here"
    )


def test_positions_group_keeps_its_own_and_added_subcommands() -> None:
    group = COMMANDS["positions"].load()
    assert isinstance(group, click.Group)
    assert {"list", "show", "check", "eval"} <= set(group.commands)


@pytest.mark.parametrize("width", [50, 80, 120])
def test_help_lists_what_the_loaded_commands_say(width: int) -> None:
    lazy = Group(name="stdcomment", lazy_commands=COMMANDS, params=cli.params, help=cli.help)
    eager = click.Group(name="stdcomment", params=cli.params, help=cli.help)
    for name, entry in COMMANDS.items():
        eager.add_command(entry.load(), name)
    runner = CliRunner()
    lazy_help = runner.invoke(lazy, ["--help"], terminal_width=width, max_content_width=width)
    eager_help = runner.invoke(eager, ["--help"], terminal_width=width, max_content_width=width)
    assert lazy_help.exit_code == eager_help.exit_code == 0
    assert lazy_help.output == eager_help.output
    for name in COMMANDS:
        assert f"  {name} " in lazy_help.output


_PROBE = """
import json, sys
from stdcomment.cli.main import cli
try:
    cli(sys.argv[1:], prog_name="stdcomment")
except SystemExit:
    pass
loaded = sorted(m for m in sys.modules if m.startswith("stdcomment"))
print(json.dumps(loaded), file=sys.stderr)
"""


def _modules_after(*args: str) -> tuple[str, list[str]]:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, *args], capture_output=True, text=True, check=True
    )
    return done.stdout, json.loads(done.stderr.strip().splitlines()[-1])


@pytest.mark.parametrize("args", [("--version",), ("--help",)])
def test_version_and_help_load_no_command(args: tuple[str, ...]) -> None:
    output, loaded = _modules_after(*args)
    assert output.startswith("stdcomment, version " if args == ("--version",) else "Usage:")
    assert not [m for m in loaded if m.startswith("stdcomment.cli.") and m != "stdcomment.cli.main"]
    for heavy in ("stdcomment.scan", "stdcomment.diff", "stdcomment.readers", "stdcomment.writers"):
        assert heavy not in loaded


def test_parse_help_loads_only_parse() -> None:
    _, loaded = _modules_after("parse", "--help")
    commands = {m for m in loaded if m.startswith("stdcomment.cli.")}
    assert commands <= {"stdcomment.cli.main", "stdcomment.cli.parse", "stdcomment.cli.options"}
    for heavy in ("stdcomment.scan", "stdcomment.diff", "stdcomment.writers", "stdcomment.batch"):
        assert heavy not in loaded


def test_a_mistyped_command_is_suggested_among_all_commands() -> None:
    lazy = Group(name="stdcomment", lazy_commands=COMMANDS)
    result = CliRunner().invoke(lazy, ["pars"])
    assert result.exit_code == 2
    assert "No such command 'pars'" in result.output
    if hasattr(click.exceptions, "NoSuchCommand"):  # click 8.4 and later suggest
        assert "Did you mean 'parse'?" in result.output
