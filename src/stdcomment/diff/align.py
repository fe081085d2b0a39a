"""Clause alignment: which clause of the old draft became which clause of the new one.

Clauses are aligned on the model, not on raw text, in passes:
  1. identical title and text (wherever the clauses sit and whatever their numbers): an
     unchanged clause that was renumbered or moved is found here, then, once the numbers of
     those are known, a clause whose cross-references only follow the renumbering;
  2. scored candidates, best first, in two rounds (the second with a lower bar, once more
     parents are aligned): text similarity (`fuzz.ratio` on the normalised text of the
     clause's own blocks, or on its sub-clause titles when it has no text of its own), title
     similarity, and bonuses for parents aligned with each other and for the same number
     (unless the parents are known to differ: then the number only coincides after a shift).
     A pair is kept when its text is close, when its title is the same and its text fairly
     close, or when number, title and parent are all the same (a clause rewritten in place);
     a shared number alone never pairs two clauses;
  3. splits and merges: a new clause left over whose blocks are found in the old clause
     aligned with its neighbour is the second part of a split (and the other way round for
     merges). Only leaf clauses that sit next to each other split and merge, so each side
     keeps its reading order.
Clauses left over are removed or added. An aligned clause is moved when its parent is not
the clause its old parent became, or when it is outside the longest run of aligned clauses
kept in the same order (a clause renumbered because another was inserted before it is not
moved).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from ..model import Clause, Draft
from .normalise import Unit, map_references, normalise, units
from .pairing import increasing, monotone_pairs

FIRST_ROUND = 0.75  # score needed in the first round ...
SECOND_ROUND = 0.6  # ... and in the second, once the parents of most clauses are aligned
SAME_NUMBER_BONUS = 0.1
PARENT_BONUS = 0.1
TITLE_WEIGHT = 0.4
CLOSE_TEXT = 0.75  # text this similar pairs two clauses on its own
SAME_TITLE = 0.9  # a title this similar ...
FAIR_TEXT = 0.6  # ... pairs clauses whose text is this similar,
FAIR_TEXT_IN_PLACE = 0.45  # ... or this similar for the same number or aligned parents
SIMILAR_TITLE = 0.8  # a retitled clause in place pairs ...
CLOSE_TEXT_IN_PLACE = 0.7  # ... with text this similar
UNTANGLE_TOLERANCE = 0.15  # crossing pairs must be this much better than the uncrossed ones
UNTANGLE_WINDOW = 10
PARENT_TITLE = 0.6  # a heading over the same sub-clauses pairs with a title this similar
GROWTH = 1.5  # a clause whose text grew or shrank this much ...
GROWN_BLOCK = 60  # ... is compared block by block, a block counting at this ratio
SPLIT_BLOCK = 85  # a block of a split-off clause is found in the old clause at this ratio
SPLIT_CONTAINMENT = 0.6  # ... for this share of its text
ALL_PAIRS = 2_500  # below this many candidate pairs every pair is scored
TITLE_CANDIDATE = 85  # otherwise, pairs whose titles are at least this similar, ...
BLOCK_CANDIDATE = 20  # ... or that share a block of at least this many characters


@dataclass
class Node:
    """A clause as aligned: where it sits, its blocks as compared, its text and title."""

    index: int
    clause: Clause
    parent: int | None
    leaf: bool
    units: list[Unit]
    title: str  # normalised, lower case
    content: str  # normalised block texts
    outline: str  # the sub-clause titles, normalised, lower case

    @property
    def number(self) -> str:
        return self.clause.number


@dataclass
class Match:
    """Old clause(s) aligned with new clause(s)."""

    old: list[int]
    new: list[int]
    score: float
    moved: bool = False
    moved_with_parent: bool = False


@dataclass
class Alignment:
    """The result: matches, and the clauses of each side left over."""

    old: list[Node]
    new: list[Node]
    matches: list[Match]
    removed: list[int] = field(default_factory=list)
    added: list[int] = field(default_factory=list)


def nodes(draft: Draft, *, strict: bool = False) -> list[Node]:
    """Return the clauses of `draft` in reading order, prepared for alignment."""
    out: list[Node] = []

    def visit(clause: Clause, parent: int | None) -> None:
        index = len(out)
        blocks = units(clause, strict=strict)
        out.append(
            Node(
                index=index,
                clause=clause,
                parent=parent,
                leaf=not clause.children,
                units=blocks,
                title=normalise(clause.title).lower(),
                content="\n".join(u.key for u in blocks),
                outline="\n".join(normalise(c.title).lower() for c in clause.children),
            )
        )
        for child in clause.children:
            visit(child, index)

    for clause in draft.clauses:
        visit(clause, None)
    return out


def align(old: list[Node], new: list[Node]) -> Alignment:
    """Align the clauses of two drafts."""
    pairs: dict[int, int] = {}  # old index -> new index (one-to-one passes)
    scores: dict[int, float] = {}
    _identical(old, new, pairs, scores)
    numbers = _numbers(old, new, pairs)
    if numbers:  # clauses whose cross-references follow the renumbering
        _identical(old, new, pairs, scores, numbers)
    _preambles(old, new, pairs, scores)
    texts: dict[tuple[int, int], float] = {}
    for threshold in (FIRST_ROUND, SECOND_ROUND):
        _scored(old, new, pairs, scores, texts, threshold)
    _untangle(old, new, pairs, scores, texts)
    _parents_by_children(old, new, pairs, scores)
    matches = [Match([i], [j], scores[i]) for i, j in sorted(pairs.items())]
    _splits_and_merges(old, new, matches)
    matched_old = {i for m in matches for i in m.old}
    matched_new = {j for m in matches for j in m.new}
    alignment = Alignment(
        old,
        new,
        matches,
        removed=[n.index for n in old if n.index not in matched_old],
        added=[n.index for n in new if n.index not in matched_new],
    )
    _mark_moves(alignment)
    return alignment


# -- pass 1: identical clauses ----------------------------------------------------------------


def _signature(node: Node) -> tuple[str, str, str]:
    return (node.title, node.content, "" if node.content else node.outline)


def _identical(
    old: list[Node],
    new: list[Node],
    pairs: dict[int, int],
    scores: dict[int, float],
    numbers: Mapping[str, str] | None = None,
) -> None:
    """Pair clauses with the same title and text; with `numbers` (old -> new numbers of the
    clauses paired so far), the old text's cross-references are renumbered first."""
    taken = set(pairs.values())
    groups: dict[tuple[str, str, str], tuple[list[int], list[int]]] = {}
    for node in old:
        if node.index in pairs:
            continue
        key = _signature(node)
        if numbers is not None:
            key = (key[0], map_references(key[1], numbers), key[2])
        groups.setdefault(key, ([], []))[0].append(node.index)
    for node in new:
        if node.index not in taken and (group := groups.get(_signature(node))) is not None:
            group[1].append(node.index)
    for olds, news in groups.values():
        if not news:
            continue
        if len(olds) == 1 and len(news) == 1:
            pairs[olds[0]], scores[olds[0]] = news[0], 1.0
            continue
        # several alike (boilerplate clauses): in reading order, the same number preferred
        table = [
            [1.0 + (0.1 if new[j].number == old[i].number else 0.0) for j in news] for i in olds
        ]
        for a, b in monotone_pairs(table, 1.0):
            pairs[olds[a]], scores[olds[a]] = news[b], 1.0


def _numbers(old: list[Node], new: list[Node], pairs: Mapping[int, int]) -> dict[str, str]:
    """Return old -> new numbers of paired clauses whose number changed."""
    return {
        old[i].number: new[j].number
        for i, j in pairs.items()
        if old[i].number and new[j].number and old[i].number != new[j].number
    }


def _preambles(
    old: list[Node], new: list[Node], pairs: dict[int, int], scores: dict[int, float]
) -> None:
    """Pair the two preambles (the text before the first heading): whatever their text, they
    are the same part of the document."""
    if not old or not new or 0 in pairs or 0 in pairs.values():
        return
    a, b = old[0], new[0]
    if not (a.number or a.title or b.number or b.title) and a.parent is None and b.parent is None:
        pairs[0] = 0
        scores[0] = _text_similarity(a, b, 0.0)


# -- pass 2: scored candidates ----------------------------------------------------------------


def _title_similarity(a: Node, b: Node) -> float:
    if not a.title and not b.title:  # untitled: the number is all there is ("Article 54")
        return 1.0 if a.number and a.number == b.number else 0.5
    return fuzz.ratio(a.title, b.title) / 100


def _text_similarity(a: Node, b: Node, cutoff: float) -> float:
    """Return the similarity of the two clauses' texts (0 when below `cutoff`).

    Clauses that both have text compare their text; otherwise clauses that both have
    sub-clauses compare the titles of those (a heading over sub-clauses, with or without an
    introductory sentence); two empty headings are alike.
    """
    if a.content and b.content:
        return fuzz.ratio(a.content, b.content, score_cutoff=cutoff * 100) / 100
    if a.outline and b.outline:
        return fuzz.ratio(a.outline, b.outline, score_cutoff=cutoff * 100) / 100
    if not (a.content or a.outline or b.content or b.outline):
        return 1.0
    return 0.0


def _score(
    a: Node, b: Node, parents: dict[int, int], texts: dict[tuple[int, int], float]
) -> float | None:
    """Return how well `a` and `b` correspond, or None when they do not.

    `parents` (old -> new) holds the pairs made so far; `texts` keeps the text similarities
    of the first round for the second.
    """
    title = _title_similarity(a, b)
    text = texts.get((a.index, b.index))
    if text is None:
        if title >= SAME_TITLE:
            cutoff = FAIR_TEXT_IN_PLACE
        else:
            cutoff = CLOSE_TEXT_IN_PLACE if title >= SIMILAR_TITLE else CLOSE_TEXT
        text = _text_similarity(a, b, cutoff)
        short, long_ = (a, b) if len(a.content) <= len(b.content) else (b, a)
        if (
            title >= SAME_TITLE
            and text < FAIR_TEXT
            and short.units
            and len(long_.content) >= GROWTH * len(short.content)
        ):  # a clause that grew or shrank a lot: how much of the shorter is in the longer
            text = max(text, _containment(short, long_, GROWN_BLOCK))
        texts[(a.index, b.index)] = text
    if a.parent is None or b.parent is None:
        same_parent: bool | None = a.parent is None and b.parent is None
    elif a.parent in parents:
        same_parent = parents[a.parent] == b.parent
    else:
        same_parent = None  # not known yet
    # the same number means little once the parents are known to differ (a shift)
    same_number = bool(a.number) and a.number == b.number and same_parent is not False
    in_place = same_number or bool(same_parent)
    if not (
        text >= CLOSE_TEXT
        or (title >= SAME_TITLE and text >= FAIR_TEXT)
        or (title >= SAME_TITLE and text >= FAIR_TEXT_IN_PLACE and in_place)
        or (title >= SIMILAR_TITLE and text >= CLOSE_TEXT_IN_PLACE and in_place)
        or (title >= SAME_TITLE and same_number and bool(same_parent))  # rewritten in place
    ):
        return None
    score = TITLE_WEIGHT * title + (1 - TITLE_WEIGHT) * text
    if same_number:
        score += SAME_NUMBER_BONUS
    if same_parent:
        score += PARENT_BONUS
    return score


def _scored(
    old: list[Node],
    new: list[Node],
    pairs: dict[int, int],
    scores: dict[int, float],
    texts: dict[tuple[int, int], float],
    threshold: float,
) -> None:
    taken = set(pairs.values())
    free_old = [n for n in old if n.index not in pairs]
    free_new = [n for n in new if n.index not in taken]
    if not free_old or not free_new:
        return
    parents = dict(pairs)
    ranked = []
    for a, b in _candidates(free_old, free_new):
        score = _score(a, b, parents, texts)
        if score is not None and score >= threshold:
            ranked.append((-score, abs(a.index - b.index), a.index, b.index))
    ranked.sort()
    used: set[int] = set()
    for negative, _, i, j in ranked:
        if i not in pairs and j not in used:
            pairs[i] = j
            scores[i] = -negative
            used.add(j)


def _untangle(
    old: list[Node],
    new: list[Node],
    pairs: dict[int, int],
    scores: dict[int, float],
    texts: dict[tuple[int, int], float],
) -> None:
    """Swap the partners of two pairs that cross when the swap costs little.

    Best-first pairing can cross two pairs over a coinciding number (after a shift, old 3.2
    and new 3.2 are different clauses) or over a clause citing its own number; reading order
    is the better guess unless the crossing pairs are clearly better (by more than
    `UNTANGLE_TOLERANCE`). Partners are looked for among the `UNTANGLE_WINDOW` pairs on
    either side in reading order.
    """
    for _ in range(len(pairs)):
        order = sorted(pairs.items())
        keep = set(increasing([j for _, j in order]))
        best: tuple[float, int, int] | None = None
        for k, (i, j) in enumerate(order):
            if k in keep:
                continue
            for i2, j2 in order[max(0, k - UNTANGLE_WINDOW) : k + UNTANGLE_WINDOW + 1]:
                if i2 == i or (i2 < i) == (j2 < j):
                    continue  # the same pair, or not crossing
                a = _score(old[i], new[j2], pairs, texts)
                b = _score(old[i2], new[j], pairs, texts)
                if a is None or b is None:
                    continue
                loss = scores[i] + scores[i2] - a - b
                if loss <= UNTANGLE_TOLERANCE and (best is None or loss < best[0]):
                    best = (loss, i, i2)
        if best is None:
            return
        _, i, i2 = best
        j, j2 = pairs[i], pairs[i2]
        pairs[i], pairs[i2] = j2, j
        for x in (i, i2):
            score = _score(old[x], new[pairs[x]], pairs, texts)
            scores[x] = score if score is not None else scores[x]


def _candidates(free_old: list[Node], free_new: list[Node]) -> list[tuple[Node, Node]]:
    """Return the pairs worth scoring: all of them when few, else those sharing something."""
    if len(free_old) * len(free_new) <= ALL_PAIRS:
        return [(a, b) for a in free_old for b in free_new]
    titles = [n.title for n in free_new]
    by_number: dict[str, list[int]] = {}
    by_block: dict[str, list[int]] = {}
    for k, b in enumerate(free_new):
        if b.number:
            by_number.setdefault(b.number, []).append(k)
        for u in b.units:
            if len(u.key) >= BLOCK_CANDIDATE:
                by_block.setdefault(u.key, []).append(k)
    out: list[tuple[Node, Node]] = []
    for a in free_old:
        found = process.extract(
            a.title, titles, scorer=fuzz.ratio, score_cutoff=TITLE_CANDIDATE, limit=None
        )
        ks = {k for _, _, k in found}
        if a.number:
            ks.update(by_number.get(a.number, ()))
        for u in a.units:
            ks.update(by_block.get(u.key, ()))
        out.extend((a, free_new[k]) for k in sorted(ks))
    return out


def _parents_by_children(
    old: list[Node], new: list[Node], pairs: dict[int, int], scores: dict[int, float]
) -> None:
    """Pair a left-over heading with the new heading its aligned sub-clauses now sit under,
    when the titles are alike ("TITLE IX CODES OF CONDUCT" over a retitled Article 69)."""
    children: dict[int, list[int]] = {}
    for node in old:
        if node.parent is not None:
            children.setdefault(node.parent, []).append(node.index)
    taken = set(pairs.values())
    for node in old:
        if node.index in pairs or node.index not in children:
            continue
        votes: dict[int, int] = {}
        for child in children[node.index]:
            target = pairs.get(child)
            parent = new[target].parent if target is not None else None
            if parent is not None:
                votes[parent] = votes.get(parent, 0) + 1
        if not votes:
            continue
        best = max(sorted(votes), key=lambda k: votes[k])
        if best in taken or 2 * votes[best] <= len(children[node.index]):
            continue
        title = _title_similarity(node, new[best])
        if title >= PARENT_TITLE:
            pairs[node.index] = best
            scores[node.index] = title
            taken.add(best)


# -- pass 3: splits and merges ----------------------------------------------------------------


def _containment(part: Node, whole: Node, cutoff: float = SPLIT_BLOCK) -> float:
    """Return the share of `part`'s text found, block by block, in `whole` (0..1): a block
    counts when a block of `whole` is at least `cutoff` (0..100) alike."""
    size = sum(len(u.key) for u in part.units)
    if not size or not whole.units:
        return 0.0
    keys = [u.key for u in whole.units]
    found = 0
    for u in part.units:
        if process.extractOne(u.key, keys, scorer=fuzz.ratio, score_cutoff=cutoff):
            found += len(u.key)
    return found / size


def _splits_and_merges(old: list[Node], new: list[Node], matches: list[Match]) -> None:
    """Add left-over leaf clauses to the match of a neighbour whose text they come from."""
    by_new = {j: m for m in matches for j in m.new}
    by_old = {i: m for m in matches for i in m.old}
    for side, other, own, is_new in ((new, old, by_new, True), (old, new, by_old, False)):
        for node in side:
            if node.index in own or not node.leaf or not node.units:
                continue
            for neighbour in (node.index - 1, node.index + 1):
                match = own.get(neighbour)
                if match is None or not side[neighbour].leaf:
                    continue
                counterpart = match.old if is_new else match.new
                if len(counterpart) != 1 or not other[counterpart[0]].leaf:
                    continue
                if _containment(node, other[counterpart[0]]) < SPLIT_CONTAINMENT:
                    continue
                parts = match.new if is_new else match.old
                if neighbour == parts[-1] and node.index == neighbour + 1:
                    parts.append(node.index)
                elif neighbour == parts[0] and node.index == neighbour - 1:
                    parts.insert(0, node.index)
                else:
                    continue
                own[node.index] = match
                break


# -- moves ------------------------------------------------------------------------------------


def _mark_moves(alignment: Alignment) -> None:
    """Mark matches out of order (not in the longest increasing run) or under a new parent."""
    matches = sorted(alignment.matches, key=lambda m: m.old[0])
    keep = set(increasing([m.new[0] for m in matches]))
    new_of: dict[int, list[int]] = {}
    for m in matches:
        for i in m.old:
            new_of[i] = m.new
    for k, m in enumerate(matches):
        a = alignment.old[m.old[0]]
        b = alignment.new[m.new[0]]
        if a.parent is None or b.parent is None:
            same_parent = a.parent is None and b.parent is None
        else:
            same_parent = b.parent in new_of.get(a.parent, ())
        m.moved = k not in keep or not same_parent
    moved_old = {i for m in matches if m.moved for i in m.old}
    for m in matches:
        a = alignment.old[m.old[0]]
        b = alignment.new[m.new[0]]
        m.moved_with_parent = bool(
            m.moved
            and a.parent is not None
            and a.parent in moved_old
            and b.parent in new_of.get(a.parent, ())
        )


__all__ = ["Alignment", "Match", "Node", "align", "nodes"]
