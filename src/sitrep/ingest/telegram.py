"""Telegram Desktop channel exports (``result.json``): one report per message with text.

Officials announce casualties and shoot-downs on Telegram first, so these posts are primary
sources. The export gives the channel name but not its @username; when a ``username`` key is
present (add it by hand to an export) each report links to ``https://t.me/<username>/<id>``.
Service messages (pins, joins) and media-only posts are skipped without an error.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sitrep.ingest.base import Options, ReadStats, clean_line, make_report, try_parse_date
from sitrep.models import Report


def is_export(value: Any) -> bool:
    """True for the JSON of a single-chat export: an object with a 'messages' list."""
    return isinstance(value, dict) and isinstance(value.get("messages"), list)


def message_text(text: Any) -> tuple[str, list[str]]:
    """The plain text of a message and the URLs it links to.

    Telegram writes text as a string, or as a list of strings and entity objects
    ({"type": "bold" | "link" | "text_link", "text": ..., "href": ...}) when it has formatting.
    """
    if isinstance(text, str):
        return text, []
    if not isinstance(text, list):
        return "", []
    parts: list[str] = []
    links: list[str] = []
    for part in text:
        if isinstance(part, str):
            parts.append(part)
        elif isinstance(part, dict):
            value = part.get("text")
            parts.append(value if isinstance(value, str) else "")
            if part.get("type") == "text_link" and isinstance(part.get("href"), str):
                links.append(part["href"])
            elif part.get("type") == "link" and isinstance(value, str):
                links.append(value)
    return "".join(parts), links


def _username(export: dict[str, Any]) -> str | None:
    """The channel's @username, if someone added it to the export (Telegram Desktop does not)."""
    name = export.get("username")
    if isinstance(name, str) and name.strip():
        return name.strip().lstrip("@")
    return None


def read_telegram(
    export: dict[str, Any],
    opts: Options,
    *,
    label: str,
    meta: dict[str, Any] | None = None,
    stats: ReadStats | None = None,
) -> Iterator[Report]:
    """Reports from the messages of one exported channel, in export order.

    Messages without text are counted in `stats.skipped_empty`, not reported as errors: every
    channel has photo-only posts.
    """
    channel = clean_line(export.get("name")) if isinstance(export.get("name"), str) else None
    username = _username(export)
    for n, message in enumerate(export["messages"], start=1):
        if not isinstance(message, dict):
            opts.warn(f"{label}: message {n} is not an object")
            continue
        if message.get("type", "message") != "message":
            if stats is not None:
                stats.skipped_empty += 1
            continue
        text, links = message_text(message.get("text"))
        msg_id = message.get("id")
        published = try_parse_date(message.get("date_unixtime")) or try_parse_date(message.get("date"))
        info: dict[str, Any] = {**(meta or {}), "message_id": msg_id}
        if export.get("id") is not None:
            info["channel_id"] = export["id"]
        if links:
            info["links"] = links
        for key in ("forwarded_from", "edited"):
            if message.get(key):
                info[key] = message[key]
        url = f"https://t.me/{username}/{msg_id}" if username and msg_id is not None else None
        report = make_report(
            text,
            opts,
            origin="telegram",
            source=opts.source or channel,
            url=url,
            published=published,
            meta=info,
        )
        if report is None:
            if stats is not None:
                stats.skipped_empty += 1
            continue
        yield report
