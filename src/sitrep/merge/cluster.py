"""Incremental grouping of claims into events, against what the store already holds.

A report's claims arrive grouped by incident (the extractor decided which clauses describe the
same strike). Each group is compared with the stored events of its type family within the
policy's window (indexed lookup by date, type and country; no global recompute) on:

- place: the same gazetteer entry or within `max_km` (ACLED's atomicity: one event per day and
  location); a claim located only to a region may join an event inside it, and an unlocated one
  any event, when the quotes back it (`min_similarity`);
- date: within `window_days`; an undated side needs the quotes to back it too;
- actors and figures: an agreeing perpetrator or overlapping killed figures add to the score, a
  different named perpetrator weakens a match that rests on weak place evidence only;
- the claims' quotes: character n-gram cosine (`merge.similarity`).

The best-scoring candidate wins; every claim records why it went where it did
(`Claim.assignment`). Analysts' corrections (`merge.corrections`) pin claims to events: a pinned
claim goes to its pinned event whatever the rules say, so re-ingest never undoes a split or merge.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

from sitrep import taxonomy as tx
from sitrep.geo.distance import km_between
from sitrep.merge.policy import MergePolicy
from sitrep.merge.reconcile import reconcile
from sitrep.merge.similarity import quote_similarity
from sitrep.models import Claim, DatePrecision, Event, Location, Precision

_COARSE = {Precision.REGION, Precision.COUNTRY}


class EventStore(Protocol):
    """The part of the store that merging needs."""

    def candidate_events(self, day_from, day_to, event_types, country=None, near=None): ...  # noqa: ANN001, ANN201
    def get_event(self, event_id, with_claims=True): ...  # noqa: ANN001, ANN201
    def save_event(self, event): ...  # noqa: ANN001, ANN201
    def claims_for_events(self, event_ids): ...  # noqa: ANN001, ANN201
    def pins_for_claims(self, claim_ids): ...  # noqa: ANN001, ANN201


def event_id_for(claim: Claim) -> str:
    """Stable id of the event a claim founded: the same report always yields the same ids."""
    return "ev" + hashlib.sha1(claim.id.encode()).hexdigest()[:12]


@dataclass
class Match:
    """A candidate event's score for a group of claims, and the reasons in words."""

    score: float
    reasons: list[str]
    needs_quotes: bool = False  # the place or date evidence is weak: the quotes must back it


def _place_of(group: list[Claim]) -> Location | None:
    return next((c.location for c in group if c.location is not None and c.location.place), None)


def _day_words(delta: int) -> str:
    return "same day" if delta == 0 else f"{delta} day{'s' if delta > 1 else ''} apart"


def score_match(event: Event, group: list[Claim], policy: MergePolicy) -> Match | None:
    """Whether `group` may join `event`, and how well; None when a rule forbids it."""
    head = group[0]
    family = tx.family(head.event_type)
    if tx.family(event.event_type) != family:
        return None
    reasons = [f"same type family ({family})"]
    score = 0.0
    weak = False
    # -- date
    day = next((c.date.date for c in group if c.date is not None), None)
    if day is not None and event.date is not None:
        delta = abs((event.date - day).days)
        if delta > policy.window_days:
            return None
        reasons.append(_day_words(delta))
        score += 0.2 * (1 - delta / (policy.window_days + 1))
    else:
        reasons.append("date unknown on one side")
        weak = True
    # -- place
    here, there = _place_of(group), event.location
    if here is not None and there is not None and there.place is not None:
        a, b = here.place, there.place
        pa, pb = here.point(), there.point()
        km = km_between(pa, pb) if pa is not None and pb is not None else None
        if a.geonameid and a.geonameid == b.geonameid and here.precision == there.precision:
            reasons.append(f"same place ({a.name})")
            score += 1.0
        elif here.precision in _COARSE or there.precision in _COARSE:
            inside = (a.country == b.country) and (
                here.precision == Precision.COUNTRY
                or there.precision == Precision.COUNTRY
                or (a.admin1 or a.name) == (b.admin1 or b.name)
            )
            if not (policy.same_admin_unit and inside):
                return None
            reasons.append(f"same admin unit ({b.admin1 or b.country or b.name})")
            score += 0.4
            weak = True
        elif km is not None and km <= policy.max_km:
            reasons.append(f"{km:.0f} km apart")
            score += 1.0 - 0.5 * km / max(policy.max_km, 1e-9)
        else:
            return None  # two places: two events (ACLED atomicity)
    elif (
        here is None
        and there is None
        and family == "diplomacy"
        and event.sub_event_type == head.sub_event_type
    ):
        reasons.append("no place on either side, same kind of diplomacy")
        score += 0.5
    else:
        reasons.append("place unknown on one side")
        weak = True
    # -- actors and figures
    actor = next((c.actor1 for c in group if c.actor1), None)
    if actor and event.actor1:
        if actor == event.actor1:
            reasons.append("same perpetrator")
            score += 0.1
        elif weak and "Unidentified" not in actor and "Unidentified" not in event.actor1:
            return None  # weak place or date evidence and two named perpetrators
    killed = next((c.killed for c in group if c.killed is not None), None)
    if killed is not None and event.fatalities.high:
        high = killed.high if killed.high is not None else float("inf")
        if killed.low <= event.fatalities.high and event.fatalities.low <= high:
            reasons.append("killed figures agree")
            score += 0.1
    return Match(score, reasons, needs_quotes=weak)


def _new_event(group: list[Claim], day: date | None) -> Event:
    return Event(
        id=event_id_for(group[0]),
        event_type=group[0].event_type,
        sub_event_type=group[0].sub_event_type,
        date=day,
        date_precision=DatePrecision.DAY,
        location=None,
    )


def _near(place: Location | None, policy: MergePolicy) -> tuple[float, float, float] | None:
    """The candidate pre-filter for a group located to a town or finer: its point and `max_km`
    (`Store.candidate_events` drops farther town-level events before decoding them). None for
    coarse or offset places, whose matches the rules decide on other grounds."""
    if place is None or place.place is None or place.precision in _COARSE or place.lat is not None:
        return None
    point = place.point()
    return None if point is None else (point[0], point[1], policy.max_km)


def _best_candidate(
    group: list[Claim],
    day: date | None,
    store: EventStore,
    touched: dict[str, Event],
    policy: MergePolicy,
    loaded: dict[str, list[Claim]],
) -> tuple[Event | None, str]:
    """The stored (or just touched) event the group should join, and why; (None, why not).
    Claims read for quote similarity are left in `loaded` so the caller need not read them again."""
    family = tx.family(group[0].event_type)
    place = _place_of(group)
    country = place.place.country if place is not None and place.place is not None else None
    candidates: dict[str, Event] = {e.id: e for e in touched.values()}
    if day is not None:
        window = timedelta(days=policy.window_days)
        types = [et for et in [*tx.ACLED_TYPES, tx.DIPLOMACY] if tx.family(et) == family]
        near = _near(place, policy)
        for e in store.candidate_events(day - window, day + window, types, country=country, near=near):
            candidates.setdefault(e.id, e)
    scored = [(m, e) for e in candidates.values() if (m := score_match(e, group, policy)) is not None]
    weak = [e.id for m, e in scored if m.needs_quotes]
    if weak:
        stored = store.claims_for_events([i for i in weak if i not in touched])
        loaded.update(stored)
        quotes = [c.quote.text for c in group]
        for m, e in scored:
            if not m.needs_quotes:
                continue
            own = touched[e.id].claims if e.id in touched else stored.get(e.id, [])
            theirs = [c.quote.text for c in own]
            sim = quote_similarity(quotes, theirs) if theirs else 0.0
            m.reasons.append(f"quote similarity {sim:.2f}")
            m.score = m.score + sim if sim >= policy.min_similarity else -1.0
    scored = [(m, e) for m, e in scored if m.score >= 0]
    if not scored:
        return None, (
            f"new event: no stored event matched ({len(candidates)} candidates; policy {policy.describe()})"
        )
    match, event = max(scored, key=lambda me: (me[0].score, me[1].id))
    return event, f"joined {event.id}: " + ", ".join(match.reasons)


def merge_claims(claims: list[Claim], store: EventStore, policy: MergePolicy | None = None) -> list[Event]:
    """Attach a report's claims to stored or new events; return the events touched (saved)."""
    policy = policy or MergePolicy.from_env()
    pins: dict[str, str] = store.pins_for_claims([c.id for c in claims]) if claims else {}
    groups: dict[object, list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.id in pins:
            groups[("pin", pins[claim.id])].append(claim)
        else:
            groups[claim.incident_key if claim.incident_key is not None else -1 - claim.index].append(claim)
    touched: dict[str, Event] = {}
    for key, group in groups.items():
        day = next((c.date.date for c in group if c.date is not None), None)
        event: Event | None
        if isinstance(key, tuple):  # an analyst's correction decides
            event_id = key[1]
            event = touched.get(event_id) or store.get_event(event_id, with_claims=True)
            if event is None:
                event = _new_event(group, day)
                event.id = event_id
            why = f"pinned to {event_id} by an analyst's correction"
        else:
            loaded: dict[str, list[Claim]] = {}
            found, why = _best_candidate(group, day, store, touched, policy, loaded)
            if found is None:
                event = _new_event(group, day)
            elif found.id in touched:
                event = touched[found.id]
            else:  # the candidate in hand, with its claims (read once)
                event = found
                if found.id not in loaded:
                    loaded.update(store.claims_for_events([found.id]))
                event.claims = loaded[found.id]
        for claim in group:
            claim.assignment = why
        known = {c.id for c in event.claims}
        claims_now = [*event.claims, *(c for c in group if c.id not in known)]
        for claim in claims_now:
            claim.event_id = event.id
        reconcile(event, claims_now)
        store.save_event(event)
        touched[event.id] = event
    return list(touched.values())
