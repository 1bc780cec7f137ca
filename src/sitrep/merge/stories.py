"""Stories: a batch of reports grouped by the incident they are about, conflict event or not.

Most news has no ACLED event (a celebrity's rehab, an earthquake, a product launch): such reports
yield no claims and would each stand alone. A story groups them by text alone. Each report is a
pair of TF-IDF vectors over the whole batch (content words, and separately names: capitalised
words not opening a sentence, and years); two reports' similarity is the mean of the two cosines,
less `CONFLICT_WEIGHT` for every kind of stated fact (year, month-day, weekday, decimal figure)
both state without a value in common (magnitude 4.4 on Sunday is not magnitude 4.6 on Thursday).
Names count half: two incidents of one kind share their vocabulary ("shooting", "heavyweight
title") but rarely their people and places.

Reports are then joined by average linkage: two groups merge while the mean similarity of all
their cross pairs is at least `MergePolicy.story_similarity`. Average linkage, unlike a running
centroid, does not drift: one early report that mentions two incidents cannot pull both into
one story, because every later pair still has to agree on average. It needs the whole batch (the
document frequencies and the pairs), so stories are a batch step, as in `sitrep eval` and
backfills; the live store groups claims into events (`merge.cluster`) and keeps no stories.
Memory is one n×n float matrix: fine for thousands of reports, not for a whole archive at once
(group it by period first).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import numpy as np

from sitrep.merge.policy import MergePolicy
from sitrep.merge.similarity import Vector, _Space, fact_conflicts, salient_terms, stated_facts

#: Weight of the names' similarity beside the content words'.
NAME_WEIGHT = 0.5
#: Penalty per kind of stated fact on which two reports disagree (`fact_conflicts`).
CONFLICT_WEIGHT = 0.1


def story_similarities(
    texts: Sequence[str], name_weight: float = NAME_WEIGHT, conflict_weight: float = CONFLICT_WEIGHT
) -> np.ndarray:
    """Pairwise similarity of reports (symmetric n×n; the diagonal is meaningless)."""
    terms = [salient_terms(text) for text in texts]
    content_space, names_space = _Space(), _Space()
    for content, names in terms:
        content_space.add(content)
        names_space.add(names)
    content = _gram([content_space.vector(c) for c, _ in terms])
    names = _gram([names_space.vector(n) for _, n in terms])
    similarity = (1 - name_weight) * content + name_weight * names
    if conflict_weight:
        facts = [stated_facts(text) for text in texts]
        for i in range(len(texts)):
            for j in range(i + 1, len(texts)):
                if facts[i] and facts[j]:
                    conflicts = fact_conflicts(facts[i], facts[j])
                    if conflicts:
                        similarity[i, j] -= conflict_weight * conflicts
                        similarity[j, i] = similarity[i, j]
    return similarity


def _gram(vectors: list[Vector]) -> np.ndarray:
    """All pairwise dot products of sparse normalised vectors (cosines), through term postings:
    the cost is the sum of each term's document frequency squared, not n² × vocabulary."""
    gram = np.zeros((len(vectors), len(vectors)))
    postings: defaultdict[str, list[tuple[int, float]]] = defaultdict(list)
    for i, vector in enumerate(vectors):
        for term, weight in vector.items():
            postings[term].append((i, weight))
    for posting in postings.values():
        if len(posting) < 2:
            continue
        rows = np.fromiter((i for i, _ in posting), dtype=np.intp, count=len(posting))
        weights = np.fromiter((w for _, w in posting), dtype=float, count=len(posting))
        gram[np.ix_(rows, rows)] += np.outer(weights, weights)
    return gram


def average_linkage(similarity: np.ndarray, threshold: float) -> list[int]:
    """Agglomerative clustering: merge the two most similar groups (mean pairwise similarity)
    while that mean is ≥ threshold. Returns a group number per item (the smallest member index).

    Each merge updates one row (the size-weighted mean of the two) and the best partner of only
    the rows whose best partner changed, so a batch of n costs about n² per merge at worst."""
    n = len(similarity)
    sim = np.array(similarity, dtype=float)
    np.fill_diagonal(sim, -np.inf)
    size = np.ones(n)
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    best = sim.argmax(axis=1) if n else np.zeros(0, dtype=np.intp)
    best_value = sim[np.arange(n), best] if n else np.zeros(0)
    while n > 1:
        i = int(best_value.argmax())
        j = int(best[i])
        if best_value[i] < threshold:
            break
        i, j = min(i, j), max(i, j)  # keep the lower index as the group's number
        merged = (sim[i] * size[i] + sim[j] * size[j]) / (size[i] + size[j])
        sim[i, :] = merged
        sim[:, i] = merged
        sim[i, i] = -np.inf
        sim[j, :] = -np.inf
        sim[:, j] = -np.inf
        size[i] += size[j]
        members[i] += members.pop(j)
        best_value[j] = -np.inf
        stale = np.flatnonzero((best == i) | (best == j))
        for row in {i, *stale.tolist()} - {j}:
            best[row] = sim[row].argmax()
            best_value[row] = sim[row, best[row]]
        fresher = sim[:, i] > best_value
        best[fresher] = i
        best_value[fresher] = sim[fresher, i]
    group = [0] * n
    for number, indices in members.items():
        for index in indices:
            group[index] = number
    return group


def group_stories(
    texts: Sequence[str],
    threshold: float = MergePolicy.story_similarity,
    name_weight: float = NAME_WEIGHT,
    conflict_weight: float = CONFLICT_WEIGHT,
) -> list[int]:
    """The story of each report of a batch, as the index of its story's first report."""
    if not texts:
        return []
    return average_linkage(story_similarities(texts, name_weight, conflict_weight), threshold)
