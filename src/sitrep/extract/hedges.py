"""Hedged claims: words that say a claim is unverified, alleged or second-hand.

Reporters mark what they could not check: "the figures could not be independently verified",
"reportedly", "allegedly", "unconfirmed reports". Such a claim is kept (it is still what someone
asserted) but with lower confidence, so that analysts can sort or filter on it. A verification
caveat in a sentence of its own covers the claims before it in the same paragraph; a hedge word
inside a sentence covers that sentence's claims.
"""

from __future__ import annotations

import re

#: A caveat about checking: it may stand alone and refer back ("This could not be verified.").
_UNVERIFIED = re.compile(
    r"\b(?:could not|couldn['’]t|cannot|can['’]t|were unable to|was unable to|has not been able to|"
    r"have not been able to|it was not possible to|not possible to)\s+(?:be\s+)?(?:independently\s+)?"
    r"(?:verif(?:y|ied)|confirm(?:ed)?|corroborat(?:e|ed))\b|"
    r"\b(?:not|un)\s*(?:been\s+)?(?:independently\s+)?(?:verified|confirmed|corroborated)\b|"
    r"\bunverified\b|\bunconfirmed\b|\bno independent (?:confirmation|verification)\b",
    re.IGNORECASE,
)
#: Hedge words that qualify the sentence they are in.
_HEDGE_WORDS = re.compile(
    r"\b(?:reportedly|allegedly|purportedly|supposedly|rumou?red|rumou?rs?|according to unconfirmed|"
    r"(?:is|are|was|were) (?:said|believed|thought|feared) to (?:have|be)|feared (?:dead|killed))\b",
    re.IGNORECASE,
)
#: How much one hedge lowers a claim's confidence (never below FLOOR).
PENALTY = 0.2
FLOOR = 0.1


def hedge_in(sentence: str) -> str | None:
    """The hedge phrase of a sentence ("could not be independently verified", "reportedly"), or None."""
    m = _UNVERIFIED.search(sentence) or _HEDGE_WORDS.search(sentence)
    return m.group(0) if m else None


def refers_back(sentence: str) -> bool:
    """Whether a sentence's caveat is about checking, and so may refer to earlier claims."""
    return _UNVERIFIED.search(sentence) is not None


def lowered(confidence: float) -> float:
    return max(FLOOR, round(confidence - PENALTY, 2))
