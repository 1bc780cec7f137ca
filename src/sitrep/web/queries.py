"""Read queries of the web API: the Store's event filters plus what a map needs (bounding box,
claimant, sub-type, `since`), written so that SQLite can use its indexes.

`Store.query_events` compares `lower(column)` with the input, which scans every row (SQLite's
`lower` is replaced by Python's there). Here a case-insensitive input is first resolved to the
stored spellings (a DISTINCT over an index, a few ms) and then matched with `IN (...)`, which uses
the index. GeoJSON and CSV of large views are built from the plain columns only, without
decoding each event's JSON document: 10,000 features in well under 300 ms.

Every value reaches SQL as a bound parameter (SQLAlchemy Core); nothing here formats SQL text.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from sitrep.models import Claim, Event
from sitrep.store import Store, codec
from sitrep.store import schema as t

#: The columns behind the flat event properties (the CSV columns of `report.export`).
_FLAT_COLUMNS = (
    "id", "date", "date_precision", "event_type", "sub_event_type", "actor1", "actor2", "place_name",
    "admin1", "admin2", "country", "country_code", "lat", "lon", "precision", "fatalities",
    "fatalities_low", "fatalities_best", "fatalities_high", "civilian_fatalities", "injured", "injured_low",
    "injured_best", "injured_high", "contested", "contested_reason", "n_sources", "n_claimants",
    "claimants", "summary", "updated",
)  # fmt: skip


@dataclass
class EventFilter:
    """Every filter of the events API; None means "any"."""

    date_from: date | None = None
    date_to: date | None = None
    event_type: str | None = None  # the type or a sub-type, case-insensitive
    sub_event_type: str | None = None
    country: str | None = None  # name or ISO code, case-insensitive
    area: str | None = None  # country name, ISO code or first-level region
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    claimant: str | None = None  # substring of a claimant's name, case-insensitive
    contested: bool | None = None
    text: str | None = None  # substring of summary, place name or any quote
    since: datetime | None = None  # updated strictly after this instant


def _distinct(conn: Connection, column: sa.ColumnElement[Any]) -> list[Any]:
    """The distinct non-NULL values of an indexed column by a loose index scan (one index seek per
    value, a recursive CTE): far cheaper than DISTINCT, which reads every index entry."""
    table = column.table
    step = sa.select(sa.func.min(column)).where(column > sa.literal_column("d.v")).scalar_subquery()
    first = sa.select(sa.func.min(column).label("v")).select_from(table).cte("d", recursive=True)
    walk = first.union_all(sa.select(step).select_from(first).where(first.c.v.is_not(None)))
    return [v for (v,) in conn.execute(sa.select(walk.c.v).where(walk.c.v.is_not(None)))]


def _matching(conn: Connection, column: sa.ColumnElement[Any], wanted: str) -> list[str]:
    """The stored values of `column` equal to `wanted` ignoring case (a scan of the index only)."""
    folded = wanted.casefold()
    return [v for v in _distinct(conn, column) if v.casefold() == folded]


def _any_in(*pairs: tuple[sa.ColumnElement[Any], list[str]]) -> sa.ColumnElement[bool]:
    """`a IN (...) OR b IN (...)` over the non-empty lists only: an empty IN inside an OR (rendered
    as a subquery) stops SQLite from using the other column's index."""
    tests = [column.in_(values) for column, values in pairs if values]
    if not tests:
        return sa.false()
    return tests[0] if len(tests) == 1 else sa.or_(*tests)


def _equals_any(conn: Connection, wanted: str, *columns: sa.ColumnElement[Any]) -> sa.ColumnElement[bool]:
    """Rows where any of `columns` equals `wanted` ignoring case, through each column's index."""
    return _any_in(*((column, _matching(conn, column, wanted)) for column in columns))


def _count(conn: Connection, where: list[sa.ColumnElement[bool]]) -> int:
    return int(conn.execute(sa.select(sa.func.count()).select_from(t.events).where(*where)).scalar_one())


def has_fts(conn: Connection) -> bool:
    """Whether the trigram FTS5 tables of migration 0006 exist (SQLite 3.34+; not PostgreSQL)."""
    if conn.dialect.name != "sqlite":
        return False
    query = sa.text(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('events_fts', 'claims_fts')"
    )
    return conn.execute(query).scalar_one() == 2


def _text_match(conn: Connection, text: str) -> sa.ColumnElement[bool]:
    """Events whose summary, place name or any quote contains `text`, ignoring case.

    With the FTS5 tables a trigram phrase query over the lowered texts (exactly the lowered
    substrings, see migration 0006); without them, or for a text under three characters (no
    trigram to look up), the LIKE scan: `lower(column) LIKE %lower(text)%`, as `Store` does."""
    e = t.events.c
    needle = text.lower()
    if len(needle) >= 3 and has_fts(conn):
        phrase = '"' + needle.replace('"', '""') + '"'
        in_events = sa.text("SELECT rowid FROM events_fts WHERE events_fts MATCH :phrase").bindparams(
            phrase=phrase
        )
        in_quotes = sa.text(
            "SELECT claims.event_id FROM claims WHERE claims.rowid IN "
            "(SELECT rowid FROM claims_fts WHERE claims_fts MATCH :quote_phrase)"
        ).bindparams(quote_phrase=phrase)
        rowid = sa.literal_column("events.rowid")
        return sa.or_(
            rowid.in_(in_events.columns(sa.column("rowid"))),
            e.id.in_(in_quotes.columns(sa.column("event_id"))),
        )
    quoted = sa.exists().where(t.claims.c.event_id == e.id, t.claims.c.quote.icontains(text, autoescape=True))
    return sa.or_(
        e.summary.icontains(text, autoescape=True),
        e.place_name.icontains(text, autoescape=True),
        quoted,
    )


def _where(conn: Connection, f: EventFilter) -> list[sa.ColumnElement[bool]]:
    e = t.events.c
    where: list[sa.ColumnElement[bool]] = []
    if f.date_from is not None:
        where.append(e.date >= f.date_from)
    if f.date_to is not None:
        where.append(e.date <= f.date_to)
    if f.event_type:
        where.append(_equals_any(conn, f.event_type, e.event_type, e.sub_event_type))
    if f.sub_event_type:
        where.append(_equals_any(conn, f.sub_event_type, e.sub_event_type))
    if f.country:
        where.append(_equals_any(conn, f.country, e.country, e.country_code))
    if f.area:
        where.append(_equals_any(conn, f.area, e.country, e.country_code, e.admin1))
    if f.bbox is not None:
        west, south, east, north = f.bbox
        where.append(e.lat.between(south, north))
        if west <= east:
            where.append(e.lon.between(west, east))
        else:  # the box crosses the antimeridian
            where.append(sa.or_(e.lon >= west, e.lon <= east))
    if f.claimant:
        # Names containing the words, from a loose scan of the claimant index (0005), then a lookup.
        wanted = f.claimant.casefold()
        matched = [n for n in _distinct(conn, t.claims.c.claimant_name) if wanted in n.casefold()]
        by = sa.select(t.claims.c.event_id).where(t.claims.c.claimant_name.in_(matched))
        where.append(e.id.in_(by) if matched else sa.false())
    if f.contested is not None:
        where.append(e.contested.is_(bool(f.contested)))
    if f.text:
        where.append(_text_match(conn, f.text))
    if f.since is not None:
        since = f.since if f.since.tzinfo else f.since.replace(tzinfo=UTC)
        # The column holds naive UTC on SQLite (`schema.UTCDateTime`); bind it through that type.
        where.append(e.updated > sa.literal(since, t.UTCDateTime()))
    return where


def _order(order: str) -> list[sa.ColumnElement[Any]]:
    """'date desc' (default), 'date asc', 'updated desc', 'fatalities desc'. SQLite sorts NULL
    first ascending and last descending, so plain DESC already puts undated events last and can
    walk the index backwards."""
    e = t.events.c
    key, _, direction = (order or "date desc").partition(" ")
    column = {"date": e.date, "updated": e.updated, "fatalities": e.fatalities, "id": e.id}.get(key)
    if column is None or direction not in ("", "asc", "desc"):
        raise ValueError("order must be one of: date, updated, fatalities, id; then asc or desc")
    if direction == "asc":
        return [column.asc(), e.id.asc()]
    return [column.desc(), e.id.desc()]


def count_events(store: Store, f: EventFilter) -> int:
    with store.engine.connect() as conn:
        return _count(conn, _where(conn, f))


def list_events(
    store: Store, f: EventFilter, *, limit: int = 100, offset: int = 0, order: str = "date desc"
) -> tuple[list[Event], int]:
    """One page of events (without claims) and the total that match."""
    with store.engine.connect() as conn:
        where = _where(conn, f)
        total = _count(conn, where)
        query = sa.select(t.events).where(*where).order_by(*_order(order)).limit(limit).offset(offset)
        rows = conn.execute(query).all()
    return [codec.row_to_event(row) for row in rows], total


def list_events_json(
    store: Store, f: EventFilter, *, limit: int = 100, offset: int = 0, order: str = "date desc"
) -> tuple[list[str], int]:
    """Like `list_events`, but each event as the JSON text stored in its `data` column (which is
    `Event.to_dict(with_claims=False)`): no decoding and re-encoding of a page of events."""
    data = sa.type_coerce(t.events.c.data, sa.Text)
    with store.engine.connect() as conn:
        where = _where(conn, f)
        total = _count(conn, where)
        # Late row lookup: the page's ids come from the indexes alone (sorting ids, not documents),
        # then only those rows' documents are read.
        page = sa.select(t.events.c.id).where(*where).order_by(*_order(order)).limit(limit).offset(offset)
        query = sa.select(data).where(t.events.c.id.in_(page.scalar_subquery())).order_by(*_order(order))
        docs = [
            v if isinstance(v, str) else json.dumps(v, ensure_ascii=False) for (v,) in conn.execute(query)
        ]
    return docs, total


def flat_events(
    store: Store, f: EventFilter, *, limit: int | None = None, order: str = "date desc", located: bool = False
) -> list[dict[str, Any]]:
    """The flat properties (as `report.export.event_properties` names them) of matching events,
    read from the plain columns alone: the fast path for GeoJSON, CSV and the map."""
    cols = [t.events.c[name] for name in _FLAT_COLUMNS]
    with store.engine.connect() as conn:
        where = _where(conn, f)
        if located:
            where += [t.events.c.lat.is_not(None), t.events.c.lon.is_not(None)]
        query = sa.select(*cols).where(*where).order_by(*_order(order)).limit(limit)
        rows = conn.execute(query).all()
    return [_flat(row) for row in rows]


_FLAT_KEYS = (
    "event_id",
    "event_date",
    "date_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "place_name",
    "admin1",
    "admin2",
    "country",
    "country_code",
    "latitude",
    "longitude",
    "geo_precision",
    "fatalities",
    "fatalities_low",
    "fatalities_best",
    "fatalities_high",
    "civilian_fatalities",
    "injured",
    "injured_low",
    "injured_best",
    "injured_high",
    "contested",
    "contested_reason",
    "n_sources",
    "n_claimants",
    "claimants",
    "summary",
    "updated",
)  # fmt: skip; in the order of _FLAT_COLUMNS


def _flat(row: Any) -> dict[str, Any]:
    out = dict(zip(_FLAT_KEYS, row, strict=True))
    day, updated = out["event_date"], out["updated"]
    out["event_date"] = day.isoformat() if day else None
    out["updated"] = updated.isoformat() if updated else None
    out["contested"] = bool(out["contested"])
    out["claimants"] = list(out["claimants"] or [])
    return out


def geojson(items: list[dict[str, Any]]) -> dict[str, Any]:
    """A FeatureCollection of located flat events; precision travels in the properties."""
    features = [
        {
            "type": "Feature",
            "id": p["event_id"],
            "geometry": {"type": "Point", "coordinates": [round(p["longitude"], 6), round(p["latitude"], 6)]},
            "properties": p,
        }
        for p in items
        if p["latitude"] is not None and p["longitude"] is not None
    ]
    return {"type": "FeatureCollection", "features": features}


#: The properties the map page draws and shows in popups (`GET /api/events.geojson?view=map`):
#: about half the bytes of the full feature, so the browser fetches and parses half as much.
MAP_PROPERTIES = (
    "event_id", "event_date", "event_type", "sub_event_type", "place_name", "country", "geo_precision",
    "fatalities", "fatalities_low", "fatalities_best", "fatalities_high", "injured", "contested", "summary",
    "updated",
)  # fmt: skip


def geojson_text(
    store: Store,
    f: EventFilter,
    *,
    limit: int | None = None,
    order: str = "date desc",
    properties: tuple[str, ...] | None = None,
) -> str:
    """The GeoJSON FeatureCollection of `geojson(flat_events(...))` as text, with only the
    `properties` named (all when None). On SQLite each feature is built by SQLite's own
    json_object() (C code), about ten times faster than building and dumping Python dicts; other
    databases take the Python path."""
    if store.engine.dialect.name != "sqlite":
        items = flat_events(store, f, limit=limit, order=order, located=True)
        collection = geojson(items)
        if properties is not None:
            for feature in collection["features"]:
                feature["properties"] = {k: feature["properties"][k] for k in properties}
        return json.dumps(collection, ensure_ascii=False, separators=(",", ":"))
    e = t.events.c
    text = sa.type_coerce

    def iso(column: sa.ColumnElement[Any]) -> sa.ColumnElement[Any]:
        # UTCDateTime keeps naive UTC 'YYYY-MM-DD HH:MM:SS[.ffffff]' on SQLite.
        raw = text(column, sa.Text)
        return sa.case((raw.is_(None), None), else_=sa.func.replace(raw, " ", "T") + "+00:00")

    # The flat columns as they are, but for those whose JSON differs from the stored value.
    as_json: dict[str, sa.ColumnElement[Any]] = {
        "event_date": text(e.date, sa.Text),
        "contested": sa.func.json(sa.case((e.contested, "true"), else_="false")),
        "claimants": sa.func.json(sa.func.coalesce(text(e.claimants, sa.Text), "[]")),
        "updated": iso(e.updated),
    }
    props = [(key, as_json.get(key, e[name])) for key, name in zip(_FLAT_KEYS, _FLAT_COLUMNS, strict=True)]
    pairs: list[Any] = []
    for key, column in props:
        if properties is None or key in properties:
            pairs += [sa.literal(key, sa.Text), column]
    feature = sa.func.json_object(
        sa.literal("type", sa.Text), sa.literal("Feature", sa.Text),
        sa.literal("id", sa.Text), e.id,
        sa.literal("geometry", sa.Text), sa.func.json_object(
            sa.literal("type", sa.Text), sa.literal("Point", sa.Text),
            sa.literal("coordinates", sa.Text),
            sa.func.json_array(sa.func.round(e.lon, 6), sa.func.round(e.lat, 6)),
        ),
        sa.literal("properties", sa.Text), sa.func.json_object(*pairs),
    )  # fmt: skip
    with store.engine.connect() as conn:
        where = _where(conn, f) + [e.lat.is_not(None), e.lon.is_not(None)]
        query = sa.select(text(feature, sa.Text)).where(*where).order_by(*_order(order)).limit(limit)
        features = [v for (v,) in conn.execute(query)]
    return '{"type":"FeatureCollection","features":[' + ",".join(features) + "]}"


def timeline(store: Store, f: EventFilter) -> list[dict[str, Any]]:
    """Events per day and type, for the timeline bars."""
    e = t.events.c
    with store.engine.connect() as conn:
        query = (
            sa.select(e.date, e.event_type, sa.func.count().label("n"))
            .where(*_where(conn, f), e.date.is_not(None))
            .group_by(e.date, e.event_type)
            .order_by(e.date)
        )
        rows = conn.execute(query).all()
    days: dict[str, dict[str, Any]] = {}
    for day, event_type, n in rows:
        key = day.isoformat() if isinstance(day, date) else str(day)
        entry = days.setdefault(key, {"date": key, "count": 0, "by_type": {}})
        entry["count"] += n
        entry["by_type"][event_type or "Unknown"] = n
    return list(days.values())


def places(store: Store, f: EventFilter, limit: int = 1000) -> list[dict[str, Any]]:
    """Distinct places of the matching events, with how many events each has."""
    e = t.events.c
    with store.engine.connect() as conn:
        query = (
            sa.select(
                e.place_name,
                e.admin1,
                e.country,
                e.country_code,
                e.precision,
                sa.func.avg(e.lat).label("lat"),
                sa.func.avg(e.lon).label("lon"),
                sa.func.count().label("events"),
            )
            .where(*_where(conn, f), e.place_name.is_not(None))
            .group_by(e.place_name, e.admin1, e.country, e.country_code, e.precision)
            .order_by(sa.func.count().desc(), e.place_name)
            .limit(limit)
        )
        return [dict(row._mapping) for row in conn.execute(query)]


def facets(store: Store) -> dict[str, list[str]]:
    """The event types, sub-types and countries present, for the filter menus."""
    e = t.events.c
    out: dict[str, list[str]] = {}
    with store.engine.connect() as conn:
        for name, column in (("event_types", e.event_type), ("sub_event_types", e.sub_event_type),
                             ("countries", e.country)):  # fmt: skip
            out[name] = _distinct(conn, column)  # ascending, as ORDER BY column would give
    return out


def list_reports(
    store: Store, *, limit: int = 50, offset: int = 0, q: str | None = None
) -> tuple[list[dict[str, Any]], int]:
    """Reports, newest publication first, without their text; `q` a substring of title or text."""
    r = t.reports.c
    where: list[sa.ColumnElement[bool]] = []
    if q:
        where.append(sa.or_(r.title.icontains(q, autoescape=True), r.text.icontains(q, autoescape=True)))
    n_claims = (
        sa.select(sa.func.count()).where(t.claims.c.report_id == r.id).correlate(t.reports).scalar_subquery()
    )
    with store.engine.connect() as conn:
        total = int(
            conn.execute(sa.select(sa.func.count()).select_from(t.reports).where(*where)).scalar_one()
        )
        query = (
            sa.select(
                r.id,
                r.title,
                r.source,
                r.url,
                r.origin,
                r.lang,
                r.published,
                r.retrieved,
                n_claims.label("claims"),
            )  # fmt: skip
            .where(*where)
            .order_by(r.published.desc(), r.id)
            .limit(limit)
            .offset(offset)
        )
        rows = [dict(row._mapping) for row in conn.execute(query)]
    for row in rows:
        for key in ("published", "retrieved"):
            row[key] = row[key].isoformat() if row[key] else None
    return rows, total


def claim_context(text: str, claim: Claim, margin: int = 250) -> dict[str, Any]:
    """The quote of `claim` cut out of its report's text with some text either side, so a page can
    highlight it where it stands. Offsets are checked against the text (a quote whose offsets no
    longer match falls back to the stored quote alone)."""
    start, end = claim.quote.start, claim.quote.end
    if not (0 <= start <= end <= len(text)) or text[start:end] != claim.quote.text:
        return {"before": "", "quote": claim.quote.text, "after": "", "offsets_ok": False}
    lo = max(0, start - margin)
    hi = min(len(text), end + margin)
    before = ("…" if lo > 0 else "") + text[lo:start]
    after = text[end:hi] + ("…" if hi < len(text) else "")
    return {"before": before, "quote": text[start:end], "after": after, "offsets_ok": True}
