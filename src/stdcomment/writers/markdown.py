"""Markdown brief for circulating among allies (`templates/markdown/brief.md.j2`).

Supported constructs:
- [x] title, the draft commented on, who prepared it and when, a review warning if unreviewed;
- [x] a summary table of concerns (clauses, number of comments);
- [x] concerns grouped by position: stance, rights, report citations; per comment the clause,
      element and location, the quoted text, the comment, the proposed change and the edit;
- [x] the delegate's own comments last; CommonMark/GFM tables, "|" escaped in cells;
- [ ] links into the draft (a .docx has no stable anchors).
"""

from __future__ import annotations

from .base import Output, WriterInput, render, sheet_context, template_env


def _cell(text: object) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def write_markdown_brief(job: WriterInput) -> Output:
    """Write the Markdown brief for `job`."""
    env = template_env(job.templates)
    env.filters["cell"] = _cell
    text = render(env, "markdown/brief.md.j2", sheet_context(job)).strip() + "\n"
    return Output(text.encode("utf-8"), (), {"comments": len(job.sheet.comments)})


__all__ = ["write_markdown_brief"]
