"""Convert generated documents with LibreOffice (headless) and read the PDF back."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

HAVE_LIBREOFFICE = bool(
    shutil.which("soffice") and shutil.which("pdfinfo") and shutil.which("pdftotext")
)
needs_libreoffice = pytest.mark.skipif(
    not HAVE_LIBREOFFICE, reason="needs LibreOffice (soffice) and poppler (pdfinfo, pdftotext)"
)


def to_pdf(path: Path, workdir: Path) -> Path:
    """Convert `path` to PDF in `workdir` with a private LibreOffice profile."""
    profile = (workdir / "lo-profile").as_uri()
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(workdir), str(path)],
        check=True,
        capture_output=True,
        timeout=240,
    )  # fmt: skip
    pdf = workdir / (path.stem + ".pdf")
    assert pdf.exists(), f"LibreOffice did not convert {path}"
    return pdf


def pages(pdf: Path) -> int:
    """Return the page count of a PDF."""
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True)
    found = re.search(r"^Pages:\s+(\d+)", info.stdout, re.MULTILINE)
    assert found is not None
    return int(found.group(1))


def page_size(pdf: Path) -> tuple[float, float]:
    """Return the first page's width and height in points."""
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True)
    found = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+)", info.stdout, re.MULTILINE)
    assert found is not None
    return float(found.group(1)), float(found.group(2))


def text(pdf: Path) -> str:
    """Return the PDF's text with whitespace collapsed (hyphenation left as is)."""
    out = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True)
    return " ".join(out.stdout.split())
