"""`sitrep watch` against its targets, beside the named baseline "re-ingest the whole feed each poll".

Feeds are served from a separate process on 127.0.0.1 (so its CPU is not counted); the watcher
runs in this process, pinned to one core. Three measurements:

  latency     an item is added to a polled feed at a random moment; seconds until its report has
              a claim attached to an event in the database, minus the poll interval (target <= 2 s).
              Baseline: `sitrep ingest URL` run by a scheduler each interval (a new process each poll).
  throughput  100 feeds (20 items each, one in four changing between polls) polled for --seconds;
              polls per minute and the CPU seconds they cost (target: 100 feeds per minute on one core).
              Baseline: the same polls as `Pipeline.ingest(read_sources([url]))` (no conditional
              requests, every entry re-read and re-hashed each poll), and `sitrep ingest URL` per poll.
  soak        --items items (default 10,000) through one feed that gains 50 new items per poll;
              resident memory sampled every 1,000 items (target: flat).

    python benchmarks/bench_watch.py [--items 10000] [--seconds 30] [--interval 2] [--json]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing as mp
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

TOWNS = ["Kharkiv", "Odesa", "Zaporizhzhia", "Sumy", "Kherson", "Mykolaiv", "Chernihiv", "Poltava",
         "Dnipro", "Kramatorsk", "Sloviansk", "Pavlohrad", "Nikopol", "Izium", "Kupiansk",
         "Lviv"]  # fmt: skip


#: Items are spread one town a day from here, so events stay the size real ones have (a few claims).
DAY0 = 1735732800  # 2025-01-01 12:00 UTC


def item(feed: int, n: int) -> str:
    town = TOWNS[(n + feed) % len(TOWNS)]
    title = f"Strike on {town} (feed {feed}, item {n})"
    body = (
        f"A Russian drone strike on {town} killed {n % 7 + 2} civilians and injured {n % 5 + 3} on "
        f"Monday, the regional governor said on Telegram. Dispatch {feed}-{n}."
    )
    return (
        f"<item><title>{escape(title)}</title><guid>f{feed}-{n}</guid><link>http://news.test/{feed}/{n}</link>"
        f"<pubDate>{formatdate(DAY0 + (n // len(TOWNS)) * 86400 + (n % 24) * 3600, usegmt=True)}</pubDate>"
        f"<description>{escape(body)}</description></item>"
    )


def rss(feed: int, items: range) -> bytes:
    body = "".join(item(feed, n) for n in reversed(items))
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Feed {feed}</title>'
        f"<link>http://news.test/{feed}</link>{body}</channel></rss>"
    ).encode()


# --- the feed server (its own process) ------------------------------------------------------------


def serve(port_queue: Any, control: Any) -> None:
    """Feeds by path: /f/<i> (20 items, one in four polls brings a new one), /soak (50 new per 200),
    /live (items added through `control`: the latency test)."""
    counters: dict[str, int] = {}
    live_items: list[int] = []
    lock = threading.Lock()

    def watch_control() -> None:
        while True:
            n = control.get()
            with lock:
                live_items.append(n)

    threading.Thread(target=watch_control, daemon=True).start()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            path = self.path
            with lock:
                count = counters[path] = counters.get(path, 0) + 1
                if path == "/soak":
                    # Only fresh 200s advance, so no item is skipped whatever the poll timing.
                    served = counters.get("soak-served", 0)
                    body = rss(0, range(max(0, served * 50 - 50), served * 50 + 50))
                elif path == "/live":
                    items = "".join(item(9999, n) for n in reversed(live_items[-20:]))
                    body = (
                        '<?xml version="1.0"?><rss version="2.0"><channel><title>Live</title>'
                        f"{items}</channel></rss>"
                    ).encode()
                else:
                    feed = int(path.rsplit("/", 1)[-1])
                    top = 20 + count // 4
                    body = rss(feed, range(top - 20, top))
            etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if path == "/soak":
                with lock:
                    counters["soak-served"] = counters.get("soak-served", 0) + 1
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", formatdate(usegmt=True))
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    port_queue.put(httpd.server_address[1])
    httpd.serve_forever()


# --- helpers ---------------------------------------------------------------------------------------


def sources_file(folder: Path, feeds: list[tuple[str, str]], interval: float) -> Path:
    path = folder / f"sources-{len(feeds)}-{interval}.toml"
    parts = ['[watch]\ncontact = "mailto:bench@example.org"\nhost_delay = 0\nworkers = 8\n']
    for name, url in feeds:
        parts.append(
            f'[[source]]\nname = "{name}"\ntype = "feed"\nurl = "{url}"\ninterval = {interval}\nlang = "en"\n'
        )
    path.write_text("\n".join(parts), encoding="utf-8")
    return path


def rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def cpu_s() -> float:
    t = os.times()
    return t.user + t.system


def start_watcher(path: Path, db: Path, duration: float | None = None) -> tuple[Any, threading.Thread]:
    from sitrep.watch.scheduler import Watcher
    from sitrep.watch.sources import load_sources
    from sitrep.watch.status import Log

    watcher = Watcher(load_sources(path), str(db), log=Log("off"))
    thread = threading.Thread(target=watcher.run, kwargs={"duration": duration}, daemon=True)
    thread.start()
    return watcher, thread


# --- measurements ----------------------------------------------------------------------------------


def bench_latency(base: str, control: Any, folder: Path, interval: float, n: int) -> dict[str, Any]:
    db = folder / "latency.db"
    watcher, thread = start_watcher(sources_file(folder, [("live", f"{base}/live")], interval), db)
    time.sleep(3)  # the model is loaded and the first poll made
    lat: list[float] = []
    for i in range(n):
        time.sleep(random.uniform(0.2, interval))
        appeared = time.monotonic()
        control.put(i)
        title = f"Strike on {TOWNS[(i + 9999) % len(TOWNS)]} (feed 9999, item {i})"
        while True:
            with sqlite3.connect(db) as conn:
                row = conn.execute(
                    "SELECT 1 FROM reports r JOIN claims c ON c.report_id = r.id "
                    "WHERE r.title = ? AND c.event_id IS NOT NULL LIMIT 1",
                    (title,),
                ).fetchone()
            if row:
                break
            time.sleep(0.02)
        lat.append(time.monotonic() - appeared)
    watcher.stop()
    thread.join()
    watcher.store.close()
    return {
        "interval_s": interval,
        "items": n,
        "latency_mean_s": round(statistics.mean(lat), 3),
        "latency_max_s": round(max(lat), 3),
        "beyond_interval_max_s": round(max(lat) - interval, 3),
    }


def baseline_latency(base: str, folder: Path, interval: float) -> dict[str, Any]:
    """Cron-style: each interval a new `sitrep ingest URL` process re-reads the whole feed."""
    db = folder / "baseline-latency.db"
    runs = []
    for _ in range(3):
        start = time.monotonic()
        subprocess.run(
            [sys.executable, "-m", "sitrep", "ingest", f"{base}/f/7", "--db", str(db), "--quiet"],
            check=True, capture_output=True,
        )  # fmt: skip
        runs.append(time.monotonic() - start)
    per_run = statistics.median(runs)
    return {
        "per_poll_s": round(per_run, 3),
        "latency_max_s": round(interval + per_run, 3),
        "beyond_interval_max_s": round(per_run, 3),
    }


def bench_throughput(base: str, folder: Path, seconds: float) -> dict[str, Any]:
    db = folder / "throughput.db"
    feeds = [(f"feed-{i:03d}", f"{base}/f/{i}") for i in range(100)]
    path = sources_file(folder, feeds, 1.0)
    from sitrep.extract.nlp import load_nlp

    load_nlp()
    warm, thread = start_watcher(path, db)  # untimed: the feeds' first 20 items each go in
    while warm.totals.polls < 100:
        time.sleep(0.1)
    warm.stop()
    thread.join()
    warm.store.close()
    cpu0, wall0 = cpu_s(), time.monotonic()
    watcher, thread = start_watcher(path, db, duration=seconds)
    thread.join()
    cpu, wall = cpu_s() - cpu0, time.monotonic() - wall0
    totals = watcher.totals
    watcher.store.close()
    with sqlite3.connect(db) as conn:
        reports = conn.execute("SELECT count(*) FROM reports").fetchone()[0]
    return {
        "feeds": 100,
        "seconds": round(wall, 1),
        "polls": totals.polls,
        "polls_per_min": round(totals.polls / wall * 60),
        "cpu_s": round(cpu, 2),
        "cpu_s_per_100_polls": round(cpu / max(totals.polls, 1) * 100, 2),
        "polls_per_cpu_min": round(totals.polls / max(cpu, 1e-9) * 60),
        "new_reports": totals.reports_new,
        "reports_in_db": reports,
        "errors": totals.errors,
    }


def baseline_throughput(base: str, folder: Path, polls: int) -> dict[str, Any]:
    """The same feeds re-read in full each poll through `read_sources` + `Pipeline.ingest`."""
    from sitrep.ingest import read_sources
    from sitrep.pipeline import Pipeline

    pipeline = Pipeline(folder / "baseline-throughput.db")
    for i in range(100):  # untimed: the first 20 items of each feed go in
        pipeline.ingest(read_sources([f"{base}/f/{200 + i}"], on_error=lambda m: None))
    cpu0, wall0 = cpu_s(), time.monotonic()
    for i in range(polls):
        pipeline.ingest(read_sources([f"{base}/f/{200 + i % 100}"], on_error=lambda m: None))
    cpu, wall = cpu_s() - cpu0, time.monotonic() - wall0
    pipeline.store.close()
    return {
        "polls": polls,
        "cpu_s_per_100_polls": round(cpu / polls * 100, 2),
        "polls_per_cpu_min": round(polls / cpu * 60),
        "wall_s": round(wall, 2),
    }


def bench_soak(base: str, folder: Path, items: int) -> dict[str, Any]:
    db = folder / "soak.db"
    watcher, thread = start_watcher(sources_file(folder, [("soak", f"{base}/soak")], 0.05), db)
    samples: list[tuple[int, float]] = []
    start = time.monotonic()
    next_mark = 1000
    while True:
        time.sleep(0.5)
        done = watcher.totals.reports_new
        if done >= next_mark:
            samples.append((done, round(rss_mb(), 1)))
            next_mark += 1000
        if done >= items:
            break
    wall = time.monotonic() - start
    watcher.stop()
    thread.join()
    watcher.store.close()
    with sqlite3.connect(db) as conn:
        reports, distinct = conn.execute("SELECT count(*), count(DISTINCT title) FROM reports").fetchone()
    first = samples[1][1] if len(samples) > 1 else samples[0][1]
    return {
        "items": items,
        "seconds": round(wall, 1),
        "items_per_s": round(watcher.totals.reports_new / wall, 1),
        "rss_mb_by_items": samples,
        "rss_growth_mb_after_2000": round(samples[-1][1] - first, 1),
        "reports": reports,
        "distinct_reports": distinct,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--items", type=int, default=10_000, help="soak size")
    parser.add_argument("--seconds", type=float, default=30.0, help="throughput run length")
    parser.add_argument("--interval", type=float, default=2.0, help="poll interval of the latency test")
    parser.add_argument("--latency-items", type=int, default=10)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    ctx = mp.get_context("spawn")
    ports, control = ctx.Queue(), ctx.Queue()
    server = ctx.Process(target=serve, args=(ports, control), daemon=True)
    server.start()
    base = f"http://127.0.0.1:{ports.get(timeout=30)}"
    if hasattr(os, "sched_setaffinity"):  # the watcher on one core, the feed server on the others
        cores = sorted(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cores[0]})
        if server.pid is not None and len(cores) > 1:
            os.sched_setaffinity(server.pid, set(cores[1:]))
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        results["latency"] = bench_latency(base, control, folder, args.interval, args.latency_items)
        results["latency_baseline_sitrep_ingest"] = baseline_latency(base, folder, args.interval)
        results["throughput"] = bench_throughput(base, folder, args.seconds)
        results["throughput_baseline_reingest"] = baseline_throughput(base, folder, 100)
        results["soak"] = bench_soak(base, folder, args.items)
    server.terminate()
    if args.json:
        print(json.dumps(results, indent=2))
        return
    for name, values in results.items():
        print(name)
        for key, value in values.items():
            print(f"  {key:28} {value}")


if __name__ == "__main__":
    main()
