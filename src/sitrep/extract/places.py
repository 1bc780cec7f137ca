"""Where a claim happened: choosing among the places a clause and a report name.

A clause may name several places: the event's own, where its weapons came from, where the wounded
were taken, where talks or a briefing were held, the seat of a victim's office. These rules pick the
one ACLED would code (the most specific place of the event), keep a coarse place open to the town a
report names inside it, and say when one place lies within another.
"""

from __future__ import annotations

import re

from sitrep.geo.distance import REGION_REACH_KM, initial_bearing, km_between
from sitrep.geo.gazetteer import get_gazetteer
from sitrep.geo.recognize import Toponym, demonym_country
from sitrep.geo.resolve import compass_degrees, offset_point
from sitrep.models import Claim, Location, Place, Precision, Span

#: Finer first: when a clause names several places, the finest is the event's.
PRECISION_RANK = {
    Precision.SITE: 0,
    Precision.DISTRICT: 1,
    Precision.TOWN: 2,
    Precision.NEAR: 2,  # "near X" is as fine as X itself
    Precision.REGION: 4,
    Precision.COUNTRY: 5,
}
_COARSE = frozenset({Precision.REGION, Precision.COUNTRY})
#: "launched from the Bryansk region", "launched over the Golan Heights": where weapons came from is
#: not where the event happened.
_ORIGIN = re.compile(
    r"(?:\b(?:launched|fired|took off|flew in)?\s*from|\b(?:launched|fired)\s+over)\s+(?:the\s+)?"
    r"(?:occupied\s+)?$",
    re.I,
)
#: "some 16 kilometres (10 miles) from Gamboru": a distance from a place, which locates the event.
_DISTANCE_FROM = re.compile(
    r"\b(?:kilomet(?:re|er)s?|km|miles?|mi)\b\.?(?:\s*\([^()]{0,30}\))?\s+(?:away\s+)?from\s+(?:the\s+)?$",
    re.I,
)
#: "receiving treatment at the Jos University Teaching Hospital": where the wounded were taken is
#: not where the event happened.
_TREATED_AT = re.compile(
    r"\b(?:treated|treatment|admitted|taken|rushed|evacuated|transferred|flown|hospitali[sz]ed)\s+"
    r"(?:(?:to|at|in)\s+(?:the\s+|a\s+)?(?:local\s+|nearby\s+|regional\s+)?(?:hospitals?|clinics?)\s+)?"
    r"(?:at|to|in)\s+(?:the\s+|a\s+)?$",
    re.I,
)


def elsewhere(text: str, t: Toponym, start: int = 0) -> bool:
    """Whether the words before a place (from `start` on) make it where something came from
    ('launched from Belgorod') or where the wounded were taken, not where the event happened; a
    distance from a place ('16 km from Gamboru') locates the event."""
    before = text[max(start, t.start - 40) : t.start]
    origin = _ORIGIN.search(before) is not None and _DISTANCE_FROM.search(before) is None
    return origin or _TREATED_AT.search(before) is not None


#: Where talks or a briefing are held or a deal was signed, told beside violence ("fighting kills 45
#: ahead of the Minsk peace summit", "told a U.N. briefing in Geneva the bodies of 70 civilians had
#: been found", "despite the Minsk agreements"): not the violence's place.
_TALKS = r"(?:summit|talks|negotiations|conference|briefing|peace\s+(?:conference|meeting|forum))"
_TALKS_AFTER = re.compile(
    rf"^[’']?s?\s+(?:(?!(?:before|after|ahead|during|despite|amid|since|until|and|or|as|at|in|on|of|for|to|with|"
    rf"by|from)\b)[\w-]+\s+)?(?:{_TALKS}|agreements?|accords?|protocols?|format)\b",
    re.I,
)
_TALKS_BEFORE = re.compile(rf"\b{_TALKS}\s+(?:held\s+|due\s+)?(?:in|at)\s+(?:the\s+)?$", re.I)


def names_a_venue(text: str, t: Toponym, start: int = 0) -> bool:
    """Whether a place is named as where talks or a briefing were held (`_TALKS`), from `start` on."""
    return bool(
        _TALKS_AFTER.match(text[t.end : t.end + 40])
        or _TALKS_BEFORE.search(text[max(start, t.start - 40) : t.start])
    )


def location_of(t: Toponym) -> Location:
    """A claim's location from a toponym; "10 km southeast of X" moves the point off X."""
    point = None
    if t.place is not None and t.offset_km and t.bearing:
        point = offset_point(t.place.lat, t.place.lon, t.offset_km, t.bearing)
    return Location(
        text=t.text,
        place=t.place,
        precision=t.precision,
        span=Span(t.start, t.end, t.text),
        offset_km=t.offset_km,
        bearing=t.bearing,
        detail=t.descriptor,
        lat=point[0] if point else None,
        lon=point[1] if point else None,
    )


#: "South Darfur's East Jebel Marra": a possessive, then the place it holds (a compass word between).
_POSSESSED = re.compile(
    r"['’]s\s+(?:(?:north|south|east|west|central|northern|southern|eastern|western)"
    r"(?:[- ]?(?:east|west))?\s+)?",
    re.I,
)


def _owned_by(text: str, owner: Toponym, usable: list[Toponym]) -> Toponym | None:
    """The place a possessive names inside its owner, when it is at least as fine: the event is there."""
    m = _POSSESSED.match(text, owner.end)
    if m is None:
        return None
    return next((t for t in usable if t.start == m.end() and _rank(t) <= _rank(owner)), None)


def _rank(t: Toponym) -> int:
    """Finer first (a measured alternative, raions after the towns inside them, did worse). "Near" a
    country or a first-level unit ("35 km west of Yemen's third city of Taez") is no finer than it."""
    if t.precision == Precision.NEAR and t.place is not None and t.place.kind in ("country", "admin1"):
        return PRECISION_RANK[Precision.COUNTRY if t.place.kind == "country" else Precision.REGION]
    return PRECISION_RANK.get(t.precision, 9)


#: A name used as a modifier of an attack word ("Woman killed in Kiev shelling in Donetsk", in the
#: words of the other side: shelling by Kiev): a place the attack is said to be in beats it at equal
#: rank.
_ATTACK_AFTER = re.compile(
    r"^[’']?s?\s+(?:shelling|shells|strikes?|attacks?|bombardments?|snipers?|offensive)\b", re.I
)


def _modifies_attack(text: str, t: Toponym) -> bool:
    return bool(_ATTACK_AFTER.match(text[t.end : t.end + 30]))


#: A place named as the seat of someone's office ("four aides of the emir of Potiskum were killed on the
#: outskirts of Kaduna"): who the victims were, not where; another town of the clause comes first (but
#: "killed the mayor of Pacula in Hidalgo state" is still at Pacula).
_OFFICE_OF_BEFORE = re.compile(
    r"\b(?:emir|mayor|governor|king|sultan|bishop|archbishop|chairman|chairwoman|chief|imam|senator|MP|"
    r"member|representative|lawmaker|deputy|prefect|administrator|head|ruler|monarch|oba|obi)\s+of\s+"
    r"(?:the\s+)?(?:[\w-]+\s+){0,3}?$",
    re.I,
)


def _seat_of_office(text: str, t: Toponym) -> bool:
    return bool(_OFFICE_OF_BEFORE.search(text[max(0, t.start - 60) : t.start]))


#: How far "north of Cairo" may reach when no distance is given (Tanta lies 84 km north of Cairo).
_TOWARDS_KM = 150.0


def _lies_towards(inner: Place, outer: Place, bearing: str) -> bool:
    """Whether `inner` lies within `_TOWARDS_KM` of `outer` in the direction of a compass bearing
    (within 67.5 degrees of it)."""
    deg = compass_degrees(bearing)
    a, b = (outer.lat, outer.lon), (inner.lat, inner.lon)
    if deg is None or not 0 < km_between(a, b) <= _TOWARDS_KM:
        return False
    return abs((initial_bearing(a, b) - deg + 180.0) % 360.0 - 180.0) <= 67.5


def lies_within(inner: Location | None, outer: Location | None) -> bool:
    """`inner` lies within the region or country `outer` names (a town in the area an incident was
    first coded to), or in the direction from a town it gives ("a church north of Cairo", then
    "in the city of Tanta")."""
    if outer is None or inner is None or outer.place is None or inner.place is None:
        return False
    if (
        PRECISION_RANK[inner.precision] <= PRECISION_RANK[outer.precision]
        and inner.precision != outer.precision
    ):
        if outer.precision == Precision.NEAR and outer.bearing and outer.offset_km is None:
            return _lies_towards(inner.place, outer.place, outer.bearing)
        if outer.precision == Precision.REGION and outer.place.feature_code == "RGN":
            # a named region of one country ("Donbas"), known by its reference point only
            return (
                bool(outer.place.country_code)
                and inner.place.country_code == outer.place.country_code
                and km_between((inner.place.lat, inner.place.lon), (outer.place.lat, outer.place.lon))
                <= REGION_REACH_KM
            )
        if outer.precision == Precision.REGION:
            return bool(inner.place.admin1) and inner.place.admin1 == outer.place.admin1
        if outer.precision == Precision.COUNTRY:
            return bool(inner.place.country_code) and inner.place.country_code == outer.place.country_code
    return False


#: A national adjective naming a language ("English-speaking", "French-language") or the side that
#: struck ("Russian air raids", "Saudi-led", "Israeli missiles"): neither says where it happened.
_NOT_WHERE = re.compile(
    r"[\s-](?:speaking|speakers?|language|medium)\b"
    r"|-(?:led|backed|made|supplied)\b"
    r"|\s+(?:[\w-]+\s+)?(?:air\s*(?:raids?|strikes?)|airstrikes?|(?:missile|drone|rocket)\s+(?:strikes?|attacks?)|"
    r"missiles|drones|rockets|jets|warplanes|bombers|shelling|bombardment|artillery)\b",
    re.I,
)


def demonym_code(text: str) -> str | None:
    """ISO2 of the first national adjective in `text` ("Yemeni officials" -> YE) that says where
    something happened (`_NOT_WHERE`)."""
    for m in re.finditer(r"\b[A-Z][a-z]{3,}\b", text):
        if _NOT_WHERE.match(text, m.end()):
            continue  # "the English-speaking minority" of Cameroon, "Russian air raids" on Syria
        code = demonym_country(m.group())
        if code:
            return code
    return None


#: A town's own officials, after its name: "Horlivka mayor", "Donetsk City Council".
_TOWN_OFFICIAL_AFTER = re.compile(
    r"^[’']?s?\s+(?:mayor|city\s+(?:council|hall|administration|military\s+administration)|town\s+(?:council|"
    r"hall))\b",
    re.I,
)


def refine_coarse_locations(claims: list[Claim], toponyms: list[Toponym], text: str) -> None:
    """ACLED codes an event at the most specific place its report gives. A claim placed at a
    country or region ("gunmen attacked a village in northeastern Nigeria") takes the one town the
    report names inside that area elsewhere ("... in Gamboru, residents said"), when it names only
    one there; not a place the wounded were taken to or something was launched from, nor a dateline.
    Failing such a town, the one town whose own officials report it ("- Horlivka mayor")."""
    coarse = [c for c in claims if c.location is not None and c.location.precision in _COARSE]
    if not coarse:
        return
    towns = [
        location_of(t)
        for t in toponyms
        if t.role == "place"
        and t.place is not None
        and t.place.kind in ("city", "district")
        and t.descriptor != "dateline"
        and not elsewhere(text, t)
    ]
    # a town's own officials reporting ("Woman killed in Donbas - Horlivka mayor") speak of their town
    officials = [
        location_of(t)
        for t in toponyms
        if t.role == "attributive"
        and t.place is not None
        and t.place.kind == "city"
        and _TOWN_OFFICIAL_AFTER.match(text[t.end : t.end + 40])
    ]
    for claim in coarse:
        for found in (towns, officials):
            inside = {
                (loc.place.name, round(loc.place.lat, 2)): loc
                for loc in found
                if lies_within(loc, claim.location)
            }
            if inside:
                if len(inside) == 1:
                    claim.location = next(iter(inside.values()))
                break


# An institution named after its town: "the Federal University of Agriculture Makurdi", "Makurdi
# General Hospital". The capitalised run around a town mention, and the site word in it.
_NAME_RUN_BEFORE = re.compile(r"(?:(?:[A-Z][\w'’.-]*|of|and|for)\s+){1,6}$")
_NAME_RUN_AFTER = re.compile(r"^(?:\s+(?:[A-Z][\w'’.-]*|of|and|for)){1,6}")
_SITE_BODY = re.compile(
    r"\b(?:University|College|School|Academy|Hospital|Clinic|Market|Mosque|Church|Camp|Prison)\b"
)


def _names_a_site(text: str, t: Toponym) -> bool:
    """Whether a (mostly attributive) town mention is part of a site's name, where the event is."""
    before = _NAME_RUN_BEFORE.search(text[max(0, t.start - 80) : t.start])
    after = _NAME_RUN_AFTER.match(text[t.end : t.end + 80])
    run = (before.group() if before else "") + " " + (after.group() if after else "")
    return _SITE_BODY.search(run) is not None


def best_location(toponyms: list[Toponym], text: str = "") -> Location | None:
    """The finest resolved place of a report (a dateline only when nothing else is named); failing
    that, a town an institution there is named after ("students of the Federal University of
    Agriculture Makurdi"), else the country of the first national adjective ("Burundian singer").
    Where talks or a briefing were held is not among them (`names_a_venue`)."""
    placed = [t for t in toponyms if t.place is not None and t.role == "place" and not names_a_venue(text, t)]
    if not placed:
        placed = [
            t for t in toponyms if t.place is not None and t.place.kind == "city" and _names_a_site(text, t)
        ]
    if not placed:
        code = demonym_code(text)
        country = get_gazetteer().country(code) if code else None
        if country is None:
            return None
        return Location(text=country.name, place=country, precision=Precision.COUNTRY)
    named = [t for t in placed if t.descriptor != "dateline"] or placed
    best = min(named, key=_rank)
    return location_of(best)


#: How far beyond a stated distance a town may lie from the point the distance gives and still be
#: the place it describes ("Idaale ... about 60 km south of Baidoa": not a namesake 300 km away).
_OFFSET_SLACK_KM = 100.0


def _far_from_stated_offset(t: Toponym, usable: list[Toponym]) -> Toponym | None:
    """A toponym of the clause placed by a stated distance and bearing ("60 km south of Baidoa")
    whose point lies far from `t`'s place, which then is a namesake, not the place described."""
    if t.place is None or t.offset_km:
        return None
    for o in usable:
        if o is t or not (
            o.offset_km and o.bearing and o.place is not None and o.place.kind in ("city", "district")
        ):
            continue  # a distance from a town only: "35 km west of Yemen's third city" is from Taez
        stated = location_of(o)  # its point moved off the town by the distance
        if stated.lat is None or stated.lon is None:
            continue
        if km_between((stated.lat, stated.lon), (t.place.lat, t.place.lon)) > o.offset_km + _OFFSET_SLACK_KM:
            return o
    return None


def best_in_clause(text: str, usable: list[Toponym]) -> Toponym:
    """The place of a clause among its usable toponyms: a town or finer first, then one that is not
    the seat of a victim's office, then the finest, then one the attack is said to be in over one
    that only qualifies it; a place a possessive names inside it wins over its owner; a stated
    distance from a town ("about 60 km south of Baidoa") wins over a town far from the point it
    gives."""
    best = min(
        usable,
        key=lambda t: (
            _rank(t) > PRECISION_RANK[Precision.TOWN],
            _seat_of_office(text, t),
            _rank(t),
            _modifies_attack(text, t),
        ),
    )
    best = _far_from_stated_offset(best, usable) or best
    return _owned_by(text, best, usable) or best
