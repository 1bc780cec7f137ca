"""Event-date rules: tallies, coming dates, the default day of a headline, a report's own date.

Every sentence here is written for the test; none is taken from the evaluation data.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from sitrep.extract.dates import default_date, find_dates, is_lone_headline, report_date, resolve_date
from sitrep.models import DatePrecision, Report

THURSDAY = date(2024, 3, 14)


def resolved(text: str, published: date = THURSDAY) -> tuple[date, DatePrecision] | None:
    when = resolve_date(text, published)
    return (when.date, when.precision) if when is not None else None


@pytest.mark.parametrize(
    "text",
    [
        "Three soldiers killed in past 24 hours in the north, army says",
        "Over the past day, shelling killed two residents of the district",
        "The border region was shelled 31 times in a day, one man died",
        "Losses per day amounted to 40 fighters, the ministry claimed",
        "During the day, artillery killed a farmer near the river",
        "Four guards wounded in the last 24 hours",
    ],
)
def test_daily_tally_is_the_day_before_publication(text: str) -> None:
    assert resolved(text) == (THURSDAY - timedelta(days=1), DatePrecision.DAY)


def test_a_named_day_beats_a_daily_tally_cue() -> None:
    assert resolved("During the day on Monday, a drone killed two people") == (
        date(2024, 3, 11),
        DatePrecision.DAY,
    )


def test_last_day_of_something_is_no_tally() -> None:
    assert resolved("Two people died on the last day of the truce") is None


@pytest.mark.parametrize(
    "text",
    [
        "Five civilians killed over past week in shelling of the town",
        "Militia lost nine men in one week - command",
        "Shelling killed six people in 7 days, officials say",
    ],
)
def test_weekly_tally_starts_a_week_before_publication(text: str) -> None:
    assert resolved(text) == (THURSDAY - timedelta(days=7), DatePrecision.WEEK)


def test_monthly_tally_starts_thirty_days_before_publication() -> None:
    assert resolved("Raids killed 40 people over the past month") == (
        THURSDAY - timedelta(days=30),
        DatePrecision.MONTH,
    )


def test_a_coming_date_is_not_the_event_date() -> None:
    assert resolved("Two candidates were shot dead ahead of the April 21 vote") is None


def test_a_late_december_date_read_in_january_is_last_year() -> None:
    assert resolved("The market was bombed on 27 December", date(2024, 1, 3)) == (
        date(2023, 12, 27),
        DatePrecision.DAY,
    )


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Gunmen killed a teacher late Wednesday", THURSDAY, date(2024, 3, 13)),
        ("The convoy was hit on Tuesday afternoon", date(2024, 3, 13), date(2024, 3, 12)),
        ("A car bomb exploded on Thursday", THURSDAY, THURSDAY),
        ("Rebels attacked the base last Thursday", THURSDAY, date(2024, 3, 7)),
    ],
)
def test_weekday_arithmetic(text: str, published: date, expected: date) -> None:
    assert resolved(text, published) == (expected, DatePrecision.DAY)


@pytest.mark.parametrize(
    ("text", "headline"),
    [
        ("Four soldiers killed in border clash: army", True),
        ("Drone strike kills two in northern village - governor", True),
        ("Artillery destroyed two depots near the bridge", True),
        ("A bomb was found near the market", False),
        ("The militia has attacked a checkpoint", False),
        ("Four soldiers were killed in a border clash.", False),
        ("Four soldiers killed in border clash\nArmy vows response after deadly clash", False),
    ],
)
def test_lone_headline(text: str, headline: bool) -> None:
    assert is_lone_headline(text) is headline


def test_default_day_of_a_lone_headline_is_the_day_before() -> None:
    when = default_date("Two fighters killed in mountain ambush - ministry", THURSDAY)
    assert when is not None and when.date == THURSDAY - timedelta(days=1) and when.text is None


@pytest.mark.parametrize(
    "text",
    [
        "Two fighters were killed in a mountain ambush, the ministry said.",
        "Two fighters killed in mountain ambush\nMinistry blames rebels for deadly ambush",
    ],
)
def test_default_day_of_prose_or_several_headlines_is_publication(text: str) -> None:
    when = default_date(text, THURSDAY)
    assert when is not None and when.date == THURSDAY and when.text is None


def test_no_publication_day_no_default() -> None:
    assert default_date("Two fighters killed in ambush", None) is None


def _sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for part in text.split(". "):
        spans.append((start, start + len(part)))
        start += len(part) + 2
    return spans


def test_report_date_is_the_earliest_stated_day() -> None:
    text = "Nine people died in the unrest. The riots began on Monday. More bodies were found on Wednesday"
    when = report_date(text, _sentences(text), THURSDAY)
    assert when is not None and when.date == date(2024, 3, 11)


def test_report_date_skips_statement_days_and_background_months() -> None:
    text = "Six guards were killed, officials said on Wednesday. The group grew stronger late last month"
    assert report_date(text, _sentences(text), THURSDAY) is None


def test_report_date_falls_back_to_a_week() -> None:
    text = "Clashes killed twelve herders. The fighting flared over the weekend"
    when = report_date(text, _sentences(text), THURSDAY)
    assert when is not None and when.precision == DatePrecision.WEEK and when.date == date(2024, 3, 9)


# -- through the extractor ---------------------------------------------------------------------------


def _claim_dates(text: str, tmp_path: Path) -> set[date]:
    from sitrep import Pipeline

    published = datetime(2024, 3, 14, 12, 0, tzinfo=UTC)
    claims = Pipeline(tmp_path / "never.db").analyse(
        Report(text=text, source="Test Wire", published=published, origin="api")
    )
    assert claims
    return {c.date.date for c in claims if c.date is not None}


def test_a_later_sentence_dates_the_report(tmp_path: Path) -> None:
    text = (
        "Gunmen killed seven villagers in Kaduna State. "
        "Residents said the attackers arrived on Tuesday night and burned several homes."
    )
    assert _claim_dates(text, tmp_path) == {date(2024, 3, 12)}


def test_a_lone_headline_without_date_words_is_dated_the_day_before(tmp_path: Path) -> None:
    assert _claim_dates("Three soldiers killed in shelling of Kharkiv - military", tmp_path) == {
        date(2024, 3, 13)
    }


@pytest.mark.parametrize(
    "text",
    [
        "Death toll in Avdiivka rises to six - mayor",
        "Shelling of the port: number of victims increased to nine",
        "Death toll mounts in the east despite truce",
    ],
)
def test_a_lone_headline_with_a_rising_toll_is_news_of_the_publication_day(text: str) -> None:
    when = default_date(text, THURSDAY)
    assert when is not None and when.date == THURSDAY and when.text is None


def test_the_day_of_a_statement_noun_is_not_the_event_date() -> None:
    text = (
        "Clashes began on 10 March, residents say; 12 were killed, according to an army statement on 13 March"
    )
    assert resolved(text) == (date(2024, 3, 10), DatePrecision.DAY)


def test_last_months_events_are_no_monthly_tally() -> None:
    assert resolved("At least 40 people were killed in last month's protests") == (
        date(2024, 2, 1),
        DatePrecision.MONTH,
    )


def test_a_saying_verb_on_the_line_before_does_not_make_a_statement_date() -> None:
    found = find_dates(
        "A woman died in the shelling, the mayor said\nOn 12 March the town was shelled", THURSDAY
    )
    assert [(f.when.date, f.statement) for f in found] == [(date(2024, 3, 12), False)]
