"""Build review entries from a scan: one per finding, pre-filled from the position's templates.

For each finding the entry quotes the sentence of its strongest block evidence (the clause
title only when nothing else matched), renders the position's comment and proposed change for
the draft's body, and derives the concrete edit from the position's actions:

- a finding in a restriction ("is prohibited from ...") proposes no edit (`none`): the
  comment welcomes it;
- otherwise the first of the position's actions that edits text decides: `delete` deletes the
  quoted sentence, `replace` replaces it with the action's model text, `add-safeguard`
  inserts the model text after it (`insert-after`); positions whose actions only narrow the
  scope or add a clause propose no edit of the quoted text (`none`).

Model texts are written for ITU-T Recommendations; for IEEE and ISO drafts "this
Recommendation" reads "this standard" / "this document".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from ..findings import Evidence, Finding, ScanResult
from ..model import Block, BlockKind, Clause, Draft, Location
from ..positions import Position, PositionLibrary, TemplateMatch, comment_context, render_comment
from .model import Change, Review, ReviewEntry, entry_id

_RESTRICTIONS = frozenset({"prohibited", "not-recommended"})
_DOCUMENT_WORD = {"ieee": "standard", "iso": "document"}
_RECOMMENDATION = re.compile(r"\b(this|the|This|The) Recommendation\b")


def find_clause(draft: Draft, number: str, title: str) -> Clause | None:
    """Return the clause numbered `number` and titled `title` (or the first with that number)."""
    fallback: Clause | None = None
    for clause in draft.walk():
        if clause.number == number:
            if clause.title == title:
                return clause
            fallback = fallback or clause
    return fallback


def block_at(clause: Clause | None, location: Location) -> Block | None:
    """Return the block of `clause` at `location` (table cells: the table), or None."""
    if clause is None:
        return None
    return next((b for b in clause.blocks if b.location.index == location.index), None)


def element_label(clause: Clause | None, evidence: Evidence) -> str:
    """Name the element a delegate looks for: "Paragraph 3", "Note 1", "Table 1, row 4" ..."""
    if evidence.where == "title":
        return "Title"
    block = block_at(clause, evidence.location)
    if clause is None or block is None:
        return ""
    if block.kind == BlockKind.NOTE:
        return block.label.capitalize() if block.label else "Note"
    if block.kind in (BlockKind.CAPTION, BlockKind.FIGURE) and block.label:
        return block.label
    if block.kind == BlockKind.TABLE:
        caption = _caption_before(clause, block)
        row = evidence.location.row
        name = caption or "Table"
        return f"{name}, row {row + 1}" if row is not None else name
    if block.kind == BlockKind.LIST_ITEM:
        return f"List item {block.label}".strip()
    if block.kind == BlockKind.DEFINITION and block.definition is not None:
        return f"Definition {block.definition.number}".strip()
    counted = [b for b in clause.blocks if b.kind not in (BlockKind.CAPTION, BlockKind.TABLE)]
    for n, candidate in enumerate(counted, 1):
        if candidate is block:
            return f"Paragraph {n}"
    return ""


def _caption_before(clause: Clause, table: Block) -> str:
    label = ""
    for block in clause.blocks:
        if block is table:
            return label
        if block.kind == BlockKind.CAPTION and block.label.lower().startswith("table"):
            label = block.label
    return ""


def quoted_evidence(finding: Finding) -> Evidence:
    """Return the evidence an entry quotes: the strongest in a block, else the strongest."""
    concerns = [e for e in finding.evidence if not e.exclusion] or list(finding.evidence)
    return next((e for e in concerns if e.where == "block"), concerns[0])


def body_wording(text: str, body: str) -> str:
    """Say "this standard" / "this document" instead of "this Recommendation" off ITU-T."""
    word = _DOCUMENT_WORD.get(body)
    if word is None:
        return text
    return _RECOMMENDATION.sub(lambda m: f"{m.group(1)} {word}", text)


def default_change(position: Position, quote: str, requirement: str, body: str) -> Change:
    """Return the edit a finding proposes (see the module docstring)."""
    if requirement in _RESTRICTIONS or not quote:
        return Change("none")
    for action in position.actions:
        model = body_wording(" ".join(action.model_text.split()), body)
        if action.kind == "delete":
            return Change("delete", quote, "")
        if action.kind == "replace" and model:
            return Change("replace", quote, model)
        if action.kind == "add-safeguard" and model:
            return Change("insert-after", quote, model)
    return Change("none")


def _context(draft: Draft, finding: Finding, position: Position) -> dict[str, object]:
    concerns = [e for e in finding.evidence if not e.exclusion] or list(finding.evidence)
    keyword = next(
        (e.requirement_keyword for e in concerns if e.requirement == finding.requirement), ""
    )
    meta = draft.metadata
    return comment_context(
        position,
        clause_number=finding.clause_number,
        clause_title=finding.clause_title,
        clause_kind=str(finding.clause_kind),
        matches=[TemplateMatch(e.phrase(), e.trigger, e.sentence) for e in concerns],
        requirement=str(finding.requirement),
        requirement_keyword=keyword,
        informative=all(e.informative for e in concerns),
        draft_title=meta.title,
        draft_work_item=meta.work_item,
        draft_designation=meta.recommendation or meta.designation or meta.project,
        draft_body=str(draft.body),
    )


def entry_for(
    draft: Draft, finding: Finding, position: Position, *, body: str | None = None
) -> ReviewEntry:
    """Return the pre-filled entry of one finding, worded for `body` (default: the draft's)."""
    wanted = body or str(draft.body)
    clause = find_clause(draft, finding.clause_number, finding.clause_title)
    evidence = quoted_evidence(finding)
    rendered = render_comment(position, wanted, _context(draft, finding, position))
    quote = evidence.sentence.strip()
    requirement = str(finding.requirement)
    location = evidence.location
    entry = ReviewEntry(
        id=entry_id(position.id, finding.clause_title, quote),
        status="proposed",
        origin="scan",
        position=position.id,
        clause=finding.clause_number,
        clause_title=finding.clause_title,
        location=location.describe() if location.index >= 0 else "clause heading",
        element=element_label(clause, evidence),
        page=location.page,
        line=location.line,
        quote=quote,
        matched=evidence.matched,
        score=finding.score,
        requirement=requirement,
        type=rendered.type or "te",
        category=rendered.category or "Technical",
        must_be_satisfied=rendered.must_be_satisfied,
        comment=rendered.comment,
        proposed_change=rendered.proposed_change,
        change=default_change(position, quote, requirement, wanted),
    )
    return entry.with_fingerprint()


def entries_from_scan(
    draft: Draft,
    findings: Iterable[Finding],
    library: PositionLibrary,
    *,
    body: str | None = None,
) -> list[ReviewEntry]:
    """Return one pre-filled entry per finding, in document order, with unique ids.

    Findings of positions missing from `library` are skipped.
    """
    entries: list[ReviewEntry] = []
    seen: dict[str, int] = {}
    for finding in findings:
        position = library.get(finding.position_id)
        if position is None:
            continue
        entry = entry_for(draft, finding, position, body=body)
        count = seen.get(entry.id, 0) + 1
        seen[entry.id] = count
        if count > 1:
            entry = replace(entry, id=f"{entry.id}-{count}")
        entries.append(entry)
    return entries


def new_review(
    draft: Draft,
    result: ScanResult,
    library: PositionLibrary,
    *,
    draft_label: str,
    body: str | None = None,
) -> Review:
    """Return a fresh review of `draft` from its scan `result`."""
    return Review(
        draft=draft_label,
        draft_sha256=draft.source.sha256,
        body=body or str(draft.body),
        entries=tuple(entries_from_scan(draft, result.findings, library, body=body)),
    )


__all__ = [
    "block_at",
    "body_wording",
    "default_change",
    "element_label",
    "entries_from_scan",
    "entry_for",
    "find_clause",
    "new_review",
    "quoted_evidence",
]
