"""Properties of the structure pass: flatten and rebuild is the identity; numbers increase."""

from __future__ import annotations

from collections.abc import Iterator

from hypothesis import given, settings
from hypothesis import strategies as st

from stdcomment.flat import FlatBlock
from stdcomment.model import Body, Cell, Clause, Location, Table
from stdcomment.profiles import profile_for
from stdcomment.structure import build_clauses, flatten

VOCABULARY = [
    "system",
    "camera",
    "image",
    "data",
    "operator",
    "record",
    "retain",
    "shall",
    "should",
    "may",
    "face",
    "signal",
    "emotion",
    "network",
    "user",
    "access",
    "log",
    "frame",
    "audio",
    "device",
]
WORDS = st.sampled_from(VOCABULARY)
SENTENCE = st.lists(WORDS, min_size=3, max_size=12).map(lambda ws: " ".join(ws).capitalize() + ".")
TITLE = st.lists(WORDS, min_size=1, max_size=4).map(lambda ws: " ".join(ws).capitalize())


@st.composite
def content(draw: st.DrawFn) -> tuple[str, str, Table | None]:
    kind = draw(st.sampled_from(["paragraph", "note", "list", "table"]))
    text = draw(SENTENCE)
    if kind == "note":
        return f"NOTE – {text}", "Note", None
    if kind == "list":
        return f"–\t{text}", "enumlev1", None
    if kind == "table":
        cells = draw(st.lists(st.lists(WORDS, min_size=2, max_size=3), min_size=1, max_size=3))
        table = Table(tuple(tuple(Cell(c) for c in row) for row in cells))
        return "\n".join(" | ".join(row) for row in cells), "table", table
    return text, "Normal", None


@st.composite
def outlines(draw: st.DrawFn) -> list[FlatBlock]:
    """A draft as flat blocks: typed headings (up to 3 levels) and content blocks."""
    blocks: list[FlatBlock] = []
    index = 0

    def add(text: str, style: str, table: Table | None = None) -> None:
        nonlocal index
        chain = (style.lower(),)
        location = Location(index, table=index if table is not None else None)
        blocks.append(FlatBlock(text, location, style_name=style, style_chain=chain, table=table))
        index += 1

    def clause(prefix: str, depth: int) -> None:
        count = draw(st.integers(1, 3 if depth < 3 else 1))
        for n in range(1, count + 1):
            number = f"{prefix}{n}"
            add(f"{number}\t{draw(TITLE)}", f"heading {depth}")
            for _ in range(draw(st.integers(0, 3))):
                add(*draw(content()))
            if depth < 3 and draw(st.booleans()):
                clause(f"{number}.", depth + 1)

    clause("", 1)
    return blocks


def _numbers(clauses: tuple[Clause, ...]) -> Iterator[tuple[Clause, ...]]:
    yield clauses
    for clause in clauses:
        yield from _numbers(clause.children)


PROFILE = profile_for(Body.ITU_T)


@settings(max_examples=60, deadline=None)
@given(outlines())
def test_flatten_then_build_gives_the_same_tree(blocks: list[FlatBlock]) -> None:
    tree, warnings = build_clauses(blocks, PROFILE)
    assert not warnings
    rebuilt, _ = build_clauses(flatten(tree), PROFILE)
    assert rebuilt == tree


@settings(max_examples=60, deadline=None)
@given(outlines())
def test_numbers_increase_within_each_level(blocks: list[FlatBlock]) -> None:
    tree, _ = build_clauses(blocks, PROFILE)
    headings = [b for b in blocks if b.style_name.startswith("heading")]
    assert sum(1 for root in tree for _ in root.walk()) == len(headings)
    for siblings in _numbers(tree):
        keys = [tuple(int(part) for part in c.number.split(".")) for c in siblings]
        assert keys == sorted(keys)
        assert len(set(keys)) == len(keys)
        for clause in siblings:
            for child in clause.children:
                assert child.number.startswith(clause.number + ".")
                assert child.level == clause.level + 1
