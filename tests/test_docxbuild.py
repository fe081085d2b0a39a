"""Tests of src/stdcomment/docxwrite (the .docx builder) and of the generated sample drafts."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path, PurePosixPath

import pytest
from lxml import etree

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tools.figure import flow_diagram  # noqa: E402

from stdcomment.docxwrite import (  # noqa: E402
    Bookmark,
    Br,
    Cell,
    Comment,
    ComplexField,
    Cr,
    Del,
    DocxBuilder,
    Field,
    FootnoteRef,
    Hyperlink,
    Image,
    Indent,
    Ins,
    Level,
    LineNumbers,
    Mark,
    MoveFrom,
    MoveTo,
    NoBreakHyphen,
    P,
    Run,
    RunFormat,
    SdtRun,
    Section,
    SoftHyphen,
    Sym,
    Tab,
    Table,
)
from stdcomment.docxwrite.presets import ieee_styles, itu_t_styles  # noqa: E402

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"w": W, "r": R}
SAMPLES = REPO / "samples"
SAMPLE_FILES = (
    "itu-t-f-ervs-draft.docx",
    "itu-t-f-ervs-draft-v2.docx",
    "ieee-p7915-affect-draft.docx",
)


def parts_of(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def xml(data: bytes, part: str = "word/document.xml") -> etree._Element:
    return etree.fromstring(parts_of(data)[part])


def text_of(el: etree._Element) -> str:
    out = []
    for node in el.iter():
        if node.tag in (f"{{{W}}}t", f"{{{W}}}delText"):
            out.append(node.text or "")
        elif node.tag == f"{{{W}}}tab" and node.getparent().tag == f"{{{W}}}r":
            out.append("\t")
        elif node.tag == f"{{{W}}}br":
            out.append("\n")
    return "".join(out)


def one(root: etree._Element, path: str) -> etree._Element:
    found = root.xpath(path, namespaces=NS)
    assert len(found) == 1, f"{path}: {len(found)} matches"
    return found[0]


def wval(el: etree._Element, name: str = "val") -> str | None:
    return el.get(f"{{{W}}}{name}")


def kitchen_sink() -> DocxBuilder:
    """A document using every feature of the builder."""
    doc = DocxBuilder(title="Kitchen sink", track_revisions=True)
    itu_t_styles(doc)
    doc.style("berschrift1", "heading 1", based_on="Normal", outline_level=0, bold=True)
    doc.style("IEEEStdsLevel1Header", "IEEEStds Level 1 Header", outline_level=0, num_id=1)
    doc.style("Strong", "Strong", kind="character", bold=True)
    lists = doc.abstract_num(
        [
            Level("decimal", "%1", style="IEEEStdsLevel1Header", suffix="space"),
            Level("upperLetter", "Annex %1.%2", is_lgl=True, suffix="nothing"),
            Level("lowerRoman", "%3)", indent=Indent(left=1080, hanging=360)),
            Level("bullet", "\u2013", run=RunFormat(font="Symbol")),
            Level("none", ""),
            Level("upperRoman", "%6."),
            Level("lowerLetter", "%7)"),
        ]
    )
    first = doc.num(lists)
    again = doc.num(lists, starts={0: 5}, overrides={2: Level("decimal", "(%3)", start=3)})
    doc.p("6.2.1\tTitle", style="Heading3")
    doc.p("Direct", num=(first, 0), outline_level=1, align="center", run=RunFormat(bold=True))
    doc.p("Restarted", num=(again, 2))
    doc.p(
        [
            "a",
            Tab(),
            "b",
            Br(),
            Br("page"),
            Cr(),
            Sym("Symbol", "F0B7"),
            SoftHyphen(),
            NoBreakHyphen(),
            Run("bold", bold=True, size=14, font="Arial", style="Strong"),
        ]
    )
    doc.p(["It ", Del("shall"), Ins("is required to", author="Ed", date="2026-01-02T00:00:00Z")])
    doc.p("gone", mark=Mark("del"))
    doc.p(Ins("new"), mark=Mark("ins"))
    doc.p([MoveFrom("moved text", name="m1"), MoveTo("moved text", name="m1")])
    doc.p([Field("PAGE", "3"), ComplexField("SEQ Table", "1")])
    doc.p(Hyperlink("ITU", url="https://www.itu.int/"))
    doc.p(Hyperlink("inside", anchor="_Toc1"))
    doc.p(["Text", FootnoteRef("A footnote."), " and ", Comment("this", "Why?", author="Rev")])
    doc.p(Bookmark("_Toc1", "marked"))
    doc.p(SdtRun("control", tag="t1", alias="Run control"))
    doc.sdt([P("inside a block control")], tag="b1", alias="Block")
    doc.p(Image(flow_diagram([[["A"], ["B"]]]), 360000, 180000, name="Fig"))
    inner = Table([["n1", "n2"]], widths=[1000, 1000])
    doc.table(
        [
            [Cell("span", span=2), Cell("merged", vmerge="restart")],
            ["x", Cell(["cell", inner]), Cell(vmerge="continue")],
        ],
        style="TableGrid",
        widths=[2000, 3000, 2000],
        cell_style="Tabletext",
    )
    doc.section_break(Section(landscape=True))
    doc.p("after the break")
    doc.section = Section(
        header=[P("SG16-TD231/WP2", style="Header")],
        footer=[P(Field("PAGE", "1"), style="Footer")],
        first_header=[],
        line_numbers=LineNumbers(count_by=1, restart="newPage"),
    )
    return doc


@pytest.fixture(scope="module")
def sink() -> bytes:
    return kitchen_sink().to_bytes()


# -- determinism and package integrity -------------------------------------------------------------


def test_same_input_gives_same_bytes(sink: bytes) -> None:
    assert kitchen_sink().to_bytes() == sink


def test_zip_members_have_fixed_dates_and_no_rsids(sink: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(sink)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    assert b"rsid" not in b"".join(parts_of(sink).values())
    core = parts_of(sink)["docProps/core.xml"].decode()
    assert "2026-03-02T09:00:00Z" in core
    assert "<dc:title>Kitchen sink</dc:title>" in core


def check_package(data: bytes) -> None:
    """Every part parses, every relationship target exists, every part has a content type."""
    parts = parts_of(data)
    types = etree.fromstring(parts["[Content_Types].xml"])
    ct = "{http://schemas.openxmlformats.org/package/2006/content-types}"
    defaults = {d.get("Extension") for d in types.iter(f"{ct}Default")}
    overrides = {o.get("PartName").lstrip("/") for o in types.iter(f"{ct}Override")}
    for name, body in parts.items():
        assert name in overrides or name.rsplit(".", 1)[-1] in defaults, name
        if name.endswith((".xml", ".rels")):
            etree.fromstring(body)
    assert overrides <= set(parts)
    for name in (n for n in parts if n.endswith(".rels")):
        folder = PurePosixPath(name).parent.parent
        for rel in etree.fromstring(parts[name]):
            if rel.get("TargetMode") == "External":
                continue
            target = str(PurePosixPath(folder, rel.get("Target")))
            assert target in parts, f"{name} -> {target}"


def test_package_is_complete(sink: bytes) -> None:
    check_package(sink)


def test_every_relationship_id_in_a_part_is_declared(sink: bytes) -> None:
    parts = parts_of(sink)
    for part in ("word/document.xml", "word/header1.xml", "word/footnotes.xml"):
        rels_name = part.replace("word/", "word/_rels/") + ".rels"
        rels = etree.fromstring(parts[rels_name]) if rels_name in parts else []
        declared = {r.get("Id") for r in rels}
        used = set(re.findall(rb'r:(?:id|embed)="([^"]+)"', parts[part]))
        assert {u.decode() for u in used} <= declared


# -- styles and numbering --------------------------------------------------------------------------


def test_styles(sink: bytes) -> None:
    styles = xml(sink, "word/styles.xml")
    defaults = one(styles, "w:docDefaults/w:rPrDefault/w:rPr")
    assert wval(one(defaults, "w:rFonts"), "ascii") == "Times New Roman"
    assert wval(one(defaults, "w:sz")) == "24"
    assert wval(one(defaults, "w:lang")) == "en-GB"
    h1 = one(styles, "w:style[@w:styleId='Heading1']")
    assert wval(one(h1, "w:name")) == "heading 1"
    assert h1.get(f"{{{W}}}customStyle") is None
    assert wval(one(h1, "w:pPr/w:outlineLvl")) == "0"
    h2 = one(styles, "w:style[@w:styleId='Heading2']")
    assert wval(one(h2, "w:basedOn")) == "Heading1"
    local = one(styles, "w:style[@w:styleId='berschrift1']")
    assert wval(one(local, "w:name")) == "heading 1"
    note = one(styles, "w:style[@w:styleId='Note']")
    assert note.get(f"{{{W}}}customStyle") == "1"
    ieee = one(styles, "w:style[@w:styleId='IEEEStdsLevel1Header']")
    assert wval(one(ieee, "w:pPr/w:numPr/w:numId")) == "1"
    assert not ieee.xpath("w:pPr/w:numPr/w:ilvl", namespaces=NS)
    strong = one(styles, "w:style[@w:styleId='Strong']")
    assert strong.get(f"{{{W}}}type") == "character"
    for name in ("Rec_No", "Rec_title", "Heading_b", "Annex_NoTitle", "enumlev1", "Ref_text"):
        one(styles, f"w:style[w:name/@w:val='{name}']")
    # styles used by features are added on demand
    for sid in ("Hyperlink", "FootnoteReference", "CommentReference", "TableGrid"):
        one(styles, f"w:style[@w:styleId='{sid}']")


def test_numbering(sink: bytes) -> None:
    numbering = xml(sink, "word/numbering.xml")
    levels = numbering.xpath("w:abstractNum[@w:abstractNumId='0']/w:lvl", namespaces=NS)
    fmts = [wval(one(lvl, "w:numFmt")) for lvl in levels]
    assert fmts == [
        "decimal",
        "upperLetter",
        "lowerRoman",
        "bullet",
        "none",
        "upperRoman",
        "lowerLetter",
    ]
    assert wval(one(levels[0], "w:pStyle")) == "IEEEStdsLevel1Header"
    assert wval(one(levels[0], "w:suff")) == "space"
    assert levels[1].xpath("w:isLgl", namespaces=NS)
    assert wval(one(levels[1], "w:lvlText")) == "Annex %1.%2"
    assert wval(one(levels[1], "w:suff")) == "nothing"
    # all abstractNum elements come before the num elements
    tags = [etree.QName(e).localname for e in numbering]
    assert tags == sorted(tags)
    again = one(numbering, "w:num[@w:numId='2']")
    assert wval(one(again, "w:abstractNumId")) == "0"
    assert wval(one(again, "w:lvlOverride[@w:ilvl='0']/w:startOverride")) == "5"
    assert wval(one(again, "w:lvlOverride[@w:ilvl='2']/w:lvl/w:lvlText")) == "(%3)"


# -- paragraphs and runs ---------------------------------------------------------------------------


def paragraphs(data: bytes) -> list[etree._Element]:
    return xml(data).xpath("/w:document/w:body/w:p", namespaces=NS)


def find_p(data: bytes, needle: str) -> etree._Element:
    return next(p for p in paragraphs(data) if needle in text_of(p))


def test_typed_heading_and_direct_properties(sink: bytes) -> None:
    heading = find_p(sink, "6.2.1")
    assert wval(one(heading, "w:pPr/w:pStyle")) == "Heading3"
    assert text_of(heading) == "6.2.1\tTitle"
    direct = find_p(sink, "Direct")
    assert wval(one(direct, "w:pPr/w:numPr/w:numId")) == "1"
    assert wval(one(direct, "w:pPr/w:numPr/w:ilvl")) == "0"
    assert wval(one(direct, "w:pPr/w:outlineLvl")) == "1"
    assert wval(one(direct, "w:pPr/w:jc")) == "center"
    assert direct.xpath("w:r/w:rPr/w:b", namespaces=NS)
    assert wval(one(find_p(sink, "Restarted"), "w:pPr/w:numPr/w:ilvl")) == "2"


def test_run_children(sink: bytes) -> None:
    para = find_p(sink, "bold")
    children = [etree.QName(e).localname for r in para.iterfind("w:r", NS) for e in r]
    for tag in ("tab", "br", "cr", "sym", "softHyphen", "noBreakHyphen"):
        assert tag in children
    assert para.xpath("w:r/w:br[@w:type='page']", namespaces=NS)
    sym = one(para, "w:r/w:sym")
    assert (wval(sym, "font"), wval(sym, "char")) == ("Symbol", "F0B7")
    bold = one(para, "w:r[w:t='bold']/w:rPr")
    assert wval(one(bold, "w:rStyle")) == "Strong"
    assert wval(one(bold, "w:sz")) == "28"
    assert wval(one(bold, "w:rFonts"), "ascii") == "Arial"


def test_tracked_changes(sink: bytes) -> None:
    para = find_p(sink, "is required to")
    deleted = one(para, "w:del")
    assert one(deleted, "w:r/w:delText").text == "shall"
    assert not deleted.xpath(".//w:t", namespaces=NS)
    inserted = one(para, "w:ins")
    assert (wval(inserted, "author"), wval(inserted, "date")) == ("Ed", "2026-01-02T00:00:00Z")
    assert one(inserted, "w:r/w:t").text == "is required to"
    gone = find_p(sink, "gone")
    assert gone.xpath("w:pPr/w:rPr/w:del", namespaces=NS)
    new = find_p(sink, "new")
    assert new.xpath("w:pPr/w:rPr/w:ins", namespaces=NS)
    ids = [
        wval(e, "id")
        for e in xml(sink).iter()
        if etree.QName(e).localname
        in ("ins", "del", "moveFrom", "moveTo", "moveFromRangeStart", "moveToRangeStart")
    ]
    assert len(ids) == len(set(ids))


def test_moves(sink: bytes) -> None:
    para = find_p(sink, "moved text")
    names = [etree.QName(e).localname for e in para]
    assert names == [
        "moveFromRangeStart",
        "moveFrom",
        "moveFromRangeEnd",
        "moveToRangeStart",
        "moveTo",
        "moveToRangeEnd",
    ]
    assert one(para, "w:moveFrom/w:r/w:delText").text == "moved text"
    assert one(para, "w:moveTo/w:r/w:t").text == "moved text"
    start = one(para, "w:moveFromRangeStart")
    assert wval(start, "name") == "m1"
    assert wval(one(para, "w:moveFromRangeEnd")) is None
    assert wval(one(para, "w:moveFromRangeEnd"), "id") == wval(start, "id")
    settings = xml(sink, "word/settings.xml")
    assert settings.xpath("w:trackRevisions", namespaces=NS)


def test_fields(sink: bytes) -> None:
    para = find_p(sink, "3")
    simple = one(para, "w:fldSimple")
    assert wval(simple, "instr") == "PAGE"
    assert one(simple, "w:r/w:t").text == "3"
    kinds = [wval(e, "fldCharType") for e in para.iterfind("w:r/w:fldChar", NS)]
    assert kinds == ["begin", "separate", "end"]
    assert one(para, "w:r/w:instrText").text.strip() == "SEQ Table"


def test_hyperlinks_bookmarks_and_controls(sink: bytes) -> None:
    parts = parts_of(sink)
    link = one(find_p(sink, "ITU"), "w:hyperlink")
    rid = link.get(f"{{{R}}}id")
    rels = etree.fromstring(parts["word/_rels/document.xml.rels"])
    rel = next(r for r in rels if r.get("Id") == rid)
    assert rel.get("Target") == "https://www.itu.int/"
    assert rel.get("TargetMode") == "External"
    assert wval(one(find_p(sink, "inside"), "w:hyperlink"), "anchor") == "_Toc1"
    mark = find_p(sink, "marked")
    start = one(mark, "w:bookmarkStart")
    assert wval(start, "name") == "_Toc1"
    assert wval(one(mark, "w:bookmarkEnd"), "id") == wval(start, "id")
    run_sdt = one(find_p(sink, "control"), "w:sdt")
    assert wval(one(run_sdt, "w:sdtPr/w:tag")) == "t1"
    assert one(run_sdt, "w:sdtContent/w:r/w:t").text == "control"
    block = one(xml(sink), "/w:document/w:body/w:sdt")
    assert wval(one(block, "w:sdtPr/w:alias")) == "Block"
    assert text_of(one(block, "w:sdtContent/w:p")) == "inside a block control"


def test_footnotes_and_comments(sink: bytes) -> None:
    parts = parts_of(sink)
    notes = xml(sink, "word/footnotes.xml")
    ids = [wval(n, "id") for n in notes]
    assert ids == ["-1", "0", "1"]
    assert [wval(n, "type") for n in notes[:2]] == ["separator", "continuationSeparator"]
    assert "A footnote." in text_of(notes[2])
    para = find_p(sink, "Text")
    assert wval(one(para, "w:r/w:footnoteReference"), "id") == "1"
    settings = parts["word/settings.xml"].decode()
    assert '<w:footnote w:id="-1"/><w:footnote w:id="0"/>' in settings
    comments = xml(sink, "word/comments.xml")
    comment = one(comments, "w:comment")
    assert wval(comment, "author") == "Rev"
    assert "Why?" in text_of(comment)
    cid = wval(comment, "id")
    for tag in ("commentRangeStart", "commentRangeEnd", "r/w:commentReference"):
        assert wval(one(para, f"w:{tag}"), "id") == cid


def test_image(sink: bytes) -> None:
    parts = parts_of(sink)
    assert parts["word/media/image1.png"].startswith(b"\x89PNG")
    assert b'Extension="png"' in parts["[Content_Types].xml"]


def test_tables(sink: bytes) -> None:
    table = one(xml(sink), "/w:document/w:body/w:tbl")
    assert wval(one(table, "w:tblPr/w:tblStyle")) == "TableGrid"
    assert [wval(c, "w") for c in table.iterfind("w:tblGrid/w:gridCol", NS)] == [
        "2000",
        "3000",
        "2000",
    ]
    first, second = table.iterfind("w:tr", NS)
    assert wval(one(first, "w:tc[1]/w:tcPr/w:gridSpan")) == "2"
    assert wval(one(first, "w:tc[1]/w:tcPr/w:tcW"), "w") == "5000"
    assert wval(one(first, "w:tc[2]/w:tcPr/w:vMerge")) == "restart"
    assert wval(one(second, "w:tc[3]/w:tcPr/w:vMerge")) is None
    nested = one(second, "w:tc[2]")
    assert [etree.QName(e).localname for e in nested] == ["tcPr", "p", "tbl", "p"]
    assert wval(one(second, "w:tc[1]/w:p/w:pPr/w:pStyle")) == "Tabletext"


def test_sections_headers_and_line_numbers(sink: bytes) -> None:
    parts = parts_of(sink)
    body = xml(sink)
    inner = one(body, "/w:document/w:body/w:p/w:pPr/w:sectPr")
    size = one(inner, "w:pgSz")
    assert wval(size, "orient") == "landscape"
    assert int(wval(size, "w")) > int(wval(size, "h"))
    final = one(body, "/w:document/w:body/w:sectPr")
    lines = one(final, "w:lnNumType")
    assert (wval(lines, "countBy"), wval(lines, "restart")) == ("1", "newPage")
    assert final.xpath("w:titlePg", namespaces=NS)
    kinds = [wval(e, "type") for e in final.iterfind("w:headerReference", NS)]
    assert kinds == ["default", "first"]
    assert "SG16-TD231/WP2" in text_of(etree.fromstring(parts["word/header1.xml"]))
    footer = etree.fromstring(parts["word/footer1.xml"])
    assert wval(one(footer, "w:p/w:fldSimple"), "instr") == "PAGE"


def test_presets_define_ieee_numbering() -> None:
    doc = DocxBuilder()
    lists = ieee_styles(doc)
    doc.p("Overview", style="IEEEStdsLevel1Header")
    doc.p(["\n(informative)\nBibliography"], style="IEEEStdsAnnex")
    data = doc.to_bytes()
    numbering = xml(data, "word/numbering.xml")
    heading = one(numbering, f"w:abstractNum[@w:abstractNumId='{lists.headings - 1}']")
    texts = [wval(one(lvl, "w:lvlText")) for lvl in heading.iterfind("w:lvl", NS)]
    assert texts == ["%1", "%1.%2", "%1.%2.%3", "%1.%2.%3.%4"]
    annex = one(numbering, f"w:abstractNum[@w:abstractNumId='{lists.annex - 1}']/w:lvl[1]")
    assert wval(one(annex, "w:lvlText")) == "Annex %1"
    assert wval(one(annex, "w:numFmt")) == "upperLetter"
    check_package(data)


def test_bad_values_are_refused() -> None:
    doc = DocxBuilder()
    doc.p("x", align="middle")
    with pytest.raises(ValueError, match="alignment"):
        doc.to_bytes()
    doc = DocxBuilder()
    doc.numbering([Level("decimalish", "%1")])
    doc.p("x")
    with pytest.raises(ValueError, match="numFmt"):
        doc.to_bytes()


def test_text_is_escaped() -> None:
    doc = DocxBuilder(title='A & B <"C">')
    doc.p('1 < 2 & "quotes" \x01')
    data = doc.to_bytes()
    check_package(data)
    assert text_of(paragraphs(data)[0]) == '1 < 2 & "quotes" '


# -- the generated samples -------------------------------------------------------------------------


def test_samples_are_up_to_date() -> None:
    from tools.build_samples import outputs

    for name, data in outputs().items():
        assert (SAMPLES / name).read_bytes() == data, f"{name}: run tools/build_samples.py"


@pytest.mark.parametrize("name", SAMPLE_FILES)
def test_sample_opens_with_python_docx(name: str) -> None:
    import docx

    path = SAMPLES / name
    assert path.stat().st_size < 2_000_000
    document = docx.Document(str(path))
    assert len(document.paragraphs) > 100
    check_package(path.read_bytes())


def test_itu_sample_features() -> None:
    data = (SAMPLES / "itu-t-f-ervs-draft.docx").read_bytes()
    body = xml(data)
    assert len(body.xpath("//w:ins | //w:del", namespaces=NS)) >= 5
    assert body.xpath("//w:pPr/w:rPr/w:del", namespaces=NS)
    heading_change = body.xpath("//w:p[w:pPr/w:pStyle/@w:val='Heading2'][w:del]", namespaces=NS)
    assert len(heading_change) == 1
    styles = {wval(s) for s in body.xpath("//w:pStyle", namespaces=NS)}
    assert {"Heading1", "Heading2", "Heading3", "RecNo", "Rectitle", "Headingb"} <= styles
    assert {"Note", "enumlev1", "Reftext", "AnnexNoTitle", "Annexref", "TOC1", "TOC2"} <= styles
    cover = body.find("w:body/w:tbl", NS)
    cover_text = text_of(cover)
    for label in ("Question(s):", "Study Group:", "Working Party:", "Source:", "Title:"):
        assert label in cover_text
    assert cover_text.count("Contact:") == 2
    assert "Fictional sample draft" in cover_text
    parts = parts_of(data)
    assert "word/footnotes.xml" in parts
    assert "word/comments.xml" in parts


def test_ieee_sample_numbers_headings_automatically() -> None:
    data = (SAMPLES / "ieee-p7915-affect-draft.docx").read_bytes()
    body = xml(data)
    headings = body.xpath(
        "//w:p[starts-with(w:pPr/w:pStyle/@w:val, 'IEEEStdsLevel')]", namespaces=NS
    )
    assert len(headings) > 30
    assert not any(re.match(r"\d", text_of(h)) for h in headings)
    final = one(body, "/w:document/w:body/w:sectPr")
    assert wval(one(final, "w:lnNumType"), "restart") == "newPage"
    assert "IEEE P7915/D2, March 2026" in parts_of(data)["word/header1.xml"].decode()
    numbering = xml(data, "word/numbering.xml")
    assert numbering.xpath("//w:lvlOverride/w:startOverride", namespaces=NS)


# -- rendering with LibreOffice --------------------------------------------------------------------


def _pdf(tmp: Path, name: str) -> Path:
    profile = (tmp / "lo-profile").as_uri()
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp),
            str(SAMPLES / name),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    return tmp / name.replace(".docx", ".pdf")


def _pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True)
    return int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.MULTILINE).group(1))


@pytest.mark.slow
@pytest.mark.libreoffice
@pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdfinfo") and shutil.which("pdftotext")),
    reason="needs LibreOffice (soffice) and poppler (pdfinfo, pdftotext)",
)
@pytest.mark.parametrize(
    ("name", "low", "high"),
    [
        ("itu-t-f-ervs-draft.docx", 12, 20),
        ("itu-t-f-ervs-draft-v2.docx", 12, 20),
        ("ieee-p7915-affect-draft.docx", 9, 16),
    ],
)
def test_samples_render_with_libreoffice(tmp_path: Path, name: str, low: int, high: int) -> None:
    pdf = _pdf(tmp_path, name)
    assert low <= _pages(pdf) <= high
    if name.startswith("ieee"):
        text = subprocess.run(
            ["pdftotext", "-layout", "-f", "6", "-l", "6", str(pdf), "-"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        numbers = [int(m) for m in re.findall(r"^\s*(\d{1,2})\s{2,}\S", text, re.MULTILINE)]
        assert numbers[:10] == list(range(1, 11)), "line numbers restart at 1 on each page"


# -- benchmark drafts -------------------------------------------------------------------------


@pytest.mark.parametrize("variant", ["typed", "autonum", "tracked", "wordlike", "v2"])
def test_benchmark_drafts_are_deterministic_and_match_their_truth(variant: str) -> None:
    from benchmarks.gendrafts import generate, generate_with_truth

    data, truth = generate_with_truth(20, variant, seed=3)
    assert generate(20, variant, seed=3) == data
    check_package(data)
    body = xml(data)
    heading_styles = {f"Heading{n}" for n in range(1, 10)} | {"AnnexNoTitle", "AppendixNotitle"}
    headings = [
        p
        for p in body.iter(f"{{{W}}}p")
        if p.xpath("string(w:pPr/w:pStyle/@w:val)", namespaces=NS) in heading_styles
    ]
    assert len(headings) == len(truth["headings"])
    assert 220 <= truth["paragraphs"] <= 340
    found = set(
        re.findall(rb"<w:(del|ins|proofErr|bookmarkStart)\b", parts_of(data)["word/document.xml"])
    )
    if variant == "tracked":
        assert {b"del", b"ins"} <= found
        assert truth["tracked_paragraphs"] > 0
    if variant == "wordlike":
        assert {b"proofErr", b"bookmarkStart"} <= found
        assert b"w:rsidR=" in parts_of(data)["word/document.xml"]
    if variant == "autonum":
        assert not any(re.match(r"\d", text_of(h)) for h in headings[:10])
    if variant == "v2":
        changes = truth["changes"]
        for kind in ("moved", "inserted", "deleted"):
            assert changes[kind], kind


def test_benchmark_draft_sizes() -> None:
    from benchmarks.gendrafts import generate_with_truth

    _, truth = generate_with_truth(100, "typed")
    assert 1000 <= truth["paragraphs"] <= 1300
    share = truth["emotion_paragraphs"] / truth["paragraphs"]
    assert 0.005 < share < 0.05
