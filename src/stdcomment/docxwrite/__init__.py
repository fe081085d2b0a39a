"""Build .docx documents by writing OOXML parts directly: the writer behind every .docx that
stdcomment produces (ITU-T contribution, ISO/IEC form, diff redline) and behind its sample and
test drafts.

Everything the stdcomment reader must handle can be expressed in a few lines: styles (built-in
`heading 1..9`, ITU-T/IEEE custom names, localised ids, style-level numbering), numbering
definitions (levels, formats, `isLgl`, `pStyle` links, start overrides), paragraphs with direct
numbering or formatting, runs with tabs, breaks, symbols and hyphens, tracked changes (including
paragraph marks and moves), simple and complex fields, hyperlinks, content controls, footnotes,
Word comments, bookmarks, pictures, tables (spans, vertical merges, nesting, tracked row
insertions and deletions) and sections
(A4, landscape, margins, headers/footers, line numbering). The output is deterministic: fixed
dates, no random ids, no rsids unless asked for, members in a fixed order
(`stdcomment.ooxml.write_package`).

Example::

    from stdcomment.docxwrite import DocxBuilder, Del, Ins, Level, P, Run, Section
    from stdcomment.docxwrite.presets import itu_t_styles

    doc = DocxBuilder(title="Draft new Recommendation ITU-T F.XYZ")
    itu_t_styles(doc)                                   # Normal, heading 1..9, Rec_No, Note, ...
    doc.p("6.2.1\\tTitle", style="Heading3")             # typed clause number
    doc.p(["It ", Del("shall"), Ins("is required to"), " log access."])
    steps = doc.numbering([Level("decimal", "%1."), Level("lowerLetter", "%2)")])
    doc.p("first step", num=(steps, 0))
    doc.table([["Metric", "Threshold"], ["accuracy", "0.9"]], widths=[4000, 2000],
              head_rows=1, head_style="Tablehead", cell_style="Tabletext")
    doc.section = Section(header="SG16-TD231/WP2")
    data = doc.to_bytes()                               # same input -> same bytes

Strings in content turn "\\t" into `w:tab` and "\\n" into `w:br`. Paragraph and run keyword
arguments are those of `P` and `Run`; see `blocks`, `inline`, `styles` and `props`.
"""

from .blocks import Block, Cell, LineNumbers, Margins, P, Sdt, Section, Table
from .inline import (
    DEFAULT_AUTHOR,
    DEFAULT_DATE,
    Bookmark,
    Br,
    Comment,
    ComplexField,
    Content,
    Cr,
    Del,
    Field,
    FldChar,
    FootnoteRef,
    Hyperlink,
    Image,
    Inline,
    Ins,
    InstrText,
    MoveFrom,
    MoveTo,
    NoBreakHyphen,
    Raw,
    Run,
    SdtRun,
    SoftHyphen,
    Sym,
    Tab,
    plain_text,
)
from .package import FIXED_DATE, DocxBuilder
from .props import Indent, Mark, RunFormat, Spacing, TabStop
from .styles import AbstractNum, DocDefaults, Level, Num, Style

__all__ = [
    "DEFAULT_AUTHOR",
    "DEFAULT_DATE",
    "FIXED_DATE",
    "AbstractNum",
    "Block",
    "Bookmark",
    "Br",
    "Cell",
    "Comment",
    "ComplexField",
    "Content",
    "Cr",
    "Del",
    "DocDefaults",
    "DocxBuilder",
    "Field",
    "FldChar",
    "FootnoteRef",
    "Hyperlink",
    "Image",
    "Indent",
    "Inline",
    "Ins",
    "InstrText",
    "Level",
    "LineNumbers",
    "Margins",
    "Mark",
    "MoveFrom",
    "MoveTo",
    "NoBreakHyphen",
    "Num",
    "P",
    "Raw",
    "Run",
    "RunFormat",
    "Sdt",
    "SdtRun",
    "Section",
    "SoftHyphen",
    "Spacing",
    "Style",
    "Sym",
    "Tab",
    "TabStop",
    "Table",
    "plain_text",
]
