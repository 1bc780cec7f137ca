"""The TF-IDF single-link baseline the incident clustering figures are reported beside.

Every record's text as one TF-IDF vector (sublinear term frequency, IDF over the file's records,
the same content words as `merge.similarity`), and two records in one cluster when a chain of
pairs with cosine >= `THRESHOLD` links them: the textbook document-clustering floor. It sees all
records at once (sitrep's merging sees them one at a time); the threshold was chosen on the
ECB+ dev half A.
"""

from __future__ import annotations

import math
from collections import Counter

from sitrep.merge.similarity import cosine, normalise, words

THRESHOLD = 0.2


def tfidf_single_link(texts: list[str], threshold: float = THRESHOLD) -> list[str]:
    """A cluster label per text (connected components of the cosine >= threshold graph)."""
    counts = [Counter(words(t)) for t in texts]
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
    n = len(texts)
    vecs = [
        normalise({w: (1 + math.log(k)) * math.log((1 + n) / (1 + df[w]) + 1) for w, k in c.items()})
        for c in counts
    ]
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(n):
        for j in range(i):
            if root(i) != root(j) and cosine(vecs[i], vecs[j]) >= threshold:
                parent[root(i)] = root(j)
    return [f"base:{root(i)}" for i in range(n)]
