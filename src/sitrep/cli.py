"""The `sitrep` command line.

Heavy modules (spaCy, SQLAlchemy, the gazetteer) are imported inside each command, so that
`sitrep --help` stays fast. Every user mistake ends in one line on stderr and a non-zero exit.
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import click

from sitrep import __version__
from sitrep.errors import SitrepError

EXIT_USER_ERROR = 1
EXIT_INTERRUPTED = 130

db_option = click.option(
    "--db",
    envvar="SITREP_DB",
    default=None,
    metavar="PATH",
    help="Database file (default ./sitrep.db) or SQLAlchemy URL. Env: SITREP_DB.",
)


def _parse_datetime(value: str | None, name: str) -> datetime | None:
    if not value:
        return None
    from dateutil import parser

    try:
        parsed = parser.isoparse(value)
    except ValueError:
        try:
            parsed = parser.parse(value)
        except (ValueError, OverflowError) as exc:
            raise SitrepError(f"{name}: cannot read {value!r} as a date (use YYYY-MM-DD)") from exc
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _parse_date(value: str | None, name: str) -> date | None:
    parsed = _parse_datetime(value, name)
    return parsed.date() if parsed else None


def _echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="sitrep")
def cli() -> None:
    """sitrep: a sourced, geolocated conflict event log from news, statements and Telegram posts.

    \b
    Typical use:
      sitrep ingest reports/ --published 2025-11-25     read files, folders, feeds, URLs or -
      sitrep events --country Ukraine                   list events
      sitrep show EVENT_ID                              every claim behind one event
      sitrep export --format geojson -o events.geojson  for GIS, ACLED- or UCDP-style work
      sitrep watch sources.toml                         poll feeds and channels, keep events current
    """


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--published", metavar="DATE", help="Publication time for inputs that carry none (YYYY-MM-DD[THH:MM])."
)
@click.option("--source", metavar="NAME", help="Outlet or channel name for inputs that carry none.")
@click.option("--lang", metavar="CODE", help="Language of inputs that do not say (en, uk, ru).")
@click.option("--timeout", type=float, default=None, help="Seconds before a network fetch gives up.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@db_option
def ingest(
    inputs: tuple[str, ...],
    published: str | None,
    source: str | None,
    lang: str | None,
    timeout: float | None,
    as_json: bool,
    quiet: bool,
    db: str | None,
) -> None:
    """Read INPUTS (files, folders, feed or page URLs, or - for stdin) into the event log.

    Text, Markdown, HTML, JSON Lines, CSV, RSS/Atom and Telegram Desktop exports (result.json)
    are recognised by their extension. A report already stored is skipped, so a run that was
    interrupted can simply be repeated.
    """
    from sitrep.config import FETCH_TIMEOUT_S
    from sitrep.ingest import read_sources
    from sitrep.pipeline import Pipeline

    errors: list[str] = []

    def on_error(message: str) -> None:
        errors.append(message)

    reports = read_sources(
        list(inputs),
        published=_parse_datetime(published, "--published"),
        source=source,
        lang=lang,
        timeout=timeout or FETCH_TIMEOUT_S,
        on_error=on_error,
    )
    pipeline = Pipeline(db)
    _ = pipeline.store  # open (and migrate) before reading, so a bad --db fails first
    with _Progress(quiet or as_json) as tick:
        result = pipeline.ingest(reports, on_report=lambda report, status: tick(status))
    result.errors = errors
    failed = bool(errors) and result.reports_new == 0 and result.reports_duplicate == 0
    for message in errors:
        click.echo(f"{'error' if failed else 'warning'}: {message}", err=True)
    if as_json:
        _echo_json(result.as_dict())
    elif not failed:
        click.echo(
            f"{result.reports_new} new report(s), {result.reports_duplicate} already stored, "
            f"{result.claims} claim(s); {result.events_created} event(s) created, "
            f"{result.events_updated} updated" + (f"; {len(errors)} input(s) failed" if errors else ""),
            err=True,
        )
    if failed:
        sys.exit(EXIT_USER_ERROR)


class _Progress:
    """A progress line on stderr (reports read so far), silent when not wanted or not a terminal."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet or not sys.stderr.isatty()
        self.counts: dict[str, int] = {}

    def __enter__(self):  # noqa: ANN204
        if self.quiet:
            return self._count
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self._bar = Progress(
            SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), transient=True
        )
        self._bar.start()
        self._task = self._bar.add_task("reading reports", total=None)

        def tick(status: str) -> None:
            self._count(status)
            done = sum(self.counts.values())
            self._bar.update(
                self._task,
                description=f"{done} report(s): "
                + ", ".join(f"{n} {k}" for k, n in sorted(self.counts.items())),
            )

        return tick

    def _count(self, status: str) -> None:
        self.counts[status] = self.counts.get(status, 0) + 1

    def __exit__(self, *exc: object) -> None:
        if not self.quiet:
            self._bar.stop()


def _filters(
    date_from: str | None,
    date_to: str | None,
    event_type: str | None,
    country: str | None,
    admin1: str | None,
    text: str | None,
    contested: bool | None,
) -> dict[str, Any]:
    return {
        "date_from": _parse_date(date_from, "--from"),
        "date_to": _parse_date(date_to, "--to"),
        "event_type": event_type,
        "country": country,
        "admin1": admin1,
        "text": text,
        "contested": contested,
    }


def filter_options(func: Any) -> Any:
    for option in reversed(
        [
            click.option("--from", "date_from", metavar="DATE", help="Events on or after this date."),
            click.option("--to", "date_to", metavar="DATE", help="Events on or before this date."),
            click.option("--type", "event_type", metavar="TYPE", help="Event type or sub-event type."),
            click.option("--country", metavar="NAME", help="Country name or ISO code."),
            click.option("--admin1", metavar="NAME", help="First-level region (oblast, province, state)."),
            click.option("--text", metavar="WORDS", help="Words in the summary, place or any quote."),
            click.option(
                "--contested/--uncontested",
                default=None,
                help="Only events whose claims disagree (or agree).",
            ),
        ]
    ):
        func = option(func)
    return func


@cli.command()
@filter_options
@click.option("--limit", type=int, default=100, show_default=True, help="At most this many events (0: all).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (a list of events, without claims).")
@db_option
def events(limit: int, as_json: bool, db: str | None, **filters: Any) -> None:
    """List events, newest first."""
    from sitrep.report.table import events_table
    from sitrep.store import Store

    store = Store.open(db)
    found = store.query_events(**_filters(**filters), limit=limit or None)
    if as_json:
        _echo_json([e.to_dict(with_claims=False) for e in found])
        return
    if not found:
        click.echo("no events match", err=True)
        return
    events_table(found)


@cli.command()
@click.argument("event_id")
@click.option("--json", "as_json", is_flag=True, help="Print the event and its claims as JSON.")
@db_option
def show(event_id: str, as_json: bool, db: str | None) -> None:
    """Show one event with every claim: quote, claimant, source and link."""
    from sitrep.report.table import event_detail
    from sitrep.store import Store

    store = Store.open(db)
    event = store.get_event(event_id, with_claims=True)
    if event is None:
        raise SitrepError(f"no event with id {event_id!r} (see `sitrep events`)")
    if as_json:
        data = event.to_dict()
        for claim in data["claims"]:
            report = store.get_report(claim["report_id"])
            claim["source"] = (
                {"outlet": report.source, "url": report.url, "title": report.title} if report else None
            )
        _echo_json(data)
        return
    event_detail(event, store)


@cli.command()
@click.argument("event_id")
@click.argument("claim_ids", nargs=-1, required=True)
@click.option("--note", metavar="TEXT", help="Why (kept in the corrections log).")
@click.option("--json", "as_json", is_flag=True, help="Print both events as JSON.")
@db_option
def split(event_id: str, claim_ids: tuple[str, ...], note: str | None, as_json: bool, db: str | None) -> None:
    """Move claims (ids from `sitrep show EVENT_ID --json`) out of EVENT_ID into a new event.

    The correction is stored: later ingests never put these claims back together.
    """
    from sitrep.merge import corrections
    from sitrep.store import Store

    with Store.open(db) as store:
        kept, new = corrections.split(store, event_id, list(claim_ids), note)
    if as_json:
        _echo_json({"kept": kept.to_dict(), "new": new.to_dict()})
        return
    click.echo(f"{kept.id}: {kept.summary} ({len(kept.claims)} claims)")
    click.echo(f"{new.id}: {new.summary} ({len(new.claims)} claims, split off)")


@cli.command()
@click.argument("event_ids", nargs=-1, required=True)
@click.option("--note", metavar="TEXT", help="Why (kept in the corrections log).")
@click.option("--json", "as_json", is_flag=True, help="Print the merged event as JSON.")
@db_option
def merge(event_ids: tuple[str, ...], note: str | None, as_json: bool, db: str | None) -> None:
    """Join events into the first EVENT_ID given (its id survives; the others are removed).

    The correction is stored: later ingests keep these claims together.
    """
    from sitrep.merge import corrections
    from sitrep.store import Store

    with Store.open(db) as store:
        event = corrections.merge(store, list(event_ids), note)
    if as_json:
        _echo_json(event.to_dict())
        return
    click.echo(f"{event.id}: {event.summary} ({len(event.claims)} claims)")


@cli.command()
@click.option("--date", "day", metavar="DATE", help="The day to report (default: the latest with events).")
@click.option("--area", metavar="NAME", help="Only this country (name or ISO code) or first-level region.")
@click.option("--format", "fmt", type=click.Choice(["md", "txt", "html"]), default="md", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), help="Write to FILE.")
@click.option(
    "--check",
    is_flag=True,
    help="Verify that every number, place and person in each sentence is in a quote it cites; "
    "list any problem on stderr and exit 1.",
)
@db_option
def brief(
    day: str | None, area: str | None, fmt: str, output: str | None, check: bool, db: str | None
) -> None:
    """The daily situation report: events by country and area, violence first, then diplomacy;
    every sentence cites its sources, and disagreeing figures are given side by side."""
    from sitrep.report.brief import RENDERERS, brief_of_day, faithfulness_problems, names_in
    from sitrep.store import Store

    built = brief_of_day(Store.open(db), _parse_date(day, "--date"), area)
    if check and (problems := faithfulness_problems(built, names_in)):
        for problem in problems:
            click.echo(f"unfaithful: {problem}", err=True)
        raise SitrepError(f"{len(problems)} sentence fact(s) are in no cited quote")
    text = RENDERERS[fmt](built)
    if output:
        with open(output, "w", encoding="utf-8") as fh:
            fh.write(text)
        click.echo(f"brief of {built.day or 'no events'} written to {output}", err=True)
    else:
        click.echo(text, nl=False)


@cli.command()
@click.argument("output", type=click.Path(dir_okay=False))
@click.option("--from", "date_from", metavar="DATE", help="First day (default: the first event's).")
@click.option("--to", "date_to", metavar="DATE", help="Last day (default: the last event's).")
@click.option("--area", metavar="NAME", help="Only this country (name or ISO code) or first-level region.")
@click.option("--type", "event_type", metavar="TYPE", help="Only this event type or sub-event type.")
@db_option
def timeline(
    output: str,
    date_from: str | None,
    date_to: str | None,
    area: str | None,
    event_type: str | None,
    db: str | None,
) -> None:
    """Plot events per day by type to OUTPUT (.png or .svg)."""
    from sitrep.report.timeline import plot_timeline
    from sitrep.store import Store

    first, last = _parse_date(date_from, "--from"), _parse_date(date_to, "--to")
    store = Store.open(db)
    found = store.query_events(
        date_from=first, date_to=last, event_type=event_type, limit=None, with_claims=False
    )
    found = [e for e in found if e.in_area(area)]
    n = plot_timeline(found, output, date_from=first, date_to=last, area=area)
    click.echo(f"{n} event(s) plotted to {output}", err=True)


EXPORT_FORMATS = ["jsonl", "csv", "geojson", "acled", "ucdp", "parquet"]


@cli.command()
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="jsonl", show_default=True)
@click.option(
    "--output", "-o", type=click.Path(dir_okay=False, writable=True), help="File to write (default stdout)."
)
@filter_options
@db_option
def export(fmt: str, output: str | None, db: str | None, **filters: Any) -> None:
    """Export events.

    \b
    jsonl    events with their claims, one JSON object a line
    csv      one row per event (sitrep's columns)
    geojson  one Point per located event, precision in the properties
    acled    ACLED-compatible CSV, ACLED's 31 columns; Diplomacy events are left out
    ucdp     UCDP-GED-compatible CSV; only political violence with at least one death
    parquet  the csv columns, typed (dates, integers, booleans); binary: use -o FILE
    """
    import functools

    from sitrep.store import Store

    store = Store.open(db)
    with_claims = fmt in ("jsonl", "acled", "ucdp")
    found = store.query_events(**_filters(**filters), limit=None, with_claims=with_claims)
    if fmt == "parquet":
        n = _export_parquet(found, output)
        if output:
            click.echo(f"wrote {n} event(s) to {output}", err=True)
        return
    if fmt in ("acled", "ucdp"):
        from sitrep.report.acled import write_acled
        from sitrep.report.ucdp import write_ucdp

        writer = write_acled if fmt == "acled" else write_ucdp
        lookup = functools.lru_cache(maxsize=4096)(store.get_report)

        def write(fh: Any) -> int:
            return writer(found, fh, reports=lookup)
    else:
        from sitrep.report.export import write_export

        def write(fh: Any) -> int:
            return write_export(found, fmt, fh)

    if output:
        with Path(output).open("w", encoding="utf-8", newline="") as fh:
            n = write(fh)
        click.echo(f"wrote {n} event(s) to {output}", err=True)
    else:
        write(sys.stdout)


def _export_parquet(found: list[Any], output: str | None) -> int:
    """Parquet to a file, or to stdout when it is a pipe (never to a terminal: it is binary)."""
    import io

    from sitrep.report.parquet import write_parquet

    if output:
        return write_parquet(found, output)
    if sys.stdout.isatty():
        raise SitrepError("parquet is a binary format: give --output FILE or redirect stdout")
    buffer = io.BytesIO()
    n = write_parquet(found, buffer)
    sys.stdout.buffer.write(buffer.getvalue())
    sys.stdout.buffer.flush()
    return n


def _is_file(source: str) -> bool:
    """Whether an argument names a file; a long text or one with a NUL is not a path (stat would raise)."""
    try:
        return Path(source).is_file()
    except (OSError, ValueError):
        return False


@cli.command()
@click.argument("source", required=False, metavar="[TEXT|FILE|-]")
@click.option("--json", "as_json", is_flag=True, help="Print the toponyms as JSON.")
def geoparse(source: str | None, as_json: bool) -> None:
    """Find and resolve the place names of a text (an argument, a file, or - / nothing for stdin)."""
    from sitrep.geo.geoparse import geoparse as run_geoparse
    from sitrep.report.table import toponym_table

    if source is None or source == "-":
        text = sys.stdin.read()
    elif _is_file(source):
        try:
            text = Path(source).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise SitrepError(f"{source}: cannot read as UTF-8 text ({exc.__class__.__name__})") from exc
    else:
        text = source
    if not text.strip():
        raise SitrepError("no text to geoparse")
    toponyms = run_geoparse(text)
    if as_json:
        from dataclasses import asdict

        from sitrep.models import to_jsonable

        _echo_json([to_jsonable(asdict(t)) for t in toponyms])
        return
    toponym_table(toponyms)


@cli.command("eval")
@click.argument("files", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per file, one per line.")
@click.option(
    "--limit", type=int, default=None, metavar="N", help="Score only the first N records of each file."
)
@click.option("--sample", type=int, default=None, metavar="N", help="Score N random records of each file.")
@click.option("--seed", type=int, default=0, show_default=True, help="Random seed for --sample.")
@click.option(
    "--errors",
    "errors_path",
    metavar="FILE",
    help="Write every miss (record id, field, gold, prediction, quote) to FILE as JSON Lines.",
)
@click.option("--jobs", type=int, default=2, show_default=True, help="Worker processes.")
@click.option("--quiet", "-q", is_flag=True, help="No progress on stderr.")
def eval_(
    files: tuple[str, ...],
    as_json: bool,
    limit: int | None,
    sample: int | None,
    seed: int,
    errors_path: str | None,
    jobs: int,
    quiet: bool,
) -> None:
    """Score the pipeline on gold JSON Lines FILES (the ../shared/eval format).

    Every gold field a file has is scored (event type, counts, date, actors, claimant, location,
    toponyms, incident clusters), each figure with the number of records it covers.
    """
    from sitrep.evaluate import evaluate
    from sitrep.evaluate.render import print_results

    results = evaluate(
        list(files),
        limit=limit,
        sample=sample,
        seed=seed,
        jobs=jobs,
        errors_path=errors_path,
        progress=not quiet,
    )
    if as_json:
        for result in results:
            click.echo(json.dumps(result.as_json(), ensure_ascii=False))
    else:
        print_results(results)


@cli.command()
@click.option("--db", default="sitrep-demo.db", show_default=True, help="Database for the demo.")
def demo(db: str) -> None:
    """Ingest the example reports that ship with sitrep, print the events and the day's brief."""
    from importlib.resources import files

    examples = files("sitrep") / "examples"
    ctx = click.get_current_context()
    # Click fills every option not given here with its default.
    ctx.invoke(ingest, inputs=(str(examples),), published="2025-11-25", db=db)
    ctx.invoke(events, limit=0, db=db)
    click.echo()
    ctx.invoke(brief, db=db)
    click.echo(
        f"\nNext: `sitrep show EVENT_ID --db {db}` shows every claim behind an event; "
        f"`sitrep brief --format html --db {db} -o brief.html` writes the brief as a page; "
        f"`sitrep export --format acled --db {db} -o events.csv` writes an ACLED-style table.",
        err=True,
    )


@cli.command()
@click.argument("sources_file", metavar="SOURCES.toml", type=click.Path(dir_okay=False))
@click.option("--once", is_flag=True, help="Poll every source once, then exit (for cron).")
@click.option(
    "--log-format",
    type=click.Choice(["json", "text"]),
    default=None,
    help="Log lines instead of the live table (default: live table on a terminal, else json).",
)
@click.option("--duration", type=float, default=None, metavar="SECONDS", help="Stop after this long.")
@db_option
def watch(
    sources_file: str, once: bool, log_format: str | None, duration: float | None, db: str | None
) -> None:
    """Poll the feeds, pages, drop folders and Telegram channels of SOURCES.toml and keep events current.

    Each source is polled on its own interval with conditional requests; new items go through
    the pipeline into the database, and the per-source state is stored there too, so stopping
    and starting again loses nothing and stores nothing twice. Alert rules in the file post or
    append matching new and updated events. See docs/sources.example.toml.
    """
    from sitrep.watch.scheduler import Watcher, install_signal_handlers
    from sitrep.watch.sources import load_sources
    from sitrep.watch.status import Log

    config = load_sources(sources_file)
    live = log_format is None and sys.stdout.isatty()
    log = Log("off" if live else (log_format or "json"), stream=sys.stdout)  # live: the table says it all
    watcher = Watcher(config, db, log=log)
    install_signal_handlers(watcher)
    totals = watcher.run(once=once, live=live, duration=duration)
    if once and totals.polls and totals.errors == totals.polls:
        raise SitrepError(f"every source failed ({totals.errors}); see the log lines above")


@cli.command()
@click.argument("sources_file", required=False, metavar="[SOURCES.toml]", type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the state as JSON.")
@db_option
def sources(sources_file: str | None, as_json: bool, db: str | None) -> None:
    """Health of watched sources from the stored state: last poll and success, errors, backoff, counts.

    With SOURCES.toml, sources of the file that were never polled are listed too.
    """
    from sitrep.store import Store
    from sitrep.watch.state import SourceState, WatchState

    store = Store.open(db)
    try:
        states = WatchState(store).all()
    finally:
        store.close()
    if sources_file:
        from sitrep.watch.sources import load_sources

        known = {s.name for s in states}
        for spec in load_sources(sources_file).sources:
            if spec.name not in known:
                states.append(SourceState(spec.name, spec.kind, spec.target))
    if as_json:
        _echo_json([s.to_dict() for s in states])
        return
    if not states:
        click.echo("no watched sources yet: run `sitrep watch SOURCES.toml`", err=True)
        return
    from rich.console import Console

    from sitrep.watch.status import health_table

    # A pipe gets a wide table rather than one folded to 80 columns.
    Console(width=None if sys.stdout.isatty() else 220).print(health_table(states))


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=int, default=8000, show_default=True, help="Port (0: any free one).")
@click.option(
    "--token",
    envvar="SITREP_TOKEN",
    metavar="TOKEN",
    help="Enables POST /api/reports for clients sending 'Authorization: Bearer TOKEN'. Env: SITREP_TOKEN.",
)
@click.option(
    "--tiles",
    envvar="SITREP_TILES",
    metavar="URL",
    help="Map tile server, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png (default: offline borders "
    "only). Env: SITREP_TILES.",
)
@click.option("--refresh", type=int, default=30, show_default=True, help="Live-refresh poll (s; 0: off).")
@db_option
def serve(host: str, port: int, token: str | None, tiles: str | None, refresh: int, db: str | None) -> None:
    """Serve the map, timeline, event pages, daily brief and the REST API (/api, docs at /api/docs)."""
    import uvicorn

    from sitrep.web import Settings, create_app
    from sitrep.web.assets import missing_message

    app = create_app(Settings.from_env(db=db, token=token, tile_url=tiles, refresh_s=max(0, refresh)))
    runtime = app.state.runtime
    if runtime.vendor_dir is None:
        click.echo(f"warning: {missing_message()}", err=True)
    writes = "on (token set)" if app.state.settings.token else "off (no --token)"
    click.echo(f"sitrep serve: database {runtime.store.label}; writes {writes}", err=True)
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        raise SitrepError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc
    bound = sock.getsockname()[1]
    shown = f"[{host}]" if family == socket.AF_INET6 else host
    click.echo(f"listening on http://{shown}:{bound}/", err=True)
    config = uvicorn.Config(app, log_level="warning", server_header=False)
    uvicorn.Server(config).run(sockets=[sock])


def main() -> None:
    """Entry point: run the CLI, turning user errors into one line and a non-zero exit."""
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except SitrepError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_USER_ERROR)
    except KeyboardInterrupt:
        click.echo(
            "interrupted: stored reports are complete; run the same command again to continue", err=True
        )
        sys.exit(EXIT_INTERRUPTED)
    except BrokenPipeError:
        sys.exit(0)


if __name__ == "__main__":
    main()
