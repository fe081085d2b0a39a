"""Requirement strength from each body's keywords."""

from __future__ import annotations

import pytest

from stdcomment.model import Body, Requirement
from stdcomment.profiles import profile_for
from stdcomment.requirements import requirement_in

R = Requirement


@pytest.mark.parametrize(
    ("body", "text", "strength", "keyword"),
    [
        (Body.ITU_T, "The ERVS is required to log access.", R.REQUIRED, "is required to"),
        (
            Body.ITU_T,
            "It is required that the frame rate exceeds 25 fps.",
            R.REQUIRED,
            "is required that",
        ),
        (
            Body.ITU_T,
            "The ERVS is prohibited from storing faces.",
            R.PROHIBITED,
            "is prohibited from",
        ),
        (Body.ITU_T, "Encryption is recommended.", R.RECOMMENDED, "is recommended"),
        (Body.ITU_T, "Raw storage is not recommended.", R.NOT_RECOMMENDED, "is not recommended"),
        (Body.ITU_T, "The ERVS can optionally compress video.", R.OPTIONAL, "can optionally"),
        (
            Body.ITU_T,
            "The ERVS shall not store images and should log access.",
            R.PROHIBITED,
            "shall not",
        ),
        (Body.IEEE, "The system may use audio.", R.OPTIONAL, "may"),
        (Body.IEEE, "Affect can be estimated from voice.", R.POSSIBLE, "can"),
        (Body.IEEE, "Published in May 2020.", R.NONE, ""),
        (Body.ISO, "Operators need not retain logs.", R.OPTIONAL, "need not"),
        (
            Body.ISO,
            "Capture shall not require the cooperation of the subject.",
            R.OPTIONAL,
            "shall not",
        ),
        (Body.ISO, "The shoulder strap should-be adjusted.", R.NONE, ""),
    ],
)
def test_requirement_strength(body: Body, text: str, strength: Requirement, keyword: str) -> None:
    assert requirement_in(text, profile_for(body)) == (strength, keyword)


@pytest.mark.parametrize(
    "text",
    [
        "This chapter shall not prohibit the use of polygraph tests by any private employer.",
        "Nothing in this section shall not be construed to limit the collection of samples.",
        "This chapter shall not apply with respect to the United States Government.",
    ],
)
def test_a_negated_ban_or_scope_is_a_permission(text: str) -> None:
    assert requirement_in(text, profile_for(Body.UNKNOWN))[0] == Requirement.OPTIONAL


def test_a_ban_that_names_its_object_stays_a_ban() -> None:
    found = requirement_in(
        "The system shall not store images of bystanders.", profile_for(Body.UNKNOWN)
    )
    assert found[0] == Requirement.PROHIBITED
