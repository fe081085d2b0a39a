"""Output writers: one module per format, registered in `WRITERS` by format name.

A new format is one module with a `write_*(WriterInput) -> Output` function, one line here,
one golden file, and a checklist at the top of the module of what it supports.
"""

from __future__ import annotations

from .base import Output, Writer, WriterInput
from .html import write_html_brief
from .ieee_csv import write_ieee_csv
from .iso_docx import write_iso_form
from .itu_docx import write_itu_contribution
from .markdown import write_markdown_brief

#: format name -> writer. `body` is the standards body whose wording unedited comments take.
WRITERS: dict[str, Writer] = {
    "itu-t": Writer("itu-t", "-contribution.docx", "itu-t",
                    "ITU-T contribution (.docx) with revision marks", write_itu_contribution),
    "ieee": Writer("ieee", "-ieee-comments.csv", "ieee",
                   "IEEE SA ballot comments (.csv) for upload", write_ieee_csv),
    "iso": Writer("iso", "-iso-comments.docx", "iso",
                  "ISO/IEC commenting template 2012-03 (.docx)", write_iso_form),
    "markdown": Writer("markdown", "-brief.md", None,
                       "Markdown brief for allies", write_markdown_brief, binary=False),
    "html": Writer("html", "-brief.html", None,
                   "self-contained HTML brief for allies", write_html_brief, binary=False),
}  # fmt: skip

__all__ = ["WRITERS", "Output", "Writer", "WriterInput"]
