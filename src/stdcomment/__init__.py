"""stdcomment: read draft standards clause by clause, scan them against human-rights positions,
and draft comments for ITU-T, IEEE SA and ISO/IEC."""

from __future__ import annotations

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

#: The functions of each job, imported on first use (the model above is always at hand):
#: `from stdcomment import read_draft, Scanner, load_positions, diff_drafts`.
_LAZY = {
    "read_draft": ("stdcomment.readers", "read_draft"),
    "render_tree": ("stdcomment.outline", "render_tree"),
    "render_markdown": ("stdcomment.outline", "render_markdown"),
    "load_positions": ("stdcomment.positions", "load_positions"),
    "Scanner": ("stdcomment.scan", "Scanner"),
    "scan_draft": ("stdcomment.scan", "scan_draft"),
    "Finding": ("stdcomment.findings", "Finding"),
    "ScanResult": ("stdcomment.findings", "ScanResult"),
    "review_draft": ("stdcomment.drafting", "review_draft"),
    "draft_submission": ("stdcomment.drafting", "draft_submission"),
    "diff_drafts": ("stdcomment.diff", "diff_drafts"),
    "DraftDiff": ("stdcomment.diff", "DraftDiff"),
}


def _version() -> str:
    """Return the installed version (read from the package metadata on first use)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("stdcomment")
    except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        return "0.0.0"


def __getattr__(name: str) -> object:
    if name == "__version__":  # importlib.metadata costs 30 ms: not for every command
        value = globals()[name] = _version()
        return value
    if name in _LAZY:
        import importlib

        module, attribute = _LAZY[name]
        value = getattr(importlib.import_module(module), attribute)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'stdcomment' has no attribute {name!r}")


__all__ = [
    "Block",
    "BlockKind",
    "Body",
    "Clause",
    "ClauseKind",
    "Draft",
    "DraftDiff",
    "Finding",
    "InputError",
    "Location",
    "Metadata",
    "NumberSource",
    "OutputExistsError",
    "Requirement",
    "ScanResult",
    "Scanner",
    "StdcommentError",
    "__version__",
    "diff_drafts",
    "draft_submission",
    "load_positions",
    "read_draft",
    "render_markdown",
    "render_tree",
    "review_draft",
    "scan_draft",
]
