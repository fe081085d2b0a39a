"""Golden files: compare output with a reviewed file; STDCOMMENT_REGEN=1 rewrites them."""

from __future__ import annotations

import difflib
import os
from pathlib import Path

GOLDENS = Path(__file__).resolve().parent / "goldens"


def regenerating() -> bool:
    """Whether goldens are being rewritten (never in CI)."""
    return os.environ.get("STDCOMMENT_REGEN") == "1"


def check_golden(name: str, actual: str) -> None:
    """Assert `actual` equals the golden file `name` (or rewrite it when regenerating)."""
    path = GOLDENS / name
    if regenerating():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    assert path.exists(), f"golden file {path} is missing (run with STDCOMMENT_REGEN=1, review it)"
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                actual.splitlines(keepends=True),
                f"golden/{name}",
                "actual",
            )
        )
        raise AssertionError(f"output differs from the golden file:\n{diff}")
