"""One poll of one source: fetch (conditionally) and read it into reports, without touching the database.

Polls run in worker threads (they wait on the network); what they return is stored by the main
thread, which alone writes to the database. A poll never raises: every problem becomes
`Poll.error`, one line naming the source, so one broken source cannot stop the others.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from sitrep.errors import IngestError, SitrepError
from sitrep.ingest import KNOWN_EXTENSIONS, read_sources
from sitrep.ingest.base import Options
from sitrep.ingest.feeds import looks_like_feed, parse_feed
from sitrep.ingest.web import FEED_TYPES, read_fetched
from sitrep.models import Report
from sitrep.watch.fetch import HostLimiter, conditional_get
from sitrep.watch.sources import SourceSpec
from sitrep.watch.state import SourceState


@dataclass
class Batch:
    """Reports to store together; `file_key` marks a drop-folder file as read once they are."""

    reports: list[Report]
    file_key: str | None = None


@dataclass
class Poll:
    """What one poll found. Validators and cursor are saved only after every batch is stored."""

    source: str
    status: str = "ok"  # ok, not-modified, error
    batches: list[Batch] = field(default_factory=list)
    etag: str | None = None
    last_modified: str | None = None
    cursor: str | None = None
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    elapsed: float = 0.0

    @property
    def items(self) -> int:
        return sum(len(b.reports) for b in self.batches)


def poll_source(
    spec: SourceSpec,
    state: SourceState,
    *,
    client: httpx.Client,
    limiter: HostLimiter,
    files_seen: Callable[[], set[str]],
) -> Poll:
    """Fetch and read `spec`; never raises (errors are in the result)."""
    start = time.monotonic()
    poll = Poll(source=spec.name, etag=state.etag, last_modified=state.last_modified, cursor=state.cursor)
    opts = Options(
        source=spec.outlet,
        lang=spec.lang,
        timeout=spec.timeout,
        max_bytes=spec.max_bytes,
        warn=poll.warnings.append,
    )
    try:
        if spec.kind in ("feed", "page"):
            _poll_http(spec, state, poll, opts, client, limiter)
        elif spec.kind == "folder":
            _poll_folder(spec, poll, files_seen())
        else:
            from sitrep.watch.telegram import read_channel

            reports, cursor = read_channel(spec, state.cursor, opts)
            poll.batches.append(Batch(reports))
            poll.cursor = cursor
    except SitrepError as exc:
        poll.status, poll.error, poll.batches = "error", str(exc), []
    except Exception as exc:  # noqa: BLE001 - a watcher must outlive any one source's surprise
        poll.status, poll.error, poll.batches = "error", f"{spec.name}: {type(exc).__name__}: {exc}", []
    poll.elapsed = time.monotonic() - start
    return poll


def _poll_http(
    spec: SourceSpec,
    state: SourceState,
    poll: Poll,
    opts: Options,
    client: httpx.Client,
    limiter: HostLimiter,
) -> None:
    limiter.wait(spec.host)
    response = conditional_get(
        client,
        spec.target,
        etag=state.etag,
        last_modified=state.last_modified,
        timeout=spec.timeout,
        max_bytes=spec.max_bytes,
    )
    poll.etag, poll.last_modified = response.etag, response.last_modified
    if response.status == 304 or response.fetched is None:
        poll.status = "not-modified"
        return
    fetched = response.fetched
    if spec.kind == "feed" and not (fetched.media_type in FEED_TYPES or looks_like_feed(fetched.data)):
        shown = fetched.media_type or "no content type"
        raise IngestError(f"{spec.target}: returned {shown}, not an RSS or Atom feed")
    reports = list(read_fetched(fetched, opts, label=spec.target))
    if spec.kind == "feed" and not reports:
        _check_well_formed(fetched.data, spec.target)
    if spec.kind == "page":
        for report in reports:
            report.meta.setdefault("watch_source", spec.name)
    poll.batches.append(Batch(reports))


def _check_well_formed(data: bytes, url: str) -> None:
    """An empty feed is normal; a feed that is empty because its XML breaks off is an error to report."""
    parsed = parse_feed(data, url)
    if parsed.get("bozo") and not parsed.entries:
        reason = str(parsed.get("bozo_exception") or "").splitlines()
        raise IngestError(f"{url}: malformed feed{f' ({reason[0]})' if reason else ''}")


def folder_files(folder: Path) -> list[Path]:
    """Readable files under a drop folder, sorted; hidden files (partial writes) are left alone."""
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(root) / name
            if not name.startswith(".") and path.suffix.lower() in KNOWN_EXTENSIONS:
                found.append(path)
    return found


def file_key(folder: Path, path: Path) -> str:
    """Path, size and modification time: a rewritten file is read again, an untouched one never."""
    info = path.stat()
    return f"{path.relative_to(folder)}|{info.st_size}|{info.st_mtime_ns}"


def _poll_folder(spec: SourceSpec, poll: Poll, seen: set[str]) -> None:
    folder = Path(spec.target)
    if not folder.is_dir():
        raise IngestError(f"{folder}: drop folder does not exist")
    for path in folder_files(folder):
        try:
            key = file_key(folder, path)
        except OSError:  # removed between the walk and the stat
            continue
        if key in seen:
            continue
        reports = list(
            read_sources(
                [str(path)],
                source=spec.outlet,
                lang=spec.lang,
                max_bytes=spec.max_bytes,
                on_error=poll.warnings.append,
            )
        )
        poll.batches.append(Batch(reports, file_key=key))
