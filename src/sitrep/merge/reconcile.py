"""Reconcile an event's claims: one canonical type, place and date, and figures side by side.

Figures follow two conventions. ACLED records the lowest credible figure: the lowest *specific*
number any claimant gives ("6", "at least 20"); vague words ("several") count only when nobody
gives a number, at the lower bound sitrep assigns them. UCDP keeps low / best / high: low is the
lowest bound anyone gives, high the highest, and best the median of the specific figures (the
lower median when there is an even number of claimants), so that one outlier claimant moves
neither end silently. An event is contested when two claimants' ranges do not overlap.
"""

from __future__ import annotations

import re
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


#: Each side's armed forces as the other side names them in its claims ("servicemen of the Armed
#: Forces of Ukraine", "militants", "SBU officers"; "Russian soldiers", "occupiers", "separatists").
_UKRAINE_FORCES = re.compile(
    r"\b(?:Armed\s+Forces\s+of\s+Ukraine|AFU|APU|ZSU|SBU|Ukrainian\s+(?:[\w-]+\s+){0,2}?(?:servicem[ae]n|"
    r"soldiers|troops|military|militants|nationalists|fighters|forces|army|marines|paratroopers|"
    r"mercenaries|gunmen)|Kiev\s+(?:troops|forces|militants)|militants|nationalists|mercenaries|"
    r"(?:neo-?)?nazis|punishers)\b",
    re.IGNORECASE,
)
_RUSSIAN_FORCES = re.compile(
    r"\b(?:Russian\s+(?:[\w-]+\s+){0,2}?(?:servicem[ae]n|soldiers|troops|military|forces|army|marines|"
    r"paratroopers|mercenaries|fighters)|occupiers|occupants|invaders|orcs|racists|ru[sc]{1,2}ists|"
    r"Wagner\w*|Kadyrovites|separatists|rebels|militants|terrorists|militiam[ae]n|mercenaries)\b",
    re.IGNORECASE,
)
#: The separatists call their own fighters "militants" too; only the other words name the enemy.
_UKRAINE_FORCES_SEP = re.compile(_UKRAINE_FORCES.pattern.replace("|militants|", "|"), re.IGNORECASE)
#: The side whose forces each belligerent claimant counts as the enemy.
_ENEMY_FORCES = {"Russia": _UKRAINE_FORCES, "DPR": _UKRAINE_FORCES_SEP, "LPR": _UKRAINE_FORCES_SEP,
                 "separatists": _UKRAINE_FORCES_SEP, "Ukraine": _RUSSIAN_FORCES}  # fmt: skip
_NOT_COMBATANTS = re.compile(
    r"\b(?:civilians?|residents?|inhabitants|people|persons?|wom[ae]n|child(?:ren)?|journalists?|"
    r"volunteers|medics|rescuers|passengers|villagers)\b",
    re.IGNORECASE,
)
_PERSON_NOUN = re.compile(r"[A-Za-z]{3,}s\b|\b(?:personnel|military|servicem[ae]n|militiam[ae]n)\b")
_FORCE_NOUN = re.compile(r"\b(?:soldiers|servicem[ae]n|personnel|militants|fighters|troops|marines)\b", re.I)
_COUNT_WORDS = re.compile(
    r"[\d,]+|\b(?:more|than|over|up|to|about|around|almost|nearly|at|least|killed|dead|died|were|was)\b", re.I
)
#: The body a count's "of" names: "... servicemen of the Armed Forces of Ukraine".
_OF_BODY = re.compile(
    r"\s*(?:(?:of|from)\s+)?(?:the\s+)?(?:[A-Z0-9][\w’'-]*|of|the|and)(?:\s+(?:[A-Z0-9][\w’'-]*|of|the|and))*"
)


def _enemy_losses(claim: Claim, fig: Figure) -> bool:
    """Whether a killed figure is a belligerent's count of the enemy's dead ("More than 50 militants
    killed - Russian Defence Ministry", "killed up to 60 servicemen of the Armed Forces of Ukraine"):
    the claimant speaks for a side at war (named, not an outlet or a voice inferred from wording),
    the victims' words name the other side's forces and no civilians, and the count is no toll (a
    toll's words name the attacker). A bare count ("Over 50 killed, over 120 wounded soldiers of
    the ... Armed Forces of Ukraine") is judged by the forces named after it."""
    who = claim.claimant
    enemy = _ENEMY_FORCES.get(who.affiliation or "")
    if enemy is None or who.kind in {"outlet", "inferred"} or fig.span is None or not fig.low:
        return False
    if (fig.qualifier or "").startswith(UPDATE) or re.search(r"\b(?:toll|number)\b", fig.span.text, re.I):
        return False  # a toll ("death toll in shelling by Ukrainian forces rises to five") names the attacker
    text = claim.quote.text
    at = fig.span.start - claim.quote.start
    if not (0 <= at <= len(text)):
        return False
    rest = text[at + len(fig.span.text) :]
    victims = fig.span.text
    if re.search(r"\b(?:of|from)(?:\s+the)?\s*$", victims) or re.match(r"\s+(?:of|from)\b", rest):
        body = _OF_BODY.match(rest)
        victims += body.group(0) if body else ""
    own = _UKRAINE_FORCES if enemy is _RUSSIAN_FORCES else _RUSSIAN_FORCES
    if _NOT_COMBATANTS.search(victims):
        return False
    if enemy.search(victims):
        return not _own_named(own, enemy, victims)
    if _PERSON_NOUN.search(_COUNT_WORDS.sub(" ", fig.span.text)):
        return False  # the victims are named, as neither side's forces
    # "Over 50 killed, over 120 wounded soldiers of the ... Armed Forces of Ukraine": the forces
    # named after the count.
    after = text[at:]
    return (
        bool(_FORCE_NOUN.search(after) and enemy.search(after))
        and not _NOT_COMBATANTS.search(text)
        and not _own_named(own, enemy, text)
    )


def _own_named(own: re.Pattern[str], enemy: re.Pattern[str], text: str) -> bool:
    """The claimant's own forces named in `text` (other than by a word both sides use)."""
    return any(not enemy.fullmatch(m.group(0)) for m in own.finditer(text))


def _credited(claim: Claim, attr: str) -> Figure | None:
    """The figure a claim gives for `attr`, as reconciliation credits it: a belligerent's count of
    the enemy's dead is that side's claim (`extract.figures`' "claimed": 2 up to the number), however
    it is worded."""
    fig: Figure | None = getattr(claim, attr)
    if attr != "killed" or fig is None or not _specific(fig) or not _enemy_losses(claim, fig):
        return fig
    top = fig.high if fig.high is not None else fig.low
    return Figure(min(2, fig.low), top, "claimed", fig.span)


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
    stated = [(c, f) for c in claims if (f := _credited(c, attr)) is not None and c.stance != Stance.DENIED]
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
    # The civilian toll beside the total, from the claims that tell non-combatants apart.
    separated = [c for c in live if c.civilians_killed is not None]
    event.civilian_fatalities = reconcile_figures(separated, "civilians_killed")[0] if separated else None
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
