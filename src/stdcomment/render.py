"""The shared jinja2 set-up: one configuration for position comments and output templates.

Every template (a comment wording in a position file, or a writer's template in `templates/`)
is rendered with the same rules:

- `StrictUndefined`: a misspelt or missing variable is an error, never silently empty text;
- `autoescape=False`: the output is plain text (writers escape for their own formats);
- `trim_blocks` and `lstrip_blocks`: `{% if %}` lines leave no stray blank lines or indents;
- a sandbox: templates may come from a user's folder (`--positions DIR`, `--templates DIR`)
  shared between delegates, so they may not reach Python internals.

`render_string` renders one template held in a string (a position's comment wording);
`environment` builds a loader over a user folder first and the bundled `templates/` second,
for the writers.
"""

from __future__ import annotations

import contextlib
import traceback
from collections.abc import Iterable, Mapping, Sequence
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from jinja2 import (
    BaseLoader,
    FileSystemLoader,
    StrictUndefined,
    Template,
    TemplateSyntaxError,
    UndefinedError,
    meta,
    nodes,
)
from jinja2.exceptions import SecurityError, TemplateError
from jinja2.sandbox import SandboxedEnvironment

from .errors import InputError
from .resources import data_dir

#: The name jinja gives to templates compiled from a string (used to find error lines).
_STRING_TEMPLATE_NAME = "<template>"


class RenderError(InputError):
    """A template that cannot be compiled or rendered: `<origin>[:<line>]: <problem>`.

    `template_line` is the line inside the template text (1-based) where jinja places the
    problem, when it knows it; `line` (from `InputError`) is the line in the file, when the
    caller knows where the template starts.
    """

    def __init__(
        self,
        origin: str | Path,
        problem: str,
        *,
        line: int | None = None,
        template_line: int | None = None,
    ) -> None:
        self.template_line = template_line
        super().__init__(origin, problem, line=line)


def and_join(items: Iterable[object], last: str = "and") -> str:
    """Join items as prose: "a", "a and b", "a, b and c"."""
    words = [str(item) for item in items]
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {last} {words[-1]}"


def _configure(env: SandboxedEnvironment) -> SandboxedEnvironment:
    env.filters["and_join"] = and_join
    return env


def _new_environment(loader: BaseLoader | None = None) -> SandboxedEnvironment:
    return _configure(
        SandboxedEnvironment(
            loader=loader,
            undefined=StrictUndefined,
            autoescape=False,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
        )
    )


@cache
def string_environment() -> SandboxedEnvironment:
    """Return the environment used for templates held in strings (no loader)."""
    return _new_environment()


def environment(template_dirs: Sequence[str | Path] = ()) -> SandboxedEnvironment:
    """Return an environment loading templates from `template_dirs`, then the bundled ones.

    A user folder given first overrides a bundled template of the same name
    (`--templates DIR`). The bundled folder is `data_dir("templates")`.
    """
    search = [str(Path(d)) for d in template_dirs]
    with contextlib.suppress(FileNotFoundError):  # a broken installation: user folders only
        search.append(str(data_dir("templates")))
    return _new_environment(FileSystemLoader(search))


def _template_line(exc: BaseException) -> int | None:
    """Return the template line of the innermost frame that belongs to a compiled template."""
    line: int | None = None
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename == _STRING_TEMPLATE_NAME and frame.lineno is not None:
            line = frame.lineno
    return line


@lru_cache(maxsize=1024)
def _compile_cached(source: str) -> tuple[Template, frozenset[str]]:
    env = string_environment()
    tree = env.parse(source)
    names = frozenset(meta.find_undeclared_variables(tree)) - set(env.globals)
    code = env.compile(tree)
    return env.template_class.from_code(env, code, env.make_globals(None)), names


#: Names a template may read without the context providing them.
_BUILTIN_NAMES = frozenset({"loop", "self", "caller", "varargs", "kwargs"})


@lru_cache(maxsize=1024)
def _names_cached(source: str) -> frozenset[str]:
    env = string_environment()
    tree = env.parse(source)
    stored = {n.name for n in tree.find_all(nodes.Name) if n.ctx in ("store", "param")}
    read = {n.name for n in tree.find_all(nodes.Name) if n.ctx == "load"}
    return frozenset(read - stored - _BUILTIN_NAMES - set(env.globals))


def template_names(source: str, *, origin: str | Path) -> frozenset[str]:
    """Parse a template (without compiling it) and return the context names it reads.

    A quick check for loading: it finds syntax errors and names no context provides, but not
    misspelt attributes, which only rendering reveals. Raise `RenderError` on a syntax error.
    """
    try:
        return _names_cached(source)
    except TemplateSyntaxError as exc:
        raise RenderError(
            origin, f"template syntax error: {exc.message}", template_line=exc.lineno
        ) from None


def compile_string(source: str, *, origin: str | Path) -> Template:
    """Compile a template held in a string (cached); raise `RenderError` on a syntax error."""
    return compile_with_names(source, origin=origin)[0]


def compile_with_names(source: str, *, origin: str | Path) -> tuple[Template, frozenset[str]]:
    """Compile a template held in a string and return it with the names it reads from the context.

    Raise `RenderError` on a syntax error. Results are cached by source text.
    """
    try:
        return _compile_cached(source)
    except TemplateSyntaxError as exc:
        raise RenderError(
            origin, f"template syntax error: {exc.message}", template_line=exc.lineno
        ) from None


def render_template(template: Template, context: Mapping[str, Any], *, origin: str | Path) -> str:
    """Render a compiled template; raise `RenderError` for undefined names or sandbox refusals."""
    try:
        return template.render(dict(context))
    except UndefinedError as exc:
        raise RenderError(
            origin, f"undefined variable: {exc.message}", template_line=_template_line(exc)
        ) from None
    except SecurityError as exc:
        raise RenderError(
            origin, f"not allowed in a template: {exc}", template_line=_template_line(exc)
        ) from None
    except TemplateError as exc:
        raise RenderError(
            origin, f"template error: {exc.message}", template_line=_template_line(exc)
        ) from None
    except (TypeError, ValueError, KeyError, AttributeError, ZeroDivisionError) as exc:
        raise RenderError(
            origin,
            f"template error: {type(exc).__name__}: {exc}",
            template_line=_template_line(exc),
        ) from None


def render_string(source: str, context: Mapping[str, Any], *, origin: str | Path) -> str:
    """Render `source` (jinja2 text) against `context`; errors name `origin`."""
    return render_template(compile_string(source, origin=origin), context, origin=origin)


__all__ = [
    "RenderError",
    "and_join",
    "compile_string",
    "compile_with_names",
    "environment",
    "render_string",
    "render_template",
    "string_environment",
    "template_names",
]
