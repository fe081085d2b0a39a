"""Words a regular expression's match must contain, so most patterns can be skipped.

Trigger patterns are tried on every clause title and block, but most can only match where a
few words occur: `\\b(does|do|is)\\s+not\\s+(be\\s+)?(informed|notified)\\b` needs "informed" or
"notified". This module expands a pattern, with Python's own regex parser, into the word
sequences its matches can start with (each branch of the pattern is one path), and picks on
each path its most telling word (the longest one that is not a common function word). A text
holding none of the picked words cannot match, and the pattern is not run on it. Patterns whose
start cannot be expanded (a digit class, a wildcard) are always run.

Words are compared in lower case; hyphenated compounds count both whole ("in-cabin") and in
parts ("in", "cabin"), as the tokeniser of `text_words` gives them.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

# Python's own regex parser (stable since 3.11; the sre_* modules are its deprecated aliases)
from re import _constants as sre_constants  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]

MAX_PATHS = 4096
MIN_PREFIX = 2
_WORD_CHAR = re.compile(r"[^\W_]")
_WORDS = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_JOINER_SPLIT = re.compile(r"[-'’]")
_JOINERS = frozenset("-'’")
#: Words too common to tell whether a pattern can match.
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "been",
        "by",
        "can",
        "do",
        "does",
        "for",
        "from",
        "has",
        "have",
        "in",
        "into",
        "is",
        "it",
        "its",
        "may",
        "must",
        "need",
        "no",
        "not",
        "of",
        "on",
        "or",
        "shall",
        "should",
        "so",
        "such",
        "than",
        "that",
        "the",
        "their",
        "there",
        "these",
        "this",
        "to",
        "was",
        "were",
        "which",
        "will",
        "with",
        "within",
        "without",
        "would",
    ]
)


@dataclass(frozen=True)
class Anchor:
    """What a pattern's match must contain: one of `alternatives`, each a set of words that
    must all be present (a word ending in "*" is a prefix of a word)."""

    alternatives: tuple[tuple[str, ...], ...]  # each sorted most telling first

    def may_match(self, words: set[str]) -> bool:
        """Whether a text with these (lower-case) words can hold a match."""
        return any(_all_present(alt, words) for alt in self.alternatives)


def _present(word: str, words: set[str]) -> bool:
    if word.endswith("*"):
        prefix = word[:-1]
        return any(w.startswith(prefix) for w in words)
    return word in words


def _all_present(alternative: tuple[str, ...], words: set[str]) -> bool:
    return all(_present(word, words) for word in alternative)


class _UnboundedError(Exception):
    """The start of the pattern cannot be expanded into a finite set of words."""


# A path through the pattern: its most telling words so far (at most KEEP; "word*" for a
# prefix), the word being read, whether that word's end is unknown (a prefix), and whether
# its start is unknown (after a repetition or a wildcard). Keeping a few words, not every
# word, keeps the number of paths small.
_Path = tuple[tuple[str, ...], str, bool, bool]
KEEP = 3


def _rank(word: str) -> tuple[int, bool]:
    """How telling a word is: longer is better, whole words beat prefixes; 0 = useless."""
    bare = word.rstrip("*").strip("-'’")
    prefix = word.endswith("*")
    if not bare or bare in STOPWORDS or (prefix and len(bare) < MIN_PREFIX):
        return (0, False)
    return (len(bare), not prefix)


_keep_count = [KEEP]  # lowered while retrying a pattern whose paths multiply too fast


def _keep(best: tuple[str, ...], word: str) -> tuple[str, ...]:
    if _rank(word)[0] == 0 or word in best:
        return best
    return tuple(sorted((*best, word), key=_rank, reverse=True)[: _keep_count[0]])


def _is_word(code: int) -> bool:
    return bool(_WORD_CHAR.match(chr(code)))


def _walk(items: Iterable[tuple[object, object]], paths: set[_Path]) -> set[_Path]:
    for op, arg in items:
        paths = _step(op, arg, paths)
        if len(paths) > MAX_PATHS:
            raise _UnboundedError
    return paths


def _append(paths: set[_Path], chars: Sequence[str]) -> set[_Path]:
    return {(b, cur + ch, pre, taint) for b, cur, pre, taint in paths for ch in chars}


def _break(paths: set[_Path]) -> set[_Path]:
    out: set[_Path] = set()
    for best, current, prefix, tainted in paths:
        if current and not tainted:
            best = _keep(best, current + "*" if prefix else current)
        out.add((best, "", False, False))
    return out


def _gap(paths: set[_Path]) -> set[_Path]:
    """Unknown characters follow: the current word's end and the next word's start are lost."""
    out: set[_Path] = set()
    for best, current, _, tainted in paths:
        if current and not tainted:
            best = _keep(best, current + "*")
        out.add((best, "", False, True))
    return out


def _ends_with_separator(items: list[tuple[object, object]]) -> bool:
    """Whether every match of a sub-pattern ends with a space or punctuation."""
    c = sre_constants
    if not items:
        return False
    op, arg = items[-1]
    if op is c.SUBPATTERN:
        assert isinstance(arg, tuple)
        return _ends_with_separator(list(arg[-1]))
    if op is c.BRANCH:
        assert isinstance(arg, tuple)
        return all(_ends_with_separator(list(branch)) for branch in arg[1])
    if op in (c.MAX_REPEAT, c.MIN_REPEAT):
        assert isinstance(arg, tuple)
        return arg[0] >= 1 and _separators_only(arg[2])
    return _separators_only([items[-1]])


def _open_end(paths: set[_Path]) -> set[_Path]:
    """The word being read may go on (a repetition may add letters): it becomes a prefix."""
    return {(best, current, bool(current), tainted) for best, current, _, tainted in paths}


def _separators_only(items: Iterable[tuple[object, object]]) -> bool:
    """Whether a sub-pattern can only match spaces and punctuation (never a word character)."""
    c = sre_constants
    for op, arg in items:
        if op is c.LITERAL:
            assert isinstance(arg, int)
            if _is_word(arg):
                return False
        elif op is c.IN:
            assert isinstance(arg, list)
            for kind, value in arg:
                if kind is c.LITERAL and isinstance(value, int):
                    if _is_word(value):
                        return False
                elif not (kind is c.CATEGORY and value is c.CATEGORY_SPACE):
                    return False
        elif op is c.CATEGORY:
            if arg is not c.CATEGORY_SPACE:
                return False
        elif op is c.SUBPATTERN:
            assert isinstance(arg, tuple)
            if not _separators_only(arg[-1]):
                return False
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT):
            assert isinstance(arg, tuple)
            if not _separators_only(arg[2]):
                return False
        elif op is c.BRANCH:
            assert isinstance(arg, tuple)
            if not all(_separators_only(b) for b in arg[1]):
                return False
        elif op is not c.AT:
            return False
    return True


def _step(op: object, arg: object, paths: set[_Path]) -> set[_Path]:
    c = sre_constants
    if op is c.AT:
        return _break(paths) if arg in (c.AT_BOUNDARY, c.AT_NON_BOUNDARY) else paths
    if op in (c.ASSERT, c.ASSERT_NOT):
        return paths
    if op is c.LITERAL:
        assert isinstance(arg, int)
        if _is_word(arg) or chr(arg) in _JOINERS:
            return _append(paths, [chr(arg).lower()])
        return _break(paths)
    if op is c.IN:
        assert isinstance(arg, list)
        chars: list[str] = []
        for kind, value in arg:
            if kind is c.LITERAL and isinstance(value, int):
                chars.append(chr(value).lower())
            elif kind is c.CATEGORY and value is c.CATEGORY_SPACE:
                chars.append(" ")
            else:
                return _gap(paths)
        if all(_WORD_CHAR.match(ch) or ch in _JOINERS for ch in chars) and len(set(chars)) <= 8:
            return _append(paths, sorted(set(chars)))
        if not any(_WORD_CHAR.match(ch) for ch in chars):
            return _break(paths)
        return _gap(paths)
    if op is c.SUBPATTERN:
        assert isinstance(arg, tuple)
        return _walk(arg[-1], paths)
    if op is c.BRANCH:
        assert isinstance(arg, tuple)
        out: set[_Path] = set()
        for branch in arg[1]:
            out |= _walk(branch, set(paths))
        return out
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
        assert isinstance(arg, tuple)
        low, high, body = arg
        if _separators_only(body):
            broken = _break(paths)
            return (set(paths) | broken) if low == 0 else broken
        if high == 1:
            return (set(paths) if low == 0 else set()) | _walk(body, set(paths))
        if _ends_with_separator(list(body)):
            # "(the\s+|their\s+)*": whatever repeats, the text after it starts a new word
            once = _break(_walk(body, set(paths))) if low >= 1 else _break(_open_end(paths))
        else:
            once = _gap(_walk(body, set(paths))) if low >= 1 else _gap(paths)
        return (set(paths) | once) if low == 0 else once
    if op is c.CATEGORY and arg is c.CATEGORY_SPACE:
        return _break(paths)
    return _gap(paths)


def _finish(paths: set[_Path]) -> set[tuple[str, ...]]:
    """Return the telling words of every path (empty for a path without any)."""
    return {
        _keep(best, current + "*") if current and not tainted else best
        for best, current, _, tainted in paths
    }


def anchor_of(pattern: str) -> Anchor | None:
    """Return the words a match of `pattern` must contain, or None if unknown.

    Each path keeps its few most telling words; when a pattern's paths multiply too fast,
    fewer words are kept per path (down to one) before giving up.
    """
    try:
        parsed = list(sre_parse.parse(pattern, re.IGNORECASE))
    except (re.error, RecursionError):
        return None
    paths: set[_Path] | None = None
    for keep in range(KEEP, 0, -1):
        _keep_count[0] = keep
        try:
            paths = _walk(parsed, {((), "", False, False)})
            break
        except (_UnboundedError, RecursionError):
            continue
        finally:
            _keep_count[0] = KEEP
    if paths is None:
        return None
    alternatives = sorted(_finish(paths))
    if not alternatives or any(not alt for alt in alternatives):
        return None  # a branch that only needs common words: always run
    return Anchor(tuple(alternatives))


def text_words(text: str) -> set[str]:
    """Return the distinct lower-case words of `text`, compounds whole and in parts."""
    found: set[str] = set()
    for word in _WORDS.findall(text.lower()):
        found.add(word)
        if not word.isalnum():
            parts = _JOINER_SPLIT.split(word)
            found.update(parts)
            for i in range(1, len(parts)):  # "person's" may be matched as "person" + "'s"
                found.add("-".join(parts[:i]))
    return found


class AnchorIndex:
    """Which patterns can match a text, from the words of the text.

    `prepare(vocabulary)` adapts the index to one draft: every alternative of every anchor
    that needs a word the draft never uses is dropped, and each remaining alternative is
    filed under its rarest word in the draft (prefixes are expanded to the draft's words).
    `candidates(words)` then brings up, for one text, the alternatives filed under its words
    and keeps the patterns one of whose alternatives is wholly present. Patterns without an
    anchor are always candidates.
    """

    def __init__(self, anchors: Sequence[Anchor | None]) -> None:
        self.anchors = list(anchors)
        self.always: frozenset[int] = frozenset(i for i, a in enumerate(anchors) if a is None)
        self._alternatives = [
            (index, alternative)
            for index, anchor in enumerate(anchors)
            if anchor is not None
            for alternative in anchor.alternatives
        ]
        self._filed: dict[str, list[tuple[int, tuple[str, ...]]]] = {}

    def prepare(self, frequency: Mapping[str, int]) -> None:
        """File the anchors for a draft whose words occur in `frequency` texts each."""
        ordered = sorted(frequency)
        filed: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
        expanded: dict[str, list[str]] = {}

        def words_for(item: str) -> list[str]:
            if not item.endswith("*"):
                return [item] if item in frequency else []
            if item not in expanded:
                head = item[:-1]
                start = bisect.bisect_left(ordered, head)
                found = []
                for word in ordered[start:]:
                    if not word.startswith(head):
                        break
                    found.append(word)
                expanded[item] = found
            return expanded[item]

        for index, alternative in self._alternatives:
            for item in alternative:  # most alternatives die here, on a word never used
                if item[-1] != "*" and item not in frequency:
                    break
            else:
                options = [words_for(item) for item in alternative]
                if not all(options):
                    continue  # needs a word this draft never uses
                # file under the rarest required item; the others are checked per text
                rarest = min(
                    range(len(options)),
                    key=lambda i: sum(frequency[w] for w in options[i]),
                )
                rest = tuple(alternative[:rarest] + alternative[rarest + 1 :])
                for word in options[rarest]:
                    filed.setdefault(word, []).append((index, rest))
        self._filed = filed

    def candidates(self, words: set[str]) -> set[int]:
        """Return the patterns worth running on a text made of `words`."""
        selected = set(self.always)
        filed = self._filed
        for word in words:
            entries = filed.get(word)
            if entries:
                for index, rest in entries:
                    if index not in selected and _all_present(rest, words):
                        selected.add(index)
        return selected
