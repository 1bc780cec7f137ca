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
