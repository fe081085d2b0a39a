"""The shipped lemma table: up to date with the concepts, and the same scan as simplemma."""

from __future__ import annotations

import subprocess
import sys

import pytest

from stdcomment.matching import lemma
from stdcomment.positions import load_positions
from stdcomment.readers import read_draft
from stdcomment.scan import Scanner
from tests.conftest import REPO, SAMPLES


@pytest.mark.slow
def test_lemma_table_is_up_to_date() -> None:
    result = subprocess.run(
        [sys.executable, str(REPO / "tools" / "build_lemma_table.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stderr


def _findings(drafts: list[object]) -> list[list[tuple[str, str, float]]]:
    lemma._LEMMAS.clear()
    lemma._KEYS.clear()
    scanner = Scanner(load_positions())
    return [
        [(f.clause_number, f.position_id, f.score) for f in scanner.scan(d).findings]  # type: ignore[arg-type]
        for d in drafts
    ]


def test_table_and_dictionary_give_the_same_findings(monkeypatch: pytest.MonkeyPatch) -> None:
    drafts: list[object] = [read_draft(p) for p in sorted(SAMPLES.glob("*.docx"))]
    drafts += [read_draft(p) for p in sorted((REPO / "tests/eval/corpus/dev").glob("*.md"))[:12]]
    assert not lemma.LEMMATISER.full, "the bundled vocabulary should be covered by the table"
    with_table = _findings(drafts)
    monkeypatch.setattr(lemma.LEMMATISER, "full", False)
    lemma.LEMMATISER.go_full()
    try:
        with_dictionary = _findings(drafts)
    finally:
        lemma.LEMMATISER.full = False
        lemma._LEMMAS.clear()
        lemma._KEYS.clear()
        lemma._TERMS.clear()
    assert with_table == with_dictionary
    assert any(with_table)


def test_an_unknown_concept_word_falls_back_to_the_dictionary() -> None:
    assert lemma.LEMMATISER.load()
    try:
        assert lemma.term_lemma("zygomaticuses") == lemma.dictionary_lemma("zygomaticuses")
        assert lemma.LEMMATISER.full
        assert lemma.lemma_of("detected") == "detect"
    finally:
        lemma.LEMMATISER.full = False
        lemma._LEMMAS.clear()
        lemma._KEYS.clear()
        lemma._TERMS.clear()
