"""Diff speed and correctness on two generated drafts, against parse time in the same run.

    .venv/bin/python benchmarks/diff.py [--pages 400] [--rounds 5] [--seed 0]

Generates the `typed` draft and its next revision `v2` (benchmarks/gendrafts.py: about 5 % of
body paragraphs edited, level-2 clauses moved, inserted and deleted, so that headings
renumber), then measures in this process the median of `--rounds` runs of:
  parse       read_draft() of both drafts (the work the diff does not do)
  diff        diff_drafts(): clause alignment, block alignment, word and cell operations
  align       the clause alignment alone (part of diff)
  redline     the redline .docx built from the diff
and reports diff / parse. Target (DESIGN §10): the diff of two 400-page drafts under 2 s.

Correctness is checked against the generator's truth: every heading of both drafts by its
stable key (old number -> new number recovered), renumbered headings, moved clauses (reported
as moved), inserted and deleted clauses (added, removed) and edited paragraphs (modified).

It also measures the word-level operations both ways on the paragraph pairs the diff found
modified: rapidfuzz `Indel.opcodes` (what `wordops` uses) against difflib's SequenceMatcher.
"""

from __future__ import annotations

import argparse
import difflib
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.gendrafts import generate_with_truth  # noqa: E402
from benchmarks.timing import median_time  # noqa: E402

from stdcomment.diff import BlockChangeKind, ChangeKind, DraftDiff, diff_drafts  # noqa: E402
from stdcomment.diff.align import align, nodes  # noqa: E402
from stdcomment.diff.model import old_text  # noqa: E402
from stdcomment.diff.normalise import token_key, tokens  # noqa: E402
from stdcomment.diff.redline_docx import redline_bytes  # noqa: E402
from stdcomment.diff.wordops import word_ops  # noqa: E402
from stdcomment.model import Draft  # noqa: E402
from stdcomment.readers import read_draft  # noqa: E402

TARGET_SECONDS = 2.0


def correctness(
    diff: DraftDiff, truth_old: dict[str, object], truth_new: dict[str, object]
) -> list[str]:
    """Return lines comparing `diff` with the generator's truth (found / expected)."""
    old_heads = truth_old["headings"]
    new_heads = truth_new["headings"]
    assert isinstance(old_heads, list)
    assert isinstance(new_heads, list)
    old_number = {h["key"]: h["number"] for h in old_heads}
    new_number = {h["key"]: h["number"] for h in new_heads}
    changes = truth_new["changes"]
    assert isinstance(changes, dict)
    ours = diff.number_map()
    same = {
        c.old[0].number
        for c in diff.clauses
        if c.old and c.new and c.old[0].number == c.new[0].number
    }
    kept = [k for k in old_number if k in new_number and old_number[k]]
    mapped = sum(
        1
        for k in kept
        if ours.get(old_number[k], old_number[k] if old_number[k] in same else None)
        == new_number[k]
    )
    renumbered = [k for k in kept if old_number[k] != new_number[k]]
    renumbered_ok = sum(1 for k in renumbered if ours.get(old_number[k]) == new_number[k])
    moved_truth = {old_number[k] for k in changes["moved"]}
    moved_ours = {c.old[0].number for c in diff.clauses if c.moved and not c.moved_with_parent}
    added_truth = {new_number[k] for k in changes["inserted"]}
    added_ours = {c.new[0].number for c in diff.clauses if c.kind == ChangeKind.ADDED}
    deleted_truth = {old_number[k] for k in changes["deleted"]}
    removed_ours = {c.old[0].number for c in diff.clauses if c.kind == ChangeKind.REMOVED}
    removed_top = {n for n in removed_ours if n.rsplit(".", 1)[0] not in removed_ours}
    modified = sum(
        1
        for c in diff.clauses
        for b in c.blocks
        if b.kind == BlockChangeKind.MODIFIED and not b.rows and c.old_cite != "(preamble)"
    )
    return [
        f"headings aligned (old -> new number by key): {mapped} / {len(kept)}",
        f"renumbered headings recovered:                {renumbered_ok} / {len(renumbered)}",
        f"moved clauses reported as moved:              {len(moved_truth & moved_ours)} / "
        f"{len(moved_truth)} (other clauses reported moved: {len(moved_ours - moved_truth)})",
        f"inserted clauses reported as added:           {len(added_truth & added_ours)} / "
        f"{len(added_truth)} (others: {len(added_ours - added_truth)})",
        f"deleted clauses reported as removed:          {len(deleted_truth & removed_top)} / "
        f"{len(deleted_truth)} (others: {len(removed_top - deleted_truth)}; their "
        f"sub-clauses: {len(removed_ours - removed_top)})",
        f"edited paragraphs reported as modified:       {modified} / {changes['edited']} "
        "(the generator also counts edits made inside the clauses it inserted)",
    ]


def word_op_timing(diff: DraftDiff, rounds: int) -> tuple[int, float, float]:
    """Time word operations on the modified paragraph pairs: rapidfuzz Indel vs difflib."""
    pairs = [
        (old_text(b.ops), "".join(op.new for op in b.ops))
        for c in diff.clauses
        for b in c.blocks
        if b.kind == BlockChangeKind.MODIFIED and b.ops
    ]

    def ours() -> None:
        for a, b in pairs:
            word_ops(a, b)

    def with_difflib() -> None:
        for a, b in pairs:
            keys_a = [token_key(t) for t in tokens(a)]
            keys_b = [token_key(t) for t in tokens(b)]
            difflib.SequenceMatcher(None, keys_a, keys_b, autojunk=False).get_opcodes()

    return len(pairs), median_time(ours, rounds), median_time(with_difflib, rounds)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=400)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    old_bytes, truth_old = generate_with_truth(args.pages, "typed", args.seed)
    new_bytes, truth_new = generate_with_truth(args.pages, "v2", args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        old_path, new_path = Path(tmp) / "old.docx", Path(tmp) / "new.docx"
        old_path.write_bytes(old_bytes)
        new_path.write_bytes(new_bytes)
        drafts: list[Draft] = []

        def parse() -> None:
            drafts[:] = [read_draft(old_path), read_draft(new_path)]

        parse_s = median_time(parse, args.rounds)
        old, new = drafts
        diffs: list[DraftDiff] = []
        diff_s = median_time(lambda: diffs.append(diff_drafts(old, new)), args.rounds)
        align_s = median_time(lambda: align(nodes(old), nodes(new)), args.rounds)
        diff = diffs[-1]
        redline_s = median_time(lambda: redline_bytes(diff, old, new), max(1, args.rounds // 2))
    paragraphs = (truth_old["paragraphs"], truth_new["paragraphs"])
    pairs, indel_s, difflib_s = word_op_timing(diff, args.rounds)
    print(f"drafts: {args.pages} pages, typed vs v2 (seed {args.seed}); paragraphs {paragraphs}")
    print(f"clauses: {sum(1 for _ in old.walk())} old, {sum(1 for _ in new.walk())} new")
    print(f"median of {args.rounds} runs:")
    print(f"  parse both drafts   {parse_s * 1000:8.1f} ms")
    print(f"  diff                {diff_s * 1000:8.1f} ms   ({diff_s / parse_s:.2f} x parse)")
    print(f"    of which align    {align_s * 1000:8.1f} ms")
    print(f"  redline .docx       {redline_s * 1000:8.1f} ms")
    print(
        f"  word ops on {pairs} modified paragraphs: rapidfuzz Indel {indel_s * 1000:.1f} ms, "
        f"difflib {difflib_s * 1000:.1f} ms"
    )
    verdict = "met" if diff_s < TARGET_SECONDS else "MISSED"
    print(f"target: diff under {TARGET_SECONDS:.0f} s: {verdict}")
    print("correctness against the generator's truth:")
    for line in correctness(diff, truth_old, truth_new):
        print("  " + line)
    return 0 if diff_s < TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
