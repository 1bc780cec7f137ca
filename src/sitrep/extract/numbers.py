"""Counts written as digits, words or vague quantifiers, read into `Figure` ranges.

Vague words keep a range rather than a guess: "several" is 2 or more, "dozens" 24 or more. The
ACLED single figure is derived later, in the merge stage, from these ranges.

Qualified numbers follow the coders' practice (ACLED, UCDP and PITF all record the number the
source gives): "at least 20" and "more than 20" are 20 or more, "up to 20", "as many as 20" and
"about 20" are 20. A range ("30-35", "between 30 and 35") keeps both ends.
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
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}

#: Vague quantifiers: (low, high or None). Documented in docs/ARCHITECTURE.md.
VAGUE: dict[str, tuple[int, int | None]] = {
    "a few": (2, None),
    "few": (2, None),
    "a couple of": (2, 2),
    "couple of": (2, 2),
    "a couple": (2, 2),
    "a handful of": (2, None),
    "several": (2, None),
    "multiple": (2, None),
    "many": (2, None),
    "numerous": (2, None),
    "some": (2, None),
    "a number of": (2, None),
    "a dozen": (12, 12),
    "half a dozen": (6, 6),
    "two dozen": (24, 24),
    "three dozen": (36, 36),
    "dozens": (24, None),
    "dozens of": (24, None),
    "scores of": (40, None),
    "scores": (40, None),
    "tens of": (20, None),
    "hundreds": (200, None),
    "hundreds of": (200, None),
    "thousands": (2000, None),
    "thousands of": (2000, None),
}
#: Vague words that are really exact numbers ("a dozen" is 12, "half a dozen" 6).
_EXACT_VAGUE = {"a dozen", "half a dozen", "two dozen", "three dozen", "a couple", "a couple of", "couple of"}

#: Qualifiers before a number and how they bound it.
_QUALIFIERS = {
    "at least": "at least",
    "no fewer than": "at least",
    "no less than": "at least",
    "not less than": "at least",
    "a minimum of": "at least",
    "more than": "more than",
    "over": "more than",
    "well over": "more than",
    "upwards of": "more than",
    "in excess of": "more than",
    "up to": "up to",
    "as many as": "up to",
    "at most": "up to",
    "fewer than": "fewer than",
    "less than": "fewer than",
    "nearly": "about",
    "almost": "about",
    "close to": "about",
    "about": "about",
    "around": "about",
    "approximately": "about",
    "roughly": "about",
    "some": "about",
    "an estimated": "about",
    "estimated": "about",
}

_UNIT_WORDS = "|".join(
    sorted((k for k in _UNITS if k not in {"a", "an", "no", "single"}), key=len, reverse=True)
)
_TEN_WORDS = "|".join(_TENS)
_NONZERO_UNITS = "|".join(k for k in _UNITS if _UNITS[k] > 0 and k not in {"a", "an", "single"})
_BELOW_HUNDRED = rf"(?:(?:{_TEN_WORDS})(?:[- ](?:{_NONZERO_UNITS}))?|{_UNIT_WORDS})"
#: "six", "twenty-one", "three hundred", "one hundred and twenty", "a hundred", "two thousand".
_WORD_NUMBER = (
    rf"(?:(?:{_BELOW_HUNDRED}|a)\s+(?:hundred|thousand|million)(?:\s+(?:and\s+)?{_BELOW_HUNDRED}(?!\s+(?:hundred|thousand)))?"
    rf"|{_BELOW_HUNDRED})"
)
#: A number in words, to use in other patterns ("six", "twenty-one", "a hundred").
WORD_NUMBER = _WORD_NUMBER
_DIGITS = r"\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?\s+million|\d+"
_QUALIFIER_RE = "|".join(sorted((re.escape(q) for q in _QUALIFIERS), key=len, reverse=True))
_VAGUE_RE = "|".join(sorted((re.escape(v) for v in VAGUE), key=len, reverse=True))
_PLAIN = rf"{_DIGITS}|{_WORD_NUMBER}"

#: A count: optional qualifier, then digits, number words or a vague quantifier, optionally a range
#: ("30-35", "between 30 and 35", "two to three"). Groups: qual, num, num2.
COUNT = (
    rf"(?:(?P<btw>between)\s+|(?P<qual>{_QUALIFIER_RE})\s+)?"
    rf"(?P<num>{_PLAIN}|{_VAGUE_RE}|an?|one)"
    rf"(?:(?(btw)\s+and\s+|(?:\s*[-–]\s*|\s+(?:to|or)\s+))"
    rf"(?P<num2>{_PLAIN})(?!\s*[-–]?\s*(?:year|month|week|day|hour)s?\b))?"
)
#: The same count without named groups, to repeat inside a larger pattern (lists of counts).
COUNT_NC = (
    rf"(?:between\s+(?:{_PLAIN})\s+and\s+(?:{_PLAIN})|(?:(?:{_QUALIFIER_RE})\s+)?(?:{_PLAIN}|{_VAGUE_RE}|an?|one)"
    rf"(?:(?:\s*[-–]\s*|\s+(?:to|or)\s+)(?:{_PLAIN})(?!\s*[-–]?\s*(?:year|month|week|day|hour)s?\b))?)"
)
COUNT_RE = re.compile(rf"\b{COUNT}\b", re.IGNORECASE)


def word_to_int(token: str) -> int | None:
    """'six' -> 6, 'twenty-one' -> 21, '1,200' -> 1200, 'three hundred' -> 300, 'a hundred and five'
    -> 105."""
    t = re.sub(r"\s+", " ", token.lower().replace(",", "").strip())
    if t.isdigit():
        return int(t)
    m = re.fullmatch(r"(\d+(?:\.\d+)?) million", t)
    if m:
        return int(float(m.group(1)) * 1_000_000)
    words = [w for w in re.split(r"[- ]", t) if w and w != "and"]
    if not words:
        return None
    if len(words) == 1 and words[0] in _UNITS:
        return _UNITS[words[0]]
    total, current = 0, 0
    for i, w in enumerate(words):
        if w in {"a", "an"} and i == 0 and len(words) > 1 and words[1] in _SCALES:
            current = 1
        elif w in _UNITS and w not in {"a", "an", "no"}:
            current += _UNITS[w]
        elif w in _TENS:
            current += _TENS[w]
        elif w in _SCALES:
            scale = _SCALES[w]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0
        else:
            return None
    return total + current


def parse_count(
    qualifier: str | None, number: str, span: Span | None = None, number2: str | None = None
) -> Figure | None:
    """Turn a matched qualifier and number into a `Figure`, or None if it is not a count."""
    num = re.sub(r"\s+", " ", number.lower().strip())
    qual = _QUALIFIERS.get(re.sub(r"\s+", " ", qualifier.lower())) if qualifier else None
    if num in VAGUE:
        low, high = VAGUE[num]
        if num in _EXACT_VAGUE:
            if qual in {"more than", "at least"}:
                return Figure(low=low, high=None, qualifier=qual, span=span)
            return Figure(low=low, high=high, qualifier=qual, span=span)
        return Figure(low=low, high=high, qualifier=num.removesuffix(" of"), span=span)
    value = word_to_int(num)
    if value is None:
        return None
    if number2 is not None:
        value2 = word_to_int(number2)
        if value2 is not None and value2 > value:
            return Figure(low=value, high=value2, qualifier="between", span=span)
    if qual in {"at least", "more than"}:
        # ACLED, UCDP and PITF code the number the source gives: "more than 50" is 50.
        return Figure(low=value, high=None, qualifier=qual, span=span)
    if qual == "up to":
        return Figure(low=value, high=value, qualifier="up to", span=span)
    if qual == "fewer than":
        return Figure(low=max(value - 1, 0), high=max(value - 1, 0), qualifier="fewer than", span=span)
    if qual == "about":
        return Figure(low=value, high=value, qualifier=qualifier.lower() if qualifier else None, span=span)
    return Figure(low=value, high=value, qualifier=None, span=span)
