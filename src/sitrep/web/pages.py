"""HTML pages: the map, an event with its claims, a report with its claims marked, the daily
brief, and the API docs. Rendered by Jinja2 with autoescape on: report text, titles, outlets,
claimants and place names are untrusted and always escaped; only http(s) links become links."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlsplit

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader

from sitrep.web import assets
from sitrep.web.api import Rt, build_brief_for, event_detail

router = APIRouter(include_in_schema=False)
TEMPLATES = Path(__file__).resolve().with_name("templates")
_CITATION = re.compile(r"\[(\d+)\]")


def safe_url(value: str | None) -> str | None:
    """`value` if it is an http(s) URL with a host, else None: never a javascript: or data: link."""
    if not value:
        return None
    parts = urlsplit(value.strip())
    return value.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def cited(text: str) -> list[tuple[str, int | None]]:
    """A brief sentence split into text pieces and citation numbers ("… [2]" -> link to source 2)."""
    out: list[tuple[str, int | None]] = []
    pos = 0
    for match in _CITATION.finditer(text):
        if match.start() > pos:
            out.append((text[pos : match.start()], None))
        out.append((match.group(0), int(match.group(1))))
        pos = match.end()
    if pos < len(text):
        out.append((text[pos:], None))
    return out


def _env() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES), autoescape=True, trim_blocks=True, lstrip_blocks=True
    )
    env.filters["safe_url"] = safe_url
    env.globals["cited"] = cited
    return env


ENV = _env()


def render(name: str, status: int = 200, **context: Any) -> HTMLResponse:
    return HTMLResponse(ENV.get_template(name).render(**context), status_code=status)


@router.get("/", response_class=HTMLResponse)
def index(request: Request, rt: Rt) -> HTMLResponse:
    """The map, timeline and filters; data comes from /api by the page's own script."""
    if rt.vendor_dir is None:
        return render("missing.html", status=503, message=assets.missing_message())
    s = request.app.state.settings
    return render(
        "index.html",
        refresh=s.refresh_s,
        tiles=s.tile_url or "",
        tiles_attribution=s.tile_attribution,
        map_limit=s.map_limit,
    )


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(event_id: str, rt: Rt) -> HTMLResponse:
    """Every claim of one event, its quote highlighted where it stands in the report."""
    found = rt.store.get_event(event_id)
    if found is None:
        return render("notfound.html", status=404, what=f"event {event_id}")
    return render("event.html", e=event_detail(rt, found))


@router.get("/reports/{report_id}", response_class=HTMLResponse)
def report_page(report_id: str, rt: Rt) -> HTMLResponse:
    """A report's whole text with each claim's quote marked and linked to its event."""
    report = rt.store.get_report(report_id)
    if report is None:
        return render("notfound.html", status=404, what=f"report {report_id}")
    claims = rt.store.claims_for_report(report_id)
    pieces: list[dict[str, Any]] = []
    pos = 0
    text = report.text
    for claim in sorted(claims, key=lambda c: (c.quote.start, c.quote.end)):
        start, end = claim.quote.start, claim.quote.end
        if start < pos or not (0 <= start <= end <= len(text)):
            continue  # overlapping or stale offsets: shown in the claim list only
        if start > pos:
            pieces.append({"text": text[pos:start]})
        pieces.append({"text": text[start:end], "claim": claim})
        pos = end
    if pos < len(text):
        pieces.append({"text": text[pos:]})
    return render("report.html", report=report, report_id=report_id, pieces=pieces, claims=claims)


@router.get("/brief", response_class=HTMLResponse)
def brief_page(
    rt: Rt,
    day: Annotated[date | None, Query(alias="date")] = None,
    area: str | None = None,
) -> HTMLResponse:
    """The daily brief with numbered, linked sources."""
    built = build_brief_for(rt, day, area or None)
    return render("brief.html", brief=built, area=area or "", day=built.day)


@router.get("/api/docs", response_class=HTMLResponse)
def api_docs(rt: Rt) -> HTMLResponse:
    """Swagger UI from the installed swagger-ui-dist package (no CDN)."""
    folder = rt.vendor_dir
    if folder is None or not (folder / assets.VENDOR["swagger-ui/swagger-ui-bundle.js"]).is_file():
        return render("missing.html", status=503, message=assets.missing_message() + " (the OpenAPI "
                      "document itself is at /api/openapi.json)")  # fmt: skip
    return render("docs.html")
