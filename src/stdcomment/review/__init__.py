"""The review file: what a delegate decides about each finding before drafting.

- `model`: `Review`, `ReviewEntry`, `Change`, statuses and the stable entry id;
- `build`: entries from a scan, pre-filled from the positions' templates;
- `tomlio`: write the TOML file deterministically, read it back with line-numbered errors;
- `merge`: fold a fresh scan into the delegate's file without losing decisions or edits.
"""

from .build import entries_from_scan, entry_for, new_review
from .merge import MergeReport, locate, merge_review
from .model import (
    CHANGE_KINDS,
    REVIEW_SCHEMA_VERSION,
    STATUSES,
    Change,
    Review,
    ReviewEntry,
    entry_id,
    normalise_text,
)
from .tomlio import ReviewFileError, dump_review, parse_review, read_review

__all__ = [
    "CHANGE_KINDS",
    "REVIEW_SCHEMA_VERSION",
    "STATUSES",
    "Change",
    "MergeReport",
    "Review",
    "ReviewEntry",
    "ReviewFileError",
    "dump_review",
    "entries_from_scan",
    "entry_for",
    "entry_id",
    "locate",
    "merge_review",
    "new_review",
    "normalise_text",
    "parse_review",
    "read_review",
]
