"""Triggers as compositions of concepts: which must co-occur, how close, and what cancels them.

A composition holds groups of concept ids; one concept of every group must occur in the
same sentence (`window` 0) or within `window` words from the first to the last matched word.
`context` concepts must occur somewhere in the text or its clause title; a `not_near`
concept in the same sentence (or window) cancels the match, and so do exclusion phrases
("race condition") that overlap a matched word. A trigger's literal `terms` are compiled as a
concept of their own, so every trigger, phrase or composition, goes through one lookup.

The matcher looks up every word once in one `TermIndex` and only then tries the
compositions that index one of the concepts found, so a text with no concept word costs a
single pass.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from .lemma import Word
from .vocabulary import Occurrence, TermIndex

Key = tuple[int, int]  # (position index, trigger index)
Payload = tuple[str, str] | tuple[str, int] | tuple[str, int, int]

CLOSENESS_SPAN = 12  # words beyond the groups' own over which quality falls to 0.85


@dataclass(frozen=True, slots=True)
class Composition:
    """A compiled trigger: concept groups, distance, context, cancellations."""

    key: Key
    groups: tuple[frozenset[str], ...]
    window: int = 0  # 0: the same sentence; else at most this many words, first to last
    context: frozenset[str] = frozenset()
    not_near: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class CompositionHit:
    """A composition matched: its key, the matched words and what they were."""

    key: Key
    first: int  # word indexes
    last: int
    quality: float
    concepts: tuple[str, ...]
    terms: tuple[str, ...]
    parts: tuple[tuple[int, int], ...]  # the word range of each matched term


@dataclass
class Explanation:
    """What the matcher saw in one text (for `positions explain`)."""

    words: list[Word]
    occurrences: list[Occurrence[Payload]]
    hits: list[CompositionHit]
    near_misses: list[tuple[Key, list[frozenset[str]]]] = field(default_factory=list)
    cancelled: list[tuple[Key, str]] = field(default_factory=list)
    excluded: list[tuple[str, str, str]] = field(default_factory=list)  # concept, word, phrase


class CompositionMatcher:
    """Concept vocabularies and compositions compiled together."""

    def __init__(
        self,
        concept_terms: Mapping[str, Sequence[str]],
        concept_excludes: Mapping[str, Sequence[str]],
        compositions: Sequence[Composition],
        guards: Iterable[tuple[str, Payload]] = (),
        also: Iterable[str] = (),
    ) -> None:
        """`also`: concepts to find (`concepts_in`) that no composition names."""
        entries: list[tuple[str, Payload]] = []
        used = {c for comp in compositions for g in comp.groups for c in g}
        used |= {c for comp in compositions for c in comp.context | comp.not_near}
        used |= set(also)
        for cid in sorted(used):
            entries.extend((term, ("c", cid)) for term in concept_terms.get(cid, ()))
            entries.extend(("=" + t.lstrip("="), ("x", cid)) for t in concept_excludes.get(cid, ()))
        entries.extend(("=" + t.lstrip("="), payload) for t, payload in guards)
        self.index: TermIndex[Payload] = TermIndex(entries)
        self.compositions = list(compositions)
        self._by_concept: dict[str, list[int]] = defaultdict(list)
        for n, comp in enumerate(self.compositions):
            # index each composition by its first group's concepts: all groups must occur
            for cid in comp.groups[0]:
                self._by_concept[cid].append(n)

    def concepts_in(self, text_words: Sequence[Word]) -> frozenset[str]:
        """Return the concepts that occur in `text_words` (for clause-title context)."""
        return frozenset(by for by in self._collect(self.index.find(text_words))[0])

    @staticmethod
    def _collect(
        found: list[Occurrence[Payload]],
        explanation: Explanation | None = None,
    ) -> tuple[dict[str, list[Occurrence[Payload]]], list[Occurrence[Payload]]]:
        excluded = [o for o in found if o.payload[0] == "x"]
        guards = [o for o in found if o.payload[0] in ("p", "t")]
        by_concept: dict[str, list[Occurrence[Payload]]] = defaultdict(list)
        for o in found:
            if o.payload[0] != "c":
                continue
            cid = str(o.payload[1])
            blocking = [
                x
                for x in excluded
                if x.payload[1] == cid and x.first <= o.last and o.first <= x.last
            ]
            if blocking:
                if explanation is not None:
                    explanation.excluded.append((cid, o.term, blocking[0].term.lstrip("=")))
                continue
            by_concept[cid].append(o)
        return by_concept, guards

    def match(
        self,
        text_words: Sequence[Word],
        title_concepts: frozenset[str] = frozenset(),
        explanation: Explanation | None = None,
        seen: set[str] | None = None,
    ) -> list[CompositionHit]:
        """Return every composition matched in `text_words` (and add the concepts that occur
        in them to `seen`)."""
        found = self.index.find(text_words)
        if not found:
            return []
        by_concept, guards = self._collect(found, explanation)
        if explanation is not None:
            explanation.occurrences = found
        if not by_concept:
            return []
        if seen is not None:
            seen.update(by_concept)
        candidates: set[int] = set()
        for cid in by_concept:
            candidates.update(self._by_concept.get(cid, ()))
        present = frozenset(by_concept)
        hits: list[CompositionHit] = []
        for n in sorted(candidates):
            comp = self.compositions[n]
            missing = [g for g in comp.groups if not (g & present)]
            if missing:
                if explanation is not None:
                    explanation.near_misses.append((comp.key, missing))
                continue
            if comp.context and not (comp.context & (present | title_concepts)):
                if explanation is not None:
                    explanation.cancelled.append((comp.key, "no context concept"))
                continue
            hits.extend(self._spans(comp, text_words, by_concept, guards, explanation))
        if explanation is not None:
            explanation.hits = hits
        return hits

    def _spans(
        self,
        comp: Composition,
        text_words: Sequence[Word],
        by_concept: Mapping[str, list[Occurrence[Payload]]],
        guards: list[Occurrence[Payload]],
        explanation: Explanation | None,
    ) -> list[CompositionHit]:
        groups = [
            sorted((o for c in g for o in by_concept.get(c, ())), key=lambda o: o.first)
            for g in comp.groups
        ]
        out: list[CompositionHit] = []
        seen: set[tuple[int, int]] = set()
        for anchor in groups[0]:
            chosen = [anchor]
            sentence = text_words[anchor.first].sentence
            for options in groups[1:]:
                best: Occurrence[Payload] | None = None
                best_gap = 1 << 30
                for o in options:
                    if any(o.first <= c.last and c.first <= o.last for c in chosen):
                        continue  # each group needs words of its own
                    if comp.window:
                        gap = max(o.first - anchor.last, anchor.first - o.last, 0)
                        if gap > comp.window:
                            continue
                    elif text_words[o.first].sentence != sentence:
                        continue
                    else:
                        gap = max(o.first - anchor.last, anchor.first - o.last, 0)
                    if gap < best_gap:
                        best, best_gap = o, gap
                if best is None:
                    break
                chosen.append(best)
            if len(chosen) < len(groups):
                continue
            first = min(o.first for o in chosen)
            last = max(o.last for o in chosen)
            if comp.window and last - first + 1 > comp.window + 2:
                continue
            if (first, last) in seen:
                continue
            seen.add((first, last))
            reason = self._cancelled(comp, text_words, by_concept, guards, chosen, first, last)
            if reason:
                if explanation is not None:
                    explanation.cancelled.append((comp.key, reason))
                continue
            own = sum(o.last - o.first + 1 for o in chosen)
            spread = max(0, (last - first + 1) - own)
            quality = 1.0 - 0.15 * min(1.0, spread / CLOSENESS_SPAN)
            for o in chosen:
                quality *= o.quality
            out.append(
                CompositionHit(
                    key=comp.key,
                    first=first,
                    last=last,
                    quality=quality,
                    concepts=tuple(dict.fromkeys(str(o.payload[1]) for o in chosen)),
                    terms=tuple(dict.fromkeys(o.term for o in chosen)),
                    parts=tuple(sorted((o.first, o.last) for o in chosen)),
                )
            )
        return out

    @staticmethod
    def _cancelled(
        comp: Composition,
        text_words: Sequence[Word],
        by_concept: Mapping[str, list[Occurrence[Payload]]],
        guards: list[Occurrence[Payload]],
        chosen: list[Occurrence[Payload]],
        first: int,
        last: int,
    ) -> str:
        pi, ti = comp.key
        for g in guards:
            mine = g.payload == ("p", pi) or g.payload == ("t", pi, ti)
            if mine and any(g.first <= o.last and o.first <= g.last for o in chosen):
                return f"excluded by {g.term!r}"
        if comp.not_near:
            sentences = {text_words[first].sentence, text_words[last].sentence}
            for cid in comp.not_near:
                for o in by_concept.get(cid, ()):
                    if comp.window:
                        close = o.last >= first - comp.window and o.first <= last + comp.window
                    else:
                        close = text_words[o.first].sentence in sentences
                    if close and not any(o is c for c in chosen):
                        return f"not near {cid!r} ({o.term!r})"
        return ""


def payload_label(payload: Hashable) -> str:
    """Return a readable name for an occurrence payload (for explanations)."""
    if isinstance(payload, tuple) and payload:
        kind = payload[0]
        if kind == "c":
            return str(payload[1])
        if kind == "x":
            return f"not {payload[1]}"
        return "exclusion"
    return str(payload)
