"""`stdcomment positions explain`: what fires on one sentence, and why something does not."""

from __future__ import annotations

from click.testing import CliRunner

from stdcomment.cli.main import cli


def _explain(*args: str) -> str:
    result = CliRunner().invoke(cli, ["positions", "explain", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_concepts_triggers_and_scores_are_shown() -> None:
    out = _explain("The emotions detected on the face, for example HAPPY, SAD and ANGRY.")
    assert "Concepts found:" in out
    assert '"emotions" (emotion)' in out  # the word and the concept term it matched
    assert '"detected" (detect)' in out
    assert '"emotions inferred (any wording)"' in out
    assert "needs emotion + infer (in one sentence)" in out
    scores = out.split("Scores (as a body paragraph with no requirement keyword):")[1]
    assert "emotion-inference" in scores
    assert "pseudoscience" in scores


def test_a_trigger_one_concept_short_is_named() -> None:
    out = _explain("The camera records the emotions of passengers.")
    assert "Triggers one concept short:" in out
    assert '"emotions inferred (any wording)": no infer' in out


def test_exclusions_and_cancellations_are_explained() -> None:
    out = _explain("A race condition after the device driver update.")
    assert "Triggers that fire: none" in out
    assert "not counted: 'driver' is inside the exclusion 'device driver'" in out
    assert "not counted: 'suspicious' is inside the exclusion 'suspicious login'" in _explain(
        "Suspicious login attempts are flagged."
    )
    out = _explain("The camera flagged abnormal behaviour of passengers near the firewall.")
    assert "Cancelled:" in out
    assert "\"behaviour labelled suspicious or abnormal\": not near 'cyber' ('firewall')" in out


def test_words_and_title_options() -> None:
    out = _explain("Learners were tracked.", "--words", "--title", "Emotion analytics")
    assert "learner(learner)" in out
    assert "tracked(track)" in out
