"""Place names in Ukrainian and Russian text (``sitrep.geo.cyrillic``): inflected names, unit names,
country names, person names that are not places, and English text left as it was."""

from __future__ import annotations

import pytest

from sitrep.geo.cyrillic import cyrillic_names, document_language
from sitrep.geo.gazetteer import get_gazetteer
from sitrep.geo.recognize import Toponym, find_toponyms


def places(text: str) -> dict[str, Toponym]:
    return {t.text: t for t in find_toponyms(text, [])}


def where(t: Toponym) -> tuple[str | None, str | None, str | None]:
    assert t.place is not None, t
    return t.place.name, t.place.kind, t.place.country_code


def test_language_by_letters() -> None:
    assert document_language("Уночі росіяни обстріляли Харків") == "uk"
    assert document_language("Сбит беспилотник, объявлена тревога") == "ru"


@pytest.mark.parametrize(
    ("text", "span", "name", "cc"),
    [
        ("Уночі росіяни обстріляли Харків.", "Харків", "Kharkiv", "UA"),
        ("У Києві пролунали вибухи, повідомив мер.", "Києві", "Kyiv", "UA"),
        ("Ворог атакував дронами Одесу та Запоріжжя.", "Одесу", "Odesa", "UA"),
        ("Внаслідок удару по Краматорську загинули двоє людей.", "Краматорську", "Kramatorsk", "UA"),
        ("В Москве объявили план «Ковер».", "Москве", "Moscow", "RU"),
        ("Беспилотник упал в Таганроге, пострадавших нет.", "Таганроге", "Taganrog", "RU"),
    ],
)
def test_inflected_towns(text: str, span: str, name: str, cc: str) -> None:
    t = places(text)[span]
    got, kind, country = where(t)
    assert name.lower() in got.lower() and country == cc and kind in ("city", "admin1")


def test_oblasts_by_adjective_and_colloquial_name() -> None:
    found = places(
        "В Белгородской области сбит беспилотник. Окупанти обстріляли Харківську область, "
        "а вночі вдарили по Донеччині."
    )
    assert where(found["Белгородской области"])[:3] == ("Belgorod Oblast", "admin1", "RU")
    assert where(found["Харківську область"])[:3] == ("Kharkiv Oblast", "admin1", "UA")
    assert where(found["Донеччині"])[:3] == ("Donetsk Oblast", "admin1", "UA")
    # a Russian region named in Ukrainian, through its seat
    assert where(places("Вибухи лунали у Курській області.")["Курській області"])[0] == "Kursk Oblast"


def test_raion_and_village() -> None:
    found = places("Під обстріл потрапило село Новоселівка Покровського району.")
    assert where(found["Покровського району"])[:2] == ("Pokrovsk Raion", "admin2")
    assert "Новоселівка" in found  # the settlement word makes it a place, known or not
    assert "село" not in found["Новоселівка"].text


def test_countries_in_both_languages() -> None:
    found = places("США та Великої Британії закликали Росію відвести війська. РФ не відповіла.")
    assert where(found["США"])[2] == "US"
    assert where(found["Великої Британії"])[2] == "GB"
    assert where(found["Росію"])[2] == "RU"
    assert where(found["РФ"])[2] == "RU"
    found = places("Соединенные Штаты и Германия поддержали Украину.")
    assert where(found["Соединенные Штаты"])[2] == "US"
    assert where(found["Германия"])[2] == "DE"
    assert where(found["Украину"])[2] == "UA"


def test_people_and_organisations_are_not_places() -> None:
    found = places(
        "Володимир Зеленський провів розмову з Терезою Мей. Кабінет Міністрів України ухвалив постанову. "
        "Владимир Путин заявил, что Кремль готов к переговорам."
    )
    assert not any(w in found for w in ("Володимир", "Зеленський", "Мей", "Владимир", "Путин"))
    assert "України" not in found  # closes an organisation's name
    # a town named after a person is still found where the words say it is a place
    assert where(places("Вибухи пролунали у Владимире.")["Владимире"])[0] == "Vladimir"


def test_sentence_initial_common_words_are_not_places() -> None:
    found = places("Того дня ворог не стріляв. Усі мешканці залишилися вдома.")
    assert "Того" not in found and "Усі" not in found


def test_street_kept_with_its_word() -> None:
    found = places("Уламки впали на вул. Гагаріна у Дніпрі.")
    assert "вул. Гагаріна" in found and found["вул. Гагаріна"].place is None
    assert where(found["Дніпрі"])[0] == "Dnipro"


def test_names_carry_offsets_of_the_text() -> None:
    text = "Обстріл Херсона тривав усю ніч."
    names = cyrillic_names(text, get_gazetteer())
    assert [(text[n.start : n.end], n.unknown) for n in names] == [("Херсона", False)]


def test_english_text_is_untouched() -> None:
    text = "Russian forces shelled Kharkiv overnight, the governor said."
    assert [t.text for t in find_toponyms(text, []) if t.role == "place"] == ["Kharkiv"]


@pytest.mark.parametrize(
    ("text", "span", "name"),
    [
        ("Над Чорним морем збили шість дронів.", "Чорним морем", "Black Sea"),
        ("У Азовському морі горів танкер.", "Азовському морі", "Sea of Azov"),  # read as masculine first
        ("Рівень Каховського водосховища впав.", "Каховського водосховища", "Kakhovka Reservoir"),
        ("Над Черным морем сбиты беспилотники.", "Черным морем", "Black Sea"),
        ("Удар по Кримському мосту.", "Кримському мосту", "Crimean Bridge"),
        ("Керченська протока закрита для суден.", "Керченська протока", "Kerch Strait"),
    ],
)
def test_inflected_seas_reservoirs_and_bridges(text: str, span: str, name: str) -> None:
    """An adjective and a feature word, inflected, name a feature of the list: never the town the
    adjective alone might match ("Азовському" is no village Azovske)."""
    t = places(text)[span]
    assert t.place is not None and t.place.name == name and t.place.kind == "feature"


def test_a_lowercase_feature_word_alone_is_no_place() -> None:
    assert "острова" not in places("Біля острова працювали рятувальники.")


@pytest.mark.parametrize(
    "text",
    [
        "Україна прагне вступити до ЄС і чекає рішення Євросоюзу.",
        "Россия и ЕС обсудили санкции Европейского союза.",
    ],
)
def test_the_eu_is_europe_named_as_a_bloc(text: str) -> None:
    unions = [t for t in find_toponyms(text, []) if t.descriptor == "union"]
    assert len(unions) == 2
    assert all(t.role == "attributive" and t.place is not None and t.place.name == "Europe" for t in unions)


@pytest.mark.parametrize(
    ("text", "span", "town"),
    [
        ("На Покровському напрямку тривають бої.", "Покровському", "Pokrovsk"),  # not the village Pokrovske
        ("Бои идут на Покровском направлении.", "Покровском", "Pokrovsk"),
        ("Ворог атакував на Курахівському та Лиманському напрямках.", "Курахівському", "Kurakhove"),
        ("Ворог атакував на Курахівському та Лиманському напрямках.", "Лиманському", "Lyman"),
    ],
)
def test_a_front_sector_is_its_town(text: str, span: str, town: str) -> None:
    name, kind, country = where(places(text)[span])
    assert (name, kind, country) == (town, "city", "UA")


def test_each_unit_of_a_list_before_one_unit_word_is_found() -> None:
    found = places("Дроны сбиты над Белгородской, Курской и Брянской областями.")
    assert where(found["Белгородской"]) == ("Belgorod Oblast", "admin1", "RU")
    assert where(found["Курской"]) == ("Kursk Oblast", "admin1", "RU")  # not Chur's canton, "Кур"
    assert where(found["Брянской областями"])[0] == "Bryansk Oblast"
    found = places("Ворог обстріляв Сумську та Харківську області.")
    assert where(found["Сумську"]) == ("Sumy Oblast", "admin1", "UA")
