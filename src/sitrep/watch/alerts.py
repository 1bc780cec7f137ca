"""Alert rules: a new or updated event that matches a rule is posted to a webhook or appended to a file.

Matching is deliberately plain (every condition given must hold; a list matches any of its
values, case-insensitively) so that an analyst can predict what will fire. A delivery failure is
reported and the watch goes on; alerts are sent after the event is committed, so a crash between
the two can lose an alert but never an event (`sitrep events` remains the record).
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from typing import Any

import httpx

from sitrep.models import Event
from sitrep.watch.sources import AlertRule

WEBHOOK_TIMEOUT_S = 10.0
WEBHOOK_ATTEMPTS = 3


def _areas(event: Event) -> set[str]:
    """Every name an area condition may match: place, districts, region, country and its code."""
    names: set[str] = set()
    place = event.location.place if event.location else None
    if event.location and event.location.text:
        names.add(event.location.text)
    if place is not None:
        names.update(
            v for v in (place.name, place.admin2, place.admin1, place.country, place.country_code) if v
        )
    return {n.casefold() for n in names}


def _text(event: Event) -> str:
    parts = [event.summary, *(c.quote.text for c in event.claims if c.quote)]
    if event.location and event.location.text:
        parts.append(event.location.text)
    return "\n".join(p for p in parts if p).casefold()


def matches(rule: AlertRule, event: Event, change: str) -> bool:
    """Whether `event` (with its claims loaded), new or updated as `change` says, fires `rule`."""
    if change not in rule.on:
        return False
    if rule.areas and not ({a.casefold() for a in rule.areas} & _areas(event)):
        return False
    if rule.event_types:
        wanted = {t.casefold() for t in rule.event_types}
        if not {(event.event_type or "").casefold(), (event.sub_event_type or "").casefold()} & wanted:
            return False
    if rule.min_fatalities and event.fatalities.acled < rule.min_fatalities:
        return False
    if rule.keywords:
        text = _text(event)
        if not any(k.casefold() in text for k in rule.keywords):
            return False
    return True


@dataclass
class Delivery:
    """One alert sent (or not), for the log."""

    rule: str
    event_id: str
    change: str
    ok: bool
    error: str | None = None


def payload(rule: AlertRule, event: Event, change: str, source: str) -> dict[str, Any]:
    """The JSON body: which rule, what changed, from which source, and the event without its claims."""
    return {
        "alert": rule.name,
        "change": change,
        "source": source,
        "sent": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "event": event.to_dict(with_claims=False),
    }


class Alerter:
    """Evaluates every rule on each new or updated event and delivers the matches."""

    def __init__(self, rules: list[AlertRule], client: httpx.Client | None = None) -> None:
        self.rules = rules
        self._client = client

    @property
    def client(self) -> httpx.Client:
        if self._client is None:
            self._client = httpx.Client(timeout=WEBHOOK_TIMEOUT_S)
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()

    def handle(self, event: Event, change: str, source: str) -> list[Delivery]:
        done: list[Delivery] = []
        for rule in self.rules:
            try:
                if not matches(rule, event, change):
                    continue
            except Exception as exc:  # noqa: BLE001 - a rule that cannot judge an event must not stop the watch
                done.append(Delivery(rule.name, event.id, change, False, f"matching failed: {exc}"))
                continue
            body = payload(rule, event, change, source)
            errors = [e for e in (self._to_file(rule, body), self._to_webhook(rule, body)) if e]
            done.append(Delivery(rule.name, event.id, change, not errors, "; ".join(errors) or None))
        return done

    def _to_file(self, rule: AlertRule, body: dict[str, Any]) -> str | None:
        if rule.file is None:
            return None
        try:
            rule.file.parent.mkdir(parents=True, exist_ok=True)
            line = json.dumps(body, ensure_ascii=False) + "\n"
            # One write of a whole line in append mode: concurrent readers never see half a record.
            fd = os.open(rule.file, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
            try:
                os.write(fd, line.encode("utf-8"))
            finally:
                os.close(fd)
        except OSError as exc:
            return f"{rule.file}: {exc.strerror or exc}"
        return None

    def _to_webhook(self, rule: AlertRule, body: dict[str, Any]) -> str | None:
        if rule.webhook is None:
            return None
        error = ""
        for attempt in range(WEBHOOK_ATTEMPTS):
            try:
                response = self.client.post(rule.webhook, json=body)
                if response.is_success:
                    return None
                error = f"HTTP {response.status_code}"
                if response.status_code < 500 and response.status_code != 429:
                    break  # the receiver refused it; repeating will not help
            except httpx.HTTPError as exc:
                error = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            time.sleep(0.2 * 2**attempt)
        return f"{rule.webhook}: {error}"
