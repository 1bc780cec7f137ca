"""Reading gold files (JSON Lines, the ../shared/eval format) and turning records into reports.

A record is ``{"id", "text", "lang", "published", "source", "gold": {...}, "meta": {...}}``.
Only the input side of a record (text, source, publication date, language) ever reaches the
pipeline; ``gold`` and ``meta`` are read by the scorer alone.
"""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sitrep.errors import SitrepError
from sitrep.models import Report

Record = dict[str, Any]

#: Gold keys that the event pipeline (`Pipeline.analyse_many`) is scored on.
EVENT_FIELDS = (
    "event_type",
    "sub_event_type",
    "fatalities",
    "fatalities_low",
    "fatalities_best",
    "fatalities_high",
    "injured",
    "date",
    "actor1",
    "claimant",
    "location",
)


def load_gold(path: str | Path) -> list[Record]:
    """All records of one gold file; a missing, empty or malformed file is a one-line SitrepError."""
    p = Path(path)
    if not p.exists():
        raise SitrepError(f"{path}: no such file")
    if not p.is_file():
        raise SitrepError(f"{path}: not a file")
    try:
        # Only "\n" ends a record: str.splitlines() would also split at U+2028 and friends,
        # which JSON allows unescaped inside strings.
        lines = p.read_text(encoding="utf-8").split("\n")
    except UnicodeDecodeError as exc:
        raise SitrepError(f"{path}: not a UTF-8 JSON Lines file ({exc.reason})") from exc
    except OSError as exc:
        raise SitrepError(f"{path}: cannot read ({exc.strerror})") from exc
    records: list[Record] = []
    seen: set[str] = set()
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise SitrepError(f"{path} line {number}: not JSON ({exc.msg}); expected JSON Lines") from exc
        problem = _problem(record)
        if problem:
            raise SitrepError(f"{path} line {number}: {problem}")
        if record["id"] in seen:
            raise SitrepError(f"{path} line {number}: duplicate id {record['id']!r}")
        seen.add(record["id"])
        records.append(record)
    if not records:
        raise SitrepError(f"{path}: no records")
    return records


def _problem(record: object) -> str | None:
    if not isinstance(record, dict):
        return "not a JSON object"
    if not isinstance(record.get("id"), str | int):
        return 'no "id"'
    if not isinstance(record.get("text"), str):
        return 'no "text" string'
    if not isinstance(record.get("gold"), dict):
        return 'no "gold" object'
    if "meta" in record and not isinstance(record["meta"], dict):
        return '"meta" is not an object'
    record["id"] = str(record["id"])
    return None


def select(
    records: list[Record], *, limit: int | None = None, sample: int | None = None, seed: int = 0
) -> list[Record]:
    """`sample` random records (file order kept, reproducible with `seed`), then the first `limit`."""
    chosen = records
    if sample is not None and sample < len(records):
        keep = set(random.Random(seed).sample(range(len(records)), sample))
        chosen = [r for i, r in enumerate(records) if i in keep]
    if limit is not None:
        chosen = chosen[:limit]
    return chosen


def report_for(record: Record) -> Report:
    """The pipeline input of a record: text, source, language and publication day (12:00 UTC)."""
    published = None
    if record.get("published"):
        try:
            day = datetime.strptime(str(record["published"])[:10], "%Y-%m-%d")
        except ValueError:
            day = None
        if day is not None:
            published = day.replace(hour=12, tzinfo=UTC)
    return Report(
        text=record["text"],
        origin="file",
        source=record.get("source"),
        lang=record.get("lang"),
        published=published,
    )


def needs(records: list[Record]) -> set[str]:
    """Which analyses the file's gold calls for: "events", "toponyms", "incident"."""
    keys = {k for r in records for k in r["gold"]}
    out = set()
    if keys & set(EVENT_FIELDS):
        out.add("events")
    if "toponyms" in keys:
        out.add("toponyms")
    if "incident" in keys:
        out.add("incident")
    return out
