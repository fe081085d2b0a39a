"""Scan a draft's clauses against the position library and explain every finding.

For each clause, its title and each of its blocks (table cells included) are matched
against every position's triggers (phrases, with optional regular expressions), on
normalised words (`matching.normalise`) with word boundaries (`matching.phrases`). A hit
counts when:
  - no `exclude` phrase of the position (or of the trigger) overlaps it ("race condition");
  - a trigger with `context` words has one of them in the same block or the clause title.
Each hit gets a strength: trigger weight x match quality x where it sits (title above body,
requirement sentences above informative text, notes and appendices lower). The score of a
(clause, position) pair combines the best hit of each distinct trigger:
    score = 100 x (1 - prod(1 - 0.75 x strength))
so one exact strong trigger in a requirement gives 75, two give about 94, and weak triggers
need company. Hits in a sentence that excludes the topic ("This Recommendation does not
address emotion recognition") are reported as exclusions, not concerns.

References, bibliographies and the title page are not scanned: citing a paper on emotion
recognition is not a provision.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol

from .findings import Evidence, Finding, ScanResult
from .matching.anchors import Anchor, AnchorIndex, anchor_of, text_words
from .matching.normalise import END, KEY, START, Token, keys, tokens
from .matching.phrases import PhraseMatcher
from .matching.proximity import ProximityMatcher
from .model import (
    REQUIREMENT_RANK,
    Block,
    BlockKind,
    Clause,
    ClauseKind,
    Draft,
    Location,
    Requirement,
)
from .profiles import Profile, profile_for
from .requirements import requirement_in

DEFAULT_MIN_SCORE = 45.0
NEAR_WINDOW = 7  # words a `near` trigger's match may span by default
SATURATION = 0.75

TITLE_FACTOR = 1.2
INFORMATIVE_FACTOR = 0.8
PROHIBITION_FACTOR = 0.6  # "is prohibited from inferring emotions" is a safeguard, mostly
KIND_FACTORS: dict[ClauseKind, float] = {
    ClauseKind.FRONT: 0.85,
    ClauseKind.DEFINITIONS: 0.85,
    ClauseKind.ABBREVIATIONS: 0.5,
}
BLOCK_FACTORS: dict[BlockKind, float] = {
    BlockKind.CAPTION: 0.9,
    BlockKind.ABBREVIATION: 0.5,
    BlockKind.CODE: 0.5,
    BlockKind.REFERENCE: 0.3,
}
REQUIREMENT_FACTORS: dict[Requirement, float] = {
    Requirement.REQUIRED: 1.0,
    Requirement.PROHIBITED: PROHIBITION_FACTOR,
    Requirement.RECOMMENDED: 1.0,
    Requirement.NOT_RECOMMENDED: 0.7,
    Requirement.OPTIONAL: 0.95,
    Requirement.POSSIBLE: 0.92,
    Requirement.NONE: 0.9,
}
SKIPPED_KINDS = frozenset({ClauseKind.REFERENCES, ClauseKind.BIBLIOGRAPHY})

_EXCLUSION = re.compile(
    r"\b(?:does|do|shall|will|should|is|are)\s+not\s+(?:\w+\s+){0,2}?"
    r"(?:address|cover|specify|apply|deal|include|consider|define|standardi[sz]e|concern"
    r"|intend|describe|permit|allow)"
    r"|\b(?:is|are)\s+(?:out\s+of|outside(?:\s+of)?|beyond)\s+(?:the\s+)?scope"
    r"|\bout\s+of\s+(?:the\s+)?scope\b|\boutside\s+(?:the\s+)?scope\b"
    r"|\b(?:is|are)\s+(?:explicitly\s+)?excluded\b|\bnot\s+(?:with)?in\s+(?:the\s+)?scope\b"
    r"|\bexcluded\s+from\s+(?:the\s+)?scope\b|\bnot\s+(?:be\s+)?used\s+(?:for|to)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+(?=[A-Z(\[“\"'‘–—•-])|\n+")


class TriggerLike(Protocol):
    """What the scanner reads of a trigger."""

    @property
    def phrase(self) -> str: ...
    @property
    def weight(self) -> float: ...
    @property
    def pattern(self) -> str | None: ...
    @property
    def context(self) -> Sequence[str]: ...
    @property
    def exclude(self) -> Sequence[str]: ...
    @property
    def near(self) -> Sequence[Sequence[str]]: ...
    @property
    def window(self) -> int: ...


class PositionLike(Protocol):
    """What the scanner reads of a position."""

    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def triggers(self) -> Sequence[TriggerLike]: ...
    @property
    def exclude(self) -> Sequence[str]: ...


@dataclass(frozen=True, slots=True)
class _Ref:
    position: int
    trigger: int  # -1: a position-wide exclusion
    exclude: bool


@dataclass
class _Unit:
    """A piece of text the scanner matches: a clause title or a block."""

    text: str
    where: str
    kind: str
    location: Location
    requirement: Requirement
    requirement_keyword: str
    informative: bool
    factor: float
    table: tuple[int, ...] = ()  # for tables: offsets where each row starts


@dataclass
class _Hit:
    position: int
    trigger: int
    start: int
    end: int
    strength: float
    evidence: Evidence


@dataclass
class _Pair:
    hits: list[_Hit] = field(default_factory=list)


def _context_keys(words: Iterable[str]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(keys(w)) for w in words if keys(w))


class Scanner:
    """A position library compiled for matching."""

    def __init__(self, positions: Sequence[PositionLike]) -> None:
        self.positions = list(positions)
        phrases: list[tuple[str, _Ref]] = []
        self._patterns: list[tuple[_Ref, re.Pattern[str], Anchor | None]] = []
        self._contexts: dict[tuple[int, int], tuple[tuple[str, ...], ...]] = {}
        self._weights: dict[tuple[int, int], float] = {}
        self._labels: dict[tuple[int, int], str] = {}
        for pi, position in enumerate(self.positions):
            for ti, trigger in enumerate(position.triggers):
                ref = _Ref(pi, ti, False)
                phrases.append((trigger.phrase, ref))
                if trigger.pattern:
                    regex = re.compile(trigger.pattern, re.IGNORECASE)
                    self._patterns.append((ref, regex, anchor_of(trigger.pattern)))
                phrases.extend((word, _Ref(pi, ti, True)) for word in trigger.exclude)
                self._contexts[(pi, ti)] = _context_keys(trigger.context)
                self._weights[(pi, ti)] = float(trigger.weight)
                self._labels[(pi, ti)] = trigger.phrase
            phrases.extend((word, _Ref(pi, -1, True)) for word in position.exclude)
        self.matcher = PhraseMatcher(phrases)
        self.proximity = ProximityMatcher(
            [(text, ref) for text, ref in phrases if not ref.exclude],
            [
                (trigger.near, trigger.window or NEAR_WINDOW, _Ref(pi, ti, False))
                for pi, position in enumerate(self.positions)
                for ti, trigger in enumerate(position.triggers)
                if trigger.near
            ],
        )
        self._anchors = AnchorIndex([anchor for _, _, anchor in self._patterns])
        self.trigger_count = sum(len(p.triggers) for p in self.positions)

    # -- one piece of text -----------------------------------------------------------------

    def _match(self, unit: _Unit, title_keys: frozenset[str], words: set[str]) -> list[_Hit]:
        toks = tokens(unit.text)
        if not toks:
            return []
        found: list[tuple[_Ref, int, int, float]] = []  # ref, char start, char end, quality
        for hit in self.matcher.find(unit.text, toks):
            found.append((hit.payload, toks[hit.first][START], toks[hit.last][END], hit.quality))
        exact = {(ref, start, end) for ref, start, end, _ in found}
        for hit in self.proximity.find(toks):
            start, end = toks[hit.first][START], toks[hit.last][END]
            if not any(r == hit.payload and s < end and start < e for r, s, e in exact):
                found.append((hit.payload, start, end, hit.quality))
        if self._patterns:
            for index in sorted(self._anchors.candidates(words)):
                ref, pattern, _ = self._patterns[index]
                for match in pattern.finditer(unit.text):
                    if match.end() > match.start():
                        found.append((ref, match.start(), match.end(), 1.0))
        if not found:
            return []
        excluded: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
        for ref, start, end, _ in found:
            if ref.exclude:
                excluded[ref.position].append((ref.trigger, start, end))
        block_keys: frozenset[str] | None = None
        hits: list[_Hit] = []
        for ref, start, end, quality in found:
            if ref.exclude:
                continue
            key = (ref.position, ref.trigger)
            if any(
                (t == -1 or t == ref.trigger) and s < end and start < e
                for t, s, e in excluded.get(ref.position, ())
            ):
                continue
            contexts = self._contexts[key]
            if contexts:
                if block_keys is None:
                    block_keys = frozenset(t[KEY] for t in toks) | title_keys
                if not any(all(k in block_keys for k in needed) for needed in contexts):
                    continue
            hits.append(self._hit(unit, toks, ref, start, end, quality))
        return hits

    def _hit(
        self, unit: _Unit, toks: list[Token], ref: _Ref, start: int, end: int, quality: float
    ) -> _Hit:
        sentence_start, sentence_end = _sentence(unit.text, start)
        if end > sentence_end:  # a pattern's match may run over a sentence end
            sentence_end = _sentence(unit.text, end - 1)[1]
        sentence = unit.text[sentence_start:sentence_end]
        strength_req, keyword = unit.requirement, unit.requirement_keyword
        if unit.where == "block":
            strength_req, keyword = self._sentence_requirement(sentence, unit)
        exclusion = bool(_EXCLUSION.search(sentence))
        factor = unit.factor * REQUIREMENT_FACTORS[strength_req]
        if unit.informative:
            factor *= INFORMATIVE_FACTOR
        strength = min(1.0, self._weights[(ref.position, ref.trigger)] * quality * factor)
        location = unit.location
        if unit.table:
            row = bisect.bisect_right(unit.table, start) - 1
            row_start = unit.table[row]
            column = unit.text.count(" | ", row_start, start)
            location = replace(location, row=row, column=column)
        evidence = Evidence(
            trigger=self._labels[(ref.position, ref.trigger)],
            matched=unit.text[start:end],
            start=start,
            end=end,
            sentence=" ".join(sentence.split()),
            where=unit.where,
            block_kind=unit.kind,
            location=location,
            requirement=strength_req,
            requirement_keyword=keyword,
            informative=unit.informative,
            strength=round(strength, 4),
            exclusion=exclusion,
            text=unit.text,
        )
        return _Hit(ref.position, ref.trigger, start, end, strength, evidence)

    def _sentence_requirement(self, sentence: str, unit: _Unit) -> tuple[Requirement, str]:
        if self._profile is None:
            return unit.requirement, unit.requirement_keyword
        found = requirement_in(sentence, self._profile)
        if found[0] == Requirement.NONE and unit.kind == BlockKind.LIST_ITEM.value:
            return unit.requirement, unit.requirement_keyword  # "shall:" on the lead-in
        return found

    # -- a whole draft ---------------------------------------------------------------------

    _profile: Profile | None = None

    def scan(
        self,
        draft: Draft,
        *,
        min_score: float = DEFAULT_MIN_SCORE,
        only: Iterable[str] = (),
    ) -> ScanResult:
        """Return the findings of `draft` at or above `min_score` (0..100)."""
        wanted = set(only)
        self._profile = profile_for(draft.body)
        findings: list[Finding] = []
        exclusions: list[Finding] = []
        clauses = blocks = units = 0
        # a heading over sub-clauses carries no text of its own: comments go on the sub-clauses
        work = [
            (c, list(self._units(c)))
            for c in draft.walk()
            if scanned(c) and (c.blocks or not c.children)
        ]
        vocabulary: Counter[str] = Counter()
        unit_words: dict[int, set[str]] = {}
        for _, clause_units in work:
            for unit in clause_units:
                unit_words[id(unit)] = words = text_words(unit.text)
                vocabulary.update(words)
        self._anchors.prepare(vocabulary)
        for clause, clause_units in work:
            clauses += 1
            title_keys = frozenset(keys(clause.title))
            pairs: dict[int, _Pair] = defaultdict(_Pair)
            for unit in clause_units:
                units += 1
                if unit.where == "block":
                    blocks += 1
                for hit in self._match(unit, title_keys, unit_words[id(unit)]):
                    if wanted and self.positions[hit.position].id not in wanted:
                        continue
                    pairs[hit.position].hits.append(hit)
            for pi, pair in sorted(pairs.items()):
                finding = self._finding(clause, pi, pair)
                if finding.exclusion:
                    exclusions.append(finding)
                elif finding.score >= min_score:
                    findings.append(finding)
        return ScanResult(
            path=draft.source.path,
            sha256=draft.source.sha256,
            body=draft.body.value,
            title=draft.metadata.title or draft.metadata.recommendation,
            min_score=min_score,
            findings=tuple(findings),
            exclusions=tuple(exclusions),
            clauses=clauses,
            blocks=blocks,
            pairs=units * self.trigger_count,
        )

    def _units(self, clause: Clause) -> Iterable[_Unit]:
        kind_factor = KIND_FACTORS.get(clause.kind, 1.0)
        informative = not clause.normative and clause.kind != ClauseKind.FRONT
        if clause.title:
            yield _Unit(
                text=clause.title,
                where="title",
                kind="heading",
                location=clause.location or Location(-1),
                requirement=Requirement.NONE,
                requirement_keyword="",
                informative=informative,
                factor=min(TITLE_FACTOR * kind_factor, 1.25),
            )
        for block in clause.blocks:
            if block.kind == BlockKind.REFERENCE:
                continue
            yield self._block_unit(block, kind_factor)

    @staticmethod
    def _block_unit(block: Block, kind_factor: float) -> _Unit:
        rows: tuple[int, ...] = ()
        if block.kind == BlockKind.TABLE:
            starts, offset = [0], 0
            for line in block.text.split("\n")[:-1]:
                offset += len(line) + 1
                starts.append(offset)
            rows = tuple(starts)
        return _Unit(
            text=block.text,
            where="block",
            kind=block.kind.value,
            location=block.location,
            requirement=block.requirement,
            requirement_keyword=block.requirement_keyword,
            informative=block.informative,
            factor=kind_factor * BLOCK_FACTORS.get(block.kind, 1.0),
            table=rows,
        )

    def _finding(self, clause: Clause, position_index: int, pair: _Pair) -> Finding:
        position = self.positions[position_index]
        concerns = [h for h in pair.hits if not h.evidence.exclusion]
        counted = concerns or pair.hits
        best: dict[str, float] = {}
        for hit in counted:
            label = self._labels[(hit.position, hit.trigger)]
            best[label] = max(best.get(label, 0.0), hit.strength)
        remaining = 1.0
        for strength in best.values():
            remaining *= 1.0 - SATURATION * strength
        score = min(round(100.0 * (1.0 - remaining), 1), 99.9)  # never certain
        evidence = _dedupe(pair.hits)
        strongest = max(
            (h.evidence.requirement for h in counted),
            key=lambda r: REQUIREMENT_RANK[r],
            default=Requirement.NONE,
        )
        return Finding(
            clause_number=clause.number,
            clause_title=clause.title,
            clause_kind=clause.kind,
            position_id=position.id,
            position_title=position.title,
            score=score,
            evidence=evidence,
            requirement=strongest,
            exclusion=not concerns,
        )


_BIBLIOGRAPHY = re.compile(r"^(?:bibliography|bibliographie|references)$", re.IGNORECASE)


def scanned(clause: Clause) -> bool:
    """Whether the scan looks at `clause` (not references, bibliographies or the title page)."""
    if clause.kind in SKIPPED_KINDS or not (clause.number or clause.title):
        return False
    return not _BIBLIOGRAPHY.match(clause.title.strip())


def _dedupe(hits: list[_Hit]) -> tuple[Evidence, ...]:
    """Return the evidence strongest first, dropping hits contained in a stronger one."""
    ordered = sorted(hits, key=lambda h: (-h.strength, h.evidence.where != "title", h.start))
    kept: list[_Hit] = []
    for hit in ordered:
        if any(
            k.evidence.location == hit.evidence.location
            and k.evidence.where == hit.evidence.where
            and k.start <= hit.start
            and hit.end <= k.end
            for k in kept
        ):
            continue
        kept.append(hit)
    return tuple(h.evidence for h in kept)


def _sentence(text: str, offset: int) -> tuple[int, int]:
    """Return the (start, end) of the sentence of `text` holding `offset`."""
    start = 0
    end = len(text)
    for match in _SENTENCE_END.finditer(text):
        if match.start() >= offset:
            end = match.start()
            break
        start = match.end()
    return start, end


def scan_draft(
    draft: Draft,
    positions: Sequence[PositionLike],
    *,
    min_score: float = DEFAULT_MIN_SCORE,
    only: Iterable[str] = (),
) -> ScanResult:
    """Scan `draft` against `positions` (compile once with `Scanner` for many drafts)."""
    return Scanner(positions).scan(draft, min_score=min_score, only=only)
