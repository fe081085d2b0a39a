"""The review file's model: one entry per finding (or per comment the delegate adds).

A review entry is what a delegate decides about one concern: the clause and the quoted text
it is about, the position it comes from, its status (`proposed`, `accepted`, `rejected`, or
`stale` when the quoted text is gone from the draft), the comment and proposed change as they
will be submitted, and the concrete edit (`Change`) that the ITU-T contribution shows as
revision marks. `docs/usage-review-draft.md` documents every key of the file.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from typing import Final

REVIEW_SCHEMA_VERSION: Final = "1.0"

STATUSES: Final = ("proposed", "accepted", "rejected", "stale")
ORIGINS: Final = ("scan", "manual")
CHANGE_KINDS: Final = ("replace", "delete", "insert-after", "none")
ISO_TYPES: Final = ("ge", "te", "ed")
IEEE_CATEGORIES: Final = ("Technical", "Editorial", "General")

_SPACE = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """Collapse whitespace and fold case: the form quotes and titles are compared in."""
    return _SPACE.sub(" ", text).strip().casefold()


def entry_id(position: str, clause_title: str, quote: str) -> str:
    """Return the stable id of a scan entry: position, clause title and quoted text.

    The clause number is left out on purpose, so an entry keeps its id when the draft's
    clauses are renumbered.
    """
    key = "\x1f".join((position, normalise_text(clause_title), normalise_text(quote)))
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:8]
    return f"{position}-{digest}" if position else f"manual-{digest}"


@dataclass(frozen=True, slots=True)
class Change:
    """The concrete edit an entry proposes to the draft's text.

    `kind` is `replace` (old -> new), `delete` (old goes), `insert-after` (new follows old)
    or `none` (the comment proposes no edit of the quoted text).
    """

    kind: str = "none"
    old: str = ""
    new: str = ""


@dataclass(frozen=True, slots=True)
class ReviewEntry:
    """One entry of the review file (see the module docstring)."""

    id: str
    status: str = "proposed"
    origin: str = "scan"
    position: str = ""
    clause: str = ""
    clause_title: str = ""
    location: str = ""
    element: str = ""  # "Paragraph 3", "Note 1", "Table 1", "List item a)", "Title"
    page: int | None = None
    line: int | None = None
    quote: str = ""
    matched: str = ""
    score: float = 0.0
    requirement: str = "none"
    type: str = "te"
    category: str = "Technical"
    must_be_satisfied: bool = False
    comment: str = ""
    proposed_change: str = ""
    change: Change = field(default_factory=Change)
    generated: str = ""  # fingerprint of the pre-filled wording: tells edits apart
    previous_status: str = ""  # on stale entries: the status before the text vanished
    note: str = ""  # the delegate's own note; never submitted

    @property
    def clause_label(self) -> str:
        """Return "7.1 General requirements" (or whichever part is known)."""
        if self.clause and self.clause_title:
            return f"{self.clause} {self.clause_title}"
        return self.clause or self.clause_title or "General"

    def wording_fingerprint(self) -> str:
        """Return the fingerprint of the submitted wording (comment, change, type, ...)."""
        parts = (
            self.comment,
            self.proposed_change,
            self.change.kind,
            self.change.old,
            self.change.new,
            self.type,
            self.category,
            "yes" if self.must_be_satisfied else "no",
        )
        key = "\x1f".join(normalise_text(p) for p in parts)
        return hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]

    @property
    def edited(self) -> bool:
        """Whether the delegate changed the pre-filled wording (manual entries always are)."""
        return self.origin == "manual" or self.generated != self.wording_fingerprint()

    def with_fingerprint(self) -> ReviewEntry:
        """Return the entry with `generated` set to its current wording's fingerprint."""
        return replace(self, generated=self.wording_fingerprint())


@dataclass(frozen=True, slots=True)
class Review:
    """A whole review file: which draft it is about and its entries, in document order."""

    draft: str
    draft_sha256: str
    body: str
    entries: tuple[ReviewEntry, ...] = ()
    schema_version: str = REVIEW_SCHEMA_VERSION

    def accepted(self) -> tuple[ReviewEntry, ...]:
        """Return the accepted entries, in file order."""
        return tuple(e for e in self.entries if e.status == "accepted")

    def counts(self) -> dict[str, int]:
        """Return how many entries hold each status."""
        out = dict.fromkeys(STATUSES, 0)
        for entry in self.entries:
            out[entry.status] = out.get(entry.status, 0) + 1
        return out


__all__ = [
    "CHANGE_KINDS",
    "IEEE_CATEGORIES",
    "ISO_TYPES",
    "ORIGINS",
    "REVIEW_SCHEMA_VERSION",
    "STATUSES",
    "Change",
    "Review",
    "ReviewEntry",
    "entry_id",
    "normalise_text",
]
