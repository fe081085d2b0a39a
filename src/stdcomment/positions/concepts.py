"""Concepts: named vocabularies shared by every position (`positions/concepts/<id>.toml`).

A concept is a plain list of words and multi-word terms that mean one thing in a draft
("emotion": anger, frustration, valence, mood ...). Triggers compose concepts ("an emotion
word and an inference word in one sentence") instead of listing phrasings. A file:

    id = "emotion"
    title = "Emotions, affect and moods"
    terms = ["emotion", "affective state", "=mood", "valence"]
    include = ["basic-emotion"]           # optional: every term of these concepts too
    exclude = ["emotional intelligence"]  # optional: phrases that are never this concept

Terms match every inflection of their words (lemmas: "detect" = "detected" = "detecting");
`=term` matches only that form (plural and spelling variants aside). Exclusions match the
folded surface form. `check_concepts` reports unknown concepts, empty lists, duplicate terms
and cycles with file, line and field.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from ..matching.lemma import term_keys
from .fileindex import PathPart, _display, _LineIndex
from .model import _ID_RE, _TOML_AT_RE, MAX_FILE_BYTES, PositionProblem

CONCEPTS_FOLDER: Final = "concepts"
_KEYS: Final = frozenset({"id", "title", "description", "terms", "include", "exclude"})


@dataclass(frozen=True, slots=True)
class Concept:
    """One named vocabulary, as written in its file (includes not yet resolved)."""

    id: str
    title: str
    terms: tuple[str, ...]
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    description: str = ""
    path: Path = Path()


def concept_files(folder: Path) -> list[Path]:
    """Return the concept files of a position folder (`<folder>/concepts/*.toml`)."""
    sub = folder / CONCEPTS_FOLDER
    if not sub.is_dir():
        return []
    return sorted(p for p in sub.glob("*.toml") if p.is_file() and not p.name.startswith("."))


class _ConceptChecker:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.index = _LineIndex("")
        self.problems: list[PositionProblem] = []

    def add(self, where: tuple[PathPart, ...], message: str, *, line: int | None = None) -> None:
        self.problems.append(
            PositionProblem(
                self.path,
                line if line is not None else self.index.line(where),
                _display(where),
                message,
            )
        )

    def words(self, data: Mapping[str, Any], key: str, *, required: bool) -> tuple[str, ...]:
        if key not in data:
            if required:
                self.add((key,), "missing (required): a list of words and terms")
            return ()
        value = data[key]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.add((key,), "must be a list of texts")
            return ()
        if required and not value:
            self.add((key,), "is empty: list at least one word or term")
            return ()
        seen: dict[tuple[bool, tuple[str, ...]], str] = {}
        out: list[str] = []
        for raw in value:
            term = " ".join(raw.split())
            if not term or not term_keys(term)[1]:
                self.add((key,), f"holds an empty term {raw!r}")
                continue
            folded = term_keys("=" + term.lstrip("=") if key == "exclude" else term)
            if folded in seen:
                self.add((key,), f"duplicate term {raw!r} (same as {seen[folded]!r})")
                continue
            seen[folded] = raw
            out.append(term)
        return tuple(out)

    def load(self) -> Concept | None:
        try:
            if self.path.stat().st_size > MAX_FILE_BYTES:
                self.add((), f"file is larger than {MAX_FILE_BYTES} bytes")
                return None
            text = self.path.read_text("utf-8").removeprefix("\ufeff")
        except (OSError, UnicodeDecodeError) as exc:
            self.add((), f"cannot read as UTF-8 text: {exc}")
            return None
        self.index = _LineIndex(text)
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            found = _TOML_AT_RE.search(str(exc))
            self.add((), f"TOML syntax error: {_TOML_AT_RE.sub('', str(exc)).strip()}",
                     line=int(found.group(1)) if found else None)  # fmt: skip
            return None
        for key in data:
            if key not in _KEYS:
                self.add(
                    (key,), f"unknown key {key!r} (expected one of: {', '.join(sorted(_KEYS))})"
                )
        concept_id = data.get("id")
        if not isinstance(concept_id, str) or not _ID_RE.match(concept_id):
            self.add(("id",), "missing or invalid: lower-case letters, digits and hyphens")
            concept_id = ""
        elif concept_id != self.path.stem:
            self.add(("id",), f"{concept_id!r} differs from the file name {self.path.name!r}")
        title = data.get("title", "")
        if not isinstance(title, str) or not title.strip():
            self.add(("title",), "missing (required): a few words naming the concept")
            title = ""
        description = data.get("description", "")
        terms = self.words(data, "terms", required="include" not in data)
        include = self.words(data, "include", required=False)
        exclude = self.words(data, "exclude", required=False)
        if self.problems:
            return None
        return Concept(
            id=concept_id,
            title=title.strip(),
            terms=terms,
            include=include,
            exclude=exclude,
            description=str(description).strip(),
            path=self.path,
        )


def load_concepts(folders: Iterable[Path]) -> tuple[dict[str, Concept], list[PositionProblem]]:
    """Read the concept files of `folders` in order (a later file with the same id wins)."""
    concepts: dict[str, Concept] = {}
    problems: list[PositionProblem] = []
    for folder in folders:
        for path in concept_files(folder):
            checker = _ConceptChecker(path)
            concept = checker.load()
            problems.extend(checker.problems)
            if concept is not None:
                concepts[concept.id] = concept
    problems.extend(_check_includes(concepts))
    return concepts, problems


def _check_includes(concepts: Mapping[str, Concept]) -> list[PositionProblem]:
    problems: list[PositionProblem] = []
    for concept in concepts.values():
        line = _LineIndex(concept.path.read_text("utf-8")).line(("include",))
        for other in concept.include:
            if other not in concepts:
                problems.append(
                    PositionProblem(concept.path, line, "include", f"unknown concept {other!r}")
                )
    for concept in concepts.values():
        try:
            resolve_terms(concept.id, concepts)
        except ValueError as exc:
            line = _LineIndex(concept.path.read_text("utf-8")).line(("include",))
            problems.append(PositionProblem(concept.path, line, "include", str(exc)))
    return problems


def resolve_terms(concept_id: str, concepts: Mapping[str, Concept]) -> tuple[str, ...]:
    """Return the terms of a concept with those of every concept it includes (no cycles)."""
    out: list[str] = []
    seen: set[str] = set()

    def visit(cid: str, chain: tuple[str, ...]) -> None:
        if cid in chain:
            raise ValueError(f"includes itself through {' -> '.join((*chain, cid))}")
        concept = concepts.get(cid)
        if concept is None or cid in seen:
            return
        seen.add(cid)
        out.extend(concept.terms)
        for other in concept.include:
            visit(other, (*chain, cid))

    visit(concept_id, ())
    return tuple(dict.fromkeys(out))


def resolve_excludes(concept_id: str, concepts: Mapping[str, Concept]) -> tuple[str, ...]:
    """Return the exclusions of a concept and of the concepts it includes."""
    out: list[str] = []
    stack, seen = [concept_id], set()
    while stack:
        cid = stack.pop()
        if cid in seen or cid not in concepts:
            continue
        seen.add(cid)
        out.extend(concepts[cid].exclude)
        stack.extend(concepts[cid].include)
    return tuple(dict.fromkeys(out))
