"""Build the fictional drafts of the evaluation set (deterministic: same bytes on every run).

    .venv/bin/python tests/eval/build_drafts.py            # write tests/eval/drafts/
    .venv/bin/python tests/eval/build_drafts.py --check    # fail if the files are out of date

Three invented drafts cover positions that the corpus documents and the samples barely touch
(crowds and gatherings, watch-list screening, covert enrolment, demographic attributes, vocal
and remote physiological sensing, health screening, learner engagement, consent, redress,
secondary use). Each is written the way its body writes standards, with neutral clauses and
word traps among the problematic ones:

- `itu-t-f-cbva-draft.docx`: draft Recommendation ITU-T F.CBVA, typed clause numbers;
- `iso-iec-dis-30199-2.docx`: ISO/IEC DIS 30199-2, "Terms and definitions", shall/should;
- `ieee-p9417-d1.docx`: IEEE P9417/D1, automatic heading numbering.

No standards body wrote, reviewed or approved them; every file says so on its first page.
The text of each draft is kept below in a small line markup (see `parse`), one block per
paragraph, blank lines between blocks.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

_REPO = Path(__file__).resolve().parents[2]
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

OUT = Path(__file__).resolve().parent / "drafts"


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph of a draft: its kind, its text, and for headings level and number."""

    kind: str
    text: str
    level: int = 0
    number: str = ""
    rows: tuple[tuple[str, ...], ...] = ()


def parse(markup: str) -> Iterator[Block]:
    """Read the line markup of a draft.

    Blocks are separated by blank lines; the lines of a block are joined with spaces. The
    first characters of a block give its kind:

    - `#b Title`: unnumbered front heading (Summary, Keywords, Foreword ...);
    - `#2 6.1 Title`: heading of level 2 numbered 6.1 (IEEE drafts write `#2 Title`);
    - `@A informative|Title`: annex A (normative or informative) with its title;
    - `@bibliography`: the Bibliography heading;
    - `~ 3.2.1|term|source|definition`: a definition entry (number and source may be empty);
    - `% ABBR|expansion`: an abbreviation;
    - `- text`: a list item; `a) text`: a lettered item;
    - `NOTE – text` / `NOTE 1 – text`: a note;
    - `[ref] text`: a reference entry;
    - `| caption` then `| cell | cell` rows: a table, first row the header;
    - anything else: a paragraph.
    """
    for chunk in markup.strip().split("\n\n"):
        lines = [line.strip() for line in chunk.strip().splitlines()]
        text = " ".join(lines)
        if text.startswith("#b "):
            yield Block("front", text[3:])
        elif text.startswith("#") and text[1].isdigit():
            level = int(text[1])
            rest = text[3:]
            first, _, title = rest.partition(" ")
            if first[:1].isdigit() or (len(first) > 1 and first[1] == "."):
                yield Block("heading", title, level, first)
            else:
                yield Block("heading", rest, level)
        elif text.startswith("@bibliography"):
            yield Block("bibliography", "Bibliography")
        elif text.startswith("@"):
            letter, _, rest = text[1:].partition(" ")
            status, _, title = rest.partition("|")
            yield Block("annex", title, 1, f"{letter}|{status}")
        elif text.startswith("~ "):
            yield Block("definition", text[2:])
        elif text.startswith("% "):
            yield Block("abbreviation", text[2:])
        elif text.startswith("- "):
            yield Block("item", text[2:])
        elif len(text) > 3 and text[0].islower() and text[1] == ")" and text[2] == " ":
            yield Block("letter", text[3:], number=text[:2])
        elif text.startswith("NOTE"):
            label, _, body = text.partition(" – ")
            yield Block("note", body, number=label)
        elif text.startswith("[") and "] " in text and lines[0].startswith("["):
            yield Block("reference", text)
        elif text.startswith("| "):
            rows = tuple(
                tuple(c.strip() for c in line.strip("| ").split(" | ")) for line in lines[1:]
            )
            yield Block("table", lines[0][2:], rows=rows)
        else:
            yield Block("paragraph", text)


def table_rows(block: Block) -> list[list[str | P]]:
    """The rows of a table block, as `Table` takes them."""
    return [list(row) for row in block.rows]


# --------------------------------------------------------------------------------------------
# ITU-T: typed clause numbers in heading 1..3, Heading_b front matter, Annex_NoTitle.

ITU_FICTION = (
    "Fictional draft written for the stdcomment evaluation set. It is not an ITU-T document: "
    "no study group wrote, discussed or approved it, and its text, numbers and contacts are "
    "invented."
)


def build_itu(markup: str, number: str, title: str, td: str) -> bytes:
    """An ITU-T draft Recommendation in TD form."""
    doc = DocxBuilder(
        title=f"Draft new Recommendation ITU-T {number}: {title}",
        subject=td,
        description=ITU_FICTION,
    )
    itu_t_styles(doc)
    bold = RunFormat(bold=True)
    doc.table(
        [
            [P("INTERNATIONAL TELECOMMUNICATION UNION", run=bold), P(td, style="Docnumber")],
            [P("TELECOMMUNICATION STANDARDIZATION SECTOR"), P("STUDY GROUP 16", run=bold)],
            [P("Question(s): 12/16", run=bold), P("Geneva, 8-17 September 2026")],
            [P("Source: Editors (fictional)", run=bold), P("Intended type of document: TD")],
            [P(f'Title: Draft new Recommendation ITU-T {number} "{title}"', run=bold), ""],
            [P(ITU_FICTION, run=RunFormat(italic=True)), ""],
        ],
        widths=(5800, 3838),
    )
    doc.p(f"Draft new Recommendation ITU-T {number}", style="RecNo", spacing=Spacing(before=360))
    doc.p(title, style="Rectitle")
    for block in parse(markup):
        doc.add(*_itu_block(block))
    doc.section = Section(
        header=[P(td, style="Header")],
        footer=[P(ITU_FICTION, style="Footer", align="center")],
    )
    return doc.to_bytes()


def _itu_block(block: Block) -> list[P | Table]:
    if block.kind == "front":
        return [P(block.text, style="Headingb")]
    if block.kind == "heading":
        return [P(f"{block.number}\t{block.text}", style=f"Heading{block.level}")]
    if block.kind == "annex":
        letter, status = block.number.split("|")
        appendix = status == "appendix"
        word, style = ("Appendix", "AppendixNotitle") if appendix else ("Annex", "AnnexNoTitle")
        ref = (
            "(This appendix does not form an integral part of this Recommendation.)"
            if appendix
            else "(This annex forms an integral part of this Recommendation.)"
        )
        return [
            P([f"{word} {letter}", Br(), Br(), block.text], style=style),
            P(ref, style="Appendixref" if appendix else "Annexref"),
        ]
    if block.kind == "bibliography":
        return [P("Bibliography", style="AppendixNotitle")]
    if block.kind == "definition":
        number, term, source, text = block.text.split("|")
        ref = f" [{source}]" if source else ""
        return [P([f"{number}\t", Run(term, bold=True), f"{ref}: {text}"])]
    if block.kind == "abbreviation":
        abbreviation, expansion = block.text.split("|")
        return [P(f"{abbreviation}\t{expansion}")]
    if block.kind == "item":
        return [P(f"–\t{block.text}", style="enumlev1")]
    if block.kind == "letter":
        return [P(f"{block.number}\t{block.text}", style="enumlev1")]
    if block.kind == "note":
        return [P(f"{block.number} – {block.text}", style="Note")]
    if block.kind == "reference":
        ref, _, text = block.text.partition("] ")
        return [P(f"{ref}]\t{text}", style="Reftext")]
    if block.kind == "table":
        rows = table_rows(block)
        return [
            P(block.text, style="TableNoTitle"),
            Table(
                rows,
                head_rows=1,
                head_style="Tablehead",
                cell_style="Tabletext",
                align="center",
            ),
        ]
    return [P(block.text)]


# --------------------------------------------------------------------------------------------
# ISO/IEC: cover lines, Foreword and Introduction as unnumbered headings, typed numbers in
# heading 1..3, "Annex A (informative)" in an ANNEX style, Bibliography.

ISO_FICTION = (
    "Fictional draft written for the stdcomment evaluation set. It is not an ISO or IEC "
    "document: no committee wrote, balloted or approved it, and the project number is "
    "invented."
)


def build_iso(markup: str, reference: str, title: str) -> bytes:
    """An ISO/IEC Draft International Standard."""
    doc = DocxBuilder(title=f"{reference} {title}", subject=reference, description=ISO_FICTION)
    doc.style("Normal", "Normal", default=True, q_format=True, spacing=Spacing(after=200))
    for n in range(1, 4):
        doc.style(
            f"Heading{n}",
            f"heading {n}",
            based_on="Normal",
            next="Normal",
            outline_level=n - 1,
            bold=True,
            font="Cambria",
            size={1: 13, 2: 12, 3: 11}[n],
            keep_next=True,
            spacing=Spacing(before=240, after=120),
        )
    doc.style("zzCover", "zzCover", based_on="Normal", bold=True, size=14, align="right")
    doc.style("ForewordTitle", "Foreword Title", based_on="Normal", bold=True, size=13)
    doc.style("IntroTitle", "Introduction Title", based_on="Normal", bold=True, size=13)
    doc.style("ANNEX", "ANNEX", based_on="Normal", bold=True, size=13, align="center",
              page_break_before=True)  # fmt: skip
    doc.style("BiblioTitle", "Biblio Title", based_on="Normal", bold=True, size=13,
              align="center")  # fmt: skip
    doc.style("BiblioEntry", "Biblio Entry", based_on="Normal",
              indent=Indent(left=660, hanging=660))  # fmt: skip
    doc.style("Note", "Note", based_on="Normal", size=9)
    doc.style("ListContinue", "List Continue", based_on="Normal", indent=Indent(left=400))
    doc.style("TableTitle", "Table title", based_on="Normal", bold=True, align="center")
    doc.p(f"{reference}", style="zzCover")
    doc.p("ISO/IEC JTC 1/SC 42/WG 9 (fictional)", style="zzCover")
    doc.p(title, style="zzCover")
    doc.p(ISO_FICTION, run=RunFormat(italic=True))
    for block in parse(markup):
        doc.add(*_iso_block(block))
    doc.section = Section(
        header=[P(reference, align="right")],
        footer=[P(ISO_FICTION, align="center", run=RunFormat(size=8))],
    )
    return doc.to_bytes()


def _iso_block(block: Block) -> list[P | Table]:
    if block.kind == "front":
        style = "IntroTitle" if block.text == "Introduction" else "ForewordTitle"
        return [P(block.text, style=style)]
    if block.kind == "heading":
        return [P(f"{block.number}\t{block.text}", style=f"Heading{block.level}")]
    if block.kind == "annex":
        letter, status = block.number.split("|")
        return [P([f"Annex {letter}", Br(), f"({status})", Br(), block.text], style="ANNEX")]
    if block.kind == "bibliography":
        return [P("Bibliography", style="BiblioTitle")]
    if block.kind == "definition":
        number, term, source, text = block.text.split("|")
        ref = f" [SOURCE: {source}]" if source else ""
        return [P([f"{number}\t", Run(term, bold=True), f": {text}{ref}"])]
    if block.kind == "abbreviation":
        abbreviation, expansion = block.text.split("|")
        return [P(f"{abbreviation}\t{expansion}")]
    if block.kind == "item":
        return [P(f"—\t{block.text}", style="ListContinue")]
    if block.kind == "letter":
        return [P(f"{block.number}\t{block.text}", style="ListContinue")]
    if block.kind == "note":
        return [P(f"{block.number}\t{block.text}", style="Note")]
    if block.kind == "reference":
        return [P(block.text, style="BiblioEntry")]
    if block.kind == "table":
        return [
            P(block.text, style="TableTitle"),
            Table(table_rows(block), head_rows=1, align="center"),
        ]
    return [P(block.text)]


# --------------------------------------------------------------------------------------------
# IEEE: IEEEStds styles with automatic numbering (numbers are not in the heading text).

IEEE_FICTION = (
    "Fictional draft written for the stdcomment evaluation set. This is not an IEEE document "
    "and no IEEE working group developed it; its designation, text and participants are "
    "invented."
)


def build_ieee(markup: str, designation: str, title: str, date: str) -> bytes:
    """An IEEE SA draft standard."""
    doc = DocxBuilder(title=f"{designation} {title}", subject=designation,
                      description=IEEE_FICTION)  # fmt: skip
    lists = ieee_styles(doc)
    doc.p(designation, style="IEEEStdsDesignation")
    doc.p(title, style="IEEEStdsTitle")
    doc.p(IEEE_FICTION, style="IEEEStdsParagraph", run=RunFormat(italic=True))
    started = in_annex = False
    for block in parse(markup):
        if block.kind == "heading" and not started:
            doc.p(title, style="IEEEStdsTitle")
            started = True
        in_annex = in_annex or block.kind == "annex"
        doc.add(*_ieee_block(block, lists.numbered, in_annex=in_annex))
    doc.section = Section(
        header=[P(f"{designation}, {date}", style="Header")],
        footer=[P(IEEE_FICTION, style="Footer")],
    )
    return doc.to_bytes()


def _ieee_block(block: Block, numbered: int, *, in_annex: bool) -> list[P | Table]:
    body = "IEEEStdsParagraph"
    if block.kind == "front":
        return [P(block.text, style="IEEEStdsLevel1frontmatter")]
    if block.kind == "heading" and in_annex:
        return [P(block.text, style="IEEEStdsAnnexLevel2Header")]
    if block.kind == "heading":
        return [P(block.text, style=f"IEEEStdsLevel{block.level}Header")]
    if block.kind == "annex":
        _letter, status = block.number.split("|")
        return [P([Br(), f"({status})", Br(), block.text], style="IEEEStdsAnnex")]
    if block.kind == "definition":
        _number, term, _source, text = block.text.split("|")
        return [P([Run(term, bold=True), f": {text}"], style="IEEEStdsDefinitions")]
    if block.kind == "abbreviation":
        abbreviation, expansion = block.text.split("|")
        return [P(f"{abbreviation}\t{expansion}", style=body)]
    if block.kind == "item":
        return [P(block.text, style="IEEEStdsUnorderedList")]
    if block.kind == "letter":
        return [P(block.text, style="IEEEStdsNumberedListLevel1", num=(numbered, 0))]
    if block.kind == "note":
        return [P(f"NOTE—{block.text}", style="IEEEStdsSingleNote")]
    if block.kind == "reference" and in_annex:
        _ref, _, text = block.text.partition("] ")
        return [P(text, style="IEEEStdsBibliographicEntry")]
    if block.kind == "reference":
        _ref, _, text = block.text.partition("] ")
        return [P(text, style=body)]
    if block.kind == "table":
        return [
            P(block.text, style="IEEEStdsRegularTableCaption"),
            Table(
                table_rows(block),
                head_rows=1,
                head_style="IEEEStdsTableColumnHead",
                cell_style="IEEEStdsTableDataLeft",
                align="center",
            ),
        ]
    return [P(block.text, style=body)]


# --------------------------------------------------------------------------------------------
# The drafts.

CBVA_NUMBER = "F.CBVA"
CBVA_TITLE = "Requirements for crowd and behaviour video analytics in public spaces"
CBVA_TD = "SG16-TD1042/WP2"
CBVA = """
#b Summary

Recommendation ITU-T F.CBVA specifies requirements for video analytics that estimate crowd
density, detect gatherings and classify the behaviour of persons in squares, streets, parks and
transport hubs. It covers crowd sentiment estimation, anomalous behaviour detection, risk
scoring of tracked persons, watch-list screening, demographic attribute estimation, enrolment,
retention and reuse of analytics data, performance targets and alert formats.

#b Keywords

Behaviour analytics, crowd density, public space, smart city, video analytics, watch-list.

#b Introduction

Municipal operators deploy thousands of cameras and need analytics that turn video into
actionable information: where people concentrate, when a gathering forms, which individuals
behave in an unusual way and whether any of them is already known to the authorities. Vendors
offer these functions under different names and with performance figures that cannot be
compared. This Recommendation gives a common functional model so that analytics from different
vendors can feed one city operations platform.

#1 1 Scope

This Recommendation specifies functional requirements for crowd and behaviour video analytics
(CBVA) deployed in public spaces. It covers:

- crowd density estimation and crowd flow analysis;

- detection and classification of gatherings, and crowd sentiment estimation;

- detection of anomalous individual behaviour, risk scoring and watch-list screening;

- demographic attribute estimation;

- enrolment, retention and secondary use of analytics data;

- performance requirements and alert formats.

This Recommendation applies to city squares, pedestrian streets, parks, stadium surroundings,
railway and metro stations, and the routes of processions, marches and other public events.

#1 2 References

The following ITU-T Recommendations and other references contain provisions which, through
reference in this text, constitute provisions of this Recommendation.

[ITU-T H.264] Recommendation ITU-T H.264 (2024), Advanced video coding for generic audiovisual
services.

[ITU-T F.743] Recommendation ITU-T F.743 (2016), Requirements and service description for
video surveillance.

#1 3 Definitions

#2 3.1 Terms defined elsewhere

This Recommendation uses the following terms defined elsewhere:

~ 3.1.1|video surveillance|ITU-T F.743|a telecommunication service focusing on video
application technology, which is used to remotely capture multimedia and present them to the
end user in a user-friendly manner.

#2 3.2 Terms defined in this Recommendation

This Recommendation defines the following terms:

~ 3.2.1|crowd density||number of persons per square metre in a monitored area, estimated
from video without identifying any person.

~ 3.2.2|gathering||group of at least 20 persons who remain within a radius of 30 m for more
than five minutes.

~ 3.2.3|anomalous behaviour||behaviour of a person that departs from the behaviour learned as
normal for the place and time, and that may indicate an intention to commit an offence.

~ 3.2.4|person of interest||person whose risk score exceeds the alert threshold or who is
matched against a watch-list.

~ 3.2.5|watch-list screening||automated comparison of the faces of passers-by with the
facial templates of a list of persons sought by an authority.

~ 3.2.6|covert enrolment||creation of a facial template of a person and its insertion into a
watch-list without the knowledge of that person.

#1 4 Abbreviations and acronyms

This Recommendation uses the following abbreviations and acronyms:

% CBVA|Crowd and Behaviour Video Analytics

% PTZ|Pan-Tilt-Zoom

% RTSP|Real-Time Streaming Protocol

% VMS|Video Management System

#1 5 Conventions

In this Recommendation, the keywords "is required to" indicate a requirement which must be
strictly followed; "is recommended" indicates a requirement which is recommended but not
absolutely required; "can optionally" indicates an optional requirement.

#1 6 Reference architecture

#2 6.1 Functional components

A CBVA deployment consists of cameras, edge analytics nodes, a central analytics server and a
city operations platform. The central analytics server is required to provide interfaces to the
municipal identity register, the vehicle licence plate database, the public transport ticketing
system and the police case management system, so that persons detected by the analytics can be
linked to records held in those systems.

The edge analytics nodes are recommended to decode video streams received over RTSP and encoded
according to [ITU-T H.264].

#2 6.2 Camera placement

Cameras are recommended to cover every entrance of a square and every intersection on the
announced route of a public event, at a height that allows the capture of faces at a distance
of up to 30 m. PTZ cameras can optionally be steered automatically towards a detected
gathering.

#1 7 Crowd analytics

#2 7.1 Crowd density estimation

The CBVA is required to estimate crowd density for each monitored area every 10 s and to
display it as a heat map. Density estimation operates on head counts only: frames are discarded
after counting, no face or body features are stored, and no person is identified or tracked.

NOTE – Density estimation supports the management of crowd safety, for example the opening of
additional exits when a density of four persons per square metre is exceeded.

#2 7.2 Gathering detection and classification

The CBVA is required to detect the formation of gatherings and to classify each gathering as a
queue, a celebration, a demonstration, a sit-in or a disturbance. The detection of a
demonstration or a sit-in is required to be notified to the police command centre together with
the location, the estimated number of participants and images of the persons at the front of
the gathering.

#2 7.3 Crowd sentiment estimation

The CBVA can optionally perform affective state estimation for crowds, aggregating the facial
expressions of the persons in a gathering and the loudness and pitch of chanting into a crowd
sentiment value ranging from calm to hostile. A hostile crowd sentiment value is recommended to
raise the alert level of the gathering.

#1 8 Individual behaviour analytics

#2 8.1 Anomalous behaviour detection

The CBVA is required to track each person across cameras and to detect the following
anomalous behaviours:

a) loitering for more than ten minutes in the same place;

b) running against the direction of the crowd;

c) repeatedly looking at cameras or avoiding them by turning the face away;

d) covering the face with a scarf, hood or mask;

e) clothing that is unusual for the season.

#2 8.2 Risk scoring

The CBVA is required to assign each tracked person a risk score from 0 to 100 that combines
the anomalous behaviours detected, the dwell time, the number of gatherings attended during the
past 30 days and any proximity to a person on a watch-list. Persons whose risk score exceeds
70 are reported to operators as persons of interest.

#2 8.3 Watch-list screening

At station gates, border crossings and the entrances of public events, the CBVA is required to
perform watch-list screening of every person passing the camera. The similarity threshold is
configurable by the operator; a threshold giving a false match rate of 1 in 1 000 is
recommended. A match is required to generate an alert with a candidate list of up to 20
persons.

#2 8.4 Demographic attribute estimation

The CBVA is required to estimate for each detected person an age band, a gender and a skin
tone class (light, medium or dark), and can optionally estimate an ethnic appearance category
from the list in Annex A. These attributes are used for footfall statistics and as search
filters in the VMS, for example to retrieve all persons of a given ethnic appearance who passed
a location during a time window.

#1 9 Enrolment and data management

#2 9.1 Covert enrolment

A person who is reported as a person of interest on three different days can optionally be
enrolled in a local watch-list by covert enrolment. The person is not informed of the enrolment,
and the local watch-list is shared with the other cities that use the same city operations
platform.

#2 9.2 Retention

Facial templates created for tracking and watch-list screening are required to be retained for
two years. Tracks, risk scores and gathering records are required to be retained for 180 days.
Raw video is retained according to national rules.

#2 9.3 Reuse of analytics data for secondary purposes

Analytics data can optionally be reused for purposes other than those for which they were
collected, including urban planning, commercial footfall services sold to retailers, the
investigation of social benefit fraud and the training of new analytics models. Data reuse for
secondary purposes is decided by the platform operator.

#1 10 Performance

#2 10.1 Counting accuracy

The mean absolute error of crowd counting is required not to exceed 5% on the counting test
sequences of the operator, for densities up to four persons per square metre.

#2 10.2 Behaviour detection performance

Anomalous behaviour detection is required to achieve a true positive rate of at least 90% on
scenarios staged by actors, with at most one false alarm per camera per hour. Gathering
classification is required to reach an accuracy of at least 85%. Differences in detection
performance across age, gender or skin tone groups are not required to be measured.

#1 11 Operation and oversight

#2 11.1 Alert handling

Alerts are presented to operators in the city operations platform. Where the risk score of a
person of interest exceeds 95, the CBVA can optionally dispatch the nearest patrol
automatically, without operator review. Persons who are stopped as a result of an alert are not
informed of the reason, and no procedure is provided for them to contest their risk score or
their inclusion in a watch-list.

#2 11.2 Public information

Signs stating "CCTV in operation" are recommended at the entrances of monitored areas. The
signs are not required to mention crowd analytics, behaviour analytics, risk scoring or
watch-list screening.

#1 12 Security

#2 12.1 Device and network security

Cameras and edge nodes are required to authenticate to the central analytics server with
certificates. The firmware fingerprint, a SHA-256 hash of each firmware image, is required to
be checked before installation. The CBVA is recommended to support the monitoring of network
events, such as link failures and packet loss, and to protect shared frame buffers against race
conditions.

#2 12.2 Time synchronization

All cameras and servers are required to be synchronized to UTC using NTP, with a maximum
offset of 20 ms, so that tracks from different cameras can be merged.

@A normative|Alert and record formats

#1 A.1 Person alert

A person alert is required to contain the fields of Table A.1.

| Table A.1 – Fields of a person alert
| Field | Type | Description
| track_id | string | Identifier of the person across cameras and days
| risk_score | integer | From 0 to 100 (clause 8.2)
| watchlist_hit | string | Identifier of the matched watch-list entry, if any
| skin_tone_class | enumeration | light, medium, dark
| ethnic_appearance | enumeration | East Asian, South Asian, Black, White, Arab, Latin, other
| face_image | JPEG | Face crop at the time of the alert

#1 A.2 Encoding

Alerts are encoded in JSON and sent over HTTPS. The track_id is required to match the regular
expression [A-Z]{3}-[0-9]{12}; messages that do not match are discarded.

@I appendix|Deployment examples

#1 I.1 Festival crowd safety

A city uses crowd density estimation only, during a music festival, to open additional exits
and to redirect visitors when density exceeds four persons per square metre. No person is
identified, and the counts are deleted after the event.

#1 I.2 Monitoring of a march

During an authorized march, cameras along the route classify the gathering, estimate its crowd
sentiment and screen participants against a watch-list of persons previously reported at
unauthorized demonstrations. Organizers identified by the analytics are reported to the police.

@bibliography

[b-ITU-T Y.4900] Recommendation ITU-T Y.4900/L.1600 (2016), Overview of key performance
indicators in smart sustainable cities.
"""

ISO_REFERENCE = "ISO/IEC DIS 30199-2"
ISO_TITLE = (
    "Information technology — Affective computing — Part 2: Estimation of affective and "
    "physiological states from vocal features and remote photoplethysmography"
)
ISO = """
#b Foreword

ISO (the International Organization for Standardization) and IEC (the International
Electrotechnical Commission) form the specialized system for worldwide standardization. This
document is a fictional Draft International Standard prepared for the evaluation of software
that reviews draft standards: no ISO or IEC committee prepared or balloted it. A list of all
parts in the ISO/IEC 30199 series would be found on the ISO and IEC websites.

#b Introduction

Speech and video are captured in contact centres, vehicles, kiosks and consumer devices. Both
carry cues that vary with the state of the speaker or viewer: the voice changes in pitch and
rhythm, and the colour of the facial skin varies with each heartbeat. This document specifies
how such cues are acquired and turned into estimates of affective and physiological states,
and how the estimates are evaluated, so that products from different suppliers can be compared.

#1 1 Scope

This document specifies methods for sentiment inference from vocal features and for the
estimation of heart rate, heart rate variability and respiration by remote
photoplethysmography (rPPG), and the derivation from them of estimates of emotion, stress,
fatigue and health-related indicators. It specifies acquisition conditions, features, state
estimation, performance evaluation, data management and a record format.

This document is applicable to contact centres, in-vehicle occupant state monitoring,
telehealth, self-service kiosks and workplace applications.

This document does not address the identification or verification of speakers.

#1 2 Normative references

The following documents are referred to in the text in such a way that some or all of their
content constitutes requirements of this document.

[ISO/IEC 2382-37] ISO/IEC 2382-37, Information technology — Vocabulary — Part 37: Biometrics

[ISO/IEC 19794-13] ISO/IEC 19794-13, Information technology — Biometric data interchange
formats — Part 13: Voice data

#1 3 Terms and definitions

For the purposes of this document, the terms and definitions given in ISO/IEC 2382-37 and the
following apply.

~ 3.1|vocal feature||measurable property of a speech signal, such as fundamental frequency,
jitter, shimmer or speech rate

~ 3.2|sentiment inference||estimation of the affective state of a speaker from vocal features

~ 3.3|remote photoplethysmography|rPPG|estimation of the blood volume pulse from colour
variations of the skin recorded by a camera, without contact with the subject

~ 3.4|vocal stress index||value from 0 to 100 derived from vocal features that represents the
level of psychological stress of a speaker

~ 3.5|screening indicator||value derived from vocal or physiological features that represents
the likelihood that the subject has a given health condition

~ 3.6|subject||person whose voice or face is captured

#1 4 Abbreviated terms

% F0|fundamental frequency

% HRV|heart rate variability

% MAE|mean absolute error

% rPPG|remote photoplethysmography

% UAR|unweighted average recall

#1 5 Conformance

A system conforms to this document if it meets the requirements of Clauses 6 to 10 and the
record format of Annex B. A system may implement vocal methods only, rPPG methods only, or both.

#1 6 Acquisition

#2 6.1 Voice capture

Voice shall be sampled at 16 kHz or more with a resolution of at least 16 bits. Systems in
contact centres shall analyse every call, including the voice of the caller and of the agent.
Consumer devices may analyse speech in a passive listening mode, without a wake word, so that
spontaneous speech is available for sentiment inference.

#2 6.2 rPPG capture

Video for rPPG shall be captured at 30 frames per second or more with the face of the subject
occupying at least 80 × 80 pixels, at a distance of up to 4 m. Capture shall not require the
cooperation of the subject; the subject need not face the camera for more than 10 s.

NOTE – Ambient light is sufficient; no illumination visible to the subject is needed.

#2 6.3 Respiration and thermal capture

Systems may estimate the respiration rate from chest and shoulder movement in the video, and
the skin temperature from a thermal camera, and use both as further indicators of arousal and
stress.

#2 6.4 Microphone calibration

Microphones shall be calibrated with a reference tone of 1 kHz at 94 dB SPL before deployment.
The voice activity detection threshold should be set 6 dB above the measured noise floor.

#1 7 Feature extraction

#2 7.1 Vocal features

The following vocal features shall be computed for each voiced segment of at least 2 s: F0
mean and range, jitter, shimmer, harmonics-to-noise ratio, speech rate and pause duration.

#2 7.2 Pulse features

Heart rate, HRV (RMSSD over 60 s) and pulse amplitude shall be computed from the rPPG signal.
Segments with motion above 5 pixels per frame shall be discarded.

#1 8 State estimation

#2 8.1 Sentiment inference from vocal features

A system shall estimate, for each speaker turn, the valence and arousal of the speaker and one
of the categories anger, frustration, anxiety, sadness, satisfaction and neutral. Raised F0,
increased loudness and faster speech shall be interpreted as increased arousal.

Where the accent of a speaker is not known, the system may estimate the ethnic origin of the
speaker from vocal features (East Asian, South Asian, African, European, Middle Eastern or
Latin American) and select the model trained for that group.

#2 8.2 Stress and deception indicators

A system shall compute a vocal stress index for each speaker turn. In insurance claim calls and
social benefit eligibility interviews, turns in which the vocal stress index rises by more than
15 points after a question should be marked as indicators of possible deceptive intent and
reported to the case handler for further verification of the statement.

#2 8.3 Health-related screening indicators

A system may compute screening indicators for depression, cognitive decline, Parkinson's
disease and autism spectrum conditions from vocal features, and for cardiac arrhythmia from the
rPPG signal. Screening indicators may be provided to employers, insurers and telehealth
operators.

#2 8.4 Occupant state monitoring

In vehicles, a system shall estimate the drowsiness, stress and anger of the driver from voice
and rPPG, and should estimate the state of the other occupants. Occupant state estimates should
be made available to fleet operators and, for vehicles insured under usage-based policies, to
the insurer for risk rating.

#2 8.5 Applications not addressed

This document does not address the use of vocal or physiological estimates in criminal
investigations or police interviews.

#1 9 Performance evaluation

#2 9.1 Reference data

Emotion estimation shall be evaluated on corpora of acted speech in which professional actors
portray each category. The ground truth label of a recording shall be the category that the
actor was instructed to portray.

#2 9.2 Metrics and thresholds

The UAR of category estimation shall be at least 0.70 over the six categories of 8.1. The MAE
of rPPG heart rate shall not exceed 3 beats per minute. A system meeting both thresholds may be
described as providing clinical-grade emotion and stress measurement.

#2 9.3 Demographic differentials

Results should be reported by sex and age group. Reporting by skin tone is optional. Accuracy
differences between accents and dialects shall be treated as measurement noise and need not be
reported.

#1 10 Data management

#2 10.1 Retention

Raw audio and video shall be deleted within 90 days. Feature vectors and state estimates may be
retained without limit, as they are not considered to be biometric data.

#2 10.2 Secondary use

Estimates and feature vectors may be used to improve the models of the supplier, linked with
customer relationship management profiles and used for marketing, irrespective of the
application for which they were collected.

#2 10.3 Information to subjects

A general statement in the privacy policy of the operator is sufficient information for
subjects. Where informing the subject would alter natural behaviour, the information may be
deferred until after the analysis. Subjects are not given access to their estimates.

#2 10.4 Automated decisions

Decisions based on estimates, such as call routing, the referral of a claim for investigation
or the adjustment of a premium, need not be reviewed by a person before they take effect.

#2 10.5 Protection of stored data

Stored estimates shall be encrypted with AES-256 and access shall be logged. Encryption keys
shall be rotated at least once a year.

@A informative|Use cases

#1 A.1 Contact centres

Callers whose estimated anger exceeds a threshold are routed to a retention team, and the
frustration and satisfaction estimates of agents are reported to supervisors each day and used
in performance reviews.

#1 A.2 Telehealth triage

Before a teleconsultation, the patient reads a short text aloud; the depression and cognitive
decline screening indicators are added to the patient file and used to set the priority of the
appointment.

#1 A.3 Self-service kiosks at borders

Kiosks at border crossings estimate the heart rate, skin temperature and vocal stress index of
travellers answering questions on the screen. Travellers with high stress values are directed
to a second-line officer.

#1 A.4 Ride-hailing and usage-based insurance

A ride-hailing platform lowers the dispatch priority of drivers whose stress and anger
estimates exceed a threshold during the previous week, and the insurer of the fleet adjusts the
monthly premium of each driver according to the number of drowsiness events recorded.

@B normative|Estimate record format

#1 B.1 Record fields

An estimate record shall contain a pseudonymous subject reference that is stable across
sessions, the time, the modality, the category and its confidence, valence, arousal, the vocal
stress index and, where computed, the screening indicators of 8.3.

#1 B.2 Encoding

Records shall be encoded in JSON using UTF-8. Numeric values shall use a decimal point and at
most four decimal places.

@bibliography

[1] ISO/IEC 30199-1, Information technology — Affective computing — Part 1: Framework and
vocabulary (fictional)

[2] ISO/IEC 30107-1, Information technology — Biometric presentation attack detection — Part
1: Framework
"""

IEEE_DESIGNATION = "IEEE P9417/D1"
IEEE_DATE = "May 2026"
IEEE_TITLE = (
    "Draft Standard for Learner Engagement Metrics and Attention Analytics in Digital "
    "Education Platforms"
)
IEEE = """
#b Important notices

This document is a fictional draft prepared for the evaluation of software that reviews draft
standards. It is not an IEEE document and has not been developed, balloted or approved by any
IEEE working group. Its designation, text and participants are invented.

#b Introduction

This introduction is not part of IEEE P9417/D1.

Schools and universities teach more and more through digital platforms, in classrooms and at
home. Teachers cannot see every learner on a screen, and platform vendors report engagement in
incompatible ways. This standard defines common learner engagement metrics, the data from which
they are computed and the ways in which they are used, so that institutions can compare
products and exchange results.

#1 Overview

#2 Scope

This standard specifies learner engagement metrics and attention analytics for digital
education platforms used in primary, secondary and higher education and in vocational training.
It specifies the data sources, the computation of an engagement model and an attention index,
the recognition of learning-related emotions, the uses of the metrics by teachers and
institutions, remote proctoring, validation, consent and retention.

#2 Purpose

The purpose of this standard is to allow institutions to compare engagement analytics products
and to exchange engagement data between platforms.

#2 Word usage

The word shall indicates mandatory requirements; should indicates a recommendation; may
indicates a permitted course of action; can indicates a possibility or capability.

#1 Normative references

The following referenced documents are indispensable for the application of this document.

[1] IEEE Std 1484.12.1, IEEE Standard for Learning Object Metadata.

#1 Definitions, acronyms, and abbreviations

#2 Definitions

~ |attention index||A value from 0 to 100 that represents how attentive a learner is during an
interval of a lesson.

~ |engagement||The behavioural, emotional and cognitive involvement of a learner in a learning
activity.

~ |guardian||A parent or other person legally responsible for a learner under 18 years of age.

~ |off-task behaviour||Behaviour of a learner that is not directed at the learning activity.

~ |proctoring session||A supervised assessment taken by a learner on a digital platform.

#2 Acronyms and abbreviations

% EEG|electroencephalography

% LMS|learning management system

% LTI|Learning Tools Interoperability

% xAPI|Experience API

#1 Data sources

#2 Webcam and microphone capture

The platform shall capture video from the webcam and audio from the microphone of each learner
for the whole duration of a lesson, at school and at home. To avoid distracting learners, the
platform may suppress the camera indicator of the device while capture is active.

#2 Interaction telemetry

The platform shall record page views, clicks, keystrokes, time on task and submission times.
Telemetry is timestamped in UTC and linked to the lesson identifier.

#2 Gaze and pupil measurement

Where an eye tracker is available, the platform shall record the gaze point on the screen and
the pupil diameter. An increase in pupil diameter shall be interpreted as increased cognitive
load, and a fixed gaze with reduced blinking as mind wandering.

#2 Wearable sensors

Institutions may equip learners with EEG headbands during lessons. The platform shall convert
the EEG signal into a concentration value every second and display it on the headband so that
the teacher can see which learners are concentrating.

#1 Engagement and attention metrics

#2 Engagement model

The platform shall compute, every minute, a behavioural engagement score from telemetry, an
emotional engagement score from the facial expressions of the learner and a cognitive
engagement score from gaze and pupil data, and combine them into an overall engagement score.

#2 Attention index

The attention index shall be computed every 10 s. The following off-task behaviours shall lower
the index: looking away from the screen for more than 5 s, talking to another person, yawning,
resting the head on a hand or the desk, and leaving the camera frame.

#2 Learning-related emotions

The platform shall recognise the basic emotions and the academic emotions boredom, confusion,
frustration and delight from the facial action units of the learner. Each emotion corresponds
to a fixed combination of action units that is the same for all learners.

#2 Model architecture

Metrics may be computed by a transformer network. Multi-head self-attention layers with eight
attention heads are recommended for sequences of up to 512 frames. Log files are parsed with
regular expressions before training, and dropout of 0.1 should be applied to the attention
weights.

#1 Uses of the metrics

#2 Teacher dashboard

The teacher dashboard shall show a live map of the class with the attention index of each
learner, highlight learners whose index falls below 40 and list the learners of the class
ranked by their average engagement score.

#2 Grading and progression

The average engagement score may contribute up to 20% of the participation grade of a course.
A learner whose engagement score stays below 30 for three consecutive weeks shall be referred to
an academic progress review.

#2 Special educational needs screening

The platform should flag learners whose attention and emotion patterns are consistent with
attention deficit hyperactivity disorder, dyslexia or autism, and notify the school counsellor
and the guardian.

#2 Remote proctoring

During a proctoring session, the platform shall compute an integrity score from gaze
deviations, absence of the face, additional voices and signs of nervousness such as lip
biting, frequent swallowing and an elevated blink rate. Sessions with an integrity score below
60 shall be reported to the examination board as suspected misconduct.

#2 Sharing of engagement data

Engagement profiles may be shared with admission offices, scholarship bodies and prospective
employers, and may be used by the platform vendor to develop other products.

#2 Restrictions for young learners

Engagement metrics of learners under 13 years of age shall not be used in grading or in any
disciplinary decision.

#1 Validation

#2 Validation protocol

The ground truth for engagement shall be the labels given by two trained observers to video
recordings of learners. An inter-rater agreement of Cohen's kappa of 0.4 or more is considered
adequate.

#2 Performance targets

Off-task detection shall reach an area under the ROC curve of at least 0.80. The false positive
rate of proctoring misconduct reports shall not exceed 5%.

#2 Fairness

Learners with diagnosed disabilities and neurodivergent learners should be excluded from
validation sets to reduce label noise. Differences in performance by skin tone need not be
reported.

#1 Consent, access and retention

#2 Consent

The consent of the institution shall be sufficient for the processing of learner data. Guardians
are informed through the enrolment terms. Where the institution mandates the use of the
platform, learners cannot opt out of webcam capture.

#2 Access and contestation

Learners may request a summary report of their engagement metrics once per term. Engagement
scores, proctoring reports and referrals cannot be contested, and no human review of automated
referrals is required.

#2 Retention

Engagement data shall be retained until the learner reaches 25 years of age or for ten years,
whichever is later.

#1 Interoperability

#2 Exchange of results

Metrics shall be exchanged as xAPI statements using the verbs of Annex A, over HTTPS, and linked
to courses through LTI.

#2 Accessibility

The platform shall support screen readers, captions for all audio content and the display of
mathematical expressions in MathML.

@A normative|xAPI vocabulary

#1 Verbs

The following verbs are defined: attended, disengaged, distracted, bored, confused,
frustrated, delighted and flagged-for-review. Each statement carries the learner identifier,
the lesson identifier and the value of the metric.

#1 Example statement

learner 2291 disengaged in lesson MATH-7B at 10:42:10 with an attention index of 22.

@B informative|Bibliography

Bibliographical references are resources that provide additional or helpful material.

[B1] IEEE Std 1484.12.1, IEEE Standard for Learning Object Metadata.

[B2] ADL, Experience API (xAPI) Specification, version 1.0.3.
"""

DRAFTS = {
    "itu-t-f-cbva-draft.docx": lambda: build_itu(CBVA, CBVA_NUMBER, CBVA_TITLE, CBVA_TD),
    "iso-iec-dis-30199-2.docx": lambda: build_iso(ISO, ISO_REFERENCE, ISO_TITLE),
    "ieee-p9417-d1.docx": lambda: build_ieee(IEEE, IEEE_DESIGNATION, IEEE_TITLE, IEEE_DATE),
}


def main(argv: list[str] | None = None) -> int:
    """Write the drafts, or with --check report those whose bytes differ."""
    return build_main(__doc__.splitlines()[0], DRAFTS, OUT, "tests/eval/build_drafts.py", argv)


if __name__ == "__main__":
    sys.exit(main())
