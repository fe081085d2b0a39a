"""Contribution metadata: who submits, to which meeting, under which number.

Values come, in order of precedence, from command-line options, a `--meta meta.toml` file and
the draft's own metadata (its cover table or title page); what is still missing gets a
placeholder and a warning. The file looks like this (every key is optional)::

    [contribution]
    type = "C"                       # C (contribution) or TD (temporary document)
    document_number = "SG16-C123"   # assigned by TSB; placeholder "SG16-C-XXX"
    study_group = "16"
    study_period = "2025-2028"       # default: from the date
    questions = ["12/16"]            # or one string "12/16, 13/16"
    place = "Geneva"
    meeting_date = "3-13 March 2026"
    source = "Example Digital Rights Association"   # also the author of the revision marks
    title = "Proposed modifications to draft new Recommendation ITU-T F.ERVS"
    date = "2026-02-16"              # date of the revision marks and of the ISO form
    language = "English"

    [[contact]]
    name = "Alex Example"
    organization = "Example Digital Rights Association"
    country = "Examplia"
    tel = "+00 30 5550 0123"
    email = "alex@rights.example"

    [iso]
    member_body = "GB"               # ISO 3166 two-letter code, on every row of the form
    document = "ISO/IEC CD 12345"
    project = "ISO/IEC 12345"

    [ieee]
    voter = "Example, Alex"

The date is `date` when given, else `SOURCE_DATE_EPOCH` (reproducible builds), else today.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Final

from .errors import InputError
from .model import Contact, Draft

DOC_TYPES: Final = ("C", "TD")
_SECTIONS: Final = {"contribution", "contact", "iso", "ieee"}
_CONTRIBUTION_KEYS: Final = (
    "type",
    "document_number",
    "study_group",
    "study_period",
    "questions",
    "place",
    "meeting_date",
    "source",
    "title",
    "date",
    "language",
)
_CONTACT_KEYS: Final = ("name", "organization", "country", "tel", "email")
_ISO_KEYS: Final = ("member_body", "document", "project")
_IEEE_KEYS: Final = ("voter",)
_AT = re.compile(r"\(at line (\d+), column (\d+)\)")
_MB = re.compile(r"^[A-Z]{2,3}$|^\*\*$")

#: ITU-T study periods by first year.
STUDY_PERIODS: Final = ((2017, "2017-2020"), (2022, "2022-2024"), (2025, "2025-2028"))


class MetaError(InputError):
    """A metadata file that cannot be used: `<file>[:<line>]: <problem>`."""


@dataclass(frozen=True, slots=True)
class ContributionMeta:
    """Everything the submission's header, revision marks and forms need."""

    doc_type: str = "C"
    document_number: str = ""
    study_group: str = ""
    study_period: str = ""
    questions: str = ""
    place: str = ""
    meeting_date: str = ""
    source: str = ""
    title: str = ""
    date: str = ""  # YYYY-MM-DD
    language: str = "English"
    contacts: tuple[Contact, ...] = ()
    member_body: str = ""
    iso_document: str = ""
    iso_project: str = ""
    ieee_voter: str = ""

    @property
    def revision_date(self) -> str:
        """The `w:date` of the revision marks: the date at midnight UTC."""
        return f"{self.date}T00:00:00Z"

    @property
    def doc_type_label(self) -> str:
        """ "CONTRIBUTION" or "TD"."""
        return "CONTRIBUTION" if self.doc_type == "C" else "TD"

    def as_context(self) -> dict[str, Any]:
        """Return the metadata as the templates see it (`meta.*`)."""
        data = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "contacts"}
        data["contacts"] = [{k: getattr(c, k) for k in _CONTACT_KEYS} for c in self.contacts]
        data["doc_type_label"] = self.doc_type_label
        return data


@dataclass
class MetaOptions:
    """Values given on the command line (None or empty: not given)."""

    values: dict[str, str] = field(default_factory=dict)
    contacts: list[Contact] = field(default_factory=list)


def _fail(path: Path, problem: str, line: int | None = None) -> MetaError:
    return MetaError(path, problem, line=line)


def _key_line(text: str, key: str) -> int | None:
    pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
    for number, line in enumerate(text.splitlines(), 1):
        if pattern.match(line):
            return number
    return None


def _strings(
    path: Path, text: str, table: Any, section: str, keys: Sequence[str]
) -> dict[str, str]:
    if not isinstance(table, dict):
        raise _fail(path, f"[{section}] must be a table")
    out: dict[str, str] = {}
    for key, value in table.items():
        if key not in keys:
            raise _fail(
                path,
                f"[{section}] unknown key {key!r} (known: {', '.join(keys)})",
                _key_line(text, key),
            )
        if key == "questions" and isinstance(value, list):
            if not all(isinstance(v, str) for v in value):
                raise _fail(path, "questions: must be strings", _key_line(text, key))
            out[key] = ", ".join(v.strip() for v in value)
            continue
        if isinstance(value, date | datetime):
            value = value.isoformat()[:10]
        if not isinstance(value, str):
            raise _fail(path, f"[{section}] {key}: must be a string", _key_line(text, key))
        out[key] = value.strip()
    return out


def load_meta_file(path: str | Path) -> MetaOptions:
    """Read `meta.toml`; raise `MetaError` (exit 2) naming the line of a problem."""
    source = Path(path)
    try:
        text = source.read_text("utf-8")
    except FileNotFoundError:
        raise _fail(source, "no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise _fail(source, f"cannot read: {exc}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        at = _AT.search(message)
        raise _fail(
            source,
            f"not valid TOML: {_AT.sub('', message).strip().rstrip('.')}",
            int(at.group(1)) if at else None,
        ) from None
    for key in data:
        if key not in _SECTIONS:
            raise _fail(
                source,
                f"unknown section {key!r} (known: {', '.join(sorted(_SECTIONS))})",
                _key_line(text, key) or _section_line(text, key),
            )
    values = _strings(
        source, text, data.get("contribution", {}), "contribution", _CONTRIBUTION_KEYS
    )
    iso = _strings(source, text, data.get("iso", {}), "iso", _ISO_KEYS)
    values.update({f"iso_{k}" if k != "member_body" else k: v for k, v in iso.items()})
    ieee = _strings(source, text, data.get("ieee", {}), "ieee", _IEEE_KEYS)
    values.update({f"ieee_{k}": v for k, v in ieee.items()})
    raw_contacts = data.get("contact", [])
    if not isinstance(raw_contacts, list):
        raise _fail(source, "contact: use [[contact]] tables", _section_line(text, "contact"))
    contacts = []
    for item in raw_contacts:
        found = _strings(source, text, item, "contact", _CONTACT_KEYS)
        if not found.get("name"):
            raise _fail(source, "[[contact]] needs a name", _section_line(text, "contact"))
        contacts.append(Contact(**found))
    if "type" in values:
        values["doc_type"] = values.pop("type")
    return MetaOptions(values=values, contacts=contacts)


def _section_line(text: str, name: str) -> int | None:
    pattern = re.compile(rf"^\s*\[\[?\s*{re.escape(name)}\s*\]\]?")
    for number, line in enumerate(text.splitlines(), 1):
        if pattern.match(line):
            return number
    return None


def parse_contact(text: str) -> Contact:
    """Parse `--contact "Name|Organization|Country|Tel|E-mail"` (trailing parts optional)."""
    parts = [p.strip() for p in text.split("|")]
    if not parts[0] or len(parts) > 5:
        raise InputError("--contact", f'{text!r}: use "Name|Organization|Country|Tel|E-mail"')
    parts += [""] * (5 - len(parts))
    return Contact(*parts)


def today() -> str:
    """Return the date of the outputs: `SOURCE_DATE_EPOCH` when set, else today (UTC)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), UTC).date().isoformat()
        except (ValueError, OverflowError, OSError):
            raise InputError("SOURCE_DATE_EPOCH", f"{epoch!r} is not a Unix time") from None
    return datetime.now(UTC).date().isoformat()


def study_period(day: str) -> str:
    """Return the ITU-T study period holding the date `YYYY-MM-DD`."""
    year = int(day[:4])
    period = ""
    for first, name in STUDY_PERIODS:
        if year >= first:
            period = name
    return period


def default_title(draft: Draft) -> str:
    """Return "Proposed modifications to draft new Recommendation ITU-T F.XXX" (or similar)."""
    meta = draft.metadata
    name = meta.recommendation or meta.designation or meta.project or meta.work_item
    if not name:
        name = meta.title or Path(draft.source.path).stem
    if name[:1].isupper() and name.split(" ")[0] in ("Draft", "Proposed", "New"):
        name = name[0].lower() + name[1:]
    if str(draft.body) == "ieee" and meta.designation and not name.startswith("IEEE"):
        name = f"IEEE {name}"
    return f"Proposed modifications to {name}"


def resolve_meta(
    draft: Draft, given: MetaOptions | None = None, options: MetaOptions | None = None
) -> tuple[ContributionMeta, list[str]]:
    """Combine options, the meta file and the draft's metadata; return it with warnings."""
    values: dict[str, str] = {}
    contacts: list[Contact] = []
    for layer in (given, options):
        if layer is None:
            continue
        values.update({k: v for k, v in layer.values.items() if v})
        if layer.contacts:
            contacts = list(layer.contacts)
    warnings: list[str] = []
    meta = draft.metadata
    doc_type = values.get("doc_type", "C").upper()
    if doc_type not in DOC_TYPES:
        raise InputError("contribution type", f"{doc_type!r} is not C or TD")
    day = values.get("date") or today()
    try:
        date.fromisoformat(day)
    except ValueError:
        raise InputError("date", f"{day!r} is not a date (YYYY-MM-DD)") from None
    group = values.get("study_group") or meta.study_group
    if not group:
        warnings.append("no study group (--study-group or [contribution] study_group)")
    number = values.get("document_number", "")
    if not number:
        kind = "C" if doc_type == "C" else "TD"
        number = f"SG{group or 'XX'}-{kind}-XXX"
        warnings.append(f"no document number: TSB assigns it; {number!r} is a placeholder")
    source = values.get("source", "")
    if not source:
        source = contacts[0].organization if contacts and contacts[0].organization else ""
    if not source:
        source = "[Source organization]"
        warnings.append(
            "no source organization (--source or [contribution] source): it names the "
            "submitter and the author of the revision marks"
        )
    if not contacts:
        warnings.append("no contact (--contact or [[contact]]): the header lists none")
    member_body = values.get("member_body", "").upper()
    if member_body and not _MB.match(member_body):
        raise InputError("member body", f"{member_body!r} is not an ISO 3166 two-letter code")
    place = values.get("place") or meta.place
    meeting = values.get("meeting_date") or meta.date
    result = ContributionMeta(
        doc_type=doc_type,
        document_number=number,
        study_group=group,
        study_period=values.get("study_period") or study_period(day),
        questions=values.get("questions") or meta.questions,
        place=place,
        meeting_date=meeting,
        source=source,
        title=values.get("title") or default_title(draft),
        date=day,
        language=values.get("language") or "English",
        contacts=tuple(contacts),
        member_body=member_body,
        iso_document=values.get("iso_document")
        or meta.document_number
        or meta.designation
        or meta.recommendation,
        iso_project=values.get("iso_project") or meta.project or meta.work_item or meta.designation,
        ieee_voter=values.get("ieee_voter", ""),
    )
    return result, warnings


def with_member_body_check(meta: ContributionMeta) -> tuple[ContributionMeta, list[str]]:
    """Return the meta for the ISO form: a placeholder member body with a warning if none."""
    if meta.member_body:
        return meta, []
    return replace(meta, member_body="XX"), [
        "no ISO/IEC member body (--member-body or [iso] member_body): 'XX' is a placeholder "
        "on every row"
    ]


__all__ = [
    "DOC_TYPES",
    "ContributionMeta",
    "MetaError",
    "MetaOptions",
    "default_title",
    "load_meta_file",
    "parse_contact",
    "resolve_meta",
    "study_period",
    "today",
    "with_member_body_check",
]
