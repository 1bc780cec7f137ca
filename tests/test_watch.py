"""`sitrep watch`: sources file, conditional polling, errors and backoff, durability, alerts.

A real HTTP server on 127.0.0.1 serves feeds whose content changes between polls (honouring
ETag and Last-Modified), plus slow, failing and malformed endpoints; a second one receives
webhook alerts. The watcher runs in-process for the detailed checks and as `sitrep watch` in
subprocesses for the CLI, including a kill -9 in the middle of a run and a restart.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pytest

from sitrep.errors import SitrepError
from sitrep.store import Store
from sitrep.watch.scheduler import Watcher, backoff_delay
from sitrep.watch.sources import load_sources
from sitrep.watch.state import WatchState
from sitrep.watch.status import Log

ROOT = Path(__file__).resolve().parents[1]
TOWNS = [
    "Kharkiv",
    "Odesa",
    "Zaporizhzhia",
    "Sumy",
    "Kherson",
    "Mykolaiv",
    "Chernihiv",
    "Poltava",
    "Dnipro",
    "Kramatorsk",
    "Sloviansk",
    "Pavlohrad",
    "Nikopol",
    "Izium",
    "Kupiansk",
    "Lviv",
]


def item_text(n: int) -> tuple[str, str]:
    """A distinct, relevant report: title and body."""
    town = TOWNS[n % len(TOWNS)]
    return (
        f"Strike on {town} ({n})",
        f"A Russian drone strike on {town} killed {n % 7 + 2} civilians and injured {n % 5 + 3} "
        f"on Monday, the regional governor said on Telegram. Report number {n}.",
    )


def rss(items: list[int], extra: str = "") -> bytes:
    """An RSS 2.0 feed of the numbered items (newest first, as feeds are)."""
    entries = []
    for n in sorted(items, reverse=True):
        title, body = item_text(n)
        entries.append(
            f"<item><title>{escape(title)}</title><link>http://news.test/{n}</link><guid>item-{n}</guid>"
            f"<pubDate>Tue, 25 Nov 2025 {n % 24:02d}:00:00 +0000</pubDate>"
            f"<description>{escape(body)}</description></item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Test Wire</title>'
        f"<link>http://news.test/</link>{''.join(entries)}{extra}</channel></rss>"
    ).encode()


class Site:
    """What the test server serves; tests change it between polls."""

    def __init__(self) -> None:
        self.bodies: dict[str, tuple[bytes, str]] = {}  # path -> (body, content type)
        self.modified: dict[str, float] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.posts: list[dict[str, Any]] = []
        self.lock = threading.Lock()

    def put(self, path: str, body: bytes, content_type: str = "application/rss+xml") -> None:
        with self.lock:
            self.bodies[path] = (body, content_type)
            self.modified[path] = time.time()

    def hits(self, path: str) -> list[dict[str, str]]:
        with self.lock:
            return [h for p, h in self.requests if p == path]


def make_handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:
            pass

        def _send(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
            self.send_response(status)
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if body:
                self.wfile.write(body)

        def do_GET(self) -> None:
            with site.lock:
                site.requests.append((self.path, dict(self.headers)))
            if self.path == "/slow.xml":
                time.sleep(1.5)
                self._send(200, rss([1]), {"Content-Type": "application/rss+xml"})
                return
            if self.path == "/fail.xml":
                self._send(500, b"boom", {"Content-Type": "text/plain"})
                return
            with site.lock:
                found = site.bodies.get(self.path)
                modified = site.modified.get(self.path, 0.0)
            if found is None:
                self._send(404, b"not found", {"Content-Type": "text/plain"})
                return
            body, content_type = found
            etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
            last_modified = formatdate(modified, usegmt=True)
            validators = {"ETag": etag, "Last-Modified": last_modified}
            if self.headers.get("If-None-Match") == etag or (
                "If-None-Match" not in self.headers and self.headers.get("If-Modified-Since") == last_modified
            ):
                self._send(304, b"", validators)
                return
            self._send(200, body, {"Content-Type": content_type, **validators})

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            data = json.loads(self.rfile.read(length))
            with site.lock:
                site.posts.append(data)
            self._send(204)

    return Handler


@pytest.fixture
def site() -> Iterator[tuple[Site, str]]:
    state = Site()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(state))
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield state, f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def write_sources(path: Path, body: str) -> Path:
    path.write_text(
        '[watch]\ncontact = "mailto:tests@example.org"\nhost_delay = 0\n\n' + body, encoding="utf-8"
    )
    return path


def feed_source(name: str, url: str, interval: float = 0.2, timeout: float = 5) -> str:
    return (
        f'[[source]]\nname = "{name}"\ntype = "feed"\nurl = "{url}"\ninterval = {interval}\n'
        f'timeout = {timeout}\nlang = "en"\noutlet = "Test Wire"\n\n'
    )


def counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        return {
            t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("reports", "claims", "events")
        }


def report_titles(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return [row[0] for row in conn.execute("SELECT title FROM reports ORDER BY title")]


def run_once(sources: Path, db: Path) -> Watcher:
    watcher = Watcher(load_sources(sources), str(db), log=Log("off"))
    watcher.run(once=True)
    watcher.store.close()
    return watcher


def states(db: Path) -> dict[str, Any]:
    store = Store.open(db)
    try:
        return {s.name: s for s in WatchState(store).all()}
    finally:
        store.close()


# --- the sources file ---------------------------------------------------------------------------


def test_example_sources_file_loads() -> None:
    config = load_sources(ROOT / "docs" / "sources.example.toml")
    kinds = {s.kind for s in config.sources}
    assert kinds == {"feed", "page", "folder", "telegram"}
    assert config.alerts and config.contact
    assert all(s.interval > 0 and s.outlet for s in config.sources)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('[[source]]\ntype = "feed"\nurl = "http://a.test/x"\ninterval = = 3\n', ":4: invalid TOML"),
        (
            '[[source]]\ntype = "feed"\nurl = "http://a.test/x"\ninterval = "often"\n',
            ":4: [[source]] #1 field 'interval': expected a number",
        ),
        (
            '[[source]]\ntype = "feed"\nurl = "http://a.test/x"\n\n[[source]]\ntype = "rss"\nurl = "http://b.test/"\n',
            ":6: [[source]] #2 field 'type': unknown type 'rss'",
        ),
        ('[[source]]\ntype = "feed"\n', ":1: [[source]] #1: missing field 'url'"),
        (
            '[[source]]\ntype = "feed"\nurl = "ftp://a.test/x"\n',
            ":3: [[source]] #1 field 'url': not an http(s) URL",
        ),
        (
            '[[source]]\ntype = "feed"\nurl = "http://a.test/x"\nintervall = 3\n',
            ":4: [[source]] #1 field 'intervall': unknown field",
        ),
        (
            '[[source]]\ntype = "feed"\nurl = "http://a.test/x"\n\n[[alert]]\nname = "x"\n',
            ":5: [[alert]] #1: give a 'webhook' URL or a 'file'",
        ),
        (
            '[[source]]\ntype = "feed"\nurl = "http://a.test/x"\n[[source]]\ntype = "feed"\nurl = "http://a.test/x"\n',
            "duplicate source name",
        ),
        ("", "no [[source]] tables"),
    ],
)
def test_malformed_sources_file_gives_one_line_with_line_and_field(
    tmp_path: Path, body: str, message: str
) -> None:
    path = tmp_path / "sources.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(SitrepError) as info:
        load_sources(path)
    text = str(info.value)
    assert "\n" not in text
    assert message in text, text


def test_backoff_doubles_and_is_capped(tmp_path: Path) -> None:
    config = load_sources(write_sources(tmp_path / "s.toml", feed_source("a", "http://a.test/", interval=60)))
    spec = config.sources[0]
    assert [backoff_delay(spec, n, 3600) for n in (1, 2, 3, 6, 40)] == [120, 240, 480, 3600, 3600]


# --- polling --------------------------------------------------------------------------------------


def test_conditional_requests_changes_and_duplicates(site: tuple[Site, str], tmp_path: Path) -> None:
    server, base = site
    server.put("/feed.xml", rss([1, 2]))
    sources = write_sources(tmp_path / "s.toml", feed_source("wire", f"{base}/feed.xml"))
    db = tmp_path / "w.db"

    run_once(sources, db)
    assert counts(db)["reports"] == 2
    first = states(db)["wire"]
    assert first.last_status == "ok" and first.etag and first.last_modified and first.items_seen == 2
    assert first.events_created >= 1

    run_once(sources, db)  # unchanged: the server answers 304, nothing is read
    hits = server.hits("/feed.xml")
    assert hits[-1]["If-None-Match"] == first.etag
    assert hits[-1]["If-Modified-Since"] == first.last_modified
    assert "sitrep/" in hits[-1]["User-Agent"] and "mailto:tests@example.org" in hits[-1]["User-Agent"]
    assert states(db)["wire"].last_status == "not-modified"
    assert counts(db)["reports"] == 2

    # The feed changes: one new item, one repeated item, and item 2 appears twice in the document.
    title, body = item_text(2)
    duplicate = f"<item><title>{title}</title><guid>again-2</guid><description>{body}</description></item>"
    server.put("/feed.xml", rss([1, 2, 3], extra=duplicate))
    run_once(sources, db)
    state = states(db)["wire"]
    assert state.last_status == "ok" and state.etag != first.etag
    assert report_titles(db) == sorted(item_text(n)[0] for n in (1, 2, 3))
    assert state.reports_new == 3 and state.items_seen == 2 + 4


def test_bad_endpoints_are_reported_per_source_and_others_go_on(
    site: tuple[Site, str], tmp_path: Path
) -> None:
    server, base = site
    server.put("/feed.xml", rss([1, 2]))
    server.put(
        "/broken.xml", b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</ti', "application/rss+xml"
    )
    server.put(
        "/page.html", b"<html><head><title>Hi</title></head><body><p>Hello</p></body></html>", "text/html"
    )
    sources = write_sources(
        tmp_path / "s.toml",
        feed_source("good", f"{base}/feed.xml")
        + feed_source("slow", f"{base}/slow.xml", timeout=0.5)
        + feed_source("fail", f"{base}/fail.xml")
        + feed_source("broken", f"{base}/broken.xml")
        + feed_source("html", f"{base}/page.html")
        + feed_source("missing", f"{base}/missing.xml"),
    )
    db = tmp_path / "w.db"
    started = time.monotonic()
    run_once(sources, db)
    assert time.monotonic() - started < 8  # the slow source did not hold the others
    found = states(db)
    assert found["good"].last_status == "ok" and counts(db)["reports"] == 2
    expected = {
        "slow": "timed out after 0.5 s",
        "fail": "HTTP 500",
        "broken": "malformed feed",
        "html": "returned text/html, not an RSS or Atom feed",
        "missing": "HTTP 404",
    }
    for name, message in expected.items():
        state = found[name]
        assert state.last_status == "error" and state.error_count == 1, name
        assert message in (state.last_error or ""), (name, state.last_error)
        assert state.backoff_until is not None and state.last_success is None


def test_running_loop_backs_off_failing_sources_and_picks_up_new_items(
    site: tuple[Site, str], tmp_path: Path
) -> None:
    server, base = site
    server.put("/feed.xml", rss([1]))
    sources = write_sources(
        tmp_path / "s.toml",
        feed_source("good", f"{base}/feed.xml", 0.1) + feed_source("fail", f"{base}/fail.xml", 0.1),
    )
    db = tmp_path / "w.db"
    watcher = Watcher(load_sources(sources), str(db), log=Log("off"))
    threading.Timer(1.0, lambda: server.put("/feed.xml", rss([1, 2]))).start()
    totals = watcher.run(duration=2.5)
    watcher.store.close()
    assert report_titles(db) == sorted(item_text(n)[0] for n in (1, 2))
    fail_hits = len(server.hits("/fail.xml"))
    good_hits = len(server.hits("/feed.xml"))
    # Doubling from 0.1 s: polls at about 0, 0.2, 0.6, 1.4 s; without backoff there would be ~25.
    assert 2 <= fail_hits <= 6, fail_hits
    assert good_hits >= 10, good_hits
    assert states(db)["fail"].error_count == fail_hits
    assert totals.errors == fail_hits


def test_drop_folder_reads_each_file_once_and_again_when_changed(tmp_path: Path) -> None:
    drop = tmp_path / "drop"
    drop.mkdir()
    (drop / "a.txt").write_text(item_text(1)[1], encoding="utf-8")
    (drop / ".partial.txt").write_text(item_text(2)[1], encoding="utf-8")  # being written: ignored
    sources = write_sources(
        tmp_path / "s.toml", '[[source]]\nname = "drop"\ntype = "folder"\npath = "drop"\ninterval = 0.2\n'
    )
    db = tmp_path / "w.db"
    run_once(sources, db)
    assert counts(db)["reports"] == 1
    run_once(sources, db)
    assert states(db)["drop"].items_seen == 1  # not read again
    (drop / ".partial.txt").rename(drop / "b.txt")
    (drop / "a.txt").write_text(item_text(1)[1] + " Updated: the toll rose.", encoding="utf-8")
    run_once(sources, db)
    assert counts(db)["reports"] == 3
    assert states(db)["drop"].items_seen == 3


# --- alerts ---------------------------------------------------------------------------------------


def test_alerts_reach_file_and_webhook_for_matching_events_only(
    site: tuple[Site, str], tmp_path: Path
) -> None:
    server, base = site
    server.put("/feed.xml", rss([1, 2, 3]))  # Odesa, Zaporizhzhia, Sumy
    body = (
        feed_source("wire", f"{base}/feed.xml")
        + f'[[alert]]\nname = "odesa"\narea = ["Odesa"]\nkeywords = ["drone"]\nfile = "alerts.jsonl"\n'
        f'webhook = "{base}/hook"\n\n'
        + '[[alert]]\nname = "massacre"\nmin_fatalities = 500\nfile = "big.jsonl"\n\n'
        + '[[alert]]\nname = "protests"\nevent_type = ["Protests"]\nfile = "protests.jsonl"\n'
    )
    sources = write_sources(tmp_path / "s.toml", body)
    db = tmp_path / "w.db"
    run_once(sources, db)
    lines = [json.loads(line) for line in (tmp_path / "alerts.jsonl").read_text().splitlines()]
    assert lines, "the Odesa strike should alert"
    for line in lines:
        assert line["alert"] == "odesa" and line["change"] == "new" and line["source"] == "wire"
        place = line["event"]["location"]["place"]
        assert "Odesa" in (place["name"], place["admin1"])
    assert [p["event"]["id"] for p in server.posts] == [x["event"]["id"] for x in lines]
    assert not (tmp_path / "big.jsonl").exists() and not (tmp_path / "protests.jsonl").exists()


# --- the command line -----------------------------------------------------------------------------


def sitrep(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sitrep", *args], capture_output=True, text=True, timeout=timeout, check=False
    )


def test_cli_watch_once_and_sources(site: tuple[Site, str], tmp_path: Path) -> None:
    server, base = site
    server.put("/feed.xml", rss([1, 2]))
    sources = write_sources(
        tmp_path / "s.toml", feed_source("good", f"{base}/feed.xml") + feed_source("fail", f"{base}/fail.xml")
    )
    db = tmp_path / "w.db"
    done = sitrep("watch", str(sources), "--once", "--db", str(db))
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    polls = {r["source"]: r for r in records if r["event"] == "poll"}
    assert polls["good"]["status"] == "ok" and polls["good"]["new"] == 2
    assert polls["fail"]["status"] == "error" and "HTTP 500" in polls["fail"]["error"]
    assert records[0]["event"] == "start" and records[-1]["event"] == "stop"

    health = json.loads(sitrep("sources", "--json", "--db", str(db)).stdout)
    assert {h["name"]: h["error_count"] for h in health} == {"fail": 1, "good": 0}
    table = sitrep("sources", "--db", str(db))
    assert table.returncode == 0 and "good" in table.stdout and "HTTP 500" in table.stdout

    bad = tmp_path / "bad.toml"
    bad.write_text('[[source]]\ntype = "feed"\nurl = "nope"\n', encoding="utf-8")
    done = sitrep("watch", str(bad), "--once", "--db", str(db))
    assert done.returncode == 1 and done.stderr.strip().count("\n") == 0
    assert f"{bad}:3:" in done.stderr and "'url'" in done.stderr


def test_kill_mid_run_and_restart_loses_nothing_and_duplicates_nothing(
    site: tuple[Site, str], tmp_path: Path
) -> None:
    server, base = site
    server.put("/feed.xml", rss(list(range(1, 121))))
    sources = write_sources(tmp_path / "s.toml", feed_source("wire", f"{base}/feed.xml", 0.2))
    db = tmp_path / "w.db"
    cmd = [sys.executable, "-m", "sitrep", "watch", str(sources), "--db", str(db), "--log-format", "json"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    stored = 0
    while time.monotonic() < deadline:
        time.sleep(0.05)
        if db.exists():
            try:
                stored = counts(db)["reports"]
            except sqlite3.OperationalError:
                continue
            if stored >= 5:
                break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    assert 5 <= stored < 120, f"killed too late to test a crash mid-poll ({stored} stored)"
    assert states(db)["wire"].etag is None  # the interrupted poll's validators were not saved

    # New items appear while the watcher is down; the restarted one must take old and new.
    server.put("/feed.xml", rss(list(range(1, 131))))
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and counts(db)["reports"] < 130:
        time.sleep(0.1)
    time.sleep(0.5)  # a few more polls: they must be 304s
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=20)
    assert proc.returncode == 0, err
    assert report_titles(db) == sorted(item_text(n)[0] for n in range(1, 131))
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(DISTINCT url) FROM reports").fetchone()[0] == 130
    statuses = [json.loads(line).get("status") for line in out.splitlines() if '"poll"' in line]
    assert statuses[0] == "ok" and "not-modified" in statuses
    assert json.loads(out.splitlines()[-1])["event"] == "stop"


def test_telegram_source_without_telethon_or_credentials_is_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TELEGRAM_API_ID", raising=False)
    monkeypatch.delenv("TELEGRAM_API_HASH", raising=False)
    sources = write_sources(
        tmp_path / "s.toml", '[[source]]\ntype = "telegram"\nchannel = "@some_channel"\ninterval = 60\n'
    )
    db = tmp_path / "w.db"
    run_once(sources, db)
    state = states(db)["telegram:some_channel"]
    assert state.last_status == "error" and state.backoff_until is not None
    try:
        import telethon  # noqa: F401
    except ImportError:
        assert "pip install 'sitrep[telegram]'" in (state.last_error or "")
    else:
        assert "TELEGRAM_API_ID" in (state.last_error or "")
