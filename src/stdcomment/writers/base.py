"""What every writer shares: its input, its output, and template rendering."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2.exceptions import TemplateNotFound, TemplateSyntaxError
from jinja2.sandbox import SandboxedEnvironment

from ..comments import CommentSheet
from ..contribution import ContributionMeta
from ..render import RenderError, environment, render_template
from .markup import plain


@dataclass(frozen=True, slots=True)
class WriterInput:
    """A writer's input: the comments, the contribution metadata and template folders."""

    sheet: CommentSheet
    meta: ContributionMeta
    templates: tuple[Path, ...] = ()


@dataclass(frozen=True, slots=True)
class Output:
    """A writer's output: the file's bytes, warnings, and figures worth reporting."""

    data: bytes
    warnings: tuple[str, ...] = ()
    figures: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Writer:
    """A registered output format."""

    name: str
    suffix: str
    body: str | None  # the standards body whose wording the comments take (None: as reviewed)
    description: str
    write: Callable[[WriterInput], Output]
    binary: bool = True


def template_env(dirs: Sequence[str | Path] = (), *, html: bool = False) -> SandboxedEnvironment:
    """Return the shared environment (user folders first) with the writers' filters."""
    env = environment(dirs)
    env.filters["plain"] = plain
    if html:
        env.autoescape = True
    return env


def render(env: SandboxedEnvironment, name: str, context: Mapping[str, Any]) -> str:
    """Render template `name`; errors name the template file."""
    try:
        template = env.get_template(name)
    except TemplateNotFound:
        raise RenderError(name, "template not found (bundled templates missing?)") from None
    except TemplateSyntaxError as exc:  # a user's template
        raise RenderError(
            exc.filename or name, f"template syntax error: {exc.message}", line=exc.lineno
        ) from None
    return render_template(template, context, origin=template.filename or name)


def sheet_context(job: WriterInput) -> dict[str, Any]:
    """The context every prose template gets: meta, draft, reviewed, concerns, proposals,
    comments, clauses and counts."""
    sheet = job.sheet
    concerns = sheet.concerns()
    clauses = list(dict.fromkeys(c.clause_label for c in sheet.comments))
    return {
        "meta": job.meta.as_context(),
        "draft": sheet.draft.as_context(),
        "reviewed": sheet.reviewed,
        "concerns": [c.as_context() for c in concerns],
        "proposals": [p.as_context() for p in sheet.proposals],
        "comments": [c.as_context() for c in sheet.comments],
        "clauses": clauses,
        "counts": {
            "comments": len(sheet.comments),
            "proposals": len(sheet.proposals),
            "concerns": len([c for c in concerns if c.position]),
            "clauses": len(clauses),
        },
    }


def words(text: str) -> int:
    """Count words the way A.2's limits do: whitespace-separated tokens with a letter or digit."""
    return sum(1 for token in text.split() if any(ch.isalnum() for ch in token))


__all__ = ["Output", "Writer", "WriterInput", "render", "sheet_context", "template_env", "words"]
