"""Text of the fictional draft Recommendation ITU-T F.ERVS, revisions 1 and 2.

Both revisions come from this one description: `nodes(1)` is the draft as circulated with the
rapporteur's tracked changes, `nodes(2)` the clean next revision. Every difference is switched
on `v` here and listed in `CHANGES`. Clause numbers, and the cross-references that cite them,
are computed (see `tools.sampledoc.walk`), so inserting a clause renumbers what follows.

The text is invented for testing stdcomment. It is written as a problematic standard would be,
so that the scanner has real human-rights concerns to find.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from stdcomment.docxwrite import Comment, Content, Del, Field, FootnoteRef, Hyperlink, Ins, Mark
from tools.figure import flow_diagram
from tools.sampledoc import (
    Annex,
    Bibliography,
    Contents,
    FigureNode,
    Heading,
    Node,
    TableNode,
    Term,
    Text,
    Unnumbered,
    clauses,
)

RAPPORTEUR = "Rapporteur Q12/16"
EDITOR = "Editor F.ERVS"
REV_DATE = "2026-02-16T10:00:00Z"


@dataclass(frozen=True, slots=True)
class Meta:
    """Cover-page facts of one revision."""

    td: str
    place_date: str
    meeting: str
    revision_note: str


META = {
    1: Meta(
        td="SG16-TD231/WP2",
        place_date="Geneva, 3-13 March 2026",
        meeting="Geneva, 3-13 March 2026",
        revision_note="Output of the Q12/16 rapporteur meeting (virtual, 9 February 2026)",
    ),
    2: Meta(
        td="SG16-TD305/WP2",
        place_date="Geneva, 6-16 July 2026",
        meeting="Geneva, 6-16 July 2026",
        revision_note="Revised text agreed at the SG16 meeting of March 2026",
    ),
}

#: Every difference between revision 1 and revision 2, by clause key: (key, kind, what).
CHANGES: tuple[tuple[str, str, str], ...] = (
    ("principles", "added", "new clause 'General principles' inserted before the architecture"),
    ("principles-purpose", "added", "new sub-clause on purpose limitation"),
    ("principles-oversight", "added", "new sub-clause on human oversight"),
    ("architecture", "renumbered", "clauses after the insertion move down by one"),
    ("interfaces", "moved", "interfaces clause moved to the new Annex B"),
    ("codec", "moved", "moved with its parent clause to Annex B"),
    ("timesync", "moved", "moved with its parent clause to Annex B"),
    ("transport", "moved", "moved with its parent clause to Annex B"),
    ("microexpr", "removed", "micro-expression detection clause deleted"),
    ("physio", "split", "physiological signals split into heart rate and respiration clauses"),
    ("physio-breath", "added", "second half of the split clause (respiration, skin temperature)"),
    ("demographic", "modified", "requirement R-ERVS-030 rewritten (ethnicity made optional)"),
    ("general", "modified", "latency in R-ERVS-011 changed from 200 ms to 500 ms"),
    ("defs-here", "modified", "definition of 'abnormal emotional state' reworded"),
    ("individual", "modified", "'as persons of interest' replaced by 'for review by an operator'"),
    ("retention", "modified", "alert retention changed from five years to three years"),
    ("performance", "modified", "Table 1: minimum accuracy for fear changed from 85 to 80"),
    ("record", "modified", "Table A.1: the ethnicity row no longer lists categories"),
)


def nodes(v: int) -> list[Node]:
    """Return the content of revision `v` (1 or 2) with cross-references resolved."""
    draft = _nodes(v, lambda key: "?")
    numbers = {c.key: c.number for c in clauses(draft)}
    return _nodes(v, lambda key: numbers[key])


# -- helpers -----------------------------------------------------------------------------------


def h(key: str, level: int, title: Content) -> Heading:
    return Heading(key, level, title)


def p(*content: Content) -> Text:
    return Text(list(content))


def req(rid: str, *content: Content) -> Text:
    return Text([f"[{rid}] ", *content])


def note(text: str) -> Text:
    return Text(text, "Note")


def dash(text: str, level: int = 1) -> Text:
    return Text(f"\u2013\t{text}", f"enumlev{level}")


def item(label: str, text: str, level: int = 1) -> Text:
    return Text(f"{label}\t{text}", f"enumlev{level}")


def ref(tag: str, text: str) -> Text:
    return Text(f"[{tag}]\t{text}", "Reftext")


def abbr(short: str, expansion: str) -> Text:
    return Text(f"{short}\t{expansion}")


def change(v: int, old: str, new: str) -> list[Content]:
    """Revision 1 shows the rapporteur's tracked change; revision 2 has it accepted."""
    if v == 1:
        return [Del(old, RAPPORTEUR, REV_DATE), Ins(new, RAPPORTEUR, REV_DATE)]
    return [new]


def pick(v: int, old: str, new: str) -> str:
    """Text that differs between the revisions (an edit made for revision 2)."""
    return old if v == 1 else new


# -- content -----------------------------------------------------------------------------------


def _nodes(v: int, xref: Callable[[str], str]) -> list[Node]:
    out: list[Node] = []
    out += _front(v)
    out += _clauses_1_to_5(v)
    if v == 2:
        out += _principles(xref)
    out += _architecture(v)
    out += _inference(v, xref)
    out += _use_cases(v, xref)
    out += _data(v, xref)
    out += _annexes(v, xref)
    return out


def _front(v: int) -> list[Node]:
    return [
        Unnumbered("Summary"),
        p(
            "Recommendation ITU-T F.ERVS specifies requirements for emotion recognition functions "
            "in intelligent visual surveillance systems (ERVS). These functions infer the "
            "emotional state, stress level and attention of persons in a monitored scene from "
            "facial expressions, voice, gait, posture and physiological signals estimated from "
            "video. The Recommendation defines a functional architecture, requirements for each "
            "modality and for multimodal fusion, use case profiles for public security early "
            "warning, interview and interrogation assistance, smart classrooms and in-vehicle "
            "monitoring, data formats for emotion records and alerts, and performance "
            "requirements expressed as recognition accuracy per emotion category."
        ),
        Unnumbered("Keywords"),
        p(
            "Affective computing, early warning, emotion recognition, facial expression, "
            "intelligent visual surveillance, micro-expression, multimodal fusion."
        ),
        Contents(),
        Unnumbered("Introduction"),
        p(
            "Video surveillance systems have moved from recording and playback towards the "
            "real-time analysis of scenes. After the detection of objects and the identification "
            "of persons, the next step is to understand the intentions of persons through their "
            "emotions. Operators of public spaces, schools, transport fleets and law enforcement "
            "agencies have expressed the need to detect emotional states that precede harmful "
            "acts, to evaluate the credibility of statements made during interviews, and to "
            "measure the engagement and attention of learners and drivers."
        ),
        p(
            Comment(
                "Research in psychology has established that a small set of basic emotions, "
                "namely happiness, sadness, anger, fear, surprise and disgust, are expressed "
                "through the same facial muscle movements in all cultures.",
                "Editor's note: contributors are invited to provide a reference for this "
                "statement before the text is consented.",
                author=EDITOR,
                date="2026-02-10T14:30:00Z",
                initials="EF",
            ),
            " This universality allows a single emotion recognition model to be deployed across "
            "populations and regions without adaptation, and makes the outputs of different "
            "systems comparable.",
        ),
        p(
            "This Recommendation aims to provide a common basis for interoperability between "
            "emotion recognition modules from different vendors and the video management systems "
            "into which they are integrated, and to set minimum performance levels for "
            "deployments."
        ),
    ]


def _clauses_1_to_5(v: int) -> list[Node]:
    return [
        h("scope", 1, "Scope"),
        p(
            "This Recommendation specifies requirements for emotion recognition in intelligent "
            "visual surveillance systems. It covers:"
        ),
        dash(
            "the functional architecture of an ERVS and its interfaces to video management systems;"
        ),
        dash(
            "functional requirements for inferring emotions, affect, stress and attention from "
            "facial expressions, micro-expressions, voice, gait, posture and physiological "
            "signals measured without contact;"
        ),
        dash(
            "use case profiles for public spaces, interviews and interrogations, classrooms and "
            "vehicles;"
        ),
        dash("data formats for emotion records and alerts;"),
        dash("performance, security and data management requirements."),
        p(
            "The requirements apply to systems deployed in public and publicly accessible "
            "spaces, including transport hubs, city squares, schools, border crossing points, "
            "places of detention and commercial premises, as well as in vehicles."
        ),
        p(
            "This Recommendation does not address the use of emotion recognition for medical "
            "diagnosis or for the treatment of any health condition."
        ),
        h("references", 1, "References"),
        p(
            "The following ITU-T Recommendations and other references contain provisions which, "
            "through reference in this text, constitute provisions of this Recommendation. At "
            "the time of publication, the editions indicated were valid. All Recommendations and "
            "other references are subject to revision; users of this Recommendation are "
            "therefore encouraged to investigate the possibility of applying the most recent "
            "edition of the Recommendations and other references listed below. The list of "
            "currently valid ITU-T Recommendations is published at ",
            Hyperlink(
                "https://www.itu.int/itu-t/recommendations/",
                url="https://www.itu.int/itu-t/recommendations/",
            ),
            ". The reference to a document within this Recommendation does not give it, as a "
            "stand-alone document, the status of a Recommendation.",
        ),
        ref(
            "ITU-T F.743",
            "Recommendation ITU-T F.743, Requirements and service description for visual "
            "surveillance.",
        ),
        ref(
            "ITU-T H.264",
            "Recommendation ITU-T H.264 | ISO/IEC 14496-10, Advanced video coding for generic "
            "audiovisual services.",
        ),
        ref(
            "ITU-T H.265",
            "Recommendation ITU-T H.265 | ISO/IEC 23008-2, High efficiency video coding.",
        ),
        ref(
            "IETF RFC 5905",
            "IETF RFC 5905, Network Time Protocol Version 4: Protocol and Algorithms "
            "Specification.",
        ),
        ref(
            "ISO/IEC 2382-37",
            "ISO/IEC 2382-37, Information technology \u2013 Vocabulary \u2013 Part 37: Biometrics.",
        ),
        h("definitions", 1, "Definitions"),
        h("defs-elsewhere", 2, "Terms defined elsewhere"),
        p("This Recommendation uses the following terms defined elsewhere:"),
        Term(
            "biometric sample",
            "captured representation of a biological or behavioural characteristic of a "
            "person, before features are extracted from it.",
            "ISO/IEC 2382-37",
        ),
        Term(
            "visual surveillance",
            "observation of people, objects and areas by means of cameras, together with the "
            "transmission, storage and analysis of the captured video.",
            "ITU-T F.743",
        ),
        Term(
            "video analytics",
            "automated processing of video to detect, classify and track objects and events.",
            "b-ITU-T F.AIVS",
        ),
        h("defs-here", 2, "Terms defined in this Recommendation"),
        p("This Recommendation defines the following terms:"),
        Term(
            "emotion recognition",
            "automated inference of the emotional state of a person from facial expressions, "
            "voice, body movements or physiological signals.",
        ),
        Term(
            "abnormal emotional state",
            "emotional state that differs from the state expected of a person at a given place "
            "and time, such as fear, anger or nervousness, "
            + pick(
                v,
                "and that may indicate an intention to commit an unlawful or harmful act.",
                "and that is flagged by the system for review by an operator.",
            ),
        ),
        Term(
            "tension index",
            "score from 0 to 100, computed from facial, vocal and physiological cues, that "
            "represents the level of psychological tension of a person under observation.",
        ),
        Term(
            "micro-expression",
            "facial expression lasting less than 0.5 s that appears involuntarily and reveals "
            "an emotion the person is trying to conceal.",
        ),
        Term(
            "attention score",
            "score from 0 to 100, computed from head pose, gaze direction and facial "
            "expression, that represents how attentive a learner is.",
        ),
        Term(
            "subject",
            "person whose face, voice, body or physiological signals are captured by an ERVS.",
        ),
        Term(
            "emotion record",
            "data structure in which an ERVS reports the inferred emotional state of one "
            "subject at one instant.",
        ),
        h("abbreviations", 1, "Abbreviations and acronyms"),
        p("This Recommendation uses the following abbreviations and acronyms:"),
        abbr("AI", "Artificial Intelligence"),
        abbr("AU", "Action Unit"),
        abbr("ERVS", "Emotion Recognition in intelligent Visual Surveillance (system)"),
        abbr("FACS", "Facial Action Coding System"),
        abbr("HRV", "Heart Rate Variability"),
        abbr("NIR", "Near-Infrared"),
        abbr("NTP", "Network Time Protocol"),
        abbr("PTP", "Precision Time Protocol"),
        abbr("rPPG", "remote Photoplethysmography"),
        abbr("RTSP", "Real-Time Streaming Protocol"),
        abbr("TLS", "Transport Layer Security"),
        abbr("VMS", "Video Management System"),
        h("conventions", 1, "Conventions"),
        p("In this Recommendation:"),
        p(
            'The phrase "is required to" indicates a requirement that has to be strictly '
            "followed, with no deviation permitted, if conformance to this Recommendation is to "
            "be claimed."
        ),
        p(
            'The phrase "is prohibited from" indicates a requirement that has to be strictly '
            "followed, with no deviation permitted, if conformance to this Recommendation is to "
            "be claimed."
        ),
        p(
            'The phrase "is recommended" indicates a requirement that is recommended but not '
            "absolutely required. Conformance can be claimed without it."
        ),
        p(
            'The phrase "is not recommended" indicates a requirement that is not recommended '
            "but is not prohibited either. Conformance can be claimed when it is met."
        ),
        p(
            'The phrase "can optionally" indicates an optional requirement that is permissible, '
            "without any sense of being recommended. A vendor can optionally provide the "
            "feature, and an operator can optionally enable it, without affecting conformance."
        ),
        p(
            "Requirements are labelled [R-ERVS-nnn], where nnn is a number that does not change "
            "when clauses are renumbered."
        ),
    ]


def _principles(xref: Callable[[str], str]) -> list[Node]:
    """Clause added in revision 2 after comments received at the March 2026 meeting."""
    return [
        h("principles", 1, "General principles"),
        p(
            "This clause gives principles that apply to every deployment of an ERVS, whatever "
            f"the profile of clause {xref('profiles')} it follows."
        ),
        h("principles-purpose", 2, "Purpose limitation"),
        req(
            "R-ERVS-003",
            "The purposes of an ERVS deployment are recommended to be documented by the "
            "operator before the system is put into service, together with the categories of "
            "subjects concerned.",
        ),
        note(
            "NOTE \u2013 National or regional regulations can restrict or prohibit some of the "
            f"profiles of clause {xref('profiles')}."
        ),
        h("principles-oversight", 2, "Human oversight"),
        req(
            "R-ERVS-004",
            "Alerts raised by the ERVS are recommended to be reviewed by a trained operator "
            "before any action is taken concerning the subject.",
        ),
    ]


def _architecture(v: int) -> list[Node]:
    figure = flow_diagram(
        [
            [["VIDEO AND AUDIO", "CAPTURE"], ["PRE-PROCESSING"], ["FEATURE", "EXTRACTION"]],
            [["AFFECT INFERENCE"], ["ALERT AND", "REPORTING"], ["VMS AND", "EXTERNAL SYSTEMS"]],
        ]
    )
    out: list[Node] = [
        h("architecture", 1, "System architecture"),
        h("entities", 2, "Functional entities"),
        p(
            "Figure 1 shows the functional architecture of an ERVS. Each function can be "
            "implemented in the capture device, in an edge server or in a central server."
        ),
        FigureNode("fig-architecture", "Functional architecture of an ERVS", figure),
        p("The functions are as follows:"),
        dash(
            "capture function: acquires video, audio and, where available, thermal or "
            "near-infrared images of subjects;"
        ),
        dash(
            "pre-processing function: detects and tracks faces and bodies, normalizes "
            "illumination and pose, and separates speech from background noise;"
        ),
        dash(
            "feature extraction function: computes facial action units, facial landmarks, "
            "voice prosody features, gait features and physiological signals;"
        ),
        dash(
            "affect inference function: estimates the emotion category, valence, arousal, "
            "tension index and attention score of each subject;"
        ),
        dash(
            "alert and reporting function: compares the inferred states with thresholds and "
            "rules, and raises alerts to operators;"
        ),
        dash(
            "external interface function: exchanges emotion records and alerts with video "
            "management systems and other external systems, including identity and watchlist "
            "databases."
        ),
        h("capture", 2, "Capture devices"),
        req(
            "R-ERVS-001",
            "Capture devices are required to provide a resolution of at least 1920\u00d71080 "
            "pixels and a frame rate of at least 25 frames per second for emotion recognition, "
            "and of at least 100 frames per second where micro-expression detection is enabled.",
        ),
        p(
            "Cameras are recommended to be installed at a height and angle that allow frontal "
            "capture of faces without drawing the attention of subjects to the camera."
        ),
        req(
            "R-ERVS-002",
            "Capture devices can optionally include directional microphones able to capture the "
            "voices of subjects at a distance of up to 10 m.",
        ),
        note(
            "NOTE \u2013 Near-infrared illumination allows capture in low light and is not "
            "visible to subjects."
        ),
    ]
    interfaces = _interfaces()
    return out + interfaces if v == 1 else out


def _interfaces() -> list[Node]:
    """Clause 6.3 of revision 1; moved to Annex B in revision 2 (levels shift by one)."""
    return [
        h("interfaces", 2, "Interfaces"),
        p(
            "This clause specifies the interfaces between the ERVS and the other components of "
            "a visual surveillance system. The interfaces do not depend on the emotion "
            "recognition functions."
        ),
        h("codec", 3, "Video codec interface"),
        p(
            "The ERVS is required to accept video streams encoded according to [ITU-T H.264] "
            "or [ITU-T H.265] and delivered over RTSP. Decoded frames are passed to the "
            "pre-processing function together with their presentation timestamps."
        ),
        p(
            "The ERVS is recommended to support hardware-accelerated decoding to reduce "
            "latency. Where the decoder output buffer is shared between threads, implementations "
            "are required to prevent a race condition between the writing and the reading "
            "thread, for example by using a lock-free ring buffer with sequence numbers."
        ),
        h("timesync", 3, "Time synchronization"),
        p(
            "All capture devices and ERVS servers are required to be synchronized to a common "
            "time reference using NTP [IETF RFC 5905] or PTP, with a maximum offset of 10 ms. "
            "Timestamps in emotion records and alerts are expressed in UTC."
        ),
        h("transport", 3, "Network transport"),
        p(
            "Emotion records and alerts are transported over IP networks. The ERVS is "
            "recommended to support the monitoring of network events, such as link failures, "
            "packet loss above 1% and jitter above 30 ms, and to report them to the network "
            "management system. Transport of records between sites is required to use TLS 1.3 "
            "or later."
        ),
        p(
            "The integrity of each model file is checked by comparing its fingerprint, a "
            "SHA-256 hash of the file, with the value published by the vendor before the model "
            "is loaded."
        ),
    ]


def _inference(v: int, xref: Callable[[str], str]) -> list[Node]:
    out: list[Node] = [
        h("inference", 1, "Functional requirements for emotion inference"),
        h("general", 2, "General requirements"),
        Text(
            [
                "[R-ERVS-010] The ERVS ",
                *change(v, "shall", "is required to"),
                " classify the emotional state of each detected subject into one of the "
                "following seven categories: happiness, sadness, anger, fear, surprise, disgust "
                "and neutral. These categories correspond to the basic emotions that are "
                "recognized universally from facial expressions.",
            ]
        ),
        req(
            "R-ERVS-011",
            "The ERVS is required to produce an emotion record for each subject at least once "
            "per second, and to update the inferred state in real time with a latency of no "
            f"more than {pick(v, '200', '500')} ms from capture.",
        ),
        req(
            "R-ERVS-012",
            "The ERVS is required to estimate, in addition to the emotion category, the valence "
            "and arousal of each subject on a continuous scale from \u22121 to +1, and a "
            "confidence value for each output.",
        ),
        req(
            "R-ERVS-013",
            "The ERVS is recommended to infer the emotional state of subjects whose faces are "
            "partly covered by masks, scarves or sunglasses, using the visible regions of the "
            "face together with voice and body cues.",
        ),
        note(
            "NOTE \u2013 Emotional state inference is performed without the cooperation of the "
            "subject, who does not need to look at the camera."
        ),
        h("facial", 2, "Facial expression analysis"),
        p(
            "Facial expression analysis is the primary modality of the ERVS. Other modalities "
            "refine its estimates or replace it when the face is not visible."
        ),
        h("au", 3, "Action unit detection"),
        req(
            "R-ERVS-014",
            "The ERVS is required to detect at least the following facial action units as "
            "defined in the Facial Action Coding System [b-FACS]: AU1, AU2, AU4, AU5, AU6, AU7, "
            "AU9, AU12, AU15, AU17, AU20, AU23 and AU26, each with an intensity on a five-point "
            "scale.",
        ),
        p(
            "The emotion category is derived from the combination of active action units. For "
            "example, the combination of AU6 and AU12 indicates happiness, and the combination "
            "of AU1, AU2, AU5 and AU26 indicates fear."
        ),
    ]
    if v == 1:
        out += [
            h("microexpr", 3, "Micro-expression detection"),
            req(
                "R-ERVS-015",
                "Where the capture frame rate is at least 100 frames per second, the ERVS is "
                "required to detect micro-expressions lasting between 40 ms and 500 ms and to "
                "report the emotion they reveal.",
            ),
            p(
                "A micro-expression that contradicts the emotion displayed by the rest of the "
                "face or by the voice is reported as a concealment cue. Concealment cues are "
                f"used as indicators of deception in the profile of clause {xref('interview')}."
            ),
            note(
                "NOTE \u2013 Micro-expressions are considered difficult to suppress "
                "voluntarily, and therefore to reveal the genuine emotion of the subject."
            ),
        ]
    out += [
        h("voice", 2, "Voice-based affect analysis"),
        req(
            "R-ERVS-020",
            "The ERVS can optionally analyse speech captured by microphones to estimate the "
            "emotional state and stress level of the speaker from pitch, intensity, speech "
            "rate, pauses and voice quality.",
        ),
        p(
            "Voice-based estimates are combined with facial estimates by the fusion function "
            f"(see clause {xref('fusion')}). The affect analysis function does not transcribe "
            "the content of speech; however, the ERVS can optionally pass the audio to a speech "
            "recognition function for keyword spotting."
        ),
        h("gait", 2, "Gait and posture analysis"),
        req(
            "R-ERVS-021",
            "The ERVS is recommended to estimate the emotional state of subjects from gait and "
            "posture when the face is not visible, using walking speed, stride length, arm "
            "swing, head orientation and body sway.",
        ),
        p(
            "Gait patterns such as hesitation, frequent changes of direction, loitering and "
            "repeatedly looking back are classified as nervous behaviour."
        ),
    ]
    heart = req(
        "R-ERVS-022",
        "The ERVS is required to estimate the heart rate of each subject at a distance of up to "
        "3 m using remote photoplethysmography (rPPG), from the colour variations of the facial "
        "skin in video, with an error not exceeding 5 beats per minute.",
    )
    hrv = req(
        "R-ERVS-023",
        "The ERVS is recommended to derive heart rate variability (HRV) from the rPPG signal, "
        "and to use an increased heart rate and a reduced HRV as indicators of stress and "
        "anxiety.",
    )
    breath = req(
        "R-ERVS-024",
        "The ERVS can optionally estimate the respiration rate from chest movement, and the "
        "facial skin temperature from thermal images, and use them as further indicators of "
        "arousal.",
    )
    contactless = p(
        "Physiological signals are measured without contact and without any action by the subject."
    )
    if v == 1:
        out += [h("physio", 2, "Physiological signal estimation"), heart, hrv, breath, contactless]
    else:
        out += [
            h("physio", 2, "Heart rate estimation"),
            heart,
            hrv,
            h("physio-breath", 2, "Respiration and skin temperature estimation"),
            breath,
            contactless,
        ]
    out += [
        h("fusion", 2, "Multimodal fusion"),
        req(
            "R-ERVS-025",
            "The ERVS is required to fuse the estimates from all available modalities into an "
            "emotional state vector for each subject, comprising the probabilities of the seven "
            "emotion categories, valence, arousal, the tension index and, where applicable, the "
            "attention score.",
        ),
        p(
            "Fusion weights are recommended to be adapted to the context of the deployment. For "
            "example, physiological indicators are given a higher weight in interview rooms, "
            "where the subject is seated close to the camera."
        ),
        h("demographic", 2, "Demographic attribute estimation"),
    ]
    if v == 1:
        out += [
            req(
                "R-ERVS-030",
                "The ERVS is required to estimate the age group, gender and ethnicity of each "
                "subject and to include them in the emotion record. Ethnicity is reported as "
                f"one of the values listed for the ethnicity field in Annex {xref('annex-a')}.",
            ),
            p(
                "Demographic attributes are used to select the emotion recognition model best "
                "suited to the facial morphology of the subject's group, and to produce "
                "statistics of emotional states per demographic group."
            ),
        ]
    else:
        out += [
            req(
                "R-ERVS-030",
                "The ERVS is recommended to estimate the age group and gender of each subject. "
                "Ethnicity or skin tone can optionally be estimated where national regulations "
                "permit, and is then used only to select the emotion recognition model best "
                "suited to the subject.",
            ),
        ]
    out.append(
        note(
            "NOTE \u2013 The accuracy of emotion recognition differs across demographic groups "
            f"(see clause {xref('performance')})."
        )
    )
    return out


def _use_cases(v: int, xref: Callable[[str], str]) -> list[Node]:
    return [
        h("profiles", 1, "Use case profiles"),
        p(
            "This clause specifies profiles that adapt the general requirements of clause "
            f"{xref('inference')} to particular deployments. An ERVS that claims conformance to "
            "a profile is required to meet the requirements of that profile."
        ),
        h("early-warning", 2, "Public space early warning"),
        p(
            "This profile applies to transport hubs, city squares, stadiums, shopping centres "
            "and other public spaces where large numbers of people gather."
        ),
        h("crowd", 3, "Crowd emotion monitoring"),
        req(
            "R-ERVS-040",
            "The ERVS is required to compute a crowd mood index for each monitored area, "
            "aggregating the emotional states of all detected subjects, and to raise an alert "
            "when the proportion of subjects in an angry or fearful state exceeds a configurable "
            "threshold.",
        ),
        p(
            "Crowd mood indices are used to anticipate disturbances at gatherings, "
            "demonstrations and public events, and to support the deployment of security "
            "personnel."
        ),
        h("individual", 3, "Individual early warning"),
        req(
            "R-ERVS-041",
            "The ERVS is required to flag subjects in an abnormal emotional state "
            + pick(v, "as persons of interest", "for review by an operator")
            + " and to track them across cameras.",
        ),
        req(
            "R-ERVS-042",
            'The ERVS is required to assign each flagged subject a risk level of "normal", '
            '"attention" or "inspection recommended", based on the tension index, the duration '
            "of the abnormal state and any nervous behaviour detected under clause "
            f"{xref('gait')}.",
        ),
        req(
            "R-ERVS-043",
            "The ERVS can optionally match flagged subjects against watchlists held by law "
            "enforcement agencies, using face recognition, and is recommended to raise the risk "
            "level of a subject found on a watchlist.",
        ),
        p(
            "Early warning alerts are sent to on-site security personnel and to the command "
            "centre, together with a still image of the subject."
        ),
        Heading(
            "interview",
            2,
            change(v, "Interrogation support", "Interview and interrogation assistance"),
        ),
        p(
            "This profile applies to the interview rooms of police, customs, border control and "
            "immigration authorities, and to security screening interviews."
        ),
        req(
            "R-ERVS-050",
            "The ERVS is required to display to the interviewer, in real time, the tension "
            "index of the interviewee and its variation after each question.",
        ),
        req(
            "R-ERVS-051",
            "The ERVS is required to mark as sensitive the questions after which the tension "
            "index increased by more than 20 points, or after which concealment cues were "
            "detected, and to recommend follow-up questions on those topics.",
        ),
        req(
            "R-ERVS-052",
            "The ERVS can optionally produce a credibility assessment of the statements of the "
            "interviewee, combining micro-expression concealment cues, voice stress and changes "
            "in heart rate.",
        ),
        p(
            "Interview recordings, tension index curves and credibility assessments are stored "
            "as part of the case file."
        ),
        note(
            "NOTE \u2013 The interviewee does not need to be informed of the emotion analysis, "
            "so as not to influence the results."
        ),
        h("classroom", 2, "Smart classroom"),
        p(
            "This profile applies to the classrooms of primary and secondary schools, "
            "universities and training centres, and to online lessons."
        ),
        req(
            "R-ERVS-060",
            "The ERVS is required to identify each student by face recognition at the start of "
            "the lesson, and to compute an attention score and an emotion category for each "
            "student at least every 30 s.",
        ),
        req(
            "R-ERVS-061",
            "The ERVS is required to classify the behaviour of students into the following "
            "classes:",
        ),
        item("a)", "listening;"),
        item("b)", "reading or writing;"),
        item("c)", "raising a hand or standing;"),
        item("d)", "sleeping with the head on the desk;"),
        item("e)", "using a mobile phone."),
        p(
            "A weekly report ranking students by their average attention score is generated "
            "for teachers and the school management, and is shared with parents through a "
            "mobile application."
        ),
        req(
            "R-ERVS-062",
            "The ERVS is recommended to alert the teacher in real time when the attention score "
            "of a student falls below 40, or when a student shows sadness or anger for more "
            "than five minutes.",
        ),
        h("vehicle", 2, "Driver and occupant monitoring"),
        p(
            "This profile applies to passenger cars, taxis, buses, lorries and the vehicles of "
            "ride-hailing services."
        ),
        req(
            "R-ERVS-070",
            "The ERVS is required to monitor the driver for fatigue, distraction, anger and "
            "anxiety using an in-cabin camera, and to warn the driver when a risky state is "
            "detected.",
        ),
        req(
            "R-ERVS-071",
            "The ERVS can optionally monitor the emotional states of passengers, including "
            "children, and adjust the in-cabin environment, such as music and lighting, "
            "accordingly.",
        ),
        req(
            "R-ERVS-072",
            "The ERVS is recommended to transmit driver emotion and fatigue events, with their "
            "time and location, to the fleet operator and, where the vehicle is insured under a "
            "usage-based policy, to the insurer for the calculation of risk scores and "
            "premiums.",
        ),
        p(
            "Driver emotion records are retained together with vehicle telematics data, and can "
            "be provided to the insurer when a claim is handled."
        ),
        h("excluded", 2, "Applications not covered"),
        p(
            "This Recommendation does not address the use of emotion recognition for medical "
            "diagnosis, mental health assessment or therapeutic purposes. Systems intended for "
            "such purposes are subject to the applicable regulations on medical devices."
        ),
    ]


def _data(v: int, xref: Callable[[str], str]) -> list[Node]:
    accuracy = (
        ("Happiness", "95", "2", "Frontal face, pose within 15\u00b0"),
        ("Sadness", "88", "4", "Frontal face, pose within 15\u00b0"),
        ("Anger", "92", "3", "Frontal face, pose within 15\u00b0"),
        ("Fear", pick(v, "85", "80"), "5", "Frontal face, pose within 15\u00b0"),
        ("Surprise", "93", "3", "Frontal face, pose within 15\u00b0"),
        ("Disgust", "86", "4", "Frontal face, pose within 15\u00b0"),
        ("Neutral", "94", "3", "Any pose within 30\u00b0"),
    )
    out: list[Node] = [
        h("data", 1, "Data management, security and performance"),
        h("retention", 2, "Retention and sharing"),
        Text(
            [
                "[R-ERVS-080] The ERVS is required to retain video, audio and emotion records "
                "for at least ",
                *change(v, "90", "180"),
                " days, and alerts together with the associated records for at least "
                f"{pick(v, 'five', 'three')} years.",
            ]
        ),
        req(
            "R-ERVS-081",
            "The ERVS is required to provide an application programming interface through "
            "which authorized external systems, including public security information systems, "
            "school management systems and insurance platforms, can query emotion records by "
            "subject, location and time.",
        ),
    ]
    bulk = (
        "[R-ERVS-082] The ERVS can optionally export emotion records in bulk to third-party "
        "analytics services for the development of new applications and the training of new "
        "models."
    )
    if v == 1:
        out.append(Text(Ins(bulk, RAPPORTEUR, REV_DATE), mark=Mark("ins", RAPPORTEUR, REV_DATE)))
    else:
        out.append(p(bulk))
    out += [
        p(
            "Emotion records can be reused for purposes other than the one for which they were "
            "collected, provided that access is authorized by the system operator."
        ),
        h("notice", 2, "Notice to subjects"),
        p(
            "Signs indicating that video surveillance is in operation are recommended to be "
            "displayed at the entrances of monitored areas. Notice of the emotion recognition "
            "function is not required."
        ),
    ]
    if v == 1:
        objection = (
            "Where practicable, subjects are recommended to be informed of the purposes of "
            "emotion recognition and of the means to object to it."
        )
        out.append(
            Text(Del(objection, RAPPORTEUR, REV_DATE), mark=Mark("del", RAPPORTEUR, REV_DATE))
        )
    out += [
        req(
            "R-ERVS-090",
            "Capture can optionally be performed without notice to subjects where notice would "
            "reduce the effectiveness of the system, in particular in the profiles of clauses "
            f"{xref('early-warning')} and {xref('interview')}.",
        ),
        p(
            "Subjects are not provided with access to the emotion records or risk levels that "
            "concern them."
        ),
        h("performance", 2, "Performance requirements"),
        p(
            "Table 1 specifies the minimum recognition accuracy per emotion category, measured "
            "on the benchmark data set [b-ERVS-7]",
            FootnoteRef(
                "The benchmark consists of posed expressions by 420 adult volunteers recorded "
                "under studio lighting."
            ),
            ".",
        ),
        TableNode(
            "table-accuracy",
            "Minimum recognition accuracy per emotion category",
            (
                "Emotion category",
                "Minimum accuracy (%)",
                "Maximum false alarm rate (%)",
                "Test condition",
            ),
            accuracy,
            (2200, 2000, 2200, 3238),
        ),
        req(
            "R-ERVS-100",
            "The ERVS is required to achieve the minimum accuracy given in ",
            Field(r"REF _RefTable1 \h", "Table 1"),
            " for each emotion category, and an accuracy of at least 90% in the detection of "
            f"abnormal emotional states in the profile of clause {xref('early-warning')}.",
        ),
        req(
            "R-ERVS-101",
            "The tension index is required to correlate with reference physiological "
            "measurements with a coefficient of at least 0.8.",
        ),
        p(
            "Accuracy per age group, gender and ethnicity can optionally be reported. "
            "Differences of up to 15 percentage points between groups are considered "
            "acceptable."
        ),
        note(
            "NOTE 1 \u2013 The accuracy of rPPG heart-rate estimation decreases for darker skin "
            "tones and in low light."
        ),
        note(
            "NOTE 2 \u2013 Accuracy in the field can be lower than on the benchmark, because of "
            "pose, occlusion and lighting."
        ),
        h("security", 2, "Security requirements"),
        req(
            "R-ERVS-110",
            "The ERVS is required to encrypt stored emotion records with AES-256, and to protect "
            "records in transit with TLS 1.3 or later.",
        ),
        req(
            "R-ERVS-111",
            "Access to emotion records is required to be restricted to authorized operators and "
            "to be logged; the logs are required to be kept for at least one year.",
        ),
        req(
            "R-ERVS-112",
            "Each model file is required to be verified against its fingerprint before it is "
            f"loaded (see clause {xref('transport')}).",
        ),
        p(
            "The ERVS is recommended to be hardened following the security guidelines of the "
            "vendor, and software updates are required to be signed."
        ),
    ]
    return out


def _annexes(v: int, xref: Callable[[str], str]) -> list[Node]:
    fields = (
        ("subject_id", "string", "Persistent identifier of the subject across cameras and days"),
        ("timestamp", "UTC time", "Capture time of the frame"),
        ("camera_id", "string", "Identifier of the capture device"),
        ("location", "string", "Geographic position of the capture device"),
        ("emotion", "enumeration", "happiness, sadness, anger, fear, surprise, disgust, neutral"),
        ("valence, arousal", "real", "From \u22121 to +1"),
        ("tension_index", "integer", "From 0 to 100"),
        ("attention_score", "integer", "From 0 to 100 (smart classroom profile)"),
        ("age_group", "enumeration", "0-12, 13-17, 18-30, 31-45, 46-60, over 60"),
        ("gender", "enumeration", "male, female"),
        (
            "ethnicity",
            "enumeration",
            pick(
                v,
                "Asian, Black, White, Arab, other (values configurable by the operator)",
                "Optional: values configurable by the operator",
            ),
        ),
        ("face_image", "JPEG", "Face crop of the subject"),
    )
    out: list[Node] = [
        Annex("annex-a", "Emotion record and alert formats"),
        h("record", 1, "Emotion record"),
        p(
            "An emotion record is required to contain the fields listed in Table A.1. Field "
            "names are case-sensitive."
        ),
        TableNode(
            "table-record",
            "Fields of an emotion record",
            ("Field", "Type", "Values and description"),
            fields,
            (2400, 1700, 5538),
        ),
        h("alert", 1, "Alert message"),
        p(
            "An alert message is required to contain the subject_id, the risk level (normal, "
            "attention or inspection recommended), the reason for the alert, the latest emotion "
            "record and a reference to the video segment. Alerts are delivered to the VMS within "
            "1 s of detection."
        ),
    ]
    if v == 2:
        moved = _interfaces()
        out.append(Annex("annex-b", "Interfaces to video management systems"))
        out += [
            Heading(n.key, n.level - 1, n.title) if isinstance(n, Heading) else n for n in moved
        ]
    out += [
        Annex("appendix-1", "Deployment examples", appendix=True),
        h("railway", 1, "Railway station"),
        p(
            "A railway station deploys 120 cameras at its entrances, ticket halls and "
            "platforms. Faces are captured at the security checkpoint at a distance of 2 m to "
            "4 m, and the heart rate and tension index of each passenger are estimated while "
            'the passenger queues. Passengers whose risk level is "inspection recommended" are '
            "directed to secondary screening. During a six-month trial, the system flagged 2.3% "
            "of passengers."
        ),
        h("exam", 1, "Examination hall"),
        p(
            "During examinations, cameras record each candidate. The ERVS reports the "
            "candidates whose micro-expressions, gaze or head movements suggest an attempt to "
            "cheat, and the invigilator reviews the recorded video after the examination. "
            "Candidates are required to keep their faces uncovered and turned towards the "
            "camera."
        ),
        Bibliography(),
        ref(
            "b-ERVS-7",
            "ERVS-7 facial expression benchmark, version 2 (a fictional data set invented for "
            "this sample).",
        ),
        ref(
            "b-FACS",
            "Ekman, P., Friesen, W.V. (1978), Facial Action Coding System: A Technique for the "
            "Measurement of Facial Movement. Consulting Psychologists Press.",
        ),
        ref(
            "b-ISO/IEC 19795-1",
            "ISO/IEC 19795-1, Information technology \u2013 Biometric performance testing and "
            "reporting \u2013 Part 1: Principles and framework.",
        ),
        ref(
            "b-ITU-T F.AIVS",
            "Draft Recommendation ITU-T F.AIVS, Requirements for artificial intelligence in "
            "visual surveillance (a fictional work item).",
        ),
        ref(
            "b-ITU-T H.626",
            "Recommendation ITU-T H.626, Architectural requirements for video surveillance system.",
        ),
    ]
    return out


# Names used by the renderer to mark the table caption for the simple REF field.
TABLE_BOOKMARKS = {"table-accuracy": "_RefTable1"}

__all__ = ["CHANGES", "META", "TABLE_BOOKMARKS", "Meta", "nodes"]
