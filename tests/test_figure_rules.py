"""Casualty-figure rules: enemy-loss claims, updated tolls, daily tallies and list parsing.

Every sentence here is written for the test (none is copied from evaluation data).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.evaluate.main_event import states_killed_count
from sitrep.extract.figures import UNSPECIFIED, UPDATE, adds_to, find_figures, pick, pick_civilians
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
        ("Ukraine raises death toll from rebel attacks in east to 17", (17, 17, UPDATE)),
        ("The death toll from the attack has been raised to 12.", (12, 12, UPDATE)),
        # split and less common wordings
        ("A gang hacked a retired teacher to death on Friday.", (1, 1, None)),
        ('The crowd "beat and burned" four traders to death at the market.', (4, 4, None)),
        ("The farmer was shot on his way home and later died of his wounds.", (1, 1, None)),
        ("A guard was injured and later succumbed to his injuries in hospital.", (1, 1, None)),
        ("The raiders torched the village, leaving nine dead and injuring many more.", (9, 9, None)),
        ("A total of 11 bodies have now been recovered from the pit.", (11, 11, None)),
        ("Three road monitors have been killed in the district.", (3, 3, None)),
        ("Civilian killed due to enemy attacks on the village - regional command", (1, 1, None)),
        ("A saboteur died in a car explosion in the port city.", (1, 1, None)),
        ("The district mayor Ivan Koval has died of his wounds.", (1, 1, None)),
        ("The bodies of four males were pulled from the river.", (4, 4, None)),
        # list parsing: a long "of" phrase, a participle phrase, one person with two roles
        ("The chairman of the village council and a driver were shot dead.", (2, 2, None)),
        ("A local chief leading a group of elders and his son were killed at a checkpoint.", (2, 2, None)),
        ("Gunmen killed a respected poet and teacher in the town.", (1, 1, None)),
        ("Gunmen killed a teacher and a nurse in the town.", (2, 2, None)),
        # "shot down": a person dies, a pilot's aircraft falls
        ("A shopkeeper was reported to have been shot down by two men on a motorbike.", (1, 1, None)),
        ("Two pilots were shot down over the border and captured.", None),
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
        "Eleven rebels killed this week near the airport",
        "The brigade lost 30 men in 7 days, the army said",
        "Fifteen soldiers killed in a week of fighting",
        "Since year beginning, 40 civilians killed in the region",
        "During the day, the invaders killed five civilians in the region",
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


# -- civilians among the killed -------------------------------------------------------------------


def civilians(text: str, before: Figure | None = None) -> int | None:
    found = find_figures(text)
    fig = pick_civilians(found, pick(found, "killed"), before)
    return None if fig is None else fig.low


@pytest.mark.parametrize(
    ("text", "total", "civil"),
    [
        # a total and its breakdown
        ("The blast left at least 12 people dead, including four civilians, the army said.", 12, 4),
        ("Gunmen killed eight people, among them three policemen, at the checkpoint.", 8, 5),
        ("No fewer than nine persons, including a soldier, were killed at the market.", 9, 8),
        ("Raiders shot dead seven people (six civilians and one guard) near the depot.", 7, 6),
        ("The rockets killed at least 30 people, mostly troops but including 5 civilians.", 30, 5),
        ("Bombers killed 25 people including 20 soldiers and five civilians at the base.", 25, 5),
        # a list that names combatants beside other victims
        ("Nine farmers and two soldiers were killed when the convoy was ambushed.", 11, 9),
        ("Three teachers, a policeman and a nurse were killed in the raid.", 5, 4),
        # a civilians-only count beside combatants, or as an aside to the toll
        ("The toll climbed to 14, with nine civilians killed in the market.", 14, 9),
        ("The raiders killed 12 civilians, and the counter-attack left 40 militants dead.", 40, 12),
        # nothing to tell apart: people in general, civilians alone, soldiers alone
        ("Fifteen people were killed, including women and children.", 15, None),
        ("Six civilians were killed in the shelling.", 6, None),
        ("Four soldiers were killed in the ambush.", 4, None),
        ("A leader commanding a unit of fighters and his son were killed.", 2, None),
        # a breakdown of the injured is not one of the dead
        ("Six people were killed and ten wounded, including three policemen.", 6, None),
    ],
)
def test_civilians_among_the_killed(text: str, total: int, civil: int | None) -> None:
    assert killed(text)[0] == total  # type: ignore[index]
    assert civilians(text) == civil


@pytest.mark.parametrize(
    ("text", "civil"),
    [
        ("At least three of those killed were police officers.", 17),
        ("Four of the dead were soldiers and sixteen were civilians.", 16),
        ("Of the 20 bodies found in the house, five are suspected militants and 15 are civilians.", 15),
        ("The dead included eleven civilians and nine members of the security forces.", 11),
        ("One army officer was among the dead.", 19),
        ("Among the dead were two students.", None),  # a part, but not a separation
    ],
)
def test_shares_of_an_earlier_toll(text: str, civil: int | None) -> None:
    found = find_figures(text)
    assert pick(found, "killed") is None  # a share is never the toll itself
    assert civilians(text, before=Figure(20, 20)) == civil


def test_additional_victims_join_a_described_toll() -> None:
    (first,) = find_figures("A village chief was shot dead at his home.")
    (more,) = find_figures("The gunmen also killed two of his guards.")
    assert more.additional and adds_to(first.figure, more)
    (counted,) = find_figures("Gunmen killed at least 30 people in the district.")
    (another,) = find_figures("Another nine people were killed in a nearby village.")
    assert another.additional and not adds_to(counted.figure, another)  # a breakdown of the 30


def test_civilian_figures_reconcile_beside_the_total() -> None:
    from sitrep.merge.reconcile import reconcile
    from sitrep.models import DatePrecision, Event

    a = _claim(0, "police", Figure(10, None, "at least"))
    a.civilians_killed = Figure(4, 4)
    b = _claim(1, "governor", Figure(12, 12))
    event = reconcile(Event("e", None, None, None, DatePrecision.DAY, None), [a, b])
    assert event.fatalities.acled == 10
    assert event.civilian_fatalities is not None and event.civilian_fatalities.acled == 4
    plain = reconcile(Event("e", None, None, None, DatePrecision.DAY, None), [b])
    assert plain.civilian_fatalities is None


def test_civilian_figures_are_stored(tmp_path: Path) -> None:
    import sqlalchemy as sa

    from sitrep.models import Report
    from sitrep.store import Store

    report = Report(text="Ten people were killed, including seven civilians.", origin="test")
    claim = _claim(0, "police", Figure(10, 10))
    claim.report_id = report.id
    claim.civilians_killed = Figure(7, 7)
    with Store.open(tmp_path / "s.db") as store:
        store.add_report(report)
        store.save_claims([claim])
        assert store.claims_for_report(report.id)[0].civilians_killed == Figure(7, 7)
        with store.engine.connect() as conn:
            row = conn.execute(sa.text("SELECT civilians_killed_low FROM claims")).one()
    assert row[0] == 7


def test_pitf_deaths_are_scored_on_the_civilian_figure() -> None:
    from sitrep.evaluate.score import _count

    pred = {"fatalities_acled": 10, "fatalities_civilian": 5}
    assert _count({"id": "pitf_wad-r1"}, pred, "fatalities_acled") == 5  # type: ignore[arg-type]
    assert _count({"id": "acled-1"}, pred, "fatalities_acled") == 10  # type: ignore[arg-type]
    pred["fatalities_civilian"] = None
    assert _count({"id": "pitf_wad-r1"}, pred, "fatalities_acled") == 10  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("sentence", "low"),
    [
        ("One man, a security guard, was injured and taken to hospital.", 1),  # apposition
        ("Two men, a farmer and his son, were killed.", 2),  # the two, described
        ("A soldier, a policeman and a child were killed.", 3),  # a real list
        ("On May 3, 12 people were killed.", 12),  # a day of the month is no count
    ],
)
def test_appositions_and_dates_do_not_add_to_a_count(sentence: str, low: int) -> None:
    [found] = [f for f in find_figures(sentence, 0) if f.kind in ("killed", "injured")]
    assert found.figure.low == low


@pytest.mark.parametrize(
    ("headline", "low"),
    [
        ("Child, man killed in shelling of Donetsk", 2),
        ("UPDATE 1-Woman, child killed in Donetsk shelling", 2),
        ("In Kharkiv, soldier killed", 1),  # a place before the comma, not a victim
    ],
)
def test_headline_lists_of_victims_add_up(headline: str, low: int) -> None:
    [found] = [f for f in find_figures(headline, 0) if f.kind == "killed"]
    assert found.figure.low == low


@pytest.mark.parametrize(
    ("sentence", "low"),
    [
        ("Four rangers were killed in an ambush near the lake.", 4),  # plural of a listed singular noun
        ("Nine civilians were wrongly killed by soldiers at a checkpoint.", 9),  # an -ly adverb
        ("No fewer than 12 persons, mostly farmers, were, on Sunday, killed in the raid.", 12),  # commas
        ("About 30 people/civilians were killed in the blast.", 30),  # a slash between nouns
        ("Three men who were abducted last week were found dead near the river.", 3),  # relative clause
        ("Five students loyal to the opposition were shot dead at the rally.", 5),  # adjective + to
        ("Four suspected kidnappers were lynched by an angry crowd in the market.", 4),  # a mob's victims
        ("Police are hunting the killers of three farmers in the village.", 3),
    ],
)
def test_more_ways_to_count_the_dead(sentence: str, low: int) -> None:
    killed = pick(find_figures(sentence, 0), "killed")
    assert killed is not None and killed.low == low


def test_an_including_aside_holds_no_relative_clause() -> None:
    found = find_figures(
        "Militias shelled the town, killing at least 12 and wounding at least 40, including a boy who was "
        "killed when a shell hit his home.",
        0,
    )
    assert pick(found, "killed").low == 12  # type: ignore[union-attr]
    assert pick(found, "injured").low == 40  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("sentence", "low"),
    [
        # the count of an earlier event the clause recalls is not the clause's own
        ("The killings came three weeks after the same gang killed 20 traders on the highway.", None),
        ("It was probably the same militia that massacred 30 villagers earlier this year.", None),
        ("Gunmen shot dead a judge who led the inquiry into the 2015 killing of six monks.", 1),
        (
            "A mayor in office when nine people died in riots earlier this year was stabbed to death.",
            1,
        ),
    ],
)
def test_recalled_events_give_no_toll(sentence: str, low: int | None) -> None:
    killed = pick(find_figures(sentence, 0), "killed")
    assert (killed.low if killed is not None else None) == low


def test_a_later_total_updates_the_toll() -> None:
    killed = pick(
        find_figures("Subsequent reports said that 40 people had been killed in the clashes.", 0), "killed"
    )
    assert killed is not None and killed.low == 40 and (killed.qualifier or "").startswith(UPDATE)


def test_a_comma_aside_does_not_end_on_and() -> None:
    found = find_figures(
        "Troops killed two farmers, Ali Musa, Idris Bello and Sani Umar and wounded another farmer.", 0
    )
    assert pick(found, "injured") is None or pick(found, "injured").low == 1  # type: ignore[union-attr]


def injured(text: str) -> tuple[int, int | None, str | None] | None:
    fig = pick(find_figures(text), "injured")
    return None if fig is None else (fig.low, fig.high, fig.qualifier)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # headline wordings: a bare victim before an adverbial or a closing source
        ("Sniper kills border guard despite truce - army", (1, 1, None)),
        ("Mortar fire kills pensioner - town council", (1, 1, None)),
        ("Three militia killed near the old mine - spokesman", (3, 3, None)),
        ("Talks postponed after death of two Ukrainian military in the east", (2, 2, None)),
        ("One prisoner, two convicts killed as shell hits jail", (3, 3, None)),
        ("Shock in the valley! Local journalist killed in ambush", (1, 1, None)),
        ("Medic wounded in Tuesday shelling dies in hospital - command", (1, 1, None)),
        ("A guard, wounded in the raid on the depot, died on Sunday.", (1, 1, None)),
        ("A guard sustained injuries incompatible with life during night shelling", (1, 1, None)),
        ("Army reports first combat death since the new ceasefire", (1, 1, UPDATE)),
        ("UPDATE 2-Forty soldiers feared killed in rocket strike", (40, 40, None)),
        # an active verb's object is no passive subject: "kills ..., leaves ... wounded"
        ("Shelling kills two people, leaves another four wounded", (2, 2, None)),
        # animals counted beside people are not victims
        ("Nine farmers and 40 goats were killed in the raid.", (9, 9, None)),
        ("Raiders killed 60 cattle and burned the barns.", None),
        ("The dispute began with the killing of 300 sheep by youths.", None),
        # "both", "killed himself", bodies described at length, burials
        ("Both were killed on the spot.", (2, 2, None)),
        ("A detained journalist killed himself in his cell, the prison service said.", (1, 1, None)),
        ("The bomber killed himself at the gate.", None),
        (
            "The body of a teacher who had also worked as a translator in the hills was found on Monday.",
            (1, 1, None),
        ),
        ("Mourners buried 14 victims of the attack.", (14, 14, None)),
        ("A trader was discovered riddled with bullets near the market.", (1, 1, None)),
        ("Nine villagers, five Taliban and a teacher had been killed.", (15, 15, None)),
        ("Four people at the bus stop were killed by the blast.", (4, 4, None)),
        ("Two pilgrims have since died in hospital.", (2, 2, None)),
    ],
)
def test_more_killed_wordings(text: str, expected: tuple[int, int | None, str | None] | None) -> None:
    assert killed(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "shot" with no word of wounds: a death the words do not state, vague when reconciled
        ("Gunmen shot a village chief as he left the mosque.", (1, 1, UNSPECIFIED)),
        ("The local councillor was shot twice outside his home on Friday.", (1, 1, UNSPECIFIED)),
        ("Militants shot 12 farmers in the fields, the monitor said.", (12, 12, UNSPECIFIED)),
        ("The raid left at least 9 civilian casualties.", (9, None, UNSPECIFIED)),
        # ... but not when it says the person lived, nor "shot at", nor against a stated toll
        ("A driver was shot in the leg at the checkpoint.", None),
        ("A nurse was shot and taken to hospital.", None),
        ("Soldiers shot at the crowd.", None),
        ("Police shot four protesters, killing one.", (1, 1, None)),
    ],
)
def test_shot_is_an_unspecified_death(text: str, expected: tuple[int, int | None, str | None] | None) -> None:
    assert killed(text) == expected


def test_an_unspecified_death_yields_to_any_stated_toll() -> None:
    stated, shot = Figure(2, 2, None), Figure(5, 5, UNSPECIFIED)
    assert reconcile_figures([_claim(0, "police", shot), _claim(1, "medics", stated)], "killed")[0].acled == 2
    assert reconcile_figures([_claim(0, "police", shot)], "killed")[0].acled == 5


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Twelve were wounded and two remain in critical condition.", (12, 12, None)),
        ("Three people were left critically wounded by the blast.", (3, 3, None)),
        ("One person remained injured.", (1, 1, None)),
        ("Another 40 people are in hospital.", (40, 40, None)),
        ("The strike killed 8 people and wounded at least another 20.", (20, 20, None)),
        ("Four guards were killed, and 25 other guards and drivers were wounded.", (25, 25, None)),
    ],
)
def test_more_injured_wordings(text: str, expected: tuple[int, int | None, str | None] | None) -> None:
    assert injured(text) == expected


@pytest.mark.parametrize(
    ("text", "civilians"),
    [
        # a breakdown after a killed count, and a listed breakdown read to its end
        ("Officials said 12 people had been killed, seven of whom were civilians.", 7),
        ("At least 20 people were killed in the blast. The dead included six members of the police.", 14),
    ],
)
def test_more_civilian_breakdowns(text: str, civilians: int) -> None:
    total: Figure | None = None
    for sentence in text.split(". "):
        found = find_figures(sentence, 0)
        civ = pick_civilians(found, pick(found, "killed"), total)
        total = pick(found, "killed") or total
    assert civ is not None and civ.low == civilians


def test_a_share_of_the_wounded_is_no_civilian_toll() -> None:
    found = find_figures("Thirty people were wounded, ten of whom were civilians.", 0)
    assert pick_civilians(found, pick(found, "killed")) is None


def test_a_unit_or_headline_prefix_is_no_range() -> None:
    assert killed("WRAPUP 1-Ten villagers killed in raid") == (10, 10, None)
