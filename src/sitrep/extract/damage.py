"""Damage and weapon facts: drones launched or shot down, buildings hit, energy infrastructure.

Each fact keeps its count (exact or a range) and the words it came from, so that a brief can say
"at least 20 houses damaged" and point at the quote.
"""

from __future__ import annotations

import re

from sitrep.extract.numbers import COUNT, parse_count
from sitrep.models import Damage, Figure, Span

_WEAPON_OBJ = (
    r"(?P<obj>(?:[\w-]+\s+){0,2}?(?:drones?|UAVs?|missiles?|rockets?|shells?|glide bombs?|bombs?|Shaheds?))"
)
_BUILDING_OBJ = (
    r"(?P<obj>(?:[\w-]+\s+){0,2}?(?:houses?|homes?|buildings?|apartment blocks?|blocks of flats|residences?|"
    r"high-rises?|schools?|kindergartens?|hospitals?|sites|facilities|facility|vehicles?|cars?|shops?|"
    r"garages?|warehouses?|churches|mosques?|enterprises?|plants?|depots?|structures?|dwellings?))"
)
_DOWN_VERB = r"(?:shot down|downed|intercepted|destroyed|neutrali[sz]ed|repelled|suppressed|jammed)"
_LAUNCH_VERB = r"(?:launched|fired|used|sent)"
_HIT_VERB = r"(?:damaged|destroyed|hit|struck|sustained damage|were damaged|caught fire|set on fire|on fire)"

_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("downed", re.compile(rf"\b{_DOWN_VERB}\s+{COUNT}\s+{_WEAPON_OBJ}", re.I)),
    (
        "downed",
        re.compile(rf"\b{COUNT}\s+{_WEAPON_OBJ}\s+(?:were|was|had been|have been)\s+{_DOWN_VERB}", re.I),
    ),
    ("launched", re.compile(rf"\b{_LAUNCH_VERB}\s+{COUNT}\s+{_WEAPON_OBJ}", re.I)),
    ("launched", re.compile(rf"\bwith\s+{COUNT}\s+{_WEAPON_OBJ}", re.I)),
    ("fires", re.compile(rf"\b(?:set\s+)?fires?\s+(?:broke out\s+)?in\s+{COUNT}\s+{_BUILDING_OBJ}", re.I)),
    ("buildings_damaged", re.compile(rf"\b{COUNT}\s+{_BUILDING_OBJ}\s+(?:were\s+|was\s+)?{_HIT_VERB}", re.I)),
]
# "damaging an industrial enterprise and 20 private houses", "damaged cars and a kindergarten"
_AFTER_VERB = re.compile(
    r"\b(?:damag(?:ed|ing)|destroy(?:ed|ing)|hitting)\s+(?P<list>[^.;:()]{3,200}?)"
    r"(?=\s+(?:in|on|at|near|outside|across|over|overnight|during|and (?:injur|kill|wound))\b"
    r"|[.;:()]|,\s+(?:the|a|an)\s+\w+\s+said|$)",
    re.I,
)
# "two apartment buildings, a private home, an educational building ... sustained damage"
_LIST_VERB = re.compile(
    r"\b(?:sustained damage|were damaged|were destroyed|were hit|were struck|hit|damaged)\b", re.I
)
_LIST_START = re.compile(r".*(?:\bsaid|\breported|\bsaying|\bthat|\bwhile|:|;)\s+", re.I | re.S)
_ITEM = re.compile(rf"^\s*(?:and\s+)?{COUNT}\s+(?P<obj>[\w\s-]+?)\s*$", re.I)
_OBJ_NOUN = re.compile(_BUILDING_OBJ, re.I)
_ENERGY = re.compile(
    r"\b(?:power (?:facilities|facility|plants?|station|stations|grid|lines?|infrastructure)|"
    r"energy (?:infrastructure|facilities|facility|sites?|system)|substations?|thermal power plants?|"
    r"hydroelectric|electricity (?:infrastructure|supply|network)|gas (?:infrastructure|facilities)|"
    r"oil (?:depots?|refinery|refineries|terminal)|fuel depots?|refinery|refineries)\b",
    re.I,
)
_ENERGY_HIT = re.compile(
    r"\b(?:targeted|hit|struck|damaged|attacked|destroyed|on fire|caught fire|outages?|blackouts?)\b", re.I
)
_STOP_OBJ = re.compile(
    r"\b(?:people|persons|residents|civilians|soldiers|killed|wounded|injured|countries)\b", re.I
)


#: The items of a comma or "and" list ("two houses, a school and a shop").
_LIST_ITEM = re.compile(r"[^,]+?(?=,\s*(?:and\s+)?|\s+and\s+|$)")
_LEAD = re.compile(r"\s*(?:and\s+)?")


def _list_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The (start, end) of each item of the list in `text[start:end]`, less a leading "and"."""
    items = []
    for part in _LIST_ITEM.finditer(text[start:end]):
        lead = _LEAD.match(part.group(0))
        items.append((start + part.start() + (lead.end() if lead else 0), start + part.end()))
    return items


def _damage(kind: str, fig: Figure | None, obj: str, start: int, end: int, text: str) -> Damage:
    return Damage(kind=kind, count=fig, object=obj.strip(), span=Span(start, end, text))


def find_damage(text: str, offset: int = 0) -> list[Damage]:
    """Damage and weapon facts in a clause; spans shifted by `offset` into the report."""
    facts: list[Damage] = []
    taken: list[tuple[int, int]] = []
    for m in _LIST_VERB.finditer(text):
        head = text[max(0, m.start() - 240) : m.start()]
        cut = _LIST_START.match(head)
        base = m.start() - len(head) + (cut.end() if cut else 0)
        items = _list_items(text, base, base + len(text[base : m.start()].rstrip()))
        if len(items) < 2 and not _ITEM.match(text[base : m.start()]):
            continue
        for start, end in items:
            item = _ITEM.match(text[start:end])
            if not item or _STOP_OBJ.search(item.group("obj")) or not _OBJ_NOUN.search(item.group("obj")):
                continue
            span = Span(offset + start, offset + end, text[start:end])
            fig = parse_count(item.group("qual"), item.group("num"), span)
            if fig is not None:
                facts.append(
                    _damage("buildings_damaged", fig, item.group("obj"), span.start, span.end, span.text)
                )
                taken.append((start, end))
    for m in _AFTER_VERB.finditer(text):
        for start, end in _list_items(text, m.start("list"), m.end("list")):
            item_text = text[start:end]
            if not _OBJ_NOUN.search(item_text) or _STOP_OBJ.search(item_text):
                continue
            item = _ITEM.match(item_text)
            span = Span(offset + start, offset + end, item_text)
            fig = parse_count(item.group("qual"), item.group("num"), span) if item else None
            obj = item.group("obj") if item else item_text
            facts.append(_damage("buildings_damaged", fig, obj, span.start, span.end, span.text))
            taken.append((start, end))
    for kind, rx in _RULES:
        for m in rx.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken) or _STOP_OBJ.search(m.group("obj")):
                continue
            span = Span(offset + m.start(), offset + m.end(), m.group(0))
            fig = parse_count(m.group("qual"), m.group("num"), span)
            if fig is None:
                continue
            obj = m.group("obj")
            if kind in {"downed", "launched"}:
                noun = "missiles" if re.search(r"missile|rocket", obj, re.I) else "drones"
                kind = f"{noun}_{kind}"
            facts.append(_damage(kind, fig, obj, span.start, span.end, m.group(0)))
            taken.append((m.start(), m.end()))
    for m in _ENERGY.finditer(text):
        if _ENERGY_HIT.search(text):
            span = Span(offset + m.start(), offset + m.end(), m.group(0))
            facts.append(_damage("energy_infrastructure", None, m.group(0), span.start, span.end, span.text))
            break
    facts.sort(key=lambda d: d.span.start)
    return facts
