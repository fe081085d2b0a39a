"""Shared test fixtures: where the repository, the samples and the real corpus are."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
#: Real public standards documents, read in place (never copied into the repository).
CORPUS = Path(os.environ.get("STDCOMMENT_CORPUS", REPO.parent / "shared" / "corpus")).resolve()
REPORT_DIR = CORPUS.parent / "report"


def corpus_file(*parts: str) -> Path:
    """Return a corpus path, skipping the calling test when the corpus is absent."""
    path = CORPUS.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"corpus file not available: {path}")
    return path


@pytest.fixture
def corpus() -> Path:
    """The corpus folder; the test is skipped when it is absent."""
    if not CORPUS.is_dir():
        pytest.skip(f"corpus not available at {CORPUS}")
    return CORPUS
