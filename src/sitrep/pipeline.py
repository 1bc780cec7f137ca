"""`sitrep.Pipeline`: the whole path from reports to stored, reconciled events.

    report ─▶ relevance filter ─▶ NER + sentences ─▶ toponyms ─▶ claims ─▶ merge ─▶ store

Every stage but the last is a plain function of its input; only `ingest` touches the database,
and each report lands in one transaction (report, claims and event updates together), so an
interrupted run leaves a consistent store and can simply be run again.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sitrep.extract.claims import ClaimExtractor
from sitrep.extract.relevance import is_relevant
from sitrep.models import Claim, Event, Report

if TYPE_CHECKING:
    from sitrep.merge.policy import MergePolicy
    from sitrep.store import Store


@dataclass
class IngestResult:
    """What one ingest run did, for the CLI summary and for scripts (`--json`)."""

    reports_new: int = 0
    reports_duplicate: int = 0
    reports_irrelevant: int = 0
    claims: int = 0
    events_created: int = 0
    events_updated: int = 0
    errors: list[str] = field(default_factory=list)
    event_ids: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return dict(vars(self))


class Pipeline:
    """Analyse reports (no I/O) and ingest them into a store (one transaction per report)."""

    def __init__(
        self,
        db: str | os.PathLike[str] | None = None,
        *,
        store: Store | None = None,
        merge_policy: MergePolicy | None = None,
    ) -> None:
        self._db = db
        self._store = store
        self._merge_policy = merge_policy  # None: MergePolicy.from_env() at ingest
        self._extractor = ClaimExtractor()

    @property
    def store(self) -> Store:
        if self._store is None:
            from sitrep.store import Store

            self._store = Store.open(self._db)
        return self._store

    # -- analysis (pure) ------------------------------------------------------------------------

    def analyse(self, report: Report) -> list[Claim]:
        """Claims of one report, grouped by incident (`Claim.incident_key`)."""
        return next(iter(self.analyse_many([report])))[1]

    def analyse_many(
        self, reports: Iterable[Report], batch_size: int = 32
    ) -> Iterator[tuple[Report, list[Claim]]]:
        """Claims of many reports; the NER model runs in batches for speed."""
        from sitrep.extract.nlp import parse_many
        from sitrep.geo.recognize import find_toponyms

        batch: list[Report] = []

        def flush() -> Iterator[tuple[Report, list[Claim]]]:
            relevant = [is_relevant(r.text) for r in batch]
            texts = [r.text for r, keep in zip(batch, relevant, strict=True) if keep]
            parsed = iter(parse_many(texts, batch_size=batch_size))
            for report, keep in zip(batch, relevant, strict=True):  # input order; the filter spares the model
                if not keep:
                    yield report, []
                    continue
                doc = next(parsed)
                toponyms = find_toponyms(report.text, doc.entities, domain=report.domain)
                yield report, self._extractor.extract(report, doc, toponyms)
            batch.clear()

        for report in reports:
            batch.append(report)
            if len(batch) >= batch_size:
                yield from flush()
        if batch:
            yield from flush()

    # -- ingest (stores) ------------------------------------------------------------------------

    def ingest(
        self,
        reports: Iterable[Report],
        *,
        on_report: Callable[[Report, str], None] | None = None,
        batch_size: int = 8,
    ) -> IngestResult:
        """Store new reports, extract their claims and merge them into events.

        `on_report(report, status)` is called once per report ("new", "duplicate", "irrelevant")
        so the CLI can drive a progress bar.
        """
        from sitrep.merge.cluster import merge_claims
        from sitrep.merge.policy import MergePolicy

        policy = self._merge_policy or MergePolicy.from_env()
        result = IngestResult()
        store = self.store
        seen: set[str] = set()

        def fresh() -> Iterator[Report]:
            for report in reports:
                key = report.content_hash
                if key in seen or store.has_report(key):
                    result.reports_duplicate += 1
                    if on_report:
                        on_report(report, "duplicate")
                    continue
                seen.add(key)
                yield report

        for report, claims in self.analyse_many(fresh(), batch_size=batch_size):
            with store.transaction():
                store.add_report(report)
                events = merge_claims(claims, store, policy) if claims else []
                if claims:
                    store.save_claims(claims)
            status = "new" if claims else "irrelevant"
            result.reports_new += 1
            result.reports_irrelevant += not claims
            result.claims += len(claims)
            for event in events:
                created = event.first_reported == event.updated
                result.events_created += created
                result.events_updated += not created
                if event.id not in result.event_ids:
                    result.event_ids.append(event.id)
            if on_report:
                on_report(report, status)
        return result

    # -- queries --------------------------------------------------------------------------------

    def events(self, **filters: Any) -> list[Event]:
        return self.store.query_events(**filters)
