"""Readable renderings of a draft: the outline tree (`parse --format tree`) and Markdown."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator

from .model import Block, BlockKind, Clause, ClauseKind, Draft, NumberSource, Requirement

_KIND_TAG = {
    ClauseKind.FRONT: "front",
    ClauseKind.DEFINITIONS: "definitions",
    ClauseKind.ABBREVIATIONS: "abbreviations",
    ClauseKind.REFERENCES: "references",
    ClauseKind.BIBLIOGRAPHY: "bibliography",
}


def clause_heading(clause: Clause) -> str:
    """Return the clause as its heading reads: "6.2 Title", "Annex A – Title", "Summary"."""
    if clause.kind == ClauseKind.ANNEX and clause.number and "." not in clause.number:
        return (
            f"Annex {clause.number} – {clause.title}" if clause.title else f"Annex {clause.number}"
        )
    if clause.kind == ClauseKind.APPENDIX and clause.number and "." not in clause.number:
        return (
            f"Appendix {clause.number} – {clause.title}"
            if clause.title
            else f"Appendix {clause.number}"
        )
    if not clause.number and not clause.title:
        return "(preamble)"
    return clause.label


def _counts(clause: Clause) -> str:
    parts = []
    blocks = len(clause.blocks)
    if blocks:
        parts.append(f"{blocks} block{'s' if blocks != 1 else ''}")
    requirements = sum(
        1 for b in clause.blocks if b.requirement != Requirement.NONE and not b.informative
    )
    if requirements:
        parts.append(f"{requirements} req")
    revised = sum(1 for b in clause.blocks if b.revision is not None)
    if clause.heading_revision is not None:
        revised += 1
    if revised:
        parts.append(f"{revised} rev")
    return ", ".join(parts)


def _tags(clause: Clause) -> str:
    tags = []
    if clause.kind in _KIND_TAG:
        tags.append(_KIND_TAG[clause.kind])
    if clause.kind in (ClauseKind.ANNEX, ClauseKind.APPENDIX):
        tags.append("normative" if clause.normative else "informative")
    if clause.number_source == NumberSource.AUTO:
        tags.append("auto")
    elif clause.number_source == NumberSource.INFERRED:
        tags.append("inferred")
    if clause.heading_revision is not None:
        tags.append("heading revised")
    return f" [{', '.join(tags)}]" if tags else ""


def _block_line(block: Block, width: int = 72) -> str:
    kind = block.kind.value
    label = f" {block.label}" if block.label else ""
    text = " ".join(block.text.split())
    if block.kind == BlockKind.TABLE and block.table is not None:
        rows = len(block.table.rows)
        cols = max((len(r) for r in block.table.rows), default=0)
        text = f"{rows}x{cols}: {text}"
    if len(text) > width:
        text = text[: width - 1] + "…"
    extra = []
    if block.requirement != Requirement.NONE:
        strength = block.requirement.value + (" (informative)" if block.informative else "")
        extra.append(f"{strength}: {block.requirement_keyword}")
    if block.requirement_id:
        extra.append(block.requirement_id)
    if block.revision is not None:
        extra.append("revised")
    if block.footnotes:
        extra.append(f"{len(block.footnotes)} footnote")
    if block.annotations:
        extra.append(f"{len(block.annotations)} comment")
    suffix = f"  {{{'; '.join(extra)}}}" if extra else ""
    return f"[{kind}{label}] {text}{suffix}"


def render_tree(draft: Draft, *, blocks: bool = False) -> str:
    """Return the outline of `draft`: one line per clause (and per block with `blocks`)."""
    meta = draft.metadata
    lines = [f"source: {draft.source.path} ({draft.source.format}, {draft.source.view} view)"]
    lines.append(f"body: {draft.body.value}")
    for name in (
        "recommendation",
        "work_item",
        "title",
        "document_number",
        "study_group",
        "questions",
        "working_party",
        "source",
        "place",
        "date",
        "designation",
        "project",
        "status",
    ):
        value = getattr(meta, name)
        if value:
            lines.append(f"{name.replace('_', ' ')}: {value}")
    for contact in meta.contacts:
        details = ", ".join(x for x in (contact.organization, contact.country, contact.email) if x)
        lines.append(f"contact: {contact.name}" + (f" ({details})" if details else ""))
    total = sum(1 for _ in draft.walk())
    lines.append(f"clauses: {total}")
    lines.append("")
    for clause in draft.clauses:
        lines.extend(_tree(clause, 0, blocks))
    if draft.warnings:
        lines.append("")
        lines.extend(f"warning: {w}" for w in draft.warnings)
    return "\n".join(lines) + "\n"


def _tree(clause: Clause, depth: int, blocks: bool) -> Iterator[str]:
    indent = "  " * depth
    counts = _counts(clause)
    yield f"{indent}{clause_heading(clause)}{_tags(clause)}" + (f"  ({counts})" if counts else "")
    if blocks:
        for block in clause.blocks:
            yield f"{indent}  - {_block_line(block)}"
    for child in clause.children:
        yield from _tree(child, depth + 1, blocks)


def render_markdown(draft: Draft) -> str:
    """Return the draft's text as Markdown, clause headings as headings."""
    out: list[str] = []
    title = draft.metadata.title or draft.metadata.recommendation or draft.source.path
    out.append(f"# {title}\n")
    for clause in draft.walk():
        if clause.number or clause.title:
            level = min(clause.level + 1, 6)
            out.append(f"{'#' * level} {clause_heading(clause)}\n")
        for block in clause.blocks:
            out.append(_markdown_block(block))
    return "\n".join(out).rstrip() + "\n"


def _escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " <br> ")


def _markdown_block(block: Block) -> str:
    text = block.text.replace("\t", " ")
    if block.kind == BlockKind.TABLE and block.table is not None and block.table.rows:
        rows = [[_escape(c.text) for c in row] for row in block.table.rows]
        width = max(len(r) for r in rows)
        rows = [r + [""] * (width - len(r)) for r in rows]
        head = "| " + " | ".join(rows[0]) + " |"
        rule = "|" + "---|" * width
        body = ["| " + " | ".join(r) + " |" for r in rows[1:]]
        return "\n".join([head, rule, *body]) + "\n"
    if block.kind == BlockKind.NOTE:
        return f"> {block.label or 'NOTE'} – {text}\n"
    if block.kind == BlockKind.LIST_ITEM:
        marker = block.label if block.label and block.label[0].isalnum() else "-"
        return f"- {marker + ' ' if marker != '-' else ''}{text}\n"
    if block.kind == BlockKind.CAPTION:
        return f"*{text if not block.label else block.label + ' – ' + text}*\n"
    if block.kind == BlockKind.DEFINITION and block.definition is not None:
        d = block.definition
        ref = f" [{d.reference}]" if d.reference else ""
        head = f"{d.number} {d.term}" if d.number else d.term
        return f"**{head}**{ref}: {d.definition}\n"
    if block.kind == BlockKind.CODE:
        return "```\n" + block.text + "\n```\n"
    return textwrap.dedent(text) + "\n"
