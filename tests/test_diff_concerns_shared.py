"""The concerns delta scans both drafts in one pass, each distinct clause once: the findings it
works from are those a scan of each draft gives, clause by clause."""

from __future__ import annotations

from dataclasses import replace

import pytest

from stdcomment.batch import ScanSettings, build_scanner
from stdcomment.diff.concerns import scan_both
from stdcomment.findings import Finding
from stdcomment.model import Draft
from stdcomment.readers import read_draft
from stdcomment.scan import Scanner, scanned
from tests.conftest import SAMPLES


def _summary(finding: Finding) -> tuple[object, ...]:
    # evidence locations are left out: a shared clause's evidence names the first place
    # its text stands, and the concerns delta never reads them
    return (
        finding.clause_number,
        finding.clause_title,
        finding.clause_kind,
        finding.position_id,
        finding.score,
        finding.requirement,
        finding.exclusion,
        tuple((e.trigger, e.matched, e.start, e.sentence, e.where) for e in finding.evidence),
    )


def _expected(draft: Draft, scanner: Scanner) -> list[tuple[object, ...]]:
    return [_summary(f) for f in scanner.scan(draft).findings]


@pytest.fixture(scope="module")
def scanner() -> Scanner:
    return build_scanner(ScanSettings())


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("itu-t-f-ervs-draft.docx", "itu-t-f-ervs-draft-v2.docx"),
        ("itu-t-f-ervs-draft-v2.docx", "itu-t-f-ervs-draft.docx"),
        ("itu-t-f-ervs-draft.docx", "ieee-p7915-affect-draft.docx"),
    ],
)
def test_same_findings_as_scanning_each_draft(old: str, new: str, scanner: Scanner) -> None:
    old_draft, new_draft = read_draft(SAMPLES / old), read_draft(SAMPLES / new)
    old_found, new_found = scan_both(old_draft, new_draft, scanner)
    assert [_summary(f) for _, f in old_found] == _expected(old_draft, scanner)
    assert [_summary(f) for _, f in new_found] == _expected(new_draft, scanner)
    for draft, found in ((old_draft, old_found), (new_draft, new_found)):
        clauses = list(draft.walk())
        for index, finding in found:
            assert clauses[index].number == finding.clause_number
            assert clauses[index].title == finding.clause_title
            assert scanned(clauses[index])


def test_a_renumbered_draft_is_not_scanned_again(
    scanner: Scanner, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft = read_draft(SAMPLES / "itu-t-f-ervs-draft.docx")
    renumbered = replace(
        draft,
        clauses=tuple(replace(c, number=f"{c.number}x" if c.number else "") for c in draft.clauses),
    )
    scanned_clauses: list[int] = []
    scan_clauses = scanner.scan_clauses

    def counting(batch: Draft, **kwargs: object) -> object:
        scanned_clauses.append(sum(1 for _ in batch.walk()))
        return scan_clauses(batch, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(scanner, "scan_clauses", counting)
    old_found, new_found = scan_both(draft, renumbered, scanner)
    distinct = sum(1 for c in draft.walk() if scanned(c) and (c.blocks or not c.children))
    # each distinct clause once, in batches by what the draft and the titles above name
    assert sum(scanned_clauses) == distinct
    assert old_found
    assert [f.position_id for _, f in old_found] == [f.position_id for _, f in new_found]
