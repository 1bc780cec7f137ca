"""The watch loop: who is due, polls in worker threads, storing and alerting in the main thread.

Fetching waits on the network, so polls run in a small thread pool (a slow source never delays
the others); reading the results into the database runs in the main thread only, because SQLite
has one writer and the NLP model is not shared between threads. Each report is committed by
`Pipeline.ingest` on its own; a source's validators are saved after all its reports, so a restart
(clean or after kill -9) repeats at most the interrupted poll, whose stored items are recognised
by content hash: no duplicate and no gap.
"""

from __future__ import annotations

import signal
import threading
import time
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sitrep.pipeline import Pipeline
from sitrep.watch.alerts import Alerter
from sitrep.watch.fetch import HostLimiter, make_client, user_agent
from sitrep.watch.poller import Poll, poll_source
from sitrep.watch.sources import SourceSpec, WatchConfig
from sitrep.watch.state import SourceState, WatchState
from sitrep.watch.status import Log, Row, live_table


def backoff_delay(spec: SourceSpec, errors: int, max_backoff: float) -> float:
    """Seconds to wait after `errors` consecutive failures: the interval doubled per failure, capped."""
    return min(max_backoff, spec.interval * 2 ** min(errors, 30))


def next_due(spec: SourceSpec, state: SourceState) -> datetime:
    """When a source should next be polled, from its stored state (so restarts keep the schedule)."""
    now = datetime.now(UTC)
    if state.backoff_until is not None and state.error_count:
        return state.backoff_until
    if state.last_poll is None:
        return now
    return state.last_poll + timedelta(seconds=spec.interval)


@dataclass
class Totals:
    """Counts over the whole run, for the final summary and the benchmark."""

    polls: int = 0
    errors: int = 0
    items: int = 0
    reports_new: int = 0
    events_created: int = 0
    events_updated: int = 0
    alerts: int = 0
    alert_errors: int = 0


class Watcher:
    """Polls every source of a `WatchConfig` on its schedule and stores what is new."""

    def __init__(
        self,
        config: WatchConfig,
        db: str | None = None,
        *,
        log: Log | None = None,
        pipeline: Pipeline | None = None,
    ) -> None:
        self.config = config
        self.pipeline = pipeline or Pipeline(db)
        self.store = self.pipeline.store
        self.state = WatchState(self.store)
        self.log = log or Log("json")
        self.alerter = Alerter(config.alerts)
        self.totals = Totals()
        self.rows = {s.name: Row(s.name, s.kind) for s in config.sources}
        self._stop = threading.Event()
        self._states: dict[str, SourceState] = {}
        self._due: dict[str, datetime] = {}

    def stop(self) -> None:
        """Ask the loop to finish the poll in hand and return (signal handlers call this)."""
        self._stop.set()

    # -- state ----------------------------------------------------------------------------------

    def _load_states(self) -> None:
        for spec in self.config.sources:
            state = self.state.load(spec.name)
            if state is None or state.kind != spec.kind or state.target != spec.target:
                # A new source, or one whose URL changed: old validators would lie about the new target.
                fresh = SourceState(spec.name, spec.kind, spec.target)
                if state is not None:
                    fresh.polls, fresh.items_seen = state.polls, state.items_seen
                    fresh.reports_new = state.reports_new
                    fresh.events_created, fresh.events_updated = state.events_created, state.events_updated
                state = fresh
                self.state.save(state)
            self._states[spec.name] = state
            self._due[spec.name] = next_due(spec, state)
            row = self.rows[spec.name]
            row.last_poll, row.next_due = state.last_poll, self._due[spec.name]
            if state.error_count:
                row.status, row.last_error = "backoff", state.last_error

    # -- the loop -------------------------------------------------------------------------------

    def run(self, *, once: bool = False, live: bool = False, duration: float | None = None) -> Totals:
        """Poll until stopped (or every source once with `once`, or for `duration` seconds)."""
        self._load_states()
        self.log.emit(
            "start",
            sources=len(self.config.sources),
            alerts=len(self.config.alerts),
            db=self.store.label,
            user_agent=user_agent(self.config.contact),
            once=once,
        )
        if not self.config.contact:
            self.log.emit("warning", message="no [watch] contact set: site operators cannot reach you")
        self._warm_up()
        client = make_client(self.config.contact, self.config.workers)
        limiter = HostLimiter(self.config.host_delay)
        specs = {s.name: s for s in self.config.sources}
        pending: dict[Future[Poll], str] = {}
        polled: set[str] = set()
        deadline = time.monotonic() + duration if duration else None
        live_view = self._start_live() if live else None
        try:
            with ThreadPoolExecutor(self.config.workers, thread_name_prefix="sitrep-poll") as pool:
                while not self._stop.is_set():
                    if deadline is not None and time.monotonic() >= deadline:
                        break
                    now = datetime.now(UTC)
                    busy = set(pending.values())
                    for name, spec in specs.items():
                        if name in busy or (once and name in polled):
                            continue
                        if once and self._in_backoff(name, now):
                            polled.add(name)
                            self.log.emit(
                                "skip",
                                source=name,
                                reason="backing off after errors",
                                until=self._due[name].isoformat(timespec="seconds"),
                            )
                            continue
                        if once or self._due[name] <= now:
                            state = self._states[name]
                            future = pool.submit(
                                poll_source,
                                spec,
                                state,
                                client=client,
                                limiter=limiter,
                                files_seen=lambda n=name: self.state.files_seen(n),
                            )
                            pending[future] = name
                            polled.add(name)
                    if once and not pending and len(polled) == len(specs):
                        break
                    timeout = self._sleep_for()
                    if pending:
                        done, _ = wait(list(pending), timeout=timeout, return_when=FIRST_COMPLETED)
                        for future in done:
                            name = pending.pop(future)
                            try:
                                self._store_poll(specs[name], future.result())
                            except Exception as exc:  # noqa: BLE001 - one source's surprise must not end a weeks-long run
                                self._due[name] = datetime.now(UTC) + timedelta(seconds=specs[name].interval)
                                self.totals.errors += 1
                                self.log.emit("error", source=name, error=f"{type(exc).__name__}: {exc}")
                    else:
                        self._stop.wait(timeout)
                    if live_view is not None:
                        live_view.update(live_table(list(self.rows.values()), self._title()))
                self._stop.set()
                for future in pending:
                    future.cancel()  # unstarted polls are dropped; started ones finish and are discarded
        finally:
            client.close()
            self.alerter.close()
            if live_view is not None:
                live_view.update(live_table(list(self.rows.values()), self._title()))
                live_view.stop()
            self.log.emit("stop", **vars(self.totals))
        return self.totals

    def _in_backoff(self, name: str, now: datetime) -> bool:
        state = self._states[name]
        return bool(state.error_count and state.backoff_until and state.backoff_until > now)

    def _sleep_for(self) -> float:
        """Until the next source is due, at most 0.5 s: stop requests and the view stay responsive."""
        if not self._due:
            return 0.5
        soonest = min(self._due.values())
        return max(0.01, min(0.5, (soonest - datetime.now(UTC)).total_seconds()))

    def _warm_up(self) -> None:
        """Load the NLP model before the first poll, so the first item is not seconds late."""
        from sitrep.extract.nlp import load_nlp

        load_nlp()

    def _start_live(self) -> Any:
        from rich.live import Live

        view = Live(live_table(list(self.rows.values()), self._title()), refresh_per_second=4)
        view.start()
        return view

    def _title(self) -> str:
        t = self.totals
        return (
            f"sitrep watch — {len(self.rows)} sources, {t.polls} polls, {t.reports_new} new reports, "
            f"{t.events_created} events added, {t.events_updated} updated, {t.errors} errors"
        )

    # -- storing one poll -----------------------------------------------------------------------

    def _store_poll(self, spec: SourceSpec, poll: Poll) -> None:
        """Ingest a poll's reports, then save the source's state, then send alerts."""
        state = self._states[spec.name]
        row = self.rows[spec.name]
        now = datetime.now(UTC)
        state.last_poll = now
        state.polls += 1
        self.totals.polls += 1
        row.last_poll = now
        created = updated = new = 0
        changed: dict[str, None] = {}  # the events this poll touched, in order, once each
        if poll.status != "error":
            try:
                for batch in poll.batches:
                    if batch.reports:
                        result = self.pipeline.ingest(batch.reports)
                        new += result.reports_new
                        changed.update(dict.fromkeys(result.event_ids))
                    if batch.file_key is not None:
                        self.state.mark_file(spec.name, batch.file_key)
            except Exception as exc:  # noqa: BLE001 - the store refused; count it as this source's error
                poll.status, poll.error = "error", f"{spec.name}: storing failed: {exc}"
        for event_id in changed:
            event = self.store.get_event(event_id)
            if event is None:
                continue
            change = "new" if event.first_reported and event.first_reported >= now else "updated"
            created += change == "new"
            updated += change == "updated"
            for delivery in self.alerter.handle(event, change, spec.name):
                self.totals.alerts += 1
                self.totals.alert_errors += not delivery.ok
                self.log.emit(
                    "alert",
                    source=spec.name,
                    rule=delivery.rule,
                    event_id=delivery.event_id,
                    change=delivery.change,
                    ok=delivery.ok,
                    error=delivery.error,
                )
        if poll.status == "error":
            state.error_count += 1
            state.last_error = poll.error
            delay = backoff_delay(spec, state.error_count, self.config.max_backoff)
            state.backoff_until = now + timedelta(seconds=delay)
            self._due[spec.name] = state.backoff_until
            self.totals.errors += 1
            row.errors += 1
            row.last_error = poll.error
        else:
            state.etag, state.last_modified, state.cursor = poll.etag, poll.last_modified, poll.cursor
            state.error_count, state.backoff_until, state.last_error = 0, None, None
            state.last_success = now
            self._due[spec.name] = now + timedelta(seconds=spec.interval)
        state.last_status = poll.status
        state.items_seen += poll.items
        state.reports_new += new
        state.events_created += created
        state.events_updated += updated
        self.state.save(state)
        row.status = poll.status
        row.new_items += new
        row.events_created += created
        row.events_updated += updated
        row.next_due = self._due[spec.name]
        self.totals.items += poll.items
        self.totals.reports_new += new
        self.totals.events_created += created
        self.totals.events_updated += updated
        self.log.emit(
            "poll",
            source=spec.name,
            kind=spec.kind,
            status=poll.status,
            items=poll.items,
            new=new,
            events_created=created,
            events_updated=updated,
            error=poll.error,
            errors_in_a_row=state.error_count or None,
            retry_in=round((state.backoff_until - now).total_seconds(), 1) if state.backoff_until else None,
            fetch_s=round(poll.elapsed, 3),
            store_s=round((datetime.now(UTC) - now).total_seconds(), 3),
        )
        for warning in poll.warnings:
            self.log.emit("warning", source=spec.name, message=warning)


def install_signal_handlers(watcher: Watcher) -> None:
    """SIGTERM and SIGINT end the loop after the poll in hand (a second Ctrl-C interrupts at once)."""

    def handler(signum: int, _frame: Any) -> None:
        if watcher._stop.is_set():
            raise KeyboardInterrupt
        watcher.stop()

    signal.signal(signal.SIGTERM, handler)
    signal.signal(signal.SIGINT, handler)
