"""The flat block: what every reader produces and the structure pass nests into clauses.

A reader (docx, PDF) knows layout; the structure pass knows standards. The flat block is the
contract between them: one paragraph or table in document order, its text in the chosen view,
its style and outline level, the label Word's automatic numbering shows, and where it came from.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Annotation, Location, Revision, Table


@dataclass(slots=True)
class FlatBlock:
    """One paragraph or table of a draft, before clauses are built."""

    text: str  # in the chosen view; TABs and line breaks kept ("6.2.1\tTitle")
    location: Location
    style_id: str = ""
    style_name: str = ""  # as declared ("heading 1", "Annex_NoTitle", "IEEEStds Level 2 Header")
    style_chain: tuple[str, ...] = ()  # lower-cased names: the style, then its basedOn ancestors
    outline_level: int | None = None  # 0..8 from the paragraph or its style (9 = body text)
    auto_label: str = ""  # what Word's automatic numbering shows before the text ("6.2", "a)")
    auto_level: int | None = None  # the list level (ilvl) of that numbering
    auto_bullet: bool = False
    list_key: str = ""
    bold: bool = False  # every character bold (direct formatting or style)
    font_size: float | None = None  # points, where the reader knows it (PDF)
    revision: Revision | None = None
    table: Table | None = None
    footnotes: tuple[str, ...] = ()
    annotations: tuple[Annotation, ...] = ()

    @property
    def is_table(self) -> bool:
        """Whether this block is a table."""
        return self.table is not None
