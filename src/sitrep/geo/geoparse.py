"""Run NER and the toponym recogniser on a text: the one call most callers need.

The language model is the pipeline's own (`sitrep.extract.nlp.load_nlp`: NER only, loaded once
per process), so geoparsing and extraction always see the same entities.
"""

from __future__ import annotations

from sitrep.extract.nlp import parse
from sitrep.geo.gazetteer import Gazetteer
from sitrep.geo.recognize import Toponym, find_toponyms

__all__ = ["entities", "geoparse"]


def entities(text: str) -> list[tuple[int, int, str]]:
    """NER spans (start, end, label) of a text."""
    return parse(text).entities


def geoparse(text: str, *, domain: str | None = None, gazetteer: Gazetteer | None = None) -> list[Toponym]:
    """Toponyms of a text, resolved with document context (see ``find_toponyms``)."""
    return find_toponyms(text, entities(text), domain=domain, gazetteer=gazetteer)
