"""Helpers shared by the exports (ACLED, UCDP, CSV/GeoJSON): safe CSV cells, an event's place
unpacked, the reports behind an event's claims, numeric ids.

Report text is hostile input: an outlet or quote that starts with "=", "+", "-" or "@" would run
as a formula when a spreadsheet opens the CSV, so such cells get a leading apostrophe (the
OWASP advice for CSV injection). Numbers are never touched.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Callable, Iterable, Mapping
from typing import IO, Any, NamedTuple

from sitrep.models import Claim, Event, Location, Place, Report

#: Finds a stored report by id (`Store.get_report`); the exports read outlets, URLs, headlines
#: and publication times from it.
ReportLookup = Callable[[str], Report | None]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """A CSV cell that no spreadsheet evaluates: text starting like a formula gets a "'"."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_rows(rows: Iterable[Mapping[str, Any]], columns: list[str], out: IO[str]) -> int:
    """Write dict rows as CSV (all fields quoted as needed, newlines kept inside quotes)."""
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow({k: safe_cell(v) for k, v in row.items()})
        n += 1
    return n


def numeric_id(event_id: str) -> int:
    """A stable integer for an event id: sitrep's "ev" + 12 hex digits read as a number (so
    `f"ev{n:012x}"` gives the id back); any other id is hashed to 48 bits."""
    digits = event_id[2:] if event_id.startswith("ev") else ""
    try:
        if len(digits) == 12:
            return int(digits, 16)
    except ValueError:
        pass
    return int(hashlib.sha1(event_id.encode()).hexdigest()[:12], 16)


class EventPlace(NamedTuple):
    """An event's location unpacked for a flat row; every part None when the event has no place."""

    location: Location | None
    place: Place | None  # the gazetteer entry
    point: tuple[float, float] | None  # (lat, lon), offsets applied
    name: str | None  # the gazetteer entry's name, else the report's words
    country: str | None
    country_code: str | None


def event_place(event: Event) -> EventPlace:
    loc = event.location
    if loc is None:
        return EventPlace(None, None, None, None, None, None)
    place = loc.place
    if place is None:
        return EventPlace(loc, None, loc.point(), loc.text, None, None)
    return EventPlace(loc, place, loc.point(), place.name, place.country, place.country_code)


def event_reports(event: Event, reports: ReportLookup | None) -> list[Report]:
    """The distinct reports behind an event's claims, in claim order."""
    if reports is None:
        return []
    found: dict[str, Report] = {}
    for claim in event.claims:
        if claim.report_id not in found:
            report = reports(claim.report_id)
            if report is not None:
                found[claim.report_id] = report
    return list(found.values())


def _outlet(claim: Claim, report: Report | None) -> str | None:
    if report is not None and report.source:
        return report.source
    return claim.claimant.name if claim.claimant.kind == "outlet" else None


def event_outlets(event: Event, reports: ReportLookup | None) -> list[str]:
    """The outlets that published the event's claims (the report's source, else an outlet
    claimant), first-seen order, without repeats."""
    cache: dict[str, Report | None] = {}
    outlets: list[str] = []
    for claim in event.claims:
        if reports is not None and claim.report_id not in cache:
            cache[claim.report_id] = reports(claim.report_id)
        outlet = _outlet(claim, cache.get(claim.report_id))
        if outlet and outlet not in outlets:
            outlets.append(outlet)
    return outlets


def join(values: Iterable[Any], sep: str = "; ") -> str:
    return sep.join(str(v) for v in values if v not in (None, ""))
