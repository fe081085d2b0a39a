"""`DocxBuilder`: collect styles, lists and blocks, then write a deterministic .docx."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from stdcomment.ooxml import write_package

from .blocks import Block, Cell, P, Sdt, Section, Table
from .inline import Br, Content
from .props import Indent, ParaFormat, RunFormat, Spacing, TabStop
from .render import DOCUMENT, FIXED_RIDS, REL, Rel, Renderer
from .styles import (
    BASE_STYLES,
    FEATURE_STYLES,
    AbstractNum,
    DocDefaults,
    Level,
    Num,
    Style,
    font_table_xml,
    numbering_xml,
    styles_xml,
)
from .xmlutil import W_DECLS, XML_HEAD, el, esc, esc_attr

#: The created/modified date of every generated document.
FIXED_DATE = "2026-03-02T09:00:00Z"

CT = "application/vnd.openxmlformats-officedocument."
CONTENT_TYPES = {
    "word/document.xml": CT + "wordprocessingml.document.main+xml",
    "word/styles.xml": CT + "wordprocessingml.styles+xml",
    "word/settings.xml": CT + "wordprocessingml.settings+xml",
    "word/fontTable.xml": CT + "wordprocessingml.fontTable+xml",
    "word/numbering.xml": CT + "wordprocessingml.numbering+xml",
    "word/footnotes.xml": CT + "wordprocessingml.footnotes+xml",
    "word/comments.xml": CT + "wordprocessingml.comments+xml",
    "docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
    "docProps/app.xml": CT + "extended-properties+xml",
}
HEADER_CT = CT + "wordprocessingml.header+xml"
FOOTER_CT = CT + "wordprocessingml.footer+xml"


@dataclass
class DocxBuilder:
    """Builds one .docx. See the package docstring for an example."""

    title: str = ""
    creator: str = "stdcomment samples"
    subject: str = ""
    description: str = ""
    defaults: DocDefaults = field(default_factory=DocDefaults)
    track_revisions: bool = False
    default_tab_stop: int = 794
    section: Section = field(default_factory=Section)
    rsids: Sequence[str] = ()
    blocks: list[Block] = field(default_factory=list)
    styles: dict[str, Style] = field(default_factory=dict)
    abstracts: list[AbstractNum] = field(default_factory=list)
    nums: list[Num] = field(default_factory=list)

    # -- styles and numbering -------------------------------------------------------------

    def add_style(self, style: Style) -> Style:
        """Add (or replace, keeping its place) a style."""
        self.styles[style.id] = style
        return style

    def style(
        self,
        style_id: str,
        name: str | None = None,
        *,
        kind: str = "paragraph",
        based_on: str | None = None,
        next: str | None = None,
        outline_level: int | None = None,
        num_id: int | None = None,
        num_level: int | None = None,
        bold: bool | None = None,
        italic: bool | None = None,
        caps: bool | None = None,
        size: float | None = None,
        font: str | None = None,
        color: str | None = None,
        align: str | None = None,
        indent: Indent | None = None,
        spacing: Spacing | None = None,
        tabs: Sequence[TabStop] = (),
        keep_next: bool = False,
        keep_lines: bool = False,
        page_break_before: bool = False,
        suppress_line_numbers: bool = False,
        custom: bool | None = None,
        default: bool = False,
        q_format: bool = False,
        link: str | None = None,
    ) -> Style:
        """Define a style by id and name (the name defaults to the id)."""
        para = ParaFormat(
            keep_next=keep_next,
            keep_lines=keep_lines,
            page_break_before=page_break_before,
            num_id=num_id,
            num_level=num_level,
            suppress_line_numbers=suppress_line_numbers,
            tabs=tuple(tabs),
            spacing=spacing,
            indent=indent,
            align=align,
            outline_level=outline_level,
        )
        run = RunFormat(bold=bold, italic=italic, caps=caps, size=size, font=font, color=color)
        return self.add_style(
            Style(
                style_id,
                name or style_id,
                kind=kind,
                based_on=based_on,
                next=next,
                link=link,
                default=default,
                custom=custom,
                q_format=q_format,
                para=para,
                run=run,
            )
        )

    def abstract_num(
        self, levels: Sequence[Level], *, multi_level: str = "multilevel", name: str | None = None
    ) -> int:
        """Add a list definition; return its abstractNumId."""
        aid = len(self.abstracts)
        self.abstracts.append(AbstractNum(aid, tuple(levels), multi_level, name))
        return aid

    def num(
        self,
        abstract_id: int,
        *,
        starts: Mapping[int, int] | None = None,
        overrides: Mapping[int, Level] | None = None,
    ) -> int:
        """Add a list instance of `abstract_id`; return its numId (what paragraphs cite)."""
        nid = len(self.nums) + 1
        self.nums.append(Num(nid, abstract_id, dict(starts or {}), dict(overrides or {})))
        return nid

    def numbering(self, levels: Sequence[Level], **kwargs: str | None) -> int:
        """Add a list definition and one instance of it; return the numId."""
        return self.num(self.abstract_num(levels, **kwargs))  # type: ignore[arg-type]

    # -- content --------------------------------------------------------------------------

    def add(self, *blocks: Block) -> None:
        """Append blocks (paragraphs, tables, content controls) to the body."""
        self.blocks.extend(blocks)

    def p(self, content: Content = (), **kwargs: object) -> P:
        """Append a paragraph; keyword arguments are those of `P`."""
        para = P(content, **kwargs)  # type: ignore[arg-type]
        self.blocks.append(para)
        return para

    def table(self, rows: Sequence[Sequence[Cell | str | P]], **kwargs: object) -> Table:
        """Append a table; keyword arguments are those of `Table`."""
        table = Table(rows, **kwargs)  # type: ignore[arg-type]
        self.blocks.append(table)
        return table

    def sdt(self, blocks: Sequence[Block], *, tag: str = "", alias: str = "") -> Sdt:
        """Append a block-level content control around `blocks`."""
        control = Sdt(list(blocks), tag, alias)
        self.blocks.append(control)
        return control

    def page_break(self) -> P:
        """Append a paragraph holding a page break."""
        return self.p(Br("page"))

    def section_break(self, section: Section) -> P:
        """End the current section here with `section`'s properties (`w:pPr/w:sectPr`).

        The final section of the body is `self.section`.
        """
        return self.p(section=section)

    # -- output ---------------------------------------------------------------------------

    def parts(self) -> dict[str, bytes]:
        """Return every part of the package by name."""
        r = Renderer()
        body = "".join(r.block(b) for b in self.blocks) + r.section(self.section)
        parts: dict[str, bytes] = {
            DOCUMENT: (
                XML_HEAD + f"<w:document {W_DECLS}><w:body>{body}</w:body></w:document>"
            ).encode()
        }
        doc_rels = [
            Rel(FIXED_RIDS["styles"], REL + "styles", "styles.xml"),
            Rel(FIXED_RIDS["settings"], REL + "settings", "settings.xml"),
            Rel(FIXED_RIDS["fontTable"], REL + "fontTable", "fontTable.xml"),
        ]
        parts["word/styles.xml"] = styles_xml(self.defaults, self._styles(r.styles_used))
        parts["word/settings.xml"] = self._settings(bool(r.footnotes))
        fonts = [self.defaults.font, *(f for f in r.fonts if f != self.defaults.font)]
        parts["word/fontTable.xml"] = font_table_xml(fonts)
        if self.abstracts:
            parts["word/numbering.xml"] = numbering_xml(self.abstracts, self.nums)
            doc_rels.append(Rel(FIXED_RIDS["numbering"], REL + "numbering", "numbering.xml"))
        if r.footnotes:
            parts["word/footnotes.xml"] = _notes_xml(r.footnotes)
            doc_rels.append(Rel(FIXED_RIDS["footnotes"], REL + "footnotes", "footnotes.xml"))
        if r.comments:
            body = "".join(r.comments)
            parts["word/comments.xml"] = (
                XML_HEAD + f"<w:comments {W_DECLS}>{body}</w:comments>"
            ).encode()
            doc_rels.append(Rel(FIXED_RIDS["comments"], REL + "comments", "comments.xml"))
        parts.update(r.parts)
        parts.update(r.media)
        rels = dict(r.rels)
        rels[DOCUMENT] = doc_rels + rels.get(DOCUMENT, [])
        for part, part_rels in rels.items():
            folder, _, leaf = part.rpartition("/")
            parts[f"{folder}/_rels/{leaf}.rels"] = _rels_xml(part_rels)
        parts["docProps/core.xml"] = self._core()
        parts["docProps/app.xml"] = _app_xml()
        parts["_rels/.rels"] = _rels_xml(
            [
                Rel("rId1", REL + "officeDocument", DOCUMENT),
                Rel(
                    "rId2",
                    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
                    "core-properties",
                    "docProps/core.xml",
                ),
                Rel("rId3", REL + "extended-properties", "docProps/app.xml"),
            ]
        )
        parts["[Content_Types].xml"] = _content_types(parts)
        return parts

    def to_bytes(self) -> bytes:
        """Return the .docx bytes (same input, same bytes)."""
        return write_package(self.parts())

    def save(self, path: str | Path) -> int:
        """Write the .docx to `path`; return its size in bytes."""
        data = self.to_bytes()
        Path(path).write_bytes(data)
        return len(data)

    # -- parts ----------------------------------------------------------------------------

    def _styles(self, used: Iterable[str]) -> list[Style]:
        out = [s for s in BASE_STYLES if s.id not in self.styles]
        out += self.styles.values()
        for sid in used:
            if sid not in self.styles and sid in FEATURE_STYLES:
                out.append(FEATURE_STYLES[sid])
        return out

    def _settings(self, footnotes: bool) -> bytes:
        body = el("w:zoom", {"w:percent": 100})
        body += "<w:trackRevisions/>" if self.track_revisions else ""
        body += el("w:defaultTabStop", {"w:val": self.default_tab_stop})
        body += el("w:characterSpacingControl", {"w:val": "doNotCompress"})
        if footnotes:
            body += '<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'
        body += (
            "<w:compat>"
            + el(
                "w:compatSetting",
                {
                    "w:name": "compatibilityMode",
                    "w:uri": "http://schemas.microsoft.com/office/word",
                    "w:val": 15,
                },
            )
            + "</w:compat>"
        )
        if self.rsids:
            body += "<w:rsids>" + "".join(el("w:rsid", {"w:val": x}) for x in self.rsids)
            body += "</w:rsids>"
        return (XML_HEAD + f"<w:settings {W_DECLS}>{body}</w:settings>").encode()

    def _core(self) -> bytes:
        def tag(name: str, value: str) -> str:
            return f"<{name}>{esc(value)}</{name}>" if value else f"<{name}/>"

        body = (
            tag("dc:title", self.title)
            + tag("dc:subject", self.subject)
            + tag("dc:creator", self.creator)
            + tag("dc:description", self.description)
            + tag("cp:lastModifiedBy", self.creator)
            + "<cp:revision>1</cp:revision>"
            + f'<dcterms:created xsi:type="dcterms:W3CDTF">{FIXED_DATE}</dcterms:created>'
            + f'<dcterms:modified xsi:type="dcterms:W3CDTF">{FIXED_DATE}</dcterms:modified>'
        )
        return (
            XML_HEAD
            + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
            'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:dcmitype="http://purl.org/dc/dcmitype/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' + body + "</cp:coreProperties>"
        ).encode()


def _notes_xml(notes: list[str]) -> bytes:
    sep = (
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr>'
        '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
        "<w:r><w:separator/></w:r></w:p></w:footnote>"
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr>'
        '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
        "<w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
    )
    return (XML_HEAD + f"<w:footnotes {W_DECLS}>{sep}{''.join(notes)}</w:footnotes>").encode()


def _rels_xml(rels: Iterable[Rel]) -> bytes:
    body = "".join(
        el(
            "Relationship",
            {
                "Id": r.id,
                "Type": r.type,
                "Target": r.target,
                "TargetMode": "External" if r.external else None,
            },
        )
        for r in rels
    )
    return (
        XML_HEAD
        + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + body
        + "</Relationships>"
    ).encode()


def _app_xml() -> bytes:
    return (
        XML_HEAD + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/'
        '2006/docPropsVTypes"><Application>stdcomment</Application>'
        "<DocSecurity>0</DocSecurity></Properties>"
    ).encode()


def _content_types(parts: Mapping[str, bytes]) -> bytes:
    body = (
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
    )
    if any(name.endswith(".png") for name in parts):
        body += '<Default Extension="png" ContentType="image/png"/>'
    for name in sorted(parts):
        leaf = name.rpartition("/")[2]
        ctype = CONTENT_TYPES.get(name)
        if ctype is None and leaf.startswith("header"):
            ctype = HEADER_CT
        elif ctype is None and leaf.startswith("footer"):
            ctype = FOOTER_CT
        if ctype:
            body += f'<Override PartName="/{esc_attr(name)}" ContentType="{ctype}"/>'
    return (
        XML_HEAD
        + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        + body
        + "</Types>"
    ).encode()
