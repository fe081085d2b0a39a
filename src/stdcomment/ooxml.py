"""OOXML plumbing shared by readers and writers: namespaces, a safe XML parser, and a
deterministic zip writer (fixed member dates and order, so the same input gives the same bytes).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Mapping

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
W14_NS = "http://schemas.microsoft.com/office/word/2010/wordml"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
NSMAP = {"w": W_NS, "r": R_NS}

#: The date every zip member gets (the earliest a zip can hold), as Word's own tools do.
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def w(tag: str) -> str:
    """Return the Clark name of a WordprocessingML tag: `w("p")` -> `{...main}p`."""
    return f"{{{W_NS}}}{tag}"


class XmlSafetyError(ValueError):
    """XML that we refuse to read: a DTD, entities, or a malformed document."""


_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)


def safe_parser() -> etree.XMLParser:
    """Return a parser that never loads DTDs, expands entities or touches the network."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def declares_dtd(head: bytes) -> bool:
    """Whether the opening of an XML part declares a DTD or entities."""
    return _DOCTYPE.search(head[:4096]) is not None


DTD_REFUSED = "XML declares a DTD or entities (refused: XXE / entity expansion)"


def safe_pull_parser(tags: Iterable[str]) -> etree.XMLPullParser:
    """Return a pull parser with `safe_parser()`'s options, reporting the end of every
    element with one of `tags` (the caller checks the bytes for DTDs as `parse_xml` does)."""
    return etree.XMLPullParser(
        events=("end",),
        tag=list(tags),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def parse_xml(data: bytes) -> etree._Element:
    """Parse an XML part safely; raise `XmlSafetyError` on a DTD/entity or malformed XML."""
    if _DOCTYPE.search(data[:4096]) or b"<!ENTITY" in data:
        raise XmlSafetyError(DTD_REFUSED)
    try:
        root = etree.fromstring(data, safe_parser())
    except etree.XMLSyntaxError as exc:
        raise XmlSafetyError(f"malformed XML ({exc.msg})") from None
    if root is None:
        raise XmlSafetyError("empty XML part")
    return root


def _ordered(names: Iterable[str]) -> list[str]:
    first = ["[Content_Types].xml", "_rels/.rels"]
    rest = sorted(n for n in names if n not in first)
    return [n for n in first if n in names] + rest


def write_package(parts: Mapping[str, bytes]) -> bytes:
    """Return a zip holding `parts`, with fixed dates, fixed order and DEFLATE compression."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in _ordered(parts.keys()):
            info = zipfile.ZipInfo(name, date_time=ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 0
            archive.writestr(info, parts[name], compresslevel=6)
    return buffer.getvalue()


_CORE_DATE = re.compile(
    rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:(?:created|modified)>)"
)


def normalise_package(data: bytes, *, when: str = "2000-01-01T00:00:00Z") -> bytes:
    """Rewrite a .docx made by another library so its bytes depend only on its content.

    Member dates and order are fixed, and the created/modified dates in docProps/core.xml are
    set to `when`.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    core = parts.get("docProps/core.xml")
    if core is not None:
        stamp = when.encode()
        parts["docProps/core.xml"] = _CORE_DATE.sub(lambda m: m.group(1) + stamp + m.group(3), core)
    return write_package(parts)
