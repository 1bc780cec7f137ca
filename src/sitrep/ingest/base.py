"""Helpers shared by the readers: options, byte checks, decoding, dates, text cleanup, languages.

Every check here raises `IngestError` with one line naming the input, because that line is all the
user sees: the CLI prints it instead of a traceback.
"""

from __future__ import annotations

import re
import unicodedata
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from dateutil import parser as date_parser

from sitrep.config import FETCH_TIMEOUT_S, MAX_DOCUMENT_BYTES
from sitrep.errors import IngestError
from sitrep.models import Report

#: Share of bytes that may be invalid UTF-8 and still be decoded, with U+FFFD for each bad byte.
MAX_INVALID_UTF8_SHARE = 0.001
#: Share of control characters above which undecodable data is called binary rather than mis-encoded.
BINARY_CONTROL_SHARE = 0.10
#: How many leading bytes the binary sniffing looks at.
SNIFF_BYTES = 8192


def _raise(message: str) -> None:
    """The default warn: strict, so that no bad record goes unnoticed by a caller who did not ask."""
    raise IngestError(message)


@dataclass(frozen=True)
class Options:
    """The caller's settings, passed unchanged to every reader."""

    published: datetime | None = None
    source: str | None = None
    lang: str | None = None
    timeout: float = FETCH_TIMEOUT_S
    max_bytes: int = MAX_DOCUMENT_BYTES
    #: Called with one line for a bad record inside an otherwise readable input; raises by default.
    warn: Callable[[str], None] = _raise


@dataclass
class ReadStats:
    """What a run did, so the CLI can say "12 reports from 5 files, 2 skipped" without re-walking."""

    inputs: int = 0
    documents: int = 0  # files, URLs and stdin actually read
    reports: int = 0
    errors: int = 0  # inputs or records reported through on_error
    skipped_hidden: int = 0  # hidden files and folders inside a folder
    skipped_unknown: int = 0  # files of an unknown type (or READMEs) inside a folder
    skipped_empty: int = 0  # records without text that are not errors (Telegram photos, service messages)
    skipped_paths: list[str] = field(default_factory=list)

    @property
    def skipped(self) -> int:
        """Files skipped in folders, for a one-number summary."""
        return self.skipped_hidden + self.skipped_unknown


# --- sizes and bytes ---------------------------------------------------------------------------


def human_size(n: int) -> str:
    """'52 MB', '3.5 KB', '900 bytes': sizes in messages, in the binary units the limits use."""
    if n < 1024:
        return f"{n} bytes"
    for unit, scale in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if n >= scale:
            value = n / scale
            return f"{value:.1f} {unit}" if value < 10 and value != int(value) else f"{value:.0f} {unit}"
    return f"{n} bytes"  # pragma: no cover


def too_large(label: str, size: int | None, limit: int) -> IngestError:
    """'X is 52 MB, over the 10 MB limit', or 'X is over the 10 MB limit' when the size is unknown."""
    if size is None:
        return IngestError(f"{label} is over the {human_size(limit)} limit")
    shown, limit_shown = human_size(size), human_size(limit)
    if shown == limit_shown:  # "10 MB, over the 10 MB limit" would read as a contradiction
        shown = f"{size:,} bytes"
    return IngestError(f"{label} is {shown}, over the {limit_shown} limit")


def read_path(path: Path, label: str, max_bytes: int) -> bytes:
    """The file's bytes, after checking that it exists, is not empty and is not over the limit.

    The size is checked before reading so that a 5 GB file is refused without loading it; reading
    stops at max_bytes + 1 in case the file grows meanwhile.
    """
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise IngestError(f"{label}: no such file or directory") from None
    except OSError as exc:
        raise IngestError(f"{label}: cannot read ({exc.strerror or exc})") from None
    if size == 0:
        raise IngestError(f"{label} is empty")
    if size > max_bytes:
        raise too_large(label, size, max_bytes)
    try:
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise IngestError(f"{label}: cannot read ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise too_large(label, None, max_bytes)
    if not data:
        raise IngestError(f"{label} is empty")
    return data


def read_stream(stream: Any, label: str, max_bytes: int) -> bytes:
    """Up to max_bytes from a binary stream (stdin), refusing more."""
    data = stream.read(max_bytes + 1)
    if isinstance(data, str):  # a text stream was passed; accept it rather than fail obscurely
        data = data.encode("utf-8")
    if len(data) > max_bytes:
        raise too_large(label, None, max_bytes)
    if not data.strip():
        raise IngestError(f"{label} is empty")
    return data


_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark announces; UTF-16 files from Windows tools carry one."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def _control_share(data: bytes) -> float:
    """Share of C0 control bytes other than tab, newline, form feed and CR: text has almost none."""
    sample = data[:SNIFF_BYTES]
    if not sample:
        return 0.0
    controls = sum(1 for b in sample if (b < 32 and b not in (9, 10, 12, 13)) or b == 127)
    return controls / len(sample)


def looks_binary(data: bytes) -> bool:
    """NUL bytes, or many control characters, in the first few KB (UTF-16 with a BOM is text)."""
    if bom_encoding(data) == "utf-16":
        return False
    sample = data[:SNIFF_BYTES]
    return b"\x00" in sample or _control_share(sample) > BINARY_CONTROL_SHARE


def check_not_binary(data: bytes, label: str) -> None:
    """Refuse images, archives and PDFs before any reader turns them into mojibake reports."""
    if looks_binary(data):
        raise IngestError(f"{label} looks binary, not text")


def decode_text(data: bytes, label: str) -> tuple[str, int]:
    """Text from bytes, and how many bytes were replaced.

    Policy: UTF-8 (a BOM is dropped; UTF-16 is accepted only with a BOM). If the data is not valid
    UTF-8 but the bad bytes are a tiny share (at most 0.1%, e.g. one truncated character pasted into
    a long article), they become U+FFFD and the count goes into the report's meta; otherwise the
    input is refused with the offset of the first bad byte, because guessing a legacy encoding
    (cp1251, koi8-r) silently would put mojibake into quotes that analysts rely on.
    """
    encoding = bom_encoding(data) or "utf-8"
    try:
        return data.decode(encoding), 0
    except UnicodeDecodeError as exc:
        first_bad = exc.start
        bad_byte = data[exc.start : exc.start + 1].hex()
    text = data.decode(encoding, errors="replace")
    replaced = text.count("\ufffd") - data.decode(encoding, errors="ignore").count("\ufffd")
    if _control_share(data) > BINARY_CONTROL_SHARE:
        raise IngestError(f"{label} looks binary, not text")
    if replaced <= max(1, int(len(data) * MAX_INVALID_UTF8_SHARE)):
        return text, replaced
    raise IngestError(
        f"{label} is not valid UTF-8 (byte 0x{bad_byte} at offset {first_bad}); save it as UTF-8 and retry"
    )


# --- text --------------------------------------------------------------------------------------

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2009\u200a\t"), " ")
_BLANK_LINES = re.compile(r"\n{3,}")
_INNER_SPACES = re.compile(r"(?<=\S) {2,}(?=\S)")


def clean_text(text: str) -> str:
    """Normalised line ends, no invisible characters, no trailing spaces, at most one blank line.

    Spans found by later stages index into this string, so it should read like the source but
    without noise that would break sentence splitting or number matching (non-breaking spaces).
    """
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.translate(_INVISIBLE).translate(_SPACES)
    lines = [_INNER_SPACES.sub(" ", line.strip()) for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def clean_line(text: str | None) -> str | None:
    """A title or name on one line, or None when nothing is left."""
    if text is None:
        return None
    line = " ".join(clean_text(str(text)).split())
    return line or None


_BLOCK_TAGS = {
    "p", "div", "section", "article", "li", "ul", "ol", "blockquote", "pre", "table", "tr",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "footer", "figure", "figcaption", "dd", "dt",
}  # fmt: skip
_DROP_TAGS = ("head", "title", "script", "style", "noscript", "template", "iframe", "svg", "form", "button")
_BR = "\ue000"  # a private-use character marks <br> while whitespace is collapsed


def html_to_text(markup: str | bytes, *, drop: Iterable[str] = ()) -> str:
    """Readable text from an HTML fragment or page: block elements become paragraphs.

    Used for feed summaries and as the fallback when trafilatura finds no main text; `drop` removes
    page chrome (nav, footer) as well.
    """
    import lxml.etree
    import lxml.html

    if isinstance(markup, str) and "<" not in markup:
        import html

        return clean_text(html.unescape(markup))
    try:
        root = lxml.html.fromstring(markup) if markup.strip() else None
    except (lxml.etree.ParserError, ValueError):
        return ""
    if root is None:
        return ""
    for el in list(root.iter(*_DROP_TAGS, *drop)):
        if el.getparent() is not None:
            el.drop_tree()  # keeps the element's tail text
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag == "br":
            el.tail = _BR + (el.tail or "")
        elif el.tag in _BLOCK_TAGS:
            el.text = "\n\n" + (el.text or "")
            el.tail = "\n\n" + (el.tail or "")
    text = root.text_content()
    # Inside a paragraph, source line breaks are just wrapping: join them, keep paragraphs and <br>.
    paragraphs = [
        "\n".join(" ".join(line.split()) for line in p.split(_BR)) for p in re.split(r"\n\s*\n", text)
    ]
    return clean_text("\n\n".join(p for p in paragraphs if p))


# --- dates -------------------------------------------------------------------------------------

#: Zone abbreviations that appear in this domain's feeds; dateutil alone would drop them silently.
_TZINFOS = {
    "UTC": 0, "GMT": 0, "Z": 0, "UT": 0,
    "EET": 2 * 3600, "EEST": 3 * 3600, "MSK": 3 * 3600, "CET": 3600, "CEST": 2 * 3600,
    "BST": 3600, "EST": -5 * 3600, "EDT": -4 * 3600, "PST": -8 * 3600, "PDT": -7 * 3600,
}  # fmt: skip


def aware(dt: datetime) -> datetime:
    """Naive datetimes are taken as UTC, so that all published times compare."""
    return dt.replace(tzinfo=UTC) if dt.tzinfo is None or dt.utcoffset() is None else dt


def _from_timestamp(value: float) -> datetime:
    """Unix seconds, or milliseconds (as JavaScript exporters write them) when implausibly large."""
    if abs(value) > 1e11:
        value = value / 1000
    try:
        return datetime.fromtimestamp(value, UTC)
    except (OverflowError, OSError, ValueError) as exc:
        raise ValueError(f"not a date: {value!r}") from exc


def parse_date(value: Any) -> datetime | None:
    """An aware datetime from an ISO or RFC 822 string, a Unix timestamp or a datetime.

    Returns None for empty values; raises ValueError for text that is not a date.
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return aware(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _from_timestamp(value)
    if not isinstance(value, str):
        raise ValueError(f"not a date: {value!r}")
    text = value.strip()
    if text.isdigit() and len(text) >= 9:  # Unix seconds, as in Telegram's date_unixtime
        return _from_timestamp(int(text))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return aware(date_parser.parse(text, tzinfos=_TZINFOS))
    except (ValueError, OverflowError, TypeError) as exc:
        raise ValueError(f"not a date: {value!r}") from exc


def try_parse_date(value: Any) -> datetime | None:
    """parse_date for metadata we do not control (feeds, pages): a bad date is just no date."""
    try:
        return parse_date(value)
    except ValueError:
        return None


# --- languages ---------------------------------------------------------------------------------

_ENGLISH_WORDS = re.compile(r"\b(the|and|of|to|in|was|were|said|is|on|with)\b", re.IGNORECASE)


def guess_lang(text: str) -> str | None:
    """A cheap guess from the alphabet: 'uk', 'ru', 'en' or None.

    Cyrillic text with і/ї/є/ґ (absent from Russian) is Ukrainian unless ы/э/ъ/ё (absent from
    Ukrainian) are more frequent; other Cyrillic is Russian; Latin text is English only when common
    English words occur, so a German or French text is left unlabelled rather than mislabelled.
    """
    sample = text[:4000]
    cyrillic = latin = 0
    for ch in sample:
        if ch.isalpha():
            if "\u0400" <= ch <= "\u04ff":
                cyrillic += 1
            elif ch.isascii():
                latin += 1
    if cyrillic == 0 and latin == 0:
        return None
    if cyrillic > latin:
        lower = sample.casefold()
        uk = sum(lower.count(c) for c in "іїєґ")
        ru = sum(lower.count(c) for c in "ыэъё")
        return "uk" if uk > ru else "ru"
    return "en" if len(_ENGLISH_WORDS.findall(sample)) >= 2 else None


def normalise_lang(value: Any) -> str | None:
    """'en-US', 'EN', 'uk_UA' -> 'en', 'en', 'uk': the primary language subtag."""
    if not isinstance(value, str) or not value.strip():
        return None
    return re.split(r"[-_]", value.strip(), maxsplit=1)[0].lower() or None


# --- reports -----------------------------------------------------------------------------------


def make_report(
    text: str,
    opts: Options,
    *,
    origin: str,
    title: str | None = None,
    source: str | None = None,
    url: str | None = None,
    lang: str | None = None,
    published: datetime | None = None,
    meta: dict[str, Any] | None = None,
) -> Report | None:
    """A Report with the caller's defaults applied, or None when no text is left after cleaning.

    The `published` and `lang` arguments only fill what the document lacks; `source` precedence
    differs by reader, so the reader passes the final value.
    """
    body = clean_text(text)
    if not body:
        return None
    clean_title = clean_line(title)
    if clean_title and body.split("\n", 1)[0].strip() == clean_title:
        # Pages repeat their headline as the first line; the title is hashed with the text anyway.
        body = body[len(body.split("\n", 1)[0]) :].strip() or body
    date = published or (aware(opts.published) if opts.published else None)
    return Report(
        text=body,
        origin=origin,
        source=clean_line(source),
        url=url,
        title=clean_title,
        lang=normalise_lang(lang) or normalise_lang(opts.lang) or guess_lang(body),
        published=date,
        meta=dict(meta or {}),
    )


def file_url(path: Path) -> str:
    """The file:// URL stored as a local report's url: absolute, so it stays meaningful later."""
    return path.resolve().as_uri()
