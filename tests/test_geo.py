"""Gazetteer, resolver and toponym recogniser: reference sentences from conflict reporting.

The gazetteer is built once into the user cache (or $SITREP_CACHE_DIR) on the first run; later runs
load it in a fraction of a second. Tests marked slow also load the spaCy model.
"""

from __future__ import annotations

import math
import re
import subprocess
import sys
import time

import pytest

from sitrep.geo.gazetteer import FORMAT_VERSION, Gazetteer, cache_path, get_gazetteer
from sitrep.geo.recognize import Toponym, demonym_country, find_toponyms
from sitrep.geo.resolve import ResolveContext, offset_point, resolve, resolve_in_admin1, resolve_near
from sitrep.geo.text import fold, loose, seat_variants, skeleton, strip_generic, translit_ru, translit_uk
from sitrep.models import Place, Precision


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    dp, dl = p2 - p1, math.radians(b[1] - a[1])
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def pt(p: Place | None) -> tuple[float, float]:
    assert p is not None
    return p.lat, p.lon


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    return get_gazetteer()


def ents(text: str, *spans: tuple[str, str]) -> list[tuple[int, int, str]]:
    """NER spans as the small spaCy model gives them, located by their text."""
    out = []
    for surface, label in spans:
        start = text.index(surface)
        out.append((start, start + len(surface), label))
    return out


def by_text(tops: list[Toponym], text: str) -> Toponym:
    found = [t for t in tops if t.text == text]
    assert found, f"{text!r} not among {[t.text for t in tops]}"
    return found[0]


# -- text folding ----------------------------------------------------------------------------------


def test_fold_and_skeleton() -> None:
    assert fold("Zaporizhzhia–Oblast’") == "zaporizhzhia oblast"
    assert fold("Pechers'k") == fold("Pechers’k") == "pechersk"
    assert fold("Київ") == fold("київ")
    assert skeleton("zaporizhzhia") == skeleton("zaporizhia") == skeleton("zaporizhzhya")
    assert skeleton("avdiivka") == skeleton("avdiyivka")
    assert skeleton("kharkiv") == skeleton("harkiv")
    assert strip_generic("kursk region") == ("kursk", "region")
    assert strip_generic("republic of karelia") == ("karelia", "republic")
    assert strip_generic("kyiv") == ("kyiv", None)
    assert translit_uk("Запоріжжя") == "Zaporizhzhia"
    assert translit_ru("Харьков") == "Khar'kov".replace("'", "")


# -- gazetteer -------------------------------------------------------------------------------------

CITIES = {
    "UA": {
        (50.45, 30.52): ["Kyiv", "Kiev", "Київ", "Киев"],
        (49.99, 36.23): ["Kharkiv", "Kharkov", "Харків", "Харьков"],
        (47.84, 35.14): ["Zaporizhzhia", "Zaporozhye", "Zaporizhia", "Запоріжжя"],
        (46.48, 30.72): ["Odesa", "Odessa"],
        (46.97, 32.00): ["Mykolaiv", "Nikolaev", "Nikolayev"],
        (48.46, 35.05): ["Dnipro", "Dnepr", "Dnipropetrovsk"],
        (48.57, 39.31): ["Luhansk", "Lugansk"],
        (48.02, 37.80): ["Donetsk"],
        (46.64, 32.61): ["Kherson"],
        (50.91, 34.80): ["Sumy"],
        (51.49, 31.29): ["Chernihiv", "Chernigov"],
        (48.59, 38.00): ["Bakhmut", "Artemivsk", "Artemovsk"],
        (48.28, 37.18): ["Pokrovsk"],
        (48.14, 37.74): ["Avdiivka", "Avdeevka", "Avdeyevka"],
    },
    "RU": {
        (50.60, 36.59): ["Belgorod", "Bilhorod"],
        (51.73, 36.19): ["Kursk"],
        (53.25, 34.37): ["Bryansk"],
        (47.236, 38.905): ["Taganrog"],
        (55.75, 37.62): ["Moscow", "Москва"],
        (44.72, 37.77): ["Novorossiysk"],
    },
}


@pytest.mark.parametrize(
    ("name", "cc", "where"),
    [(n, cc, where) for cc, table in CITIES.items() for where, names in table.items() for n in names],
)
def test_spellings_resolve_to_the_city(
    gaz: Gazetteer, name: str, cc: str, where: tuple[float, float]
) -> None:
    place, conf, reason = resolve(name, gazetteer=gaz)
    assert place is not None, reason
    assert place.country_code == cc, (place, reason)
    assert place.kind in ("city", "district")
    assert km(pt(place), where) < 25, place
    assert conf > 0.5


def test_lookup_returns_all_kinds(gaz: Gazetteer) -> None:
    cands = gaz.lookup("Krasnodar")
    kinds = {p.kind for p in cands}
    assert {"city", "admin1"} <= kinds
    krai = next(p for p in cands if p.kind == "admin1")
    assert krai.name == "Krasnodar Krai"
    assert krai.country_code == "RU" and krai.country == "Russia"
    assert km(pt(krai), (45.0, 39.0)) < 150
    assert gaz.lookup("Xyzzyville") == []


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Donetsk Oblast", "Donetsk Oblast"),
        ("Donetsk region", "Donetsk Oblast"),
        ("Kherson oblast", "Kherson Oblast"),
        ("Kursk region", "Kursk Oblast"),
        ("Belgorod Oblast", "Belgorod Oblast"),
        ("Krasnodar Krai", "Krasnodar Krai"),
        ("Kyiv region", "Kyiv Oblast"),
        ("Moscow region", "Moscow Oblast"),
        ("Zaporizhia Oblast", "Zaporizhzhia Oblast"),
    ],
)
def test_admin1_names(gaz: Gazetteer, name: str, expected: str) -> None:
    place, _conf, reason = resolve(name, gazetteer=gaz)
    assert place is not None and place.kind == "admin1", reason
    assert place.name == expected


def test_bare_admin_stem_needs_a_hint(gaz: Gazetteer) -> None:
    city, _, _ = resolve("Krasnodar", gazetteer=gaz)
    krai, _, _ = resolve("Krasnodar", kind_hint="admin1", gazetteer=gaz)
    assert city is not None and city.kind == "city"
    assert krai is not None and krai.kind == "admin1" and krai.name == "Krasnodar Krai"


@pytest.mark.parametrize("name", ["Pechersk district", "Pecherskyi district"])
def test_city_district(gaz: Gazetteer, name: str) -> None:
    place, _conf, reason = resolve(name, gazetteer=gaz)
    assert place is not None, reason
    assert place.kind == "district" and place.country_code == "UA" and place.admin1 == "Kyiv"
    assert place.geonameid == 13535745
    assert km(pt(place), (50.45, 30.52)) < 25


def test_place_fields(gaz: Gazetteer) -> None:
    taganrog, _, _ = resolve("Taganrog", gazetteer=gaz)
    assert taganrog is not None
    assert (taganrog.country_code, taganrog.country, taganrog.admin1) == ("RU", "Russia", "Rostov Oblast")
    assert taganrog.geonameid == 484907 and taganrog.population > 200_000 and taganrog.kind == "city"
    kyiv, _, _ = resolve("Kyiv", gazetteer=gaz)
    assert kyiv is not None and kyiv.feature_code == "PPLC"
    kharkiv_obl = gaz.admin1_of(gaz.lookup("Kharkiv")[0])
    assert kharkiv_obl is not None and kharkiv_obl.name == "Kharkiv Oblast" and kharkiv_obl.kind == "admin1"
    assert gaz.admin1_of(kharkiv_obl) == kharkiv_obl


def test_country_and_capital(gaz: Gazetteer) -> None:
    for key in ("UA", "Ukraine", "ukraine"):
        c = gaz.country(key)
        assert c is not None and c.country_code == "UA" and c.kind == "country"
    for key, code in (
        ("UK", "GB"),
        ("Britain", "GB"),
        ("US", "US"),
        ("Russian Federation", "RU"),
        ("Russia", "RU"),
    ):
        c = gaz.country(key)
        assert c is not None and c.country_code == code, key
    assert gaz.country("Defence Ministry") is None
    cap = gaz.capital("UA")
    assert cap is not None and cap.name == "Kyiv"
    assert gaz.capital("RU") is not None and gaz.capital("RU").name == "Moscow"  # type: ignore[union-attr]
    # Russia spans the antimeridian: its computed point must still fall inside the country's west.
    ru = gaz.country("RU")
    assert ru is not None and 40 < ru.lat < 70 and 20 < ru.lon < 120


@pytest.mark.parametrize(
    ("name", "kind", "middle"),
    [
        ("Ontario", "admin1", (50.0, -85.0)),  # its towns line the US border, 300 km further south
        ("Queensland", "admin1", (-22.5, 144.0)),
        ("Alaska", "admin1", (64.0, -150.0)),
        ("Kharkiv Oblast", "admin1", (49.5, 36.5)),  # computed from its places
        ("Malaysia", "country", (2.5, 112.0)),  # between the peninsula and Borneo
    ],
)
def test_large_units_sit_at_their_middle(
    gaz: Gazetteer, name: str, kind: str, middle: tuple[float, float]
) -> None:
    place = next(p for p in gaz.lookup(name) if p.kind == kind)
    assert km(pt(place), middle) < 250


def test_is_known(gaz: Gazetteer) -> None:
    assert gaz.is_known("Kyiv") and gaz.is_known("Kursk region") and gaz.is_known("Харків")
    assert not gaz.is_known("Xyzzyville")


# -- resolver --------------------------------------------------------------------------------------


def test_unknown_name(gaz: Gazetteer) -> None:
    assert resolve("Xyzzyville", gazetteer=gaz) == (None, 0.0, "unknown name")
    place, conf, reason = resolve("", gazetteer=gaz)
    assert place is None and conf == 0.0 and reason


def test_prior_beats_context_for_geneva(gaz: Gazetteer) -> None:
    ctx = ResolveContext(countries=["US", "UA"])
    place, conf, reason = resolve("Geneva", context=ctx, gazetteer=gaz)
    assert place is not None and place.country_code == "CH", reason
    assert 0 < conf < 0.99


def test_paris_and_springfield(gaz: Gazetteer) -> None:
    paris, _, _ = resolve("Paris", gazetteer=gaz)
    assert paris is not None and paris.country_code == "FR"
    spring, _, reason = resolve("Springfield", context=ResolveContext(countries=["US"]), gazetteer=gaz)
    assert spring is not None and spring.country_code == "US"
    assert "ambiguous" in reason


def test_countries_beat_namesakes(gaz: Gazetteer) -> None:
    for name, cc in (("Georgia", "GE"), ("Jordan", "JO"), ("Russia", "RU")):
        place, _, _ = resolve(name, gazetteer=gaz)
        assert place is not None and place.kind == "country" and place.country_code == cc


def test_context_country_and_spatial_coherence(gaz: Gazetteer) -> None:
    # Pokrovsk: Ukrainian town, also a Russian village and the former name of Engels.
    place, _, _ = resolve("Pokrovsk", context=ResolveContext(countries=["UA"]), gazetteer=gaz)
    assert place is not None and place.country_code == "UA"
    kyiv = gaz.lookup("Kyiv")[0]
    place, _, reason = resolve("Pechersk", context=ResolveContext(places=[kyiv]), gazetteer=gaz)
    assert place is not None and place.country_code == "UA" and km(pt(place), pt(kyiv)) < 25, reason


def test_kind_hint_fallback(gaz: Gazetteer) -> None:
    place, conf, reason = resolve("Taganrog", kind_hint="admin1", gazetteer=gaz)
    assert place is not None and place.kind in ("city", "admin2")
    assert "fell back" in reason and conf < 0.7


def test_resolution_speed(gaz: Gazetteer) -> None:
    names = [n for table in CITIES.values() for names in table.values() for n in names]
    names += ["Geneva", "Paris", "Springfield", "Washington", "Donetsk region", "Pechersk district", "Xyzzy"]
    ctx = ResolveContext(countries=["UA", "RU"], places=[gaz.lookup("Kyiv")[0], gaz.lookup("Kharkiv")[0]])
    for n in names:  # warm the caches
        resolve(n, gazetteer=gaz)
    rounds = 30
    t0 = time.perf_counter()
    for _ in range(rounds):
        for n in names:
            resolve(n, context=ctx, gazetteer=gaz)
    rate = rounds * len(names) / (time.perf_counter() - t0)
    print(f"\nresolutions per second (with context): {rate:,.0f}")


# -- cache -----------------------------------------------------------------------------------------


def test_cache_reload(gaz: Gazetteer) -> None:
    path = cache_path()
    assert path.exists()
    assert f"f{FORMAT_VERSION}-" in path.name and "gnc" in path.name and "loc" in path.name
    t0 = time.perf_counter()
    again = Gazetteer.load(path)
    elapsed = time.perf_counter() - t0
    print(f"\ncached gazetteer load: {elapsed:.3f} s from {path}")
    assert elapsed < 1.0
    assert len(again) == len(gaz)
    assert again.lookup("Taganrog")[0] == gaz.lookup("Taganrog")[0]


def test_cache_fresh_process_load_and_memory(gaz: Gazetteer) -> None:
    code = (
        "import resource, time\n"
        "from sitrep.geo.gazetteer import Gazetteer, cache_path\n"
        "t = time.perf_counter(); g = Gazetteer.load(cache_path()); dt = time.perf_counter() - t\n"
        "g.lookup('Kyiv')\n"
        "rss = [ln for ln in open('/proc/self/status') if ln.startswith('VmRSS')]\n"
        "peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n"
        "print(dt, int(rss[0].split()[1]) / 1024 if rss else peak)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    load_s, rss_mb = map(float, out.split())
    print(f"\nfresh process: load {load_s:.3f} s, RSS {rss_mb:.0f} MB")
    assert load_s < 1.0
    assert rss_mb < 600


def test_cache_name_follows_the_builder_source(monkeypatch: pytest.MonkeyPatch) -> None:
    """A change to build.py (or text.py) must name a new cache file, so no stale arrays are loaded."""
    import sitrep.geo.gazetteer as gz

    before = cache_path().name
    monkeypatch.setattr(gz, "_builder_digest", lambda: "0123456789")
    after = cache_path().name
    assert before != after and "-0123456789-" in after


def test_cache_dir_override(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("SITREP_CACHE_DIR", str(tmp_path))
    assert cache_path().parent == tmp_path


# -- recognition (NER spans given as the small spaCy model labels them) -----------------------------


def test_krasnodar_border_region(gaz: Gazetteer) -> None:
    text = (
        "On Tuesday, a “massive” Ukrainian drone attack struck the Krasnodar border region, officials said."
    )
    tops = find_toponyms(text, ents(text, ("Tuesday", "DATE"), ("Ukrainian", "NORP"), ("Krasnodar", "ORG")))
    tops = [t for t in tops if t.role != "demonym"]  # "Ukrainian" comes back as a demonym, never a place
    assert [t.text for t in tops] == ["Krasnodar"]
    t = tops[0]
    assert t.kind_hint == "admin1" and t.descriptor == "border region" and t.precision == Precision.REGION
    assert t.place is not None and t.place.kind == "admin1" and t.place.name == "Krasnodar Krai"
    assert t.place.country_code == "RU" and km(pt(t.place), (45.0, 39.0)) < 150
    assert t.role == "place"


def test_port_city_of_taganrog(gaz: Gazetteer) -> None:
    text = "Russia's Defence Ministry reported strikes in the port city of Taganrog."
    tops = find_toponyms(
        text, ents(text, ("Russia", "GPE"), ("Defence Ministry", "ORG"), ("Taganrog", "PRODUCT"))
    )
    t = by_text(tops, "Taganrog")
    assert t.descriptor == "port city" and t.precision == Precision.TOWN and t.role == "place"
    assert t.place is not None and t.place.country_code == "RU" and t.place.admin1 == "Rostov Oblast"
    assert km(pt(t.place), (47.236, 38.905)) < 25
    assert by_text(tops, "Russia").role == "attributive"


def test_en_route_to_moscow_is_near(gaz: Gazetteer) -> None:
    text = "Air defences shot down 10 drones en route to Moscow, Mayor Sergei Sobyanin said."
    tops = find_toponyms(
        text, ents(text, ("10", "CARDINAL"), ("Moscow", "GPE"), ("Sergei Sobyanin", "PERSON"))
    )
    assert [t.text for t in tops] == ["Moscow"]
    assert tops[0].precision == Precision.NEAR and tops[0].place is not None
    assert tops[0].place.country_code == "RU"


def test_kyiv_and_pechersk(gaz: Gazetteer) -> None:
    text = (
        "Kyiv was hit by overnight Russian drone and missile strikes. "
        "A building in the central Pechersk district was being evacuated."
    )
    tops = find_toponyms(text, ents(text, ("overnight", "TIME"), ("Russian", "NORP"), ("Pechersk", "GPE")))
    kyiv = by_text(tops, "Kyiv")
    assert kyiv.place is not None and kyiv.place.country_code == "UA" and kyiv.precision == Precision.TOWN
    assert km(pt(kyiv.place), (50.45, 30.52)) < 25
    pech = by_text(tops, "Pechersk")
    assert pech.precision == Precision.DISTRICT and pech.kind_hint == "district"
    assert pech.place is not None and pech.place.kind == "district" and pech.place.admin1 == "Kyiv"
    assert km(pt(pech.place), pt(kyiv.place)) < 25
    assert not any(t.text == "Russian" and t.role != "demonym" for t in tops)


@pytest.mark.parametrize(
    ("text", "spans", "name"),
    [
        ("Moscow called it one of the Kyiv regime’s most sustained attacks.", [("Kyiv", "PERSON")], "Kyiv"),
        (
            "Tymur Tkachenko, head of Kyiv’s military administration, said two people were injured.",
            [("Tymur Tkachenko", "PERSON"), ("Kyiv’s", "ORG")],
            "Kyiv",
        ),
        (
            "Ukraine’s Air Force said 36 drones were shot down.",
            [("Ukraine", "GPE"), ("Air Force", "ORG")],
            "Ukraine",
        ),
        ("Moscow's forces pressed on.", [("Moscow", "GPE")], "Moscow"),
        ("The Kremlin said it was ready.", [("Kremlin", "ORG")], "Kremlin"),
    ],
)
def test_attributive(gaz: Gazetteer, text: str, spans: list[tuple[str, str]], name: str) -> None:
    tops = find_toponyms(text, ents(text, *spans))
    t = by_text(tops, name)
    assert t.role == "attributive"
    assert t.place is not None
    assert not any(x.text == "Tymur Tkachenko" for x in tops)


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("A bomb exploded at Istanbul's main international airport.", "Istanbul", "place"),
        ("Gunmen shot an elder in Mogadishu's Bakaro market.", "Mogadishu", "place"),
        ("Kyiv's military administration said two people were hurt.", "Kyiv", "attributive"),
    ],
)
def test_possessive_place_owning_a_site_is_where_it_happened(
    gaz: Gazetteer, text: str, name: str, role: str
) -> None:
    assert by_text(find_toponyms(text, []), name).role == role


def test_a_name_joined_by_a_connector_is_one_name(gaz: Gazetteer) -> None:
    text = "Gunmen killed seven in the village of Puente del Rey in Guerrero, near the Tour de France route."
    found = {t.text: t for t in find_toponyms(text, [])}
    assert "Puente del Rey" in found and "Puente" not in found and "Rey" not in found
    assert "France" in found  # "Tour de": the words before a country only describe it


def test_a_road_named_after_a_place_is_not_that_place(gaz: Gazetteer) -> None:
    text = "A car bomb went off on the Makkah Mukaramah road in Mogadishu."
    found = {t.text: t.role for t in find_toponyms(text, [])}
    assert found == {"Makkah": "attributive", "Mogadishu": "place"}


def test_possessive_place_stays_a_place(gaz: Gazetteer) -> None:
    text = "A missile hit Kyiv's Pechersk district."
    t = by_text(find_toponyms(text, []), "Kyiv")
    assert t.role == "place"


def test_geneva_talks(gaz: Gazetteer) -> None:
    text = "The Geneva talks were attended by US, Ukrainian and European officials."
    spans = ents(text, ("Geneva", "GPE"), ("US", "GPE"), ("Ukrainian", "GPE"), ("European", "NORP"))
    tops = find_toponyms(text, spans)
    geneva = by_text(tops, "Geneva")
    assert geneva.place is not None and geneva.place.country_code == "CH"
    us = by_text(tops, "US")
    assert us.place is not None and us.place.country_code == "US" and us.precision == Precision.COUNTRY
    assert not any(t.text in ("Ukrainian", "European") and t.role != "demonym" for t in tops)


def test_dnipro_river_is_not_the_city(gaz: Gazetteer) -> None:
    text = "Russian troops advanced on the east bank of the Dnipro River near Kherson."
    tops = find_toponyms(
        text, ents(text, ("Russian", "NORP"), ("the Dnipro River", "LOC"), ("Kherson", "GPE"))
    )
    river = next(t for t in tops if t.text.startswith("Dnipro"))
    assert river.place is not None and river.place.kind == "feature" and river.place.feature_code == "STM"
    assert river.precision == Precision.REGION
    kherson = by_text(tops, "Kherson")
    assert kherson.precision == Precision.NEAR and kherson.place is not None
    assert kherson.place.country_code == "UA"
    # Without the word River, found by the scan alone, Dnipro is the city.
    city = by_text(find_toponyms("Explosions were heard in Dnipro.", []), "Dnipro")
    assert city.place is not None and city.place.kind == "city" and city.place.country_code == "UA"


def test_spellings_in_text(gaz: Gazetteer) -> None:
    text = "Kharkov, Харків and Kharkiv were named; so were Paris and Springfield in the US."
    tops = find_toponyms(text, [])
    kharkivs = [t for t in tops if t.text in ("Kharkov", "Харків", "Kharkiv")]
    assert len(kharkivs) == 3
    assert {t.place.geonameid for t in kharkivs if t.place} == {706483}
    assert by_text(tops, "Paris").place.country_code == "FR"  # type: ignore[union-attr]
    assert by_text(tops, "Springfield").place.country_code == "US"  # type: ignore[union-attr]


def test_offset_and_bearing(gaz: Gazetteer) -> None:
    text = "Drones were seen 30 kilometres north-east of Sumy, 5 miles from Chernihiv and outside Kramatorsk."
    tops = find_toponyms(text, [])
    sumy = by_text(tops, "Sumy")
    assert sumy.precision == Precision.NEAR and sumy.offset_km == 30.0 and sumy.bearing == "northeast"
    cher = by_text(tops, "Chernihiv")
    assert cher.precision == Precision.NEAR and cher.offset_km == pytest.approx(8.0, abs=0.1)
    assert by_text(tops, "Kramatorsk").precision == Precision.NEAR


def test_district_of_city(gaz: Gazetteer) -> None:
    text = "Shelling hit the Shevchenkivskyi district of Kyiv."
    tops = find_toponyms(text, [])
    d = by_text(tops, "Shevchenkivskyi")
    assert d.precision == Precision.DISTRICT
    assert d.place is not None and d.place.admin1 == "Kyiv" and km(pt(d.place), (50.45, 30.52)) < 25
    kyiv = by_text(tops, "Kyiv")
    assert kyiv.descriptor is None and kyiv.place is not None and kyiv.place.kind == "city"


def test_region_lists(gaz: Gazetteer) -> None:
    text = "Drones were downed over the Bryansk, Belgorod and Kursk regions."
    tops = find_toponyms(text, [])
    for name in ("Bryansk", "Belgorod", "Kursk"):
        t = by_text(tops, name)
        assert t.precision == Precision.REGION and t.place is not None and t.place.kind == "admin1", name


def test_common_words_are_not_places(gaz: Gazetteer) -> None:
    text = (
        "Strikes hit Energy infrastructure, the Mayor said on Tuesday. The Air Force, the Defense Ministry, "
        "the Coalition of the Willing and Prime Minister Keir Starmer met British officials. "
        "Nice words, said the President. Reading the statement, he left."
    )
    tops = [t for t in find_toponyms(text, ents(text, ("Keir Starmer", "PERSON"))) if t.role != "demonym"]
    assert tops == [], [t.text for t in tops]


def test_demonyms() -> None:
    assert demonym_country("Russian") == "RU"
    assert demonym_country("Ukrainians") == "UA"
    assert demonym_country("British") == "GB"
    assert demonym_country("Slovenian") == "SI"
    assert demonym_country("Nigerian") == "NG"
    assert demonym_country("Kyiv") is None
    # irregular forms, and a country whose name looks like a plural adjective
    assert [demonym_country(w) for w in ("Peruvian", "Salvadoran", "Serb", "Irish")] == [
        "PE",
        "SV",
        "RS",
        "IE",
    ]
    assert demonym_country("Philippine") == "PH" and demonym_country("Philippines") is None


def test_village_unknown_to_the_gazetteer(gaz: Gazetteer) -> None:
    text = "Russia claimed the village of Xyzzivka in the Donetsk region."
    tops = find_toponyms(text, [])
    x = by_text(tops, "Xyzzivka")
    assert x.place is None and x.confidence == 0.0 and x.reason == "unknown name"
    assert by_text(tops, "Donetsk").place.name == "Donetsk Oblast"  # type: ignore[union-attr]


# -- districts: where the text puts them ------------------------------------------------------------


def test_seat_variants_and_raions_named_after_their_seat(gaz: Gazetteer) -> None:
    assert "millerovo" in seat_variants("millerovsky")
    assert "kamensk" in seat_variants("kamensky")
    assert seat_variants("pokrovsk") == ["pokrovsk"]
    # 'Grayvoronskiy Rayon' is what English news calls "the Grayvoron district".
    place, _conf, reason = resolve("Grayvoron district", gazetteer=gaz)
    assert place is not None and place.kind == "admin2" and place.admin1 == "Belgorod Oblast", reason
    assert km(pt(place), (50.48, 35.68)) < 25


def test_grayvoron_district_of_belgorod_oblast(gaz: Gazetteer) -> None:
    text = (
        "A Ukrainian drone struck a car near the village of Glotovo in the Grayvoron district of "
        "Belgorod Oblast"
    )
    spans = ents(
        text,
        ("Ukrainian", "NORP"),
        ("Glotovo", "GPE"),
        ("Grayvoron", "PERSON"),
        ("Belgorod Oblast", "ORG"),
    )
    tops = find_toponyms(text, spans)
    assert [t.text for t in tops if t.role != "demonym"] == ["Glotovo", "Grayvoron", "Belgorod Oblast"]
    glotovo = by_text(tops, "Glotovo")
    assert glotovo.place is None and glotovo.precision == Precision.NEAR
    gray = by_text(tops, "Grayvoron")
    assert gray.precision == Precision.DISTRICT and gray.kind_hint == "district", gray
    assert gray.place is not None and gray.place.admin1 == "Belgorod Oblast", gray.reason
    assert gray.place.kind in ("admin2", "city") and km(pt(gray.place), (50.48, 35.68)) < 25
    oblast = by_text(tops, "Belgorod Oblast")
    assert oblast.descriptor is None and oblast.precision == Precision.REGION
    assert (
        oblast.place is not None and oblast.place.kind == "admin1" and oblast.place.name == "Belgorod Oblast"
    )


def test_izmail_district_of_odesa_oblast(gaz: Gazetteer) -> None:
    text = "A Russian ballistic missile hit port infrastructure in the Izmail district of Odesa Oblast"
    tops = find_toponyms(text, ents(text, ("Russian", "NORP"), ("Izmail", "GPE")))
    t = by_text(tops, "Izmail")
    assert t.precision == Precision.DISTRICT
    # Izmail Raion is on file; without it, the town Izmail (the raion's seat), never the oblast.
    assert t.place is not None and t.place.kind in ("admin2", "city"), t.reason
    assert t.place.admin1 == "Odesa Oblast" and km(pt(t.place), (45.35, 28.84)) < 25
    assert by_text(tops, "Odesa Oblast").precision == Precision.REGION


@pytest.mark.parametrize(
    "text",
    [
        "Russian forces shelled Kherson overnight, the regional governor said. Artillery and drones hit "
        "the city's Dniprovskyi district, damaging homes.",
        "Russian forces shelled Kherson overnight. A woman was wounded in the Dniprovskyi district.",
        "Kherson's Dniprovskyi district was shelled overnight.",
        "Shells hit the Dniprovskyi district of Kherson.",
    ],
)
def test_city_district_known_only_in_another_city(gaz: Gazetteer, text: str) -> None:
    # Kyiv has a Dniprovskyi district on file, Kherson has none: the event is in Kherson.
    tops = find_toponyms(text, [])
    kherson = by_text(tops, "Kherson")
    assert kherson.place is not None and kherson.place.kind == "city"
    d = by_text(tops, "Dniprovskyi")
    assert d.precision == Precision.DISTRICT and d.place is not None, d.reason
    assert km(pt(d.place), pt(kherson.place)) < 30, (d.place, d.reason)
    assert "using" in d.reason and "Kherson" in d.reason
    assert 0.3 <= d.confidence <= 0.7


def test_the_citys_district_as_one_ner_span(gaz: Gazetteer) -> None:
    text = "Explosions were heard in Dnipro. In the city's Shevchenkivskyi district, a house burned."
    spans = ents(text, ("Dnipro", "GPE"), ("Shevchenkivskyi district", "LOC"))
    d = by_text(find_toponyms(text, spans), "Shevchenkivskyi district")
    assert d.kind_hint == "district" and d.precision == Precision.DISTRICT
    assert d.place is not None and d.place.admin1 == "Dnipropetrovsk Oblast", d.reason
    assert d.reason.startswith("Shevchenkivskyi: district not on file near Dnipro")


def test_city_district_in_the_city_named_before_stays(gaz: Gazetteer) -> None:
    text = "Russian forces shelled Kyiv overnight. A woman was wounded in the Dniprovskyi district."
    d = by_text(find_toponyms(text, []), "Dniprovskyi")
    assert d.place is not None and d.place.kind == "district" and d.place.admin1 == "Kyiv"
    assert d.confidence > 0.8


def test_far_city_district_has_low_confidence_and_near_one_wins(gaz: Gazetteer) -> None:
    kherson = next(p for p in gaz.lookup("Kherson") if p.kind == "city")
    place, conf, reason = resolve(
        "Dniprovskyi", kind_hint="district", context=ResolveContext(places=[kherson]), gazetteer=gaz
    )
    assert place is not None and place.admin1 == "Kyiv"
    assert conf < 0.5 and "km from the document's other places" in reason
    assert resolve_near("Dniprovskyi", kherson, gazetteer=gaz) is None
    # Kyivskyi: a district of Donetsk and one of Poltava; the one near the context city wins.
    donetsk = next(p for p in gaz.lookup("Donetsk") if p.kind == "city" and p.country_code == "UA")
    r = resolve_near("Kyivskyi", donetsk, gazetteer=gaz)
    assert r is not None and r.place is not None and r.place.admin1 == "Donetsk Oblast"
    place, conf, reason = resolve(
        "Kyivskyi", kind_hint="district", context=ResolveContext(places=[donetsk]), gazetteer=gaz
    )
    assert place is not None and km(pt(place), pt(donetsk)) < 30 and conf > 0.6, reason
    text = "Donetsk was shelled again. Two houses burned in the Kyivskyi district."
    d = by_text(find_toponyms(text, []), "Kyivskyi")
    assert d.place is not None and km(pt(d.place), pt(donetsk)) < 30, d.reason


def test_kamensky_district_of_rostov_oblast(gaz: Gazetteer) -> None:
    text = "Shells fell in the Kamensky district of Rostov Oblast"
    tops = find_toponyms(text, ents(text, ("Kamensky", "PERSON"), ("Rostov Oblast", "PERSON")))
    t = by_text(tops, "Kamensky")
    assert t.place is not None and t.place.admin1 == "Rostov Oblast", (t.place, t.reason)
    if t.place.kind == "admin1":
        assert t.precision == Precision.REGION
    else:
        assert t.precision == Precision.DISTRICT and fold(t.place.name).startswith("kamensk")
    # Named without its oblast, in a text about Rostov Oblast: still not Voronezh's Kamensky raion.
    text = (
        "Air defences repelled a drone attack on Rostov Oblast overnight, the governor said. "
        "In the Kamensky district, falling debris caused a fire at a fuel depot."
    )
    t = by_text(find_toponyms(text, []), "Kamensky")
    assert t.place is not None and t.place.admin1 == "Rostov Oblast", (t.place, t.reason)


def test_resolve_in_admin1_order(gaz: Gazetteer) -> None:
    def oblast(name: str) -> Place:
        return next(p for p in gaz.lookup(name) if p.kind == "admin1")

    # A unit named after the name (its adjectival form included) ...
    r = resolve_in_admin1("Millerovo", oblast("Rostov Oblast"), gazetteer=gaz)
    assert r is not None and r.place is not None and r.place.name == "Millerovsky District"
    # ... else the town of that name (no Shostka raion on file): the raion's seat ...
    r = resolve_in_admin1("Shostka", oblast("Sumy Oblast"), gazetteer=gaz)
    assert r is not None and r.place is not None and r.place.kind == "city" and r.place.name == "Shostka"
    assert "seat" in r.reason
    # ... else a place whose compound name begins with the seat form; else nothing.
    r = resolve_in_admin1("Kamensky", oblast("Rostov Oblast"), gazetteer=gaz)
    assert r is not None and r.place is not None and r.place.name == "Kamensk-Shakhtinsky"
    assert resolve_in_admin1("Grayvoron", oblast("Rostov Oblast"), gazetteer=gaz) is None


def test_district_of_oblast_with_nothing_on_file_is_the_oblast(gaz: Gazetteer) -> None:
    rostov = next(p for p in gaz.lookup("Rostov Oblast") if p.kind == "admin1")
    assert resolve_in_admin1("Xyzzyskiy", rostov, gazetteer=gaz) is None
    text = "Debris fell in the Xyzzyskiy district of Rostov Oblast."
    t = by_text(find_toponyms(text, ents(text, ("Xyzzyskiy", "GPE"))), "Xyzzyskiy")
    assert t.place is not None and t.place.name == "Rostov Oblast" and t.precision == Precision.REGION
    assert "using Rostov Oblast itself" in t.reason


def test_an_unknown_district_of_a_town_leaves_the_town_a_town(gaz: Gazetteer) -> None:
    # "district of Horlivka" after a name not on file describes that part, not a Horlivka district
    text = "Shells hit the Zhovtnevyi-Novyi district of Horlivka."
    t = by_text(find_toponyms(text, ents(text, ("Horlivka", "GPE"))), "Horlivka")
    assert t.place is not None and t.place.kind == "city" and t.place.name == "Horlivka"


def test_a_place_after_on_inside_an_organisation_span_is_a_place(gaz: Gazetteer) -> None:
    text = "A man died after a strike of the Armed Forces of Ukraine on Bryanka in the LPR."
    spans = ents(text, ("the Armed Forces of Ukraine on Bryanka", "ORG"))
    assert by_text(find_toponyms(text, spans), "Bryanka").role == "place"


def test_fastiv_district(gaz: Gazetteer) -> None:
    text = "A drone hit a house in the Fastiv district"
    t = by_text(find_toponyms(text, ents(text, ("Fastiv", "LOC"))), "Fastiv")
    assert t.precision == Precision.DISTRICT
    assert t.place is not None and t.place.admin1 == "Kyiv Oblast" and t.place.kind in ("admin2", "city")
    assert km(pt(t.place), (50.08, 29.92)) < 30


def test_list_of_districts(gaz: Gazetteer) -> None:
    text = "Air defences shot down drones over the Belgorod, Shebekino and Valuyki districts"
    spans = ents(text, ("Belgorod", "NORP"), ("Shebekino", "PERSON"), ("Valuyki", "PERSON"))
    tops = find_toponyms(text, spans)
    assert [t.text for t in tops] == ["Belgorod", "Shebekino", "Valuyki"]
    for t, where in zip(tops, [(50.60, 36.59), (50.41, 36.93), (50.20, 38.12)], strict=True):
        assert t.precision == Precision.DISTRICT and t.kind_hint == "district", t
        assert t.place is not None and t.place.admin1 == "Belgorod Oblast", t
        assert t.place.kind in ("admin2", "city") and km(pt(t.place), where) < 25, t.place
    # "Belgorod district" is the Belgorodsky raion around the city, not only the city's urban okrug.
    assert tops[0].place is not None and tops[0].place.name != "Belgorod Urban District"


@pytest.mark.parametrize(
    ("text", "spans", "name"),
    [
        ("Fighting continues in the Pokrovsk direction", [("Pokrovsk", "GPE")], "Pokrovsk"),
        (
            "Heavy fighting on the Zaporizhzhia axis and in the Kupiansk and Lyman directions.",
            [("Zaporizhzhia", "PERSON"), ("Kupiansk", "GPE"), ("Lyman", "PERSON")],
            "Lyman",
        ),
    ],
)
def test_direction_is_near(gaz: Gazetteer, text: str, spans: list[tuple[str, str]], name: str) -> None:
    tops = find_toponyms(text, ents(text, *spans))
    for t in tops:
        assert t.precision == Precision.NEAR and t.place is not None and t.place.country_code == "UA", t
    t = by_text(tops, name)
    assert t.descriptor == "direction" and t.place is not None and t.place.kind == "city"
    assert t.place.admin1 == "Donetsk Oblast"


def test_list_of_towns(gaz: Gazetteer) -> None:
    text = "Shelling hit the nearby towns of Rodynske and Myrnohrad"
    tops = find_toponyms(text, ents(text, ("Rodynske", "GPE"), ("Myrnohrad", "ORG")))
    assert [t.text for t in tops] == ["Rodynske", "Myrnohrad"]
    for t in tops:
        assert t.descriptor == "nearby town" and t.kind_hint == "town" and t.precision == Precision.TOWN
        assert t.place is not None and t.place.kind == "city" and t.place.admin1 == "Donetsk Oblast"
    # A later name of such a list is a place even when the gazetteer lacks it.
    tops = find_toponyms("Russia claimed the villages of Xyzzivka and Qwzzivka.", [])
    assert {t.text for t in tops} >= {"Xyzzivka", "Qwzzivka"}
    # "the towns of Donbas": a plural head without a list says nothing about the kind.
    t = by_text(find_toponyms("The towns of Kharkiv are dark.", []), "Kharkiv")
    assert t.kind_hint is None and t.place is not None and t.place.kind == "city"


def test_dateline(gaz: Gazetteer) -> None:
    text = "KYIV, Nov 25 (Sitrep Wire) - Russia attacked Ukraine's energy grid overnight."
    tops = find_toponyms(text, ents(text, ("Nov 25", "DATE"), ("Russia", "GPE"), ("Ukraine", "GPE")))
    kyiv = by_text(tops, "KYIV")
    assert kyiv.descriptor == "dateline" and kyiv.source == "dateline"
    assert (
        kyiv.place is not None and kyiv.place.country_code == "UA" and km(pt(kyiv.place), (50.45, 30.52)) < 25
    )


@pytest.mark.parametrize(
    ("text", "span", "cc"),
    [
        ("Drones hit the port overnight. ODESA — Ukraine's navy said a ship burned.", "ODESA", "UA"),
        ("Bodies recovered after strike. BEIRUT: Rescuers dug through the rubble on Sunday.", "BEIRUT", "LB"),
        ("By A. Reporter March 30, 2009 NEWARK -- The council met.", "NEWARK", "US"),
        ("Shelling resumes. KHARKIV, Ukraine (AP) - Sirens sounded at dawn.", "KHARKIV", "UA"),
    ],
)
def test_dateline_after_a_headline(gaz: Gazetteer, text: str, span: str, cc: str) -> None:
    t = by_text(find_toponyms(text, []), span)
    assert t.source == "dateline" and t.place is not None and t.place.country_code == cc


@pytest.mark.parametrize(
    "text", ["Talks stalled. UPDATE: the envoy left.", "Strikes went on. WATCH -- the video."]
)
def test_capitals_before_a_dash_are_no_dateline_unless_a_place(gaz: Gazetteer, text: str) -> None:
    assert find_toponyms(text, []) == []


def test_eu_is_europe_named_as_a_bloc(gaz: Gazetteer) -> None:
    text = "EU ministers met; the European Union and the E.U. envoy agreed new sanctions."
    tops = find_toponyms(text, [])
    assert [t.text for t in tops] == ["EU", "European Union", "E.U."]
    assert all(t.role == "attributive" and t.place is not None and t.place.name == "Europe" for t in tops)


def test_regional_demonyms_and_languages(gaz: Gazetteer) -> None:
    text = (
        "Central American migrants met Latin American officials. The statement, translated into French "
        "and published in English, said Russian-speaking residents fled as Russian troops advanced."
    )
    found = find_toponyms(text, [])
    places = {t.text: t.place.name if t.place else None for t in found}
    assert places["Central American"] == "Central America" and places["Latin American"] == "Latin America"
    assert "French" not in places and "English" not in places
    assert [t.start for t in found if t.text == "Russian"] == [text.index("Russian troops")]


def test_country_pairs_and_abbreviations_heading_a_body(gaz: Gazetteer) -> None:
    text = (
        "The Russia-Ukraine war strained Egyptian-US ties. The U.S. Department of Education and the "
        "U.S.-led coalition replied. Guinea-Bissau voted; the Benue-Plateau region stayed calm."
    )
    found = [(t.text, t.place.name if t.place else None, t.role) for t in find_toponyms(text, [])]
    assert ("Russia", "Russia", "attributive") in found and ("Ukraine", "Ukraine", "attributive") in found
    assert ("Egyptian", "Egypt", "demonym") in found and ("US", "United States", "attributive") in found
    assert [f for f in found if f[0] == "U.S."] == [("U.S.", "United States", "attributive")] * 2
    assert ("Guinea-Bissau", "Guinea-Bissau", "place") in found
    assert not any(f[0] in ("Benue", "Plateau") for f in found)


def test_defined_in_part_of_a_unit_is_looked_up_in_the_whole_unit(gaz: Gazetteer) -> None:
    text = "Salinas is a municipality in the southern part of Puerto Rico. The U.S. Army trains there."
    t = by_text(find_toponyms(text, []), "Salinas")
    assert t.place is not None and t.place.country_code == "PR"


def test_streets_are_placed_at_their_town(gaz: Gazetteer) -> None:
    text = (
        "A missile hit a building on Khreshchatyk Street in Kyiv, the Wall Street Journal said. "
        "Later, drones struck Shevchenko Avenue and Highway 19."
    )
    found = {t.text: t for t in find_toponyms(text, [])}
    assert "Wall Street" not in found and "Wall Street Journal" not in found
    for name in ("Khreshchatyk Street", "Shevchenko Avenue", "Highway 19"):
        street = found[name]
        assert (
            street.descriptor == "street" and street.precision == Precision.SITE and street.source == "street"
        )
        assert street.place is not None and street.place.name == "Kyiv"


def test_named_sites_are_placed_at_their_town(gaz: Gazetteer) -> None:
    text = (
        "A missile hit Okhmatdyt Children's Hospital in Kyiv; the Research Center and Paris Community "
        "Hospital were not hit, said the Dulles International Airport Authority."
    )
    found = {t.text: t for t in find_toponyms(text, [])}
    site = found["Okhmatdyt Children's Hospital"]
    assert site.descriptor == "hospital" and site.precision == Precision.SITE
    assert site.place is not None and site.place.name == "Kyiv"
    assert "Research Center" not in found and "Paris" in found
    assert not any("Airport" in name for name in found)


def test_a_site_on_file_keeps_its_own_point(gaz: Gazetteer) -> None:
    (t, *_) = find_toponyms("Explosions hit Belbek Air Base overnight.", [])
    assert t.text == "Belbek Air Base" and t.place is not None and t.place.kind == "feature"


def test_us_regions(gaz: Gazetteer) -> None:
    us = find_toponyms(
        "Storms hit the Midwest and the East Coast; New England braced for snow, the West Coast for rain.", []
    )
    assert [
        (t.text, t.place.kind if t.place else None, t.place.country_code if t.place else None) for t in us
    ] == [
        ("Midwest", "feature", "US"),
        ("East Coast", "feature", "US"),
        ("New England", "feature", "US"),
        ("West Coast", "feature", "US"),
    ]


def test_plural_demonyms_name_people_not_places(gaz: Gazetteer) -> None:
    text = "Canadians and Saudis watched as Canadian troops and Saudi jets arrived."
    assert [t.text for t in find_toponyms(text, [])] == ["Canadian", "Saudi"]


def test_a_town_named_only_as_an_attribute_still_places_a_street(gaz: Gazetteer) -> None:
    text = "Kharkiv police say a man fired a gun on Sumska Street on Tuesday."
    found = {t.text: t for t in find_toponyms(text, ents(text, ("Kharkiv", "GPE")))}
    assert found["Kharkiv"].role == "attributive"
    street = found["Sumska Street"]
    assert street.place is not None and street.place.name == "Kharkiv" and street.precision == Precision.SITE


def test_street_with_no_town_is_unresolved_with_a_reason(gaz: Gazetteer) -> None:
    (t,) = find_toponyms("Traffic was stopped on Elm Street overnight.", [])
    assert t.text == "Elm Street" and t.place is None and "no town" in t.reason


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # not the Canarian La Laguna: somewhere in the country the definition names
        ("La Laguna is a municipality in the Chalatenango department of El Salvador.", "La Laguna", "SV"),
        # "the Northeast section of": a direction, not the town North East, Pennsylvania
        ("Concordia is a district in the Northeast section of Portland, Oregon.", "Concordia", "Portland"),
        # a list of counties, capitalised: each is a county of Missouri
        ("Windsor is a city in Henry and Pettis Counties, Missouri.", "Windsor", "Windsor"),
        # "Metropolitan Borough": English words, not a misspelt Chilean region
        ("Middleton is a town in the Metropolitan Borough of Rochdale, England.", "Middleton", "GB"),
        # "Northern" begins the territory's name; it is no direction word before "Territory"
        ("Dundee is a town in the Northern Territory, Australia, south of Darwin.", "Dundee", "AU"),
        ("Bell is a rural town and locality in the Western Downs Region, Queensland.", "Bell", "AU"),
    ],
)
def test_definitions_keep_names_where_they_put_them(
    gaz: Gazetteer, text: str, name: str, expected: str
) -> None:
    t = by_text(find_toponyms(text, []), name)
    assert t.place is not None and expected in (t.place.country_code, t.place.name)
    assert t.place.country_code != "US" or t.place.admin1 in ("Oregon", "Missouri")


def test_a_defined_place_off_file_keeps_its_container_at_every_mention(gaz: Gazetteer) -> None:
    # no suburb Linton on file: the city the definition names, here and at its later mentions, rather
    # than a namesake in another country or nothing
    text = "Linton is a suburb of Palmerston North, 11 km south-west of the city. Linton has a camp."
    found = [t for t in find_toponyms(text, []) if t.text == "Linton"]
    assert len(found) == 2 and all(t.place is not None and t.place.name == "Palmerston North" for t in found)
    text = "Sion is the last locality within the city limits of Mumbai. Sion has a fort."
    assert {t.place.name for t in find_toponyms(text, []) if t.text == "Sion" and t.place} == {"Mumbai"}


def test_a_defined_village_off_file_is_placed_in_its_region(gaz: Gazetteer) -> None:
    # no Harran of Norway on file (the Turkish one is no answer): the county the definition names
    text = "Harran is a parish, a village, and a former municipality in Trøndelag county, Norway."
    t = by_text(find_toponyms(text, []), "Harran")
    assert t.place is not None and t.place.name == "Trøndelag" and t.precision == Precision.REGION


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # a capitalised legal class of town
        ("The Town of Bonanza is a Statutory Town in Saguache County, Colorado.", "Bonanza", "Saguache"),
        # a town the text puts in a county of another state than its namesake's
        ("Eureka lies in the town of Rushford, in Winnebago County, Wisconsin.", "Rushford", "Winnebago"),
        ("Wilton is a village in the unitary authority of Redcar and Cleveland.", "Wilton", "Redcar"),
        ("Madina is one of the oldest commercial suburbs of Hyderabad, India.", "Madina", "Hyderabad"),
        # the container a few words on, after a comma
        ("Trinidad is a neighborhood located in Ward 5, in the northeast quadrant of Washington, D.C.",
         "Trinidad", "Washington"),
        ("Kamari is a coastal village on the Aegean island of Santorini, Greece.", "Santorini", "Santorini"),
    ],
)  # fmt: skip
def test_definitions_name_their_container_in_many_ways(
    gaz: Gazetteer, text: str, name: str, expected: str
) -> None:
    t = by_text(find_toponyms(text, []), name)
    assert t.place is not None and t.place.name.startswith(expected), (t.place, t.reason)


def test_a_town_put_in_a_state_is_not_a_namesake_in_another(gaz: Gazetteer) -> None:
    # no Eureka of Wisconsin on file: the state, not Eureka, California; a list of states is no container
    (eureka, _) = find_toponyms("The population of Eureka, Wisconsin was 129.", [])
    assert eureka.place is not None and eureka.place.name == "Wisconsin"
    found = find_toponyms("Gunmen attacked villages in Kano, Kaduna and Zamfara states.", [])
    assert [t.place.name for t in found if t.place] == ["Kano", "Kaduna", "Zamfara"]
    # a town on file near the state it is put in (filed under its neighbour) stays the town
    (takum, _) = find_toponyms("Eight people were killed yesterday in Takum in Taraba State.", [])
    assert takum.place is not None and takum.place.name == "Takum"


def test_a_definition_after_a_town_and_its_state_is_the_towns(gaz: Gazetteer) -> None:
    # "X, Oregon is a neighborhood in Washington County": the county holds X, and X's later mentions
    text = "Eureka, Oregon is a community in Wasco County, Oregon. Most of Eureka lies by the river."
    found = [t for t in find_toponyms(text, []) if t.text == "Eureka"]
    assert len(found) == 2 and all(t.place and t.place.name == "Wasco County" for t in found)


def test_a_unit_the_text_puts_in_a_country_is_not_a_namesake_abroad(gaz: Gazetteer) -> None:
    # Lebanon's North Governorate is not on file under that name; Cameroon's North Region is no answer
    text = "Bane is a village located in the North Governorate of Lebanon."
    found = find_toponyms(text, [])
    assert {t.place.country_code for t in found if t.place} == {"LB"}


@pytest.mark.parametrize("label", ["GPE", "PERSON", "ORG", None])
def test_a_relative_named_is_a_person(gaz: Gazetteer, label: str | None) -> None:
    # Tyler (Texas), Olivia (Mauritius): a person after "his brother", "girlfriend", whatever the label
    text = "He is survived by his brother Tyler and his girlfriend, Olivia, of Dallas."
    spans = [(text.index(n), text.index(n) + len(n)) for n in ("Tyler", "Olivia")]
    ents = [] if label is None else [(s, e, label) for s, e in spans]
    assert [t.text for t in find_toponyms(text, ents)] == ["Dallas"]


def test_a_name_shown_to_be_a_persons_is_a_person_at_every_mention(gaz: Gazetteer) -> None:
    # "Petrova said" makes Petrova a person; the NER model's GPE at another mention does not
    text = "The show came from Russia, Petrova said. Petrova curated it in Moscow."
    at = text.rindex("Petrova")
    found = find_toponyms(text, [(at, at + 7, "GPE")])
    assert [t.text for t in found] == ["Russia", "Moscow"]
    # a relative or a title before a mention makes even a city of 100,000 a person at every mention
    text = "The case did not include his brother Tyler. Tyler was sentenced in Dallas to 21 years."
    at = text.index("Tyler.") + 7
    assert [t.text for t in find_toponyms(text, [(at, at + 5, "GPE")])] == ["Dallas"]
    # but a city that speaks for a government stays a place: "Moscow said"
    assert [t.text for t in find_toponyms("Moscow said the talks in Moscow would go on.", [])] == [
        "Moscow"
    ] * 2


def test_a_first_name_of_a_person_named_in_full_is_that_person(gaz: Gazetteer) -> None:
    # "Rod" is also a hamlet; "Rod Stewart ... Rod's career" names the singer twice
    text = "The show tells Rod Stewart's story. It features songs from Rod's career in London."
    at = text.index("Rod Stewart")
    found = find_toponyms(
        text, [(at, at + len("Rod Stewart"), "PERSON"), (text.rindex("Rod"), text.rindex("Rod") + 3, "GPE")]
    )
    assert [t.text for t in found] == ["London"]


def test_a_surname_is_no_county_read_without_its_generic_word(gaz: Gazetteer) -> None:
    text = "Patrick worked with the township committee on the trail."
    assert find_toponyms(text, [(0, 7, "PERSON")]) == []
    assert by_text(find_toponyms("Flooding closed roads in Patrick County.", []), "Patrick County").place


def test_a_city_body_is_no_part_of_the_citys_name(gaz: Gazetteer) -> None:
    # "Rio city" is no town's name (Río, Greece): "city councillor" is the city's body
    text = "A Rio city councillor was shot and killed on Wednesday."
    (rio,) = find_toponyms(text, [(2, 10, "GPE")])
    assert rio.text == "Rio" and rio.place is not None and rio.place.country_code == "BR"


def test_a_town_and_its_country_run_together_are_two_names(gaz: Gazetteer) -> None:
    text = "Twenty-two people were killed in Menka Cameroon on Friday."
    at = text.index("Menka")
    found = find_toponyms(text, [(at, at + len("Menka Cameroon"), "GPE")])
    assert [t.text for t in found] == ["Menka", "Cameroon"]
    text = "He flew to Papua New Guinea."
    at = text.index("Papua")
    assert [t.text for t in find_toponyms(text, [(at, len(text) - 1, "GPE")])] == ["Papua New Guinea"]


def test_a_unit_word_after_a_town_keeps_the_town_by_its_own_name(gaz: Gazetteer) -> None:
    # no Takum LGA on file: the town Takum, not Tagum (Philippines), which "Takum" once also named
    t = by_text(
        find_toponyms("A priest was killed at Kufai Amadu in Takum local government area.", []), "Takum"
    )
    assert t.place is not None and t.place.country_code == "NG"
    # "Yola South Local Government Area": half of Yola, not a place "South Local Government"
    text = "Six people were killed in Yola South Local Government Area of Adamawa State."
    found = find_toponyms(text, [])
    assert [(t.text, t.role) for t in found] == [("Yola", "place"), ("Adamawa State", "place")]


def test_a_spelling_off_file_is_the_large_town_of_the_same_consonants(gaz: Gazetteer) -> None:
    # "Al-Hodaida": Al Hudaydah (a port city), not the hamlet Hadadah; a sea named beside it is no
    # reference point for "near the document's other places"
    text = "An airstrike hit a bus in Yemen's rebel-held Red Sea port of Al-Hodaida."
    at = text.index("Al-Hodaida")
    t = by_text(find_toponyms(text, [(at, at + 10, "GPE")]), "Al-Hodaida")
    assert t.place is not None and t.place.country_code == "YE" and t.place.population > 100_000


def test_a_capital_opening_a_sentence_is_the_capital(gaz: Gazetteer) -> None:
    # "Tunis" is also an English dictionary word; a national capital opening a sentence is the city
    found = find_toponyms("Talks stalled. Tunis is increasingly reliant on Algeria.", [])
    assert [t.text for t in found] == ["Tunis", "Algeria"]


def test_a_place_span_ending_in_a_body_is_the_place_naming_it(gaz: Gazetteer) -> None:
    text = "According to St. Louis Police, two people were arrested."
    at = text.index("St. Louis")
    (t,) = find_toponyms(text, [(at, at + len("St. Louis Police"), "GPE")])
    assert (t.text, t.role) == ("St. Louis", "attributive") and t.place is not None


def test_an_unknown_name_needs_place_words_to_be_reported(gaz: Gazetteer) -> None:
    # the NER model's GPE alone does not make an unknown name a place; "in X" does (unresolved)
    text = "Dropbox first talked about the feature in Kufai Amadu."
    ents = [(0, 7, "GPE"), (text.index("Kufai"), len(text) - 1, "GPE")]
    (t,) = find_toponyms(text, ents)
    assert (t.text, t.place, t.reason) == ("Kufai Amadu", None, "unknown name")


@pytest.mark.parametrize(
    ("text", "name", "kept"),
    [
        ("Police arrested Gary Matson and Winfield Mowder on Friday.", "Winfield Mowder", False),
        ("The colt, the mount of Christophe Soumillon, won again.", "Christophe Soumillon", False),
        ("Cases were found in Lusaka and Xyzzimbo last week.", "Xyzzimbo", True),  # a list of places
        ("Dennis Lopez of Xyzzyville, Okla. came to see the plane.", "Xyzzyville", True),
        ("Swans died on the coast of Lake Xyzzow in Michigan.", "Lake Xyzzow", True),
    ],
)
def test_and_or_of_alone_do_not_make_an_unknown_name_a_place(
    gaz: Gazetteer, text: str, name: str, kept: bool
) -> None:
    at = text.index(name)
    found = find_toponyms(text, [(at, at + len(name), "GPE")])
    assert any(t.text == name and t.place is None for t in found) is kept


def test_a_suburb_the_gazetteer_lacks_is_an_unknown_place_whatever_the_ner_label(gaz: Gazetteer) -> None:
    text = "Boys train in Cairo's gated suburb of Xyzzinaty every day."
    at = text.index("Xyzzinaty")
    found = find_toponyms(text, [(at, at + len("Xyzzinaty"), "PERSON")])
    assert [(t.text, t.reason) for t in found if t.place is None] == [("Xyzzinaty", "unknown name")]


def test_a_small_town_its_county_vouches_for_is_a_place(gaz: Gazetteer) -> None:
    # "Silverstone" alone is too small to be taken for a place in a capitalised scan; ", Northamptonshire"
    # (the unit it lies in) makes it one
    found = find_toponyms("15/16 September: Silverstone, Northamptonshire. Tickets are on sale.", [])
    assert [t.text for t in found] == ["Silverstone", "Northamptonshire"]
    assert found[0].place is not None and found[0].place.country_code == "GB"


def test_a_name_on_file_with_a_possessive_inside_is_one_name(gaz: Gazetteer) -> None:
    found = find_toponyms("Trains run to Bishop's Stortford and King's Lynn from London.", [])
    assert [t.text for t in found] == ["Bishop's Stortford", "King's Lynn", "London"]


@pytest.mark.parametrize(
    "text",
    [
        "Ratings come from the FSA and the council.",  # Fasā only by an alternate name
        "Rob Austin runs a HMS Racing-prepared car.",  # Homs
        "He would not make the starting XI this week.",  # Region XI
    ],
)
def test_an_acronym_that_matches_a_place_only_by_an_alternate_name_is_no_place(
    gaz: Gazetteer, text: str
) -> None:
    acronym = next(w for w in text.split() if w.isupper() and len(w) > 1)
    at = text.index(acronym)
    assert find_toponyms(text, [(at, at + len(acronym), "ORG")]) == []


def test_capitals_that_spell_a_big_place_stay_a_place(gaz: Gazetteer) -> None:
    text = "He moved to NYC last year."
    at = text.index("NYC")
    (t,) = find_toponyms(text, [(at, at + 3, "GPE")])
    assert t.place is not None and t.place.country_code == "US"


@pytest.mark.parametrize(
    "text",
    [
        "The new British Touring Car season starts tomorrow.",  # "CAR", the Central African Republic
        "The NASDAQ, Nikkei and Hang Seng each lost 2.8 per cent.",  # Hangzhou by an alternate name
        "Free People of Color owned houses there.",  # Free State by its stem
    ],
)
def test_an_english_word_that_is_a_place_only_by_another_name_is_no_place(gaz: Gazetteer, text: str) -> None:
    assert all(t.place is None or t.place.country_code == "GB" for t in find_toponyms(text, []))


def test_a_former_name_listed_as_an_english_noun_stays_a_place(gaz: Gazetteer) -> None:
    (t,) = find_toponyms("At least one killed as Kiev troops launch an attack.", [])
    assert t.place is not None and t.place.name == "Kyiv"


def test_a_country_after_its_state_stays_the_country(gaz: Gazetteer) -> None:
    # "New South Wales, Australia": the country is no town spelt like it inside the state (Austral)
    found = find_toponyms(
        "Wilton is a small town of New South Wales, Australia, in the Wollondilly Shire.", []
    )
    country = next(t for t in found if t.text == "Australia")
    assert country.place is not None and country.place.kind == "country"


def test_a_defined_place_off_file_lies_at_the_offset_its_definition_gives(gaz: Gazetteer) -> None:
    text = (
        "Xyzzydee is a town in the Northern Territory, Australia, located approximately 125 km (78 mi) "
        "southwest of Darwin on a peninsula. Xyzzydee has a beach."
    )
    ents = [(m.start(), m.end(), "GPE") for m in re.finditer("Xyzzydee", text)]
    first, *_, last = find_toponyms(text, ents)
    for t in (first, last):
        assert t.text == "Xyzzydee" and t.place is not None and t.place.name == "Darwin"
        assert (t.offset_km, t.bearing, t.precision) == (125.0, "southwest", Precision.NEAR)


@pytest.mark.parametrize(
    ("former", "today"),
    [
        ("Nord-Trøndelag", "Trøndelag"),
        ("Hordaland", "Vestland"),
        ("Picardy", "Hauts-de-France"),
        ("Dnipro Oblast", "Dnipropetrovsk Oblast"),
    ],
)
def test_a_former_first_level_unit_is_the_unit_it_was_merged_into(
    gaz: Gazetteer, former: str, today: str
) -> None:
    assert any(p.kind == "admin1" and p.name == today for p in gaz.lookup(former))


@pytest.mark.parametrize(
    ("former", "country", "successor"),
    [
        ("Katanga", "CD", "Haut-Katanga"),
        ("Western Kasai", "CD", "Kasai Central"),
        ("Province Orientale", "CD", "Ituri"),
        ("Nyanza Province", "KE", "Kisumu"),
        ("Rift Valley", "KE", "Nakuru"),
        ("SNNPR", "ET", "Sidama"),
    ],
)
def test_a_former_unit_split_among_todays_is_a_region_over_them(
    gaz: Gazetteer, former: str, country: str, successor: str
) -> None:
    place, _conf, _why = resolve(former, gazetteer=gaz)
    assert place is not None and place.country_code == country and place.feature_code == "RGN"
    part = next(p for p in gaz.lookup(successor) if p.kind == "admin1" and p.country_code == country)
    assert km(pt(place), pt(part)) < 400


def test_a_former_unit_in_its_country_is_found_in_text() -> None:
    text = "Mai-Mai militiamen attacked two villages in Katanga province, killing six people."
    place = next(
        t.place for t in find_toponyms(text, ents(text, ("Katanga", "GPE"))) if t.text.startswith("Katanga")
    )
    assert place is not None and place.country_code == "CD"


def test_a_defined_place_abroad_stays_in_the_unit_its_definition_names(gaz: Gazetteer) -> None:
    # Harran is a Turkish town; the Norwegian village is not on file. A later "Nordland" (another
    # county) must not take it from the county its definition names.
    text = (
        "Harran is a parish and a former municipality in Nord-Trøndelag county, Norway. "
        "The village lies along the Nordland Line railway, and trains run on to Nordland."
    )
    first = find_toponyms(text, [(0, 6, "GPE")])[0]
    assert first.text == "Harran" and first.place is not None and first.place.name == "Trøndelag"


def test_a_defined_place_off_file_lies_near_the_town_the_next_sentence_names(gaz: Gazetteer) -> None:
    text = "Xyzzoma is a village in Zambia. It is a short way south of Itezhi-Tezhi."
    t = find_toponyms(text, [(0, 7, "GPE")])[0]
    assert t.text == "Xyzzoma" and t.place is not None and t.place.name == "Itezhi-Tezhi"
    assert (t.bearing, t.precision) == ("south", Precision.NEAR)


def test_the_bare_name_of_a_defined_township_is_that_township(gaz: Gazetteer) -> None:
    text = (
        "Sanyi Township is a rural township in southern Miaoli County, Taiwan. "
        "Sanyi is known for its wood carving."
    )
    found = find_toponyms(text, [(0, 14, "GPE"), (text.rindex("Sanyi"), text.rindex("Sanyi") + 5, "GPE")])
    township, bare = found[0], found[-1]
    assert bare.text == "Sanyi" and bare.place is not None and bare.place == township.place
    assert bare.place.country_code == "TW"  # not Sanyi, China


def test_a_place_defined_as_part_of_a_greater_city_is_in_that_city(gaz: Gazetteer) -> None:
    # Monte Grande, Argentina is not on file; its namesakes lie in Mexico
    text = (
        "Monte Grande is a city which forms part of the urban agglomeration of Greater Buenos Aires. "
        "Monte Grande grew around its forests."
    )
    found = find_toponyms(text, [(0, 12, "GPE")])
    assert [t.place.name for t in found if t.text == "Monte Grande" and t.place] == ["Buenos Aires"] * 2
    assert found[0].precision == Precision.NEAR  # somewhere near the city, not the city itself


def test_a_defined_place_off_file_takes_the_finest_unit_its_definition_names(gaz: Gazetteer) -> None:
    text = (
        "Xyzton is a small town of New South Wales, Australia in the Wollondilly Shire. Xyzton has a school."
    )
    ents = [(m.start(), m.end(), "GPE") for m in re.finditer("Xyzton", text)]
    found = [t for t in find_toponyms(text, ents) if t.text == "Xyzton"]
    assert [(t.place.name if t.place else None, t.precision) for t in found] == [
        ("Wollondilly", Precision.DISTRICT)
    ] * 2


def test_a_region_of_a_state_not_on_file_is_no_town_of_its_name_elsewhere(gaz: Gazetteer) -> None:
    # "Macarthur Region" is no region on file; the town Macarthur lies in the Capital Territory
    found = find_toponyms("Bargo is a town of the Macarthur Region of New South Wales, Australia.", [])
    region = next(t for t in found if t.text == "Macarthur Region")
    assert region.place is not None and region.place.name == "New South Wales"


def test_a_definition_may_put_a_place_in_the_south_of_another(gaz: Gazetteer) -> None:
    # "X, Zambia is ... in the south of Kafue National Park": the definition is X's (after "X,
    # Country"), and the town its next sentence measures from places it, not the town Kafue
    text = (
        "Xyzzoma, Zambia is the only settlement in the south of Kafue National Park. "
        "It is a short way south of Itezhi-Tezhi Dam. Xyzzoma is the home of the Ila people."
    )
    ents = [(m.start(), m.end(), "GPE") for m in re.finditer("Xyzzoma", text)]
    found = [t for t in find_toponyms(text, ents) if t.text == "Xyzzoma"]
    assert [t.place.name if t.place else None for t in found] == ["Itezhi-Tezhi"] * 2


def test_a_later_mention_of_a_stand_in_keeps_its_precision(gaz: Gazetteer) -> None:
    text = "Monte Grande is a city in the suburbs of Greater Buenos Aires. Monte Grande has a school."
    ents = [(m.start(), m.end(), "GPE") for m in re.finditer("Monte Grande", text)]
    found = [t for t in find_toponyms(text, ents) if t.text == "Monte Grande"]
    assert [(t.place.name if t.place else None, t.precision) for t in found] == [
        ("Buenos Aires", Precision.NEAR)
    ] * 2


def test_an_english_word_beginning_a_name_is_no_stem_of_a_nickname(gaz: Gazetteer) -> None:
    # "Golden" is the stem of "Golden State" (California); in "the Golden Horn" it is no place
    found = find_toponyms("Galata lies on the northern shore of the Golden Horn in Istanbul.", [])
    assert all(t.place is None or t.place.country_code != "US" for t in found)


def test_a_container_off_file_passes_on_to_its_own(gaz: Gazetteer) -> None:
    # "the borough of Xyzzoglu" is not on file: the quarter is in Istanbul, not at a namesake abroad
    text = (
        "Galata lies opposite Istanbul, Turkey. "
        "Galata is a quarter within the borough of Xyzzoglu in Istanbul."
    )
    ents = [(m.start(), m.end(), "GPE") for m in re.finditer("Galata|Xyzzoglu", text)]
    found = [t for t in find_toponyms(text, ents) if t.text == "Galata"]
    assert [t.place.name if t.place else None for t in found][-1] == "Istanbul"


def test_a_country_abbreviation_before_a_dollar_sign_is_a_currency(gaz: Gazetteer) -> None:
    found = find_toponyms("It rejected a grant of 3 million euros (US$3.7m). The US army helped.", [])
    assert [t.text for t in found] == ["US"] and found[0].start > 50  # the army's US only


def test_a_body_on_the_stop_list_is_no_place_whatever_the_ner_label(gaz: Gazetteer) -> None:
    text = "Clinton said she has no intention of talking to Hamas."  # Hamm, Germany, by an old name
    at = text.index("Hamas")
    assert find_toponyms(text, [(at, at + 5, "ORG")]) == []


def test_of_the_is_not_enough_for_an_english_word_read_by_another_name(gaz: Gazetteer) -> None:
    # "Human" is an alternate name of Uman; "of the" before it does not make it a place
    text = "She was promoted to Assistant Vice President of the Human Resources Department."
    assert find_toponyms(text, []) == []


def test_a_city_by_its_own_name_beats_a_country_by_an_old_spelling(gaz: Gazetteer) -> None:
    (t,) = find_toponyms("A Russian missile struck a residential building in Uman overnight.", [])[1:]
    assert t.text == "Uman" and t.place is not None and t.place.country_code == "UA"  # not Oman


def test_in_a_persons_honour_is_no_placement(gaz: Gazetteer) -> None:
    text = "Who would have wanted Matthew D. Flores dead? A tree was planted in Flores' honor. Flores was 26."
    ents = [(m.start(), m.end(), "PERSON") for m in re.finditer(r"(?:Matthew D\. )?Flores", text)]
    assert find_toponyms(text, ents) == []  # not Flores, Guatemala


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Bush administration said the missiles were needed.", "Bush"),  # not Būsh, Egypt
        ("It came in the waning days of the Obama administration.", "Obama"),  # not Obama, Japan
    ],
)
def test_a_leaders_administration_is_no_place(gaz: Gazetteer, text: str, name: str) -> None:
    at = text.index(name)
    assert find_toponyms(text, [(at, at + len(name), "PERSON")]) == []


def test_a_capitals_administration_stays_the_capital(gaz: Gazetteer) -> None:
    text = "The Kyiv administration said power was restored."
    (t,) = find_toponyms(text, [(4, 8, "PERSON")])
    assert t.place is not None and t.place.name == "Kyiv"


def test_initials_of_a_place_named_in_full_are_that_place(gaz: Gazetteer) -> None:
    text = (
        "Mining affects millions of South Africans. T&T officials met; SA holds the reserves, "
        "said the Trinidad and Tobago minister."
    )
    found = {t.text: t.place.name for t in find_toponyms(text, []) if t.place is not None}
    assert found["SA"] == "South Africa" and found["T&T"] == "Trinidad and Tobago"


def test_initials_alone_are_no_place(gaz: Gazetteer) -> None:
    # neither South Africa nor Saudi Arabia is written out: "SA" stays nothing
    assert [t.text for t in find_toponyms("SA holds unparalleled reserves of platinum.", [])] == []


def test_article_is_not_part_of_the_name(gaz: Gazetteer) -> None:
    text = "Explosions in Odesa. The Prymorskyi district of Odesa was hit."
    tops = find_toponyms(text, [])
    t = by_text(tops, "Prymorskyi")
    assert t.place is not None and t.place.admin1 == "Odesa Oblast" and t.precision == Precision.DISTRICT
    assert by_text(find_toponyms("Talks in The Hague ended.", []), "The Hague").place is not None


# -- with the spaCy model --------------------------------------------------------------------------

REFERENCE = [
    (
        "a “massive” Ukrainian drone attack struck the Krasnodar border region",
        "Krasnodar",
        "RU",
        Precision.REGION,
    ),
    ("Explosions were reported in strikes in the port city of Taganrog.", "Taganrog", "RU", Precision.TOWN),
    ("Air defences shot down 10 drones en route to Moscow, the mayor said.", "Moscow", "RU", Precision.NEAR),
    ("Kyiv was hit by overnight Russian drone and missile strikes.", "Kyiv", "UA", Precision.TOWN),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "name", "cc", "precision"), REFERENCE)
def test_geoparse_reference(gaz: Gazetteer, text: str, name: str, cc: str, precision: Precision) -> None:
    from sitrep.geo.geoparse import geoparse

    t = by_text(geoparse(text), name)
    assert t.place is not None and t.place.country_code == cc and t.precision == precision


@pytest.mark.slow
def test_geoparse_document(gaz: Gazetteer) -> None:
    from sitrep.geo.geoparse import geoparse

    text = (
        "Kyiv was hit by overnight Russian drone and missile strikes, officials said. A building in the "
        "central Pechersk district was being evacuated. Tymur Tkachenko, head of Kyiv’s military "
        "administration, said two people were injured. Moscow called it a response to the Kyiv regime’s "
        "attacks. Ukraine’s Air Force said 36 drones were downed. Talks in Geneva were attended by US, "
        "Ukrainian and European officials. Russian forces crossed the Dnipro River near Kherson."
    )
    t0 = time.perf_counter()
    tops = geoparse(text)
    print(f"\ngeoparse: {1000 * (time.perf_counter() - t0):.0f} ms for {len(text)} characters")
    roles = {(t.text, t.start): t.role for t in tops}
    kyivs = [t for t in tops if t.text == "Kyiv"]
    assert [t.role for t in kyivs] == ["place", "attributive", "attributive"], roles
    pech = by_text(tops, "Pechersk")
    assert pech.place is not None and pech.place.admin1 == "Kyiv" and pech.precision == Precision.DISTRICT
    assert by_text(tops, "Ukraine").role == "attributive"
    assert by_text(tops, "Geneva").place.country_code == "CH"  # type: ignore[union-attr]
    river = next(t for t in tops if t.text.startswith("Dnipro"))
    assert river.place is not None and river.place.feature_code == "STM"  # the river, not the city
    assert by_text(tops, "Kherson").precision == Precision.NEAR


DISTRICT_REFERENCE = [
    (
        "A Ukrainian drone struck a car near the village of Glotovo in the Grayvoron district of "
        "Belgorod Oblast",
        "Grayvoron",
        "Belgorod Oblast",
    ),
    (
        "A Russian ballistic missile hit port infrastructure in the Izmail district of Odesa Oblast",
        "Izmail",
        "Odesa Oblast",
    ),
    ("Shells fell in the Kamensky district of Rostov Oblast", "Kamensky", "Rostov Oblast"),
    (
        "Air defences shot down drones over the Belgorod, Shebekino and Valuyki districts",
        "Shebekino",
        "Belgorod Oblast",
    ),
    (
        "Russian forces shelled Kherson overnight. Artillery and drones hit the city's Dniprovskyi district.",
        "Dniprovskyi",
        "Kherson Oblast",
    ),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "name", "admin1"), DISTRICT_REFERENCE)
def test_geoparse_districts(gaz: Gazetteer, text: str, name: str, admin1: str) -> None:
    from sitrep.geo.geoparse import geoparse

    t = by_text(geoparse(text), name)
    assert t.place is not None and t.place.admin1 == admin1, (t.place, t.reason)
    assert t.precision == Precision.DISTRICT


# -- document countries, spelling variants, parts and containers -------------------------------------


def test_loose_skeleton() -> None:
    assert loose(fold("Konar province")) == loose(fold("Kunar")) == "knr"
    assert loose(fold("Al-Hodaida")) == loose(fold("Al Ḩudaydah")) == "hdd"
    assert loose(fold("Bulo Burde")) == loose(fold("Buulobarde"))
    assert loose(fold("Киев")) == ""  # Latin keys only


def test_generic_phrases() -> None:
    assert strip_generic("keana local government area") == ("keana", "lga")
    assert strip_generic("gambela regional state") == ("gambela", "state")


def test_region_of_units_sharing_a_name(gaz: Gazetteer) -> None:
    place, _conf, _why = resolve("Darfur", gazetteer=gaz)
    assert place is not None and place.country_code == "SD" and place.feature_code == "RGN"
    north, _c, _w = resolve("North Darfur", gazetteer=gaz)
    assert north is not None and north.feature_code == "ADM1" and km(pt(place), pt(north)) < 500


def test_congo_and_city_suffix(gaz: Gazetteer) -> None:
    congo, _c, _w = resolve("Congo", gazetteer=gaz)
    assert congo is not None and congo.country_code == "CD"
    rep, _c, _w = resolve("Republic of Congo", gazetteer=gaz)
    assert rep is not None and rep.country_code == "CG"
    car, _c, _w = resolve("Central African Republic", gazetteer=gaz)
    assert car is not None and car.kind == "country"
    gaza, _c, _w = resolve("Gaza City", gazetteer=gaz)
    assert gaza is not None and gaza.country_code == "PS"
    mosul, _c, _w = resolve("Mosul City", gazetteer=gaz)
    assert mosul is not None and mosul.kind == "city" and mosul.country_code == "IQ"


def test_admin1_spelt_another_way(gaz: Gazetteer) -> None:
    text = "Officials in Konar province and in the north of Konduz Province reported the attacks."
    tops = find_toponyms(text, ents(text, ("Konar province", "GPE"), ("Konduz Province", "GPE")))
    for name, expected in (("Konar province", "Kunar"), ("Konduz Province", "Kunduz")):
        t = by_text(tops, name)
        assert t.place is not None and t.place.country_code == "AF" and t.place.kind == "admin1", t
        assert t.place.name == expected and t.precision == Precision.REGION


def test_town_inside_the_region_the_text_names(gaz: Gazetteer) -> None:
    text = "Mortars hit Asadabad, the capital of Konar province, on Monday."
    tops = find_toponyms(text, ents(text, ("Asadabad", "GPE"), ("Konar province", "GPE")))
    t = by_text(tops, "Asadabad")
    assert t.place is not None and t.place.country_code == "AF" and t.place.kind == "city"
    text = "An activist was shot dead near her home in La Esperanza, Honduras."
    t = by_text(find_toponyms(text, ents(text, ("La Esperanza", "GPE"), ("Honduras", "GPE"))), "La Esperanza")
    assert t.place is not None and t.place.country_code == "HN"


def test_local_government_area(gaz: Gazetteer) -> None:
    text = "Bandits killed six farmers in Shiroro Local Government Area of Niger State on Sunday."
    tops = find_toponyms(text, [])
    lga = by_text(tops, "Shiroro Local Government Area")
    assert lga.role == "place" and lga.kind_hint == "admin2"
    assert lga.place is not None and lga.place.country_code == "NG" and lga.precision == Precision.DISTRICT
    state = by_text(tops, "Niger State")
    assert state.place is not None and state.place.country_code == "NG" and state.place.kind == "admin1"
    text = "Gunmen raided the state of Nuevo Leon overnight."
    t = by_text(find_toponyms(text, ents(text, ("Nuevo Leon", "PERSON"))), "Nuevo Leon")
    assert t.kind_hint == "admin1" and t.place is not None and t.place.country_code == "MX"


def test_namesake_at_home_beats_a_larger_one_abroad(gaz: Gazetteer) -> None:
    # Rann is the Slovenian town Brezice's German name, and a Nigerian town of no recorded size.
    text = "Militants raided the town of Rann in Borno State, killing seven."
    t = by_text(find_toponyms(text, ents(text, ("Rann", "GPE"), ("Borno State", "GPE"))), "Rann")
    assert t.place is not None and t.place.country_code == "NG"


def test_small_namesake_abroad_gives_way_to_the_region_named(gaz: Gazetteer) -> None:
    text = "Ten people died when raiders attacked Hamar village in East Darfur."
    tops = find_toponyms(text, ents(text, ("Hamar", "GPE"), ("East Darfur", "GPE")))
    t = by_text(tops, "Hamar")
    assert t.place is not None and t.place.country_code == "SD" and t.precision == Precision.REGION
    assert "outside the document's countries" in t.reason


def test_actor_demonyms_do_not_make_a_home_country(gaz: Gazetteer) -> None:
    text = "Russians shelled Bakhmut overnight."
    t = by_text(find_toponyms(text, ents(text, ("Russians", "NORP"), ("Bakhmut", "GPE"))), "Bakhmut")
    assert t.place is not None and t.place.country_code == "UA"


def test_a_longer_name_is_not_its_known_first_word(gaz: Gazetteer) -> None:
    text = "A bomb went off in Bulo Burde town in Hiiraan region."
    tops = find_toponyms(text, [])
    assert not any(t.text == "Bulo" for t in tops)
    t = by_text(tops, "Bulo Burde")
    assert t.place is not None and t.place.country_code == "SO"
    text = "Riots broke out in the Topo Chico prison in Monterrey."
    tops = find_toponyms(text, ents(text, ("Topo Chico", "GPE"), ("Monterrey", "GPE")))
    assert not any(t.place is not None and t.place.country_code != "MX" for t in tops)


def test_part_of_a_country(gaz: Gazetteer) -> None:
    text = "Insurgents killed nine traders in northeast Nigeria."
    t = by_text(find_toponyms(text, ents(text, ("Nigeria", "GPE"))), "Nigeria")
    nigeria = gaz.country("NG")
    # The name names Nigeria (with its GeoNames id); the phrase names a part of it, at its own point.
    assert t.part == "northeast" and t.place == nigeria and t.area is not None
    assert t.area.name == "northeastern Nigeria" and t.area.country_code == "NG"
    assert nigeria is not None and t.area.lat > nigeria.lat + 1 and t.area.lon > nigeria.lon + 1
    assert t.precision == Precision.COUNTRY and t.narrowed().place == t.area
    text = "A roadside bomb killed five in southern Helmand province."
    t = by_text(find_toponyms(text, ents(text, ("Helmand province", "GPE"))), "Helmand province")
    assert t.part is None and t.place is not None and t.place.kind == "admin1"
    text = "Gunmen attacked a village in Cameroon's northern border region."
    t = by_text(find_toponyms(text, ents(text, ("Cameroon", "GPE"))), "Cameroon")
    assert t.part == "north" and t.role == "place" and t.area is not None and t.area.lat > 8
    assert t.place is not None and t.place.kind == "country"


def test_capital_of_a_country_named_by_possessive(gaz: Gazetteer) -> None:
    text = "Two car bombs exploded in Somalia's capital on Sunday."
    t = by_text(find_toponyms(text, ents(text, ("Somalia", "GPE"))), "capital")
    assert t.place is not None and t.place.name == "Mogadishu" and t.precision == Precision.TOWN


def test_offset_reaches_the_toponym(gaz: Gazetteer) -> None:
    text = "Rebels attacked a camp some 12 kilometres (7 miles) north of Goma."
    t = by_text(find_toponyms(text, ents(text, ("Goma", "GPE"))), "Goma")
    assert t.offset_km == 12.0 and t.bearing == "north" and t.precision == Precision.NEAR
    assert t.place is not None
    lat, lon = offset_point(t.place.lat, t.place.lon, t.offset_km, t.bearing)  # type: ignore[misc]
    assert abs(km((lat, lon), pt(t.place)) - 12.0) < 0.1 and lat > t.place.lat
    assert offset_point(50.0, 30.0, 10.0, "sideways") is None
    text = "Militiamen killed 12 villagers 10 kilometres southeast of Nyala."
    t = by_text(find_toponyms(text, ents(text, ("Nyala", "PERSON"))), "Nyala")
    assert t.offset_km == 10.0 and t.bearing == "southeast" and t.place is not None


def test_headline_source_is_attributive(gaz: Gazetteer) -> None:
    text = "Two soldiers killed in fighting near Sloviansk: Kyiv\nShelling resumes"
    tops = find_toponyms(text, ents(text, ("Sloviansk", "GPE"), ("Kyiv", "GPE")))
    assert by_text(tops, "Kyiv").role == "attributive" and by_text(tops, "Sloviansk").role == "place"


def test_unit_around_a_placed_town_is_a_container(gaz: Gazetteer) -> None:
    text = "Insurgents killed nine farmers around Gudumbali in Guzamala local government area."
    tops = find_toponyms(text, ents(text, ("Gudumbali", "NORP"), ("Guzamala", "GPE")))
    town, lga = by_text(tops, "Gudumbali"), by_text(tops, "Guzamala")
    assert town.role == "place" and town.place is not None and town.place.country_code == "NG"
    assert lga.role == "container" and lga.place is not None and lga.place.kind == "admin2"
    text = "Gunmen attacked Kanoma community in Maru Local Government Area."  # Kanoma unknown: Maru stays
    lga = by_text(find_toponyms(text, []), "Maru Local Government Area")
    assert lga.role == "place" and lga.place is not None and lga.place.country_code == "NG"


def test_a_river_missing_from_the_feature_list_is_not_a_town(gaz: Gazetteer) -> None:
    text = "Two boys drowned in the Kishwaukee River on Sunday."
    tops = find_toponyms(text, ents(text, ("the Kishwaukee River", "LOC")))
    river = next(t for t in tops if t.text.startswith("Kishwaukee"))
    assert river.place is None and river.reason == "no gazetteer entry for rivers"


@pytest.mark.parametrize(
    ("text", "span", "name", "code"),
    [
        ("Drones flew over the Black Sea overnight.", "Black Sea", "Black Sea", "SEA"),
        ("A tanker was hit in the Sea of Azov.", "Sea of Azov", "Sea of Azov", "SEA"),
        ("Fishermen fled clashes around Lake Chad.", "Lake Chad", "Lake Chad", "LK"),
        ("Shelling continued across the Donbas on Monday.", "Donbas", "Donbas", "RGN"),
        ("Houthi forces fired at a ship in the Gulf of Aden.", "Gulf of Aden", "Gulf of Aden", "GULF"),
        ("Tensions rose again in the Middle East.", "Middle East", "Middle East", "RGN"),
        ("A ship was hit in the Bab el-Mandeb strait.", "Bab el-Mandeb strait", "Bab el-Mandeb", "STRT"),
        ("The virus spread across Latin America.", "Latin America", "Latin America", "RGN"),
        (
            "The water level of the Kakhovka reservoir fell.",
            "Kakhovka reservoir",
            "Kakhovka Reservoir",
            "RSV",
        ),
    ],
)
def test_natural_features_and_regions(gaz: Gazetteer, text: str, span: str, name: str, code: str) -> None:
    """Seas, lakes, reservoirs and named regions come from features.tsv, as regions, never as a town or
    hamlet of the same name ("Middle East", Pennsylvania) or as a country ("Latin America")."""
    from sitrep.geo.geoparse import geoparse

    t = by_text(geoparse(text), span)
    assert t.place is not None and t.place.name == name and t.place.feature_code == code
    assert t.place.kind == "feature" and t.precision == Precision.REGION


def test_feature_list_is_well_formed() -> None:
    """Every row of features.tsv has a code, a point on the globe and known country codes."""
    from sitrep.geo.build import FEATURES_FILE

    rows = [
        ln.split("\t") for ln in FEATURES_FILE.read_text(encoding="utf-8").splitlines() if ln and ln[0] != "#"
    ]
    assert len(rows) >= 80
    names = [r[0] for r in rows]
    assert len(names) == len(set(names))
    for row in rows:
        assert len(row) >= 4 and row[1].isupper(), row
        assert -90 <= float(row[2]) <= 90 and -180 <= float(row[3]) <= 180, row
        for code in row[4].split(",") if len(row) > 4 and row[4] else []:
            assert len(code) == 2 and code.isupper(), row


@pytest.mark.parametrize(
    ("text", "span", "name"),
    [
        (
            "Shelling hit the Zaporizhzhia nuclear power plant again.",
            "Zaporizhzhia nuclear power plant",
            "Zaporizhzhia Nuclear Power Plant",
        ),
        (
            "The Zaporizhia NPP lost its last power line.",
            "Zaporizhia NPP",
            "Zaporizhzhia Nuclear Power Plant",
        ),
        ("Drones attacked Belbek airfield overnight.", "Belbek airfield", "Belbek Air Base"),
        ("Russian troops blew up the Kakhovka dam.", "Kakhovka dam", "Kakhovka Hydroelectric Power Plant"),
        ("Traffic on the Crimean Bridge was halted.", "Crimean Bridge", "Crimean Bridge"),
    ],
)
def test_named_sites_are_the_site_not_near_the_town(gaz: Gazetteer, text: str, span: str, name: str) -> None:
    """A plant, dam, bridge or airfield of the feature list is located at itself (precision site), not
    "near" the town whose name it carries (the Zaporizhzhia plant is at Enerhodar, 50 km away); the
    span names the site, generic words included."""
    from sitrep.geo.geoparse import geoparse

    t = by_text(geoparse(text), span)
    assert t.place is not None and t.place.name == name and t.precision == Precision.SITE


def test_a_city_named_x_city_names_no_unit_x() -> None:
    # "New York City" is the city: the state it shares a stem with is not a unit the text names, so
    # it does not pull "Boston" to the village of Boston, New York.
    text = "David Unsworth is a Boston native. He received degrees from New York City."
    tops = find_toponyms(text, ents(text, ("Boston", "GPE"), ("New York City", "GPE")))
    boston = by_text(tops, "Boston")
    assert boston.place is not None and boston.place.admin1 == "Massachusetts"


def test_units_given_by_example_are_units() -> None:
    text = (
        "Tech firms have had little success luring jobs from western states such as California or Washington."
    )
    tops = find_toponyms(text, ents(text, ("California", "GPE"), ("Washington", "GPE")))
    washington = by_text(tops, "Washington")
    assert washington.place is not None and washington.place.kind == "admin1"
    assert washington.place.name == "Washington"


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("The Kharkiv Municipal Council met on Tuesday.", "Kharkiv", "city"),
        ("Developers appealed to the Ontario Municipal Board in Toronto.", "Ontario", "admin1"),
    ],
)
def test_municipal_before_a_body_is_no_part_of_the_name(text: str, name: str, kind: str) -> None:
    found = {t.text: t for t in find_toponyms(text, [])}
    assert not any("Municipal" in span for span in found)
    assert found[name].place is not None and found[name].place.kind == kind


def test_a_regional_body_named_after_its_seat_names_the_region() -> None:
    text = "Kharkiv Regional Military Administration head Oleh Syniehubov said two people were injured."
    (t,) = [t for t in find_toponyms(text, []) if t.text == "Kharkiv"]
    assert t.role == "attributive" and t.place is not None
    assert t.place.kind == "admin1" and t.place.country_code == "UA"


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen in a white Toyota Hilux attacked a checkpoint near Gao.",
        "Militants riding Toyota pickups stormed the town of Menaka.",
        "Drones destroyed two Ural trucks near Bakhmut.",
        "Police stopped a 2001 Cadillac near the intersection in Gao.",
    ],
)
def test_a_vehicle_make_is_no_place(text: str) -> None:
    # the small model tags these makes ORG, GPE or nothing
    makes = [m for m in ("Toyota", "Ural", "Cadillac") if m in text]
    names = {t.text for t in find_toponyms(text, ents(text, *((m, "GPE") for m in makes)))}
    assert not names & {"Toyota", "Ural", "Cadillac"}


def test_a_make_that_names_a_place_stays_a_place() -> None:
    text = "Protesters gathered in Lincoln Park and in Dodge City; a Toyota plant opened in Toyota, Japan."
    found = {t.text: t for t in find_toponyms(text, ents(text, ("Toyota", "GPE")))}
    assert "Lincoln Park" in found and "Dodge City" in found
    assert found["Toyota"].place is not None and found["Toyota"].place.country_code == "JP"


def test_weapon_systems_in_a_war_report_are_no_places() -> None:
    text = "A Buk system and an Osa were destroyed near Bakhmut by a Lancet drone; a Pantsir was hit too."
    spans = ents(text, ("Osa", "FAC"), ("Pantsir", "LOC"), ("Bakhmut", "LOC"))
    assert {t.text for t in find_toponyms(text, spans)} == {"Bakhmut"}
    # a place word still puts one on the map
    text = "Drones hit an oil depot in the town of Osa, in Perm Krai, officials said."
    found = {t.text: t for t in find_toponyms(text, ents(text, ("Osa", "GPE")))}
    assert found["Osa"].place is not None and found["Osa"].place.country_code == "RU"


def test_a_city_known_by_its_english_spelling_survives_a_round_up_of_other_wars() -> None:
    # The document's countries are Sudan, Burkina Faso and Myanmar; Khan Younis (Khān Yūnis on file)
    # is the only place of that name and is kept, not swapped for a unit of another story.
    text = (
        "The Rapid Support Forces shelled El Fasher in North Darfur, killing 20 people. Israeli strikes on "
        "Khan Younis killed 35. JNIM attacked an army post in Djibo, Burkina Faso. The Arakan Army seized "
        "Maungdaw township in Rakhine State."
    )
    spans = ents(text, ("El Fasher", "GPE"), ("North Darfur", "GPE"), ("Khan Younis", "PERSON"))
    khan = by_text(find_toponyms(text, spans), "Khan Younis")
    assert khan.place is not None and khan.place.country_code == "PS"


def test_the_bank_of_a_river_names_the_river() -> None:
    text = "Shelling from the left bank of the Dnipro killed a man in Kherson."
    dnipro = by_text(find_toponyms(text, ents(text, ("Dnipro", "ORG"), ("Kherson", "GPE"))), "Dnipro")
    assert dnipro.place is not None and dnipro.place.kind == "feature" and dnipro.descriptor == "river"


def test_a_battlegroup_is_no_site() -> None:
    text = "Units of the Battlegroup Center took Novoselivka Persha near Pokrovsk, the ministry said."
    assert "Battlegroup Center" not in {t.text for t in find_toponyms(text, [])}


def test_a_unit_in_a_later_paragraph_does_not_take_a_name_off_file() -> None:
    # Nasir is not on file; the unit it stands in is the one of its own story, not Ethiopia's Amhara
    text = (
        "Heavy rains in Upper Nile State displaced 5,000 people. Clashes in Nasir county killed 12.\n\n"
        "In Ethiopia's Amhara region, militias attacked Bahir Dar."
    )
    spans = ents(text, ("Upper Nile State", "GPE"), ("Nasir county", "GPE"), ("Amhara", "LOC"))
    nasir = by_text(find_toponyms(text, spans), "Nasir county")
    assert nasir.place is None or nasir.place.country_code == "SS"


def test_a_long_list_of_directions_keeps_every_town() -> None:
    text = (
        "Russian forces attacked in the Kharkiv, Borova, Lyman, Siversk, Kramatorsk, Toretsk, Pokrovsk, "
        "Novopavlivka, Velykomykhailivka and Orikhiv directions."
    )
    spans = ents(text, ("Lyman", "PERSON"), ("Orikhiv", "PERSON"), ("Kramatorsk", "PERSON"))
    found = {t.text: t for t in find_toponyms(text, spans)}
    for name in ("Lyman", "Orikhiv", "Kramatorsk"):
        assert found[name].place is not None and found[name].place.country_code == "UA"


def test_a_make_read_as_a_vehicle_once_is_the_vehicle_at_its_bare_mentions() -> None:
    text = "A truck struck a 2003 Toyota Camry on Decatur Boulevard. The Toyota was stopped in the left lane."
    second = text.rindex("Toyota")
    assert "Toyota" not in {t.text for t in find_toponyms(text, [(second, second + 6, "ORG")])}
    # a mention a place word puts on the map stays the town
    text = "A Lincoln Navigator crashed near Lincoln, Nebraska. Lincoln Police said the driver was hurt."
    found = [t for t in find_toponyms(text, ents(text, ("Lincoln", "GPE"))) if t.text == "Lincoln"]
    assert len(found) == 2 and all(t.place is not None and t.place.admin1 == "Nebraska" for t in found)


def test_a_sentence_initial_article_is_no_part_of_a_name() -> None:
    text = "Shelling was reported overnight. The Kakhovka dam was destroyed in June."
    (t,) = find_toponyms(text, [])
    assert t.text == "Kakhovka dam" and t.place is not None and t.place.kind == "feature"


def test_a_river_after_on_the_is_the_river() -> None:
    text = "Russia blew up the Kakhovka dam on the Dnipro, flooding villages downstream."
    dnipro = by_text(find_toponyms(text, ents(text, ("Dnipro", "ORG"))), "Dnipro")
    assert dnipro.place is not None and dnipro.place.kind == "feature"
    text = "The Dnipro city council met in Dnipro on Monday."
    assert all(t.place is not None and t.place.kind == "city" for t in find_toponyms(text, []))


def test_the_dnipro_region_is_the_oblast_and_dnipro_the_city() -> None:
    text = "In Dnipro region, two people were injured. A missile hit Dnipro."
    region, city = find_toponyms(text, ents(text, ("Dnipro", "GPE")))
    assert region.place is not None and region.place.name == "Dnipropetrovsk Oblast"
    assert city.place is not None and city.place.kind == "city" and city.place.name == "Dnipro"


def test_a_dateline_town_does_not_place_a_site_the_text_puts_elsewhere() -> None:
    text = (
        "LONDON (Reuters) - A British toddler is being treated. Doctors at the Alder Hey Children's "
        "Hospital where he is admitted in Liverpool said treatment would continue."
    )
    site = by_text(find_toponyms(text, ents(text, ("Liverpool", "GPE"))), "Alder Hey Children's Hospital")
    assert site.place is not None and site.place.name == "Liverpool"
