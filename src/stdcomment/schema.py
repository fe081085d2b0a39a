"""JSON Schema of the document model, derived from the dataclasses themselves.

`stdcomment parse --format json` writes `Draft.to_dict()`; `draft_schema()` describes that
form (draft 2020-12), so the published schema (`docs/draft.schema.json`) cannot drift from the
code: a test regenerates it and compares.
"""

from __future__ import annotations

import json
from dataclasses import MISSING, fields, is_dataclass
from enum import StrEnum
from typing import Any, get_args, get_origin, get_type_hints

from .model import SCHEMA_VERSION, Draft, _always_written

_SCALARS: dict[type, dict[str, str]] = {
    str: {"type": "string"},
    int: {"type": "integer"},
    float: {"type": "number"},
    bool: {"type": "boolean"},
}


def _type(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = get_origin(tp)
    if origin is tuple:
        args = get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": _type(args[0], defs)}
        return {"type": "array", "prefixItems": [_type(a, defs) for a in args]}
    if origin is not None and type(None) in get_args(tp):
        inner = next(a for a in get_args(tp) if a is not type(None))
        return _type(inner, defs)
    if isinstance(tp, type) and issubclass(tp, StrEnum):
        return {"type": "string", "enum": [m.value for m in tp]}
    if isinstance(tp, type) and is_dataclass(tp):
        name = tp.__name__
        if name not in defs:
            defs[name] = {}  # placeholder against recursion (Cell -> Table -> Cell)
            defs[name] = _object(tp, defs)
        return {"$ref": f"#/$defs/{name}"}
    if tp in _SCALARS:
        return dict(_SCALARS[tp])
    raise TypeError(f"no JSON Schema for {tp!r}")


def _object(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    hints = get_type_hints(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for f in fields(cls):
        prop = _type(hints[f.name], defs)
        doc = _FIELD_NOTES.get((cls.__name__, f.name))
        if doc:
            prop = {**prop, "description": doc}
        properties[f.name] = prop
        if (f.default is MISSING and f.default_factory is MISSING) or _always_written(f.name):
            required.append(f.name)
    out: dict[str, Any] = {
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
    }
    if cls.__doc__:
        out["description"] = " ".join(cls.__doc__.split())
    present = [r for r in required if r in properties]
    if present:
        out["required"] = present
    return out


_FIELD_NOTES = {
    ("Clause", "number"): '"6.2.1", "A.3", "I.2", "Article 5"; "" when unnumbered',
    ("Location", "index"): "0-based index of the body-level paragraph or table",
    ("Block", "text"): "the text in the view read (tracked changes accepted by default)",
    ("Revision", "original"): "the text with every tracked change rejected",
    ("Revision", "current"): "the text with every tracked change accepted",
}


def draft_schema() -> dict[str, Any]:
    """Return the JSON Schema of `Draft.to_dict()`."""
    defs: dict[str, Any] = {}
    root = _object(Draft, defs)
    root["properties"]["schema_version"] = {"const": SCHEMA_VERSION}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://stdcomment.example/schema/draft-{SCHEMA_VERSION}.json",
        "title": f"stdcomment draft model, version {SCHEMA_VERSION}",
        **root,
        "$defs": dict(sorted(defs.items())),
    }


def draft_schema_json() -> str:
    """Return the schema as the text of `docs/draft.schema.json`."""
    return json.dumps(draft_schema(), indent=2, ensure_ascii=False) + "\n"
