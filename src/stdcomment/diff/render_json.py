"""The whole `DraftDiff` as JSON (schema `DIFF_SCHEMA_VERSION`), for other tools."""

from __future__ import annotations

import json

from .model import DraftDiff


def render_json(diff: DraftDiff) -> str:
    """Return the JSON form of `diff`: fields in a fixed order, UTF-8, indented."""
    return json.dumps(diff.to_dict(), ensure_ascii=False, indent=1) + "\n"


__all__ = ["render_json"]
