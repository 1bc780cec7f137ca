"""Running the pipeline over gold records, in worker processes, with progress on stderr.

Three kinds of task, each a plain function of picklable input:

- ``events``: a chunk of records through `Pipeline.analyse_many` (no database), one
  `Prediction` per record (see `main_event.predict`);
- ``toponyms``: a chunk of records through `parse_many` + `find_toponyms`, every record whatever
  its relevance;
- ``incident``: all records of one file ingested into one temporary SQLite store with
  `Pipeline(tmp_db).ingest(...)`, so that merging decides the clusters; a record's cluster is the
  id of the event its main incident's claims ended up in (a record with no claims is alone).

Workers are started with the "spawn" method and load the pipeline, the spaCy model and the
gazetteer once each (`_init_worker`); records are sent in chunks and each worker reports every
record it finishes through a queue, which the parent turns into a progress bar (a terminal) or a
plain counter (anything else).
"""

from __future__ import annotations

import multiprocessing as mp
import queue as queue_mod
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitrep.evaluate.gold import Record, report_for

CHUNK = 24

_pipeline: Any = None
_ticks: Any = None  # a multiprocessing queue in workers, a callable in-process


@dataclass
class Task:
    kind: str  # events, toponyms, incident
    file_index: int
    offset: int  # index of the first record within its file
    records: list[Record]


@dataclass
class Outputs:
    """What the pipeline produced for one file's records (lists aligned with the records)."""

    events: list[dict[str, Any] | None] = field(default_factory=list)
    toponyms: list[list[dict[str, Any]] | None] = field(default_factory=list)
    # Per record, one (lat, lon) or None per gold toponym: sitrep's resolution when given the gold spans.
    given_spans: list[list[tuple[float, float] | None] | None] = field(default_factory=list)
    clusters: list[str] | None = None


# -- in the worker ----------------------------------------------------------------------------------


def _init_worker(ticks: Any) -> None:
    """Load everything heavy once per process."""
    global _pipeline, _ticks
    from sitrep.extract.nlp import load_nlp
    from sitrep.geo.gazetteer import get_gazetteer
    from sitrep.pipeline import Pipeline

    _ticks = ticks
    load_nlp()
    get_gazetteer()
    _pipeline = Pipeline()


def _tick(n: int = 1) -> None:
    if _ticks is None:
        return
    if callable(_ticks):
        _ticks(n)
    else:
        _ticks.put(n)


def run_task(task: Task) -> tuple[Task, list[Any]]:
    """Run one task in this process; the result list is aligned with `task.records`."""
    if _pipeline is None:
        _init_worker(_ticks)
    if task.kind == "events":
        return task, _events(task.records)
    if task.kind == "toponyms":
        return task, _toponyms(task.records)
    if task.kind == "incident":
        return task, _clusters(task.records)
    raise ValueError(f"unknown task kind {task.kind!r}")


def _events(records: list[Record]) -> list[dict[str, Any]]:
    from sitrep.evaluate.main_event import predict, states_killed_count

    reports = [report_for(r) for r in records]
    # Match results to records by the report object, whatever order analyse_many yields them in.
    claims_of: dict[int, list[Any]] = {}
    for report, claims in _pipeline.analyse_many(reports):
        claims_of[id(report)] = claims
        _tick()
    out = []
    for record, report in zip(records, reports, strict=True):
        pred = predict(claims_of[id(report)], report).as_dict()
        pred["states_killed_count"] = states_killed_count(record["text"])
        out.append(pred)
    return out


def _toponyms(records: list[Record]) -> list[tuple[list[dict[str, Any]], list[tuple[float, float] | None]]]:
    """Per record: the toponyms sitrep finds by itself, and its answers for the gold spans."""
    from sitrep.extract.nlp import parse_many
    from sitrep.geo.recognize import find_toponyms

    out = []
    parsed = parse_many([r["text"] for r in records])
    for record, doc in zip(records, parsed, strict=True):
        found = []
        toponyms = find_toponyms(record["text"], doc.entities, domain=report_for(record).domain)
        for t in toponyms:
            point = (t.place.lat, t.place.lon) if t.place is not None else (None, None)
            found.append(
                {
                    "start": t.start,
                    "end": t.end,
                    "text": record["text"][t.start : t.end],
                    "lat": point[0],
                    "lon": point[1],
                    "place": t.place.name if t.place is not None else None,
                    "role": t.role,
                    "source": t.source,
                }
            )
        out.append((found, _given_spans(record, toponyms)))
        _tick()
    return out


def _given_spans(record: Record, toponyms: list[Any]) -> list[tuple[float, float] | None]:
    """sitrep's answer for each gold span, as a geoparser given the spans would give it: the place of
    a recognised toponym over the span, else the name resolved in the document's context (the
    countries and places the recognised toponyms resolved to). Gold spans never reach the
    recogniser, so the end-to-end figures are unaffected."""
    from sitrep.geo.resolve import ResolveContext, resolve

    context = ResolveContext()
    for t in toponyms:
        if t.place is not None and t.role == "place":
            context.add_country(t.place.country_code)
            context.places.append(t.place)
    answers: list[tuple[float, float] | None] = []
    for g in record["gold"].get("toponyms") or []:
        over = next((t for t in toponyms if t.start < g["end"] and g["start"] < t.end and t.place), None)
        place = over.place if over is not None else resolve(g["name"], context=context)[0]
        answers.append((place.lat, place.lon) if place is not None else None)
    return answers


def _clusters(records: list[Record]) -> list[str]:
    """A record's cluster: its story (`merge.stories`, text similarity over the file's reports,
    average linkage) joined with the event its main incident's claims went to: records that share
    a story or an event are one cluster (union). Most records here have no event, or an event of
    their own (ECB+ gives no publication dates, so claims rarely meet within a time window), so
    stories carry most of the grouping; an event spanning two stories joins them."""
    from sitrep.evaluate.main_event import main_incident
    from sitrep.merge.policy import MergePolicy
    from sitrep.merge.stories import group_stories
    from sitrep.pipeline import Pipeline

    reports = [report_for(r) for r in records]
    story_of = [
        f"story:{reports[first].id}"
        for first in group_stories([r.text for r in reports], MergePolicy.from_env().story_similarity)
    ]
    with tempfile.TemporaryDirectory(prefix="sitrep-eval-") as tmp:
        pipeline = Pipeline(Path(tmp) / "eval.db")
        pipeline.ingest(reports, on_report=lambda report, status: _tick())
        store = pipeline.store
        events: list[str | None] = []
        for report in reports:
            main = main_incident(store.claims_for_report(report.id))
            events.append(next((c.event_id for c in main if c.event_id), None))
        store.close()
    parent: dict[str, str] = {}

    def root(key: str) -> str:
        while parent.setdefault(key, key) != key:
            key = parent[key]
        return key

    for story, event_id in zip(story_of, events, strict=True):
        if event_id is not None:
            parent[root(event_id)] = root(story)
    return [root(story) for story in story_of]


# -- in the parent ----------------------------------------------------------------------------------


def plan(files: list[list[Record]], needs: list[set[str]]) -> list[Task]:
    """Tasks for all files: whole-file incident tasks first (the longest), then record chunks."""
    tasks = [Task("incident", i, 0, recs) for i, recs in enumerate(files) if "incident" in needs[i]]
    for i, recs in enumerate(files):
        for kind in ("events", "toponyms"):
            if kind in needs[i]:
                tasks += [Task(kind, i, k, recs[k : k + CHUNK]) for k in range(0, len(recs), CHUNK)]
    return tasks


def run(
    files: list[list[Record]], needs: list[set[str]], *, jobs: int = 2, progress: bool = True
) -> list[Outputs]:
    """Run every task the files need, on `jobs` processes (1: in this process)."""
    tasks = plan(files, needs)
    outputs = [
        Outputs(
            events=[None] * len(recs) if "events" in needs[i] else [],
            toponyms=[None] * len(recs) if "toponyms" in needs[i] else [],
            given_spans=[None] * len(recs) if "toponyms" in needs[i] else [],
        )
        for i, recs in enumerate(files)
    ]
    total = sum(len(t.records) for t in tasks)

    def store(task: Task, result: list[Any]) -> None:
        out = outputs[task.file_index]
        if task.kind == "incident":
            out.clusters = result
            return
        if task.kind == "toponyms":
            out.toponyms[task.offset : task.offset + len(result)] = [found for found, _ in result]
            out.given_spans[task.offset : task.offset + len(result)] = [given for _, given in result]
            return
        out.events[task.offset : task.offset + len(result)] = result

    with _Progress(total, enabled=progress) as advance:
        if jobs <= 1:
            global _ticks
            _ticks = advance
            try:
                for task in tasks:
                    store(*run_task(task))
            finally:
                _ticks = None
        else:
            ctx = mp.get_context("spawn")
            ticks = ctx.Queue()
            with ProcessPoolExecutor(
                max_workers=jobs, mp_context=ctx, initializer=_init_worker, initargs=(ticks,)
            ) as pool:
                pending: set[Future[tuple[Task, list[Any]]]] = {pool.submit(run_task, t) for t in tasks}
                try:
                    while pending:
                        done, pending = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
                        _drain(ticks, advance)
                        for future in done:
                            store(*future.result())
                except BaseException:
                    for future in pending:
                        future.cancel()
                    raise
                _drain(ticks, advance)
    return outputs


def _drain(ticks: Any, advance: Callable[[int], None]) -> None:
    while True:
        try:
            advance(ticks.get_nowait())
        except queue_mod.Empty:
            return


class _Progress:
    """Records done so far on stderr: a rich bar on a terminal, else a counter line every ~10%."""

    def __init__(self, total: int, enabled: bool = True) -> None:
        self.total = total
        self.enabled = enabled and total > 0
        self.tty = sys.stderr.isatty()
        self.done = 0
        self.next_report = 0
        self.started = time.monotonic()

    def __enter__(self) -> Callable[[int], None]:
        if self.enabled and self.tty:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self._bar = Progress(
                TextColumn("evaluating"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("records"),
                TimeElapsedColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self._bar.start()
            self._task = self._bar.add_task("eval", total=self.total)
        return self.advance

    def advance(self, n: int = 1) -> None:
        self.done += n
        if not self.enabled:
            return
        if self.tty:
            self._bar.update(self._task, completed=self.done)
        elif self.done >= self.next_report or self.done == self.total:
            elapsed = time.monotonic() - self.started
            print(f"eval: {self.done}/{self.total} records ({elapsed:.0f} s)", file=sys.stderr, flush=True)
            self.next_report = self.done + max(1, self.total // 10)

    def __exit__(self, *exc: object) -> None:
        if self.enabled and self.tty:
            self._bar.stop()
