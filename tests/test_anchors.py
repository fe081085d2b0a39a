"""The pattern prefilter must never skip a pattern that would match (soundness)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from stdcomment.matching.anchors import AnchorIndex, anchor_of, text_words
from stdcomment.positions import load_positions
from stdcomment.readers import read_draft
from stdcomment.scan import scanned
from tests.conftest import REPO, SAMPLES

PATTERNS = [t.pattern for p in load_positions() for t in p.triggers if t.pattern]
DRAFTS = [
    SAMPLES / "itu-t-f-ervs-draft.docx",
    SAMPLES / "ieee-p7915-affect-draft.docx",
    *sorted((REPO / "tests" / "eval" / "drafts").glob("*.docx")),
]


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        (r"\baccura(cy|te)\b", {("accuracy",), ("accurate",)}),
        (r"\bnon-?contact\b", {("contact", "non"), ("noncontact",)}),
        (r"\b(is|are)\s+not\s+(be\s+)?(informed|notified)\b", {("informed",), ("notified",)}),
        (
            r"\bcrowds?\s+(monitoring|analysis)\b",
            {
                ("monitoring", "crowd"),
                ("analysis", "crowd"),
                ("monitoring", "crowds"),
                ("analysis", "crowds"),
            },
        ),
    ],
)
def test_anchor_words(pattern: str, words: set[tuple[str, ...]]) -> None:
    anchor = anchor_of(pattern)
    assert anchor is not None
    assert {tuple(sorted(a)) for a in anchor.alternatives} == {tuple(sorted(w)) for w in words}


def test_patterns_starting_with_digits_are_always_run() -> None:
    assert anchor_of(r"\d+\s*%") is None
    assert anchor_of(r".*emotion") is None


@pytest.mark.parametrize("path", DRAFTS, ids=[p.name for p in DRAFTS])
def test_prefilter_never_skips_a_matching_pattern(path: Path) -> None:
    draft = read_draft(path)
    texts = [c.title for c in draft.walk() if scanned(c)]
    texts += [b.text for c in draft.walk() if scanned(c) for b in c.blocks]
    vocabulary: Counter[str] = Counter()
    for text in texts:
        vocabulary.update(text_words(text))
    index = AnchorIndex([anchor_of(p) for p in PATTERNS])
    index.prepare(vocabulary)
    compiled = [re.compile(p, re.IGNORECASE) for p in PATTERNS]
    skipped_matches = []
    for text in texts:
        candidates = index.candidates(text_words(text))
        for number, regex in enumerate(compiled):
            if number not in candidates and regex.search(text):
                skipped_matches.append((PATTERNS[number][:60], regex.search(text).group(0)))  # type: ignore[union-attr]
    assert skipped_matches == []
