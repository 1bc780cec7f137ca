"""Row <-> dataclass conversion for the store.

Writing: each model becomes one row dict whose plain columns are derived for querying, and whose
`data` column holds the model's own `to_dict()`. Reading: the model is rebuilt from `data` by a
decoder driven by the dataclasses' type hints, so a field added to `models.py` round-trips with
no change here and no migration. Only values the store owns (a claim's `event_id`, which
`save_event`/`delete_event` update in place) are taken from columns instead.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date, datetime
from enum import Enum
from functools import cache
from typing import Any, TypeVar

from sitrep.models import Claim, Event, Location, Report, to_jsonable

T = TypeVar("T")


# ---------------------------------------------------------------- generic decoding


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _identity(value: Any) -> Any:
    return value


@cache
def _decoder(tp: Any) -> typing.Callable[[Any], Any]:
    """A function that rebuilds a value of type `tp` from its JSON form (`models.to_jsonable`),
    built once per type: reading 50 events for a merge decision must cost microseconds, not the
    type-hint introspection of every field of every value."""
    origin = typing.get_origin(tp)
    if origin is typing.Union or origin is types.UnionType:
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(options) == 1:
            inner = _decoder(options[0])
            return lambda v: None if v is None else inner(v)
        decoders = [_decoder(o) for o in options]

        def first_that_fits(value: Any) -> Any:  # not used by the models today
            if value is None:
                return None
            for dec in decoders:
                try:
                    return dec(value)
                except (TypeError, ValueError, KeyError):
                    continue
            return value

        return first_that_fits
    if origin is list:
        (item_tp,) = typing.get_args(tp) or (Any,)
        item = _decoder(item_tp)
        return lambda v: None if v is None else [item(x) for x in v]
    if origin is dict:
        args = typing.get_args(tp)
        item = _decoder(args[1]) if len(args) == 2 else _identity
        return lambda v: None if v is None else {k: item(x) for k, x in v.items()}
    if tp is Any or not isinstance(tp, type):
        return _identity
    if dataclasses.is_dataclass(tp):
        return lambda v: None if v is None else from_dict(tp, v)
    if issubclass(tp, Enum):
        return lambda v: None if v is None else tp(v)
    if tp is datetime:
        return lambda v: v if v is None or isinstance(v, datetime) else datetime.fromisoformat(v)
    if tp is date:
        return lambda v: v if v is None or isinstance(v, date) else date.fromisoformat(v)
    if tp is float:
        return lambda v: float(v) if isinstance(v, int) and not isinstance(v, bool) else v
    return _identity


def decode(tp: Any, value: Any) -> Any:
    """Rebuild a value of type `tp` from its JSON form (as produced by `models.to_jsonable`)."""
    return _decoder(tp)(value)


@cache
def _fields(cls: type) -> tuple[tuple[str, typing.Callable[[Any], Any]], ...]:
    hints = _hints(cls)
    return tuple((f.name, _decoder(hints[f.name])) for f in dataclasses.fields(cls) if f.init)


def from_dict(cls: type[T], data: dict[str, Any]) -> T:
    """Build dataclass `cls` from a dict; unknown keys are ignored, missing ones take defaults."""
    return cls(**{name: dec(data[name]) for name, dec in _fields(cls) if name in data})


# ---------------------------------------------------------------- reports


def report_to_row(report: Report) -> dict[str, Any]:
    return {
        "id": report.id,
        "content_hash": report.content_hash,
        "origin": report.origin,
        "source": report.source,
        "url": report.url,
        "title": report.title,
        "lang": report.lang,
        "published": report.published,
        "retrieved": report.retrieved,
        "text": report.text,
        # JSON cannot hold dates or enums: they come back as ISO strings and plain values.
        "meta": to_jsonable(report.meta or {}),
    }


def row_to_report(row: Any) -> Report:
    m = row._mapping
    return Report(
        text=m["text"],
        origin=m["origin"],
        source=m["source"],
        url=m["url"],
        title=m["title"],
        lang=m["lang"],
        published=m["published"],
        retrieved=m["retrieved"],
        meta=dict(m["meta"] or {}),
    )


# ---------------------------------------------------------------- claims


def _point(location: Location | None) -> tuple[float | None, float | None]:
    point = location.point() if location is not None else None
    return point if point is not None else (None, None)


def claim_to_row(claim: Claim) -> dict[str, Any]:
    data = claim.to_dict()
    lat, lon = _point(claim.location)
    who = claim.claimant
    civ = claim.civilians_killed
    return {
        "id": claim.id,
        "report_id": claim.report_id,
        "idx": claim.index,
        "event_id": claim.event_id,
        "quote_start": claim.quote.start,
        "quote_end": claim.quote.end,
        "quote": claim.quote.text,
        "claimant_name": who.name,
        "claimant_role": who.role,
        "claimant_affiliation": who.affiliation,
        "claimant_channel": who.channel,
        "claimant_kind": who.kind,
        "stance": str(claim.stance),
        "event_type": claim.event_type,
        "sub_event_type": claim.sub_event_type,
        "actor1": claim.actor1,
        "actor2": claim.actor2,
        "location": data["location"],
        "lat": lat,
        "lon": lon,
        "precision": str(claim.location.precision) if claim.location else None,
        "date": claim.date.date if claim.date else None,
        "date_precision": str(claim.date.precision) if claim.date else None,
        "killed_low": claim.killed.low if claim.killed else None,
        "killed_high": claim.killed.high if claim.killed else None,
        "killed_qualifier": claim.killed.qualifier if claim.killed else None,
        "civilians_killed_low": civ.low if civ else None,
        "civilians_killed_high": civ.high if civ else None,
        "civilians_killed_qualifier": civ.qualifier if civ else None,
        "injured_low": claim.injured.low if claim.injured else None,
        "injured_high": claim.injured.high if claim.injured else None,
        "injured_qualifier": claim.injured.qualifier if claim.injured else None,
        "data": data,
        "confidence": claim.confidence,
    }


def row_to_claim(row: Any) -> Claim:
    m = row._mapping
    claim = from_dict(Claim, m["data"])
    claim.event_id = m["event_id"]  # the column is authoritative: save/delete_event update it alone
    return claim


# ---------------------------------------------------------------- events


def event_to_row(event: Event) -> dict[str, Any]:
    loc = event.location
    place = loc.place if loc else None
    lat, lon = _point(loc)
    country = admin1 = None
    if place is not None:
        country = place.country or (place.name if place.kind == "country" else None)
        admin1 = place.admin1 or (place.name if place.kind == "admin1" else None)
    return {
        "id": event.id,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "date": event.date,
        "date_precision": str(event.date_precision),
        "place_name": place.name if place else (loc.text if loc else None),
        "country": country,
        "country_code": place.country_code if place else None,
        "admin1": admin1,
        "admin2": place.admin2 if place else None,
        "lat": lat,
        "lon": lon,
        "precision": str(loc.precision) if loc else None,
        "fatalities": event.fatalities.acled,
        "fatalities_low": event.fatalities.low,
        "fatalities_best": event.fatalities.best,
        "fatalities_high": event.fatalities.high,
        "civilian_fatalities": None if event.civilian_fatalities is None else event.civilian_fatalities.acled,
        "injured": event.injured.acled,
        "injured_low": event.injured.low,
        "injured_best": event.injured.best,
        "injured_high": event.injured.high,
        "contested": bool(event.contested),
        "contested_reason": event.contested_reason,
        "actor1": event.actor1,
        "actor2": event.actor2,
        "summary": event.summary or "",
        "n_sources": event.n_sources,
        "n_claimants": event.n_claimants,
        "claimants": list(event.claimants),
        "first_reported": event.first_reported,
        "updated": event.updated,
        "data": event.to_dict(with_claims=False),
    }


def row_to_event(row: Any, claims: list[Claim] | None = None) -> Event:
    return data_to_event(row._mapping["data"], claims)


def data_to_event(data: dict[str, Any], claims: list[Claim] | None = None) -> Event:
    """An event from its `data` column already parsed (for queries that parse it themselves)."""
    event = from_dict(Event, data)
    event.claims = list(claims or [])
    return event
