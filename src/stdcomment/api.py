"""The importable API: what the CLI calls, one function per job."""

from __future__ import annotations

import json
from pathlib import Path

from .model import Body, Draft
from .outline import render_markdown, render_tree
from .readers import read_draft

__all__ = ["draft_to_json", "read_draft", "render_markdown", "render_tree"]


def draft_to_json(draft: Draft) -> str:
    """Return the versioned JSON form of `draft` (stable key order, UTF-8, indented)."""
    return json.dumps(draft.to_dict(), ensure_ascii=False, indent=2) + "\n"


def parse(path: str | Path, *, view: str = "current", body: Body | None = None) -> Draft:
    """Read the draft at `path` (alias of `read_draft`)."""
    return read_draft(path, view=view, body=body)
