"""Markdown and HTML briefs: goldens, grouping, escaping, self-containment."""

from __future__ import annotations

import re
from dataclasses import replace

from lxml import html as lxml_html

from stdcomment.comments import build_sheet
from stdcomment.writers import WRITERS, WriterInput
from stdcomment.writers.html import write_html_brief
from stdcomment.writers.markdown import write_markdown_brief
from tests.writer_fixtures import (
    check_golden_bytes,
    sample_draft,
    sample_entries,
    sample_job,
    sample_library,
    sample_meta,
)


def test_golden_markdown() -> None:
    check_golden_bytes("writers/brief.md", write_markdown_brief(sample_job()).data)


def test_golden_html() -> None:
    check_golden_bytes("writers/brief.html", write_html_brief(sample_job()).data)


def test_markdown_groups_by_concern() -> None:
    text = write_markdown_brief(sample_job()).data.decode()
    headings = re.findall(r"^(#{1,3}) (.*)$", text, re.MULTILINE)
    assert [h for h in headings if h[0] == "##"] == [
        ("##", "Summary"),
        ("##", "1. Inferring emotions or inner states from people"),
        ("##", "2. Race, ethnicity or skin colour as classes"),
        ("##", "3. Further comments"),
    ]
    assert "**Rights engaged.** ICCPR art. 19; ICCPR art. 17." in text
    assert "*Emotional Entanglement* (2021): 2. Use Cases (pp. 18-35)." in text
    assert "> Alerts are raised when the “tension index” is ≥ 80 for more than 10 s." in text
    assert "**Edit.** Delete: ~~[R-X-007]" in text
    assert "| 1 | Inferring emotions or inner states from people |" in text
    assert "page 12, line 30-31" in text


def test_html_is_self_contained_and_escaped() -> None:
    entries = sample_entries()
    entries[0] = replace(entries[0], comment='<script>alert("x")</script> & more')
    sheet, _ = build_sheet(sample_draft(), entries, sample_library(), reviewed=False)
    data = write_html_brief(WriterInput(sheet, sample_meta())).data.decode()
    assert "<script" not in data.replace("&lt;script", "")
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; more" in data
    assert not re.search(r"""(src|href)\s*=\s*["'](https?:)?//""", data)
    assert "<link" not in data
    assert "@import" not in data
    assert "<img" not in data
    assert "<style>" in data
    assert "Not reviewed." in data
    tree = lxml_html.fromstring(data)
    assert tree.find(".//title").text.startswith("Human-rights concerns in Draft new")
    assert len(tree.xpath("//article")) == 5
    assert tree.xpath("//del")
    assert tree.xpath("//ins")
    anchors = {a.get("href")[1:] for a in tree.xpath("//nav//a")}
    assert anchors == {s.get("id") for s in tree.xpath("//section")}


def test_deterministic_and_registered() -> None:
    assert write_html_brief(sample_job()).data == write_html_brief(sample_job()).data
    assert WRITERS["markdown"].binary is False
    assert WRITERS["html"].body is None


def test_not_reviewed_notice_in_markdown() -> None:
    sheet, _ = build_sheet(sample_draft(), sample_entries(), sample_library(), reviewed=False)
    text = write_markdown_brief(WriterInput(sheet, sample_meta())).data.decode()
    assert "> **Not reviewed.**" in text
