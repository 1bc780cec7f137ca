"""Fetching one URL: a feed becomes one report per entry, a page one report of origin "web".

The download is streamed and cut off at max_bytes (after decompression, so a small gzip bomb is
refused too), and an overall deadline backs up httpx's per-operation timeouts so a server that
trickles bytes cannot hold a run forever. Every failure is an IngestError naming the URL.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass

import httpx

from sitrep.config import USER_AGENT
from sitrep.errors import IngestError
from sitrep.ingest.base import Options, decode_text, looks_binary, too_large
from sitrep.ingest.feeds import looks_like_feed, read_feed
from sitrep.ingest.html import read_html
from sitrep.ingest.text import read_text
from sitrep.models import Report

FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml"}
XML_TYPES = {"application/xml", "text/xml"}
HTML_TYPES = {"text/html", "application/xhtml+xml", ""}
#: Feeds first, then pages: what `sitrep ingest URL` and `sitrep watch` ask servers for.
ACCEPT = "application/rss+xml, application/atom+xml, text/html;q=0.9, */*;q=0.5"


@dataclass
class Fetched:
    """A downloaded body with what is needed to interpret it."""

    url: str  # after redirects
    status: int
    media_type: str  # "text/html", lower-case, without parameters; "" when absent
    charset: str | None
    data: bytes
    etag: str | None = None  # validators, for the next conditional request (`sitrep watch`)
    last_modified: str | None = None


def make_client(timeout: float) -> httpx.Client:
    """One client per run, so that several URLs on one host reuse the connection."""
    return httpx.Client(
        headers={"User-Agent": USER_AGENT, "Accept": ACCEPT},
        follow_redirects=True,
        timeout=httpx.Timeout(timeout),
    )


def _first_line(exc: BaseException) -> str:
    """The first line of an exception's message, since errors must fit on one line."""
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def fetch(
    client: httpx.Client, url: str, *, timeout: float, max_bytes: int, headers: dict[str, str] | None = None
) -> Fetched:
    """The body of a 2xx response, or an IngestError with one line that names the URL. With
    conditional `headers` (If-None-Match / If-Modified-Since), a 304 comes back with no data."""
    deadline = time.monotonic() + timeout
    try:
        with client.stream("GET", url, headers=headers, timeout=httpx.Timeout(timeout)) as response:
            etag, last_modified = response.headers.get("etag"), response.headers.get("last-modified")
            if response.status_code == 304 and headers:
                return Fetched(str(response.url), 304, "", None, b"", etag, last_modified)
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
            return Fetched(
                url=str(response.url),
                status=response.status_code,
                media_type=content_type.split(";", 1)[0].strip().lower(),
                charset=response.charset_encoding,
                data=b"".join(chunks),
                etag=etag,
                last_modified=last_modified,
            )
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


def read_fetched(fetched: Fetched, opts: Options, *, label: str) -> Iterator[Report]:
    """Reports from a downloaded body: content type and the document's first bytes decide the reader."""
    data, kind = fetched.data, fetched.media_type
    meta = {"requested_url": label} if fetched.url != label else {}
    if not data.strip():
        raise IngestError(f"{label}: the response is empty")
    if looks_binary(data):
        raise IngestError(
            f"{label}: returned binary data ({kind or 'no content type'}), not a feed or a page"
        )
    if kind in FEED_TYPES or kind in XML_TYPES or looks_like_feed(data):
        yield from read_feed(data, opts, label=label, url=fetched.url, content_type=kind, meta=meta)
        return
    if kind == "text/plain":
        text, _ = decode_text(data, label)
        yield from read_text(text, opts, label=label, origin="web", url=fetched.url, meta=meta)
        return
    if kind not in HTML_TYPES and not kind.startswith("text/"):
        raise IngestError(f"{label}: returned {kind}, not a feed or a web page")
    yield from read_html(
        data,
        opts,
        label=label,
        origin="web",
        url=fetched.url,
        charset=fetched.charset,
        fetched=True,
        meta=meta,
    )


def read_url(client: httpx.Client, url: str, opts: Options) -> Iterator[Report]:
    """Fetch `url` and read it."""
    fetched = fetch(client, url, timeout=opts.timeout, max_bytes=opts.max_bytes)
    yield from read_fetched(fetched, opts, label=url)
