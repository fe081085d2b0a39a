"""Write and read the review file (TOML).

Writing is our own code, so the file is deterministic and readable: a comment header from
`templates/review/header.j2`, the keys of each entry in a fixed order, prose in multi-line
strings, a comment line above each entry naming its clause and position. Reading uses
`tomllib`; every problem is reported as one line naming the file and the line
(`review.toml:42: entry 3: status: must be one of ...`).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Final

from ..errors import InputError
from ..render import RenderError, environment, render_template
from .model import (
    CHANGE_KINDS,
    IEEE_CATEGORIES,
    ISO_TYPES,
    ORIGINS,
    REVIEW_SCHEMA_VERSION,
    STATUSES,
    Change,
    Review,
    ReviewEntry,
    entry_id,
)

#: Prose keys, written as multi-line strings when long.
_PROSE: Final = frozenset({"quote", "comment", "proposed_change", "note", "old", "new"})
_LONG: Final = 60

_TOP_KEYS: Final = ("schema_version", "draft", "draft_sha256", "body", "entry")
_ENTRY_KEYS: Final = (
    "id",
    "status",
    "origin",
    "position",
    "clause",
    "clause_title",
    "location",
    "element",
    "page",
    "line",
    "quote",
    "matched",
    "score",
    "requirement",
    "type",
    "category",
    "must_be_satisfied",
    "comment",
    "proposed_change",
    "note",
    "previous_status",
    "generated",
    "change",
)
_CHANGE_KEYS: Final = ("kind", "old", "new")
_MAX_BYTES: Final = 20_000_000


class ReviewFileError(InputError):
    """A review file that cannot be used: `<file>:<line>: <problem>`."""


# -- writing ----------------------------------------------------------------------------------


def _basic(text: str) -> str:
    out = ['"']
    for ch in text:
        code = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif code < 0x20 or code == 0x7F:
            out.append(f"\\u{code:04X}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _multiline(text: str) -> str:
    body: list[str] = []
    for ch in text:
        code = ord(ch)
        if ch == "\\":
            body.append("\\\\")
        elif ch in "\n\t":
            body.append(ch)
        elif ch == "\r":
            body.append("\\r")
        elif code < 0x20 or code == 0x7F:
            body.append(f"\\u{code:04X}")
        else:
            body.append(ch)
    escaped = "".join(body).replace('"""', '""\\"')
    if escaped.endswith('"'):
        escaped = escaped[:-1] + '\\"'
    return f'"""\n{escaped}"""'


def toml_string(text: str, *, prose: bool = False) -> str:
    """Return `text` as a TOML string: multi-line for long prose, else a basic string."""
    if prose and ("\n" in text or len(text) > _LONG):
        return _multiline(text)
    return _basic(text)


def _value(key: str, value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return f"{value:.1f}"
    return toml_string(str(value), prose=key in _PROSE)


def _entry_lines(entry: ReviewEntry) -> list[str]:
    manual = entry.origin == "manual"
    pairs: list[tuple[str, object]] = [
        ("id", entry.id),
        ("status", entry.status),
        ("origin", entry.origin),
    ]
    optional: list[tuple[str, object]] = [
        ("position", entry.position),
        ("clause", entry.clause),
        ("clause_title", entry.clause_title),
        ("location", entry.location),
        ("element", entry.element),
    ]
    for key, value in optional:
        if value or not manual or key in ("clause", "clause_title"):
            pairs.append((key, value))
    if entry.page is not None:
        pairs.append(("page", entry.page))
    if entry.line is not None:
        pairs.append(("line", entry.line))
    if entry.quote or not manual:
        pairs.append(("quote", entry.quote))
    if not manual:
        pairs += [
            ("matched", entry.matched),
            ("score", float(entry.score)),
            ("requirement", entry.requirement),
        ]
    pairs += [
        ("type", entry.type),
        ("category", entry.category),
        ("must_be_satisfied", entry.must_be_satisfied),
        ("comment", entry.comment),
        ("proposed_change", entry.proposed_change),
    ]
    if entry.note:
        pairs.append(("note", entry.note))
    if entry.previous_status:
        pairs.append(("previous_status", entry.previous_status))
    if not manual:
        pairs.append(("generated", entry.generated))
    lines = [f"{key} = {_value(key, value)}" for key, value in pairs]
    lines += ["", "[entry.change]", f"kind = {_basic(entry.change.kind)}"]
    if entry.change.kind != "none" or entry.change.old:
        lines.append(f"old = {toml_string(entry.change.old, prose=True)}")
    if entry.change.kind in ("replace", "insert-after") or entry.change.new:
        lines.append(f"new = {toml_string(entry.change.new, prose=True)}")
    return lines


def _banner(entry: ReviewEntry) -> str:
    who = entry.position or "your own comment"
    text = f"# -- {entry.clause_label} · {who}"
    if entry.origin == "scan":
        text += f" · score {entry.score:.1f}"
    if entry.status == "stale":
        text += " · STALE: the quoted text is no longer in the draft"
    text = " ".join(text.split())
    return text + " " + "-" * max(3, 96 - len(text) - 1)


def header_text(review: Review, *, templates: Sequence[str | Path] = ()) -> str:
    """Render the comment header of the review file (`templates/review/header.j2`)."""
    env = environment(templates)
    name = "review/header.j2"
    template = env.get_template(name)
    context = {"draft": review.draft, "body": review.body, "counts": review.counts()}
    return render_template(template, context, origin=template.filename or name).strip()


def dump_review(review: Review, *, templates: Sequence[str | Path] = ()) -> str:
    """Return the review file's text (same review, same bytes)."""
    try:
        header = header_text(review, templates=templates)
    except RenderError:
        raise
    lines = [f"# {line}".rstrip() for line in header.splitlines()]
    lines += [
        f"schema_version = {_basic(review.schema_version)}",
        f"draft = {_basic(review.draft)}",
        f"draft_sha256 = {_basic(review.draft_sha256)}",
        f"body = {_basic(review.body)}",
    ]
    for entry in review.entries:
        lines += ["", _banner(entry), "[[entry]]", *_entry_lines(entry)]
    return "\n".join(lines) + "\n"


# -- reading ----------------------------------------------------------------------------------

_KEY = re.compile(r"^\s*([A-Za-z0-9_-]+|\"[^\"]*\")\s*=\s*(.*)$")
_AT = re.compile(r"\(at line (\d+), column (\d+)\)")


class _Lines:
    """Where each entry and key sits in the file (tomllib does not say)."""

    def __init__(self, text: str) -> None:
        self.top: dict[str, int] = {}
        self.entries: list[dict[str, int]] = []
        self.changes: list[dict[str, int]] = []
        section = "top"
        closing: str | None = None
        for number, raw in enumerate(text.splitlines(), 1):
            if closing is not None:
                if closing in raw.replace('\\"', ""):
                    closing = None
                continue
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("[[") and line.strip("[] ") == "entry":
                self.entries.append({"": number})
                self.changes.append({})
                section = "entry"
                continue
            if line.startswith("[") and line.strip("[] ") == "entry.change":
                if self.changes:
                    self.changes[-1][""] = number
                section = "change"
                continue
            match = _KEY.match(line)
            if not match:
                continue
            key = match.group(1).strip('"')
            if section == "top":
                self.top.setdefault(key, number)
            elif section == "entry" and self.entries:
                self.entries[-1].setdefault(key, number)
            elif section == "change" and self.changes:
                self.changes[-1].setdefault(key, number)
            rest = match.group(2)
            for delimiter in ('"""', "'''"):
                if rest.startswith(delimiter) and delimiter not in rest[3:].replace('\\"', ""):
                    closing = delimiter
                    break

    def entry(self, index: int, key: str = "") -> int | None:
        if index >= len(self.entries):
            return None
        lines = self.entries[index]
        return lines.get(key, lines.get(""))

    def change(self, index: int, key: str = "") -> int | None:
        if index >= len(self.changes):
            return None
        lines = self.changes[index]
        return lines.get(key, lines.get("")) or self.entry(index, "change")


class _Reader:
    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.lines = _Lines(text)

    def fail(self, problem: str, line: int | None) -> ReviewFileError:
        return ReviewFileError(self.path, problem, line=line)

    def text(self, data: Mapping[str, Any], key: str, where: str, line: int | None) -> str:
        value = data.get(key, "")
        if not isinstance(value, str):
            raise self.fail(f"{where}{key}: must be a string", line)
        return value

    def choice(
        self,
        data: Mapping[str, Any],
        key: str,
        choices: Sequence[str],
        default: str,
        where: str,
        line: int | None,
    ) -> str:
        value = self.text(data, key, where, line) if key in data else default
        if value not in choices:
            raise self.fail(f"{where}{key}: {value!r} is not one of {', '.join(choices)}", line)
        return value

    def number(self, data: Mapping[str, Any], key: str, where: str, line: int | None) -> int | None:
        if key not in data:
            return None
        value = data[key]
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise self.fail(f"{where}{key}: must be a whole number (0 or more)", line)
        return value

    def entry(self, index: int, data: Any) -> ReviewEntry:
        where = f"entry {index + 1}: "
        head = self.lines.entry(index)
        if not isinstance(data, dict):
            raise self.fail(f"{where}must be a table ([[entry]])", head)
        for key in data:
            if key not in _ENTRY_KEYS:
                raise self.fail(
                    f"{where}unknown key {key!r} (known: {', '.join(_ENTRY_KEYS)})",
                    self.lines.entry(index, key),
                )

        def at(key: str) -> int | None:
            return self.lines.entry(index, key)

        origin = self.choice(data, "origin", ORIGINS, "manual", where, at("origin"))
        status = self.choice(data, "status", STATUSES, "proposed", where, at("status"))
        values = {
            key: self.text(data, key, where, at(key))
            for key in (
                "position",
                "clause",
                "clause_title",
                "location",
                "element",
                "quote",
                "matched",
                "requirement",
                "comment",
                "proposed_change",
                "note",
                "previous_status",
                "generated",
            )
        }
        for key in ("comment", "proposed_change", "quote", "note"):
            values[key] = values[key].strip()
        values["requirement"] = values["requirement"] or "none"
        if origin == "scan" and not values["position"]:
            raise self.fail(f"{where}position: a scan entry needs its position id", head)
        if status == "accepted" and not values["comment"]:
            raise self.fail(f"{where}comment: an accepted entry needs a comment", at("comment"))
        if not (values["clause"] or values["clause_title"] or values["quote"]):
            raise self.fail(
                f"{where}say which clause it is about (clause, clause_title or quote)", head
            )
        score = data.get("score", 0.0)
        if isinstance(score, bool) or not isinstance(score, int | float):
            raise self.fail(f"{where}score: must be a number", at("score"))
        mbs = data.get("must_be_satisfied", False)
        if not isinstance(mbs, bool):
            raise self.fail(
                f"{where}must_be_satisfied: must be true or false", at("must_be_satisfied")
            )
        identifier = self.text(data, "id", where, at("id")).strip()
        if not identifier:
            if origin == "scan":
                raise self.fail(f"{where}id: missing", head)
            identifier = entry_id("", values["clause_title"] or values["clause"], values["comment"])
        return ReviewEntry(
            id=identifier,
            status=status,
            origin=origin,
            page=self.number(data, "page", where, at("page")),
            line=self.number(data, "line", where, at("line")),
            score=float(score),
            type=self.choice(data, "type", ISO_TYPES, "te", where, at("type")),
            category=self.choice(
                data, "category", IEEE_CATEGORIES, "Technical", where, at("category")
            ),
            must_be_satisfied=mbs,
            change=self.change(index, data.get("change"), values["quote"]),
            **values,
        )

    def change(self, index: int, data: Any, quote: str) -> Change:
        where = f"entry {index + 1}: change."
        if data is None:
            return Change("none")
        if not isinstance(data, dict):
            raise self.fail(
                f"{where[:-1]}: must be a table ([entry.change])", self.lines.change(index)
            )
        for key in data:
            if key not in _CHANGE_KEYS:
                raise self.fail(
                    f"{where}unknown key {key!r} (known: {', '.join(_CHANGE_KEYS)})",
                    self.lines.change(index, key),
                )
        kind = self.choice(
            data, "kind", CHANGE_KINDS, "none", where, self.lines.change(index, "kind")
        )
        old = self.text(data, "old", where, self.lines.change(index, "old")).strip()
        new = self.text(data, "new", where, self.lines.change(index, "new")).strip()
        if kind != "none" and not old:
            old = quote
        if kind != "none" and not old:
            raise self.fail(
                f"{where}old: say which text of the draft to change", self.lines.change(index)
            )
        if kind in ("replace", "insert-after") and not new:
            raise self.fail(
                f"{where}new: a {kind} needs the new text", self.lines.change(index, "kind")
            )
        return Change(kind, old, new)


def parse_review(text: str, *, path: str | Path = "review.toml") -> Review:
    """Parse the text of a review file; raise `ReviewFileError` naming the line."""
    source = Path(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        at = _AT.search(message)
        line = int(at.group(1)) if at else None
        message = _AT.sub("", message).strip().rstrip(".")
        raise ReviewFileError(source, f"not valid TOML: {message}", line=line) from None
    reader = _Reader(source, text)
    for key in data:
        if key not in _TOP_KEYS:
            raise reader.fail(
                f"unknown key {key!r} (known: {', '.join(_TOP_KEYS)})", reader.lines.top.get(key)
            )
    version = data.get("schema_version", REVIEW_SCHEMA_VERSION)
    if not isinstance(version, str) or version.split(".")[0] != REVIEW_SCHEMA_VERSION.split(".")[0]:
        raise reader.fail(
            f"schema_version: {version!r} is not supported (this version reads "
            f"{REVIEW_SCHEMA_VERSION})",
            reader.lines.top.get("schema_version"),
        )
    top = {
        k: reader.text(data, k, "", reader.lines.top.get(k))
        for k in ("draft", "draft_sha256", "body")
    }
    raw_entries = data.get("entry", [])
    if not isinstance(raw_entries, list):
        raise reader.fail(
            "entry: must be an array of tables ([[entry]])", reader.lines.top.get("entry")
        )
    entries = [reader.entry(i, item) for i, item in enumerate(raw_entries)]
    seen: dict[str, int] = {}
    for index, entry in enumerate(entries):
        if entry.id in seen:
            raise reader.fail(
                f"entry {index + 1}: id: {entry.id!r} is already used by entry "
                f"{seen[entry.id] + 1}",
                reader.lines.entry(index, "id"),
            )
        seen[entry.id] = index
    return Review(
        draft=top["draft"],
        draft_sha256=top["draft_sha256"],
        body=top["body"] or "unknown",
        entries=tuple(entries),
        schema_version=version,
    )


def read_review(path: str | Path) -> Review:
    """Read the review file at `path`; raise `ReviewFileError` (exit 2) when unusable."""
    source = Path(path)
    if source.is_dir():
        raise ReviewFileError(source, "is a directory, not a review file")
    try:
        size = source.stat().st_size
        if size > _MAX_BYTES:
            raise ReviewFileError(source, f"too large for a review file ({size} bytes)")
        text = source.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise ReviewFileError(source, "no such file") from None
    except UnicodeDecodeError as exc:
        raise ReviewFileError(source, f"not UTF-8 text (byte {exc.start})") from None
    except OSError as exc:
        raise ReviewFileError(source, f"cannot read: {exc.strerror}") from None
    return parse_review(text, path=source)


def statuses(entries: Iterable[ReviewEntry]) -> dict[str, int]:
    """Count entries per status."""
    out = dict.fromkeys(STATUSES, 0)
    for entry in entries:
        out[entry.status] += 1
    return out


__all__ = [
    "ReviewFileError",
    "dump_review",
    "header_text",
    "parse_review",
    "read_review",
    "statuses",
    "toml_string",
]
