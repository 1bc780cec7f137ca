"""UCDP-GED-compatible CSV: the columns of UCDP's Georeferenced Event Dataset that GED users'
scripts read, in GED's order, for sitrep's political-violence events.

GED codes organised violence only: battles, explosions/remote violence and violence against
civilians are exported; protests, riots, strategic developments and diplomacy are not. Like GED,
an event needs at least one death (its `high` figure >= 1) to be included.

Where each column comes from:

- `id`: sitrep's event id as a number (`tabular.numeric_id`); `relid`: sitrep's event id itself.
- `year`; `date_start`, `date_end` (the event's day, widened by its precision: a week-precise date
  ends 6 days later, a month 29, a year 364, never after the first report; a night spanning two
  days ends the next day); `date_prec` 1 exact day, 2 two to six days, 3 week, 4 month, 5 year.
- `type_of_violence`: 3 one-sided (an armed actor, or an unnamed one, against civilians), 1
  state-based (a state's forces on either side), 2 non-state (armed groups on both sides, or an
  unattributed battle); empty when the actors do not say.
- `side_a`, `side_b`: a state is "Government of <Country>" in UCDP's spelling ("Government of
  Russia (Soviet Union)"), civilians "Civilians", any other actor its ACLED-style name; in a
  state-based event side_a is a government. `dyad_name` = "side_a - side_b". `gwnoa`, `gwnob`:
  the Gleditsch-Ward numbers of governments (`countries.GW_NUMBER`).
- `best`, `low`, `high`: the event's UCDP fatality figures. In one-sided violence every death is
  a civilian (`deaths_civilians` = best); otherwise sitrep does not know whose side died, so
  `deaths_unknown` = best and `deaths_a` = `deaths_b` = 0.
- `number_of_sources` (reports), `source_article` (each report's URL or path), `source_office`
  (outlets), `source_date` (publication days), `source_headline` (headlines), `source_original`
  (the claimants), all "; "-joined.
- `where_prec` (`Precision.ucdp`: 1 town/site, 2 near, 3 district, 4 region, 6 country),
  `where_coordinates` (the place's name), `where_description` (the report's own words for the
  place), `adm_1`, `adm_2`, `latitude`, `longitude`, `geom_wkt` ("POINT (lon lat)"),
  `priogrid_gid` (the PRIO-GRID 0.5-degree cell of the point), `country` (UCDP spelling),
  `country_id` (Gleditsch-Ward number), `region` (Africa, Americas, Asia, Europe, Middle East).
- `event_clarity`: 2 (lower clarity) when the claimants disagree or nobody gives a number, else 1.

Empty because only UCDP can assign them: `active_year`, `code_status`, `conflict_dset_id`,
`conflict_new_id`, `conflict_name`, `dyad_dset_id`, `dyad_new_id`, `side_a_dset_id`,
`side_a_new_id`, `side_b_dset_id`, `side_b_new_id` (UCDP's conflict and actor registers).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from typing import IO, Any

from sitrep import taxonomy as tx
from sitrep.models import DatePrecision, Event
from sitrep.report import countries
from sitrep.report.acled import CIVILIANS, PROTESTERS, RIOTERS, actor_category, state_of
from sitrep.report.tabular import ReportLookup, event_place, event_reports, join, numeric_id, write_rows

UCDP_COLUMNS = [
    "id", "relid", "year", "active_year", "code_status", "type_of_violence", "conflict_dset_id",
    "conflict_new_id", "conflict_name", "dyad_dset_id", "dyad_new_id", "dyad_name", "side_a_dset_id",
    "side_a_new_id", "side_a", "side_b_dset_id", "side_b_new_id", "side_b", "number_of_sources",
    "source_article", "source_office", "source_date", "source_headline", "source_original",
    "where_prec", "where_coordinates", "where_description", "adm_1", "adm_2", "latitude", "longitude",
    "geom_wkt", "priogrid_gid", "country", "country_id", "region", "event_clarity", "date_prec",
    "date_start", "date_end", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best",
    "high", "low", "gwnoa", "gwnob",
]  # fmt: skip

STATE_BASED, NON_STATE, ONE_SIDED = 1, 2, 3

_SPAN_DAYS = {DatePrecision.DAY: 0, DatePrecision.WEEK: 6, DatePrecision.MONTH: 29, DatePrecision.YEAR: 364}
_DATE_PREC = {DatePrecision.WEEK: 3, DatePrecision.MONTH: 4, DatePrecision.YEAR: 5}


def is_ucdp_event(event: Event) -> bool:
    """Organised violence with at least one death, as GED codes it."""
    return event.event_type in tx.VIOLENT_TYPES and event.fatalities.high >= 1


def _armed(category: str | None) -> bool:
    return category not in (None, CIVILIANS, PROTESTERS, RIOTERS)


def type_of_violence(event: Event, country: str | None = None) -> int | None:
    """UCDP's type from the actors: one-sided (3) when civilians are the target, state-based (1)
    when a state's forces take part, non-state (2) when armed groups fight each other."""
    cat1, cat2 = actor_category(event.actor1, country), actor_category(event.actor2, country)
    state = state_of(event.actor1) is not None or state_of(event.actor2) is not None
    if cat2 == CIVILIANS and (cat1 is None or _armed(cat1)):
        return ONE_SIDED
    if state:
        return STATE_BASED
    if _armed(cat1) and _armed(cat2):
        return NON_STATE
    if _armed(cat1) and cat2 is None:
        if event.event_type == tx.VIOLENCE_AGAINST_CIVILIANS:
            return ONE_SIDED
        if event.event_type == tx.BATTLES:
            return NON_STATE
    return None


def side_name(actor: str | None) -> str | None:
    """UCDP's name of a party: "Government of Ukraine", "Civilians", or the actor's name."""
    if not actor:
        return None
    state = state_of(actor)
    if state is not None:
        return f"Government of {countries.ucdp_country(countries.code_of_country(state), state)}"
    if actor == CIVILIANS or actor.startswith(CIVILIANS + " ("):
        return CIVILIANS
    return actor


def _gwno(actor: str | None) -> int | None:
    state = state_of(actor)
    return countries.GW_NUMBER.get(countries.code_of_country(state) or "") if state else None


def priogrid_gid(lat: float, lon: float) -> int:
    """The PRIO-GRID cell id of a point: 0.5-degree cells numbered row by row from (-90, -180)."""
    row = min(int(math.floor((lat + 90) * 2)), 359)
    col = min(int(math.floor((lon + 180) * 2)), 719)
    return row * 720 + col + 1


def date_window(event: Event) -> tuple[date | None, date | None, int | None]:
    """(date_start, date_end, date_prec) of an event."""
    if event.date is None:
        return None, None, None
    start = event.date
    end = start + timedelta(days=_SPAN_DAYS[event.date_precision])
    for claim in event.claims:  # "the night of 24 to 25 November"
        if claim.date is not None and claim.date.date == start and claim.date.end and claim.date.end > end:
            end = claim.date.end
    if event.first_reported is not None:
        end = max(start, min(end, event.first_reported.date()))
    prec = _DATE_PREC.get(event.date_precision) or (1 if end == start else 2)
    return start, end, prec


def ucdp_row(event: Event, reports: ReportLookup | None = None) -> dict[str, Any]:
    """One event as a GED row (see the module docstring for each column)."""
    loc, place, point, name, country, code = event_place(event)
    kind = type_of_violence(event, country)
    actor_a, actor_b = event.actor1, event.actor2
    if kind == STATE_BASED and state_of(actor_a) is None:
        actor_a, actor_b = actor_b, actor_a  # in state-based conflict side A is a government
    side_a, side_b = side_name(actor_a), side_name(actor_b)
    start, end, prec = date_window(event)
    found = event_reports(event, reports)
    fat = event.fatalities
    deaths_civilians = fat.best if kind == ONE_SIDED else 0
    return {
        "id": numeric_id(event.id),
        "relid": event.id,
        "year": event.date.year if event.date else None,
        "active_year": None,
        "code_status": None,
        "type_of_violence": kind,
        "conflict_dset_id": None,
        "conflict_new_id": None,
        "conflict_name": None,
        "dyad_dset_id": None,
        "dyad_new_id": None,
        "dyad_name": f"{side_a} - {side_b}" if side_a and side_b else None,
        "side_a_dset_id": None,
        "side_a_new_id": None,
        "side_a": side_a,
        "side_b_dset_id": None,
        "side_b_new_id": None,
        "side_b": side_b,
        "number_of_sources": event.n_sources,
        "source_article": join(r.url for r in found),
        "source_office": join(dict.fromkeys(r.source for r in found)),
        "source_date": join(dict.fromkeys(r.published.date().isoformat() for r in found if r.published)),
        "source_headline": join(r.title for r in found),
        "source_original": join(event.claimants),
        "where_prec": loc.precision.ucdp if loc else None,
        "where_coordinates": name,
        "where_description": join([loc.text, loc.detail], ", ") if loc else None,
        "adm_1": place.admin1 if place else None,
        "adm_2": place.admin2 if place else None,
        "latitude": round(point[0], 6) if point else None,
        "longitude": round(point[1], 6) if point else None,
        "geom_wkt": f"POINT ({round(point[1], 6)} {round(point[0], 6)})" if point else None,
        "priogrid_gid": priogrid_gid(*point) if point else None,
        "country": countries.ucdp_country(code, country),
        "country_id": countries.GW_NUMBER.get(code or ""),
        "region": countries.ucdp_region(code),
        "event_clarity": 2 if event.contested or fat.vague else 1,
        "date_prec": prec,
        "date_start": start.isoformat() if start else None,
        "date_end": end.isoformat() if end else None,
        "deaths_a": 0,
        "deaths_b": 0,
        "deaths_civilians": deaths_civilians,
        "deaths_unknown": fat.best - deaths_civilians,
        "best": fat.best,
        "high": fat.high,
        "low": fat.low,
        "gwnoa": _gwno(actor_a),
        "gwnob": _gwno(actor_b),
    }


def ucdp_rows(events: Iterable[Event], reports: ReportLookup | None = None) -> Iterator[dict[str, Any]]:
    """GED rows of the events GED would code (organised violence with a death)."""
    for event in events:
        if is_ucdp_event(event):
            yield ucdp_row(event, reports)


def write_ucdp(events: Iterable[Event], out: IO[str], reports: ReportLookup | None = None) -> int:
    """Write the GED CSV to `out`; return the number of rows. `reports` (e.g. `Store.get_report`)
    supplies the source columns; events need their claims."""
    return write_rows(ucdp_rows(events, reports), UCDP_COLUMNS, out)
