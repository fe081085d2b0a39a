"""Speed and memory of the PDF reader, against baselines measured in the same run.

    .venv/bin/python benchmarks/pdf.py [--pages 100] [--rounds 3] [--pdf FILE ...] [--json OUT]

A synthetic draft of about `--pages` PDF pages (benchmarks/gendrafts.py, ITU-T layout) is given
line numbering restarting on each page, as an IEEE ballot draft has, and printed to PDF by
LibreOffice. For it (and any `--pdf` files) it measures the median of `--rounds` runs of:
  pdftotext    poppler's `pdftotext -layout` in a subprocess (a C++ floor)
  pdfplumber   every page's characters from pdfplumber, nothing else (the library floor)
  stdcomment   read_draft(): lines, line numbers, furniture, paragraphs, tables, clauses
and reports pages per second and stdcomment / pdfplumber. Each is run once more in a fresh
process to read its peak RSS (ru_maxrss), beside a process that only imports the reader.
The clause numbers found are checked against the generator's truth.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import shutil
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

LINE_NUMBERS = b'<w:lnNumType w:countBy="1" w:restart="newPage"/>'
#: the generator's "pages" count Word pages; LibreOffice prints its drafts on fewer
GENERATOR_SCALE = 1.45


def pdftotext(path: Path) -> object:
    """Poppler's text extraction with layout, output discarded."""
    return subprocess.run(["pdftotext", "-layout", str(path), "/dev/null"], check=True)


def pdfplumber_chars(path: Path) -> object:
    """Every page's characters from pdfplumber: what any pdfplumber-based reader must pay."""
    import pdfplumber

    count = 0
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            count += len(page.chars)
            page.close()
    return count


def stdcomment(path: Path) -> object:
    """The full stdcomment reader."""
    return read_draft(path)


_RSS = {
    "stdcomment": "from stdcomment.readers import read_draft\nread_draft(path)",
    "pdfplumber_chars": (
        "import pdfplumber\n"
        "with pdfplumber.open(path) as pdf:\n"
        "    for page in pdf.pages:\n"
        "        page.chars\n"
        "        page.close()"
    ),
    "import": "import stdcomment.readers.pdf.blocks, pdfplumber",
}


_LAUNCHER = (
    "import resource, subprocess, sys\n"
    "subprocess.run([sys.executable, '-c', sys.argv[1]], check=True)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def peak_rss_mb(func: str, path: Path | None) -> float:
    """The peak RSS (MB) of a fresh process running `func` on `path` (and nothing else).

    Linux keeps ru_maxrss across fork and exec, so a child of this (large) process would
    report at least our own size: a small launcher starts the measured process instead.
    """
    code = f"import pathlib\npath = pathlib.Path({str(path)!r})\n{_RSS[func]}\n"
    out = subprocess.run(
        [sys.executable, "-c", _LAUNCHER, code], capture_output=True, text=True, check=True
    )
    return int(out.stdout.strip().splitlines()[-1]) / 1024


def with_line_numbers(docx: bytes) -> bytes:
    """The .docx with line numbering (restarting on each page) in its last section."""
    source = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "word/document.xml":
                end = data.rindex(b"</w:sectPr>")
                cols = data.rfind(b"<w:cols", 0, end)
                at = cols if cols > data.rindex(b"<w:sectPr") else end
                data = data[:at] + LINE_NUMBERS + data[at:]
            target.writestr(info, data)
    return out.getvalue()


def to_pdf(docx: Path) -> Path:
    """Print `docx` to PDF with LibreOffice (a private profile, so it runs beside others)."""
    profile = (docx.parent / "lo-profile").as_uri()
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(docx.parent),
            str(docx),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return docx.with_suffix(".pdf")


def page_count(path: Path) -> int:
    """Pages of a PDF (pdfinfo)."""
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True)
    match = re.search(r"^Pages:\s+(\d+)", info.stdout, re.MULTILINE)
    return int(match.group(1)) if match else 0


def check_numbers(path: Path, truth: dict[str, object] | None) -> str:
    """Clause numbers read against the generator's truth; printed line numbers found."""
    draft = read_draft(path)
    located = sum(1 for _, b in draft.blocks() if b.location.line is not None)
    total = sum(1 for _ in draft.blocks())
    lines = f"{located}/{total} blocks with a line"
    if truth is None:
        return f"{sum(1 for c in draft.walk() if c.number)} numbered clauses, {lines}"
    found = [c.number for c in draft.walk() if c.number]
    headings = truth.get("headings", [])
    assert isinstance(headings, list)
    expected = [str(h["number"]) for h in headings if h.get("number")]
    same = sum(1 for a, b in zip(found, expected, strict=False) if a == b)
    return f"numbers {same}/{len(expected)}, {lines}"


def measure(path: Path, rounds: int, truth: dict[str, object] | None) -> dict[str, object]:
    """One row of the table."""
    pages = page_count(path)
    t_poppler = median_time(partial(pdftotext, path), rounds)
    t_plumber = median_time(partial(pdfplumber_chars, path), rounds)
    t_ours = median_time(partial(stdcomment, path), rounds)
    return {
        "file": path.name,
        "pages": pages,
        "pdftotext_s": round(t_poppler, 3),
        "pdfplumber_s": round(t_plumber, 3),
        "stdcomment_s": round(t_ours, 3),
        "pages_per_s": round(pages / t_ours, 1),
        "pdfplumber_pages_per_s": round(pages / t_plumber, 1),
        "ratio_pdfplumber": round(t_ours / t_plumber, 2),
        "rss_mb": round(peak_rss_mb("stdcomment", path), 1),
        "pdfplumber_rss_mb": round(peak_rss_mb("pdfplumber_chars", path), 1),
        "check": check_numbers(path, truth),
    }


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--pdf", type=Path, nargs="*", default=[], help="also measure these")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    if not (shutil.which("soffice") and shutil.which("pdftotext") and shutil.which("pdfinfo")):
        print("needs LibreOffice (soffice) and poppler (pdftotext, pdfinfo)", file=sys.stderr)
        return 2
    rows = []
    base_rss = peak_rss_mb("import", None)
    with tempfile.TemporaryDirectory() as tmp:
        data, truth = generate_with_truth(round(args.pages * GENERATOR_SCALE), "typed")
        docx = Path(tmp) / f"generated-{args.pages}.docx"
        docx.write_bytes(with_line_numbers(data))
        jobs: list[tuple[Path, dict[str, object] | None]] = [(to_pdf(docx), truth)]
        jobs += [(path, None) for path in args.pdf]
        for path, expected in jobs:
            row = measure(path, args.rounds, expected)
            rows.append(row)
            print(
                f"{row['file']}: {row['pages']} pages  "
                f"pdftotext {row['pdftotext_s']:.3f}s  "
                f"pdfplumber chars {row['pdfplumber_s']:.3f}s "
                f"({row['pdfplumber_pages_per_s']} p/s)  "
                f"stdcomment {row['stdcomment_s']:.3f}s ({row['pages_per_s']} p/s, "
                f"{row['ratio_pdfplumber']}x pdfplumber)  "
                f"peak RSS {row['rss_mb']} MB (pdfplumber {row['pdfplumber_rss_mb']}, "
                f"imports only {base_rss:.1f})  {row['check']}",
                flush=True,
            )
    if args.json:
        args.json.write_text(json.dumps({"import_rss_mb": base_rss, "rows": rows}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
