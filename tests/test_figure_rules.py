"""Casualty-figure rules: enemy-loss claims, updated tolls, daily tallies and list parsing.

Every sentence here is written for the test (none is copied from evaluation data).
"""

from __future__ import annotations

import pytest

from sitrep.evaluate.main_event import states_killed_count
from sitrep.extract.figures import UPDATE, find_figures, pick
from sitrep.merge.reconcile import reconcile_figures
from sitrep.models import Claim, Claimant, Figure, Span


def killed(text: str) -> tuple[int, int | None, str | None] | None:
    fig = pick(find_figures(text), "killed")
    return None if fig is None else (fig.low, fig.high, fig.qualifier)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one side's count of the enemy's dead: at least 2 (a plural), up to the number claimed
        (
            "The northern group destroyed up to 45 enemy soldiers near the river, the ministry said.",
            (2, 45, "claimed"),
        ),
        ("Artillery crews eliminated 30 invaders and two armoured vehicles overnight.", (2, 30, "claimed")),
        ("Our gunners wiped out a mortar position, a depot and 12 occupiers.", (2, 12, "claimed")),
        (
            "More than 60 military personnel of the enemy brigade were destroyed by drones.",
            (2, 60, "claimed"),
        ),
        ("The losses of the enemy battalion in the clashes amounted to 25 people.", (2, 25, "claimed")),
        ("The enemy lost over 90 servicemen near the village.", (2, 90, "claimed")),
        ("Over 40 servicemen lost in the western direction, the command reported.", (2, 40, "claimed")),
        ("Drone operators struck a trench, killing 14 invaders.", (2, 14, "claimed")),
        # things, not people, that were destroyed
        ("Police destroyed 40 kilograms of seized drugs.", None),
        ("The strike destroyed 12 houses and a school.", None),
        # updated tolls and ordinal victims
        ("The death toll from the market bombing has risen to 14.", (14, 14, UPDATE)),
        ("The number of villagers killed in the raid increased to six.", (6, 6, UPDATE)),
        ("Rescuers pulled the body of the fifth victim from the debris.", (5, 5, UPDATE)),
        ("The death toll stands at 12.", (12, 12, None)),
        # split and less common wordings
        ("A gang hacked a retired teacher to death on Friday.", (1, 1, None)),
        ('The crowd "beat and burned" four traders to death at the market.', (4, 4, None)),
        ("The farmer was shot on his way home and later died of his wounds.", (1, 1, None)),
        ("A guard was injured and later succumbed to his injuries in hospital.", (1, 1, None)),
        ("The raiders torched the village, leaving nine dead and injuring many more.", (9, 9, None)),
        ("A total of 11 bodies have now been recovered from the pit.", (11, 11, None)),
        ("Three road monitors have been killed in the district.", (3, 3, None)),
        # list parsing: a long "of" phrase, a participle phrase, one person with two roles
        ("The chairman of the village council and a driver were shot dead.", (2, 2, None)),
        ("A local chief leading a group of elders and his son were killed at a checkpoint.", (2, 2, None)),
        ("Gunmen killed a respected poet and teacher in the town.", (1, 1, None)),
        ("Gunmen killed a teacher and a nurse in the town.", (2, 2, None)),
    ],
)
def test_killed_figures(text: str, expected: tuple[int, int | None, str | None] | None) -> None:
    assert killed(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Seven fighters killed in the past 24 hours, the command said",
        "Two guards were killed in a day of shelling across the region",
        "Four civilians killed over the last day in the eastern district",
        "Nine soldiers lost their lives per day on average",
    ],
)
def test_daily_tallies_are_period_counts(text: str) -> None:
    figures = [f for f in find_figures(text) if f.kind == "killed"]
    assert figures
    if "in a day of" in text:
        assert not figures[0].period  # "a day of shelling" names the event, not a period
    else:
        assert all(f.period for f in figures)


def test_headline_count_ignores_period_tallies() -> None:
    assert states_killed_count("Five soldiers killed near the border: army")
    assert not states_killed_count("Five soldiers killed in past week, army says")
    assert not states_killed_count("Ministers meet to discuss the ceasefire")


def _claim(index: int, who: str, fig: Figure) -> Claim:
    return Claim(
        report_id="r1",
        index=index,
        quote=Span(0, 1, "x"),
        claimant=Claimant(name=who, kind="organisation"),
        event_type="Battles",
        sub_event_type="Armed clash",
        killed=fig,
    )


def test_updated_toll_replaces_earlier_counts() -> None:
    claims = [
        _claim(0, "mayor", Figure(1, 1)),
        _claim(1, "police", Figure(2, None, "at least")),
        _claim(2, "health ministry", Figure(4, 4, UPDATE)),
    ]
    result, disputes = reconcile_figures(claims, "killed")
    assert (result.acled, result.best, result.high) == (4, 4, 4)
    assert not disputes


def test_claimed_enemy_losses_are_vague() -> None:
    claims = [
        _claim(0, "defence ministry", Figure(2, 70, "claimed")),
        _claim(1, "regional governor", Figure(3, 3)),
    ]
    result, _ = reconcile_figures(claims, "killed")
    assert (result.acled, result.best, result.high) == (3, 3, 70)
    alone, _ = reconcile_figures(claims[:1], "killed")
    assert (alone.acled, alone.best, alone.high, alone.vague) == (2, 2, 70, "claimed")
