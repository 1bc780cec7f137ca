"""Conditional HTTP requests for the watcher: ETag / Last-Modified, size caps, deadlines, politeness.

Requests go through `sitrep.ingest.web.fetch` with conditional headers, so the limits are those of
`sitrep ingest URL` (streamed body cut at max_bytes after decompression, an overall deadline
against trickling servers); the body goes to `ingest.web.read_fetched`, so feeds and pages are read
exactly as `sitrep ingest URL` reads them.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

import httpx

from sitrep import __version__
from sitrep.ingest.web import ACCEPT, Fetched, fetch

#: What the watcher is, for operators reading their logs; `[watch] contact` adds a way to reach the user.
PROJECT_NOTE = "sitrep conflict-event monitor; polls politely with conditional requests"


def user_agent(contact: str | None) -> str:
    """An honest User-Agent: the software, its version, what it does, and who runs it if known."""
    who = f"; contact: {contact}" if contact else ""
    return f"sitrep/{__version__} (+{PROJECT_NOTE}{who})"


@dataclass
class Response:
    """The outcome of one conditional GET."""

    status: int  # 200 or 304
    etag: str | None
    last_modified: str | None
    fetched: Fetched | None  # None on 304
    elapsed: float


class HostLimiter:
    """At most one request per `delay` seconds to each host, shared by the fetching threads."""

    def __init__(self, delay: float) -> None:
        self.delay = delay
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait(self, host: str | None) -> float:
        """Block until the host may be asked again; the seconds waited."""
        if not host or self.delay <= 0:
            return 0.0
        with self._lock:
            now = time.monotonic()
            slot = max(now, self._next.get(host, 0.0))
            self._next[host] = slot + self.delay
        waited = slot - now
        if waited > 0:
            time.sleep(waited)
        return waited


def make_client(contact: str | None, workers: int) -> httpx.Client:
    """One pooled client for the whole watch, so connections to a host are reused between polls."""
    return httpx.Client(
        headers={"User-Agent": user_agent(contact), "Accept": ACCEPT},
        follow_redirects=True,
        limits=httpx.Limits(max_connections=max(workers, 1) * 2, max_keepalive_connections=max(workers, 1)),
    )


def conditional_get(
    client: httpx.Client,
    url: str,
    *,
    etag: str | None,
    last_modified: str | None,
    timeout: float,
    max_bytes: int,
) -> Response:
    """GET `url` with If-None-Match / If-Modified-Since; a 304 or the body, else an IngestError
    (the limits and errors of `sitrep.ingest.web.fetch`, which does the request)."""
    headers: dict[str, str] = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    start = time.monotonic()
    fetched = fetch(client, url, timeout=timeout, max_bytes=max_bytes, headers=headers or None)
    elapsed = time.monotonic() - start
    if fetched.status == 304:
        return Response(304, fetched.etag or etag, fetched.last_modified or last_modified, None, elapsed)
    return Response(fetched.status, fetched.etag, fetched.last_modified, fetched, elapsed)
