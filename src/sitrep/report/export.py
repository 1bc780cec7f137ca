"""Event exports: JSON Lines (events with their claims), CSV (one row per event), GeoJSON.

GeoJSON has one Point feature per located event; the precision travels in the properties, so a
region-level event is never mistaken for a point in a town.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

from sitrep.models import Event
from sitrep.report.tabular import event_place, write_rows

CSV_COLUMNS = [
    "event_id", "event_date", "date_precision", "event_type", "sub_event_type", "actor1", "actor2",
    "place_name", "admin1", "admin2", "country", "country_code", "latitude", "longitude", "geo_precision",
    "fatalities", "fatalities_low", "fatalities_best", "fatalities_high", "injured", "injured_low",
    "injured_best", "injured_high", "contested", "contested_reason", "n_sources", "n_claimants",
    "claimants", "summary", "updated",
]  # fmt: skip


def event_properties(event: Event) -> dict[str, Any]:
    """The flat fields shared by CSV rows and GeoJSON properties."""
    loc, place, point, name, country, code = event_place(event)
    return {
        "event_id": event.id,
        "event_date": event.date.isoformat() if event.date else None,
        "date_precision": event.date_precision.value,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": event.actor1,
        "actor2": event.actor2,
        "place_name": name,
        "admin1": place.admin1 if place else None,
        "admin2": place.admin2 if place else None,
        "country": country,
        "country_code": code,
        "latitude": point[0] if point else None,
        "longitude": point[1] if point else None,
        "geo_precision": loc.precision.value if loc else None,
        "fatalities": event.fatalities.acled,
        "fatalities_low": event.fatalities.low,
        "fatalities_best": event.fatalities.best,
        "fatalities_high": event.fatalities.high,
        "injured": event.injured.acled,
        "injured_low": event.injured.low,
        "injured_best": event.injured.best,
        "injured_high": event.injured.high,
        "contested": event.contested,
        "contested_reason": event.contested_reason,
        "n_sources": event.n_sources,
        "n_claimants": event.n_claimants,
        "claimants": "; ".join(event.claimants),
        "summary": event.summary,
        "updated": event.updated.isoformat() if event.updated else None,
    }


def write_jsonl(events: Iterable[Event], out: IO[str]) -> int:
    n = 0
    for event in events:
        out.write(json.dumps(event.to_dict(with_claims=True), ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(events: Iterable[Event], out: IO[str]) -> int:
    """One row per event, formula-safe like the ACLED and UCDP exports (`tabular.safe_cell`)."""
    return write_rows((event_properties(event) for event in events), CSV_COLUMNS, out)


def write_geojson(events: Iterable[Event], out: IO[str]) -> int:
    features = []
    for event in events:
        props = event_properties(event)
        if props["latitude"] is None:
            continue  # an event with no known place has no geometry to draw
        props["claimants"] = list(event.claimants)
        props["fatalities_by_claimant"] = event.fatalities.by_claimant
        props["injured_by_claimant"] = event.injured.by_claimant
        geometry = {
            "type": "Point",
            "coordinates": [round(props["longitude"], 6), round(props["latitude"], 6)],
        }
        features.append({"type": "Feature", "id": event.id, "geometry": geometry, "properties": props})
    json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False)
    out.write("\n")
    return len(features)


WRITERS = {"jsonl": write_jsonl, "csv": write_csv, "geojson": write_geojson}


def write_export(events: Iterable[Event], fmt: str, out: IO[str]) -> int:
    """Write `events` in `fmt` to `out`; return how many were written."""
    return WRITERS[fmt](events, out)
