"""Find the terms of many vocabularies in a text: one dictionary lookup per word.

Terms are compiled into an index keyed on their first word (its lemma, or its folded form for
exact terms); the rest of a multi-word term is compared word by word. A multi-word term also
matches glued ("microexpression" for "micro-expression"), and hyphen or spacing variants
come free because the tokeniser splits on hyphens.

A word of 8 letters or more that no term knows and the lemmatiser's dictionary does not know
either (a real word is no misspelling: "addition" is not "addiction") is compared with the
vocabulary's long words by `rapidfuzz.fuzz.ratio` (cut-off 93): "recogntion" is read as
"recognition", and the match quality drops to 0.9. Corrections are memoised, so each
distinct word is looked at once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from rapidfuzz import fuzz, process

from .lemma import Word, is_real_word, norm_of, term_keys, term_lemma

P = TypeVar("P", bound=Hashable)

FUZZY_CUTOFF = 93.0
FUZZY_MIN_LENGTH = 8
FUZZY_QUALITY = 0.9


@dataclass(frozen=True, slots=True)
class Occurrence(Generic[P]):
    """A term found in a word list: words [first, last], its payload and match quality."""

    payload: P
    first: int
    last: int
    term: str
    quality: float = 1.0


@dataclass(frozen=True, slots=True)
class _Entry(Generic[P]):
    rest: tuple[str, ...]
    exact: bool
    payload: P
    term: str
    order: int = 0  # place among the entries of its first word (occurrences keep it)


#: the entries of one first word: those of one word, and the longer ones by their second word
_Slot = tuple[list[_Entry[P]], dict[str, list[_Entry[P]]]]


def _slots(table: dict[str, list[_Entry[P]]]) -> dict[str, _Slot[P]]:
    """Group each first word's entries so that a text word is compared with the entries
    whose second word follows it, not with every entry ("the" begins many exclusions)."""
    slots: dict[str, _Slot[P]] = {}
    for key, entries in table.items():
        singles: list[_Entry[P]] = []
        by_next: dict[str, list[_Entry[P]]] = defaultdict(list)
        for order, entry in enumerate(entries):
            numbered = _Entry(entry.rest, entry.exact, entry.payload, entry.term, order)
            if numbered.rest:
                by_next[numbered.rest[0]].append(numbered)
            else:
                singles.append(numbered)
        slots[key] = (singles, dict(by_next))
    return slots


def _order(entry: _Entry[P]) -> int:
    return entry.order


class TermIndex(Generic[P]):
    """Terms compiled for lookup, each with a payload (a concept id, an exclusion key ...)."""

    def __init__(self, terms: Sequence[tuple[str, P]], *, fuzzy: bool = True) -> None:
        self._lemma: dict[str, list[_Entry[P]]] = defaultdict(list)
        self._norm: dict[str, list[_Entry[P]]] = defaultdict(list)
        self._known: set[str] = set()  # every lemma and norm a term uses
        long_words: set[str] = set()
        for term, payload in terms:
            exact, keys = term_keys(term)
            if not keys:
                continue
            variants = [keys]
            if len(keys) > 1 and not exact:
                glued = "".join(norm_of(w) for w in term.replace("-", " ").split())
                variants.append((term_lemma(norm_of(glued)),))
            for variant in variants:
                table = self._norm if exact else self._lemma
                table[variant[0]].append(_Entry(variant[1:], exact, payload, term))
                self._known.update(variant)
            for word in term.lstrip("=").replace("-", " ").split():
                norm = norm_of(word)
                if len(norm) >= FUZZY_MIN_LENGTH and not exact:
                    long_words.add(norm)
        self._fuzzy = fuzzy
        self._lemma_slots = _slots(self._lemma)
        self._norm_slots = _slots(self._norm)
        self._buckets: dict[tuple[str, int], list[str]] = defaultdict(list)
        for word in long_words:
            for length in (len(word) - 1, len(word), len(word) + 1):
                self._buckets[(word[0], length)].append(word)
        self._corrections: dict[str, str] = {}

    def __bool__(self) -> bool:
        return bool(self._lemma or self._norm)

    def _correct(self, word: Word) -> str:
        """Return the lemma a misspelt long word stands for ("" when none is close)."""
        cached = self._corrections.get(word.norm)
        if cached is not None:
            return cached
        found = ""
        if is_real_word(word.norm):  # a real word, not a misspelling
            self._corrections[word.norm] = found
            return found
        bucket = self._buckets.get((word.norm[0], len(word.norm)))
        if bucket:
            best = process.extractOne(
                word.norm, bucket, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF
            )
            if best is not None:
                found = term_lemma(best[0])
        self._corrections[word.norm] = found
        return found

    def find(self, text_words: Sequence[Word]) -> list[Occurrence[P]]:
        """Return every term occurrence in `text_words`, in word order."""
        out: list[Occurrence[P]] = []
        if not text_words:
            return out
        lemmas = [w[1] for w in text_words]
        quality: list[float] | None = None
        if self._fuzzy and self._buckets:
            known, corrections = self._known, self._corrections
            for i in [i for i, w in enumerate(text_words) if len(w[0]) >= FUZZY_MIN_LENGTH]:
                w = text_words[i]
                corrected = corrections.get(w[0])
                if corrected is None:
                    if w[1] in known or w[0] in known:
                        corrections[w[0]] = corrected = ""
                    else:
                        corrected = self._correct(w)
                if corrected:
                    if quality is None:
                        quality = [1.0] * len(lemmas)
                    lemmas[i] = corrected
                    quality[i] = FUZZY_QUALITY
        n = len(text_words)
        by_lemma, by_norm = self._lemma, self._norm
        candidates = [
            i
            for i, (lemma, w) in enumerate(zip(lemmas, text_words, strict=True))
            if lemma in by_lemma or w[0] in by_norm
        ]
        if not candidates:
            return out
        if quality is None:
            quality = [1.0] * n
        norm_slots, lemma_slots = self._norm_slots, self._lemma_slots
        last_index = n - 1
        for i in candidates:
            for slots, keys in ((lemma_slots, lemmas), (norm_slots, None)):
                slot = slots.get(keys[i] if keys is not None else text_words[i][0])
                if slot is None:
                    continue
                singles, by_next = slot
                entries = singles
                if by_next and i < last_index:
                    following = lemmas[i + 1] if keys is not None else text_words[i + 1][0]
                    longer = by_next.get(following)
                    if longer:
                        entries = sorted(singles + longer, key=_order) if singles else longer
                for entry in entries:
                    rest = entry.rest
                    last = i + len(rest)
                    if last >= n:
                        continue
                    ok = True
                    q = quality[i]
                    for k, wanted in enumerate(rest, 1):
                        got = text_words[i + k][0] if entry.exact else lemmas[i + k]
                        if got != wanted:
                            ok = False
                            break
                        q *= quality[i + k]
                    if ok:
                        out.append(Occurrence(entry.payload, i, last, entry.term, q))
        return out
