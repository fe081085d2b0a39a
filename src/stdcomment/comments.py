"""The comment sheet: the accepted review entries (or findings) a submission is made of.

`build_sheet` turns review entries into `SheetComment`s carrying everything every writer
needs: where (clause, element, location, page and line), what (comment, proposed change, the
concrete edit), and why (the position's title, stance, rights and report citations). The
sheet groups comments by concern (position) for the discussion and the brief, and groups
edits of the same text into numbered `Proposal`s for the ITU-T contribution.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .model import Draft
from .positions import PositionLibrary
from .review.merge import locate
from .review.model import Change, ReviewEntry, normalise_text

OTHER_CONCERN = ""  # the group of the delegate's own comments


@dataclass(frozen=True, slots=True)
class SheetComment:
    """One comment as submitted."""

    id: str
    origin: str
    position: str
    position_title: str
    clause: str
    clause_title: str
    element: str
    location: str
    page: int | None
    line: int | None
    quote: str
    type: str
    category: str
    must_be_satisfied: bool
    comment: str
    proposed_change: str
    change: Change
    rights: tuple[str, ...] = ()
    report: tuple[str, ...] = ()
    stance: str = ""

    @property
    def clause_label(self) -> str:
        """Return "7.1 General requirements", the title alone, or "General"."""
        if self.clause and self.clause_title:
            return f"{self.clause} {self.clause_title}"
        return self.clause or self.clause_title or "General"

    def as_context(self) -> dict[str, object]:
        """Return the comment as the templates see it."""
        return {
            "id": self.id,
            "origin": self.origin,
            "position": self.position,
            "position_title": self.position_title,
            "clause": self.clause,
            "clause_title": self.clause_title,
            "clause_label": self.clause_label,
            "element": self.element,
            "location": self.location,
            "page": self.page,
            "line": self.line,
            "quote": self.quote,
            "type": self.type,
            "category": self.category,
            "must_be_satisfied": self.must_be_satisfied,
            "comment": self.comment,
            "proposed_change": self.proposed_change,
            "change": {"kind": self.change.kind, "old": self.change.old, "new": self.change.new},
            "rights": list(self.rights),
            "report": list(self.report),
            "stance": self.stance,
        }


@dataclass(frozen=True, slots=True)
class Concern:
    """The comments of one position (or the delegate's own, `position == ""`)."""

    position: str
    title: str
    stance: str
    rights: tuple[str, ...]
    report: tuple[str, ...]
    comments: tuple[SheetComment, ...]

    def as_context(self) -> dict[str, object]:
        """Return the concern as the templates see it."""
        return {
            "position": self.position,
            "title": self.title,
            "stance": self.stance,
            "rights": list(self.rights),
            "report": list(self.report),
            "comments": [c.as_context() for c in self.comments],
        }


@dataclass(frozen=True, slots=True)
class Proposal:
    """One edit of the draft's text, shown as revision marks: comments on the same text merge.

    `before` / `after` say whether the edited text sits inside a longer paragraph, so the
    contribution shows an ellipsis for the unchanged text around it.
    """

    number: int
    clause: str
    clause_title: str
    kind: str
    old: str
    new: str
    before: bool
    after: bool
    comments: tuple[SheetComment, ...]
    found: bool = True  # whether `old` is in the draft

    @property
    def clause_label(self) -> str:
        """Return "7.1 General requirements" (or the title alone)."""
        if self.clause and self.clause_title:
            return f"{self.clause} {self.clause_title}"
        return self.clause or self.clause_title or "General"

    def as_context(self) -> dict[str, object]:
        """Return the proposal as the templates see it."""
        return {
            "number": self.number,
            "clause": self.clause,
            "clause_title": self.clause_title,
            "clause_label": self.clause_label,
            "kind": self.kind,
            "old": self.old,
            "new": self.new,
            "positions": sorted({c.position_title for c in self.comments if c.position_title}),
            "comments": [c.as_context() for c in self.comments],
        }


@dataclass(frozen=True, slots=True)
class DraftInfo:
    """What the outputs say about the draft commented on."""

    path: str
    sha256: str
    body: str
    title: str
    recommendation: str
    work_item: str
    document_number: str
    designation: str
    project: str

    @property
    def name(self) -> str:
        """The draft as a reader names it: "Draft new Recommendation ITU-T F.ERVS", "P7915/D2"."""
        return self.recommendation or self.designation or self.project or self.title or self.path

    @property
    def name_in_text(self) -> str:
        """The name inside a sentence: "draft new Recommendation ITU-T F.ERVS"."""
        name = self.name
        first = name.split(" ", 1)[0]
        if first in ("Draft", "Proposed", "Revised", "New"):
            return name[0].lower() + name[1:]
        return name

    def as_context(self) -> dict[str, object]:
        """Return the draft as the templates see it."""
        return {
            "path": self.path,
            "sha256": self.sha256,
            "body": self.body,
            "title": self.title,
            "recommendation": self.recommendation,
            "work_item": self.work_item,
            "document_number": self.document_number,
            "designation": self.designation,
            "project": self.project,
            "name": self.name,
            "name_in_text": self.name_in_text,
        }


@dataclass(frozen=True, slots=True)
class CommentSheet:
    """The comments of one submission, in document order."""

    draft: DraftInfo
    comments: tuple[SheetComment, ...]
    reviewed: bool
    proposals: tuple[Proposal, ...] = ()

    def concerns(self) -> list[Concern]:
        """Group comments by position, in order of first appearance; own comments last."""
        order: list[str] = []
        groups: dict[str, list[SheetComment]] = {}
        for comment in self.comments:
            key = comment.position if comment.origin == "scan" else OTHER_CONCERN
            if key not in groups:
                groups[key] = []
                order.append(key)
            groups[key].append(comment)
        if OTHER_CONCERN in order:
            order.remove(OTHER_CONCERN)
            order.append(OTHER_CONCERN)
        out = []
        for key in order:
            members = groups[key]
            first = members[0]
            out.append(
                Concern(
                    position=key,
                    title=first.position_title if key else "",
                    stance=first.stance if key else "",
                    rights=_unique(r for c in members for r in c.rights),
                    report=_unique(r for c in members for r in c.report),
                    comments=tuple(members),
                )
            )
        return out


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def draft_info(draft: Draft, label: str | None = None) -> DraftInfo:
    """Return what the outputs say about `draft`."""
    meta = draft.metadata
    return DraftInfo(
        path=label or draft.source.path,
        sha256=draft.source.sha256,
        body=str(draft.body),
        title=meta.title,
        recommendation=meta.recommendation,
        work_item=meta.work_item,
        document_number=meta.document_number,
        designation=meta.designation,
        project=meta.project,
    )


def sheet_comment(entry: ReviewEntry, library: PositionLibrary) -> SheetComment:
    """Return the sheet form of a review entry (position details from `library`)."""
    position = library.get(entry.position) if entry.position else None
    return SheetComment(
        id=entry.id,
        origin=entry.origin,
        position=entry.position,
        position_title=position.title if position else "",
        clause=entry.clause,
        clause_title=entry.clause_title,
        element=entry.element,
        location=entry.location,
        page=entry.page,
        line=entry.line,
        quote=entry.quote,
        type=entry.type,
        category=entry.category,
        must_be_satisfied=entry.must_be_satisfied,
        comment=entry.comment,
        proposed_change=entry.proposed_change,
        change=entry.change,
        rights=position.rights_cited if position else (),
        report=tuple(r.cite() for r in position.report) if position else (),
        stance=position.stance if position else "",
    )


def _proposals(draft: Draft, comments: Sequence[SheetComment]) -> tuple[list[Proposal], list[str]]:
    warnings: list[str] = []
    order: list[tuple[str, str, str]] = []
    groups: dict[tuple[str, str, str], list[SheetComment]] = {}
    for comment in comments:
        if comment.change.kind == "none":
            continue
        key = (comment.clause, comment.clause_title, normalise_text(comment.change.old))
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append(comment)
    proposals = []
    for number, key in enumerate(order, 1):
        members = groups[key]
        kinds = {c.change.kind for c in members}
        news = list(dict.fromkeys(c.change.new for c in members if c.change.new))
        if kinds & {"delete", "replace"}:
            kind = "replace" if news else "delete"
        else:
            kind = "insert-after"
        old = members[0].change.old
        place = locate(draft, old, members[0].clause_title)
        before = after = False
        if place is None:
            warnings.append(
                f"{members[0].id}: the text to change is not in the draft "
                f"({members[0].clause_label}: {old[:60]!r}); run `stdcomment review` again"
            )
        elif place.block is not None:
            block = normalise_text(place.block.text)
            wanted = normalise_text(old)
            before = not block.startswith(wanted)
            after = not block.endswith(wanted)
        proposals.append(
            Proposal(
                number=number,
                clause=members[0].clause,
                clause_title=members[0].clause_title,
                kind=kind,
                old=old,
                new=" ".join(news),
                before=before,
                after=after,
                comments=tuple(members),
                found=place is not None,
            )
        )
    return proposals, warnings


def build_sheet(
    draft: Draft,
    entries: Iterable[ReviewEntry],
    library: PositionLibrary,
    *,
    reviewed: bool,
    label: str | None = None,
) -> tuple[CommentSheet, list[str]]:
    """Return the sheet of `entries` (already filtered to what is submitted) and warnings."""
    listed = list(entries)
    comments = tuple(sheet_comment(e, library) for e in listed)
    proposals, warnings = _proposals(draft, comments)
    unknown = sorted({e.position for e in listed if e.position and e.position not in library})
    if unknown:
        warnings.append(f"unknown position id(s) in the review file: {', '.join(unknown)}")
    sheet = CommentSheet(
        draft=draft_info(draft, label),
        comments=comments,
        reviewed=reviewed,
        proposals=tuple(proposals),
    )
    return sheet, warnings


__all__ = [
    "CommentSheet",
    "Concern",
    "DraftInfo",
    "Proposal",
    "SheetComment",
    "build_sheet",
    "draft_info",
    "sheet_comment",
]
