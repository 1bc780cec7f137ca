"""From one report's sentences to claims: who says what happened, where, when and how many.

A report is read sentence by sentence, and each sentence clause by clause (one clause per
claimant). Each clause yields at most one claim. Claims are grouped into the report's incidents as
the text goes: a clause that names a new place with an event or a count opens an incident; a
clause that adds figures without a place ("She said two buildings were damaged") continues the
current one; "the capital" and "the port cities" refer back to places already named.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from sitrep import taxonomy as tx
from sitrep.extract.actors import STATE_PERIODS, named_agent, perpetrator_mention, state_forces, target
from sitrep.extract.claimants import Anchor, find_anchors, implied_side, infer_claimant, outlet_claimant
from sitrep.extract.classify import Typing, classify, weapons_in
from sitrep.extract.damage import find_damage
from sitrep.extract.dates import default_date, report_date, resolve_date
from sitrep.extract.figures import (
    UPDATE,
    FigureMatch,
    adds_to,
    as_update,
    find_figures,
    not_among,
    pick,
    pick_civilians,
)
from sitrep.extract.hedges import hedge_in, lowered, refers_back
from sitrep.extract.nlp import Parsed
from sitrep.extract.numbers import WORD_NUMBER
from sitrep.extract.places import (
    PRECISION_RANK,
    best_in_clause,
    best_location,
    demonym_code,
    elsewhere,
    lies_within,
    location_of,
    names_a_venue,
    refine_coarse_locations,
)
from sitrep.geo.build import WATER_CODES
from sitrep.geo.distance import same_place
from sitrep.geo.gazetteer import Gazetteer, get_gazetteer
from sitrep.geo.recognize import Toponym
from sitrep.models import (
    Claim,
    Claimant,
    DatePrecision,
    EventDate,
    Figure,
    Location,
    Precision,
    Report,
    Span,
    Stance,
)

_LOCAL_OFFICIAL = re.compile(r"governor|mayor|head of|administration|regional|city|local|oblast", re.I)
_CAPITAL = re.compile(
    r"\b(?P<prep>in|on|over|across|around|near|outside|outskirts of)\s+the\s+(?:[\w-]+\s+)?"
    r"(?:(?P<whose>[A-Z][a-z]+)\s+)?capital\b",
    re.I,
)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
#: Habitual or hypothetical wording marks background, not an incident.
_BACKGROUND = re.compile(
    r"\b(?:repeatedly|regularly|frequently|often|routinely|since the (?:start|beginning) of|"
    r"in recent (?:days|weeks|months)|would (?:assess|continue|resume)|threaten(?:ed|s)? to|"
    r"plans? to (?:strike|attack)|vowed to)\b",
    re.I,
)


_COUNTRYWIDE = re.compile(r"\b(?:across|throughout|all over)\s+the\s+country\b|\bnationwide\b", re.I)
#: Damage kinds that mean something was hit (shot-down drones are not harm: ACLED's Disrupted weapons use).
HARM_KINDS = {"buildings_damaged", "fires", "energy_infrastructure"}


@dataclass
class Incident:
    key: int
    typing: Typing
    location: Location | None
    date: EventDate | None
    actor1: str | None = None
    killed: Figure | None = None  # the largest toll stated so far (for shares told later)
    killed_by: tuple[str, str | None] | None = None  # who stated it: `Claimant.label`, side
    injured: Figure | None = None  # the largest count of wounded stated so far
    #: None until a casualty figure is stated; True while every figure is a tally over a period.
    tally: bool | None = None

    @property
    def family(self) -> str:
        return tx.family(self.typing.event_type)


@dataclass
class _Context:
    """What the reader remembers while going through one report."""

    published: date | None
    outlet: Claimant
    weapons: list[str] = field(default_factory=list)
    last_person: Claimant | None = None
    last_org: Claimant | None = None
    people: list[Claimant] = field(default_factory=list)
    last_country: str | None = None  # ISO2 of the last country named or implied
    descriptors: dict[str, Location] = field(default_factory=dict)  # "port city" -> Taganrog
    doc_date: EventDate | None = None
    default_date: EventDate | None = None  # when no clause states a date (`dates.default_date`)
    incidents: list[Incident] = field(default_factory=list)
    current: Incident | None = None
    fallback: tuple[Any, ...] | None = None  # the best typed clause that opened no incident
    pending: list[tuple[Any, ...]] = field(default_factory=list)  # such clauses in this paragraph
    early: list[Claim] = field(default_factory=list)  # pending clauses attached inside a later one
    forced: bool = False
    agents: dict[str | None, str | None] = field(default_factory=dict)  # event country -> report's agent


def _plural(descriptor: str) -> re.Pattern[str]:
    words = descriptor.lower().split()
    last = words[-1]
    last = last[:-1] + "(?:y|ies)" if last.endswith("y") else re.escape(last) + "(?:s|es)?"
    return re.compile(r"\b" + r"\s+".join([*map(re.escape, words[:-1]), last]) + r"\b", re.I)


def _foreign_forces(actor1: str | None, country: str | None) -> bool:
    """Whether the actor is the forces of one of the states of `STATE_PERIODS` (Russia, Ukraine,
    Israel ...) acting outside its own country, the country of the claim's place. Other states'
    troops abroad are mostly there beside the host government ("Chadian troops, in support of
    Nigerian forces, recaptured the town"), which ACLED counts as its affiliates."""
    if not actor1 or not country:
        return False
    return any(
        actor1 == state_forces(state, police)
        for state in STATE_PERIODS
        if state != country
        for police in (False, True)
    )


class ClaimExtractor:
    """Turns one parsed report and its toponyms into claims grouped by incident."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self._gazetteer = gazetteer

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = get_gazetteer()
        return self._gazetteer

    def extract(self, report: Report, parsed: Parsed, toponyms: list[Toponym]) -> list[Claim]:
        text = report.text
        toponyms = [t.narrowed() for t in toponyms]  # an event in "northern Nigeria" is in that part
        ctx = _Context(
            published=report.published.date() if report.published else None,
            outlet=outlet_claimant(report.source),
        )
        ctx.default_date = default_date(text, ctx.published)
        ctx.doc_date = report_date(text, parsed.sentences, ctx.published)
        persons = [(s, e) for s, e, label in parsed.entities if label == "PERSON"]
        orgs = [(s, e) for s, e, label in parsed.entities if label == "ORG"]
        claims: list[Claim] = []
        sentence_anchors = [find_anchors(text[s:e], s, persons, orgs) for s, e in parsed.sentences]
        previous_end = 0
        for i, (s_start, s_end) in enumerate(parsed.sentences):
            anchors = sentence_anchors[i] or _quote_attribution(text, parsed.sentences, sentence_anchors, i)
            if _PARAGRAPH_BREAK.search(text[previous_end:s_start]):
                ctx.current = None  # a new paragraph: a place-less clause no longer continues an incident
                ctx.pending.clear()
            previous_end = s_end
            sentence_location: Location | None = None
            sentence_date: EventDate | None = None
            for seg_start, seg_end, anchor in _segments(s_start, s_end, anchors):
                claimant = self._claimant(anchor, ctx)
                seg_tops = [
                    t
                    for t in toponyms
                    if seg_start <= t.start < seg_end
                    and t.descriptor != "dateline"  # where the reporter was, not the event
                ]
                self._remember_countries(seg_tops, ctx)
                claim = self._clause(
                    text,
                    seg_start,
                    seg_end,
                    claimant,
                    anchor,
                    seg_tops,
                    ctx,
                    sentence_location,
                    sentence_date,
                    len(claims),
                    report.id,
                )
                claims += ctx.early  # pending clauses read before this one (they come first)
                ctx.early = []
                if claim is not None:
                    claims.append(claim)
                    claims += self._attach_pending(text, ctx, report.id, len(claims))
                    sentence_location = sentence_location or claim.location
                    sentence_date = sentence_date or (claim.date if claim.date and claim.date.text else None)
                else:
                    sentence_location = sentence_location or self._clause_location(
                        text, seg_start, seg_end, seg_tops, None, claimant, ctx
                    )
        if not claims and ctx.fallback is not None:
            # A short report (a headline, a snippet) may type an event without naming a place the
            # rules accept: keep its best typed clause, located at the report's finest place if any.
            claims += self._forced(text, toponyms, ctx, report.id)
        self._infer_unnamed(text, parsed.sentences, sentence_anchors, ctx.outlet, claims)
        _apply_hedges(text, parsed.sentences, claims)
        refine_coarse_locations(claims, toponyms, text)
        return claims

    def _forced(self, text: str, toponyms: list[Toponym], ctx: _Context, report_id: str) -> list[Claim]:
        """A short report (a headline, a snippet) may type an event without naming a place the
        rules accept: keep its best typed clause, located at the report's finest place if any, and
        the clauses of its paragraph that waited for a place (a share of the dead, the wounded, a
        claim of responsibility), as a place would have gathered them."""
        ctx.forced = True
        waiting, ctx.pending = ctx.pending, []
        start, end, claimant, anchor, tops, location, when, _score = ctx.fallback  # type: ignore[misc]
        location = location or best_location(toponyms, text)
        claim = self._clause(text, start, end, claimant, anchor, tops, ctx, location, when, 0, report_id)
        ctx.forced = False
        if claim is None:
            return []
        claims = [claim]
        if not any(w[0] == start for w in waiting):
            return claims  # the kept clause is not of the last paragraph: the others are not its
        for w_start, w_end, w_claimant, w_anchor, w_tops in waiting:
            if w_start == start:
                continue
            more = self._clause(
                text,
                w_start,
                w_end,
                w_claimant,
                w_anchor,
                w_tops,
                ctx,
                location,
                None,
                len(claims),
                report_id,
            )
            ctx.pending = []  # a clause that still finds no incident stays out
            if more is not None and more.incident_key == claim.incident_key and _joins(more, claim):
                claims.append(more)
        return claims

    @staticmethod
    def _infer_unnamed(
        text: str,
        sentences: list[tuple[int, int]],
        anchors: list[list[Anchor]],
        outlet: Claimant,
        claims: list[Claim],
    ) -> None:
        """Claims told in the outlet's own voice take the unnamed body that voice echoes
        (`claimants.infer_claimant`), judged only from the sentences nobody else is quoted in, and
        marked as inferred; decided once per report so its outlet claims stay one claimant."""
        if not any(c.claimant.kind == "outlet" for c in claims):
            return
        voice = "\n".join(text[s:e] for (s, e), found in zip(sentences, anchors, strict=True) if not found)
        inferred = infer_claimant(voice, outlet)
        if inferred is None:
            return
        for claim in claims:
            if claim.claimant.kind == "outlet":
                claim.claimant = Claimant(**vars(inferred))

    # -- one clause -------------------------------------------------------------------------------

    def _clause(
        self,
        text: str,
        start: int,
        end: int,
        claimant: Claimant,
        anchor: Anchor | None,
        tops: list[Toponym],
        ctx: _Context,
        sentence_location: Location | None,
        sentence_date: EventDate | None,
        index: int,
        report_id: str,
    ) -> Claim | None:
        clause = text[start:end]
        figures = find_figures(clause, start)
        killed, injured = pick(figures, "killed"), pick(figures, "injured")
        damage = find_damage(clause, start)
        harm = any(f.figure.low > 0 for f in figures) or any(d.kind in HARM_KINDS for d in damage)
        typing = classify(clause, harm=harm, default_weapons=ctx.weapons)
        if (
            typing is not None
            and typing.event_type in tx.VIOLENT_TYPES
            and not harm
            and _BACKGROUND.search(clause)
        ):
            typing = None  # "have repeatedly targeted …": background, not an incident
        if typing is not None and typing.event_type == tx.DIPLOMACY and _states_deaths(figures, killed):
            # "talks after the death of two soldiers": the deaths are the event to code, not where
            # the talks are held ("killed in Ukraine ahead of Paris talks")
            tops = [t for t in tops if not _venue(text, start + typing.start, len(typing.trigger), t)]
            typing = None
        # Weapons named anywhere in the report type a later bare "was hit" ("drones were launched at X").
        ctx.weapons = list(dict.fromkeys([*weapons_in(clause), *ctx.weapons]))
        location = self._clause_location(text, start, end, tops, typing, claimant, ctx) or sentence_location
        own_date = resolve_date(clause, ctx.published, start)
        if own_date and ctx.doc_date is None:
            ctx.doc_date = own_date
        tally = _tally(figures, killed, injured)
        incident = self._incident(typing, location, killed, injured, harm, ctx, tally)
        if incident is None:
            # a share of the dead ("One soldier was among the dead") waits for its incident's toll
            shares = any(f.part and f.figure.low > 0 for f in figures)
            typed_or_harmful = (
                typing is not None and typing.event_type is not None or killed or injured or shares
            )
            if typed_or_harmful and not ctx.forced:
                ctx.pending.append((start, end, claimant, anchor, tops))
                # harm first, then one incident's toll over a tally over a period
                score = (harm, tally is not True)
                better = ctx.fallback is None or score > ctx.fallback[-1]
                if better:
                    ctx.fallback = (start, end, claimant, anchor, tops, location, sentence_date, score)
            return None
        if tally is not None and incident.tally is not False:
            incident.tally = tally
        if location is None and incident.location is not None or lies_within(incident.location, location):
            location = incident.location
        if typing is None or typing.generic or typing.event_type is None:
            typing = (
                incident.typing
                if typing is None or tx.family(typing.event_type) == incident.family
                else typing
            )
        elif incident.typing.generic and tx.family(typing.event_type) == incident.family:
            incident.typing = typing
        when = own_date or sentence_date or incident.date or ctx.doc_date or self._published(ctx)
        if incident.date is None or (incident.date.text is None and when is not None and when.text):
            incident.date = when  # a stated date beats the publication-day default
        if incident.family == "diplomacy":
            killed = injured = None
            damage = []
        picked = next((f for f in figures if killed is not None and f.figure is killed), None)
        if picked is None and killed is not None:
            # several additions summed by `pick` ("also found two bodies ... the other body")
            summed = [f for f in figures if f.kind == "killed" and f.additional and _within(f.figure, killed)]
            picked = replace(summed[0], figure=killed) if len(summed) > 1 else None
        if picked is not None and picked.additional and ctx.pending:
            # The victims "four others" adds to may sit in a clause still waiting for a place.
            early = self._attach_pending(text, ctx, report_id, index)
            ctx.early += early
            index += len(early)
        before = incident.killed
        if picked is not None and before is not None and _names_one_of(text, before, picked):
            killed = None  # "Vadym X was killed ..." after "Two soldiers killed ...": one of the two
        if (
            picked is not None
            and before is not None
            and _same_voice(claimant, incident.killed_by)
            and _counts_some_of(text, before, picked)
        ):
            killed = None  # "14 dead ... The clash began when a driver killed two children": a detail
        if (
            picked is not None
            and killed is not None
            and before is not None
            and _adds_to(before, picked)
            and (not picked.was_wounded or incident.injured is not None or _new_victim(text, before, picked))
        ):
            # a wounded victim who has died adds to a toll only when that report counted wounded,
            # or when the same passage introduces that victim as someone new (`_new_victim`)
            killed = _added(before, killed)
        diplomacy = incident.family == "diplomacy"
        civilians = None if diplomacy else pick_civilians(figures, killed, incident.killed)
        if civilians is None and picked is not None and before is not None and not_among(before, picked):
            civilians = picked.figure  # "12 police were killed ... Two children were also killed": 2
        if killed is not None and (incident.killed is None or killed.low >= incident.killed.low):
            incident.killed, incident.killed_by = killed, (claimant.label(), claimant.affiliation)
        if injured is not None and (incident.injured is None or injured.low >= incident.injured.low):
            incident.injured = injured
        if claimant.affiliation is None and claimant.kind != "outlet":
            claimant.affiliation = self._implied_side(claimant, clause, location)
        country = location.place.country if location and location.place else None
        own = perpetrator_mention(clause, country)
        actor1 = own.name if own is not None and own.kind != "unidentified" else incident.actor1
        if actor1 is None and (own is not None or killed or injured or harm):
            if country not in ctx.agents:  # "A suicide bomber ... The Taliban claimed responsibility."
                ctx.agents[country] = named_agent(text, country)
            actor1 = ctx.agents[country] or (own.name if own is not None else None)
        incident.actor1 = incident.actor1 or actor1
        actor2 = target(clause, incident.typing.event_type, country) if (killed or injured or harm) else None
        sub_event_type = typing.sub_event_type
        if sub_event_type == "Government regains territory" and _foreign_forces(actor1, country):
            # ACLED: a foreign state's forces gaining ground ("Russian forces advanced in eastern
            # Pokrovsk") overtake territory, as a non-state actor does; only a country's own regain it
            sub_event_type = "Non-state actor overtakes territory"
        quote = _trim(text, start, end)
        return Claim(
            report_id=report_id,
            index=index,
            quote=quote,
            claimant=claimant,
            event_type=typing.event_type,
            sub_event_type=sub_event_type,
            stance=Stance.DENIED if anchor and anchor.denial else Stance.ASSERTED,
            actor1=actor1,
            actor2=actor2,
            location=location,
            date=when,
            killed=killed,
            civilians_killed=civilians,
            injured=injured,
            damage=damage,
            weapons=list(typing.weapons),
            confidence=0.4
            + 0.2 * (claimant.kind != "outlet")
            + 0.2 * bool(location and location.place)
            + 0.2 * (not typing.generic),
            incident_key=incident.key,
        )

    @staticmethod
    def _implied_side(claimant: Claimant, clause: str, location: Location | None) -> str | None:
        """The side of a claimant the text does not qualify: a governor or mayor belongs to the
        country of the place; an unnamed "ministry" or "officials" to the country the clause is
        about ("Seven Ukraine soldiers killed in ambush: ministry")."""
        local = claimant.kind == "person" and claimant.role and _LOCAL_OFFICIAL.search(claimant.role)
        if local and location and location.place:
            return location.place.country
        if claimant.kind != "person" or not re.search(r"[A-Z]", claimant.name[:1]):
            return implied_side(clause) or (location.place.country if location and location.place else None)
        return None

    def _attach_pending(self, text: str, ctx: _Context, report_id: str, next_index: int) -> list[Claim]:
        """Clauses that gave figures before the paragraph named a place ("Five people were killed.
        The attack hit a market in X") belong to the incident the place opened."""
        pending, ctx.pending = ctx.pending, []
        if ctx.current is None or ctx.current.location is None:
            return []
        attached = []
        for start, end, claimant, anchor, tops in pending:
            claim = self._clause(
                text, start, end, claimant, anchor, tops, ctx, ctx.current.location, None,
                next_index + len(attached), report_id,
            )  # fmt: skip
            if claim is not None:
                attached.append(claim)
        ctx.pending = []  # clauses re-read above must not queue themselves again
        return attached

    def _clause_location(
        self,
        text: str,
        start: int,
        end: int,
        tops: list[Toponym],
        typing: Typing | None,
        claimant: Claimant,
        ctx: _Context,
    ) -> Location | None:
        clause = text[start:end]
        usable = [t for t in tops if t.role == "place" and t.place and not elsewhere(text, t, start)]
        here = ctx.current.location if ctx.current is not None else None
        if here is not None and PRECISION_RANK.get(here.precision, 9) <= PRECISION_RANK[Precision.TOWN]:
            # "a high-rise on the east bank of the Dnipro River was struck" in a report about Kyiv: the
            # river says where in the town in hand, not a place at its mouth 400 km away
            usable = [t for t in usable if not (t.place and t.place.feature_code in WATER_CODES)]
        if typing is None or typing.event_type != tx.DIPLOMACY:
            usable = [t for t in usable if not names_a_venue(text, t, start)]
        else:
            # A meeting happens in a town; "backing Ukraine" names no venue.
            usable = [
                t
                for t in usable
                if t.precision in {Precision.TOWN, Precision.SITE}
                or re.search(r"\b(?:in|at)\s+$", text[start : t.start])
            ]
        for t in usable:
            if t.descriptor and t.precision in {Precision.TOWN, Precision.SITE}:
                ctx.descriptors[t.descriptor.lower()] = location_of(t)
        if usable:
            return location_of(best_in_clause(text, usable))
        if m := _CAPITAL.search(clause):
            # "the rebel-held Yemeni capital" names its country, whoever led the strike
            whose = demonym_code(m.group("whose")) if m.group("whose") else None
            code = (
                whose or self._country_code(claimant.affiliation) or ctx.last_country or demonym_code(clause)
            )
            capital = self.gazetteer.capital(code) if code else None
            if capital is not None:
                near = m.group("prep").lower() in {"near", "outside", "outskirts of", "around"}
                return Location(
                    text="the capital", place=capital, precision=Precision.NEAR if near else Precision.TOWN
                )
        for descriptor, loc in ctx.descriptors.items():
            if _plural(descriptor).search(clause):
                return Location(text=loc.text, place=loc.place, precision=loc.precision, detail=descriptor)
        if typing is not None and typing.sub_event_type == "Disrupted weapons use" and claimant.affiliation:
            # "Air defences shot down 94 drones", said a national body: somewhere over its country.
            country = self.gazetteer.country(claimant.affiliation)
            if country is not None:
                return Location(text=country.name, place=country, precision=Precision.COUNTRY)
        if _COUNTRYWIDE.search(clause) and ctx.last_country:
            country = self.gazetteer.country(ctx.last_country)
            if country is not None:
                return Location(text=country.name, place=country, precision=Precision.COUNTRY)
        return None

    def _incident(
        self,
        typing: Typing | None,
        location: Location | None,
        killed: Figure | None,
        injured: Figure | None,
        harmed: bool,
        ctx: _Context,
        tally: bool | None = None,
    ) -> Incident | None:
        fam = tx.family(typing.event_type) if typing and typing.event_type else None
        if typing is not None and typing.event_type is None:
            return None  # not political violence
        if ctx.forced:
            return self._new(typing or _untyped_violence(ctx), location, ctx)
        has_figures = bool(killed or injured or harmed)
        if location is not None and location.place is not None:
            for inc in ctx.incidents:
                if (
                    same_place(location, inc.location)
                    and fam in (None, inc.family)
                    and not _mixes(inc, tally)
                ):
                    return self._make_current(inc, ctx)
            current = ctx.current
            joins = current and fam in (None, current.family) and not _mixes(current, tally)
            # A death toll told in the words of a non-violent development ("truce shattered, death
            # toll hits 67") counts the dead of the violent incident in hand, in the area that holds
            # its place: an event with fatalities is violence, never a strategic development (ACLED).
            tolled = bool(killed and killed.low > 0) and fam == "strategic"
            if (
                tolled
                and current
                and current.family == "violence"
                and not _mixes(current, tally)
                and lies_within(current.location, location)
            ):
                return current
            if joins and lies_within(location, current.location):
                current.location = location  # the incident is now known more precisely
                return current
            if joins and lies_within(current.location, location):
                return current  # the region or country the incident's place lies in: the same incident
            if typing is None and not has_figures:
                return None
            return self._new(typing or _untyped_violence(ctx), location, ctx)
        current = ctx.current
        if typing is not None and fam == "diplomacy":
            if (
                current
                and current.family == "diplomacy"
                and current.typing.sub_event_type == typing.sub_event_type
            ):
                return current
            return self._new(typing, None, ctx)
        if current is None or current.family == "diplomacy" and typing is not None:
            return None
        if fam is None or fam == current.family:
            return current if typing is not None or has_figures else None
        # Casualties told without a place continue the incident in hand, whatever words typed them.
        return current if (killed or injured) and fam != "diplomacy" else None

    def _new(self, typing: Typing, location: Location | None, ctx: _Context) -> Incident:
        inc = Incident(len(ctx.incidents), typing, location, None)
        ctx.incidents.append(inc)
        return self._make_current(inc, ctx)

    @staticmethod
    def _make_current(inc: Incident, ctx: _Context) -> Incident:
        ctx.current = inc
        return inc

    # -- helpers ----------------------------------------------------------------------------------

    def _claimant(self, anchor: Anchor | None, ctx: _Context) -> Claimant:
        if anchor is None:
            return Claimant(**vars(ctx.outlet))
        claimant = anchor.claimant
        if anchor.pronoun:
            earlier = ctx.last_org if claimant.name.lower() == "it" else ctx.last_person
            if earlier is not None:
                claimant = Claimant(**{**vars(earlier), "channel": claimant.channel})
        elif claimant.kind == "person":
            # "Marchuk said" after "Oleh Marchuk, head of ..., said": the same person.
            known = next((p for p in ctx.people if _same_person(claimant.name, p.name)), None)
            if known is not None:
                claimant = Claimant(**{**vars(known), "channel": claimant.channel or known.channel})
            else:
                ctx.people.append(claimant)
            ctx.last_person = claimant
        elif known := next((p for p in ctx.people if _same_person(claimant.name, p.name)), None):
            claimant = Claimant(**{**vars(known), "channel": claimant.channel or known.channel})
        else:
            ctx.last_org = claimant
        return Claimant(**vars(claimant))

    def _remember_countries(self, tops: list[Toponym], ctx: _Context) -> None:
        for t in tops:
            place = t.place
            if place is not None and place.country_code:
                ctx.last_country = place.country_code

    def _country_code(self, side: str | None) -> str | None:
        if not side:
            return None
        country = self.gazetteer.country(side)
        return country.country_code if country is not None else None

    @staticmethod
    def _published(ctx: _Context) -> EventDate | None:
        if ctx.default_date is not None:
            return ctx.default_date
        return EventDate(ctx.published, DatePrecision.DAY) if ctx.published else None


def _apply_hedges(text: str, sentences: list[tuple[int, int]], claims: list[Claim]) -> None:
    """Lower the confidence of hedged claims (`hedges`): a sentence's hedge covers its own claims; a
    verification caveat with no claim of its own ("This could not be independently verified.")
    covers the claims before it in its paragraph."""
    for s, e in sentences:
        sentence = text[s:e]
        if hedge_in(sentence) is None:
            continue
        own = [c for c in claims if s <= c.quote.start < e]
        if not own and refers_back(sentence):
            paragraph_start = max((m.end() for m in _PARAGRAPH_BREAK.finditer(text, 0, s)), default=0)
            own = [c for c in claims if paragraph_start <= c.quote.start < s]
        for claim in own:
            claim.confidence = lowered(claim.confidence)


def _joins(more: Claim, kept: Claim) -> bool:
    """Whether a clause read after a report's kept clause is part of its event: of the same kind,
    or telling casualties ("houses were looted" alone is another event)."""
    casualties = more.killed is not None or more.injured is not None
    return casualties or tx.family(more.event_type) == tx.family(kept.event_type)


def _tally(figures: list[FigureMatch], killed: Figure | None, injured: Figure | None) -> bool | None:
    """Whether a clause's casualty figures are tallies over a period only (None: it states none)."""
    chosen = [f for f in figures if f.figure is killed or f.figure is injured]
    if not chosen:
        return None
    return all(f.period for f in chosen)


def _mixes(incident: Incident, tally: bool | None) -> bool:
    """A tally over a period ("20 civilians killed in Ukraine in 24 hours") and one incident's
    toll ("four bodies were found in the Kharkiv region") are not one event, even where one place
    contains the other: a tally sums several incidents."""
    return incident.tally is not None and tally is not None and incident.tally != tally


_VENUE_BEFORE = re.compile(r"^[\s'’s]*(?:[\w-]+\s+){0,2}$")  # "Paris talks", "Minsk peace summit"
_VENUE_AFTER = re.compile(r"^\s+(?:(?:held\s+)?(?:in|at)\s+(?:the\s+)?)$")  # "talks in Minsk"


def _venue(text: str, trigger_start: int, trigger_len: int, t: Toponym) -> bool:
    """Whether a place names where a diplomatic event (its trigger at `trigger_start`) is held."""
    if t.end <= trigger_start:
        return bool(_VENUE_BEFORE.match(text[t.end : trigger_start]))
    trigger_end = trigger_start + trigger_len
    return t.start >= trigger_end and bool(_VENUE_AFTER.match(text[trigger_end : t.start]))


def _states_deaths(figures: list[FigureMatch], killed: Figure | None) -> bool:
    """Whether a clause's killed figure is one incident's toll (not a tally over a period): in a
    clause typed Diplomacy ("meeting called over the death of two soldiers") the deaths are what
    ACLED codes, the talks are their context."""
    match = next((f for f in figures if killed is not None and f.figure is killed), None)
    return match is not None and not match.period and match.figure.low > 0


def _adds_to(before: Figure, more: FigureMatch) -> bool:
    """`figures.adds_to`, for an earlier toll told before the addition: "four others" refers back
    ("One more serviceman killed" in a headline above "Soldier killed" adds to a toll the text
    does not give)."""
    told_before = (
        before.span is None or more.figure.span is None or before.span.start < more.figure.span.start
    )
    return told_before and adds_to(before, more)


_SUBJECT_END = re.compile(r"\s*,|\s+(?:who|was|were|had|has)\b", re.I)


def _within(inner: Figure, outer: Figure) -> bool:
    a, b = inner.span, outer.span
    return a is not None and b is not None and b.start <= a.start and a.end <= b.end


def _new_victim(text: str, before: Figure, picked: FigureMatch) -> bool:
    """Whether a wounded victim who died ("A guard was wounded in the raid and later died") is
    someone other than the victims of the earlier toll, told in the same passage. Separate lines
    are separate headlines, each of which may tell the same death anew; within one passage a new
    subject is a new victim, unless its last word (the head noun or surname) repeats the earlier
    toll's words ("The driver was killed ... The driver, who was injured, died": the same man)."""
    fig = picked.figure
    if fig.span is None or before.span is None or "\n" in text[before.span.start : fig.span.start]:
        return False
    subject = _SUBJECT_END.split(fig.span.text, maxsplit=1)[0].split()
    if not subject:
        return False
    head = subject[-1].strip("’'").lower()
    return not re.search(rf"\b{re.escape(head)}\b", before.span.text, re.I)


#: A person's name (two capitalised words, with an age or appositive between name and verb
#: allowed) just before a one-victim verb: "51-year-old Ivan Petrenko was killed", "Ivan Petrenko,
#: a medic, died".
_NAMED_BEFORE = re.compile(
    r"(?-i:\b[A-Z][a-z’'-]+\s+[A-Z][a-z’'-]+)(?:\s*,[^,\n]{1,60},)?\s*(?:(?:was|has\s+been)\s+)?$"
)


def _names_one_of(text: str, before: Figure, picked: FigureMatch) -> bool:
    """Whether a one-victim report names a person ("Vadym X was killed by a mine") after an
    earlier, larger count of the same incident ("Two soldiers killed by unknown device"): it names
    one of the dead, and does not say only one died, so it is no rival count."""
    fig = picked.figure
    if fig.span is None or before.span is None or before.span.start >= fig.span.start:
        return False
    if picked.additional or not fig.exact or fig.low != 1 or fig.qualifier is not None:
        return False
    if not before.exact or before.low < 2 or (before.qualifier or "").startswith(UPDATE):
        return False
    line_start = text.rfind("\n", 0, fig.span.start) + 1
    head = text[line_start : fig.span.start]
    if fig.span.text[:1].isupper():
        head += fig.span.text.rsplit(" ", 1)[0]
    return bool(_NAMED_BEFORE.search(head))


#: Words of a general count of the dead, which may state a rival toll: "five people", "14 dead".
_GENERAL_DEAD = re.compile(
    r"\b(?:people|persons|individuals|casualties|fatalities|lives|victims|bodies|corpses|others|toll|number|"
    r"total)\b",
    re.IGNORECASE,
)
#: The words of a count phrase other than its victims: "left 14 dead", "at least five were killed".
_COUNT_PHRASE_WORDS = re.compile(
    rf"\b(?:{WORD_NUMBER}|\d+|dead|deaths?|killed|died|dies|left|leaving|leaves|killing|kills|were|was|have|has|"
    r"had|been|are|is|at|least|about|some|nearly|almost|over|than|reportedly|also|all|and|a|an|the)\b",
    re.IGNORECASE,
)
#: Words that set a count against another: a dispute or correction of the toll, not a detail of it.
_CONTRAST = re.compile(
    r"\b(?:however|but|only|contrary|whereas|while|disput\w*|den(?:y|ies|ied)|claim\w*|estimat\w*|"
    r"put|puts|placed|places|other|another|separate|different|lower|higher|fewer|more|rather|instead|"
    r"according)\b",
    re.IGNORECASE,
)


def _same_voice(claimant: Claimant, toll_by: tuple[str, str | None] | None) -> bool:
    """Whether a later count may be read as a detail of a toll: the narration goes on, or the same
    claimant or side speaks. The other side's lower count ("Russia's defence ministry said the
    strike killed two soldiers") is a rival figure, kept as such."""
    if claimant.kind == "outlet" or toll_by is None:
        return True
    label, side = toll_by
    return claimant.label() == label or (side is not None and claimant.affiliation == side)


def _counts_some_of(text: str, before: Figure, picked: FigureMatch) -> bool:
    """Whether a later, lower count of the same incident, in the same passage, counts particular
    victims among those of the toll already told ("Clashes have left 14 dead. The clash began
    when a driver ran over and killed two children": two of the 14) rather than a rival toll.

    It names a particular kind of victim (not "people", "dead" or "victims"), is neither an
    addition nor a count of civilians (which `pick_civilians` weighs against the total), and its
    sentence sets it against no other count ("However, police said only two ...")."""
    fig = picked.figure
    if fig.span is None or before.span is None or before.span.end > fig.span.start:
        return False
    if picked.additional or picked.period or picked.victims == "civilians" or fig.low >= before.low:
        return False
    if (before.qualifier or "").startswith(UPDATE) or fig.low < 1:
        return False
    if "\n" in text[before.span.start : fig.span.start]:
        return False  # separate lines are separate headlines, each a toll of its own
    if _GENERAL_DEAD.search(fig.span.text) or not re.search(
        r"\w", _COUNT_PHRASE_WORDS.sub(" ", fig.span.text)
    ):
        return False  # "five people were killed", "left 14 dead": a toll of its own
    sentence_start = max(text.rfind(". ", 0, fig.span.start), text.rfind("\n", 0, fig.span.start)) + 1
    sentence_end = text.find(". ", fig.span.end)
    sentence = text[sentence_start : len(text) if sentence_end < 0 else sentence_end]
    return not _CONTRAST.search(sentence)


def _added(before: Figure, more: Figure) -> Figure:
    """The toll grown by victims counted on top of it ("A tribal elder was killed ... The bomb
    killed four others": 1 + 4), marked as an update so that a lower count of the same incident
    (the first victim alone, told by another claimant) gives way to it at reconciliation."""
    high = None if before.high is None or more.high is None else before.high + more.high
    return as_update(Figure(before.low + more.low, high, before.qualifier or more.qualifier, more.span))


def _untyped_violence(ctx: _Context) -> Typing:
    """Casualties with no trigger word: a remote attack when the report named weapons, else ACLED's
    default for people killed by an unnamed armed actor (Violence against civilians / Attack)."""
    remote = [w for w in ctx.weapons if w != "firearm"]
    if remote:
        typing = classify("strike", harm=True, default_weapons=remote)
        if typing is not None:
            return typing
    return Typing(tx.VIOLENCE_AGAINST_CIVILIANS, "Attack", "", 0, [], generic=True)


def _same_person(short: str, full: str) -> bool:
    """'Marchuk' names 'Oleh Marchuk'; 'Oleh Marchuk' names 'Marchuk' too."""
    a, b = short.split(), full.split()
    return bool(a and b) and (a == b or a[-1] == b[-1] and (len(a) == 1 or len(b) == 1))


_OPEN_QUOTE = ('"', "“", "«", "‘")


def _quote_attribution(
    text: str, sentences: list[tuple[int, int]], anchors: list[list[Anchor]], i: int
) -> list[Anchor]:
    """A quotation's first sentences take the claimant named after it: '"A. B," X said.'; the
    paragraph after "Governor X wrote on Telegram:" is X's post."""
    start, end = sentences[i]
    sentence = text[start:end].lstrip()
    introduced = _introduced_by(text, sentences, anchors, i)
    if introduced is not None:
        return [Anchor(start, introduced.claimant, introduced.pronoun, introduced.denial)]
    if not sentence.startswith(_OPEN_QUOTE):
        return []
    for j in range(i + 1, min(i + 4, len(sentences))):
        if anchors[j]:
            first = anchors[j][0]
            closing = max(text.rfind(q, sentences[j][0], first.start) for q in ('"', "”", "»", "’"))
            if closing >= 0:
                return [Anchor(start, first.claimant, first.pronoun, first.denial)]
            return []
    return []


def _introduced_by(
    text: str, sentences: list[tuple[int, int]], anchors: list[list[Anchor]], i: int
) -> Anchor | None:
    """The claimant of a sentence in the paragraph that follows "X wrote on Telegram:" (a sentence
    ending in a colon, with a claimant): the post or statement it introduces, up to the next
    paragraph break. None when no such introduction is in force."""
    for j in range(i - 1, -1, -1):
        if anchors[j]:
            intro = text[sentences[j][0] : sentences[j][1]].rstrip()
            return anchors[j][-1] if intro.endswith(":") else None
        if _PARAGRAPH_BREAK.search(text[sentences[j][1] : sentences[j + 1][0]]):
            return None  # the paragraph of sentence i began after an unattributed sentence
    return None


def _segments(start: int, end: int, anchors: list[Anchor]) -> list[tuple[int, int, Anchor | None]]:
    """Split a sentence at each claimant: text before the first claimant belongs to its clause."""
    if not anchors:
        return [(start, end, None)]
    out: list[tuple[int, int, Anchor | None]] = []
    for i, anchor in enumerate(anchors):
        seg_start = start if i == 0 else anchor.start
        seg_end = anchors[i + 1].start if i + 1 < len(anchors) else end
        if seg_end > seg_start:
            out.append((seg_start, seg_end, anchor))
    return out


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in " \n\t,;":
        end -= 1
    return Span(start, end, text[start:end])
