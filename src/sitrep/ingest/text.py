"""Plain text and Markdown: a title from the first line or heading, and minimally cleaned text.

Markdown markup is removed line by line (headings, emphasis, links, quotes, code fences) rather
than rendered, so the report text stays close to what the author wrote: later stages quote it.
An optional front-matter block (``---`` / ``key: value`` lines / ``---``) may give title,
published, source, url and lang, which is how hand-written example reports carry their dates.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from sitrep.errors import IngestError
from sitrep.ingest.base import Options, make_report, parse_date
from sitrep.models import Report

#: Extension -> whether the file is Markdown.
EXTENSIONS: dict[str, bool] = {".txt": False, ".text": False, ".md": True, ".markdown": True}

#: A first line longer than this is the start of the body, not a headline.
MAX_TITLE_CHARS = 160

_FRONT_KEYS = {
    "title": "title",
    "published": "published",
    "date": "published",
    "source": "source",
    "outlet": "source",
    "url": "url",
    "link": "url",
    "lang": "lang",
    "language": "lang",
}
_KEY_VALUE = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$")


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Front-matter fields and the remaining text; ({}, text) when there is no valid block."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, text
    fields: dict[str, str] = {}
    for i, line in enumerate(lines[1:60], start=1):
        stripped = line.strip()
        if stripped in ("---", "..."):
            return fields, "\n".join(lines[i + 1 :])
        if not stripped or stripped.startswith("#"):
            continue
        match = _KEY_VALUE.match(stripped)
        if not match:
            return {}, text  # a horizontal rule followed by prose, not front matter
        value = match.group(2).strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        fields[match.group(1).lower()] = value
    return {}, text


_ATX = re.compile(r"^\s{0,3}#{1,6}(?:\s+(.*?))?(?:\s+#+)?\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_QUOTE = re.compile(r"^\s{0,3}(>\s?)+")
_BULLET = re.compile(r"^(\s*)[*+]\s+")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+.*$")
_INLINE = [
    (re.compile(r"<!--.*?-->", re.S), ""),
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),
    (re.compile(r"<(https?://[^>\s]+)>"), r"\1"),
    (re.compile(r"`([^`]+)`"), r"\1"),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"), r"\1"),
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~|])"), r"\1"),
]


def strip_inline(line: str) -> str:
    """One line without inline Markdown (links keep their text, emphasis its words)."""
    for pattern, repl in _INLINE:
        line = pattern.sub(repl, line)
    return line


def markdown_to_text(text: str) -> tuple[str | None, str]:
    """(title, text) from Markdown: the leading heading becomes the title, markup is removed."""
    out: list[str] = []
    title: str | None = None
    seen_content = False
    lines = text.split("\n")
    for i, raw in enumerate(lines):
        if _FENCE.match(raw) or _REF_DEF.match(raw):
            continue
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        heading: str | None = None
        atx = _ATX.match(raw)
        if atx:
            heading = atx.group(1) or ""
        elif raw.strip() and _SETEXT.match(nxt) and not _RULE.match(raw):
            heading = raw.strip()
        elif _SETEXT.match(raw) or _RULE.match(raw):
            continue  # the underline of a setext heading, or a horizontal rule
        if heading is not None:
            heading = strip_inline(heading).strip()
            if not seen_content and title is None and heading:
                title = heading
                seen_content = True
                continue
            out.extend(["", heading, ""])
            seen_content = seen_content or bool(heading)
            continue
        line = _BULLET.sub(r"\1- ", _QUOTE.sub("", raw))
        line = strip_inline(line)
        seen_content = seen_content or bool(line.strip())
        out.append(line)
    return title, "\n".join(out)


def plain_title(text: str) -> tuple[str | None, str]:
    """(title, text): a short first line standing alone, without closing punctuation, is a headline."""
    stripped = text.lstrip("\n")
    first, sep, rest = stripped.partition("\n")
    first = first.strip()
    if (
        first
        and sep
        and len(first) <= MAX_TITLE_CHARS
        and not first.endswith((".", ",", ";", ":"))
        and rest.startswith("\n")  # a blank line follows: not a hard-wrapped first sentence
        and rest.strip()
    ):
        return first, rest
    return None, text


def read_text(
    content: str,
    opts: Options,
    *,
    label: str,
    origin: str,
    url: str | None,
    markdown: bool = False,
    meta: dict[str, Any] | None = None,
) -> Iterator[Report]:
    """One report from a text or Markdown document; IngestError when no text is left."""
    content = content.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    front, body = split_front_matter(content)
    fields: dict[str, str] = {}
    extra: dict[str, str] = {}
    for key, value in front.items():
        if key in _FRONT_KEYS:
            fields[_FRONT_KEYS[key]] = value
        else:
            extra[key] = value
    title, body = markdown_to_text(body) if markdown else plain_title(body)
    if fields.get("title"):
        title = fields["title"]
    try:
        published = parse_date(fields.get("published"))
    except ValueError:
        raise IngestError(f"{label}: front matter date {fields['published']!r} is not a date") from None
    info = dict(meta or {})
    if extra:
        info["front_matter"] = extra
    report = make_report(
        body,
        opts,
        origin=origin,
        title=title,
        source=opts.source or fields.get("source"),
        url=fields.get("url") or url,
        lang=fields.get("lang"),
        published=published,
        meta=info,
    )
    if report is None:
        raise IngestError(f"{label} has no text")
    yield report
