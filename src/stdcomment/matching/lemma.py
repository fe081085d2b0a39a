"""Words of a text as matching keys: a folded surface form and a lemma, with their spans.

Every word token carries two keys:
  - `norm`: lower case, American spelling, singular (`normalise.word_key`): "Behaviours" ->
    "behavior". Exact terms (`=affective`) and exclusions ("race condition") match on it;
  - `lemma`: the dictionary form of `norm` (simplemma): "detected", "detecting" -> "detect";
    "analysed" -> "analyze"; "running" -> "run". Concept terms match on it, so one listed form
    covers its inflections; derived words ("detection", "detector") are listed as terms.

simplemma was chosen over a stemmer: a Snowball stem also folds derivations, which in
standards text joins unrelated words ("integrity" and "integrate", "wellness" and "well",
"demonstration" and "demonstrate"), so concept words fired on harmless text. simplemma is a
maintained, pure-Python, dependency-free lemmatiser with its English dictionary in the
package (no download); each distinct word is looked up once (memoised).

Sentence boundaries are kept per token, so triggers can require words in one sentence.
"""

from __future__ import annotations

import re
from typing import Final, NamedTuple

import simplemma

from .normalise import word_key

_WORD: Final = re.compile(r"[^\W_]+(?:['’][sS]\b)?")
_SENTENCE_END: Final = re.compile(r"(?<=[.!?;])\s+(?=[A-Z(\[“\"'‘–—•-])|\n+")
_NORMS: dict[str, str] = {}  # surface word -> norm
_LEMMAS: dict[str, str] = {}  # norm -> lemma


class Word(NamedTuple):
    """One word of a text: its keys, its span in the original string and its sentence."""

    norm: str
    lemma: str
    start: int
    end: int
    sentence: int


def norm_of(word: str) -> str:
    """Return the folded surface key of one word (memoised)."""
    norm = _NORMS.get(word)
    if norm is None:
        norm = _NORMS[word] = word_key(word)
    return norm


def lemma_of(norm: str) -> str:
    """Return the lemma of a folded word (memoised)."""
    lemma = _LEMMAS.get(norm)
    if lemma is None:
        lemma = norm
        if len(norm) > 3 and norm.isalpha():
            lemma = simplemma.lemmatize(norm, lang="en").lower()
        _LEMMAS[norm] = lemma
    return lemma


def sentence_starts(text: str) -> list[int]:
    """Return the offsets where the sentences of `text` start (the first is 0)."""
    return [0, *(m.end() for m in _SENTENCE_END.finditer(text))]


def words(text: str) -> list[Word]:
    """Return the words of `text` with both keys, spans and sentence numbers."""
    starts = sentence_starts(text)
    bounds = starts[1:]
    next_start = bounds[0] if bounds else len(text) + 1
    norms, lemmas = _NORMS, _LEMMAS
    out: list[Word] = []
    append = out.append
    sentence = 0
    for m in _WORD.finditer(text):
        surface = m.group()
        norm = norms.get(surface)
        if norm is None:
            norm = norms[surface] = word_key(surface)
        lemma = lemmas.get(norm)
        if lemma is None:
            lemma = lemma_of(norm)
        start = m.start()
        while start >= next_start:
            sentence += 1
            next_start = bounds[sentence] if sentence < len(bounds) else len(text) + 1
        append(Word(norm, lemma, start, m.end(), sentence))
    return out


def term_keys(term: str) -> tuple[bool, tuple[str, ...]]:
    """Return (exact, keys) of a vocabulary term: `=word` is exact (matched on `norm`)."""
    exact = term.startswith("=")
    body = term[1:] if exact else term
    norms = tuple(norm_of(m.group()) for m in _WORD.finditer(body))
    if exact:
        return True, norms
    return False, tuple(lemma_of(n) for n in norms)
