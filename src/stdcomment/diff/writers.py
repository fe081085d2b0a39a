"""The diff writers by format name: text, markdown, html and json return text; docx writes a
redline document (`redline_docx`)."""

from __future__ import annotations

from collections.abc import Callable

from .model import DraftDiff
from .render_html import render_html
from .render_json import render_json
from .render_markdown import render_markdown
from .render_text import render_text

#: format -> writer. A new text format is one module and one line here.
TEXT_WRITERS: dict[str, Callable[[DraftDiff], str]] = {
    "text": render_text,
    "markdown": render_markdown,
    "html": render_html,
    "json": render_json,
}

FORMATS = (*TEXT_WRITERS, "docx")

__all__ = ["FORMATS", "TEXT_WRITERS"]
