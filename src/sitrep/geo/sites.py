"""Streets, squares, roads and named sites: names no gazetteer here holds, placed at their town.

The recogniser (``recognize._Recognizer.streets``) finds them with the patterns below; once the
document's places are resolved, ``place_sites`` gives each the point of the town the text puts it in
(or names last before it), at precision site, as ACLED codes a named street or building.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sitrep.geo.distance import km_between
from sitrep.geo.resolve import resolve_detail
from sitrep.models import Place, Precision

if TYPE_CHECKING:
    from sitrep.geo.gazetteer import Gazetteer
    from sitrep.geo.recognize import Toponym, _Cand

SITE_SOURCES = frozenset({"street", "site"})  # the candidate sources ``place_sites`` places

# Streets and squares: "Royal Street", "North State Street", "14th St.", "Eglinton Avenue West",
# "Maidan Nezalezhnosti Square", "Highway 19", "County Road 9", "I-75".
STREET = re.compile(
    r"(?<![\w.-])((?:(?:State|County|U\.S\.|US|Interstate|Farm to Market)\s+)?"
    r"(?:Highway|Route|Road|Hwy\.?|Rte\.?)\s+\d+[A-Z]?|I-\d+|US-\d+)(?![\w-])"
    r"|(?<![\w.’'-])((?:(?:North|South|East|West|N\.|S\.|E\.|W\.)\s+)?"
    r"(?:\d+(?:st|nd|rd|th)|[A-Z][\w’'-]*\.?)(?:\s+(?:[A-Z][\w’'-]*\.?|de|la|du|of|the)){0,3}?\s+"
    r"(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Boulevard|Blvd\.?|Drive|Lane|Highway|Parkway|Pkwy\.|Terrace|"
    r"Crescent|Turnpike|Expressway|Freeway|Square|Prospekt|Prospect)"
    r"(?:\s+(?:North|South|East|West)\b)?)(?![\w’'-])"
)
# Named sites: "Okhmatdyt Children's Hospital", "Dulles International Airport", "Windsor Castle",
# "Barclays Center", "Third Presbyterian Church", "City Hall".
FACILITY = re.compile(
    r"(?<![\w.’'-])((?:[A-Z][\w’'.&-]*|\d+(?:st|nd|rd|th))(?:\s+(?:[A-Z][\w’'.&-]*|of|de)){0,4}?\s+"
    r"(?:Hospital|Clinic|Church|Cathedral|Chapel|Mosque|Synagogue|Temple|Monastery|Castle|Palace|Airport|"
    r"Airfield|Air Base|Library|Stadium|Arena|School|Academy|College|University|Station|Market|Bazaar|Mall|"
    r"Museum|Prison|Jail|Penitentiary|Courthouse|Hall|Tower|Hotel|Cemetery|Park|Zoo|Racecourse|Circuit|"
    r"Center|Centre|Power Plant|Power Station|Refinery|Depot|Harbou?r|Barracks|Theatre|Theater|Cinema|"
    r"Elementary|Middle School|High School|Golf Club|Country Club|Inn|Speedway|Raceway|Plantation|Graveyard))"
    r"(?![\w’'-])"
)


def _town_in_name(name: str, g: Gazetteer) -> Place | None:
    """The town a site is named after, when its name starts with one of 100,000 people or more
    ("Kyiv City Hall", "Colchester General Hospital" is not: Colchester is smaller)."""
    words = name.split()
    for n in range(min(3, len(words) - 1), 0, -1):
        r = resolve_detail(" ".join(words[:n]), gazetteer=g)
        if (
            r.place is not None
            and r.place.kind == "city"
            and r.place.population >= 100_000
            and r.confidence >= 0.5
        ):
            return r.place
    return None


def _inside(town: Place, unit: Place) -> bool:
    """Whether a town lies in a unit the text names as a site's container (same country, and the
    same first-level unit or within 100 km of the unit's point)."""
    if town.country_code != unit.country_code:
        return False
    if unit.kind == "country":
        return True
    if unit.kind == "admin1":
        return town.admin1 == unit.name
    return km_between((town.lat, town.lon), (unit.lat, unit.lon)) <= 100.0


def place_sites(
    cands: list[_Cand],
    tops: dict[int, Toponym],
    index: dict[int, int],
    resolved: dict[int, Place | None],
    g: Gazetteer,
) -> None:
    """A street or site lies in the town the text puts it in ("Royal Street in New Orleans", "Main
    Street, Springfield"), else in the town named last before it, else the first one after: the
    town's point, at precision site (ACLED codes a named street or building at its town)."""
    named = sorted(
        (cands[k].start, p, tops[k].role == "attributive" or tops[k].descriptor == "dateline")
        for k, p in resolved.items()
        if p is not None and p.kind in ("city", "district") and k in tops
    )
    # A town named only as an attribute ("Saskatoon police", "New York firefighters") or in the
    # dateline (where the reporter files from: "LONDON (Reuters) - ... Alder Hey Children's Hospital
    # ... in Liverpool") still says where a report is; it is an anchor when the text names no town
    # outright.
    plain = [(start, p) for start, p, weak in named if not weak]
    towns = plain or [(start, p) for start, p, _weak in named]
    for k, c in enumerate(cands):
        t = tops.get(k)
        if c.source not in SITE_SOURCES or t is None or t.place is not None:
            continue
        box = resolved.get(index[id(c.container)]) if c.container is not None else None
        unit = box if box is not None and box.kind not in ("city", "district") else None
        if box is None or unit is not None:  # "Oulton Park, Cheshire": a town of the text in Cheshire
            near = [(start, p) for start, p in towns if unit is None or _inside(p, unit)]
            before = [p for start, p in near if start < c.start]
            after = [p for start, p in near if start > c.start]
            box = before[-1] if before else (after[0] if after else None)
        if box is None:
            box = _town_in_name(t.text, g)  # "Kyiv City Hall", "Colchester General Hospital"
        if box is None and unit is not None:
            t.place, t.confidence = unit, 0.5
            t.precision = Precision.DISTRICT if unit.kind == "admin2" else Precision.REGION
            t.reason = f"{t.text}: a {t.descriptor} in {unit.name}, where the text names no town"
            resolved[k] = unit
            continue
        if box is None:
            t.reason = f"{t.text}: a {t.descriptor}, and the text names no town for it"
            continue
        t.place, t.confidence, t.precision = box, 0.5, Precision.SITE
        t.reason = f"{t.text}: a {t.descriptor} in {box.name}"
        resolved[k] = box
