"""The fictional evaluation drafts committed in tests/eval are what their scripts build."""

from __future__ import annotations

from tests.eval import build_drafts
from tests.eval.heldout import build_heldout


def test_evaluation_drafts_are_up_to_date() -> None:
    assert build_drafts.main(["--check"]) == 0


def test_held_out_drafts_are_up_to_date() -> None:
    assert build_heldout.main(["--check"]) == 0
