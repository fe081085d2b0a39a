"""Scan speed: a 400-page draft against the full position library, and a folder of drafts.

    .venv/bin/python benchmarks/scan.py [--pages 400] [--folder 200] [--rounds 3]

1. Generates a `--pages` draft (benchmarks/gendrafts.py, variant `typed`), then measures the
   median of `--rounds` runs of parsing it (`read_draft`) and of scanning the parsed draft
   with every bundled position (`Scanner.scan`), in this process. Reports the scan time, its
   ratio to the parse time, the time to compile the scanner from the loaded library (target
   0.1 s), and the throughput in (clause, trigger) and (text, trigger)
   pairs per second. Target: the scan under 1 s on a 2-core machine.
2. Generates `--folder` small drafts (20 pages each, different seeds) and times
   `scan_paths(..., jobs=1)` against `jobs=2` (processes), each from a cold start of the
   workers, and reports the speed-up. Target: at least 1.6x.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.gendrafts import generate  # noqa: E402

from stdcomment.batch import ScanSettings, build_scanner, scan_paths  # noqa: E402
from stdcomment.readers import read_draft  # noqa: E402
from stdcomment.scan import scanned  # noqa: E402


def _median(func: object, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        func()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _whole_processes(path: Path, tmp: Path, rounds: int) -> dict[str, float]:
    """Median seconds of `stdcomment parse` and `stdcomment scan` as whole processes."""
    import os
    import subprocess

    exe = str(Path(sys.executable).with_name("stdcomment"))
    # bytecode may be cached, as in an installed package (see benchmarks/cli.py)
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}

    def run(*args: str) -> None:
        subprocess.run([exe, *args], check=True, capture_output=True, env=env)

    parse_p = _median(
        lambda: run("parse", str(path), "--format", "json", "-o", str(tmp / "p.json"), "--force"),
        rounds,
    )
    scan_p = _median(
        lambda: run("scan", str(path), "--format", "json", "-o", str(tmp / "s.json"), "--force"),
        rounds,
    )
    return {
        "parse_process_s": round(parse_p, 3),
        "scan_process_s": round(scan_p, 3),
        "scan_beyond_parse_s": round(scan_p - parse_p, 3),
    }


def single(pages: int, rounds: int) -> dict[str, float]:
    """Parse and scan one large draft."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"draft-{pages}.docx"
        path.write_bytes(generate(pages, "typed"))
        scanner = build_scanner(ScanSettings())
        from stdcomment.scan import Scanner

        build_s = _median(lambda: Scanner(scanner.positions, scanner.concepts), rounds)
        processes = _whole_processes(path, Path(tmp), rounds)
        draft = read_draft(path)
        scanner.scan(draft)  # warm-up: compiles and caches word keys
        parse_s = _median(lambda: read_draft(path), rounds)
        scan_s = _median(lambda: scanner.scan(draft), rounds)
        result = scanner.scan(draft)
        clauses = sum(1 for c in draft.walk() if scanned(c))
        triggers = scanner.trigger_count
        return {
            "pages": pages,
            "clauses": clauses,
            "blocks": result.blocks,
            "triggers": triggers,
            "positions": len(scanner.positions),
            "findings": len(result.findings),
            "build_scanner_s": round(build_s, 3),
            **processes,
            "parse_s": round(parse_s, 3),
            "scan_s": round(scan_s, 3),
            "scan_to_parse": round(scan_s / parse_s, 2),
            "clause_trigger_pairs_per_s": round(clauses * triggers / scan_s),
            "text_trigger_pairs_per_s": round(result.pairs / scan_s),
        }


def folder(count: int) -> dict[str, float]:
    """Scan `count` small drafts serially and on two processes."""
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for seed in range(count):
            path = Path(tmp) / f"draft-{seed:03d}.docx"
            path.write_bytes(generate(20, "typed", seed=seed))
            paths.append(path)
        settings = ScanSettings()
        start = time.perf_counter()
        serial = scan_paths(paths, settings, jobs=1)
        serial_s = time.perf_counter() - start
        start = time.perf_counter()
        parallel = scan_paths(paths, settings, jobs=2)
        parallel_s = time.perf_counter() - start
        same = [r.to_dict() for r in serial] == [r.to_dict() for r in parallel]
        return {
            "drafts": count,
            "serial_s": round(serial_s, 2),
            "jobs2_s": round(parallel_s, 2),
            "speedup": round(serial_s / parallel_s, 2),
            "same_results": same,
        }


def main(argv: list[str] | None = None) -> int:
    """Run both measurements and print them."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=400)
    parser.add_argument("--folder", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    one = single(args.pages, args.rounds)
    print(
        f"{one['pages']} pages, {one['clauses']} clauses, {one['blocks']} blocks, "
        f"{one['positions']} positions / {one['triggers']} triggers: "
        f"parse {one['parse_s']} s, scan {one['scan_s']} s "
        f"({one['scan_to_parse']}x parse), {one['findings']} findings; "
        f"{one['clause_trigger_pairs_per_s']:,} clause x trigger pairs/s, "
        f"{one['text_trigger_pairs_per_s']:,} text x trigger pairs/s; "
        f"scanner build {one['build_scanner_s']} s; whole processes: parse "
        f"{one['parse_process_s']} s, scan {one['scan_process_s']} s, "
        f"{one['scan_beyond_parse_s']} s beyond parsing",
        flush=True,
    )
    many = folder(args.folder) if args.folder else {}
    if many:
        print(
            f"{many['drafts']} drafts of 20 pages: serial {many['serial_s']} s, "
            f"--jobs 2 {many['jobs2_s']} s, speed-up {many['speedup']}x, "
            f"same results: {many['same_results']}"
        )
    if args.json:
        args.json.write_text(json.dumps({"single": one, "folder": many}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
