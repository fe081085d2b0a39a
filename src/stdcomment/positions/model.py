"""The position model: the dataclasses a position file is read into, and its constants."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal

from ..errors import InputError

if TYPE_CHECKING:
    from .concepts import Concept

# -- constants ------------------------------------------------------------------------------

BODIES: Final = ("itu-t", "ieee", "iso")
ACTION_KINDS: Final = ("delete", "replace", "narrow-scope", "add-safeguard", "add-hr-clause")
IEEE_CATEGORIES: Final = ("Technical", "Editorial", "General")
ISO_TYPES: Final = ("ge", "te", "ed")

#: Names a comment template may use; anything else is reported by the checks.
CONTEXT_VARIABLES: Final = frozenset(
    {
        "clause",
        "match",
        "matches",
        "requirement",
        "requirement_keyword",
        "informative",
        "position",
        "draft",
    }
)

#: Rendered comment lengths: above the soft limit `check` warns, above the hard one it fails
#: (IEEE myProject accepts at most 4,000 characters per field).
SOFT_COMMENT_LIMIT: Final = 1500
HARD_COMMENT_LIMIT: Final = 4000

#: What the library aims at; `check` warns below these.
MIN_TRIGGERS: Final = 2
EVIDENCE_RANGE: Final = (2, 6)

MAX_FILE_BYTES: Final = 1_000_000

_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_PAGES_RE = re.compile(r"^\d+(?:\s*[-–]\s*\d+)?(?:\s*,\s*\d+(?:\s*[-–]\s*\d+)?)*$")
_TOML_AT_RE = re.compile(r"\(at line (\d+), column (\d+)\)")

#: Requirement keywords per body, used to build the sample findings.
_KEYWORDS: Final[dict[str, dict[str, str]]] = {
    "itu-t": {
        "required": "is required to",
        "prohibited": "is prohibited from",
        "recommended": "is recommended to",
        "not-recommended": "is not recommended to",
        "optional": "can optionally",
        "possible": "can",
        "none": "",
    },
    "ieee": {
        "required": "shall",
        "prohibited": "shall not",
        "recommended": "should",
        "not-recommended": "should not",
        "optional": "may",
        "possible": "can",
        "none": "",
    },
}
_KEYWORDS["iso"] = _KEYWORDS["ieee"]
_KEYWORDS["unknown"] = _KEYWORDS["ieee"]

Severity = Literal["error", "warning"]

# -- errors and problems --------------------------------------------------------------------


class PositionError(InputError):
    """An invalid position file: `<file>:<line>: <field>: <problem>`."""

    def __init__(
        self, path: str | Path, field_name: str, problem: str, *, line: int | None = None
    ) -> None:
        self.field = field_name
        self.detail = problem
        super().__init__(path, f"{field_name}: {problem}" if field_name else problem, line=line)


@dataclass(frozen=True, slots=True)
class PositionProblem:
    """One problem found by `check_positions`: where, which field, what, how serious."""

    path: Path
    line: int | None
    field: str
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        where = str(self.path) if self.line is None else f"{self.path}:{self.line}"
        label = f"{self.field}: " if self.field else ""
        level = "warning: " if self.severity == "warning" else ""
        return f"{where}: {label}{level}{self.message}"

    def to_error(self) -> PositionError:
        """Return the problem as an exception."""
        return PositionError(self.path, self.field, self.message, line=self.line)


# -- the position model ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Right:
    """A right a position rests on: an instrument and an article (or principle, paragraph)."""

    instrument: str
    article: str
    note: str = ""

    def cite(self) -> str:
        """Return the citation: "ICCPR art. 19", "UNGPs Principle 13", "HRC res. 34/7, preamble",
        "CERD General Recommendation No. 36 (2020)"."""
        short = " " not in self.instrument and "," not in self.instrument
        separator = " " if short or self.article.startswith("(") else ", "
        return f"{self.instrument}{separator}{self.article}"


@dataclass(frozen=True, slots=True)
class ReportRef:
    """A place in *Emotional Entanglement*: section, optional subsection and pages."""

    section: str
    subsection: str = ""
    pages: str = ""

    def cite(self) -> str:
        """Return "2. Use Cases, Education (pp. 30-31, 34)"."""
        text = self.section + (f", {self.subsection}" if self.subsection else "")
        if self.pages:
            single = self.pages.isdigit()
            text += f" ({'p.' if single else 'pp.'} {self.pages})"
        return text


@dataclass(frozen=True, slots=True)
class Evidence:
    """A fact from the report (paraphrased), where it is, and strings that locate it."""

    fact: str
    section: str
    keys: tuple[str, ...]
    quote: str = ""


@dataclass(frozen=True, slots=True)
class Trigger:
    """What shows a clause raises the concern: terms, a composition of concepts, or a pattern.

    `phrase` is the trigger's label (shown in the evidence). A trigger matches when one of
    its `terms` occurs, when one concept of every group of `concepts` occurs in one sentence
    (or within `window` words), or when its `pattern` (a regular expression, rarely needed)
    matches. `context` concepts must occur in the same text or the clause title; `not_near`
    concepts close by cancel it, and so do `exclude` phrases overlapping the matched words.
    """

    phrase: str
    weight: float
    pattern: str = ""
    context: tuple[str, ...] = ()  # concept ids
    exclude: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()
    concepts: tuple[tuple[str, ...], ...] = ()  # groups of concept ids (one of each group)
    not_near: tuple[str, ...] = ()  # concept ids
    window: int = 0  # 0: the same sentence

    @property
    def regex(self) -> re.Pattern[str] | None:
        """The compiled pattern (case-insensitive), or None when the trigger has none."""
        return _compile_pattern(self.pattern) if self.pattern else None

    def concept_ids(self) -> tuple[str, ...]:
        """Every concept id the trigger names (groups, context, not_near), in order."""
        ids = [c for group in self.concepts for c in group]
        return tuple(dict.fromkeys([*ids, *self.context, *self.not_near]))


@dataclass(frozen=True, slots=True)
class Action:
    """What we ask of the draft, with the model text to insert or substitute."""

    kind: str
    summary: str
    model_text: str = ""


@dataclass(frozen=True, slots=True)
class CommentTemplates:
    """The comment wording for one body, as jinja2 text.

    For ITU-T, `comment` is the discussion paragraph. `category` and `must_be_satisfied` are
    IEEE's, `type` is ISO's (ge / te / ed); they are empty for the other bodies.
    """

    body: str
    comment: str
    proposed_change: str
    category: str = ""
    must_be_satisfied: bool = False
    type: str = ""


@dataclass(frozen=True, slots=True)
class Position:
    """One position of the library, as read from `path`."""

    id: str
    title: str
    stance: str
    rationale: str
    rights: tuple[Right, ...]
    report: tuple[ReportRef, ...]
    evidence: tuple[Evidence, ...]
    triggers: tuple[Trigger, ...]
    actions: tuple[Action, ...]
    comments: tuple[CommentTemplates, ...]
    exclude: tuple[str, ...] = ()
    subject: tuple[str, ...] = ()  # concepts: a draft about one of them weighs its findings more
    path: Path = field(default=Path())

    @property
    def rights_cited(self) -> tuple[str, ...]:
        """The rights as citations: ("ICCPR art. 19", "UDHR art. 19", ...)."""
        return tuple(r.cite() for r in self.rights)

    def templates(self, body: str) -> CommentTemplates:
        """Return the comment templates for `body` ("unknown" uses the ITU-T wording)."""
        wanted = "itu-t" if str(body) == "unknown" else str(body)
        for templates in self.comments:
            if templates.body == wanted:
                return templates
        raise KeyError(f"position {self.id!r} has no comment for body {body!r}")

    def context(self) -> dict[str, Any]:
        """Return the `position` variable of the comment templates."""
        return {
            "id": self.id,
            "title": self.title,
            "stance": self.stance,
            "rights": list(self.rights_cited),
        }


@dataclass(frozen=True, slots=True)
class PositionLibrary:
    """The positions in use, in order (bundled ones first), with the folders they came from."""

    positions: tuple[Position, ...]
    sources: tuple[Path, ...] = ()
    concepts: Mapping[str, Concept] = field(default_factory=dict)

    def get(self, position_id: str) -> Position | None:
        """Return the position with this id, or None."""
        return next((p for p in self.positions if p.id == position_id), None)

    def __getitem__(self, position_id: str) -> Position:
        found = self.get(position_id)
        if found is None:
            raise KeyError(position_id)
        return found

    def __contains__(self, position_id: object) -> bool:
        return any(p.id == position_id for p in self.positions)

    def __iter__(self) -> Iterator[Position]:
        return iter(self.positions)

    def __len__(self) -> int:
        return len(self.positions)

    @property
    def ids(self) -> tuple[str, ...]:
        """The ids in library order."""
        return tuple(p.id for p in self.positions)


@dataclass(frozen=True, slots=True)
class RenderedComment:
    """A position's comment rendered for one finding and one body."""

    position_id: str
    body: str
    comment: str
    proposed_change: str
    category: str  # IEEE: Technical | Editorial | General
    must_be_satisfied: bool  # IEEE
    type: str  # ISO: ge | te | ed


@lru_cache(maxsize=4096)
def _compile_pattern(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)
