"""Records: JSON Lines, CSV/TSV and JSON arrays with the fields text, title, url, published, source, lang.

A bad record (malformed JSON, no text, a date that is not a date) is reported as
``"{path}:{lineno}: {reason}"`` through the warn callback and the other records are still read,
because one broken line in a day's export should not cost the rest of it. JSON Lines are decoded
line by line for the same reason: invalid UTF-8 spoils only its own line.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any

from sitrep.errors import IngestError
from sitrep.ingest.base import Options, decode_text, make_report, parse_date
from sitrep.models import Report

JSONL_EXTENSIONS = {".jsonl", ".ndjson"}
#: Extension -> delimiter (None: sniffed from the header line).
CSV_EXTENSIONS: dict[str, str | None] = {".csv": None, ".tsv": "\t"}
FIELDS = ("text", "title", "url", "published", "source", "lang")
#: Other names exporters use for the same fields; the canonical name wins when both are present.
ALIASES = {
    "body": "text",
    "content": "text",
    "message": "text",
    "headline": "title",
    "link": "url",
    "date": "published",
    "published_at": "published",
    "pubdate": "published",
    "outlet": "source",
    "language": "lang",
}


class RecordError(ValueError):
    """One record is unusable; the message is the reason, without the location."""


def _as_str(value: Any, name: str) -> str | None:
    """A string field; numbers are accepted (spreadsheet exports), objects are a record error."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    raise RecordError(f"'{name}' should be a string, got {type(value).__name__}")


def record_report(
    record: dict[str, Any],
    opts: Options,
    *,
    origin: str,
    url: str | None,
    meta: dict[str, Any],
) -> Report:
    """A report from one record: the record's own fields win, the caller's options fill the gaps."""
    fields: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for key, value in record.items():
        name = str(key).strip().lower()
        if name in FIELDS:
            fields[name] = value
    for key, value in record.items():
        name = str(key).strip().lower()
        canonical = ALIASES.get(name)
        if canonical and fields.get(canonical) in (None, ""):
            fields[canonical] = value
        elif name not in FIELDS and not canonical:
            extra[str(key)] = value
    text = fields.get("text")
    if text is None or (isinstance(text, str) and not text.strip()):
        raise RecordError("no text")
    if not isinstance(text, str):
        raise RecordError(f"'text' should be a string, got {type(text).__name__}")
    raw_date = fields.get("published")
    try:
        published = parse_date(raw_date)
    except ValueError:
        raise RecordError(f"'published' is not a date: {raw_date!r}") from None
    info = dict(meta)
    if extra:
        info["extra"] = extra
    report = make_report(
        text,
        opts,
        origin=origin,
        title=_as_str(fields.get("title"), "title"),
        source=_as_str(fields.get("source"), "source") or opts.source,
        url=_as_str(fields.get("url"), "url") or url,
        lang=_as_str(fields.get("lang"), "lang"),
        published=published,
        meta=info,
    )
    if report is None:
        raise RecordError("no text")
    return report


def _located_url(url: str | None, n: int, unit: str) -> str | None:
    """A file URL with the line (#L12) or record (#R3) as fragment, so that records without their
    own URL still have distinct ones."""
    if url and url.startswith("file://"):
        return f"{url}#{'L' if unit == 'line' else 'R'}{n}"
    return url


def _reports(
    numbered: Iterable[tuple[int, dict[str, Any] | str]],
    opts: Options,
    *,
    label: str,
    origin: str,
    url: str | None,
    meta: dict[str, Any] | None,
    unit: str = "line",
) -> Iterator[Report]:
    """Reports from (number, record-or-error) pairs, each error sent to opts.warn with its number.

    `unit` is "line" for line-based files ("path:12: reason", as compilers do) or "record" for
    positions in a JSON array ("path: record 3: reason").
    """
    seen = 0
    for n, record in numbered:
        seen += 1
        where = f"{label}:{n}" if unit == "line" else f"{label}: {unit} {n}"
        if isinstance(record, str):
            opts.warn(f"{where}: {record}")
            continue
        located = _located_url(url, n, unit)
        try:
            yield record_report(record, opts, origin=origin, url=located, meta={**(meta or {}), unit: n})
        except RecordError as exc:
            opts.warn(f"{where}: {exc}")
    if seen == 0:
        raise IngestError(f"{label} has no records")


def parse_jsonl_line(raw: bytes | str) -> dict[str, Any] | str:
    """The record on one line, or the reason it is not one."""
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            return (
                f"not valid UTF-8 (byte 0x{raw[exc.start : exc.start + 1].hex()} at column {exc.start + 1})"
            )
    try:
        value = json.loads(raw)
    except json.JSONDecodeError as exc:
        return f"invalid JSON ({exc.msg} at column {exc.colno})"
    if not isinstance(value, dict):
        return f"expected a JSON object, got {type(value).__name__}"
    return value


def is_jsonl(text: str) -> bool:
    """True when every non-empty line is a JSON object: how standard input is told apart from prose."""
    lines = [line for line in text.split("\n") if line.strip()]
    return bool(lines) and all(
        line.lstrip().startswith("{") and isinstance(parse_jsonl_line(line), dict) for line in lines
    )


def read_jsonl(
    data: bytes,
    opts: Options,
    *,
    label: str,
    origin: str,
    url: str | None,
    meta: dict[str, Any] | None = None,
) -> Iterator[Report]:
    """Reports from JSON Lines; blank lines are skipped, bad lines reported with their number."""
    numbered = (
        (lineno, parse_jsonl_line(raw))
        for lineno, raw in enumerate(data.split(b"\n"), start=1)
        if raw.strip()
    )
    yield from _reports(numbered, opts, label=label, origin=origin, url=url, meta=meta)


def _delimiter(header: str, default: str | None) -> str:
    """The delimiter most frequent in the header: European spreadsheets write ';'."""
    if default:
        return default
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_csv(
    data: bytes,
    opts: Options,
    *,
    label: str,
    origin: str,
    url: str | None,
    delimiter: str | None = None,
    meta: dict[str, Any] | None = None,
) -> Iterator[Report]:
    """Reports from a CSV or TSV file with a header row that has at least a 'text' column."""
    text, replaced = decode_text(data, label)
    reader = csv.reader(
        io.StringIO(text, newline=""), delimiter=_delimiter(text.split("\n", 1)[0], delimiter)
    )
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        raise IngestError(f"{label} is empty") from None
    except csv.Error as exc:
        raise IngestError(f"{label}:1: malformed CSV header ({exc})") from None
    if "text" not in header and not any(ALIASES.get(h) == "text" for h in header):
        shown = ", ".join(h for h in header if h)[:200] or "none"
        raise IngestError(f"{label}: CSV has no 'text' column (columns: {shown})")
    info = dict(meta or {})
    if replaced:
        info["decode_errors"] = replaced

    def rows() -> Iterator[tuple[int, dict[str, Any] | str]]:
        start = reader.line_num + 1
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield start, f"malformed CSV ({exc})"
                start = reader.line_num + 1
                continue
            line, start = start, reader.line_num + 1
            if not any(cell.strip() for cell in row):
                continue
            if len(row) > len(header):
                yield line, f"{len(row)} fields but the header has {len(header)}"
                continue
            yield line, {h: (v if v.strip() else None) for h, v in zip(header, row, strict=False) if h}

    yield from _reports(rows(), opts, label=label, origin=origin, url=url, meta=info)


def read_json_records(
    records: list[Any],
    opts: Options,
    *,
    label: str,
    origin: str,
    url: str | None,
    meta: dict[str, Any] | None = None,
) -> Iterator[Report]:
    """Reports from a JSON array of record objects, numbered from 1 in messages and meta."""
    numbered = (
        (i, item if isinstance(item, dict) else f"expected a JSON object, got {type(item).__name__}")
        for i, item in enumerate(records, start=1)
    )
    yield from _reports(numbered, opts, label=label, origin=origin, url=url, meta=meta, unit="record")
