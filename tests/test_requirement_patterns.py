"""The requirement patterns are written to scan fast; they find exactly what their plain forms
find: the keyword phrases at word boundaries (hyphens included), the labels at word starts."""

from __future__ import annotations

import random
import re

import pytest

from stdcomment.profiles import load_profile

# the keywords' words, words near them, other cases, hyphens and spaces
_WORDS = ["shall", "not", "should", "may", "is", "are", "required", "to", "that", "from"]
_WORDS += ["recommended", "prohibited", "can", "optionally", "must", "need", "permitted"]
_WORDS += ["Shall", "MAY", "-", "x", "é", "7", "\n", "  ", "\t"]


def _texts(seed: int) -> list[str]:
    rng = random.Random(seed)
    texts = [
        " ".join(rng.choice(_WORDS) for _ in range(rng.randint(0, 9))).replace(" - ", "-")
        for _ in range(5000)
    ]
    texts += ["shall", "-shall", "xshall", "shall-", "is  required\tto", "mayor may", "é may"]
    return texts


def _plain_keywords(phrases: list[str]) -> re.Pattern[str]:
    """The keyword pattern as it was first written: one alternative per first word."""
    tails: dict[str, list[list[str]]] = {}
    for phrase in sorted(phrases, key=lambda p: -len(p)):
        first, *rest = phrase.split()
        tails.setdefault(first, []).append(rest)
    alternatives = []
    for first in sorted(tails, key=lambda w: (-len(w), w)):
        rests = sorted(
            (r"\s+".join(map(re.escape, r)) for r in tails[first] if r), key=lambda r: (-len(r), r)
        )
        tail = r"(?:\s+(?:" + "|".join(rests) + "))" if rests else ""
        if rests and any(not r for r in tails[first]):
            tail += "?"
        alternatives.append(re.escape(first) + tail)
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])")


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], str]]:
    return [(m.span(), m.group()) for m in pattern.finditer(text)]


@pytest.mark.parametrize("name", ["common", "itu-t", "ieee", "iso"])
def test_keyword_pattern_finds_what_the_plain_alternation_finds(name: str) -> None:
    profile = load_profile(name)
    plain = _plain_keywords([k.phrase for k in profile.requirements])
    for text in _texts(len(name)):
        assert _spans(profile.requirement_pattern, text) == _spans(plain, text), text


def test_requirement_id_finds_labels_at_word_starts() -> None:
    pattern = load_profile("itu-t").requirement_id
    plain = re.compile(r"\b(?P<id>(?:REQT|REQ|Req|R)[-_][A-Za-z0-9]+(?:[-_.][A-Za-z0-9]+)*)\b")
    rng = random.Random(3)
    texts = [
        "".join(rng.choice("RrEQqTt-_.x 9é\n") for _ in range(rng.randint(0, 16)))
        for _ in range(20000)
    ]
    texts += ["R-1", "xR-1", "REQ-7", "[REQ-7]", "R-ERVS-003.", "aREQT_5", "Req-1", "REq-1", "ÉR-1"]
    for text in texts:
        assert [(m.span(), m.group("id")) for m in pattern.finditer(text)] == [
            (m.span(), m.group("id")) for m in plain.finditer(text)
        ], text
