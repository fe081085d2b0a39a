"""Diff successive drafts clause by clause (`stdcomment diff`).

    from stdcomment.diff import diff_drafts
    diff = diff_drafts(read_draft("td231.docx"), read_draft("td305.docx"))

Clauses are aligned across renumbering and moves (`align`), blocks inside aligned clauses
(`blocks`, tables by cell in `tables`), words inside modified blocks (`wordops`), after
normalising what is not content (`normalise`). `concerns` adds the positions delta,
`followup` what became of the comments of a review file, `apply` replays a diff on the old
draft. Writers: `render_text`, `render_markdown`, `render_html`, `render_json` and
`redline_docx`.
"""

from __future__ import annotations

from .compare import diff_drafts
from .model import (
    BlockChange,
    BlockChangeKind,
    ChangeKind,
    ClauseChange,
    ClauseRef,
    DraftDiff,
    OpTag,
    TextOp,
)

__all__ = [
    "BlockChange",
    "BlockChangeKind",
    "ChangeKind",
    "ClauseChange",
    "ClauseRef",
    "DraftDiff",
    "OpTag",
    "TextOp",
    "diff_drafts",
]
