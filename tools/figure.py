"""Draw small box-and-arrow diagrams as deterministic grayscale PNG files (no dependencies)."""

from __future__ import annotations

import struct
import zlib
from collections.abc import Sequence

_GLYPHS = {
    "A": ".###.|#...#|#...#|#####|#...#|#...#|#...#",
    "B": "####.|#...#|#...#|####.|#...#|#...#|####.",
    "C": ".###.|#...#|#....|#....|#....|#...#|.###.",
    "D": "####.|#...#|#...#|#...#|#...#|#...#|####.",
    "E": "#####|#....|#....|####.|#....|#....|#####",
    "F": "#####|#....|#....|####.|#....|#....|#....",
    "G": ".###.|#...#|#....|#.###|#...#|#...#|.####",
    "H": "#...#|#...#|#...#|#####|#...#|#...#|#...#",
    "I": ".###.|..#..|..#..|..#..|..#..|..#..|.###.",
    "J": "..###|...#.|...#.|...#.|...#.|#..#.|.##..",
    "K": "#...#|#..#.|#.#..|##...|#.#..|#..#.|#...#",
    "L": "#....|#....|#....|#....|#....|#....|#####",
    "M": "#...#|##.##|#.#.#|#.#.#|#...#|#...#|#...#",
    "N": "#...#|#...#|##..#|#.#.#|#..##|#...#|#...#",
    "O": ".###.|#...#|#...#|#...#|#...#|#...#|.###.",
    "P": "####.|#...#|#...#|####.|#....|#....|#....",
    "Q": ".###.|#...#|#...#|#...#|#.#.#|#..#.|.##.#",
    "R": "####.|#...#|#...#|####.|#.#..|#..#.|#...#",
    "S": ".####|#....|#....|.###.|....#|....#|####.",
    "T": "#####|..#..|..#..|..#..|..#..|..#..|..#..",
    "U": "#...#|#...#|#...#|#...#|#...#|#...#|.###.",
    "V": "#...#|#...#|#...#|#...#|#...#|.#.#.|..#..",
    "W": "#...#|#...#|#...#|#.#.#|#.#.#|#.#.#|.#.#.",
    "X": "#...#|#...#|.#.#.|..#..|.#.#.|#...#|#...#",
    "Y": "#...#|#...#|.#.#.|..#..|..#..|..#..|..#..",
    "Z": "#####|....#|...#.|..#..|.#...|#....|#####",
    "0": ".###.|#...#|#..##|#.#.#|##..#|#...#|.###.",
    "1": "..#..|.##..|..#..|..#..|..#..|..#..|.###.",
    "2": ".###.|#...#|....#|...#.|..#..|.#...|#####",
    "3": "#####|...#.|..#..|...#.|....#|#...#|.###.",
    "4": "...#.|..##.|.#.#.|#..#.|#####|...#.|...#.",
    "5": "#####|#....|####.|....#|....#|#...#|.###.",
    "6": "..##.|.#...|#....|####.|#...#|#...#|.###.",
    "7": "#####|....#|...#.|..#..|.#...|.#...|.#...",
    "8": ".###.|#...#|#...#|.###.|#...#|#...#|.###.",
    "9": ".###.|#...#|#...#|.####|....#|...#.|.##..",
    "-": ".....|.....|.....|#####|.....|.....|.....",
    "/": ".....|....#|...#.|..#..|.#...|#....|.....",
    "(": "...#.|..#..|.#...|.#...|.#...|..#..|...#.",
    ")": ".#...|..#..|...#.|...#.|...#.|..#..|.#...",
    ".": ".....|.....|.....|.....|.....|.##..|.##..",
    " ": ".....|.....|.....|.....|.....|.....|.....",
}


class Canvas:
    """A white 8-bit grayscale canvas with black strokes."""

    def __init__(self, width: int, height: int) -> None:
        self.width = width
        self.height = height
        self.pixels = bytearray(b"\xff" * (width * height))

    def dot(self, x: int, y: int) -> None:
        if 0 <= x < self.width and 0 <= y < self.height:
            self.pixels[y * self.width + x] = 0

    def hline(self, x0: int, x1: int, y: int, thick: int = 2) -> None:
        for t in range(thick):
            for x in range(min(x0, x1), max(x0, x1) + 1):
                self.dot(x, y + t)

    def vline(self, x: int, y0: int, y1: int, thick: int = 2) -> None:
        for t in range(thick):
            for y in range(min(y0, y1), max(y0, y1) + 1):
                self.dot(x + t, y)

    def rect(self, x0: int, y0: int, x1: int, y1: int) -> None:
        self.hline(x0, x1, y0)
        self.hline(x0, x1, y1)
        self.vline(x0, y0, y1)
        self.vline(x1, y0, y1)

    def arrow_right(self, x0: int, x1: int, y: int) -> None:
        self.hline(x0, x1, y)
        for k in range(8):
            self.vline(x1 - k, y - k, y + k + 1, thick=1)

    def arrow_left(self, x0: int, x1: int, y: int) -> None:
        self.hline(x0, x1, y)
        for k in range(8):
            self.vline(x0 + k, y - k, y + k + 1, thick=1)

    def arrow_down(self, x: int, y0: int, y1: int) -> None:
        self.vline(x, y0, y1)
        for k in range(8):
            self.hline(x - k, x + k + 1, y1 - k, thick=1)

    def text(self, x: int, y: int, text: str, scale: int = 2) -> None:
        for i, ch in enumerate(text.upper()):
            rows = _GLYPHS.get(ch, _GLYPHS[" "]).split("|")
            for ry, row in enumerate(rows):
                for rx, cell in enumerate(row):
                    if cell == "#":
                        for dy in range(scale):
                            for dx in range(scale):
                                self.dot(x + i * 6 * scale + rx * scale + dx, y + ry * scale + dy)

    def centred_text(self, cx: int, cy: int, lines: Sequence[str], scale: int = 2) -> None:
        height = len(lines) * 10 * scale
        for n, line in enumerate(lines):
            width = len(line) * 6 * scale - scale
            self.text(cx - width // 2, cy - height // 2 + n * 10 * scale, line, scale)

    def png(self) -> bytes:
        raw = b"".join(
            b"\x00" + bytes(self.pixels[y * self.width : (y + 1) * self.width])
            for y in range(self.height)
        )
        header = struct.pack(">IIBBBBB", self.width, self.height, 8, 0, 0, 0, 0)
        return (
            b"\x89PNG\r\n\x1a\n"
            + _chunk(b"IHDR", header)
            + _chunk(b"IDAT", zlib.compress(raw, 9))
            + _chunk(b"IEND", b"")
        )


def _chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def flow_diagram(rows: Sequence[Sequence[Sequence[str]]], *, box_w: int = 250) -> bytes:
    """Draw labelled boxes in flow order, snaking: left to right, down, right to left, ...

    `rows` holds rows of boxes in flow order; a box is a list of label lines.
    """
    gap, box_h, margin = 60, 90, 20
    ncols = max(len(r) for r in rows)
    width = margin * 2 + ncols * box_w + (ncols - 1) * gap
    height = margin * 2 + len(rows) * box_h + (len(rows) - 1) * gap
    canvas = Canvas(width, height)
    for r, row in enumerate(rows):
        y0 = margin + r * (box_h + gap)
        backwards = r % 2 == 1
        for n, label in enumerate(row):
            c = ncols - 1 - n if backwards else n
            x0 = margin + c * (box_w + gap)
            canvas.rect(x0, y0, x0 + box_w, y0 + box_h)
            canvas.centred_text(x0 + box_w // 2, y0 + box_h // 2, label)
            if n + 1 < len(row) and backwards:
                canvas.arrow_left(x0 - gap + 3, x0 - 3, y0 + box_h // 2)
            elif n + 1 < len(row):
                canvas.arrow_right(x0 + box_w + 3, x0 + box_w + gap - 3, y0 + box_h // 2)
        if r + 1 < len(rows):
            c_last = ncols - len(row) if backwards else len(row) - 1
            x_last = margin + c_last * (box_w + gap) + box_w // 2
            canvas.arrow_down(x_last, y0 + box_h + 3, y0 + box_h + gap - 3)
    return canvas.png()
