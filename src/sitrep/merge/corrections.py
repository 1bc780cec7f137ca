"""Analysts' corrections of the merge step: split claims off an event, merge events.

Both re-reconcile the figures of every event they touch, keep the surviving event's id (a split
keeps the original id for the claims that stay; a merge keeps the first id given), set `updated`,
and store the correction (`corrections` log + `claim_pins`) in the same transaction. The merge
step reads the pins on every ingest, so neither re-ingesting the same reports nor new ones undoes
an analyst's decision.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from sitrep.errors import SitrepError
from sitrep.merge.reconcile import reconcile
from sitrep.models import Event

if TYPE_CHECKING:
    from sitrep.store import Store


def split_event_id(event_id: str, claim_ids: list[str]) -> str:
    """The id of the event split off: a function of the original and the claims, so replaying
    the same correction on a rebuilt store gives the same id."""
    key = event_id + "|" + "|".join(sorted(claim_ids))
    return "ev" + hashlib.sha1(("split:" + key).encode()).hexdigest()[:12]


def _load(store: Store, event_id: str) -> Event:
    event = store.get_event(event_id, with_claims=True)
    if event is None:
        raise SitrepError(f"no event with id {event_id!r} (see `sitrep events`)")
    return event


def split(store: Store, event_id: str, claim_ids: list[str], note: str | None = None) -> tuple[Event, Event]:
    """Move `claim_ids` out of `event_id` into a new event; returns (remaining, new)."""
    claim_ids = list(dict.fromkeys(claim_ids))
    with store.transaction():
        event = _load(store, event_id)
        by_id = {c.id: c for c in event.claims}
        missing = [c for c in claim_ids if c not in by_id]
        if missing:
            shown = ", ".join(missing)
            raise SitrepError(f"claim(s) not in {event_id}: {shown} (see `sitrep show {event_id}`)")
        moved = [by_id[c] for c in claim_ids]
        moved_ids = set(claim_ids)
        kept = [c for c in event.claims if c.id not in moved_ids]
        if not kept:
            raise SitrepError("a split must leave at least one claim in the event")
        new = Event(
            id=split_event_id(event_id, claim_ids),
            event_type=moved[0].event_type,
            sub_event_type=moved[0].sub_event_type,
            date=event.date,
            date_precision=event.date_precision,
            location=None,
        )
        why_new = f"split from {event_id} by an analyst" + (f": {note}" if note else "")
        for claim in moved:
            claim.assignment = why_new
        for claim in kept:
            claim.assignment = (claim.assignment or "") + f" (kept in {event_id} when {new.id} was split off)"
        reconcile(event, kept)
        reconcile(new, moved)
        store.save_event(event)
        store.save_event(new)
        pins = {c.id: event.id for c in kept} | {c.id: new.id for c in moved}
        store.add_correction("split", new.id, [event_id], pins, note)
    return event, new


def merge(store: Store, event_ids: list[str], note: str | None = None) -> Event:
    """Join events into the first one given (its id survives); the others are deleted."""
    event_ids = list(dict.fromkeys(event_ids))
    if len(event_ids) < 2:
        raise SitrepError("merge needs at least two different event ids")
    with store.transaction():
        events = [_load(store, e) for e in event_ids]
        target = events[0]
        claims = [c for e in events for c in e.claims]
        why = f"merged into {target.id} from {', '.join(event_ids[1:])} by an analyst" + (
            f": {note}" if note else ""
        )
        for e in events[1:]:
            for claim in e.claims:
                claim.assignment = why
        starts = [e.first_reported for e in events if e.first_reported is not None]
        if starts:
            target.first_reported = min(starts)
        reconcile(target, claims)
        for e in events[1:]:
            store.delete_event(e.id)
        store.save_event(target)
        store.add_correction("merge", target.id, event_ids[1:], {c.id: target.id for c in claims}, note)
    return target
