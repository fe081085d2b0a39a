"""The human-rights position library: load, validate and render the positions in `positions/`.

A position is one TOML file (`positions/<id>.toml`) holding a concern a delegate raises on a
draft standard: its stance, rationale, the rights it rests on, the report evidence behind it,
the trigger phrases the scanner looks for, what we ask of the draft, and the comment wording per
standards body as jinja2 text. `positions/README.md` explains the format for reviewers.

- `load_positions(dirs, bundled=True)` returns a `PositionLibrary`: the bundled library first,
  then each user folder on top (a user file with a bundled id replaces it; a new id is added).
  The first invalid file raises `PositionError` (`<file>:<line>: <field>: <problem>`).
- `check_positions(dir)` returns every problem of a folder (errors and warnings) for
  `stdcomment positions check`.
- `render_comment(position, body, context)` renders a position's comment for one body against
  a finding's context; `sample_context()` is the sample finding used by the checks.
"""

from __future__ import annotations

from .checker import phrase_key
from .comments import TemplateMatch, comment_context, render_comment, sample_context
from .library import bundled_dir, check_file, check_positions, load_positions, position_files
from .model import (
    ACTION_KINDS,
    BODIES,
    CONTEXT_VARIABLES,
    HARD_COMMENT_LIMIT,
    IEEE_CATEGORIES,
    ISO_TYPES,
    SOFT_COMMENT_LIMIT,
    Action,
    CommentTemplates,
    Evidence,
    Position,
    PositionError,
    PositionLibrary,
    PositionProblem,
    RenderedComment,
    ReportRef,
    Right,
    Trigger,
)

__all__ = [
    "ACTION_KINDS",
    "BODIES",
    "CONTEXT_VARIABLES",
    "HARD_COMMENT_LIMIT",
    "IEEE_CATEGORIES",
    "ISO_TYPES",
    "SOFT_COMMENT_LIMIT",
    "Action",
    "CommentTemplates",
    "Evidence",
    "Position",
    "PositionError",
    "PositionLibrary",
    "PositionProblem",
    "RenderedComment",
    "ReportRef",
    "Right",
    "TemplateMatch",
    "Trigger",
    "bundled_dir",
    "check_file",
    "check_positions",
    "comment_context",
    "load_positions",
    "phrase_key",
    "position_files",
    "render_comment",
    "sample_context",
]
