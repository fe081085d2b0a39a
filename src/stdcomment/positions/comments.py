"""Comment wording: the context a position's jinja2 templates see, and their rendering."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .model import _KEYWORDS, BODIES, Position, PositionError, RenderedComment, Right, Trigger

# -- template contexts ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TemplateMatch:
    """One matched span as the templates see it (`match.text`, `.trigger`, `.sentence`)."""

    text: str
    trigger: str
    sentence: str

    def as_dict(self) -> dict[str, str]:
        """Return the mapping given to the templates."""
        return {"text": self.text, "trigger": self.trigger, "sentence": self.sentence}


def comment_context(
    position: Position,
    *,
    clause_number: str,
    clause_title: str,
    clause_kind: str = "body",
    matches: Sequence[TemplateMatch],
    requirement: str = "none",
    requirement_keyword: str = "",
    informative: bool = False,
    draft_title: str = "",
    draft_work_item: str = "",
    draft_designation: str = "",
    draft_body: str = "unknown",
) -> dict[str, Any]:
    """Build the context the comment templates are rendered against, for one finding.

    `matches` must hold at least one match; the first is `match`.
    """
    if not matches:
        raise ValueError("a finding needs at least one match")
    # "6.2 Emotion analytics"; an unnumbered clause is cited by its title in quotation marks,
    # so that "clause {{ clause.label }}" reads 'clause "Summary"', not 'clause Summary'
    label = (
        f"{clause_number} {clause_title}".strip()
        if clause_number
        else f"\u201c{clause_title}\u201d"
    )
    return {
        "clause": {
            "number": clause_number,
            "title": clause_title,
            "kind": str(clause_kind),
            "label": label,
        },
        "match": matches[0].as_dict(),
        "matches": [m.as_dict() for m in matches],
        "requirement": str(requirement),
        "requirement_keyword": requirement_keyword,
        "informative": informative,
        "position": position.context(),
        "draft": {
            "title": draft_title,
            "work_item": draft_work_item,
            "designation": draft_designation,
            "body": str(draft_body),
        },
    }


def sample_context(
    position: Position | None = None,
    *,
    requirement: str = "required",
    informative: bool = False,
    body: str = "itu-t",
) -> dict[str, Any]:
    """Return the sample finding used to check and preview comment templates.

    The matched text is the position's first trigger phrase (or "emotion recognition").
    """
    phrase = (
        position.triggers[0].phrase if position and position.triggers else "emotion recognition"
    )
    keyword = _KEYWORDS.get(body, _KEYWORDS["ieee"]).get(requirement, "")
    verb = f"{keyword} support" if keyword else "supports"
    first = TemplateMatch(
        text=phrase,
        trigger=phrase,
        sentence=f"The video analytics function {verb} {phrase} for persons in the field of view.",
    )
    second = TemplateMatch(
        text="facial expression",
        trigger="facial expression analysis",
        sentence="Results are derived from the facial expression of each person.",
    )
    sample = position or _SAMPLE_POSITION
    context = comment_context(
        sample,
        clause_number="6.2",
        clause_title="Emotion analytics",
        clause_kind="body",
        matches=[first, second],
        requirement=requirement,
        requirement_keyword=keyword,
        informative=informative,
        draft_title="Requirements for intelligent video analytics in public venues",
        draft_work_item="F.SAMPLE",
        draft_designation="Draft new Recommendation ITU-T F.SAMPLE"
        if body in ("itu-t", "unknown")
        else ("IEEE P0000/D1" if body == "ieee" else "ISO/IEC CD 00000"),
        draft_body=body,
    )
    return context


# -- rendering ------------------------------------------------------------------------------

_SPACES = re.compile(r"[ \t]{2,}")
_PARAGRAPHS = re.compile(r"\n[ \t]*\n\s*")


def _tidy(text: str) -> str:
    """Lay rendered text out as paragraphs.

    As in the position files, a single line break is a space and an empty line starts a new
    paragraph; runs of spaces are collapsed.
    """
    paragraphs = []
    for chunk in _PARAGRAPHS.split(text.strip()):
        joined = " ".join(line.strip() for line in chunk.splitlines() if line.strip())
        if joined:
            paragraphs.append(_SPACES.sub(" ", joined))
    return "\n\n".join(paragraphs)


def render_comment(position: Position, body: str, context: Mapping[str, Any]) -> RenderedComment:
    """Render the comment and proposed change of `position` for `body` against `context`.

    `body` is "itu-t", "ieee", "iso" or "unknown" (which uses the ITU-T wording). When the
    context holds no `position`, the position's own is supplied. The IEEE category and
    must-be-satisfied flag and the ISO comment type are returned whatever the body.
    """
    from ..render import RenderError, compile_string, render_template

    wanted = str(body)
    if wanted not in (*BODIES, "unknown"):
        raise PositionError(position.path, "comment", f"unknown body {wanted!r}")
    values = dict(context)
    values.setdefault("position", position.context())
    templates = position.templates(wanted)
    key = "discussion" if templates.body == "itu-t" else "comment"
    texts: dict[str, str] = {}
    for name, source in ((key, templates.comment), ("proposed_change", templates.proposed_change)):
        origin = f"{position.path}"
        try:
            texts[name] = _tidy(
                render_template(compile_string(source, origin=origin), values, origin=origin)
            )
        except RenderError as exc:
            raise PositionError(
                position.path, f"comment.{templates.body}.{name}", exc.problem
            ) from None
        if not texts[name]:
            raise PositionError(
                position.path,
                f"comment.{templates.body}.{name}",
                f"renders as empty text when requirement is {values.get('requirement')!r}",
            )
    ieee = position.templates("ieee")
    iso = position.templates("iso")
    return RenderedComment(
        position_id=position.id,
        body=templates.body if wanted != "unknown" else "unknown",
        comment=texts[key],
        proposed_change=texts["proposed_change"],
        category=ieee.category,
        must_be_satisfied=ieee.must_be_satisfied,
        type=iso.type,
    )


_SAMPLE_POSITION = Position(
    id="sample",
    title="Sample position",
    stance="Standards should not specify inferring people's emotions.",
    rationale="",
    rights=(Right("ICCPR", "art. 19"),),
    report=(),
    evidence=(),
    triggers=(Trigger("emotion recognition", 1.0),),
    actions=(),
    comments=(),
)
