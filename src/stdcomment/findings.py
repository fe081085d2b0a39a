"""Findings: a position's concern raised by a clause, with all the evidence behind it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .model import ClauseKind, Location, Requirement, _from_json, _to_json

FINDINGS_SCHEMA_VERSION = "1.0"


@dataclass(frozen=True, slots=True)
class Evidence:
    """One trigger matched in a clause: which words, where, how strong."""

    trigger: str  # the trigger phrase (or pattern) of the position
    matched: str  # the words as the draft writes them
    start: int  # offsets of `matched` in `text` below
    end: int
    sentence: str  # the sentence holding the match
    where: str  # "title" (the clause heading) or "block"
    block_kind: str  # paragraph, note, list-item, table, definition ... or "heading"
    location: Location
    requirement: Requirement = Requirement.NONE
    requirement_keyword: str = ""
    informative: bool = False
    strength: float = 0.0  # 0..1: trigger weight x match quality x where it sits
    exclusion: bool = False  # the sentence excludes the topic ("does not address ...")
    text: str = ""  # the block's (or title's) full text, so spans can be checked
    concepts: tuple[str, ...] = ()  # the concepts whose words matched (composed triggers)

    def phrase(self, max_words: int = 30) -> str:
        """The words that matched, widened to the phrase around them (for quoting).

        A composed trigger matches words apart ("classify ... emotional"): quoting them is
        clearer with the phrase they stand in, from the punctuation before the first word to
        the punctuation after the last, within the sentence. Longer than `max_words`: the
        matched words alone.
        """
        text = self.text
        if not text or not 0 <= self.start < self.end <= len(text):
            return self.matched
        begin = max((text.rfind(ch, 0, self.start) for ch in _PHRASE_BREAKS), default=-1) + 1
        ends = [i for i in (text.find(ch, self.end) for ch in _PHRASE_BREAKS) if i >= 0]
        stop = min(ends, default=len(text))
        phrase = " ".join(text[begin:stop].split()).strip("\"'“”‘’ ")
        if not phrase or len(phrase.split()) > max_words or self.matched not in text[begin:stop]:
            return self.matched
        return phrase


_PHRASE_BREAKS = (".", ";", ":", ",", "(", ")", "\n", "|", "!", "?")


@dataclass(frozen=True, slots=True)
class Finding:
    """One (clause, position) pair: the concern, its score and its evidence, strongest first."""

    clause_number: str
    clause_title: str
    clause_kind: ClauseKind
    position_id: str
    position_title: str
    score: float  # 0..100
    evidence: tuple[Evidence, ...]
    requirement: Requirement = Requirement.NONE
    exclusion: bool = False  # every match sits in a statement excluding the topic
    subject: tuple[str, ...] = ()  # the draft's subject concepts that raised the score

    @property
    def clause_label(self) -> str:
        """Return "6.2 Title" (or the title alone for unnumbered clauses)."""
        if self.clause_number and self.clause_title:
            return f"{self.clause_number} {self.clause_title}"
        return self.clause_number or self.clause_title or "(preamble)"

    @property
    def location(self) -> Location:
        """Return the location of the strongest evidence."""
        return self.evidence[0].location

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form."""
        data: dict[str, Any] = _to_json(self)
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Finding:
        """Rebuild a finding from its JSON form."""
        return _from_json(cls, data)


@dataclass(frozen=True, slots=True)
class ScanResult:
    """The findings of one draft."""

    path: str
    sha256: str
    body: str
    title: str
    min_score: float
    findings: tuple[Finding, ...]  # concerns at or above `min_score`, in document order
    exclusions: tuple[Finding, ...]  # statements that exclude a position's topic
    clauses: int = 0
    blocks: int = 0
    pairs: int = 0  # (text unit, trigger) pairs examined, for throughput figures
    error: str = ""  # set when the draft could not be read (multi-draft scans go on)
    off_topic: bool = False  # the draft hardly deals with people: scores were scaled down

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form (schema `FINDINGS_SCHEMA_VERSION`)."""
        data: dict[str, Any] = {"schema_version": FINDINGS_SCHEMA_VERSION}
        data.update(_to_json(self))
        data.setdefault("findings", [])
        data.setdefault("exclusions", [])
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ScanResult:
        """Rebuild a scan result from its JSON form."""
        payload = {k: v for k, v in data.items() if k != "schema_version"}
        return _from_json(cls, payload)
