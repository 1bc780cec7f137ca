"""Choose the place a name refers to, with a confidence and a reason an analyst can read.

Score of a candidate = prior + context:
  prior   0.6 * log10(population) + a kind bonus (countries first) + capital/seat
          bonuses - a penalty for weak matches (alternate or historical names, transliteration
          skeletons, and admin units found only through their stem, e.g. bare "Krasnodar" for
          Krasnodar Krai, which loses to the city unless the text said "region", "oblast", ...).
  context +0.45/+0.3/+0.2 for the 1st/2nd/later country mentioned in the document, +0.15 for the
          outlet's country, and up to +0.5 for closeness (< 300 km) to places already resolved in the
          document, +0.2 for sharing their admin1; +1.2 / +2.0 for lying inside an admin1 / admin2
          unit the document names (``ResolveContext.units``: "Fullerton" in a text naming Nance County,
          Nebraska), and +1.0 for an admin unit that contains places the document names ("Georgia"
          among Atlanta and Macon is the state).
A city district chosen for a "district" hint that lies more than 100 km from every place already
resolved in the document keeps half its confidence: it is probably a namesake in another city.
``resolve_in_admin1`` and ``resolve_near`` find what "the X district of Y Oblast" and "the X district"
of a city name when the best overall choice lies elsewhere. ``resolve_detail(..., within=...)`` keeps
the candidates of some countries only, and ``loose_match=True`` takes the places spelt with the same
consonants as candidates ('Konar' for Kunar; the recogniser narrows these down to the document's
countries). ``offset_point`` gives the point of "20 km south-east of X".
The population weight is set so that context can overturn about a 6x population difference, not more:
"Geneva" stays in Switzerland (9x the largest US Geneva) in a text that also mentions the US, while
"Springfield" with context US lands in the US.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np

from sitrep.geo.build import (
    F_CAPITAL,
    F_CITYUNIT,
    F_SEAT,
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
)
from sitrep.geo.distance import EARTH_RADIUS_KM
from sitrep.geo.gazetteer import Gazetteer, Match, get_gazetteer
from sitrep.geo.text import fold, hint_for_generic, loose, seat_variants, skeleton, strip_generic
from sitrep.models import Place

__all__ = [
    "KIND_HINTS",
    "Resolution",
    "ResolveContext",
    "domain_country",
    "offset_point",
    "resolve",
    "resolve_detail",
    "resolve_in_admin1",
    "resolve_near",
]

KIND_HINTS = ("country", "admin1", "admin2", "district", "town")

W_POP = 0.6
# By kind code: country, admin1, admin2, city, district, feature. Admin units get no bonus because
# their population is already the sum of their member places (Gaza Province, MZ, must not beat Gaza
# city); admin2 units and districts are rarely meant by a bare name. Features carry a notional
# population (build.FEATURE_POP) instead.
KIND_BONUS = np.array([1.5, 0.0, -0.2, 0.0, -0.1, 0.0])
CAPITAL_BONUS = 0.8
#: A country read only through an alias or alternate name loses this much to a city of at least
#: ALIAS_COUNTRY_CITY_POP that bears the name as its own ("Uman" is Uman, Ukraine, not Oman; a
#: "Holland" with no such city stays the Netherlands).
ALIAS_COUNTRY_PENALTY, ALIAS_COUNTRY_CITY_POP = 3.0, 50_000
SEAT_BONUS = 0.2
# Penalty by match quality when no admin hint is given, and when one is (stems are then natural).
# Spelling-skeleton matches cost 1.0 so that an exact name (Novorossiysk) is never beaten by a larger
# place whose skeleton happens to collide, while 'Zaporizhia' still finds Zaporizhzhia.
# Consonant-skeleton matches (Q_LOOSE: 'Konar province' for Kunar) cost most of all.
Q_PENALTY = np.array([0.0, 0.05, 0.6, 1.5, 1.0, 2.5, 2.5])
Q_PENALTY_ADMIN = np.array([0.0, 0.05, 0.35, 0.0, 1.0, 1.0, 1.0])
Q_CONF = {
    Q_MAIN: 1.0,
    Q_ALIAS: 1.0,
    Q_ALT: 0.95,
    Q_STEM: 0.75,
    Q_TRANSLIT: 0.85,
    Q_STEM_TRANSLIT: 0.7,
    Q_LOOSE: 0.65,
}
Q_WORDS = {
    Q_ALT: "alternate or former name",
    Q_STEM: "name without its generic word",
    Q_TRANSLIT: "transliteration variant",
    Q_STEM_TRANSLIT: "transliteration variant",
    Q_LOOSE: "spelling variant (same consonants)",
}
COUNTRY_BONUS = (0.45, 0.3, 0.2)
DOMAIN_BONUS = 0.15
#: An outlet named after its town ("theparisnews.com", "palestineherald.com") writes mostly about
#: that town: for that name, population and capital rank count this much of their usual weight,
#: so the document's own context (its states, counties, nearby places) decides which one it is.
HOME_TOWN_DAMP = 0.2
NEAR_BONUS, NEAR_KM = 0.5, 300.0
SAME_ADMIN1_BONUS = 0.2
# For lying inside an admin1 / admin2 unit the document names (ResolveContext.units): enough to beat
# a namesake up to ~100x larger elsewhere (Paris, Texas in a text naming Texas), not a capital.
IN_UNIT_BONUS = {K_ADMIN1: 1.2, K_ADMIN2: 2.0}
# For an admin unit that contains places the document names: "Georgia" among Atlanta and Macon is
# the state, not the country.
CONTAINS_BONUS = 1.0
FAR_KM = 500.0
# A city district lies within a few km of its city: one this far from every other place the document
# names is probably the namesake in another city ("Dniprovskyi" in Kyiv, in a text about Kherson).
DISTRICT_FAR_KM = 100.0
NEAR_CITY_KM = 30.0

# Tiers of acceptable kinds for each hint, best first; later tiers are fallbacks with less confidence.
_TIERS: dict[str | None, tuple[tuple[int, ...], ...]] = {
    None: ((K_COUNTRY, K_ADMIN1, K_ADMIN2, K_CITY, K_DISTRICT, K_FEATURE),),
    "country": ((K_COUNTRY,), (K_ADMIN1, K_ADMIN2, K_CITY, K_DISTRICT, K_FEATURE)),
    "admin1": ((K_ADMIN1, K_FEATURE), (K_ADMIN2, K_DISTRICT), (K_CITY, K_COUNTRY)),
    "admin2": ((K_ADMIN2, K_DISTRICT), (K_ADMIN1, K_FEATURE), (K_CITY,)),
    "district": ((K_DISTRICT, K_ADMIN2), (K_CITY,), (K_ADMIN1,)),
    "town": ((K_CITY, K_DISTRICT), (K_ADMIN2, K_ADMIN1, K_COUNTRY, K_FEATURE)),
}

# The kinds an admin hint ("X district", "X province") asks for, as opposed to its town fallbacks.
_UNIT_KINDS = (K_ADMIN1, K_ADMIN2, K_DISTRICT)

# Outlets on generic TLDs whose home country is worth a small nudge.
_OUTLET_COUNTRY = {
    "kyivindependent.com": "UA",
    "kyivpost.com": "UA",
    "ukrinform.net": "UA",
    "ukrainska pravda": "UA",
    "tass.com": "RU",
    "rt.com": "RU",
    "themoscowtimes.com": "RU",
    "meduza.io": "RU",
    "interfax.com": "RU",
    "novayagazeta.eu": "RU",
    "belta.by": "BY",
}


@dataclass
class ResolveContext:
    """What the document already tells us: countries mentioned (ISO2, in order of first mention),
    places already resolved (for spatial coherence) and the outlet's domain, if any."""

    countries: list[str] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    domain: str | None = None
    # Admin units the document names by themselves ("Nance County, Nebraska"): a namesake inside one
    # is far likelier than a larger one elsewhere ("Fullerton" there is not Fullerton, California).
    # Gazetteer indices of every admin unit the names may denote ("Henry County": each Henry County).
    units: frozenset[int] = frozenset()

    def add_country(self, code: str | None) -> None:
        if code and code not in self.countries:
            self.countries.append(code)


def domain_country(domain: str | None, gaz: Gazetteer | None = None) -> str | None:
    """The home country of an outlet: known outlets first, then the country-code TLD ('.ua' -> UA)."""
    if not domain:
        return None
    d = domain.lower().strip().removeprefix("www.")
    if "//" in d:
        d = d.split("//", 1)[1]
    d = d.split("/", 1)[0]
    for outlet, cc in _OUTLET_COUNTRY.items():
        if d == outlet or d.endswith("." + outlet):
            return cc
    tld = "." + d.rsplit(".", 1)[-1]
    if tld in (".com", ".org", ".net", ".info", ".io", ".eu"):
        return None
    g = gaz or get_gazetteer()
    for i, t in enumerate(g.ctld):
        if t == tld:
            return g.ccodes[i]
    return None


def names_outlet_town(name: str, domain: str | None) -> bool:
    """Whether an outlet's domain is named after this place: its first label, less a leading
    "the", starts with the folded name ("theparisnews.com" and Paris; at least four letters)."""
    if not domain:
        return False
    label = domain.lower().removeprefix("www.").split(".", 1)[0].replace("-", "")
    label = label.removeprefix("the")
    key = "".join(ch for ch in fold(name) if ch.isalpha())
    return len(key) >= 4 and label.startswith(key)


def _haversine(lat1: np.ndarray, lon1: np.ndarray, lat2: float, lon2: float) -> np.ndarray:
    p1, p2 = np.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, np.radians(lon2 - lon1)
    a = np.sin(dp / 2) ** 2 + np.cos(p1) * math.cos(p2) * np.sin(dl / 2) ** 2
    return 2 * 6371.0 * np.arcsin(np.minimum(1.0, np.sqrt(a)))


class Resolution(NamedTuple):
    """A resolution with the match quality of the chosen name (Q_MAIN ... Q_STEM_TRANSLIT, -1 if none)."""

    place: Place | None
    confidence: float
    reason: str
    quality: int = -1


def resolve(
    name: str,
    *,
    kind_hint: str | None = None,
    context: ResolveContext | None = None,
    gazetteer: Gazetteer | None = None,
) -> tuple[Place | None, float, str]:
    """The place a name most likely refers to, a confidence in 0..1 and the reason.

    ``kind_hint`` is "country", "admin1" (the text said oblast/krai/region/province/state), "admin2"
    (district/raion/county), "district" (a city district) or "town". Unknown names give
    ``(None, 0.0, "unknown name")``: no guess is ever made from a near spelling outside the index.
    """
    r = resolve_detail(name, kind_hint=kind_hint, context=context, gazetteer=gazetteer)
    return r.place, r.confidence, r.reason


def resolve_detail(
    name: str,
    *,
    kind_hint: str | None = None,
    context: ResolveContext | None = None,
    gazetteer: Gazetteer | None = None,
    within: set[str] | frozenset[str] | None = None,
    loose_match: bool = False,
) -> Resolution:
    """``resolve`` plus how the name matched (own name, alias, alternate name, stem, transliteration).

    ``within`` (ISO2 codes) keeps only the candidates in those countries; ``loose_match`` takes as candidates
    the places whose name has the same consonant skeleton (``Gazetteer.match_loose``) instead."""
    g = gazetteer or get_gazetteer()
    if not name or not name.strip():
        return Resolution(None, 0.0, "empty name")
    if loose_match:
        generic = strip_generic(fold(name))[1]
        m = Match(g.match_loose(name), generic, hint_for_generic(generic))
    else:
        m = g.match(name)
    if not m.cands:
        return Resolution(None, 0.0, "unknown name")
    hint = kind_hint or m.hint
    tiers = _TIERS.get(hint, _TIERS[None])
    idx_all = np.fromiter((c[0] for c in m.cands), dtype=np.int64, count=len(m.cands))
    q_all = np.fromiter((c[1] for c in m.cands), dtype=np.int64, count=len(m.cands))
    kinds_all = g.kind[idx_all]
    if m.generic and np.any((kinds_all == K_FEATURE) & (q_all == Q_MAIN)):
        tiers = ((K_FEATURE,), *tiers)  # "County Antrim" on the feature list, not Antrim County, Michigan
    allowed = np.ones(len(idx_all), dtype=bool)
    if within is not None:
        allowed = np.isin(g.cc[idx_all], [g.country_index(c) for c in within])
    tier_no = 0
    for tier_no, tier in enumerate(tiers):  # noqa: B007 - the tier reached is used below
        mask = np.isin(kinds_all, tier) & allowed
        if mask.any():
            break
    else:
        if within is not None:
            return Resolution(None, 0.0, f"no candidate in {', '.join(sorted(within))}")
        return Resolution(None, 0.0, f"no candidate of a usable kind for hint {hint}")
    idx, q, kinds = idx_all[mask], q_all[mask], kinds_all[mask]
    pops = g.pop[idx].astype(np.float64)
    flags = g.flags[idx]
    ccs = g.cc[idx]

    # an admin hint whose units are not on file falls back to towns, judged as towns: by their own
    # name first ("Takum local government area" is the town Takum, not Tagum, once also "Takum")
    admin_hint = hint in ("admin1", "admin2", "district") and bool(np.isin(kinds, _UNIT_KINDS).any())
    pop_part = W_POP * np.log10(pops + 10.0)
    kind_part = KIND_BONUS[kinds]
    kind_part = (
        kind_part
        + np.where(flags & F_CAPITAL, CAPITAL_BONUS, 0.0)
        + np.where(flags & F_SEAT, SEAT_BONUS, 0.0)
    )
    if hint == "admin1":
        kind_part = kind_part - np.where(flags & F_CITYUNIT, 0.6, 0.0)  # "Kyiv region" is the oblast
    qual_part = -(Q_PENALTY_ADMIN if admin_hint else Q_PENALTY)[q]
    if np.any((q == Q_MAIN) & (kinds == K_CITY) & (pops >= ALIAS_COUNTRY_CITY_POP)):
        # "Uman" is a Ukrainian city of 80,000 by its own name and Oman only by an old spelling
        qual_part = qual_part - np.where((kinds == K_COUNTRY) & (q != Q_MAIN), ALIAS_COUNTRY_PENALTY, 0.0)
    if hint == "town":
        qual_part = qual_part - np.where(np.isin(kinds, (K_ADMIN1, K_ADMIN2)) & (q == Q_STEM), 1.0, 0.0)

    ctx_country = np.zeros(len(idx))
    ctx_near = np.zeros(len(idx))
    ctx_codes: list[tuple[str, float]] = []
    dmin = np.full(len(idx), np.inf)
    if context is not None:
        for pos, code in enumerate(context.countries):
            ctx_codes.append((code, COUNTRY_BONUS[min(pos, len(COUNTRY_BONUS) - 1)]))
        dc = domain_country(context.domain, g)
        if dc:
            ctx_codes.append((dc, DOMAIN_BONUS))
        for code, bonus in ctx_codes:
            ci = g.country_index(code)
            if ci >= 0:
                ctx_country = np.maximum(ctx_country, np.where(ccs == ci, bonus, 0.0))
        if context.places:
            lat, lon = g.lat[idx], g.lon[idx]
            a1_names = {(p.country_code, p.admin1) for p in context.places[-20:] if p.admin1}
            for p in context.places[-20:]:
                if p.kind == "country":
                    continue
                dmin = np.minimum(dmin, _haversine(lat, lon, p.lat, p.lon))
            near = np.where(np.isfinite(dmin), NEAR_BONUS * np.clip(1.0 - dmin / NEAR_KM, 0.0, 1.0), 0.0)
            near[kinds == K_COUNTRY] = 0.0
            if a1_names:
                same = np.array(
                    [
                        (g.ccodes[int(c)], g.name(int(a))) in a1_names if a >= 0 else False
                        for c, a in zip(ccs, g.a1[idx], strict=True)
                    ]
                )
                near = near + np.where(same & (kinds != K_COUNTRY), SAME_ADMIN1_BONUS, 0.0)
            ctx_near = near
        if context.units or context.places:
            units = np.fromiter(context.units, dtype=np.int64, count=len(context.units))
            # not "Mexico" for Mexico City; but "St. Clair" read as a county is St. Clair County
            own = (q <= Q_ALIAS) | (admin_hint & (q == Q_STEM) & np.isin(kinds, (K_ADMIN2, K_DISTRICT)))
            inner = ~np.isin(kinds, (K_COUNTRY, K_ADMIN1)) & own
            bonus = np.where(inner & np.isin(g.a1[idx], units), IN_UNIT_BONUS[K_ADMIN1], 0.0)
            a2_in = inner & (kinds != K_ADMIN2) & np.isin(g.a2[idx], units)
            bonus = bonus + np.where(a2_in, IN_UNIT_BONUS[K_ADMIN2], 0.0)
            if context.places and np.isin(kinds, (K_ADMIN1, K_ADMIN2)).any():
                rows = [
                    i
                    for i in (g.index_of(p) for p in context.places[-20:] if p.kind != "country")
                    if i is not None
                ]
                holders = np.concatenate([g.a1[rows], g.a2[rows]]) if rows else np.zeros(0, dtype=np.int64)
                holds = np.isin(kinds, (K_ADMIN1, K_ADMIN2)) & np.isin(idx, holders[holders >= 0])
                bonus = bonus + np.where(holds, CONTAINS_BONUS, 0.0)
            ctx_near = ctx_near + bonus

    if context is not None and names_outlet_town(name, context.domain):
        pop_part = pop_part * HOME_TOWN_DAMP
        kind_part = kind_part - np.where(flags & F_CAPITAL, CAPITAL_BONUS * (1 - HOME_TOWN_DAMP), 0.0)
    score = pop_part + kind_part + qual_part + ctx_country + ctx_near
    order = np.argsort(-score, kind="stable")
    b = int(order[0])
    best = int(idx[b])
    qb = int(q[b])
    place = g.place(best)

    # Distinct rivals: the same place found twice (city and its city-level admin1 unit) is no rival.
    rival = None
    for o in order[1:]:
        o = int(o)
        j = int(idx[o])
        if g.distance_km(j, place.lat, place.lon) < 5 and g.name(j) == place.name:
            continue
        rival = o
        break

    if rival is None:
        conf = 0.92
        why = "unique match" if len(idx) == 1 else "unique match (duplicates of one place)"
    else:
        margin = float(score[b] - score[rival])
        conf = 0.5 + 0.45 * (1.0 - math.exp(-2.0 * max(margin, 0.0)))
        why = f"ambiguous ({len(idx)} candidates); " + _why(
            b, rival, pop_part, kind_part, qual_part, ctx_country, ctx_near, kinds, flags, place, ctx_codes
        )
    conf *= Q_CONF.get(qb, 0.8) if not (admin_hint and qb == Q_STEM) else 0.95
    if qb in Q_WORDS and not (admin_hint and qb == Q_STEM):
        why += f"; matched as {Q_WORDS[qb]}"
    if (
        np.isfinite(dmin[b])
        and dmin[b] > FAR_KM
        and kinds[b] in (K_ADMIN2, K_DISTRICT, K_CITY)
        and pops[b] < 50_000
    ):
        conf *= 0.7  # a small place far from everything else the document names: likely a namesake
        why += f"; {dmin[b]:.0f} km from the document's other places"
    elif hint == "district" and kinds[b] == K_DISTRICT and np.isfinite(dmin[b]) and dmin[b] > DISTRICT_FAR_KM:
        conf *= 0.5  # a district of a city the document does not otherwise place us in
        why += f"; a district of a city {dmin[b]:.0f} km from the document's other places"
    if tier_no > 0:
        conf *= 0.6
        why = f"no {hint} of that name, fell back to {KINDS[int(kinds[b])]}; " + why
    return Resolution(place, round(max(0.01, min(conf, 0.99)), 3), why, qb)


def _why(
    b: int,
    r: int,
    pop_part: np.ndarray,
    kind_part: np.ndarray,
    qual_part: np.ndarray,
    ctx_country: np.ndarray,
    ctx_near: np.ndarray,
    kinds: np.ndarray,
    flags: np.ndarray,
    place: Place,
    ctx_codes: list[tuple[str, float]],
) -> str:
    """Name the score component that separated the winner from the runner-up."""
    parts = {
        "pop": pop_part[b] - pop_part[r],
        "kind": kind_part[b] - kind_part[r],
        "qual": qual_part[b] - qual_part[r],
        "country": ctx_country[b] - ctx_country[r],
        "near": ctx_near[b] - ctx_near[r],
    }
    top = max(parts, key=lambda k: parts[k])
    if top == "country" and parts["country"] > 0:
        return f"chose largest in context country {place.country_code}"
    if top == "near" and parts["near"] > 0:
        return "chose the one near places already resolved in the document"
    if top == "kind" and parts["kind"] > 0:
        if flags[b] & F_CAPITAL:
            return "chose the national capital"
        if kinds[b] == kinds[r] == K_ADMIN1 and flags[r] & F_CITYUNIT:
            return "chose the region rather than the city-level unit of the same name"
        return f"chose the {KINDS[int(kinds[b])]} over a {KINDS[int(kinds[r])]} of the same name"
    if top == "qual" and parts["qual"] > 0:
        return "chose the one whose own name matches (others only by an alternate name or stem)"
    if ctx_codes and ctx_country[b] > 0:
        return f"chose largest, in context country {place.country_code}"
    return "chose largest"


# Compass points, in degrees clockwise from north, by the folded form the recogniser gives a bearing.
_COMPASS = {
    name: i * 22.5
    for i, name in enumerate(
        (
            "north",
            "northnortheast",
            "northeast",
            "eastnortheast",
            "east",
            "eastsoutheast",
            "southeast",
            "southsoutheast",
            "south",
            "southsouthwest",
            "southwest",
            "westsouthwest",
            "west",
            "westnorthwest",
            "northwest",
            "northnorthwest",
        )
    )
}


def compass_degrees(bearing: str) -> float | None:
    """Degrees clockwise from north of a compass bearing ("north-east" -> 45.0), None if unknown."""
    return _COMPASS.get(bearing.lower().replace("-", "").replace(" ", ""))


def offset_point(lat: float, lon: float, km: float, bearing: str) -> tuple[float, float] | None:
    """The point ``km`` kilometres from (lat, lon) towards a compass bearing ("south", "north-east",
    "northeast", "east-northeast"), on the sphere: "10 km southeast of Golo" is
    ``offset_point(golo.lat, golo.lon, 10, "southeast")``. None for an unknown bearing."""
    deg = compass_degrees(bearing)
    if deg is None:
        return None
    d = km / EARTH_RADIUS_KM
    th = math.radians(deg)
    p1, l1 = math.radians(lat), math.radians(lon)
    p2 = math.asin(math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(th))
    l2 = l1 + math.atan2(math.sin(th) * math.sin(d) * math.cos(p1), math.cos(d) - math.sin(p1) * math.sin(p2))
    return round(math.degrees(p2), 5), round((math.degrees(l2) + 540.0) % 360.0 - 180.0, 5)


def resolve_in_admin1(name: str, admin1: Place, *, gazetteer: Gazetteer | None = None) -> Resolution | None:
    """What "the <name> district of <admin1>" names when the resolver's choice lies elsewhere.

    In order: a second-level unit inside ``admin1`` named after ``name`` (its own name, an alias, or the
    seat form of an adjectival name: Grayvoron ~ Grayvoronskiy Rayon, Kamensky ~ Kamenskiy Rayon); a
    populated place inside it of that name (a raion's seat usually bears the raion's name); a place whose
    compound name begins with the seat form ('Kamensky' -> Kamensk-Shakhtinsky); a unit whose name does.
    None when nothing inside ``admin1`` fits.
    """
    g = gazetteer or get_gazetteer()
    a1 = g.index_of(admin1)
    if a1 is None or int(g.kind[a1]) != K_ADMIN1:
        return None
    stem = strip_generic(fold(name))[0]
    if not stem:
        return None
    forms = seat_variants(stem)
    want = {skeleton(v) for v in forms}
    want_loose = {lk for v in forms if len(lk := loose(v)) >= 4}
    heads = tuple(v + " " for v in forms if len(v) >= 4)
    direct = {i for i, _q in g.match(name).cands if int(g.a1[i]) == a1}
    best: tuple[int, int, int] | None = None  # (tier, -population, index)
    for i in np.nonzero((g.a1 == a1) & (g.kind != K_ADMIN1) & (g.kind != K_COUNTRY))[0].tolist():
        unit = int(g.kind[i]) in (K_ADMIN2, K_DISTRICT)
        own = strip_generic(fold(g.name(i)))[0]
        if unit:
            exact = i in direct or bool({skeleton(v) for v in seat_variants(own)} & want)
        else:
            exact = i in direct or skeleton(own) in want
        exact = exact or loose(own) in want_loose  # 'Nazian' ~ 'Nazyan', spelt another way
        if exact:
            tier = 0 if unit else 1
        elif own.startswith(heads):
            tier = 3 if unit else 2
        else:
            continue
        key = (tier, -int(g.pop[i]), i)
        if best is None or key < best:
            best = key
    if best is None:
        return None
    tier, _pop, i = best
    place = g.place(i)
    where = f"within {admin1.name}"
    if tier == 0:
        return Resolution(place, 0.8, f"the unit named after {name} {where}", Q_ALIAS)
    if tier == 1:
        why = f"no {name} district on file {where}; using the place {place.name} in it (a district's seat"
        return Resolution(place, 0.7, why + " usually bears its name)", Q_STEM)
    why = f"no {name} district or place of that name on file {where}; using {place.name}, whose name begins"
    return Resolution(place, 0.55 if tier == 2 else 0.5, why + " like it", Q_STEM)


def resolve_near(
    name: str,
    center: Place,
    *,
    radius_km: float = NEAR_CITY_KM,
    gazetteer: Gazetteer | None = None,
) -> Resolution | None:
    """A district, unit or place called ``name`` within ``radius_km`` of ``center`` (the city a text
    places a district in), best match quality then largest first; None if there is none."""
    g = gazetteer or get_gazetteer()
    best: tuple[int, int, int] | None = None
    for i, q in g.match(name).cands:
        if int(g.kind[i]) not in (K_DISTRICT, K_ADMIN2, K_CITY):
            continue
        if g.distance_km(i, center.lat, center.lon) > radius_km:
            continue
        key = (q, -int(g.pop[i]), i)
        if best is None or key < best:
            best = key
    if best is None:
        return None
    q, _pop, i = best
    place = g.place(i)
    why = f"chose the one within {radius_km:.0f} km of {center.name}, the city named in context"
    return Resolution(place, round(0.85 * Q_CONF.get(q, 0.8), 3), why, q)
