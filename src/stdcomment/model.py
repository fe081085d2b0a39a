"""The document model: a draft standard as a tree of numbered clauses holding blocks.

Readers produce it, scan/diff/writers consume it. Every object is a frozen dataclass, and
`Draft.to_dict()` / `Draft.from_dict()` give the versioned JSON form documented in
`schema/draft.schema.json` (`SCHEMA_VERSION`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import MISSING, dataclass, fields, is_dataclass
from enum import StrEnum
from json.encoder import encode_basestring
from typing import Any, TypeVar, get_args, get_origin, get_type_hints

SCHEMA_VERSION = "1.0"


class Body(StrEnum):
    """The standards body whose conventions a draft follows."""

    ITU_T = "itu-t"
    IEEE = "ieee"
    ISO = "iso"
    UNKNOWN = "unknown"


class ClauseKind(StrEnum):
    """What part of a standard a clause is."""

    FRONT = "front"  # cover, title, Summary, Keywords, Introduction, Foreword, Abstract
    BODY = "body"
    DEFINITIONS = "definitions"
    ABBREVIATIONS = "abbreviations"
    REFERENCES = "references"
    ANNEX = "annex"  # normative unless marked "(informative)" (IEEE/ISO)
    APPENDIX = "appendix"  # ITU-T appendices: never normative
    BIBLIOGRAPHY = "bibliography"


class NumberSource(StrEnum):
    """How a clause number was found."""

    TYPED = "typed"  # literal text in the heading ("6.2.1<TAB>Title")
    AUTO = "auto"  # Word automatic numbering (w:numPr against numbering.xml)
    INFERRED = "inferred"  # counted by the structure pass (unnumbered heading in a numbered run)
    NONE = "none"  # unnumbered (Summary, Foreword, preamble)


class BlockKind(StrEnum):
    """What a block of text is."""

    PARAGRAPH = "paragraph"
    LIST_ITEM = "list-item"
    NOTE = "note"
    TABLE = "table"
    CAPTION = "caption"
    FIGURE = "figure"
    EQUATION = "equation"
    DEFINITION = "definition"
    ABBREVIATION = "abbreviation"
    REFERENCE = "reference"  # an entry of a references clause or bibliography
    CODE = "code"


class Requirement(StrEnum):
    """The normative strength a block's wording carries."""

    REQUIRED = "required"  # shall, is required to, must
    PROHIBITED = "prohibited"  # shall not, is prohibited from, must not
    RECOMMENDED = "recommended"  # should, is recommended
    NOT_RECOMMENDED = "not-recommended"  # should not, is not recommended
    OPTIONAL = "optional"  # may, can optionally, is permitted to
    POSSIBLE = "possible"  # can (capability or possibility; ISO/IEEE)
    NONE = "none"


#: Strongest first: a block takes the strongest requirement it contains.
REQUIREMENT_RANK: dict[Requirement, int] = {
    Requirement.PROHIBITED: 6,
    Requirement.REQUIRED: 5,
    Requirement.NOT_RECOMMENDED: 4,
    Requirement.RECOMMENDED: 3,
    Requirement.OPTIONAL: 2,
    Requirement.POSSIBLE: 1,
    Requirement.NONE: 0,
}


@dataclass(frozen=True, slots=True)
class Location:
    """Where a block came from, so a delegate can find it in Word or in the PDF.

    `index` counts the body's top-level paragraphs and tables from 0 in document order
    (content controls are looked through). Cell blocks add the table number (0-based, in
    document order, nested tables included), row and column. PDF blocks add page and
    first/last printed line numbers. Blocks of text drafts (Markdown, AsciiDoc, plain text)
    give their first and last line in the file (1-based) without a page.
    """

    index: int
    table: int | None = None
    row: int | None = None
    column: int | None = None
    page: int | None = None
    line: int | None = None
    last_line: int | None = None

    def describe(self) -> str:
        """Return a short human form: "paragraph 12", "table 2, row 3, cell 1", "page 4, line 7".

        Text drafts give "line 12-14" (and "table 2, line 30-34").
        """
        if self.page is not None:
            where = f"page {self.page}"
            if self.line is not None:
                where += f", line {self.line}"
                if self.last_line is not None and self.last_line != self.line:
                    where += f"-{self.last_line}"
            return where
        if self.line is not None:
            where = f"line {self.line}"
            if self.last_line is not None and self.last_line != self.line:
                where += f"-{self.last_line}"
            return f"table {self.table + 1}, {where}" if self.table is not None else where
        if self.table is not None:
            where = f"table {self.table + 1}"
            if self.row is not None:
                where += f", row {self.row + 1}"
            if self.column is not None:
                where += f", cell {self.column + 1}"
            return where
        return f"paragraph {self.index + 1}"


@dataclass(frozen=True, slots=True)
class Revision:
    """Tracked changes held by a block: both views of its text and who changed it."""

    original: str
    current: str
    authors: tuple[str, ...] = ()
    inserted: int = 0  # count of w:ins / w:moveTo runs
    deleted: int = 0  # count of w:del / w:moveFrom runs
    moved: bool = False


@dataclass(frozen=True, slots=True)
class Annotation:
    """A Word comment already present in the draft, anchored to a block."""

    author: str
    date: str
    text: str
    anchor: str = ""  # the commented text


@dataclass(frozen=True, slots=True)
class Cell:
    """One table cell: its text (paragraphs joined by newlines) and any nested tables."""

    text: str
    grid_span: int = 1
    merged_above: bool = False  # w:vMerge continuation
    tables: tuple[Table, ...] = ()


@dataclass(frozen=True, slots=True)
class Table:
    """A table as a grid of cells (rows may differ in length when cells span columns)."""

    rows: tuple[tuple[Cell, ...], ...]

    def texts(self) -> list[list[str]]:
        """Return the cell texts row by row."""
        return [[c.text for c in row] for row in self.rows]


@dataclass(frozen=True, slots=True)
class Definition:
    """A term entry of a definitions clause: `3.2.1<TAB>term [ref]: definition`."""

    number: str
    term: str
    reference: str
    definition: str


@dataclass(frozen=True, slots=True)
class Abbreviation:
    """An entry of an abbreviations clause: `ABBR<TAB>expansion`."""

    abbreviation: str
    expansion: str


@dataclass(frozen=True, slots=True)
class Block:
    """A unit of text inside a clause: paragraph, list item, note, table, caption, ..."""

    kind: BlockKind
    text: str
    location: Location
    style: str = ""
    label: str = ""  # list marker ("a)", "–"), note label ("NOTE 2"), caption label ("Table 1")
    requirement: Requirement = Requirement.NONE
    requirement_keyword: str = ""
    informative: bool = False  # inside a note, an example, an appendix or an informative annex
    requirement_id: str = ""  # an explicit label such as "R-ERVS-003" or "[REQ-7]"
    revision: Revision | None = None
    table: Table | None = None
    definition: Definition | None = None
    abbreviation: Abbreviation | None = None
    footnotes: tuple[str, ...] = ()
    annotations: tuple[Annotation, ...] = ()

    @property
    def has_revisions(self) -> bool:
        """Whether the block holds tracked changes."""
        return self.revision is not None


@dataclass(frozen=True, slots=True)
class Clause:
    """A numbered (or unnumbered) clause with its own blocks and its sub-clauses."""

    number: str  # "6.2.1", "A.3", "I.2", "" for unnumbered
    title: str
    level: int  # 1 for top-level clauses, annexes and appendices
    kind: ClauseKind = ClauseKind.BODY
    normative: bool = True
    number_source: NumberSource = NumberSource.NONE
    location: Location | None = None  # of the heading paragraph
    heading_revision: Revision | None = None
    blocks: tuple[Block, ...] = ()
    children: tuple[Clause, ...] = ()

    @property
    def label(self) -> str:
        """Return the clause as a reader cites it: "6.2.1 Title", "Annex A Title", "Summary"."""
        if self.number and self.title:
            return f"{self.number} {self.title}"
        return self.number or self.title

    def walk(self) -> Iterator[Clause]:
        """Yield this clause and all its descendants, depth first in document order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def text(self) -> str:
        """Return the clause's own text (children excluded), blocks joined by blank lines."""
        return "\n\n".join(b.text for b in self.blocks if b.text)


@dataclass(frozen=True, slots=True)
class Contact:
    """A contact person on a cover page or contribution."""

    name: str
    organization: str = ""
    country: str = ""
    tel: str = ""
    email: str = ""


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the draft says about itself (cover table, page header, title page)."""

    title: str = ""
    document_number: str = ""  # "SG16-TD123/WP2", "C 45"
    work_item: str = ""  # "F.ERVS", "F.XXX"
    recommendation: str = ""  # "Draft new Recommendation ITU-T F.ERVS"
    study_group: str = ""
    questions: str = ""
    working_party: str = ""
    source: str = ""
    contacts: tuple[Contact, ...] = ()
    place: str = ""
    date: str = ""
    status: str = ""  # "Draft", "Unapproved draft"
    designation: str = ""  # IEEE "P2410/D1"
    project: str = ""  # ISO/IEC "ISO/IEC 19795-10"
    fields: tuple[tuple[str, str], ...] = ()  # every label/value pair read from the cover


@dataclass(frozen=True, slots=True)
class Source:
    """The file a draft was read from."""

    path: str
    sha256: str
    format: str  # "docx", "pdf"
    view: str = "current"  # tracked changes: "current" (accepted) or "original" (rejected)


@dataclass(frozen=True, slots=True)
class Draft:
    """A draft standard: source, body, metadata and the clause tree."""

    source: Source
    body: Body
    metadata: Metadata
    clauses: tuple[Clause, ...]
    warnings: tuple[str, ...] = ()
    schema_version: str = SCHEMA_VERSION

    def walk(self) -> Iterator[Clause]:
        """Yield every clause depth first in document order."""
        for clause in self.clauses:
            yield from clause.walk()

    def find(self, number: str) -> Clause | None:
        """Return the first clause numbered `number`, or None."""
        return next((c for c in self.walk() if c.number == number), None)

    def blocks(self) -> Iterator[tuple[Clause, Block]]:
        """Yield (clause, block) for every block in document order."""
        for clause in self.walk():
            for block in clause.blocks:
                yield clause, block

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form (see `schema/draft.schema.json`)."""
        return _to_json(self)  # type: ignore[no-any-return]

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Draft:
        """Rebuild a draft from its JSON form."""
        return _from_json(cls, data)


# -- JSON conversion: generic over the dataclasses above --------------------------------------

T = TypeVar("T")


def _to_json(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        out: dict[str, Any] = {}
        for f in fields(value):
            v = getattr(value, f.name)
            if (
                v is None
                or v == ()
                or (f.default is not None and v == f.default and f.name not in _ALWAYS)
            ):
                continue
            out[f.name] = _to_json(v)
        return out
    if isinstance(value, StrEnum):
        return str(value)
    if isinstance(value, tuple):
        return [_to_json(v) for v in value]
    return value


# fields written even when they hold their default, so the JSON reads well
_ALWAYS = frozenset(
    {
        "kind",
        "text",
        "number",
        "title",
        "level",
        "index",
        "body",
        "schema_version",
        "score",
        "strength",
        "exclusion",
        "requirement",
    }
)


def _always_written(name: str) -> bool:
    """Whether field `name` appears in the JSON form even when it holds its default."""
    return name in _ALWAYS


# -- the JSON text, written in one pass ------------------------------------------------------
#
# `json_text(value)` is `json.dumps(_to_json(value), ensure_ascii=False, indent=2)`, byte for
# byte, without building the intermediate dicts and without json's pure-Python indenting
# encoder (about 3x faster on a 400-page draft). Strings go through json's own C escaper.

#: per dataclass: (field name, encoded key, the default that leaves it out or _KEEP)
_Plan = tuple[tuple[str, str, Any], ...]
_PLANS: dict[type, _Plan] = {}
_KEEP = object()  # no default to compare with: written unless None or ()


def _plan(cls: type) -> _Plan:
    plan = _PLANS.get(cls)
    if plan is None:
        plan = tuple(
            (
                f.name,
                encode_basestring(f.name) + ": ",
                _KEEP
                if f.default is None or f.default is MISSING or f.name in _ALWAYS
                else f.default,
            )
            for f in fields(cls)
        )
        _PLANS[cls] = plan
    return plan


def _float_text(value: float) -> str:
    if value != value:
        return "NaN"
    if value in (float("inf"), float("-inf")):
        return "Infinity" if value > 0 else "-Infinity"
    return float.__repr__(value)


def _write(
    value: Any, newline: str, step: str, parts: list[str], sink: Callable[[str], object]
) -> None:
    """Append the JSON text of `value` (already at `newline`'s depth, each level indented by
    `step`) to `parts`;
    long runs of parts go to `sink` joined (300,000 small strings would take ten times the
    memory of the text)."""
    out = parts.append
    if isinstance(value, str):
        out(encode_basestring(value))
        return
    plan = _PLANS.get(type(value))
    if plan is None and is_dataclass(value) and not isinstance(value, type):
        plan = _plan(type(value))
    if plan is not None:
        inner = newline + step
        first = True
        for name, key, default in plan:
            v = getattr(value, name)
            if v is None or v == () or (default is not _KEEP and v == default):
                continue
            out(("{" if first else ",") + inner + key)
            first = False
            _write(v, inner, step, parts, sink)
        out("{}" if first else newline + "}")
    elif isinstance(value, tuple):
        if not value:
            out("[]")
            return
        inner = newline + step
        separator = "[" + inner
        for item in value:
            out(separator)
            separator = "," + inner
            _write(item, inner, step, parts, sink)
            if len(parts) > 4096:
                sink("".join(parts))
                parts.clear()
        out(newline + "]")
    elif isinstance(value, list):
        _write(tuple(value), newline, step, parts, sink)
    elif isinstance(value, dict):
        if not value:
            out("{}")
            return
        inner = newline + step
        separator = "{" + inner
        for key, item in value.items():
            out(separator + encode_basestring(str(key)) + ": ")
            separator = "," + inner
            _write(item, inner, step, parts, sink)
        out(newline + "}")
    elif value is None:
        out("null")
    elif value is True:
        out("true")
    elif value is False:
        out("false")
    elif isinstance(value, int):
        out(int.__repr__(value))
    elif isinstance(value, float):
        out(_float_text(value))
    else:
        raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def write_json(value: Any, write: Callable[[str], object], *, indent: int = 2) -> None:
    """Write the JSON form of a model object, as `json.dumps(..., ensure_ascii=False,
    indent=indent)` writes it (no trailing newline), to `write` piece by piece."""
    parts: list[str] = []
    _write(value, "\n", " " * indent, parts, write)
    write("".join(parts))


def json_text(value: Any, *, indent: int = 2) -> str:
    """Return the JSON form of a model object as `json.dumps(..., ensure_ascii=False,
    indent=indent)` writes it (no trailing newline)."""
    chunks: list[str] = []
    write_json(value, chunks.append, indent=indent)
    return "".join(chunks)


def json_fields(value: Any) -> dict[str, Any]:
    """Return the fields of dataclass `value` that its JSON form holds, values unconverted
    (to add keys before writing it with `json_text`)."""
    out: dict[str, Any] = {}
    for name, _key, default in _plan(type(value)):
        v = getattr(value, name)
        if v is None or v == () or (default is not _KEEP and v == default):
            continue
        out[name] = v
    return out


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = get_type_hints(cls)
    return _HINTS[cls]


def _from_json(cls: type[T], data: Any) -> T:
    hints = _hints(cls)
    kwargs: dict[str, Any] = {}
    for f in fields(cls):  # type: ignore[arg-type]
        if f.name in data:
            kwargs[f.name] = _convert(hints[f.name], data[f.name])
    return cls(**kwargs)


def _convert(tp: Any, value: Any) -> Any:
    origin = get_origin(tp)
    if origin is tuple:
        args = get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_convert(args[0], v) for v in value)
        return tuple(_convert(a, v) for a, v in zip(args, value, strict=True))
    if origin is not None and type(None) in get_args(tp):  # X | None
        if value is None:
            return None
        inner = next(a for a in get_args(tp) if a is not type(None))
        return _convert(inner, value)
    if isinstance(tp, type) and issubclass(tp, StrEnum):
        return tp(value)
    if isinstance(tp, type) and is_dataclass(tp):
        return _from_json(tp, value)
    return value


__all__ = [
    "REQUIREMENT_RANK",
    "SCHEMA_VERSION",
    "Abbreviation",
    "Annotation",
    "Block",
    "BlockKind",
    "Body",
    "Cell",
    "Clause",
    "ClauseKind",
    "Contact",
    "Definition",
    "Draft",
    "Location",
    "Metadata",
    "NumberSource",
    "Requirement",
    "Revision",
    "Source",
    "Table",
]
