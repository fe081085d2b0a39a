"""The diff as Markdown, for circulating among allies (GitHub, GitLab, pandoc).

Counts, then the clauses only renumbered, then each change under its clause with the words
that changed marked inline (`<del>` / `<ins>`, which GitHub-flavoured Markdown renders), then
the concerns delta and the follow-up of earlier comments as tables.
"""

from __future__ import annotations

import re
from pathlib import PurePath

from .describe import (
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
)
from .model import (
    BlockChange,
    BlockChangeKind,
    ClauseChange,
    ConcernStatus,
    DraftDiff,
    OpTag,
    TextOp,
)

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")


def escape(text: str) -> str:
    """Escape Markdown and HTML specials; line breaks become `<br>`."""
    cleaned = text.replace("&", "&amp;").replace("\t", " ")
    return _SPECIAL.sub(r"\\\1", cleaned).replace("\n", "<br>")


def inline(ops: tuple[TextOp, ...]) -> str:
    """Return the word diff of `ops` with `<del>` and `<ins>`."""
    out = []
    for op in ops:
        if op.tag == OpTag.EQUAL:
            out.append(escape(op.new))
            continue
        if op.old:
            out.append(f"<del>{escape(op.old)}</del>")
        if op.new:
            out.append(f"<ins>{escape(op.new)}</ins>")
    return "".join(out)


def render_markdown(diff: DraftDiff) -> str:
    """Return the diff as Markdown."""
    old, new = diff.old, diff.new
    lines = [f"# Changes from {escape(old.name)} to {escape(new.name)}", ""]
    lines += ["| | old | new |", "|---|---|---|"]
    lines.append(f"| document | {escape(old.document)} | {escape(new.document)} |")
    lines.append(
        f"| file | {escape(PurePath(old.path).name)} | {escape(PurePath(new.path).name)} |"
    )
    if old.date or new.date:
        lines.append(f"| date | {escape(old.date)} | {escape(new.date)} |")
    if old.view != "current" or new.view != "current":
        lines.append(f"| tracked changes | {old.view} view | {new.view} view |")
    said = summary(diff)
    lines += ["", said.clauses, "", said.blocks]
    if diff.strict:
        lines += ["", "Strict comparison: spacing, quote marks and list labels count as changes."]
    renumbered = renumbered_only(diff)
    if renumbered:
        lines += ["", "## Renumbered, text unchanged", "", escape(", ".join(renumbered))]
    followed = references_followed(diff)
    if followed:
        lines += ["", "Cross-references that only follow the renumbering: " + ", ".join(followed)]
    changes = list(detailed(diff))
    if changes:
        lines += ["", "## Changes"]
    for change in changes:
        lines += ["", *_change(diff, change)]
    if diff.concerns_scanned:
        lines += ["", *_concerns(diff)]
    if diff.review:
        lines += ["", *_followups(diff)]
    return "\n".join(lines).rstrip() + "\n"


def _change(diff: DraftDiff, change: ClauseChange) -> list[str]:
    lines = [f"### {escape(clause_heading(change))}: {escape(kind_phrase(change))}"]
    along = moved_along(diff, change)
    if along:
        lines += ["", "With " + escape(", ".join(along)) + "."]
    if change.retitled:
        lines += ["", f"Title: {inline(change.title_ops)}"]
    for block in change.blocks:
        if block.substantive:
            lines += ["", *_block(change, block)]
    return lines


def _block(change: ClauseChange, block: BlockChange) -> list[str]:
    cite = escape(block_cite(change, block))
    if block.kind == BlockChangeKind.MOVED:
        return [f"**{cite}**: moved within the clause (from paragraph {block.old_paragraph})."]
    if block.rows:
        return _table(cite, block)
    status = ""
    if block.kind == BlockChangeKind.ADDED:
        status = " (added" + (f" from {escape(block.elsewhere)}" if block.elsewhere else "") + ")"
    elif block.kind == BlockChangeKind.REMOVED:
        status = " (removed" + (f", now in {escape(block.elsewhere)}" if block.elsewhere else "")
        status += ")"
    label = display(block, "x")[:-1] if block.label else ""
    return [f"**{cite}**{status}:", "", f"> {escape(label)}{inline(block.ops)}"]


def _table(cite: str, block: BlockChange) -> list[str]:
    lines = [f"**{cite}**:", ""]
    for row in block.rows:
        if row.kind == BlockChangeKind.MODIFIED:
            for cell in row.cells:
                where = escape(f"{row_cite(row)}, {cell_cite(cell)}")
                lines.append(f"- {where}: {inline(cell.ops)}")
        else:
            texts = " \\| ".join(inline(c.ops) for c in row.cells)
            lines.append(f"- {escape(row_cite(row))}: {texts}")
    return lines


def _concerns(diff: DraftDiff) -> list[str]:
    counts = concern_counts(diff)
    lines = [
        "## Concerns",
        "",
        f"{counts[ConcernStatus.NEW]} new, {counts[ConcernStatus.GONE]} gone, "
        f"{counts[ConcernStatus.PERSISTING]} persisting.",
        "",
        "| position | concern | clause | score |",
        "|---|---|---|---|",
    ]
    for c in diff.concerns:
        lines.append(
            f"| {escape(c.position)} | {c.status} | {escape(concern_where(c))} | "
            f"{escape(concern_score(c))} |"
        )
    return lines


def _followups(diff: DraftDiff) -> list[str]:
    lines = [
        "## Our comments",
        "",
        f"{escape(PurePath(diff.review).name)}: {escape(followup_counts(diff))}.",
        "",
        "| comment | position | clause | outcome | what was found |",
        "|---|---|---|---|---|",
    ]
    for item in diff.followups:
        lines.append(
            f"| {escape(item.entry)} | {escape(item.position)} | {escape(followup_where(item))} "
            f"| {FOLLOWUP_WORDS[item.status]} | {escape(item.detail)} |"
        )
    return lines


__all__ = ["escape", "inline", "render_markdown"]
