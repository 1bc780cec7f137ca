"""Scoring functions: plain Python over lists, no I/O and no sitrep types.

Conventions shared by every function here:

- A function returns ``None`` when it has nothing to score (no records), so that callers can leave
  the figure out rather than print a misleading 0 or 1.
- Classification F1 uses the classes that occur in the gold labels; a prediction outside them
  still costs the gold class its recall (sklearn's ``labels=gold`` behaviour).
- Clustering scores take two parallel sequences of cluster labels (gold and predicted), one entry
  per item; labels are any hashable values.
- Ratios whose denominator is empty (no predicted links for pairwise precision, no gold links for
  pairwise recall) are 1.0: nothing was claimed, so nothing was wrong.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Sequence

import numpy as np


def ratio(hits: int, total: int) -> float | None:
    """hits / total, or None for an empty total."""
    return hits / total if total else None


def accuracy(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> float | None:
    """Share of positions where the prediction equals the gold label."""
    _same_length(gold, pred)
    return ratio(sum(g == p for g, p in zip(gold, pred, strict=True)), len(gold))


def f1(precision: float | None, recall: float | None) -> float | None:
    """Harmonic mean; 0 when both are 0, None when either is unknown."""
    if precision is None or recall is None:
        return None
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def per_class_f1(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> dict[Hashable, float]:
    """F1 of each class that occurs in the gold labels."""
    _same_length(gold, pred)
    tp: Counter[Hashable] = Counter()
    fp: Counter[Hashable] = Counter()
    fn: Counter[Hashable] = Counter()
    for g, p in zip(gold, pred, strict=True):
        if g == p:
            tp[g] += 1
        else:
            fn[g] += 1
            fp[p] += 1
    return {c: 2 * tp[c] / (2 * tp[c] + fp[c] + fn[c]) for c in dict.fromkeys(gold)}


def macro_f1(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> float | None:
    """Unweighted mean of the per-class F1 over the gold classes."""
    scores = per_class_f1(gold, pred)
    return sum(scores.values()) / len(scores) if scores else None


def weighted_f1(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> float | None:
    """Per-class F1 weighted by each class's gold support."""
    scores = per_class_f1(gold, pred)
    if not scores:
        return None
    support = Counter(gold)
    return sum(scores[c] * support[c] for c in scores) / len(gold)


def confusion(
    gold: Sequence[Hashable], pred: Sequence[Hashable], labels: Sequence[Hashable]
) -> dict[Hashable, dict[Hashable, int]]:
    """Counts[gold][pred] over the given labels (rows and columns in that order, zeros kept)."""
    _same_length(gold, pred)
    table = {g: dict.fromkeys(labels, 0) for g in labels}
    for g, p in zip(gold, pred, strict=True):
        if g in table and p in table[g]:
            table[g][p] += 1
    return table


def acc_at_km(distances: Iterable[float | None], km: float) -> float | None:
    """Share of items within `km` kilometres; an item with no distance (no prediction) is wrong."""
    items = list(distances)
    return ratio(sum(d is not None and d <= km for d in items), len(items))


def median(values: Iterable[float | None]) -> float | None:
    """Median of the known values (None entries are skipped), or None when there are none."""
    known = [v for v in values if v is not None]
    return float(statistics.median(known)) if known else None


def mean_absolute_error(gold: Sequence[float], pred: Sequence[float]) -> float | None:
    _same_length(gold, pred)
    return ratio(sum(abs(g - p) for g, p in zip(gold, pred, strict=True)), len(gold))  # type: ignore[arg-type]


# -- clustering -------------------------------------------------------------------------------------


def bcubed(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> tuple[float, float, float] | None:
    """B-cubed precision, recall and F1 (Bagga & Baldwin 1998), averaged over items.

    For an item i with predicted cluster C(i) and gold cluster G(i): precision_i =
    |C(i) ∩ G(i)| / |C(i)|, recall_i = |C(i) ∩ G(i)| / |G(i)|. F1 is the harmonic mean of the
    averaged precision and recall.
    """
    _same_length(gold, pred)
    if not gold:
        return None
    cell: Counter[tuple[Hashable, Hashable]] = Counter(zip(gold, pred, strict=True))
    gold_size = Counter(gold)
    pred_size = Counter(pred)
    precision = sum(cell[(g, p)] / pred_size[p] for g, p in zip(gold, pred, strict=True)) / len(gold)
    recall = sum(cell[(g, p)] / gold_size[g] for g, p in zip(gold, pred, strict=True)) / len(gold)
    return precision, recall, f1(precision, recall) or 0.0


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def pairwise(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> tuple[float, float, float] | None:
    """Link precision, recall and F1 over the item pairs put in one cluster.

    precision = pairs together in both / pairs together in the prediction;
    recall = pairs together in both / pairs together in the gold (empty denominators give 1.0).
    """
    _same_length(gold, pred)
    if not gold:
        return None
    both = sum(_pairs(n) for n in Counter(zip(gold, pred, strict=True)).values())
    in_pred = sum(_pairs(n) for n in Counter(pred).values())
    in_gold = sum(_pairs(n) for n in Counter(gold).values())
    precision = both / in_pred if in_pred else 1.0
    recall = both / in_gold if in_gold else 1.0
    return precision, recall, f1(precision, recall) or 0.0


def adjusted_rand_index(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> float | None:
    """Adjusted Rand index (Hubert & Arabie 1985), from the contingency table.

    ARI = (index - expected) / (max - expected) with index = Σ C(n_ij, 2), expected =
    Σ C(a_i, 2) · Σ C(b_j, 2) / C(n, 2) and max = (Σ C(a_i, 2) + Σ C(b_j, 2)) / 2. It is 1 for
    identical partitions, about 0 for chance agreement and can be negative. When max equals expected
    (e.g. both partitions all singletons, or both one cluster) the partitions agree: 1.0.
    """
    _same_length(gold, pred)
    if not gold:
        return None
    g_index = {g: i for i, g in enumerate(dict.fromkeys(gold))}
    p_index = {p: i for i, p in enumerate(dict.fromkeys(pred))}
    table = np.zeros((len(g_index), len(p_index)), dtype=np.int64)
    for g, p in zip(gold, pred, strict=True):
        table[g_index[g], p_index[p]] += 1

    def comb2(x: np.ndarray) -> float:
        return float((x * (x - 1) // 2).sum())

    index = comb2(table)
    sum_a = comb2(table.sum(axis=1))
    sum_b = comb2(table.sum(axis=0))
    total = _pairs(len(gold))
    expected = sum_a * sum_b / total if total else 0.0
    maximum = (sum_a + sum_b) / 2
    if maximum == expected:
        return 1.0
    return (index - expected) / (maximum - expected)


def group_by(keys: Sequence[Hashable], *columns: Sequence[Hashable]) -> dict[Hashable, list[list[Hashable]]]:
    """Split parallel columns by a key column: {key: [column0_part, column1_part, ...]}."""
    out: dict[Hashable, list[list[Hashable]]] = defaultdict(lambda: [[] for _ in columns])
    for i, key in enumerate(keys):
        for j, column in enumerate(columns):
            out[key][j].append(column[i])
    return dict(out)


def _same_length(a: Sequence[object], b: Sequence[object]) -> None:
    if len(a) != len(b):
        raise ValueError(f"gold and prediction differ in length ({len(a)} vs {len(b)})")
