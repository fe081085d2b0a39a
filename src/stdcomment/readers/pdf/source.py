"""Open a PDF safely and read each page's glyphs and ruled tables.

The only module that talks to pdfplumber (pdfminer.six underneath). Everything after it works
on plain `Glyph` and `TableGrid` values, so the layout passes are testable without a PDF.
Nothing here fetches anything: pdfminer never follows links, embedded files or remote fonts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ...errors import InputError, UnsupportedFormatError

MAX_PAGES = 5000  # IEEE 802.11 drafts run to a few thousand pages; more is not a draft
MAX_BYTES = 512 * 1024 * 1024
MAX_GLYPHS_PER_PAGE = 60_000  # a dense page has about 5 000

_SUBSET = re.compile(r"^[A-Z]{6}\+")
_BOLD = re.compile(r"bold|black|heavy|semibold|demi|ultra|extrab|[-,]bd\b|-b$", re.IGNORECASE)
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st"})
MISSING_EXTRA = "install stdcomment[pdf] to read PDF drafts (pip install 'stdcomment[pdf]')"


@dataclass(frozen=True, slots=True)
class Glyph:
    """One drawn character (or ligature), in page coordinates (points, y grows downwards)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    baseline: float
    size: float
    font: str  # base font name, subset prefix removed
    bold: bool


@dataclass(frozen=True, slots=True)
class TableGrid:
    """A ruled table the table finder saw: its box and each row's cell boxes (None = spanned)."""

    bbox: tuple[float, float, float, float]  # x0, top, x1, bottom
    rows: tuple[tuple[tuple[float, float, float, float] | None, ...], ...]


@dataclass(slots=True)
class PageContent:
    """What one page holds: glyphs in drawing order, ruled tables, and what was skipped."""

    number: int  # 1-based
    width: float
    height: float
    glyphs: list[Glyph]
    tables: list[TableGrid]
    images: int = 0
    unmapped: int = 0  # glyphs without a Unicode mapping ("(cid:12)"), dropped
    rotated: int = 0  # glyphs not upright (watermarks, margin notes), dropped
    overflow: bool = False  # more than MAX_GLYPHS_PER_PAGE glyphs: the page was skipped


def _import() -> Any:
    try:
        import pdfplumber
    except ImportError:
        return None
    return pdfplumber


def check_file(source: Path) -> None:
    """Raise an `InputError` unless `source` looks like a PDF we should try to open."""
    try:
        size = source.stat().st_size
        with source.open("rb") as handle:
            head = handle.read(1024)
    except OSError as exc:
        raise InputError(source, f"cannot read ({exc.strerror or exc})") from None
    if size == 0:
        raise InputError(source, "is empty (0 bytes)")
    if size > MAX_BYTES:
        raise InputError(source, f"is {size >> 20} MiB (more than {MAX_BYTES >> 20} MiB)")
    if b"%PDF-" not in head:
        if head.startswith(b"PK") or head.startswith(b"\xd0\xcf\x11\xe0"):
            raise UnsupportedFormatError(source, "is a Word file, not a PDF; give it a .docx name")
        raise UnsupportedFormatError(source, "is not a PDF file (no %PDF header)")


def _problem(exc: BaseException) -> str:
    """Say in a few words why pdfminer could not open a file."""
    inner = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc
    name = type(inner).__name__
    if name == "PDFPasswordIncorrect":
        return "is encrypted with a password; remove the password (or print it to PDF) first"
    if name in ("PDFEncryptionError", "PDFEncryptionWarning"):
        return f"uses an encryption stdcomment cannot read ({inner})"
    text = str(inner) or name
    if "EOF" in text or "xref" in text.lower() or "startxref" in text:
        return f"is truncated or damaged ({text})"
    return f"is not a readable PDF ({text})"


_FONTS: dict[object, tuple[str, bool]] = {}


def _font(name: object) -> tuple[str, bool]:
    """A font's name without its subset prefix, and whether it is bold (cached)."""
    found = _FONTS.get(name)
    if found is None:
        text = name.decode("latin-1") if isinstance(name, bytes) else str(name)
        text = _SUBSET.sub("", text)
        found = _FONTS[name] = (text, bool(_BOLD.search(text)))
    return found


def _glyph(char: Any, height: float, dx: float, dy: float) -> Glyph:
    """A glyph from a pdfminer `LTChar` (PDF space, y up) in page space (y down)."""
    font, bold = _font(char.fontname)
    top = height - char.y1 + dy
    bottom = height - char.y0 + dy
    # baseline from the text matrix: same units as y1, so the offset from top is exact
    baseline = top + (char.y1 - char.matrix[5])
    if not (top - 2 <= baseline <= bottom + 2):
        baseline = bottom
    return Glyph(
        text=char.get_text().translate(_LIGATURES).replace("\u00a0", " "),
        x0=char.x0 + dx,
        x1=char.x1 + dx,
        top=top,
        bottom=bottom,
        baseline=baseline,
        size=round(float(char.size or 0.0), 2),
        font=font,
        bold=bold,
    )


def _tables(page: Any) -> list[TableGrid]:
    """Ruled tables by pdfplumber's table finder (which reads the page's objects again)."""
    found: list[TableGrid] = []
    for table in page.find_tables():
        rows = tuple(tuple(row.cells) for row in table.rows)
        if len(rows) < 2 and all(len(r) < 2 for r in rows):
            continue  # a framed box, not a table
        found.append(TableGrid(tuple(float(v) for v in table.bbox), rows))  # type: ignore[arg-type]
    return found


class PdfFile:
    """An open PDF: its page count, its document title, and its pages one at a time."""

    def __init__(self, source: Path) -> None:
        check_file(source)
        pdfplumber = _import()
        if pdfplumber is None:
            raise UnsupportedFormatError(source, MISSING_EXTRA)
        self.source = source
        try:
            self._pdf = pdfplumber.open(source, laparams=None)
            self.page_count = len(self._pdf.pages)
        except Exception as exc:  # pdfminer raises many types; each is a bad file
            raise InputError(source, _problem(exc)) from None
        if self.page_count == 0:
            self.close()
            raise InputError(source, "has no pages")
        if self.page_count > MAX_PAGES:
            count = self.page_count
            self.close()
            raise InputError(source, f"has {count} pages (more than {MAX_PAGES}, the most read)")

    @property
    def title(self) -> str:
        """The document title from the PDF's Info dictionary ("" when none)."""
        try:
            value = self._pdf.metadata.get("Title", "")
        except Exception:
            return ""
        return value if isinstance(value, str) else ""

    def close(self) -> None:
        """Release the file."""
        self._pdf.close()

    def pages(self) -> Iterator[PageContent]:
        """Yield each page's content, releasing pdfplumber's caches as it goes."""
        for page in self._pdf.pages:
            try:
                yield self._page(page)
            except InputError:
                raise
            except Exception as exc:
                raise InputError(self.source, f"page {page.page_number}: {_problem(exc)}") from None
            finally:
                page.close()

    def _page(self, page: Any) -> PageContent:
        """Walk pdfminer's layout of `page` directly (pdfplumber's object dicts cost twice the
        time); only a page with ruling lines is handed to pdfplumber's table finder."""
        from pdfminer.layout import LTChar, LTContainer, LTCurve, LTImage

        height = float(page.height)
        content = PageContent(page.page_number, float(page.width), height, [], [])
        dx, dy = float(page.mediabox[0]), float(page.mediabox[1])
        rules: list[Any] = []
        chars: list[Any] = []
        stack = list(page.layout)
        while stack:
            item = stack.pop()
            if isinstance(item, LTChar):
                chars.append(item)
            elif isinstance(item, LTCurve):
                rules.append(item)
            elif isinstance(item, LTImage):
                content.images += 1
            elif isinstance(item, LTContainer):
                stack.extend(item)
        if len(chars) > MAX_GLYPHS_PER_PAGE:
            content.overflow = True
            return content
        for char in chars:
            if not char.upright:
                content.rotated += 1
            elif char.get_text().startswith("(cid:"):
                content.unmapped += 1
            else:
                glyph = _glyph(char, height, dx, dy)
                if glyph.x1 >= 0 and glyph.x0 <= content.width:
                    content.glyphs.append(glyph)
        if len(rules) >= 4:
            # the table finder needs only the ruling lines: hand it those, not every glyph
            # (pdfplumber uses `_objects` when set; were that to change, it reads them all)
            objects: dict[str, list[Any]] = {"line": [], "rect": [], "curve": []}
            for rule in rules:
                found = page.process_object(rule)
                objects.setdefault(found["object_type"], []).append(found)
            page._objects = objects
            content.tables = _tables(page)
        return content
