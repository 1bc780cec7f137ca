"""The daily situation report: one sentence per event, every sentence cited.

Events of one day are grouped by country and area (admin1), violent incidents first, then the
rest, then diplomacy. Each sentence says what happened where and who reported which figures; the
sources it rests on are numbered ([1], [2]) and listed at the end with outlet, claimant, url and
the quote. Where claimants disagree, each one's figures are given with their citation. Sentences
only repeat words that stand in the quotes they cite (the place as the report wrote it, claimants
as named there, figures as numbers), so that `faithfulness_problems` can check every brief.
"""

from __future__ import annotations

import functools
import html
import re
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from sitrep import taxonomy as tx
from sitrep.extract.numbers import word_to_int
from sitrep.models import Claim, Event, Figure, Precision, Report

if TYPE_CHECKING:
    from sitrep.store import Store

#: How a sub-event type reads in a sentence.
WHAT: dict[str, str] = {
    "Armed clash": "Armed clashes",
    "Government regains territory": "Government forces regained territory",
    "Non-state actor overtakes territory": "An armed group took territory",
    "Air/drone strike": "Air or drone strike",
    "Shelling/artillery/missile attack": "Shelling or missile attack",
    "Suicide bomb": "Suicide bombing",
    "Remote explosive/landmine/IED": "Explosive device",
    "Grenade": "Grenade attack",
    "Chemical weapon": "Chemical weapon use",
    "Attack": "Attack on civilians",
    "Abduction/forced disappearance": "Abduction",
    "Sexual violence": "Sexual violence",
    "Violent demonstration": "Violent demonstration",
    "Mob violence": "Mob violence",
    "Peaceful protest": "Peaceful protest",
    "Protest with intervention": "Protest broken up",
    "Excessive force against protesters": "Excessive force against protesters",
    "Agreement": "Agreement",
    "Arrests": "Arrests",
    "Change to group/activity": "Change in armed activity",
    "Disrupted weapons use": "Weapons intercepted or disabled",
    "Headquarters or base established": "Base established",
    "Looting/property destruction": "Looting or destruction of property",
    "Non-violent transfer of territory": "Territory changed hands",
    "Other": "Other development",
}
#: How a damage fact reads after its count and object ("63 drones shot down").
DAMAGE_VERBS = {
    "drones_downed": "shot down", "missiles_downed": "shot down", "drones_launched": "launched",
    "missiles_launched": "launched", "buildings_damaged": "damaged", "fires": "on fire",
    "energy_infrastructure": "hit",
}  # fmt: skip
#: Order of event types within an area: violence first, diplomacy last.
TYPE_ORDER = [tx.BATTLES, tx.EXPLOSIONS, tx.VIOLENCE_AGAINST_CIVILIANS, tx.RIOTS, tx.PROTESTS, tx.STRATEGIC]
DIPLOMACY_SECTION = "Diplomacy"
#: The HTML brief loads nothing and runs nothing.
CSP = "default-src 'none'; style-src 'unsafe-inline'"


@dataclass
class Citation:
    number: int
    claim_id: str
    outlet: str | None
    claimant: str
    url: str | None
    quote: str


@dataclass
class Sentence:
    text: str
    citations: list[int]
    event_id: str


@dataclass
class Section:
    heading: str  # "Ukraine — Kharkiv Oblast", "Diplomacy"
    sentences: list[Sentence] = field(default_factory=list)


@dataclass
class Brief:
    day: date | None
    area: str | None
    sections: list[Section]
    citations: list[Citation]

    @property
    def empty(self) -> bool:
        return not self.sections


# -- building ----------------------------------------------------------------------------------------


def build_brief(
    events: Iterable[Event],
    reports: Callable[[str], Report | None],
    *,
    day: date | None = None,
    area: str | None = None,
) -> Brief:
    """The brief of `events` (already filtered to the day); `reports` looks a report up by id for its
    outlet and url; `area` keeps events whose country, country code or admin1 matches it."""
    chosen = [e for e in events if e.in_area(area)]
    citations: list[Citation] = []
    numbers: dict[str, int] = {}
    report_of = functools.cache(reports)  # one lookup per report, not per claim cited

    def cite(claim: Claim) -> int:
        if claim.id not in numbers:
            report = report_of(claim.report_id)
            numbers[claim.id] = len(citations) + 1
            citations.append(
                Citation(
                    number=numbers[claim.id],
                    claim_id=claim.id,
                    outlet=(report.source if report else None),
                    claimant=claim.claimant.label(),
                    url=(report.url if report else None),
                    quote=claim.quote.text,
                )
            )
        return numbers[claim.id]

    groups: OrderedDict[str, list[Event]] = OrderedDict()
    diplomacy: list[Event] = []
    for event in sorted(chosen, key=_event_order):
        if event.event_type == tx.DIPLOMACY:
            diplomacy.append(event)
        else:
            groups.setdefault(_heading(event), []).append(event)
    sections = [Section(h, [_sentence(e, cite) for e in evs]) for h, evs in groups.items()]
    if diplomacy:
        sections.append(Section(DIPLOMACY_SECTION, [_sentence(e, cite) for e in diplomacy]))
    return Brief(day, area, sections, _renumber(sections, citations))


_REF = re.compile(r"\[(\d+)\]")


def _renumber(sections: list[Section], citations: list[Citation]) -> list[Citation]:
    """Keep only the citations a sentence shows, numbered by first appearance: a sentence may
    register a claim it then leaves out (the per-claimant phrasing of figures loses to the agreed
    one), and such a claim must not sit in the sources list."""
    new_number: dict[int, int] = {}
    for section in sections:
        for sentence in section.sentences:
            for ref in _REF.findall(sentence.text):
                new_number.setdefault(int(ref), len(new_number) + 1)
    for section in sections:
        for sentence in section.sentences:
            sentence.text = _REF.sub(lambda m: f"[{new_number[int(m.group(1))]}]", sentence.text)
            sentence.citations = sorted(new_number[n] for n in sentence.citations)
    kept = [c for c in citations if c.number in new_number]
    for citation in kept:
        citation.number = new_number[citation.number]
    return sorted(kept, key=lambda c: c.number)


def brief_of_day(store: Store, day: date | None = None, area: str | None = None) -> Brief:
    """The brief of `day` from a store (default: the latest day with events), as `sitrep brief` and
    `GET /api/brief` give it."""
    if day is None:
        latest = store.query_events(limit=1, order="date desc", with_claims=False)
        day = latest[0].date if latest else None
    found = store.query_events(date_from=day, date_to=day, limit=None) if day else []
    return build_brief(found, store.get_report, day=day, area=area)


def _heading(event: Event) -> str:
    place = event.location.place if event.location else None
    if place is None:
        return "Location not stated"
    country = place.country or place.name
    if place.admin1 and event.location.precision != Precision.COUNTRY:  # type: ignore[union-attr]
        return f"{country} — {place.admin1}"
    return country


def _event_order(event: Event) -> tuple[object, ...]:
    place = event.location.place if event.location else None
    type_rank = TYPE_ORDER.index(event.event_type) if event.event_type in TYPE_ORDER else len(TYPE_ORDER)
    return (
        (place.country or "~") if place else "~",
        (place.admin1 or "") if place else "",
        type_rank,
        -(event.fatalities.best + event.injured.best),
        event.id,
    )


def _sentence(event: Event, cite: Callable[[Claim], int]) -> Sentence:
    claims = [c for c in event.claims if c.stance != "denied"] or event.claims
    what = WHAT.get(event.sub_event_type or "", event.sub_event_type or "Event")
    where = _where(event, claims)
    head = f"{what} {where}".strip() if where else what
    refs = [cite(c) for c in claims[:3]]
    figures = _figures_by_claimant(claims, cite)
    damage = _damage(claims, cite)
    parts = [head]
    agreed = _agreed_figures(event, claims, cite)
    if event.contested and len(figures) > 1:
        stated = "; ".join(f"{label or 'the report'}: {text} [{ref}]" for label, text, ref in figures)
        parts.append(f". Figures differ — {stated}")
    elif agreed:
        parts.append(f": {agreed}")
    if damage:
        parts.append(("; " if len(parts) > 1 else ": ") + damage)
    text = "".join(parts)
    text = text if text.endswith(".") else text + "."
    cited = "".join(f"[{r}]" for r in refs if f"[{r}]" not in text)
    if cited:
        text = f"{text} {cited}"
    return Sentence(text, sorted({int(n) for n in _REF.findall(text)}), event.id)


def _where(event: Event, claims: list[Claim]) -> str:
    """The place as the first located claim wrote it ("in Taganrog", "in the Krasnodar region")."""
    loc = event.location
    if loc is None:
        return ""
    words = loc.text
    if not any(words in c.quote.text for c in claims):
        words = next((c.location.text for c in claims if c.location and c.location.text in c.quote.text), "")
    if not words:
        return ""
    return f"near {words}" if loc.precision == Precision.NEAR else f"in {words}"


def _agreed_figures(event: Event, claims: list[Claim], cite: Callable[[Claim], int]) -> str:
    """The event's figures (UCDP best, i.e. the reconciled toll, updates included) in the words of
    the claims that state them: "1 killed and 5 injured, according to X [1][2]"."""
    bits: list[str] = []
    sources: list[Claim] = []
    for best, attr, noun in (
        (event.fatalities.best, "killed", "killed"),
        (event.injured.best, "injured", "injured"),
    ):
        stating = [c for c in claims if (f := getattr(c, attr)) is not None and best in (f.low, f.high)]
        if best <= 0 or not stating:
            continue
        bits.append(_figure_text(getattr(stating[0], attr), noun) or f"{best} {noun}")
        sources += [c for c in stating[:2] if c not in sources]
    if not bits:
        return ""
    named = next(
        (
            c.claimant.name
            for c in sources
            if c.claimant.kind not in ("outlet", "inferred") and c.claimant.name in c.quote.text
        ),
        None,
    )
    who = f", according to {named}" if named else ""
    return f"{' and '.join(bits)}{who} {''.join(f'[{cite(c)}]' for c in sources)}"


def _figure_text(figure: Figure | None, noun: str) -> str | None:
    if figure is None or figure.low <= 0:
        return None
    if figure.high is None:
        return f"at least {figure.low} {noun}"
    if figure.high != figure.low:
        return f"{figure.low} to {figure.high} {noun}"
    return f"{figure.low} {noun}"


def _figures_by_claimant(
    claims: list[Claim], cite: Callable[[Claim], int]
) -> list[tuple[str | None, str, int]]:
    """(claimant as named in the quote, "2 killed, 3 injured", citation) per claimant, latest claim
    of each claimant first met."""
    seen: OrderedDict[str, tuple[str | None, str, int]] = OrderedDict()
    for claim in claims:
        bits = [
            b for b in (_figure_text(claim.killed, "killed"), _figure_text(claim.injured, "injured")) if b
        ]
        if not bits:
            continue
        name = claim.claimant.name if claim.claimant.kind not in ("outlet", "inferred") else None
        label = name if name and name in claim.quote.text else None
        seen[claim.claimant.label()] = (label, " and ".join(bits), cite(claim))
    return list(seen.values())


def _damage(claims: list[Claim], cite: Callable[[Claim], int]) -> str:
    """Counted damage and weapon facts ("10 drones shot down"), each once, with its citation."""
    out: list[str] = []
    seen: set[tuple[str, int]] = set()
    for claim in claims:
        for d in claim.damage:
            if d.count is None or d.count.low <= 0 or (d.kind, d.count.low) in seen:
                continue
            seen.add((d.kind, d.count.low))
            thing = d.object or d.kind.split("_")[0]
            out.append(f"{d.count.low} {thing} {DAMAGE_VERBS.get(d.kind, 'reported')} [{cite(claim)}]")
    return "; ".join(out[:3])


# -- checking ---------------------------------------------------------------------------------------

_NUMBER = re.compile(r"(?<![\[\w])\d+(?![\]\w])")
_WORDS = re.compile(r"[A-Za-z]+(?:-[a-z]+)?")


def _numbers_in(text: str) -> set[int]:
    found = {int(n) for n in re.findall(r"\d+", text.replace(",", ""))}
    for word in _WORDS.findall(text):
        value = word_to_int(word.lower())
        if value is not None:
            found.add(value)
    return found


def faithfulness_problems(brief: Brief, names: Callable[[str], Iterable[str]] | None = None) -> list[str]:
    """Every number in a sentence, and every name `names` finds in it (places, people), must appear
    in a quote the sentence cites. Returns the problems, one line each (empty: faithful)."""
    quotes = {c.number: c.quote for c in brief.citations}
    problems = []
    for section in brief.sections:
        for sentence in section.sentences:
            cited = " ".join(quotes[n] for n in sentence.citations if n in quotes)
            body = re.sub(r"\[\d+\]", "", sentence.text)
            have = _numbers_in(cited)
            for n in _NUMBER.findall(body):
                if int(n) not in have:
                    problems.append(f"{sentence.event_id}: {n} is in no cited quote: {sentence.text}")
            for name in names(body) if names else ():
                if name.casefold() not in cited.casefold():
                    problems.append(f"{sentence.event_id}: {name!r} is in no cited quote: {sentence.text}")
    return problems


def names_in(text: str) -> list[str]:
    """The places (recognised toponyms) and people (NER persons) a sentence names, for
    `faithfulness_problems`; loads the NER model."""
    from sitrep.extract.nlp import parse
    from sitrep.geo.geoparse import geoparse

    places = [t.text for t in geoparse(text) if t.role in ("place", "container")]
    people = [text[s:e] for s, e, label in parse(text).entities if label == "PERSON"]
    return list(dict.fromkeys(places + people))


# -- rendering --------------------------------------------------------------------------------------


def _title(brief: Brief) -> str:
    day = brief.day.isoformat() if brief.day else "all dates"
    where = f" — {brief.area}" if brief.area else ""
    return f"Situation report, {day}{where}"


def render_markdown(brief: Brief) -> str:
    lines = [f"# {_title(brief)}", ""]
    if brief.empty:
        lines.append("No events.")
    for section in brief.sections:
        lines += [f"## {section.heading}", ""]
        lines += [f"- {s.text}" for s in section.sentences]
        lines.append("")
    if brief.citations:
        lines += ["## Sources", ""]
        for c in brief.citations:
            outlet = c.outlet or "unknown outlet"
            link = f" <{c.url}>" if c.url else ""
            lines.append(f"{c.number}. {outlet}; {c.claimant}{link}: “{_one_line(c.quote)}”")
    return "\n".join(lines).rstrip() + "\n"


def render_text(brief: Brief) -> str:
    title = _title(brief)
    lines = [title, "=" * len(title), ""]
    if brief.empty:
        lines.append("No events.")
    for section in brief.sections:
        lines += [section.heading, "-" * len(section.heading)]
        lines += [f"* {s.text}" for s in section.sentences]
        lines.append("")
    if brief.citations:
        lines += ["Sources", "-------"]
        for c in brief.citations:
            link = f" {c.url}" if c.url else ""
            lines.append(
                f'[{c.number}] {c.outlet or "unknown outlet"}; {c.claimant}{link}: "{_one_line(c.quote)}"'
            )
    return "\n".join(lines).rstrip() + "\n"


def render_html(brief: Brief) -> str:
    """A standalone page; every piece of report text is escaped."""
    e = html.escape
    out = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        f"<title>{e(_title(brief))}</title>",
        "<style>body{font:16px/1.5 system-ui,sans-serif;max-width:50em;margin:2em auto;padding:0 1em}"
        "li{margin:.3em 0}.src{font-size:.9em;color:#444}</style></head><body>",
        f"<h1>{e(_title(brief))}</h1>",
    ]
    if brief.empty:
        out.append("<p>No events.</p>")
    for section in brief.sections:
        out.append(f"<h2>{e(section.heading)}</h2><ul>")
        for s in section.sentences:
            linked = re.sub(r"\[(\d+)\]", r'<a href="#src\1">[\1]</a>', e(s.text))
            out.append(f"<li>{linked}</li>")
        out.append("</ul>")
    if brief.citations:
        out.append('<h2>Sources</h2><ol class="src">')
        for c in brief.citations:
            url = e(c.url) if c.url and c.url.startswith(("http://", "https://")) else None
            link = (
                f' <a href="{url}" rel="noopener noreferrer">{url}</a>'
                if url
                else (f" {e(c.url)}" if c.url else "")
            )
            out.append(
                f'<li id="src{c.number}">{e(c.outlet or "unknown outlet")}; {e(c.claimant)}{link}: '
                f"“{e(_one_line(c.quote))}”</li>"
            )
        out.append("</ol>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


RENDERERS: dict[str, Callable[[Brief], str]] = {
    "md": render_markdown,
    "txt": render_text,
    "html": render_html,
}
