"""The bundled position library: it loads, it is complete, and every comment renders."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from stdcomment.cli.main import cli
from stdcomment.model import Requirement
from stdcomment.positions import (
    ACTION_KINDS,
    BODIES,
    HARD_COMMENT_LIMIT,
    PositionError,
    TemplateMatch,
    check_positions,
    comment_context,
    load_positions,
    phrase_key,
    render_comment,
    sample_context,
)

#: The ids DESIGN section 5 requires (reviews and tests refer to them).
REQUIRED_IDS = (
    "emotion-inference",
    "pseudoscience",
    "privacy",
    "expression",
    "assembly",
    "self-incrimination",
    "non-discrimination",
    "race-categories",
    "health-inference",
    "education",
    "driving-insurance",
    "security-early-warning",
    "function-creep",
    "consent",
    "transparency-remedy",
    "physiological-signals",
    "accuracy-claims",
)

LIBRARY = load_positions()
POSITIONS = list(LIBRARY)
IDS = [p.id for p in POSITIONS]


def test_the_bundled_library_holds_every_required_id() -> None:
    missing = [i for i in REQUIRED_IDS if i not in LIBRARY]
    assert not missing, f"positions missing from positions/: {missing}"


def test_positions_check_passes_on_the_bundled_library() -> None:
    result = CliRunner().invoke(cli, ["positions", "check"])
    assert result.exit_code == 0, result.output
    assert re.fullmatch(r"\d+ positions OK\n", result.output), result.output
    assert int(result.output.split()[0]) == len(LIBRARY)


def test_check_reports_no_problem_at_all_on_the_bundled_library() -> None:
    assert [str(p) for p in check_positions()] == []


@pytest.mark.parametrize("position", POSITIONS, ids=IDS)
def test_each_position_is_complete(position) -> None:  # type: ignore[no-untyped-def]
    assert len(position.triggers) >= 2, "at least 2 triggers"
    assert any(t.concepts for t in position.triggers), "at least one composition of concepts"
    assert not any(t.pattern for t in position.triggers), "no raw regular expressions"
    assert 2 <= len(position.evidence) <= 6, "2 to 6 evidence items"
    assert position.rights, "at least one right"
    assert position.report, "at least one report reference"
    assert position.actions, "at least one action"
    assert {t.body for t in position.comments} == set(BODIES)
    assert all(a.kind in ACTION_KINDS for a in position.actions)
    assert all(a.model_text for a in position.actions if a.kind != "delete")
    assert position.stance.endswith("."), "the stance is one sentence a delegate can read aloud"
    assert position.stance.count(". ") == 0, "the stance is a single sentence"
    assert position.path.name == f"{position.id}.toml"


@pytest.mark.parametrize("position", POSITIONS, ids=IDS)
def test_triggers_are_distinct_and_weak_ones_have_context(position) -> None:  # type: ignore[no-untyped-def]
    keys = [phrase_key(t.phrase) for t in position.triggers]
    assert len(keys) == len(set(keys))
    for trigger in position.triggers:
        assert 0.0 <= trigger.weight <= 1.0
        if trigger.weight < 0.5:
            assert trigger.context, f"weak trigger {trigger.phrase!r} needs context words"
        if trigger.regex is not None:
            assert trigger.regex.search("") is None


@pytest.mark.parametrize("position", POSITIONS, ids=IDS)
@pytest.mark.parametrize("body", [*BODIES, "unknown"])
@pytest.mark.parametrize("requirement", [r.value for r in Requirement])
def test_every_comment_renders_for_every_body_and_strength(position, body, requirement) -> None:  # type: ignore[no-untyped-def]
    for informative in (False, True):
        context = sample_context(
            position, requirement=requirement, informative=informative, body=body
        )
        rendered = render_comment(position, body, context)
        for text in (rendered.comment, rendered.proposed_change):
            assert text.strip(), "no empty comment"
            assert len(text) <= HARD_COMMENT_LIMIT
            assert "{{" not in text
            assert "{%" not in text
            assert "  " not in text, "no doubled spaces"
        assert context["clause"]["label"] in rendered.comment + rendered.proposed_change
        assert rendered.category in ("Technical", "Editorial", "General")
        assert rendered.type in ("ge", "te", "ed")


@pytest.mark.parametrize("position", POSITIONS, ids=IDS)
def test_comments_quote_the_match_cite_rights_and_the_report(position) -> None:  # type: ignore[no-untyped-def]
    for body in BODIES:
        context = sample_context(position, requirement="required", body=body)
        rendered = render_comment(position, body, context)
        assert f'"{context["match"]["text"]}"' in rendered.comment
        assert "Emotional Entanglement" in rendered.comment
        assert position.rights_cited[0] in rendered.comment
        assert len(rendered.comment) <= 1500, "keep comments under about 1,500 characters"


def test_requirement_strength_changes_the_wording() -> None:
    position = LIBRARY["emotion-inference"]
    required = render_comment(position, "itu-t", sample_context(position, requirement="required"))
    prohibited = render_comment(
        position, "itu-t", sample_context(position, requirement="prohibited")
    )
    described = render_comment(
        position, "itu-t", sample_context(position, requirement="none", informative=True)
    )
    assert "requires" in required.comment
    assert "We welcome this restriction" in prohibited.comment
    assert "We welcome" not in required.comment
    assert described.comment.startswith("In informative text, clause")


def test_comment_context_builds_what_templates_read() -> None:
    position = LIBRARY["self-incrimination"]
    context = comment_context(
        position,
        clause_number="8.2",
        clause_title="Interview assistance",
        matches=[TemplateMatch("tension index", "tension index", "The tension index is shown.")],
        requirement="required",
        requirement_keyword="is required to",
        draft_body="itu-t",
    )
    rendered = render_comment(position, "itu-t", context)
    assert rendered.comment.startswith("Clause 8.2 Interview assistance requires")
    assert '"tension index"' in rendered.comment
    with pytest.raises(ValueError, match="at least one match"):
        comment_context(position, clause_number="1", clause_title="Scope", matches=[])


def test_render_comment_supplies_the_position_and_rejects_unknown_bodies() -> None:
    position = LIBRARY["privacy"]
    context = sample_context(position)
    del context["position"]
    assert render_comment(position, "iso", context).comment
    with pytest.raises(PositionError, match="unknown body 'etsi'"):
        render_comment(position, "etsi", context)


def test_render_comment_names_the_file_and_field_when_the_context_lacks_a_variable() -> None:
    position = LIBRARY["privacy"]
    context = sample_context(position)
    del context["clause"]
    with pytest.raises(PositionError) as caught:
        render_comment(position, "ieee", context)
    message = str(caught.value)
    assert message.startswith(str(position.path))
    assert "comment.ieee.comment" in message
    assert "'clause' is undefined" in message


def test_rights_are_cited_as_a_delegate_would() -> None:
    cited = LIBRARY["self-incrimination"].rights_cited
    assert "ICCPR art. 14(3)(g)" in cited
    assert "Human Rights Committee General Comment No. 32, para. 41" in cited


def test_library_lookup() -> None:
    assert LIBRARY.get("privacy") is LIBRARY["privacy"]
    assert LIBRARY.get("no-such-position") is None
    with pytest.raises(KeyError):
        LIBRARY["no-such-position"]
    assert LIBRARY.ids == tuple(IDS)
    assert len(LIBRARY) == len(IDS)
    assert LIBRARY.sources == (Path(LIBRARY["privacy"].path).parent,)
