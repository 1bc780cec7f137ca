"""Offline geography: gazetteer, place resolution and toponym recognition.

Importing this package is cheap; the gazetteer is loaded (or built and cached) on first use.
"""

from sitrep.geo.gazetteer import Gazetteer, get_gazetteer
from sitrep.geo.recognize import Toponym, demonym_country, find_toponyms
from sitrep.geo.resolve import ResolveContext, resolve

__all__ = [
    "Gazetteer",
    "ResolveContext",
    "Toponym",
    "demonym_country",
    "find_toponyms",
    "get_gazetteer",
    "resolve",
]
