"""A small, self-contained comment sheet for the writer tests and goldens.

The sheet is built from a hand-made draft, two hand-made positions and five review entries,
so the goldens do not move when the bundled positions or the scanner are tuned. It covers
every edit kind (replace, delete, insert-after, none), a comment of the delegate's own, an
unnumbered clause, a table row, a page/line location (as the PDF reader gives) and text
that is not ASCII (smart quotes, dashes, accents, symbols).
"""

from __future__ import annotations

from pathlib import Path

from stdcomment.comments import CommentSheet, build_sheet
from stdcomment.contribution import ContributionMeta
from stdcomment.model import (
    Block,
    BlockKind,
    Body,
    Clause,
    ClauseKind,
    Contact,
    Draft,
    Location,
    Metadata,
    NumberSource,
    Source,
)
from stdcomment.positions import (
    Action,
    CommentTemplates,
    Position,
    PositionLibrary,
    ReportRef,
    Right,
    Trigger,
)
from stdcomment.review import Change, ReviewEntry
from stdcomment.writers import WriterInput

SCOPE = "This Recommendation specifies requirements for affect analytics in public venues."
R7 = (
    "[R-X-007] The system is required to classify each visitor’s emotional state – "
    "anger, fear or joy."
)
R9 = "Alerts are raised when the “tension index” is ≥ 80 for more than 10 s."
ROW = "ethnicity | string | Résumé of the visitor’s ethnic group"
INTRO = "Research shows that basic emotions are expressed the same way in all cultures."


def _clause(number: str, title: str, blocks: list[tuple[str, BlockKind, Location]],
            kind: ClauseKind = ClauseKind.BODY) -> Clause:  # fmt: skip
    return Clause(
        number=number,
        title=title,
        level=number.count(".") + 1,
        kind=kind,
        number_source=NumberSource.TYPED if number else NumberSource.NONE,
        blocks=tuple(Block(k, text, loc) for text, k, loc in blocks),
    )


def sample_draft() -> Draft:
    """A tiny ITU-T draft with the texts the entries quote (PDF-like page/line locations)."""
    return Draft(
        source=Source("drafts/f-xyz.docx", "0" * 64, "docx"),
        body=Body.ITU_T,
        metadata=Metadata(
            title='Draft new Recommendation ITU-T F.XYZ "Affect analytics in public venues"',
            document_number="SG16-TD999/WP2",
            work_item="F.XYZ",
            recommendation="Draft new Recommendation ITU-T F.XYZ",
            study_group="16",
            questions="12/16",
            place="Geneva",
            date="3-13 March 2026",
        ),
        clauses=(
            _clause(
                "", "Introduction", [(INTRO, BlockKind.PARAGRAPH, Location(4))], ClauseKind.FRONT
            ),
            _clause(
                "1",
                "Scope",
                [(SCOPE + " It covers public venues.", BlockKind.PARAGRAPH, Location(10))],
            ),
            _clause(
                "7.1",
                "General requirements",
                [(R7, BlockKind.PARAGRAPH, Location(30, page=12, line=30, last_line=31))],
            ),
            _clause(
                "9.2",
                "Alerts",
                [
                    (
                        "Each alert carries a level. " + R9,
                        BlockKind.PARAGRAPH,
                        Location(41, page=14, line=7),
                    )
                ],
            ),
            _clause(
                "A.1",
                "Emotion record",
                [
                    ("Table A.1 – Fields", BlockKind.CAPTION, Location(50)),
                    ("Field | Type | Values\n" + ROW, BlockKind.TABLE, Location(51, table=2)),
                ],
                ClauseKind.ANNEX,
            ),
        ),
    )


def sample_library() -> PositionLibrary:
    """Two positions, enough for titles, stances, rights and report citations."""
    templates = (CommentTemplates("itu-t", "{{ clause.label }}", "Delete."),)
    infer = Position(
        id="emotion-inference",
        title="Inferring emotions or inner states from people",
        stance="A standard should not specify technology that claims to infer emotions.",
        rationale="",
        rights=(Right("ICCPR", "art. 19"), Right("ICCPR", "art. 17")),
        report=(ReportRef("2. Use Cases", pages="18-35"),),
        evidence=(),
        triggers=(Trigger("emotion recognition", 1.0),),
        actions=(Action("delete", "Delete it."),),
        comments=templates,
    )
    race = Position(
        id="race-categories",
        title="Race, ethnicity or skin colour as classes",
        stance="A standard should not define race or ethnicity as a field about people.",
        rationale="",
        rights=(Right("ICERD", "arts. 1, 2"),),
        report=(ReportRef("3. Emotion Recognition and Human Rights", "Ethnicity", "40-41"),),
        evidence=(),
        triggers=(Trigger("ethnicity", 1.0),),
        actions=(Action("replace", "Replace it.", "No ethnic origin is recorded."),),
        comments=templates,
    )
    return PositionLibrary((infer, race))


def sample_entries() -> list[ReviewEntry]:
    """Five accepted entries: replace, delete, insert-after, none, and one of our own."""
    return [
        ReviewEntry(
            id="emotion-inference-intro",
            status="accepted",
            position="emotion-inference",
            clause_title="Introduction",
            location="paragraph 5",
            element="Paragraph 1",
            quote=INTRO,
            type="ge",
            category="General",
            comment="The Introduction presents contested claims as settled science.",
            proposed_change="No change to this sentence; see the comment on 7.1.",
        ),
        ReviewEntry(
            id="manual-scope",
            status="accepted",
            origin="manual",
            clause="1",
            clause_title="Scope",
            location="paragraph 11",
            element="Paragraph 1",
            quote=SCOPE,
            must_be_satisfied=True,
            comment="The scope should exclude inferring people’s emotions.",
            proposed_change="Add a sentence excluding emotion inference.",
            change=Change("insert-after", SCOPE, "It does not cover inferring emotions."),
        ),
        ReviewEntry(
            id="emotion-inference-7-1",
            status="accepted",
            position="emotion-inference",
            clause="7.1",
            clause_title="General requirements",
            location="page 12, line 30-31",
            element="Paragraph 1",
            page=12,
            line=30,
            quote=R7,
            must_be_satisfied=True,
            comment="Clause 7.1 requires inferring emotions (“emotional state”).\n\n"
            "Second paragraph – with an en dash, café and 10 µs.",
            proposed_change="Delete R-X-007.",
            change=Change("delete", R7),
        ),
        ReviewEntry(
            id="emotion-inference-9-2",
            status="accepted",
            position="emotion-inference",
            clause="9.2",
            clause_title="Alerts",
            location="page 14, line 7",
            element="Paragraph 1",
            page=14,
            line=7,
            quote=R9,
            comment="A “tension index” ≥ 80 is read as a sign of intent.",
            proposed_change="Delete the alert rule.",
            change=Change("replace", R9, "Alerts are not derived from inferred inner states."),
        ),
        ReviewEntry(
            id="race-categories-a-1",
            status="accepted",
            position="race-categories",
            clause="A.1",
            clause_title="Emotion record",
            location="table 3, row 2",
            element="Table A.1, row 2",
            quote=ROW,
            type="te",
            comment="Table A.1 defines an ethnicity field.",
            proposed_change="Delete the row.",
            change=Change("replace", ROW, "No ethnic origin is recorded."),
        ),
    ]


def sample_meta() -> ContributionMeta:
    """Fixed metadata, so the outputs are byte-identical."""
    return ContributionMeta(
        doc_type="C",
        document_number="SG16-C123",
        study_group="16",
        study_period="2025-2028",
        questions="12/16",
        place="Geneva",
        meeting_date="3-13 March 2026",
        source="Example Digital Rights Association",
        title="Proposed modifications to draft new Recommendation ITU-T F.XYZ",
        date="2026-02-16",
        contacts=(
            Contact(
                "Alex Example",
                "Example Digital Rights Association",
                "Examplia",
                "+00 30 5550 0123",
                "alex@rights.example",
            ),
            Contact(
                "Sam Sample", "Another Example Network", "Sampleland", "", "sam@network.example"
            ),
        ),
        member_body="GB",
        iso_document="ISO/IEC CD 99999",
        iso_project="ISO/IEC 99999",
        ieee_voter="Example, Alex",
    )


def sample_sheet() -> CommentSheet:
    """The comment sheet of the sample entries."""
    sheet, warnings = build_sheet(sample_draft(), sample_entries(), sample_library(), reviewed=True)
    assert warnings == [], warnings
    return sheet


def sample_job(templates: tuple[Path, ...] = ()) -> WriterInput:
    """The writers' input for the sample sheet."""
    return WriterInput(sample_sheet(), sample_meta(), templates)


def canonical_parts(data: bytes) -> dict[str, str]:
    """Return each part of a .docx as canonical XML (C14N 2.0, indented), by part name.

    Parsing first makes the comparison blind to attribute order and namespace prefixes;
    indenting only adds whitespace between elements (text nodes are untouched), so golden
    diffs are readable.
    """
    import io
    import zipfile

    from lxml import etree

    out: dict[str, str] = {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            raw = archive.read(name)
            root = etree.fromstring(raw, etree.XMLParser(remove_blank_text=True))
            etree.indent(root, space=" ")
            out[name] = etree.tostring(root, method="c14n2").decode("utf-8") + "\n"
    return out


def check_docx_golden(folder: str, data: bytes) -> None:
    """Compare a .docx with `tests/goldens/<folder>/`: the part list, then each part."""
    from tests.goldens import check_golden

    parts = canonical_parts(data)
    check_golden(f"{folder}/parts.txt", "".join(f"{name}\n" for name in parts))
    for name, text in parts.items():
        check_golden(f"{folder}/{name.replace('/', '__')}", text)


def check_golden_bytes(name: str, actual: bytes) -> None:
    """Compare bytes with `tests/goldens/<name>` exactly (CRLF kept).

    STDCOMMENT_REGEN=1 rewrites the file.
    """
    from tests.goldens import GOLDENS, check_golden, regenerating

    path = GOLDENS / name
    if regenerating():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(actual)
        return
    assert path.exists(), f"golden file {path} is missing (run with STDCOMMENT_REGEN=1, review it)"
    if path.read_bytes() != actual:
        check_golden(name, actual.decode("utf-8"))  # shows a readable diff
        raise AssertionError(f"output differs from {path} (line endings or encoding)")
