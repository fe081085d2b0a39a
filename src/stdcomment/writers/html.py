"""Self-contained HTML brief (`templates/html/brief.html.j2`): one file, inline CSS, no
scripts, fonts, images or links to fetch, so it can be mailed and opened offline.

Supported constructs:
- [x] everything the Markdown brief has (see `markdown`), HTML-escaped (autoescape on);
- [x] proposed edits shown as `<del>` / `<ins>`; print-friendly CSS; a table of contents;
- [x] `lang`, `<meta charset>`, a viewport for phones;
- [ ] dark mode.
"""

from __future__ import annotations

from .base import Output, WriterInput, render, sheet_context, template_env


def write_html_brief(job: WriterInput) -> Output:
    """Write the HTML brief for `job`."""
    env = template_env(job.templates, html=True)
    text = render(env, "html/brief.html.j2", sheet_context(job)).strip() + "\n"
    return Output(text.encode("utf-8"), (), {"comments": len(job.sheet.comments)})


__all__ = ["write_html_brief"]
