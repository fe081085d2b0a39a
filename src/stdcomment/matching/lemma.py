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

Loading simplemma's dictionary takes about 0.2 s, more than a scan of a long draft, and a
scan only needs the lemmas of words the vocabularies use. `positions/concepts/
lemma-table.tsv` (built by `tools/build_lemma_table.py` from simplemma's dictionary, checked
up to date by the tests) holds every inflected form of every vocabulary word, and the real
English words a misspelling check must not "correct". While every term word is in the
table, words are lemmatised from it; a concept word it lacks (a user's own concept) loads
simplemma and lemmatises everything with it from then on.

Sentence boundaries are kept per token, so triggers can require words in one sentence.
"""

from __future__ import annotations

import re
from typing import Final, NamedTuple

from .normalise import word_key

_WORD: Final = re.compile(r"[^\W_]+(?:['’][sS]\b)?")
_SENTENCE_END: Final = re.compile(r"(?<=[.!?;])\s+(?=[A-Z(\[“\"'‘–—•-])|\n+")
_NORMS: dict[str, str] = {}  # surface word -> norm
_LEMMAS: dict[str, str] = {}  # norm -> lemma
_KEYS: dict[str, tuple[tuple[int, int, str, str], ...]] = {}  # surface -> its parts
_HUMP: Final = re.compile(r"[a-z][A-Z]|[A-Z]{2}[a-z]")
_CAMEL_PART: Final = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+|[^\W_]+")


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


TABLE_NAME: Final = "lemma-table.tsv"


class _Lemmatiser:
    """Lemmas from the shipped table while it covers the vocabulary, else from simplemma."""

    def __init__(self) -> None:
        self.table: dict[str, str] | None = None
        self.real: frozenset[str] = frozenset()
        self.full = False

    def load(self) -> dict[str, str]:
        if self.table is None:
            from ..resources import data_dir

            table: dict[str, str] = {}
            real: set[str] = set()
            path = data_dir("positions") / "concepts" / TABLE_NAME
            try:
                lines = path.read_text("utf-8").splitlines()
            except OSError:
                lines = []
                self.full = True
            for line in lines:
                if line.startswith("!"):
                    real.add(line[1:])
                elif line and not line.startswith("#"):
                    form, _, lemma = line.partition("\t")
                    table[form] = lemma or form
            self.table, self.real = table, frozenset(real)
        return self.table

    def go_full(self) -> None:
        if not self.full:
            self.full = True
            _LEMMAS.clear()
            _KEYS.clear()


LEMMATISER = _Lemmatiser()


def dictionary_lemma(norm: str) -> str:
    """Return simplemma's lemma of a folded word (simplemma is imported on first use)."""
    import simplemma

    if len(norm) > 3 and norm.isalpha():
        return str(simplemma.lemmatize(norm, lang="en")).lower()
    return norm


def lemma_of(norm: str) -> str:
    """Return the lemma of a folded word of a text (memoised)."""
    lemma = _LEMMAS.get(norm)
    if lemma is None:
        table = LEMMATISER.load()
        lemma = dictionary_lemma(norm) if LEMMATISER.full else table.get(norm, norm)
        _LEMMAS[norm] = lemma
    return lemma


def term_lemma(norm: str) -> str:
    """Return the lemma of a word of a vocabulary term (the table must know it)."""
    table = LEMMATISER.load()
    if not LEMMATISER.full and norm not in table:
        LEMMATISER.go_full()
    return dictionary_lemma(norm) if LEMMATISER.full else table[norm]


def is_real_word(norm: str) -> bool:
    """Whether a folded word is an English word (so no misspelling of another)."""
    table = LEMMATISER.load()
    if LEMMATISER.full:
        import simplemma

        return bool(simplemma.is_known(norm, lang="en"))
    return norm in table or norm in LEMMATISER.real


def sentence_starts(text: str) -> list[int]:
    """Return the offsets where the sentences of `text` start (the first is 0)."""
    return [0, *(m.end() for m in _SENTENCE_END.finditer(text))]


def _parts(surface: str) -> tuple[tuple[int, int, str, str], ...]:
    """The (start, end, norm, lemma) of one word, split at camelCase humps ("DetectFaces")."""
    if _HUMP.search(surface) is None:
        norm = norm_of(surface)
        return ((0, len(surface), norm, lemma_of(norm)),)
    out = []
    for m in _CAMEL_PART.finditer(surface):
        norm = norm_of(m.group())
        out.append((m.start(), m.end(), norm, lemma_of(norm)))
    return tuple(out)


def words(text: str) -> list[Word]:
    """Return the words of `text` with both keys, spans and sentence numbers.

    Identifiers in camelCase are read as their words ("FaceMatchThreshold" is "face",
    "match", "threshold"); snake_case ones are split by the tokeniser already.
    """
    starts = sentence_starts(text)
    bounds = starts[1:]
    next_start = bounds[0] if bounds else len(text) + 1
    keys = _KEYS
    new = tuple.__new__
    out: list[Word] = []
    append = out.append
    sentence = 0
    for m in _WORD.finditer(text):
        surface = m.group()
        parts = keys.get(surface)
        if parts is None:
            parts = keys[surface] = _parts(surface)
        start = m.start()
        while start >= next_start:
            sentence += 1
            next_start = bounds[sentence] if sentence < len(bounds) else len(text) + 1
        if len(parts) == 1:
            part = parts[0]
            append(new(Word, (part[2], part[3], start, m.end(), sentence)))
        else:
            for rel_start, rel_end, norm, lemma in parts:
                append(new(Word, (norm, lemma, start + rel_start, start + rel_end, sentence)))
    return out


def term_keys(term: str) -> tuple[bool, tuple[str, ...]]:
    """Return (exact, keys) of a vocabulary term: `=word` is exact (matched on `norm`)."""
    key = (LEMMATISER.full, term)
    found = _TERMS.get(key)
    if found is None:
        found = _TERMS[key] = _term_keys(term)
    return found


_TERMS: dict[tuple[bool, str], tuple[bool, tuple[str, ...]]] = {}


def _term_keys(term: str) -> tuple[bool, tuple[str, ...]]:
    exact = term.startswith("=")
    body = term[1:] if exact else term
    norms = tuple(part[2] for m in _WORD.finditer(body) for part in _parts(m.group()))
    if exact:
        return True, norms
    return False, tuple(term_lemma(n) for n in norms)
