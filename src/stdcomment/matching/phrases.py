"""Find many phrases in a token sequence: exact on normalised keys, fuzzy on single words.

A phrase matches a window of consecutive words when their keys, joined without spaces, are
equal ("micro expression" = "micro-expression" = "microexpressions"). Words glued by a
hyphen or slash may be joined; words separated by a space are only joined where the phrase
itself has a word boundary, so "the rapist" never matches "therapist". Matching is on word
boundaries by construction: "race" never matches inside "trace", nor "face" inside
"interface".

Misspelt words (8 letters or more) are mapped to the nearest phrase word when
`rapidfuzz.fuzz.ratio` reaches `FUZZY_CUTOFF` ("recogntion" -> "recognition"); the match
quality then drops below 1.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from rapidfuzz import fuzz, process

from .normalise import END, KEY, START, Token, keys

P = TypeVar("P", bound=Hashable)

FUZZY_CUTOFF = 90.0
FUZZY_MIN_LENGTH = 8
_GLUE = frozenset("-‐‑‒–—/")


@dataclass(frozen=True, slots=True)
class PhraseHit(Generic[P]):
    """A phrase found in a token sequence: token range [first, last] and quality 0..1."""

    payload: P
    first: int
    last: int
    quality: float


@dataclass(frozen=True, slots=True)
class _Entry(Generic[P]):
    payload: P
    boundaries: frozenset[int]  # offsets in the compact key where the phrase has a word break
    words: int


class PhraseMatcher(Generic[P]):
    """A compiled set of phrases, each carrying a payload returned with its hits."""

    def __init__(self, phrases: Sequence[tuple[str, P]]) -> None:
        self._entries: dict[str, list[_Entry[P]]] = defaultdict(list)
        self._prefixes: set[str] = set()
        self._vocabulary: set[str] = set()
        self._max_words = 1
        for text, payload in phrases:
            words = [k for k in keys(text) if k]
            if not words:
                continue
            compact = "".join(words)
            cuts, offset = set(), 0
            for word in words[:-1]:
                offset += len(word)
                cuts.add(offset)
            self._entries[compact].append(_Entry(payload, frozenset(cuts), len(words)))
            self._prefixes.update(compact[:i] for i in range(1, len(compact) + 1))
            self._vocabulary.update(words)
            self._max_words = max(self._max_words, len(words) + 2)
        self._buckets: dict[tuple[str, int], list[str]] = defaultdict(list)
        for word in self._vocabulary:
            if len(word) >= FUZZY_MIN_LENGTH:
                for length in (len(word) - 1, len(word), len(word) + 1):
                    self._buckets[(word[0], length)].append(word)
        self._corrected: dict[str, tuple[str, float]] = {}

    def __bool__(self) -> bool:
        return bool(self._entries)

    def _correct(self, key: str) -> tuple[str, float]:
        """Return the phrase word `key` stands for (itself when known) and the quality."""
        found = self._corrected.get(key)
        if found is None:
            if key in self._vocabulary or len(key) < FUZZY_MIN_LENGTH:
                found = (key, 1.0)
            else:
                candidates = self._buckets.get((key[0], len(key)), [])
                best = process.extractOne(
                    key, candidates, scorer=fuzz.ratio, processor=None, score_cutoff=FUZZY_CUTOFF
                )
                found = (best[0], best[1] / 100.0) if best else (key, 1.0)
            self._corrected[key] = found
        return found

    def find(self, text: str, tokens: Sequence[Token]) -> list[PhraseHit[P]]:
        """Return every phrase occurrence in `tokens` (the words of `text`)."""
        if not self._entries:
            return []
        known = self._corrected
        correct = self._correct
        corrected = [known.get(t[KEY]) or correct(t[KEY]) for t in tokens]
        prefixes = self._prefixes
        entries = self._entries
        hits: list[PhraseHit[P]] = []
        count = len(tokens)
        for first in range(count):
            key, quality = corrected[first]
            if key not in prefixes:
                continue
            compact = ""
            cuts: list[int] = []
            for last in range(first, min(count, first + self._max_words)):
                word, word_quality = corrected[last]
                if last > first:
                    cuts.append(len(compact))
                    quality = min(quality, word_quality)
                compact += word
                if compact not in prefixes:
                    break
                found = entries.get(compact)
                if not found:
                    continue
                for entry in found:
                    if self._joins_ok(text, tokens, first, cuts, entry):
                        hits.append(PhraseHit(entry.payload, first, last, quality))
        return hits

    @staticmethod
    def _joins_ok(
        text: str, tokens: Sequence[Token], first: int, cuts: list[int], entry: _Entry[P]
    ) -> bool:
        """Whether each word break of the text window is a break of the phrase, or a hyphen."""
        for index, cut in enumerate(cuts):
            if cut in entry.boundaries:
                continue
            gap = text[tokens[first + index][END] : tokens[first + index + 1][START]]
            if not gap or any(ch not in _GLUE for ch in gap):
                return False
        return True
