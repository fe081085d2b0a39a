"""A tiny PDF writer for tests: text in the base-14 fonts at given places, image-only pages,
and a password-protected variant. Coordinates are points from the top-left corner."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

WIDTH, HEIGHT = 595.0, 842.0
FONTS = {"regular": "Helvetica", "bold": "Helvetica-Bold"}


@dataclass(frozen=True)
class Text:
    """One run of text: left edge x, baseline y (from the top), size, weight."""

    x: float
    y: float
    text: str
    size: float = 10.0
    weight: str = "regular"
    rotated: bool = False  # set vertically, reading upwards (a margin note, a watermark)


def _escape(text: str) -> bytes:
    raw = text.encode("cp1252")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _content(runs: Sequence[Text]) -> bytes:
    parts = []
    for run in runs:
        font = "F2" if run.weight == "bold" else "F1"
        place = b"0 1 -1 0 %.2f %.2f Tm" if run.rotated else b"%.2f %.2f Td"
        parts.append(
            b"BT /%s %.2f Tf %s (%s) Tj ET"
            % (font.encode(), run.size, place % (run.x, HEIGHT - run.y), _escape(run.text))
        )
    return b"\n".join(parts)


Rule = tuple[float, float, float, float]  # x0, y0, x1, y1 (from the top)


def grid(x: Sequence[float], y: Sequence[float]) -> list[Rule]:
    """The rules of a table whose column edges are `x` and row edges `y`."""
    rules = [(x[0], top, x[-1], top) for top in y]
    return rules + [(left, y[0], left, y[-1]) for left in x]


def pdf(
    pages: Sequence[Sequence[Text]],
    *,
    images: bool = False,
    encrypted: bool = False,
    rules: Sequence[Sequence[Rule]] = (),
) -> bytes:
    """Return the bytes of a PDF with one page per entry of `pages` (and ruling lines)."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in below
    pages_id = add(b"")
    font1 = add(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    font2 = add(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"
    )
    image = add(
        b"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Length 4 >>\nstream\n\x00\xff\xff\x00\nendstream"
    )
    kids = []
    for number, runs in enumerate(pages):
        stream = _content(runs)
        for x0, y0, x1, y1 in rules[number] if number < len(rules) else ():
            stream += b"\n0.5 w %.2f %.2f m %.2f %.2f l S" % (x0, HEIGHT - y0, x1, HEIGHT - y1)
        if images:
            stream += b"\nq 500 0 0 700 40 60 cm /Im1 Do Q"
        content = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R "
                b"/Resources << /Font << /F1 %d 0 R /F2 %d 0 R >> /XObject << /Im1 %d 0 R >> >> >>"
                % (pages_id, WIDTH, HEIGHT, content, font1, font2, image)
            )
        )
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id
    objects[pages_id - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    trailer_extra = b""
    if encrypted:
        encrypt = add(
            b"<< /Filter /Standard /V 1 /R 2 /P -44 /O <%s> /U <%s> >>" % (b"11" * 32, b"22" * 32)
        )
        trailer_extra = b" /Encrypt %d 0 R /ID [<%s> <%s>]" % (encrypt, b"ab" * 16, b"ab" * 16)
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root %d 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        catalog,
        trailer_extra,
        xref,
    )
    return bytes(out)


def numbered_page(
    lines: Sequence[tuple[str, str]], *, header: str = "", footer: str = ""
) -> list[Text]:
    """A page of body lines (text, weight), each with a printed line number in the margin."""
    runs: list[Text] = []
    if header:
        runs.append(Text(200, 40, header, 9))
    y = 80.0
    for number, (text, weight) in enumerate(lines, start=1):
        runs.append(Text(50 if number < 10 else 44.5, y, str(number)))
        runs.append(Text(72, y, text, 10, weight))
        y += 14
    if footer:
        runs.append(Text(290, 800, footer, 8))
    return runs
