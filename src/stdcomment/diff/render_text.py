"""The terminal summary of a diff, like rfcdiff's changes-only mode (`--abdiff`).

Counts first; then the clauses only renumbered, in one compact list; then each change as
"Clause 7.1 → 8.1, paragraph 2:" with OLD: and NEW: paragraphs and a CHANGED: line of the
words that differ; then the concerns delta and the follow-up of earlier comments.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable
from pathlib import PurePath

from .describe import (
    ARROW,
    FOLLOWUP_WORDS,
    block_cite,
    cell_cite,
    clause_heading,
    concern_counts,
    concern_score,
    concern_where,
    detailed,
    display,
    followup_counts,
    followup_where,
    kind_phrase,
    moved_along,
    references_followed,
    renumbered_only,
    row_cite,
    summary,
    word_changes,
)
from .model import (
    BlockChange,
    BlockChangeKind,
    ChangeKind,
    ClauseChange,
    ConcernChange,
    ConcernStatus,
    DraftDiff,
    DraftRef,
    new_text,
    old_text,
)

WIDTH = 100
INDENT = "   "
SCORE_CHANGE = 5  # a persisting concern shows its scores when they moved this much
CHANGED_MAX = 160  # longer word changes are read in OLD/NEW, not repeated in a CHANGED line


def _wrap(text: str, indent: str = INDENT) -> list[str]:
    out: list[str] = []
    for line in text.replace("\t", " ").split("\n"):
        wrapped = textwrap.wrap(
            line, WIDTH, initial_indent=indent, subsequent_indent=indent, break_on_hyphens=False
        )
        out.extend(wrapped or [indent.rstrip()])
    return out


def _list(items: Iterable[str], indent: str = "  ", *, first: str | None = None) -> list[str]:
    text = ", ".join(item.replace(" ", "\u00a0") for item in items)  # items stay whole
    lines = textwrap.wrap(
        text,
        WIDTH,
        initial_indent=indent if first is None else first,
        subsequent_indent=indent + ("  " if first is not None else ""),
        break_on_hyphens=False,
    )
    return [line.replace("\u00a0", " ") for line in lines]


def _draft(label: str, ref: DraftRef) -> str:
    name = PurePath(ref.path).name
    said = f"{label}: {ref.document} ({name})" if ref.document else f"{label}: {name}"
    if ref.view != "current":
        said += f", {ref.view} view"
    return said


def render_text(diff: DraftDiff) -> str:
    """Return the diff as plain text for a terminal."""
    lines = [_draft("OLD", diff.old), _draft("NEW", diff.new)]
    if diff.strict:
        lines.append("Strict comparison: spacing, quote marks and list labels count as changes.")
    said = summary(diff)
    lines += ["", said.clauses, said.blocks]
    if diff.empty:
        lines += ["", "No changes."]
    renumbered = renumbered_only(diff)
    if renumbered:
        lines += ["", "Renumbered, text unchanged:"]
        lines += _list(renumbered)
    followed = references_followed(diff)
    if followed:
        lines += ["", "Cross-references that only follow the renumbering:"]
        lines += _list(followed)
    for change in detailed(diff):
        lines += ["", *_change(diff, change)]
    if diff.concerns_scanned:
        lines += ["", *_concerns(diff)]
    if diff.review:
        lines += ["", *_followups(diff)]
    return "\n".join(lines).rstrip() + "\n"


def _change(diff: DraftDiff, change: ClauseChange) -> list[str]:
    head = f"{clause_heading(change)}: {kind_phrase(change)}"
    lines = [head]
    along = moved_along(diff, change)
    if along:
        lines += _list([f"with {along[0]}", *along[1:]], INDENT)
    if change.retitled:
        lines += ["Title:", "OLD:", *_wrap(old_text(change.title_ops))]
        lines += ["NEW:", *_wrap(new_text(change.title_ops))]
    if change.kind in (ChangeKind.ADDED, ChangeKind.REMOVED):
        label = "NEW:" if change.kind == ChangeKind.ADDED else "OLD:"
        texts = [
            display(b, b.new_text if change.kind == ChangeKind.ADDED else b.old_text) or _grid(b)
            for b in change.blocks
        ]
        if texts:
            lines.append(label)
            for k, text in enumerate(texts):
                if k:
                    lines.append("")
                lines += _wrap(text)
        return lines
    for block in change.blocks:
        if block.substantive:
            lines += ["", *_block(change, block)]
    return lines


def _block(change: ClauseChange, block: BlockChange) -> list[str]:
    cite = block_cite(change, block)
    if block.kind == BlockChangeKind.MOVED:
        return [f"{cite}: moved within the clause (from paragraph {block.old_paragraph})"]
    if block.is_table and block.kind == BlockChangeKind.MODIFIED:
        return _table(cite, block)
    if block.kind == BlockChangeKind.ADDED:
        where = f" (from {block.elsewhere})" if block.elsewhere else ""
        return [
            f"{cite}: added{where}",
            "NEW:",
            *_wrap(display(block, block.new_text) or _grid(block)),
        ]
    if block.kind == BlockChangeKind.REMOVED:
        where = f" (now in {block.elsewhere})" if block.elsewhere else ""
        return [
            f"{cite}: removed{where}",
            "OLD:",
            *_wrap(display(block, block.old_text) or _grid(block)),
        ]
    lines = [f"{cite}:", "OLD:", *_wrap(display(block, block.old_text))]
    return [*lines, "NEW:", *_wrap(display(block, block.new_text)), *_changed(block)]


def _grid(block: BlockChange) -> str:
    """Return the rows of an added or removed table, cells separated by " | "."""
    return "\n".join(
        " | ".join(new_text(c.ops) or old_text(c.ops) for c in row.cells) for row in block.rows
    )


def _changed(block: BlockChange) -> list[str]:
    pairs = word_changes(block)
    if not pairs or len(pairs) > 6 or sum(len(a) + len(b) for a, b in pairs) > CHANGED_MAX:
        return []
    said = "; ".join(_pair(old, new) for old, new in pairs)
    return textwrap.wrap("CHANGED: " + said, WIDTH, subsequent_indent=INDENT)


def _pair(old: str, new: str) -> str:
    if not old:
        return f"+ “{new}”"
    if not new:
        return f"− “{old}”"
    return f"“{old}” {ARROW} “{new}”"


def _table(cite: str, block: BlockChange) -> list[str]:
    lines: list[str] = []
    for row in block.rows:
        if row.kind == BlockChangeKind.MODIFIED:
            for cell in row.cells:
                where = f"{cite}, {row_cite(row)}, {cell_cite(cell)}:"
                lines += [
                    where,
                    "OLD:",
                    *_wrap(old_text(cell.ops)),
                    "NEW:",
                    *_wrap(new_text(cell.ops)),
                ]
        else:
            texts = [new_text(c.ops) or old_text(c.ops) for c in row.cells]
            label = "NEW:" if row.kind == BlockChangeKind.ADDED else "OLD:"
            lines += [f"{cite}, {row_cite(row)}:", label, *_wrap(" | ".join(texts))]
    return lines


def _concerns(diff: DraftDiff) -> list[str]:
    counts = concern_counts(diff)
    lines = [
        "Concerns (positions): "
        f"{counts[ConcernStatus.NEW]} new, {counts[ConcernStatus.GONE]} gone, "
        f"{counts[ConcernStatus.PERSISTING]} persisting"
    ]
    by_position: dict[str, list[ConcernChange]] = {}
    for concern in diff.concerns:
        by_position.setdefault(concern.position, []).append(concern)
    for position, items in by_position.items():
        said = ", ".join(
            f"{sum(1 for c in items if c.status == status)} {status}"
            for status in ConcernStatus
            if any(c.status == status for c in items)
        )
        lines.append(f"  {position} ({items[0].position_title}): {said}")
        for status in ConcernStatus:
            found = [c for c in items if c.status == status]
            if not found:
                continue
            cites = []
            for c in found:
                cite = concern_where(c)
                if (
                    status != ConcernStatus.PERSISTING
                    or abs((c.old_score or 0) - (c.new_score or 0)) >= SCORE_CHANGE
                ):
                    cite += f" ({concern_score(c)})"
                cites.append(cite)
            lines += _list(cites, "    ", first=f"    {status}: ")
    return lines


def _followups(diff: DraftDiff) -> list[str]:
    lines = [f"Comments followed up ({PurePath(diff.review).name}): {followup_counts(diff)}"]
    for item in diff.followups:
        position = f" [{item.position}]" if item.position else ""
        head = f"  {item.entry}{position} clause {followup_where(item)}: "
        head += FOLLOWUP_WORDS[item.status]
        lines.append(head)
        if item.detail:
            lines += _wrap(item.detail, "      ")
    return lines


__all__ = ["render_text"]
