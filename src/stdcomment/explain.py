"""Explain the scan of one sentence: which concepts and triggers fire on it, and why not.

`stdcomment positions explain "TEXT"` is the position author's debugger: it shows the words
the vocabularies recognised (with the term that matched), every trigger that fired with its
strength and the score each position would get, the triggers that lack one concept, and the
matches that a `not_near` concept, an exclusion or missing context cancelled.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from .matching.compose import Composition, payload_label
from .scan import SATURATION, Scanner


def _describe(comp: Composition) -> str:
    groups = " + ".join("|".join(sorted(g)) for g in comp.groups)
    if len(comp.groups) == 1 and next(iter(comp.groups[0])).startswith("#"):
        groups = "its terms"
    where = f"within {comp.window} words" if comp.window else "in one sentence"
    extra = f"; context {', '.join(sorted(comp.context))}" if comp.context else ""
    extra += f"; not near {', '.join(sorted(comp.not_near))}" if comp.not_near else ""
    return f"{groups} ({where}{extra})"


def explain_text(scanner: Scanner, text: str, *, title: str = "", words: bool = False) -> str:
    """Return the explanation of `text` (scanned as a body paragraph) as plain text."""
    explanation, hits = scanner.explain(text, title=title)
    comps: dict[tuple[int, int], list[Composition]] = defaultdict(list)
    for comp in scanner.matcher.compositions:
        comps[comp.key].append(comp)
    lines: list[str] = []
    if words:
        lines.append("Words (lemma):")
        lines.append("  " + " ".join(f"{w.norm}({w.lemma})" for w in explanation.words))
        lines.append("")
    found: dict[str, list[str]] = defaultdict(list)
    for occ in explanation.occurrences:
        label = payload_label(occ.payload)
        if label.startswith(("#", "not ")) or label == "exclusion":
            continue
        span = text[explanation.words[occ.first].start : explanation.words[occ.last].end]
        note = f" ({occ.term})" if occ.term.lower().lstrip("=") != span.lower() else ""
        found[label].append(f'"{span}"{note}')
    lines.append("Concepts found:" if found else "Concepts found: none")
    for label in sorted(found):
        lines.append(f"  {label:<22} {', '.join(dict.fromkeys(found[label]))}")
    for concept, term, phrase in dict.fromkeys(explanation.excluded):
        lines.append(f"  {concept:<22} not counted: {term!r} is inside the exclusion {phrase!r}")
    lines.append("")
    best: dict[str, dict[str, float]] = defaultdict(dict)
    shown: list[str] = []
    for hit in sorted(hits, key=lambda h: (h.position, -h.strength)):
        position = scanner.positions[hit.position]
        label = hit.evidence.trigger
        if best[position.id].get(label, -1.0) >= hit.strength:
            continue
        best[position.id][label] = hit.strength
        how = "; ".join(_describe(c) for c in comps[(hit.position, hit.trigger)]) or "pattern"
        concepts = ", ".join(hit.evidence.concepts)
        weight = position.triggers[hit.trigger].weight
        shown.append(
            f'  {position.id:<22} "{label}" weight {weight:g}'
            f" -> strength {hit.strength:.2f}\n"
            f"  {'':<22} needs {how}\n"
            f'  {"":<22} matched "{hit.evidence.matched}"' + (f" [{concepts}]" if concepts else "")
        )
    if shown:
        lines.append("Triggers that fire:")
        lines.extend(shown)
        lines.append("")
        lines.append("Scores (as a body paragraph with no requirement keyword):")
        for pid, strengths in sorted(best.items()):
            remaining = 1.0
            for strength in strengths.values():
                remaining *= 1.0 - SATURATION * strength
            lines.append(f"  {pid:<22} {min(100.0 * (1.0 - remaining), 99.9):5.1f}")
    else:
        lines.append("Triggers that fire: none")
    lines.extend(_misses(scanner, explanation.near_misses, hits))
    if explanation.cancelled:
        lines.append("")
        lines.append("Cancelled:")
        for (pi, ti), reason in dict.fromkeys(explanation.cancelled):
            trigger = scanner.positions[pi].triggers[ti]
            lines.append(f'  {scanner.positions[pi].id:<22} "{trigger.phrase}": {reason}')
    return "\n".join(lines) + "\n"


def _misses(
    scanner: Scanner,
    near_misses: Sequence[tuple[tuple[int, int], list[frozenset[str]]]],
    hits: Sequence[object],
) -> list[str]:
    fired = {(getattr(h, "position", -1), getattr(h, "trigger", -1)) for h in hits}
    out: list[str] = []
    for (pi, ti), missing in near_misses:
        if (pi, ti) in fired or len(missing) != 1:
            continue
        trigger = scanner.positions[pi].triggers[ti]
        if len(trigger.concepts) < 2:
            continue
        lacking = "|".join(sorted(missing[0]))
        out.append(f'  {scanner.positions[pi].id:<22} "{trigger.phrase}": no {lacking}')
    if not out:
        return []
    return ["", "Triggers one concept short:", *dict.fromkeys(out)]
