"""The scan: what it finds, what it stays silent on, and its invariants."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stdcomment.cli.main import cli
from stdcomment.findings import ScanResult
from stdcomment.model import (
    Block,
    BlockKind,
    Body,
    Clause,
    ClauseKind,
    Draft,
    Location,
    Metadata,
    Requirement,
    Source,
)
from stdcomment.positions import load_positions
from stdcomment.positions.concepts import resolve_terms
from stdcomment.readers import read_draft
from stdcomment.scan import DEFAULT_MIN_SCORE, Scanner
from tests.conftest import SAMPLES

LIBRARY = load_positions()
SCANNER = Scanner(list(LIBRARY))


def draft_of(*clauses: tuple[str, str, list[str]], body: Body = Body.ITU_T) -> Draft:
    """Build a draft from (number, title, [paragraph texts]) without any .docx."""
    built = []
    index = 0
    for number, title, texts in clauses:
        blocks = []
        for text in texts:
            index += 1
            blocks.append(Block(BlockKind.PARAGRAPH, text, Location(index)))
        index += 1
        built.append(Clause(number, title, 1, ClauseKind.BODY, True, location=Location(index)))
        built[-1] = Clause(
            number, title, 1, ClauseKind.BODY, True, location=Location(index), blocks=tuple(blocks)
        )
    return Draft(Source("test.docx", "0" * 64, "docx"), body, Metadata(), tuple(built))


# -- traps real drafts are full of ------------------------------------------------------------

TRAPS = [
    "The application programming interface shall expose the surface normals of the mesh.",
    "The fingerprint of the model file is a SHA-256 hash computed over its bytes.",
    "A race condition in the frame buffer shall be avoided by locking the queue.",
    "Field values are validated against a regular expression before they are stored.",
    "The transformer uses multi-head self-attention with 12 attention heads per layer.",
    "The network function provides monitoring of network events such as UE reachability.",
    "The expression (a + b) / 2 gives the mean of the two timestamps.",
    "The user interface shows the location of the UE on a map for the operator.",
    "Interface IF-3 carries the encoded video surface to the display controller.",
    "Each TLS certificate fingerprint is logged for audit.",
    "Attention is drawn to the possibility that implementing this Recommendation may involve "
    "patents.",
    "The QoS monitoring report is sent to the application function every 10 seconds.",
    "Select two neighbouring faces of the mesh and merge the face corners that share an edge.",
    "The log format is a happy medium between compact storage and full detail.",
    "Valid weights lie between 0 and 1; a value that lies outside is clamped.",
    "Errors propagate, except for the short-circuiting behaviour of the logical operators.",
]


def test_traps_raise_no_concern() -> None:
    draft = draft_of(*[(str(i + 1), "Technical requirements", [t]) for i, t in enumerate(TRAPS)])
    result = SCANNER.scan(draft)
    assert [(f.clause_number, f.position_id, f.evidence[0].matched) for f in result.findings] == []


def test_trap_corpus_documents_stay_quiet() -> None:
    """SARIF's 'fingerprint' and 3GPP's 'monitoring events' are hashes and network events."""
    from tests.conftest import CORPUS

    paths = [
        CORPUS / "oasis-sarif-negative/sarif-v2.0-issue-10-fingerprint-dictionary.docx",
        CORPUS / "3gpp-sa2-tdocs/S2-2209667-9163r02-23502-Suecr_v1.DOCX",
    ]
    paths = [p for p in paths if p.exists()]
    if not paths:
        pytest.skip("corpus not available")
    for path in paths:
        result = SCANNER.scan(read_draft(path))
        assert result.findings == (), [
            (f.clause_number, f.position_id, f.evidence[0].matched) for f in result.findings
        ]


# -- what it finds, and how it explains it ----------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "position"),
    [
        ("The analytics server is required to track each person across all cameras.", "privacy"),
        ("Pedestrian trajectories are kept for every passer-by in the station.", "privacy"),
        (
            "The proctoring tool reports when the candidate is looking away from the screen "
            "or opens the mouth.",
            "expression",
        ),
        (
            "The department may disclose personal information about any individual "
            "obtained in connection with a motor vehicle record.",
            "privacy",
        ),
    ],
)
def test_finds_the_concern_in_unseen_wording(sentence: str, position: str) -> None:
    result = SCANNER.scan(draft_of(("5.1", "Functions", [sentence])))
    assert position in {f.position_id for f in result.findings}


def test_finds_and_explains_emotion_inference_in_a_requirement() -> None:
    sentence = "The system is required to infer the emotional state of each passenger from video."
    result = SCANNER.scan(draft_of(("6.2", "Processing", [sentence])))
    found = {f.position_id: f for f in result.findings}
    assert "emotion-inference" in found
    finding = found["emotion-inference"]
    top = finding.evidence[0]
    assert top.text[top.start : top.end] == top.matched
    assert top.requirement == Requirement.REQUIRED
    assert top.requirement_keyword == "is required to"
    assert top.sentence == sentence
    assert finding.clause_number == "6.2"
    assert top.location == Location(1)


def test_exclusion_statement_is_not_a_concern() -> None:
    text = "This Recommendation does not address the use of emotion recognition in healthcare."
    result = SCANNER.scan(draft_of(("1", "Scope", [text])))
    assert not any(f.position_id == "emotion-inference" for f in result.findings)
    assert any(f.position_id == "emotion-inference" for f in result.exclusions)


def test_title_hit_weighs_above_body_hit() -> None:
    in_title = SCANNER.scan(draft_of(("7", "Emotion recognition", ["The function is defined."])))
    in_body = SCANNER.scan(draft_of(("7", "Functions", ["Emotion recognition is defined."])))

    def score(result: ScanResult) -> float:
        return max(f.score for f in result.findings if f.position_id == "emotion-inference")

    assert score(in_title) > score(in_body)


def test_requirement_weighs_above_note() -> None:
    text = "The system shall estimate the emotional state of each subject."
    requirement = draft_of(("7", "Functions", [text]))
    note = Draft(
        requirement.source,
        requirement.body,
        requirement.metadata,
        (
            Clause(
                "7",
                "Functions",
                1,
                blocks=(Block(BlockKind.NOTE, text, Location(1), label="NOTE", informative=True),),
            ),
        ),
    )
    scores = []
    for draft in (requirement, note):
        result = SCANNER.scan(draft, min_score=0)
        scores.append(max(f.score for f in result.findings if f.position_id == "emotion-inference"))
    assert scores[0] > scores[1]


def test_spelling_and_hyphenation_variants_match() -> None:
    texts = [
        "Micro-expressions are detected at 100 frames per second.",
        "Microexpressions are detected at 100 frames per second.",
        "Micro expressions are detected at 100 frames per second.",
    ]
    for text in texts:
        result = SCANNER.scan(draft_of(("7", "Detection", [text])), min_score=0)
        assert any(f.position_id == "pseudoscience" for f in result.findings), text
    british = SCANNER.scan(draft_of(("7", "Behaviour", ["The ERVS recognises emotions."])))
    assert any(f.position_id == "emotion-inference" for f in british.findings)


def test_one_finding_per_clause_and_position_ranked() -> None:
    result = SCANNER.scan(read_draft(SAMPLES / "itu-t-f-ervs-draft.docx"))
    pairs = [(f.clause_label, f.position_id) for f in result.findings]
    assert len(pairs) == len(set(pairs))
    for finding in result.findings:
        strengths = [e.strength for e in finding.evidence]
        assert strengths == sorted(strengths, reverse=True)


# -- properties -------------------------------------------------------------------------------

SAMPLE = read_draft(SAMPLES / "itu-t-f-ervs-draft.docx")


@settings(max_examples=12, deadline=None)
@given(st.floats(0, 100), st.floats(0, 100))
def test_raising_min_score_never_adds_findings(low: float, high: float) -> None:
    low, high = min(low, high), max(low, high)
    at_low = {
        (f.clause_number, f.position_id) for f in SCANNER.scan(SAMPLE, min_score=low).findings
    }
    at_high = {
        (f.clause_number, f.position_id) for f in SCANNER.scan(SAMPLE, min_score=high).findings
    }
    assert at_high <= at_low


TRIGGERS = [
    (position.id, trigger)
    for position in LIBRARY
    for trigger in position.triggers
    if trigger.phrase.strip()
]
NEUTRAL = [
    "The operator shall configure {} before the service starts.",
    "Each module should report {} in its status message.",
    "{} is described in this clause.",
]


def _example_words(trigger: object) -> list[str]:
    """One term of each concept group of a trigger (or its first own term), as written."""
    terms = list(trigger.terms)  # type: ignore[attr-defined]
    if terms:
        return [terms[0]]
    words: list[str] = []
    for group in trigger.concepts:  # type: ignore[attr-defined]
        options = [t.lstrip("=") for t in resolve_terms(group[0], LIBRARY.concepts)]
        words.append(next(t for t in options if t.lower() not in {w.lower() for w in words}))
    return words


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(TRIGGERS), st.sampled_from(NEUTRAL))
def test_trigger_pasted_into_a_neutral_clause_is_found(
    position_trigger: tuple[str, object], template: str
) -> None:
    """A term of each of a trigger's concepts, in one neutral sentence, fires the trigger."""
    position_id, trigger = position_trigger
    words = _example_words(trigger)
    text = template.format(" and ".join(words))
    context = list(trigger.context)  # type: ignore[attr-defined]
    if context:
        term = resolve_terms(context[0], LIBRARY.concepts)[0].lstrip("=")
        text += f" It applies to {term}."
    draft = draft_of(("5", "General", [text]))
    scanner = Scanner([p for p in LIBRARY if p.id == position_id], LIBRARY.concepts)
    explanation, hits = scanner.explain(text)
    if explanation.cancelled or explanation.excluded:
        return  # one of the example words is also an exclusion or a not_near concept
    result = scanner.scan(draft, min_score=0)
    found = [f for f in [*result.findings, *result.exclusions] if f.position_id == position_id]
    assert found, f"{position_id}: {trigger.phrase!r} not found in {text!r}"  # type: ignore[attr-defined]
    labels = {h.evidence.trigger for h in hits}
    assert trigger.phrase in labels, (text, labels)  # type: ignore[attr-defined]


def test_spans_point_at_the_matched_text() -> None:
    result = SCANNER.scan(SAMPLE, min_score=0)
    assert result.findings
    for finding in [*result.findings, *result.exclusions]:
        for evidence in finding.evidence:
            assert evidence.text[evidence.start : evidence.end] == evidence.matched
            assert evidence.matched.strip()
            assert " ".join(evidence.matched.split()) in " ".join(evidence.sentence.split())


# -- the command ------------------------------------------------------------------------------


def test_cli_formats_and_fail_on_findings(tmp_path: Path) -> None:
    runner = CliRunner()
    sample = str(SAMPLES / "itu-t-f-ervs-draft.docx")
    table = runner.invoke(cli, ["scan", sample])
    assert table.exit_code == 0, table.output
    assert "emotion-inference" in table.output
    assert "Per position" in table.output
    out = tmp_path / "findings.json"
    written = runner.invoke(cli, ["scan", sample, "--format", "json", "-o", str(out)])
    assert written.exit_code == 0
    data = json.loads(out.read_text())
    result = ScanResult.from_dict(data["drafts"][0])
    assert result.findings
    assert ScanResult.from_dict(result.to_dict()) == result
    again = runner.invoke(cli, ["scan", sample, "--format", "json", "-o", str(out)])
    assert again.exit_code == 2
    assert "exists" in again.output
    failing = runner.invoke(cli, ["scan", sample, "--fail-on-findings"])
    assert failing.exit_code == 1
    quiet = runner.invoke(cli, ["scan", sample, "--fail-on-findings", "--min-score", "100"])
    assert quiet.exit_code == 0, quiet.output
    csv_out = runner.invoke(cli, ["scan", sample, "--format", "csv"])
    assert csv_out.output.splitlines()[0].startswith("draft,clause,clause_title,position,score")
    markdown = runner.invoke(cli, ["scan", sample, "--format", "markdown"])
    assert re.search(r"^## 7\.1 General requirements", markdown.output, re.MULTILINE)


def test_folder_scan_reports_a_broken_file_and_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "drafts"
    folder.mkdir()
    (folder / "a.docx").write_bytes((SAMPLES / "itu-t-f-ervs-draft.docx").read_bytes())
    (folder / "b.docx").write_bytes(b"not a zip")
    (folder / "c.docx").write_bytes((SAMPLES / "ieee-p7915-affect-draft.docx").read_bytes())
    result = CliRunner().invoke(cli, ["scan", str(folder), "--jobs", "2", "--format", "json"])
    assert result.exit_code == 0
    assert "b.docx: is not a .docx file" in result.output
    start = result.output.index("{")
    data = json.loads(result.output[start : result.output.rindex("}") + 1])
    errors = [d for d in data["drafts"] if d.get("error")]
    assert len(data["drafts"]) == 3
    assert len(errors) == 1
    assert all(d["findings"] for d in data["drafts"] if not d.get("error"))


def test_unknown_position_is_a_usage_error() -> None:
    result = CliRunner().invoke(
        cli, ["scan", str(SAMPLES / "itu-t-f-ervs-draft.docx"), "--position", "nope"]
    )
    assert result.exit_code == 2
    assert "unknown position" in result.output


def test_default_threshold_is_documented() -> None:
    result = CliRunner().invoke(cli, ["scan", "--help"])
    assert f"{DEFAULT_MIN_SCORE:g}" in result.output


def test_comments_quote_the_phrase_around_composed_words() -> None:
    sentence = (
        "The system is required to classify the emotional state of each passenger, and to store it."
    )
    result = SCANNER.scan(draft_of(("6.2", "Processing", [sentence])))
    finding = next(f for f in result.findings if f.position_id == "emotion-inference")
    top = finding.evidence[0]
    assert top.matched in top.phrase()
    assert top.phrase() == (
        "The system is required to classify the emotional state of each passenger"
    )
    for evidence in finding.evidence:
        assert evidence.matched in evidence.phrase()
