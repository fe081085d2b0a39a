"""The ITU-T contribution: golden parts, header table, real revision marks, limits, rendering."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from lxml import etree

from stdcomment.docxwrite import Cell, DocxBuilder, Table
from stdcomment.model import BlockKind
from stdcomment.readers import read_draft
from stdcomment.review import Change, ReviewEntry
from stdcomment.writers import WRITERS, WriterInput
from stdcomment.writers.itu_docx import write_itu_contribution
from tests import libreoffice
from tests.writer_fixtures import (
    check_docx_golden,
    sample_draft,
    sample_entries,
    sample_job,
    sample_library,
    sample_meta,
)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def _document(data: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read("word/document.xml"))


def _text(element: etree._Element) -> str:
    return "".join(element.xpath(".//w:t/text()", namespaces=NS))


def test_golden_contribution() -> None:
    check_docx_golden("writers/itu-t-contribution", write_itu_contribution(sample_job()).data)


def test_same_input_same_bytes() -> None:
    assert write_itu_contribution(sample_job()).data == write_itu_contribution(sample_job()).data


def test_header_table_has_the_contribution_fields() -> None:
    root = _document(write_itu_contribution(sample_job()).data)
    header = root.find(f"{{{W}}}body/{{{W}}}tbl")
    rows = [[_text(c) for c in r.findall(f"{{{W}}}tc")] for r in header.findall(f"{{{W}}}tr")]
    assert rows[0] == ["INTERNATIONAL TELECOMMUNICATION UNION", "SG16-C123"]
    assert rows[1] == ["TELECOMMUNICATION STANDARDIZATION SECTOR", "STUDY GROUP 16"]
    assert rows[2] == ["STUDY PERIOD 2025-2028", "Original: English"]
    assert rows[3] == ["Question(s):", "12/16", "Geneva, 3-13 March 2026"]
    assert rows[4] == ["CONTRIBUTION"]
    assert rows[5] == ["Source:", "Example Digital Rights Association"]
    assert rows[6] == ["Title:", "Proposed modifications to draft new Recommendation ITU-T F.XYZ"]
    contacts = rows[7:]
    assert [c[0] for c in contacts] == ["Contact:", "Contact:"]
    assert contacts[0][1] == "Alex ExampleExample Digital Rights AssociationExamplia"
    assert contacts[0][2] == "Tel: +00 30 5550 0123E-mail: alex@rights.example"
    assert contacts[1][2] == "E-mail: sam@network.example"
    abstract = root.findall(f"{{{W}}}body/{{{W}}}tbl")[1]
    assert _text(abstract).startswith("Abstract:This contribution proposes modifications to draft")


def test_td_type_and_styles() -> None:
    job = sample_job()
    job = replace(job, meta=replace(job.meta, doc_type="TD"))
    data = write_itu_contribution(job).data
    root = _document(data)
    assert "TD" in [_text(r) for r in root.xpath("//w:tbl[1]/w:tr", namespaces=NS)]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        styles = archive.read("word/styles.xml").decode()
        document = archive.read("word/document.xml").decode()
    assert 'w:ascii="Times New Roman"' in styles
    assert '<w:sz w:val="24"/>' in styles
    assert 'w:w="11906" w:h="16838"' in document  # A4 portrait
    for style in ("Heading1", "Heading2", "Headingb", "Reftext", "Tablehead", "Tabletext"):
        assert f'w:styleId="{style}"' in styles


def test_revision_marks_carry_author_and_date() -> None:
    root = _document(write_itu_contribution(sample_job()).data)
    marks = root.xpath("//w:ins | //w:del", namespaces=NS)
    assert len(marks) == 1 + 1 + 2 + 2  # insert-after, delete, two replaces
    for mark in marks:
        assert mark.get(f"{{{W}}}author") == "Example Digital Rights Association"
        assert mark.get(f"{{{W}}}date") == "2026-02-16T00:00:00Z"
    ids = [int(m.get(f"{{{W}}}id")) for m in marks]
    assert len(set(ids)) == len(ids)
    deleted = root.xpath("//w:del//w:delText/text()", namespaces=NS)
    assert any(t.startswith("[R-X-007]") for t in deleted)


def test_revision_marks_read_back_as_old_and_new_text(tmp_path: Path) -> None:
    """Our reader gives the old text under the original view and the new under the current."""
    job = sample_job()
    path = tmp_path / "contribution.docx"
    path.write_bytes(write_itu_contribution(job).data)
    original = read_draft(path, view="original")
    current = read_draft(path, view="current")

    def proposal_blocks(draft: object) -> list[str]:
        clause = next(c for c in draft.walk() if c.title == "Proposal")  # type: ignore[attr-defined]
        return [b.text for b in clause.blocks if b.kind != BlockKind.TABLE]

    before, after = proposal_blocks(original), proposal_blocks(current)
    for proposal in job.sheet.proposals:
        lead = "… " if proposal.before else ""
        tail = " …" if proposal.after else ""
        old = lead + proposal.old + tail
        assert old in before, old
        assert old not in after or proposal.kind == "insert-after"
        if proposal.kind == "replace":
            assert lead + proposal.new + tail in after
            assert lead + proposal.new + tail not in before
        elif proposal.kind == "insert-after":
            assert lead + proposal.old + " " + proposal.new + tail in after
        else:
            assert proposal.old not in " ".join(after)
    revised = [b for _, b in current.blocks() if b.revision is not None]
    assert len(revised) >= len([p for p in job.sheet.proposals if p.kind != "delete"])


def test_summary_table_lists_every_comment() -> None:
    root = _document(write_itu_contribution(sample_job()).data)
    table = root.xpath("//w:tbl[.//w:t='Rationale']", namespaces=NS)[0]
    rows = [[_text(c) for c in r.findall(f"{{{W}}}tc")] for r in table.findall(f"{{{W}}}tr")]
    assert rows[0] == ["Clause", "Current text", "Proposed change", "Rationale"]
    assert [r[0] for r in rows[1:]] == ["Introduction", "1", "7.1", "9.2", "A.1"]
    assert rows[3][2] == "Delete."
    assert rows[4][2].startswith('Replace with: "Alerts are not derived')
    assert rows[2][2].startswith('Add after it: "It does not cover')
    assert rows[1][2] == "No change to this sentence; see the comment on 7.1."
    head = table.findall(f"{{{W}}}tr")[0]
    assert head.find(f"{{{W}}}trPr/{{{W}}}tblHeader") is not None


def test_discussion_groups_by_concern_and_cites() -> None:
    data = write_itu_contribution(sample_job()).data
    texts = [_text(p) for p in _document(data).iter(f"{{{W}}}p")]
    joined = "\n".join(texts)
    headings = [t for t in texts if re.match(r"^\d+(\.\d+)?[A-Z]", t)]
    assert headings == [
        "1Introduction",
        "2Discussion",
        "2.1Inferring emotions or inner states from people",
        "2.2Race, ethnicity or skin colour as classes",
        "2.3Further comments",
        "3Proposal",
        "4References",
    ]
    assert "Rights engaged: ICCPR art. 19; ICCPR art. 17." in joined
    assert "Emotional Entanglement [ARTICLE 19], 2. Use Cases (pp. 18-35)." in joined
    assert "Further comments" in joined  # the delegate's own comment
    assert "[ARTICLE 19]" in joined
    assert "London: ARTICLE 19." in joined


def test_word_limits_warn() -> None:
    job = sample_job()
    long = " ".join(["word"] * 400)
    entries = [replace(e, comment=long) for e in sample_entries()] * 2
    entries = [replace(e, id=f"{e.id}-{i}") for i, e in enumerate(entries)]
    from stdcomment.comments import build_sheet

    sheet, _ = build_sheet(sample_draft(), entries, sample_library(), reviewed=True)
    out = write_itu_contribution(WriterInput(sheet, job.meta))
    assert any("ITU-T A.2 asks for about 2500" in w for w in out.warnings)
    assert out.figures["words"] > 2500
    short = write_itu_contribution(job)
    assert short.warnings == ()
    assert short.figures["abstract_words"] <= 200


def test_abstract_limit_warns(tmp_path: Path) -> None:
    folder = tmp_path / "tpl" / "itu-t"
    folder.mkdir(parents=True)
    (folder / "abstract.j2").write_text(" ".join(["many"] * 230))
    out = write_itu_contribution(sample_job((tmp_path / "tpl",)))
    assert any("abstract has 230 words" in w for w in out.warnings)


def test_user_template_overrides_one_file(tmp_path: Path) -> None:
    folder = tmp_path / "itu-t"
    folder.mkdir()
    (folder / "contribution.j2").write_text(
        "# Background\n\nOur own words about {{ draft.name }}.\n\n"
        "{% for p in proposals %}@change {{ p.number }}\n{% endfor %}"
    )
    data = write_itu_contribution(sample_job((tmp_path,))).data
    texts = [_text(p) for p in _document(data).iter(f"{{{W}}}p")]
    assert "1Background" in texts
    assert "Our own words about Draft new Recommendation ITU-T F.XYZ." in texts
    assert "Abstract:" in "".join(texts)  # the abstract template is still the bundled one


def test_unknown_directive_warns(tmp_path: Path) -> None:
    folder = tmp_path / "itu-t"
    folder.mkdir()
    (folder / "contribution.j2").write_text("@nothing here\n\n@change 99\n")
    out = write_itu_contribution(sample_job((tmp_path,)))
    assert any("unknown directive @nothing" in w for w in out.warnings)
    assert any("no proposed change '99'" in w for w in out.warnings)


def test_cell_borders_are_written_in_schema_order() -> None:
    doc = DocxBuilder()
    doc.add(Table([[Cell("a", borders=("bottom", "top"))]], borders=False))
    xml = doc.parts()["word/document.xml"].decode()
    assert re.search(r"<w:tcBorders><w:top [^>]*/><w:bottom [^>]*/></w:tcBorders>", xml)
    with pytest.raises(ValueError, match="unknown cell border"):
        DocxBuilder(blocks=[Table([[Cell("a", borders=("middle",))]])]).parts()


def test_registered() -> None:
    assert WRITERS["itu-t"].write is write_itu_contribution
    assert WRITERS["itu-t"].body == "itu-t"


def test_manual_entry_without_position_is_discussed() -> None:
    own = ReviewEntry(
        id="own",
        status="accepted",
        origin="manual",
        clause="9.2",
        clause_title="Alerts",
        comment="Our own point.",
        change=Change("none"),
    )
    from stdcomment.comments import build_sheet

    sheet, _ = build_sheet(sample_draft(), [own], sample_library(), reviewed=True)
    data = write_itu_contribution(WriterInput(sheet, sample_meta())).data
    assert "Our own point." in "".join(_text(p) for p in _document(data).iter(f"{{{W}}}p"))


@pytest.mark.slow
@pytest.mark.libreoffice
@libreoffice.needs_libreoffice
def test_contribution_renders_with_libreoffice(tmp_path: Path) -> None:
    path = tmp_path / "contribution.docx"
    path.write_bytes(write_itu_contribution(sample_job()).data)
    pdf = libreoffice.to_pdf(path, tmp_path)
    assert 2 <= libreoffice.pages(pdf) <= 5
    width, height = libreoffice.page_size(pdf)
    assert (round(width), round(height)) == (595, 842)  # A4 portrait
    text = libreoffice.text(pdf)
    assert "CONTRIBUTION" in text
    assert "SG16-C123" in text
    assert "The Introduction presents contested claims as settled science." in text
    assert "Rationale" in text
