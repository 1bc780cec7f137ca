"""Counting rules of casualty reports: shares told after the toll, family sizes, lists with
further victims, additions on top of a numbered toll and details of a toll already given.

Every sentence here is written for the test (none is copied from evaluation data).
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from sitrep.evaluate.main_event import Prediction, predict
from sitrep.extract.figures import find_figures, pick, pick_civilians
from sitrep.models import Report
from sitrep.pipeline import Pipeline


def killed(text: str) -> int | None:
    fig = pick(find_figures(text), "killed")
    return None if fig is None else fig.low


def civilians(text: str) -> int | None:
    found = find_figures(text)
    fig = pick_civilians(found, pick(found, "killed"))
    return None if fig is None else fig.low


def predicted(pipeline: Pipeline, text: str) -> Prediction:
    report = Report(text=text, published=datetime(2018, 6, 11, tzinfo=UTC))
    return predict(pipeline.analyse(report), report)


@pytest.mark.parametrize(
    ("text", "total", "civ"),
    [
        # "Among those killed, N were ...": a share told after a comma
        (
            "A truck bomb killed 20 people near the depot. Among those killed, at least 15 were civilians "
            "and five were soldiers.",
            20,
            15,
        ),
        ("Rockets killed 12 people in the town. Among the dead, three were policemen.", 12, 9),
        # "N police were among those killed": the combatants counted apart
        ("At least 9 people were killed in the blast. Two police guards were among those killed.", 9, 7),
    ],
)
def test_shares_among_those_killed(text: str, total: int, civ: int) -> None:
    assert killed(text) == total
    assert civilians(text) == civ


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Raiders shot dead a family of six in their farmhouse on Friday.", 6),
        ("An entire family of 4 died when the shell struck their home.", 4),
        ("A family of five was killed in the air strike.", 5),
        ("A mortar round killed the family, relatives said.", None),  # a group, not one person
    ],
)
def test_family_of_n(text: str, expected: int | None) -> None:
    assert killed(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The riot killed nine prisoners and a female visitor, officials said.", 10),
        ("Gunmen killed the dean and three of her students late on Tuesday.", 4),
        ("Mr. Okafor was killed alongside his cousin at the family compound.", 2),
        ("The chairman was killed alongside his driver, Musa Bello, 30, in the ambush.", 2),
    ],
)
def test_lists_with_further_victims(text: str, expected: int) -> None:
    assert killed(text) == expected


def test_n_more_adds_to_a_numbered_toll(pipeline: Pipeline) -> None:
    text = (
        "At least four villagers were killed on Tuesday when raiders stormed Kaura village in Plateau "
        "State, police said. Three more people were killed by the raiders as they fled."
    )
    assert predicted(pipeline, text).fatalities_acled == 7


def test_non_combatants_also_killed_beside_combatants(pipeline: Pipeline) -> None:
    text = (
        "Insurgents overran a checkpoint near Gardez in Paktia province. Eleven police officers were "
        "killed in the fighting. Two women and a boy were also killed in the crossfire."
    )
    pred = predicted(pipeline, text)
    assert pred.fatalities_acled == 14
    assert pred.fatalities_civilian == 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a later, lower count of particular victims is a detail of the toll, not a rival count
        (
            "Fighting between two clans near Galkayo has left 12 dead, elders said. The fighting began "
            "when a herder shot and killed two boys from the other clan at a well.",
            12,
        ),
        # a later count set against the toll ("only") is a rival count: the lowest stands
        (
            "Fighting between two clans near Galkayo has left 12 dead, elders said. However, police "
            "said only two herders were killed.",
            2,
        ),
    ],
)
def test_later_detail_is_no_rival_toll(pipeline: Pipeline, text: str, expected: int) -> None:
    assert predicted(pipeline, text).fatalities_acled == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Militants abducted four aid workers on Monday and killed them two days later.", 4),
        ("The raiders dragged six traders from a bus and then executed them by the road.", 6),
        ("Police rounded up 20 protesters and released them on bail.", None),  # no killing
    ],
)
def test_people_taken_then_killed(text: str, expected: int | None) -> None:
    assert killed(text) == expected


def test_the_other_sides_lower_count_stays_a_rival_figure(pipeline: Pipeline) -> None:
    """A detail is told by the same voice; the other side's lower count is a disagreement to keep."""
    report = Report(
        text=(
            "A Russian missile strike on Kharkiv killed 10 people on Monday, the regional governor said. "
            "Russia's defence ministry said the strike killed two soldiers at a military facility."
        ),
        published=datetime(2025, 11, 25, tzinfo=UTC),
    )
    figures = {c.claimant.name: c.killed.low for c in pipeline.analyse(report) if c.killed is not None}
    assert figures == {"regional governor": 10, "Russia's defence ministry": 2}
