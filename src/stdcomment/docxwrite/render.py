"""Turn blocks and inline content into WordprocessingML, allocating every id in order.

One `Renderer` renders one document: revision, bookmark, comment, footnote, content-control
and picture ids are counters, and relationship ids are numbered per part in the order they are
met, so the same input always gives the same XML.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, fields, replace

from .blocks import Block, Cell, P, Sdt, Section, Table
from .inline import (
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
    RunChild,
    SdtRun,
    SoftHyphen,
    Sym,
    Tab,
    items,
)
from .props import Mark, RunFormat, ppr_body, rpr
from .xmlutil import W_DECLS, XML_HEAD, el, esc, val

REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
DOCUMENT = "word/document.xml"

#: Relationship ids of the fixed parts of word/document.xml.
FIXED_RIDS = {
    "styles": "rId1",
    "settings": "rId2",
    "fontTable": "rId3",
    "numbering": "rId4",
    "footnotes": "rId5",
    "comments": "rId6",
}


_PLAIN = RunFormat()

#: Cell border edges in the order `w:tcBorders` requires.
_CELL_EDGES = ("top", "left", "bottom", "right")


@dataclass(frozen=True, slots=True)
class Rel:
    """One relationship of a part."""

    id: str
    type: str
    target: str
    external: bool = False


@dataclass
class Renderer:
    """Holds the counters and collected side parts of one rendering."""

    rev_id: int = 0
    bookmark_id: int = 0
    comment_id: int = 0
    footnote_id: int = 0
    sdt_id: int = 0
    image_id: int = 0
    comments: list[str] = field(default_factory=list)
    footnotes: list[str] = field(default_factory=list)
    media: dict[str, bytes] = field(default_factory=dict)
    parts: dict[str, bytes] = field(default_factory=dict)  # headers and footers
    rels: dict[str, list[Rel]] = field(default_factory=dict)
    styles_used: dict[str, None] = field(default_factory=dict)
    fonts: dict[str, None] = field(default_factory=dict)
    part: str = DOCUMENT
    deleted: bool = False
    headers: int = 0
    footers: int = 0

    # -- ids and relationships ------------------------------------------------------------

    def _next_rev(self) -> int:
        self.rev_id += 1
        return self.rev_id

    def add_rel(self, kind: str, target: str, *, external: bool = False) -> str:
        rels = self.rels.setdefault(self.part, [])
        for rel in rels:
            if rel.type == REL + kind and rel.target == target:
                return rel.id
        start = 7 if self.part == DOCUMENT else 1
        rid = f"rId{start + len(rels)}"
        rels.append(Rel(rid, REL + kind, target, external))
        return rid

    def _use_style(self, style: str | None) -> None:
        if style:
            self.styles_used[style] = None

    # -- inline ---------------------------------------------------------------------------

    def content(self, content: Content, base: RunFormat = _PLAIN) -> str:
        return "".join(self.inline(item, base) for item in items(content))

    def inline(self, item: Inline, base: RunFormat) -> str:
        if isinstance(item, Run):
            return self.run(item, base)
        if isinstance(item, str | Tab | Br | Cr | Sym | SoftHyphen | NoBreakHyphen):
            return self.run(Run([item]), base)
        if isinstance(item, FldChar | InstrText | Image):
            return self.run(Run([item]), base)
        if isinstance(item, Ins):
            return self._revision("w:ins", item.content, item.author, item.date, base)
        if isinstance(item, Del):
            return self._revision("w:del", item.content, item.author, item.date, base, deleted=True)
        if isinstance(item, MoveFrom | MoveTo):
            return self._move(item, base)
        if isinstance(item, Field):
            inner = self.content(item.result, base)
            return el("w:fldSimple", {"w:instr": item.instr}, inner or "<w:r/>")
        if isinstance(item, ComplexField):
            return self._complex_field(item, base)
        if isinstance(item, Hyperlink):
            return self._hyperlink(item, base)
        if isinstance(item, FootnoteRef):
            return self._footnote(item)
        if isinstance(item, Comment):
            return self._comment(item, base)
        if isinstance(item, Bookmark):
            self.bookmark_id += 1
            bid = self.bookmark_id - 1
            start = el("w:bookmarkStart", {"w:id": bid, "w:name": item.name})
            return start + self.content(item.content, base) + el("w:bookmarkEnd", {"w:id": bid})
        if isinstance(item, SdtRun):
            return self._sdt(item.tag, item.alias, self.content(item.content, base))
        if isinstance(item, Raw):
            return item.xml
        raise TypeError(f"not inline content: {item!r}")

    def run(self, run: Run, base: RunFormat) -> str:
        fmt = _merge(run.format, base)
        if fmt.font:
            self.fonts[fmt.font] = None
        self._use_style(run.style)
        parts = [run.text] if isinstance(run.text, str) else list(run.text)
        body = "".join(self._run_child(child) for child in parts)
        attrs = dict(run.attrs)
        return el("w:r", attrs, rpr(fmt, style=run.style, extra=run.extra_rpr) + body) or "<w:r/>"

    def _run_child(self, child: RunChild) -> str:
        if isinstance(child, str):
            return self._text(child)
        if isinstance(child, Tab):
            return "<w:tab/>"
        if isinstance(child, Br):
            return el("w:br", {"w:type": child.kind})
        if isinstance(child, Cr):
            return "<w:cr/>"
        if isinstance(child, Sym):
            return el("w:sym", {"w:font": child.font, "w:char": child.char})
        if isinstance(child, SoftHyphen):
            return "<w:softHyphen/>"
        if isinstance(child, NoBreakHyphen):
            return "<w:noBreakHyphen/>"
        if isinstance(child, FldChar):
            if child.kind not in ("begin", "separate", "end"):
                raise ValueError(f"fldCharType must be begin, separate or end, not {child.kind!r}")
            return el("w:fldChar", {"w:fldCharType": child.kind, "w:dirty": _on(child.dirty)})
        if isinstance(child, InstrText):
            tag = "w:delInstrText" if self.deleted else "w:instrText"
            return f'<{tag} xml:space="preserve">{esc(child.text)}</{tag}>'
        if isinstance(child, Image):
            return self._image(child)
        raise TypeError(f"not a run child: {child!r}")

    def _text(self, text: str) -> str:
        tag = "w:delText" if self.deleted else "w:t"
        out: list[str] = []
        chunk: list[str] = []
        for ch in text:
            if ch in "\t\n":
                if chunk:
                    out.append(f'<{tag} xml:space="preserve">{esc("".join(chunk))}</{tag}>')
                    chunk = []
                out.append("<w:tab/>" if ch == "\t" else "<w:br/>")
            else:
                chunk.append(ch)
        if chunk:
            out.append(f'<{tag} xml:space="preserve">{esc("".join(chunk))}</{tag}>')
        return "".join(out)

    def _revision(
        self,
        tag: str,
        content: Content,
        author: str,
        date: str,
        base: RunFormat,
        *,
        deleted: bool = False,
    ) -> str:
        attrs: dict[str, str | int | None] = {
            "w:id": self._next_rev(),
            "w:author": author,
            "w:date": date,
        }
        was = self.deleted
        self.deleted = was or deleted
        inner = self.content(content, base)
        self.deleted = was
        return el(tag, attrs, inner or "<w:r/>")

    def _move(self, item: MoveFrom | MoveTo, base: RunFormat) -> str:
        away = isinstance(item, MoveFrom)
        name = "moveFrom" if away else "moveTo"
        range_id = self._next_rev()
        start = el(
            f"w:{name}RangeStart",
            {"w:id": range_id, "w:author": item.author, "w:date": item.date, "w:name": item.name},
        )
        body = self._revision(f"w:{name}", item.content, item.author, item.date, base, deleted=away)
        return start + body + el(f"w:{name}RangeEnd", {"w:id": range_id})

    def _complex_field(self, item: ComplexField, base: RunFormat) -> str:
        begin = self.run(Run([FldChar("begin", item.dirty)]), base)
        instr = self.run(Run([InstrText(f" {item.instr.strip()} ")]), base)
        sep = self.run(Run([FldChar("separate")]), base)
        end = self.run(Run([FldChar("end")]), base)
        return begin + instr + sep + self.content(item.result, base) + end

    def _hyperlink(self, item: Hyperlink, base: RunFormat) -> str:
        attrs: dict[str, str | int | None] = {}
        if item.url:
            attrs["r:id"] = self.add_rel("hyperlink", item.url, external=True)
        if item.anchor:
            attrs["w:anchor"] = item.anchor
        attrs["w:history"] = "1"
        styled = [
            Run([x], style=item.style) if isinstance(x, str) else x for x in items(item.content)
        ]
        return el("w:hyperlink", attrs, self.content(styled, base))

    def _footnote(self, item: FootnoteRef) -> str:
        self.footnote_id += 1
        fid = self.footnote_id
        self._use_style("FootnoteReference")
        self._use_style("FootnoteText")
        was_part, self.part = self.part, "word/footnotes.xml"
        ref = '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'
        paras = _as_paras(item.text, "FootnoteText")  # type: ignore[arg-type]
        first = paras[0]
        if not isinstance(first, P):
            raise TypeError("a footnote must start with a paragraph")
        body = self.paragraph(replace(first, content=[Raw(ref), " ", *items(first.content)]))
        body += "".join(self.block(p) for p in paras[1:])
        self.footnotes.append(el("w:footnote", {"w:id": fid}, body))
        self.part = was_part
        return (
            '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
            f'<w:footnoteReference w:id="{fid}"/></w:r>'
        )

    def _comment(self, item: Comment, base: RunFormat) -> str:
        cid = self.comment_id
        self.comment_id += 1
        self._use_style("CommentText")
        self._use_style("CommentReference")
        was_part, self.part = self.part, "word/comments.xml"
        ref = '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r>'
        body = "".join(
            self.paragraph(P([Raw(ref), line] if i == 0 else line, style="CommentText"))
            for i, line in enumerate(item.text.split("\n"))
        )
        self.part = was_part
        attrs: dict[str, str | int | None] = {"w:id": cid, "w:author": item.author}
        attrs.update({"w:date": item.date, "w:initials": item.initials})
        self.comments.append(el("w:comment", attrs, body))
        return (
            el("w:commentRangeStart", {"w:id": cid})
            + self.content(item.content, base)
            + el("w:commentRangeEnd", {"w:id": cid})
            + '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr>'
            + f'<w:commentReference w:id="{cid}"/></w:r>'
        )

    def _sdt(self, tag: str, alias: str, inner: str) -> str:
        self.sdt_id += 1
        pr = val("w:alias", alias or None) + val("w:tag", tag or None)
        pr += val("w:id", 100000 + self.sdt_id)
        return f"<w:sdt><w:sdtPr>{pr}</w:sdtPr><w:sdtContent>{inner}</w:sdtContent></w:sdt>"

    def _image(self, image: Image) -> str:
        self.image_id += 1
        n = self.image_id
        name = f"media/image{n}.png"
        self.media["word/" + name] = image.png
        rid = self.add_rel("image", name)
        cx, cy = image.width, image.height
        return (
            '<w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
            f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
            + el("wp:docPr", {"id": n, "name": image.name, "descr": image.description or None})
            + '<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/>'
            "</wp:cNvGraphicFramePr><a:graphic>"
            '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
            f'<pic:pic><pic:nvPicPr><pic:cNvPr id="{n}" name="image{n}.png"/><pic:cNvPicPr/>'
            f'</pic:nvPicPr><pic:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/>'
            '</a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/>'
            f'<a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/>'
            "</a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline>"
            "</w:drawing>"
        )

    # -- blocks ---------------------------------------------------------------------------

    def block(self, block: Block) -> str:
        if isinstance(block, P):
            return self.paragraph(block)
        if isinstance(block, Table):
            return self.table(block)
        if isinstance(block, Sdt):
            return self._sdt(block.tag, block.alias, "".join(self.block(b) for b in block.blocks))
        raise TypeError(f"not a block: {block!r}")

    def paragraph(self, p: P) -> str:
        self._use_style(p.style)
        marks = self._mark(p.mark) if p.mark else ""
        mark_rpr = rpr(p.run, marks=marks)
        sect = self.section(p.section) if p.section else ""
        ppr = ppr_body(p.format, style=p.style, rpr_xml=mark_rpr, sect_xml=sect)
        body = (f"<w:pPr>{ppr}</w:pPr>" if ppr else "") + self.content(p.content, p.run)
        return el("w:p", dict(p.attrs), body) or "<w:p/>"

    def _mark(self, mark: Mark) -> str:
        if mark.kind not in ("ins", "del", "moveFrom", "moveTo"):
            raise ValueError(
                f"paragraph-mark revision kind must be ins/del/moveFrom/moveTo: {mark}"
            )
        attrs: dict[str, str | int | None] = {"w:id": self._next_rev(), "w:author": mark.author}
        attrs["w:date"] = mark.date
        return el(f"w:{mark.kind}", attrs)

    def table(self, table: Table) -> str:
        self._use_style(table.style)
        ncols = max(sum(_cell(c).span for c in row) for row in table.rows) if table.rows else 1
        widths = list(table.widths) if table.widths else [table.width // ncols] * ncols
        if len(widths) != ncols:
            raise ValueError(f"table has {ncols} grid columns but {len(widths)} widths")
        pr = [val("w:tblStyle", table.style)]
        pr.append(el("w:tblW", {"w:w": sum(widths), "w:type": "dxa"}))
        pr.append(val("w:jc", table.align))
        if table.borders:
            edges = "".join(
                el(f"w:{e}", {"w:val": "single", "w:sz": 4, "w:space": 0, "w:color": "auto"})
                for e in ("top", "left", "bottom", "right", "insideH", "insideV")
            )
            pr.append(f"<w:tblBorders>{edges}</w:tblBorders>")
        if table.fixed:
            pr.append(el("w:tblLayout", {"w:type": "fixed"}))
        pr.append(el("w:tblLook", {"w:val": "04A0", "w:firstRow": 1, "w:lastRow": 0,
                                   "w:firstColumn": 1, "w:lastColumn": 0, "w:noHBand": 0,
                                   "w:noVBand": 1}))  # fmt: skip
        grid = "".join(el("w:gridCol", {"w:w": w}) for w in widths)
        rows = []
        for r, row in enumerate(table.rows):
            head = r < table.head_rows
            style = table.head_style if head else table.cell_style
            mark = table.row_marks[r] if r < len(table.row_marks) else None
            trpr = "<w:cantSplit/><w:tblHeader/>" if head else ""
            if mark is not None:
                if mark.kind not in ("ins", "del"):
                    raise ValueError(f"row revision kind must be ins or del: {mark}")
                trpr += self._mark(mark)
            trpr = f"<w:trPr>{trpr}</w:trPr>" if trpr else ""
            col = 0
            cells = []
            for raw in row:
                cell = _cell(raw)
                width = sum(widths[col : col + cell.span])
                cells.append(self._cell(cell, width, cell.style or style))
                col += cell.span
            rows.append(f"<w:tr>{trpr}{''.join(cells)}</w:tr>")
        return (
            f"<w:tbl><w:tblPr>{''.join(pr)}</w:tblPr><w:tblGrid>{grid}</w:tblGrid>"
            + "".join(rows)
            + "</w:tbl>"
        )

    def _cell(self, cell: Cell, width: int, style: str | None) -> str:
        pr = el("w:tcW", {"w:w": width, "w:type": "dxa"})
        pr += val("w:gridSpan", cell.span if cell.span > 1 else None)
        if cell.vmerge == "restart":
            pr += el("w:vMerge", {"w:val": "restart"})
        elif cell.vmerge == "continue":
            pr += "<w:vMerge/>"
        elif cell.vmerge is not None:
            raise ValueError(f"vmerge must be 'restart' or 'continue', not {cell.vmerge!r}")
        if cell.borders:
            unknown = set(cell.borders) - set(_CELL_EDGES)
            if unknown:
                raise ValueError(
                    f"unknown cell border edge(s) {sorted(unknown)}; use {_CELL_EDGES}"
                )
            edges = "".join(
                el(f"w:{e}", {"w:val": "single", "w:sz": 4, "w:space": 0, "w:color": "auto"})
                for e in _CELL_EDGES
                if e in cell.borders
            )
            pr += f"<w:tcBorders>{edges}</w:tcBorders>"
        if cell.shade:
            pr += el("w:shd", {"w:val": "clear", "w:color": "auto", "w:fill": cell.shade})
        pr += val("w:vAlign", cell.valign)
        raw = cell.content
        contents = [raw] if isinstance(raw, str | P | Table) else list(raw)
        blocks: list[Block] = [P(c, style=style) if isinstance(c, str) else c for c in contents]
        if not blocks or not isinstance(blocks[-1], P):
            blocks.append(P(style=style))
        return f"<w:tc><w:tcPr>{pr}</w:tcPr>{''.join(self.block(b) for b in blocks)}</w:tc>"

    # -- sections, headers and footers ----------------------------------------------------

    def section(self, s: Section) -> str:
        refs = []
        for kind, tag, content in (
            ("default", "header", s.header),
            ("first", "header", s.first_header),
            ("default", "footer", s.footer),
            ("first", "footer", s.first_footer),
        ):
            if content is not None:
                rid = self._header_footer(tag, content)
                refs.append(el(f"w:{tag}Reference", {"w:type": kind, "r:id": rid}))
        width, height = s.page_width, s.page_height
        if s.landscape:
            width, height = max(width, height), min(width, height)
        m = s.margins
        body = "".join(refs) + val("w:type", s.break_type)
        body += el("w:pgSz", {"w:w": width, "w:h": height,
                              "w:orient": "landscape" if s.landscape else None})  # fmt: skip
        body += el("w:pgMar", {"w:top": m.top, "w:right": m.right, "w:bottom": m.bottom,
                               "w:left": m.left, "w:header": m.header, "w:footer": m.footer,
                               "w:gutter": m.gutter})  # fmt: skip
        if s.line_numbers:
            ln = s.line_numbers
            attrs = {"w:countBy": ln.count_by, "w:start": ln.start, "w:distance": ln.distance}
            body += el("w:lnNumType", {**attrs, "w:restart": ln.restart})
        if s.page_start is not None:
            body += el("w:pgNumType", {"w:start": s.page_start})
        body += el("w:cols", {"w:space": s.columns_space})
        if s.first_header is not None or s.first_footer is not None:
            body += "<w:titlePg/>"
        body += el("w:docGrid", {"w:linePitch": 360})
        return f"<w:sectPr>{body}</w:sectPr>"

    def _header_footer(self, tag: str, content: str | P | Sequence[str | P | Table]) -> str:
        if tag == "header":
            self.headers += 1
            name = f"header{self.headers}.xml"
        else:
            self.footers += 1
            name = f"footer{self.footers}.xml"
        style = "Header" if tag == "header" else "Footer"
        blocks = _as_paras(content, style)
        was_part, self.part = self.part, "word/" + name
        body = "".join(self.block(b) for b in blocks) or "<w:p/>"
        self.part = was_part
        root = "w:hdr" if tag == "header" else "w:ftr"
        self.parts["word/" + name] = (XML_HEAD + f"<{root} {W_DECLS}>{body}</{root}>").encode()
        return self.add_rel(tag, name)


def _on(flag: bool) -> str | None:
    return "true" if flag else None


def _cell(raw: Cell | str | P) -> Cell:
    return raw if isinstance(raw, Cell) else Cell(raw)


def _merge(own: RunFormat, base: RunFormat) -> RunFormat:
    if base.is_empty():
        return own
    merged = {
        f.name: getattr(own, f.name) if getattr(own, f.name) is not None else getattr(base, f.name)
        for f in fields(RunFormat)
    }
    return RunFormat(**merged)


def _as_paras(content: str | P | Sequence[str | P | Table], style: str) -> list[P | Table]:
    """Header, footer and note bodies: a string, a paragraph, or a sequence of them."""
    if isinstance(content, str | P):
        content = [content]
    out = [P(c, style=style) if isinstance(c, str) else c for c in content]
    return out or [P(style=style)]
