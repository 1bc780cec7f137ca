"""Rules added for UCDP-style reporting: a belligerent's count of enemy dead at reconciliation,
dates and "ahead of" next to counts, unnamed claimants of neutral war reports, a mayor's category."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from sitrep.evaluate.main_event import predict
from sitrep.evaluate.names import claimant_category
from sitrep.extract.claimants import find_anchors, infer_claimant, outlet_claimant
from sitrep.extract.classify import TRIGGERS
from sitrep.extract.figures import find_figures
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


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    return Pipeline(tmp_path_factory.mktemp("ucdp") / "never.db")  # analyse() opens no store


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
