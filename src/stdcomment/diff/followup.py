"""Comment follow-up: did the new draft adopt what our review of the old draft proposed?

The review file (TOML, written by `stdcomment review`) holds `[[entry]]` tables. Only these
keys are read, each checked for its type, everything else ignored: `id`, `status`,
`position`, `clause`, `clause_title`, `quote`, `comment`, `proposed_change`, and
`[entry.change]` with `kind` (replace | delete | insert-after | none), `old` (the quote when
absent) and `new`.
Only `accepted` entries were sent, so only they are followed up.

The clause an entry names (old numbering) is followed through the diff to the new clause(s);
the proposed text is looked for there (then anywhere in the new draft, in case it moved):
  - replace: fully when the proposed text is there and the old text gone; not when the old
    text is still there and the proposed one is not; partly otherwise (changed, but not as
    proposed, or the proposed text added beside the old);
  - delete: fully when the old text is gone (or the clause removed), partly when a close
    variant remains, not when it is still there;
  - insert-after: fully when the inserted text is there, partly when something close is;
  - no proposed text: said as such, with what happened to the clause.
Texts are compared normalised and case-folded; a text counts as found at `FOUND` (exact, or
rapidfuzz `partial_ratio` for texts of `FUZZY_MIN` characters or more), as close at `CLOSE`.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from ..errors import InputError
from ..model import Clause, Draft
from .model import ChangeKind, ClauseChange, DraftDiff, FollowUp, FollowUpStatus
from .normalise import normalise, units

FOUND = 90.0
CLOSE = 70.0
FUZZY_MIN = 25
SNIPPET = 160  # longest passage of the new text quoted in a follow-up
KINDS = ("replace", "delete", "insert-after", "none")


@dataclass(frozen=True, slots=True)
class ReviewEntry:
    """The part of a review-file entry the follow-up reads."""

    id: str
    status: str
    position: str = ""
    clause: str = ""
    clause_title: str = ""
    quote: str = ""
    comment: str = ""
    proposed_change: str = ""
    kind: str = "none"
    old: str = ""
    new: str = ""


def read_review(path: str | Path) -> list[ReviewEntry]:
    """Read the entries of a review file; a file that is not one raises `InputError`."""
    source = Path(path)
    try:
        data = tomllib.loads(source.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(source, "no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(source, f"cannot be read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(source, f"not a valid TOML review file: {exc}") from None
    raw = data.get("entry", [])
    if not isinstance(raw, list):
        raise InputError(source, "'entry' must be an array of tables ([[entry]])")
    entries = []
    for number, item in enumerate(raw, 1):
        if not isinstance(item, Mapping):
            raise InputError(source, f"entry {number} is not a table")
        entries.append(_entry(source, number, item))
    return entries


def _text(source: Path, number: int, table: Mapping[str, Any], key: str) -> str:
    value = table.get(key, "")
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InputError(source, f"entry {number}: '{key}' must be a string")
    return value


def _entry(source: Path, number: int, item: Mapping[str, Any]) -> ReviewEntry:
    change = item.get("change", {})
    if not isinstance(change, Mapping):
        raise InputError(source, f"entry {number}: 'change' must be a table")
    kind = _text(source, number, change, "kind") or "none"
    if kind not in KINDS:
        raise InputError(
            source, f"entry {number}: change kind {kind!r} is not one of {', '.join(KINDS)}"
        )
    return ReviewEntry(
        id=_text(source, number, item, "id") or f"entry {number}",
        status=_text(source, number, item, "status"),
        position=_text(source, number, item, "position"),
        clause=_text(source, number, item, "clause"),
        clause_title=_text(source, number, item, "clause_title"),
        quote=_text(source, number, item, "quote"),
        comment=_text(source, number, item, "comment"),
        proposed_change=_text(source, number, item, "proposed_change"),
        kind=kind,
        old=_text(source, number, change, "old") or _text(source, number, item, "quote"),
        new=_text(source, number, change, "new"),
    )


# -- following an entry -----------------------------------------------------------------------


def _fold(text: str) -> str:
    return normalise(text).casefold()


def presence(needle: str, haystack: str) -> float:
    """Return how present `needle` is in `haystack`, 0..100 (100: found as is)."""
    n, h = _fold(needle), _fold(haystack)
    if not n:
        return 0.0
    if n in h:
        return 100.0
    if len(n) < FUZZY_MIN or not h:
        return 0.0
    return float(fuzz.partial_ratio(n, h))


def closest(needle: str, haystack: str, *, size: int = SNIPPET) -> str:
    """Return the passage of `haystack` most like `needle`, widened to whole words."""
    n, h = normalise(needle), normalise(haystack)
    if not n or not h:
        return ""
    found = fuzz.partial_ratio_alignment(n, h, processor=str.lower)
    if found is None or found.score < CLOSE:
        return ""
    start, end = found.dest_start, found.dest_end
    while start > 0 and not h[start - 1].isspace():
        start -= 1
    while end < len(h) and not h[end].isspace():
        end += 1
    passage = h[start:end].strip()
    return passage if len(passage) <= size else passage[: size - 1].rstrip() + "…"


def _clause_text(clause: Clause) -> str:
    return "\n".join([clause.title, *(u.text for u in units(clause))])


@dataclass(frozen=True, slots=True)
class _Target:
    change: ClauseChange | None
    text: str  # the text of the aligned new clause(s)
    cite: str  # how the new clause is cited


def _target(entry: ReviewEntry, diff: DraftDiff, new_clauses: Sequence[Clause]) -> _Target:
    for change in diff.clauses:
        for ref in change.old:
            if entry.clause and ref.number != entry.clause:
                continue
            if not entry.clause and ref.title != entry.clause_title:
                continue
            text = "\n".join(_clause_text(new_clauses[r.index]) for r in change.new)
            return _Target(change, text, change.new_cite if change.new else "")
    return _Target(None, "", "")


def follow_up(entries: Sequence[ReviewEntry], diff: DraftDiff, new: Draft) -> tuple[FollowUp, ...]:
    """Return what became of each accepted entry in the new draft."""
    new_clauses = list(new.walk())
    whole = "\n".join(_clause_text(c) for c in new_clauses)
    out = []
    for entry in entries:
        if entry.status.strip().lower() != "accepted":
            continue
        target = _target(entry, diff, new_clauses)
        status, detail, score, where = _judge(entry, target, whole, new_clauses)
        out.append(
            FollowUp(
                entry=entry.id,
                position=entry.position,
                clause=entry.clause or entry.clause_title,
                clause_title=entry.clause_title,
                status=status,
                new_clause=where,
                change=entry.kind,
                proposed_old=entry.old,
                proposed_new=entry.new,
                detail=detail,
                score=round(score, 1),
            )
        )
    return tuple(out)


def _elsewhere(text: str, clauses: Sequence[Clause]) -> str:
    """Return the cite of the new clause holding `text`, or ""."""
    best, cite = 0.0, ""
    for clause in clauses:
        score = presence(text, _clause_text(clause))
        if score > best:
            best, cite = score, clause.number or clause.title
        if score == 100.0:
            break
    return cite if best >= FOUND else ""


def _judge(
    entry: ReviewEntry, target: _Target, whole: str, clauses: Sequence[Clause]
) -> tuple[FollowUpStatus, str, float, str]:
    change = target.change
    if change is None:
        return (
            FollowUpStatus.NOT,
            f"clause {entry.clause or entry.clause_title} is not in the old draft",
            0.0,
            "",
        )
    removed = change.kind == ChangeKind.REMOVED
    where = target.cite
    text = target.text
    if entry.kind == "none" or (not entry.new and entry.kind != "delete"):
        happened = "the clause was removed" if removed else f"the clause is {_what(change)} in NEW"
        return FollowUpStatus.NO_CHANGE_PROPOSED, happened, 0.0, where
    if entry.kind == "delete":
        if removed:
            return FollowUpStatus.FULLY, "the clause was removed", 100.0, ""
        left = presence(entry.old, text)
        if left >= FOUND:
            return FollowUpStatus.NOT, "the text proposed for deletion is still there", 0.0, where
        if left >= CLOSE:
            now = closest(entry.old, text)
            return (
                FollowUpStatus.PARTLY,
                "a close variant of the text proposed for deletion remains"
                + (f": “{now}”" if now else ""),
                100 - left,
                where,
            )
        return FollowUpStatus.FULLY, "the text proposed for deletion is gone", 100.0, where
    proposed = presence(entry.new, text) if text else 0.0
    if removed or proposed < FOUND:
        moved_to = _elsewhere(entry.new, clauses) if presence(entry.new, whole) >= FOUND else ""
        if moved_to:
            return (
                FollowUpStatus.FULLY,
                f"the proposed text is in clause {moved_to}",
                100.0,
                moved_to,
            )
    if removed:
        return FollowUpStatus.CLAUSE_REMOVED, "the clause was removed", 0.0, ""
    if entry.kind == "insert-after":
        if proposed >= FOUND:
            return FollowUpStatus.FULLY, "the proposed text was inserted", proposed, where
        if proposed >= CLOSE:
            now = closest(entry.new, text)
            said = "text close to the proposal was inserted" + (f": “{now}”" if now else "")
            return FollowUpStatus.PARTLY, said, proposed, where
        return FollowUpStatus.NOT, "the proposed text is not there", proposed, where
    # replace
    old_text_kept = bool(entry.old) and _fold(entry.old) not in _fold(entry.new)
    still = presence(entry.old, text) if old_text_kept else 0.0
    if proposed >= FOUND and still < FOUND:
        return FollowUpStatus.FULLY, "the proposed text replaced the old one", proposed, where
    if proposed >= FOUND:
        return (
            FollowUpStatus.PARTLY,
            "the proposed text was added, but the old text is still there",
            proposed,
            where,
        )
    if still >= FOUND:
        return FollowUpStatus.NOT, "the old text is unchanged", proposed, where
    now = closest(entry.new, text) or closest(entry.old, text)
    reads = f"; NEW reads “{now}”" if now else ""
    if proposed >= CLOSE:
        return (
            FollowUpStatus.PARTLY,
            f"the text was changed close to the proposal{reads}",
            proposed,
            where,
        )
    return (
        FollowUpStatus.PARTLY,
        f"the old text was changed, but not as proposed{reads}",
        proposed,
        where,
    )


def _what(change: ClauseChange) -> str:
    if change.kind == ChangeKind.UNCHANGED:
        return "unchanged"
    if change.kind == ChangeKind.RENUMBERED:
        return f"unchanged (renumbered {change.old_cite} → {change.new_cite})"
    return f"{change.kind} ({change.old_cite} → {change.new_cite})"


def with_followups(diff: DraftDiff, review: str | Path, new: Draft) -> DraftDiff:
    """Return `diff` with the follow-up of the accepted entries of `review`."""
    from dataclasses import replace

    entries = read_review(review)
    return replace(diff, review=str(review), followups=follow_up(entries, diff, new))


__all__ = ["ReviewEntry", "closest", "follow_up", "presence", "read_review", "with_followups"]
