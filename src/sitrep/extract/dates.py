"""Event dates from the words of a report, resolved against its publication time.

"on Tuesday" is the last Tuesday on or before publication; "overnight" and "last night" are the
night that ended on the publication day (coded to that day, as ACLED does for night attacks
reported in the morning); "yesterday" is the day before; explicit dates win over all of them.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from sitrep.models import DatePrecision, EventDate, Span

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ]
    )
    for m in names
}  # fmt: skip
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))

_EXPLICIT = [
    re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"),
    re.compile(
        rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MONTH_RE})\.?(?:,?\s+(?P<y>\d{{4}}))?\b",
        re.I,
    ),
    re.compile(
        rf"\b(?P<mon>{_MONTH_RE})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>\d{{4}}))?", re.I
    ),
]
_RELATIVE = re.compile(
    r"\b(?P<expr>(?:on |last |early |late )?(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?:\s+(?:night|morning|evening|afternoon))?"
    r"|overnight|last night|this morning|today|tonight|earlier today|yesterday|the day before|"
    r"(?:on )?the night of|last week|earlier this week|this week|last month|earlier this month|this month)\b",
    re.IGNORECASE,
)


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _explicit(text: str, ref: date | None, offset: int) -> EventDate | None:
    for rx in _EXPLICIT:
        for m in rx.finditer(text):
            groups = m.groupdict()
            month = (
                int(groups["m"])
                if groups.get("m")
                else _MONTHS.get((groups.get("mon") or "").lower().rstrip("."))
            )
            if not month:
                continue
            year = int(groups["y"]) if groups.get("y") else (ref.year if ref else None)
            if year is None:
                continue
            day = _safe_date(year, month, int(groups["d"]))
            if day is None:
                continue
            if not groups.get("y") and ref and day > ref + timedelta(days=1):
                day = _safe_date(year - 1, month, day.day) or day  # "25 December" read in January
            return EventDate(
                day, DatePrecision.DAY, m.group(0), Span(offset + m.start(), offset + m.end(), m.group(0))
            )
    return None


def resolve_date(text: str, published: date | None, offset: int = 0) -> EventDate | None:
    """The date a clause gives for its event, or None when it gives none."""
    found = _explicit(text, published, offset)
    if found or published is None:
        return found
    m = _RELATIVE.search(text)
    if not m:
        return None
    expr = m.group("expr").lower()
    span = Span(offset + m.start(), offset + m.end(), m.group(0))
    if m.group("wd"):
        back = (published.weekday() - _WEEKDAYS.index(m.group("wd").lower())) % 7
        if expr.startswith("last ") and back == 0:
            back = 7
        return EventDate(published - timedelta(days=back), DatePrecision.DAY, m.group(0), span)
    if expr in {"yesterday", "the day before"}:
        return EventDate(published - timedelta(days=1), DatePrecision.DAY, m.group(0), span)
    if expr in {"overnight", "last night"}:
        return EventDate(published, DatePrecision.DAY, m.group(0), span, end=None)
    if expr in {"last week"}:
        return EventDate(published - timedelta(days=7), DatePrecision.WEEK, m.group(0), span)
    if "week" in expr:
        return EventDate(published, DatePrecision.WEEK, m.group(0), span)
    if expr == "last month":
        first = published.replace(day=1) - timedelta(days=1)
        return EventDate(first.replace(day=1), DatePrecision.MONTH, m.group(0), span)
    if "month" in expr:
        return EventDate(published.replace(day=1), DatePrecision.MONTH, m.group(0), span)
    if "night of" in expr:
        return None  # followed by an explicit date, handled above when present
    return EventDate(published, DatePrecision.DAY, m.group(0), span)
