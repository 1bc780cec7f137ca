"""The map in a real browser: `sitrep serve` in a subprocess on a free port, Debian's headless
chromium driven by Playwright (the system browser; never `playwright install`)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from sitrep.pipeline import Pipeline
from sitrep.web.assets import find_vendor_dir

CHROMIUM = "/usr/bin/chromium"
EXAMPLES = Path(__file__).resolve().parents[1] / "src" / "sitrep" / "examples"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} is absent: apt-get install chromium"),
    pytest.mark.skipif(find_vendor_dir() is None, reason="web assets not installed: run `make install`"),
]


def wait_until(check: Callable[[], bool], timeout: float = 20) -> None:
    """Poll from Python: the page's CSP (rightly) forbids Playwright's eval-based waits."""
    deadline = time.time() + timeout
    while not check():
        assert time.time() < deadline, "timed out"
        time.sleep(0.1)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("browser") / "map.db"
    from sitrep.ingest import read_sources

    pipeline = Pipeline(db)
    pipeline.ingest(read_sources([str(EXAMPLES)], published=datetime(2025, 11, 25, tzinfo=UTC)))
    pipeline.store.close()
    env = {**os.environ, "SITREP_TOKEN": ""}
    proc = subprocess.Popen(
        [sys.executable, "-m", "sitrep", "serve", "--port", "0", "--refresh", "2", "--db", str(db)],
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    url = None
    deadline = time.time() + 60
    assert proc.stderr is not None
    while time.time() < deadline:
        line = proc.stderr.readline()
        if not line:
            break
        if m := re.search(r"listening on (http://\S+)", line):
            url = m.group(1)
            break
    try:
        assert url, "sitrep serve did not start"
        yield url
    finally:
        proc.terminate()
        proc.wait(10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def shots(tmp_path: Path) -> Path:
    """Where screenshots go: SITREP_SCREENSHOT_DIR to keep them for a look by eye, else the test's
    own temporary folder."""
    folder = Path(os.environ.get("SITREP_SCREENSHOT_DIR") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_map_markers_event_page_and_filter(server: str, browser: object, tmp_path: Path) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 900})  # type: ignore[attr-defined]
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(server)
    page.wait_for_selector("#map[data-loaded=true]", state="attached", timeout=30_000)
    drawn = page.eval_on_selector("#map", "e => ({...e.dataset})")
    assert int(drawn["events"]) >= 8, drawn
    assert int(drawn["areas"]) >= 1  # a region- or country-precision event drawn as an area
    # Clustered markers or single markers are on the map, and the country borders are drawn.
    assert page.locator(".marker-cluster, .ev-marker").count() >= 1
    assert page.locator("path.leaflet-interactive, canvas").count() >= 1
    status = page.text_content("#status") or ""
    assert "events match" in status
    page.screenshot(path=str(shots(tmp_path) / "sitrep-map.png"))

    # The timeline has a bar per day with events.
    assert page.locator("#timeline .tl-bar").count() >= 1

    # Apply a filter: only contested events (or a type) shrinks the list and the map.
    total = int(drawn["events"])
    page.select_option("#f-type", "Diplomacy")
    page.click("#f-apply")
    wait_until(lambda: page.get_attribute("#map", "data-loaded") == "true"
               and int(page.get_attribute("#map", "data-events") or 0) < total)  # fmt: skip
    items = page.locator("#event-list li").all_text_contents()
    assert items and all("Diplomacy" in t or "Talks" in t or "—" in t for t in items)

    # Click a day on the timeline: the map follows that day.
    page.click("#f-reset")
    wait_until(lambda: page.get_attribute("#map", "data-events") == str(total))
    bar_day = page.get_attribute("#timeline .tl-slot >> nth=-1", "data-day")
    page.click("#timeline .tl-slot >> nth=-1")
    wait_until(lambda: page.text_content("#timeline-label") != "All days")
    assert page.text_content("#timeline-label") == bar_day

    # Open an event page from the list: claims with highlighted quotes and sources.
    page.click("#event-list a.event-link >> nth=0")
    page.wait_for_selector("#event")
    assert page.locator("li.claim").count() >= 1
    assert page.locator("li.claim mark.quote").count() >= 1
    assert "ACLED" in (page.text_content("#fatalities") or "")
    page.screenshot(path=str(shots(tmp_path) / "sitrep-event.png"), full_page=True)
    assert not errors, errors
