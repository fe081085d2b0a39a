"""Errors the user can act on, each with the exit code the CLI returns.

Exit codes (documented in the README):
  0  success
  1  findings at or above the threshold with `--fail-on-findings` (a result, not a failure)
  2  bad input or usage: unreadable or hostile file, invalid positions or review file,
     an output that exists without `--force`
 70  internal error (a bug): one line, `--debug` shows the traceback
"""

from __future__ import annotations

from pathlib import Path

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_INPUT = 2
EXIT_INTERNAL = 70


class StdcommentError(Exception):
    """An error reported to the user as one line, with an exit code."""

    exit_code = EXIT_INPUT


class InputError(StdcommentError):
    """A file that cannot be read as what it should be: `<file>: <problem>`."""

    def __init__(self, path: str | Path, problem: str, *, line: int | None = None) -> None:
        self.path = str(path)
        self.problem = problem
        self.line = line
        where = self.path if line is None else f"{self.path}:{line}"
        super().__init__(f"{where}: {problem}")


class UnsupportedFormatError(InputError):
    """A file whose format stdcomment does not read (legacy .doc, encrypted, unknown)."""


class OutputExistsError(StdcommentError):
    """An output file exists and `--force` was not given."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        super().__init__(f"{path}: exists; use --force to overwrite it")


class UsageError(StdcommentError):
    """Options that do not fit together."""
