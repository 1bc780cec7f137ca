"""Live monitoring: `sitrep watch` polls feeds, pages, drop folders and Telegram channels.

The package is split so each part can be tested alone: `sources` reads the TOML file, `fetch`
makes conditional HTTP requests, `state` keeps per-source progress in the database, `poller`
turns one poll into reports through `Pipeline.ingest`, `scheduler` decides who is due, `alerts`
matches new or updated events against rules, and `status` shows what is happening.
"""

from __future__ import annotations

from sitrep.watch.sources import AlertRule, SourceSpec, WatchConfig, load_sources

__all__ = ["AlertRule", "SourceSpec", "WatchConfig", "load_sources"]
