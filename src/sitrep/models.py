"""The data model: plain dataclasses shared by every pipeline stage.

A *Report* is one source item. A *Claim* is one assertion inside a report, always tied to the
exact characters it came from and to whoever made it. An *Event* is the real-world incident that
one or more claims describe. A *Place* is a gazetteer entry. Stages pass these objects along;
only ingest and store do I/O.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field, fields, is_dataclass
from datetime import UTC, date, datetime
from enum import StrEnum
from functools import cache
from typing import Any
from urllib.parse import urlsplit


class Precision(StrEnum):
    """How exactly a location is known, from a named site down to a whole country."""

    SITE = "site"  # a building, street or facility inside a town
    TOWN = "town"  # a populated place (village, town or city) named as such
    NEAR = "near"  # "near X", "20 km south of X", "on the approaches to X"
    DISTRICT = "district"  # a city district or second-level unit (raion, county)
    REGION = "region"  # a first-level unit (oblast, krai, province, state) or larger area
    COUNTRY = "country"

    @property
    def acled(self) -> int:
        """ACLED geo_precision: 1 the named place, 2 near it or part of a district, 3 a region."""
        return {"site": 1, "town": 1, "near": 2, "district": 2}.get(self.value, 3)

    @property
    def ucdp(self) -> int:
        """UCDP where_prec: 1 exact, 2 within ~25 km, 3 admin2, 4 admin1, 6 country."""
        return {"site": 1, "town": 1, "near": 2, "district": 3, "region": 4, "country": 6}[self.value]


class DatePrecision(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"

    @property
    def acled(self) -> int:
        """ACLED time_precision: 1 day, 2 week, 3 month or coarser."""
        return {"day": 1, "week": 2}.get(self.value, 3)


class Stance(StrEnum):
    ASSERTED = "asserted"  # the claimant says it happened
    DENIED = "denied"  # the claimant says it did not happen
    REPORTED = "reported"  # the claimant relays what someone else said


def content_hash(text: str) -> str:
    """Hash of the text with case, accents and whitespace folded, for de-duplication."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    folded = re.sub(r"\s+", " ", folded).strip()
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


#: A source written as a web domain ("kyivindependent.com"), not an outlet's name.
_DOMAIN = re.compile(r"(?:[a-z0-9-]+\.)+[a-z]{2,}")


@dataclass
class Report:
    """One source item: an article, a statement, a Telegram post, a feed entry."""

    text: str
    origin: str = "file"  # file, stdin, feed, web, telegram, api
    source: str | None = None  # outlet or channel name
    url: str | None = None  # URL, or the path of the file it came from
    title: str | None = None
    lang: str | None = None
    published: datetime | None = None
    retrieved: datetime = field(default_factory=lambda: datetime.now(UTC))
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def content_hash(self) -> str:
        return content_hash((self.title or "") + "\n" + self.text)

    @property
    def id(self) -> str:
        """Stable id: the same text always gets the same id, whichever file it came from."""
        return "r" + self.content_hash[:15]

    @property
    def domain(self) -> str | None:
        """The outlet's web domain, weak context for its places ('.ua' -> Ukraine): the host of
        an http(s) URL, else the source when it is written as a domain ("kyivindependent.com")."""
        if self.url and self.url.startswith(("http://", "https://")):
            host = urlsplit(self.url).hostname
            if host:
                return host.removeprefix("www.")
        name = (self.source or "").strip().lower()
        if _DOMAIN.fullmatch(name):
            return name.removeprefix("www.")
        return None


@dataclass
class Span:
    """Characters [start, end) of a report's text, and those characters."""

    start: int
    end: int
    text: str


@dataclass
class Figure:
    """A reported count, exact or as a range, with the words that qualified it.

    "at least 20" is low=20, high=None, qualifier="at least"; "six" is low=high=6;
    "dozens" is low=24, high=None, qualifier="dozens" (ACLED reads vague plurals conservatively).
    """

    low: int
    high: int | None
    qualifier: str | None = None
    span: Span | None = None

    @property
    def exact(self) -> bool:
        return self.high is not None and self.high == self.low

    @property
    def best(self) -> int:
        """A single figure for display and UCDP 'best': the exact value or the lower bound."""
        return self.low

    def __str__(self) -> str:
        if self.exact:
            return str(self.low)
        if self.high is None:
            return f"{self.qualifier or '≥'} {self.low}".strip()
        return f"{self.low}–{self.high}"


@dataclass
class Damage:
    """A damage or weapon fact: drones shot down, buildings hit, energy infrastructure struck."""

    kind: str  # e.g. drones_downed, drones_launched, missiles, buildings_damaged, energy_infrastructure
    count: Figure | None
    object: str  # the thing, in the report's words ("apartment buildings")
    span: Span


@dataclass
class Claimant:
    """Who asserted a claim. Defaults to the outlet that published the report."""

    name: str
    role: str | None = None  # "Governor", "head of Kyiv's military administration"
    affiliation: str | None = None  # the side or body: "Russia", "Ukraine", "Defence Ministry"
    channel: str | None = None  # "Telegram", "statement", "press conference"
    kind: str = "person"  # person, organisation, outlet

    def label(self) -> str:
        parts = [self.name]
        if self.role and self.role != self.name:
            parts.append(f"({self.role})")
        if self.channel:
            parts.append(f"via {self.channel}")
        return " ".join(parts)


@dataclass
class Place:
    """A gazetteer entry."""

    name: str
    lat: float
    lon: float
    kind: str  # country, admin1, admin2, city, district, feature
    country_code: str | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    geonameid: int | None = None
    population: int = 0
    feature_code: str | None = None


@dataclass
class Location:
    """Where a claim says something happened: the words, the resolved place and the precision."""

    text: str
    place: Place | None
    precision: Precision
    span: Span | None = None
    detail: str | None = None  # finer words kept for the analyst ("east bank of the Dnipro River")
    offset_km: float | None = None
    bearing: str | None = None  # "south", "north-east", for "20 km south of X"
    lat: float | None = None  # the point used (offset applied); defaults to the place
    lon: float | None = None

    def point(self) -> tuple[float, float] | None:
        if self.lat is not None and self.lon is not None:
            return self.lat, self.lon
        if self.place is not None:
            return self.place.lat, self.place.lon
        return None


@dataclass
class EventDate:
    """When a claim says something happened, resolved against the report's publication time."""

    date: date
    precision: DatePrecision = DatePrecision.DAY
    text: str | None = None
    span: Span | None = None
    end: date | None = None  # for spans such as "the night of 24 to 25 November"


@dataclass
class Claim:
    """One assertion in one report: what, where, when, how many, according to whom, and the quote."""

    report_id: str
    index: int  # position within the report, for a stable id
    quote: Span  # the evidence: the clause or sentence the claim comes from
    claimant: Claimant
    event_type: str | None  # ACLED event type, "Diplomacy", or None (not political violence)
    sub_event_type: str | None
    stance: Stance = Stance.ASSERTED
    actor1: str | None = None  # perpetrator side, ACLED style ("Military Forces of Russia (2000-)")
    actor2: str | None = None  # target side
    location: Location | None = None
    date: EventDate | None = None
    killed: Figure | None = None
    #: The non-combatants among `killed`, only where the text tells them apart from combatants
    #: ("10 people, including five civilians" -> 5); None when it does not (`extract.figures`).
    civilians_killed: Figure | None = None
    injured: Figure | None = None
    damage: list[Damage] = field(default_factory=list)
    weapons: list[str] = field(default_factory=list)
    confidence: float = 0.5
    event_id: str | None = None
    incident_key: int | None = None  # which incident of the report this claim belongs to
    #: Why merging put this claim in its event (`merge.cluster`): features and thresholds in words.
    assignment: str | None = None

    @property
    def id(self) -> str:
        return f"{self.report_id}-c{self.index}"

    def to_dict(self) -> dict[str, Any]:
        data = to_jsonable(self)
        data["id"] = self.id
        return data


@dataclass
class FigureRange:
    """Reconciled figures of an event: ACLED's lowest figure and UCDP's low/best/high."""

    acled: int = 0
    low: int = 0
    best: int = 0
    high: int = 0
    by_claimant: dict[str, str] = field(default_factory=dict)  # claimant label -> figure text
    vague: str | None = None  # "several" when nobody gives a number, only a vague word


@dataclass
class Event:
    """A real-world incident: a cluster of claims with reconciled figures."""

    id: str
    event_type: str | None
    sub_event_type: str | None
    date: date | None
    date_precision: DatePrecision
    location: Location | None
    fatalities: FigureRange = field(default_factory=FigureRange)
    #: Non-combatants killed, reconciled like `fatalities` from the claims that separate them;
    #: None when no claim does.
    civilian_fatalities: FigureRange | None = None
    injured: FigureRange = field(default_factory=FigureRange)
    contested: bool = False
    contested_reason: str | None = None
    actor1: str | None = None
    actor2: str | None = None
    summary: str = ""
    claims: list[Claim] = field(default_factory=list)
    n_sources: int = 0
    n_claimants: int = 0
    claimants: list[str] = field(default_factory=list)
    first_reported: datetime | None = None
    updated: datetime | None = None

    def in_area(self, area: str | None) -> bool:
        """Whether the event lies in `area`: its country name, ISO code or first-level region
        (case-insensitive); every event does when no area is given."""
        if not area:
            return True
        place = self.location.place if self.location else None
        if place is None:
            return False
        names = (place.country, place.country_code, place.admin1)
        return area.casefold() in {n.casefold() for n in names if n}

    def to_dict(self, with_claims: bool = True) -> dict[str, Any]:
        # Field by field, so an event saved without its claims never copies them (merging saves
        # one event per report into stores whose events hold hundreds of claims).
        data = {name: to_jsonable(getattr(self, name)) for name in _field_names(Event) if name != "claims"}
        if with_claims:
            data["claims"] = [c.to_dict() for c in self.claims]
        return data


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def to_jsonable(value: Any) -> Any:
    """Dates to ISO strings, enums to their values and dataclasses to dicts, recursively, for JSON
    output (one pass: `dataclasses.asdict` first would deep-copy everything once more)."""
    if isinstance(value, dict):
        return {k: to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_jsonable(v) for v in value]
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if is_dataclass(value) and not isinstance(value, type):
        return {name: to_jsonable(getattr(value, name)) for name in _field_names(type(value))}
    return value
