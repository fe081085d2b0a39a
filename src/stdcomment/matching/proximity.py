"""Find multi-word phrases written another way: same word roots, other order, words between.

Drafts rarely repeat a trigger verbatim: "emotion recognition" is also "recognising the
emotions of", "estimation of the driver's emotional state" is "emotional state estimation".
This matcher reduces each content word to a root (`root`: a light suffix stripper for
English derivations, so recognition / recognize / recognizing share "recogn") and reports a
phrase wherever all of its content roots occur within a short window of words, in any order.
Such a match is weaker evidence than the exact phrase; the scanner gives it a lower quality.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

from .anchors import STOPWORDS
from .normalise import KEY, Token, keys
from .phrases import PhraseHit

P = TypeVar("P", bound=Hashable)

QUALITY = 0.8
SLACK = 3  # words allowed between and around the phrase's own words
MIN_ROOT = 4

# Inflections, then one derivational suffix, longest first: "estimating" -> "estimat" ->
# "estim"; "emotional" -> "emot"; "personality" -> "personal" (never "person").
_INFLECTIONS = ("ings", "ing", "edly", "ed")
_DERIVATIONS = (
    "izations",
    "ization",
    "ational",
    "ations",
    "itions",
    "ements",
    "ation",
    "ition",
    "ional",
    "ement",
    "ments",
    "ities",
    "ively",
    "ances",
    "ences",
    "ical",
    "ance",
    "ence",
    "ment",
    "ness",
    "ions",
    "ity",
    "ive",
    "ial",
    "ous",
    "ate",
    "ize",
    "ion",
    "ers",
    "ors",
    "acy",
    "ees",
    "at",
    "iz",
    "er",
    "or",
    "ee",
    "al",
    "ic",
    "ly",
    "y",
    "e",
)
_DOUBLES = frozenset("bdfgmnprt")


def _strip(word: str, suffixes: tuple[str, ...]) -> str:
    for suffix in suffixes:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_ROOT:
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=100_000)
def root(key: str) -> str:
    """Return the root of a word key: "recognition", "recognizing" -> "recogn"."""
    word = _strip(key, _INFLECTIONS)
    if word != key and len(word) > MIN_ROOT and word[-1] == word[-2] and word[-1] in _DOUBLES:
        word = word[:-1]  # "inferr(ing)" -> "infer"
    return _strip(word, _DERIVATIONS)


@dataclass(frozen=True, slots=True)
class _Entry(Generic[P]):
    payload: P
    groups: tuple[frozenset[str], ...]  # one root of each group must occur; first is filed
    width: int  # the most words the match may span, minus one


def word_roots(text: str) -> list[str]:
    """Return the distinct roots of the content words of `text`, in order."""
    return list(dict.fromkeys(root(k) for k in keys(text) if k not in STOPWORDS))


class ProximityMatcher(Generic[P]):
    """Phrases of two or more content words, found by their roots within a window, and word
    groups ("near" triggers: one word of each group close together)."""

    def __init__(
        self,
        phrases: Sequence[tuple[str, P]],
        groups: Sequence[tuple[Sequence[Sequence[str]], int, P]] = (),
    ) -> None:
        self._index: dict[str, list[_Entry[P]]] = defaultdict(list)
        for text, payload in phrases:
            roots = word_roots(text)
            if len(roots) < 2:
                continue
            roots.sort(key=len, reverse=True)  # file under the longest (most telling) root
            entry = _Entry(payload, tuple(frozenset([r]) for r in roots), len(roots) + SLACK)
            self._index[roots[0]].append(entry)
        for word_groups, window, payload in groups:
            sets = tuple(
                frozenset(r for w in group for r in word_roots(w)) for group in word_groups
            )
            if len(sets) < 2 or not all(sets):
                continue
            entry = _Entry(payload, sets, max(window, len(sets)) - 1)
            for anchor in sets[0]:
                self._index[anchor].append(entry)

        self._roots = frozenset(
            r for entries in self._index.values() for e in entries for g in e.groups for r in g
        )
        self._relevant: dict[str, str | None] = {}  # word key -> its root, None if unused

    def __bool__(self) -> bool:
        return bool(self._index)

    def find(self, tokens: Sequence[Token]) -> list[PhraseHit[P]]:
        """Return every phrase whose content roots all occur close together in `tokens`."""
        if not self._index:
            return []
        positions: dict[str, list[int]] = defaultdict(list)
        relevant = self._relevant
        for index, token in enumerate(tokens):
            key = token[KEY]
            word_root = relevant.get(key, "")
            if word_root == "":
                word_root = relevant[key] = root(key) if root(key) in self._roots else None
            if word_root is not None:
                positions[word_root].append(index)
        hits: list[PhraseHit[P]] = []
        for anchor in positions.keys() & self._index.keys():
            for entry in self._index[anchor]:
                width = entry.width
                for start in positions[anchor]:
                    chosen = [start]
                    for group in entry.groups[1:]:
                        near = [
                            j
                            for r in group
                            for j in positions.get(r, ())
                            if abs(j - start) <= width and j not in chosen
                        ]
                        if not near:
                            break
                        chosen.append(min(near, key=lambda j: abs(j - start)))
                    else:
                        first, last = min(chosen), max(chosen)
                        if last - first <= width:
                            hits.append(PhraseHit(entry.payload, first, last, QUALITY))
        return hits
