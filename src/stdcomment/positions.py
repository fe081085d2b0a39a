"""The human-rights position library: load, validate and render the positions in `positions/`.

A position is one TOML file (`positions/<id>.toml`) holding a concern a delegate raises on a
draft standard: its stance, rationale, the rights it rests on, the report evidence behind it,
the trigger phrases the scanner looks for, what we ask of the draft, and the comment wording per
standards body as jinja2 text. `positions/README.md` explains the format for reviewers.

- `load_positions(dirs, bundled=True)` returns a `PositionLibrary`: the bundled library first,
  then each user folder on top (a user file with a bundled id replaces it; a new id is added).
  The first invalid file raises `PositionError` (`<file>:<line>: <field>: <problem>`).
- `check_positions(dir)` returns every problem of a folder (errors and warnings) for
  `stdcomment positions check`.
- `render_comment(position, body, context)` renders a position's comment for one body against
  a finding's context; `sample_context()` is the sample finding used by the checks.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Final, Literal

from .errors import InputError
from .model import Requirement
from .render import (
    RenderError,
    compile_string,
    compile_with_names,
    render_template,
    template_names,
)
from .resources import data_dir

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
MIN_TRIGGERS: Final = 12
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
    """A phrase (and optional pattern) the scanner looks for, with its weight and conditions."""

    phrase: str
    weight: float
    pattern: str = ""
    context: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    near: tuple[tuple[str, ...], ...] = ()  # word groups: one word of each, close together
    window: int = 0  # words the `near` match may span (0: the scanner's default)

    @property
    def regex(self) -> re.Pattern[str] | None:
        """The compiled pattern (case-insensitive), or None when the trigger has none."""
        return _compile_pattern(self.pattern) if self.pattern else None


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


# -- template contexts ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TemplateMatch:
    """One matched span as the templates see it (`match.text`, `.trigger`, `.sentence`)."""

    text: str
    trigger: str
    sentence: str

    def as_dict(self) -> dict[str, str]:
        """Return the mapping given to the templates."""
        return {"text": self.text, "trigger": self.trigger, "sentence": self.sentence}


def comment_context(
    position: Position,
    *,
    clause_number: str,
    clause_title: str,
    clause_kind: str = "body",
    matches: Sequence[TemplateMatch],
    requirement: str = "none",
    requirement_keyword: str = "",
    informative: bool = False,
    draft_title: str = "",
    draft_work_item: str = "",
    draft_designation: str = "",
    draft_body: str = "unknown",
) -> dict[str, Any]:
    """Build the context the comment templates are rendered against, for one finding.

    `matches` must hold at least one match; the first is `match`.
    """
    if not matches:
        raise ValueError("a finding needs at least one match")
    # "6.2 Emotion analytics"; an unnumbered clause is cited by its title in quotation marks,
    # so that "clause {{ clause.label }}" reads 'clause "Summary"', not 'clause Summary'
    label = (
        f"{clause_number} {clause_title}".strip()
        if clause_number
        else f"\u201c{clause_title}\u201d"
    )
    return {
        "clause": {
            "number": clause_number,
            "title": clause_title,
            "kind": str(clause_kind),
            "label": label,
        },
        "match": matches[0].as_dict(),
        "matches": [m.as_dict() for m in matches],
        "requirement": str(requirement),
        "requirement_keyword": requirement_keyword,
        "informative": informative,
        "position": position.context(),
        "draft": {
            "title": draft_title,
            "work_item": draft_work_item,
            "designation": draft_designation,
            "body": str(draft_body),
        },
    }


def sample_context(
    position: Position | None = None,
    *,
    requirement: str = "required",
    informative: bool = False,
    body: str = "itu-t",
) -> dict[str, Any]:
    """Return the sample finding used to check and preview comment templates.

    The matched text is the position's first trigger phrase (or "emotion recognition").
    """
    phrase = (
        position.triggers[0].phrase if position and position.triggers else "emotion recognition"
    )
    keyword = _KEYWORDS.get(body, _KEYWORDS["ieee"]).get(requirement, "")
    verb = f"{keyword} support" if keyword else "supports"
    first = TemplateMatch(
        text=phrase,
        trigger=phrase,
        sentence=f"The video analytics function {verb} {phrase} for persons in the field of view.",
    )
    second = TemplateMatch(
        text="facial expression",
        trigger="facial expression analysis",
        sentence="Results are derived from the facial expression of each person.",
    )
    sample = position or _SAMPLE_POSITION
    context = comment_context(
        sample,
        clause_number="6.2",
        clause_title="Emotion analytics",
        clause_kind="body",
        matches=[first, second],
        requirement=requirement,
        requirement_keyword=keyword,
        informative=informative,
        draft_title="Requirements for intelligent video analytics in public venues",
        draft_work_item="F.SAMPLE",
        draft_designation="Draft new Recommendation ITU-T F.SAMPLE"
        if body in ("itu-t", "unknown")
        else ("IEEE P0000/D1" if body == "ieee" else "ISO/IEC CD 00000"),
        draft_body=body,
    )
    return context


# -- rendering ------------------------------------------------------------------------------

_SPACES = re.compile(r"[ \t]{2,}")
_PARAGRAPHS = re.compile(r"\n[ \t]*\n\s*")


def _tidy(text: str) -> str:
    """Lay rendered text out as paragraphs.

    As in the position files, a single line break is a space and an empty line starts a new
    paragraph; runs of spaces are collapsed.
    """
    paragraphs = []
    for chunk in _PARAGRAPHS.split(text.strip()):
        joined = " ".join(line.strip() for line in chunk.splitlines() if line.strip())
        if joined:
            paragraphs.append(_SPACES.sub(" ", joined))
    return "\n\n".join(paragraphs)


def render_comment(position: Position, body: str, context: Mapping[str, Any]) -> RenderedComment:
    """Render the comment and proposed change of `position` for `body` against `context`.

    `body` is "itu-t", "ieee", "iso" or "unknown" (which uses the ITU-T wording). When the
    context holds no `position`, the position's own is supplied. The IEEE category and
    must-be-satisfied flag and the ISO comment type are returned whatever the body.
    """
    wanted = str(body)
    if wanted not in (*BODIES, "unknown"):
        raise PositionError(position.path, "comment", f"unknown body {wanted!r}")
    values = dict(context)
    values.setdefault("position", position.context())
    templates = position.templates(wanted)
    key = "discussion" if templates.body == "itu-t" else "comment"
    texts: dict[str, str] = {}
    for name, source in ((key, templates.comment), ("proposed_change", templates.proposed_change)):
        origin = f"{position.path}"
        try:
            texts[name] = _tidy(
                render_template(compile_string(source, origin=origin), values, origin=origin)
            )
        except RenderError as exc:
            raise PositionError(
                position.path, f"comment.{templates.body}.{name}", exc.problem
            ) from None
        if not texts[name]:
            raise PositionError(
                position.path,
                f"comment.{templates.body}.{name}",
                f"renders as empty text when requirement is {values.get('requirement')!r}",
            )
    ieee = position.templates("ieee")
    iso = position.templates("iso")
    return RenderedComment(
        position_id=position.id,
        body=templates.body if wanted != "unknown" else "unknown",
        comment=texts[key],
        proposed_change=texts["proposed_change"],
        category=ieee.category,
        must_be_satisfied=ieee.must_be_satisfied,
        type=iso.type,
    )


# -- locating keys in the file text ---------------------------------------------------------

_KEY_PART = r'(?:[A-Za-z0-9_-]+|"[^"]*"|\'[^\']*\')'
_KEY_LINE = re.compile(rf"^\s*({_KEY_PART}(?:\s*\.\s*{_KEY_PART})*)\s*=\s*(.*)$")
_ARRAY_HEADER = re.compile(r"^\s*\[\[\s*([^\]]+?)\s*\]\]")
_TABLE_HEADER = re.compile(r"^\s*\[\s*([^\]]+?)\s*\]")

PathPart = str | int


def _split_key(text: str) -> tuple[str, ...]:
    parts = re.findall(rf"{_KEY_PART}", text)
    return tuple(p[1:-1] if p[:1] in "\"'" else p for p in parts)


class _LineIndex:
    """Where each key and table header sits in a TOML file (tomllib does not say)."""

    def __init__(self, text: str) -> None:
        self.keys: dict[tuple[PathPart, ...], int] = {}
        self.tables: dict[tuple[PathPart, ...], int] = {}
        self.next_line_values: set[tuple[PathPart, ...]] = set()
        self.duplicates: list[tuple[tuple[PathPart, ...], int]] = []
        current: tuple[PathPart, ...] = ()
        counts: dict[tuple[str, ...], int] = {}
        closing: str | None = None
        for number, raw in enumerate(text.splitlines(), 1):
            if closing is not None:
                if _closes(raw, closing):
                    closing = None
                continue
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            header = _ARRAY_HEADER.match(line)
            if header:
                name = _split_key(header.group(1))
                index = counts.get(name, 0)
                counts[name] = index + 1
                current = (*name, index)
                self.tables[current] = number
                continue
            header = _TABLE_HEADER.match(line)
            if header:
                current = _split_key(header.group(1))
                self.tables.setdefault(current, number)
                continue
            key = _KEY_LINE.match(line)
            if not key:
                continue
            path = (*current, *_split_key(key.group(1)))
            if path in self.keys:
                self.duplicates.append((path, number))
            else:
                self.keys[path] = number
            rest = key.group(2)
            for delimiter in ('"""', "'''"):
                if rest.startswith(delimiter):
                    if rest.strip() == delimiter:
                        self.next_line_values.add(path)
                    if not _closes(rest[3:], delimiter):
                        closing = delimiter
                    break

    def line(self, path: Sequence[PathPart]) -> int | None:
        """Return the line of the key (or table) at `path`, or of its nearest parent."""
        probe = tuple(path)
        while probe:
            if probe in self.keys:
                return self.keys[probe]
            if probe in self.tables:
                return self.tables[probe]
            probe = probe[:-1]
        return None

    def template_start(self, path: Sequence[PathPart]) -> int | None:
        """Return the file line holding the first line of a string value."""
        line = self.line(path)
        if line is None:
            return None
        return line + 1 if tuple(path) in self.next_line_values else line


def _closes(text: str, delimiter: str) -> bool:
    if delimiter == "'''":
        return delimiter in text
    cleaned = text.replace("\\\\", "").replace('\\"', "")
    return delimiter in cleaned


def _display(path: Sequence[PathPart]) -> str:
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += f".{part}" if out else part
    return out


# -- validation -----------------------------------------------------------------------------

_TOP_KEYS: Final = frozenset(
    {
        "id",
        "title",
        "stance",
        "rationale",
        "rights",
        "report",
        "evidence",
        "triggers",
        "actions",
        "comment",
        "exclude",
    }
)
_RIGHT_KEYS: Final = frozenset({"instrument", "article", "note"})
_REPORT_KEYS: Final = frozenset({"section", "subsection", "pages"})
_EVIDENCE_KEYS: Final = frozenset({"fact", "section", "keys", "quote"})
_TRIGGER_KEYS: Final = frozenset(
    {"phrase", "weight", "pattern", "context", "exclude", "near", "window"}
)
_ACTION_KEYS: Final = frozenset({"kind", "summary", "model_text"})
_COMMENT_KEYS: Final[dict[str, frozenset[str]]] = {
    "itu-t": frozenset({"discussion", "proposed_change"}),
    "ieee": frozenset({"category", "must_be_satisfied", "comment", "proposed_change"}),
    "iso": frozenset({"type", "comment", "proposed_change"}),
}


class _FileChecker:
    """Validate one position file, collecting every problem with its line and field."""

    def __init__(self, path: Path, *, thorough: bool = True) -> None:
        self.path = path
        self.thorough = thorough
        self.problems: list[PositionProblem] = []
        self.index = _LineIndex("")

    # problems

    def add(
        self,
        where: Sequence[PathPart],
        message: str,
        *,
        severity: Severity = "error",
        line: int | None = None,
    ) -> None:
        self.problems.append(
            PositionProblem(
                path=self.path,
                line=line if line is not None else self.index.line(where),
                field=_display(where),
                message=message,
                severity=severity,
            )
        )

    @property
    def failed(self) -> bool:
        return any(p.severity == "error" for p in self.problems)

    # typed getters

    def unknown(
        self, table: Mapping[str, Any], allowed: frozenset[str], where: tuple[PathPart, ...]
    ) -> None:
        for key in table:
            if key not in allowed:
                known = ", ".join(sorted(allowed))
                self.add((*where, key), f"unknown key {key!r} (expected one of: {known})")

    def text(
        self,
        table: Mapping[str, Any],
        key: str,
        where: tuple[PathPart, ...],
        *,
        required: bool = True,
    ) -> str:
        path = (*where, key)
        if key not in table:
            if required:
                self.add(path, "missing (required)", line=self.index.line(where))
            return ""
        value = table[key]
        if not isinstance(value, str):
            self.add(path, f"must be text, got {_type_name(value)}")
            return ""
        if required and not value.strip():
            self.add(path, "must not be empty")
        return value.strip()

    def text_list(
        self,
        table: Mapping[str, Any],
        key: str,
        where: tuple[PathPart, ...],
        *,
        required: bool = False,
    ) -> tuple[str, ...]:
        path = (*where, key)
        if key not in table:
            if required:
                self.add(path, "missing (required)", line=self.index.line(where))
            return ()
        value = table[key]
        if not isinstance(value, list):
            self.add(path, f"must be a list of texts, got {_type_name(value)}")
            return ()
        out: list[str] = []
        for item in value:
            if not isinstance(item, str):
                self.add(path, f"must be a list of texts, holds {_type_name(item)}")
                return ()
            if not item.strip():
                self.add(path, "holds an empty text")
                return ()
            out.append(item.strip())
        return tuple(out)

    def tables(
        self,
        table: Mapping[str, Any],
        key: str,
        *,
        required: bool = True,
    ) -> list[dict[str, Any]]:
        if key not in table:
            if required:
                self.add((key,), f"missing (required): add at least one [[{key}]] table", line=None)
            return []
        value = table[key]
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.add((key,), f"must be a list of tables ([[{key}]]), got {_type_name(value)}")
            return []
        if required and not value:
            self.add((key,), f"needs at least one [[{key}]] table")
        return value

    # the file

    def check_text(self, text: str) -> dict[str, Any] | None:
        self.index = _LineIndex(text)
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            message = str(exc)
            found = _TOML_AT_RE.search(message)
            line = int(found.group(1)) if found else None
            redefined = "overwrite" in message or "declare" in message
            if self.index.duplicates and (redefined or line is None):
                dup_path, dup_line = self.index.duplicates[0]
                self.add(dup_path, "defined twice", line=dup_line)
                return None
            self.add((), f"TOML syntax error: {_TOML_AT_RE.sub('', message).strip()}", line=line)
            return None
        return data

    def check(self, data: Mapping[str, Any]) -> Position | None:
        self.unknown(data, _TOP_KEYS, ())
        position_id = self.text(data, "id", ())
        if position_id:
            if not _ID_RE.match(position_id):
                self.add(
                    ("id",),
                    f"{position_id!r} is not a valid id: "
                    "use lower-case letters, digits and hyphens",
                )
            elif position_id != self.path.stem:
                self.add(
                    ("id",),
                    f"{position_id!r} differs from the file name {self.path.name!r}: "
                    f"name the file {position_id}.toml or change the id",
                )
        title = self.text(data, "title", ())
        stance = self.text(data, "stance", ())
        rationale = self.text(data, "rationale", ())
        exclude = self.text_list(data, "exclude", ())
        rights = self._rights(data)
        report = self._report(data)
        evidence = self._evidence(data)
        triggers = self._triggers(data)
        actions = self._actions(data)
        comments = self._comments(data)
        if self.failed:
            return None
        position = Position(
            id=position_id,
            title=title,
            stance=stance,
            rationale=rationale,
            rights=rights,
            report=report,
            evidence=evidence,
            triggers=triggers,
            actions=actions,
            comments=comments,
            exclude=exclude,
            path=self.path,
        )
        if self.thorough:
            self._check_rendering(position)
        self._check_aims(position)
        return None if self.failed else position

    def _rights(self, data: Mapping[str, Any]) -> tuple[Right, ...]:
        out: list[Right] = []
        for i, item in enumerate(self.tables(data, "rights")):
            where = ("rights", i)
            self.unknown(item, _RIGHT_KEYS, where)
            out.append(
                Right(
                    instrument=self.text(item, "instrument", where),
                    article=self.text(item, "article", where),
                    note=self.text(item, "note", where, required=False),
                )
            )
        return tuple(out)

    def _report(self, data: Mapping[str, Any]) -> tuple[ReportRef, ...]:
        out: list[ReportRef] = []
        for i, item in enumerate(self.tables(data, "report", required=False)):
            where = ("report", i)
            self.unknown(item, _REPORT_KEYS, where)
            pages = self.text(item, "pages", where, required=False)
            if pages and not _PAGES_RE.match(pages):
                self.add((*where, "pages"), f"{pages!r} is not a page list such as '30-31, 34'")
            out.append(
                ReportRef(
                    section=self.text(item, "section", where),
                    subsection=self.text(item, "subsection", where, required=False),
                    pages=pages,
                )
            )
        return tuple(out)

    def _evidence(self, data: Mapping[str, Any]) -> tuple[Evidence, ...]:
        out: list[Evidence] = []
        for i, item in enumerate(self.tables(data, "evidence", required=False)):
            where = ("evidence", i)
            self.unknown(item, _EVIDENCE_KEYS, where)
            keys = self.text_list(item, "keys", where, required=True)
            if (
                "keys" in item
                and isinstance(item["keys"], list)
                and not 1 <= len(item["keys"]) <= 4
            ):
                self.add((*where, "keys"), f"give 1 to 4 key strings, not {len(item['keys'])}")
            out.append(
                Evidence(
                    fact=self.text(item, "fact", where),
                    section=self.text(item, "section", where),
                    keys=keys,
                    quote=self.text(item, "quote", where, required=False),
                )
            )
        return tuple(out)

    def _triggers(self, data: Mapping[str, Any]) -> tuple[Trigger, ...]:
        out: list[Trigger] = []
        seen: dict[str, int] = {}
        for i, item in enumerate(self.tables(data, "triggers")):
            where = ("triggers", i)
            self.unknown(item, _TRIGGER_KEYS, where)
            phrase = self.text(item, "phrase", where)
            weight = self._weight(item, where)
            pattern = self.text(item, "pattern", where, required=False)
            if pattern:
                self._pattern(pattern, (*where, "pattern"))
            context = self.text_list(item, "context", where)
            exclude = self.text_list(item, "exclude", where)
            near = self._near(item, where)
            window = self._window(item, where)
            if phrase:
                key = phrase_key(phrase)
                if key in seen:
                    self.add(
                        (*where, "phrase"),
                        f"duplicate trigger phrase {phrase!r} (same as triggers[{seen[key] + 1}])",
                    )
                else:
                    seen[key] = i
            if weight is not None and weight < 0.5 and not context:
                self.add(
                    (*where, "context"),
                    f"weak trigger {phrase!r} (weight {weight:g}) has no context words; "
                    "it will match on its own",
                    severity="warning",
                )
            out.append(
                Trigger(
                    phrase=phrase,
                    weight=weight if weight is not None else 0.0,
                    pattern=pattern,
                    context=context,
                    exclude=exclude,
                    near=near,
                    window=window,
                )
            )
        return tuple(out)

    def _near(
        self, item: Mapping[str, Any], where: tuple[PathPart, ...]
    ) -> tuple[tuple[str, ...], ...]:
        """Read `near`: two or more lists of single words (one of each must occur close by)."""
        path = (*where, "near")
        if "near" not in item:
            return ()
        value = item["near"]
        if (
            not isinstance(value, list)
            or len(value) < 2
            or not all(isinstance(group, list) and group for group in value)
        ):
            self.add(path, "must be a list of two or more non-empty lists of words")
            return ()
        groups: list[tuple[str, ...]] = []
        for group in value:
            words: list[str] = []
            for word in group:
                if not isinstance(word, str) or not word.strip():
                    self.add(path, f"must hold words, holds {word!r}")
                    return ()
                if len(word.split()) != 1:
                    self.add(path, f"{word!r}: one word per entry (use `phrase` for phrases)")
                    return ()
                words.append(word.strip())
            groups.append(tuple(words))
        return tuple(groups)

    def _window(self, item: Mapping[str, Any], where: tuple[PathPart, ...]) -> int:
        if "window" not in item:
            return 0
        value = item["window"]
        if isinstance(value, bool) or not isinstance(value, int) or not 2 <= value <= 30:
            self.add(
                (*where, "window"), f"must be a whole number of words from 2 to 30, got {value!r}"
            )
            return 0
        if "near" not in item:
            self.add((*where, "window"), "only applies with `near`")
        return value

    def _weight(self, item: Mapping[str, Any], where: tuple[PathPart, ...]) -> float | None:
        path = (*where, "weight")
        if "weight" not in item:
            self.add(path, "missing (required)", line=self.index.line(where))
            return None
        value = item["weight"]
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.add(path, f"must be a number between 0 and 1, got {_type_name(value)}")
            return None
        if not 0.0 <= float(value) <= 1.0:
            self.add(path, f"must be between 0 and 1, got {value}")
            return None
        return float(value)

    def _pattern(self, pattern: str, path: tuple[PathPart, ...]) -> None:
        try:
            compiled = re.compile(pattern, re.IGNORECASE)
        except re.error as exc:
            at = f" at position {exc.pos}" if exc.pos is not None else ""
            self.add(path, f"invalid regular expression: {exc.msg}{at}")
            return
        except (RecursionError, OverflowError, ValueError) as exc:
            self.add(path, f"invalid regular expression: {exc}")
            return
        if compiled.search("") is not None:
            self.add(path, "regular expression matches empty text; it would match everywhere")

    def _actions(self, data: Mapping[str, Any]) -> tuple[Action, ...]:
        out: list[Action] = []
        for i, item in enumerate(self.tables(data, "actions")):
            where = ("actions", i)
            self.unknown(item, _ACTION_KEYS, where)
            kind = self.text(item, "kind", where)
            if kind and kind not in ACTION_KINDS:
                self.add(
                    (*where, "kind"),
                    f"unknown action kind {kind!r} (expected one of: {', '.join(ACTION_KINDS)})",
                )
            summary = self.text(item, "summary", where)
            model_text = self.text(item, "model_text", where, required=kind not in ("", "delete"))
            out.append(Action(kind=kind, summary=summary, model_text=model_text))
        return tuple(out)

    def _comments(self, data: Mapping[str, Any]) -> tuple[CommentTemplates, ...]:
        if "comment" not in data:
            self.add(
                ("comment",),
                "missing (required): add [comment.itu-t], [comment.ieee], [comment.iso]",
            )
            return ()
        section = data["comment"]
        if not isinstance(section, dict):
            self.add(("comment",), f"must be a table, got {_type_name(section)}")
            return ()
        for body in section:
            if body not in BODIES:
                self.add(
                    ("comment", body),
                    f"unknown body {body!r} (expected one of: {', '.join(BODIES)})",
                )
        out: list[CommentTemplates] = []
        for body in BODIES:
            where: tuple[PathPart, ...] = ("comment", body)
            if body not in section:
                self.add(
                    where,
                    f"missing (required): add a [comment.{body}] table",
                    line=self.index.line(("comment",)),
                )
                continue
            table = section[body]
            if not isinstance(table, dict):
                self.add(where, f"must be a table, got {_type_name(table)}")
                continue
            self.unknown(table, _COMMENT_KEYS[body], where)
            main = "discussion" if body == "itu-t" else "comment"
            comment = self.text(table, main, where)
            proposed = self.text(table, "proposed_change", where)
            category = ""
            satisfied = False
            comment_type = ""
            if body == "ieee":
                category = self.text(table, "category", where)
                if category and category not in IEEE_CATEGORIES:
                    self.add(
                        (*where, "category"),
                        f"{category!r} is not an IEEE comment category "
                        f"(expected one of: {', '.join(IEEE_CATEGORIES)})",
                    )
                if "must_be_satisfied" not in table:
                    self.add(
                        (*where, "must_be_satisfied"),
                        "missing (required)",
                        line=self.index.line(where),
                    )
                elif not isinstance(table["must_be_satisfied"], bool):
                    self.add(
                        (*where, "must_be_satisfied"),
                        f"must be true or false, got {_type_name(table['must_be_satisfied'])}",
                    )
                else:
                    satisfied = table["must_be_satisfied"]
            if body == "iso":
                comment_type = self.text(table, "type", where)
                if comment_type and comment_type not in ISO_TYPES:
                    self.add(
                        (*where, "type"),
                        f"{comment_type!r} is not an ISO comment type "
                        f"(expected one of: {', '.join(ISO_TYPES)})",
                    )
            for name, source in ((main, comment), ("proposed_change", proposed)):
                if source:
                    self._compile(source, (*where, name))
            out.append(
                CommentTemplates(
                    body=body,
                    comment=comment,
                    proposed_change=proposed,
                    category=category,
                    must_be_satisfied=satisfied,
                    type=comment_type,
                )
            )
        return tuple(out)

    def _compile(self, source: str, path: tuple[PathPart, ...]) -> bool:
        try:
            if self.thorough:
                names = compile_with_names(source, origin=self.path)[1]
            else:
                names = template_names(source, origin=self.path)
        except RenderError as exc:
            self.add(path, exc.problem, line=self._template_line(path, exc.template_line))
            return False
        unknown = sorted(set(names) - CONTEXT_VARIABLES)
        if unknown:
            allowed = ", ".join(sorted(CONTEXT_VARIABLES))
            where = re.search(rf"\b{re.escape(unknown[0])}\b", source)
            template_line = source.count("\n", 0, where.start()) + 1 if where else None
            self.add(
                path,
                f"undefined variable {', '.join(repr(n) for n in unknown)} (available: {allowed})",
                line=self._template_line(path, template_line),
            )
            return False
        return True

    def _template_line(self, path: Sequence[PathPart], template_line: int | None) -> int | None:
        start = self.index.template_start(path)
        if start is None or template_line is None:
            return start
        return start + template_line - 1

    def _check_rendering(self, position: Position) -> None:
        """Render every template against the sample findings: all strengths, normative or not."""
        for templates in position.comments:
            main = "discussion" if templates.body == "itu-t" else "comment"
            reported: set[str] = set()
            for requirement, informative in _sample_cases():
                context = sample_context(
                    position,
                    requirement=str(requirement),
                    informative=informative,
                    body=templates.body,
                )
                for name, source in (
                    (main, templates.comment),
                    ("proposed_change", templates.proposed_change),
                ):
                    if name in reported:
                        continue
                    path = ("comment", templates.body, name)
                    try:
                        text = _tidy(
                            render_template(
                                compile_string(source, origin=self.path),
                                context,
                                origin=self.path,
                            )
                        )
                    except RenderError as exc:
                        reported.add(name)
                        self.add(
                            path,
                            f"{exc.problem} (sample finding: requirement {str(requirement)!r}, "
                            f"informative {str(informative).lower()})",
                            line=self._template_line(path, exc.template_line),
                        )
                        continue
                    if not text:
                        reported.add(name)
                        self.add(
                            path,
                            f"renders as empty text when requirement is {str(requirement)!r}"
                            f" and informative is {str(informative).lower()}",
                        )
                    elif len(text) > HARD_COMMENT_LIMIT:
                        reported.add(name)
                        self.add(
                            path,
                            f"renders {len(text)} characters "
                            f"(IEEE allows {HARD_COMMENT_LIMIT} per field)",
                        )
                    elif len(text) > SOFT_COMMENT_LIMIT:
                        reported.add(name)
                        self.add(
                            path,
                            f"renders {len(text)} characters; keep comments under about "
                            f"{SOFT_COMMENT_LIMIT}",
                            severity="warning",
                        )

    def _check_aims(self, position: Position) -> None:
        if len(position.triggers) < MIN_TRIGGERS:
            self.add(
                ("triggers",),
                f"{len(position.triggers)} triggers; aim for at least {MIN_TRIGGERS} covering "
                "the words drafts use",
                severity="warning",
                line=self.index.line(("triggers", 0)),
            )
        low, high = EVIDENCE_RANGE
        if not low <= len(position.evidence) <= high:
            self.add(
                ("evidence",),
                f"{len(position.evidence)} evidence items; "
                f"give {low} to {high} facts from the report",
                severity="warning",
                line=self.index.line(("evidence", 0)) or self.index.line(("id",)),
            )
        if not position.report:
            self.add(
                ("report",),
                "no [[report]] reference; say where in the report the position comes from",
                severity="warning",
                line=self.index.line(("id",)),
            )


def _sample_cases() -> list[tuple[str, bool]]:
    """The (requirement, informative) pairs `check` renders every template against."""
    return [(str(r), informative) for r in Requirement for informative in (False, True)]


def _type_name(value: object) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__


@lru_cache(maxsize=4096)
def _compile_pattern(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


_PLURAL = re.compile(r"(?<=[a-z]{3})(es|s)\b")


def phrase_key(phrase: str) -> str:
    """Normalise a trigger phrase for duplicate detection.

    Case, hyphens and spaces ("micro-expression" / "micro expression" / "microexpression"),
    British/American spelling (-our/-or, -ise/-ize) and plural endings are ignored.
    """
    text = phrase.casefold().replace("_", " ")
    text = re.sub(r"our\b", "or", text)
    text = re.sub(r"is(e|es|ed|ing|ation|ations)\b", r"iz\1", text)
    text = _PLURAL.sub("", text)
    return re.sub(r"[\s\-‐‑–]+", "", text)


# -- reading files and folders --------------------------------------------------------------

_CACHE: dict[tuple[str, bytes, bool], tuple[Position | None, tuple[PositionProblem, ...]]] = {}


def check_file(
    path: Path, *, thorough: bool = True
) -> tuple[Position | None, list[PositionProblem]]:
    """Validate one position file: the position (None when invalid) and every problem.

    `thorough` (as `positions check` does) compiles every comment template and renders it
    against the sample finding at every requirement strength, normative and informative.
    Otherwise (loading) templates are only parsed: syntax errors and unknown names are
    found, a misspelt attribute only when the comment is rendered.
    """
    checker = _FileChecker(path, thorough=thorough)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            checker.add((), f"file is {size} bytes; a position file is at most {MAX_FILE_BYTES}")
            return None, list(checker.problems)
        raw = path.read_bytes()
    except OSError as exc:
        checker.add((), f"cannot read: {exc.strerror or exc}")
        return None, list(checker.problems)
    digest = hashlib.blake2b(raw, digest_size=16).digest()
    key = (str(path.resolve()), digest, thorough)
    cached = _CACHE.get(key) or _CACHE.get((key[0], digest, True))
    if cached is not None:
        return cached[0], list(cached[1])
    position: Position | None = None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        checker.add((), f"not UTF-8 text (byte {exc.start})")
    else:
        data = checker.check_text(text.removeprefix("\ufeff"))
        if data is not None:
            position = checker.check(data)
    _CACHE[key] = (position, tuple(checker.problems))
    return position, list(checker.problems)


def position_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.toml") if p.is_file() and not p.name.startswith("."))


def _check_folder(
    folder: Path, *, thorough: bool = True
) -> tuple[list[Position], list[PositionProblem]]:
    if not folder.is_dir():
        return [], [PositionProblem(folder, None, "", "not a folder of position files")]
    files = position_files(folder)
    if not files:
        return [], [PositionProblem(folder, None, "", "holds no position files (*.toml)")]
    checked = [(path, *check_file(path, thorough=thorough)) for path in files]
    declared = {path: (pos.id if pos else _declared_id(path)) for path, pos, _ in checked}
    owners: dict[str, Path] = {}
    for path, _, _ in checked:  # the file named after its id owns it, else the first
        pid = declared[path]
        if pid and (pid not in owners or path.stem == pid != owners[pid].stem):
            owners[pid] = path
    positions: list[Position] = []
    problems: list[PositionProblem] = []
    for path, position, found in checked:
        problems.extend(found)
        pid = declared[path]
        if pid and owners[pid] != path:
            problems.append(
                PositionProblem(
                    path,
                    _id_line(path),
                    "id",
                    f"duplicate id {pid!r} (also in {owners[pid].name})",
                )
            )
            continue
        if position is not None:
            positions.append(position)
    return positions, problems


def _declared_id(path: Path) -> str:
    """The id a file declares, read leniently (for duplicate detection in broken files)."""
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return ""
    value = data.get("id")
    return value.strip() if isinstance(value, str) else ""


def _id_line(path: Path) -> int | None:
    try:
        return _LineIndex(path.read_text("utf-8")).line(("id",))
    except (OSError, UnicodeDecodeError):
        return None


def check_positions(folder: str | Path | None = None) -> list[PositionProblem]:
    """Return every problem (errors and warnings) of the position files in `folder`.

    Without a folder, the bundled library is checked.
    """
    target = Path(folder) if folder is not None else data_dir("positions")
    return _check_folder(target)[1]


def bundled_dir() -> Path:
    """Return the folder of the bundled position library."""
    return data_dir("positions")


def load_positions(dirs: Sequence[str | Path] = (), *, bundled: bool = True) -> PositionLibrary:
    """Load the bundled library (unless `bundled` is false), then each folder of `dirs` on top.

    A file whose id is already loaded replaces that position in place; a new id is added at
    the end. The first error raises `PositionError`; warnings are ignored here. Comment
    templates are parsed, not rendered, to keep loading fast: `check_positions` renders them
    all, and `render_comment` reports a template error with the file and field.
    """
    folders = ([bundled_dir()] if bundled else []) + [Path(d) for d in dirs]
    if not folders:
        raise PositionError(
            Path("."), "", "no position folder given and the bundled library is off"
        )
    order: list[str] = []
    chosen: dict[str, Position] = {}
    for folder in folders:
        positions, problems = _check_folder(folder, thorough=False)
        errors = [p for p in problems if p.severity == "error"]
        if errors:
            raise errors[0].to_error()
        for position in positions:
            if position.id not in chosen:
                order.append(position.id)
            chosen[position.id] = position
    return PositionLibrary(
        positions=tuple(chosen[i] for i in order),
        sources=tuple(folders),
    )


_SAMPLE_POSITION = Position(
    id="sample",
    title="Sample position",
    stance="Standards should not specify inferring people's emotions.",
    rationale="",
    rights=(Right("ICCPR", "art. 19"),),
    report=(),
    evidence=(),
    triggers=(Trigger("emotion recognition", 1.0),),
    actions=(),
    comments=(),
)


__all__ = [
    "ACTION_KINDS",
    "BODIES",
    "CONTEXT_VARIABLES",
    "IEEE_CATEGORIES",
    "ISO_TYPES",
    "Action",
    "CommentTemplates",
    "Evidence",
    "Position",
    "PositionError",
    "PositionLibrary",
    "PositionProblem",
    "RenderedComment",
    "ReportRef",
    "Right",
    "TemplateMatch",
    "Trigger",
    "bundled_dir",
    "check_file",
    "check_positions",
    "comment_context",
    "load_positions",
    "phrase_key",
    "position_files",
    "render_comment",
    "sample_context",
]
