"""The web API and pages of `sitrep serve` against a real SQLite file seeded through the Pipeline
(reports written here) plus one hostile event stored through the Store API; FastAPI's TestClient."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

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
from sitrep.pipeline import Pipeline
from sitrep.store import Store
from sitrep.web import Settings, create_app

pytestmark = pytest.mark.slow

PUBLISHED = datetime(2025, 11, 25, 9, 0, tzinfo=UTC)
REPORTS = [
    Report(
        text="A Russian drone strike on Kharkiv killed three civilians overnight, Governor Oleh "
        "Syniehubov said on Telegram. Twelve people were injured.",
        source="Kyiv Independent",
        url="https://kyivindependent.example/kharkiv-strike",
        title="Drone strike on Kharkiv kills three",
        published=PUBLISHED,
    ),
    Report(
        text="Russian forces shelled Kherson on Monday, killing two people, the regional military "
        "administration said.",
        source="Ukrinform",
        url="https://ukrinform.example/kherson",
        title="Kherson shelled",
        published=datetime(2025, 11, 24, 18, 0, tzinfo=UTC),
    ),
]
SCRIPT = "<script>alert('x')</script>"
IMG = '"><img src=x onerror=alert(1)>'
HOSTILE_ID = "evhostile00001"
TOKEN = "s3cret-token"


def hostile_event(store: Store) -> None:
    """An event whose every text field is an attack: outlet, title, url, text, claimant, place."""
    text = f"Intro {SCRIPT} then: Shelling killed 4 people in {IMG}, {IMG} said. javascript:alert(1)"
    report = Report(text=text, source=IMG, url="javascript:alert(document.cookie)", title=SCRIPT,
                    published=PUBLISHED)  # fmt: skip
    store.add_report(report)
    start = text.index("Shelling")
    end = text.index(" said") + 5
    place = Place(IMG, 47.0, 37.5, "city", "UA", "Ukraine", SCRIPT)
    claim = Claim(
        report_id=report.id,
        index=0,
        quote=Span(start, end, text[start:end]),
        claimant=Claimant(IMG, role=SCRIPT, kind="person"),
        event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
        location=Location(IMG, place, Precision.TOWN),
        killed=Figure(4, 4),
    )
    store.save_event(
        Event(
            id=HOSTILE_ID,
            event_type="Explosions/Remote violence",
            sub_event_type="Shelling/artillery/missile attack",
            date=date(2025, 11, 25),
            date_precision=DatePrecision.DAY,
            location=Location(IMG, place, Precision.TOWN),
            fatalities=FigureRange(4, 4, 4, 4, by_claimant={IMG: "4"}),
            contested=True,
            contested_reason=SCRIPT,
            summary=f"{SCRIPT} {IMG}",
            claims=[claim],
            n_sources=1,
            n_claimants=1,
            claimants=[IMG],
            first_reported=PUBLISHED,
            updated=PUBLISHED,
        )
    )


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("web") / "web.db"
    pipeline = Pipeline(path)
    result = pipeline.ingest(REPORTS)
    assert result.events_created >= 2, result
    hostile_event(pipeline.store)
    pipeline.store.close()
    return path


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(db=str(db)))) as c:
        yield c


def test_events_paged_with_total_and_filters(client: TestClient) -> None:
    everything = client.get("/api/events", params={"limit": 1000}).json()
    assert everything["total"] == len(everything["items"]) >= 3
    page = client.get("/api/events", params={"limit": 1, "offset": 1}).json()
    assert page["total"] == everything["total"] and len(page["items"]) == 1
    assert page["items"][0]["id"] == everything["items"][1]["id"]
    kharkiv = client.get("/api/events", params={"text": "kharkiv"}).json()
    assert kharkiv["total"] >= 1
    assert all("Kharkiv" in json.dumps(e) for e in kharkiv["items"])
    contested = client.get("/api/events", params={"contested": "true"}).json()
    assert HOSTILE_ID in [e["id"] for e in contested["items"]]
    day = client.get("/api/events", params={"from": "2025-11-25", "to": "2025-11-25"}).json()
    assert day["total"] >= 1 and all(e["date"] == "2025-11-25" for e in day["items"])
    ua = client.get("/api/events", params={"country": "ua", "type": "explosions/remote violence"}).json()
    assert ua["total"] >= 2 and all(e["location"]["place"]["country_code"] == "UA" for e in ua["items"])
    box = client.get("/api/events", params={"bbox": "35.5,49.5,37,50.5"}).json()  # Kharkiv only
    assert box["total"] >= 1
    assert all(35.5 <= e["location"]["place"]["lon"] <= 37 for e in box["items"])
    assert client.get("/api/events", params={"claimant": "syniehubov"}).json()["total"] >= 1
    assert client.get("/api/events", params={"since": "2100-01-01T00:00:00Z"}).json()["total"] == 0
    assert client.get("/api/events", params={"bbox": "1,2,3"}).status_code == 422
    assert client.get("/api/events", params={"limit": 100000}).status_code == 422


def test_one_event_has_claims_with_quotes_offsets_and_sources(client: TestClient) -> None:
    found = client.get("/api/events", params={"text": "Kharkiv"}).json()["items"][0]
    e = client.get(f"/api/events/{found['id']}").json()
    assert e["claims"], e
    for c in e["claims"]:
        report = client.get(f"/api/reports/{c['report']['id']}").json()
        assert report["text"][c["quote"]["start"] : c["quote"]["end"]] == c["quote"]["text"]
        assert c["report"]["outlet"] == "Kyiv Independent"
        assert c["report"]["url"].startswith("https://")
        assert c["claimant"]["name"] and c["context"]["quote"] == c["quote"]["text"]
    assert {"acled", "low", "best", "high"} <= set(e["fatalities"])
    assert client.get("/api/events/nope").status_code == 404


def test_geojson_and_csv_downloads_follow_the_filters(client: TestClient) -> None:
    all_geo = client.get("/api/events.geojson").json()
    ua = client.get("/api/events.geojson", params={"country": "UA"})
    assert ua.headers["content-type"].startswith("application/geo+json")
    feats = ua.json()["features"]
    assert 0 < len(feats) <= len(all_geo["features"])
    f = feats[0]
    assert f["geometry"]["type"] == "Point" and f["properties"]["geo_precision"]
    assert f["properties"]["country_code"] == "UA" and isinstance(f["properties"]["contested"], bool)
    down = client.get("/api/events.geojson", params={"download": "true"})
    assert "attachment" in down.headers["content-disposition"]
    got = client.get("/api/events.csv", params={"contested": "true"})
    assert got.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(got.text)))
    assert [r["event_id"] for r in rows] == [HOSTILE_ID]


def test_timeline_places_reports_search_facets(client: TestClient) -> None:
    days = client.get("/api/timeline").json()
    assert {d["date"] for d in days} >= {"2025-11-25"} and all(d["count"] > 0 for d in days)
    places = client.get("/api/places").json()
    assert any(p["place_name"] == "Kharkiv" for p in places)
    reports = client.get("/api/reports").json()
    assert reports["total"] == 3 and "text" not in reports["items"][0]
    found = client.get("/api/search", params={"q": "Kherson"}).json()
    assert found["events"]["total"] >= 1 and found["reports"]["total"] == 1
    facets = client.get("/api/facets").json()
    assert "Ukraine" in facets["countries"] and facets["stats"]["events"] >= 3


def test_brief_in_every_format(client: TestClient) -> None:
    b = client.get("/api/brief", params={"date": "2025-11-25"}).json()
    assert b["day"] == "2025-11-25" and b["sections"] and b["citations"]
    md = client.get("/api/brief", params={"date": "2025-11-25", "format": "md"})
    assert md.headers["content-type"].startswith("text/markdown") and "Kharkiv" in md.text
    html = client.get("/api/brief", params={"date": "2025-11-25", "format": "html"})
    assert SCRIPT not in html.text and "&lt;script&gt;" in html.text
    page = client.get("/brief", params={"date": "2025-11-25"})
    assert page.status_code == 200 and "Kharkiv" in page.text


def test_openapi_and_offline_docs(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    assert "/api/events" in spec["paths"] and "/api/reports" in spec["paths"]
    docs = client.get("/api/docs")
    assert docs.status_code in (200, 503)
    assert "cdn" not in docs.text.lower() and "unpkg" not in docs.text.lower()
    assert client.get("/docs", follow_redirects=False).headers["location"] == "/api/docs"


@pytest.mark.parametrize("path", ["/", f"/events/{HOSTILE_ID}", "/brief?date=2025-11-25", "/api/events"])
def test_security_headers_and_no_cors(client: TestClient, path: str) -> None:
    r = client.get(path, headers={"Origin": "https://evil.example"})
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"
    assert "access-control-allow-origin" not in r.headers


def test_hostile_text_is_escaped_on_every_page(client: TestClient) -> None:
    report_id = client.get(f"/api/events/{HOSTILE_ID}").json()["claims"][0]["report"]["id"]
    for path in (f"/events/{HOSTILE_ID}", f"/reports/{report_id}", "/brief?date=2025-11-25", "/"):
        page = client.get(path)
        assert page.status_code in (200, 503), path
        body = page.text
        assert "<script>alert" not in body, path
        assert "<img src=x" not in body, path
        assert 'href="javascript:' not in body and "href='javascript:" not in body, path
    event_page = client.get(f"/events/{HOSTILE_ID}").text
    assert "&lt;script&gt;alert(" in event_page  # shown as text, not dropped
    assert "&lt;img src=x onerror=alert(1)&gt;" in event_page
    assert "javascript:alert(document.cookie)" in event_page  # the url, as text, not as a link
    # JSON is JSON: the API returns the text as data, with a JSON content type (no sniffing).
    api = client.get(f"/api/events/{HOSTILE_ID}")
    assert api.headers["content-type"] == "application/json"
    assert api.json()["claims"][0]["claimant"]["name"] == IMG


def test_writes_are_off_without_a_token(client: TestClient) -> None:
    r = client.post("/api/reports", json={"text": "Shelling killed two people in Kherson."})
    assert r.status_code == 403 and "token" in r.json()["detail"]


def test_writes_need_the_bearer_token(db: Path) -> None:
    with TestClient(create_app(Settings(db=str(db), token=TOKEN))) as c:
        body = {
            "text": "A missile strike on Odesa port killed four dock workers on Tuesday, "
            "Governor Oleh Kiper said.",
            "source": "Odesa Journal",
            "url": "https://odesa.example/port",
            "published": "2025-11-25T12:00:00Z",
        }
        assert c.post("/api/reports", json=body).status_code == 401
        wrong = c.post("/api/reports", json=body, headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 401 and wrong.headers["www-authenticate"] == "Bearer"
        ok = c.post("/api/reports", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
        assert ok.status_code == 201, ok.text
        assert ok.json()["reports_new"] == 1 and ok.json()["event_ids"]
        new = c.get(f"/api/events/{ok.json()['event_ids'][0]}").json()
        assert new["location"]["place"]["name"] == "Odesa"
        again = c.post("/api/reports", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
        assert again.status_code == 200 and again.json()["reports_duplicate"] == 1
        bad = c.post("/api/reports", json={"text": ""}, headers={"Authorization": f"Bearer {TOKEN}"})
        assert bad.status_code == 422


def test_oversized_body_is_refused_with_413(client: TestClient) -> None:
    big = json.dumps({"text": "x" * (1024 * 1024 + 10)})
    r = client.post("/api/reports", content=big, headers={"Content-Type": "application/json"})
    assert r.status_code == 413
    assert r.headers["x-content-type-options"] == "nosniff"


def test_missing_browser_assets_give_a_clear_page(db: Path) -> None:
    app = create_app(Settings(db=str(db)))
    app.state.runtime.vendor_dir = None
    with TestClient(app) as c:
        r = c.get("/")
        assert r.status_code == 503 and "make install" in r.text
        assert c.get("/vendor/leaflet/leaflet.js").status_code == 404
        assert c.get("/api/events").status_code == 200  # the API does not need them


def test_vendor_route_serves_only_listed_files(client: TestClient) -> None:
    assert client.get("/vendor/leaflet/package.json").status_code == 404
    assert client.get("/vendor/../../pyproject.toml").status_code == 404
    if client.app.state.runtime.vendor_dir is not None:  # type: ignore[attr-defined]
        js = client.get("/vendor/leaflet/leaflet.js")
        assert js.status_code == 200 and "javascript" in js.headers["content-type"]


def test_text_search_follows_saves_updates_and_deletes(tmp_path: Path) -> None:
    """The full-text index (migration 0006) is kept in sync by triggers: a saved event is found by
    its words, an updated one by its new words only, a deleted one not at all; same as a LIKE scan."""
    from sitrep.web.queries import EventFilter, count_events, has_fts

    store = Store.open(tmp_path / "fts.db")
    place = Place("Zolochiv", 50.28, 35.98, "city", "UA", "Ukraine", admin1="Kharkiv Oblast")
    event = Event(
        "evftstest00001", "Explosions/Remote violence", "Air/drone strike", date(2025, 11, 25),
        DatePrecision.DAY, Location("Zolochiv", place, Precision.TOWN),
        summary="Drone strike on a grain silo",
    )  # fmt: skip
    store.save_event(event)
    with store.engine.connect() as conn:
        indexed = has_fts(conn)

    def found(words: str) -> int:
        return count_events(store, EventFilter(text=words))

    assert found("grain silo") == 1 and found("zolochiv") == 1
    event.summary = "Drone strike on a fuel depot"
    store.save_event(event)
    assert found("grain silo") == 0 and found("fuel depot") == 1
    store.delete_event(event.id)
    assert found("fuel depot") == 0
    store.close()
    assert isinstance(indexed, bool)  # the same answers whether or not this SQLite has FTS5 trigram
