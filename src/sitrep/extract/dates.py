"""Event dates from the words of a report, resolved against its publication time.

"on Tuesday" is the last Tuesday on or before publication ("late Tuesday", "on Sunday night",
"early on Monday" too); "overnight" and "last night" are the night that ended on the publication
day (coded to that day, as ACLED does for night attacks reported in the morning); "yesterday" is
the day before; "over the weekend" is the Saturday that began the last weekend (week precision);
"on the night of 24 to 25 November" starts on the 24th. Explicit dates win over relative ones,
and a date that only says when someone spoke ("police said on Sunday", "told AFP on 21 May",
"the governor yesterday condemned") is not the event's date.

Tallies ("in past 24 hours", "over past week") date from the start of the window that ends the day
before publication, since daily and weekly briefings come out the morning after. `report_date` is
what a report states for clauses that state nothing; `default_date` is the day a report's events
get when it states nothing at all (the day before for a lone headline, else publication).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
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
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "a": 1, "one": 1}

_EXPLICIT = [
    re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"),
    # "24 to 25 November", "3-5 March 2019", "the night of 24-25 November"
    re.compile(
        rf"\b(?P<d>{_DAY})\s*(?:-|–|to|and|into)\s*(?P<d2>{_DAY})\s+(?:of\s+)?(?P<mon>{_MONTH_RE})\b\.?"
        r"(?:,?\s+(?P<y>\d{4})\b)?",
        re.I,
    ),
    # "25 November", "18th July 2016", "the 5th of December"
    re.compile(
        rf"\b(?P<d>{_DAY})\s+(?:of\s+)?(?P<mon>{_MONTH_RE})\b\.?(?:,?\s+(?P<y>\d{{4}})\b)?",
        re.I,
    ),
    # "November 24-25"
    re.compile(
        rf"\b(?P<mon>{_MONTH_RE})\.?\s+(?P<d>{_DAY})\s*(?:-|–|to)\s*(?P<d2>{_DAY})\b(?:,?\s+(?P<y>\d{{4}})\b)?",
        re.I,
    ),
    # "November 20, 2025", "Sept. 27"
    re.compile(
        rf"\b(?P<mon>{_MONTH_RE})\.?\s+(?P<d>{_DAY})\b(?!\s*(?:%|percent))(?:,?\s+(?P<y>\d{{4}})\b)?", re.I
    ),
    # "Christmas Day", "New Year's Eve"
    re.compile(r"\b(?P<holiday>Christmas\s+(?:Day|Eve)|New\s+Year['’]?s\s+(?:Day|Eve))\b", re.I),
]
_HOLIDAYS = {
    "christmas day": (12, 25),
    "christmas eve": (12, 24),
    "new year's day": (1, 1),
    "new year's eve": (12, 31),
}

_PART = r"(?:\s+(?:night|morning|evening|afternoon))?"
#: A daily tally ("two soldiers killed in past 24 hours", "70 destroyed in a day"): the day the
#: morning summary covers, i.e. the day before publication.
_DAILY = (
    r"(?:(?:in|over|during|within|for)\s+)?(?:the\s+)?(?:past\s+(?:24\s+hours|day)|last\s+24\s+hours)"
    r"|(?:in|over)\s+(?:the\s+)?last\s+day"
    r"|(?:in|over|within)\s+24\s+hours|(?:in|for)\s+(?:a|one)\s+day|per\s+day|times\s+a\s+day"
    r"|during\s+the\s+day"
)
#: A weekly or monthly tally ("12 killed over past week", "in one week", "in 7 days"): the window
#: that ends the day before publication, dated from its first day.
_WINDOW = (
    r"(?:in|over|during|for|within)\s+(?:the\s+)?(?:past|last|one|a)\s+week"
    r"|(?:in|over|during|within)\s+(?:the\s+)?(?:past\s+|last\s+)?(?:7|seven)\s+days"
    r"|over\s+(?:the\s+)?week|in\s+the\s+course\s+of\s+(?:one|a)\s+week"
    r"|(?:in|over|during|within)\s+(?:the\s+)?(?:past|last)\s+(?P<mo>month)(?!['’]s)"
)
_RELATIVE = re.compile(
    r"\b(?P<expr>(?:(?:on|last|early|late|early\s+on|late\s+on|this\s+past|this|past)\s+)?"
    rf"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:['’]s)?{_PART}"
    r"|(?:(?:over|at|during|on)\s+)?(?:the\s+|this\s+|last\s+|this\s+past\s+|the\s+past\s+)?(?P<we>weekend)"
    r"|the\s+day\s+before\s+yesterday"
    r"|(?P<ago>a|one|two|three|four|five|six|seven|\d)\s+days?\s+ago"
    rf"|(?P<daily>{_DAILY})|(?P<window>{_WINDOW})"
    r"|overnight|last\s+night|late\s+last\s+night|this\s+morning|this\s+evening|today|tonight|earlier\s+today|"
    r"yesterday|the\s+day\s+before|(?:on\s+)?the\s+night\s+of|last\s+week|earlier\s+this\s+week|this\s+week|"
    r"last\s+month|earlier\s+this\s+month|this\s+month)\b",
    re.IGNORECASE,
)
#: Words before a date still to come: "ahead of the July 1 vote", "talks scheduled for 3 May".
_COMING = re.compile(
    r"\b(?:ahead\s+of|before|until|till|scheduled\s+for|set\s+for|planned\s+for|due\s+(?:on|by)|"
    r"expected\s+on|postponed\s+to|deadline\s+of)\s+(?:the\s+|its\s+|their\s+)?$",
    re.I,
)
_FUTURE = re.compile(r"\b(?:next|coming|upcoming|following)\s+$", re.I)

#: Verbs of saying: a date right after one (or right before one) dates the statement.
_SAY = (
    r"(?:said|says|told(?:\s+[\w.’'-]+){0,4}?|reported|reports|announced|confirmed|stated|added|"
    r"claimed(?:\s+responsibility(?:\s+for\s+the\s+\w+)?)?|condemned|denied|warned|insisted|explained|noted|"
    r"disclosed|revealed|tweeted|posted|wrote|declared|alleged|indicated|acknowledged|admitted|"
    r"urged|vowed|quoted|briefed|published|issued\s+a\s+statement|"
    r"in\s+a\s+statement(?:\s+(?:issued|released|published))?|statement(?:\s+(?:issued|released|published))?|"
    r"press\s+release)"
)
_SAY_BEFORE = re.compile(rf"\b{_SAY}\s+(?:on\s+|late\s+|early\s+)?$", re.IGNORECASE)
_SAY_AFTER = re.compile(
    r"^\s*,?\s*(?:said|says|told|reported|announced|confirmed|stated|condemned|denied|warned|disclosed|"
    r"revealed|claimed|declared|added|insisted|acknowledged|admitted|issued|released)\b",
    re.IGNORECASE,
)


@dataclass
class _Found:
    start: int
    end: int
    when: EventDate
    statement: bool
    explicit: bool = False
    weak: bool = False  # a daily-tally cue: any other day-precise date of the clause wins over it


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _day_number(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _explicit(text: str, ref: date | None, offset: int) -> list[tuple[int, int, EventDate]]:
    found: list[tuple[int, int, EventDate]] = []
    for rx in _EXPLICIT:
        for m in rx.finditer(text):
            if any(m.start() < e and s < m.end() for s, e, _ in found):
                continue
            groups = m.groupdict()
            if groups.get("holiday"):
                name = re.sub(r"\s+", " ", groups["holiday"].lower().replace("’", "'"))
                month, day_of_month = _HOLIDAYS[name.replace("years", "year's")]
            else:
                month = (
                    int(groups["m"])
                    if groups.get("m")
                    else _MONTHS.get((groups.get("mon") or "").lower().rstrip("."))
                )
                day_of_month = _day_number(groups["d"]) if groups.get("d") else 0
            if not month:
                continue
            year = int(groups["y"]) if groups.get("y") else (ref.year if ref else None)
            if year is None:
                continue
            day = _safe_date(year, month, day_of_month)
            if day is None:
                continue
            if not groups.get("y") and ref and day > ref + timedelta(days=1):
                if _COMING.search(text[max(0, m.start() - 30) : m.start()]):
                    continue  # a coming date ("ahead of the July 1 elections"), not the event's
                day = _safe_date(year - 1, month, day.day) or day  # "25 December" read in January
            end = None
            if groups.get("d2"):
                end = _safe_date(day.year, day.month, _day_number(groups["d2"]))
                if end is not None and end <= day:
                    end = None
            span = Span(offset + m.start(), offset + m.end(), m.group(0))
            found.append((m.start(), m.end(), EventDate(day, DatePrecision.DAY, m.group(0), span, end=end)))
    return found


def _relative(m: re.Match[str], published: date, offset: int) -> EventDate | None:
    expr = re.sub(r"\s+", " ", m.group("expr").lower())
    span = Span(offset + m.start(), offset + m.end(), m.group(0))
    text = m.group(0)
    if m.group("wd"):
        back = (published.weekday() - _WEEKDAYS.index(m.group("wd").lower())) % 7
        if expr.startswith("last ") and back == 0:
            back = 7
        return EventDate(published - timedelta(days=back), DatePrecision.DAY, text, span)
    if m.group("we"):
        # The Saturday that began the weekend: the last one on or before publication, or the one
        # before it for "last weekend" said during a weekend.
        back = (published.weekday() - 5) % 7
        if "last" in expr and back <= 1:
            back += 7
        return EventDate(published - timedelta(days=back), DatePrecision.WEEK, text, span)
    if m.group("daily"):
        return EventDate(published - timedelta(days=1), DatePrecision.DAY, text, span)
    if m.group("window"):
        if m.group("mo"):
            return EventDate(published - timedelta(days=30), DatePrecision.MONTH, text, span)
        return EventDate(published - timedelta(days=7), DatePrecision.WEEK, text, span)
    if m.group("ago"):
        n = _NUMBERS.get(m.group("ago").lower()) or int(m.group("ago"))
        return EventDate(published - timedelta(days=n), DatePrecision.DAY, text, span)
    if expr == "the day before yesterday":
        return EventDate(published - timedelta(days=2), DatePrecision.DAY, text, span)
    if expr in {"yesterday", "the day before"}:
        return EventDate(published - timedelta(days=1), DatePrecision.DAY, text, span)
    if expr in {"overnight", "last night", "late last night"}:
        return EventDate(published, DatePrecision.DAY, text, span, end=None)
    if expr == "last week":
        return EventDate(published - timedelta(days=7), DatePrecision.WEEK, text, span)
    if "week" in expr:
        return EventDate(published, DatePrecision.WEEK, text, span)
    if expr == "last month":
        first = published.replace(day=1) - timedelta(days=1)
        return EventDate(first.replace(day=1), DatePrecision.MONTH, text, span)
    if "month" in expr:
        return EventDate(published.replace(day=1), DatePrecision.MONTH, text, span)
    if "night of" in expr:
        return None  # followed by an explicit date, read above when present
    return EventDate(published, DatePrecision.DAY, text, span)


def _is_statement(text: str, start: int, end: int) -> bool:
    """A date that dates someone's words: "police said on Sunday", "the governor yesterday condemned"."""
    before = text[max(0, start - 60) : start].rsplit("\n", 1)[-1]  # a new line is a new headline
    return bool(_SAY_BEFORE.search(before) or _SAY_AFTER.match(text[end:].split("\n", 1)[0]))


def find_dates(text: str, published: date | None, offset: int = 0) -> list[_Found]:
    """Every date expression of a clause, in text order, each marked as a statement date or not."""
    out: list[_Found] = []
    for s, e, when in _explicit(text, published, offset):
        out.append(_Found(s, e, when, _is_statement(text, s, e), explicit=True))
    if published is not None:
        for m in _RELATIVE.finditer(text):
            if any(m.start() < f.end and f.start < m.end() for f in out):
                continue
            if _FUTURE.search(text[max(0, m.start() - 12) : m.start()]):
                continue  # "next weekend"
            when = _relative(m, published, offset)
            if when is not None:
                weak = m.group("daily") is not None
                out.append(
                    _Found(m.start(), m.end(), when, _is_statement(text, m.start(), m.end()), weak=weak)
                )
    out.sort(key=lambda f: f.start)
    return out


_PRECISION_ORDER = [DatePrecision.DAY, DatePrecision.WEEK, DatePrecision.MONTH, DatePrecision.YEAR]


def resolve_date(text: str, published: date | None, offset: int = 0) -> EventDate | None:
    """The date a clause gives for its event, or None when it gives none.

    Explicit dates first, then relative ones; day-precise before week or month ("earlier this
    month" is usually background); a daily-tally cue ("during the day") after any other day;
    dates of statements are skipped.
    """
    found = [f for f in find_dates(text, published, offset) if not f.statement]
    if not found:
        return None
    pool = [f for f in found if f.explicit] or found
    return min(pool, key=lambda f: (_PRECISION_ORDER.index(f.when.precision), f.weak, f.start)).when


def report_date(text: str, sentences: list[tuple[int, int]], published: date | None) -> EventDate | None:
    """The date a report states for its events, for clauses that state none themselves.

    The earliest day-precise date among its sentences' event dates, else the first week-precise
    one: a report that tells several days ("killed on Monday ... the next day ...", "attacks on
    Sunday and Monday") is about an event that began on the first of them. A month ("late last
    month") is background, never a report-wide default.
    """
    dated = [d for s, e in sentences if (d := resolve_date(text[s:e], published, s)) is not None]
    days = [d for d in dated if d.precision == DatePrecision.DAY]
    if days:
        return min(days, key=lambda d: d.date)
    return next((d for d in dated if d.precision == DatePrecision.WEEK), None)


_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s*$")
#: Prose grammar that headlinese drops: a leading article, auxiliaries ("was killed", "have died").
_PROSE = re.compile(r"^(?:a|an|the)\b|\b(?:is|are|was|were|has|have|had|been)\b", re.I)


def is_lone_headline(text: str) -> bool:
    """One line in headlinese: no closing full stop, at most 30 words, no leading article and no
    auxiliary verb ("Two soldiers killed in east: military", not "A bomb was found in X")."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) != 1 or _SENTENCE_END.search(lines[0]) or len(lines[0].split()) > 30:
        return False
    return not _PROSE.search(lines[0])


#: A toll that is still rising ("death toll rises to four", "number of victims increased",
#: "death toll mounts"): news of the hours in which the bodies are being counted.
_TOLL_UPDATE = re.compile(
    r"\b(?:toll|number\s+of\s+(?:\w+\s+){0,2}(?:dead|deaths|victims|killed|casualties))\b[^\n]{0,80}?"
    r"\b(?:rises|rose|risen|increased|increases|climbs|climbed|mounts|mounted|spikes|jumps|grows)\b"
    r"|\b(?:killed|dead|victims)\b[^\n]{0,60}?\b(?:rises|rose|increased)\s+to\b",
    re.I,
)


def default_date(text: str, published: date | None) -> EventDate | None:
    """The date a report's events get when no clause states one (an `EventDate` without text).

    - A lone headline: the day before publication. Wire headlines and agency briefings mostly
      report what happened the day before they went out ("Two soldiers killed in east: military"),
      while a cluster of headlines about one event is breaking news of the publication day. A
      lone headline whose toll is still rising ("Death toll in X rises to four") is breaking news
      too: the publication day.
    - Otherwise the publication day (a report's prose tells the news of its own day).
    """
    if published is None:
        return None
    if is_lone_headline(text) and not _TOLL_UPDATE.search(text):
        return EventDate(published - timedelta(days=1), DatePrecision.DAY)
    return EventDate(published, DatePrecision.DAY)
