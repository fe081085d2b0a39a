"""`model.json_text` writes exactly what `json.dumps(to_dict(), ensure_ascii=False, indent=2)`
writes, for real drafts and for awkward values."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import pytest

from stdcomment.model import (
    Block,
    BlockKind,
    Cell,
    Clause,
    Location,
    Revision,
    Table,
    _to_json,
    json_fields,
    json_text,
    write_json,
)
from stdcomment.readers import read_draft
from stdcomment.resources import sample_path


def _reference(value: object) -> str:
    return json.dumps(_to_json(value), ensure_ascii=False, indent=2)


@pytest.mark.parametrize(
    "name",
    ["itu-t-f-ervs-draft.docx", "itu-t-f-ervs-draft-v2.docx", "ieee-p7915-affect-draft.docx"],
)
@pytest.mark.parametrize("view", ["current", "original"])
def test_sample_drafts(name: str, view: str) -> None:
    draft = read_draft(sample_path(name), view=view)
    assert json_text(draft) == _reference(draft)


def test_awkward_values() -> None:
    text = 'quote " back\\slash \t tab \n line \x00 nul \x1f unit \u2028 \ud800 é 你 🙂'
    block = Block(
        kind=BlockKind.TABLE,
        text=text,
        location=Location(0, table=0, row=0, column=0),
        revision=Revision(original="", current=text, authors=("a", ""), inserted=1),
        table=Table(rows=((Cell(text), Cell("", grid_span=2, merged_above=True)), ())),
        footnotes=("",),
    )
    clause = Clause(number="", title="", level=1, blocks=(block,))
    assert json_text(clause) == _reference(clause)
    assert json_text(Location(0)) == _reference(Location(0))


@dataclass(frozen=True)
class _Numbers:
    values: tuple[float, ...] = ()
    flag: bool = False
    count: int = 0
    maybe: int | None = None
    extra: tuple[str, ...] = field(default_factory=tuple)


def test_numbers_and_defaults() -> None:
    value = _Numbers(
        values=(0.0, -0.0, 1.5, 1e16, 1e-7, 3.141592653589793, float("nan"), float("inf")),
        flag=True,
        count=-3,
        extra=("x",),
    )
    assert json_text(value) == _reference(value)
    assert json_text(_Numbers()) == _reference(_Numbers()) == "{}"


def test_long_outputs_are_written_in_pieces() -> None:
    blocks = tuple(
        Block(kind=BlockKind.PARAGRAPH, text=f"Paragraph {i} – “quoted”.", location=Location(i))
        for i in range(3000)
    )
    clause = Clause(number="1", title="Scope", level=1, blocks=blocks)
    pieces: list[str] = []
    write_json(clause, pieces.append)
    assert len(pieces) > 2
    assert "".join(pieces) == json_text(clause) == _reference(clause)


def test_other_indents_and_added_keys() -> None:
    draft = read_draft(sample_path("itu-t-f-ervs-draft.docx"))
    clause = draft.clauses[1]
    assert json_text(clause, indent=1) == json.dumps(_to_json(clause), ensure_ascii=False, indent=1)
    extended = {**json_fields(draft), "extra": {"n": 1, "items": ()}}
    expected = {**_to_json(draft), "extra": {"n": 1, "items": []}}
    assert json_text(extended) == json.dumps(expected, ensure_ascii=False, indent=2)
