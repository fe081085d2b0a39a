"""Content nodes of a sample draft, and the numbers its clauses, tables and terms receive.

A sample is a list of nodes written once; `walk` numbers it (clauses, annexes "A", appendices
"I", tables "1" or "A.1", figures, definition entries "3.2.1"), so two revisions of a draft
written from one description renumber by themselves.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TypeAlias

from stdcomment.docxwrite import Content, Mark, plain_text

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


@dataclass(frozen=True, slots=True)
class Heading:
    """A numbered clause heading; `level` 1 is a top-level clause (or A.1 inside an annex)."""

    key: str
    level: int
    title: Content


@dataclass(frozen=True, slots=True)
class Unnumbered:
    """An unnumbered front-matter heading (Summary, Keywords, Introduction, Abstract)."""

    title: str


@dataclass(frozen=True, slots=True)
class Text:
    """A paragraph in a style (ITU-T style ids, or IEEE ones in the IEEE sample)."""

    content: Content
    style: str = "Normal"
    mark: Mark | None = None
    num: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class Term:
    """A definition entry; its number (e.g. 3.2.1) comes from the clause it sits in."""

    term: str
    definition: str
    ref: str = ""


@dataclass(frozen=True, slots=True)
class Annex:
    """Start of an annex (normative, letters) or an appendix (informative, roman numerals)."""

    key: str
    title: str
    appendix: bool = False
    informative: bool = False


@dataclass(frozen=True, slots=True)
class Bibliography:
    """The Bibliography heading."""

    key: str = "bibliography"


@dataclass(frozen=True, slots=True)
class TableNode:
    """A captioned table: a header row and body rows of cell text."""

    key: str
    caption: str
    head: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class FigureNode:
    """A captioned picture."""

    key: str
    caption: str
    png: bytes
    width_cm: float = 16.0
    height_cm: float = 5.6


@dataclass(frozen=True, slots=True)
class Contents:
    """Where the table of contents goes (built from the headings)."""


@dataclass(frozen=True, slots=True)
class PageBreak:
    """A page break."""


Node: TypeAlias = (
    Heading
    | Unnumbered
    | Text
    | Term
    | Annex
    | Bibliography
    | TableNode
    | FigureNode
    | Contents
    | PageBreak
)


@dataclass(frozen=True, slots=True)
class Clause:
    """A numbered heading as a reader should find it."""

    key: str
    number: str
    title: str
    level: int
    kind: str  # body, annex, appendix, bibliography, front


@dataclass
class _State:
    counters: list[int] = field(default_factory=lambda: [0] * 9)
    prefix: str = ""
    annexes: int = 0
    appendices: int = 0
    tables: int = 0
    figures: int = 0
    terms: int = 0
    clause: str = ""


def walk(nodes: Sequence[Node]) -> Iterator[tuple[Node, str]]:
    """Yield every node with its number ("" when it has none).

    Headings get their clause number, annexes "A"/"B", appendices "I"/"II", tables and
    figures "1" (or "A.1" inside an annex), terms the number of their entry.
    """
    st = _State()
    for node in nodes:
        number = ""
        if isinstance(node, Heading):
            st.counters[node.level - 1] += 1
            for k in range(node.level, 9):
                st.counters[k] = 0
            parts = [str(c) for c in st.counters[: node.level]]
            number = ".".join([st.prefix, *parts] if st.prefix else parts)
            st.clause, st.terms = number, 0
        elif isinstance(node, Annex):
            if node.appendix:
                st.appendices += 1
                st.prefix = ROMAN[st.appendices - 1]
            else:
                st.annexes += 1
                st.prefix = chr(ord("A") + st.annexes - 1)
            st.counters = [0] * 9
            st.tables = st.figures = 0
            number = st.prefix
        elif isinstance(node, Bibliography):
            st.prefix = ""
        elif isinstance(node, Term):
            st.terms += 1
            number = f"{st.clause}.{st.terms}"
        elif isinstance(node, TableNode):
            st.tables += 1
            number = f"{st.prefix}.{st.tables}" if st.prefix else str(st.tables)
        elif isinstance(node, FigureNode):
            st.figures += 1
            number = f"{st.prefix}.{st.figures}" if st.prefix else str(st.figures)
        yield node, number


def clauses(nodes: Sequence[Node], *, front: bool = False) -> list[Clause]:
    """Return the numbered headings, annexes, appendices and bibliography in order.

    With `front`, unnumbered front-matter headings are included (kind "front", number "").
    """
    out: list[Clause] = []
    kind = "body"
    for node, number in walk(nodes):
        if isinstance(node, Unnumbered) and front:
            out.append(Clause(node.title.lower(), "", node.title, 1, "front"))
        elif isinstance(node, Heading):
            level = node.level + (0 if kind == "body" else 1)
            out.append(Clause(node.key, number, plain_text(node.title), level, kind))
        elif isinstance(node, Annex):
            kind = "appendix" if node.appendix else "annex"
            out.append(Clause(node.key, number, node.title, 1, kind))
        elif isinstance(node, Bibliography):
            out.append(Clause(node.key, "", "Bibliography", 1, "bibliography"))
    return out


def estimated_pages(nodes: Sequence[Node], *, first_page: int, per_page: int) -> dict[str, int]:
    """A plausible page number for each heading key, for tables of contents.

    Counts nodes from the first numbered heading; a sample is rendered once, never paginated,
    so the numbers are estimates (a reader skips the contents anyway).
    """
    pages: dict[str, int] = {}
    count = 0
    started = False
    for node in nodes:
        started = started or isinstance(node, Heading)
        if not started:
            continue
        if isinstance(node, Annex | Bibliography) and count % per_page:
            count += per_page - count % per_page  # annexes start on a new page
        if isinstance(node, Heading | Annex | Bibliography):
            pages[node.key] = first_page + count // per_page
        count += 1
    return pages
