"""Synthetic .docx edge cases for the reader, built in code (stdcomment.docxwrite).

Each function returns the bytes of one small draft exercising one corner of Word numbering,
annex detection, tracked changes or direct formatting. Their parsed outlines are golden files
in tests/goldens/outlines/.
"""

from __future__ import annotations

from collections.abc import Callable

from stdcomment.docxwrite import (
    Del,
    DocxBuilder,
    Ins,
    Level,
    Mark,
    MoveFrom,
    MoveTo,
    Run,
)

AUTHOR = "Rapporteur Q12/16"


def _headings(doc: DocxBuilder, num_id: int | None = None) -> None:
    """Define heading 1..3 (ids Heading1..3), optionally numbered through their style."""
    for level in (1, 2, 3):
        doc.style(
            f"Heading{level}",
            f"heading {level}",
            based_on="Normal",
            outline_level=level - 1,
            num_id=num_id,
            num_level=level - 1 if num_id is not None else None,
            bold=True,
        )


def autonum_overrides() -> bytes:
    """Headings numbered by style-level numPr; a restarted list; isLgl; start at level 1."""
    doc = DocxBuilder(title="Automatic numbering")
    heading_list = doc.abstract_num(
        [
            Level("decimal", "%1", style="Heading1"),
            Level("decimal", "%1.%2", style="Heading2"),
            Level("decimal", "%1.%2.%3", style="Heading3"),
        ]
    )
    headings = doc.num(heading_list)
    _headings(doc, headings)
    doc.style("Annex", "Annex heading", based_on="Normal", bold=True)
    annex_list = doc.abstract_num(
        [
            Level("upperLetter", "Annex %1", style="Annex"),
            Level("decimal", "%1.%2", is_lgl=False),
        ]
    )
    annexes = doc.num(annex_list)
    steps = doc.abstract_num([Level("lowerLetter", "%1)"), Level("lowerRoman", "%2)")])
    first_steps = doc.num(steps)
    restarted = doc.num(steps, starts={0: 1})
    legal = doc.abstract_num(
        [Level("upperRoman", "%1."), Level("lowerLetter", "%1.%2", is_lgl=True)]
    )  # level 2 shows "1.1", not "I.a"
    legal_num = doc.num(legal)
    doc.p("Scope", style="Heading1")
    doc.p("This draft specifies the numbering of its own clauses.")
    doc.p("References", style="Heading1")
    doc.p("Terms defined elsewhere", style="Heading2")
    doc.p("Terms defined here", style="Heading2")
    doc.p("Abstract terms", style="Heading3")
    doc.p("Concrete terms", style="Heading3")
    doc.p("Requirements", style="Heading1")
    doc.p("The system shall do the first thing:")
    doc.p("first step", num=(first_steps, 0))
    doc.p("a detail of the first step", num=(first_steps, 1))
    doc.p("second step", num=(first_steps, 0))
    doc.p("Overrides", style="Heading2")
    doc.p("A new list that restarts:")
    doc.p("restarted step", num=(restarted, 0))
    doc.p("another restarted step", num=(restarted, 0))
    doc.p("Legal part", style="Heading1", num=(legal_num, 0))
    doc.p("Legal numbering", style="Heading2", num=(legal_num, 1))
    doc.p("A heading numbered by a legal list level (isLgl) shows decimals only.")
    doc.p("Numbered only at level 2", style="Heading2")
    doc.p("Objective test methods", style="Annex", num=(annexes, 0))
    doc.p("The annex text.")
    doc.p("Second annex", style="Annex", num=(annexes, 0))
    return doc.to_bytes()


def level_one_start() -> bytes:
    """A list of headings whose first heading sits at level 2 (Word shows 0.1)."""
    doc = DocxBuilder(title="Numbering that starts below level 1")
    numbered = doc.numbering(
        [Level("decimal", "%1", style="Heading1"), Level("decimal", "%1.%2", style="Heading2")]
    )
    _headings(doc, numbered)
    doc.p("Orphan sub-clause", style="Heading2")
    doc.p("Word shows this heading as 0.1 because no level-1 heading came before.")
    doc.p("First clause", style="Heading1")
    doc.p("Its sub-clause", style="Heading2")
    return doc.to_bytes()


def annex_appendix() -> bytes:
    """Annexes and appendices found by text, by style, and with misused styles."""
    doc = DocxBuilder(title="Annexes and appendices")
    _headings(doc)
    doc.style("AnnexNoTitle", "Annex_NoTitle", based_on="Normal", bold=True, align="center")
    doc.style("AppendixNoTitle", "Appendix_NoTitle", based_on="AnnexNoTitle")
    doc.style("Annexref", "Annex_ref", based_on="Normal", align="center")
    doc.p("1\tScope", style="Heading1")
    doc.p("Annex A specifies the test procedure.")  # a sentence, not an annex heading
    doc.p("2\tRequirements", style="Heading1")
    doc.p("The device is required to log access.")
    doc.p(["Annex A", "\n", "\n", "Test procedure"], style="AnnexNoTitle")
    doc.p("(This annex forms an integral part of this Recommendation.)", style="Annexref")
    doc.p("A.1\tSet-up", style="Heading1")
    doc.p("The tester is required to calibrate the camera.")
    doc.p("A.2\tMeasurements", style="Heading1")
    doc.p("A.2.1\tLatency", style="Heading2")
    doc.p([Run("Annex B (informative)\tWorked examples", bold=True)])
    doc.p("B.1\tExample", style="Heading1")
    doc.p("NOTE – An example; it is informative.")
    doc.p(["Appendix I", "\n", "\n", "Use cases"], style="AnnexNoTitle")  # styled as an annex
    doc.p("(This appendix does not form an integral part of this Recommendation.)")
    doc.p("I.1\tFirst use case", style="Heading1")
    doc.p("The operator may enable the feature.")
    doc.p("Appendix II – Further cases", style="Heading1")
    doc.p("II.1\tSecond use case", style="Heading1")
    doc.p("Bibliography", style="AnnexNoTitle")
    doc.p("[b-ITU-T F.790]\tRecommendation ITU-T F.790 (2007), Telecommunications accessibility.")
    return doc.to_bytes()


def typed_auto_mix() -> bytes:
    """Typed clause numbers in most headings, Word numbering on a few."""
    doc = DocxBuilder(title="Typed and automatic numbers")
    _headings(doc)
    numbered = doc.numbering(
        [Level("decimal", "%1", start=4), Level("decimal", "%1.%2"), Level("decimal", "%1.%2.%3")]
    )
    doc.p("1\tScope", style="Heading1")
    doc.p("This draft mixes typed and automatic clause numbers.")
    doc.p("2\tReferences", style="Heading1")
    doc.p("3.1\tTerms defined elsewhere", style="Heading2")
    doc.p("3.1.1\tbiometric sample [b-ISO/IEC 2382-37]: analog or digital representation.")
    doc.p("Conventions", style="Heading1", num=(numbered, 0))
    doc.p("Architecture", style="Heading1", num=(numbered, 0))
    doc.p("Components", style="Heading2", num=(numbered, 1))
    doc.p("6\tSecurity", style="Heading1")
    doc.p("6.1 Logging", style="Heading2")  # typed with a space instead of a tab
    doc.p("7.\tOperation", style="Heading1")  # typed with a trailing dot
    return doc.to_bytes()


def tracked_changes() -> bytes:
    """Insertions, deletions, a renumbered heading, inserted and deleted paragraphs, a move."""
    doc = DocxBuilder(title="Tracked changes", track_revisions=True)
    _headings(doc)
    doc.p("1\tScope", style="Heading1")
    doc.p(
        [
            "The system ",
            Del("shall", author=AUTHOR),
            Ins("is required to", author=AUTHOR),
            " record the emotional state of each passenger.",
        ]
    )
    doc.p(
        [Ins("This paragraph was inserted by the rapporteur.", author=AUTHOR)],
        mark=Mark("ins", author=AUTHOR),
    )
    doc.p(
        [Del("This paragraph was deleted by the rapporteur.", author=AUTHOR)],
        mark=Mark("del", author=AUTHOR),
    )
    doc.p([Del("2", author=AUTHOR), Ins("3", author=AUTHOR), "\tRequirements"], style="Heading1")
    doc.p(
        [
            "Operators ",
            Ins("are prohibited from retaining", author=AUTHOR),
            Del("may retain", author=AUTHOR),
            " facial images.",
        ]
    )
    doc.p([MoveFrom("Moved sentence about consent.", author=AUTHOR)])
    doc.p("4\tOperation", style="Heading1")
    doc.p([MoveTo("Moved sentence about consent.", author=AUTHOR)])
    return doc.to_bytes()


def direct_formatted_headings() -> bytes:
    """A draft with no heading styles: short bold paragraphs that start with a number."""
    doc = DocxBuilder(title="Direct formatting")
    doc.p([Run("1\tScope", bold=True)])
    doc.p("This draft uses bold Normal paragraphs as headings, as many contributions do.")
    doc.p([Run("2 Requirements", bold=True)])
    doc.p([Run("2.1\tCapture", bold=True)])
    doc.p("2.1.1\tcapture device: equipment that records images (a definition, not bold).")
    doc.p([Run("2.2 The device shall record the time of each capture.", bold=True)])  # a sentence
    doc.p([Run("2.3\tRetention", bold=True)])
    doc.p("Images are deleted after 24 hours.")
    doc.p([Run("3\tSecurity", bold=True)])
    return doc.to_bytes()


CASES: dict[str, Callable[[], bytes]] = {
    "autonum-overrides": autonum_overrides,
    "level-one-start": level_one_start,
    "annex-appendix": annex_appendix,
    "typed-auto-mix": typed_auto_mix,
    "tracked-changes": tracked_changes,
    "direct-formatted-headings": direct_formatted_headings,
}
