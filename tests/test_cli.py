"""The `sitrep` command end to end: real SQLite files, a real HTTP server, the CLI in subprocesses."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "src" / "sitrep" / "examples"

pytestmark = pytest.mark.slow


def sitrep(*args: str, db: Path | None = None, stdin: bytes | None = None, timeout: float = 300):
    cmd = [sys.executable, "-m", "sitrep", *args]
    if db is not None:
        cmd += ["--db", str(db)]
    return subprocess.run(cmd, input=stdin, capture_output=True, timeout=timeout, check=False)


def out(done: subprocess.CompletedProcess[bytes]) -> str:
    return done.stdout.decode()


def err(done: subprocess.CompletedProcess[bytes]) -> str:
    return done.stderr.decode()


def table_counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return {
            t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("reports", "claims", "events")
        }


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("cli") / "demo.db"
    done = sitrep("ingest", str(EXAMPLES), "--published", "2025-11-25", "--quiet", db=db)
    assert done.returncode == 0, err(done)
    return db


def test_help_is_fast_and_lists_commands() -> None:
    done = sitrep("--help")
    assert done.returncode == 0
    for command in ("ingest", "events", "show", "export", "eval", "geoparse", "demo"):
        assert command in out(done)


def test_ingest_examples_then_again_stores_nothing_twice(demo_db: Path, tmp_path: Path) -> None:
    before = table_counts(demo_db)
    assert before["reports"] >= 10 and before["events"] >= 8
    again = sitrep("ingest", str(EXAMPLES), "--published", "2025-11-25", "--json", db=demo_db)
    assert again.returncode == 0, err(again)
    summary = json.loads(out(again))
    assert summary["reports_new"] == 0 and summary["reports_duplicate"] == before["reports"]
    assert table_counts(demo_db) == before


def test_events_filters_and_json(demo_db: Path) -> None:
    everything = json.loads(out(sitrep("events", "--json", "--limit", "0", db=demo_db)))
    assert everything and all("claims" not in e for e in everything)
    ukraine = json.loads(out(sitrep("events", "--json", "--country", "UA", db=demo_db)))
    assert ukraine and all(e["location"]["place"]["country_code"] == "UA" for e in ukraine)
    assert len(ukraine) < len(everything)
    strikes = json.loads(out(sitrep("events", "--json", "--type", "air/drone strike", db=demo_db)))
    assert strikes and {e["sub_event_type"] for e in strikes} == {"Air/drone strike"}
    none = json.loads(out(sitrep("events", "--json", "--from", "2030-01-01", db=demo_db)))
    assert none == []
    text = json.loads(out(sitrep("events", "--json", "--text", "Geneva", db=demo_db)))
    assert text and all(e["event_type"] == "Diplomacy" for e in text)
    table = sitrep("events", db=demo_db)
    assert table.returncode == 0 and "Geneva" in out(table)


def test_contested_event_keeps_each_claimant(demo_db: Path) -> None:
    contested = json.loads(out(sitrep("events", "--json", "--contested", "--text", "Kharkiv", db=demo_db)))
    assert contested, "the feed's differing Kharkiv figures should give a contested event"
    event = contested[0]
    assert event["contested_reason"]
    figures = event["fatalities"]["by_claimant"] or event["injured"]["by_claimant"]
    assert len(figures) >= 2


def test_show_prints_claims_with_quotes_and_sources(demo_db: Path) -> None:
    event = json.loads(out(sitrep("events", "--json", "--text", "Bila Tserkva", db=demo_db)))[0]
    shown = json.loads(out(sitrep("show", event["id"], "--json", db=demo_db)))
    assert shown["claims"]
    for claim in shown["claims"]:
        assert claim["quote"]["text"] and claim["claimant"]["name"]
        assert claim["source"]["url"]
    text = sitrep("show", event["id"], db=demo_db)
    assert text.returncode == 0 and "“" in out(text) and "source:" in out(text)


def test_show_unknown_id_is_one_line(demo_db: Path) -> None:
    done = sitrep("show", "nope", db=demo_db)
    assert done.returncode == 1
    assert err(done).strip().count("\n") == 0 and "no event" in err(done)


def test_exports(demo_db: Path, tmp_path: Path) -> None:
    n_events = table_counts(demo_db)["events"]
    geo = tmp_path / "events.geojson"
    assert sitrep("export", "--format", "geojson", "-o", str(geo), db=demo_db).returncode == 0
    collection = json.loads(geo.read_text())
    assert collection["type"] == "FeatureCollection" and collection["features"]
    for feature in collection["features"]:
        assert feature["geometry"]["type"] == "Point"
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        props = feature["properties"]
        for key in ("event_type", "sub_event_type", "event_date", "place_name", "geo_precision", "fatalities",
                    "injured", "claimants"):  # fmt: skip
            assert key in props
    rows = list(csv.DictReader(io.StringIO(out(sitrep("export", "--format", "csv", db=demo_db)))))
    assert len(rows) == n_events and rows[0]["event_id"]
    lines = out(sitrep("export", "--format", "jsonl", db=demo_db)).splitlines()
    assert len(lines) == n_events and all(json.loads(line)["claims"] for line in lines)


def test_stdin(tmp_path: Path) -> None:
    db = tmp_path / "stdin.db"
    text = b"Two civilians were killed when Russian artillery shelled Nikopol on Monday, the governor said."
    done = sitrep("ingest", "-", "--published", "2025-11-25", "--json", db=db, stdin=text)
    assert done.returncode == 0, err(done)
    (event,) = json.loads(out(sitrep("events", "--json", db=db)))
    assert event["fatalities"]["acled"] == 2 and event["date"] == "2025-11-24"


# -- bad input ----------------------------------------------------------------------------------


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802
        if self.path == "/slow":
            time.sleep(3)
        if self.path == "/missing":
            self.send_error(404)
            return
        body = b"\x00\x01garbage\xff" * 50 if self.path == "/garbage" else b"<rss><channel></channel></rss>"
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def _bad_inputs(tmp: Path, url: str) -> dict[str, list[str]]:
    (tmp / "empty.txt").write_bytes(b"")
    (tmp / "binary.txt").write_bytes(bytes(range(256)) * 64)
    with (tmp / "huge.txt").open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse 50 MB: over the 10 MB limit
    (tmp / "latin1.txt").write_bytes("Zwei Menschen wurden in Kiew getötet. Générale ".encode("latin-1") * 40)
    (tmp / "data.xyz").write_text("drone strike")
    return {
        "empty": [str(tmp / "empty.txt")],
        "binary": [str(tmp / "binary.txt")],
        "huge": [str(tmp / "huge.txt")],
        "invalid utf-8": [str(tmp / "latin1.txt")],
        "unknown type": [str(tmp / "data.xyz")],
        "missing": [str(tmp / "nope.txt")],
        "404": [f"{url}/missing"],
        "timeout": [f"{url}/slow", "--timeout", "0.5"],
        "garbage": [f"{url}/garbage"],
    }


def test_bad_inputs_give_one_line_and_damage_nothing(demo_db: Path, tmp_path: Path, server: str) -> None:
    db = tmp_path / "copy.db"
    db.write_bytes(demo_db.read_bytes())
    before = table_counts(db)
    for name, args in _bad_inputs(tmp_path, server).items():
        done = sitrep("ingest", *args, "--quiet", db=db, timeout=60)
        message = err(done).strip()
        assert done.returncode != 0, f"{name}: exit 0"
        assert "Traceback" not in message, f"{name}: {message}"
        assert len(message.splitlines()) == 1, f"{name}: {message}"
        assert message.startswith("error:"), f"{name}: {message}"
        assert table_counts(db) == before, name


def test_malformed_jsonl_line_is_reported_and_others_ingested(tmp_path: Path) -> None:
    path = tmp_path / "reports.jsonl"
    good = {"text": "Russian shelling killed two people in Kherson on Monday, the governor said.",
            "published": "2025-11-25", "source": "Test Wire"}  # fmt: skip
    path.write_text(
        json.dumps(good) + "\n{not json\n" + json.dumps({**good, "text": good["text"] + " More."}) + "\n"
    )
    db = tmp_path / "jsonl.db"
    done = sitrep("ingest", str(path), "--json", db=db)
    assert done.returncode == 0
    assert f"{path}:2:" in err(done)
    assert json.loads(out(done))["reports_new"] == 2


def test_bad_db_path_is_one_line(tmp_path: Path) -> None:
    not_db = tmp_path / "notes.txt"
    not_db.write_text("these are notes, not a database\n" * 100)
    for db in (tmp_path, not_db):
        done = sitrep("events", db=db)
        assert done.returncode == 1 and err(done).startswith("error:") and "Traceback" not in err(done)
    assert not_db.read_text().startswith("these are notes")


def test_interrupted_ingest_leaves_a_consistent_store_and_resumes(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    towns = ["Kherson", "Nikopol", "Sumy", "Kharkiv", "Odesa", "Zaporizhzhia", "Belgorod", "Kursk"]
    with path.open("w") as fh:
        for i in range(400):
            town = towns[i % len(towns)]
            text = f"Report {i}: {i % 5 + 1} people were injured when drones hit {town} on Monday"
            fh.write(
                json.dumps({"text": text, "published": "2025-11-25", "source": f"Outlet {i % 3}"}) + "\n"
            )
    db = tmp_path / "interrupted.db"
    cmd = [sys.executable, "-m", "sitrep", "ingest", str(path), "--quiet", "--db", str(db)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.time() + 120
    while time.time() < deadline:  # wait until some reports are stored, then interrupt
        time.sleep(0.2)
        if db.exists():
            try:
                with sqlite3.connect(db, timeout=5) as conn:
                    if conn.execute("SELECT count(*) FROM reports").fetchone()[0] >= 20:
                        break
            except sqlite3.OperationalError:
                continue
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)
    assert b"Traceback" not in stderr
    partial = table_counts(db)
    assert 0 < partial["reports"] < 400
    with sqlite3.connect(db) as conn:
        orphans = conn.execute(
            "SELECT count(*) FROM claims WHERE event_id IS NULL OR event_id NOT IN (SELECT id FROM events)"
        ).fetchone()[0]
    assert orphans == 0
    done = sitrep("ingest", str(path), "--json", db=db)
    assert done.returncode == 0, err(done)
    summary = json.loads(out(done))
    assert summary["reports_duplicate"] == partial["reports"]
    assert table_counts(db)["reports"] == 400


def test_env_var_names_the_database(tmp_path: Path) -> None:
    db = tmp_path / "env.db"
    env = {**os.environ, "SITREP_DB": str(db)}
    text = b"A drone strike injured three people in Sumy on Monday, the regional administration said."
    cmd = [sys.executable, "-m", "sitrep", "ingest", "-", "--published", "2025-11-25", "--quiet"]
    done = subprocess.run(cmd, input=text, env=env, capture_output=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr.decode()
    assert db.exists() and table_counts(db)["events"] == 1


def test_geoparse_text_and_json() -> None:
    text = (
        "Russian authorities reported strikes in the port city of Taganrog and in Kyiv's Pechersk district."
    )
    table = sitrep("geoparse", text)
    assert table.returncode == 0 and "Taganrog" in out(table) and "district" in out(table)
    found = json.loads(out(sitrep("geoparse", "--json", stdin=text.encode())))
    by_name = {t["text"]: t for t in found}
    assert by_name["Taganrog"]["place"]["country_code"] == "RU" and by_name["Taganrog"]["precision"] == "town"
    assert by_name["Pechersk"]["precision"] == "district"
    empty = sitrep("geoparse", " ")
    assert empty.returncode == 1 and err(empty).startswith("error:")


def test_geoparse_takes_a_text_too_long_to_be_a_path() -> None:
    """A long argument is text, not a file name the system would refuse with 'File name too long'."""
    text = "Shelling was reported in Kharkiv on Monday. " * 20
    done = sitrep("geoparse", "--json", text)
    assert done.returncode == 0, err(done)
    assert {t["text"] for t in json.loads(out(done))} == {"Kharkiv"}


def test_demo_ingests_the_bundled_examples(tmp_path: Path) -> None:
    done = sitrep("demo", "--db", str(tmp_path / "demo.db"))
    assert done.returncode == 0, err(done)
    assert "Bila Tserkva" in out(done) and "contested" in out(done)
    assert "# Situation report, 2025-11-25" in out(done) and "## Sources" in out(done)
    assert table_counts(tmp_path / "demo.db")["reports"] == 13
    checked = sitrep("brief", "--db", str(tmp_path / "demo.db"), "--check")  # the demo's brief is faithful
    assert checked.returncode == 0, err(checked)
