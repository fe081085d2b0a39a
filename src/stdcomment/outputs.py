"""Write outputs safely: atomically, and never over an existing file without `force`."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import InputError, OutputExistsError


def write_atomic(path: str | Path, data: bytes | str, *, force: bool = False) -> Path:
    """Write `data` to `path` through a temporary file and a rename.

    Raise `OutputExistsError` when `path` exists and `force` is false. Text is written as UTF-8
    with the newlines given.
    """
    target = Path(path)
    if target.exists() and not force:
        raise OutputExistsError(target)
    if target.is_dir():
        raise InputError(target, "is a directory, not a file to write")
    payload = data.encode("utf-8") if isinstance(data, str) else data
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise InputError(target, f"folder {directory} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target
