"""Killed and injured figures, with their qualifiers and the exact words they came from.

Rules over the language of casualty reporting: "six residents were wounded", "killing 12 people",
"at least one death and multiple injuries", "the death toll rose to 9", "no one was hurt".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitrep.extract.numbers import COUNT, parse_count
from sitrep.models import Figure, Span

_PERSON = (
    r"(?:people|persons?|civilians?|residents?|inhabitants|soldiers?|servicem[ae]n|troops|militants?|"
    r"fighters?|rebels?|insurgents?|children|child|kids|minors|teenagers?|boys?|girls?|women|woman|men|man|"
    r"others?|villagers?|police(?:m[ae]n| officers)?|officers?|workers?|passengers?|members?|"
    r"individuals?|students?|pupils|worshippers|protesters?|demonstrators|journalists?|guards?|"
    r"staff|employees|farmers|miners|pilgrims|refugees|migrants|patients|personnel|family members|"
    r"relatives|victims|bystanders|shoppers|firefighters|rescuers|medics|doctors|volunteers|"
    r"of them|more)"
)
_KILLED = r"(?:killed|dead|died|slain|perished|lost their lives|executed|shot dead|massacred|murdered)"
_INJURED = r"(?:wounded|injured|hurt|hospitali[sz]ed|maimed)"
_BE = r"(?:(?:were|was|have been|has been|had been|are|is|got|been)\s+)?(?:reportedly\s+|also\s+|all\s+)?"
_MOD = r"(?:[\w’'-]+\s+){0,2}"  # up to two modifiers: "Ukrainian", "local", "other"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # "six residents were wounded", "one person was killed", "three were wounded"
    (
        "passive",
        re.compile(
            rf"\b{COUNT}\s+(?:{_MOD}{_PERSON}\s+)?{_BE}(?P<verb>{_KILLED}|{_INJURED})\b",
            re.IGNORECASE,
        ),
    ),
    # "killing 12 people", "wounding several people", "injured three civilians"
    (
        "active",
        re.compile(
            rf"\b(?P<verb>killing|killed|wounding|wounded|injuring|injured|leaving|left)\s+"
            rf"{COUNT}(?:\s+{_MOD}{_PERSON})?(?:\s+(?P<state>dead|injured|wounded))?\b",
            re.IGNORECASE,
        ),
    ),
    # "at least one death", "multiple injuries", "one fatality and several wounded", "five dead"
    (
        "noun",
        re.compile(
            rf"\b{COUNT}\s+(?:(?:more|other|civilian|military|confirmed|reported)\s+)?"
            r"(?P<verb>deaths?|fatalities|fatality|dead|injuries|injured|wounded)\b",
            re.IGNORECASE,
        ),
    ),
    # "the death toll rose to 9", "death toll of 14"
    (
        "toll",
        re.compile(
            rf"\b(?P<verb>death toll|toll)\s+(?:\w+\s+){{0,3}}?(?:to|at|of|is|was|reached|hit)\s+{COUNT}\b",
            re.IGNORECASE,
        ),
    ),
]

_NONE_RE = re.compile(
    r"\b(?:no(?:\s+one|body)?\s+(?:was|were|has been|had been)\s+(?P<v1>killed|injured|hurt|wounded)"
    r"|no\s+(?P<v2>casualties|deaths|fatalities|injuries|victims)"
    r"|without\s+(?P<v3>casualties|injuries|victims))",
    re.IGNORECASE,
)

_AGE = re.compile(r"\b\d+-(?:year|month)-old\b", re.IGNORECASE)
_OBJECT_WORDS = re.compile(
    r"\b(?:drones?|missiles?|rockets?|houses?|homes?|buildings?|vehicles?|tanks?|shells?|bombs?|"
    r"countries|days?|hours?|years?|km|kilometres|kilometers|miles|percent|%)\b",
    re.IGNORECASE,
)


@dataclass
class FigureMatch:
    kind: str  # killed or injured
    figure: Figure


def _kind(verb: str, state: str | None = None) -> str:
    word = (state or verb).lower()
    if word in {"leaving", "left"}:
        return "killed"
    if re.fullmatch(_INJURED, word) or word.startswith(("injur", "wound")):
        return "injured"
    return "killed"


def find_figures(text: str, offset: int = 0) -> list[FigureMatch]:
    """All casualty figures in `text` (a clause), with spans shifted by `offset` into the report."""
    found: list[FigureMatch] = []
    taken: list[tuple[int, int]] = []
    for m in _NONE_RE.finditer(text):
        word = (m.group("v1") or m.group("v2") or m.group("v3")).lower()
        span = Span(offset + m.start(), offset + m.end(), m.group(0))
        kinds = ["killed", "injured"] if word in {"casualties", "victims"} else [_kind(word)]
        if word in {"deaths", "fatalities"}:
            kinds = ["killed"]
        for kind in kinds:
            found.append(FigureMatch(kind, Figure(0, 0, "none", span)))
        taken.append((m.start(), m.end()))
    for name, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            between = text[m.start("num") : m.start("verb")] if m.start("verb") > m.start("num") else ""
            if _OBJECT_WORDS.search(_AGE.sub("", between)):
                continue
            state = m.groupdict().get("state")
            if name == "active" and m.group("verb").lower() in {"leaving", "left"} and not state:
                continue
            span = Span(offset + m.start(), offset + m.end(), m.group(0))
            figure = parse_count(m.group("qual"), m.group("num"), span)
            if figure is None or (figure.low == 0 and figure.qualifier is None and figure.high == 0):
                continue
            found.append(FigureMatch(_kind(m.group("verb"), state), figure))
            taken.append((m.start(), m.end()))
    found.sort(key=lambda f: f.figure.span.start if f.figure.span else 0)
    return found


def pick(found: list[FigureMatch], kind: str) -> Figure | None:
    """The figure of one kind a clause states: a total wins over its parts; else the largest."""
    figures = [f.figure for f in found if f.kind == kind]
    if not figures:
        return None
    return max(figures, key=lambda f: (f.low, f.high or f.low))
