"""Scan a draft's clauses against the position library and explain every finding.

For each clause, its title and each of its blocks (table cells included) are matched
against every position's triggers. Words are looked up once in the concept vocabularies
(`positions/concepts/`, on lemmas: `matching.lemma`, `matching.vocabulary`); a trigger is a
composition of concepts (`matching.compose`): one concept of each group in one sentence or
within a window, with optional context concepts, `not_near` concepts that cancel it and
exclusion phrases ("race condition"). A trigger's own `terms` are matched the same way.
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
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol

from .findings import Evidence, Finding, ScanResult
from .matching.compose import Composition, CompositionMatcher, Explanation, Payload
from .matching.lemma import words
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
from .positions.concepts import Concept, load_concepts, resolve_excludes, resolve_terms
from .profiles import Profile, profile_for
from .requirements import requirement_in

DEFAULT_MIN_SCORE = 45.0
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
    BlockKind.CODE: 0.8,  # API fields and JSON examples carry meaning in SDK documentation
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

#: concepts that, named in a draft's title, top-level clause titles or scope, say the whole
#: draft is about analysing people, and so count as context for each of its clauses
SUBJECT_CONCEPTS = frozenset(
    {
        "people-analysis",
        "biometric",
        "face",
        "face-recognition",
        "emotion",
        "facial-expression",
        "physiological",
        "surveillance",
        "lie-detector",
        "fatigue-state",
        "inner-state",
        "mental-health",
    }
)
#: a paragraph naming the police or security services with recording, capture or
#: interception deals with watching people too (a body-worn camera or pen-register law)
_WATCHING = frozenset({"capture-device", "capture", "interception"})
#: a draft whose subject names animals and no person (a pet-emotion format, a livestock
#: statute) analyses nobody: its clauses do not count for `is_on_topic`
_ABOUT = frozenset({"animal", "person"})
#: what a scanned clause names: analysis of people (`SUBJECT_CONCEPTS`), or personal data
ANALYSIS, PERSONAL_DATA = 2, 1
#: a draft is on topic when at least 2 clauses and 2 % of them name analysis of people, or
#: 10 % name personal data; the scores of one that is not are scaled by OFF_TOPIC_FACTOR, so
#: that only strong evidence remains (a cable-modem timing standard or a regular-expression
#: guide full of "attention", "faces" and "monitoring")
ON_TOPIC_ANALYSIS = (2, 0.02)
ON_TOPIC_PERSONAL_DATA = 0.1
ON_TOPIC_MIN_CLAUSES = 10  # a shorter draft is too short to judge: it counts as on topic
OFF_TOPIC_FACTOR = 0.6
#: a position's findings in a draft whose subject names one of the position's `subject`
#: concepts (a statute on student records for `education`, a polygraph act for
#: `self-incrimination`) count for more: their scores are multiplied by SUBJECT_FACTOR
SUBJECT_FACTOR = 1.3
_SCOPE_TITLE = re.compile(r"(?i)\s*(?:scope|introduction|overview|summary|abstract)\b")

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
    def terms(self) -> Sequence[str]: ...
    @property
    def concepts(self) -> Sequence[Sequence[str]]: ...
    @property
    def not_near(self) -> Sequence[str]: ...
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


def bundled_concepts() -> Mapping[str, Concept]:
    """The bundled concept library (read once per process)."""
    global _BUNDLED_CONCEPTS
    if _BUNDLED_CONCEPTS is None:
        from .positions.library import bundled_dir

        concepts, problems = load_concepts([bundled_dir()])
        if problems:
            raise problems[0].to_error()
        _BUNDLED_CONCEPTS = concepts
    return _BUNDLED_CONCEPTS


_BUNDLED_CONCEPTS: Mapping[str, Concept] | None = None


class Scanner:
    """A position library compiled for matching.

    `concepts` are the vocabularies the triggers compose; by default those of `positions`
    when it is a `PositionLibrary`, else the bundled ones.
    """

    def __init__(
        self,
        positions: Sequence[PositionLike] | Iterable[PositionLike],
        concepts: Mapping[str, Concept] | None = None,
    ) -> None:
        if concepts is None:
            concepts = getattr(positions, "concepts", None) or bundled_concepts()
        self.positions = list(positions)
        self.concepts = concepts
        self._subjects = [frozenset(_subject_of(p)) for p in self.positions]
        terms: dict[str, tuple[str, ...]] = {}
        excludes: dict[str, tuple[str, ...]] = {}
        compositions: list[Composition] = []
        guards: list[tuple[str, Payload]] = []
        self._patterns: list[tuple[tuple[int, int], re.Pattern[str]]] = []
        self._weights: dict[tuple[int, int], float] = {}
        self._labels: dict[tuple[int, int], str] = {}
        self._contexts: dict[tuple[int, int], frozenset[str]] = {}
        for pi, position in enumerate(self.positions):
            guards.extend((phrase, ("p", pi)) for phrase in position.exclude)
            for ti, trigger in enumerate(position.triggers):
                key = (pi, ti)
                self._weights[key] = float(trigger.weight)
                self._labels[key] = trigger.phrase
                context = frozenset(trigger.context)
                self._contexts[key] = context
                not_near = frozenset(trigger.not_near)
                guards.extend((phrase, ("t", pi, ti)) for phrase in trigger.exclude)
                if trigger.terms:
                    own = f"#{pi}.{ti}"
                    terms[own] = tuple(trigger.terms)
                    compositions.append(Composition(key, (frozenset({own}),), 0, context, not_near))
                if trigger.concepts:
                    compositions.append(
                        Composition(
                            key,
                            tuple(frozenset(g) for g in trigger.concepts),
                            trigger.window,
                            context,
                            not_near,
                        )
                    )
                if trigger.pattern:
                    self._patterns.append((key, re.compile(trigger.pattern, re.IGNORECASE)))
        for cid in (
            {c for comp in compositions for g in comp.groups for c in g}
            | {c for comp in compositions for c in comp.context | comp.not_near}
            | {c for subject in self._subjects for c in subject}
            | _ABOUT  # concepts only the draft's subject needs
        ):
            if cid in terms:
                continue
            terms[cid] = resolve_terms(cid, concepts)
            excludes[cid] = resolve_excludes(cid, concepts)
        also = {c for subject in self._subjects for c in subject} | _ABOUT
        self.matcher = CompositionMatcher(terms, excludes, compositions, guards, also)
        self.trigger_count = sum(len(p.triggers) for p in self.positions)

    # -- one piece of text -----------------------------------------------------------------

    def _match(
        self,
        unit: _Unit,
        title_concepts: frozenset[str],
        explanation: Explanation | None = None,
        seen: set[str] | None = None,
    ) -> list[_Hit]:
        ws = words(unit.text)
        if not ws:
            return []
        hits: list[_Hit] = []
        for found in self.matcher.match(ws, title_concepts, explanation, seen):
            pi, ti = found.key
            start, end = ws[found.first].start, ws[found.last].end
            hits.append(self._hit(unit, pi, ti, start, end, found.quality, found.concepts))
        for key, pattern in self._patterns:
            context = self._contexts[key]
            if context and not (context & (self.matcher.concepts_in(ws) | title_concepts)):
                continue
            for match in pattern.finditer(unit.text):
                if match.end() > match.start():
                    hits.append(self._hit(unit, *key, match.start(), match.end(), 1.0, ()))
        return hits

    def explain(self, text: str, *, title: str = "") -> tuple[Explanation, list[_Hit]]:
        """Match one text as a body paragraph and say what fired, what nearly did, and why."""
        unit = self._text_unit(text)
        explanation = Explanation(words(text), [], [])
        title_concepts = self.matcher.concepts_in(words(title)) if title else frozenset()
        return explanation, self._match(unit, title_concepts, explanation)

    @staticmethod
    def _text_unit(text: str) -> _Unit:
        return _Unit(
            text=text,
            where="block",
            kind=BlockKind.PARAGRAPH.value,
            location=Location(0),
            requirement=Requirement.NONE,
            requirement_keyword="",
            informative=False,
            factor=1.0,
        )

    def _hit(
        self,
        unit: _Unit,
        pi: int,
        ti: int,
        start: int,
        end: int,
        quality: float,
        concepts: tuple[str, ...],
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
        strength = min(1.0, self._weights[(pi, ti)] * quality * factor)
        location = unit.location
        if unit.table:
            row = bisect.bisect_right(unit.table, start) - 1
            row_start = unit.table[row]
            column = unit.text.count(" | ", row_start, start)
            location = replace(location, row=row, column=column)
        evidence = Evidence(
            trigger=self._labels[(pi, ti)],
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
            concepts=tuple(c for c in concepts if not c.startswith("#")),
        )
        return _Hit(pi, ti, start, end, strength, evidence)

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
        """Return the findings of `draft` at or above `min_score` (0..100), its scores scaled
        down when the draft is about something other than people (`is_on_topic`)."""
        raw = self.scan_clauses(draft, only=only)
        on_topic = is_on_topic(raw.people_clauses, raw.clauses)
        factor = 1.0 if on_topic else OFF_TOPIC_FACTOR
        findings: list[Finding] = []
        exclusions: list[Finding] = []
        for finding in raw.findings:
            if finding.exclusion:
                exclusions.append(finding)
            else:
                finding = scaled(finding, factor)
                if finding.score >= min_score:
                    findings.append(finding)
        return ScanResult(
            path=draft.source.path,
            sha256=draft.source.sha256,
            body=draft.body.value,
            title=draft.metadata.title or draft.metadata.recommendation,
            min_score=min_score,
            findings=tuple(findings),
            exclusions=tuple(exclusions),
            clauses=raw.clauses,
            blocks=raw.blocks,
            pairs=raw.pairs,
            off_topic=not on_topic,
        )

    def scan_clauses(
        self,
        draft: Draft,
        *,
        only: Iterable[str] = (),
        subject: frozenset[str] | None = None,
        above: frozenset[str] | None = None,
    ) -> RawScan:
        """Return every finding of `draft` whatever its score, unscaled, with which clauses
        deal with people (see `is_on_topic`). For a draft made of clauses taken from other
        drafts, `subject` overrides what the draft is about (`subject_concepts`) and `above`
        what the titles above each clause name (`headings_above`)."""
        wanted = set(only)
        self._profile = profile_for(draft.body)
        findings: list[Finding] = []
        people_clauses: list[int] = []
        clauses = blocks = units = 0
        # a heading over sub-clauses carries no text of its own: comments go on the sub-clauses
        headings = self.headings_above(draft) if above is None else {}
        work = [
            (c, list(self._units(c)))
            for c in draft.walk()
            if scanned(c) and (c.blocks or not c.children)
        ]
        if subject is None:
            subject = self.subject_concepts(draft)
        raised = {
            pi: tuple(sorted(own & subject))
            for pi, own in enumerate(self._subjects)
            if own & subject
        }
        # a draft about animals (pets, livestock) and not people analyses nobody
        about_animals = "animal" in subject and "person" not in subject
        subject = subject & (SUBJECT_CONCEPTS | {"personal-data"})
        for clause, clause_units in work:
            clauses += 1
            title_concepts = (
                subject
                | (self.matcher.concepts_in(words(clause.title)) if clause.title else frozenset())
                | (above if above is not None else headings[id(clause)])
            )
            pairs: dict[int, _Pair] = defaultdict(_Pair)
            seen: set[str] = set()
            watched = False  # a paragraph names the police with recording or interception
            for unit in clause_units:
                units += 1
                if unit.where == "block":
                    blocks += 1
                unit_seen: set[str] = set()
                for hit in self._match(unit, title_concepts, seen=unit_seen):
                    if wanted and self.positions[hit.position].id not in wanted:
                        continue
                    pairs[hit.position].hits.append(hit)
                watched = watched or (
                    "police-security" in unit_seen and bool(unit_seen & _WATCHING)
                )
                seen |= unit_seen
            people_clauses.append(
                0
                if about_animals
                else ANALYSIS
                if seen & SUBJECT_CONCEPTS or watched
                else PERSONAL_DATA
                if "personal-data" in seen
                else 0
            )
            findings.extend(
                self._finding(clause, pi, pair, raised.get(pi, ()))
                for pi, pair in sorted(pairs.items())
            )
        return RawScan(
            findings=tuple(findings),
            people_clauses=tuple(people_clauses),
            clauses=clauses,
            blocks=blocks,
            pairs=units * self.trigger_count,
        )

    def headings_above(self, draft: Draft) -> dict[int, frozenset[str]]:
        """The concepts named in the titles of the clauses above each clause, keyed by
        `id(clause)`: a statute's "(C) Retention period" under "(a) Notice to subscriber
        regarding personally identifiable information" is about personal data."""
        out: dict[int, frozenset[str]] = {}

        def visit(clause: Clause, above: frozenset[str]) -> None:
            out[id(clause)] = above
            if clause.children:
                own = self.matcher.concepts_in(words(clause.title)) if clause.title else above
                for child in clause.children:
                    visit(child, own | above)

        for clause in draft.clauses:
            visit(clause, frozenset())
        return out

    def subject_concepts(self, draft: Draft) -> frozenset[str]:
        """Return what the whole draft is about: the concepts named in its title, its
        top-level clause titles, its opening paragraph or its scope.

        Those of analysing people (faces, emotions, biometrics, bodies, surveillance ...)
        are context for every clause: a clause of a depression-screening specification need
        not repeat that it analyses faces for "risk level thresholds" to be about people; a
        clause of a network specification gets no such context from a title that never names
        people. A position whose `subject` concepts are among them (students, workers,
        crowds, police, lie detection ...) has its scores raised by SUBJECT_FACTOR.
        """
        texts = [draft.metadata.title]
        for n, clause in enumerate(draft.clauses):
            texts.append(clause.title)
            if (n == 0 or _SCOPE_TITLE.match(clause.title or "")) and clause.blocks:
                texts.append(clause.blocks[0].text)  # the scope, or the opening paragraph
        found = self.matcher.concepts_in(words("\n".join(t for t in texts if t)))
        return frozenset(c for c in found if not c.startswith("#"))  # not triggers' own terms

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

    def _finding(
        self, clause: Clause, position_index: int, pair: _Pair, subject: tuple[str, ...] = ()
    ) -> Finding:
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
        score = 100.0 * (1.0 - remaining) * (SUBJECT_FACTOR if subject else 1.0)
        score = min(round(score, 1), 99.9)  # never certain
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
            subject=subject,
        )


_BIBLIOGRAPHY = re.compile(r"^(?:bibliography|bibliographie|references)$", re.IGNORECASE)


def is_on_topic(people_clauses: Sequence[int], clauses: int) -> bool:
    """Whether a draft deals with people, from what each scanned clause names (ANALYSIS,
    PERSONAL_DATA or 0)."""
    if clauses < ON_TOPIC_MIN_CLAUSES:
        return True
    analysis = sum(1 for kind in people_clauses if kind == ANALYSIS)
    personal = sum(1 for kind in people_clauses if kind == PERSONAL_DATA)
    least, share = ON_TOPIC_ANALYSIS
    return (analysis >= least and analysis / clauses >= share) or (
        personal / clauses >= ON_TOPIC_PERSONAL_DATA
    )


def _subject_of(position: PositionLike) -> Sequence[str]:
    """The `subject` concepts of a position (positions made in code may have none)."""
    subject: Sequence[str] = getattr(position, "subject", ())
    return subject


def scaled(finding: Finding, factor: float) -> Finding:
    """Return `finding` with its score scaled by `factor` (a draft's topic, `is_on_topic`)."""
    if factor == 1.0:
        return finding
    return replace(finding, score=round(finding.score * factor, 1))


@dataclass(frozen=True, slots=True)
class RawScan:
    """Every finding of a draft, unscaled and unfiltered, and what its clauses name."""

    findings: tuple[Finding, ...]
    people_clauses: tuple[int, ...]  # per scanned clause: ANALYSIS, PERSONAL_DATA or 0
    clauses: int
    blocks: int
    pairs: int


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
