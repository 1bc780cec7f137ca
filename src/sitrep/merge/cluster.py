"""Incremental grouping of claims into events, against what the store already holds.

A report's claims arrive grouped by incident (the extractor decided which clauses describe the
same strike). Each group is matched against stored events of the same family within a day of its
date, at the same place (same gazetteer entry, or within 15 km, or a district inside its city),
following ACLED's atomicity: one event per type family, day and location. No global recompute:
only the matched or new event is reconciled and saved.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from datetime import timedelta
from typing import Protocol

from sitrep import taxonomy as tx
from sitrep.geo.distance import same_place
from sitrep.merge.reconcile import reconcile
from sitrep.models import Claim, DatePrecision, Event

#: Claims this many days apart may still describe one event (night attacks straddle midnight).
DATE_WINDOW_DAYS = 1


class EventStore(Protocol):
    """The part of the store that merging needs."""

    def candidate_events(self, day_from, day_to, event_types): ...  # noqa: ANN001, ANN201
    def get_event(self, event_id, with_claims=True): ...  # noqa: ANN001, ANN201
    def save_event(self, event): ...  # noqa: ANN001, ANN201


def event_id_for(claim: Claim) -> str:
    """Stable id of the event a claim founded: the same report always yields the same ids."""
    return "ev" + hashlib.sha1(claim.id.encode()).hexdigest()[:12]


def _matches(event: Event, group: list[Claim]) -> bool:
    head = group[0]
    if tx.family(event.event_type) != tx.family(head.event_type):
        return False
    location = next((c.location for c in group if c.location is not None), None)
    if location is None or event.location is None:
        # Places unknown on one side: only diplomacy of the same kind merges without a place.
        return (
            location is None
            and event.location is None
            and tx.family(event.event_type) == "diplomacy"
            and event.sub_event_type == head.sub_event_type
        )
    return same_place(location, event.location)


def merge_claims(claims: list[Claim], store: EventStore) -> list[Event]:
    """Attach a report's claims to stored or new events; return the events touched (saved)."""
    groups: dict[int, list[Claim]] = defaultdict(list)
    for claim in claims:
        groups[claim.incident_key if claim.incident_key is not None else -1 - claim.index].append(claim)
    touched: dict[str, Event] = {}
    for group in groups.values():
        day = next((c.date.date for c in group if c.date is not None), None)
        event: Event | None = None
        if day is not None:
            window = timedelta(days=DATE_WINDOW_DAYS)
            types = [et for et in tx.ACLED_TYPES if tx.family(et) == tx.family(group[0].event_type)]
            types += [tx.DIPLOMACY] if tx.family(group[0].event_type) == "diplomacy" else []
            for candidate in [*touched.values(), *store.candidate_events(day - window, day + window, types)]:
                if candidate.date is not None and abs((candidate.date - day).days) > DATE_WINDOW_DAYS:
                    continue
                if _matches(candidate, group):
                    event = touched.get(candidate.id) or store.get_event(candidate.id, with_claims=True)
                    break
        if event is None:
            event = Event(
                id=event_id_for(group[0]),
                event_type=group[0].event_type,
                sub_event_type=group[0].sub_event_type,
                date=day,
                date_precision=DatePrecision.DAY,
                location=None,
            )
        known = {c.id for c in event.claims}
        claims_now = [*event.claims, *(c for c in group if c.id not in known)]
        for claim in claims_now:
            claim.event_id = event.id
        reconcile(event, claims_now)
        store.save_event(event)
        touched[event.id] = event
    return list(touched.values())
