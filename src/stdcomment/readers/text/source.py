"""Open a text draft as hostile input: size cap, binary check, UTF-8 decoding, line split."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ...errors import InputError

#: Larger text files are refused: no real draft comes near, so a bigger one is a mistake
#: or an attack.
MAX_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class TextFile:
    """A decoded text draft: its lines (without line ends) and the SHA-256 of its bytes."""

    path: Path
    lines: tuple[str, ...]
    sha256: str


def load(path: Path) -> TextFile:
    """Read and decode `path`, or raise `InputError` saying why it cannot be read as text."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(
                path,
                f"is {size} bytes; text drafts over {MAX_BYTES // (1024 * 1024)} MB are refused",
            )
        data = path.read_bytes()
    except OSError as error:
        raise InputError(path, f"cannot be read ({error.strerror or error})") from None
    if len(data) > MAX_BYTES:
        raise InputError(path, f"text drafts over {MAX_BYTES // (1024 * 1024)} MB are refused")
    if b"\x00" in data:
        raise InputError(path, "holds NUL bytes: a binary file, not a text draft")
    text = decode(path, data)
    if not text.strip():
        raise InputError(path, "has no text")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return TextFile(path, tuple(text.split("\n")), hashlib.sha256(data).hexdigest())


def decode(path: Path, data: bytes) -> str:
    """Decode UTF-8 (a leading byte-order mark dropped); anything else is an `InputError`."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise InputError(
            path, f"is not valid UTF-8 (byte {error.start}); save it as UTF-8", line=line
        ) from None
