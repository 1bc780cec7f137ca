"""`sitrep eval`: the metrics on hand-made data, the name mapping, the main-incident rule, scoring on
hand-made predictions, and the command end to end (tiny gold file; first 20 records of each gold set)."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from sitrep.errors import SitrepError
from sitrep.evaluate import metrics as m
from sitrep.evaluate.baseline import largest_population
from sitrep.evaluate.gold import load_gold, needs, report_for, select
from sitrep.evaluate.main_event import main_incident, predict
from sitrep.evaluate.names import (
    LOCAL,
    MEDIA,
    RU_MOD,
    SEPARATISTS,
    UA_MIL,
    actor_keys,
    actor_matches,
    claimant_category,
    claimant_matches,
    gold_claimant_categories,
)
from sitrep.evaluate.runner import Outputs
from sitrep.evaluate.score import score_file
from sitrep.geo.distance import km_between
from sitrep.models import Claim, Claimant, Figure, Span

EVAL_DIR = Path(__file__).resolve().parents[2] / "shared" / "eval"
UNBOUNDED = ("mae", "median_km", "baseline_median_km", "gold_spans_median_km")


def sitrep(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sitrep", *args], capture_output=True, text=True, timeout=timeout, check=False
    )


# -- metrics ----------------------------------------------------------------------------------------

GOLD4 = ["a", "a", "b", "b"]
PRED4 = ["x", "x", "x", "y"]


def test_bcubed_on_a_known_partition() -> None:
    # Items 1-2: P 2/3, R 1; item 3: P 1/3, R 1/2; item 4: P 1, R 1/2.
    p, r, f = m.bcubed(GOLD4, PRED4)  # type: ignore[misc]
    assert p == pytest.approx(2 / 3)
    assert r == pytest.approx(0.75)
    assert f == pytest.approx(12 / 17)
    assert m.bcubed(GOLD4, GOLD4) == (1.0, 1.0, 1.0)
    assert m.bcubed(GOLD4, ["1", "2", "3", "4"])[:2] == (1.0, 0.5)  # type: ignore[index]
    assert m.bcubed([], []) is None


def test_pairwise_on_a_known_partition() -> None:
    # Predicted links (1,2) (1,3) (2,3); gold links (1,2) (3,4): one in common.
    p, r, f = m.pairwise(GOLD4, PRED4)  # type: ignore[misc]
    assert (p, r) == pytest.approx((1 / 3, 1 / 2))
    assert f == pytest.approx(0.4)
    # All singletons: no link made, none wrong, none found.
    assert m.pairwise(GOLD4, ["1", "2", "3", "4"]) == (1.0, 0.0, 0.0)


@pytest.mark.parametrize(
    ("gold", "pred", "ari"),
    [
        ([0, 0, 1, 1], [0, 0, 1, 1], 1.0),
        ([0, 0, 1, 1], [5, 5, 7, 7], 1.0),  # labels do not matter
        ([0, 0, 1, 1], [0, 0, 1, 2], 4 / 7),  # scikit-learn's documented example (0.57)
        ([0, 0, 1, 1], [0, 0, 0, 1], 0.0),
        ([0, 0, 0, 0], [0, 1, 2, 3], 0.0),
        ([0, 0, 1, 1], [0, 1, 0, 1], -0.5),  # worse than chance
        ([0, 1, 2], [0, 1, 2], 1.0),  # all singletons on both sides
    ],
)
def test_adjusted_rand_index(gold: list[int], pred: list[int], ari: float) -> None:
    assert m.adjusted_rand_index(gold, pred) == pytest.approx(ari)


def test_macro_and_weighted_f1() -> None:
    gold = ["A", "A", "B", "C"]
    pred = ["A", "B", "B", "A"]
    # A: tp 1, fp 1, fn 1 -> 0.5; B: tp 1, fp 1 -> 2/3; C: tp 0 -> 0.
    assert m.per_class_f1(gold, pred) == pytest.approx({"A": 0.5, "B": 2 / 3, "C": 0.0})
    assert m.macro_f1(gold, pred) == pytest.approx((0.5 + 2 / 3) / 3)
    assert m.weighted_f1(gold, pred) == pytest.approx((0.5 * 2 + 2 / 3) / 4)
    assert m.accuracy(gold, pred) == 0.5
    # A predicted class absent from the gold costs recall but is not itself a class.
    assert m.macro_f1(["A", "A"], ["A", "Z"]) == pytest.approx(2 / 3)
    assert m.macro_f1([], []) is None


def test_confusion_keeps_label_order_and_zeros() -> None:
    table = m.confusion(["x", "x", "y"], ["x", "y", "z"], ["x", "y"])
    assert table == {"x": {"x": 1, "y": 1}, "y": {"x": 0, "y": 0}}


def test_distance_figures() -> None:
    kms = [10.0, 200.0, None, 161.0]
    assert m.acc_at_km(kms, 161) == 0.5  # no prediction counts as wrong
    assert m.acc_at_km(kms, 25) == 0.25
    assert m.median(kms) == 161.0
    assert m.median([1.0, 3.0]) == 2.0
    assert m.median([None]) is None
    assert m.acc_at_km([], 161) is None
    assert m.mean_absolute_error([3, 0], [1, 0]) == 1.0


# -- names ------------------------------------------------------------------------------------------


def test_actor_mapping() -> None:
    assert actor_matches("Government of Russia (Soviet Union)", "Military Forces of Russia (2000-)")
    assert actor_matches("Government of Russia (Russian Federation)", "Military Forces of Russia (2000-)")
    assert actor_matches("Government of Ukraine", "Military Forces of Ukraine (2019-)")
    assert not actor_matches("Government of Ukraine", "Military Forces of Russia (2000-)")
    assert actor_matches("Saudi air force", "Military Forces of Saudi Arabia (2015-)")
    assert actor_matches("Islamic State group (IS)", "ISIS")
    assert actor_matches("al-Shabaab?", "Al Shabaab")
    assert actor_matches("Boko Haram; Fulani herdsmen", "Boko Haram")
    assert actor_matches("Unknown gunmen", "Unidentified Armed Group (Nigeria)")
    assert not actor_matches("Unknown gunmen", None)
    assert actor_keys("None") == set()
    # ACLED's long forms, PITF's descriptions of unnamed attackers and identity militias, and state
    # forces named without their country (completed from the record's country)
    assert actor_matches("Boko Haram", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad")
    assert actor_matches("PKK", "PKK: Kurdistan Workers Party")
    assert actor_matches("Armed bandits", "Unidentified Armed Group (Nigeria)")
    assert actor_matches("Suspected Fulani herdsmen", "Fulani Ethnic Militia (Nigeria)")
    assert not actor_matches("Fulani herdsmen", "Unidentified Armed Group (Nigeria)")
    assert actor_matches("Regime forces", "Military Forces of Syria (2000-2024)", "Syria")
    assert not actor_matches("police", "Police Forces of Kenya", "Nigeria")


def test_claimant_mapping() -> None:
    konashenkov = (
        "official representative of the Russian Defense Ministry, Lieutenant-General Igor Konashenkov."
    )
    assert gold_claimant_categories(konashenkov) == {RU_MOD}
    assert gold_claimant_categories("JFO, Euromaidan Press") == {UA_MIL, MEDIA}
    assert gold_claimant_categories("Ukraine (head of the Donetsk OVA Pavel Kirilenko)") == {LOCAL}
    assert gold_claimant_categories("head of the Donetsk regional military administration") == {LOCAL}
    assert gold_claimant_categories("military-civilian administration of Avdiivka") == {LOCAL}
    assert gold_claimant_categories("Nikopol VGA") == {LOCAL}
    assert gold_claimant_categories("DPR Operational Command") == {SEPARATISTS}
    assert claimant_category("Defence Ministry", None, "Russia", "organisation") == RU_MOD
    assert claimant_category("Oleh Syniehubov", "Governor", "Ukraine", "person") == LOCAL
    assert claimant_category("General Staff of the Armed Forces of Ukraine", None, "Ukraine") == UA_MIL
    assert claimant_category("Ukrinform", kind="outlet") == MEDIA
    assert claimant_category(None) is None
    assert claimant_matches(konashenkov, RU_MOD, "Igor Konashenkov")
    assert claimant_matches("Donetsk News Agency", None, "Donetsk News Agency")
    assert not claimant_matches("JFO", LOCAL, "Serhiy Lysak")


# -- main incident ----------------------------------------------------------------------------------


def claim(index: int, key: int, event_type: str | None, sub: str | None, killed: int | None = None) -> Claim:
    start = index * 100
    return Claim(
        report_id="r",
        index=index,
        quote=Span(start, start + 50, f"clause {index}"),
        claimant=Claimant(f"Claimant {index}", kind="person"),
        event_type=event_type,
        sub_event_type=sub,
        killed=Figure(killed, killed) if killed is not None else None,
        incident_key=key,
    )


SHELLING = ("Explosions/Remote violence", "Shelling/artillery/missile attack")
PROTEST = ("Protests", "Peaceful protest")


def test_main_incident_prefers_violence_then_casualties_then_claims_then_position() -> None:
    assert main_incident([]) == []
    protest = [claim(0, 0, *PROTEST), claim(1, 0, *PROTEST), claim(2, 0, *PROTEST)]
    strike = [claim(3, 1, *SHELLING)]
    assert main_incident(protest + strike) == strike  # violent beats more claims
    small, big = [claim(0, 0, *SHELLING, killed=1)], [claim(1, 1, *SHELLING, killed=5)]
    assert main_incident(small + big) == big  # most casualties
    one, two = [claim(0, 0, *SHELLING)], [claim(1, 1, *SHELLING), claim(2, 1, *SHELLING)]
    assert main_incident(one + two) == two  # most claims
    first, second = [claim(0, 0, *SHELLING)], [claim(1, 1, *SHELLING)]
    assert main_incident(first + second) == first  # earliest in the text


def test_prediction_takes_the_claimant_of_the_fatality_figure() -> None:
    claims = [claim(0, 0, *SHELLING), claim(1, 0, *SHELLING, killed=4), claim(2, 0, *SHELLING, killed=6)]
    pred = predict(claims)
    assert pred.sub_event_type == SHELLING[1]
    assert (pred.fatalities_acled, pred.fatalities_low, pred.fatalities_high) == (4, 4, 6)
    assert pred.claimant_name == "Claimant 1" and pred.quote == "clause 1"
    assert predict([]).no_event and predict([]).fatalities_acled == 0


# -- gold files -------------------------------------------------------------------------------------


def test_bad_gold_files_are_one_line_errors(tmp_path: Path) -> None:
    with pytest.raises(SitrepError, match="no such file"):
        load_gold(tmp_path / "missing.jsonl")
    bad = tmp_path / "bad.jsonl"
    bad.write_text("id,text\n1,hello\n", encoding="utf-8")
    with pytest.raises(SitrepError, match="line 1: not JSON"):
        load_gold(bad)
    bad.write_text('{"id": "a", "text": "x"}\n', encoding="utf-8")
    with pytest.raises(SitrepError, match='no "gold"'):
        load_gold(bad)
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n", encoding="utf-8")
    with pytest.raises(SitrepError, match="no records"):
        load_gold(empty)


def test_cli_reports_bad_input_in_one_line(tmp_path: Path) -> None:
    done = sitrep("eval", str(tmp_path / "missing.jsonl"))
    assert done.returncode != 0
    assert done.stderr.strip().count("\n") == 0 and "no such file" in done.stderr
    notjsonl = tmp_path / "table.csv"
    notjsonl.write_text("a,b\n1,2\n", encoding="utf-8")
    done = sitrep("eval", str(notjsonl), "--json")
    assert done.returncode != 0 and done.stdout == ""
    assert done.stderr.startswith("error:") and done.stderr.strip().count("\n") == 0


def test_select_and_report_for() -> None:
    records = [{"id": str(i), "text": f"t{i}", "gold": {}} for i in range(10)]
    assert [r["id"] for r in select(records, limit=3)] == ["0", "1", "2"]
    a = select(records, sample=4, seed=7)
    assert a == select(records, sample=4, seed=7) and len(a) == 4
    assert [r["id"] for r in a] == sorted((r["id"] for r in a), key=int)  # file order kept
    report = report_for({"id": "x", "text": "t", "gold": {}, "published": "2024-03-05", "lang": "en"})
    assert report.published is not None and report.published.isoformat() == "2024-03-05T12:00:00+00:00"
    assert needs([{"gold": {"toponyms": []}}, {"gold": {"fatalities": 1}}]) == {"toponyms", "events"}


# -- scoring on hand-made predictions ---------------------------------------------------------------


def prediction(**values: Any) -> dict[str, Any]:
    pred = predict([]).as_dict()
    pred["states_killed_count"] = False
    pred.update(values)
    return pred


def test_scoring_event_fields() -> None:
    records = [
        {"id": "1", "text": "a", "gold": {"event_type": None, "sub_event_type": "Not political violence"}},
        {"id": "2", "text": "b", "gold": {"event_type": SHELLING[0], "sub_event_type": SHELLING[1]}},
        {"id": "3", "text": "c", "gold": {}},  # CASE DIPLO: not scored
        {"id": "4", "text": "d", "gold": {"event_type": "Protests", "sub_event_type": "Peaceful protest"}},
    ]
    preds = [
        prediction(),
        prediction(event_type=SHELLING[0], sub_event_type=SHELLING[1], n_claims=1),
        prediction(event_type="Diplomacy", sub_event_type="Talks", n_claims=1),
        prediction(event_type="Diplomacy", sub_event_type="Talks", n_claims=1),
    ]
    result = score_file("t.jsonl", records, Outputs(events=preds))
    assert result.metrics["sub_event_type.accuracy"] == pytest.approx(2 / 3, abs=1e-4)  # 4 decimals
    assert result.n_scored["event_type.accuracy"] == 3
    assert result.confusion is not None
    assert result.confusion[SHELLING[1]][SHELLING[1]] == 1


def test_scoring_counts_ranges_locations_and_claimants() -> None:
    ucdp = {"fatalities_low": 2, "fatalities_best": 3, "fatalities_high": 5}
    records = [
        {"id": "1", "text": "a", "meta": {"where_prec_le_2": True},
         "gold": {**ucdp, "claimant": "JFO", "location": {"lat": 50.0, "lon": 30.0}}},
        {"id": "2", "text": "b", "meta": {"where_prec_le_2": False, "records_with_same_text": 2},
         "gold": {**ucdp, "claimant": "None", "location": {"lat": 50.0, "lon": 30.0}}},
        {"id": "3", "text": "c", "meta": {"campaign": True}, "gold": {"fatalities": 7}},
        {"id": "4", "text": "d", "meta": {}, "gold": {"fatalities": 1}},
    ]  # fmt: skip
    preds = [
        prediction(fatalities_best=3, lat=50.1, lon=30.0, claimant_name="General Staff",
                   claimant_kind="organisation", claimant_affiliation="Ukraine", states_killed_count=True),
        prediction(fatalities_best=6),
        prediction(fatalities_acled=7),
        prediction(),
    ]  # fmt: skip
    result = score_file("t.jsonl", records, Outputs(events=preds))
    got = result.metrics
    assert got["fatalities.in_range"] == 0.5 and result.n_scored["fatalities.in_range"] == 2
    assert got["fatalities.in_range_headline"] == 1.0 and result.n_scored["fatalities.in_range_headline"] == 1
    assert result.n_scored["fatalities.in_range_unique_text"] == 1
    assert got["fatalities.exact_best"] == 0.5
    assert got["fatalities.exact"] == 0.0 and result.n_scored["fatalities.exact"] == 1  # campaign apart
    assert got["fatalities.exact_campaign"] == 1.0
    assert got["location.acc25"] == 0.5 and got["location.missing"] == 0.5
    assert got["location.acc25_precise"] == 1.0 and result.n_scored["location.acc25_precise"] == 1
    assert got["location.median_km"] == pytest.approx(11.1, abs=0.1)
    assert got["claimant.accuracy"] == 1.0 and result.n_scored["claimant.accuracy"] == 1  # "None" not coded


def test_scoring_toponyms_with_optional_spans_and_partial_annotation() -> None:
    text = "Kyiv and Lviv, in Ukraine."
    gold = [
        {"start": 0, "end": 4, "name": "Kyiv", "lat": 50.45, "lon": 30.52},
        {"start": 9, "end": 13, "name": "Lviv", "lat": 49.84, "lon": 24.03},
    ]
    records = [
        {"id": "1", "text": text, "lang": "uk", "gold": {"toponyms": gold},
         "meta": {"optional_toponyms": [{"start": 18, "end": 25, "name": "Ukraine", "reason": "in_entity"}]}},
        {"id": "2", "text": text, "lang": "en", "gold": {"toponyms": gold[:1]},
         "meta": {"partial_annotation": True}},
    ]  # fmt: skip

    def span(start: int, end: int, lat: float | None = None, lon: float | None = None) -> dict[str, Any]:
        return {"start": start, "end": end, "text": text[start:end], "lat": lat, "lon": lon, "place": None}

    found = [
        [span(0, 4, 50.45, 30.52), span(9, 12), span(18, 25)],  # exact, overlap only, optional
        [span(0, 4, 40.0, 30.52), span(9, 13)],  # partial annotation: Lviv is no false positive
    ]
    result = score_file("t.jsonl", records, Outputs(toponyms=found))
    got = result.metrics
    assert got["toponyms.precision"] == 0.5  # record 1 only: 1 exact of 2 counted (optional left out)
    assert got["toponyms.recall"] == pytest.approx(2 / 3, abs=1e-4)
    assert got["toponyms.overlap_precision"] == 1.0 and got["toponyms.overlap_recall"] == 1.0
    assert result.n_scored["toponyms.precision"] == 1 and result.n_scored["toponyms.recall"] == 2
    assert got["toponyms.acc161"] == 0.5  # the second Kyiv is ~1160 km off
    assert got["toponyms.acc161_all"] == pytest.approx(1 / 3, abs=1e-4)  # Lviv unanswered (no point)
    assert got["toponyms.recall_uk"] == 0.5 and "toponyms.precision_en" not in got
    # The naive baseline resolves every gold span by population alone: Kyiv and Lviv are right.
    assert got["toponyms.baseline_acc161"] == 1.0 and result.n_scored["toponyms.baseline_acc161"] == 2
    assert "toponyms.gold_spans_acc161" not in got  # no answers for the gold spans were given
    given = [[(50.45, 30.52), None], [(40.0, 30.52)]]  # sitrep's answers for each record's gold spans
    got = score_file("t.jsonl", records, Outputs(toponyms=found, given_spans=given)).metrics
    assert got["toponyms.gold_spans_acc161"] == pytest.approx(1 / 3, abs=1e-4)


def test_largest_population_baseline_ignores_context() -> None:
    paris = largest_population("Paris")
    assert paris is not None and km_between(paris, (48.85, 2.35)) < 25  # not Paris, Texas
    assert largest_population("Zzyzxqvillebury") is None


def test_scoring_incidents() -> None:
    records = [
        {"id": str(i), "text": "x", "gold": {"incident": g}, "meta": {"topic": 1, "violent_topic": i < 2}}
        for i, g in enumerate(GOLD4)
    ]
    result = score_file("t.jsonl", records, Outputs(clusters=PRED4))
    assert result.metrics["incident.bcubed_f1"] == pytest.approx(12 / 17, abs=1e-4)
    assert result.metrics["incident.pairwise_f1"] == pytest.approx(0.4)
    assert result.metrics["incident.ari"] == 0.0
    assert (
        result.metrics["incident.bcubed_f1_violent"] == 1.0 and result.n_scored["incident.ari_violent"] == 2
    )


# -- end to end -------------------------------------------------------------------------------------

NIKOPOL = (
    "Russian artillery shelled Nikopol overnight, killing two people and injuring five, "
    "regional governor Serhiy Lysak said on Telegram."
)
NIKOPOL_2 = "Two people were killed when Russian artillery shelled Nikopol overnight, officials said."
BAKERY = "The annual bakery festival opened in Lviv on Saturday with music and pastries."


def tiny_gold(path: Path) -> Path:
    shelling = {"event_type": SHELLING[0], "sub_event_type": SHELLING[1]}
    where = {"name": "Nikopol", "country": "Ukraine", "lat": 47.5712, "lon": 34.3964}
    start = NIKOPOL.index("Nikopol")
    records = [
        {"id": "t-1", "text": NIKOPOL, "lang": "en", "published": "2025-11-25", "source": "Test Wire",
         "gold": {**shelling, "fatalities": 2, "injured": 5, "date": "2025-11-25", "location": where,
                  "incident": "nikopol",
                  "toponyms": [{"start": start, "end": start + 7, "name": "Nikopol", "lat": 47.5712,
                                "lon": 34.3964}]}},
        {"id": "t-2", "text": NIKOPOL_2, "lang": "en", "published": "2025-11-25", "source": "Other Wire",
         "gold": {**shelling, "fatalities": 2, "date": "2025-11-25", "location": where,
                  "incident": "nikopol"}},
        {"id": "t-3", "text": BAKERY, "lang": "en", "published": "2025-11-22",
         "gold": {"event_type": None, "sub_event_type": "Not political violence", "incident": "bakery"}},
        {"id": "t-4", "text": "Talks between the two sides resumed.", "lang": "en",
         "gold": {"incident": "talks"}},
    ]  # fmt: skip
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.mark.slow
def test_eval_end_to_end_on_a_tiny_gold_file(tmp_path: Path) -> None:
    gold = tiny_gold(tmp_path / "tiny.jsonl")
    errors = tmp_path / "errors.jsonl"
    done = sitrep("eval", str(gold), "--json", "--jobs", "1", "--errors", str(errors))
    assert done.returncode == 0, done.stderr
    (line,) = done.stdout.strip().splitlines()
    result = json.loads(line)
    assert set(result) >= {"file", "n", "metrics", "n_scored"}
    assert result["file"] == "tiny.jsonl" and result["n"] == 4
    assert set(result["metrics"]) == set(result["n_scored"])
    n = result["n_scored"]
    assert n["sub_event_type.accuracy"] == 3 and n["fatalities.exact"] == 2 and n["injured.exact"] == 1
    assert n["date.exact"] == 2 and n["location.acc161"] == 2 and n["incident.bcubed_f1"] == 4
    assert n["toponyms.recall"] == 1  # only t-1 has the toponyms key
    got = result["metrics"]
    assert got["fatalities.exact"] == 1.0  # "killing two people", "Two people were killed"
    assert got["injured.exact"] == 1.0
    assert got["toponyms.recall"] == 1.0
    assert 0.0 <= got["incident.bcubed_f1"] <= 1.0
    assert "confusion" in result and SHELLING[1] in result["confusion"]
    for miss in map(json.loads, errors.read_text(encoding="utf-8").splitlines()):
        assert set(miss) == {"file", "id", "field", "gold", "prediction", "quote"}

    human = sitrep("eval", str(gold), "--jobs", "1", "--quiet")
    assert human.returncode == 0, human.stderr
    assert "fatalities.exact" in human.stdout and "confusion" in human.stdout


# -- the real gold sets -----------------------------------------------------------------------------


def _coded(value: object) -> bool:
    return isinstance(value, str) and value.strip().casefold() not in {"", "none", "null"}


def expected_n(records: list[dict[str, Any]]) -> dict[str, int]:
    """Records each metric family must have been computed on, re-derived from the gold alone."""

    def count(pred: Any) -> int:
        return sum(1 for r in records if pred(r["gold"], r.get("meta") or {}))

    def has_point(g: dict[str, Any]) -> bool:
        loc = g.get("location") or {}
        return isinstance(loc.get("lat"), int | float) and isinstance(loc.get("lon"), int | float)

    return {
        "event_type.accuracy": count(lambda g, _: g.get("event_type") or g.get("sub_event_type")),
        "sub_event_type.accuracy": count(lambda g, _: g.get("sub_event_type")),
        "fatalities.exact": count(lambda g, mt: "fatalities" in g and not mt.get("campaign")),
        "fatalities.exact_campaign": count(lambda g, mt: "fatalities" in g and mt.get("campaign")),
        "fatalities.in_range": count(lambda g, mt: "fatalities_low" in g and not mt.get("campaign")),
        "injured.exact": count(lambda g, mt: "injured" in g and not mt.get("campaign")),
        "date.exact": count(lambda g, _: g.get("date")),
        "actor1.accuracy": count(lambda g, _: _coded(g.get("actor1"))),
        "claimant.accuracy": count(lambda g, _: _coded(g.get("claimant"))),
        "location.acc161": count(lambda g, _: has_point(g)),
        "toponyms.recall": count(lambda g, _: "toponyms" in g),
        "toponyms.precision": count(lambda g, mt: "toponyms" in g and not mt.get("partial_annotation")),
        "incident.bcubed_f1": count(lambda g, _: g.get("incident") is not None),
        "incident.ari": count(lambda g, _: g.get("incident") is not None),
    }


@pytest.mark.slow
def test_eval_on_the_first_20_records_of_each_gold_set() -> None:
    if not EVAL_DIR.is_dir():
        pytest.skip(f"no gold folder at {EVAL_DIR} (the shared evaluation data is not on this machine)")
    files = sorted(EVAL_DIR.glob("*.jsonl"))
    if not files:
        pytest.skip(f"no *.jsonl gold files in {EVAL_DIR}")
    done = sitrep("eval", *map(str, files), "--limit", "20", "--json", "--jobs", "2", timeout=300)
    assert done.returncode == 0, done.stderr
    assert "eval: " in done.stderr  # plain progress counter when stderr is not a terminal
    results = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["file"] for r in results] == [f.name for f in files]
    for path, result in zip(files, results, strict=True):
        records = load_gold(path)[:20]
        assert result["n"] == len(records)
        assert result["metrics"], f"{path.name}: nothing scored"
        assert set(result["metrics"]) == set(result["n_scored"])
        for name, value in result["metrics"].items():
            assert math.isfinite(value), name
            metric = name.split(".", 1)[1]
            if metric.startswith(UNBOUNDED):
                assert value >= 0, (path.name, name, value)
            elif metric.startswith("ari"):
                assert -1.0 <= value <= 1.0, (path.name, name, value)
            else:
                assert 0.0 <= value <= 1.0, (path.name, name, value)
            assert 0 < result["n_scored"][name] <= len(records), (path.name, name)
        for name, n in expected_n(records).items():
            if name in result["n_scored"]:
                assert result["n_scored"][name] == n, (path.name, name)
            else:
                assert n == 0, f"{path.name}: {name} missing although {n} records have the field"
