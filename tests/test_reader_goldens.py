"""Reader goldens: readable outline dumps of synthetic edge cases, reviewed by eye."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from stdcomment.outline import render_tree
from stdcomment.readers import read_draft
from tests.goldens import check_golden, regenerating
from tests.reader_cases import CASES


def _outline(path: Path, view: str = "current") -> str:
    draft = read_draft(path, view=view)
    text = render_tree(draft, blocks=True)
    return text.replace(str(path), path.name)


@pytest.mark.parametrize("case", sorted(CASES))
def test_synthetic_outline(tmp_path: Path, case: str) -> None:
    path = tmp_path / f"{case}.docx"
    path.write_bytes(CASES[case]())
    check_golden(f"outlines/{case}.txt", _outline(path))


def test_tracked_changes_original_view(tmp_path: Path) -> None:
    path = tmp_path / "tracked-changes.docx"
    path.write_bytes(CASES["tracked-changes"]())
    check_golden("outlines/tracked-changes.original.txt", _outline(path, "original"))


def test_cases_are_deterministic() -> None:
    for build in CASES.values():
        assert build() == build()


def test_regeneration_is_off_in_ci() -> None:
    if os.environ.get("CI"):
        assert not regenerating(), "STDCOMMENT_REGEN must not be set in CI"


SAMPLE_DRAFTS = [
    "itu-t-f-ervs-draft.docx",
    "itu-t-f-ervs-draft-v2.docx",
    "ieee-p7915-affect-draft.docx",
]


@pytest.mark.parametrize("name", SAMPLE_DRAFTS)
def test_sample_outline(name: str) -> None:
    from tests.conftest import SAMPLES

    check_golden(f"outlines/sample-{Path(name).stem}.txt", _outline(SAMPLES / name))


def test_sample_original_view() -> None:
    from tests.conftest import SAMPLES

    path = SAMPLES / "itu-t-f-ervs-draft.docx"
    check_golden("outlines/sample-itu-t-f-ervs-draft.original.txt", _outline(path, "original"))
