"""Whole-process speed and memory of the command line, as ratios to floors run in the same run.

    .venv/bin/python benchmarks/cli.py [--pages 400] [--rounds 5] [--json FILE]

Every figure is the wall time of a fresh process (what a delegate waits for at the prompt),
the median of `--rounds` rounds; in each round every command runs once, in turn, so that a
slow spell of the (shared) machine hits them all alike. The drafts are generated
(benchmarks/gendrafts.py): `wordlike` (XML as Word writes it: rsids, 3-8 runs a paragraph with
full run properties, bookmarks), `typed` (lean XML) and `v2` (the next revision of `typed`).

Processes timed:
  python            `python -c pass`: the interpreter alone
  --version, --help `stdcomment --version`, `stdcomment --help`       target: <= 0.15 s
  floor             a Python process that unzips word/document.xml and walks every element
                    with lxml, nothing else
  python-docx       a process reading every paragraph's style and text and every table cell
  parse             `stdcomment parse DRAFT --format json`               target: <= 3x floor
  read both         a process that reads OLD and NEW with `read_draft` (no output)
  diff              `stdcomment diff OLD NEW --format json` (default: with the concerns delta)
                    and with `--no-concerns`      target: diff with concerns <= read both + 1 s

The peak RSS of each parse process is read once (through a small launcher, since Linux
carries a parent's peak into its children) and reported beside the unzipped XML size and the
RSS of a process that only imports the reader (target: at most 10x the XML above that).

Every process runs with PYTHONDONTWRITEBYTECODE removed from its environment, so the warm-up
round leaves compiled .pyc files behind, as an installed package has them; with that variable
set (as on some CI machines) every process would compile its modules from source each time.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.gendrafts import generate  # noqa: E402

PY = sys.executable
_SCRIPT = Path(PY).parent / "stdcomment"
STDCOMMENT = (
    [str(_SCRIPT)]
    if _SCRIPT.exists()
    else [PY, "-c", "from stdcomment.cli.main import main; main()"]
)

FLOOR = """
import sys, zipfile
from lxml import etree
with zipfile.ZipFile(sys.argv[1]) as archive:
    root = etree.fromstring(archive.read("word/document.xml"))
for element in root.iter():
    pass
"""

PYTHON_DOCX = """
import sys
import docx
document = docx.Document(sys.argv[1])
texts = [(p.style.name if p.style is not None else "", p.text) for p in document.paragraphs]
for table in document.tables:
    for row in table.rows:
        texts.extend(("cell", cell.text) for cell in row.cells)
"""

READ_BOTH = """
import sys
from stdcomment.readers import read_draft
read_draft(sys.argv[1]); read_draft(sys.argv[2])
"""

IMPORT_ONLY = "import stdcomment.readers.docx"

_LAUNCHER = (
    "import resource, subprocess, sys\n"
    "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


#: the environment of every timed process: bytecode may be cached, as in an installed package
ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


def run_once(command: list[str]) -> float:
    """Run `command` (output discarded) and return its wall time in seconds."""
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=ENV)
    return time.perf_counter() - start


def peak_rss_mb(command: list[str]) -> float:
    """Return the peak RSS (MB) of a fresh process running `command`."""
    out = subprocess.run(
        [PY, "-c", _LAUNCHER, *command], capture_output=True, text=True, check=True, env=ENV
    )
    return int(out.stdout.strip().splitlines()[-1]) / 1024


def xml_mb(path: Path) -> float:
    """Return the unzipped size of the package's XML parts (MB)."""
    with zipfile.ZipFile(path) as archive:
        return sum(i.file_size for i in archive.infolist() if i.filename.endswith(".xml")) / 1e6


def has_python_docx() -> bool:
    return subprocess.run([PY, "-c", "import docx"], capture_output=True).returncode == 0


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=400)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        paths = {}
        for variant in ("wordlike", "typed", "v2"):
            paths[variant] = Path(tmp) / f"{variant}-{args.pages}.docx"
            paths[variant].write_bytes(generate(args.pages, variant))
        old, new = str(paths["typed"]), str(paths["v2"])
        commands: dict[str, list[str]] = {
            "python": [PY, "-c", "pass"],
            "--version": [*STDCOMMENT, "--version"],
            "--help": [*STDCOMMENT, "--help"],
        }
        docx_ok = has_python_docx()
        for variant in ("wordlike", "typed"):
            path = str(paths[variant])
            commands[f"floor {variant}"] = [PY, "-c", FLOOR, path]
            if docx_ok:
                commands[f"python-docx {variant}"] = [PY, "-c", PYTHON_DOCX, path]
            commands[f"parse {variant}"] = [*STDCOMMENT, "parse", path, "--format", "json"]
        commands["read both"] = [PY, "-c", READ_BOTH, old, new]
        commands["diff"] = [*STDCOMMENT, "diff", old, new, "--format", "json"]
        commands["diff --no-concerns"] = [*commands["diff"], "--no-concerns"]
        for command in commands.values():  # warm the file cache and the .pyc files
            run_once(command)
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.rounds):
            for name, command in commands.items():
                times[name].append(run_once(command))
        t = {name: statistics.median(values) for name, values in times.items()}
        base_rss = peak_rss_mb([PY, "-c", IMPORT_ONLY])
        rss = {v: peak_rss_mb(commands[f"parse {v}"]) for v in ("wordlike", "typed")}
        sizes = {v: xml_mb(paths[v]) for v in ("wordlike", "typed")}

    print(f"{args.pages}-page drafts, whole processes, median of {args.rounds} rounds (seconds)")
    print()
    print("| process | time | target |")
    print("|---|---:|---|")
    print(f"| `python -c pass` | {t['python']:.3f} s | |")
    for name in ("--version", "--help"):
        verdict = "met" if t[name] <= 0.15 else "MISSED"
        print(f"| `stdcomment {name}` | {t[name]:.3f} s | ≤ 0.15 s: {verdict} |")
    print()
    print(
        "| draft | XML | floor | python-docx | `parse --format json` | × floor | × python-docx "
        "| peak RSS | RSS above imports / XML |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    rows = {}
    for v in ("wordlike", "typed"):
        floor, ours = t[f"floor {v}"], t[f"parse {v}"]
        docx_s = t.get(f"python-docx {v}")
        above = (rss[v] - base_rss) / sizes[v]
        rows[v] = {
            "xml_mb": round(sizes[v], 2),
            "floor_s": round(floor, 3),
            "python_docx_s": round(docx_s, 3) if docx_s else None,
            "parse_s": round(ours, 3),
            "ratio_floor": round(ours / floor, 2),
            "ratio_python_docx": round(ours / docx_s, 2) if docx_s else None,
            "rss_mb": round(rss[v], 1),
            "rss_above_imports_per_xml": round(above, 1),
        }
        docx_cell = f"{docx_s:.3f} s" if docx_s else "–"
        docx_ratio = f"{ours / docx_s:.2f}" if docx_s else "–"
        print(
            f"| {v} | {sizes[v]:.2f} MB | {floor:.3f} s | {docx_cell} | {ours:.3f} s "
            f"| {ours / floor:.1f} | {docx_ratio} | {rss[v]:.0f} MB | {above:.1f}× |"
        )
    print(f"(a process that only imports the reader: {base_rss:.0f} MB)")
    print()
    beyond = t["diff"] - t["read both"]
    beyond_plain = t["diff --no-concerns"] - t["read both"]
    print("| process | time | beyond reading both |")
    print("|---|---:|---:|")
    print(f"| read both drafts (`read_draft` × 2) | {t['read both']:.3f} s | |")
    verdict = "met" if beyond <= 1.0 else "MISSED"
    print(
        f"| `diff --format json` (with concerns) | {t['diff']:.3f} s | {beyond:.3f} s "
        f"(≤ 1 s: {verdict}) |"
    )
    print(
        f"| `diff --format json --no-concerns` | {t['diff --no-concerns']:.3f} s | "
        f"{beyond_plain:.3f} s |"
    )
    if args.json:
        figures = {
            "pages": args.pages,
            "rounds": args.rounds,
            "times_s": {name: round(value, 4) for name, value in t.items()},
            "parse": rows,
            "import_rss_mb": round(base_rss, 1),
            "diff_beyond_reading_s": round(beyond, 3),
        }
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
