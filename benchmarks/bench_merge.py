"""Speed of incremental merging and of the daily brief on a store of 100,000 events.

Builds (once, cached in --db) a synthetic store through the Store API: events spread over a year
and twelve countries, each with one claim of its own report. Then times
  - merging one new report (3 claims, 2 incidents, no NLP: `merge_claims` alone) with the
    indexed (date, country) candidate lookup, beside the named baseline `date+type lookup`
    (the previous exact-key query: every event of the family within the window, any country);
  - building one day's brief (`query_events` + `build_brief` + markdown rendering);
  - grouping a batch of generated reports into stories (`merge.stories.group_stories`, as
    `sitrep eval` does for ECB+), its average linkage beside the named baseline `naive average
    linkage` (a full scan of the similarity matrix for the best pair at every merge).

    python benchmarks/bench_merge.py [--events 100000] [--reports 200] [--db PATH] [--json]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sitrep.merge.cluster import merge_claims
from sitrep.merge.policy import MergePolicy
from sitrep.merge.reconcile import reconcile
from sitrep.merge.stories import average_linkage, story_similarities
from sitrep.models import (
    Claim,
    Claimant,
    DatePrecision,
    Event,
    EventDate,
    Figure,
    Location,
    Place,
    Precision,
    Report,
    Span,
)
from sitrep.report.brief import RENDERERS, build_brief
from sitrep.store import Store

START = date(2025, 1, 1)
COUNTRIES = [
    ("Ukraine", "UA", 49.0, 32.0), ("Russia", "RU", 51.0, 39.0), ("Syria", "SY", 35.0, 38.0),
    ("Sudan", "SD", 15.0, 30.0), ("Mali", "ML", 15.0, -2.0), ("Nigeria", "NG", 10.0, 8.0),
    ("Somalia", "SO", 4.0, 45.0), ("Yemen", "YE", 15.5, 47.5), ("Myanmar", "MM", 21.0, 96.0),
    ("Colombia", "CO", 4.0, -73.0), ("DR Congo", "CD", -2.0, 24.0), ("Burkina Faso", "BF", 12.0, -1.5),
]  # fmt: skip
TYPES = [
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Battles", "Armed clash"),
    ("Violence against civilians", "Attack"),
    ("Protests", "Peaceful protest"),
]


def _claim(rng: random.Random, report_id: str, index: int, day: date, country: tuple, incident: int) -> Claim:
    name, code, lat, lon = country
    town = rng.randrange(40)  # 40 towns per country, ~30 km apart
    place = Place(
        f"Town {code}{town}", lat + town * 0.3, lon, "city", code, name,
        admin1=f"{name} R{town // 10}", geonameid=COUNTRIES.index(country) * 100 + town,
    )  # fmt: skip
    et, sub = rng.choice(TYPES)
    text = f"A {sub.lower()} hit {place.name} on {day:%d %B}, killing {index + 2} people, officials said."
    return Claim(
        report_id=report_id,
        index=index,
        quote=Span(0, len(text), text),
        claimant=Claimant("Governor", kind="person", affiliation=name),
        event_type=et,
        sub_event_type=sub,
        location=Location(place.name, place, Precision.TOWN),
        date=EventDate(day, DatePrecision.DAY, text=day.isoformat()),
        killed=Figure(index + 2, index + 2),
        incident_key=incident,
    )


def build_store(path: Path, n_events: int, seed: int = 1) -> Store:
    """Write `n_events` synthetic events (one claim, one report each) in batches of 2,000."""
    store = Store.open(path)
    if store.stats()["events"] >= n_events:
        return store
    rng = random.Random(seed)
    t0 = time.perf_counter()
    for start in range(0, n_events, 2000):
        with store.transaction():
            for i in range(start, min(n_events, start + 2000)):
                day = START + timedelta(days=rng.randrange(365))
                report = Report(text=f"synthetic report {i}", source="bench", published=datetime(
                    day.year, day.month, day.day, 12, tzinfo=UTC))  # fmt: skip
                store.add_report(report)
                claim = _claim(rng, report.id, 0, day, rng.choice(COUNTRIES), 0)
                event = Event(
                    f"evb{i:011d}", claim.event_type, claim.sub_event_type, day, DatePrecision.DAY, None
                )
                store.save_event(reconcile(event, [claim]))
    print(f"built {n_events} events in {time.perf_counter() - t0:.0f} s", flush=True)
    return store


class DateTypeLookup:
    """The baseline: the previous exact-key candidate query (date window + types, any country)."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def candidate_events(
        self, day_from: date, day_to: date, event_types: Any, country: Any = None, near: Any = None
    ) -> list[Event]:
        return self._store.candidate_events(day_from, day_to, event_types)  # decodes every row

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)


def time_merges(store: Any, n: int, seed: int) -> list[float]:
    rng = random.Random(seed)
    times = []
    for k in range(n):
        day = START + timedelta(days=rng.randrange(365))
        report = Report(text=f"new report {seed}-{k}", source="bench")
        country = rng.choice(COUNTRIES)
        claims = [_claim(rng, report.id, i, day, country, i // 2) for i in range(3)]
        with store.transaction():
            store.add_report(report)
            t0 = time.perf_counter()
            merge_claims(claims, store, MergePolicy())
            times.append((time.perf_counter() - t0) * 1000)
    return times


def story_texts(n: int, seed: int = 3) -> list[str]:
    """n reports about n/8 incidents: each incident has its own names and words, every report adds
    words drawn from a shared vocabulary (the topic's common language)."""
    rng = random.Random(seed)
    vocab = [f"word{i}" for i in range(3000)]
    incidents = [([f"Name{i}x{j}" for j in range(4)], rng.sample(vocab, 25)) for i in range(max(1, n // 8))]
    texts = []
    for _ in range(n):
        names, words = rng.choice(incidents)
        body = rng.choices(words, k=30) + rng.choices(vocab, k=40)
        texts.append("Report. " + " ".join(body) + " with " + " and ".join(rng.sample(names, 3)) + ".")
    return texts


def naive_average_linkage(similarity: Any, threshold: float) -> int:
    """The baseline: the best pair by a full scan at every merge; returns the number of groups."""
    import numpy as np

    sim = np.array(similarity, dtype=float)
    np.fill_diagonal(sim, -np.inf)
    size = np.ones(len(sim))
    groups = len(sim)
    while groups > 1:
        i, j = np.unravel_index(int(sim.argmax()), sim.shape)
        if sim[i, j] < threshold:
            break
        merged = (sim[i] * size[i] + sim[j] * size[j]) / (size[i] + size[j])
        sim[i, :], sim[:, i] = merged, merged
        sim[i, i] = sim[j, :] = sim[:, j] = -np.inf
        size[i] += size[j]
        groups -= 1
    return groups


def time_stories(n: int) -> dict[str, Any]:
    texts = story_texts(n)
    threshold = MergePolicy().story_similarity
    t0 = time.perf_counter()
    similarity = story_similarities(texts)
    t1 = time.perf_counter()
    groups = average_linkage(similarity, threshold)
    t2 = time.perf_counter()
    baseline_groups = naive_average_linkage(similarity, threshold)
    t3 = time.perf_counter()
    assert len(set(groups)) == baseline_groups  # same clustering, only faster
    return {"reports": n, "stories": len(set(groups)), "similarities_s": round(t1 - t0, 2),
            "linkage_s": round(t2 - t1, 2), "baseline_naive_linkage_s": round(t3 - t2, 2),
            "matrix_mb": round(similarity.nbytes / 2**20, 1)}  # fmt: skip


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[int(q) - 1] if len(values) > 1 else values[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--reports", type=int, default=200)
    parser.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "sitrep-bench-merge.db")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    store = build_store(args.db, args.events)
    out: dict[str, Any] = {"events": store.stats()["events"]}
    for name, target, seed in (("sitrep", store, 7), ("baseline_date_type_lookup", DateTypeLookup(store), 8)):
        times = time_merges(target, args.reports, seed)
        out[f"merge_ms_{name}"] = {"p50": round(pct(times, 50), 2), "p95": round(pct(times, 95), 2)}
    day = START + timedelta(days=100)
    briefs = []
    for _ in range(5):
        t0 = time.perf_counter()
        found = store.query_events(date_from=day, date_to=day, limit=None)
        text = RENDERERS["md"](build_brief(found, store.get_report, day=day))
        briefs.append(time.perf_counter() - t0)
    out["brief_s"] = {"events_that_day": len(found), "median": round(statistics.median(briefs), 3),
                      "chars": len(text)}  # fmt: skip
    plan = (
        store.engine.connect()
        .exec_driver_sql(
            "EXPLAIN QUERY PLAN SELECT * FROM events "
            "WHERE date BETWEEN '2025-03-01' AND '2025-03-03' AND country = 'Syria'"
        )
        .fetchall()
    )
    out["candidate_plan"] = " | ".join(str(r[-1]) for r in plan)
    out["stories"] = [time_stories(n) for n in (615, 2000)]
    print(json.dumps(out, indent=None if args.json else 2))


if __name__ == "__main__":
    main()
