"""The reader on real standards documents (read in place from ../shared/corpus)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from rapidfuzz import fuzz

from stdcomment.model import BlockKind, ClauseKind, Draft, NumberSource
from stdcomment.readers import read_draft
from tests.conftest import CORPUS, corpus_file
from tests.support.toc import toc_entries

pytestmark = pytest.mark.corpus

ALL_DOCX = sorted(
    p for p in CORPUS.glob("*/*") if p.suffix.lower() in (".docx", ".doc") and p.is_file()
)
ITU = [p for p in ALL_DOCX if p.parent.name in ("itu-t-recommendations", "itu-templates-guides")]


def _ids(paths: list[Path]) -> list[str]:
    return [p.name for p in paths]


@pytest.mark.parametrize("path", ALL_DOCX, ids=_ids(ALL_DOCX))
def test_every_corpus_docx_parses_and_is_not_modified(path: Path) -> None:
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    draft = read_draft(path)
    assert draft.source.sha256 == before
    assert any(True for _ in draft.walk())
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    # the JSON form round-trips
    assert Draft.from_dict(draft.to_dict()) == draft


def _norm(text: str) -> str:
    return " ".join(text.split()).strip(" .")


def toc_agreement(path: Path) -> tuple[int, int, list[str]]:
    """Return (entries found in order, entries, what was missing) for `path`'s ToC."""
    entries = toc_entries(path)
    draft = read_draft(path)
    outline = [(c.number, _norm(c.title), c.kind) for c in draft.walk() if c.number or c.title]
    position, found, missing = 0, 0, []
    for entry in entries:
        for index in range(position, len(outline)):
            number, title, kind = outline[index]
            same_title = fuzz.ratio(_norm(entry.title).lower(), title.lower()) >= 90
            if entry.kind in ("annex", "appendix"):
                ok = number == entry.number and kind.value == entry.kind and same_title
            elif entry.kind == "clause":
                ok = number == entry.number and same_title
            else:
                ok = same_title and not number
            if ok:
                found += 1
                position = index + 1
                break
        else:
            missing.append(f"{entry.number} {entry.title}")
    return found, len(entries), missing


WITH_TOC = [p for p in ITU if toc_entries(p)] if CORPUS.is_dir() else []


@pytest.mark.parametrize("path", WITH_TOC, ids=_ids(WITH_TOC))
def test_table_of_contents_matches_the_outline(path: Path) -> None:
    found, total, missing = toc_agreement(path)
    assert total >= 10
    assert found == total, f"{found}/{total}; missing: {missing}"


def _clause(draft: Draft, number: str) -> tuple[str, ClauseKind, NumberSource]:
    clause = draft.find(number)
    assert clause is not None, f"clause {number} not found"
    return clause.title, clause.kind, clause.number_source


def test_typed_number_with_trailing_dot() -> None:
    draft = read_draft(corpus_file("itu-t-recommendations", "T-REC-J.1108-201901-P!!MSW-E.docx"))
    assert _clause(draft, "6")[0] == "Overview"
    assert _clause(draft, "8")[0] == "Timing Processing Specification"
    assert draft.metadata.recommendation == "Draft new Recommendation ITU-T J.1108"
    assert [c.title for c in draft.clauses[1:3]] == ["Summary", "Keywords"]
    conventions = draft.find("5")
    assert conventions is not None
    keywords = {b.requirement_keyword for b in conventions.blocks} - {""}
    assert "is required to" in keywords


def test_corrigendum_and_amendment_numbers() -> None:
    corrigendum = read_draft(
        corpus_file("itu-t-recommendations", "T-REC-O.174-201202-I!Cor2!MSW-E.docx")
    )
    assert _clause(corrigendum, "1.1)")[0] == "Clause 8.4.2.1"
    amendment = read_draft(
        corpus_file("itu-t-recommendations", "T-REC-P.340-201410-I!Amd1!MSW-E.docx")
    )
    annex = amendment.find("B")
    assert annex is not None
    assert annex.kind == ClauseKind.ANNEX
    assert annex.normative
    assert [c.number for c in annex.children] == ["B.1", "B.2", "B.3", "B.4", "B.5", "B.6"]


def test_bis_numbers_and_appendix_roman_numbers() -> None:
    resolution = read_draft(corpus_file("itu-t-recommendations", "T-RES-T.1-2016-MSW-E.docx"))
    assert _clause(resolution, "1bis.2.1")[0] == "Definition"
    assert resolution.find("1bis.2.1") in resolution.find("1bis.2").children  # type: ignore[union-attr]
    supplement = read_draft(
        corpus_file("itu-t-recommendations", "T-REC-A.Sup5-201607-I!!MSW-E.docx")
    )
    appendix = supplement.find("II")
    assert appendix is not None
    assert appendix.kind == ClauseKind.APPENDIX
    assert not appendix.normative
    assert appendix.children[0].number == "II.1"
    assert appendix.children[0].title == "Establishing a collaborative work"


def test_misused_styles_annex_style_for_appendix_and_bibliography() -> None:
    draft = read_draft(corpus_file("itu-t-recommendations", "T-REC-F.921-201808-I!!MSW-E.docx"))
    kinds = [(c.number, c.kind) for c in draft.clauses if c.kind != ClauseKind.BODY]
    assert ("I", ClauseKind.APPENDIX) in kinds
    assert ("", ClauseKind.BIBLIOGRAPHY) in kinds
    definitions = draft.find("3.2")
    assert definitions is not None
    entries = [b.definition for b in definitions.blocks if b.definition is not None]
    assert entries[0] is not None
    assert entries[0].number == "3.2.1"
    assert entries[0].term == "audio alert"
    abbreviations = draft.find("4")
    assert abbreviations is not None
    found = {b.abbreviation.abbreviation for b in abbreviations.blocks if b.abbreviation}
    assert found == {"IABNNS", "PWD"}
    escalators = draft.find("10.5")
    assert escalators is not None
    assert sum(1 for b in escalators.blocks if b.kind == BlockKind.LIST_ITEM) == 9


def test_style_level_auto_numbering_of_sarif() -> None:
    draft = read_draft(
        corpus_file("oasis-sarif-negative", "sarif-v2.0-issue-10-fingerprint-dictionary.docx")
    )
    title, _, source = _clause(draft, "3.2.2")
    assert (title, source) == ("uri property", NumberSource.AUTO)
    assert _clause(draft, "1.3")[1] == ClauseKind.REFERENCES
    revised = [b for _, b in draft.blocks() if b.revision is not None]
    assert revised, "the change draft holds tracked insertions"


def test_localised_style_ids_and_tracked_heading() -> None:
    draft = read_draft(
        corpus_file("3gpp-sa2-tdocs", "S2-1812226_eSBA update of solution 15_v1.2.docx")
    )
    clause = draft.find("6.15.4")
    assert clause is not None
    assert clause.title == "Impacts on existing NFs, NF Services and Interfaces"
    assert [c.number for c in draft.find("6.15").children] == [  # type: ignore[union-attr]
        "6.15.1",
        "6.15.2",
        "6.15.3",
        "6.15.4",
        "6.15.5",
    ]
    annotated = [b for _, b in draft.blocks() if b.annotations]
    assert annotated
    assert annotated[0].annotations[0].text


def test_tracked_changes_views_differ() -> None:
    path = corpus_file("3gpp-sa2-tdocs", "S2-1812372 - Evaluation for solutions 1.1 and 1.2.docx")
    current = read_draft(path)
    original = read_draft(path, view="original")
    revised = [b for _, b in current.blocks() if b.revision is not None]
    assert len(revised) >= 10
    for block in revised:
        assert block.revision is not None
        assert block.text == block.revision.current.strip(" \t\n\u00a0") or block.text in (
            block.revision.current
        )
    current_text = "\n".join(b.text for _, b in current.blocks())
    original_text = "\n".join(b.text for _, b in original.blocks())
    assert current_text != original_text
    assert len(current_text) > len(original_text)  # 70 insertions, 5 deletions


def test_field_codes_never_leak_into_text() -> None:
    draft = read_draft(corpus_file("3gpp-sa2-tdocs", "S2-1900429_VLAN_N3IWFSupport.docx"))
    text = "\n".join(b.text for _, b in draft.blocks())
    assert "DOCPROPERTY" not in text
    assert "MERGEFORMAT" not in text


def test_auto_numbered_eu_definitions_keep_their_numbers() -> None:
    draft = read_draft(
        corpus_file("eu-ai-act-drafts", "2021-04-21-AIA-COM-Proposal-21-April-21.docx")
    )
    emotion = [
        b
        for _, b in draft.blocks()
        if "'emotion recognition system' means" in b.text.replace("‘", "'").replace("’", "'")
    ]
    assert emotion
    assert emotion[0].label == "(34)"
