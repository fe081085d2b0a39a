"""Normative strength of a piece of text, from the body's requirement keywords."""

from __future__ import annotations

from .model import REQUIREMENT_RANK, Requirement
from .profiles import Profile


def requirement_in(text: str, profile: Profile) -> tuple[Requirement, str]:
    """Return the strongest requirement `text` expresses and the keyword that expresses it.

    "The system shall not store images and should log access" is PROHIBITED ("shall not").
    Text without a keyword gives (`Requirement.NONE`, "").
    """
    best = Requirement.NONE
    keyword = ""
    for match in profile.requirement_pattern.finditer(text):
        phrase = " ".join(match.group(0).split())
        strength = profile.strength_of(phrase)
        if REQUIREMENT_RANK[strength] > REQUIREMENT_RANK[best]:
            best, keyword = strength, phrase
    return best, keyword
