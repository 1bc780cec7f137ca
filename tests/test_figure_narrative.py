"""Victims counted across the sentences of one narrative report, and subject phrases with
relative clauses or participial asides.

Every sentence here is written for the test (none is copied from evaluation data).
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from sitrep.evaluate.main_event import predict
from sitrep.extract.figures import find_figures, pick
from sitrep.models import Report
from sitrep.pipeline import Pipeline


def killed(text: str) -> int | None:
    fig = pick(find_figures(text), "killed")
    return None if fig is None else fig.low


def _acled(pipeline: Pipeline, text: str) -> int:
    report = Report(text=text, published=datetime(2019, 5, 6, tzinfo=UTC))
    return predict(pipeline.analyse(report), report).fatalities_acled


@pytest.mark.parametrize(
    "text",
    [
        "A guard was wounded in the raid and later died in hospital.",
        "Councillor Ana Ruiz was injured in the blast and subsequently succumbed to her wounds.",
        "The village chief Tomas Arando was seriously wounded in the ambush and died on Tuesday.",
    ],
)
def test_wounded_and_then_died_is_one_later_death(text: str) -> None:
    """Two verbs of one subject, "was wounded ... and (later) died": one death, of a victim who
    was wounded first."""
    (match,) = [f for f in find_figures(text) if f.kind == "killed"]
    assert match.figure.low == 1 and match.was_wounded and match.additional


def test_wounded_and_died_needs_one_subject() -> None:
    """Another subject after "and" is another count, not the wounded one dying."""
    found = find_figures("A policeman was injured in the attack and two civilians died.")
    assert [(f.kind, f.figure.low) for f in found] == [("injured", 1), ("killed", 2)]


def test_a_new_victim_who_later_died_adds_to_the_toll_of_the_same_passage(pipeline: Pipeline) -> None:
    text = (
        "A judge was shot dead outside the court in Kandor town on Monday. Court clerk Mila Ostrava "
        "was injured in the shooting and later died in hospital."
    )
    assert _acled(pipeline, text) == 2
    # the victim of the first toll told again with the same head noun is no new victim
    text = (
        "A judge was shot dead outside the court in Kandor town on Monday. The judge, who was "
        "wounded in the chest, died before reaching hospital."
    )
    assert _acled(pipeline, text) == 1


def test_a_death_in_the_hospital_the_wounded_were_taken_to_adds(pipeline: Pipeline) -> None:
    text = (
        "Gunmen raided a market in Kandor town on Sunday. Three traders were killed on the spot and "
        "ten were wounded. The wounded were rushed to the district hospital, where two died."
    )
    assert _acled(pipeline, text) == 5


@pytest.mark.parametrize(
    ("text", "low"),
    [
        ("Police found three bodies in the forest near the camp.", 3),
        ("Rescuers recovered two more charred bodies from the ruins.", 2),
        ("Four burnt bodies were found in the house.", 4),
    ],
)
def test_bodies_found_in_the_active_or_in_a_state(text: str, low: int) -> None:
    assert killed(text) == low


def test_bodies_found_one_after_another_add_up(pipeline: Pipeline) -> None:
    """Each further discovery adds to the dead found before, even to a number."""
    text = (
        "A herder was found dead near a well in Kandor town on Friday. Police also found two bodies "
        "in a ditch, while another body was found behind the well. Three more bodies were found in "
        "a burnt hut the next morning."
    )
    assert _acled(pipeline, text) == 7


@pytest.mark.parametrize(
    ("text", "low"),
    [
        ("Six elders who live in the camp were killed.", 6),
        ("Four members of a family that owned a bakery in the market were killed on Monday.", 4),
        ("Seven workers who were paving a road were killed.", 7),
    ],
)
def test_a_relative_clause_inside_the_subject(text: str, low: int) -> None:
    assert killed(text) == low


def test_a_relative_clause_of_the_dead_is_not_a_new_subject() -> None:
    assert killed("Three farmers who were killed on Monday were buried on Tuesday.") is None


def test_a_participial_aside_after_a_comma_keeps_the_list_going() -> None:
    """ "three men, said to be traders from the town and a boy": the aside does not end the list."""
    assert killed("Raiders killed three men, said to be traders from the town and a boy.") == 4
    assert killed("Four people, believed to be members of one family, were killed.") == 4
