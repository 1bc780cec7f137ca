"""The REST API under /api: events (filtered, paged, as JSON, GeoJSON or CSV), one event with its
claims, the timeline, places, reports, the brief, search, and the one write (POST /api/reports)."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict
from datetime import UTC, date, datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from sitrep.models import Report
from sitrep.report.export import CSV_COLUMNS
from sitrep.report.tabular import safe_cell
from sitrep.web import queries
from sitrep.web.app import Runtime
from sitrep.web.queries import EventFilter
from sitrep.web.security import require_token

router = APIRouter(prefix="/api", tags=["api"])


def runtime(request: Request) -> Runtime:
    return request.app.state.runtime


def event_filter(
    date_from: Annotated[
        date | None, Query(alias="from", description="First day (YYYY-MM-DD), inclusive.")
    ] = None,
    date_to: Annotated[date | None, Query(alias="to", description="Last day, inclusive.")] = None,
    event_type: Annotated[str | None, Query(alias="type", description="Event type or sub-type.")] = None,
    sub_type: Annotated[str | None, Query(description="Sub-event type.")] = None,
    country: Annotated[str | None, Query(description="Country name or ISO code.")] = None,
    area: Annotated[str | None, Query(description="Country name, ISO code or first-level region.")] = None,
    bbox: Annotated[str | None, Query(description="west,south,east,north in degrees.")] = None,
    claimant: Annotated[str | None, Query(description="Part of a claimant's name.")] = None,
    contested: Annotated[
        bool | None, Query(description="Only contested (true) or uncontested (false).")
    ] = None,
    text: Annotated[str | None, Query(description="Part of the summary, place name or a quote.")] = None,
    since: Annotated[datetime | None, Query(description="Only events updated after this instant.")] = None,
) -> EventFilter:
    box = None
    if bbox:
        try:
            west, south, east, north = (float(v) for v in bbox.split(","))
        except ValueError:
            raise HTTPException(422, "bbox must be four numbers: west,south,east,north") from None
        if not (-90 <= south <= north <= 90 and -180 <= west <= 180 and -180 <= east <= 180):
            raise HTTPException(422, "bbox out of range: west,south,east,north in degrees, south <= north")
        box = (west, south, east, north)
    if date_from and date_to and date_from > date_to:
        raise HTTPException(422, "from is after to")
    return EventFilter(
        date_from=date_from,
        date_to=date_to,
        event_type=event_type or None,
        sub_event_type=sub_type or None,
        country=country or None,
        area=area or None,
        bbox=box,
        claimant=claimant or None,
        contested=contested,
        text=text or None,
        since=since,
    )


Filter = Annotated[EventFilter, Depends(event_filter)]
Rt = Annotated[Runtime, Depends(runtime)]
Order = Annotated[str, Query(pattern=r"^(date|updated|fatalities|id)( (asc|desc))?$")]


@router.get("/events", response_model=None)
def events(
    f: Filter,
    rt: Rt,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
    order: Order = "date desc",
) -> Response:
    """Events matching every filter, newest first, without claims; `total` counts all matches.
    Each item is `Event.to_dict(with_claims=False)`, as stored (sent without re-encoding)."""
    docs, total = queries.list_events_json(rt.store, f, limit=limit, offset=offset, order=order)
    head = json.dumps({"total": total, "limit": limit, "offset": offset})[:-1]
    return Response(f'{head}, "items": [{",".join(docs)}]}}', media_type="application/json")


@router.get("/events.geojson")
def events_geojson(
    f: Filter,
    rt: Rt,
    limit: Annotated[int, Query(ge=1, le=200_000)] = 10_000,
    order: Order = "date desc",
    download: bool = False,
    view: Annotated[
        Literal["full", "map"], Query(description="`map`: only the properties the map page draws.")
    ] = "full",
) -> Response:
    """The filtered view as GeoJSON: one Point per located event, precision in the properties
    (`view=map` keeps only what the map page uses, for a smaller and faster response)."""
    properties = queries.MAP_PROPERTIES if view == "map" else None
    body = queries.geojson_text(rt.store, f, limit=limit, order=order, properties=properties)
    headers = {"Content-Disposition": 'attachment; filename="events.geojson"'} if download else None
    return Response(body, media_type="application/geo+json", headers=headers)


@router.get("/events.csv")
def events_csv(
    f: Filter,
    rt: Rt,
    limit: Annotated[int, Query(ge=1, le=1_000_000)] = 100_000,
    order: Order = "date desc",
) -> Response:
    """The filtered view as CSV (the columns of `sitrep export --format csv`), formula-safe."""
    items = queries.flat_events(rt.store, f, limit=limit, order=order)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for item in items:
        item["claimants"] = "; ".join(item["claimants"])
        writer.writerow({k: safe_cell(v) for k, v in item.items()})
    return Response(
        out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="events.csv"'},
    )


@router.get("/events/{event_id}")
def event(event_id: str, rt: Rt) -> dict[str, Any]:
    """One event with every claim: quote and its offsets, claimant, outlet, link, context."""
    found = rt.store.get_event(event_id)
    if found is None:
        raise HTTPException(404, f"no event {event_id!r}")
    return event_detail(rt, found)


def event_detail(rt: Runtime, found: Any) -> dict[str, Any]:
    """The event as JSON plus, for each claim, its report's outlet, title, link and the quote in
    context (shared by the API and the event page)."""
    data = found.to_dict(with_claims=True)
    reports: dict[str, Report | None] = {}
    for claim, out in zip(found.claims, data["claims"], strict=True):
        if claim.report_id not in reports:
            reports[claim.report_id] = rt.store.get_report(claim.report_id)
        report = reports[claim.report_id]
        out["report"] = (
            {
                "id": claim.report_id,
                "title": report.title,
                "outlet": report.source,
                "url": report.url,
                "published": report.published.isoformat() if report.published else None,
            }
            if report
            else {"id": claim.report_id}
        )
        out["context"] = queries.claim_context(report.text, claim) if report else None
    return data


@router.get("/timeline")
def timeline(f: Filter, rt: Rt) -> list[dict[str, Any]]:
    """Events per day (and per type) of the filtered view."""
    return queries.timeline(rt.store, f)


@router.get("/places")
def places(f: Filter, rt: Rt, limit: Annotated[int, Query(ge=1, le=10_000)] = 1000) -> list[dict[str, Any]]:
    """Distinct event places of the filtered view, most events first."""
    return queries.places(rt.store, f, limit=limit)


@router.get("/facets")
def facets(rt: Rt) -> dict[str, Any]:
    """Event types, sub-types and countries present, and the store's counts, for filter menus."""
    out: dict[str, Any] = queries.facets(rt.store)
    stats = rt.store.stats()
    out["stats"] = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in stats.items()}
    return out


@router.get("/search")
def search(
    rt: Rt,
    q: Annotated[str, Query(min_length=1, max_length=200)],
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
) -> dict[str, Any]:
    """Full-text search: events whose summary, place or quotes contain `q`, and reports whose title
    or text does (case-insensitive substring)."""
    f = EventFilter(text=q)
    found, total = queries.list_events(rt.store, f, limit=limit)
    reports, n_reports = queries.list_reports(rt.store, limit=limit, q=q)
    return {
        "q": q,
        "events": {"total": total, "items": [e.to_dict(with_claims=False) for e in found]},
        "reports": {"total": n_reports, "items": reports},
    }


@router.get("/reports")
def reports(
    rt: Rt,
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
    q: Annotated[str | None, Query(max_length=200)] = None,
) -> dict[str, Any]:
    """Stored reports, newest first, without their text."""
    items, total = queries.list_reports(rt.store, limit=limit, offset=offset, q=q or None)
    return {"total": total, "limit": limit, "offset": offset, "items": items}


@router.get("/reports/{report_id}")
def report(report_id: str, rt: Rt) -> dict[str, Any]:
    """One report with its text and its claims (quote offsets index into `text`)."""
    found = rt.store.get_report(report_id)
    if found is None:
        raise HTTPException(404, f"no report {report_id!r}")
    data = {"id": found.id, **asdict(found)}
    for key in ("published", "retrieved"):
        data[key] = data[key].isoformat() if data[key] else None
    data["claims"] = [c.to_dict() for c in rt.store.claims_for_report(report_id)]
    return data


class ReportIn(BaseModel):
    """A report to ingest; `text` is required, everything else optional."""

    text: str = Field(min_length=1, max_length=1_000_000)
    title: str | None = Field(default=None, max_length=2000)
    source: str | None = Field(default=None, max_length=500, description="Outlet or channel name.")
    url: str | None = Field(default=None, max_length=4000)
    published: datetime | None = Field(default=None, description="Publication time (ISO 8601); default now.")
    lang: str | None = Field(default=None, max_length=16)


@router.post("/reports", status_code=201, dependencies=[Depends(require_token)])
async def ingest_report(body: ReportIn, rt: Rt) -> JSONResponse:
    """Ingest one report through the pipeline (needs `Authorization: Bearer <token>`). Returns
    what was done: 201 with the events created or updated, 200 if the same text is stored already."""
    published = body.published or datetime.now(UTC)
    if published.tzinfo is None:
        published = published.replace(tzinfo=UTC)
    report = Report(
        text=body.text,
        origin="api",
        source=body.source,
        url=body.url,
        title=body.title,
        lang=body.lang,
        published=published,
    )

    def run() -> dict[str, Any]:
        with rt.write_lock:  # one ingest at a time: the NLP pipeline is not shared between threads
            return rt.pipeline().ingest([report]).as_dict()

    result = await run_in_threadpool(run)
    result["report_id"] = report.id
    return JSONResponse(result, status_code=201 if result["reports_new"] else 200)


@router.get("/brief")
def brief(
    rt: Rt,
    day: Annotated[
        date | None, Query(alias="date", description="Default: the latest day with events.")
    ] = None,
    area: str | None = None,
    fmt: Annotated[Literal["json", "md", "txt", "html"], Query(alias="format")] = "json",
) -> Any:
    """The daily brief: one cited sentence per event; `format` json, md, txt or html."""
    from sitrep.report.brief import CSP, RENDERERS

    built = build_brief_for(rt, day, area or None)
    if fmt == "json":
        return asdict(built) | {"day": built.day.isoformat() if built.day else None}
    text = RENDERERS[fmt](built)
    media = {"md": "text/markdown", "txt": "text/plain", "html": "text/html"}[fmt]
    headers = {"Content-Security-Policy": CSP} if fmt == "html" else None
    return Response(text, media_type=f"{media}; charset=utf-8", headers=headers)


def build_brief_for(rt: Runtime, day: date | None, area: str | None) -> Any:
    """The brief of `day` (default: the latest day with events) as `sitrep brief` builds it."""
    from sitrep.report.brief import brief_of_day

    return brief_of_day(rt.store, day, area)
