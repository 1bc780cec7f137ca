"""Terminal views of events: a table for `sitrep events`, a detail page for `sitrep show`."""

from __future__ import annotations

import shutil
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from sitrep.models import Event, FigureRange


def figure_text(fr: FigureRange) -> str:
    """'3' when everyone agrees, '1 (1–3)' for ACLED-lowest and a UCDP range."""
    if not fr.by_claimant:
        return ""
    if fr.vague:
        return f"{fr.vague} (≥{fr.low})"
    if fr.low == fr.high:
        return str(fr.acled)
    return f"{fr.acled} ({fr.low}–{fr.high})"


def place_text(event: Event) -> str:
    loc = event.location
    if loc is None:
        return "—"
    if loc.place is None:
        return loc.text
    parts = [loc.place.name, loc.place.admin1, loc.place.country_code]
    return ", ".join(dict.fromkeys(p for p in parts if p)) + f" [{loc.precision.value}]"


def _claimant_names(event: Event, most: int = 3) -> str:
    names = list(dict.fromkeys(c.claimant.name for c in event.claims)) or [
        label.split(" (")[0].split(" via ")[0] for label in event.claimants
    ]
    extra = f" +{len(names) - most}" if len(names) > most else ""
    return "; ".join(names[:most]) + extra


def events_table(events: list[Event], console: Console | None = None) -> None:
    """One row per event; wide enough to read when piped (rich falls back to 80 columns)."""
    console = console or _console()
    table = Table(show_lines=False, header_style="bold")
    for col, kwargs in (
        ("id", {"no_wrap": True}),
        ("date", {"no_wrap": True}),
        ("type", {}),
        ("place [precision]", {}),
        ("killed", {"justify": "right"}),
        ("injured", {"justify": "right"}),
        ("src", {"justify": "right"}),
        ("claimants", {}),
        ("", {"no_wrap": True}),
    ):
        table.add_column(col, overflow="fold", **kwargs)
    for e in events:
        table.add_row(
            e.id,
            e.date.isoformat() if e.date else "",
            escape(e.sub_event_type or e.event_type or ""),
            escape(place_text(e)),
            figure_text(e.fatalities),
            figure_text(e.injured),
            str(e.n_sources),
            escape(_claimant_names(e)),
            "[red]contested[/red]" if e.contested else "",
        )
    console.print(table)


def _console() -> Console:
    # Rich falls back to 80 columns when piped; quotes read better wider.
    return Console(width=max(140, shutil.get_terminal_size().columns))


def event_detail(event: Event, store: Any, console: Console | None = None) -> None:
    console = console or _console()
    console.print(f"[bold]{escape(event.summary)}[/bold]  ({event.id})")
    console.print(f"type: {escape(event.event_type or '')} / {escape(event.sub_event_type or '')}")
    if event.date:
        console.print(f"date: {event.date.isoformat()} (precision: {event.date_precision.value})")
    console.print(f"place: {escape(place_text(event))}")
    if event.location and event.location.point():
        lat, lon = event.location.point()  # type: ignore[misc]
        console.print(f"point: {lat:.5f}, {lon:.5f}")
    for label, fr in (("killed", event.fatalities), ("injured", event.injured)):
        if fr.by_claimant:
            per = "; ".join(f"{k}: {v}" for k, v in fr.by_claimant.items())
            console.print(
                f"{label}: ACLED {fr.acled}; UCDP low/best/high {fr.low}/{fr.best}/{fr.high}  — {escape(per)}"
            )
    if event.contested:
        console.print(f"[red]contested[/red]: {escape(event.contested_reason or '')}")
    console.print(f"sources: {event.n_sources}, claimants: {event.n_claimants}\n")
    for i, claim in enumerate(event.claims, 1):
        report = store.get_report(claim.report_id)
        console.print(f"[bold][{i}][/bold] {escape(claim.claimant.label())} — {claim.stance.value}")
        console.print(f"    “{escape(claim.quote.text)}”")
        facts = []
        if claim.killed:
            facts.append(f"killed {claim.killed}")
        if claim.injured:
            facts.append(f"injured {claim.injured}")
        facts += [f"{d.kind.replace('_', ' ')}: {d.count or ''} {d.object}".strip() for d in claim.damage]
        if claim.location:
            facts.append(f"at {claim.location.text} [{claim.location.precision.value}]")
        if facts:
            console.print("    " + escape("; ".join(facts)))
        console.print(f"    id: {escape(claim.id)}")
        if claim.assignment:
            console.print(f"    why here: {escape(claim.assignment)}")
        if report is not None:
            where = report.url or ""
            console.print(
                f"    source: {escape(report.source or report.origin)} {escape(where)} "
                f"(chars {claim.quote.start}–{claim.quote.end})"
            )


def toponym_table(toponyms: list[Any], console: Console | None = None) -> None:
    """`sitrep geoparse`: each span, what it resolved to, at what precision and how sure."""
    console = console or _console()
    table = Table(header_style="bold")
    for col in (
        "span",
        "chars",
        "place",
        "admin1",
        "country",
        "lat, lon",
        "geonameid",
        "precision",
        "conf",
        "note",
    ):
        table.add_column(col, overflow="fold")
    for t in toponyms:
        place = t.place
        note = escape(t.reason if place is None or t.role != "place" else t.descriptor or "")
        note += " (attributive)" if t.role != "place" else ""
        if t.area is not None:  # "northern Nigeria": the part's own point
            note += f"{'; ' if note else ''}{escape(t.area.name)} at {t.area.lat:.4f}, {t.area.lon:.4f}"
        table.add_row(
            escape(t.text),
            f"{t.start}–{t.end}",
            escape(place.name) if place else "—",
            escape(place.admin1 or "") if place else "",
            escape(place.country or "") if place else "",
            f"{place.lat:.4f}, {place.lon:.4f}" if place else "",
            str(place.geonameid or "") if place else "",
            t.precision.value,
            f"{t.confidence:.2f}",
            note,
        )
    console.print(table)
