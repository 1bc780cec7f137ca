"""Timeline plot: events per day by event type, as PNG or SVG.

A stacked bar per day (every day of the period, empty days included, so gaps in reporting show),
one colour per ACLED event type plus the Diplomacy extension, with the period, area and the number
of events in the title. matplotlib draws it headless (Agg); nothing is fetched at run time.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from pathlib import Path

from sitrep import taxonomy as tx
from sitrep.errors import SitrepError
from sitrep.models import Event

#: One colour per event type (colour-blind-safe Okabe-Ito palette), drawn in this order.
COLOURS: dict[str, str] = {
    tx.BATTLES: "#D55E00",
    tx.EXPLOSIONS: "#E69F00",
    tx.VIOLENCE_AGAINST_CIVILIANS: "#CC79A7",
    tx.RIOTS: "#0072B2",
    tx.PROTESTS: "#56B4E9",
    tx.STRATEGIC: "#009E73",
    tx.DIPLOMACY: "#999999",
}
OTHER = "Other"
FORMATS = ("png", "svg")
#: A plot of more days than this would draw bars thinner than a pixel: ask for a shorter period.
MAX_DAYS = 3660


def daily_counts(events: Iterable[Event]) -> dict[date, Counter[str]]:
    """Events per day and type (undated events are left out: they have no place on a timeline)."""
    counts: dict[date, Counter[str]] = {}
    for event in events:
        if event.date is None:
            continue
        kind = event.event_type if event.event_type in COLOURS else OTHER
        counts.setdefault(event.date, Counter())[kind] += 1
    return counts


def plot_timeline(
    events: Iterable[Event],
    output: str | Path,
    *,
    date_from: date | None = None,
    date_to: date | None = None,
    area: str | None = None,
) -> int:
    """Draw the timeline of `events` to `output` (.png or .svg); returns the number of events drawn."""
    path = Path(output)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise SitrepError(f"timeline output must end in .png or .svg, not {path.name!r}")
    counts = daily_counts(events)
    first = date_from or (min(counts) if counts else None)
    last = date_to or (max(counts) if counts else None)
    if first is None or last is None:
        raise SitrepError("no dated events to plot (see `sitrep events`)")
    if last < first:
        raise SitrepError(f"--to {last} is before --from {first}")
    n_days = (last - first).days + 1
    if n_days > MAX_DAYS:
        raise SitrepError(
            f"{n_days} days is too long for one timeline; give --from/--to (at most {MAX_DAYS} days)"
        )
    days = [first + timedelta(days=i) for i in range(n_days)]

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    midnights = [datetime.combine(d, time()) for d in days]
    kinds = [k for k in [*COLOURS, OTHER] if any(counts.get(d, Counter())[k] for d in days)]
    total = sum(sum(counts.get(d, Counter()).values()) for d in days)
    fig, ax = plt.subplots(figsize=(max(7.5, min(18.0, 3.0 + n_days * 0.25)), 4.0), dpi=120)
    try:
        bottom = [0] * n_days
        for kind in kinds:
            heights = [counts.get(d, Counter())[kind] for d in days]
            colour = COLOURS.get(kind, "#444444")
            ax.bar(midnights, heights, bottom=bottom, width=0.85, color=colour, label=kind)
            bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
        where = f" — {area}" if area else ""
        span = first.isoformat() if n_days == 1 else f"{first.isoformat()} to {last.isoformat()}"
        ax.set_title(f"Events per day{where}, {span} ({total} events)")
        ax.set_ylabel("events")
        ax.yaxis.get_major_locator().set_params(integer=True)
        short = n_days <= 120
        locator = mdates.DayLocator(interval=max(1, n_days // 12)) if short else mdates.AutoDateLocator()
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(
            mdates.DateFormatter("%d %b") if short else mdates.ConciseDateFormatter(locator)
        )
        start = datetime.combine(first, time()) - timedelta(hours=14)  # half a bar and a margin
        ax.set_xlim(start, datetime.combine(last, time()) + timedelta(hours=14))
        if kinds:  # beside the plot, never over a bar
            ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize="small", frameon=False)
        ax.spines[["top", "right"]].set_visible(False)
        fig.tight_layout()
        path.parent.mkdir(parents=True, exist_ok=True)
        fig.savefig(path, format=fmt, metadata={"Date": None} if fmt == "svg" else None)
    finally:
        plt.close(fig)
    return total
