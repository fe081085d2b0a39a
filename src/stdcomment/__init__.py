"""stdcomment: read draft standards clause by clause, scan them against human-rights positions,
and draft comments for ITU-T, IEEE SA and ISO/IEC."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from .errors import InputError, OutputExistsError, StdcommentError
from .model import (
    Block,
    BlockKind,
    Body,
    Clause,
    ClauseKind,
    Draft,
    Location,
    Metadata,
    NumberSource,
    Requirement,
)

try:
    __version__ = version("stdcomment")
except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
    __version__ = "0.0.0"

__all__ = [
    "Block",
    "BlockKind",
    "Body",
    "Clause",
    "ClauseKind",
    "Draft",
    "InputError",
    "Location",
    "Metadata",
    "NumberSource",
    "OutputExistsError",
    "Requirement",
    "StdcommentError",
    "__version__",
]
