"""Merging's candidate pre-filter and lean event encoding: faster, never a different decision.

`Store.candidate_events(near=...)` drops town-level events beyond `max_km` before decoding them;
merging into a store must end the same whether or not that filter runs.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

from sitrep.merge.cluster import merge_claims
from sitrep.merge.policy import MergePolicy
from sitrep.merge.reconcile import reconcile
from sitrep.models import (
    Claim,
    Claimant,
    DatePrecision,
    Event,
    EventDate,
    Location,
    Place,
    Precision,
    Report,
    Span,
    to_jsonable,
)
from sitrep.store import Store

DAY = date(2025, 3, 2)
# Two towns 40 km apart, a district of the first 5 km off, and the region they lie in.
ALDER = Place("Alderton", 48.00, 35.00, "city", "UA", "Ukraine", admin1="Vale Oblast", geonameid=9001)
ALDER_EAST = Place(
    "Alderton East", 48.0, 35.07, "city", "UA", "Ukraine", admin1="Vale Oblast", geonameid=9002
)
BRIMLEY = Place("Brimley", 48.36, 35.00, "city", "UA", "Ukraine", admin1="Vale Oblast", geonameid=9003)
VALE = Place("Vale Oblast", 48.2, 35.2, "admin1", "UA", "Ukraine", admin1="Vale Oblast")


def _claim(
    report: str, text: str, place: Place, precision: Precision = Precision.TOWN, store: Store | None = None
) -> Claim:
    """A claim of its own report (stored first when a store is given: claims need their report)."""
    if store is not None:
        stored = Report(text=text, source=report)
        store.add_report(stored)
        report = stored.id
    return Claim(
        report_id=report,
        index=0,
        quote=Span(0, len(text), text),
        claimant=Claimant("Regional governor"),
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        location=Location(place.name, place, precision),
        date=EventDate(DAY, DatePrecision.DAY),
        incident_key=0,
    )


def _seed(store: Store) -> None:
    """One stored event per place: the far town, the near district and the region."""
    seeds = [
        ("s1", "A drone hit a grain depot in Brimley overnight.", BRIMLEY, Precision.TOWN),
        ("s2", "Guided bombs struck Alderton East, damaging a school.", ALDER_EAST, Precision.TOWN),
        ("s3", "Drones attacked the Vale region overnight, a school in Alderton was damaged.", VALE,
         Precision.REGION),
    ]  # fmt: skip
    with store.transaction():
        for report, text, place, precision in seeds:
            c = _claim(report, text, place, precision, store)
            store.save_event(reconcile(Event(f"ev-{report}", c.event_type, c.sub_event_type, DAY,
                                             DatePrecision.DAY, None), [c]))  # fmt: skip


def test_near_prefilter_drops_only_far_towns(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "s.db")
    _seed(store)
    types = ["Explosions/Remote violence"]
    everything = {e.id for e in store.candidate_events(DAY, DAY, types, country="Ukraine")}
    near = {e.id for e in store.candidate_events(DAY, DAY, types, country="Ukraine", near=(48.0, 35.0, 15.0))}
    assert everything == {"ev-s1", "ev-s2", "ev-s3"}
    assert near == {"ev-s2", "ev-s3"}  # Brimley is 40 km away; the region is always kept
    store.close()


class _NoFilter:
    """The store without the pre-filter: every candidate decoded and scored."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def candidate_events(self, day_from, day_to, event_types, country=None, near=None):  # noqa: ANN001, ANN201
        return self._store.candidate_events(day_from, day_to, event_types, country=country)

    def __getattr__(self, name: str):  # noqa: ANN204
        return getattr(self._store, name)


def test_merging_decides_the_same_with_and_without_prefilter(tmp_path: Path) -> None:
    outcomes = []
    for name, wrap in (("filtered", lambda s: s), ("unfiltered", _NoFilter)):
        store = Store.open(tmp_path / f"{name}.db")
        _seed(store)
        with store.transaction():
            new = _claim(
                "n1", "Guided bombs hit a school in Alderton, the governor said.", ALDER, store=store
            )
            touched = merge_claims([new], wrap(store), MergePolicy())
        outcomes.append(([e.id for e in touched], new.assignment, len(touched[0].claims)))
        store.close()
    assert outcomes[0] == outcomes[1]
    assert outcomes[0][0] == ["ev-s2"]  # 5 km away: the same place; the claims of both kept
    assert outcomes[0][2] == 2


def test_event_encoding_matches_asdict() -> None:
    c = _claim("r", "A drone hit Alderton.", ALDER)
    ev = reconcile(Event("ev", c.event_type, c.sub_event_type, DAY, DatePrecision.DAY, None), [c])
    old = to_jsonable(dataclasses.asdict(ev))
    old.pop("claims")
    assert ev.to_dict(with_claims=False) == old
    assert c.to_dict() == {**to_jsonable(dataclasses.asdict(c)), "id": c.id}
