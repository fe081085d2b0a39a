"""OOXML `w:body` -> flat blocks (the first stage of the docx reader).

Supported constructs:
  [x] paragraphs, with style, outline level, automatic number label (numbering.py)
  [x] tracked changes: w:ins, w:del, w:moveFrom, w:moveTo, inserted/deleted paragraph marks,
      inserted/deleted table rows; a view ("current" = all accepted, "original" = all
      rejected) and, per block, both texts with authors
  [x] tables (grid with gridSpan/vMerge, nested tables in cells)
  [x] fields (w:fldSimple and complex fields: the result text, never the instruction)
  [x] hyperlinks, content controls (w:sdt), smart tags, custom XML, bookmarks
  [x] tabs, breaks, symbols, soft and non-breaking hyphens
  [x] footnotes and endnotes (attached to the block that cites them)
  [x] Word comments (attached as annotations with their anchored text)
  [x] tables of contents (toc N styles, ToC content controls) are skipped
  [-] text boxes and shapes are skipped (their text is not part of the clause flow)
  [-] embedded objects, altChunk and subDoc are skipped with a warning
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from lxml import etree

from ...flat import FlatBlock
from ...model import Annotation, Cell, Location, Revision, Table
from ...ooxml import MC_NS, w
from .numbering import Numbering
from .package import Package
from .styles import ResolvedStyle, StyleSheet

_VAL = w("val")
P, TBL, TR, TC, R, T = w("p"), w("tbl"), w("tr"), w("tc"), w("r"), w("t")
DEL_TEXT, TAB, BR, CR, SYM = w("delText"), w("tab"), w("br"), w("cr"), w("sym")
INS, DEL, MOVE_FROM, MOVE_TO = w("ins"), w("del"), w("moveFrom"), w("moveTo")
SDT, SDT_CONTENT, SDT_PR = w("sdt"), w("sdtContent"), w("sdtPr")
PPR, RPR = w("pPr"), w("rPr")
PSTYLE, NUMPR, OUTLINE = w("pStyle"), w("numPr"), w("outlineLvl")
FOOTNOTE_REF, ENDNOTE_REF = w("footnoteReference"), w("endnoteReference")
COMMENT_REF, COMMENT_START, COMMENT_END = (
    w("commentReference"),
    w("commentRangeStart"),
    w("commentRangeEnd"),
)
TXBX = w("txbxContent")
NO_BREAK_HYPHEN, SOFT_HYPHEN, PTAB = w("noBreakHyphen"), w("softHyphen"), w("ptab")
MC_ALT = f"{{{MC_NS}}}AlternateContent"
BODY = w("body")
#: what the body reader is told of as it is parsed: the body and what may stand in it
_BODY_TAGS: tuple[str, ...] = (
    BODY,
    P,
    TBL,
    SDT,
    w("customXml"),
    w("smartTag"),
    INS,
    DEL,
    MOVE_FROM,
    MOVE_TO,
)
_BODY_TAGS += (w("altChunk"), w("subDoc"))

_AUTHOR, _ID = w("author"), w("id")
_INSERTED = frozenset({INS, MOVE_TO})
_DELETED = frozenset({DEL, MOVE_FROM})
_TEXT_TAGS: tuple[str, ...] = (
    T,
    DEL_TEXT,
    TAB,
    BR,
    CR,
    SYM,
    NO_BREAK_HYPHEN,
    PTAB,
    FOOTNOTE_REF,
    ENDNOTE_REF,
)
_TEXT_TAGS += (COMMENT_START, COMMENT_END, COMMENT_REF)
_INVISIBLE = re.compile("[\u200b\u200e\u200f\u202a-\u202e\u2060\ufeff\u00ad]")
_TOC_STYLE = re.compile(r"^(toc \d|toc|toc heading|table of figures|tableofcontents|contents)$")

# Symbol-font characters seen in standards (Symbol private-use area -> Unicode)
_SYMBOLS = {
    0xF0B7: "•",
    0xF0A7: "▪",
    0xF0D8: "➢",
    0xF0AE: "→",
    0xF0AC: "←",
    0xF0B3: "≥",
    0xF0A3: "≤",
    0xF0B1: "±",
    0xF0B4: "×",
    0xF0B8: "÷",
    0xF0B9: "≠",
    0xF0BB: "≈",
    0xF0A5: "∞",
    0xF0D7: "⋅",
    0xF06D: "μ",
    0xF061: "α",
    0xF062: "β",
    0xF067: "γ",
    0xF064: "δ",
    0xF06C: "λ",
    0xF073: "σ",
    0xF070: "π",
    0xF057: "Ω",
    0xF0E6: "(",
    0xF0F6: ")",
}


@dataclass
class ParagraphText:
    """Both views of a paragraph's text and what it refers to."""

    current: str = ""
    original: str = ""
    inserted: int = 0
    deleted: int = 0
    moved: bool = False
    authors: list[str] = field(default_factory=list)
    footnotes: list[str] = field(default_factory=list)  # "f:<id>" / "e:<id>"
    comments: dict[str, list[str]] = field(default_factory=dict)  # id -> anchored text pieces

    @property
    def revised(self) -> bool:
        """Whether the paragraph holds text revisions."""
        return (self.inserted + self.deleted) > 0 and self.current != self.original


@dataclass
class DocxContent:
    """The first stage's output: flat blocks plus what metadata detection needs."""

    blocks: list[FlatBlock]
    headers: list[str]
    style_names: set[str]
    warnings: list[str]
    footnotes: dict[str, str]
    comments: dict[str, Annotation]


def _visible(text: str) -> str:
    """Drop invisible marks (LRM, zero-width spaces, soft hyphens) from `text`."""
    return text if text.isascii() else _INVISIBLE.sub("", text)


def _symbol(element: etree._Element) -> str:
    code = element.get(w("char")) or ""
    try:
        value = int(code, 16)
    except ValueError:
        return ""
    if value in _SYMBOLS:
        return _SYMBOLS[value]
    if 0xF020 <= value <= 0xF0FF:
        return chr(value - 0xF000)
    return chr(value)


def _run_bold(run: etree._Element, styles: StyleSheet, paragraph_bold: bool) -> bool:
    rpr = run.find(RPR)
    if rpr is not None:
        b = rpr.find(w("b"))
        if b is not None:
            return b.get(_VAL) not in ("0", "false", "off")
        rstyle = rpr.find(w("rStyle"))
        if rstyle is not None and styles.char_bold(rstyle.get(_VAL) or ""):
            return True
    return paragraph_bold


_SIMPLE_TAGS = (T, TAB, BR, CR, SYM, NO_BREAK_HYPHEN, PTAB)
_COMPLEX_TAGS: tuple[str, ...] = (INS, DEL, MOVE_FROM, MOVE_TO, TXBX, MC_ALT, DEL_TEXT)
_COMPLEX_TAGS += (COMMENT_START, COMMENT_REF, FOOTNOTE_REF, ENDNOTE_REF)


def _simple_text(p: etree._Element) -> str:
    pieces: list[str] = []
    append = pieces.append
    for element in p.iter(*_SIMPLE_TAGS):
        tag = element.tag
        if tag == T:
            append(element.text or "")
        elif tag in (TAB, PTAB):
            parent = element.getparent()
            if parent is not None and parent.tag == R:  # not a tab stop definition
                append("\t")
        elif tag in (BR, CR):
            append("\n")
        elif tag == SYM:
            append(_symbol(element))
        else:
            append("-")
    return _visible("".join(pieces))


def paragraph_text(p: etree._Element) -> ParagraphText:
    """Return both views of the text of paragraph `p` (tracked changes resolved both ways)."""
    if next(p.iter(*_COMPLEX_TAGS), None) is None:
        text = _simple_text(p)
        return ParagraphText(current=text, original=text)
    out = ParagraphText()
    current: list[str] = []
    original: list[str] = []
    open_comments: list[str] = []
    authors = out.authors
    for element in p.iter(*_TEXT_TAGS):
        tag = element.tag
        inserted = deleted = False
        skip = False
        node = element.getparent()
        run = node
        while node is not None and node is not p:
            ntag = node.tag
            if ntag in _INSERTED or ntag in _DELETED:
                if ntag in _INSERTED:
                    inserted = True
                else:
                    deleted = True
                author = node.get(_AUTHOR)
                if author and author not in authors:
                    authors.append(author)
                if ntag in (MOVE_FROM, MOVE_TO):
                    out.moved = True
            elif ntag in (TXBX, MC_ALT, PPR):
                skip = True
                break
            node = node.getparent()
        if skip:
            continue
        if tag in (T, DEL_TEXT):
            piece = element.text or ""
        elif tag in (TAB, PTAB):
            if run is None or run.tag != R:
                continue  # a tab stop definition, not a tab character
            piece = "\t"
        elif tag in (BR, CR):
            piece = "\n"
        elif tag == SYM:
            piece = _symbol(element)
        elif tag == NO_BREAK_HYPHEN:
            piece = "-"
        elif tag in (FOOTNOTE_REF, ENDNOTE_REF):
            prefix = "f:" if tag == FOOTNOTE_REF else "e:"
            out.footnotes.append(prefix + (element.get(_ID) or ""))
            continue
        elif tag == COMMENT_START:
            cid = element.get(_ID) or ""
            open_comments.append(cid)
            out.comments.setdefault(cid, [])
            continue
        elif tag == COMMENT_END:
            cid = element.get(_ID) or ""
            if cid in open_comments:
                open_comments.remove(cid)
            continue
        elif tag == COMMENT_REF:
            out.comments.setdefault(element.get(_ID) or "", [])
            continue
        else:
            continue
        if inserted and not deleted:
            out.inserted += 1
            current.append(piece)
        elif deleted:
            out.deleted += 1
            original.append(piece)
        else:
            current.append(piece)
            original.append(piece)
        if not deleted:
            for cid in open_comments:
                out.comments[cid].append(piece)
    out.current = _visible("".join(current))
    out.original = _visible("".join(original))
    return out


def paragraph_bold(p: etree._Element, styles: StyleSheet, style_bold: bool) -> bool:
    """Whether every visible character of paragraph `p` is bold."""
    seen = False
    for run in p.iter(R):
        text = "".join(t.text or "" for t in run.iter(T))
        if not text.strip():
            continue
        seen = True
        if not _run_bold(run, styles, style_bold):
            return False
    return seen


@dataclass(slots=True)
class ParagraphProps:
    """What `w:pPr` says of a paragraph, read in one pass."""

    style_id: str | None = None
    numpr: etree._Element | None = None
    outline: int | None = None
    inserted_mark: bool = False  # the paragraph mark is a tracked insertion
    deleted_mark: bool = False


def paragraph_props(p: etree._Element) -> ParagraphProps:
    """Return the paragraph properties of `p` that the reader needs."""
    props = ParagraphProps()
    if not len(p):
        return props
    ppr = p[0]
    if ppr.tag != PPR:
        return props
    for child in ppr:
        tag = child.tag
        if tag == PSTYLE:
            props.style_id = child.get(_VAL)
        elif tag == NUMPR:
            props.numpr = child
        elif tag == OUTLINE:
            value = child.get(_VAL) or ""
            if value.isdigit() and int(value) < 9:
                props.outline = int(value)
            else:
                props.outline = -1  # explicitly body text
        elif tag == RPR:
            for mark in child:
                if mark.tag in _INSERTED:
                    props.inserted_mark = True
                elif mark.tag in _DELETED:
                    props.deleted_mark = True
    return props


class BodyReader:
    """Walk `w:body` in document order and produce flat blocks for one view."""

    def __init__(self, package: Package, view: str) -> None:
        self.package = package
        self.view = view
        self.styles = StyleSheet(package.xml(self._part("styles")))
        self.numbering = Numbering(package.xml(self._part("numbering")), self.styles)
        self.warnings: list[str] = []
        self.footnotes = self._notes("footnotes", "f:")
        self.footnotes.update(self._notes("endnotes", "e:"))
        self.comments = self._comments()
        self.blocks: list[FlatBlock] = []
        self._index = 0
        self._table_count = 0
        self._skipped: set[str] = set()
        self._pending: ParagraphText | None = None  # a paragraph joined to the next one
        self._body_seen = False

    def _part(self, kind: str) -> str:
        found = self.package.related(self.package.main_part, kind)
        return found[0] if found else f"word/{kind}.xml"

    def _notes(self, kind: str, prefix: str) -> dict[str, str]:
        root = self.package.xml(self._part(kind))
        notes: dict[str, str] = {}
        if root is None:
            return notes
        tag = w(kind[:-1])  # footnote / endnote
        for note in root.iter(tag):
            if note.get(w("type")) in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            texts = [self._plain(p) for p in note.iter(P)]
            notes[prefix + (note.get(w("id")) or "")] = " ".join(t for t in texts if t).strip()
        return notes

    def _comments(self) -> dict[str, Annotation]:
        root = self.package.xml(self._part("comments"))
        found: dict[str, Annotation] = {}
        if root is None:
            return found
        for comment in root.iter(w("comment")):
            texts = [self._plain(p) for p in comment.iter(P)]
            found[comment.get(w("id")) or ""] = Annotation(
                author=comment.get(w("author")) or "",
                date=comment.get(w("date")) or "",
                text="\n".join(t for t in texts if t).strip(),
            )
        return found

    def _plain(self, p: etree._Element) -> str:
        text = paragraph_text(p)
        return (text.current if self.view == "current" else text.original).strip()

    def header_texts(self) -> list[str]:
        """Return the text of every header and footer part (for metadata)."""
        texts: list[str] = []
        for kind in ("header", "footer"):
            for name in sorted(self.package.related(self.package.main_part, kind)):
                root = self.package.xml(name)
                if root is None:
                    continue
                lines = [self._plain(p) for p in root.iter(P)]
                texts.extend(line for line in lines if line)
        return texts

    # -- body ------------------------------------------------------------------------------

    def read(self) -> list[FlatBlock]:
        """Return the flat blocks of the main document part.

        The part is read as it is parsed, one top-level paragraph or table at a time, each
        cleared once read: the whole tree of a large draft is never in memory.
        """
        self._container(self._body_children())
        if not self._body_seen:
            self.warnings.append("the document has no w:body")
            return []
        return self.blocks

    def _body_children(self) -> Iterator[etree._Element]:
        """Yield the block-level children of the main part's `w:body` (see `_children`)."""
        body: etree._Element | None = None
        for element in self.package.elements(self.package.main_part, _BODY_TAGS):
            parent = element.getparent()
            if element.tag == BODY:
                if body is None and parent is not None and parent.getparent() is None:
                    self._body_seen = True
                    body = element
                continue
            if parent is None or parent.tag != BODY:
                continue
            if body is None:
                root = parent.getparent()
                if root is None or root.getparent() is not None:
                    continue
                body = parent
                self._body_seen = True
            elif parent is not body:
                continue  # a second w:body: Word reads the first
            yield from self._expand(element)
            if self._pending is None:  # a paragraph waiting to be joined is still read
                element.clear()
            while element.getprevious() is not None:
                del body[0]

    def _container(self, children: Iterable[etree._Element]) -> None:
        self._pending = None
        pending_p: etree._Element | None = None
        for child in children:
            tag = child.tag
            if tag == P:
                props = paragraph_props(child)
                text = paragraph_text(child)
                if self._pending is not None:
                    text = _merge(self._pending, text, self.view)
                    self._pending = None
                joins_next = (self.view == "current" and props.deleted_mark) or (
                    self.view == "original" and props.inserted_mark
                )
                if joins_next:
                    self._pending, pending_p = text, child
                    self._index += 1
                    continue
                self._emit_paragraph(child, text, self._index, props)
                self._index += 1
            elif tag == TBL:
                if self._pending is not None and pending_p is not None:
                    self._emit_paragraph(
                        pending_p, self._pending, self._index - 1, paragraph_props(pending_p)
                    )
                    self._pending = None
                self._emit_table(child, self._index)
                self._index += 1
            elif tag in (w("altChunk"), w("subDoc")):
                self._warn_once(tag, "embedded documents (altChunk/subDoc) are not read")
        if self._pending is not None and pending_p is not None:
            self._emit_paragraph(
                pending_p, self._pending, self._index - 1, paragraph_props(pending_p)
            )
        self._pending = None

    def _children(self, container: etree._Element) -> list[etree._Element]:
        """Return block-level children, looking through content controls and custom XML."""
        out: list[etree._Element] = []
        for child in container:
            out.extend(self._expand(child))
        return out

    def _expand(self, child: etree._Element) -> list[etree._Element]:
        """Return the block-level elements `child` stands for (itself, or what it wraps)."""
        tag = child.tag
        if tag in (P, TBL):
            return [child]
        if tag == SDT:
            if _is_toc_sdt(child):
                return []
            content = child.find(SDT_CONTENT)
            return self._children(content) if content is not None else []
        if tag in (w("customXml"), w("smartTag")):
            return self._children(child)
        if tag in (INS, DEL, MOVE_FROM, MOVE_TO):  # rare: block-level revision wrappers
            if (tag in _DELETED and self.view == "current") or (
                tag in _INSERTED and self.view == "original"
            ):
                return []
            return self._children(child)
        if tag in (w("altChunk"), w("subDoc")):
            return [child]
        return []

    def _number(
        self, numpr: etree._Element | None, style: ResolvedStyle
    ) -> tuple[str, int | None, bool, str]:
        num_id = style.num_id
        ilvl: int | None = style.ilvl
        if numpr is not None:
            nid = numpr.find(w("numId"))
            lvl = numpr.find(w("ilvl"))
            if nid is not None:
                num_id = nid.get(_VAL)
                ilvl = None
            if lvl is not None and (lvl.get(_VAL) or "").isdigit():
                ilvl = int(lvl.get(_VAL) or "0")
        if not num_id or num_id == "0" or not self.numbering:
            return "", None, False, ""
        if ilvl is None:
            ilvl = self.numbering.style_level(num_id, style.style_id)
        label = self.numbering.next_label(num_id, ilvl)
        if label is None:
            return "", None, False, ""
        return label.text, label.level, label.bullet, label.list_key

    def _emit_paragraph(
        self, p: etree._Element, text: ParagraphText, index: int, props: ParagraphProps
    ) -> None:
        style = self.styles.resolve(props.style_id)
        if _TOC_STYLE.match(style.chain[0]):
            return
        view_text = text.current if self.view == "current" else text.original
        label, level, bullet, list_key = self._number(props.numpr, style)
        outline = style.outline_level
        if props.outline is not None:
            outline = props.outline if props.outline >= 0 else None
        self.blocks.append(
            FlatBlock(
                text=view_text,
                location=Location(index),
                style_id=style.style_id,
                style_name=style.name,
                style_chain=style.chain,
                outline_level=outline,
                auto_label=label,
                auto_level=level,
                auto_bullet=bullet,
                list_key=list_key,
                bold=self._bold(p, view_text, style),
                font_size=style.size,
                revision=_revision(text),
                footnotes=tuple(self.footnotes.get(ref, "") for ref in text.footnotes)
                if text.footnotes
                else (),
                annotations=self._annotations(text) if text.comments else (),
            )
        )

    def _bold(self, p: etree._Element, text: str, style: ResolvedStyle) -> bool:
        """Whether the paragraph is all bold (only asked of heading-like short paragraphs)."""
        head = text.lstrip()[:12]
        if len(text) > 300 or not head:
            return False
        if not (head[0].isdigit() or head.startswith(("Annex", "Appendix", "Bibliograph"))):
            return False
        return paragraph_bold(p, self.styles, style.bold)

    def _annotations(self, text: ParagraphText) -> tuple[Annotation, ...]:
        found = []
        for cid, pieces in text.comments.items():
            comment = self.comments.get(cid)
            if comment is not None:
                anchor = "".join(pieces).strip()
                found.append(Annotation(comment.author, comment.date, comment.text, anchor))
        return tuple(found)

    def _emit_table(self, tbl: etree._Element, index: int) -> None:
        table_number = self._table_count
        table, current, original, revised, authors = self._table(tbl)
        revision = (
            Revision(original=original, current=current, authors=tuple(authors))
            if revised and current != original
            else None
        )
        self.blocks.append(
            FlatBlock(
                text=current if self.view == "current" else original,
                location=Location(index, table=table_number),
                style_name="table",
                style_chain=("table",),
                table=table,
                revision=revision,
            )
        )

    def _table(self, tbl: etree._Element) -> tuple[Table, str, str, bool, list[str]]:
        self._table_count += 1
        rows: list[tuple[Cell, ...]] = []
        current_rows: list[str] = []
        original_rows: list[str] = []
        revised = False
        authors: list[str] = []
        for tr in tbl.iter(TR):
            if _ancestor_table(tr) is not tbl:
                continue
            trpr = tr.find(w("trPr"))
            row_ins = trpr is not None and trpr.find(INS) is not None
            row_del = trpr is not None and trpr.find(DEL) is not None
            if row_ins or row_del:
                revised = True
            cells: list[Cell] = []
            cur_cells: list[str] = []
            orig_cells: list[str] = []
            for tc in tr:
                if tc.tag == SDT:
                    content = tc.find(SDT_CONTENT)
                    tcs = [c for c in content if c.tag == TC] if content is not None else []
                elif tc.tag == TC:
                    tcs = [tc]
                else:
                    continue
                for cell in tcs:
                    built, cur, orig, cell_revised, cell_authors = self._cell(cell)
                    revised = revised or cell_revised
                    authors.extend(a for a in cell_authors if a not in authors)
                    cells.append(built)
                    cur_cells.append(cur)
                    orig_cells.append(orig)
            in_current = not row_del
            in_original = not row_ins
            if (self.view == "current" and in_current) or (self.view == "original" and in_original):
                rows.append(tuple(cells))
            if in_current:
                current_rows.append(" | ".join(cur_cells))
            if in_original:
                original_rows.append(" | ".join(orig_cells))
        return (
            Table(tuple(rows)),
            "\n".join(current_rows),
            "\n".join(original_rows),
            revised,
            authors,
        )

    def _cell(self, tc: etree._Element) -> tuple[Cell, str, str, bool, list[str]]:
        tcpr = tc.find(w("tcPr"))
        span = 1
        merged = False
        if tcpr is not None:
            grid = tcpr.find(w("gridSpan"))
            if grid is not None and (grid.get(_VAL) or "").isdigit():
                span = int(grid.get(_VAL) or "1")
            vmerge = tcpr.find(w("vMerge"))
            merged = vmerge is not None and vmerge.get(_VAL) in (None, "continue")
        current: list[str] = []
        original: list[str] = []
        nested: list[Table] = []
        revised = False
        authors: list[str] = []
        for child in self._children(tc):
            if child.tag == P:
                props = paragraph_props(child)
                # keeps Word's list counters in document order
                self._number(props.numpr, self.styles.resolve(props.style_id))
                text = paragraph_text(child)
                ins_mark, del_mark = props.inserted_mark, props.deleted_mark
                if text.revised or ins_mark or del_mark:
                    revised = True
                    authors.extend(a for a in text.authors if a not in authors)
                if not ins_mark or text.original:
                    original.append(text.original)
                if not del_mark or text.current:
                    current.append(text.current)
            elif child.tag == TBL:
                table, cur, orig, nested_revised, nested_authors = self._table(child)
                nested.append(table)
                current.append(cur)
                original.append(orig)
                revised = revised or nested_revised
                authors.extend(a for a in nested_authors if a not in authors)
        cur_text = "\n".join(t for t in current if t.strip()).strip()
        orig_text = "\n".join(t for t in original if t.strip()).strip()
        view_text = cur_text if self.view == "current" else orig_text
        return (
            Cell(view_text, grid_span=span, merged_above=merged, tables=tuple(nested)),
            cur_text,
            orig_text,
            revised,
            authors,
        )

    def _warn_once(self, key: str, message: str) -> None:
        if key not in self._skipped:
            self._skipped.add(key)
            self.warnings.append(message)


def _merge(first: ParagraphText, second: ParagraphText, view: str) -> ParagraphText:
    """Join a paragraph whose mark does not exist in `view` to the next one.

    In the view read they are one paragraph; in the other view they are two, so the other
    view's text keeps a line break between them.
    """
    current_gap = "\n" if view == "original" and first.current else ""
    original_gap = "\n" if view == "current" and first.original else ""
    merged = ParagraphText(
        current=first.current + current_gap + second.current,
        original=first.original + original_gap + second.original,
        inserted=first.inserted + second.inserted + 1,
        deleted=first.deleted + second.deleted,
        moved=first.moved or second.moved,
        authors=first.authors + [a for a in second.authors if a not in first.authors],
        footnotes=first.footnotes + second.footnotes,
        comments={**first.comments, **second.comments},
    )
    return merged


def _revision(text: ParagraphText) -> Revision | None:
    if not text.revised:
        return None
    return Revision(
        original=text.original,
        current=text.current,
        authors=tuple(text.authors),
        inserted=text.inserted,
        deleted=text.deleted,
        moved=text.moved,
    )


def _ancestor_table(element: etree._Element) -> etree._Element | None:
    node = element.getparent()
    while node is not None and node.tag != TBL:
        node = node.getparent()
    return node


def _is_toc_sdt(sdt: etree._Element) -> bool:
    props = sdt.find(SDT_PR)
    if props is None:
        return False
    gallery = props.find(f"{w('docPartObj')}/{w('docPartGallery')}")
    return gallery is not None and (gallery.get(_VAL) or "").lower().startswith("table of contents")


def read_body(package: Package, view: str) -> DocxContent:
    """Return the flat blocks of `package` in `view` ("current" or "original")."""
    reader = BodyReader(package, view)
    blocks = reader.read()
    return DocxContent(
        blocks=blocks,
        headers=reader.header_texts(),
        style_names=reader.styles.names(),
        warnings=reader.warnings,
        footnotes=reader.footnotes,
        comments=reader.comments,
    )
