"""Rules added for UCDP-style reporting: a belligerent's count of enemy dead at reconciliation,
dates and "ahead of" next to counts, unnamed claimants of neutral war reports, a mayor's category."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from sitrep.evaluate.main_event import predict, states_killed_count
from sitrep.evaluate.names import claimant_category
from sitrep.extract.claimants import find_anchors, infer_claimant, outlet_claimant
from sitrep.extract.classify import TRIGGERS
from sitrep.extract.figures import UPDATE, find_figures, pick
from sitrep.merge.reconcile import reconcile_figures
from sitrep.models import Claim, Claimant, Report, Span
from sitrep.pipeline import Pipeline


def _claim(text: str, who: Claimant) -> Claim:
    fig = next(f.figure for f in find_figures(text) if f.kind == "killed")
    return Claim(
        report_id="r1",
        index=0,
        quote=Span(0, len(text), text),
        claimant=who,
        event_type="Battles",
        sub_event_type="Armed clash",
        killed=fig,
    )


_RU_MOD = Claimant(name="Defence Ministry", kind="organisation", affiliation="Russia")
_UA_MIL = Claimant(name="General Staff", kind="organisation", affiliation="Ukraine")
_DPR = Claimant(name="DPR command", kind="organisation", affiliation="DPR")


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Over 40 nationalist militants killed by artillery near Avdiivka - Defence Ministry", _RU_MOD),
        ("Troops killed up to 35 servicemen of the Armed Forces of Ukraine near Bakhmut", _RU_MOD),
        ("More than 25 Russian soldiers killed near Vuhledar in a day - General Staff", _UA_MIL),
        ("Over 30 killed and 45 wounded soldiers of the Armed Forces of Ukraine near Izium", _RU_MOD),
    ],
)
def test_a_sides_count_of_enemy_dead_is_its_claim(text: str, who: Claimant) -> None:
    result, _ = reconcile_figures([_claim(text, who)], "killed")
    assert result.best == 2 and result.vague == "claimed"


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Six Ukrainian soldiers killed in shelling near Pisky - General Staff", _UA_MIL),
        ("Three militiamen killed in shelling by Ukrainian troops - DPR command", _DPR),
        ("Two civilians killed in shelling by Ukrainian troops", _DPR),
        ("Death toll in shelling of Horlivka by Ukrainian troops rises to four", _DPR),
        ("More than 20 Ukrainian soldiers killed near Bakhmut", Claimant(name="Wire", kind="outlet")),
    ],
)
def test_own_losses_civilians_tolls_and_outlets_stay_counts(text: str, who: Claimant) -> None:
    claim = _claim(text, who)
    result, _ = reconcile_figures([claim], "killed")
    assert result.best == claim.killed.low and result.vague is None  # type: ignore[union-attr]


def test_a_day_of_the_month_is_no_count() -> None:
    assert not [
        f
        for f in find_figures("A soldier wounded in shelling on March 12, died in hospital")
        if f.figure.low == 12
    ]


def test_ahead_of_is_no_object() -> None:
    figs = find_figures("Three soldiers killed ahead of local elections")
    assert [(f.kind, f.figure.low) for f in figs] == [("killed", 3)]


def test_deaths_without_an_event_word_pass_the_trigger_filter() -> None:
    assert TRIGGERS.search("Four villagers die in the east: officials")


def test_a_number_word_is_no_claimant() -> None:
    assert not find_anchors("Thirty said dead after heavy fighting", 0, [], [])


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # civilians killed at a named place, nobody quoted: the place's administration
        ("In the Sumy region, an elderly man died after shelling overnight", "Local administration"),
        ("Shelling of Nikopol: two people were killed", "Local administration"),
        # deaths in fighting with no civilians named: the Ukrainian military's daily reports
        ("Three killed as clashes flare in east Ukraine", "Ukrainian military"),
        # Ukraine's forces as the subject of a success
        ("In the east, the Defense Forces inflicted 40 strikes on enemy positions", "Ukrainian military"),
        # Ukrainian wording of civilian harm at a named town
        ("The invaders hit Nikopol with artillery, a man was killed", "Local administration"),
    ],
)
def test_neutral_war_reports_infer_their_likely_source(text: str, category: str) -> None:
    who = infer_claimant(text, outlet_claimant("Wire"))
    assert who is not None and who.kind == "inferred" and who.name == "Wire"
    assert claimant_category(who.name, who.role, who.affiliation, who.kind) == category


def test_neutral_rules_stay_with_the_war_in_ukraine() -> None:
    outlet = outlet_claimant("Wire")
    assert infer_claimant("Three killed as clashes flare in northern Mali", outlet) is None
    assert infer_claimant("Two villagers killed in an attack in Borno state", outlet) is None


def test_a_mayor_is_local_whichever_side_holds_the_town() -> None:
    assert claimant_category("mayor", None, "separatists", "organisation") == "Local administration"
    assert (
        claimant_category("DPR command", None, "DPR", "organisation") == "DPR/LPR and occupation authorities"
    )


def killed(text: str) -> tuple[int, int | None, str | None] | None:
    fig = pick(find_figures(text), "killed")
    return None if fig is None else (fig.low, fig.high, fig.qualifier)


def _best(pipeline: Pipeline, headlines: str) -> int:
    report = Report(text=headlines, published=datetime(2022, 10, 3, tzinfo=UTC))
    return predict(pipeline.analyse(report), report).fatalities_best


def test_a_period_tally_is_not_the_main_event(pipeline: Pipeline) -> None:
    """A tally over a period sums several incidents: a stated single incident is the record's."""
    headlines = (
        "Russian shelling kills 17 civilians in Ukraine in 24 hours\n"
        "The bodies of three villagers were found in the Sumy region"
    )
    assert _best(pipeline, headlines) == 3
    headlines = (
        "95 Ukrainian soldiers killed in the war this year\nUkrainian soldier killed, three hurt in the east"
    )
    assert _best(pipeline, headlines) == 1  # no place named: the single incident is kept
    text = (
        "Gunmen killed six farmers in Maiduguri on Monday. Raids in Borno state killed 150 people this year."
    )
    assert _best(pipeline, text) == 6  # the tally's area contains the town: still two events
    assert _best(pipeline, "Shelling killed 40 civilians in Ukraine since the start of the year") == 40


def test_one_more_adds_only_to_a_toll_told_before_it(pipeline: Pipeline) -> None:
    headlines = (
        "One more Ukrainian soldier killed by sniper fire - army\nUkrainian soldier killed in the east"
    )
    assert _best(pipeline, headlines) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Artillery fire killed nine people, twelve wounded over 48 hours",
        "Four soldiers were killed and 11 injured in shelling for a week in the north",
        "Two medics killed, one hurt in the region since beginning of the harvest truce",
        "The aggressor has already killed 210 teachers in the country",
        "As a result of the armed aggression of the neighbour, 310 schoolchildren were killed",
        "The republic lost 4,000 volunteers in the war, its defence minister said",
        "Russia killed 150 teachers in Ukraine",
        "Georgians killed 120 civilians in Russia - Moscow",
    ],
)
def test_running_and_war_long_totals_are_tallies(text: str) -> None:
    """Period words beyond "in the past 24 hours": a span of hours, "for a week", "since
    beginning of", "has already killed", the aggression or war as a whole, and a state killing
    people with no place narrower than a country: none is one incident's toll."""
    assert not states_killed_count(text)


@pytest.mark.parametrize(
    "text",
    [
        "Poet Ivan Koval died in the war",  # one death, not a war-long tally
        "Two soldiers killed in war-torn east",
        "Russians killed six civilians in Bakhmut",  # a town: an incident
        "The death toll in the Dnipro strike has already reached 40",  # one incident's updated toll
    ],
)
def test_single_deaths_and_local_tolls_stay_incidents(text: str) -> None:
    assert states_killed_count(text)


def test_a_span_of_hours_is_no_count_of_people() -> None:
    found = find_figures("Army says three soldiers killed, four wounded over 24 hours")
    assert [(f.kind, f.figure.low) for f in found] == [("killed", 3), ("injured", 4)]


def test_a_toll_that_hits_or_tops_a_number_is_an_update() -> None:
    for text in ("Ceasefire collapses, death toll hits 41", "Death toll from the dam strike tops 100"):
        (fig,) = [f.figure for f in find_figures(text)]
        assert fig.qualifier == UPDATE and fig.low in (41, 100)


def test_a_plural_verb_after_and_counts_the_conjunct_before_it() -> None:
    """X and his wife were killed: the list read only "his wife", the plural verb says two."""
    text = "The head of the village council for roads and utilities and his wife, a teacher, were killed"
    assert killed(text)[0] == 2
    # clauses joined by "and" are no list of people
    assert killed("The house was hit and his son were killed")[0] == 1


def test_a_wounded_victim_who_died_adds_to_a_toll_that_counted_wounded(pipeline: Pipeline) -> None:
    headlines = (
        "In Sumy, one person died and three were injured in a drone attack\n"
        "A firefighter injured in the Sumy drone attack died in hospital"
    )
    assert _best(pipeline, headlines) == 2
    # no wounded were counted: the later death is the same one told again
    headlines = (
        "In Sumy, one person died in a drone attack\nA firefighter injured in the Sumy drone attack died"
    )
    assert _best(pipeline, headlines) == 1


def test_a_named_victim_is_one_of_a_larger_toll(pipeline: Pipeline) -> None:
    """A headline naming one of the dead after another headline's count is no rival count of one."""
    headlines = (
        "Three Ukrainian soldiers killed by a landmine in Donbas - army\n"
        "Taras Melnyk was killed by a landmine near Krymske, Luhansk Oblast"
    )
    assert _best(pipeline, headlines) == 3


def test_a_toll_told_as_a_breakdown_of_a_truce_stays_with_the_fighting(pipeline: Pipeline) -> None:
    """A toll told as the truce's collapse ("truce collapses, death toll hits 52", typed a strategic
    development) counts the dead of the clashes in hand, in the country that holds their city."""
    headlines = (
        "At least 30 killed in Kharkiv clashes: police\n"
        "Death toll in Kharkiv clashes rises to 25 - health ministry\n"
        "Ukraine truce collapses, death toll hits 52"
    )
    assert _best(pipeline, headlines) == 52
