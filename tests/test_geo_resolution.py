"""Place resolution against document context: country and continent points, admin-unit context,
state abbreviations and national adjectives. Sentences are made up for these tests."""

from __future__ import annotations

import math

import pytest

from sitrep.geo.gazetteer import Gazetteer, get_gazetteer
from sitrep.geo.geoparse import geoparse
from sitrep.geo.recognize import Toponym, find_toponyms
from sitrep.geo.resolve import ResolveContext, names_outlet_town, resolve, resolve_detail
from sitrep.models import Precision


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


# -- definitions, containers and lists (encyclopedia openings, US local news) -----------------------


def test_definition_with_a_compass_word_before_the_county() -> None:
    text = "Riverside is a small hamlet in southeastern Clark County, Nevada, United States."
    riverside = by_text(tops(text), "Riverside")
    assert riverside.place is not None and riverside.place.admin1 == "Nevada"


def with_gpe(text: str, *names: str) -> list[Toponym]:
    """Toponyms with the given names tagged GPE at their first mention, as NER would."""
    return find_toponyms(text, [(text.index(n), text.index(n) + len(n), "GPE") for n in names])


def test_definition_with_unit_of_phrase() -> None:
    text = "Tolosa is a quiet fishing municipality in the province of Leyte, Philippines."
    tolosa = by_text(with_gpe(text, "Tolosa", "Leyte", "Philippines"), "Tolosa")
    assert tolosa.place is not None and tolosa.place.country_code == "PH"
    assert km((tolosa.place.lat, tolosa.place.lon), (11.06, 125.04)) < 50


def test_definition_inland_modifier() -> None:
    wellington = by_text(tops("Wellington is a farming town in inland Otago."), "Wellington")
    assert wellington.place is not None and wellington.place.admin1 == "Otago"  # not the capital


def test_country_named_state_between_county_and_country() -> None:
    text = "Buena Vista is a small city in Marion County, Georgia, United States, with one school."
    found = tops(text)
    georgia = by_text(found, "Georgia")
    assert georgia.place is not None and (georgia.place.kind, georgia.place.country_code) == ("admin1", "US")
    county = by_text(found, "Marion County")
    assert county.place is not None and county.place.admin1 == "Georgia"


def test_town_defined_in_a_county_is_never_the_country() -> None:
    text = "Peru is a hill town in Bennington County, Vermont, United States. Peru has a ski area."
    found = [t for t in tops(text) if t.text == "Peru"]
    assert found and all(t.place is not None and t.place.country_code == "US" for t in found)


def test_unknown_township_passes_on_to_the_county() -> None:
    text = "Stanton is a crossroads hamlet in Stanton Township, Goodhue County, Minnesota, United States."
    found = with_gpe(text, "Stanton Township", "Goodhue County", "Minnesota", "United States")
    stanton = by_text(found, "Stanton")
    assert stanton.place is not None and stanton.place.admin1 == "Minnesota"


def test_township_named_after_a_city_is_no_city() -> None:
    text = "Nashville is a small town in Washington Township, Brown County, Indiana, United States."
    nashville = by_text(tops(text), "Nashville")
    assert nashville.place is not None and nashville.place.admin1 == "Indiana"


def test_defined_place_not_on_file_in_its_region_is_the_region() -> None:
    text = "Chail is a hill station in Himachal Pradesh, India, known for its old palace."
    chail = by_text(tops(text), "Chail")
    assert chail.place is not None and chail.place.name == "Himachal Pradesh"


def test_list_of_counties_reads_each_as_a_county() -> None:
    text = "Columbia is a city in Monroe and St. Clair counties in the U.S. state of Illinois."
    found = tops(text)
    monroe = by_text(found, "Monroe")
    assert monroe.place is not None and (monroe.place.kind, monroe.place.admin1) == ("admin2", "Illinois")
    columbia = by_text(found, "Columbia")
    assert columbia.place is not None and columbia.place.admin1 == "Illinois"


def test_county_keeps_its_sense_at_later_mentions() -> None:
    text = (
        "Madison County is a rural county in the state of Florida. Its seat is Madison. "
        "Farmers in Alabama and Madison County grow cotton, and Madison County has one hospital."
    )
    found = [t for t in tops(text) if t.text == "Madison County"]
    assert len(found) == 3 and all(t.place is not None and t.place.admin1 == "Florida" for t in found)


def test_possessive_mention_keeps_the_defined_sense() -> None:
    text = "Davenport is a neighbourhood north of downtown in Toronto. Davenport's market opens daily."
    found = [t for t in tops(text) if t.text == "Davenport"]
    assert len(found) == 2 and all(t.place is not None and t.place.country_code == "CA" for t in found)


def test_states_listed_together_are_states() -> None:
    found = tops("Cases were confirmed in Michigan, Oregon, New Mexico, Indiana, Ohio and Utah.")
    for name in ("Oregon", "Indiana", "Ohio"):
        t = by_text(found, name)
        assert t.place is not None and t.place.kind == "admin1", name


def test_towns_listed_together_are_towns() -> None:
    found = tops("The firm has offices in Boston, Miami, Houston, New York and Detroit.")
    new_york = by_text(found, "New York")
    assert new_york.place is not None and new_york.place.kind == "city"
    boston = by_text(found, "Boston")  # the state of New York is not named: no Boston, New York
    assert boston.place is not None and boston.place.admin1 == "Massachusetts"


def test_bare_state_name_lends_no_context_to_its_towns() -> None:
    found = tops("He moved from New York to Boston last spring.")
    boston = by_text(found, "Boston")
    assert boston.place is not None and boston.place.admin1 == "Massachusetts"


def test_bare_state_name_is_the_state_not_its_city() -> None:
    for name in ("New York", "Oklahoma", "Montana"):
        place = resolve(name)[0]
        assert place is not None and (place.kind, place.country_code) == ("admin1", "US"), name


def test_constituent_countries_are_units_of_the_united_kingdom() -> None:
    for name in ("England", "Scotland", "Wales"):
        place = resolve(name)[0]
        assert place is not None and (place.kind, place.country_code) == ("admin1", "GB"), name
    britain = resolve("Britain")[0]
    assert britain is not None and britain.kind == "country"


def test_dateline_is_a_town() -> None:
    found = tops("NEW YORK, March 3 - Shares rose on Monday after the report.")
    t = by_text(found, "NEW YORK")
    assert t.place is not None and t.place.kind == "city"


def test_country_named_state_in_a_us_text() -> None:
    text = (
        "Schools in Macon closed after storms crossed Alabama and Tennessee. "
        "Georgia officials said roads were icy."
    )
    georgia = by_text(tops(text), "Georgia")
    assert georgia.place is not None and georgia.place.country_code == "US"


def test_town_comma_province_finds_the_province_holding_the_town() -> None:
    text = (
        "Officials culled pigs in Pandi, Bulacan. Later, farms in Santa Maria, Davao del Sur and in "
        "South Cotabato were checked. Bulacan farmers were paid."
    )
    found = [t for t in tops(text) if t.text == "Bulacan"]
    assert len(found) == 2 and all(t.place is not None and t.place.kind == "admin2" for t in found)
    assert all(t.place is not None and t.place.lat > 14 for t in found)  # Luzon, not Mindanao


def test_own_name_at_home_beats_a_former_name_abroad() -> None:
    text = "Snow closed schools in Salisbury on Monday, officials in the United States said."
    salisbury = by_text(tops(text), "Salisbury")
    assert salisbury.place is not None and salisbury.place.country_code == "US"  # not Harare


def test_stray_name_abroad_falls_back_to_the_smaller_unit_named() -> None:
    text = "Greenmount is a village in the Borough of Bury, England, just north of Lancashire."
    greenmount = by_text(tops(text), "Greenmount")
    assert greenmount.place is not None and greenmount.place.name == "Lancashire"  # not all England


def test_a_village_off_file_in_a_towns_area_is_near_that_town() -> None:
    text = (
        "Greenmount is a village in the Tottington area of the Borough of Bury, England, "
        "just north of Lancashire."
    )
    greenmount = by_text(tops(text), "Greenmount")
    assert greenmount.place is not None and greenmount.place.name == "Tottington"
    assert greenmount.precision == Precision.NEAR


def test_repeated_capital_name_in_a_state_text_is_the_local_town() -> None:
    # Ireland is never named: the repeats of "Dublin" are no evidence for it, Ohio is
    text = (
        "Dublin schools opened a new arts wing. The Dublin council said Dublin pupils would use it. "
        "The State of Ohio paid half."
    )
    found = [t for t in tops(text) if t.text == "Dublin"]
    assert len(found) == 3 and all(t.place is not None and t.place.admin1 == "Ohio" for t in found)


def test_capital_stays_when_its_country_is_named() -> None:
    text = "Dublin schools opened a new wing, officials in Ireland said. The State of Ohio sent a delegation."
    dublin = by_text(tops(text), "Dublin")
    assert dublin.place is not None and dublin.place.country_code == "IE"


def test_two_word_national_adjectives_are_demonyms() -> None:
    found = tops("The Sri Lankan navy met South African envoys.")
    assert [(t.text, t.role) for t in found] == [("Sri Lankan", "demonym"), ("South African", "demonym")]
    assert [t.place.country_code for t in found if t.place is not None] == ["LK", "ZA"]


def test_near_city_named_with_a_town_stays_a_city() -> None:
    text = "Officials from Kailu district in Tongliao, a city in Inner Mongolia, said two men were held."
    tongliao = by_text(tops(text), "Tongliao")
    assert tongliao.place is not None and tongliao.place.kind == "city"


def test_country_named_state_lends_its_towns_context() -> None:
    text = "Albany schools closed early. Albany police said roads were icy, and Georgia crews salted them."
    found = with_gpe(text, "Albany", "Georgia")
    assert all(t.place is not None and t.place.admin1 == "Georgia" for t in found if t.text == "Albany")


def test_county_keeps_the_sense_the_text_gave_it() -> None:
    text = (
        "Henry County, Tennessee, hired two deputies. Later, officials from Atlanta, Georgia, "
        "visited, and Henry County thanked them."
    )
    found = with_gpe(text, "Henry County", "Tennessee", "Atlanta", "Georgia")
    counties = [t for t in found if t.text == "Henry County"]
    assert len(counties) == 2 and all(t.place is not None and t.place.admin1 == "Tennessee" for t in counties)


def test_state_defined_as_a_seat_is_not_its_county() -> None:
    text = "Paris, Tennessee is the seat of Henry County. Later Henry County officials met."
    tennessee = by_text(tops(text), "Tennessee")
    assert tennessee.place is not None and tennessee.place.kind == "admin1"


def test_an_outlet_named_after_its_town_lets_context_pick_that_town() -> None:
    """'theparisnews.com' writes about its own Paris: beside a small neighbour that is Paris, Texas,
    not the capital of France; without the domain, the capital's population still wins."""
    text = "Storms knocked out power in Paris and Blossom on Monday night, the utility said."
    local = geoparse(text, domain="theparisnews.com")
    assert (local[0].place.country_code, local[0].place.admin1) == ("US", "Texas")
    assert geoparse(text)[0].place.country_code == "FR"


def test_outlet_town_names_need_the_domain_to_start_with_them() -> None:
    assert names_outlet_town("Paris", "www.theparisnews.com")
    assert names_outlet_town("Lancaster", "thelancasterandmorecambecitizen.co.uk")
    assert not names_outlet_town("Athens", "onlineathens.com")  # not at the start: no claim
    assert not names_outlet_town("Rome", "nola.com") and not names_outlet_town("Rome", None)
    # a capital's own outlet still means the capital when the text gives no other context
    assert (
        resolve_detail("Moscow", context=ResolveContext(domain="themoscowtimes.com")).place.country_code
        == "RU"
    )


# -- US local news ------------------------------------------------------------------------------------


def test_us_local_government_words_pick_a_us_namesake_over_a_capital_abroad() -> None:
    """A police department and a school board make a text US local news: its bare "Athens" is a US
    town, not the Greek capital the text never places; without those words the capital still wins."""
    local = "Graffiti was found on three buildings in Athens, the Athens Police Department said. "
    local += "The school board will pay for the cleanup."
    assert all(t.place is not None and t.place.country_code == "US" for t in tops(local))
    plain = tops("Graffiti was found on three buildings in Athens, the police said.")
    assert plain[0].place is not None and plain[0].place.country_code == "GR"


def test_us_local_words_leave_a_city_across_the_border_alone() -> None:
    """Only the words say the text is in the US: a Canadian city near the border may still be meant."""
    found = tops("The city council voted Tuesday to send the police chief to a conference in Vancouver.")
    assert found[0].place is not None and found[0].place.country_code == "CA"


def test_a_country_name_used_as_a_town_in_us_local_news_is_the_town() -> None:
    """ "A Lebanon woman" and "the Lebanon Police Department" use the name as a town's; a text that
    merely says someone fled to Lebanon still means the country."""
    text = "A Lebanon woman was charged Tuesday after the Lebanon Police Department searched her home, "
    text += "the county sheriff said."
    found = [t for t in tops(text) if t.text == "Lebanon"]
    assert found and all(
        t.place is not None and (t.place.country_code, t.place.kind) == ("US", "city") for t in found
    )
    fled = by_text(tops("The sheriff said the suspect had fled to Lebanon."), "Lebanon")
    assert fled.place is not None and fled.place.country_code == "LB"


def test_a_hospital_named_after_a_town_keeps_the_town_name() -> None:
    """ "Paris Community Hospital" names the town Paris, not a "Paris Community" (a French unit's alias)."""
    found = tops("She was taken to Paris Community Hospital in Edgar County, Illinois.")
    paris = by_text(found, "Paris")
    assert paris.place is not None and (paris.place.country_code, paris.place.admin1) == ("US", "Illinois")
    assert not any(t.text == "Paris Community" for t in found)


def test_a_county_before_an_organisation_word_is_still_the_county() -> None:
    """ "Henderson County Crimestoppers": the county's full name, then what is named after it."""
    county = by_text(
        tops("Callers can reach Henderson County Crimestoppers at any time."), "Henderson County"
    )
    assert county.place is not None and county.place.kind == "admin2"


def test_a_county_on_file_is_not_a_town_in_the_state_named_before_it() -> None:
    """ "Laurel County" after Montana is the county of that name, not the town Laurel in Montana."""
    found = tops("Officials from Montana met on Tuesday. Deputies in Laurel County arrested two men.")
    county = by_text(found, "Laurel County")
    assert county.place is not None and (county.place.kind, county.place.name) == ("admin2", "Laurel County")


def test_us_local_words_do_not_move_a_text_that_names_a_city_abroad() -> None:
    """A "councilwoman" in a text that names Rio de Janeiro does not make its bare "Rio" a US town."""
    text = "A councilwoman was shot in downtown Rio on Friday. "
    text += "Rio de Janeiro's security secretary blamed militias."
    rio = by_text(tops(text), "Rio")
    assert rio.place is not None and rio.place.country_code == "BR"


def test_war_news_with_a_city_council_stays_abroad() -> None:
    """ "City council" and "mayor" are every country's words: they do not make a war report US local
    news, so Odessa stays Odesa, Ukraine rather than Odessa, Texas."""
    from sitrep.geo.geoparse import geoparse

    text = "Russian drones struck Odessa overnight; the city council reported two people injured."
    odessa = next(t for t in geoparse(text) if t.text == "Odessa")
    assert odessa.place is not None and odessa.place.country_code == "UA"


# -- world regions, word-like state abbreviations, bare datelines -------------------------------------


@pytest.mark.parametrize(
    ("name", "point"),
    [("North Africa", (27.0, 13.0)), ("Southeast Asia", (8.0, 110.0)), ("Eastern Europe", (50.0, 30.0))],
)
def test_named_world_regions_are_one_place(name: str, point: tuple[float, float]) -> None:
    found = tops(f"Aid agencies warned that food prices in {name} kept rising.")
    region = by_text(found, name)
    assert region.place is not None and km((region.place.lat, region.place.lon), point) < 1


def test_region_named_like_a_country_alias_is_the_region() -> None:
    region = by_text(tops("Fighting spread across Central Africa last year."), "Central Africa")
    assert region.place is not None and region.place.country_code in (None, "")


def test_entity_span_widens_to_the_name_on_file_before_it() -> None:
    text = "Most of the migrants came from Sub-Saharan Africa."
    start = text.index("Africa")
    found = find_toponyms(text, [(start, start + 6, "LOC")])
    assert [t.text for t in found] == ["Sub-Saharan Africa"]


def test_word_like_state_abbreviation_after_a_town_is_the_state() -> None:
    found = tops("He grew up in Springfield, Ill., and moved to Worcester, Mass. in 2001.")
    ill, mass = by_text(found, "Ill."), by_text(found, "Mass.")
    assert ill.place is not None and ill.place.name == "Illinois"
    assert mass.place is not None and mass.place.name == "Massachusetts"
    springfield = by_text(found, "Springfield")
    assert springfield.place is not None and springfield.place.admin1 == "Illinois"


def test_head_dateline_without_punctuation_and_joined_datelines() -> None:
    found = tops("OKLAHOMA CITY The Latest on the teachers' strike.")
    assert by_text(found, "OKLAHOMA CITY").place is not None
    found = tops("TIJUANA & SAN DIEGO, March 29 -- Officials on both sides of the border met.")
    assert {t.text for t in found} >= {"TIJUANA", "SAN DIEGO"}
    assert not tops("BREAKING NEWS The minister resigned.")


def test_continent_and_ocean_joined_by_a_hyphen_are_two_mentions() -> None:
    found = tops("Leaders met at the Asia-Pacific summit.")
    assert [t.text for t in found] == ["Asia", "Pacific"]
    assert by_text(found, "Pacific").place.name == "Pacific Ocean"  # type: ignore[union-attr]


def test_british_ceremonial_counties_are_places() -> None:
    found = tops("Police in Northamptonshire and County Antrim arrested two men from West Yorkshire.")
    for name, point in (
        ("Northamptonshire", (52.3, -0.85)),
        ("County Antrim", (54.85, -6.2)),
        ("West Yorkshire", (53.75, -1.7)),
    ):
        t = by_text(found, name)
        assert t.place is not None and t.place.country_code == "GB"
        assert km((t.place.lat, t.place.lon), point) < 1


def test_a_state_named_abroad_stays_that_state() -> None:
    found = tops("Drones hit Kharkiv Oblast overnight. The aid left from an air base in Delaware.")
    delaware = by_text(found, "Delaware")
    assert delaware.place is not None and delaware.place.country_code == "US"


def test_entity_span_runs_on_to_the_longer_name_on_file() -> None:
    text = "Cruise ships returned to the U.S. Virgin Islands. The U.S. Department of Energy agreed."
    found = find_toponyms(text, [(text.index("U.S."), text.index("U.S.") + 4, "GPE")])
    assert found[0].text == "U.S. Virgin Islands" and found[0].place is not None
    assert found[0].place.country_code == "VI"
    assert [t.text for t in found[1:]] == ["U.S."]  # a stem match ("Department") does not extend it


def test_a_street_keeps_its_compass_word() -> None:
    found = tops("Shots were fired on South Ingleside Avenue in Chicago, near West Tyler Street.")
    assert [t.text for t in found if t.precision.value == "site"] == [
        "South Ingleside Avenue",
        "West Tyler Street",
    ]


def test_a_persons_surname_is_not_a_place_unless_the_text_places_it() -> None:
    text = "Ray Kinney flew the Warhawk in Texas. Kinney, one of the owners, said the show goes on."
    found = find_toponyms(
        text, [(0, 10, "PERSON"), (text.index("Kinney,"), text.index("Kinney,") + 6, "GPE")]
    )
    assert "Kinney" not in [t.text for t in found]
    text = "Franklin is a town in Texas, named after Benjamin Franklin. Franklin has a bank."
    found = find_toponyms(text, [(text.index("Benjamin"), text.index(". Franklin has"), "PERSON")])
    assert [t.text for t in found].count("Franklin") == 2


def test_month_abbreviations_and_lone_body_nouns_are_not_places() -> None:
    found = tops("The council in Alexandria voted on Jan. 13 to fund a branch of the University of Cairo.")
    assert [t.text for t in found if t.text in ("Jan", "University")] == []


def test_a_city_naming_a_body_is_an_attributive_mention() -> None:
    found = tops("The Boise Fire Department offered tips. Metro Police said nothing.")
    boise = by_text(found, "Boise")
    assert boise.role == "attributive" and boise.place is not None and boise.place.admin1 == "Idaho"
    assert "Metro" not in [t.text for t in found]


def test_a_seat_of_government_is_in_its_own_country() -> None:
    found = tops("Officials in Peoria, Illinois, met. The White House said it would respond.")
    white_house = by_text(found, "White House")
    assert white_house.place is not None and white_house.place.feature_code == "PPLC"


def test_a_site_in_a_named_unit_is_placed_in_it_not_at_a_town_far_away() -> None:
    found = tops("Police in Homs said the race went ahead. 9/10 June: Oulton Park, Cheshire.")
    park = by_text(found, "Oulton Park")
    assert park.place is not None and park.place.country_code == "GB"
    assert park.precision.value == "district"


def test_upper_case_state_abbreviations_that_are_no_word() -> None:
    found = tops("Floods hit QLD and NSW on Monday.")
    assert [(t.text, t.place.name if t.place else None) for t in found] == [
        ("QLD", "Queensland"),
        ("NSW", "New South Wales"),
    ]


def test_diseases_and_agencies_named_after_places_are_not_places() -> None:
    found = tops(
        "Cases of West Nile virus rose; the Ebola outbreak spread, the Food and Drug Administration said."
    )
    assert [t.text for t in found] == []
    found = tops("A man from Marburg, Germany, fell ill with the virus during the United States flu season.")
    assert [t.text for t in found] == ["Marburg", "Germany", "United States"]


def test_a_state_department_of_something_is_the_state_in_a_body() -> None:
    found = tops("The Kentucky Department of Public Health said the clinic in Owensboro would close.")
    kentucky = by_text(found, "Kentucky")
    assert kentucky.role == "attributive" and kentucky.place is not None and kentucky.place.kind == "admin1"


def test_a_unit_word_beginning_a_body_is_not_part_of_the_place() -> None:
    found = tops(
        "Students at Ohio State University and Springfield City Schools met. The Osun State Government said."
    )
    texts = [t.text for t in found]
    assert "Ohio" in texts and "Osun State" in texts and "Springfield City" not in texts
    assert by_text(found, "Ohio").role == "attributive"


def test_cars_directions_and_departments_of_common_words_are_not_places() -> None:
    text = (
        "The body was found in a 2008 Ford Focus near the 2009 Walker County Fair. A state Department "
        "of Human Resources psychologist said Eastern traditions mattered."
    )
    texts = [t.text for t in tops(text)]
    assert "Ford" not in texts and "Human" not in texts and "Eastern" not in texts
    assert "Walker County" in texts


def test_city_pairs_and_owned_sites() -> None:
    found = tops("Amsterdam-London flights resumed. The Vatican-owned Bambino Gesu Hospital in Rome said.")
    texts = [t.text for t in found]
    assert texts[:2] == ["Amsterdam", "London"]
    assert "Bambino Gesu Hospital" in texts and "Vatican-owned Bambino Gesu Hospital" not in texts


def test_a_town_in_a_named_city_is_not_a_far_town_that_once_bore_the_name() -> None:
    found = tops("Media related to Concordia, Portland, Oregon at Wikimedia Commons.")
    concordia = by_text(found, "Concordia")
    assert concordia.place is not None and concordia.place.admin1 == "Oregon"


def test_a_national_adjective_inside_a_descriptor_still_describes_the_name() -> None:
    found = tops("A journalist in the central Mexican state of Puebla was killed near Huauchinango.")
    puebla = by_text(found, "Puebla")
    assert puebla.place is not None and puebla.place.kind == "admin1"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Rebel-held Donetsk came under fire at dawn.", "Donetsk"),  # the modifier is no part of a name
        ("The enemy kept shelling Kurakhivka through the night.", "Kurakhivka"),
    ],
)
def test_towns_after_a_modifier_or_an_attack_verb_are_found(text: str, name: str) -> None:
    found = by_text(tops(text), name)
    assert found.place is not None and found.place.country_code == "UA"


def test_a_namesake_inside_a_named_region_of_one_country() -> None:
    # three towns called Pivdenne; Donbas (a region on file as a point) says which
    found = by_text(tops("A soldier was wounded near Pivdenne in Donbas."), "Pivdenne")
    assert found.place is not None and found.place.admin1 == "Donetsk Oblast"


def test_a_town_put_near_a_city_is_not_a_namesake_far_away() -> None:
    # no Paynesville of Liberia on file: the one in Minnesota is no answer; the city it is near is
    found = by_text(tops("A body was found in Paynesville, outside Monrovia, on Sunday."), "Paynesville")
    assert found.place is not None and found.place.country_code == "LR"
    assert "near Monrovia" in found.reason


def test_an_island_put_near_a_town_is_not_a_namesake_far_away() -> None:
    # New Zealand's South Island is on file; the one near Georgetown, South Carolina, is not
    found = by_text(tops("A man was shot on South Island, near Georgetown, South Carolina."), "South Island")
    assert found.place is not None and found.place.country_code == "US"
    island = by_text(tops("Floods hit the South Island of New Zealand."), "South Island").place
    assert island is not None and island.country_code == "NZ"


def test_near_a_border_is_no_container() -> None:
    found = by_text(tops("The bomb went off in Manbij near the Turkish border."), "Manbij")
    assert found.place is not None and found.place.country_code == "SY" and found.place.kind == "city"


def test_an_arabic_name_with_its_article_is_one_unknown_name() -> None:
    # "Bilad" alone is a town in the Philippines; "al-Sham" is no English compound, though "sham" is a word
    found = tops("The strike hit the village of Bilad al-Sham, residents said.")
    assert [t.text for t in found] == ["Bilad al-Sham"] and found[0].place is None


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Troops were sent to Jammu and Kashmir on Monday.", "Jammu and Kashmir", "admin1"),
        ("Floods hit Bosnia and Herzegovina and Serbia.", "Bosnia and Herzegovina", "country"),
    ],
)
def test_a_name_of_the_form_a_and_b_is_one_place(text: str, name: str, kind: str) -> None:
    found = by_text(tops(text), name)
    assert found.place is not None and found.place.kind == kind


def test_a_coast_in_a_descriptor_describes_the_unit_after_it() -> None:
    found = tops("A priest was killed in the Pacific coast state of Nayarit.")
    assert [(t.text, t.role) for t in found] == [("Pacific", "attributive"), ("Nayarit", "place")]
    assert found[1].place is not None and found[1].place.kind == "admin1"


def test_a_site_in_the_city_of_a_town_is_in_that_town() -> None:
    text = "Gunmen attacked a market north of Cairo. The blast hit St Mark's Church in the city of Tanta."
    found = by_text(tops(text), "St Mark's Church")
    assert found.place is not None and found.place.name == "Tanta"


@pytest.mark.parametrize(
    ("text", "name", "town"),
    [
        ("A car bomb exploded at Bakara market in Mogadishu.", "Bakara", "Mogadishu"),  # not Baccarat
        ("Inmates rioted at the Evin prison in Tehran.", "Evin", "Tehran"),
    ],
)
def test_a_named_site_in_a_town_is_placed_at_the_town(text: str, name: str, town: str) -> None:
    found = by_text(tops(text), name)
    assert found.place is not None and found.place.name == town and found.precision.value == "site"


def test_word_like_state_abbreviations_keep_their_dot() -> None:
    text = "HAMMOND, Ind. (AP) - A missing Ill. man was found."
    found = find_toponyms(text, [(text.index("Ill"), text.index("Ill") + 3, "GPE")])
    assert [(t.text, t.place.name if t.place else None) for t in found if t.text != "HAMMOND"] == [
        ("Ind.", "Indiana"),
        ("Ill.", "Illinois"),
    ]
    church = "They attended Mass. Then they left."
    assert all(t.text != "Mass." for t in find_toponyms(church, [(14, 18, "GPE")]))


def test_a_name_joined_to_a_modifier_word_is_the_place_alone() -> None:
    found = tops("Half of Atlanta-area calls and an Iran-backed militia were reported Australia-wide.")
    assert [(t.text, t.role) for t in found] == [
        ("Atlanta", "attributive"),
        ("Iran", "attributive"),
        ("Australia", "attributive"),
    ]


def test_islands_bases_and_a_former_union_on_file() -> None:
    found = tops("Troops left Pearl Harbor on Oahu, as in the days of the Soviet Union.")
    assert [(t.text, t.place.kind if t.place else None) for t in found] == [
        ("Pearl Harbor", "feature"),
        ("Oahu", "feature"),
        ("Soviet Union", "feature"),
    ]
    assert [t.text for t in tops("Ветерани СРСР зібралися у Києві.")][0] == "СРСР"


def test_nigerias_federal_capital_territory_by_its_usual_name() -> None:
    found = by_text(
        tops("Soldiers clashed with marchers in the Federal Capital Territory."), "Federal Capital Territory"
    )
    assert found.place is not None and found.place.country_code == "NG"  # not Denmark's Capital Region
