"""Sequence helpers shared by clause, block and row alignment.

- `opcodes(a, b)`: equal / change regions between two key sequences (rapidfuzz `Indel`, the
  longest common subsequence);
- `monotone_pairs(scores, threshold)`: the in-order pairing of two short lists that keeps the
  most similarity (a Needleman-Wunsch table), for the changed region between two runs of
  equal blocks;
- `increasing(seq)`: the longest increasing subsequence, to tell moved items from items
  that only shifted because others were inserted or removed.
"""

from __future__ import annotations

import bisect
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Indel

#: Above this many cells the pairing table is replaced by a greedy best-first pairing.
MAX_TABLE = 40_000


@dataclass(frozen=True, slots=True)
class Region:
    """`a[a0:a1]` and `b[b0:b1]`: equal, or a changed stretch (either side may be empty)."""

    equal: bool
    a0: int
    a1: int
    b0: int
    b1: int


def opcodes(a: Sequence[Hashable], b: Sequence[Hashable]) -> list[Region]:
    """Return the equal and changed regions of `a` against `b` (changes merged)."""
    table: dict[Hashable, int] = {}
    ia = [table.setdefault(x, len(table)) for x in a]
    ib = [table.setdefault(x, len(table)) for x in b]
    out: list[Region] = []
    for op in Indel.opcodes(ia, ib):
        equal = op.tag == "equal"
        if out and not equal and not out[-1].equal:
            last = out[-1]
            out[-1] = Region(False, last.a0, op.src_end, last.b0, op.dest_end)
        else:
            out.append(Region(equal, op.src_start, op.src_end, op.dest_start, op.dest_end))
    return out


def monotone_pairs(scores: Sequence[Sequence[float]], threshold: float) -> list[tuple[int, int]]:
    """Return in-order pairs (i, j) with scores[i][j] >= threshold maximising their total."""
    n = len(scores)
    m = len(scores[0]) if n else 0
    if n == 0 or m == 0:
        return []
    if n * m > MAX_TABLE:
        return _greedy(scores, threshold)
    # best[i][j]: best total for scores[:i] x scores[:j]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        row, prev, s_row = best[i], best[i - 1], scores[i - 1]
        for j in range(1, m + 1):
            value = prev[j] if prev[j] >= row[j - 1] else row[j - 1]
            s = s_row[j - 1]
            if s >= threshold:
                gain = prev[j - 1] + s
                if gain > value:
                    value = gain
            row[j] = value
    pairs: list[tuple[int, int]] = []
    i, j = n, m
    while i > 0 and j > 0:
        s = scores[i - 1][j - 1]
        if s >= threshold and best[i][j] == best[i - 1][j - 1] + s:
            pairs.append((i - 1, j - 1))
            i -= 1
            j -= 1
        elif best[i][j] == best[i - 1][j]:
            i -= 1
        else:
            j -= 1
    pairs.reverse()
    return pairs


def _greedy(scores: Sequence[Sequence[float]], threshold: float) -> list[tuple[int, int]]:
    candidates = sorted(
        (
            (-s, abs(i - j), i, j)
            for i, row in enumerate(scores)
            for j, s in enumerate(row)
            if s >= threshold
        )
    )
    used_a: set[int] = set()
    used_b: set[int] = set()
    chosen: list[tuple[int, int]] = []
    for _, _, i, j in candidates:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            chosen.append((i, j))
    chosen.sort()
    keep = set(increasing([j for _, j in chosen]))
    return [pair for k, pair in enumerate(chosen) if k in keep]


def increasing(seq: Sequence[int]) -> list[int]:
    """Return the positions in `seq` of one longest strictly increasing subsequence.

    Ties go to the earliest elements, so the result is the same for the same input.
    """
    tails: list[int] = []  # seq values ending the best run of each length
    tail_at: list[int] = []  # their positions
    back: list[int] = [-1] * len(seq)
    for k, value in enumerate(seq):
        at = bisect.bisect_left(tails, value)
        if at == len(tails):
            tails.append(value)
            tail_at.append(k)
        else:
            tails[at] = value
            tail_at[at] = k
        back[k] = tail_at[at - 1] if at else -1
    out: list[int] = []
    k = tail_at[-1] if tail_at else -1
    while k >= 0:
        out.append(k)
        k = back[k]
    out.reverse()
    return out


__all__ = ["MAX_TABLE", "Region", "increasing", "monotone_pairs", "opcodes"]
