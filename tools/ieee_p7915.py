"""The fictional IEEE P7915/D2 draft: automatic heading numbering, line numbers, IEEE styles.

Clause numbers are not in the text: `IEEEStds Level n Header` styles carry `numPr` against a
multilevel list, annexes number "Annex %1" in upper letters, bibliography entries "[B%1]".
The second lettered list restarts with a `lvlOverride/startOverride` instance. The text is
invented for testing stdcomment and is written to contain the kind of provisions a
human-rights reviewer would object to.
"""

from __future__ import annotations

from stdcomment.docxwrite import (
    Br,
    ComplexField,
    DocxBuilder,
    Field,
    Indent,
    LineNumbers,
    Margins,
    P,
    Run,
    RunFormat,
    Section,
    Spacing,
    Table,
    TabStop,
)
from stdcomment.docxwrite.presets import IeeeLists, ieee_styles
from tools.sampledoc import (
    Annex,
    Clause,
    Contents,
    Heading,
    Node,
    PageBreak,
    TableNode,
    Term,
    Text,
    Unnumbered,
    clauses,
    estimated_pages,
    walk,
)

DESIGNATION = "IEEE P7915/D2"
DATE = "March 2026"
TITLE = "Draft Standard for Affect Detection in Human\u2013Machine Interfaces"
FICTION = (
    "Fictional sample draft for stdcomment testing. This is not an IEEE document and was not "
    "developed by any IEEE working group; its text and participants are invented."
)
BODY = "IEEEStdsParagraph"
NOTE = "IEEEStdsSingleNote"


def h(key: str, level: int, title: str) -> Heading:
    return Heading(key, level, title)


def p(text: str) -> Text:
    return Text(text, BODY)


def note(text: str) -> Text:
    return Text(f"NOTE\u2014{text}", NOTE)


def nodes(lists: IeeeLists, restart: int) -> list[Node]:
    """The draft; `restart` is the numId of the second lettered list (starts again at a)."""
    return _front() + _overview() + _model(lists) + _profiles(restart) + _back()


def _front() -> list[Node]:
    return [
        Unnumbered("Important notices"),
        p(
            "This document is a fictional draft written to test software that reads draft "
            "standards. It imitates the layout of a ballot draft: its pages and lines are "
            "numbered so that comments can cite them. It has no standing of any kind, it may "
            "not be cited as a standard, and no organization has approved or reviewed it."
        ),
        p(
            "Requirements in this draft are deliberately written to include provisions that a "
            "reviewer concerned with human rights would question: the inference of emotions "
            "from faces and bodies, monitoring without notice, and the reuse of affect data. "
            "They are not recommendations of any kind."
        ),
        PageBreak(),
        Unnumbered("Contents"),
        Contents(),
        PageBreak(),
        Unnumbered("Introduction"),
        Text(Run(f"This introduction is not part of {DESIGNATION}, {TITLE}.", italic=True), BODY),
        p(
            "Interfaces that respond to the emotional state of their users have moved from "
            "research laboratories into cars, learning platforms and workplace software. "
            "Vendors describe the same capability with different terms, measure it in "
            "different ways and report accuracy figures that cannot be compared. This standard "
            "gives the industry a common vocabulary, a common affect model, minimum "
            "requirements per signal modality and a common way to report accuracy."
        ),
        p(
            "The working group considered that affect can be detected reliably from observable "
            "signals when several modalities are combined, and that the remaining uncertainty "
            "is a matter of sensor quality and training data rather than of principle."
        ),
        Unnumbered("Participants"),
        p(
            "At the time this draft was completed, the Affective Interfaces Working Group had "
            "the following officers: Jordan Vale, Chair; Mira Santos, Vice Chair; Tomasz "
            "Brenner, Secretary; Aiko Tanabe, Technical Editor. All names are invented for "
            "this sample."
        ),
        PageBreak(),
    ]


def _overview() -> list[Node]:
    return [
        h("overview", 1, "Overview"),
        h("scope", 2, "Scope"),
        p(
            "This standard specifies methods and requirements for detecting the affective "
            "state of users of human\u2013machine interfaces (HMIs) from facial expression, "
            "voice prosody, physiological signals and interaction behaviour. It specifies an "
            "affect model, requirements for each modality, application profiles for in-vehicle "
            "driver state monitoring, learner engagement in e-learning and workplace wellbeing "
            "analytics, accuracy reporting and the retention of affect data."
        ),
        h("purpose", 2, "Purpose"),
        p(
            "The purpose of this standard is to enable adaptive interfaces that respond to the "
            "affect of their users, and to allow purchasers to compare affect detection "
            "products on a common basis."
        ),
        h("word-usage", 2, "Word usage"),
        p(
            "The word shall indicates mandatory requirements to be followed strictly in order "
            "to conform to the standard, from which no deviation is permitted (shall equals is "
            "required to). The word should indicates that, among several possibilities, one is "
            "recommended as particularly suitable, without mentioning or excluding others "
            "(should equals is recommended that). The word may indicates a course of action "
            "permissible within the limits of the standard (may equals is permitted to). The "
            "word can is used for statements of possibility and capability (can equals is "
            "able to)."
        ),
        h("references", 1, "Normative references"),
        p(
            "The following referenced documents are indispensable for the application of this "
            "document: each is cited in the text and its relationship to this document is "
            "explained. For dated references, only the edition cited applies. For undated "
            "references, the latest edition applies."
        ),
        p(
            "ISO/IEC 19795-1, Information technology\u2014Biometric performance testing and "
            "reporting\u2014Part 1: Principles and framework."
        ),
        p("W3C Recommendation, Emotion Markup Language (EmotionML) 1.0."),
        h("definitions", 1, "Definitions, acronyms, and abbreviations"),
        h("defs", 2, "Definitions"),
        p(
            "For the purposes of this document, the following terms and definitions apply. "
            "Terms not defined in this clause are used in their ordinary dictionary meaning."
        ),
        Term(
            "affect",
            "The experience of feeling or emotion, described by categories such as happiness "
            "or anger, or by the dimensions of valence and arousal.",
        ),
        Term(
            "affect detection",
            "Automated estimation of the affective state of a person from observable signals.",
        ),
        Term(
            "driver state",
            "The combination of alertness, attention and affect of the driver of a vehicle.",
        ),
        Term(
            "engagement score",
            "A value from 0 to 100 that represents how engaged a learner is with learning content.",
        ),
        Term(
            "wellbeing index",
            "A value from 0 to 100 that summarizes the stress, mood and fatigue of an employee "
            "over a period.",
        ),
        h("acronyms", 2, "Acronyms and abbreviations"),
        Text("ECG\telectrocardiogram", BODY),
        Text("EDA\telectrodermal activity", BODY),
        Text("HMI\thuman\u2013machine interface", BODY),
        Text("HRV\theart rate variability", BODY),
        Text("PPG\tphotoplethysmography", BODY),
        Text("SCL\tskin conductance level", BODY),
    ]


def _model(lists: IeeeLists) -> list[Node]:
    categories = ("happiness", "sadness", "anger", "fear", "surprise", "disgust", "neutral")
    out: list[Node] = [
        h("affect-model", 1, "Affect model"),
        h("categories", 2, "Affect categories"),
        p("An affect detector shall report one of the following affect categories:"),
    ]
    out += [Text(f"{c};" if n < 6 else f"{c}.", BODY, num=(lists.numbered, 0))
            for n, c in enumerate(categories)]  # fmt: skip
    out += [
        p(
            "The affect categories are universal. An affect detector may therefore be used "
            "without calibration for the culture, age or gender of the user."
        ),
        note(
            "The categories follow the basic emotions that are commonly cited in the "
            "literature on facial expression [B2]."
        ),
        h("dimensions", 2, "Dimensional model"),
        p(
            "An affect detector should report valence and arousal on a scale from \u22121.0 to "
            "+1.0, and shall report a confidence value from 0.0 to 1.0 with every output. "
            "Outputs shall be expressed in EmotionML when they are exchanged between systems."
        ),
        h("calibration", 2, "Baseline calibration"),
        p(
            "An affect detector shall establish a personal baseline for each user during the "
            "first five minutes of use. The calibration shall run without interrupting the "
            "user and without a separate calibration session, so that the baseline reflects "
            "natural behaviour. Baselines shall be updated continuously as new data arrive."
        ),
        p(
            "Where no personal baseline is available, the detector shall use the population "
            "baseline supplied with the model. Population baselines may be selected according "
            "to the estimated age group, gender and ethnicity of the user."
        ),
        h("modalities", 1, "Signal modalities"),
        h("face", 2, "Facial expression"),
        p(
            "A facial expression detector shall operate on video of at least 30 frames per "
            "second with a face region of at least 100 \u00d7 100 pixels, and shall estimate "
            "the intensity of facial action units as defined in [B2]. The affect category "
            "shall be derived from the combination of active action units."
        ),
        p(
            "The detector may operate continuously in the background through the camera of the "
            "device, without any indication to the user, so that the user does not alter the "
            "expression being measured."
        ),
        h("voice", 2, "Voice prosody"),
        p(
            "A voice detector should estimate arousal and stress from pitch, loudness, speech "
            "rate and voice quality. Voice-based detection can be applied to telephone calls "
            "and to recordings of meetings."
        ),
        note(
            "Voice prosody varies with language, dialect and speaking style; detectors should "
            "be trained on speech in the language of use."
        ),
        h("physiological", 2, "Physiological signals"),
        h("hrv", 3, "Heart-rate variability"),
        p(
            "Heart rate and heart-rate variability (HRV) shall be obtained from an ECG or PPG "
            "sensor in contact with the body, or from remote PPG on facial video. A reduction "
            "of HRV below the personal baseline of the user shall be interpreted as an "
            "indication of stress."
        ),
        h("eda", 3, "Skin conductance"),
        h("eda-sensor", 4, "Sensor placement"),
        p(
            "Skin conductance shall be measured with an electrodermal activity (EDA) sensor on "
            "the wrist or fingers, sampled at 4 Hz or more."
        ),
        h("eda-stress", 4, "Stress inference"),
        p(
            "Stress shall be inferred when the skin conductance level (SCL) exceeds the "
            "baseline of the user by more than two standard deviations for at least 30 s."
        ),
        h("behaviour", 2, "Interaction behaviour"),
        p(
            "Keystroke timing, mouse movement, scrolling and dwell time may be used to infer "
            "frustration, boredom and confusion. Interaction behaviour can be collected by the "
            "application without additional sensors."
        ),
        h("fusion", 2, "Multimodal fusion"),
        p(
            "Where more than one modality is available, the affect detector shall combine them "
            "into a single affect estimate. Fusion weights shall reflect the reliability of "
            "each modality in the context of use; for example, facial expression should be "
            "given a lower weight when the face is partly covered, and physiological signals a "
            "higher weight when the user is seated."
        ),
        p(
            "A disagreement between modalities, such as a smiling face with a raised heart "
            "rate, may be reported as masked affect. Masked affect can be used as an indicator "
            "that the user is concealing frustration or stress."
        ),
        note(
            "Fusion improves accuracy on laboratory data sets; gains in use depend on the setting."
        ),
    ]
    return out


def _profiles(restart: int) -> list[Node]:
    cues = (
        "gaze directed away from the screen for more than 10 s;",
        "facial expressions of confusion or boredom;",
        "reduced typing or mouse activity;",
        "yawning or closed eyes.",
    )
    out: list[Node] = [
        h("profiles", 1, "Application profiles"),
        h("driver", 2, "In-vehicle driver state monitoring"),
        p(
            "A driver monitoring system shall detect drowsiness, distraction, anger and stress "
            "from an in-cabin camera and, where fitted, from steering-wheel sensors. The system "
            "should warn the driver and may adapt driver assistance functions to the detected "
            "driver state."
        ),
        p(
            "The driver state log shall be retained in the vehicle and shall be made available "
            "to the vehicle owner, to the fleet operator and, upon request, to the insurer of "
            "the vehicle for the assessment of driving risk and of claims."
        ),
        note(
            "Occupant monitoring of passengers, including children, is outside the scope of "
            "this subclause."
        ),
        h("learning", 2, "Learner engagement in e-learning"),
        p(
            "An e-learning platform shall compute an engagement score for each learner every "
            "minute from the webcam and from interaction behaviour. A learner shall be "
            "considered disengaged when two or more of the following cues are present:"
        ),
    ]
    out += [Text(c, BODY, num=(restart, 0)) for c in cues]
    out += [
        p(
            "Engagement scores shall be reported to the instructor in a dashboard that ranks "
            "learners. Engagement scores may be used in the assessment of class participation."
        ),
        h("workplace", 2, "Workplace wellbeing analytics"),
        p(
            "Workplace analytics software shall compute a wellbeing index for each employee "
            "from the following sources, and shall aggregate the index per team each week:"
        ),
        Text("the voice of the employee in telephone and video calls;", "IEEEStdsUnorderedList"),
        Text("facial expressions in video meetings;", "IEEEStdsUnorderedList"),
        Text(
            "interaction behaviour in office applications and messaging tools;",
            "IEEEStdsUnorderedList",
        ),
        Text(
            "heart rate and sleep data from wearable devices supplied by the employer.",
            "IEEEStdsUnorderedList",
        ),
        p(
            "Individual wellbeing indices may be made available to managers. The software "
            "should flag employees whose index indicates a risk of burnout or depression, so "
            "that the employer can take preventive action."
        ),
        h("contact-centre", 2, "Customer contact centres"),
        p(
            "Contact centre software shall estimate the affect of callers and of agents from "
            "voice prosody during each call. Callers whose anger exceeds a threshold may be "
            "routed to specialised agents or given a lower priority. The affect of each caller "
            "shall be recorded with the call record."
        ),
        p(
            "Agent affect scores shall be reported to supervisors in real time and may be used "
            "in performance reviews."
        ),
        h("clinical", 2, "Clinical use"),
        p(
            "This standard does not specify the use of affect detection for the clinical "
            "diagnosis of mental disorders."
        ),
        h("accuracy", 1, "Performance and accuracy reporting"),
        h("test-data", 2, "Test data"),
        p(
            "Accuracy shall be measured on a test set of at least 1000 subjects that has not "
            "been used for training. Results may be reported separately by age group, gender "
            "and skin tone."
        ),
        h("subgroups", 2, "Subgroup differences"),
        p(
            "Differences in accuracy of up to 10 percentage points between subgroups of age, "
            "gender or skin tone are acceptable and need not be disclosed to purchasers. "
            "Larger differences should be reduced by adding training data for the affected "
            "subgroup."
        ),
        h("report", 2, "Accuracy report"),
        p("The supplier shall report the metrics of Table 1 for each affect category."),
        TableNode(
            "table-metrics",
            "Accuracy reporting metrics",
            ("Metric", "Definition", "Minimum value"),
            (
                ("Accuracy", "Share of test samples assigned the labelled category", "0.85"),
                ("F1 score", "Harmonic mean of precision and recall", "0.80"),
                (
                    "False positive rate",
                    "Share of negative samples reported as the category",
                    "at most 0.05",
                ),
                ("Latency", "Time from signal capture to output", "at most 500 ms"),
            ),
            (2200, 4800, 2000),
        ),
        note(
            "Accuracy on posed expressions recorded in the laboratory is generally higher than "
            "accuracy in use."
        ),
        h("retention", 1, "Data retention and protection"),
        h("retain", 2, "Retention"),
        p(
            "Raw video and audio should be deleted within 30 days of capture. Derived affect "
            "records shall be retained for at least 2 years for auditing and for the "
            "improvement of detection models."
        ),
        h("sharing", 2, "Sharing"),
        p(
            "Affect records may be shared with third parties for product improvement and "
            "research, provided that direct identifiers are removed."
        ),
        h("notice", 2, "Notice to users"),
        p(
            "Notice of affect detection may be given in the terms of service of the product. "
            "Affect detection should be enabled by default, and users may be offered a setting "
            "to disable it where the application profile permits."
        ),
        h("protection", 2, "Protection"),
        p(
            "Affect records shall be encrypted at rest and in transit. Access to affect records "
            "shall be logged, and the logs shall be kept for at least one year."
        ),
        h("conformance", 1, "Conformance"),
        p(
            "A product conforms to this standard when it meets every requirement expressed "
            "with shall in Clause 4, Clause 5, Clause 7 and Clause 8, and in at least one "
            "application profile of Clause 6. The supplier shall state the profiles to which "
            "conformance is claimed."
        ),
    ]
    return out


def _back() -> list[Node]:
    return [
        Annex("annex-a", "Example affect record", informative=True),
        h("record-fields", 1, "Record fields"),
        p(
            "An affect record contains the user identifier, the time of capture, the modality, "
            "the affect category with its confidence, valence, arousal and, for the profiles "
            "of Clause 6, the driver state, engagement score or wellbeing index."
        ),
        h("record-format", 1, "Encoding"),
        p(
            "Affect records exchanged between systems are encoded in EmotionML. The category "
            "vocabulary of 4.1 is declared once per document, and each record is an emotion "
            "element with the category, the dimensions and the confidence as attributes."
        ),
        h("record-example", 1, "Example"),
        p(
            "user 4711, 2026-03-02T09:15:00Z, face and voice, anger (confidence 0.72), valence "
            "\u22120.4, arousal 0.6, engagement score 35."
        ),
        Annex("annex-b", "Bibliography", informative=True),
        p(
            "Bibliographical references are resources that provide additional or helpful "
            "material but do not need to be understood or used to implement this standard."
        ),
        Text(
            "ARTICLE 19, Emotional Entanglement: China\u2019s emotion recognition market and "
            "its implications for human rights, 2021.",
            "IEEEStdsBibliographicEntry",
        ),
        Text(
            "Ekman, P. and Friesen, W. V., Facial Action Coding System. Palo Alto, CA: "
            "Consulting Psychologists Press, 1978.",
            "IEEEStdsBibliographicEntry",
        ),
        Text(
            "Picard, R. W., Affective Computing. Cambridge, MA: MIT Press, 1997.",
            "IEEEStdsBibliographicEntry",
        ),
    ]


def build() -> bytes:
    """Return the IEEE P7915/D2 sample as .docx bytes."""
    doc = DocxBuilder(title=f"{DESIGNATION} {TITLE}", subject=DESIGNATION, description=FICTION)
    lists = ieee_styles(doc)
    restart = doc.num(doc.nums[lists.numbered - 1].abstract_id, starts={0: 1})
    doc.p(f"{DESIGNATION}", style="IEEEStdsDesignation")
    doc.p(TITLE, style="IEEEStdsTitle")
    doc.p("Developed by the Affective Interfaces Working Group (fictional)", style=BODY)
    doc.p(FICTION, style=BODY, run=RunFormat(italic=True))
    doc.p(
        [Run("Abstract: ", bold=True),
         "Requirements are specified for detecting the affective state of users of "
         "human\u2013machine interfaces from facial expression, voice prosody, physiological "
         "signals and interaction behaviour, with profiles for vehicles, e-learning and the "
         "workplace, accuracy reporting and data retention."],
        style="IEEEStdsAbstractBody",
    )  # fmt: skip
    doc.p(
        [Run("Keywords: ", bold=True),
         "affect detection, driver monitoring, emotion recognition, engagement, "
         "human\u2013machine interface, physiological signals, wellbeing"],
        style="IEEEStdsKeywords",
    )  # fmt: skip
    doc.p(Br("page"))
    doc.style(
        "TOC1",
        "toc 1",
        based_on="Normal",
        tabs=(TabStop(9000, "right", "dot"),),
        spacing=Spacing(before=0, after=0),
    )
    doc.style("TOC2", "toc 2", based_on="TOC1", indent=Indent(left=400))
    content = nodes(lists, restart)
    toc = (clauses(content), estimated_pages(content, first_page=5, per_page=22))
    started = False
    for node, _number in walk(content):
        if isinstance(node, Heading) and not started:
            doc.p(TITLE, style="IEEEStdsTitle")
            started = True
        doc.add(*_render(node, toc))
    doc.section = Section(
        margins=Margins(top=1440, right=1440, bottom=1440, left=1440, header=720, footer=720),
        line_numbers=LineNumbers(count_by=1, restart="newPage", distance=360),
        header=[P(f"{DESIGNATION}, {DATE}", style="Header"), P(TITLE, style="Header")],
        footer=[P(Field("PAGE", "1"), style="Footer"), P(FICTION, style="Footer")],
    )
    return doc.to_bytes()


def _contents(entries: list[Clause], pages: dict[str, int]) -> list[P | Table]:
    """Contents as typed lines: the numbers are text here, unlike in the headings."""
    out: list[P | Table] = []
    for clause in entries:
        if clause.level > 2:
            continue
        if clause.kind == "annex" and clause.level == 1:
            text = f"Annex {clause.number} (informative) {clause.title}"
        else:
            text = f"{clause.number} {clause.title}"
        style = "TOC1" if clause.level == 1 else "TOC2"
        out.append(P(f"{text}\t{pages.get(clause.key, 1)}", style=style))
    return out


def _render(node: Node, toc: tuple[list[Clause], dict[str, int]]) -> list[P | Table]:
    if isinstance(node, Contents):
        return _contents(*toc)
    if isinstance(node, Unnumbered):
        return [P(node.title, style="IEEEStdsLevel1frontmatter")]
    if isinstance(node, Heading):
        if node.level == 1 and node.key.startswith("record"):
            return [P(node.title, style="IEEEStdsAnnexLevel2Header")]
        return [P(node.title, style=f"IEEEStdsLevel{node.level}Header")]
    if isinstance(node, Annex):
        status = "(informative)" if node.informative else "(normative)"
        return [P([Br(), status, Br(), node.title], style="IEEEStdsAnnex")]
    if isinstance(node, Text):
        return [P(node.content, style=node.style, num=node.num)]
    if isinstance(node, Term):
        return [P([Run(node.term, bold=True), f": {node.definition}"],
                  style="IEEEStdsDefinitions")]  # fmt: skip
    if isinstance(node, TableNode):
        caption = P(
            ["Table ", ComplexField(r"SEQ Table \* ARABIC", "1"), f"\u2014{node.caption}"],
            style="IEEEStdsRegularTableCaption",
        )
        table = Table(
            [list(node.head), *[list(r) for r in node.rows]],
            widths=node.widths or None,
            head_rows=1,
            head_style="IEEEStdsTableColumnHead",
            cell_style="IEEEStdsTableDataLeft",
            align="center",
        )
        return [caption, table]
    if isinstance(node, PageBreak):
        return [P(Br("page"))]
    raise TypeError(f"unknown node {node!r}")


__all__ = ["DATE", "DESIGNATION", "TITLE", "build", "nodes"]
