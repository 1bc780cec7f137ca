"""Perpetrator and target names in ACLED's actor style, from sentences written for these tests."""

from __future__ import annotations

import pytest

from sitrep import taxonomy as tx
from sitrep.extract.actors import default_perpetrator, named_agent, perpetrator, state_forces, target


@pytest.mark.parametrize(
    ("sentence", "country", "expected"),
    [
        ("Suspected Boko Haram fighters raided a market in Konduga.", "Nigeria",
         "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"),
        ("Two farmers were killed by al-Shabaab militants near Afgoye.", "Somalia", "Al Shabaab"),
        ("Masked gunmen shot dead a shopkeeper outside his home.", "Honduras",
         "Unidentified Armed Group (Honduras)"),
        ("Russian drones hit a depot in Odesa overnight.", "Ukraine", "Military Forces of Russia (2000-)"),
        ("Regime air strikes hit the town of Ariha.", "Syria", "Military Forces of Syria (2000-2024)"),
        ("Four fishermen died in Saudi-led coalition air raids on the port.", "Yemen",
         "Military Forces of Saudi Arabia"),
        ("Fulani militiamen burned houses in the village of Agatu.", "Nigeria",
         "Fulani Ethnic Militia (Nigeria)"),
        ("Riot police fired live rounds at the crowd.", "Kenya", "Police Forces of Kenya"),
        # official bulletins name forces by the state, not the demonym, and put the target after them
        ("RF Armed Forces struck units of the Armed Forces of Ukraine near the river.", "Ukraine",
         "Military Forces of Russia (2000-)"),
        ("Russian Armed Forces destroyed two groups of the Ukrainian army.", "Ukraine",
         "Military Forces of Russia (2000-)"),
        ("The Armed Forces of the Russian Federation hit a depot.", "Ukraine",
         "Military Forces of Russia (2000-)"),
        ("The Armed Forces of Ukraine shelled a village.", "Russia", "Military Forces of Ukraine (2019-)"),
    ],
)  # fmt: skip
def test_perpetrator(sentence: str, country: str, expected: str) -> None:
    assert perpetrator(sentence, country) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Five soldiers were killed in the ambush, the army said.",  # victims and a source, no agent
        "Police said three bodies were found near the river.",  # the police only report it
        "Protesters gathered outside the parliament.",  # a crowd that does nothing violent
    ],
)
def test_no_perpetrator_from_victims_or_sources(sentence: str) -> None:
    assert perpetrator(sentence, "Chad") is None


def test_named_agent_identifies_the_unnamed_attacker() -> None:
    text = (
        "A suicide bomber blew himself up outside a mosque on Friday, killing nine worshippers. "
        "The Islamic State group claimed responsibility for the attack."
    )
    assert perpetrator(text.split(". ")[0], "Afghanistan") == "Unidentified Armed Group (Afghanistan)"
    assert named_agent(text, "Afghanistan") == "Islamic State (Afghanistan)"
    assert named_agent("Police said nine worshippers were killed.", "Afghanistan") is None


def test_target() -> None:
    assert (
        target("Gunmen ambushed a convoy, killing six soldiers.", tx.BATTLES, "Mali")
        == "Military Forces of Mali"
    )
    assert (
        target("A shell hit a market, killing four people.", tx.EXPLOSIONS, "Ukraine")
        == "Civilians (Ukraine)"
    )
    assert target("Attackers torched the village.", tx.VIOLENCE_AGAINST_CIVILIANS, None) == "Civilians"
    assert target("The two sides exchanged fire.", tx.BATTLES, "Sudan") is None


def test_state_forces_and_defaults() -> None:
    assert state_forces("Ukraine") == "Military Forces of Ukraine (2019-)"
    assert state_forces("Peru", police=True) == "Police Forces of Peru"
    assert default_perpetrator("Suicide bomb", "Iraq") == "Unidentified Armed Group (Iraq)"
    assert (
        default_perpetrator("Air/drone strike", "Iraq") is None
    )  # states strike from the air: unknown, not unidentified
