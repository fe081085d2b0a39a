"""What the whole draft is about weighs on each clause: its subject is context for every
clause, and a draft that is about something else keeps only strong evidence."""

from __future__ import annotations

import pytest

from stdcomment.model import (
    Block,
    BlockKind,
    Body,
    Clause,
    ClauseKind,
    Draft,
    Location,
    Metadata,
    Source,
)
from stdcomment.positions import load_positions
from stdcomment.scan import (
    OFF_TOPIC_FACTOR,
    ON_TOPIC_MIN_CLAUSES,
    SUBJECT_CONCEPTS,
    SUBJECT_FACTOR,
    Scanner,
    is_on_topic,
)

LIBRARY = load_positions()
SCANNER = Scanner(list(LIBRARY), LIBRARY.concepts)

CONSENT = "Users must obtain proper consent for data collection."
FILLER = "The timing offset is carried in the header of every frame of the downstream channel."


def _draft(title: str, clauses: list[tuple[str, str, str]]) -> Draft:
    """A draft of one-level clauses; a blank line in a clause's text starts a new paragraph."""
    built = [
        Clause(
            number,
            heading,
            1,
            ClauseKind.BODY,
            True,
            location=Location(10 * n),
            blocks=tuple(
                Block(BlockKind.PARAGRAPH, part, Location(10 * n + k + 1))
                for k, part in enumerate(text.split("\n\n"))
            ),
        )
        for n, (number, heading, text) in enumerate(clauses)
    ]
    return Draft(
        Source("test.docx", "0" * 64, "docx"), Body.ITU_T, Metadata(title=title), tuple(built)
    )


def _positions(draft: Draft) -> dict[str, float]:
    return {f.position_id: f.score for f in SCANNER.scan(draft).findings if f.clause_number == "5"}


def test_the_drafts_subject_is_context_for_each_clause() -> None:
    clause = [("5", "Ethical considerations", CONSENT)]
    about_faces = _draft("Depression screening from facial expressions and voice", clause)
    about_fonts = _draft("Web fonts and font loading", clause)
    assert "consent" in _positions(about_faces)
    assert "consent" not in _positions(about_fonts)
    assert "facial-expression" in SCANNER.subject_concepts(about_faces)
    assert not SCANNER.subject_concepts(about_fonts) & SUBJECT_CONCEPTS


def test_the_opening_paragraph_and_scope_name_the_subject() -> None:
    draft = _draft(
        "Interchange format",
        [
            ("1", "Scope", "This Recommendation specifies emotion recognition for video."),
            ("5", "Ethical considerations", CONSENT),
        ],
    )
    assert "emotion" in SCANNER.subject_concepts(draft)
    assert "consent" in _positions(draft)


def _long(draft_clause: tuple[str, str, str], *, on_topic: bool) -> Draft:
    fill = "The system shall infer the emotional state of each passenger from video."
    others = [
        (str(n), "Frames", fill if on_topic else FILLER) for n in range(6, 6 + ON_TOPIC_MIN_CLAUSES)
    ]
    return _draft("Interchange format", [draft_clause, *others])


def test_a_draft_about_something_else_keeps_only_strong_evidence() -> None:
    clause = ("5", "Processing", "The analytics server is required to track each person.")
    on = _positions(_long(clause, on_topic=True))
    off = SCANNER.scan(_long(clause, on_topic=False), min_score=0)
    off_scores = {f.position_id: f.score for f in off.findings if f.clause_number == "5"}
    assert "privacy" in on
    assert off_scores["privacy"] == pytest.approx(on["privacy"] * OFF_TOPIC_FACTOR, abs=0.1)
    assert "privacy" not in _positions(_long(clause, on_topic=False))
    assert off.off_topic
    assert not SCANNER.scan(_long(clause, on_topic=True)).off_topic
    assert "off_topic" not in SCANNER.scan(_long(clause, on_topic=True)).to_dict()
    assert off.to_dict()["off_topic"] is True


@pytest.mark.parametrize(
    ("kinds", "expected"),
    [
        ([0] * 9, True),  # too short to judge
        ([0] * 40, False),
        ([2] + [0] * 39, False),  # one clause in 40 names analysis of people
        ([2, 2] + [0] * 38, True),
        ([2, 2] + [0] * 198, False),  # 1 % of a long draft
        ([1] * 4 + [0] * 36, True),  # 10 % name personal data
        ([1] * 3 + [0] * 37, False),
    ],
)
def test_is_on_topic(kinds: list[int], expected: bool) -> None:
    assert is_on_topic(kinds, len(kinds)) is expected


RECORDS = "The school may disclose the records of a student to an auditor."


def test_a_position_about_the_drafts_subject_counts_for_more() -> None:
    clause = [
        ("1", "Scope", "This document specifies record keeping."),
        ("5", "Disclosure", RECORDS),
    ]
    about_students = _draft("Privacy of student education records", clause)
    about_tunnels = _draft("Ventilation of road tunnels", clause)
    raised = next(f for f in SCANNER.scan(about_students).findings if f.position_id == "education")
    plain = next(f for f in SCANNER.scan(about_tunnels).findings if f.position_id == "education")
    assert raised.subject == ("education",)
    assert plain.subject == ()
    assert raised.score == pytest.approx(min(plain.score * SUBJECT_FACTOR, 99.9), abs=0.1)
    assert "education" in SCANNER.subject_concepts(about_students)
    # the raise is in the JSON, and only where it applies
    assert raised.to_dict()["subject"] == ["education"]
    assert "subject" not in plain.to_dict()


def test_positions_about_a_kind_of_data_are_not_raised_by_the_subject() -> None:
    clause = [
        ("1", "Scope", "This document specifies access control."),
        ("5", "Enrolment", "Visitors shall be identified by face recognition on arrival."),
    ]
    draft = _draft("Face recognition at building entrances", clause)
    privacy = [f for f in SCANNER.scan(draft).findings if f.position_id == "privacy"]
    assert privacy
    assert all(f.subject == () for f in privacy)


def _nested(parent_title: str) -> Draft:
    child = Clause(
        "5.1",
        "Annual statement",
        2,
        ClauseKind.BODY,
        True,
        location=Location(5),
        blocks=(
            Block(
                BlockKind.PARAGRAPH,
                "The operator shall inform each subscriber once a year in writing.",
                Location(6),
            ),
        ),
    )
    scope = Clause(
        "1",
        "Scope",
        1,
        ClauseKind.BODY,
        True,
        location=Location(1),
        blocks=(
            Block(BlockKind.PARAGRAPH, "This document specifies cable services.", Location(2)),
        ),
    )
    parent = Clause(
        "5", parent_title, 1, ClauseKind.BODY, True, location=Location(4), children=(child,)
    )
    return Draft(
        Source("test.docx", "0" * 64, "docx"),
        Body.ITU_T,
        Metadata(title="Cable services"),
        (scope, parent),
    )


def test_the_titles_above_a_clause_are_its_context() -> None:
    about_data = _nested("Notice regarding personally identifiable information")
    about_billing = _nested("Billing cycles")
    # any score: without the context the trigger does not fire at all
    found = {f.position_id for f in SCANNER.scan(about_data, min_score=1).findings}
    plain = {f.position_id for f in SCANNER.scan(about_billing, min_score=1).findings}
    assert "transparency-remedy" in found
    assert "transparency-remedy" not in plain


@pytest.mark.parametrize(
    ("text", "on_topic"),
    [
        ("A law enforcement agency shall retain video recorded by a body-worn camera.", True),
        ("A police department may intercept the contents of a wire communication.", True),
        ("The agency shall retain the invoices of its cooling contractors.", False),
        # the police and a recording in different paragraphs of a clause do not count
        ("The police station has a car park.\n\nThe camera records the launch.", False),
    ],
)
def test_recording_by_the_police_is_watching_people(text: str, on_topic: bool) -> None:
    clauses = [(str(n), "Provision", text) for n in range(1, 2 + ON_TOPIC_MIN_CLAUSES)]
    draft = _draft("Statute", clauses)
    assert SCANNER.scan(draft).off_topic is (not on_topic)


@pytest.mark.parametrize(
    ("title", "off_topic"),
    [("Pet emotion data format", True), ("Passenger emotion data format", False)],
)
def test_a_draft_about_animals_analyses_nobody(title: str, off_topic: bool) -> None:
    text = "The system shall infer the emotional state from video and report a valence score."
    clauses = [(str(n), "Emotion record", text) for n in range(1, 2 + ON_TOPIC_MIN_CLAUSES)]
    result = SCANNER.scan(_draft(title, clauses))
    assert result.off_topic is off_topic
    assert result.findings  # strong evidence still shows, scaled down when off topic
