"""Speed of `sitrep serve` on a large store, against the Store's own query path in the same run.

A SQLite file of synthetic events (default 100,000, written through the Store API: reports,
events, one claim each) is served by a real uvicorn server on 127.0.0.1, and measured:
  - list/filter API: p50/p95 of GET /api/events with each filter (page of 100 with the total),
    against the baseline `Store.query_events` + `Store.count_events` (the CLI's `sitrep events`
    path: lower() comparisons, every event decoded from JSON) on the same filters;
  - GeoJSON of 10,000 events: GET /api/events.geojson?limit=10000, against the baseline
    `Store.query_events(limit=10000)` + `report.export.write_geojson` (what
    `sitrep export --format geojson` does);
  - the map with 10,000 events: Debian's headless chromium (Playwright) loads the page until
    every event is drawn (markers clustered, regions as circles); skipped if /usr/bin/chromium
    is absent.

    python benchmarks/bench_web.py [--events 100000] [--db FILE] [--runs 30] [--json]

A --db that already holds the requested number of events is reused (building 100,000 takes a
few minutes).
"""

from __future__ import annotations

import argparse
import io
import json
import random
import socket
import statistics
import sys
import tempfile
import threading
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import uvicorn

from sitrep.models import (
    Claim,
    Claimant,
    DatePrecision,
    Event,
    Figure,
    FigureRange,
    Location,
    Place,
    Precision,
    Report,
    Span,
)
from sitrep.report.export import write_geojson
from sitrep.store import Store
from sitrep.web import Settings, create_app

CHROMIUM = "/usr/bin/chromium"
TYPES = [
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Battles", "Armed clash"),
    ("Violence against civilians", "Attack"),
    ("Strategic developments", "Disrupted weapons use"),
    ("Protests", "Peaceful protest"),
    ("Riots", "Violent demonstration"),
    ("Diplomacy", "Talks"),
]
COUNTRIES = [  # name, code, centre, admin1 names
    ("Ukraine", "UA", (49.0, 32.0), ["Kharkiv Oblast", "Donetsk Oblast", "Kyiv City", "Odesa Oblast"]),
    ("Russia", "RU", (52.0, 38.0), ["Belgorod Oblast", "Kursk Oblast", "Rostov Oblast"]),
    ("Sudan", "SD", (15.5, 30.0), ["Khartoum", "North Darfur"]),
    ("Mali", "ML", (15.0, -3.0), ["Mopti", "Gao"]),
    ("Myanmar", "MM", (20.0, 96.0), ["Sagaing", "Shan"]),
    ("Syria", "SY", (35.0, 38.0), ["Idlib", "Aleppo"]),
    ("Somalia", "SO", (4.0, 45.5), ["Banaadir", "Lower Shabelle"]),
    ("Nigeria", "NG", (10.0, 8.0), ["Borno", "Zamfara"]),
]
PRECISIONS = (
    [Precision.TOWN] * 14
    + [Precision.NEAR] * 2
    + [Precision.DISTRICT] * 2
    + [Precision.REGION]
    + [Precision.COUNTRY]
)
CLAIMANTS = [f"Claimant {i}" for i in range(40)]
DAY0 = date(2025, 1, 1)
FILTERS: dict[str, dict[str, str]] = {
    "all (page 1)": {},
    "date range (30 days)": {"from": "2025-06-01", "to": "2025-06-30"},
    "type": {"type": "Battles"},
    "sub-type": {"sub_type": "Air/drone strike"},
    "country": {"country": "Sudan"},
    "country code": {"country": "ua"},
    "area (admin1)": {"area": "Kharkiv Oblast"},
    "contested": {"contested": "true"},
    "bbox": {"bbox": "35,48,38,51"},
    "claimant": {"claimant": "Claimant 7"},
    "text": {"text": "Kharkiv"},
    "combined": {
        "from": "2025-03-01",
        "to": "2025-09-30",
        "country": "UA",
        "type": "Explosions/Remote violence",
    },
    "deep page (offset 5000)": {"offset": "5000"},
}
#: The Store path takes the same filters under its own names (no bbox, claimant, sub-type).
STORE_ARGS: dict[str, dict[str, Any] | None] = {
    "all (page 1)": {},
    "date range (30 days)": {"date_from": "2025-06-01", "date_to": "2025-06-30"},
    "type": {"event_type": "Battles"},
    "sub-type": {"event_type": "Air/drone strike"},
    "country": {"country": "Sudan"},
    "country code": {"country": "ua"},
    "area (admin1)": {"admin1": "Kharkiv Oblast"},
    "contested": {"contested": True},
    "bbox": None,
    "claimant": None,
    "text": {"text": "Kharkiv"},
    "combined": {
        "date_from": "2025-03-01",
        "date_to": "2025-09-30",
        "country": "UA",
        "event_type": "Explosions/Remote violence",
    },  # fmt: skip
    "deep page (offset 5000)": {"offset": 5000},
}


def build(db: Path, n: int, seed: int = 0) -> None:
    """Write `n` synthetic events (and a report and claim for each 1/1 event) through the Store API."""
    rng = random.Random(seed)
    store = Store.open(db)
    now = datetime(2026, 1, 1, tzinfo=UTC)
    batch = 2000
    reports: list[Report] = []
    for start in range(0, n, batch):
        with store.transaction():
            for i in range(start, min(n, start + batch)):
                if i % 100 == 0:
                    report = Report(
                        text=f"Synthetic report {i}. " + "Shelling was reported near the front. " * 5,
                        origin="api",
                        source=f"Outlet {i % 17}",
                        url=f"https://example.org/r/{i}",
                        title=f"Report {i}",
                        published=now,
                    )
                    store.add_report(report)
                    reports.append(report)
                event_type, sub = rng.choice(TYPES)
                country, code, (clat, clon), regions = rng.choice(COUNTRIES)
                admin1 = rng.choice(regions)
                precision = rng.choice(PRECISIONS)
                lat = clat + rng.uniform(-3, 3)
                lon = clon + rng.uniform(-4, 4)
                name = {Precision.COUNTRY: country, Precision.REGION: admin1}.get(
                    precision, f"Town {rng.randrange(3000)}"
                )
                if rng.random() < 0.03:
                    name = "Kharkiv"
                kind = {Precision.COUNTRY: "country", Precision.REGION: "admin1"}.get(precision, "city")
                place = Place(name, lat, lon, kind, code, country, admin1 if kind != "country" else None)
                killed = rng.choice([0, 0, 0, 1, 2, 3, 5, 8, 12, 20, 50])
                day = DAY0 + timedelta(days=rng.randrange(365))
                report = reports[-1]
                claim = Claim(
                    report_id=report.id,
                    index=i,
                    quote=Span(0, 17, report.text[:17]),
                    claimant=Claimant(rng.choice(CLAIMANTS), kind="organisation"),
                    event_type=event_type,
                    sub_event_type=sub,
                    killed=Figure(killed, killed),
                )
                event = Event(
                    id=f"ev{i:012x}",
                    event_type=event_type,
                    sub_event_type=sub,
                    date=day,
                    date_precision=DatePrecision.DAY,
                    location=Location(name, place, precision),
                    fatalities=FigureRange(killed, killed, killed, killed + rng.randrange(3)),
                    contested=rng.random() < 0.1,
                    summary=f"{sub} in {name}, {admin1}, {country}: {killed} killed",
                    claims=[claim],
                    n_sources=1,
                    n_claimants=1,
                    claimants=[claim.claimant.name],
                    first_reported=now,
                    updated=now + timedelta(seconds=i),
                )
                store.save_event(event)
        print(f"\rbuilding: {min(n, start + batch)}/{n} events", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    store.close()


def percentiles(times: list[float]) -> dict[str, float]:
    ms = sorted(t * 1000 for t in times)
    return {
        "p50_ms": round(statistics.median(ms), 1),
        "p95_ms": round(ms[max(0, int(len(ms) * 0.95 + 0.5) - 1)], 1),
        "runs": len(ms),
    }


def timed(fn: Any, runs: int) -> dict[str, float]:
    fn()  # warm caches (SQLite pages, code paths)
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return percentiles(times)


class Server:
    """`create_app` under a real uvicorn server on a free 127.0.0.1 port, in a thread."""

    def __init__(self, db: Path, map_limit: int) -> None:
        self.app = create_app(Settings(db=str(db), map_limit=map_limit, refresh_s=0))
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.server = uvicorn.Server(uvicorn.Config(self.app, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)

    def __enter__(self) -> Server:
        self.thread.start()
        deadline = time.time() + 30
        while not self.server.started and time.time() < deadline:
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)


def bench_map(url: str) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
    out: dict[str, Any] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=args)
        times = []
        for _ in range(3):
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            t0 = time.perf_counter()
            page.goto(url + "/")
            page.wait_for_selector("#map[data-loaded=true]", state="attached", timeout=60_000)
            page.wait_for_selector(".marker-cluster, .ev-marker", timeout=60_000)
            times.append(time.perf_counter() - t0)
            out["drawn"] = page.eval_on_selector("#map", "e => ({...e.dataset})")
            page.close()
        browser.close()
    out.update(
        {"median_s": round(statistics.median(times), 2), "max_s": round(max(times), 2), "runs": len(times)}
    )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--db", type=Path, help="SQLite file to build or reuse (default: a temporary one)")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--json", action="store_true", help="Print the results as one JSON object.")
    args = parser.parse_args()

    tmp = tempfile.TemporaryDirectory(prefix="sitrep-bench-web-")
    db = args.db or Path(tmp.name) / "bench.db"
    store = Store.open(db)
    have = store.stats()["events"]
    store.close()
    if have != args.events:
        if have:
            sys.exit(f"{db} holds {have} events, not {args.events}: give another --db")
        t0 = time.perf_counter()
        build(db, args.events)
        print(f"built {args.events} events in {time.perf_counter() - t0:.0f} s", file=sys.stderr)

    results: dict[str, Any] = {"events": args.events, "list": {}, "list_baseline": {}}
    with Server(db, map_limit=10_000) as srv, httpx.Client(base_url=srv.url, timeout=60) as client:
        for name, params in FILTERS.items():

            def get(params: dict[str, str] = params) -> None:
                r = client.get("/api/events", params={"limit": "100", **params})
                r.raise_for_status()

            results["list"][name] = timed(get, args.runs)
            results["list"][name]["total"] = client.get("/api/events", params={"limit": 1, **params}).json()[
                "total"
            ]
        store = Store.open(db)
        for name, kwargs in STORE_ARGS.items():
            if kwargs is None:
                results["list_baseline"][name] = None
                continue

            def store_query(kwargs: dict[str, Any] = kwargs) -> None:
                offset = kwargs.get("offset", 0)
                filters = {k: v for k, v in kwargs.items() if k != "offset"}
                store.query_events(limit=100, offset=offset, with_claims=False, **filters)
                store.count_events(**filters)

            results["list_baseline"][name] = timed(store_query, max(5, args.runs // 3))

        def geo() -> None:
            r = client.get("/api/events.geojson", params={"limit": "10000"})
            r.raise_for_status()
            assert len(r.json()["features"]) == min(10_000, args.events)

        def geo_baseline() -> None:
            write_geojson(store.query_events(limit=10_000, with_claims=False), io.StringIO())

        results["geojson_10k"] = timed(geo, max(5, args.runs // 3))
        results["geojson_10k_baseline"] = timed(geo_baseline, 3)
        store.close()
        if Path(CHROMIUM).exists():
            results["map_10k"] = bench_map(srv.url)
        else:
            results["map_10k"] = f"skipped: {CHROMIUM} is absent (apt-get install chromium)"

    if args.json:
        print(json.dumps(results, indent=2))
        return
    print(
        f"sitrep serve on {args.events:,} events (SQLite, one uvicorn worker); "
        "times in ms, page of 100 + total"
    )
    print(
        f"{'filter':28} {'matches':>8} {'API p50':>8} {'API p95':>8} "
        f"{'baseline p50':>13} {'baseline p95':>13}"
    )
    for name, r in results["list"].items():
        b = results["list_baseline"][name]
        base = f"{b['p50_ms']:>13} {b['p95_ms']:>13}" if b else f"{'n/a':>13} {'n/a':>13}"
        print(f"{name:28} {r['total']:>8} {r['p50_ms']:>8} {r['p95_ms']:>8} {base}")
    worst = max(r["p95_ms"] for r in results["list"].values())
    print(f"list/filter API worst p95: {worst} ms (target < 50 ms)")
    g, gb = results["geojson_10k"], results["geojson_10k_baseline"]
    print(f"GeoJSON of 10,000 events: API p50 {g['p50_ms']} ms, p95 {g['p95_ms']} ms (target < 300 ms); "
          f"baseline (Store.query_events + write_geojson, as `sitrep export`) "
          f"p50 {gb['p50_ms']} ms")  # fmt: skip
    m = results["map_10k"]
    if isinstance(m, dict):
        print(f"map with 10,000 events in headless chromium: median {m['median_s']} s, max {m['max_s']} s "
              f"over {m['runs']} loads (target < 2 s); drawn {m['drawn']}")  # fmt: skip
    else:
        print(f"map: {m}")


if __name__ == "__main__":
    main()
