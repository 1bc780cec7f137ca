"""Counts written as digits, words or vague quantifiers, read into `Figure` ranges.

Vague words keep a range rather than a guess: "several" is 2 or more, "dozens" 24 or more. The
ACLED single figure is derived later, in the merge stage, from these ranges.
"""

from __future__ import annotations

import re

from sitrep.models import Figure, Span

_UNITS = {
    "zero": 0, "no": 0, "one": 1, "a": 1, "an": 1, "single": 1, "two": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}  # fmt: skip

#: Vague quantifiers: (low, high or None). Documented in docs/ARCHITECTURE.md.
VAGUE: dict[str, tuple[int, int | None]] = {
    "a few": (2, None),
    "few": (2, None),
    "a couple of": (2, 2),
    "couple of": (2, 2),
    "several": (2, None),
    "multiple": (2, None),
    "many": (2, None),
    "numerous": (2, None),
    "some": (2, None),
    "a number of": (2, None),
    "a dozen": (12, 12),
    "dozens": (24, None),
    "dozens of": (24, None),
    "scores of": (40, None),
    "hundreds": (200, None),
    "hundreds of": (200, None),
    "thousands": (2000, None),
    "thousands of": (2000, None),
}

#: Qualifiers before a number and how they bound it.
_QUALIFIERS = {
    "at least": "at least",
    "no fewer than": "at least",
    "no less than": "at least",
    "a minimum of": "at least",
    "more than": "more than",
    "over": "more than",
    "upwards of": "more than",
    "up to": "up to",
    "as many as": "up to",
    "nearly": "about",
    "almost": "about",
    "about": "about",
    "around": "about",
    "approximately": "about",
    "roughly": "about",
    "some": "about",
    "an estimated": "about",
    "at most": "up to",
}

_WORD_NUMBER = (
    r"(?:(?:" + "|".join(_TENS) + r")(?:[- ](?:" + "|".join(k for k in _UNITS if _UNITS[k] > 0) + r"))?"
    r"|" + "|".join(sorted((k for k in _UNITS if k not in {"a", "an", "no"}), key=len, reverse=True)) + r")"
)
_DIGITS = r"\d{1,3}(?:,\d{3})+|\d+"
_QUALIFIER_RE = "|".join(sorted((re.escape(q) for q in _QUALIFIERS), key=len, reverse=True))
_VAGUE_RE = "|".join(sorted((re.escape(v) for v in VAGUE), key=len, reverse=True))

#: A count: optional qualifier, then digits, number words or a vague quantifier.
COUNT = (
    rf"(?:(?P<qual>{_QUALIFIER_RE})\s+)?"
    rf"(?P<num>{_DIGITS}|{_WORD_NUMBER}(?:\s+hundred)?|{_VAGUE_RE}|an?|one)"
)
COUNT_RE = re.compile(rf"\b{COUNT}\b", re.IGNORECASE)


def word_to_int(token: str) -> int | None:
    """'six' -> 6, 'twenty-one' -> 21, '1,200' -> 1200, 'three hundred' -> 300."""
    t = token.lower().replace(",", "").strip()
    if t.isdigit():
        return int(t)
    hundred = 1
    if t.endswith(" hundred"):
        hundred, t = 100, t[: -len(" hundred")].strip()
    if t in _UNITS:
        return _UNITS[t] * hundred
    parts = re.split(r"[- ]", t)
    if parts[0] in _TENS:
        value = _TENS[parts[0]] + (_UNITS.get(parts[1], 0) if len(parts) > 1 else 0)
        return value * hundred
    return None


def parse_count(qualifier: str | None, number: str, span: Span | None = None) -> Figure | None:
    """Turn a matched qualifier and number into a `Figure`, or None if it is not a count."""
    num = number.lower().strip()
    qual = _QUALIFIERS.get(qualifier.lower()) if qualifier else None
    if num in VAGUE:
        low, high = VAGUE[num]
        return Figure(low=low, high=high, qualifier=num.removesuffix(" of"), span=span)
    value = word_to_int(num)
    if value is None:
        return None
    if qual == "at least":
        return Figure(low=value, high=None, qualifier="at least", span=span)
    if qual == "more than":
        return Figure(low=value + 1, high=None, qualifier="more than", span=span)
    if qual == "up to":
        return Figure(low=min(1, value), high=value, qualifier="up to", span=span)
    if qual == "about":
        return Figure(low=value, high=value, qualifier=qualifier.lower() if qualifier else None, span=span)
    return Figure(low=value, high=value, qualifier=None, span=span)
