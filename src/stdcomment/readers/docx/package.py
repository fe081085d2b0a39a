"""Open a .docx safely: refuse what is not an OOXML word-processing package, cap what a zip may
expand to, and parse its XML parts without DTDs or entities.

Checks, in order (each failure is an `InputError` naming the file and the problem):
  - the path is a readable file (not a directory, not missing, not empty);
  - an OLE compound file is a legacy Word 97-2003 `.doc` or an encrypted/password-protected
    OOXML file (both are OLE containers; encryption is told by its `EncryptionInfo` stream);
  - the zip opens and lists its members; it has `word/document.xml` (found through
    `_rels/.rels` when the main part has another name);
  - members expand to at most `MAX_PART_BYTES` each and `MAX_TOTAL_BYTES` in all, with a
    compression ratio of at most `MAX_RATIO` for members over 1 MiB (zip bombs); the sizes are
    counted while decompressing, not taken from the zip headers;
  - XML parts have no DTD or entity declarations (XXE, billion laughs) and are well formed.
"""

from __future__ import annotations

import posixpath
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ...errors import InputError, UnsupportedFormatError
from ...ooxml import (
    DTD_REFUSED,
    PKG_REL_NS,
    XmlSafetyError,
    declares_dtd,
    parse_xml,
    safe_pull_parser,
)

MAX_PART_BYTES = 256 * 1024 * 1024
MAX_TOTAL_BYTES = 512 * 1024 * 1024
MAX_RATIO = 200
MAX_MEMBERS = 10_000

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTION_MARK = "EncryptionInfo".encode("utf-16-le")

OFFICE_DOCUMENT = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
)
STRICT_OFFICE_DOCUMENT = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"


@dataclass
class Package:
    """The parts of an opened .docx, read lazily and checked as they are read."""

    path: Path
    archive: zipfile.ZipFile
    main_part: str
    _total: int = 0
    _cache: dict[str, etree._Element | None] = field(default_factory=dict)

    def close(self) -> None:
        """Close the underlying zip file."""
        self.archive.close()

    def has(self, name: str) -> bool:
        """Whether the package holds a member `name`."""
        try:
            self.archive.getinfo(name)
        except KeyError:
            return False
        return True

    def read(self, name: str) -> bytes:
        """Return the bytes of member `name`, enforcing the size and ratio caps."""
        return b"".join(self.chunks(name))

    def chunks(self, name: str) -> Iterator[bytes]:
        """Yield the bytes of member `name` in pieces, enforcing the size and ratio caps as
        they are decompressed."""
        try:
            info = self.archive.getinfo(name)
        except KeyError:
            raise InputError(self.path, f"part {name} is missing") from None
        size = 0
        try:
            with self.archive.open(info) as stream:
                while True:
                    chunk = stream.read(1 << 20)
                    if not chunk:
                        break
                    size += len(chunk)
                    self._total += len(chunk)
                    compressed = max(info.compress_size, 1)
                    if size > MAX_PART_BYTES or self._total > MAX_TOTAL_BYTES:
                        raise InputError(
                            self.path,
                            f"part {name} expands beyond the {MAX_PART_BYTES >> 20} MiB limit "
                            "(a zip bomb or a document far larger than any draft)",
                        )
                    if size > (1 << 20) and size / compressed > MAX_RATIO:
                        raise InputError(
                            self.path,
                            f"part {name} has a compression ratio above {MAX_RATIO}:1 "
                            "(refused as a possible zip bomb)",
                        )
                    yield chunk
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
            raise InputError(self.path, f"corrupt zip member {name} ({exc})") from None
        except RuntimeError as exc:  # encrypted zip member
            raise UnsupportedFormatError(self.path, f"cannot read {name}: {exc}") from None

    def elements(self, name: str, tags: Iterable[str]) -> Iterator[etree._Element]:
        """Yield the elements of part `name` with one of `tags`, each once it is complete,
        while the part is decompressed and parsed (see `ooxml.safe_pull_parser`).

        The caller may clear an element it has read and drop the elements before it: the
        part is never held whole, neither its bytes nor its tree. XML the safe parser refuses
        gives the same `InputError` as `xml()` would.
        """
        parser = safe_pull_parser(tags)
        tail = b""
        try:
            for chunk in self.chunks(name):
                if not tail and declares_dtd(chunk):
                    raise XmlSafetyError(DTD_REFUSED)
                if b"<!ENTITY" in tail + chunk[:16] or b"<!ENTITY" in chunk:
                    raise XmlSafetyError(DTD_REFUSED)
                tail = chunk[-16:] or tail
                parser.feed(chunk)
                yield from _ended(parser)
            parser.close()
            yield from _ended(parser)
        except XmlSafetyError as exc:
            raise InputError(self.path, f"{name}: {exc}") from None
        except etree.XMLSyntaxError:
            # the whole-part parser words the problem: malformed, empty, ...
            self.xml(name)
            raise InputError(self.path, f"{name}: malformed XML") from None

    def xml(self, name: str) -> etree._Element | None:
        """Return the parsed XML part `name`, or None when the package has no such part."""
        if name in self._cache:
            return self._cache[name]
        if not self.has(name):
            self._cache[name] = None
            return None
        try:
            root = parse_xml(self.read(name))
        except XmlSafetyError as exc:
            raise InputError(self.path, f"{name}: {exc}") from None
        self._cache[name] = root
        return root

    def relationships(self, part: str) -> dict[str, tuple[str, str, bool]]:
        """Return `{rId: (type, target part name, external)}` for `part`'s relationships."""
        folder, base = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", base + ".rels")
        root = self.xml(rels_name)
        result: dict[str, tuple[str, str, bool]] = {}
        if root is None:
            return result
        for rel in root.iter(f"{{{PKG_REL_NS}}}Relationship"):
            rid = rel.get("Id") or ""
            target = rel.get("Target") or ""
            external = rel.get("TargetMode") == "External"
            if not external:
                target = _resolve(folder, target)
            result[rid] = (rel.get("Type") or "", target, external)
        return result

    def related(self, part: str, rel_suffix: str) -> list[str]:
        """Return the targets of `part`'s relationships whose type ends with `rel_suffix`."""
        return [
            target
            for rtype, target, external in self.relationships(part).values()
            if not external and rtype.rsplit("/", 1)[-1] == rel_suffix
        ]


def _ended(parser: etree.XMLPullParser) -> Iterator[etree._Element]:
    for _event, element in parser.read_events():
        if isinstance(element, etree._Element):
            yield element


def _resolve(folder: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(folder, target))


def open_package(path: str | Path) -> Package:
    """Open `path` as a .docx package, or raise an `InputError` saying why it is not one."""
    source = Path(path)
    if not source.exists():
        raise InputError(source, "no such file")
    if source.is_dir():
        raise InputError(source, "is a directory, not a .docx file")
    try:
        with source.open("rb") as handle:
            head = handle.read(8)
            size = source.stat().st_size
    except OSError as exc:
        raise InputError(source, f"cannot read ({exc.strerror or exc})") from None
    if size == 0:
        raise InputError(source, "is empty (0 bytes)")
    if head == OLE_MAGIC:
        raise _ole_error(source)
    if not head.startswith(b"PK"):
        if head.lstrip().startswith(b"{\\rtf"):
            raise UnsupportedFormatError(source, "is an RTF file, not a .docx; save it as .docx")
        if head.startswith(b"%PDF"):
            raise UnsupportedFormatError(source, "is a PDF file; give it a .pdf name to read it")
        raise UnsupportedFormatError(source, "is not a .docx file (not a zip archive)")
    try:
        archive = zipfile.ZipFile(source)
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise InputError(source, f"is a corrupt zip archive ({exc})") from None
    if len(members) > MAX_MEMBERS:
        archive.close()
        raise InputError(source, f"has {len(members)} zip members (more than {MAX_MEMBERS})")
    package = Package(source, archive, "word/document.xml")
    try:
        package.main_part = _main_part(package)
    except BaseException:
        archive.close()
        raise
    return package


def _main_part(package: Package) -> str:
    for rtype, target, external in package.relationships("").values():
        if not external and rtype in (OFFICE_DOCUMENT, STRICT_OFFICE_DOCUMENT):
            if package.has(target):
                return target
            raise InputError(package.path, f"main document part {target} is missing")
    if package.has("word/document.xml"):
        return "word/document.xml"
    names = {info.filename for info in package.archive.infolist()}
    if "content.xml" in names:
        raise UnsupportedFormatError(
            package.path, "is an OpenDocument (.odt) file; save it as .docx"
        )
    if "xl/workbook.xml" in names or "ppt/presentation.xml" in names:
        raise UnsupportedFormatError(package.path, "is a spreadsheet or presentation, not a .docx")
    raise InputError(package.path, "is a zip archive without word/document.xml (not a .docx)")


def _ole_error(source: Path) -> UnsupportedFormatError:
    try:
        with source.open("rb") as handle:
            head = handle.read(1 << 20)
    except OSError:
        head = b""
    if _ENCRYPTION_MARK in head:
        return UnsupportedFormatError(
            source,
            "is encrypted or password-protected; remove the password in Word and save it again",
        )
    return UnsupportedFormatError(
        source, "is a legacy Word 97-2003 .doc file; open it in Word and save it as .docx"
    )
