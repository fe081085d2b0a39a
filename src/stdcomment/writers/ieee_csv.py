"""IEEE SA ballot comments (.csv), ready for upload.

Columns. The column list is data (`templates/ieee/columns.toml`, overridable with
`--templates`). The bundled list is the user *upload* template as the IEEE 802 tools parse it
(formats.md §2.1): `Comment, Category, Page Number, Subclause, Line Number, Proposed Change,
Must Be Satisfied`. It is the only upload template whose exact header spelling is confirmed;
the myProject *export* spells `Page`, `Line` and `Must be Satisfied` and carries 24 columns
that a voter does not fill (name, vote, disposition ...), so we do not write it by default.

Supported constructs:
- [x] Category as the full word (Technical / Editorial / General), Must Be Satisfied Yes / No;
- [x] Page and Line as integers from the draft's PDF locations, else empty with the location
      (clause, element, paragraph) at the head of the comment, as the entry rules ask;
- [x] Subclause: the clause number (`5`, `2.1`, `C.3`) or `General`;
- [x] at most 4,000 characters per field (truncated with a warning), ASCII only
      (transliterated; a warning names characters that had no ASCII form);
- [x] one paragraph per field (line breaks become spaces), CRLF records, minimal quoting;
- [x] no cell runs as a spreadsheet formula: a cell that begins with `=`, `+`, `-`, `@`, a
      tab or a carriage return (after leading spaces and quotes) gets a `'` in front
      (`csvcells`, shared with every CSV the tool writes; the 4,000 counts it);
- [x] `read_ieee_csv` reads the file back, dropping exactly that `'` (round-trip tests);
- [ ] the 24-column myProject export layout (rename the columns in a user columns.toml).
"""

from __future__ import annotations

import io
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from .. import csvcells
from ..comments import SheetComment
from ..errors import InputError
from ..render import RenderError
from ..resources import data_dir
from .ascii import to_ascii
from .base import Output, WriterInput, render, template_env

FIELD_LIMIT: Final = 4000
TRUNCATION_MARK: Final = " [...]"
FIELDS: Final = (
    "comment",
    "category",
    "page",
    "subclause",
    "line",
    "proposed_change",
    "must_be_satisfied",
    "clause_title",
    "element",
    "location",
    "id",
    "voter",
)
COLUMNS_FILE: Final = "ieee/columns.toml"


@dataclass(frozen=True, slots=True)
class Column:
    """One CSV column: its header and the field it holds."""

    name: str
    field: str


@dataclass(frozen=True, slots=True)
class IeeeComment:
    """One row of the CSV, as read back."""

    category: str
    page: int | None
    subclause: str
    line: int | None
    comment: str
    proposed_change: str
    must_be_satisfied: bool


def load_columns(templates: tuple[Path, ...] = ()) -> list[Column]:
    """Read the column list: the first `ieee/columns.toml` in the template folders."""
    candidates = [Path(d) / COLUMNS_FILE for d in templates] + [
        data_dir("templates") / COLUMNS_FILE
    ]
    path = next((p for p in candidates if p.is_file()), None)
    if path is None:
        raise RenderError(COLUMNS_FILE, "column list not found")
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise InputError(path, f"cannot read the column list: {exc}") from None
    raw = data.get("column")
    if not isinstance(raw, list) or not raw:
        raise InputError(path, "needs [[column]] tables with name and field")
    columns = []
    for item in raw:
        name, field = item.get("name"), item.get("field")
        if not isinstance(name, str) or not name or field not in FIELDS:
            raise InputError(
                path, f"column {item!r}: needs a name and a field (one of {', '.join(FIELDS)})"
            )
        columns.append(Column(name, field))
    return columns


def subclause_of(comment: SheetComment) -> str:
    """Return the Subclause value: the clause number, or "General" when there is none."""
    return comment.clause or "General"


def _field_text(text: str, limit: int = FIELD_LIMIT) -> tuple[str, list[str], bool]:
    flat = " ".join(text.split())
    ascii_text, lost = to_ascii(flat)
    limit -= len(csvcells.neutralise(ascii_text)) - len(ascii_text)  # room for the prefix
    truncated = len(ascii_text) > limit
    if truncated:
        ascii_text = ascii_text[: limit - len(TRUNCATION_MARK)].rstrip() + TRUNCATION_MARK
    return ascii_text, lost, truncated


def write_ieee_csv(job: WriterInput) -> Output:
    """Write the ballot comment CSV for `job` (see the module docstring)."""
    env = template_env(job.templates)
    columns = load_columns(job.templates)
    warnings: list[str] = []
    buffer = io.StringIO()
    writer = csvcells.writer(buffer, lineterminator="\r\n")
    writer.writerow([c.name for c in columns])
    for comment in job.sheet.comments:
        subclause = subclause_of(comment)
        context = {
            "comment": comment.as_context(),
            "subclause": subclause,
            "page_known": comment.page is not None,
        }
        values: dict[str, str] = {
            "comment": render(env, "ieee/comment.j2", context),
            "proposed_change": render(env, "ieee/proposed-change.j2", context),
            "category": comment.category,
            "page": "" if comment.page is None else str(comment.page),
            "line": "" if comment.line is None else str(comment.line),
            "subclause": subclause,
            "must_be_satisfied": "Yes" if comment.must_be_satisfied else "No",
            "clause_title": comment.clause_title,
            "element": comment.element,
            "location": comment.location,
            "id": comment.id,
            "voter": job.meta.ieee_voter,
        }
        row = []
        for column in columns:
            text, lost, truncated = _field_text(values[column.field])
            if lost:
                warnings.append(
                    f"{comment.id}: {column.name}: no ASCII form for {' '.join(lost)} "
                    "(written as '?')"
                )
            if truncated:
                warnings.append(
                    f"{comment.id}: {column.name}: longer than {FIELD_LIMIT} characters, truncated"
                )
            row.append(text)
        writer.writerow(row)
    data = buffer.getvalue().encode("ascii")
    return Output(data, tuple(warnings), {"rows": len(job.sheet.comments)})


def read_ieee_csv(
    source: str | Path | bytes, templates: tuple[Path, ...] = ()
) -> list[IeeeComment]:
    """Read a ballot comment CSV written with the column list in use."""
    raw = source if isinstance(source, bytes) else Path(source).read_bytes()
    columns = {c.name: c.field for c in load_columns(templates)}
    rows = csvcells.read_rows(io.StringIO(raw.decode("ascii"), newline=""))
    header = rows[0] if rows else []
    out = []
    for row in rows[1:]:
        if not row:  # a blank line, as csv.DictReader skips it
            continue
        values = {columns[k]: v for k, v in zip(header, row, strict=False) if k in columns}
        page, line = values.get("page", ""), values.get("line", "")
        out.append(
            IeeeComment(
                category=values.get("category", ""),
                page=int(page) if page else None,
                subclause=values.get("subclause", ""),
                line=int(line) if line else None,
                comment=values.get("comment", ""),
                proposed_change=values.get("proposed_change", ""),
                must_be_satisfied=values.get("must_be_satisfied", "") == "Yes",
            )
        )
    return out


__all__ = [
    "FIELD_LIMIT",
    "Column",
    "IeeeComment",
    "load_columns",
    "read_ieee_csv",
    "subclause_of",
    "write_ieee_csv",
]
