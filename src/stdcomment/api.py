"""The importable API: what the CLI calls, one function per job."""

from __future__ import annotations

import json

from .model import Draft
from .outline import render_markdown, render_tree
from .readers import read_draft

__all__ = ["draft_to_json", "read_draft", "render_markdown", "render_tree"]


def draft_to_json(draft: Draft) -> str:
    """Return the versioned JSON form of `draft` (stable key order, UTF-8, indented)."""
    return json.dumps(draft.to_dict(), ensure_ascii=False, indent=2) + "\n"
