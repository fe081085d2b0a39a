"""What a draft says about itself: the ITU-T cover table, the title lines, page headers.

Read from the opening blocks (before the body proper) and the header/footer texts:
  - ITU-T cover table rows `Question(s):`, `Study Group:`, `Working Party:`, `Source:`,
    `Title:`, `Contact:` (name / organisation / country | Tel / E-mail), the document number
    (`SG16-TD231/WP2`, `TD 231`, `COM 16 – C 45`), place and date, the work item
    (`Draft new Recommendation ITU-T F.ERVS` -> `F.ERVS`);
  - IEEE designation and date from the page header or title (`IEEE P7915/D2, March 2026`);
  - ISO/IEC project numbers (`ISO/IEC DIS 19795-10`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from .flat import FlatBlock
from .model import Body, Contact, Metadata

_LABEL = re.compile(r"^\s*(?P<label>[A-Z][A-Za-z()/ ,.\-]{1,60}?)\s*:\s*(?P<value>.*)$", re.S)
_DOC_NUMBER = re.compile(
    r"\b(?:(?:SG|TSAG)\d*\s*-\s*(?:TD|C)\s*-?\s*\d+(?:\s*R\d+)?(?:/[A-Z]+\d*)?"
    r"|COM\s*\d+\s*[–-]\s*[CR]\s*\d+"
    r"|(?:Temporary Document|TD)\s+\d+(?:\s*(?:Rev\.?|R)\s*\d+)?"
    r"(?:\s*\((?:PLEN|WP\d)/\d+\))?(?:/WP\d+)?)\b"
)
_WORK_ITEM = re.compile(r"\bITU-T\s+(?P<item>[A-Z]\.[A-Za-z0-9][A-Za-z0-9.\-]*[A-Za-z0-9])")
_RECOMMENDATION = re.compile(
    r"(?P<rec>(?:(?:Proposed |Preliminary )?[Dd]raft (?:new |revised )?)?"
    r"(?:Recommendation|Supplement|Technical Report|Technical Paper) ITU-T [A-Z]\.[A-Za-z0-9.\-]+)"
)
_IEEE = re.compile(
    r"\b(?:IEEE\s+)?(?P<designation>P\d{3,5}(?:\.\d+)*[a-z]?)(?:™)?\s*/\s*(?P<draft>D\d+(?:\.\d+)*)"
    r"(?:\s*,\s*(?P<date>[A-Z][a-z]+\s+\d{4}))?"
)
_ISO = re.compile(
    r"(?<![\[\w-])(?P<project>ISO(?:/IEC)?(?:/IEEE)?\s+(?:(?:WD|CD|DIS|FDIS|PWI|NP|DTS|DTR|PDTS|TS|TR)\s+)?\d{3,5}(?:-\d+)*(?::\d{4})?)"
)
_PLACE_DATE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z .'\-]{1,40}),\s*"
    r"(?P<date>(?:\d{1,2}\s*[-–]\s*)?\d{1,2}\s+[A-Z][a-z]+(?:\s*[-–]\s*\d{1,2}\s+[A-Z][a-z]+)?"
    r"\s+\d{4}|[A-Z][a-z]+\s+\d{4}|\d{4}-\d{2}-\d{2})\s*$"
)
_STATUS = re.compile(
    r"\b(?:unapproved |preliminary |proposed )?draft(?= (?:new |revised |international )?"
    r"(?:standard|recommendation|specification|technical report|supplement|amendment)\b)",
    re.IGNORECASE,
)
_STUDY_GROUP = re.compile(r"\bSTUDY\s+GROUP\s+(\d+)\b", re.IGNORECASE)
_EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")
_TEL = re.compile(r"(?:Tel\.?|Phone)\s*:?\s*(?P<tel>\+?[\d ()\-]{6,})", re.I)

_FIELDS = {
    "question(s)": "questions",
    "questions": "questions",
    "question": "questions",
    "study group": "study_group",
    "working party": "working_party",
    "source": "source",
    "title": "title",
    "meeting, date": "date",
    "meeting": "place",
    "place": "place",
    "date": "date",
    "intended type of document (r-c-td)": "status",
    "document type": "status",
    "document": "document_number",
    "project": "project",
}


def _rows(block: FlatBlock) -> Iterable[list[str]]:
    if block.table is None:
        return []
    return ([cell.text.strip() for cell in row] for row in block.table.rows)


def _contact(cells: Sequence[str]) -> Contact:
    lines = [line.strip() for cell in cells for line in cell.split("\n") if line.strip()]
    names = [
        line
        for line in lines
        if not _TEL.search(line)
        and not _EMAIL.search(line)
        and not line.lower().startswith(("fax", "e-mail", "email", "tel"))
    ]
    email = next((m.group(0) for line in lines if (m := _EMAIL.search(line))), "")
    tel = next((m.group("tel").strip() for line in lines if (m := _TEL.search(line))), "")
    name = names[0] if names else ""
    organisation = names[1] if len(names) > 1 else ""
    country = names[2] if len(names) > 2 else ""
    return Contact(name=name, organization=organisation, country=country, tel=tel, email=email)


def _cover(
    blocks: Sequence[FlatBlock],
) -> tuple[dict[str, str], list[Contact], list[tuple[str, str]]]:
    found: dict[str, str] = {}
    contacts: list[Contact] = []
    pairs: list[tuple[str, str]] = []
    for block in blocks:
        for row in _rows(block):
            index = 0
            while index < len(row):
                cell = row[index]
                match = _LABEL.match(cell) if len(cell) < 200 else None
                if match is None:
                    index += 1
                    continue
                label = match.group("label").strip()
                value = match.group("value").strip()
                taken = 0
                if not value and index + 1 < len(row):
                    value = row[index + 1]
                    taken = 1
                key = label.lower()
                if key.startswith("contact"):
                    rest = [value, *row[index + 1 + taken :]] if value else row[index + 1 :]
                    contact = _contact(rest)
                    if contact.name or contact.email:
                        contacts.append(contact)
                    pairs.append((label, " / ".join(r for r in rest if r)))
                    break
                pairs.append((label, value))
                field = _FIELDS.get(key)
                if field and value and field not in found:
                    found[field] = value
                index += 1 + taken
    return found, contacts, pairs


def extract_metadata(
    blocks: Sequence[FlatBlock],
    headers: Sequence[str],
    body: Body,
    title_styles: Sequence[re.Pattern[str]] = (),
) -> Metadata:
    """Return the metadata found in the opening `blocks` and the page `headers`/footers."""
    opening = list(blocks[:400])
    cover_tables = [b for b in opening[:60] if b.table is not None]
    found, contacts, pairs = _cover(cover_tables[:3])
    meta = Metadata(contacts=tuple(contacts), fields=tuple(pairs))
    texts = [b.text for b in opening[:200] if b.table is None and b.text.strip()]
    cover_text = "\n".join(cell for b in cover_tables[:3] for row in _rows(b) for cell in row)
    header_text = "\n".join(headers)
    search_space = "\n".join([cover_text, header_text, *texts[:80]])

    number = _DOC_NUMBER.search(cover_text) or _DOC_NUMBER.search(header_text)
    if number:
        meta = replace(meta, document_number=" ".join(number.group(0).split()))
    for line in cover_text.split("\n"):
        place = _PLACE_DATE.match(line.strip())
        if place:
            meta = replace(meta, place=place.group("place"), date=place.group("date"))
            break
    if "study_group" not in found:
        group = _STUDY_GROUP.search(cover_text) or _STUDY_GROUP.search(header_text)
        if group:
            found["study_group"] = group.group(1)
    for key, value in found.items():
        if key == "date" and meta.date:
            continue
        meta = replace(meta, **{key: " ".join(value.split())})  # type: ignore[arg-type]

    titles = [
        b.text.strip()
        for b in opening
        if b.table is None
        and b.style_chain
        and any(p.search(b.style_chain[0]) for p in title_styles)
        and b.text.strip()
    ]
    rec = _RECOMMENDATION.search("\n".join([found.get("title", ""), *titles, *texts[:40]]))
    if rec:
        meta = replace(meta, recommendation=" ".join(rec.group("rec").split()))
    item = _WORK_ITEM.search(meta.recommendation or found.get("title", "")) or _WORK_ITEM.search(
        search_space
    )
    if item:
        meta = replace(meta, work_item=item.group("item"))
    if not meta.title:
        candidates = [t for t in titles if not _RECOMMENDATION.fullmatch(t) and not _IEEE.match(t)]
        if candidates:
            meta = replace(meta, title=" ".join(max(candidates, key=len).split()))

    ieee = _IEEE.search(header_text) or _IEEE.search(search_space)
    if ieee and (body in (Body.IEEE, Body.UNKNOWN)):
        meta = replace(meta, designation=f"{ieee.group('designation')}/{ieee.group('draft')}")
        if ieee.group("date") and not meta.date:
            meta = replace(meta, date=ieee.group("date"))
    title_page = "\n".join([cover_text, header_text, *titles, *texts[:6]])
    iso = _ISO.search(header_text) or _ISO.search(title_page)
    if iso and body in (Body.ISO, Body.UNKNOWN):
        meta = replace(meta, project=" ".join(iso.group("project").split()))
    if not meta.status:
        status = _STATUS.search(title_page)
        if status:
            meta = replace(meta, status=status.group(0)[0].upper() + status.group(0)[1:].lower())
    return meta
