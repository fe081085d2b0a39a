"""Properties of the diff, on random drafts (hypothesis).

- a draft compared with itself has no changes;
- renumbering every clause (cross-references following) gives only renumbered clauses;
- applying a diff's changes to the old draft gives the new draft's text, for random revisions
  and for unrelated drafts, strict or not;
- the same drafts give the same diff;
- `--revisions` on a draft with tracked changes reports exactly the reader's revisions.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stdcomment.diff import ChangeKind, diff_drafts
from stdcomment.diff.apply import apply_diff, draft_text, same_text
from stdcomment.diff.model import BlockChangeKind
from stdcomment.diff.normalise import normalise
from stdcomment.diff.render_json import render_json
from stdcomment.docxwrite import Del, DocxBuilder, Ins, Mark, P
from stdcomment.docxwrite.presets import itu_t_styles
from stdcomment.readers.docx import read_docx
from tests.diff_drafts import Node, build, outlines, revisions

SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(outlines())
def test_a_draft_compared_with_itself_has_no_changes(outline: list[Node]) -> None:
    draft = build(outline)
    diff = diff_drafts(draft, draft)
    assert diff.empty
    assert all(c.kind == ChangeKind.UNCHANGED and not c.blocks for c in diff.clauses)
    assert diff.counts().unchanged == sum(1 for _ in draft.walk())


@SETTINGS
@given(outlines(), st.integers(1, 5))
def test_renumbering_every_clause_gives_only_renumbered_clauses(
    outline: list[Node], offset: int
) -> None:
    old = build(outline)
    new = build(outline, start=1 + offset)
    diff = diff_drafts(old, new)
    assert {c.kind for c in diff.clauses} == {ChangeKind.RENUMBERED}
    for change in diff.clauses:
        assert not change.moved
        assert not change.modified
        assert all(b.kind == BlockChangeKind.REFERENCES for b in change.blocks)
        old_number, new_number = change.old[0].number, change.new[0].number
        top_old, _, rest_old = old_number.partition(".")
        top_new, _, rest_new = new_number.partition(".")
        assert int(top_new) == int(top_old) + offset
        assert rest_new == rest_old
    assert same_text(apply_diff(old, diff), draft_text(new))


@SETTINGS
@given(st.data(), outlines())
def test_applying_the_diff_to_old_gives_new(data: st.DataObject, outline: list[Node]) -> None:
    revised = data.draw(revisions(outline))
    old, new = build(outline), build(revised, path="new.docx")
    for strict in (False, True):
        diff = diff_drafts(old, new, strict=strict)
        assert same_text(apply_diff(old, diff), draft_text(new, strict=strict), strict=strict)


@SETTINGS
@given(outlines(), outlines())
def test_applying_the_diff_of_unrelated_drafts_gives_new(a: list[Node], b: list[Node]) -> None:
    old, new = build(a), build(b, path="new.docx")
    diff = diff_drafts(old, new)
    assert same_text(apply_diff(old, diff), draft_text(new))
    counts = diff.counts()
    assert counts.clauses_old == sum(1 for _ in old.walk())
    assert counts.clauses_new == sum(1 for _ in new.walk())


@settings(max_examples=25, deadline=None)
@given(st.data(), outlines())
def test_the_same_drafts_give_the_same_diff(data: st.DataObject, outline: list[Node]) -> None:
    revised = data.draw(revisions(outline))
    old, new = build(outline), build(revised, path="new.docx")
    assert render_json(diff_drafts(old, new)) == render_json(diff_drafts(old, new))


# -- tracked changes: --revisions against the reader's revisions ------------------------------


@dataclass
class _Para:
    kind: str  # "normal" | "inserted" | "deleted"
    segments: list[tuple[str, str]]  # ("=" | "+" | "-", words)

    def view(self, current: bool) -> str:
        keep = "+" if current else "-"
        return "".join(t for op, t in self.segments if op in ("=", keep)).strip()


LOWER = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=9)
UPPER = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=3, max_size=9)
DIGITS = st.text(alphabet="0123456789", min_size=3, max_size=9)


@st.composite
def tracked_paragraphs(draw: st.DrawFn) -> list[_Para]:
    """Paragraphs with tracked words, and whole paragraphs inserted (in capitals) or deleted
    (in digits), so that no alignment can mistake one for another or for an edited one."""
    paras = []
    for _ in range(draw(st.integers(1, 12))):
        kind = draw(st.sampled_from(["normal", "normal", "normal", "inserted", "deleted"]))
        if kind in ("inserted", "deleted"):
            words = draw(st.lists(UPPER if kind == "inserted" else DIGITS, min_size=2, max_size=8))
            paras.append(
                _Para(kind, [("+" if kind == "inserted" else "-", " ".join(words) + ". ")])
            )
            continue
        words = draw(st.lists(LOWER, min_size=5, max_size=12))
        ops = [draw(st.sampled_from(["=", "=", "=", "=", "+", "-"])) for _ in words]
        ops[0] = "="
        if ops.count("=") * 10 < len(ops) * 7:  # mostly kept: still the same paragraph
            ops = ["=" if k % 2 == 0 else op for k, op in enumerate(ops)]
        segments = [(op, w + " ") for op, w in zip(ops, words, strict=True)]
        segments.insert(0, ("=", f"n{len(paras):02d} "))  # no two paragraphs alike
        paras.append(_Para(kind, segments))
    # a deleted paragraph mark joins the paragraph to the next one: let that be a plain one,
    # so that each revision the reader reports belongs to one generated paragraph
    out: list[_Para] = []
    for para in paras:
        if out and out[-1].kind == "deleted" and para.kind != "normal":
            out.append(_Para("normal", [("=", "kept paragraph ")]))
        out.append(para)
    return out


def _docx(paras: list[_Para]) -> bytes:
    doc = DocxBuilder(title="tracked", track_revisions=True)
    itu_t_styles(doc)
    doc.p("1\tScope", style="Heading1")
    doc.p("This clause is not revised.")
    doc.p("2\tRequirements", style="Heading1")
    for para in paras:
        content = [t if op == "=" else Ins(t) if op == "+" else Del(t) for op, t in para.segments]
        mark = (
            Mark("ins")
            if para.kind == "inserted"
            else Mark("del")
            if para.kind == "deleted"
            else None
        )
        doc.add(P(content, mark=mark))
    doc.p("The last paragraph is not revised.")
    return doc.to_bytes()


@settings(max_examples=30, deadline=None)
@given(tracked_paragraphs())
def test_revisions_diff_matches_the_readers_revisions(
    tmp_path_factory: pytest.TempPathFactory, paras: list[_Para]
) -> None:
    path = tmp_path_factory.mktemp("tracked") / "tracked.docx"
    path.write_bytes(_docx(paras))
    original = read_docx(path, view="original")
    current = read_docx(path, view="current")
    diff = diff_drafts(original, current)
    blocks = [b for c in diff.clauses for b in c.blocks]
    changed = [b for b in blocks if b.kind == BlockChangeKind.MODIFIED]
    added = [b for b in blocks if b.kind == BlockChangeKind.ADDED]
    removed = [b for b in blocks if b.kind == BlockChangeKind.REMOVED]
    # every block the reader reports as revised is changed by the diff, the same way
    after_deleted = {k + 1 for k, p in enumerate(paras) if p.kind == "deleted"}
    expected_modified = []
    for k, para in enumerate(paras):
        if para.kind != "normal" or k in after_deleted:
            continue
        old, new = normalise(para.view(False)), normalise(para.view(True))
        if old != new:
            expected_modified.append((old, new))
    revised_blocks = [
        b for _, b in current.blocks() if b.revision is not None and b.revision.original
    ]
    for old, new in expected_modified:
        assert any(normalise(b.revision.original) == old for b in revised_blocks if b.revision)
        assert any(
            normalise(c.old_text) == old and normalise(c.new_text) == new for c in changed
        ), (old, new)
    inserted = [normalise(p.view(True)) for p in paras if p.kind == "inserted"]
    assert sorted(normalise(b.new_text) for b in added) == sorted(inserted)
    for text in inserted:  # the reader reports them as revisions with no original text
        assert any(
            b.revision is not None and not b.revision.original and normalise(b.text) == text
            for _, b in current.blocks()
        )
    deleted = [normalise(p.view(False)) for p in paras if p.kind == "deleted"]
    assert sorted(normalise(b.old_text) for b in removed) == sorted(deleted)
    # and nothing else changed: the unrevised clause is unchanged
    assert diff.clauses[0].kind == ChangeKind.UNCHANGED or not diff.clauses[0].blocks
    assert len(changed) == len(expected_modified) + sum(
        1
        for k in after_deleted
        if k < len(paras)
        and paras[k].kind == "normal"
        and normalise(paras[k].view(False)) != normalise(paras[k].view(True))
    )
