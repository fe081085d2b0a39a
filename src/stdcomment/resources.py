"""Find the data folders (clauses/, positions/, templates/, samples/) at run time.

In an installed wheel they live in `stdcomment/_data/`; in a source checkout (or an editable
install) they are the top-level folders of the repository.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

DATA_FOLDERS = ("clauses", "positions", "templates", "samples")


@cache
def data_dir(name: str) -> Path:
    """Return the folder holding the bundled `name` data (one of `DATA_FOLDERS`)."""
    if name not in DATA_FOLDERS:
        raise ValueError(f"unknown data folder {name!r}")
    package = Path(__file__).resolve().parent
    installed = package / "_data" / name
    if installed.is_dir():
        return installed
    checkout = package.parent.parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"stdcomment data folder {name!r} not found (looked in {installed})")


def sample_path(name: str) -> Path:
    """Return the path of a bundled sample draft."""
    return data_dir("samples") / name
