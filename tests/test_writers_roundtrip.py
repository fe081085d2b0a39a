"""Read our ISO form and our IEEE CSV back: the same comments come out."""

from __future__ import annotations

from pathlib import Path

from stdcomment.writers.ascii import to_ascii
from stdcomment.writers.ieee_csv import read_ieee_csv, subclause_of, write_ieee_csv
from stdcomment.writers.iso_docx import clause_of, read_iso_form, write_iso_form
from tests.writer_fixtures import sample_job


def _plain(text: str) -> str:
    return " ".join(text.split())


def test_iso_form_and_ieee_csv_read_back_into_the_same_comments(tmp_path: Path) -> None:
    job = sample_job()
    iso_path = tmp_path / "form.docx"
    iso_path.write_bytes(write_iso_form(job).data)
    form = read_iso_form(iso_path)
    ieee = read_ieee_csv(write_ieee_csv(job).data)
    comments = job.sheet.comments
    assert len(form.rows) == len(ieee) == len(comments)
    for comment, iso_row, ieee_row in zip(comments, form.rows, ieee, strict=True):
        # the ISO form keeps the text as written
        assert iso_row.comment == comment.comment
        assert iso_row.proposed_change == comment.proposed_change
        assert iso_row.clause == clause_of(comment.clause, comment.clause_title)
        assert iso_row.element == comment.element
        assert iso_row.type == comment.type
        assert iso_row.member_body == job.meta.member_body
        assert iso_row.line == ("" if comment.line is None else str(comment.line))
        # the IEEE CSV holds the same text in ASCII, after the location note when needed
        ascii_comment = to_ascii(_plain(comment.comment))[0]
        assert ieee_row.comment.endswith(ascii_comment)
        assert ieee_row.proposed_change == to_ascii(_plain(comment.proposed_change))[0]
        assert ieee_row.subclause == subclause_of(comment)
        assert (ieee_row.page, ieee_row.line) == (comment.page, comment.line)
        assert ieee_row.category == comment.category
        assert ieee_row.must_be_satisfied == comment.must_be_satisfied
        # and both agree with each other
        assert to_ascii(_plain(iso_row.comment))[0] in ieee_row.comment
