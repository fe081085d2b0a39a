"""Normative strength of a piece of text, from the body's requirement keywords."""

from __future__ import annotations

import re

from .model import REQUIREMENT_RANK, Requirement
from .profiles import Profile

# "shall not require the consent of", "is not required to be informed": a negated duty is a
# permission, not a prohibition; so is a negated ban or scope ("this chapter shall not
# prohibit the use of polygraph tests by ...", "shall not be construed to limit", "shall not
# apply to governmental employers"): the text allows what follows.
_NEGATED_DUTY = re.compile(
    r"\s+(?:(?:be\s+)?(?:require[sd]?|obliged|necessary|needed|need)\b"
    r"|(?:be\s+(?:construed|interpreted|deemed)\s+(?:so\s+as\s+)?to\s+)?"
    r"(?:prohibit|preclude|prevent|restrict|limit|forbid|bar|apply)(?:s|ed|ing)?\b)",
    re.IGNORECASE,
)


def requirement_in(text: str, profile: Profile) -> tuple[Requirement, str]:
    """Return the strongest requirement `text` expresses and the keyword that expresses it.

    "The system shall not store images and should log access" is PROHIBITED ("shall not");
    "Capture shall not require the cooperation of the subject" is OPTIONAL (a negated duty).
    Text without a keyword gives (`Requirement.NONE`, "").
    """
    best = Requirement.NONE
    keyword = ""
    for match in profile.requirement_pattern.finditer(text):
        phrase = " ".join(match.group(0).split())
        strength = profile.strength_of(phrase)
        if strength == Requirement.PROHIBITED and _NEGATED_DUTY.match(text, match.end()):
            strength = Requirement.OPTIONAL
        if REQUIREMENT_RANK[strength] > REQUIREMENT_RANK[best]:
            best, keyword = strength, phrase
    return best, keyword
