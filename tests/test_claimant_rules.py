"""Claimant rules: closing and inverted attributions, bare body nouns and their side, reporting
subjects, the report-level claimant, and unnamed claimants inferred from wording (marked so)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sitrep.evaluate.main_event import predict
from sitrep.evaluate.names import claimant_category
from sitrep.extract.claimants import (
    _SUBNATIONAL,
    Anchor,
    find_anchors,
    implied_side,
    infer_claimant,
    outlet_claimant,
    report_claimant,
)
from sitrep.models import Claimant, Report


def _one(sentence: str) -> Anchor:
    anchors = find_anchors(sentence, 0, persons=[], orgs=[])
    assert len(anchors) == 1, anchors
    return anchors[0]


def test_closing_attribution_after_a_dash() -> None:
    anchor = _one("Artillery hit a depot near Lyman overnight - RF Ministry of Defense")
    assert anchor.claimant.name == "RF Ministry of Defense" and anchor.claimant.affiliation == "Russia"
    quoted = _one('Two strongpoints taken near Orikhiv - OK "North"')
    assert quoted.claimant.name == "OK North"


def test_closing_news_is_not_a_source() -> None:
    assert not find_anchors("Shelling of Sloviansk: two killed", 0, persons=[], orgs=[])
    assert not find_anchors("Kherson region - active hostilities", 0, persons=[], orgs=[])


def test_bare_command_is_military_and_takes_the_republic_named() -> None:
    anchor = _one("LPR fighter wounded by mortar fire from Ukrainian positions - command")
    assert anchor.claimant.role == "military command"
    assert implied_side("LPR fighter wounded by mortar fire from Ukrainian positions") == "LPR"
    assert implied_side("Occupation forces opened fire on a checkpoint") == "Ukraine"


def test_inverted_attribution() -> None:
    anchor = _one("Government troops fired on Yasynuvata twice overnight, say militias")
    assert anchor.start == 0 and anchor.claimant.role == "militia command"
    spokesman = _one("A school was damaged in Makiivka, says DPR's military spokesman")
    assert spokesman.claimant.affiliation == "DPR"


def test_subjects_that_report() -> None:
    rebels = _one("Insurgents in Ukraine say two of their fighters died")
    assert rebels.claimant.affiliation == "separatists"
    command = _one("DNR command reports sniper fire near the airport")
    assert command.claimant.affiliation == "DPR" and command.claimant.role == "military command"
    country = _one("Ukraine says three troops died in an ambush")
    role = country.claimant.role or ""
    assert "military" in role and "inferred" in role
    assert not _one("Ukraine says talks will resume").claimant.role


def test_numbers_are_not_bare_names() -> None:
    assert not find_anchors("Seven reported dead after the storm", 0, persons=[], orgs=[])


def test_leading_bulletin_source() -> None:
    anchor = _one("ATO HQ: Ukraine reports three enemy attacks near Mariupol")
    assert anchor.claimant.name == "ATO HQ"
    slug = find_anchors("UPDATE: Two killed in Mariupol, regional police said", 0, persons=[], orgs=[])
    assert [a.claimant.name for a in slug] == ["regional police"]


def test_report_claimant_without_an_event() -> None:
    own = report_claimant("Positions near Kreminna were held all day\nNo losses - JFO HQ", "Some Wire")
    assert own.name == "JFO HQ"
    assert report_claimant("Nothing of note today", "Some Wire").kind == "outlet"


def test_predict_gives_the_report_claimant_when_there_are_no_claims() -> None:
    report = Report(text="Shelling continued along the line - General Staff", source="Wire")
    pred = predict([], report)
    assert pred.no_event and pred.claimant_name == "General Staff"
    assert predict([]).claimant_name is None


def test_inferred_claimants_say_so_and_keep_the_outlet() -> None:
    outlet = outlet_claimant("Wire")
    cases = {
        "Russian troops eliminated a sabotage group near Kupiansk": "Russian Ministry of Defence and "
        "military",
        "Ukrainian army's shelling wounds two residents of the DPR": "DPR/LPR and occupation authorities",
        "The occupiers shelled a village in Sumy region, a pensioner was wounded": "Local administration",
        "The enemy lost two tanks near Vuhledar": "Ukrainian military",
        "Two Ukrainian servicemen wounded near Avdiivka": "Ukrainian military",
    }
    for text, category in cases.items():
        who = infer_claimant(text, outlet)
        assert who is not None and who.kind == "inferred" and who.name == "Wire", text
        assert who.role and "inferred" in who.role
        assert claimant_category(who.name, who.role, who.affiliation, who.kind) == category, text
    assert infer_claimant("Storm cuts power to thousands", outlet) is None


def test_unnamed_claimant_stays_a_category_apart_from_media() -> None:
    who = Claimant(name="Wire", role="Ukrainian military (unnamed; inferred from wording)",
                   affiliation="Ukraine", kind="inferred")  # fmt: skip
    assert claimant_category(who.name, who.role, who.affiliation, who.kind) == "Ukrainian military"


def test_a_post_introduced_with_a_colon_is_its_authors(tmp_path: Path) -> None:
    from sitrep.models import Report
    from sitrep.pipeline import Pipeline

    text = (
        "Drones were shot down over the region overnight, the regional bulletin reported.\n\n"
        "Governor Ivan Petrenko wrote on Telegram:\n\n"
        "In Millerovo, falling debris set fire to a warehouse. Two people were injured.\n\n"
        "Air raid alerts were lifted in the morning."
    )
    report = Report(text=text, published=datetime(2025, 11, 25, tzinfo=UTC))
    claims = Pipeline(tmp_path / "c.db").analyse(report)
    post = [c for c in claims if "Millerovo" in c.quote.text or "Two people" in c.quote.text]
    assert post and all(c.claimant.name == "Ivan Petrenko" for c in post)
    assert all(c.claimant.name != "Ivan Petrenko" for c in claims if "alerts were lifted" in c.quote.text)


def _category(claimant: Claimant) -> str | None:
    return claimant_category(claimant.name, claimant.role, claimant.affiliation, claimant.kind)


def test_a_neutral_war_report_of_fighting_or_unplaced_deaths_is_the_militarys() -> None:
    outlet = outlet_claimant("Wire")
    for text in (
        "Heavy fighting flares again around the airport in eastern Ukraine",
        "Two killed, including a civilian, in eastern Ukraine",
    ):
        inferred = infer_claimant(text, outlet)
        assert inferred is not None and inferred.kind == "inferred"
        assert inferred.role and inferred.role.startswith("Ukrainian military")


def test_a_shelled_ukrainian_town_in_nobodys_words_is_its_administrations() -> None:
    text = "Artillery shells hit a market in Kramatorsk overnight"
    inferred = infer_claimant(text, outlet_claimant("Wire"))
    assert inferred is not None and inferred.role and inferred.role.startswith("local administration")
    assert inferred.affiliation is None


def test_a_country_reporting_combat_deaths_speaks_through_its_military() -> None:
    for sentence in (
        "Kyiv says 11 military personnel killed in the east",
        "Ukraine reports first combat death in a month",
        "Ukraine reports new truce violations near Avdiivka",
        "Two Ukrainian soldiers die in sniper fire: govt",
    ):
        (anchor,) = find_anchors(sentence, 0, persons=[], orgs=[])
        assert anchor.claimant.role and anchor.claimant.role.startswith("Ukrainian military"), sentence


def test_unqualified_authorities_counting_people_killed_are_local() -> None:
    (anchor,) = find_anchors("Three people die as a shell hits a shop in Toretsk: officials", 0, [], [])
    assert _category(anchor.claimant) == "Local administration"
    (anchor,) = find_anchors("Talks on the ceasefire resume next week: officials", 0, [], [])
    assert anchor.claimant.role is None


def _inferred_category(text: str) -> str | None:
    who = infer_claimant(text, outlet_claimant("Wire"))
    assert who is not None and who.kind == "inferred" and who.role and "inferred" in who.role, text
    return _category(who)


def test_a_republics_own_forces_named_as_a_side_make_it_the_republics_count() -> None:
    text = "Enemy losses in battles with the forces of the LPR reached 25 men in a day"
    who = infer_claimant(text, outlet_claimant("Wire"))
    assert who is not None and who.affiliation == "LPR"
    assert _inferred_category(text) == "DPR/LPR and occupation authorities"
    assert _inferred_category("Losses of the AFU in clashes with allied forces in DPR exceeded 12") == (
        "DPR/LPR and occupation authorities"
    )


def test_russian_artillery_of_the_federation_is_the_defence_ministrys_wording() -> None:
    for text in (
        "Artillerymen of the Russian Federation destroyed a mortar crew near the river",
        "Gunners of the Russian Federation in the southern direction destroyed an enemy radar",
    ):
        assert _inferred_category(text) == "Russian Ministry of Defence and military", text


def test_ukraines_success_over_invaders_is_not_a_russian_bulletin() -> None:
    text = "Near the river, APU destroyed more than 30 soldiers of the invaders and two tanks"
    assert _inferred_category(text) == "Ukrainian military"


def test_national_guard_successes_come_from_the_interior_ministry() -> None:
    text = "Units of the National Guard eliminated 40 invaders near Siversk in a week"
    assert _inferred_category(text) == "Ukrainian government"


def test_exhumations_and_mass_graves_are_police_investigations() -> None:
    for text in (
        "Investigators exhumed 14 bodies from a mass grave near a village in Kharkiv Oblast",
        "A torture chamber with two bodies was found in a liberated town of Donetsk region",
    ):
        assert _inferred_category(text) == "Ukrainian government", text


def test_deaths_in_a_city_district_in_separatist_wording_are_the_city_administrations() -> None:
    text = "A pensioner died in the Leninsky district of Donetsk during shelling by Ukrainian troops"
    assert _inferred_category(text) == "Local administration"
    republic = "A pensioner died in the DPR during shelling by Ukrainian troops"
    assert _inferred_category(republic) == "DPR/LPR and occupation authorities"


def test_closing_sources_with_their_place_or_principal() -> None:
    mayor = _one("Death toll from strike rises to five - mayor of Sloviansk")
    assert mayor.claimant.name == "mayor of Sloviansk" and _category(mayor.claimant) == "Local administration"
    doctor = _one("Reporter dies of wounds after mortar attack: doctor")
    assert _category(doctor.claimant) == "Emergency and medical services"
    force = _one("Positions came under mortar fire, one soldier wounded - task force")
    assert force.claimant.role == "military task force"
    aide = _one("Truce broken near the airport - adviser to the DPR head")
    assert aide.claimant.name == "adviser to the DPR head" and aide.claimant.affiliation == "DPR"
    assert not find_anchors("Shelling of the town - another person died in the hospital", 0, [], [])


def test_wartime_administrations_by_their_initials_are_local() -> None:
    anchor = _one("Two people died after a strike on the port - VGA")
    assert anchor.claimant.role == "regional military-civil administration"
    assert _category(anchor.claimant) == "Local administration"


def test_a_donetsk_or_lugansk_leader_speaks_for_the_republic() -> None:
    assert _one("Kiev breaks the truce again - Donetsk leader").claimant.affiliation == "DPR"
    assert _one("Kiev breaks the truce again - Lugansk leader").claimant.affiliation == "LPR"


def test_the_operation_in_the_east_names_ukraines_side() -> None:
    assert implied_side("One soldier wounded in hostilities in the JFO zone") == "Ukraine"


def test_an_unnamed_ministry_reporting_soldiers_losses_is_the_defence_ministry() -> None:
    anchor = _one("Five Ukrainian soldiers killed in rebel ambush: ministry")
    assert anchor.claimant.role and anchor.claimant.role.startswith("defence ministry")
    assert not _one("Grain exports resume from the port: ministry").claimant.role


def test_a_bare_government_among_coordinated_subjects_reports() -> None:
    anchor = _one("Militias, government say four died in overnight fighting near the airport")
    assert anchor.claimant.name == "government" and _category(anchor.claimant) == "Ukrainian government"
    russian = _one("Russian government says the convoy reached the border")
    assert _category(russian.claimant) == "Russian government"


def test_states_after_a_capitalised_word_is_a_noun_not_a_verb() -> None:
    anchor = _one("Baltic States; Two fighters wounded near Pervomaisk - Lugansk")
    assert anchor.claimant.name == "Lugansk" and anchor.claimant.affiliation == "LPR"
    assert not find_anchors("The United States sent more aid to Kyiv", 0, persons=[], orgs=[])


def test_a_separatist_capital_as_speaker_is_its_republic() -> None:
    assert _one("Donetsk reports a mortar attack on Yasynuvata overnight").claimant.affiliation == "DPR"
    assert _one("Luhansk says three fighters died in a week").claimant.affiliation == "LPR"
    assert _one("Truce broken twice near the airport - Donetsk governor").claimant.affiliation != "DPR"


def test_a_leading_source_after_a_section_heading() -> None:
    anchor = _one("Regional News; LPR: three servicemen wounded in the past day")
    assert anchor.claimant.name == "LPR" and anchor.start == 0


def test_abbreviated_body_names_are_spelt_out() -> None:
    anchor = _one("Two soldiers wounded in mortar attack near Avdiivka - Gen. Staff")
    assert anchor.claimant.name == "General Staff" and _category(anchor.claimant) == "Ukrainian military"


def test_a_newspaper_named_as_the_source_is_the_media() -> None:
    anchor = _one("The Evening Herald reported two volunteers were killed near Bakhmut")
    assert anchor.claimant.role == "newspaper" and _category(anchor.claimant) == "Media"


def test_people_killed_by_ukraines_forces_is_the_other_sides_wording() -> None:
    assert implied_side("Pensioner killed by Kiev troops in a village near Gorlovka") == "separatists"
    assert _inferred_category("Two miners killed by Ukrainian shelling near Makiivka") == (
        "DPR/LPR and occupation authorities"
    )
    assert implied_side("Russian colonel killed by Ukrainian drone near Bakhmut") != "separatists"


def test_plural_present_reporting_verbs() -> None:
    anchor = _one("Separatists claim a new offensive near Mariupol")
    assert anchor.claimant.affiliation == "separatists"
    assert _one("Insurgents deny shelling the bus stop").denial


def test_a_name_after_a_comma_before_the_verb_is_the_claimant() -> None:
    anchor = _one("Nine soldiers died in an ambush near Shchastia, Kyiv says")
    assert anchor.claimant.name == "Kyiv"
    assert _category(anchor.claimant) == "Ukrainian military"


def test_a_closing_phrase_with_a_verb_is_not_a_source() -> None:
    assert not find_anchors("Donbas: Mortars Killing Farmers", 0, persons=[], orgs=[])


def test_a_country_reporting_ground_taken_speaks_through_its_military() -> None:
    anchor = _one("Ukraine says its troops recaptured a village near Izium")
    assert anchor.claimant.role and anchor.claimant.role.startswith("Ukrainian military")
    assert not _one("Ukraine says the grain deal will be extended").claimant.role


def test_militants_is_the_separatists_as_ukrainian_sources_name_them() -> None:
    anchor = _one("Horlivka militants say a pensioner was hurt by a mine")
    assert anchor.claimant.affiliation == "separatists"
    assert _category(anchor.claimant) == "DPR/LPR and occupation authorities"


def test_a_news_agency_heading_a_line_yields_to_the_source_it_relays() -> None:
    anchor = _one("RIA: twelve enemy vehicles destroyed near Kupiansk - Russian Defence Ministry")
    assert anchor.claimant.name == "Russian Defence Ministry" and anchor.claimant.affiliation == "Russia"
    assert _one("TASS: a power line was cut near Svatove").claimant.name == "TASS"


def test_an_unnamed_spokesperson_reporting_soldiers_losses_is_the_militarys() -> None:
    anchor = _one("Two soldiers wounded near Avdiivka overnight - spokesman")
    assert _category(anchor.claimant) == "Ukrainian military"


def test_plural_shellings_by_ukraines_forces_are_the_other_sides_wording() -> None:
    assert implied_side("Night shellings of Yasynuvata by Ukrainian troops damaged a school") == "separatists"


def test_ukraines_forces_by_their_initials_close_a_headline() -> None:
    anchor = _one("The road to Siversk stays open for convoys - ZSU")
    assert anchor.claimant.affiliation == "Ukraine"
    assert _category(anchor.claimant) == "Ukrainian military"


def test_unqualified_authorities_reporting_on_a_place_are_local() -> None:
    anchor = _one("Water supply restored in the Zaporizhzhia region - authorities")
    assert _category(anchor.claimant) == "Local administration"


def test_enemy_losses_in_ukrainian_wording_are_the_militarys_count() -> None:
    outlet = outlet_claimant("Wire")
    for text in (
        "Near Vuhledar the enemy lost 40 people killed in a day",
        "Paratroopers eliminated 35 occupiers in the Luhansk region",
        "The defenders repelled enemy attacks near five settlements",
    ):
        who = infer_claimant(text, outlet)
        assert who is not None and _category(who) == "Ukrainian military", text
    # civilians named as such stay with the administration that counts them
    who = infer_claimant("The enemy lost 20 people killed; two residents of Kupiansk were wounded", outlet)
    assert who is not None and _category(who) != "Ukrainian military"


def test_russian_aggression_is_kyivs_wording_and_a_countrywide_toll_its_governments() -> None:
    outlet = outlet_claimant("Wire")
    who = infer_claimant(
        "Because of Russian aggression, 14 people were killed and 30 injured in a day", outlet
    )
    assert who is not None and who.affiliation == "Ukraine" and _category(who) == "Ukrainian government"


def test_a_withdrawal_to_more_advantageous_lines_is_russian_ministry_wording() -> None:
    who = infer_claimant("Units regrouped from Balakliia to more advantageous lines", outlet_claimant("Wire"))
    assert who is not None and _category(who) == "Russian Ministry of Defence and military"


def test_a_place_after_on_is_a_place_but_a_weekday_is_not() -> None:
    outlet = outlet_claimant("Wire")
    who = infer_claimant("Eight civilians killed in an offensive on Pervomaisk", outlet)
    assert who is not None and _category(who) == "Local administration"
    assert not _SUBNATIONAL.search("Eight civilians killed on Sunday")
    assert not _SUBNATIONAL.search("The toll of Russian shelling")


def test_a_town_fired_at_with_people_hurt_is_its_administrations_count() -> None:
    outlet = outlet_claimant("Wire")
    who = infer_claimant("The occupiers shelled Orikhiv in the morning, three wounded", outlet)
    assert who is not None and _category(who) == "Local administration"
    who = infer_claimant("The occupiers shelled Orikhiv in the morning, two soldiers wounded", outlet)
    assert who is not None and _category(who) == "Ukrainian military"
