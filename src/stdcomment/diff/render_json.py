"""The whole `DraftDiff` as JSON (schema `DIFF_SCHEMA_VERSION`), for other tools."""

from __future__ import annotations

from ..model import json_fields, json_text
from .model import DraftDiff


def render_json(diff: DraftDiff) -> str:
    """Return the JSON form of `diff`: fields in a fixed order, UTF-8, indented.

    The text of `json.dumps(diff.to_dict(), ensure_ascii=False, indent=1)`, written in one
    pass."""
    return json_text({**json_fields(diff), "counts": diff.counts()}, indent=1) + "\n"


__all__ = ["render_json"]
