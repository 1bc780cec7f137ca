"""The Python API: `sitrep.Pipeline` analyses reports without I/O and ingests them into a store."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from sitrep import Pipeline
from sitrep.models import Claim, Event, Precision, Report

pytestmark = pytest.mark.slow

PUBLISHED = datetime(2025, 11, 25, 9, 0, tzinfo=UTC)
STRIKE = "A Russian drone strike on Sumy killed three people on Tuesday, the regional administration said."


def report(text: str, source: str) -> Report:
    return Report(text=text, source=source, published=PUBLISHED, origin="api")


def first_place(pipeline: Pipeline, text: str) -> tuple[str, Precision]:
    """The resolved place name and precision of a wire report's first claim."""
    (claim, *_) = pipeline.analyse(report(text, "Test Wire"))
    assert claim.location is not None and claim.location.place is not None
    return claim.location.place.name, claim.location.precision


def test_analyse_returns_claims_without_a_database(tmp_path: Path) -> None:
    pipeline = Pipeline(tmp_path / "never.db")
    claims = pipeline.analyse(
        report(
            "Russian artillery shelled Nikopol overnight, killing two people and injuring five, "
            "regional governor Serhiy Lysak said on Telegram.",
            "Test Wire",
        )
    )
    assert not (tmp_path / "never.db").exists()
    (claim,) = claims
    assert isinstance(claim, Claim)
    assert claim.sub_event_type == "Shelling/artillery/missile attack"
    assert claim.killed is not None and claim.killed.exact and claim.killed.low == 2
    assert claim.injured is not None and claim.injured.low == 5
    assert claim.claimant.name == "Serhiy Lysak" and claim.claimant.channel == "Telegram"
    assert claim.location is not None and claim.location.place is not None
    assert claim.location.place.name == "Nikopol" and claim.location.precision == Precision.TOWN
    assert claim.actor1 == "Military Forces of Russia (2000-)"
    json.dumps(claim.to_dict())  # plain data all the way down


def test_irrelevant_text_yields_no_claims() -> None:
    assert (
        Pipeline().analyse(report("The bakery on Main Street won a prize for its sourdough.", "Local")) == []
    )


def test_two_outlets_one_incident_contested(tmp_path: Path) -> None:
    pipeline = Pipeline(tmp_path / "api.db")
    result = pipeline.ingest(
        [
            report(
                STRIKE,
                "Outlet A",
            ),
            report(
                "Five people were killed when a drone hit Sumy on Tuesday, local media reported.", "Outlet B"
            ),
            report(
                STRIKE,
                "Outlet A",
            ),
        ]
    )
    assert (result.reports_new, result.reports_duplicate) == (2, 1)
    assert result.events_created == 1 and result.events_updated == 1
    (event,) = pipeline.events()
    assert isinstance(event, Event)
    assert event.n_sources == 2 and event.contested
    assert event.fatalities.acled == 3 and (event.fatalities.low, event.fatalities.high) == (3, 5)
    assert set(event.fatalities.by_claimant.values()) == {"3", "5"}
    assert "3" in (event.contested_reason or "") and "5" in (event.contested_reason or "")


def test_report_domain_is_the_url_host_or_a_source_written_as_a_domain() -> None:
    """The outlet's domain is weak context for its places (a '.ua' outlet writes about Ukraine)."""
    assert Report("x", url="https://www.pravda.com.ua/news/1").domain == "pravda.com.ua"
    assert Report("x", source="nola.com").domain == "nola.com"
    assert Report("x", source="Agence France Presse").domain is None
    assert Report("x", url="/tmp/report.txt", source="Wikinews").domain is None


def test_a_river_in_a_town_report_is_no_second_place(tmp_path: Path) -> None:
    """The words "on the east bank of the Dnipro River" in a report about Kyiv say where in Kyiv: the
    claim stays with the Kyiv strike, not at the river's mouth 400 km away."""
    claims = Pipeline(tmp_path / "never.db").analyse(
        report(
            "Russian drones struck Kyiv overnight. A high-rise on the east bank of the Dnipro River "
            "was hit, killing one person, the head of the city's military administration said.",
            "Test Wire",
        )
    )
    places = {c.location.place.name for c in claims if c.location and c.location.place}
    assert places == {"Kyiv"}


def test_an_event_in_part_of_a_country_is_placed_at_that_part() -> None:
    # The toponym names Nigeria; the claim's location is the part the phrase names.
    name, precision = first_place(
        Pipeline(), "Gunmen killed seven villagers in northeastern Nigeria on Monday."
    )
    assert name == "northeastern Nigeria" and precision == Precision.COUNTRY


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Gunmen killed seven villagers in northeastern Nigeria on Monday. The attack took place in "
            "Gamboru, near the border, residents said.",
            "Gamboru",
        ),
        (
            "Shelling killed two civilians in Donetsk Oblast, the governor said. Houses were damaged in "
            "Kostiantynivka. The wounded were taken to hospital in Kramatorsk.",
            "Kostyantynivka",  # GeoNames' spelling
        ),
        # a named region known by its point: headlines of one death, the second more precise
        (
            "Marine killed in Donbas\nSenior sailor Ihor Bondar killed by a sniper near Krasnohorivka",
            "Krasnohorivka",
        ),
        # failing a town named there, the town whose own officials report it
        ("Pensioner killed in Donbas in artillery attack - Horlivka mayor", "Horlivka"),
    ],
)
def test_a_coarse_location_takes_the_one_town_named_inside_it(
    pipeline: Pipeline, text: str, place: str
) -> None:
    assert first_place(pipeline, text)[0] == place


def test_a_coarse_location_stays_when_two_towns_inside_it_are_named(pipeline: Pipeline) -> None:
    text = (
        "Shelling killed two civilians in Donetsk Oblast, the governor said. Houses were damaged in "
        "Kostiantynivka and in Druzhkivka."
    )
    (claim, *_) = pipeline.analyse(report(text, "Test Wire"))
    assert claim.location is not None and claim.location.precision == Precision.REGION


def test_an_institution_named_after_its_town_places_the_event_there(pipeline: Pipeline) -> None:
    text = "Gunmen killed seven students of the Federal University of Agriculture Makurdi in a night raid."
    assert first_place(pipeline, text)[0] == "Makurdi"


def test_a_distance_from_a_town_places_the_event_near_it(pipeline: Pipeline) -> None:
    text = (
        "Gunmen killed six traders in northeast Nigeria on Thursday. The attack happened at a village "
        "some 16 kilometres (10 miles) from Gamboru."
    )
    assert first_place(pipeline, text) == ("Gamboru", Precision.NEAR)


def test_near_a_country_is_no_finer_than_a_town_named_with_it(pipeline: Pipeline) -> None:
    text = (
        "A mother and her four children were killed Sunday in a rocket attack in Jebel Habashi, about "
        "35 kilometres west of Yemen's third city of Taez."
    )
    assert first_place(pipeline, text)[0] == "Taiz"


def test_a_place_a_possessive_names_inside_its_owner_is_where_it_happened(pipeline: Pipeline) -> None:
    text = "At least 11 people were killed in attacks on villages in South Darfur's East Jebel Marra."
    assert first_place(pipeline, text)[0] == "Jebel Marra"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Fighting kills 30 in Ukraine ahead of the Minsk peace summit", "Ukraine"),
        ("Two soldiers killed near Avdiivka despite the Minsk agreements", "Avdiyivka"),
        ("Three killed by shelling in Zhytomyr before talks in Geneva", "Zhytomyr"),
        (
            "A spokesman told a briefing in Geneva that the bodies of 40 civilians had been found by Iraqi "
            "police in a village south of the town.",
            "Iraq",
        ),
    ],
)
def test_where_talks_are_held_is_not_where_the_violence_is(pipeline: Pipeline, text: str, place: str) -> None:
    assert first_place(pipeline, text)[0] == place


def test_a_place_the_attack_is_said_to_be_in_beats_the_attackers_capital(pipeline: Pipeline) -> None:
    assert first_place(pipeline, "Woman killed in Kiev shelling in Donetsk - mayor's office")[0] == "Donetsk"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # the seat of a victim's office says who, another town says where
        ("Two guards of the emir of Katsina were shot dead by bandits on the outskirts of Kano.", "Kano"),
        # but an official killed in their own town is placed there, not in the state around it
        ("Gunmen killed the mayor of the town of Tlahuelilpan in the state of Hidalgo.", "Tlahuelilpan"),
    ],
)
def test_the_seat_of_an_office_is_where_only_when_no_other_town_is_named(
    pipeline: Pipeline, text: str, place: str
) -> None:
    assert first_place(pipeline, text)[0] == place


def test_a_town_in_the_direction_a_report_gives_is_the_same_incident(pipeline: Pipeline) -> None:
    text = (
        "A bomb killed nine worshippers at a church north of Cairo on Sunday, officials said. The blast "
        "hit St Mark's Church in the city of Tanta during the morning service."
    )
    claims = pipeline.analyse(report(text, "Test Wire"))
    assert len({c.incident_key for c in claims}) == 1
    assert {c.location.place.name for c in claims if c.location and c.location.place} >= {"Tanta"}


def test_a_place_whose_worst_violence_a_report_tells_is_where_it_happened(pipeline: Pipeline) -> None:
    text = "Riots across the country left 12 dead during Nairobi's worst unrest in a decade."
    assert first_place(pipeline, text)[0] == "Nairobi"


def test_where_missiles_were_launched_over_is_no_second_incident(pipeline: Pipeline) -> None:
    text = (
        "Air defences intercepted enemy missiles over Aleppo, the ministry said. The missiles were "
        "launched over the Golan Heights in two waves."
    )
    claims = pipeline.analyse(report(text, "Test Wire"))
    assert {c.sub_event_type for c in claims} == {"Disrupted weapons use"}


def test_a_stated_distance_from_a_town_beats_a_far_namesake(pipeline: Pipeline) -> None:
    # "Hilla" alone would be Al Hillah in Iraq; the text puts the village 15 km east of Kadugli
    text = "Raiders killed four people in Hilla village, 15 km east of the town of Kadugli."
    assert first_place(pipeline, text) == ("Kadugli", Precision.NEAR)


@pytest.mark.parametrize(
    ("text", "sub_event"),
    [
        # ACLED: a foreign state's forces gaining ground overtake territory, as a non-state actor does
        (
            "Russian forces captured the village of Andriivka near Bakhmut, the Defence Ministry said.",
            "Non-state actor overtakes territory",
        ),
        # a state's own forces regain it, at home
        (
            "Ukrainian forces recaptured the village of Klishchiivka near Bakhmut.",
            "Government regains territory",
        ),
        (
            "Russian troops recaptured the village of Tyotkino in Kursk region.",
            "Government regains territory",
        ),
    ],
)
def test_who_gains_ground_where_decides_the_territory_sub_event(text: str, sub_event: str) -> None:
    (claim, *_) = Pipeline().analyse(report(text, "Test Wire"))
    assert claim.sub_event_type == sub_event
