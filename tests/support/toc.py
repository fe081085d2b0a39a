"""Read the table of contents Word generated in a .docx (`toc 1..9` paragraphs) as a check on
the clause outline: independent of the reader, straight from the XML."""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TOC_STYLE = re.compile(r"^toc [1-9]$")
_ENTRY = re.compile(
    r"^(?:(?P<annex>Annex|Appendix)\s+(?P<id>[A-Z]+)\b\s*[–—-]?\s*(?P<atitle>.*)"
    r"|(?P<number>(?:[A-Z]|[IVX]+|\d+(?:bis)?)(?:\.\d+)*\)?)\.?\t(?P<title>.*)"
    r"|(?P<plain>.+))$"
)


@dataclass(frozen=True)
class TocEntry:
    number: str  # "6.2", "A", "I", "" for unnumbered entries (Bibliography)
    title: str
    kind: str  # "clause", "annex", "appendix", "other"


def _clean(text: str) -> str:
    return " ".join(text.replace("\u200e", "").split())


def toc_entries(path: Path) -> list[TocEntry]:
    """Return the entries of the Word-generated table of contents of `path`, in order."""
    with zipfile.ZipFile(path) as archive:
        styles = etree.fromstring(archive.read("word/styles.xml"))
        document = etree.fromstring(archive.read("word/document.xml"))
    names = {
        s.get(W + "styleId"): (s.find(W + "name").get(W + "val") or "").lower()
        for s in styles.iter(W + "style")
        if s.find(W + "name") is not None
    }
    entries: list[TocEntry] = []
    for p in document.iter(W + "p"):
        style = p.find(f"{W}pPr/{W}pStyle")
        name = names.get(style.get(W + "val") if style is not None else None, "")
        if not _TOC_STYLE.match(name):
            continue
        pieces = []
        for node in p.iter(W + "t", W + "tab", W + "instrText"):
            if node.tag == W + "t":
                pieces.append(node.text or "")
            elif node.tag == W + "tab":
                pieces.append("\t")
        text = "".join(pieces).replace("\u200e", "").strip("\t ")
        text = re.sub(r"\t+\s*[\divxlc]+\s*$", "", text)  # the page number
        if not text.strip():
            continue
        match = _ENTRY.match(text)
        if match is None:
            continue
        if match.group("annex"):
            kind = match.group("annex").lower()
            entries.append(TocEntry(match.group("id"), _clean(match.group("atitle")), kind))
        elif match.group("number") is not None and match.group("title") is not None:
            entries.append(TocEntry(match.group("number"), _clean(match.group("title")), "clause"))
        else:
            entries.append(TocEntry("", _clean(match.group("plain")), "other"))
    return entries
