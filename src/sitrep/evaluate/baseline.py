"""The naive geocoding baseline the toponym figures are reported beside.

Given a gold span, take the most populous gazetteer entry with that name (any spelling the index
knows, as for sitrep's own resolver) and ignore all context. Geoparsing papers use it as the floor
(about 0.44 acc@161 on GeoWebNews and 0.46 on LGL); it runs on sitrep's own gazetteer so that the
difference between the two is the resolver, not the data.
"""

from __future__ import annotations

from sitrep.geo.gazetteer import Gazetteer, get_gazetteer


def largest_population(name: str, gazetteer: Gazetteer | None = None) -> tuple[float, float] | None:
    """(lat, lon) of the most populous place called ``name``; None when the index lacks the name.

    Ties (admin units without a population) go to the better spelling match, then the first entry.
    """
    g = gazetteer or get_gazetteer()
    cands = g.match(name).cands
    if not cands:
        return None
    idx = max(cands, key=lambda c: (int(g.pop[c[0]]), -c[1]))[0]
    return float(g.lat[idx]), float(g.lon[idx])
