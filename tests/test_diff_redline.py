"""The redline .docx: real tracked changes that lead from the new draft back to the old one.

Accepting all (the reader's current view) must give the new draft's text, rejecting all (the
original view) the old draft's; LibreOffice must open it and show the revisions.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from stdcomment.diff import diff_drafts
from stdcomment.diff.apply import draft_text, same_text
from stdcomment.diff.redline_docx import AUTHOR, redline_bytes, redline_order
from stdcomment.docxwrite import DocxBuilder, Mark, Table
from stdcomment.model import Draft
from stdcomment.readers import read_draft
from tests.conftest import REPO, SAMPLES
from tests.diff_drafts import Node, build, outlines, revisions

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
OLD = SAMPLES / "itu-t-f-ervs-draft.docx"
NEW = SAMPLES / "itu-t-f-ervs-draft-v2.docx"


def _round_trip(tmp_path: Path, old: Draft, new: Draft, *, strict: bool = False) -> bytes:
    diff = diff_drafts(old, new, strict=strict)
    data = redline_bytes(diff, old, new)
    path = tmp_path / "redline.docx"
    path.write_bytes(data)
    accepted = read_draft(path, view="current", body=new.body)
    rejected = read_draft(path, view="original", body=old.body)
    assert same_text(draft_text(accepted), draft_text(new)), "accepting all is not NEW"
    assert same_text(draft_text(rejected), draft_text(old)), "rejecting all is not OLD"
    return data


def _document(data: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read("word/document.xml"))


def test_sample_redline_accepts_to_new_and_rejects_to_old(tmp_path: Path) -> None:
    data = _round_trip(tmp_path, read_draft(OLD), read_draft(NEW))
    root = _document(data)
    insertions = root.findall(f".//{W}ins")
    deletions = root.findall(f".//{W}del")
    assert len(insertions) > 20
    assert len(deletions) > 20
    assert {e.get(f"{W}author") for e in insertions + deletions} == {AUTHOR}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        settings_xml = archive.read("word/settings.xml").decode()
    assert "trackRevisions" in settings_xml


def test_sample_redline_keeps_the_headings(tmp_path: Path) -> None:
    data = redline_bytes(
        diff_drafts(read_draft(OLD), read_draft(NEW)), read_draft(OLD), read_draft(NEW)
    )
    path = tmp_path / "redline.docx"
    path.write_bytes(data)
    accepted = read_draft(path)
    new = read_draft(NEW)
    assert [(c.number, c.title, c.kind) for c in accepted.walk()] == [
        (c.number, c.title, c.kind) for c in new.walk()
    ]
    rejected = read_draft(path, view="original")
    old = read_draft(OLD)
    assert [(c.number, c.title) for c in rejected.walk()] == [
        (c.number, c.title) for c in old.walk()
    ]
    # the renumbered heading 6 -> 7 is a revision of the number alone
    root = _document(data)
    heading = next(
        p
        for p in root.iter(f"{W}p")
        if "".join(p.itertext()).replace("\t", " ").endswith("System architecture")
    )
    assert heading.find(f"{W}del") is not None
    assert heading.find(f"{W}ins") is not None


def test_revisions_of_the_sample_round_trip(tmp_path: Path) -> None:
    _round_trip(tmp_path, read_draft(OLD, view="original"), read_draft(OLD))


def test_strict_redline_round_trips(tmp_path: Path) -> None:
    _round_trip(tmp_path, read_draft(OLD), read_draft(NEW), strict=True)


def test_generated_drafts_round_trip(tmp_path: Path) -> None:
    sys.path.insert(0, str(REPO))
    from benchmarks.gendrafts import generate

    (tmp_path / "a.docx").write_bytes(generate(20, "typed"))
    (tmp_path / "b.docx").write_bytes(generate(20, "v2"))
    _round_trip(tmp_path, read_draft(tmp_path / "a.docx"), read_draft(tmp_path / "b.docx"))


def test_same_drafts_give_the_same_bytes() -> None:
    old, new = read_draft(OLD), read_draft(NEW)
    diff = diff_drafts(old, new)
    assert redline_bytes(diff, old, new) == redline_bytes(diff_drafts(old, new), old, new)


def test_moved_clauses_are_deleted_at_their_old_place() -> None:
    diff = diff_drafts(read_draft(OLD), read_draft(NEW))
    order = [(what, c.old_cite, c.new_cite) for what, c in redline_order(diff)]
    at = order.index(("from", "6.3", "B.1"))
    assert order[at - 1] == ("here", "6.2", "7.2")
    assert order[at + 1 : at + 5] == [
        ("from", "6.3.1", "B.1.1"),
        ("from", "6.3.2", "B.1.2"),
        ("from", "6.3.3", "B.1.3"),
        ("here", "7", "8"),
    ]
    assert order.index(("here", "–", "Annex B")) + 1 == order.index(("here", "6.3", "B.1"))


@settings(max_examples=15, deadline=None)
@given(st.data(), outlines())
def test_random_revisions_round_trip(
    tmp_path_factory: pytest.TempPathFactory, data: st.DataObject, outline: list[Node]
) -> None:
    revised = data.draw(revisions(outline))
    tmp = tmp_path_factory.mktemp("redline")
    _round_trip(tmp, build(outline), build(revised, path="new.docx"))


def test_table_rows_can_be_tracked() -> None:
    doc = DocxBuilder()
    doc.add(Table([["a", "b"], ["c", "d"]], row_marks=[None, Mark("del")]))
    root = etree.fromstring(doc.parts()["word/document.xml"])
    rows = root.findall(f".//{W}tr")
    assert rows[0].find(f"{W}trPr") is None
    assert rows[1].find(f"{W}trPr/{W}del") is not None


def test_bad_row_mark_is_refused() -> None:
    doc = DocxBuilder(blocks=[Table([["a"]], row_marks=[Mark("moveFrom")])])
    with pytest.raises(ValueError, match="row revision"):
        doc.to_bytes()


@pytest.mark.slow
@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not on PATH")
def test_libreoffice_opens_the_redline_and_shows_the_changes(tmp_path: Path) -> None:
    old, new = read_draft(OLD), read_draft(NEW)
    path = tmp_path / "redline.docx"
    path.write_bytes(redline_bytes(diff_drafts(old, new), old, new))
    profile = tmp_path / "lo-profile"
    done = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(path),
        ],
        capture_output=True,
        timeout=240,
        check=False,
    )
    pdf = tmp_path / "redline.pdf"
    assert done.returncode == 0, done.stderr
    assert pdf.exists()
    assert pdf.stat().st_size > 10_000
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True, timeout=60
        ).stdout.decode("utf-8", "replace")
        # LibreOffice prints tracked changes: deleted and inserted text both show
        assert "latency of no more than 200500 ms" in re.sub(r"\s+", " ", text) or (
            "200" in text and "500" in text
        )
        assert "Micro-expression detection" in text  # the removed clause, struck through
        assert "General principles" in text  # the added clause
