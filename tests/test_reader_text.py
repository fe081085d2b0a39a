"""The text reader: Markdown, AsciiDoc and plain-text drafts into the clause tree."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from stdcomment.cli.main import cli
from stdcomment.errors import InputError
from stdcomment.model import Block, BlockKind, ClauseKind, Draft, Location, NumberSource
from stdcomment.readers import READERS, read_draft
from stdcomment.readers.text import source as text_source
from stdcomment.readers.text.blocks import typed_heading
from tests.conftest import CORPUS

MARKDOWN = """\
<!-- source: https://example.org/draft.md -->
<!-- fetched 2026-01-01 -->
---
title: Ignored front matter
layout: default
---

# Draft Standard for Face Analysis {#top}

Intro *text* with a [link](https://example.org) and `code`
on two lines.[^n1]

## 3.2 Emotion recognition {#sec-3-2}

The system **shall** not infer
emotions. ![logo](logo.png)

- first bullet
- second bullet
  continued

1. numbered one
2) numbered two

| Term | Meaning |
|------|:-------:|
| FER | facial <br> expression |
| A \\| B | pipe |

```python
x = 1
```

    indented code

> A quoted
> requirement.

### 3.2.1 Details

Setext heading
--------------

Text <span class="x">kept</span> &amp; done.

[^n1]: The footnote text.
[ref]: https://example.org/ref
"""

ASCIIDOC = """\
= Ethics of AI for health
:docnumber: FG-AI4H DEL01
:product: the system
// a comment line
include::sections/00-preface.adoc[]

[[sec-1]]
[heading=clause]
== Introduction

Use of AI *for health* raises <<sdg-report>> concerns
about {product}.footnote:[A note.]

=== 1.1 Scope

* first item
* second item
with a wrapped line

. step one
. step two

NOTE: This is informative.

[cols="1,2"]
|===
|Term |Meaning

|FER
|facial expression recognition
|===

----
code line
----

////
commented out
////

[appendix,obligation=informative]
== Considerations

Text of the annex.
"""

PLAIN = """\

Network Working Group                                          A. Author
Request for Comments: 9999                                       Example
Category: Informational                                     January 2026


              Face Analysis Considerations for Protocols

Abstract

   This document describes considerations for face
   analysis.

Table of Contents

   1.  Introduction . . . . . . . . . . . . . . . . . . . . . . . .  2

1.  Introduction

   Protocols that carry biometric templates MUST protect
   them in transit.

   o  first point,
      wrapped

   o  second point

3.2.  Not a clause (skips a number)

Author                     Informational                      [Page 1]
\fRFC 9999                 Face Analysis                    January 2026


1.1.  Terminology

   The key words are to be interpreted as described in a document
   that is cut by the page

Author                     Informational                      [Page 2]
\fRFC 9999                 Face Analysis                    January 2026


   break and joined again.

Appendix A.  Examples

   An example.
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _blocks(draft: Draft, number_or_title: str) -> list[Block]:
    clause = next(c for c in draft.walk() if number_or_title in (c.number, c.title))
    return list(clause.blocks)


@pytest.fixture
def md(tmp_path: Path) -> Draft:
    return read_draft(_write(tmp_path, "draft.md", MARKDOWN))


@pytest.fixture
def adoc(tmp_path: Path) -> Draft:
    return read_draft(_write(tmp_path, "draft.adoc", ASCIIDOC))


@pytest.fixture
def txt(tmp_path: Path) -> Draft:
    return read_draft(_write(tmp_path, "draft.txt", PLAIN))


def test_suffixes_are_registered() -> None:
    for suffix in (".md", ".markdown", ".adoc", ".asciidoc", ".txt"):
        assert suffix in READERS


def test_typed_heading_numbers() -> None:
    assert typed_heading("3.2 Title") == "3.2\tTitle"
    assert typed_heading("2. Common requirements") == "2.\tCommon requirements"
    assert typed_heading("A.1 Examples") == "A.1\tExamples"
    assert typed_heading("Introduction") == "Introduction"
    assert typed_heading("2019 Report") == "2019 Report"  # a year, not a clause number


def test_heading_with_emphasis_closed_on_a_later_line(tmp_path: Path) -> None:
    text = "# **Draft Standard for\n\nTechnology**\n\n## 1 Scope\n\nText.\n"
    draft = read_draft(_write(tmp_path, "bold.md", text))
    assert [(c.number, c.title) for c in draft.walk()][:2] == [
        ("", "Draft Standard for"),
        ("1", "Scope"),
    ]


# -- Markdown ---------------------------------------------------------------------------------


def test_markdown_clauses(md: Draft) -> None:
    outline = [(c.number, c.title, c.level) for c in md.walk()]
    assert outline == [
        ("", "Draft Standard for Face Analysis", 1),
        ("3.2", "Emotion recognition", 2),
        ("3.2.1", "Details", 3),
        ("", "Setext heading", 2),
    ]
    clause = md.find("3.2")
    assert clause is not None
    assert clause.number_source == NumberSource.TYPED
    assert md.metadata.title == "Draft Standard for Face Analysis"
    assert md.source.format == "markdown"


def test_markdown_blocks(md: Draft) -> None:
    intro = _blocks(md, "Draft Standard for Face Analysis")
    assert [b.text for b in intro] == ["Intro text with a link and code on two lines."]
    assert intro[0].footnotes == ("The footnote text.",)
    blocks = _blocks(md, "3.2")
    assert [(b.kind, b.label, b.text) for b in blocks if b.kind != BlockKind.TABLE] == [
        (BlockKind.PARAGRAPH, "", "The system shall not infer emotions."),
        (BlockKind.LIST_ITEM, "-", "first bullet"),
        (BlockKind.LIST_ITEM, "-", "second bullet continued"),
        (BlockKind.LIST_ITEM, "1.", "numbered one"),
        (BlockKind.LIST_ITEM, "2)", "numbered two"),
        (BlockKind.CODE, "", "x = 1"),
        (BlockKind.CODE, "", "indented code"),
        (BlockKind.PARAGRAPH, "", "A quoted requirement."),
    ]
    assert blocks[0].requirement.value == "prohibited"
    table = next(b for b in blocks if b.kind == BlockKind.TABLE)
    assert table.table is not None
    assert table.table.texts() == [
        ["Term", "Meaning"],
        ["FER", "facial\nexpression"],
        ["A | B", "pipe"],
    ]
    assert [b.text for b in _blocks(md, "Setext heading")] == ["Text kept & done."]


def test_markdown_locations(md: Draft) -> None:
    clause = md.find("3.2")
    assert clause is not None
    assert clause.location is not None
    assert clause.location.line == 13
    blocks = _blocks(md, "3.2")
    assert (blocks[0].location.line, blocks[0].location.last_line) == (15, 16)
    assert blocks[2].location.describe() == "line 19-20"
    table = next(b for b in blocks if b.kind == BlockKind.TABLE)
    assert table.location.table == 0
    assert table.location.describe() == "table 1, line 25-28"
    indexes = [b.location.index for _, b in md.blocks()]
    assert indexes == sorted(indexes)


def test_markdown_setext_and_comments_only(tmp_path: Path) -> None:
    draft = read_draft(_write(tmp_path, "s.markdown", "Title\n=====\n\nBody.\n\n<!-- gone -->\n"))
    assert [(c.title, c.level) for c in draft.walk()] == [("Title", 1)]
    assert [b.text for _, b in draft.blocks()] == ["Body."]


# -- AsciiDoc ---------------------------------------------------------------------------------


def test_asciidoc_clauses(adoc: Draft) -> None:
    assert adoc.metadata.title == "Ethics of AI for health"
    outline = [(c.number, c.title, c.kind) for c in adoc.walk() if c.title or c.number]
    assert [(n, t) for n, t, _ in outline] == [
        ("", "Introduction"),
        ("1.1", "Scope"),
        ("A", "Considerations"),
    ]
    annex = adoc.find("A")
    assert annex is not None
    assert annex.kind == ClauseKind.ANNEX
    assert not annex.normative
    assert adoc.source.format == "asciidoc"


def test_asciidoc_blocks(adoc: Draft) -> None:
    intro = _blocks(adoc, "Introduction")
    assert [b.text for b in intro] == [
        "Use of AI for health raises [sdg-report] concerns about the system."
    ]
    assert intro[0].footnotes == ("A note.",)
    blocks = _blocks(adoc, "1.1")
    assert [(b.kind, b.label, b.text) for b in blocks if b.kind != BlockKind.TABLE] == [
        (BlockKind.LIST_ITEM, "*", "first item"),
        (BlockKind.LIST_ITEM, "*", "second item with a wrapped line"),
        (BlockKind.LIST_ITEM, "1.", "step one"),
        (BlockKind.LIST_ITEM, "2.", "step two"),
        (BlockKind.NOTE, "NOTE", "This is informative."),
        (BlockKind.CODE, "", "code line"),
    ]
    table = next(b for b in blocks if b.kind == BlockKind.TABLE)
    assert table.table is not None
    assert table.table.texts() == [["Term", "Meaning"], ["FER", "facial expression recognition"]]
    assert blocks[0].location.line == 16
    every = " ".join(b.text for _, b in adoc.blocks())
    assert "commented out" not in every
    assert "docnumber" not in every
    assert "include" not in every


# -- plain text -------------------------------------------------------------------------------


def test_plain_text_clauses(txt: Draft) -> None:
    outline = [(c.number, c.title) for c in txt.walk() if c.title or c.number]
    assert outline == [
        ("", "Abstract"),
        ("", "Table of Contents"),
        ("1", "Introduction"),
        ("1.1", "Terminology"),
        ("A", "Examples"),
    ]
    appendix = txt.find("A")
    assert appendix is not None
    assert appendix.kind == ClauseKind.APPENDIX
    assert txt.metadata.title == "Face Analysis Considerations for Protocols"
    assert txt.source.format == "text"


def test_plain_text_blocks(txt: Draft) -> None:
    intro = _blocks(txt, "1")
    assert [(b.kind, b.label, b.text) for b in intro] == [
        (
            BlockKind.PARAGRAPH,
            "",
            "Protocols that carry biometric templates MUST protect them in transit.",
        ),
        (BlockKind.LIST_ITEM, "o", "first point, wrapped"),
        (BlockKind.LIST_ITEM, "o", "second point"),
        (BlockKind.PARAGRAPH, "", "3.2. Not a clause (skips a number)"),
    ]
    assert intro[0].location == Location(intro[0].location.index, line=20, last_line=21)
    terminology = _blocks(txt, "1.1")
    assert [b.text for b in terminology] == [
        "The key words are to be interpreted as described in a document that is cut by the "
        "page break and joined again."
    ]
    every = " ".join(b.text for _, b in txt.blocks())
    assert "[Page" not in every
    assert "RFC 9999" not in every
    assert ". . ." not in every


def test_plain_text_pdf_export_style(tmp_path: Path) -> None:
    """ETSI text exports: no blank lines, headings on their own line, words cut at line ends."""
    text = (
        "Foreword \n"
        "This Technical Specification has been pro\n"
        "duced by a committee. \n"
        "1 Scope \n"
        "The present document shall apply. \n"
        "1.1 Overview \n"
        "Text. \n"
        "Annex A (normative): \n"
        "Detailed requirements \n"
        "A.1 Details on clause 4.1 \n"
        "More text. \n"
    )
    draft = read_draft(_write(tmp_path, "etsi.txt", text))
    assert [(c.number, c.title) for c in draft.walk()] == [
        ("", "Foreword"),
        ("1", "Scope"),
        ("1.1", "Overview"),
        ("A", "Detailed requirements"),
        ("A.1", "Details on clause 4.1"),
    ]
    assert _blocks(draft, "Foreword")[0].text == (
        "This Technical Specification has been produced by a committee."
    )


def test_plain_text_running_header_split_across_lines(tmp_path: Path) -> None:
    """A PDF export splits the page header: "ETSI TS 1 V1 (2022" then "-03) 5 1 Scope"."""
    pages = []
    for page, body in enumerate(["1 Scope ", "2 Terms ", "3 Requirements ", "4 Annexes "], 5):
        header = "  ETSI ETSI TS 1 V1.1.1 (2022 \n"
        pages.append(f"{header}-03) {page} {body}\nThe text shall apply. \n")
    draft = read_draft(_write(tmp_path, "etsi-pages.txt", "".join(pages)))
    assert [(c.number, c.title) for c in draft.walk()] == [
        ("1", "Scope"),
        ("2", "Terms"),
        ("3", "Requirements"),
        ("4", "Annexes"),
    ]
    assert "ETSI" not in " ".join(b.text for _, b in draft.blocks())


# -- hostile input ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        ("nul.md", b"# Title\n\x00\x01binary", "NUL bytes"),
        ("latin.txt", "Caf\u00e9 r\u00e9sum\u00e9\n".encode("latin-1"), "not valid UTF-8"),
        ("empty.adoc", b"\n\n  \n", "has no text"),
        ("only.adoc", b":attr: value\n// comment\n", "has no text"),
    ],
)
def test_hostile_input(tmp_path: Path, name: str, data: bytes, problem: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as error:
        read_draft(path)
    assert problem in str(error.value)
    assert str(path) in str(error.value)


def test_byte_order_mark_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "bom.md"
    path.write_bytes(b"\xef\xbb\xbf# 1 Scope\n\nText.\n")
    draft = read_draft(path)
    assert [(c.number, c.title) for c in draft.walk()] == [("1", "Scope")]


def test_size_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(text_source, "MAX_BYTES", 100)
    path = _write(tmp_path, "big.md", "# Title\n\n" + "word " * 100)
    with pytest.raises(InputError, match="refused"):
        read_draft(path)


def test_cli_exit_2_without_traceback(tmp_path: Path) -> None:
    path = tmp_path / "bad.md"
    path.write_bytes(b"\xff\xfe# not utf-8\n")
    result = CliRunner().invoke(cli, ["parse", str(path)])
    assert result.exit_code == 2
    assert "not valid UTF-8" in result.output
    assert "Traceback" not in result.output


def test_cli_parses_markdown(tmp_path: Path) -> None:
    path = _write(tmp_path, "draft.md", MARKDOWN)
    result = CliRunner().invoke(cli, ["parse", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert '"format": "markdown"' in result.output


# -- the real corpus --------------------------------------------------------------------------

TEXT_SUFFIXES = (".md", ".adoc", ".txt")


def _corpus_files() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    return sorted(
        p
        for p in CORPUS.rglob("*")
        if p.suffix in TEXT_SUFFIXES and p.is_file() and p.name != "SOURCES.md"
    )


@pytest.mark.corpus
@pytest.mark.parametrize("path", _corpus_files(), ids=lambda p: str(p.relative_to(CORPUS)))
def test_corpus_file_parses(path: Path) -> None:
    draft = read_draft(path)
    assert any(True for _ in draft.blocks())


def _corpus(*parts: str) -> Draft:
    path = CORPUS.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"corpus file not available: {path}")
    return read_draft(path)


@pytest.mark.corpus
@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (
            ("nist-sp800-63-4-ipd", "sp800-63a", "sec5_ial.md"),
            [("", "Identity Assurance Level Requirements"), ("", "General Requirements")],
        ),
        (
            ("nist-fips201-3", "requirements.md"),
            [("2.7.1", "Supervised Remote Identity Proofing"), ("2.9.3.1", "PIN Reset")],
        ),
        (
            ("ieee-p2410-draft", "IEEE-P2410-2020-D1-Standard-for-Biometric-Privacy-DRAFT.md"),
            [("1.1", "Scope"), ("9.2", "SBP Data Privacy Reference"), ("8.4.3", "Response")],
        ),
        (
            ("bsi-tr-03121-biometrics", "TR-03121-1_Biometrics_6_0.md"),
            [("2.1", "Motivation and Objectives of Technical Guideline Biometrics")],
        ),
        (
            ("ietf-negative-controls", "rfc3986.txt"),
            [("3.2.2", "Host"), ("5.2.4", "Remove Dot Segments"), ("A", "Collected ABNF for URI")],
        ),
        (
            ("etsi-lawful-interception", "ts_101331v010801p.txt"),
            [("4.2", "General requirements"), ("A.1", "Details on clause 4.3, item d)")],
        ),
        (
            ("itu-t-fg-ai4h-ethics", "sections", "03-applications.adoc"),
            [("", "In health care"), ("", "Clinical care")],
        ),
        (
            ("itu-t-fg-ai4h-ethics", "sections", "aa-considerations.adoc"),
            [
                (
                    "A",
                    "Considerations for the ethical design, deployment and use of artificial "
                    "intelligence technologies for health",
                )
            ],
        ),
    ],
)
def test_corpus_clauses(parts: tuple[str, ...], expected: list[tuple[str, str]]) -> None:
    draft = _corpus(*parts)
    outline = {(c.number, c.title) for c in draft.walk()}
    for item in expected:
        assert item in outline


@pytest.mark.corpus
def test_corpus_rfc_has_no_page_furniture() -> None:
    draft = _corpus("ietf-negative-controls", "rfc3986.txt")
    every = "\n".join(b.text for _, b in draft.blocks())
    assert "[Page " not in every
    assert "RFC 3986                   URI Generic Syntax" not in every
    assert draft.metadata.title == "Uniform Resource Identifier (URI): Generic Syntax"


@pytest.mark.corpus
def test_corpus_markdown_tables_and_lists() -> None:
    draft = _corpus("nist-sp800-63-4-ipd", "sp800-63a", "sec5_ial.md")
    kinds = {b.kind for _, b in draft.blocks()}
    assert {BlockKind.LIST_ITEM, BlockKind.TABLE} <= kinds
    every = " ".join(b.text for _, b in draft.blocks())
    assert "{#" not in every
    assert "](" not in every
    assert "**" not in every
