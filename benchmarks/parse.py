"""Parse speed and memory of the .docx reader, as ratios to floors measured in the same run.

    .venv/bin/python benchmarks/parse.py [--pages 20 100 400] [--variants typed wordlike ...]
                                         [--rounds 5]

For generated drafts of each size and variant (benchmarks/gendrafts.py) it measures, in this
process, the median of `--rounds` runs of:
  floor        unzip word/document.xml and parse it with lxml (nothing else)
  python-docx  Document(), every paragraph's style name and text, every table cell
  stdcomment   read_draft(): every part, numbering, tracked changes, structure, metadata
and reports stdcomment / floor (target: at most 3x) and stdcomment / python-docx. Each parse
is also run once in a fresh process to read its peak RSS, reported beside the RSS of a process
that only imports stdcomment, and beside the unzipped XML size. The clause numbers found are
checked against the generator's truth, so a fast but wrong reader does not pass.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import zipfile
from functools import partial
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.gendrafts import generate_with_truth  # noqa: E402
from benchmarks.timing import median_time  # noqa: E402

from stdcomment.readers import read_draft  # noqa: E402

VARIANTS = ("typed", "wordlike", "autonum", "tracked")


def floor(path: Path) -> object:
    """Unzip and parse word/document.xml with lxml: the least any reader must do."""
    from lxml import etree

    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read("word/document.xml"))


def python_docx(path: Path) -> object:
    """python-docx reading what a clause reader needs: style names, texts, table cells."""
    import docx

    document = docx.Document(str(path))
    texts = [(p.style.name if p.style is not None else "", p.text) for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            texts.extend(("cell", cell.text) for cell in row.cells)
    return texts


def stdcomment(path: Path) -> object:
    """The full stdcomment reader."""
    return read_draft(path)


_RSS = """
import sys
sys.path.insert(0, {repo!r})
from benchmarks.parse import {func}
{func}(__import__('pathlib').Path({path!r})) if {path!r} else None
"""

# Linux keeps ru_maxrss across fork and exec, so a child of this (large) process would
# report at least our own size: a small launcher starts the measured process instead and
# reads its children's peak.
_LAUNCHER = (
    "import resource, subprocess, sys\n"
    "subprocess.run([sys.executable, '-c', sys.argv[1]], check=True)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def peak_rss_mb(func: str, path: Path | None) -> float:
    """Return the peak RSS (MB) of a fresh process running `func` on `path`."""
    code = _RSS.format(repo=str(REPO), func=func, path=str(path) if path else "")
    out = subprocess.run(
        [sys.executable, "-c", _LAUNCHER, code], capture_output=True, text=True, check=True
    )
    return int(out.stdout.strip().splitlines()[-1]) / 1024


def xml_size_mb(path: Path) -> float:
    """Return the unzipped size of the package's XML parts (MB)."""
    with zipfile.ZipFile(path) as archive:
        return sum(i.file_size for i in archive.infolist() if i.filename.endswith(".xml")) / 1e6


def check_numbers(path: Path, truth: dict[str, object]) -> str:
    """Compare the clause numbers read with the generator's truth."""
    draft = read_draft(path)
    found = [c.number for c in draft.walk() if c.number]
    headings = truth.get("headings", [])
    assert isinstance(headings, list)
    expected = [str(h["number"]) for h in headings if h.get("number")]
    same = sum(1 for a, b in zip(found, expected, strict=False) if a == b)
    return f"{same}/{len(expected)}"


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, nargs="+", default=[20, 100, 400])
    parser.add_argument("--variants", nargs="+", default=list(VARIANTS), choices=VARIANTS)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    rows = []
    base_rss = peak_rss_mb("stdcomment", None)
    with tempfile.TemporaryDirectory() as tmp:
        for pages in args.pages:
            for variant in args.variants:
                data, truth = generate_with_truth(pages, variant)
                path = Path(tmp) / f"{variant}-{pages}.docx"
                path.write_bytes(data)
                t_floor = median_time(partial(floor, path), args.rounds)
                t_docx = median_time(partial(python_docx, path), args.rounds)
                t_ours = median_time(partial(stdcomment, path), args.rounds)
                rows.append(
                    {
                        "pages": pages,
                        "variant": variant,
                        "xml_mb": round(xml_size_mb(path), 2),
                        "floor_s": round(t_floor, 4),
                        "python_docx_s": round(t_docx, 4),
                        "stdcomment_s": round(t_ours, 4),
                        "ratio_floor": round(t_ours / t_floor, 2),
                        "ratio_python_docx": round(t_ours / t_docx, 2),
                        "rss_mb": round(peak_rss_mb("stdcomment", path), 1),
                        "numbers": check_numbers(path, truth),
                    }
                )
                row = rows[-1]
                print(
                    f"{pages:>4} p {variant:<9} xml {row['xml_mb']:>5} MB  "
                    f"floor {row['floor_s']:.4f}s  python-docx {row['python_docx_s']:.4f}s  "
                    f"stdcomment {row['stdcomment_s']:.4f}s  = {row['ratio_floor']:.2f}x floor, "
                    f"{row['ratio_python_docx']:.2f}x python-docx  "
                    f"peak RSS {row['rss_mb']} MB (import only {base_rss:.1f})  "
                    f"numbers {row['numbers']}",
                    flush=True,
                )
    if args.json:
        args.json.write_text(json.dumps({"import_rss_mb": base_rss, "rows": rows}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
