"""Read position files and folders into a library: the bundled one, then the user's."""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Sequence
from pathlib import Path

from ..resources import data_dir
from .checker import _FileChecker
from .concepts import Concept, load_concepts
from .fileindex import _LineIndex
from .model import MAX_FILE_BYTES, Position, PositionError, PositionLibrary, PositionProblem

# -- reading files and folders --------------------------------------------------------------

_CACHE: dict[
    tuple[str, bytes, bool, bool], tuple[Position | None, tuple[PositionProblem, ...]]
] = {}


def check_file(
    path: Path, *, thorough: bool = True, templates: bool = True
) -> tuple[Position | None, list[PositionProblem]]:
    """Validate one position file: the position (None when invalid) and every problem.

    `thorough` (as `positions check` does) compiles every comment template and renders it
    against the sample finding at every requirement strength, normative and informative.
    Otherwise (loading) templates are only parsed: syntax errors and unknown names are
    found, a misspelt attribute only when the comment is rendered. `templates` false (the
    bundled library, which the test suite checks thoroughly) skips parsing them at load.
    """
    checker = _FileChecker(path, thorough=thorough, templates=templates)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            checker.add((), f"file is {size} bytes; a position file is at most {MAX_FILE_BYTES}")
            return None, list(checker.problems)
        raw = path.read_bytes()
    except OSError as exc:
        checker.add((), f"cannot read: {exc.strerror or exc}")
        return None, list(checker.problems)
    digest = hashlib.blake2b(raw, digest_size=16).digest()
    key = (str(path.resolve()), digest, thorough, templates)
    cached = _CACHE.get(key) or _CACHE.get((key[0], digest, True, True))
    if cached is not None:
        return cached[0], list(cached[1])
    position: Position | None = None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        checker.add((), f"not UTF-8 text (byte {exc.start})")
    else:
        data = checker.check_text(text.removeprefix("\ufeff"))
        if data is not None:
            position = checker.check(data)
    _CACHE[key] = (position, tuple(checker.problems))
    return position, list(checker.problems)


def position_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.toml") if p.is_file() and not p.name.startswith("."))


def _check_folder(
    folder: Path, *, thorough: bool = True, templates: bool = True
) -> tuple[list[Position], list[PositionProblem]]:
    if not folder.is_dir():
        return [], [PositionProblem(folder, None, "", "not a folder of position files")]
    files = position_files(folder)
    if not files:
        return [], [PositionProblem(folder, None, "", "holds no position files (*.toml)")]
    checked = [(path, *check_file(path, thorough=thorough, templates=templates)) for path in files]
    declared = {path: (pos.id if pos else _declared_id(path)) for path, pos, _ in checked}
    owners: dict[str, Path] = {}
    for path, _, _ in checked:  # the file named after its id owns it, else the first
        pid = declared[path]
        if pid and (pid not in owners or path.stem == pid != owners[pid].stem):
            owners[pid] = path
    positions: list[Position] = []
    problems: list[PositionProblem] = []
    for path, position, found in checked:
        problems.extend(found)
        pid = declared[path]
        if pid and owners[pid] != path:
            problems.append(
                PositionProblem(
                    path,
                    _id_line(path),
                    "id",
                    f"duplicate id {pid!r} (also in {owners[pid].name})",
                )
            )
            continue
        if position is not None:
            positions.append(position)
    return positions, problems


def _concept_problems(
    positions: Sequence[Position], concepts: dict[str, Concept]
) -> list[PositionProblem]:
    """Every trigger naming a concept that no concept file defines, with file and line."""
    problems: list[PositionProblem] = []
    for position in positions:
        index: _LineIndex | None = None
        for name in position.subject:
            if name not in concepts:
                index = index or _LineIndex(position.path.read_text("utf-8"))
                problems.append(
                    PositionProblem(
                        position.path,
                        index.line(("subject",)),
                        "subject",
                        f"unknown concept {name!r} (no file concepts/{name}.toml)",
                    )
                )
        for i, trigger in enumerate(position.triggers):
            for name in trigger.concept_ids():
                if name in concepts:
                    continue
                if index is None:
                    index = _LineIndex(position.path.read_text("utf-8"))
                field = next(
                    key
                    for key, names in (
                        ("all", [c for g in trigger.concepts for c in g]),
                        ("context", trigger.context),
                        ("not_near", trigger.not_near),
                    )
                    if name in names
                )
                problems.append(
                    PositionProblem(
                        position.path,
                        index.line(("triggers", i, field)),
                        f"triggers[{i + 1}].{field}",
                        f"unknown concept {name!r} (no file concepts/{name}.toml)",
                    )
                )
    return problems


def folder_concepts(folder: Path) -> tuple[dict[str, Concept], list[PositionProblem]]:
    """The concepts a folder's positions see: the bundled ones, then the folder's own."""
    bundled = bundled_dir()
    folders = [bundled] if folder.resolve() == bundled.resolve() else [bundled, folder]
    return load_concepts(folders)


def _declared_id(path: Path) -> str:
    """The id a file declares, read leniently (for duplicate detection in broken files)."""
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return ""
    value = data.get("id")
    return value.strip() if isinstance(value, str) else ""


def _id_line(path: Path) -> int | None:
    try:
        return _LineIndex(path.read_text("utf-8")).line(("id",))
    except (OSError, UnicodeDecodeError):
        return None


def check_positions(folder: str | Path | None = None) -> list[PositionProblem]:
    """Return every problem (errors and warnings) of the position files in `folder`.

    Without a folder, the bundled library is checked.
    """
    target = Path(folder) if folder is not None else data_dir("positions")
    positions, problems = _check_folder(target)
    concepts, concept_problems = folder_concepts(target)
    return [*problems, *concept_problems, *_concept_problems(positions, concepts)]


def bundled_dir() -> Path:
    """Return the folder of the bundled position library."""
    return data_dir("positions")


def load_positions(dirs: Sequence[str | Path] = (), *, bundled: bool = True) -> PositionLibrary:
    """Load the bundled library (unless `bundled` is false), then each folder of `dirs` on top.

    A file whose id is already loaded replaces that position in place; a new id is added at
    the end. The first error raises `PositionError`; warnings are ignored here. Comment
    templates are parsed, not rendered, to keep loading fast: `check_positions` renders them
    all, and `render_comment` reports a template error with the file and field.
    """
    folders = ([bundled_dir()] if bundled else []) + [Path(d) for d in dirs]
    if not folders:
        raise PositionError(
            Path("."), "", "no position folder given and the bundled library is off"
        )
    order: list[str] = []
    chosen: dict[str, Position] = {}
    # concepts are shared vocabulary: the bundled ones stay available with --only-positions
    concept_folders = list(dict.fromkeys([bundled_dir(), *folders]))
    concepts, concept_problems = load_concepts(concept_folders)
    if concept_problems:
        raise concept_problems[0].to_error()
    for folder in folders:
        bundled_folder = folder.resolve() == bundled_dir().resolve()
        positions, problems = _check_folder(folder, thorough=False, templates=not bundled_folder)
        errors = [p for p in problems if p.severity == "error"]
        if errors:
            raise errors[0].to_error()
        for position in positions:
            if position.id not in chosen:
                order.append(position.id)
            chosen[position.id] = position
    loaded = tuple(chosen[i] for i in order)
    unknown = _concept_problems(loaded, concepts)
    if unknown:
        raise unknown[0].to_error()
    return PositionLibrary(positions=loaded, sources=tuple(folders), concepts=concepts)
