"""The importable API: every public name resolves, and the main jobs run from it."""

from __future__ import annotations

import pytest

import stdcomment
from tests.conftest import SAMPLES


def test_every_public_name_resolves() -> None:
    for name in stdcomment.__all__:
        assert getattr(stdcomment, name) is not None, name
    with pytest.raises(AttributeError):
        _ = stdcomment.no_such_thing  # type: ignore[attr-defined]


def test_read_scan_and_diff_through_the_api() -> None:
    old = stdcomment.read_draft(SAMPLES / "itu-t-f-ervs-draft.docx")
    new = stdcomment.read_draft(SAMPLES / "itu-t-f-ervs-draft-v2.docx")
    result = stdcomment.Scanner(list(stdcomment.load_positions())).scan(old)
    assert any(f.position_id == "emotion-inference" for f in result.findings)
    diff = stdcomment.diff_drafts(old, new)
    assert diff.changes
    assert stdcomment.render_tree(old).startswith("source:")
