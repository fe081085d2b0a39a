"""Validate one position file: every key, type, range, pattern and template."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Final

from ..model import Requirement
from .comments import _tidy, sample_context
from .fileindex import PathPart, _display, _LineIndex
from .model import (
    _ID_RE,
    _PAGES_RE,
    _TOML_AT_RE,
    ACTION_KINDS,
    BODIES,
    CONTEXT_VARIABLES,
    EVIDENCE_RANGE,
    HARD_COMMENT_LIMIT,
    IEEE_CATEGORIES,
    ISO_TYPES,
    MIN_TRIGGERS,
    SOFT_COMMENT_LIMIT,
    Action,
    CommentTemplates,
    Evidence,
    Position,
    PositionProblem,
    ReportRef,
    Right,
    Severity,
    Trigger,
)

# -- validation -----------------------------------------------------------------------------

_TOP_KEYS: Final = frozenset(
    {
        "id",
        "title",
        "stance",
        "rationale",
        "rights",
        "report",
        "evidence",
        "triggers",
        "actions",
        "comment",
        "exclude",
        "subject",
    }
)
_RIGHT_KEYS: Final = frozenset({"instrument", "article", "note"})
_REPORT_KEYS: Final = frozenset({"section", "subsection", "pages"})
_EVIDENCE_KEYS: Final = frozenset({"fact", "section", "keys", "quote"})
_TRIGGER_KEYS: Final = frozenset(
    {"label", "phrase", "weight", "pattern", "terms", "all", "context", "not_near", "exclude",
     "window", "near"}
)  # fmt: skip
_ACTION_KEYS: Final = frozenset({"kind", "summary", "model_text"})
_COMMENT_KEYS: Final[dict[str, frozenset[str]]] = {
    "itu-t": frozenset({"discussion", "proposed_change"}),
    "ieee": frozenset({"category", "must_be_satisfied", "comment", "proposed_change"}),
    "iso": frozenset({"type", "comment", "proposed_change"}),
}


class _FileChecker:
    """Validate one position file, collecting every problem with its line and field."""

    def __init__(self, path: Path, *, thorough: bool = True, templates: bool = True) -> None:
        self.path = path
        self.thorough = thorough
        self.templates = templates or thorough  # False: trust the templates (bundled files)
        self.problems: list[PositionProblem] = []
        self.index = _LineIndex("")

    # problems

    def add(
        self,
        where: Sequence[PathPart],
        message: str,
        *,
        severity: Severity = "error",
        line: int | None = None,
    ) -> None:
        self.problems.append(
            PositionProblem(
                path=self.path,
                line=line if line is not None else self.index.line(where),
                field=_display(where),
                message=message,
                severity=severity,
            )
        )

    @property
    def failed(self) -> bool:
        return any(p.severity == "error" for p in self.problems)

    # typed getters

    def unknown(
        self, table: Mapping[str, Any], allowed: frozenset[str], where: tuple[PathPart, ...]
    ) -> None:
        for key in table:
            if key not in allowed:
                known = ", ".join(sorted(allowed))
                self.add((*where, key), f"unknown key {key!r} (expected one of: {known})")

    def text(
        self,
        table: Mapping[str, Any],
        key: str,
        where: tuple[PathPart, ...],
        *,
        required: bool = True,
    ) -> str:
        path = (*where, key)
        if key not in table:
            if required:
                self.add(path, "missing (required)", line=self.index.line(where))
            return ""
        value = table[key]
        if not isinstance(value, str):
            self.add(path, f"must be text, got {_type_name(value)}")
            return ""
        if required and not value.strip():
            self.add(path, "must not be empty")
        return value.strip()

    def text_list(
        self,
        table: Mapping[str, Any],
        key: str,
        where: tuple[PathPart, ...],
        *,
        required: bool = False,
    ) -> tuple[str, ...]:
        path = (*where, key)
        if key not in table:
            if required:
                self.add(path, "missing (required)", line=self.index.line(where))
            return ()
        value = table[key]
        if not isinstance(value, list):
            self.add(path, f"must be a list of texts, got {_type_name(value)}")
            return ()
        out: list[str] = []
        for item in value:
            if not isinstance(item, str):
                self.add(path, f"must be a list of texts, holds {_type_name(item)}")
                return ()
            if not item.strip():
                self.add(path, "holds an empty text")
                return ()
            out.append(item.strip())
        return tuple(out)

    def tables(
        self,
        table: Mapping[str, Any],
        key: str,
        *,
        required: bool = True,
    ) -> list[dict[str, Any]]:
        if key not in table:
            if required:
                self.add((key,), f"missing (required): add at least one [[{key}]] table", line=None)
            return []
        value = table[key]
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.add((key,), f"must be a list of tables ([[{key}]]), got {_type_name(value)}")
            return []
        if required and not value:
            self.add((key,), f"needs at least one [[{key}]] table")
        return value

    # the file

    def check_text(self, text: str) -> dict[str, Any] | None:
        self.index = _LineIndex(text)
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            message = str(exc)
            found = _TOML_AT_RE.search(message)
            line = int(found.group(1)) if found else None
            redefined = "overwrite" in message or "declare" in message
            if self.index.duplicates and (redefined or line is None):
                dup_path, dup_line = self.index.duplicates[0]
                self.add(dup_path, "defined twice", line=dup_line)
                return None
            self.add((), f"TOML syntax error: {_TOML_AT_RE.sub('', message).strip()}", line=line)
            return None
        return data

    def check(self, data: Mapping[str, Any]) -> Position | None:
        self.unknown(data, _TOP_KEYS, ())
        position_id = self.text(data, "id", ())
        if position_id:
            if not _ID_RE.match(position_id):
                self.add(
                    ("id",),
                    f"{position_id!r} is not a valid id: "
                    "use lower-case letters, digits and hyphens",
                )
            elif position_id != self.path.stem:
                self.add(
                    ("id",),
                    f"{position_id!r} differs from the file name {self.path.name!r}: "
                    f"name the file {position_id}.toml or change the id",
                )
        title = self.text(data, "title", ())
        stance = self.text(data, "stance", ())
        rationale = self.text(data, "rationale", ())
        exclude = self.text_list(data, "exclude", ())
        subject = self.text_list(data, "subject", ())
        rights = self._rights(data)
        report = self._report(data)
        evidence = self._evidence(data)
        triggers = self._triggers(data)
        actions = self._actions(data)
        comments = self._comments(data)
        if self.failed:
            return None
        position = Position(
            id=position_id,
            title=title,
            stance=stance,
            rationale=rationale,
            rights=rights,
            report=report,
            evidence=evidence,
            triggers=triggers,
            actions=actions,
            comments=comments,
            exclude=exclude,
            subject=subject,
            path=self.path,
        )
        if self.thorough:
            self._check_rendering(position)
        self._check_aims(position)
        return None if self.failed else position

    def _rights(self, data: Mapping[str, Any]) -> tuple[Right, ...]:
        out: list[Right] = []
        for i, item in enumerate(self.tables(data, "rights")):
            where = ("rights", i)
            self.unknown(item, _RIGHT_KEYS, where)
            out.append(
                Right(
                    instrument=self.text(item, "instrument", where),
                    article=self.text(item, "article", where),
                    note=self.text(item, "note", where, required=False),
                )
            )
        return tuple(out)

    def _report(self, data: Mapping[str, Any]) -> tuple[ReportRef, ...]:
        out: list[ReportRef] = []
        for i, item in enumerate(self.tables(data, "report", required=False)):
            where = ("report", i)
            self.unknown(item, _REPORT_KEYS, where)
            pages = self.text(item, "pages", where, required=False)
            if pages and not _PAGES_RE.match(pages):
                self.add((*where, "pages"), f"{pages!r} is not a page list such as '30-31, 34'")
            out.append(
                ReportRef(
                    section=self.text(item, "section", where),
                    subsection=self.text(item, "subsection", where, required=False),
                    pages=pages,
                )
            )
        return tuple(out)

    def _evidence(self, data: Mapping[str, Any]) -> tuple[Evidence, ...]:
        out: list[Evidence] = []
        for i, item in enumerate(self.tables(data, "evidence", required=False)):
            where = ("evidence", i)
            self.unknown(item, _EVIDENCE_KEYS, where)
            keys = self.text_list(item, "keys", where, required=True)
            if (
                "keys" in item
                and isinstance(item["keys"], list)
                and not 1 <= len(item["keys"]) <= 4
            ):
                self.add((*where, "keys"), f"give 1 to 4 key strings, not {len(item['keys'])}")
            out.append(
                Evidence(
                    fact=self.text(item, "fact", where),
                    section=self.text(item, "section", where),
                    keys=keys,
                    quote=self.text(item, "quote", where, required=False),
                )
            )
        return tuple(out)

    def _triggers(self, data: Mapping[str, Any]) -> tuple[Trigger, ...]:
        out: list[Trigger] = []
        seen: dict[str, int] = {}
        for i, item in enumerate(self.tables(data, "triggers")):
            where = ("triggers", i)
            self.unknown(item, _TRIGGER_KEYS, where)
            if "near" in item:
                self.add(
                    (*where, "near"),
                    "`near` word lists are replaced by concepts: name concept files in `all` "
                    "(see positions/README.md)",
                )
            label_key = "label" if "label" in item or "phrase" not in item else "phrase"
            label = self.text(item, label_key, where)
            weight = self._weight(item, where)
            pattern = self.text(item, "pattern", where, required=False)
            if pattern:
                self._pattern(pattern, (*where, "pattern"))
            terms = self.text_list(item, "terms", where)
            groups = self._groups(item, where)
            if label_key == "phrase" and label and not (terms or groups or pattern):
                terms = (label,)
            if not (terms or groups or pattern) and label:
                self.add(where, f"trigger {label!r} needs `terms`, `all` or `pattern`")
            context = self._concept_list(item, "context", where)
            not_near = self._concept_list(item, "not_near", where)
            exclude = self.text_list(item, "exclude", where)
            window = self._window(item, where)
            if label:
                key = phrase_key(label)
                if key in seen:
                    self.add(
                        (*where, label_key),
                        f"duplicate trigger label {label!r} (same as triggers[{seen[key] + 1}])",
                    )
                else:
                    seen[key] = i
            if weight is not None and weight < 0.5 and not (context or len(groups) > 1):
                self.add(
                    (*where, "context"),
                    f"weak trigger {label!r} (weight {weight:g}) has no context concepts; "
                    "it will match on its own",
                    severity="warning",
                )
            out.append(
                Trigger(
                    phrase=label,
                    weight=weight if weight is not None else 0.0,
                    pattern=pattern,
                    context=context,
                    exclude=exclude,
                    terms=terms,
                    concepts=groups,
                    not_near=not_near,
                    window=window,
                )
            )
        return tuple(out)

    def _groups(
        self, item: Mapping[str, Any], where: tuple[PathPart, ...]
    ) -> tuple[tuple[str, ...], ...]:
        """Read `all`: concept ids that must all occur ("a|b" or a list: one of them)."""
        path = (*where, "all")
        if "all" not in item:
            return ()
        value = item["all"]
        if not isinstance(value, list) or not value:
            self.add(path, "must be a non-empty list of concept ids")
            return ()
        groups: list[tuple[str, ...]] = []
        for entry in value:
            names = entry.split("|") if isinstance(entry, str) else entry
            if not isinstance(names, list | tuple) or not names:
                self.add(path, f"holds {entry!r}: give concept ids ('emotion|mood' or a list)")
                return ()
            group = tuple(str(n).strip() for n in names)
            bad = [n for n in group if not _ID_RE.match(n)]
            if bad:
                self.add(path, f"{bad[0]!r} is not a concept id")
                return ()
            groups.append(group)
        return tuple(groups)

    def _concept_list(
        self, item: Mapping[str, Any], key: str, where: tuple[PathPart, ...]
    ) -> tuple[str, ...]:
        names = self.text_list(item, key, where)
        bad = [n for n in names if not _ID_RE.match(n)]
        if bad:
            self.add((*where, key), f"{bad[0]!r} is not a concept id (name a concept file)")
            return ()
        return names

    def _window(self, item: Mapping[str, Any], where: tuple[PathPart, ...]) -> int:
        if "window" not in item:
            return 0
        value = item["window"]
        if isinstance(value, bool) or not isinstance(value, int) or not 2 <= value <= 40:
            self.add(
                (*where, "window"), f"must be a whole number of words from 2 to 40, got {value!r}"
            )
            return 0
        if "all" not in item:
            self.add((*where, "window"), "only applies with `all`")
        return value

    def _weight(self, item: Mapping[str, Any], where: tuple[PathPart, ...]) -> float | None:
        path = (*where, "weight")
        if "weight" not in item:
            self.add(path, "missing (required)", line=self.index.line(where))
            return None
        value = item["weight"]
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.add(path, f"must be a number between 0 and 1, got {_type_name(value)}")
            return None
        if not 0.0 <= float(value) <= 1.0:
            self.add(path, f"must be between 0 and 1, got {value}")
            return None
        return float(value)

    def _pattern(self, pattern: str, path: tuple[PathPart, ...]) -> None:
        try:
            compiled = re.compile(pattern, re.IGNORECASE)
        except re.error as exc:
            at = f" at position {exc.pos}" if exc.pos is not None else ""
            self.add(path, f"invalid regular expression: {exc.msg}{at}")
            return
        except (RecursionError, OverflowError, ValueError) as exc:
            self.add(path, f"invalid regular expression: {exc}")
            return
        if compiled.search("") is not None:
            self.add(path, "regular expression matches empty text; it would match everywhere")

    def _actions(self, data: Mapping[str, Any]) -> tuple[Action, ...]:
        out: list[Action] = []
        for i, item in enumerate(self.tables(data, "actions")):
            where = ("actions", i)
            self.unknown(item, _ACTION_KEYS, where)
            kind = self.text(item, "kind", where)
            if kind and kind not in ACTION_KINDS:
                self.add(
                    (*where, "kind"),
                    f"unknown action kind {kind!r} (expected one of: {', '.join(ACTION_KINDS)})",
                )
            summary = self.text(item, "summary", where)
            model_text = self.text(item, "model_text", where, required=kind not in ("", "delete"))
            out.append(Action(kind=kind, summary=summary, model_text=model_text))
        return tuple(out)

    def _comments(self, data: Mapping[str, Any]) -> tuple[CommentTemplates, ...]:
        if "comment" not in data:
            self.add(
                ("comment",),
                "missing (required): add [comment.itu-t], [comment.ieee], [comment.iso]",
            )
            return ()
        section = data["comment"]
        if not isinstance(section, dict):
            self.add(("comment",), f"must be a table, got {_type_name(section)}")
            return ()
        for body in section:
            if body not in BODIES:
                self.add(
                    ("comment", body),
                    f"unknown body {body!r} (expected one of: {', '.join(BODIES)})",
                )
        out: list[CommentTemplates] = []
        for body in BODIES:
            where: tuple[PathPart, ...] = ("comment", body)
            if body not in section:
                self.add(
                    where,
                    f"missing (required): add a [comment.{body}] table",
                    line=self.index.line(("comment",)),
                )
                continue
            table = section[body]
            if not isinstance(table, dict):
                self.add(where, f"must be a table, got {_type_name(table)}")
                continue
            self.unknown(table, _COMMENT_KEYS[body], where)
            main = "discussion" if body == "itu-t" else "comment"
            comment = self.text(table, main, where)
            proposed = self.text(table, "proposed_change", where)
            category = ""
            satisfied = False
            comment_type = ""
            if body == "ieee":
                category = self.text(table, "category", where)
                if category and category not in IEEE_CATEGORIES:
                    self.add(
                        (*where, "category"),
                        f"{category!r} is not an IEEE comment category "
                        f"(expected one of: {', '.join(IEEE_CATEGORIES)})",
                    )
                if "must_be_satisfied" not in table:
                    self.add(
                        (*where, "must_be_satisfied"),
                        "missing (required)",
                        line=self.index.line(where),
                    )
                elif not isinstance(table["must_be_satisfied"], bool):
                    self.add(
                        (*where, "must_be_satisfied"),
                        f"must be true or false, got {_type_name(table['must_be_satisfied'])}",
                    )
                else:
                    satisfied = table["must_be_satisfied"]
            if body == "iso":
                comment_type = self.text(table, "type", where)
                if comment_type and comment_type not in ISO_TYPES:
                    self.add(
                        (*where, "type"),
                        f"{comment_type!r} is not an ISO comment type "
                        f"(expected one of: {', '.join(ISO_TYPES)})",
                    )
            for name, source in ((main, comment), ("proposed_change", proposed)):
                if source:
                    self._compile(source, (*where, name))
            out.append(
                CommentTemplates(
                    body=body,
                    comment=comment,
                    proposed_change=proposed,
                    category=category,
                    must_be_satisfied=satisfied,
                    type=comment_type,
                )
            )
        return tuple(out)

    def _compile(self, source: str, path: tuple[PathPart, ...]) -> bool:
        if not self.templates:
            return True
        # jinja2 is loaded only where templates are checked: a scan of the bundled library,
        # whose templates the tests check, does not import it (25 ms)
        from ..render import RenderError, compile_with_names, template_names

        try:
            if self.thorough:
                names = compile_with_names(source, origin=self.path)[1]
            else:
                names = template_names(source, origin=self.path)
        except RenderError as exc:
            self.add(path, exc.problem, line=self._template_line(path, exc.template_line))
            return False
        unknown = sorted(set(names) - CONTEXT_VARIABLES)
        if unknown:
            allowed = ", ".join(sorted(CONTEXT_VARIABLES))
            where = re.search(rf"\b{re.escape(unknown[0])}\b", source)
            template_line = source.count("\n", 0, where.start()) + 1 if where else None
            self.add(
                path,
                f"undefined variable {', '.join(repr(n) for n in unknown)} (available: {allowed})",
                line=self._template_line(path, template_line),
            )
            return False
        return True

    def _template_line(self, path: Sequence[PathPart], template_line: int | None) -> int | None:
        start = self.index.template_start(path)
        if start is None or template_line is None:
            return start
        return start + template_line - 1

    def _check_rendering(self, position: Position) -> None:
        """Render every template against the sample findings: all strengths, normative or not."""
        from ..render import RenderError, compile_string, render_template

        for templates in position.comments:
            main = "discussion" if templates.body == "itu-t" else "comment"
            reported: set[str] = set()
            for requirement, informative in _sample_cases():
                context = sample_context(
                    position,
                    requirement=str(requirement),
                    informative=informative,
                    body=templates.body,
                )
                for name, source in (
                    (main, templates.comment),
                    ("proposed_change", templates.proposed_change),
                ):
                    if name in reported:
                        continue
                    path = ("comment", templates.body, name)
                    try:
                        text = _tidy(
                            render_template(
                                compile_string(source, origin=self.path),
                                context,
                                origin=self.path,
                            )
                        )
                    except RenderError as exc:
                        reported.add(name)
                        self.add(
                            path,
                            f"{exc.problem} (sample finding: requirement {str(requirement)!r}, "
                            f"informative {str(informative).lower()})",
                            line=self._template_line(path, exc.template_line),
                        )
                        continue
                    if not text:
                        reported.add(name)
                        self.add(
                            path,
                            f"renders as empty text when requirement is {str(requirement)!r}"
                            f" and informative is {str(informative).lower()}",
                        )
                    elif len(text) > HARD_COMMENT_LIMIT:
                        reported.add(name)
                        self.add(
                            path,
                            f"renders {len(text)} characters "
                            f"(IEEE allows {HARD_COMMENT_LIMIT} per field)",
                        )
                    elif len(text) > SOFT_COMMENT_LIMIT:
                        reported.add(name)
                        self.add(
                            path,
                            f"renders {len(text)} characters; keep comments under about "
                            f"{SOFT_COMMENT_LIMIT}",
                            severity="warning",
                        )

    def _check_aims(self, position: Position) -> None:
        if len(position.triggers) < MIN_TRIGGERS:
            self.add(
                ("triggers",),
                f"{len(position.triggers)} triggers; aim for at least {MIN_TRIGGERS} covering "
                "the words drafts use",
                severity="warning",
                line=self.index.line(("triggers", 0)),
            )
        low, high = EVIDENCE_RANGE
        if not low <= len(position.evidence) <= high:
            self.add(
                ("evidence",),
                f"{len(position.evidence)} evidence items; "
                f"give {low} to {high} facts from the report",
                severity="warning",
                line=self.index.line(("evidence", 0)) or self.index.line(("id",)),
            )
        if not position.report:
            self.add(
                ("report",),
                "no [[report]] reference; say where in the report the position comes from",
                severity="warning",
                line=self.index.line(("id",)),
            )


def _sample_cases() -> list[tuple[str, bool]]:
    """The (requirement, informative) pairs `check` renders every template against."""
    return [(str(r), informative) for r in Requirement for informative in (False, True)]


def _type_name(value: object) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__


_PLURAL = re.compile(r"(?<=[a-z]{3})(es|s)\b")


def phrase_key(phrase: str) -> str:
    """Normalise a trigger phrase for duplicate detection.

    Case, hyphens and spaces ("micro-expression" / "micro expression" / "microexpression"),
    British/American spelling (-our/-or, -ise/-ize) and plural endings are ignored.
    """
    text = phrase.casefold().replace("_", " ")
    text = re.sub(r"our\b", "or", text)
    text = re.sub(r"is(e|es|ed|ing|ation|ations)\b", r"iz\1", text)
    text = _PLURAL.sub("", text)
    return re.sub(r"[\s\-‐‑–]+", "", text)
