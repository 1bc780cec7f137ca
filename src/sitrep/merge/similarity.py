"""Text similarity for merging: claims' quotes (character n-grams) and whole reports (TF-IDF).

Both are small own implementations on sparse dicts (no scikit-learn): quotes are short and
compared a handful at a time, and report vectors must grow incrementally as reports arrive
(document frequencies are updated per report, never recomputed over the store).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable

Vector = dict[str, float]

_WORD = re.compile(r"[^\W\d_][\w'’-]*|\d+", re.UNICODE)
#: Function words and reporting verbs: they say nothing about which incident a text is about.
STOPWORDS = frozenset(
    """a an the and or but nor of to in on at for with by from as into onto over under about after
    before between during against than then there here this that these those it its is was were be
    been being are am has have had do does did will would shall should can could may might must not
    no yes he she they we you i me him her them us our their his hers my your who whom whose which
    what when where while why how also more most some any all both each other such only own same so
    very just up out said says say told tells according reported reports report news new one two""".split()  # noqa: SIM905
)


def words(text: str) -> list[str]:
    """Lower-cased content words of a text (stopwords, one- and two-letter words dropped)."""
    out = []
    for m in _WORD.finditer(text):
        w = m.group(0).lower()
        if w.isdigit() or len(w) < 3 or w in STOPWORDS:
            continue
        out.append(w)
    return out


def char_ngrams(text: str, sizes: Iterable[int] = (3, 4, 5)) -> Counter[str]:
    """Character n-grams of each content word padded with spaces: robust to inflection and
    transliteration ("Kharkiv"/"Kharkov" share most of theirs)."""
    grams: Counter[str] = Counter()
    for w in words(text):
        padded = f" {w} "
        for n in sizes:
            grams.update(padded[i : i + n] for i in range(max(1, len(padded) - n + 1)))
    return grams


def normalise(vec: dict[str, float]) -> Vector:
    norm = math.sqrt(sum(x * x for x in vec.values()))
    return {k: x / norm for k, x in vec.items()} if norm else {}


def cosine(a: Vector, b: Vector) -> float:
    """Cosine of two normalised sparse vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(k, 0.0) for k, x in a.items())


def quote_similarity(a: Iterable[str], b: Iterable[str]) -> float:
    """Similarity (0-1) of two sets of quotes: cosine of their sublinear character n-gram counts."""
    va = normalise({k: 1 + math.log(c) for k, c in char_ngrams(" ".join(a)).items()})
    vb = normalise({k: 1 + math.log(c) for k, c in char_ngrams(" ".join(b)).items()})
    return cosine(va, vb)


def salient_terms(text: str) -> tuple[Counter[str], Counter[str]]:
    """A report's content words and its names (capitalised words not opening a sentence, and
    years): names tell two incidents of one kind apart (two heavyweight fights, two earthquakes)."""
    content: Counter[str] = Counter()
    names: Counter[str] = Counter()
    for line in text.splitlines():
        for m in _WORD.finditer(line):
            w = m.group(0)
            low = w.lower()
            if low.isdigit():
                if len(low) == 4 and low[:2] in {"19", "20"}:
                    names["year:" + low] += 1
                continue
            if len(low) < 3 or low in STOPWORDS:
                continue
            content[low] += 1
            before = line[: m.start()].rstrip()
            if w[0].isupper() and before and before[-1] not in '.!?"“':
                names[low] += 1
    return content, names


_MONTH_NAMES = [
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
    ("october", "oct"), ("november", "nov"), ("december", "dec"),
]  # fmt: skip
_MONTH = {name: i + 1 for i, names in enumerate(_MONTH_NAMES) for name in names}
_MON = "|".join(sorted(_MONTH, key=len, reverse=True))
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_MONTH_DAY = re.compile(
    rf"\b(?P<mon>{_MON})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b"
    rf"|\b(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon2>{_MON})\b",
    re.IGNORECASE,
)
_WEEKDAY = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.IGNORECASE)
#: A decimal figure ("magnitude 4.6", "4. 6" as detokenised, "$2.5 billion"), not a clock time.
_DECIMAL = re.compile(
    r"(?<![\d:.])(\d{1,3})\s?\.\s?(\d{1,2})(?![\d:])(?!\s?(?:a\.?\s?m|p\.?\s?m)\b)", re.IGNORECASE
)


def stated_facts(text: str) -> dict[str, set[str]]:
    """The specific facts a report states, by kind: years, month-days, weekdays and decimal
    figures. Reports of one incident share some of each kind they both state; two incidents of one
    kind (two earthquakes at one place, two arrests of players of one team) differ in them."""
    facts: dict[str, set[str]] = {}
    facts["year"] = {m.group(1) for m in _YEAR.finditer(text)}
    days = set()
    for m in _MONTH_DAY.finditer(text):
        month = _MONTH[(m.group("mon") or m.group("mon2")).lower()]
        day = int(m.group("d") or m.group("d2"))
        if 1 <= day <= 31:
            days.add(f"{month}-{day}")
    facts["month_day"] = days
    facts["weekday"] = {m.group(1).lower() for m in _WEEKDAY.finditer(text)}
    facts["decimal"] = {f"{m.group(1)}.{m.group(2)}" for m in _DECIMAL.finditer(text)}
    return {kind: values for kind, values in facts.items() if values}


def fact_conflicts(a: dict[str, set[str]], b: dict[str, set[str]]) -> int:
    """How many kinds of fact both sides state without one value in common (0 = no conflict;
    a kind only one side states is no evidence either way)."""
    return sum(1 for kind, values in a.items() if kind in b and not values & b[kind])


class _Space:
    """Document frequencies that grow one document at a time (incremental IDF)."""

    def __init__(self) -> None:
        self.df: Counter[str] = Counter()
        self.n = 0

    def add(self, terms: Iterable[str]) -> None:
        self.df.update(set(terms))
        self.n += 1

    def vector(self, counts: Counter[str]) -> Vector:
        n = self.n
        return normalise(
            {t: (1 + math.log(c)) * math.log((1 + n) / (1 + self.df[t]) + 1) for t, c in counts.items()}
        )
