"""One word as a matching key: lower case, American spelling, singular.

The normaliser never rewrites the text itself: it splits it into word tokens (letters and
digits; hyphens, dashes, slashes and spaces separate words) and gives each token a key:
  - lower case ("Emotion" -> "emotion");
  - British spellings to American ("behaviour" -> "behavior", "recognise" -> "recognize",
    "categorisation" -> "categorization", "analyse" -> "analyze", "centre" -> "center");
  - plurals and possessives to the singular ("biometrics" -> "biometric", "faces" -> "face",
    "categories" -> "category", "system's" -> "system").
`matching.lemma` gives every word of a text this key (its `norm`) with its span, and the
dictionary form built on it; hyphenation and spacing variants are handled by the term index
(`matching.vocabulary`).
"""

from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"[^\W_]+(?:['’][sS]\b)?")

# -- British -> American spelling ---------------------------------------------------------
_OUR = {
    "behaviour": "behavior",
    "colour": "color",
    "favour": "favor",
    "labour": "labor",
    "neighbour": "neighbor",
    "honour": "honor",
    "humour": "humor",
    "rumour": "rumor",
    "endeavour": "endeavor",
    "harbour": "harbor",
    "vigour": "vigor",
    "savour": "savor",
}
_WHOLE = {
    "centre": "center",
    "centres": "centers",
    "programme": "program",
    "programmes": "programs",
    "licence": "license",
    "licences": "licenses",
    "defence": "defense",
    "offence": "offense",
    "offences": "offenses",
    "catalogue": "catalog",
    "dialogue": "dialog",
    "judgement": "judgment",
    "judgements": "judgments",
    "ageing": "aging",
    "grey": "gray",
    "tyre": "tire",
    "fibre": "fiber",
    "metre": "meter",
    "metres": "meters",
    "litre": "liter",
    "analyse": "analyze",
    "analysed": "analyzed",
    "analyses": "analyses",  # plural of analysis: left alone
    "analysing": "analyzing",
    "paralyse": "paralyze",
    "enrolment": "enrollment",
    "fulfil": "fulfill",
    "travelling": "traveling",
    "modelling": "modeling",
    "modelled": "modeled",
    "labelling": "labeling",
    "labelled": "labeled",
    "signalling": "signaling",
    "signalled": "signaled",
    "cancelled": "canceled",
    "levelled": "leveled",
    "counselling": "counseling",
    "practise": "practice",
    "sceptical": "skeptical",
    "aluminium": "aluminum",
    "mould": "mold",
    "plough": "plow",
    "cheque": "check",
    "oesophagus": "esophagus",
    "foetus": "fetus",
    "anaesthesia": "anesthesia",
    "paediatric": "pediatric",
    "haemoglobin": "hemoglobin",
    "orthopaedic": "orthopedic",
}
_IZE = re.compile(r"^(?P<stem>[a-z]{4,}?)is(?P<suffix>e|ed|es|ing|er|ers|ation|ations|able)$")
_ISE_KEEP = frozenset(
    {
        "advert",
        "appra",
        "chast",
        "circumc",
        "compr",
        "comprom",
        "conc",
        "desp",
        "dev",
        "disgu",
        "enfranch",
        "enterpr",
        "exerc",
        "expert",
        "franch",
        "impr",
        "improv",
        "merchand",
        "parad",
        "prec",
        "prem",
        "prom",
        "rev",
        "superv",
        "surpr",
        "telev",
        "treat",
        "otherw",
        "likew",
        "clockw",
        "sunr",
        "torto",
        "porpo",
        "turquo",
    }
)

# -- plurals ------------------------------------------------------------------------------
_SINGULAR_KEEP = frozenset(
    {
        "analysis",
        "basis",
        "diagnosis",
        "thesis",
        "hypothesis",
        "synopsis",
        "crisis",
        "status",
        "corpus",
        "census",
        "consensus",
        "virus",
        "bus",
        "focus",
        "bias",
        "alias",
        "canvas",
        "atlas",
        "lens",
        "news",
        "series",
        "species",
        "means",
        "physics",
        "ethics",
        "politics",
        "economics",
        "statistics",
        "mathematics",
        "linguistics",
        "analytics",
        "electronics",
        "is",
        "was",
        "has",
        "this",
        "its",
        "his",
        "us",
        "yes",
        "less",
        "unless",
        "always",
        "perhaps",
        "whereas",
        "various",
        "previous",
        "anonymous",
        "continuous",
        "numerous",
        "serious",
        "obvious",
        "conscious",
        "nervous",
        "religious",
        "suspicious",
        "dangerous",
        "ambiguous",
        "autonomous",
        "homogeneous",
        "heterogeneous",
        "simultaneous",
        "miscellaneous",
        "covid",
    }
)


def _british(word: str) -> str:
    if word in _WHOLE:
        return _WHOLE[word]
    for british, american in _OUR.items():
        if word.startswith(british):
            return american + word[len(british) :]
    match = _IZE.match(word)
    if match and match.group("stem") not in _ISE_KEEP and len(word) >= 8:
        return f"{match.group('stem')}iz{match.group('suffix')}"
    if word.startswith("analys") and not word.startswith("analysis"):
        return "analyz" + word[6:]
    return word


def _singular(word: str) -> str:
    if len(word) <= 3 or word in _SINGULAR_KEEP:
        return word
    if word.endswith(("ous", "ss", "us", "is")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes", "zzes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


@lru_cache(maxsize=200_000)
def word_key(word: str) -> str:
    """Return the matching key of one word (lower case, American spelling, singular)."""
    lowered = word.lower()
    if lowered.endswith(("'s", "’s")):
        lowered = lowered[:-2]
    return _singular(_british(lowered))
