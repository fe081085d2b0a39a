"""Word-level changes between two texts, readable as a redline.

Texts are split into word, space and punctuation tokens; tokens are compared by their
normalised key (`normalise.token_key`) and aligned with rapidfuzz's `Indel.opcodes` (the
longest common subsequence, as difflib without its junk heuristic, and about six times
faster on paragraph pairs; see benchmarks/diff.py). The raw opcodes are then cleaned up for
reading, as diff-match-patch's semantic clean-up does:
  - a kept stretch that is only space, or shorter than the changes on both sides of it
    ("the" between two rewritten phrases), is folded into the change;
  - neighbouring deletions and insertions become one replacement;
  - a change whose two sides have the same key (runs of spaces, quote marks) is kept as
    equal; a space added or removed between two words stays a change.
"""

from __future__ import annotations

from rapidfuzz.distance import Indel

from .model import OpTag, TextOp
from .normalise import token_key, tokens

_Raw = list[list[str]]  # [tag, old, new, old key, new key]


def _ids(keys_a: list[str], keys_b: list[str]) -> tuple[list[int], list[int]]:
    """Map token keys to small integers (exact, unlike hashing) for rapidfuzz."""
    table: dict[str, int] = {}
    a = [table.setdefault(k, len(table)) for k in keys_a]
    b = [table.setdefault(k, len(table)) for k in keys_b]
    return a, b


def word_ops(old: str, new: str, *, strict: bool = False) -> tuple[TextOp, ...]:
    """Return the word-level operations turning `old` into `new`."""
    if old == new:
        return (TextOp(OpTag.EQUAL, old, new),) if old else ()
    toks_a, toks_b = tokens(old), tokens(new)
    keys_a = [token_key(t, strict=strict) for t in toks_a]
    keys_b = [token_key(t, strict=strict) for t in toks_b]
    ids_a, ids_b = _ids(keys_a, keys_b)
    raw: _Raw = []
    for op in Indel.opcodes(ids_a, ids_b):
        a = "".join(toks_a[op.src_start : op.src_end])
        b = "".join(toks_b[op.dest_start : op.dest_end])
        ka = "".join(keys_a[op.src_start : op.src_end])
        kb = "".join(keys_b[op.dest_start : op.dest_end])
        tag = {"equal": "equal", "insert": "change", "delete": "change"}.get(op.tag, "change")
        raw.append([tag, a, b, ka, kb])
    raw = _fold_equalities(_merge_changes(raw))
    return _finish(_merge_changes(raw), strict=strict)


def _merge_changes(raw: _Raw) -> _Raw:
    out: _Raw = []
    for item in raw:
        if out and out[-1][0] == item[0]:
            last = out[-1]
            out[-1] = [last[0], *(x + y for x, y in zip(last[1:], item[1:], strict=True))]
        else:
            out.append(list(item))
    return out


def _fold_equalities(raw: _Raw) -> _Raw:
    """Fold short kept stretches between two changes into them."""
    changed = True
    while changed:
        changed = False
        for i in range(1, len(raw) - 1):
            before, here, after = raw[i - 1], raw[i], raw[i + 1]
            if here[0] != "equal" or before[0] != "change" or after[0] != "change":
                continue
            size = len(here[3].strip())
            if size == 0 or (
                size <= max(len(before[1]), len(before[2]))
                and size <= max(len(after[1]), len(after[2]))
                and size <= 4
            ):
                here[0] = "change"
                raw = _merge_changes(raw)
                changed = True
                break
    return raw


def _finish(raw: _Raw, *, strict: bool) -> tuple[TextOp, ...]:
    ops: list[TextOp] = []
    for tag, a, b, ka, kb in raw:
        if tag == "equal" or ka == kb:
            op = TextOp(OpTag.EQUAL, a, b)
        elif not a:
            op = TextOp(OpTag.INSERT, "", b)
        elif not b:
            op = TextOp(OpTag.DELETE, a, "")
        else:
            op = TextOp(OpTag.REPLACE, a, b)
        if ops and ops[-1].tag == OpTag.EQUAL and op.tag == OpTag.EQUAL:
            ops[-1] = TextOp(OpTag.EQUAL, ops[-1].old + a, ops[-1].new + b)
        else:
            ops.append(op)
    return tuple(ops)


def insert_ops(text: str) -> tuple[TextOp, ...]:
    """Return the operations of a text that was added whole."""
    return (TextOp(OpTag.INSERT, "", text),) if text else ()


def delete_ops(text: str) -> tuple[TextOp, ...]:
    """Return the operations of a text that was removed whole."""
    return (TextOp(OpTag.DELETE, text, ""),) if text else ()


__all__ = ["delete_ops", "insert_ops", "word_ops"]
