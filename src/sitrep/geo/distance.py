"""Great-circle distance, used to compare places and to score locations."""

from __future__ import annotations

from math import asin, atan2, cos, degrees, radians, sin, sqrt

from sitrep.models import Location, Precision

EARTH_RADIUS_KM = 6371.0088
#: How far from its reference point a place may lie and still be inside a named region of one country
#: (Donbas, the Donetsk and Luhansk oblasts, reaches about 200 km from its point); the gazetteer holds
#: such regions as points only.
REGION_REACH_KM = 200.0


def initial_bearing(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Degrees clockwise from north of the great-circle course from point a to point b."""
    lat1, lon1, lat2, lon2 = map(radians, (a[0], a[1], b[0], b[1]))
    x = sin(lon2 - lon1) * cos(lat2)
    y = cos(lat1) * sin(lat2) - sin(lat1) * cos(lat2) * cos(lon2 - lon1)
    return (degrees(atan2(x, y)) + 360.0) % 360.0


def km_between(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Haversine distance in kilometres between two (lat, lon) points."""
    lat1, lon1, lat2, lon2 = map(radians, (a[0], a[1], b[0], b[1]))
    h = sin((lat2 - lat1) / 2) ** 2 + cos(lat1) * cos(lat2) * sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * asin(min(1.0, sqrt(h)))


def same_place(a: Location | None, b: Location | None) -> bool:
    """Two locations name the same place, or one lies inside the other (a district in its city)."""
    if a is None or b is None or a.place is None or b.place is None:
        return False
    if a.place.geonameid and a.place.geonameid == b.place.geonameid:
        return True
    if a.precision in {Precision.REGION, Precision.COUNTRY} or b.precision in {
        Precision.REGION,
        Precision.COUNTRY,
    }:
        return a.precision == b.precision and a.place.name == b.place.name
    pa, pb = a.point(), b.point()
    return pa is not None and pb is not None and km_between(pa, pb) <= 15.0
