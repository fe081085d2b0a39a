"""The importable API: what the CLI calls, one function per job."""

from __future__ import annotations

from .model import Draft, json_text
from .outline import render_markdown, render_tree
from .readers import read_draft

__all__ = ["draft_to_json", "read_draft", "render_markdown", "render_tree"]


def draft_to_json(draft: Draft) -> str:
    """Return the versioned JSON form of `draft` (stable key order, UTF-8, indented)."""
    return json_text(draft) + "\n"
