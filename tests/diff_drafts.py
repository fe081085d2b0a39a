"""Random drafts for the diff tests: an editable outline, its next revision, and the model.

An outline is a list of `Node`s (title, blocks, children) with no numbers: numbers are given
when the outline is built into clauses, in order, as an editor's renumbering would. Block text
may hold `{ref:k}`, replaced by "clause <number of the k-th clause>" when built, so that
cross-references follow the renumbering.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from hypothesis import strategies as st

from stdcomment.model import (
    Block,
    BlockKind,
    Body,
    Cell,
    Clause,
    Draft,
    Location,
    Metadata,
    Source,
    Table,
)

VOCABULARY = [
    "system",
    "camera",
    "image",
    "data",
    "operator",
    "record",
    "retain",
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
    "subject",
    "alert",
    "score",
]
WORDS = st.sampled_from(VOCABULARY)
SENTENCE = st.lists(WORDS, min_size=3, max_size=14).map(lambda ws: " ".join(ws).capitalize() + ".")
TITLE = st.lists(WORDS, min_size=1, max_size=4).map(lambda ws: " ".join(ws).capitalize())
_REF = re.compile(r"\{ref:(\d+)\}")


@dataclass
class Item:
    """A block of an outline."""

    kind: str  # paragraph | note | list | table
    text: str = ""
    grid: list[list[str]] = field(default_factory=list)


@dataclass(eq=False)
class Node:
    """A clause of an outline (no number)."""

    title: str
    items: list[Item] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)

    def walk(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            yield from child.walk()


def walk(outline: list[Node]) -> Iterator[Node]:
    for node in outline:
        yield from node.walk()


@st.composite
def items(draw: st.DrawFn, refs: bool = True) -> Item:
    kind = draw(st.sampled_from(["paragraph", "paragraph", "note", "list", "table"]))
    if kind == "table":
        columns = draw(st.integers(1, 3))
        rows = draw(st.integers(1, 4))
        grid = [[" ".join(draw(st.lists(WORDS, min_size=1, max_size=3))) for _ in range(columns)]
                for _ in range(rows)]  # fmt: skip
        return Item("table", grid=grid)
    text = draw(SENTENCE)
    if refs and draw(st.integers(0, 5)) == 0:
        text += f" See {{ref:{draw(st.integers(0, 30))}}}."
    return Item(kind, text)


@st.composite
def outlines(draw: st.DrawFn, depth: int = 1, max_size: int = 4) -> list[Node]:
    out = []
    for _ in range(draw(st.integers(1 if depth == 1 else 0, max_size if depth < 3 else 2))):
        node = Node(draw(TITLE), draw(st.lists(items(), max_size=4)))
        if depth < 3 and draw(st.booleans()):
            node.children = draw(outlines(depth + 1, 3))
        out.append(node)
    return out


def build(outline: list[Node], *, start: int = 1, path: str = "draft.docx") -> Draft:
    """Number the outline (top-level clauses from `start`) and return it as a draft."""
    numbers: list[str] = []

    def number(nodes: list[Node], prefix: str, first: int) -> None:
        for k, node in enumerate(nodes):
            value = f"{prefix}{first + k}"
            numbers.append(value)
            number(node.children, value + ".", 1)

    number(outline, "", start)
    counter = iter(range(10**6))
    count = iter(numbers)

    def text(raw: str) -> str:
        return _REF.sub(lambda m: f"clause {numbers[int(m.group(1)) % len(numbers)]}", raw)

    def block(item: Item) -> Block:
        location = Location(next(counter))
        if item.kind == "table":
            table = Table(tuple(tuple(Cell(c) for c in row) for row in item.grid))
            grid = "\n".join(" | ".join(row) for row in item.grid)
            return Block(BlockKind.TABLE, grid, location, style="table", table=table)
        if item.kind == "note":
            return Block(BlockKind.NOTE, text(item.text), location, style="Note", label="NOTE")
        if item.kind == "list":
            return Block(
                BlockKind.LIST_ITEM, text(item.text), location, style="enumlev1", label="–"
            )
        return Block(BlockKind.PARAGRAPH, text(item.text), location)

    def clause(node: Node, level: int) -> Clause:
        value = next(count)
        blocks = tuple(block(i) for i in node.items)
        children = tuple(clause(c, level + 1) for c in node.children)
        return Clause(value, node.title, level, blocks=blocks, children=children)

    clauses = tuple(clause(node, 1) for node in outline)
    return Draft(Source(path, "0" * 64, "docx"), Body.ITU_T, Metadata(), clauses)


@st.composite
def revisions(draw: st.DrawFn, outline: list[Node]) -> list[Node]:
    """Return the next revision of `outline`: edits, insertions, deletions and moves."""
    new = copy.deepcopy(outline)
    nodes = list(walk(new))
    for node in nodes:
        for k, item in enumerate(list(node.items)):
            roll = draw(st.integers(0, 9))
            if roll == 0 and item.kind != "table":  # word edit
                words = item.text.split(" ")
                at = draw(st.integers(0, len(words) - 1))
                words[at] = draw(WORDS)
                node.items[k] = Item(item.kind, " ".join(words))
            elif roll == 0 and item.grid:  # cell edit
                r = draw(st.integers(0, len(item.grid) - 1))
                c = draw(st.integers(0, len(item.grid[r]) - 1))
                item.grid[r][c] = draw(WORDS)
            elif roll == 1:
                node.items.insert(k, draw(items()))
        if node.items and draw(st.integers(0, 5)) == 0:
            del node.items[draw(st.integers(0, len(node.items) - 1))]
    if draw(st.booleans()) and len(new) > 1:  # delete a top-level clause
        del new[draw(st.integers(0, len(new) - 1))]
    if draw(st.booleans()):  # insert a clause
        parent = draw(st.sampled_from([None, *walk(new)]))
        siblings = new if parent is None else parent.children
        node = Node(draw(TITLE), draw(st.lists(items(), min_size=1, max_size=3)))
        siblings.insert(draw(st.integers(0, len(siblings))), node)
    if draw(st.booleans()):  # move a sub-clause to another parent
        candidates = [(p, c) for p in walk(new) for c in p.children]
        if candidates:
            parent, child = draw(st.sampled_from(candidates))
            parent.children = [c for c in parent.children if c is not child]
            target = draw(st.sampled_from(list(walk(new))))  # the child's subtree is out
            target.children.insert(draw(st.integers(0, len(target.children))), child)
    return new


__all__ = ["Item", "Node", "build", "items", "outlines", "revisions", "walk"]
