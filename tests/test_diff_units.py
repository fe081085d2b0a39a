"""The diff's parts, one at a time: normalisation, cross-references, word operations, tables,
sequence helpers, clause alignment cases, the review file and the follow-up judgements."""

from __future__ import annotations

from pathlib import Path

import pytest

from stdcomment.diff import BlockChangeKind, ChangeKind, diff_drafts
from stdcomment.diff.followup import closest, presence, read_review
from stdcomment.diff.model import OpTag, new_text, old_text
from stdcomment.diff.normalise import map_references, normalise, tokens
from stdcomment.diff.pairing import increasing, monotone_pairs, opcodes
from stdcomment.diff.tables import apply_rows, compare_tables
from stdcomment.diff.wordops import word_ops
from stdcomment.errors import InputError
from tests.diff_drafts import Item, Node, build

# -- normalisation ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("the “system” is", 'the "system" is'),
        ("operator’s log", "operator's log"),
        ("a  b\t c\n d", "a b c d"),
        ("emo\u00adtion re\u200bcognition", "emotion recognition"),
        ("non\u2011contact", "non-contact"),
        ("see Table 1 \u2013 accuracy", "see Table 1 - accuracy"),
        ("x\u00a0ms", "x ms"),
        ("ﬁeld", "field"),
        ("see PAGEREF _Toc123456 \\h page", "see page"),
    ],
)
def test_what_is_not_content(a: str, b: str) -> None:
    assert normalise(a) == normalise(b)
    assert normalise(a, strict=True) != normalise(b, strict=True)


def test_content_is_kept() -> None:
    assert normalise("shall") != normalise("Shall")
    assert normalise("high-risk") != normalise("high- risk")
    assert normalise("200 ms") != normalise("500 ms")


def test_tokens_join_back() -> None:
    text = "The ERVS — “is required” to log 3.5\u00a0ms,\tnot\u00admore."
    assert "".join(tokens(text)) == text


def test_cross_references_follow_the_renumbering() -> None:
    numbers = {"7.6": "8.7", "8.1": "9.1", "8.2": "9.2", "B": "C", "Article 4": "Article 5"}
    assert map_references("see clause 7.6.", numbers) == "see clause 8.7."
    assert map_references("clauses 8.1 and 8.2", numbers) == "clauses 9.1 and 9.2"
    assert map_references("Clauses 8.1 to 8.2", numbers) == "Clauses 9.1 to 9.2"
    assert map_references("in Annex B", numbers) == "in Annex C"
    assert map_references("under Article 4(1)", numbers) == "under Article 5(1)"
    assert map_references("TLS 1.3 and H.264, 7.6 ms", numbers) == "TLS 1.3 and H.264, 7.6 ms"
    assert map_references("see clause 7.6", {}) == "see clause 7.6"


# -- words ------------------------------------------------------------------------------------


def test_word_operations_rebuild_both_texts() -> None:
    old = "The ERVS is required to retain records for at least five years."
    new = "The ERVS is recommended to retain records for no more than three years."
    ops = word_ops(old, new)
    assert old_text(ops) == old
    assert new_text(ops) == new
    changed = [(op.old, op.new) for op in ops if op.tag != OpTag.EQUAL]
    assert changed == [("required", "recommended"), ("at least five", "no more than three")]


def test_short_kept_words_between_changes_are_folded() -> None:
    ops = word_ops("alpha beta of gamma delta", "alpha zeta of theta delta")
    assert [op.tag for op in ops] == [OpTag.EQUAL, OpTag.REPLACE, OpTag.EQUAL]


def test_spacing_and_quotes_are_equal_unless_strict() -> None:
    ops = word_ops("a  “b” c", 'a "b" c')
    assert [op.tag for op in ops] == [OpTag.EQUAL]
    strict = word_ops("a  “b” c", 'a "b" c', strict=True)
    assert OpTag.REPLACE in [op.tag for op in strict]


def test_identical_and_empty_texts() -> None:
    assert word_ops("", "") == ()
    assert [op.tag for op in word_ops("same", "same")] == [OpTag.EQUAL]
    assert [op.tag for op in word_ops("", "new")] == [OpTag.INSERT]
    assert [op.tag for op in word_ops("old", "")] == [OpTag.DELETE]


# -- tables -----------------------------------------------------------------------------------

GRID = [
    ["Emotion", "Accuracy (%)", "False alarms (%)"],
    ["Happiness", "95", "2"],
    ["Fear", "85", "5"],
    ["Neutral", "94", "3"],
]


def test_tables_are_compared_cell_by_cell() -> None:
    new = [row[:] for row in GRID]
    new[2][1] = "80"
    new.insert(3, ["Anger", "92", "3"])
    rows = compare_tables(GRID, new)
    assert [(r.kind, r.old_row, r.new_row) for r in rows] == [
        (BlockChangeKind.MODIFIED, 2, 2),
        (BlockChangeKind.ADDED, None, 3),
    ]
    cell = rows[0].cells[0]
    assert (cell.column, cell.heading, rows[0].head) == (1, "Accuracy (%)", "Fear")
    assert apply_rows(GRID, rows, len(new)) == new


def test_a_row_with_other_cells_is_removed_and_added() -> None:
    new = [row[:] for row in GRID]
    new[1] = ["Happiness", "95"]
    rows = compare_tables(GRID, new)
    assert sorted(r.kind for r in rows) == [BlockChangeKind.ADDED, BlockChangeKind.REMOVED]
    assert apply_rows(GRID, rows, len(new)) == new


# -- sequences --------------------------------------------------------------------------------


def test_longest_increasing_run() -> None:
    assert increasing([]) == []
    assert increasing([0, 1, 2]) == [0, 1, 2]
    seq = [0, 5, 1, 2, 3, 4]  # the clause now at 5 moved
    assert [seq[k] for k in increasing(seq)] == [0, 1, 2, 3, 4]


def test_monotone_pairs_keep_order_and_the_most_similarity() -> None:
    scores = [[0.9, 0.1], [0.8, 0.95]]
    assert monotone_pairs(scores, 0.5) == [(0, 0), (1, 1)]
    assert monotone_pairs([[0.1]], 0.5) == []
    crossing = [[0.0, 0.9], [0.9, 0.0]]
    assert len(monotone_pairs(crossing, 0.5)) == 1


def test_opcodes_merge_changes() -> None:
    regions = opcodes(["a", "b", "c"], ["a", "x", "y", "c"])
    assert [(r.equal, r.a0, r.a1, r.b0, r.b1) for r in regions] == [
        (True, 0, 1, 0, 1),
        (False, 1, 2, 1, 3),
        (True, 2, 3, 3, 4),
    ]


# -- clause alignment cases -------------------------------------------------------------------


SENTENCES = [
    "This Recommendation specifies requirements for visual surveillance systems.",
    "Cameras are installed at entrances and are visible to the people they record.",
    "Video recordings are kept for thirty days and then deleted automatically.",
    "Operators receive training on data protection before they are given access.",
    "Each alert is reviewed by a person before any action concerning the subject.",
    "An annual audit checks the logs of every access to stored recordings.",
    "Subjects may ask for a copy of the recordings in which they appear.",
    "The vendor publishes the accuracy of the system for each lighting condition.",
    "Interfaces to other systems are documented and approved by the operator.",
    "Signed software updates are installed within one month of their release.",
]


def _text(n: int) -> list[Item]:
    return [Item("paragraph", SENTENCES[n % len(SENTENCES)])]


def test_a_clause_inserted_before_renumbers_without_moving() -> None:
    old = [Node("Scope", _text(1)), Node("Capture", _text(2)), Node("Storage", _text(3))]
    new = [Node("Scope", _text(1)), Node("Principles", _text(9)), *old[1:]]
    diff = diff_drafts(build(old), build(new))
    kinds = [(c.kind, c.old_cite, c.new_cite) for c in diff.clauses]
    assert kinds == [
        (ChangeKind.UNCHANGED, "1", "1"),
        (ChangeKind.ADDED, "–", "2"),
        (ChangeKind.RENUMBERED, "2", "3"),
        (ChangeKind.RENUMBERED, "3", "4"),
    ]


def test_a_merge_of_two_clauses() -> None:
    a = Item("paragraph", "The operator keeps the video for thirty days at most.")
    b = Item("paragraph", "The operator deletes alerts after review by a person.")
    old = [Node("Scope", _text(1)), Node("Video", [a]), Node("Alerts", [b]), Node("End", _text(4))]
    new = [Node("Scope", _text(1)), Node("Video", [a, b]), Node("End", _text(4))]
    diff = diff_drafts(build(old), build(new))
    merged = [c for c in diff.clauses if c.kind == ChangeKind.MERGED]
    assert [(c.old_cite, c.new_cite) for c in merged] == [("2 + 3", "2")]
    assert not merged[0].modified


def test_a_retitled_clause_in_place() -> None:
    old = [Node("Scope", _text(1)), Node("Interrogation support", _text(2))]
    new = [Node("Scope", _text(1)), Node("Interview and interrogation assistance", _text(2))]
    (_, change) = diff_drafts(build(old), build(new)).clauses
    assert change.kind == ChangeKind.MODIFIED
    assert change.retitled
    assert new_text(change.title_ops) == "Interview and interrogation assistance"


def test_the_same_number_alone_does_not_pair_clauses() -> None:
    old = [Node("Scope", _text(1)), Node("Capture", _text(2))]
    new = [Node("Scope", _text(1)), Node("Retention of records", _text(7))]
    kinds = sorted(c.kind for c in diff_drafts(build(old), build(new)).clauses)
    assert kinds == [ChangeKind.ADDED, ChangeKind.REMOVED, ChangeKind.UNCHANGED]


# -- review file and follow-up ----------------------------------------------------------------


def test_presence_and_closest_passage() -> None:
    text = "The ERVS is required to retain alerts for at least three years."
    assert presence("retain ALERTS", text) == 100.0
    assert presence("for no more than one year", text) < 90
    assert presence("", text) == 0.0
    assert closest("for at least five years", text) == "for at least three years."


def _review(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "review.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_review_file_is_read_defensively(tmp_path: Path) -> None:
    entries = read_review(
        _review(
            tmp_path,
            '[[entry]]\nid = "C-1"\nstatus = "accepted"\nclause = "7.7"\nunknown = 3\n'
            '[entry.change]\nkind = "replace"\nold = "a"\nnew = "b"\nextra = true\n',
        )
    )
    assert [(e.id, e.status, e.clause, e.kind, e.old, e.new) for e in entries] == [
        ("C-1", "accepted", "7.7", "replace", "a", "b")
    ]
    assert read_review(_review(tmp_path, "")) == []
    (entry,) = read_review(
        _review(tmp_path, '[[entry]]\nquote = "the quoted text"\n[entry.change]\nkind = "delete"\n')
    )
    assert (entry.id, entry.kind, entry.old) == ("entry 1", "delete", "the quoted text")


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("[[entry]\n", "not a valid TOML review file"),
        ("entry = 3\n", "array of tables"),
        ("[[entry]]\nid = 3\n", "'id' must be a string"),
        ('[[entry]]\nchange = "x"\n', "'change' must be a table"),
        ('[[entry]]\n[entry.change]\nkind = "rewrite"\n', "change kind 'rewrite'"),
    ],
)
def test_bad_review_files(tmp_path: Path, text: str, problem: str) -> None:
    with pytest.raises(InputError, match=problem):
        read_review(_review(tmp_path, text))


def test_missing_review_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_review(tmp_path / "none.toml")
