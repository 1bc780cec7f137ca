"""Reconcile an event's claims: one canonical type, place and date, and figures side by side.

Figures follow two conventions. ACLED records the lowest credible figure: the lowest *specific*
number any claimant gives ("6", "at least 20"); vague words ("several") count only when nobody
gives a number, at the lower bound sitrep assigns them. UCDP keeps low / best / high: low is the
lowest bound anyone gives, high the highest, and best the median of the specific figures (the
lower median when there is an even number of claimants), so that one outlier claimant moves
neither end silently. An event is contested when two claimants' ranges do not overlap.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

from sitrep.extract.actors import default_perpetrator
from sitrep.extract.figures import UPDATE
from sitrep.models import Claim, Event, Figure, FigureRange, Precision, Stance

_RANK = {Precision.SITE: 0, Precision.TOWN: 1, Precision.DISTRICT: 2, Precision.NEAR: 3,
         Precision.REGION: 4, Precision.COUNTRY: 5}  # fmt: skip
_VAGUE = {"several", "multiple", "many", "numerous", "some", "a few", "few", "a number", "dozens",
          "scores", "hundreds", "thousands", "unspecified",
          "claimed"}  # fmt: skip  # "claimed": one side's count of the enemy's dead (extract.figures)


def _specific(fig: Figure) -> bool:
    return fig.qualifier not in _VAGUE


def _label(claim: Claim) -> str:
    return claim.claimant.label() if claim.claimant.kind != "outlet" else claim.claimant.name


def _better(fig: Figure, old: Figure | None) -> bool:
    return old is None or (_specific(fig), fig.low) > (_specific(old), old.low)


def _claimant_figures(claims: list[Claim], attr: str) -> dict[str, Figure]:
    """Each claimant's figure: their most specific, then highest, statement. A claimant's later
    report replaces its earlier figures (an updated toll is not a dispute); claims arrive in
    ingest order."""
    stated = [
        (c, getattr(c, attr)) for c in claims if getattr(c, attr) is not None and c.stance != Stance.DENIED
    ]
    latest = {_label(c): c.report_id for c, _ in stated}
    by_claimant: dict[str, Figure] = {}
    for claim, fig in stated:
        label = _label(claim)
        if latest[label] == claim.report_id and _better(fig, by_claimant.get(label)):
            by_claimant[label] = fig
    return by_claimant


def _superseded(by_claimant: dict[str, Figure]) -> dict[str, Figure]:
    """Drop counts an updated toll has overtaken: once someone says the toll "rose to 5", an
    earlier "one person was killed" or "rises to three" is the same incident counted earlier,
    not a dispute (the highest update stands)."""
    updates = [f.low for f in by_claimant.values() if (f.qualifier or "").startswith(UPDATE)]
    if not updates:
        return by_claimant
    top = max(updates)
    return {name: f for name, f in by_claimant.items() if f.low >= top}


def reconcile_figures(claims: list[Claim], attr: str) -> tuple[FigureRange, list[str]]:
    """The event's figure range for `attr` ("killed" or "injured") and any disagreements."""
    by_claimant = _superseded(_claimant_figures(claims, attr))
    if not by_claimant:
        return FigureRange(), []
    figures = list(by_claimant.values())
    specific = [f for f in figures if _specific(f)]
    vague = None if specific else figures[0].qualifier
    specific = specific or figures
    lows = sorted(f.low for f in specific)
    result = FigureRange(
        acled=lows[0],
        low=min(f.low for f in figures),
        best=lows[(len(lows) - 1) // 2],
        high=max(f.high if f.high is not None else f.low for f in figures),
        by_claimant={name: str(f) for name, f in by_claimant.items()},
        vague=vague,
    )
    disagreements: list[str] = []
    items = list(by_claimant.items())
    for i, (name_a, a) in enumerate(items):
        for name_b, b in items[i + 1 :]:
            a_hi = a.high if a.high is not None else float("inf")
            b_hi = b.high if b.high is not None else float("inf")
            if a.low > b_hi or b.low > a_hi:
                disagreements.append(f"{name_a}: {a}; {name_b}: {b}")
    return result, disagreements


def reconcile(event: Event, claims: list[Claim]) -> Event:
    """Recompute every derived field of `event` from its claims (in place) and return it."""
    live = [c for c in claims if c.stance != Stance.DENIED] or claims
    event.claims = claims
    types = Counter((c.event_type, c.sub_event_type) for c in live if c.sub_event_type)
    if types:
        # Most claims decide; on a tie, the most confident claim's type.
        top = max(types.values())
        tied = {t for t, n in types.items() if n == top}
        chosen = max(
            (c for c in live if (c.event_type, c.sub_event_type) in tied), key=lambda c: c.confidence
        )
        event.event_type, event.sub_event_type = chosen.event_type, chosen.sub_event_type
    located = [c for c in live if c.location is not None and c.location.place is not None]
    if located:
        places = Counter(c.location.place.geonameid or c.location.place.name for c in located)  # type: ignore[union-attr]
        top = max(places.values())
        candidates = [
            c for c in located if places[c.location.place.geonameid or c.location.place.name] == top
        ]  # type: ignore[union-attr]
        event.location = min(candidates, key=lambda c: _RANK[c.location.precision]).location  # type: ignore[union-attr]
    dated = [c.date for c in live if c.date is not None]
    dated = [d for d in dated if d.text] or dated  # dates the text states outvote the default
    if dated:
        counts = Counter(d.date for d in dated)
        top = max(counts.values())
        day = min(d for d, n in counts.items() if n == top)
        event.date = day
        event.date_precision = min(
            (d.precision for d in dated if d.date == day),
            key=lambda p: ["day", "week", "month", "year"].index(p.value),
        )
    event.actor1 = next((c.actor1 for c in live if c.actor1), None) or default_perpetrator(
        event.sub_event_type,
        event.location.place.country if event.location and event.location.place else None,
    )
    event.actor2 = next((c.actor2 for c in live if c.actor2), None)
    event.fatalities, killed_conflicts = reconcile_figures(live, "killed")
    event.injured, injured_conflicts = reconcile_figures(live, "injured")
    conflicts = [f"killed: {c}" for c in killed_conflicts] + [f"injured: {c}" for c in injured_conflicts]
    denied = [c for c in claims if c.stance == Stance.DENIED]
    if denied:
        conflicts.append("denied by " + ", ".join(sorted({c.claimant.name for c in denied})))
    event.contested = bool(conflicts)
    event.contested_reason = " | ".join(conflicts) or None
    names = list(dict.fromkeys(c.claimant.label() for c in claims))
    event.claimants = names
    event.n_claimants = len({c.claimant.name for c in claims})
    event.n_sources = len({c.report_id for c in claims})
    event.updated = datetime.now(UTC)
    event.first_reported = event.first_reported or event.updated
    event.summary = summarise(event)
    return event


def summarise(event: Event) -> str:
    """One line for tables: type, place, figures."""
    where = ""
    if event.location is not None:
        place = event.location.place
        parts = [event.location.text if place is None else place.name]
        if place is not None:
            parts += [p for p in (place.admin1, place.country) if p and p != place.name]
        where = " in " + ", ".join(dict.fromkeys(parts))
    figures = []
    for label, fr in (("killed", event.fatalities), ("injured", event.injured)):
        if fr.high:
            figures.append(f"{fr.vague or fr.acled} {label}")
    tail = f": {', '.join(figures)}" if figures else ""
    return f"{event.sub_event_type or event.event_type}{where}{tail}"
