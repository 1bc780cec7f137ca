"""HTML pages, saved or fetched: the article text without navigation, ads and footers.

trafilatura finds the main text and the metadata (title, site name, canonical URL); the publication
time is read from the page's own meta tags first because trafilatura only keeps the day, and the
hour decides what "overnight" means. When trafilatura finds nothing (tiny or odd pages) the whole
body text minus page chrome is used instead.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

import lxml.etree
import lxml.html
import trafilatura

from sitrep.errors import IngestError
from sitrep.ingest.base import (
    Options,
    bom_encoding,
    decode_text,
    html_to_text,
    make_report,
    try_parse_date,
)
from sitrep.models import Report

EXTENSIONS = {".html", ".htm", ".xhtml"}

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
_DATE_META = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "date",
    "dc.date.issued",
    "dc.date",
    "sailthru.date",
    "parsely-pub-date",
)
_CHROME = ("nav", "header", "footer", "aside")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def _valid_codec(name: str | None) -> str | None:
    """The canonical codec name, or None for a charset label Python does not know (pages lie)."""
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_markup(data: bytes, label: str, charset: str | None = None) -> tuple[str, int]:
    """Text of a page: BOM, then the HTTP charset, then <meta charset>, then the UTF-8 policy."""
    match = _META_CHARSET.search(data[:4096])
    candidates = [bom_encoding(data), charset, match.group(1).decode("ascii") if match else None]
    for name in candidates:
        codec = _valid_codec(name)
        if codec and codec not in ("utf-8", "utf-8-sig"):
            try:
                return data.decode(codec), 0
            except UnicodeDecodeError:
                continue
    return decode_text(data, label)


def _find_json_ld_date(node: Any) -> str | None:
    """The first datePublished in a JSON-LD tree, which news sites nest in @graph lists."""
    if isinstance(node, dict):
        for key in ("datePublished", "dateCreated", "uploadDate"):
            if isinstance(node.get(key), str):
                return node[key]
        node = list(node.values())
    if isinstance(node, list):
        for item in node:
            found = _find_json_ld_date(item)
            if found:
                return found
    return None


def page_published(root: lxml.html.HtmlElement) -> datetime | None:
    """The publication time with its hour, from meta tags, JSON-LD or the first <time datetime>."""
    metas: dict[str, str] = {}
    for el in root.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        if key and el.get("content") and key not in metas:
            metas[key] = el.get("content", "")
    for key in _DATE_META:
        found = try_parse_date(metas.get(key))
        if found:
            return found
    for el in root.iter("script"):
        if (el.get("type") or "").lower() == "application/ld+json" and el.text:
            try:
                found = try_parse_date(_find_json_ld_date(json.loads(el.text)))
            except ValueError:
                continue
            if found:
                return found
    for el in root.iter("time"):
        found = try_parse_date(el.get("datetime"))
        if found:
            return found
    return None


def _paragraphs(text: str | None) -> str:
    """trafilatura puts one paragraph per line; a blank line between them matches the other readers."""
    if not text:
        return ""
    return "\n\n".join(line.strip() for line in text.split("\n") if line.strip())


def extract_page(markup: str, url: str | None = None) -> dict[str, Any]:
    """Text and metadata of a page: text, title, sitename, canonical url, published, lang."""
    markup = _XML_DECLARATION.sub("", markup, count=1)  # lxml refuses str input that declares an encoding
    try:
        root = lxml.html.document_fromstring(markup)
    except (lxml.etree.ParserError, ValueError):
        root = None
    doc = None
    for precise in (True, False):
        doc = trafilatura.bare_extraction(
            markup,
            url=url,
            favor_precision=precise,
            include_comments=False,
            include_tables=True,
            with_metadata=True,
        )
        if doc is not None and (doc.text or "").strip():
            break
    text = _paragraphs(doc.text if doc is not None else None)
    if not text and root is not None:
        text = html_to_text(lxml.html.tostring(root, encoding="unicode"), drop=_CHROME)
    title = doc.title if doc is not None else None
    if not title and root is not None:
        title = root.findtext(".//title")
    published = page_published(root) if root is not None else None
    if published is None and doc is not None:
        published = try_parse_date(doc.date)
    canonical = doc.url if doc is not None else None
    lang = root.get("lang") if root is not None else None
    return {
        "text": text,
        "title": title,
        "sitename": doc.sitename if doc is not None else None,
        "url": canonical if canonical and urlsplit(canonical).scheme in ("http", "https") else None,
        "published": published,
        "lang": lang or (doc.language if doc is not None else None),
    }


def read_html(
    data: bytes,
    opts: Options,
    *,
    label: str,
    origin: str,
    url: str | None,
    charset: str | None = None,
    fetched: bool = False,
    meta: dict[str, Any] | None = None,
) -> Iterator[Report]:
    """One report from a page. For a saved page the canonical URL is the report's url (the file path
    goes to meta); for a fetched page the URL actually fetched is kept and the canonical one noted.
    """
    markup, replaced = decode_markup(data, label, charset)
    page = extract_page(markup, url if fetched else None)
    info = dict(meta or {})
    if replaced:
        info["decode_errors"] = replaced
    if fetched:
        report_url = url
        if page["url"] and page["url"] != url:
            info["canonical_url"] = page["url"]
        default_source = page["sitename"] or (urlsplit(url).hostname if url else None)
    else:
        report_url = page["url"] or url
        default_source = page["sitename"]
    report = make_report(
        page["text"],
        opts,
        origin=origin,
        title=page["title"],
        source=opts.source or default_source,
        url=report_url,
        lang=page["lang"],
        published=page["published"],
        meta=info,
    )
    if report is None:
        what = "not a feed and no readable text in the page" if fetched else "no readable text in the page"
        raise IngestError(f"{label}: {what}")
    yield report
