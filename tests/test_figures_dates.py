"""Casualty figures and event dates in the wording of wire reports and conflict headlines.

Each case is one rule of English casualty reporting or of the ACLED / UCDP coding conventions
(the number a source gives is the number recorded: "more than 50" is 50).
"""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.extract.dates import resolve_date
from sitrep.extract.figures import find_figures, pick
from sitrep.extract.numbers import parse_count, word_to_int
from sitrep.models import DatePrecision


def figures(text: str) -> dict[str, tuple[int, int | None]]:
    found = find_figures(text)
    out = {}
    for kind in ("killed", "injured", "perpetrators_killed"):
        fig = pick(found, kind)
        if fig is not None:
            out[kind] = (fig.low, fig.high)
    return out


@pytest.mark.parametrize(
    ("word", "value"),
    [
        ("a hundred", 100),
        ("one hundred and twenty", 120),
        ("two thousand", 2000),
        ("1,200", 1200),
        ("forty-five", 45),
        ("a", 1),
    ],
)
def test_number_words(word: str, value: int) -> None:
    assert word_to_int(word) == value


@pytest.mark.parametrize(
    ("qualifier", "number", "number2", "low", "high"),
    [
        ("at least", "20", None, 20, None),
        ("more than", "50", None, 50, None),
        ("up to", "17", None, 17, 17),
        ("about", "30", None, 30, 30),
        (None, "half a dozen", None, 6, 6),
        (None, "dozens", None, 24, None),
        (None, "30", "35", 30, 35),
    ],
)
def test_qualified_counts(
    qualifier: str | None, number: str, number2: str | None, low: int, high: int | None
) -> None:
    fig = parse_count(qualifier, number, None, number2)
    assert fig is not None and (fig.low, fig.high) == (low, high)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a total and its breakdown by place: the total
        ("The raids killed 12 people: 7 in Kunduz and 5 in Baghlan.", {"killed": (12, 12)}),
        # a total and the victims it includes: the total
        ("Nine people, including four children, were killed in the blast.", {"killed": (9, 9)}),
        ("Eleven civilians including two women were killed.", {"killed": (11, 11)}),
        ("At least 15 people (10 civilians and five policemen) were killed.", {"killed": (15, None)}),
        ("Seven people, six of them children, were killed on Saturday.", {"killed": (7, 7)}),
        ("Six people, two Turkish nationals and four Somalis, were killed.", {"killed": (6, 6)}),
        # parts named one after the other add up
        ("Gunmen opened fire on a bus, killing nine men and four women.", {"killed": (13, 13)}),
        ("The explosion claimed the lives of three civilians and two soldiers.", {"killed": (5, 5)}),
        ("Five Ukrainian soldiers, two rebels killed in separatist east", {"killed": (7, 7)}),
        # killing and wounding
        (
            "The bombing killed 23 people and wounded 107 others, officials said.",
            {"killed": (23, 23), "injured": (107, 107)},
        ),
        ("Ten people were killed and 20 wounded in the attack.", {"killed": (10, 10), "injured": (20, 20)}),
        ("Nine dead, 64 wounded in fighting", {"killed": (9, 9), "injured": (64, 64)}),
        ("The riot left 10 inmates dead and 10 wounded.", {"killed": (10, 10), "injured": (10, 10)}),
        ("Four people sustained gunshot wounds.", {"injured": (4, 4)}),
        (
            "A car bomb killed five people, including schoolchildren, and wounded seven, an official said.",
            {"killed": (5, 5), "injured": (7, 7)},
        ),
        ("The shooting killed 50, with another 50 injured.", {"killed": (50, 50), "injured": (50, 50)}),
        (
            "Artillery shelled the town, killing two people and injuring five, governor Ivan Petrenko said.",
            {"killed": (2, 2), "injured": (5, 5)},
        ),
        ("The shelling killed two people, the regional governor Ivan Petrenko said.", {"killed": (2, 2)}),
        # other wordings of deaths
        ("The clashes have claimed the lives of 31 people.", {"killed": (31, 31)}),
        ("The violence resulted in the death of seven persons.", {"killed": (7, 7)}),
        ("The bodies of nine men were found on a road outside the town.", {"killed": (9, 9)}),
        ("At least 37 people were found dead in the town.", {"killed": (37, None)}),
        ("Rebels hacked to death at least nine villagers.", {"killed": (9, None)}),
        ("Gunmen shot dead eleven people at a market.", {"killed": (11, 11)}),
        ("A roadside bomb kills five civilians in Ghazni province.", {"killed": (5, 5)}),
        ("The death toll from the attack has risen to 6, police said.", {"killed": (6, 6)}),
        ("One KIA, two WIA in Donbas over past day", {"killed": (1, 1), "injured": (2, 2)}),
        # number words, vague words and ranges
        ("A dozen people have died in two attacks.", {"killed": (12, 12)}),
        ("More than 50 fighters were killed in the air strike.", {"killed": (50, None)}),
        ("A rebel commander says 30-35 fighters dead in the fighting", {"killed": (30, 35)}),
        ("Dozens of people were killed in communal clashes.", {"killed": (24, None)}),
        ("An attack killed between three and 10 people.", {"killed": (3, 10)}),
        ("The blast killed 1,200 people.", {"killed": (1200, 1200)}),
        # one victim
        ("The imam of the town's main mosque was shot dead on Friday.", {"killed": (1, 1)}),
        ("Gunmen killed the mayor of a town in western Mexico.", {"killed": (1, 1)}),
        ("Suspected militants have shot and killed a former electoral delegate.", {"killed": (1, 1)}),
        (
            "A teacher was killed and another wounded in a drive-by shooting.",
            {"killed": (1, 1), "injured": (1, 1)},
        ),
        ("A reporter was killed on Tuesday along with two other men.", {"killed": (3, 3)}),
        ("Russian TV reporter killed in east Ukraine fighting", {"killed": (1, 1)}),
        ("Maria Lopez, 34, died in hospital.", {"killed": (1, 1)}),
        ("A gunman on Sunday killed prominent writer Nahed Hattar outside a court.", {"killed": (1, 1)}),
        ("The mayor was kidnapped on Tuesday and his body found hours later.", {"killed": (1, 1)}),
        ("Two others sustained fatal injuries.", {"killed": (2, 2)}),
        # attackers are not victims
        (
            "Three gunmen were killed by police after killing 10 villagers.",
            {"killed": (10, 10), "perpetrators_killed": (3, 3)},
        ),
        (
            "The blast killed 12 people, including the suicide bomber.",
            {"killed": (11, 11), "perpetrators_killed": (1, 1)},
        ),
        ("A suicide bomber has killed four people at a checkpoint.", {"killed": (4, 4)}),
        # none, hedges and denials
        ("No one was hurt in the attack.", {"injured": (0, 0)}),
        ("There were no immediate reports of casualties.", {"killed": (0, 0), "injured": (0, 0)}),
        ("It was not immediately clear whether anyone was killed.", {}),
        ("The army denied killing 10 civilians.", {}),
        ("The group threatened to kill 100 hostages.", {}),
        ("Militants claimed they had killed or wounded 47 soldiers.", {}),
        # things that are not people
        ("Twenty herdsmen's 83 cows were killed.", {}),
        ("Air defences shot down 10 drones over the region.", {}),
        ("A 62-year-old man was injured, the governor said.", {"injured": (1, 1)}),
    ],
)
def test_figures(text: str, expected: dict) -> None:
    assert figures(text) == expected


def test_a_count_wins_over_a_tally_over_a_period() -> None:
    text = "One soldier killed in Donbas on Monday; 72 soldiers killed in the war this year"
    assert figures(text)["killed"] == (1, 1)
    (tally,) = [f for f in find_figures("72 soldiers killed in the war this year")]
    assert tally.period


def test_a_breakdown_of_the_dead_is_not_a_total() -> None:
    assert figures("Among the dead were two students and a baby.") == {}


def test_spans_point_at_the_words() -> None:
    text = "Police said nine men and four women were killed."
    (match,) = find_figures(text, offset=50)
    assert match.figure.span is not None
    assert text[match.figure.span.start - 50 : match.figure.span.end - 50] == match.figure.span.text
    assert match.figure.span.text.startswith("nine men and four women")


PUBLISHED = date(2025, 11, 25)  # a Tuesday


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("A drone hit a car on Monday", date(2025, 11, 24), DatePrecision.DAY),
        ("Gunmen attacked the village late Tuesday", date(2025, 11, 25), DatePrecision.DAY),
        ("The camp was shelled on Sunday night", date(2025, 11, 23), DatePrecision.DAY),
        ("Monday's strikes also wounded eight others", date(2025, 11, 24), DatePrecision.DAY),
        ("Fighters attacked early on 3 March", date(2025, 3, 3), DatePrecision.DAY),
        ("on the night of 24 to 25 November", date(2025, 11, 24), DatePrecision.DAY),
        ("Clashes on December 20 left three dead", date(2024, 12, 20), DatePrecision.DAY),
        ("The attack on 18th July 2016 killed two", date(2016, 7, 18), DatePrecision.DAY),
        ("Shelling killed two people yesterday", date(2025, 11, 24), DatePrecision.DAY),
        ("Eight were killed over the weekend", date(2025, 11, 22), DatePrecision.WEEK),
        ("Raids last weekend killed five", date(2025, 11, 22), DatePrecision.WEEK),
        ("Youths clashed on Christmas Day", date(2024, 12, 25), DatePrecision.DAY),
        # the statement's date is not the event's: the event's date wins when both are given
        (
            "Police said Wednesday that gunmen killed five people on Sunday",
            date(2025, 11, 23),
            DatePrecision.DAY,
        ),
        (
            "On March 5 gunmen raided the village; a second raid followed on 12 April",
            date(2025, 3, 5),
            DatePrecision.DAY,
        ),
    ],
)
def test_event_dates(text: str, expected: date, precision: DatePrecision) -> None:
    resolved = resolve_date(text, PUBLISHED)
    assert resolved is not None
    assert (resolved.date, resolved.precision) == (expected, precision)


def test_night_of_keeps_its_end() -> None:
    resolved = resolve_date("on the night of 24 to 25 November", PUBLISHED)
    assert resolved is not None and resolved.end == date(2025, 11, 25)


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen killed 12 people, officials said on Sunday.",
        "The governor yesterday condemned the killings.",
        "a security source told AFP on 21 June",
        "Elections are due next weekend.",
    ],
)
def test_dates_that_are_not_the_event_date(text: str) -> None:
    assert resolve_date(text, PUBLISHED) is None


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("On 19 September 2023, gunmen shot dead 2 farmers near the town.", 2),
        ("In 2016 gunmen killed 12 villagers.", 12),
    ],
)
def test_a_year_is_not_a_count(text: str, killed: int) -> None:
    assert figures(text)["killed"] == (killed, killed)


def test_the_subject_of_an_active_verb_is_not_a_victim() -> None:
    assert figures("A suicide bomber killed at least seven people near the market.") == {"killed": (7, None)}
    assert figures("Two female pastors were killed by knife attacks.")["killed"] == (2, 2)
