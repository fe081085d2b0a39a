"""Build the fictional drafts of the held-out evaluation set (same bytes on every run).

    .venv/bin/python tests/eval/heldout/build_heldout.py            # write heldout/drafts/
    .venv/bin/python tests/eval/heldout/build_heldout.py --check    # fail if out of date

Three invented drafts, each in the house style of one body:

- `itu-t-f-psa-draft.docx`: draft Recommendation ITU-T F.PSA, passenger screening analytics
  at border crossing points (typed clause numbers, TD cover table, Annex A, Appendices I, II);
- `iso-iec-cd-24871.docx`: ISO/IEC CD 24871, biometric attendance and wellbeing monitoring in
  workplaces and educational establishments (Foreword, numbered terms, Annexes A, B);
- `ieee-p3391-d1.docx`: IEEE P3391/D1.2, in-cabin occupant state sensing data for fleet
  operations and usage-based insurance (automatic heading numbering, IEEE styles).

No standards body wrote, discussed or approved any of them; each says so on its first page,
in its footer and in its document properties. The text of each draft is kept below as a list
of blocks in a small directive markup (see `blocks`).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

_REPO = Path(__file__).resolve().parents[3]
if str(_REPO) not in sys.path:
    sys.path.insert(0, str(_REPO))

from tools.buildfiles import build_main  # noqa: E402

from stdcomment.docxwrite import (  # noqa: E402
    Br,
    DocxBuilder,
    Indent,
    P,
    Run,
    RunFormat,
    Section,
    Spacing,
    Table,
)
from stdcomment.docxwrite.presets import ieee_styles, itu_t_styles  # noqa: E402

HERE = Path(__file__).resolve().parent
OUT = HERE / "drafts"


@dataclass(frozen=True, slots=True)
class Item:
    """One block of a draft.

    `kind` is one of front, heading, annex, appendix, biblio, term, abbr, li, note, table, ref,
    para; `fields` holds the parts the kind needs (see `blocks`).
    """

    kind: str
    fields: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...] = ()


def blocks(markup: str) -> Iterator[Item]:
    """Read the directive markup of a draft.

    Blocks are separated by blank lines and their lines joined with spaces. A block starting
    with a directive is:

    - `.front Title`: an unnumbered front-matter heading;
    - `.h 6.2 Title`: a heading with a typed number (level = number of parts);
    - `.h2 Title`: a heading of level 2 numbered automatically (IEEE);
    - `.annex A normative | Title`, `.appendix I | Title`, `.biblio`;
    - `.term 3.2.1 | term | source | definition` (number and source may be empty; these
      fields are split at every `|`);
    - `.abbr ABBR | expansion`, `.li text`, `.note label | text`, `.ref [tag] text`;
    - `.table Caption` followed by one line per row, cells separated by ` | `;

    anything else is a body paragraph.
    """
    for chunk in markup.strip().split("\n\n"):
        lines = [line.strip() for line in chunk.strip().splitlines()]
        head, _, rest = lines[0].partition(" ")
        text = " ".join([rest, *lines[1:]]).strip()
        if head == ".table":
            rows = tuple(tuple(c.strip() for c in line.split(" | ")) for line in lines[1:])
            yield Item("table", (rest,), rows)
        elif head == ".front":
            yield Item("front", (text,))
        elif head == ".h":
            number, _, title = text.partition(" ")
            yield Item("heading", (number, title, str(number.count(".") + 1)))
        elif head.startswith(".h") and head[2:].isdigit():
            yield Item("heading", ("", text, head[2:]))
        elif head in (".annex", ".appendix"):
            label, _, title = text.partition(" | ")
            yield Item(head[1:], (*label.split(" "), title))
        elif head == ".biblio":
            yield Item("biblio", ())
        elif head in (".term", ".abbr", ".note"):
            yield Item(head[1:], tuple(part.strip() for part in text.split("|")))
        elif head in (".li", ".ref"):
            yield Item(head[1:], (text,))
        else:
            yield Item("para", (" ".join(lines),))


# --------------------------------------------------------------------------------------------
# ITU-T: TD cover table, Rec_No and Rec_title, typed numbers in heading 1..3.

ITU_NOTICE = (
    "This is a fictional draft written for the held-out evaluation set of stdcomment. It is not "
    "an ITU-T document: no study group, rapporteur or editor prepared, discussed or agreed it, "
    "and its text, numbers and contacts are invented."
)


def itu_draft(markup: str, number: str, title: str, td: str) -> bytes:
    """A draft new ITU-T Recommendation presented as a temporary document."""
    doc = DocxBuilder(
        title=f"Draft new Recommendation ITU-T {number} - {title}",
        subject=td,
        description=ITU_NOTICE,
    )
    itu_t_styles(doc)
    strong = RunFormat(bold=True)
    doc.table(
        [
            [P("INTERNATIONAL TELECOMMUNICATION UNION", run=strong), P(td, style="Docnumber")],
            [P("TELECOMMUNICATION STANDARDIZATION SECTOR"), P("STUDY PERIOD 2025-2028")],
            [P("STUDY GROUP 17", run=strong), P("Original: English")],
            [P("Question(s): 10/17", run=strong), P("Virtual, 3-14 May 2027")],
            [P("TD (fictional)", run=strong), ""],
            [P("Source: Editors of F.PSA (fictional)", run=strong), ""],
            [P(f'Title: Draft new Recommendation ITU-T {number} "{title}"', run=strong), ""],
            [P(ITU_NOTICE, run=RunFormat(italic=True)), ""],
        ],
        widths=(5600, 4038),
    )
    doc.p(f"Draft new Recommendation ITU-T {number}", style="RecNo", spacing=Spacing(before=360))
    doc.p(title, style="Rectitle")
    for item in blocks(markup):
        doc.add(*itu_item(item))
    doc.section = Section(
        header=[P(f"- {td} -", style="Header")],
        footer=[P(ITU_NOTICE, style="Footer", align="center")],
    )
    return doc.to_bytes()


def itu_item(item: Item) -> list[P | Table]:
    """The paragraphs (and table) of one block in ITU-T styles."""
    f = item.fields
    if item.kind == "front":
        return [P(f[0], style="Headingb")]
    if item.kind == "heading":
        return [P(f"{f[0]}\t{f[1]}", style=f"Heading{f[2]}")]
    if item.kind == "annex":
        return [
            P([f"Annex {f[0]}", Br(), Br(), f[2]], style="AnnexNoTitle"),
            P("(This annex forms an integral part of this Recommendation.)", style="Annexref"),
        ]
    if item.kind == "appendix":
        return [
            P([f"Appendix {f[0]}", Br(), Br(), f[1]], style="AppendixNotitle"),
            P(
                "(This appendix does not form an integral part of this Recommendation.)",
                style="Appendixref",
            ),
        ]
    if item.kind == "biblio":
        return [P("Bibliography", style="AppendixNotitle")]
    if item.kind == "term":
        source = f" [{f[2]}]" if f[2] else ""
        return [P([f"{f[0]}\t", Run(f[1], bold=True), f"{source}: {f[3]}"])]
    if item.kind == "abbr":
        return [P(f"{f[0]}\t{f[1]}")]
    if item.kind == "li":
        return [P(f"–\t{f[0]}", style="enumlev1")]
    if item.kind == "note":
        return [P(f"{f[0]} – {f[1]}", style="Note")]
    if item.kind == "ref":
        tag, _, text = f[0].partition("] ")
        return [P(f"{tag}]\t{text}", style="Reftext")]
    if item.kind == "table":
        return [
            P(f[0], style="TableNoTitle"),
            Table(
                [list(row) for row in item.rows],
                head_rows=1,
                head_style="Tablehead",
                cell_style="Tabletext",
                align="center",
            ),
        ]
    return [P(f[0])]


# --------------------------------------------------------------------------------------------
# ISO/IEC: cover block, Foreword and Introduction titles, typed numbers in heading 1..3,
# "Annex A (informative)" in an ANNEX style, Bibliography.

ISO_NOTICE = (
    "This is a fictional draft written for the held-out evaluation set of stdcomment. It is "
    "not an ISO or IEC document: no committee or working group drafted, balloted or approved "
    "it, and its project number is invented."
)


def iso_draft(markup: str, reference: str, title: str) -> bytes:
    """An ISO/IEC committee draft."""
    doc = DocxBuilder(title=f"{reference} {title}", subject=reference, description=ISO_NOTICE)
    doc.style("Normal", "Normal", default=True, q_format=True, spacing=Spacing(after=180))
    for n, size in ((1, 13), (2, 12), (3, 11)):
        doc.style(
            f"Heading{n}",
            f"heading {n}",
            based_on="Normal",
            next="Normal",
            outline_level=n - 1,
            bold=True,
            font="Cambria",
            size=size,
            keep_next=True,
            spacing=Spacing(before=240, after=120),
        )
    doc.style("zzCover", "zzCover", based_on="Normal", bold=True, size=14, align="right")
    doc.style("ForewordTitle", "Foreword Title", based_on="Normal", bold=True, size=13)
    doc.style("IntroTitle", "Introduction Title", based_on="Normal", bold=True, size=13)
    doc.style(
        "ANNEX", "ANNEX", based_on="Normal", bold=True, size=13, align="center",
        page_break_before=True,
    )  # fmt: skip
    doc.style("BiblioTitle", "Biblio Title", based_on="Normal", bold=True, size=13, align="center")
    doc.style(
        "BiblioEntry", "Biblio Entry", based_on="Normal", indent=Indent(left=660, hanging=660)
    )
    doc.style("Note", "Note", based_on="Normal", size=9)
    doc.style("ListContinue", "List Continue", based_on="Normal", indent=Indent(left=400))
    doc.style("TableTitle", "Table title", based_on="Normal", bold=True, align="center")
    doc.p(reference, style="zzCover")
    doc.p("ISO/IEC JTC 1/SC 37/WG 6 (fictional)", style="zzCover")
    doc.p(title, style="zzCover")
    doc.p(ISO_NOTICE, run=RunFormat(italic=True))
    for item in blocks(markup):
        doc.add(*iso_item(item))
    doc.section = Section(
        header=[P(reference, align="right")],
        footer=[P(ISO_NOTICE, align="center", run=RunFormat(size=8))],
    )
    return doc.to_bytes()


def iso_item(item: Item) -> list[P | Table]:
    """The paragraphs (and table) of one block in ISO/IEC styles."""
    f = item.fields
    if item.kind == "front":
        return [P(f[0], style="IntroTitle" if f[0] == "Introduction" else "ForewordTitle")]
    if item.kind == "heading":
        return [P(f"{f[0]}\t{f[1]}", style=f"Heading{f[2]}")]
    if item.kind == "annex":
        return [P([f"Annex {f[0]}", Br(), f"({f[1]})", Br(), f[2]], style="ANNEX")]
    if item.kind == "biblio":
        return [P("Bibliography", style="BiblioTitle")]
    if item.kind == "term":
        source = f" [SOURCE: {f[2]}]" if f[2] else ""
        return [P([f"{f[0]}\t", Run(f[1], bold=True), f": {f[3]}{source}"])]
    if item.kind == "abbr":
        return [P(f"{f[0]}\t{f[1]}")]
    if item.kind == "li":
        return [P(f"—\t{f[0]}", style="ListContinue")]
    if item.kind == "note":
        return [P(f"{f[0]}\t{f[1]}", style="Note")]
    if item.kind == "ref":
        return [P(f[0], style="BiblioEntry")]
    if item.kind == "table":
        return [
            P(f[0], style="TableTitle"),
            Table([list(row) for row in item.rows], head_rows=1, align="center"),
        ]
    return [P(f[0])]


# --------------------------------------------------------------------------------------------
# IEEE: IEEEStds styles, headings and annexes numbered automatically.

IEEE_NOTICE = (
    "This is a fictional draft written for the held-out evaluation set of stdcomment. It is not "
    "an IEEE document and no IEEE working group developed or balloted it; its designation, "
    "text and participants are invented."
)


def ieee_draft(markup: str, designation: str, title: str, date: str) -> bytes:
    """An IEEE SA draft standard."""
    doc = DocxBuilder(title=f"{designation} {title}", subject=designation, description=IEEE_NOTICE)
    lists = ieee_styles(doc)
    doc.p(designation, style="IEEEStdsDesignation")
    doc.p(title, style="IEEEStdsTitle")
    doc.p(IEEE_NOTICE, style="IEEEStdsParagraph", run=RunFormat(italic=True))
    in_annex = False
    for item in blocks(markup):
        in_annex = in_annex or item.kind == "annex"
        doc.add(*ieee_item(item, lists.numbered, in_annex=in_annex))
    doc.section = Section(
        header=[P(f"{designation}, {date}", style="Header")],
        footer=[P(IEEE_NOTICE, style="Footer")],
    )
    return doc.to_bytes()


def ieee_item(item: Item, numbered: int, *, in_annex: bool) -> list[P | Table]:
    """The paragraphs (and table) of one block in IEEE styles."""
    f = item.fields
    body = "IEEEStdsParagraph"
    if item.kind == "front":
        return [P(f[0], style="IEEEStdsLevel1frontmatter")]
    if item.kind == "heading":
        style = "IEEEStdsAnnexLevel2Header" if in_annex else f"IEEEStdsLevel{f[2]}Header"
        return [P(f[1], style=style)]
    if item.kind == "annex":
        return [P([Br(), f"({f[1]})", Br(), f[2]], style="IEEEStdsAnnex")]
    if item.kind == "term":
        return [P([Run(f[1], bold=True), f": {f[3]}"], style="IEEEStdsDefinitions")]
    if item.kind == "abbr":
        return [P(f"{f[0]}\t{f[1]}", style=body)]
    if item.kind == "li":
        return [P(f[0], style="IEEEStdsNumberedListLevel1", num=(numbered, 0))]
    if item.kind == "note":
        return [P(f"NOTE—{f[1]}", style="IEEEStdsSingleNote")]
    if item.kind == "ref":
        _tag, _, text = f[0].partition("] ")
        return [P(text, style="IEEEStdsBibliographicEntry" if in_annex else body)]
    if item.kind == "table":
        return [
            P(f[0], style="IEEEStdsRegularTableCaption"),
            Table(
                [list(row) for row in item.rows],
                head_rows=1,
                head_style="IEEEStdsTableColumnHead",
                cell_style="IEEEStdsTableDataLeft",
                align="center",
            ),
        ]
    return [P(f[0], style=body)]


# --------------------------------------------------------------------------------------------
# Draft 1: ITU-T F.PSA, passenger screening analytics at border crossing points.

PSA_NUMBER = "F.PSA"
PSA_TITLE = "Requirements for passenger screening analytics at border crossing points"
PSA_TD = "SG17-TD0388/WP3"
PSA = """
.front Summary

Recommendation ITU-T F.PSA sets out functional and performance requirements for passenger
screening analytics (PSA) used by border and customs administrations at airports, seaports and
land crossings. It covers face capture in approach corridors and at e-gates, comparison against
watchlists, risk stratification of travellers from advance passenger data and observed
behaviour, thermal imaging, demographic attribute estimation, support to secondary inspection,
retention of screening records and their exchange with partner agencies.

.front Keywords

Border crossing point, e-gate, passenger screening, risk stratification, thermal imaging,
watchlist.

.front Introduction

Passenger numbers at international crossings grow faster than the number of border officers.
Administrations therefore look for analytics that let a small team concentrate its checks on
the few travellers judged most likely to present a security, migration or health risk, while
letting the majority pass without delay. Products on the market combine document readers,
face recognition, queue video analytics and thermal cameras, but describe their outputs in
incompatible ways. This Recommendation provides a common functional model and common alert
formats so that administrations can procure and combine such components.

.h 1 Scope

This Recommendation specifies requirements for passenger screening analytics, comprising:

.li identity verification of travellers against their travel documents;

.li screening of every traveller passing a capture point against national and partner
watchlists;

.li risk stratification of travellers from advance passenger information, passenger name
records and behavioural and physiological indicators observed while they queue;

.li estimation of demographic attributes of travellers for flow statistics;

.li support to officers conducting secondary inspection interviews;

.li retention, reuse and exchange of screening records.

The legal basis for processing travellers' personal data is a matter for national law and is
not addressed in this Recommendation.

.h 2 References

The following ITU-T Recommendations and other references contain provisions which, through
reference in this text, constitute provisions of this Recommendation.

.ref [ITU-T X.1252] Recommendation ITU-T X.1252 (2021), Baseline identity management terms
and definitions.

.ref [ISO/IEC 19794-5] ISO/IEC 19794-5:2011, Information technology - Biometric data
interchange formats - Part 5: Face image data.

.h 3 Definitions

.h 3.1 Terms defined elsewhere

This Recommendation uses the following terms defined elsewhere:

.term 3.1.1 | biometric sample | ISO/IEC 2382-37 | analog or digital representation of
biometric characteristics prior to biometric feature extraction.

.term 3.1.2 | identity proofing | ITU-T X.1252 | the process by which an identity is
established and verified.

.h 3.2 Terms defined in this Recommendation

This Recommendation defines the following terms:

.term 3.2.1 | behavioural indicator | | an observable action, posture or facial movement of a
traveller that betrays concealment or hostile intent, such as gaze aversion or a suppressed
expression of fear.

.term 3.2.2 | traveller risk score | | a value between 0 and 100 expressing the estimated
likelihood that a traveller presents a security, migration or health risk.

.term 3.2.3 | passive enrolment | | the capture of a traveller's face image and its addition
to a screening gallery without any action by the traveller.

.term 3.2.4 | physiological arousal index | | a value derived from facial skin temperature and
respiration rate measured at a distance, used as an indicator of stress.

.term 3.2.5 | secondary inspection | | a further examination of a traveller and his or her
luggage and documents, away from the primary control line.

.h 4 Abbreviations and acronyms

This Recommendation uses the following abbreviations and acronyms:

.abbr API | Advance Passenger Information

.abbr FMR | False Match Rate

.abbr FNMR | False Non-Match Rate

.abbr MRZ | Machine Readable Zone

.abbr PNR | Passenger Name Record

.abbr PSA | Passenger Screening Analytics

.h 5 Conventions

In this Recommendation, the keywords "is required to" indicate a requirement which must be
strictly followed, "is recommended" a requirement which is recommended but not absolutely
required, and "can optionally" an optional requirement.

.h 6 Functional architecture

.h 6.1 Overview

A PSA deployment consists of capture points, an analytics engine, a case management function
used by officers, and an exchange function towards external systems. Capture points are
connected to the analytics engine over the administration's private network.

.h 6.2 Capture subsystem

Capture points are located in approach corridors, queuing areas, document kiosks and e-gates.
Capture in approach corridors and queuing areas is performed while travellers walk or wait,
without requiring them to stop or to look at a camera, so that the flow of travellers is not
slowed. Signage informing travellers of the capture can optionally be displayed where national
regulations require it.

.note NOTE | Cameras are recommended to be mounted above head height and out of the travellers' line
of sight, which reduces deliberate avoidance.

.h 6.3 Exchange with external systems

The PSA is required to publish match results, traveller risk scores and case records to
partner agencies (customs, police, immigration and public health authorities) through a
publish-subscribe interface. Partner agencies can optionally subscribe to all records
concerning a given nationality, route or flight.

.h 6.4 Transport security

All interfaces between capture points, the analytics engine and the exchange function are
required to use mutually authenticated TLS 1.3. Certificate fingerprints of the peers are
pinned in the configuration of each component and checked at every connection.

.h 7 Identity verification and watchlist screening

.h 7.1 Document and face verification

At kiosks and e-gates the PSA reads the MRZ and the chip of the travel document and compares
the live face image with the portrait stored in the chip. The MRZ check digits are validated
with the regular expression of Table A.2 before the chip is accessed.

.h 7.2 Watchlist screening

Every face captured at any capture point is required to be compared against the national
watchlist and against any watchlist shared by a partner agency. Candidates whose comparison
score exceeds the configured threshold are required to raise an alert to the case management
function, together with the captured image and the watchlist entry.

.h 8 Traveller risk stratification

.h 8.1 Inputs

The risk stratification function combines:

.li API and PNR data, including travel history, payment method and travel companions;

.li the result of watchlist screening;

.li the behavioural indicators of clause 8.2;

.li the physiological arousal index of clause 8.3.

.h 8.2 Behavioural indicator detection

The analytics engine is required to detect, for every traveller in a queuing area, the
behavioural indicators listed in Table 1, and to attach them to the traveller's track.

.table Table 1 – Behavioural indicators and default weights
Indicator | Observation | Weight
Gaze aversion | eyes avoid officers or cameras for more than 3 s | 8
Self-touching | repeated touching of face or neck | 6
Micro-expression of fear or contempt | facial movement shorter than 0.5 s | 10
Rigid posture | little upper-body movement while waiting | 5
Excessive sweating | visible perspiration at an ambient temperature below 22 °C | 7

.h 8.3 Physiological arousal estimation

Thermal cameras are recommended at the approach to the primary control line. The analytics
engine measures periorbital and nasal skin temperature and estimates respiration rate from the
thermal signal. A traveller whose physiological arousal index exceeds the 90th percentile of
the travellers screened that day is required to have this fact added to the risk
stratification inputs. The same cameras can optionally be used for fever screening during
declared public health emergencies.

.h 8.4 Risk score computation

The traveller risk score is computed as a weighted sum of the inputs of clause 8.1, with the
weights of Table 1 for behavioural indicators. Travellers whose score exceeds the referral
threshold are required to be referred to secondary inspection. An officer is not permitted to
cancel a referral without the approval of a supervisor.

.h 8.5 Demographic attribute estimation

The PSA can optionally estimate the age band, sex and ethnic appearance of each traveller from
the captured face images, using the categories of Annex A. The estimates are used for
passenger flow statistics and to set separate referral thresholds for each category, so that
the referral rate of each category matches its historical rate of positive findings.

.h 9 Secondary inspection support

.h 9.1 Interview assistance

During a secondary inspection interview, the PSA can optionally analyse the traveller's voice
(pitch variability, speech rate, pauses) and facial micro-movements recorded by the interview
room camera, and display a credibility indicator to the interviewing officer after each
answer. The indicator is recorded in the case record.

.h 9.2 Case record

For every referred traveller the PSA creates a case record holding the captured images, the
behavioural indicators, the physiological arousal index, the traveller risk score, the
credibility indicators and the officer's notes and decision.

.h 9.3 Information to travellers

Travellers referred to secondary inspection are not required to be informed of the indicators
or scores that led to their referral, in order to protect the integrity of the screening
process.

.h 10 Data management

.h 10.1 Retention

Face images of travellers who raise no alert are retained for 30 days. Case records are
retained for ten years. Face images added to the screening gallery by passive enrolment are
retained without time limit, so that travellers can be recognised on later crossings.

.h 10.2 Secondary use of screening records

Screening records can be reused to train and evaluate analytics models, and can be made
available for other law enforcement purposes where national law permits.

.h 10.3 Deletion jobs and log integrity

Deletion jobs run hourly. To avoid a race condition between a deletion job and an export in
progress, the exchange function takes a lock on each record before reading it. Audit logs are
protected by a hash chain and written to append-only storage.

.h 11 Performance requirements

.h 11.1 Face comparison

For identity verification at e-gates, the FNMR is required not to exceed 1 % at an FMR of
0,1 %. For watchlist screening in approach corridors, the false alert rate is required not to
exceed one alert per 1 000 travellers, measured on the supplier's own test set.

.h 11.2 Behavioural indicator detection

The detection rate for each behavioural indicator of Table 1 is required to be at least 85 %,
and the rate of travellers wrongly flagged with at least one indicator is required not to
exceed 5 %, both measured on a reference set of staged scenarios recorded with actors who were
instructed to conceal an item.

.h 11.3 Differences between traveller groups

Differences in referral rates between demographic groups of up to a factor of three are
acceptable where they reflect differences in historical rates of positive findings. No other
evaluation by group is required.

.h 12 Security of the analytics engine

The analytics engine is required to run on hardened hosts. Firmware images of capture points
are signed; the image fingerprint is verified at boot and reported to the management system.
Network monitoring of link utilisation and packet loss between capture points and the engine
is recommended.

.h 13 Privacy considerations

Administrations are recommended to carry out a data protection impact assessment before
deploying PSA functions, and to publish a summary of it. This Recommendation does not assess
whether any of the functions it specifies is lawful in a given jurisdiction.

.annex A normative | Alert and screening record format

The alert message of clause 7.2 and the screening record of clause 9.2 are encoded as JSON
objects with the members of Table A.1.

.table Table A.1 – Members of the screening record
Member | Type | Content
travellerTrackId | string | identifier of the traveller's track across capture points
galleryId | string | identifier in the screening gallery (passive enrolment)
watchlistHits | array | watchlist, entry identifier and comparison score
indicators | array | behavioural indicators of Table 1 with time stamps
arousalIndex | number | physiological arousal index
ethnicAppearance | string | one of: European, African, Middle Eastern, South Asian, East Asian
riskScore | number | traveller risk score
referral | boolean | true when the traveller is referred to secondary inspection

.table Table A.2 – Validation pattern for the document number
Field | Pattern
document number | [A-Z0-9<]{9}

.appendix I | Example deployment at a land border crossing

At a road crossing with twelve vehicle lanes and a pedestrian hall, lane cameras capture the
faces of drivers and front-seat passengers through the windscreen as vehicles queue, and
thermal cameras at the pedestrian turnstiles measure the skin temperature of every person
entering the hall. Every hour the shift supervisor receives the ten highest traveller risk
scores of the hour with their images. The list is also pushed to the police checkpoint
twenty kilometres inland, which stops vehicles whose occupants were referred but not
inspected at the crossing.

.appendix II | Monitoring of network links

The administration's network operations centre monitors link utilisation, latency and packet
loss on the links between capture points and the analytics engine, using SNMP traps and flow
records. Thresholds for link alarms are set per site.

.biblio

.ref [b-ITU-T Y.4900] Recommendation ITU-T Y.4900/L.1600 (2016), Overview of key performance
indicators in smart sustainable cities.
"""

# --------------------------------------------------------------------------------------------
# Draft 2: ISO/IEC CD 24871, biometric attendance and wellbeing monitoring.

ATT_REFERENCE = "ISO/IEC CD 24871:2027(E)"
ATT_TITLE = (
    "Information technology — Biometric attendance and wellbeing monitoring in workplaces and "
    "educational establishments — Requirements and guidance"
)
ATT = """
.front Foreword

ISO (the International Organization for Standardization) and IEC (the International
Electrotechnical Commission) form a joint system for worldwide standardization. The procedures
used to develop this document and those intended for its further maintenance are described in
the ISO/IEC Directives, Part 1. Attention is drawn to the possibility that some of the
elements of this document may be the subject of patent rights.

This document was prepared by Joint Technical Committee ISO/IEC JTC 1, Information
technology, Subcommittee SC 37, Biometrics (fictional).

.front Introduction

Employers and schools increasingly replace badges and paper registers with face and palm-vein
terminals. The same cameras and sensors can also provide indicators of how people are doing:
whether they are tired, stressed or in low spirits, and how engaged they are in their work or
lessons. Organizations use such indicators in duty-of-care and wellbeing programmes, and ask
for a common way of producing, recording and exchanging them.

.h 1 Scope

This document specifies requirements and gives guidance for systems that:

.li record the attendance of employees, contractors, pupils and students by biometric
recognition at entry points and in rooms;

.li derive wellbeing and engagement indicators (fatigue, stress, low mood, engagement and
risk of burnout) from the same captures and from wearable sensors;

.li report those indicators to line managers, human resources, teachers, school welfare
officers and contracted occupational health providers.

It applies to offices, warehouses, call centres and factories, and to primary and secondary
schools, colleges and universities. It does not specify clinical diagnostic procedures.

.h 2 Normative references

The following documents are referred to in the text in such a way that some or all of their
content constitutes requirements of this document.

.ref ISO/IEC 19794-5, Information technology — Biometric data interchange formats — Part 5:
Face image data

.ref ISO/IEC 30107-3, Information technology — Biometric presentation attack detection —
Part 3: Testing and reporting

.h 3 Terms and definitions

For the purposes of this document, the following terms and definitions apply.

.term 3.1 | attendance event | | record that a recognized person was present at a given place
at a given time

.term 3.2 | wellbeing indicator | | estimate of a person's momentary affective or physical
condition, such as fatigue, stress or low mood, derived from facial, vocal or physiological
features

.term 3.3 | engagement score | | measure of the attentiveness of a learner or worker derived
from gaze direction, head pose and facial expression

.term 3.4 | affective baseline | | typical pattern of facial action units of an individual at
rest, deviation from which reveals the person's true emotional state irrespective of what the
person reports

.term 3.5 | burnout risk | | trend indicator combining stress and low mood indicators over
four weeks

.h 4 Abbreviated terms

.abbr HRV | heart rate variability

.abbr iPPG | imaging photoplethysmography

.abbr PAD | presentation attack detection

.abbr HR | human resources

.h 5 System overview

.h 5.1 Components

A system comprises recognition terminals at entry points, room cameras, optional wearable
devices, an analytics server and dashboards for authorized roles. Terminals and cameras
connect to the analytics server over the organization's network; network monitoring (link
state, latency, packet loss) of terminals uses SNMP.

.h 5.2 Deployment contexts

In workplaces, terminals are installed at site entrances and at the doors of restricted
areas; in call centres the agent's webcam and headset are used as capture devices during
working hours. In schools, ceiling cameras in each classroom capture all pupils continuously
during lessons so that attendance and engagement can be recorded without interrupting
teaching.

.h 6 Enrolment

.h 6.1 Enrolment of employees and pupils

Enrolment of employees shall form part of the onboarding procedure and shall be completed
before the first working day. Pupils shall be enrolled at registration. For pupils under 16
years of age, the school may give consent on behalf of parents where the enrolment form has
been distributed to them and no objection has been received within 14 days.

.h 6.2 Template protection

Biometric references shall be stored as protected templates in accordance with ISO/IEC 24745;
raw enrolment images shall be deleted once templates have been created.

.h 6.3 Presentation attack detection

Terminals shall implement PAD. PAD performance shall be evaluated and reported in accordance
with ISO/IEC 30107-3.

.h 7 Attendance recording

.h 7.1 Attendance events

Each recognition at a terminal or by a room camera produces an attendance event with the
person identifier, the time and the place (site, door or room).

.h 7.2 Presence tracking within premises

The system should compute, for each employee, the time spent away from the assigned
workstation and, for each pupil, the time spent outside the assigned room, and shall notify the
supervisor or teacher when an absence exceeds 10 min.

.h 7.3 Time synchronization

All terminals shall be synchronized to a common time source with an accuracy of 100 ms or
better. Where two terminals report the same person within 2 s, the later event shall be
discarded; writes to the event store shall be serialized so that no race condition between
terminals can create duplicate events.

.h 8 Wellbeing and engagement indicators

.h 8.1 Indicator computation

The system shall compute, for each person present, at least every 5 min during working hours
or lessons, the indicators of Table 1.

.table Table 1 — Indicators and their inputs
Indicator | Inputs
Fatigue | eyelid closure, yawning frequency, head nods
Stress | HRV from iPPG or wearable, vocal tension, skin conductance
Low mood | lip corner depressor and brow lowerer action units, reduced smiling
Engagement | gaze on task area, head pose, facial expression
Burnout risk | four-week trend of stress and low mood

.h 8.2 Engagement in classrooms

Teachers shall be provided with a live engagement score for each pupil. Pupils whose
engagement is low in three consecutive lessons shall be listed in the weekly report sent to
parents and to the head of year.

.h 8.3 Call-centre agents

For call-centre agents, vocal stress features and the positivity expressed by the agent during
customer calls should be combined into an emotional labour score. The score may be used in
quality assurance reviews and in shift allocation.

.h 8.4 Escalation

Where the burnout risk of a person exceeds the configured threshold, the system shall notify
human resources (for employees) or the welfare officer (for pupils) and the contracted
occupational health provider. With the employer's agreement, indicators aggregated per team
may be provided to the employer's group health insurer for the calculation of premiums.

.h 9 Data handling

.h 9.1 Retention

Wellbeing and engagement indicators shall be retained for the duration of employment or
enrolment and for five years afterwards, to allow trends to be analysed.

.h 9.2 Access

Access to indicators shall be limited to line managers, human resources, head teachers,
teachers of the class and welfare officers. Parents shall have access to their child's
indicators through the school's mobile application.

.h 9.3 Further use

Attendance events and indicators may be used for performance appraisal, for disciplinary
proceedings and for training improved estimation models. Pseudonymized extracts may be
provided to research partners.

.h 10 Information and choice

.h 10.1 Notice

Signs at entry points shall state that biometric attendance recording is in operation.
Information about wellbeing indicators should be included in the employee handbook or the
school prospectus.

.h 10.2 Alternatives and opting out

An employee may request an alternative means of recording attendance, such as a badge.
Opting out of wellbeing indicators is not available where the employer has determined that
they are necessary for its duty of care. Pupils cannot opt out individually.

.h 10.3 Queries and complaints

Individuals are not given access to their own indicators. Queries about indicators shall be
handled through the organization's general complaints procedure.

.h 11 Performance evaluation

.h 11.1 Recognition performance

False non-match and false match rates of attendance recognition shall be measured in
accordance with ISO/IEC 19795-1 and reported separately for adults and for children under 12.

.h 11.2 Indicator validation

Stress and low mood indicators shall reach an agreement of at least 0,7 (Cohen's kappa) with
ratings given by trained observers watching video recordings of the persons. Results for
cohorts of different age, gender and skin tone should be reported where the data are
available.

.annex A informative | Example dashboard

Class 7B, Tuesday: 28 pupils present; 5 pupils flagged as disengaged in the second lesson;
pupil 14 has shown low mood on four consecutive days and has been referred to the welfare
officer. Warehouse, early shift: picker 2231 shows high fatigue and high stress and has been
reassigned from the forklift area to packing; the shift manager has been asked to discuss the
picker's attitude at the next one-to-one.

.annex B normative | Indicator record format

Each indicator record shall contain the fields of Table B.1.

.table Table B.1 — Indicator record
Field | Content
personId | pseudonymous identifier
role | employee, contractor, pupil or student
time | start of the 5 min interval
location | site and room
fatigue, stress, lowMood, engagement | values from 0 to 1
burnoutRisk | value from 0 to 1
consentBasis | onboarding, school consent or duty of care

.biblio

.ref [1] ISO/IEC 24745, Information security, cybersecurity and privacy protection —
Biometric information protection

.ref [2] ISO/IEC 19795-1, Information technology — Biometric performance testing and
reporting — Part 1: Principles and framework
"""

# --------------------------------------------------------------------------------------------
# Draft 3: IEEE P3391, in-cabin occupant state sensing for fleets and usage-based insurance.

CAB_DESIGNATION = "IEEE P3391™/D1.2"
CAB_TITLE = (
    "Draft Standard for In-Cabin Occupant State Sensing Data for Fleet Operations and "
    "Usage-Based Insurance"
)
CAB_DATE = "March 2027"
CAB = """
.front Introduction

This introduction is not part of IEEE P3391/D1.2. Driver monitoring cameras are becoming
standard equipment. Fleet operators and insurers want to use their outputs beyond the warning
chime: to coach drivers, to price cover according to how people actually drive, and to settle
claims faster. Each vehicle maker reports occupant state differently; this standard defines
common data elements, estimation requirements and interfaces.

.h1 Overview

.h2 Scope

This standard defines data elements, estimation requirements and exchange interfaces for
in-cabin occupant state sensing in passenger cars, commercial vehicles and ride-hailing
vehicles. Occupant state covers drowsiness, distraction, affective state (calm, frustrated,
angry, anxious), physiological channels (heart rate, heart rate variability, respiration) and
possible impairment. The standard specifies how occupant state data are summarized per trip
and used by fleet operators for driver management and by insurers for usage-based insurance.

.h2 Purpose

The purpose of this standard is to enable fleet operators and insurers to obtain comparable
occupant state data from vehicles of different makes, without bespoke integration for each
vehicle platform.

.h2 Word usage

The word shall indicates mandatory requirements strictly to be followed in order to conform
to the standard and from which no deviation is permitted. The word should indicates that among
several possibilities one is recommended as particularly suitable. The word may is used to
indicate a course of action permissible within the limits of the standard.

.h1 Normative references

The following referenced documents are indispensable for the application of this document.

.ref [1] ISO 15007, Road vehicles — Measurement and analysis of driver visual behaviour with
respect to transport information and control systems.

.h1 Definitions, acronyms, and abbreviations

.h2 Definitions

For the purposes of this document, the following terms and definitions apply.

.term | occupant state | | The drowsiness, distraction, affective and physiological condition
of a vehicle occupant at a given time.

.term | affective state | | The emotional condition of an occupant, expressed as one of the
classes of 5.2.

.term | emotional stability | | Share of driving time during which the driver is classified as
neither angry nor anxious.

.term | trip | | The period between ignition on and ignition off.

.term | usage-based insurance | | Motor insurance whose premium depends on data about how, when
and where the insured vehicle is driven.

.h2 Acronyms and abbreviations

.abbr DMS | driver monitoring system

.abbr ECU | electronic control unit

.abbr OMS | occupant monitoring system

.abbr UBI | usage-based insurance

.h1 Sensing architecture

.h2 Sensors

A conforming vehicle shall provide a near-infrared camera facing the driver and a wide-angle
cabin camera covering every seating position. It should provide cabin microphones, electrodes
in the steering-wheel rim and a 60 GHz radar in the seats for vital-sign measurement.

.h2 On-board processing

Occupant state estimation shall be performed on an ECU of the vehicle. Raw video and audio
shall not leave the vehicle; only the data elements of Clause 6 are transmitted.

.h2 Model deployment

Estimation models may be convolutional networks or transformers with multi-head attention.
Model files shall be signed; the ECU shall verify the fingerprint of the model and firmware
images at start-up and refuse unsigned images.

.h1 Occupant state estimation

.h2 Drowsiness and distraction

The DMS shall estimate drowsiness from the percentage of eyelid closure over a one-minute
window and distraction from gaze direction. When gaze has been off the road for more than 2 s
at a speed above 10 km/h, the vehicle shall warn the driver by a chime and a dashboard symbol.

.h2 Affective state estimation

The OMS shall classify the driver's affective state once per second into one of the classes
neutral, happy, angry, frustrated, anxious and sad, from facial action units and voice prosody,
using the mapping of Table 1.

.table Table 1—Cues for affective state classes
Class | Facial cues | Vocal cues
angry | brow lowerer, upper lid raiser, lip tightener | raised intensity, faster speech
frustrated | brow lowerer, lip presser | sighs, short utterances
anxious | inner and outer brow raiser, lip stretcher | raised pitch, tremor
sad | inner brow raiser, lip corner depressor | low intensity, slow speech

.h2 Physiological channels

Heart rate and heart rate variability shall be measured with the steering-wheel electrodes or,
where the hands are off the rim, estimated from the driver camera. Respiration rate shall be
measured with the seat radar. A stress index combining heart rate variability and grip force
shall be computed every 10 s.

.h2 Rear-seat occupants

The OMS shall detect a child left alone in the vehicle after the doors are locked and alert
the owner. The affective state classification of 5.2 may also be applied to rear-seat
occupants, including children, to inform the driver of passenger discomfort.

.h2 Impairment and health events

The OMS may flag a possible medical event, such as a seizure or an irregular heart rhythm,
and a possible impairment by alcohol or drugs estimated from eye movements and speech. Flags
are included in the trip summary.

.h1 Data exchange

.h2 Trip summary

At the end of each trip the vehicle shall transmit a trip summary containing the number of
drowsiness and distraction events, the share of time spent in each affective state, the mean
and peak stress index, the peak heart rate, impairment and health flags, and the route driven.

.h2 Fleet operator interface

Fleet operators shall receive the trip summaries of every employed or contracted driver of
their vehicles, including drivers working through ride-hailing platforms, together with a
daily ranking of drivers by driver score.

.h2 Insurer interface

An insurer authorized by the vehicle owner may subscribe to trip summaries. An authorization
given by the owner at the time of purchase covers every person who drives the vehicle.

.h2 Message encoding

Trip summaries are encoded as JSON documents conforming to the schema of this standard. The
vehicle identification number is validated against the regular expression given in the
schema. Messages are compressed and signed before transmission.

.h1 Use of occupant state data

.h2 Driver score

The driver score is a value from 0 to 100 computed from harsh driving events (40 %),
attentiveness (30 %) and emotional stability (30 %). Fleet operators may use the driver score
for bonuses and for decisions on the renewal of drivers' contracts.

.h2 Premium adjustment

Insurers may adjust the premium at renewal by up to 30 % in either direction according to the
driver score. Cover may be declined for drivers whose emotional stability is below 40 %.

.h2 Claims handling

After a collision the insurer may request the affective state and stress index of the driver
for the ten minutes preceding the event, to assess the driver's contribution. Evidence of
anger before a collision may be used to reduce the settlement. These data shall also be made
available to the police on lawful request.

.h2 Vehicle finance

Providers of vehicle finance and leasing may use the driver score and the history of affective
states as inputs to the creditworthiness assessment when a finance agreement is renewed.

.h1 Privacy and retention

.h2 Retention

Insurers shall retain trip summaries for the duration of the policy and for seven years
afterwards. The vehicle shall keep trip summaries in a ring buffer of 30 days.

.h2 Notice to occupants

A dashboard symbol shall indicate when occupant state sensing is active. No separate notice to
passengers is required.

.h2 Driver access

Drivers may view their driver score in the companion application. The affective state history
and the weights used by insurers are proprietary and need not be disclosed to drivers.

.h1 Performance

.h2 Drowsiness detection

Drowsiness detection shall reach a sensitivity of at least 90 % against self-reported
Karolinska Sleepiness Scale ratings of 7 or more in a driving simulator study.

.h2 Affective state recognition

Affective state classification shall reach an accuracy of at least 80 % on the P3391
reference corpus, in which 120 actors perform scripted emotions in a driving simulator.

.h2 Demographic coverage

The reference corpus should include drivers of different ages and of both sexes. Differences
in accuracy between groups need not be reported.

.annex A informative | Example driver report

Fleet: Metro Parcel. Driver 0457, week 12: driver score 61; emotional stability 38 % (angry
during 14 % of driving time, mostly in congestion); two distraction events; peak stress index
0.91. Insurer action at renewal: premium plus 18 %. Fleet action: coaching session "keeping
calm in traffic" scheduled; bonus withheld.

.annex B informative | Bibliography

.ref [B1] ISO/TR 21959-1, Road vehicles — Human performance and state in the context of
automated driving — Part 1: Common underlying concepts.
"""

DRAFTS: dict[str, Callable[[], bytes]] = {
    "itu-t-f-psa-draft.docx": lambda: itu_draft(PSA, PSA_NUMBER, PSA_TITLE, PSA_TD),
    "iso-iec-cd-24871.docx": lambda: iso_draft(ATT, ATT_REFERENCE, ATT_TITLE),
    "ieee-p3391-d1.docx": lambda: ieee_draft(CAB, CAB_DESIGNATION, CAB_TITLE, CAB_DATE),
}


def main(argv: list[str] | None = None) -> int:
    """Write the drafts, or with --check report those whose bytes differ."""
    return build_main(
        __doc__.splitlines()[0], DRAFTS, OUT, "tests/eval/heldout/build_heldout.py", argv
    )


if __name__ == "__main__":
    sys.exit(main())
