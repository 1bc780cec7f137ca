"""What the watcher shows: a live table on a terminal, one structured log line per happening otherwise.

A terminal gets a rich Live table (sources, last poll, new items, errors, events added/updated)
because someone is looking at it; a pipe or a service manager gets JSON Lines (or plain text)
because something is parsing it. `sitrep sources` renders the stored state with the same columns.
"""

from __future__ import annotations

import json
import sys
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import IO, Any

from sitrep.watch.state import SourceState


@dataclass
class Row:
    """One source's line of the live table, counted since the watcher started."""

    name: str
    kind: str
    status: str = "waiting"
    last_poll: datetime | None = None
    new_items: int = 0
    errors: int = 0
    events_created: int = 0
    events_updated: int = 0
    next_due: datetime | None = None
    last_error: str | None = None


class Log:
    """Structured log lines: `json` (one object per line), `text` (key=value) or `off` (live table shown)."""

    def __init__(self, fmt: str = "json", stream: IO[str] | None = None) -> None:
        self.fmt = fmt
        self.stream = stream or sys.stdout
        self._lock = threading.Lock()

    def emit(self, event: str, **fields: Any) -> None:
        if self.fmt == "off":
            return
        record = {"ts": datetime.now(UTC).isoformat(timespec="milliseconds"), "event": event, **fields}
        if self.fmt == "json":
            line = json.dumps(record, ensure_ascii=False, default=str)
        else:
            rest = " ".join(
                f"{k}={json.dumps(v, ensure_ascii=False) if isinstance(v, str) and ' ' in v else v}"
                for k, v in fields.items()
                if v is not None
            )
            line = f"{record['ts']} {event} {rest}".rstrip()
        with self._lock:
            self.stream.write(line + "\n")
            self.stream.flush()


def _ago(when: datetime | None, now: datetime) -> str:
    if when is None:
        return "never"
    seconds = max(0.0, (now - when).total_seconds())
    if seconds < 90:
        return f"{seconds:.0f}s ago"
    if seconds < 5400:
        return f"{seconds / 60:.0f}m ago"
    return f"{seconds / 3600:.1f}h ago"


def _until(when: datetime | None, now: datetime) -> str:
    if when is None:
        return "-"
    seconds = (when - now).total_seconds()
    return "now" if seconds <= 0 else f"in {seconds:.0f}s" if seconds < 90 else f"in {seconds / 60:.0f}m"


def live_table(rows: list[Row], title: str) -> Any:
    """The rich Table of the live view; the last error is cut to one line so rows stay one line."""
    from rich.markup import escape
    from rich.table import Table

    now = datetime.now(UTC)
    table = Table(title=escape(title), expand=False)
    table.add_column("source", no_wrap=True, min_width=10)
    for header in ("type", "status", "last poll", "next"):
        table.add_column(header, no_wrap=True, min_width=len(header))
    for header in ("new", "errs", "ev+", "ev~"):  # new reports, errors, events added, events updated
        table.add_column(header, no_wrap=True, justify="right")
    table.add_column("last error", no_wrap=True, overflow="ellipsis", max_width=40)
    colours = {"ok": "green", "not-modified": "green", "error": "red", "backoff": "yellow"}
    for row in rows:
        table.add_row(
            escape(row.name),
            row.kind,
            f"[{colours.get(row.status, 'white')}]{row.status}[/]",
            _ago(row.last_poll, now),
            _until(row.next_due, now),
            str(row.new_items),
            str(row.errors),
            str(row.events_created),
            str(row.events_updated),
            escape(row.last_error or "") if row.status in ("error", "backoff") else "",
        )
    return table


def health_table(states: list[SourceState]) -> Any:
    """`sitrep sources`: each source's stored health; the last error gets the remaining width."""
    from rich.markup import escape
    from rich.table import Table

    now = datetime.now(UTC)
    table = Table(title="watched sources")
    for header in (
        "source",
        "type",
        "status",
        "last poll",
        "last ok",
        "errs",
        "retry",
        "polls",
        "items",
        "new",
        "ev+",
        "ev~",
        "last error",
    ):
        table.add_column(header, overflow="fold")
    for s in states:
        retry = _until(s.backoff_until, now) if s.backoff_until and s.backoff_until > now else "-"
        table.add_row(
            escape(s.name),
            s.kind,
            s.last_status or "never",
            _ago(s.last_poll, now),
            _ago(s.last_success, now),
            str(s.error_count),
            retry,
            str(s.polls),
            str(s.items_seen),
            str(s.reports_new),
            str(s.events_created),
            str(s.events_updated),
            escape(s.last_error or ""),
        )
    return table
