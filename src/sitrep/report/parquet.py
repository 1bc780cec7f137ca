"""Parquet: one row per event with the CSV export's columns (`export.CSV_COLUMNS`), typed, so that
pandas, R (arrow), DuckDB or Polars read dates as dates, counts as integers and flags as booleans
without parsing text.

Built with pyarrow; nothing is fetched at run time.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from sitrep.models import Event
from sitrep.report.export import CSV_COLUMNS, event_properties

_INT = {"fatalities", "fatalities_low", "fatalities_best", "fatalities_high", "injured", "injured_low",
        "injured_best", "injured_high", "n_sources", "n_claimants"}  # fmt: skip
_TYPES: dict[str, pa.DataType] = {
    "event_date": pa.date32(),
    "latitude": pa.float64(),
    "longitude": pa.float64(),
    "contested": pa.bool_(),
    "updated": pa.timestamp("us", tz="UTC"),
    **{name: pa.int64() for name in _INT},
}

#: The Arrow schema of the export: text unless `_TYPES` says otherwise, every column nullable.
SCHEMA = pa.schema([pa.field(name, _TYPES.get(name, pa.string())) for name in CSV_COLUMNS])


def _row(event: Event) -> dict[str, Any]:
    props = event_properties(event)
    props["event_date"] = event.date if isinstance(event.date, date) else None
    props["updated"] = event.updated if isinstance(event.updated, datetime) else None
    return {name: props.get(name) for name in CSV_COLUMNS}


def events_table(events: Iterable[Event]) -> pa.Table:
    """The events as an Arrow table with `SCHEMA` (for use in memory, e.g. `.to_pandas()`)."""
    return pa.Table.from_pylist([_row(e) for e in events], schema=SCHEMA)


def write_parquet(events: Iterable[Event], out: str | Path | IO[bytes]) -> int:
    """Write the events to a Parquet file (a path or a binary file object); return the row count."""
    table = events_table(events)
    pq.write_table(table, out, compression="zstd")
    return table.num_rows
