"""The main event of a report: which of its incidents is compared with a single-incident gold record.

Gold records in the event sets (ACLED-style typing, PITF, UCDP) describe one incident each, while
sitrep may find several in one text (a strike and an earlier one it recalls, a shelling and a
protest). `main_incident` picks one; `predict` turns it into the figures a gold record holds.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import asdict, dataclass
from typing import Any

from sitrep import taxonomy as tx
from sitrep.models import Claim, DatePrecision, Event, Report, Stance

#: Claimant kinds that name nobody beyond the outlet (an inferred body is still unnamed).
_UNNAMED = frozenset({"outlet", "inferred"})
#: Event types that count as violent when choosing the main incident (ACLED's political violence).
VIOLENT_TYPES = frozenset(tx.VIOLENT_TYPES | {tx.RIOTS})


def incidents(claims: list[Claim]) -> list[list[Claim]]:
    """A report's claims grouped by `incident_key` (a claim without a key is its own incident),
    in order of first appearance."""
    groups: dict[object, list[Claim]] = defaultdict(list)
    for claim in claims:
        key = claim.incident_key if claim.incident_key is not None else ("claim", claim.index)
        groups[key].append(claim)
    return list(groups.values())


def _reconciled(group: list[Claim]) -> Event:
    """The incident as a throwaway event, reconciled the way merging would (type, place, figures)."""
    from sitrep.merge.reconcile import reconcile

    head = group[0]
    event = Event(
        id="eval",
        event_type=head.event_type,
        sub_event_type=head.sub_event_type,
        date=None,
        date_precision=DatePrecision.DAY,
        location=None,
    )
    return reconcile(event, list(group))


def main_incident(claims: list[Claim]) -> list[Claim]:
    """The claims of the report's main incident (empty when the report has no claims).

    Among the report's incidents (claims grouped by `Claim.incident_key`), the main one is, in
    order of precedence:

    1. one whose reconciled event type is violent (Battles, Explosions/Remote violence, Violence
       against civilians, Riots) over one that is not (protests, strategic developments,
       diplomacy, not political violence);
    2. one that states a single incident over one whose only figures are tallies over a period
       ("kills 20 civilians in 24 hours", "since the start of the year"), which sum several
       incidents and so are no one incident's toll (`_tally_only`);
    3. the one with the most casualties: reconciled best killed figure + best injured figure
       (UCDP "best", i.e. the median of the claimants' specific figures);
    4. the one with the most claims (more clauses, sources or claimants describe it);
    5. the one that starts earliest in the text (the lead usually states the main news).
    """
    groups = incidents(claims)
    if not groups:
        return []

    def rank(item: tuple[int, list[Claim]]) -> tuple[int, int, int, int, int]:
        _, group = item
        event = _reconciled(group)
        violent = event.event_type in VIOLENT_TYPES
        casualties = event.fatalities.best + event.injured.best
        start = min(c.quote.start for c in group)
        return (int(violent), int(not _tally_only(group)), casualties, len(group), -start)

    return max(enumerate(groups), key=rank)[1]


def _tally_only(group: list[Claim]) -> bool:
    """Whether every casualty figure of an incident is a tally over a period: the figure a claim
    carries is read again from its quote (`extract.figures.find_figures`, `period`)."""
    from sitrep.extract.figures import find_figures

    stated = [(c, f) for c in group for f in (c.killed, c.injured) if f is not None and f.span is not None]
    if not stated:
        return False
    for claim, fig in stated:
        found = find_figures(claim.quote.text, claim.quote.start)
        if not any(m.period and m.figure.span == fig.span for m in found):
            return False
    return True


@dataclass
class Prediction:
    """What the pipeline says about a record's main event, in the terms of the gold files."""

    event_type: str | None = None
    sub_event_type: str | None = None
    fatalities_acled: int = 0
    fatalities_low: int = 0
    fatalities_best: int = 0
    fatalities_high: int = 0
    #: ACLED figure of the non-combatants killed, where the text tells them apart (else None).
    fatalities_civilian: int | None = None
    injured: int = 0
    date: str | None = None
    lat: float | None = None
    lon: float | None = None
    place: str | None = None
    country: str | None = None
    admin1: str | None = None
    actor1: str | None = None
    claimant_name: str | None = None
    claimant_role: str | None = None
    claimant_affiliation: str | None = None
    claimant_kind: str | None = None
    quote: str | None = None
    n_claims: int = 0
    n_incidents: int = 0

    @property
    def no_event(self) -> bool:
        return self.n_claims == 0 or self.event_type is None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def predict(claims: list[Claim], report: Report | None = None) -> Prediction:
    """The record-level prediction from a report's claims ("no event" when there are none).

    Type and sub-type, place, date, actor and figures are those of the main incident reconciled
    as an event (`sitrep.merge.reconcile.reconcile`: majority type, ACLED / UCDP figures). The
    claimant and quote are those of the claim carrying the event's killed figure (the first
    claim whose lower bound is the ACLED figure, else the first with any killed figure), else of
    the incident's first claim; when that claim names nobody (the outlet, or a body inferred from
    wording), the first claim of the incident that names its source. With no claims, the claimant
    is the report's own
    (`sitrep.extract.claimants.report_claimant`: the first source its lines name, else the
    outlet), since a report names its source even when no clause yields an event.
    """
    main = main_incident(claims)
    if not main:
        if report is None:
            return Prediction()
        from sitrep.extract.claimants import report_claimant

        own = report_claimant(report.text, report.source)
        return Prediction(
            claimant_name=own.name,
            claimant_role=own.role,
            claimant_affiliation=own.affiliation,
            claimant_kind=own.kind,
        )
    event = _reconciled(main)
    live = [c for c in main if c.stance != Stance.DENIED] or main
    with_killed = [c for c in live if c.killed is not None]
    carrier = next((c for c in with_killed if c.killed.low == event.fatalities.acled), None)  # type: ignore[union-attr]
    carrier = carrier or (with_killed[0] if with_killed else main[0])
    who = carrier.claimant
    if who.kind in _UNNAMED:
        # The figure is told in the outlet's voice; a source the incident names elsewhere (another
        # headline of the bundle, a later "- mayor") is the record's claimant.
        who = next((c.claimant for c in live if c.claimant.kind not in _UNNAMED), who)
    point = event.location.point() if event.location is not None else None
    place = event.location.place if event.location is not None else None
    return Prediction(
        event_type=event.event_type,
        sub_event_type=event.sub_event_type,
        fatalities_acled=event.fatalities.acled,
        fatalities_low=event.fatalities.low,
        fatalities_best=event.fatalities.best,
        fatalities_high=event.fatalities.high,
        fatalities_civilian=None if event.civilian_fatalities is None else event.civilian_fatalities.acled,
        injured=event.injured.acled,
        date=event.date.isoformat() if event.date is not None else None,
        lat=point[0] if point else None,
        lon=point[1] if point else None,
        place=place.name if place is not None else None,
        country=place.country if place is not None else None,
        admin1=place.admin1 if place is not None else None,
        actor1=event.actor1,
        claimant_name=who.name,
        claimant_role=who.role,
        claimant_affiliation=who.affiliation,
        claimant_kind=who.kind,
        quote=carrier.quote.text,
        n_claims=len(claims),
        n_incidents=len(incidents(claims)),
    )


_LINE_SPLIT = re.compile(r"\n+")


def states_killed_count(text: str) -> bool:
    """Whether a text (a headline, or headlines one per line) states how many were killed.

    Rule: `sitrep.extract.figures.find_figures` finds a *killed* figure in some line: a number
    word, digits or a vague count next to killed / dead / died / deaths / death toll ..., or an
    explicit none ("no one was killed", "no casualties"). A tally over a period ("7 militiamen
    killed in past week", "in the past 24 hours", "this year") does not count: it sums several
    incidents, so it states no one incident's toll. Used to slice UCDP records whose headlines
    can give the count at all (the scorer also leaves out headlines shared by several records,
    whose total UCDP split between them).
    """
    from sitrep.extract.figures import find_figures

    return any(
        f.kind == "killed" and not f.period for line in _LINE_SPLIT.split(text) for f in find_figures(line)
    )
