"""Place resolution against document context: country and continent points, admin-unit context,
state abbreviations and national adjectives. Sentences are made up for these tests."""

from __future__ import annotations

import math

import pytest

from sitrep.geo.gazetteer import Gazetteer, get_gazetteer
from sitrep.geo.recognize import Toponym, find_toponyms
from sitrep.geo.resolve import ResolveContext, resolve, resolve_detail


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    dp, dl = p2 - p1, math.radians(b[1] - a[1])
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return get_gazetteer()


def tops(text: str) -> list[Toponym]:
    """Toponyms without NER: the gazetteer scan alone (keeps these tests free of the spaCy model)."""
    return find_toponyms(text, [])


def by_text(found: list[Toponym], name: str) -> Toponym:
    return next(t for t in found if t.text == name)


# -- points of countries, continents and states -----------------------------------------------------


@pytest.mark.parametrize(
    ("name", "point"),
    [
        ("Canada", (60.0, -95.0)),
        ("Russia", (60.0, 100.0)),
        ("United States", (39.8, -98.6)),
        ("Egypt", (26.5, 30.0)),
        ("Australia", (-25.0, 134.0)),
    ],
)
def test_large_countries_sit_at_their_middle(gaz: Gazetteer, name: str, point: tuple[float, float]) -> None:
    place = gaz.country(name)
    assert place is not None
    assert km((place.lat, place.lon), point) < 161


def test_small_country_point_is_inside_it(gaz: Gazetteer) -> None:
    place = gaz.country("Belgium")
    assert place is not None
    assert km((place.lat, place.lon), (50.6, 4.6)) < 100


def test_state_point_is_the_middle_of_its_area(gaz: Gazetteer) -> None:
    texas = resolve("Texas")[0]
    assert texas is not None and texas.kind == "admin1"
    assert km((texas.lat, texas.lon), (31.2, -99.3)) < 80  # not pulled east towards Houston and Dallas


def test_continents_are_places(gaz: Gazetteer) -> None:
    for name in ("Africa", "Europe", "Asia", "South America"):
        place = resolve(name)[0]
        assert place is not None and place.feature_code == "CONT", name
        assert place.country_code is None
    africa = resolve("Africa")[0]
    assert africa is not None and km((africa.lat, africa.lon), (7.2, 21.1)) < 50


def test_state_name_shared_with_a_small_town_is_still_the_state() -> None:
    place = resolve("Virginia")[0]
    assert place is not None and (place.kind, place.country_code) == ("admin1", "US")
    place = resolve("Florida")[0]
    assert place is not None and (place.kind, place.country_code) == ("admin1", "US")


def test_city_named_region_still_prefers_the_city() -> None:
    place = resolve("Kharkiv")[0]
    assert place is not None and place.kind == "city"


# -- admin-unit context -----------------------------------------------------------------------------


def test_namesake_inside_a_named_county_and_state_wins_over_a_capital(gaz: Gazetteer) -> None:
    texas = {i for i, _q in gaz.match("Texas").cands if gaz.feature_code(i) == "ADM1"}
    lamar = {i for i, _q in gaz.match("Lamar County").cands if gaz.feature_code(i) == "ADM2"}
    place = resolve_detail(
        "Paris", context=ResolveContext(countries=["US"], units=frozenset(texas | lamar))
    ).place
    assert place is not None and (place.country_code, place.admin1) == ("US", "Texas")
    # a state alone does not outweigh a national capital
    place = resolve_detail("Paris", context=ResolveContext(countries=["US"], units=frozenset(texas))).place
    assert place is not None and place.country_code == "FR"


def test_text_naming_a_county_and_state_places_the_town_there() -> None:
    found = tops("The council of Minden met on Monday. Minden is the seat of Kearney County, Nebraska.")
    minden = by_text(found, "Minden")
    assert minden.place is not None
    assert (minden.place.country_code, minden.place.admin1) == ("US", "Nebraska")


def test_same_name_as_a_country_is_the_state_among_its_towns() -> None:
    found = tops("Crews from Atlanta and Macon were sent to Savannah, the largest port in Georgia.")
    georgia = by_text(found, "Georgia")
    assert georgia.place is not None
    assert (georgia.place.kind, georgia.place.country_code) == ("admin1", "US")


def test_same_name_as_a_state_is_the_country_among_foreign_places() -> None:
    found = tops("Talks between Georgia and Armenia resumed in Tbilisi and Yerevan.")
    georgia = by_text(found, "Georgia")
    assert georgia.place is not None and georgia.place.country_code == "GE"


def test_capital_without_local_context_stays_the_capital() -> None:
    found = tops("The summit in Paris ended without a deal on tariffs.")
    assert by_text(found, "Paris").place is not None
    assert by_text(found, "Paris").place.country_code == "FR"  # type: ignore[union-attr]


# -- recognition: abbreviations and adjectives ------------------------------------------------------


def test_state_abbreviation_keeps_its_dot_and_resolves() -> None:
    text = "A bridge near Jackson, Tenn., was closed after the flood."
    found = tops(text)
    tenn = next(t for t in found if t.text.startswith("Tenn"))
    assert tenn.text == "Tenn."
    assert tenn.place is not None and tenn.place.name == "Tennessee"
    jackson = by_text(found, "Jackson")
    assert jackson.place is not None and jackson.place.admin1 == "Tennessee"


def test_dotted_country_abbreviation_ends_with_its_dot() -> None:
    text = "Exports to the U.S. fell sharply."
    start = text.index("U.S")
    us = next(t for t in find_toponyms(text, [(start, start + 3, "GPE")]) if t.text.startswith("U.S"))
    assert us.text == "U.S."
    assert us.place is not None and us.place.country_code == "US"


def test_english_words_are_not_state_abbreviations() -> None:
    found = tops("Man arrested after Mass at the church in Dover.")
    assert not any(
        t.text in ("Man", "Mass") and t.place is not None and t.place.kind == "admin1" for t in found
    )


def test_national_adjectives_are_demonym_toponyms() -> None:
    found = tops("Kenyan and Ugandan officials met European envoys in Nairobi.")
    kenyan = by_text(found, "Kenyan")
    assert kenyan.role == "demonym"
    assert kenyan.place is not None and kenyan.place.country_code == "KE"
    european = by_text(found, "European")
    assert european.place is not None and european.place.name == "Europe"
    assert by_text(found, "Nairobi").role == "place"


def test_demonyms_are_never_event_places() -> None:
    found = tops("Syrian forces shelled the town.")
    assert all(t.role != "place" for t in found if t.text == "Syrian")


# -- definitions, containers and repeated mentions ----------------------------------------------------


def test_definition_makes_a_common_word_a_place_in_its_container() -> None:
    # "Salem" alone is the largest Salem; the opening definition puts it in Connecticut, and the
    # later bare mention is the same town.
    text = (
        "Salem is a town in New London County, Connecticut, United States. Farms line its roads, "
        "and the old mill in Salem still stands."
    )
    found = [t for t in tops(text) if t.text == "Salem"]
    assert len(found) == 2
    assert all(t.place is not None and t.place.admin1 == "Connecticut" for t in found)


def test_st_abbreviation_finds_the_saint_county() -> None:
    place = resolve("St. Charles County")[0]
    assert place is not None and place.kind == "admin2"
    assert place.admin1 == "Missouri"


def test_neighbourhood_of_a_city_stays_in_that_city() -> None:
    text = "Oak Park is a neighborhood in Sacramento, California. Oak Park has old bungalows."
    found = [t for t in tops(text) if t.text == "Oak Park"]
    assert found and all(t.place is not None for t in found)
    sacramento = resolve("Sacramento")[0]
    assert sacramento is not None
    assert all(t.place is not None and abs(t.place.lat - sacramento.lat) < 0.3 for t in found)


def test_surname_is_not_carried_over_as_a_place() -> None:
    # "Clark" was once a place ("in Clark") but is also the surname of a person the text names.
    text = "Storms hit homes in Clark on Friday. Sheriff Tom Clark said Clark would hold a meeting."
    place, person = text.index("Clark"), text.index("Tom Clark")
    found = find_toponyms(text, [(place, place + 5, "GPE"), (person, person + 9, "PERSON")])
    assert [t.start for t in found if t.text == "Clark"] == [place]


def test_place_repeats_are_found_at_every_bare_mention() -> None:
    text = "Flooding reached Dunmore on Monday. Dunmore residents were evacuated, and Dunmore schools closed."
    first = text.index("Dunmore")
    found = find_toponyms(text, [(first, first + 7, "GPE")])
    assert len([t for t in found if t.text == "Dunmore"]) == 3
