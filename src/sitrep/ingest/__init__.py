"""Reading sources into `Report` objects: files, folders, URLs and standard input.

`read_sources` is the only entry point the rest of sitrep needs. Each input is read by the module
for its format (text, html, records, feeds, telegram, web); problems with one input become one
line for `on_error` and the other inputs are still read, because a day's batch of sources always
contains a dead link or a truncated file.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any
from urllib.parse import unquote

from sitrep.config import FETCH_TIMEOUT_S, MAX_DOCUMENT_BYTES
from sitrep.errors import IngestError
from sitrep.ingest import feeds, html, records, telegram, text
from sitrep.ingest.base import (
    Options,
    ReadStats,
    bom_encoding,
    check_not_binary,
    decode_text,
    file_url,
    read_path,
    read_stream,
)
from sitrep.models import Report

if TYPE_CHECKING:
    import httpx

__all__ = ["KNOWN_EXTENSIONS", "ReadStats", "SourceReader", "read_sources"]

JSON_EXTENSIONS = {".json"}
#: Every extension read from files and folders; anything else in a folder is skipped and counted.
KNOWN_EXTENSIONS: frozenset[str] = frozenset(
    {
        *text.EXTENSIONS,
        *html.EXTENSIONS,
        *feeds.EXTENSIONS,
        *records.JSONL_EXTENSIONS,
        *records.CSV_EXTENSIONS,
        *JSON_EXTENSIONS,
    }
)
STDIN_LABEL = "standard input"
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")
#: Documentation that sits next to reports in a folder (README.md in the examples); skipped in
#: folders, read when named explicitly.
DOC_FILE_STEMS = frozenset({"readme", "license", "licence", "changelog", "contributing"})


@dataclass
class _Unit:
    """One document to read: a file, a URL or standard input."""

    kind: str  # "path", "url", "stdin"
    value: str
    path: Path | None = None
    label: str = ""  # how messages name it: the path or URL as given


def _load_json(content: str, label: str) -> Any:
    """Parsed JSON, or an IngestError that says where the syntax breaks."""
    try:
        return json.loads(content)
    except json.JSONDecodeError as exc:
        raise IngestError(
            f"{label}: invalid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})"
        ) from None
    except RecursionError:
        raise IngestError(f"{label}: JSON nested too deeply") from None


class SourceReader(Iterator[Report]):
    """The iterator `read_sources` returns: reports in input order, with `stats` filled as it goes.

    It is lazy (nothing is read before the first `next`) so that a caller can store each report
    as it comes; `close()` releases the HTTP client if the caller stops early.
    """

    def __init__(
        self,
        inputs: Iterable[str | os.PathLike[str]],
        opts: Options,
        on_error: Callable[[str], None] | None,
        stdin: IO[bytes] | None,
    ) -> None:
        self.stats = ReadStats()
        self._inputs = inputs
        self._on_error = on_error
        self._stdin = stdin
        self._client: httpx.Client | None = None
        self.opts = replace(opts, warn=self._warn)
        self._gen = self._run()

    def __iter__(self) -> SourceReader:
        return self

    def __next__(self) -> Report:
        return next(self._gen)

    def close(self) -> None:
        self._gen.close()

    # -- error routing --------------------------------------------------------------------------

    def _warn(self, message: str) -> None:
        """A bad record inside a readable input: counted and passed on, or raised in strict mode."""
        if self._on_error is None:
            raise IngestError(message)
        self.stats.errors += 1
        self._on_error(message)

    def _fail(self, exc: IngestError) -> None:
        """An unreadable input: counted and passed on, or re-raised in strict mode."""
        self.stats.errors += 1
        if self._on_error is None:
            raise exc
        self._on_error(str(exc))

    # -- the run --------------------------------------------------------------------------------

    def _run(self) -> Iterator[Report]:
        try:
            for item in self._inputs:
                self.stats.inputs += 1
                try:
                    units = self._expand(os.fspath(item))
                except IngestError as exc:
                    self._fail(exc)
                    continue
                for unit in units:
                    try:
                        for report in self._read(unit):
                            self.stats.reports += 1
                            yield report
                    except IngestError as exc:
                        self._fail(exc)
        finally:
            if self._client is not None:
                self._client.close()
                self._client = None

    def _expand(self, item: str) -> list[_Unit]:
        """The documents an input names: itself, or the readable files of a folder, sorted."""
        if item == "-":
            return [_Unit("stdin", item, label=STDIN_LABEL)]
        match = _SCHEME.match(item.strip())
        scheme = match.group(1).lower() if match else ""
        if scheme in ("http", "https"):
            return [_Unit("url", item.strip(), label=item.strip())]
        if scheme == "file":
            item = unquote(item.strip()[len("file://") :].split("#", 1)[0].split("?", 1)[0])
            if not item.startswith("/"):  # file://host/path: the host part is not ours to resolve
                item = "/" + item.split("/", 1)[-1] if "/" in item else item
        elif scheme:
            raise IngestError(f"{item}: unsupported URL scheme '{scheme}' (expected http or https)")
        if not item.strip():
            raise IngestError("empty input name")
        path = Path(item).expanduser()
        try:
            is_dir, exists = path.is_dir(), path.exists()
        except (OSError, ValueError) as exc:  # a name too long for the system, or one holding a NUL
            raise IngestError(f"{item[:80]}: not a usable file name ({exc.__class__.__name__})") from exc
        if is_dir:
            return self._walk(path, item)
        if not exists:
            raise IngestError(f"{item}: no such file or directory")
        return [_Unit("path", item, path=path, label=item)]

    def _walk(self, folder: Path, label: str) -> list[_Unit]:
        """Readable files under `folder`; hidden files, unknown types and READMEs are skipped, counted."""
        found: list[Path] = []
        for root, dirs, files in os.walk(folder):
            hidden_dirs = [d for d in dirs if d.startswith(".")]
            self.stats.skipped_hidden += len(hidden_dirs)
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                path = Path(root) / name
                if name.startswith("."):
                    self.stats.skipped_hidden += 1
                elif path.suffix.lower() not in KNOWN_EXTENSIONS or path.stem.lower() in DOC_FILE_STEMS:
                    self.stats.skipped_unknown += 1
                    self.stats.skipped_paths.append(str(path))
                else:
                    found.append(path)
        if not found:
            raise IngestError(f"{label}: no readable files in the folder (expected {_expected()})")
        return [_Unit("path", str(p), path=p, label=str(p)) for p in sorted(found)]

    def _read(self, unit: _Unit) -> Iterator[Report]:
        """Reports of one document; the HTTP client is created on the first URL only."""
        opts = self.opts
        if unit.kind == "url":
            from sitrep.ingest.web import make_client, read_url

            if self._client is None:
                self._client = make_client(opts.timeout)
            self.stats.documents += 1
            yield from read_url(self._client, unit.value, opts)
            return
        if unit.kind == "stdin":
            if self._stdin is None and sys.stdin.isatty():
                raise IngestError(f"{unit.label} is a terminal: pipe a document in, or name a file")
            stream = self._stdin if self._stdin is not None else sys.stdin.buffer
            data = read_stream(stream, unit.label, opts.max_bytes)
            self.stats.documents += 1
            yield from self._read_bytes(data, None, label=unit.label, origin="stdin", url=None, meta={})
            return
        assert unit.path is not None
        ext = unit.path.suffix.lower()
        if ext and ext not in KNOWN_EXTENSIONS:
            raise IngestError(f"{unit.label}: unknown file type '{ext}' (expected {_expected()})")
        data = read_path(unit.path, unit.label, opts.max_bytes)
        self.stats.documents += 1
        meta = {"path": str(unit.path.resolve())}
        yield from self._read_bytes(
            data, ext or None, label=unit.label, origin="file", url=file_url(unit.path), meta=meta
        )

    def _read_bytes(
        self,
        data: bytes,
        ext: str | None,
        *,
        label: str,
        origin: str,
        url: str | None,
        meta: dict[str, Any],
    ) -> Iterator[Report]:
        """Reports from a document's bytes; `ext` None means sniff the content (stdin, no extension)."""
        opts = self.opts
        check_not_binary(data, label)
        if bom_encoding(data) == "utf-16":  # Windows tools write UTF-16; the readers expect UTF-8
            data = decode_text(data, label)[0].encode("utf-8")
        if ext is None:
            ext = _sniff(data, label)
        if ext in html.EXTENSIONS:
            yield from html.read_html(data, opts, label=label, origin=origin, url=url, meta=meta)
        elif ext in feeds.EXTENSIONS:
            yield from feeds.read_feed(data, opts, label=label, url=url, meta=meta)
        elif ext in records.JSONL_EXTENSIONS:
            yield from records.read_jsonl(data, opts, label=label, origin=origin, url=url, meta=meta)
        elif ext in records.CSV_EXTENSIONS:
            yield from records.read_csv(
                data,
                opts,
                label=label,
                origin=origin,
                url=url,
                delimiter=records.CSV_EXTENSIONS[ext],
                meta=meta,
            )
        elif ext in JSON_EXTENSIONS:
            content, _ = decode_text(data, label)
            value = _load_json(content, label)
            if telegram.is_export(value):
                yield from telegram.read_telegram(value, opts, label=label, meta=meta, stats=self.stats)
            elif isinstance(value, list):
                yield from records.read_json_records(
                    value, opts, label=label, origin=origin, url=url, meta=meta
                )
            elif isinstance(value, dict) and "text" in value:
                yield from records.read_json_records(
                    [value], opts, label=label, origin=origin, url=url, meta=meta
                )
            else:
                raise IngestError(f"{label}: JSON is neither a Telegram export nor a list of records")
        else:
            content, replaced = decode_text(data, label)
            if not content.strip():
                raise IngestError(f"{label} is empty")
            if replaced:
                meta = {**meta, "decode_errors": replaced}
            yield from text.read_text(
                content,
                opts,
                label=label,
                origin=origin,
                url=url,
                markdown=bool(text.EXTENSIONS.get(ext)),
                meta=meta,
            )


def _expected() -> str:
    """The readable extensions, for error messages that tell the user what would work."""
    return ", ".join(sorted(KNOWN_EXTENSIONS))


def _sniff(data: bytes, label: str) -> str:
    """The extension a document without one would have: feed, page, JSON Lines, JSON, Markdown or text."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<"):
        return ".xml" if feeds.looks_like_feed(data) else ".html"
    content, _ = decode_text(data, label)
    if head.startswith(b"{") and records.is_jsonl(content):
        return ".jsonl"
    if head.startswith((b"{", b"[")):
        try:
            json.loads(content)
            return ".json"
        except (json.JSONDecodeError, RecursionError):
            pass
    first = content.lstrip().split("\n", 1)[0]
    if first.strip() == "---" or first.startswith("# "):
        return ".md"
    return ".txt"


def read_sources(
    inputs: Iterable[str],
    *,
    published: datetime | None = None,
    source: str | None = None,
    lang: str | None = None,
    timeout: float = FETCH_TIMEOUT_S,
    max_bytes: int = MAX_DOCUMENT_BYTES,
    on_error: Callable[[str], None] | None = None,
    stdin: IO[bytes] | None = None,
) -> SourceReader:
    """Reports from files, folders, http(s) URLs and "-" (standard input), lazily, in input order.

    `published`, `source` and `lang` fill what a document does not say (a file's `source` is
    overridden by the argument; a record's or feed entry's own source wins over it, except that
    an explicit `source` names every entry of a feed). With `on_error`, each unreadable input or
    bad record is reported as one line and reading goes on; without it the first problem raises
    IngestError. The returned iterator's `stats` counts skipped files and errors.
    """
    if isinstance(inputs, str | os.PathLike):
        inputs = [os.fspath(inputs)]
    opts = Options(published=published, source=source, lang=lang, timeout=timeout, max_bytes=max_bytes)
    return SourceReader(inputs, opts, on_error, stdin)
