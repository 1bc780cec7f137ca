"""Front-line bulletins and short headlines: typed, located and not mistaken for disasters.
Sentences written for these tests."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from sitrep.extract.classify import classify
from sitrep.geo.geoparse import geoparse
from sitrep.models import Report
from sitrep.pipeline import Pipeline


@pytest.mark.parametrize(
    ("sentence", "sub_event_type"),
    [
        ("Marines eliminated a sabotage group near the river crossing.", "Armed clash"),
        ("Paratroopers destroyed two enemy assault groups outside the village.", "Armed clash"),
        ("The enemy tried to break through near Kupiansk and suffered heavy losses.", "Armed clash"),
        ("Gunners shot down an enemy helicopter over the reservoir.", "Armed clash"),
        ("Partisans blew up a truck carrying ammunition in Melitopol.", "Remote explosive/landmine/IED"),
        ("Fighting erupted between two armed groups in the market town.", "Armed clash"),
        ("Border guards stopped another attempt to attack their positions.", "Armed clash"),
        ("Our forces halted the advance of two enemy companies near the dam.", "Armed clash"),
        ("Airborne units destroyed three sabotage reconnaissance groups overnight.", "Armed clash"),
        ("About 40 occupiers were liquidated near the bridge.", "Armed clash"),
        ("The army inflicted defeat on units of the enemy brigade near the railway.", "Armed clash"),
        ("Artillery inflicted a complex fire defeat on enemy units near the quarry.",
         "Shelling/artillery/missile attack"),
        ("A blast at the coke plant was caused by bombardments of the district.",
         "Shelling/artillery/missile attack"),
        ("The volcano's eruption buried three hamlets.", "Not political violence"),
    ],
)  # fmt: skip
def test_bulletin_wording_is_typed(sentence: str, sub_event_type: str) -> None:
    typing = classify(sentence, harm=False)
    assert typing is not None and typing.sub_event_type == sub_event_type


def test_interceptions_stay_disrupted_weapons_use() -> None:
    typing = classify("Air defence shot down nine drones over the region.", harm=False)
    assert typing is not None and typing.sub_event_type == "Disrupted weapons use"


@pytest.mark.parametrize(
    "sentence", ["Shelling killed two soldiers near Avdiivka.", "A drone hit a car in Pokrovsk."]
)
def test_small_towns_the_model_calls_people_are_places_after_a_place_word(sentence: str) -> None:
    places = [t for t in geoparse(sentence) if t.role == "place"]
    assert len(places) == 1 and places[0].place is not None and places[0].place.country_code == "UA"


def test_a_bulletin_headline_becomes_a_located_event(tmp_path: Path) -> None:
    pipeline = Pipeline(tmp_path / "b.db")
    report = Report(
        text="Near Bakhmut, border guards destroyed four enemy assault groups",
        published=datetime(2023, 1, 5, tzinfo=UTC),
    )
    claims = pipeline.analyse(report)
    assert [c.sub_event_type for c in claims] == ["Armed clash"]
    assert claims[0].location is not None and claims[0].location.text == "Bakhmut"


@pytest.mark.parametrize(
    "sentence", ["The army stopped its offensive for the winter.", "Both sides halted the fighting at dawn."]
)
def test_a_pause_in_fighting_is_no_battle(sentence: str) -> None:
    assert classify(sentence, harm=False) is None
