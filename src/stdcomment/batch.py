"""Scan many drafts: expand folders, spread the work over processes, keep going on errors."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError, StdcommentError
from .findings import ScanResult
from .model import Body
from .readers import READERS, read_draft
from .scan import DEFAULT_MIN_SCORE, Scanner


@dataclass(frozen=True)
class ScanSettings:
    """Everything a worker needs to scan a draft (picklable)."""

    positions: tuple[str, ...] = ()  # user position folders
    bundled: bool = True
    only: tuple[str, ...] = ()  # position ids to keep
    min_score: float = DEFAULT_MIN_SCORE
    view: str = "current"
    body: str | None = None


def draft_paths(inputs: Sequence[str | Path]) -> list[Path]:
    """Return the draft files named by `inputs`; folders give their drafts, sorted."""
    found: list[Path] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            drafts = sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in READERS and not p.name.startswith("~$")
            )
            if not drafts:
                raise InputError(path, "folder holds no drafts (.docx)")
            found.extend(drafts)
        else:
            found.append(path)
    return found


_WORKER: Scanner | None = None


def build_scanner(settings: ScanSettings) -> Scanner:
    """Return a scanner over the position library `settings` names."""
    from .positions import load_positions

    library = load_positions([Path(p) for p in settings.positions], bundled=settings.bundled)
    positions = list(library)
    if settings.only:
        known = {p.id for p in positions}
        unknown = sorted(set(settings.only) - known)
        if unknown:
            raise StdcommentError(f"unknown position id(s): {', '.join(unknown)}")
        positions = [p for p in positions if p.id in settings.only]
    return Scanner(positions, library.concepts)


def _init_worker(settings: ScanSettings) -> None:
    global _WORKER
    _WORKER = build_scanner(settings)


def scan_one(path: Path, settings: ScanSettings, scanner: Scanner | None = None) -> ScanResult:
    """Scan one draft; a draft that cannot be read gives a result holding the error."""
    active = scanner or _WORKER
    if active is None:
        active = build_scanner(settings)
    try:
        draft = read_draft(
            path, view=settings.view, body=Body(settings.body) if settings.body else None
        )
        return active.scan(draft, min_score=settings.min_score)
    except StdcommentError as exc:
        return ScanResult(str(path), "", "", "", settings.min_score, (), (), error=str(exc))
    except Exception as exc:  # a bug on one draft must not stop a folder scan
        problem = f"internal error: {type(exc).__name__}: {exc}"
        return ScanResult(str(path), "", "", "", settings.min_score, (), (), error=problem)


def _worker_scan(args: tuple[Path, ScanSettings]) -> ScanResult:
    path, settings = args
    return scan_one(path, settings)


def scan_paths(
    paths: Sequence[Path],
    settings: ScanSettings,
    *,
    jobs: int = 1,
    progress: Callable[[Iterator[ScanResult], int], Iterator[ScanResult]] | None = None,
) -> list[ScanResult]:
    """Scan `paths` (in parallel with `jobs` > 1) and return results in the order given."""
    jobs = max(1, min(jobs, len(paths), os.cpu_count() or 1))
    if jobs == 1:
        scanner = build_scanner(settings)
        iterator: Iterator[ScanResult] = (scan_one(p, settings, scanner) for p in paths)
        if progress is not None:
            iterator = progress(iterator, len(paths))
        return list(iterator)
    global _WORKER
    import multiprocessing  # only for parallel scans (10 ms of imports a serial scan skips)
    from concurrent.futures import ProcessPoolExecutor

    scanner = build_scanner(settings)  # fail early (bad positions) before starting workers
    if "fork" in multiprocessing.get_all_start_methods():
        # forked workers inherit the compiled scanner instead of loading the library again
        _WORKER = scanner
        executor = ProcessPoolExecutor(
            max_workers=jobs, mp_context=multiprocessing.get_context("fork")
        )
    else:  # pragma: no cover - spawn-only platforms
        executor = ProcessPoolExecutor(
            max_workers=jobs, initializer=_init_worker, initargs=(settings,)
        )
    try:
        with executor as pool:
            chunk = max(1, len(paths) // (jobs * 8))
            mapped = pool.map(_worker_scan, [(p, settings) for p in paths], chunksize=chunk)
            if progress is not None:
                mapped = progress(mapped, len(paths))
            return list(mapped)
    finally:
        _WORKER = None
