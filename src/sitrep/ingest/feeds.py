"""RSS and Atom feeds, from files or URLs: one report per entry.

The outlet of an entry is the caller's `source`, else the entry's own <source> element (aggregator
feeds name the original outlet there, and different outlets must stay different claimants), else
the feed title. Entry HTML is turned into plain paragraphs.
"""

from __future__ import annotations

import calendar
import io
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import feedparser

from sitrep.errors import IngestError
from sitrep.ingest.base import Options, clean_line, clean_text, html_to_text, make_report, try_parse_date
from sitrep.models import Report

EXTENSIONS = {".xml", ".rss", ".atom", ".rdf"}

_PROLOG = re.compile(rb"^(?:\s+|<\?xml[^>]*\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*", re.S | re.I)
_ROOT = re.compile(rb"<([A-Za-z_][\w.:-]*)")


def looks_like_feed(data: bytes) -> bool:
    """True when the first element of the document is <rss>, <feed> or <rdf:RDF>."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf")
    prolog = _PROLOG.match(head)
    match = _ROOT.match(head, prolog.end() if prolog else 0)
    if not match:
        return False
    name = match.group(1).decode("ascii", "replace").lower()
    return name in ("rss", "feed", "rdf:rdf", "rdf") or name.endswith(":feed")


def parse_feed(data: bytes, label: str, content_type: str | None = None) -> Any:
    """The parsed feed; IngestError when the data is not a feed at all.

    The bytes go in as a stream: given bytes or str, feedparser would try them as a path or URL.
    """
    headers = {"content-type": content_type} if content_type else {}
    parsed = feedparser.parse(io.BytesIO(data), response_headers=headers)
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception")
        detail = f" ({str(reason).splitlines()[0]})" if reason else ""
        raise IngestError(f"{label} is not an RSS or Atom feed{detail}")
    return parsed


def _detail_text(value: str, detail: Any) -> str:
    """Plain text of a feed field, converting HTML unless feedparser says it is already plain."""
    kind = (detail or {}).get("type", "text/html") if isinstance(detail, dict) else "text/html"
    return clean_text(value) if kind == "text/plain" else html_to_text(value)


def entry_text(entry: Any) -> str:
    """The fullest text an entry has: its longest content block, else its summary."""
    contents = [c for c in entry.get("content", []) if (c.get("value") or "").strip()]
    if contents:
        best = max(contents, key=lambda c: len(c.get("value", "")))
        text = _detail_text(best["value"], best)
        if text:
            return text
    summary = entry.get("summary") or ""
    return _detail_text(summary, entry.get("summary_detail")) if summary.strip() else ""


def entry_published(entry: Any) -> datetime | None:
    """The entry's published (else updated) time, from the raw string first to keep its offset."""
    for key in ("published", "updated", "created"):
        found = try_parse_date(entry.get(key))
        if found:
            return found
    for key in ("published_parsed", "updated_parsed"):
        parsed = entry.get(key)
        if parsed:
            return datetime.fromtimestamp(calendar.timegm(parsed), UTC)
    return None


def read_feed(
    data: bytes,
    opts: Options,
    *,
    label: str,
    url: str | None,
    content_type: str | None = None,
    meta: dict[str, Any] | None = None,
) -> Iterator[Report]:
    """Reports from every entry of a feed; entries without text go to opts.warn."""
    parsed = parse_feed(data, label, content_type)
    feed = parsed.get("feed", {})
    feed_title = clean_line(html_to_text(feed.get("title", ""))) if feed.get("title") else None
    feed_lang = feed.get("language")
    for n, entry in enumerate(parsed.entries, start=1):
        raw_title = entry.get("title") or ""
        title = clean_line(_detail_text(raw_title, entry.get("title_detail"))) if raw_title else None
        entry_source = entry.get("source", {}).get("title") if isinstance(entry.get("source"), dict) else None
        info: dict[str, Any] = {**(meta or {}), "feed": feed_title, "feed_url": url, "entry": n}
        if entry.get("id"):
            info["guid"] = entry["id"]
        report = make_report(
            entry_text(entry),
            opts,
            origin="feed",
            title=title,
            source=opts.source or entry_source or feed_title,
            url=entry.get("link") or None,
            lang=entry.get("language") or feed_lang,
            published=entry_published(entry),
            meta=info,
        )
        if report is None:
            opts.warn(f"{label}: entry {n} ({title or entry.get('link') or 'untitled'}) has no text")
            continue
        yield report
