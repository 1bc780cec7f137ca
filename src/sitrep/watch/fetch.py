"""Conditional HTTP requests for the watcher: ETag / Last-Modified, size caps, deadlines, politeness.

`sitrep.ingest.web.fetch` treats anything but 2xx as an error and forgets the response headers;
a poller needs the 304 and the validators, so it has this small variant with the same limits
(streamed body cut at max_bytes after decompression, an overall deadline against trickling
servers) and hands the body to `ingest.web.read_fetched`, so feeds and pages are read exactly as
`sitrep ingest URL` reads them.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

import httpx

from sitrep import __version__
from sitrep.errors import IngestError
from sitrep.ingest.base import too_large
from sitrep.ingest.web import Fetched

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
        headers={
            "User-Agent": user_agent(contact),
            "Accept": "application/rss+xml, application/atom+xml, text/html;q=0.9, */*;q=0.5",
        },
        follow_redirects=True,
        limits=httpx.Limits(max_connections=max(workers, 1) * 2, max_keepalive_connections=max(workers, 1)),
    )


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def conditional_get(
    client: httpx.Client,
    url: str,
    *,
    etag: str | None,
    last_modified: str | None,
    timeout: float,
    max_bytes: int,
) -> Response:
    """GET `url` with If-None-Match / If-Modified-Since; a 304 or the body, else an IngestError."""
    headers: dict[str, str] = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    start = time.monotonic()
    deadline = start + timeout
    try:
        with client.stream("GET", url, headers=headers, timeout=httpx.Timeout(timeout)) as response:
            new_etag = response.headers.get("etag")
            new_lm = response.headers.get("last-modified")
            if response.status_code == 304:
                return Response(
                    304, new_etag or etag, new_lm or last_modified, None, time.monotonic() - start
                )
            if not response.is_success:
                reason = response.reason_phrase or ""
                raise IngestError(f"{url}: HTTP {response.status_code} {reason}".rstrip())
            length = response.headers.get("content-length", "")
            if length.isdigit() and int(length) > max_bytes:
                raise too_large(url, int(length), max_bytes)
            chunks: list[bytes] = []
            total = 0
            for chunk in response.iter_bytes():
                total += len(chunk)
                if total > max_bytes:
                    raise too_large(url, None, max_bytes)
                if time.monotonic() > deadline:
                    raise IngestError(f"{url}: timed out after {timeout:g} s")
                chunks.append(chunk)
            content_type = response.headers.get("content-type", "")
            fetched = Fetched(
                url=str(response.url),
                status=response.status_code,
                media_type=content_type.split(";", 1)[0].strip().lower(),
                charset=response.charset_encoding,
                data=b"".join(chunks),
            )
            return Response(response.status_code, new_etag, new_lm, fetched, time.monotonic() - start)
    except httpx.TimeoutException:
        raise IngestError(f"{url}: timed out after {timeout:g} s") from None
    except httpx.TooManyRedirects:
        raise IngestError(f"{url}: too many redirects") from None
    except (httpx.UnsupportedProtocol, httpx.InvalidURL):
        raise IngestError(f"{url}: not a valid http(s) URL") from None
    except httpx.ConnectError as exc:
        raise IngestError(f"{url}: cannot connect ({_first_line(exc)})") from None
    except httpx.DecodingError:
        raise IngestError(f"{url}: the response could not be decompressed") from None
    except httpx.HTTPError as exc:
        raise IngestError(f"{url}: request failed ({_first_line(exc)})") from None
