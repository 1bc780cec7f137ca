"""The sources file: what `sitrep watch` polls, how often, and which events raise alerts.

TOML (read with the standard library's `tomllib`), because it is easy to write by hand, has
comments, and every mistake can be pointed at by line. A malformed file gives one `SitrepError`
line naming the file, the line and the field, before anything is polled: a watcher meant to run
for weeks must fail at start, not at the first poll of a misspelt source. See
docs/sources.example.toml for a commented example.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sitrep.config import FETCH_TIMEOUT_S, MAX_DOCUMENT_BYTES
from sitrep.errors import SitrepError

KINDS = ("feed", "page", "folder", "telegram")
#: Defaults chosen to be polite: a feed every 5 minutes, pages every 15, one request per host per second.
DEFAULT_INTERVAL_S = {"feed": 300.0, "page": 900.0, "folder": 30.0, "telegram": 60.0}
DEFAULT_HOST_DELAY_S = 1.0
#: Backoff after repeated errors never waits longer than this (a dead feed is retried every 6 h).
DEFAULT_MAX_BACKOFF_S = 6 * 3600.0
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:@/-]*$")

_SOURCE_KEYS = {
    "name",
    "type",
    "url",
    "path",
    "channel",
    "interval",
    "lang",
    "outlet",
    "timeout",
    "max_bytes",
}
_ALERT_KEYS = {"name", "area", "event_type", "min_fatalities", "keywords", "webhook", "file", "on"}
_WATCH_KEYS = {"contact", "host_delay", "max_backoff", "timeout", "max_bytes", "workers"}


@dataclass(frozen=True)
class SourceSpec:
    """One source to poll. `name` is its key in the database, so renaming it starts it afresh."""

    name: str
    kind: str  # feed, page, folder, telegram
    target: str  # URL, folder path or channel
    interval: float
    lang: str | None = None
    outlet: str | None = None
    timeout: float = FETCH_TIMEOUT_S
    max_bytes: int = MAX_DOCUMENT_BYTES

    @property
    def host(self) -> str | None:
        """The host the per-host rate limit applies to (None for folders and Telegram)."""
        return urlsplit(self.target).hostname if self.kind in ("feed", "page") else None


@dataclass(frozen=True)
class AlertRule:
    """Post or append an event when all of the rule's conditions hold (empty condition = any)."""

    name: str
    areas: tuple[str, ...] = ()
    event_types: tuple[str, ...] = ()
    min_fatalities: int = 0
    keywords: tuple[str, ...] = ()
    webhook: str | None = None
    file: Path | None = None
    on: tuple[str, ...] = ("new", "updated")


@dataclass
class WatchConfig:
    """Everything the sources file says."""

    path: Path
    sources: list[SourceSpec] = field(default_factory=list)
    alerts: list[AlertRule] = field(default_factory=list)
    contact: str | None = None  # an email or URL that the User-Agent carries
    host_delay: float = DEFAULT_HOST_DELAY_S
    max_backoff: float = DEFAULT_MAX_BACKOFF_S
    workers: int = 8


class _Locator:
    """Line numbers for error messages: tomllib reports syntax errors by line, but not bad values."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.tables: dict[str, list[int]] = {}
        for n, line in enumerate(self.lines, start=1):
            match = re.match(r"^\s*\[\[?\s*([A-Za-z_]+)\s*\]\]?", line)
            if match:
                self.tables.setdefault(match.group(1), []).append(n)

    def line(self, table: str, index: int | None, key: str | None) -> int | None:
        starts = self.tables.get(table, [])
        slot = 0 if index is None else index
        if slot >= len(starts):
            return None
        start = starts[slot]
        following = [n for rows in self.tables.values() for n in rows if n > start]
        end = min(following) if following else len(self.lines) + 1
        if key:
            pattern = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=")
            for n in range(start, end):
                if pattern.match(self.lines[n - 1]):
                    return n
        return start


class _Reader:
    """Checks one table of the file, raising one line that says where and what is wrong."""

    def __init__(self, path: Path, locator: _Locator, table: str, index: int | None, data: Any) -> None:
        self.path, self.locator, self.table, self.index = path, locator, table, index
        if not isinstance(data, dict):
            raise self.error(None, f"[{table}] must be a table")
        self.data: dict[str, Any] = data

    def error(self, key: str | None, message: str) -> SitrepError:
        line = self.locator.line(self.table, self.index, key)
        where = f"{self.path}:{line}" if line else str(self.path)
        what = f"[[{self.table}]] #{self.index + 1}" if self.index is not None else f"[{self.table}]"
        return SitrepError(f"{where}: {what}{f' field {key!r}' if key else ''}: {message}")

    def unknown(self, allowed: set[str]) -> None:
        for key in self.data:
            if key not in allowed:
                raise self.error(key, f"unknown field (expected one of: {', '.join(sorted(allowed))})")

    def text(self, key: str, required: bool = False) -> str | None:
        value = self.data.get(key)
        if value is None:
            if required:
                raise self.error(None, f"missing field {key!r}")
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.error(key, "expected a non-empty string")
        return value.strip()

    def number(self, key: str, default: float, minimum: float = 0.0) -> float:
        value = self.data.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.error(key, "expected a number")
        if value < minimum:
            raise self.error(key, f"must be at least {minimum:g}")
        return float(value)

    def strings(self, key: str) -> tuple[str, ...]:
        value = self.data.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.error(key, "expected a string or a list of strings")
        return tuple(v.strip() for v in value)


def load_sources(path: str | Path) -> WatchConfig:
    """The parsed sources file; a `SitrepError` with file:line and field for anything malformed."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SitrepError(f"{path}: no such sources file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SitrepError(f"{path}: cannot read the sources file ({exc})") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        where = f"{path}:{match.group(1)}" if match else str(path)
        reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        col = f" (column {match.group(2)})" if match else ""
        raise SitrepError(f"{where}: invalid TOML: {reason}{col}") from None
    locator = _Locator(text)
    base = path.resolve().parent
    config = WatchConfig(path=path)
    for key in data:
        if key not in ("watch", "source", "alert"):
            line = locator.line(key, 0, None) or _key_line(locator, key)
            raise SitrepError(
                f"{path}{f':{line}' if line else ''}: unknown section {key!r} "
                "(expected [watch], [[source]] or [[alert]])"
            )
    if "watch" in data:
        _read_watch(_Reader(path, locator, "watch", None, data["watch"]), config)
    sources = data.get("source", [])
    alerts = data.get("alert", [])
    if not isinstance(sources, list) or not isinstance(alerts, list):
        raise SitrepError(f"{path}: write sources as [[source]] and alerts as [[alert]] (arrays of tables)")
    seen: set[str] = set()
    for i, item in enumerate(sources):
        reader = _Reader(path, locator, "source", i, item)
        spec = _read_source(reader, config, base)
        if spec.name in seen:
            raise reader.error("name", f"duplicate source name {spec.name!r}")
        seen.add(spec.name)
        config.sources.append(spec)
    for i, item in enumerate(alerts):
        config.alerts.append(_read_alert(_Reader(path, locator, "alert", i, item), base))
    if not config.sources:
        raise SitrepError(f"{path}: no [[source]] tables: nothing to watch")
    return config


def _key_line(locator: _Locator, key: str) -> int | None:
    pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
    return next((n for n, line in enumerate(locator.lines, start=1) if pattern.match(line)), None)


def _read_watch(r: _Reader, config: WatchConfig) -> None:
    r.unknown(_WATCH_KEYS)
    config.contact = r.text("contact")
    config.host_delay = r.number("host_delay", DEFAULT_HOST_DELAY_S)
    config.max_backoff = r.number("max_backoff", DEFAULT_MAX_BACKOFF_S, minimum=1.0)
    config.workers = int(r.number("workers", 8, minimum=1))


def _read_source(r: _Reader, config: WatchConfig, base: Path) -> SourceSpec:
    r.unknown(_SOURCE_KEYS)
    kind = r.text("type", required=True)
    if kind not in KINDS:
        raise r.error("type", f"unknown type {kind!r} (expected one of: {', '.join(KINDS)})")
    assert kind is not None
    if kind in ("feed", "page"):
        target = r.text("url", required=True) or ""
        parts = urlsplit(target)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise r.error("url", f"not an http(s) URL: {target!r}")
    elif kind == "folder":
        raw = r.text("path", required=True) or ""
        folder = Path(raw).expanduser()
        target = str(folder if folder.is_absolute() else (base / folder))
    else:
        target = (r.text("channel", required=True) or "").removeprefix("https://t.me/").lstrip("@")
        if not re.fullmatch(r"[A-Za-z0-9_]{3,}|-?\d+", target):
            raise r.error("channel", f"not a channel username or id: {target!r}")
    name = r.text("name") or (f"telegram:{target}" if kind == "telegram" else target)
    if not _NAME.match(name) and kind != "folder":
        raise r.error("name", f"use letters, digits and - _ . : / @ only: {name!r}")
    lang = r.text("lang")
    if lang is not None and not re.fullmatch(r"[A-Za-z]{2,3}([-_][A-Za-z0-9]+)*", lang):
        raise r.error("lang", f"not a language code: {lang!r}")
    return SourceSpec(
        name=name,
        kind=kind,
        target=target,
        interval=r.number("interval", DEFAULT_INTERVAL_S[kind], minimum=0.05),
        lang=lang,
        outlet=r.text("outlet"),
        timeout=r.number("timeout", FETCH_TIMEOUT_S, minimum=0.05),
        max_bytes=int(r.number("max_bytes", MAX_DOCUMENT_BYTES, minimum=1)),
    )


def _read_alert(r: _Reader, base: Path) -> AlertRule:
    r.unknown(_ALERT_KEYS)
    webhook = r.text("webhook")
    if webhook is not None:
        parts = urlsplit(webhook)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise r.error("webhook", f"not an http(s) URL: {webhook!r}")
    file = r.text("file")
    if webhook is None and file is None:
        raise r.error(None, "give a 'webhook' URL or a 'file' to append to (or both)")
    on = r.strings("on") or ("new", "updated")
    for value in on:
        if value not in ("new", "updated"):
            raise r.error("on", f"expected 'new' and/or 'updated', not {value!r}")
    minimum = r.number("min_fatalities", 0)
    if minimum != int(minimum):
        raise r.error("min_fatalities", "expected a whole number")
    file_path = None
    if file is not None:
        file_path = Path(file).expanduser()
        file_path = file_path if file_path.is_absolute() else base / file_path
    return AlertRule(
        name=r.text("name") or f"alert-{(r.index or 0) + 1}",
        areas=r.strings("area"),
        event_types=r.strings("event_type"),
        min_fatalities=int(minimum),
        keywords=r.strings("keywords"),
        webhook=webhook,
        file=file_path,
        on=on,
    )
