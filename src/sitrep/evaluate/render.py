"""The human-readable report of `sitrep eval`: one table per file, and the confusion matrix."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

    from sitrep.evaluate.score import FileResult

#: Metrics that are not shares: printed as plain numbers, not percentages.
UNBOUNDED = ("mae", "median_km")


def _value(name: str, value: float) -> str:
    metric = name.split(".", 1)[1]
    if metric.startswith(UNBOUNDED):
        return f"{value:.1f}" if "median_km" in metric else f"{value:.2f}"
    if metric.startswith("ari"):
        return f"{value:.3f}"
    return f"{100 * value:.1f}%"


def print_results(results: list[FileResult], console: Console | None = None) -> None:
    from rich import box
    from rich.console import Console
    from rich.table import Table

    console = console or Console()
    for result in results:
        table = Table(title=f"{result.file}  ({result.n} records)", title_justify="left")
        table.add_column("metric")
        table.add_column("value", justify="right")
        table.add_column("records", justify="right")
        previous = None
        for name, value in result.metrics.items():
            group = name.split(".", 1)[0]
            if previous is not None and group != previous:
                table.add_section()
            previous = group
            table.add_row(name, _value(name, value), str(result.n_scored[name]))
        if not result.metrics:
            table.add_row("(no gold field sitrep can score)", "", "")
        console.print(table)
        if result.counts:
            console.print("  " + ", ".join(f"{k} {v}" for k, v in result.counts.items()), highlight=False)
        if result.confusion:
            labels = list(next(iter(result.confusion.values())))
            matrix = Table(
                title="confusion of sub-event types: gold (rows) × predicted (columns)",
                title_justify="left",
                box=box.SIMPLE_HEAD,
                padding=(0, 1),
            )
            matrix.add_column("gold")
            for label in labels:
                matrix.add_column(SHORT.get(label, label), justify="right")
            for gold, row in result.confusion.items():
                matrix.add_row(SHORT.get(gold, gold), *(str(row[x]) if row[x] else "·" for x in labels))
            console.print(matrix)
            legend = ", ".join(f"{SHORT.get(x, x)} = {x}" for x in labels)
            console.print("  " + legend, highlight=False)
        console.print()


#: Column headers short enough for a terminal.
SHORT = {
    "Chemical weapon": "Chem",
    "Air/drone strike": "Air",
    "Suicide bomb": "Suic",
    "Shelling/artillery/missile attack": "Shell",
    "Remote explosive/landmine/IED": "IED",
    "Grenade": "Gren",
    "Disrupted weapons use": "Disr",
    "(other)": "other",
    "(no event)": "none",
}
