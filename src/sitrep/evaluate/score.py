"""Comparing predictions with gold, field by field, as ../shared/eval/README.md ("How to score") asks.

Every figure is computed only on the records whose gold has the field, and is stored with the number
of records it was computed on (`FileResult.n_scored`). Metric names are ``<field>.<metric>``, with a
suffix for slices (``fatalities.exact_campaign``, ``incident.bcubed_f1_violent``,
``toponyms.f1_ru``). Choices the README leaves open:

- **Event type.** "No event" (no claims, or a main incident without an ACLED type) is the label
  ``Not political violence``; records whose gold has neither `event_type` nor `sub_event_type`
  (CASE DIPLO / ATTRIB) are skipped; sitrep's Diplomacy types never equal an ACLED gold label.
  Macro- and weighted F1 are over the classes present in the gold.
- **Counts.** ACLED-style `fatalities` / `injured` gold is compared with the event's ACLED figure
  (lowest specific figure); UCDP low/best/high with the event's UCDP best. A missing figure is 0.
  PITF (ids ``pitf_wad-``) counts only non-combatant deaths (its README: "Only non-combatant
  killings (atrocities) are in scope"), so its `fatalities` gold is compared with the event's
  *civilian* figure (`Event.civilian_fatalities`, ACLED rule) wherever the text tells
  non-combatants apart from combatants ("10 dead, including five civilians" -> 5), else with the
  total; attackers killed are never in either.
  `meta.fatalities_split` records are left out; `meta.campaign` records are scored only in the
  ``_campaign`` slice. ``in_range_headline``: UCDP records whose text states an incident's killed
  figure (`main_event.states_killed_count`: not a tally over a period) and whose headlines belong
  to no other record (a headline shared by several records states the total UCDP split between
  them, not any one record's count); ``in_range_unique_text``: records whose headlines belong to
  no other record (`meta.records_with_same_text`).
- **Location.** Distances from the event point; acc@k counts a record with no predicted point as
  wrong, the median is over records with a point (``location.missing`` gives the share without).
  ``location.country``: predicted country name equals the gold one (case-folded).
- **Toponyms.** Micro-averaged over spans. Exact = same offsets; overlap = any shared character. A
  predicted span that matches no gold span (exactly, resp. by overlap) but overlaps a
  `meta.optional_toponyms` span is neither right nor wrong. Records flagged
  `meta.partial_annotation` (WikToR) count for recall and distance only; with no predicted span
  at all, precision is 0 (1 when there was no gold span either). ``acc161`` /
  ``median_km``: exactly matched spans whose gold has coordinates (a span resolved to no place is
  wrong); ``acc161_all``: every gold toponym with coordinates, using the exact match, else an
  overlapping predicted span, unanswered = wrong. ``baseline_acc161`` / ``baseline_median_km``: the
  naive largest-population baseline (`baseline.largest_population`) given every gold span with
  coordinates, unanswered = wrong (same denominator as ``acc161_all``); ``gold_spans_acc161`` /
  ``gold_spans_median_km``: sitrep given the same gold spans (`runner._given_spans`), as Mordecai's
  figure is reported. Per-language slices when a
  file mixes languages.
- **Incident.** B-cubed, pairwise and ARI over all records, over `meta.violent_topic` records
  (``_violent``) and averaged over `meta.topic` groups (``_per_topic``: only the two incidents of a
  topic have to be told apart).

Every record-level miss can be written out (`FileResult.errors`) with the record id, field, gold,
prediction and the evidence (the quote of the main claim, the span text, or without a claim the
text's start). Location misses are those beyond 25 km; toponym misses are missed gold spans,
spurious predicted spans and matched spans placed beyond 161 km; incident misses are records whose
predicted cluster differs from their gold cluster.
"""

from __future__ import annotations

import contextlib
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from sitrep import taxonomy as tx
from sitrep.evaluate import metrics as m
from sitrep.evaluate.baseline import largest_population
from sitrep.evaluate.gold import Record
from sitrep.evaluate.incident_baseline import tfidf_single_link
from sitrep.evaluate.names import (
    actor_matches,
    claimant_category,
    claimant_matches,
    normalise,
)
from sitrep.evaluate.runner import Outputs
from sitrep.geo.distance import km_between

NOT_PV = tx.NOT_POLITICAL_VIOLENCE
NO_EVENT = "(no event)"
#: Rows and columns of the confusion matrix: the Explosions/Remote violence sub-types and Disrupted
#: weapons use, then everything else and no event.
CONFUSION_LABELS = [*tx.ACLED_TYPES[tx.EXPLOSIONS], "Disrupted weapons use"]
OTHER_LABEL = "(other)"
_NOT_CODED = {"", "none", "null"}


@dataclass
class FileResult:
    file: str
    n: int
    metrics: dict[str, float] = field(default_factory=dict)
    n_scored: dict[str, int] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    confusion: dict[str, dict[str, int]] | None = None
    errors: list[dict[str, Any]] = field(default_factory=list)

    def add(self, name: str, value: float | None, n: int) -> None:
        """Record a figure (skipped when there was nothing to score)."""
        if value is None or n <= 0:
            return
        self.metrics[name] = round(float(value), 4)
        self.n_scored[name] = n

    def miss(self, record: Record, fieldname: str, gold: Any, prediction: Any, quote: str | None) -> None:
        """One wrong or missing prediction; without a quote (no claim), the text's first 200 characters."""
        if quote is None:
            quote = record["text"][:200]
        self.errors.append(
            {
                "file": self.file,
                "id": record["id"],
                "field": fieldname,
                "gold": gold,
                "prediction": prediction,
                "quote": quote,
            }
        )

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "file": self.file,
            "n": self.n,
            "metrics": self.metrics,
            "n_scored": self.n_scored,
        }
        if self.counts:
            data["counts"] = self.counts
        if self.confusion is not None:
            data["confusion"] = self.confusion
        return data


def score_file(name: str, records: list[Record], outputs: Outputs) -> FileResult:
    result = FileResult(file=name, n=len(records))
    if outputs.events:
        preds = outputs.events
        _event_types(result, records, preds)
        _counts(result, records, preds)
        _dates(result, records, preds)
        _actors(result, records, preds)
        _claimants(result, records, preds)
        _locations(result, records, preds)
    if outputs.toponyms:
        _toponyms(result, records, outputs.toponyms, outputs.given_spans or None)
    if outputs.clusters is not None:
        _incidents(result, records, outputs.clusters)
    return result


# -- events -----------------------------------------------------------------------------------------


def _pred_labels(pred: dict[str, Any]) -> tuple[str, str]:
    if not pred["n_claims"] or pred["event_type"] is None:
        return NO_EVENT, NOT_PV
    sub = pred["sub_event_type"] or f"{pred['event_type']} (no sub-type)"
    return pred["event_type"], sub


def _event_types(result: FileResult, records: list[Record], preds: list[Any]) -> None:
    et_gold, et_pred, sub_gold, sub_pred = [], [], [], []
    for record, pred in zip(records, preds, strict=True):
        gold = record["gold"]
        if gold.get("event_type") is None and gold.get("sub_event_type") is None:
            continue
        p_et, p_sub = _pred_labels(pred)
        g_et = gold.get("event_type") or NO_EVENT
        et_gold.append(g_et)
        et_pred.append(p_et)
        if g_et != p_et:
            result.miss(record, "event_type", gold.get("event_type"), p_et, pred["quote"])
        if gold.get("sub_event_type") is not None:
            sub_gold.append(gold["sub_event_type"])
            sub_pred.append(p_sub)
            if gold["sub_event_type"] != p_sub:
                result.miss(record, "sub_event_type", gold["sub_event_type"], p_sub, pred["quote"])
    result.add("event_type.accuracy", m.accuracy(et_gold, et_pred), len(et_gold))
    result.add("event_type.macro_f1", m.macro_f1(et_gold, et_pred), len(et_gold))
    result.add("sub_event_type.accuracy", m.accuracy(sub_gold, sub_pred), len(sub_gold))
    result.add("sub_event_type.macro_f1", m.macro_f1(sub_gold, sub_pred), len(sub_gold))
    result.add("sub_event_type.weighted_f1", m.weighted_f1(sub_gold, sub_pred), len(sub_gold))
    if any(g in CONFUSION_LABELS for g in sub_gold):
        labels = [*CONFUSION_LABELS, OTHER_LABEL, NO_EVENT]

        def fold(label: str) -> str:
            if label in CONFUSION_LABELS:
                return label
            return NO_EVENT if label == NOT_PV else OTHER_LABEL

        table = m.confusion([fold(g) for g in sub_gold], [fold(p) for p in sub_pred], labels)
        result.confusion = {g: dict(row) for g, row in table.items() if g in CONFUSION_LABELS}  # type: ignore[misc]


def _counts(result: FileResult, records: list[Record], preds: list[Any]) -> None:
    meta = [r.get("meta") or {} for r in records]
    for fieldname, attr in (("fatalities", "fatalities_acled"), ("injured", "injured")):
        rows = [
            (r, int(r["gold"][fieldname]), _count(r, p, attr), bool(mt.get("campaign")), p)
            for r, p, mt in zip(records, preds, meta, strict=True)
            if isinstance(r["gold"].get(fieldname), int | float) and not mt.get("fatalities_split")
        ]
        for suffix, chosen in (("", [x for x in rows if not x[3]]), ("_campaign", [x for x in rows if x[3]])):
            gold = [x[1] for x in chosen]
            pred = [x[2] for x in chosen]
            result.add(f"{fieldname}.exact{suffix}", m.accuracy(gold, pred), len(gold))
            nz = [(g, p) for g, p in zip(gold, pred, strict=True) if g > 0]
            result.add(
                f"{fieldname}.exact_nonzero{suffix}",
                m.accuracy([g for g, _ in nz], [p for _, p in nz]),
                len(nz),
            )
            result.add(f"{fieldname}.mae{suffix}", m.mean_absolute_error(gold, pred), len(gold))
        for record, g, p, campaign, pred in rows:
            if g != p:
                result.miss(record, fieldname + ("_campaign" if campaign else ""), g, p, pred["quote"])
    # UCDP low / best / high against the event's UCDP best.
    rows2 = [
        (r, p, mt)
        for r, p, mt in zip(records, preds, meta, strict=True)
        if all(isinstance(r["gold"].get(k), int | float) for k in ("fatalities_low", "fatalities_high"))
        and not mt.get("fatalities_split")
    ]
    if not rows2:
        return

    def in_range(r: Record, p: dict[str, Any]) -> bool:
        return r["gold"]["fatalities_low"] <= (p["fatalities_best"] or 0) <= r["gold"]["fatalities_high"]

    slices = {
        "": rows2,
        # A headline shared by several records states their joint total, not this record's count.
        "_headline": [
            x
            for x in rows2
            if x[1].get("states_killed_count") and int(x[2].get("records_with_same_text") or 1) <= 1
        ],
        "_unique_text": [x for x in rows2 if int(x[2].get("records_with_same_text") or 1) <= 1],
        "_campaign": [x for x in rows2 if x[2].get("campaign")],
    }
    if slices["_campaign"]:
        slices[""] = [x for x in rows2 if not x[2].get("campaign")]
    for suffix, chosen in slices.items():
        hits = sum(in_range(r, p) for r, p, _ in chosen)
        result.add(f"fatalities.in_range{suffix}", m.ratio(hits, len(chosen)), len(chosen))
    with_best = [
        (r, p)
        for r, p, mt in rows2
        if isinstance(r["gold"].get("fatalities_best"), int | float) and not mt.get("campaign")
    ]
    gold = [int(r["gold"]["fatalities_best"]) for r, _ in with_best]
    pred = [int(p["fatalities_best"] or 0) for _, p in with_best]
    result.add("fatalities.exact_best", m.accuracy(gold, pred), len(gold))
    if "fatalities.mae" not in result.metrics:
        result.add("fatalities.mae", m.mean_absolute_error(gold, pred), len(gold))
    for r, p, _ in rows2:
        if not in_range(r, p):
            g = r["gold"]
            result.miss(
                r,
                "fatalities_range",
                [g["fatalities_low"], g.get("fatalities_best"), g["fatalities_high"]],
                p["fatalities_best"],
                p["quote"],
            )


#: Datasets whose fatalities count non-combatants only (see the module docstring).
_NON_COMBATANT_SETS = ("pitf_wad-",)


def _count(record: Record, pred: dict[str, Any], attr: str) -> int:
    """The predicted count compared with a record's gold (the civilian figure for PITF deaths)."""
    if attr == "fatalities_acled" and str(record.get("id", "")).startswith(_NON_COMBATANT_SETS):
        civilian = pred.get("fatalities_civilian")
        if civilian is not None:
            return int(civilian)
    return int(pred[attr] or 0)


def _dates(result: FileResult, records: list[Record], preds: list[Any]) -> None:
    from datetime import date

    rows = [(r, p) for r, p in zip(records, preds, strict=True) if r["gold"].get("date")]
    exact = within = 0
    for r, p in rows:
        gold = str(r["gold"]["date"])[:10]
        if p["date"] == gold:
            exact += 1
        else:
            result.miss(r, "date", gold, p["date"], p["quote"])
        if p["date"]:
            with contextlib.suppress(ValueError):
                within += abs((date.fromisoformat(p["date"]) - date.fromisoformat(gold)).days) <= 1
    result.add("date.exact", m.ratio(exact, len(rows)), len(rows))
    result.add("date.within_1_day", m.ratio(within, len(rows)), len(rows))


def _coded(value: object) -> bool:
    return isinstance(value, str) and normalise(value) not in _NOT_CODED


def _actors(result: FileResult, records: list[Record], preds: list[Any]) -> None:
    rows = [(r, p) for r, p in zip(records, preds, strict=True) if _coded(r["gold"].get("actor1"))]
    hits = 0
    for r, p in rows:
        country = ((r["gold"].get("location") or {}).get("country")) or None
        if actor_matches(r["gold"]["actor1"], p["actor1"], country):
            hits += 1
        else:
            result.miss(r, "actor1", r["gold"]["actor1"], p["actor1"], p["quote"])
    result.add("actor1.accuracy", m.ratio(hits, len(rows)), len(rows))
    result.add("actor1.coverage", m.ratio(sum(bool(p["actor1"]) for _, p in rows), len(rows)), len(rows))


def _claimants(result: FileResult, records: list[Record], preds: list[Any]) -> None:
    rows = [(r, p) for r, p in zip(records, preds, strict=True) if _coded(r["gold"].get("claimant"))]
    hits = 0
    for r, p in rows:
        category = claimant_category(
            p["claimant_name"], p["claimant_role"], p["claimant_affiliation"], p["claimant_kind"]
        )
        if claimant_matches(r["gold"]["claimant"], category, p["claimant_name"]):
            hits += 1
        else:
            who = None if p["claimant_name"] is None else f"{p['claimant_name']} [{category}]"
            result.miss(r, "claimant", r["gold"]["claimant"], who, p["quote"])
    n = len(rows)
    result.add("claimant.accuracy", m.ratio(hits, n), n)
    result.add("claimant.coverage", m.ratio(sum(bool(p["claimant_name"]) for _, p in rows), n), n)
    named = sum(bool(p["claimant_name"]) and p["claimant_kind"] != "outlet" for _, p in rows)
    result.add("claimant.coverage_named", m.ratio(named, n), n)


def _is_precise(record: Record) -> bool:
    loc = record["gold"].get("location") or {}
    if loc.get("precision_scheme") == "acled":
        return loc.get("precision") == 1
    return bool((record.get("meta") or {}).get("where_prec_le_2"))


def _has_precision(record: Record) -> bool:
    loc = record["gold"].get("location") or {}
    return loc.get("precision_scheme") == "acled" or "where_prec_le_2" in (record.get("meta") or {})


def _locations(result: FileResult, records: list[Record], preds: list[Any]) -> None:
    rows = []
    for r, p in zip(records, preds, strict=True):
        loc = r["gold"].get("location") or {}
        if not isinstance(loc.get("lat"), int | float) or not isinstance(loc.get("lon"), int | float):
            continue
        km = None
        if p["lat"] is not None and p["lon"] is not None:
            km = km_between((p["lat"], p["lon"]), (loc["lat"], loc["lon"]))
        rows.append((r, p, km))
        if km is None or km > 25:  # a miss for acc@25
            got = None if km is None else {"place": p["place"], "lat": p["lat"], "lon": p["lon"]}
            if got is not None:
                got["km"] = round(km, 1)  # type: ignore[arg-type]
            gold = {"name": loc.get("name"), "lat": loc["lat"], "lon": loc["lon"]}
            result.miss(r, "location", gold, got, p["quote"])
    kms = [x[2] for x in rows]
    n = len(rows)
    result.add("location.acc161", m.acc_at_km(kms, 161), n)
    result.add("location.acc25", m.acc_at_km(kms, 25), n)
    result.add("location.median_km", m.median(kms), sum(k is not None for k in kms))
    result.add("location.missing", m.ratio(sum(k is None for k in kms), n), n)
    precise = [km for r, _, km in rows if _is_precise(r)]
    if any(_has_precision(r) for r, _, _ in rows):
        result.add("location.acc25_precise", m.acc_at_km(precise, 25), len(precise))
    countries = [
        (r["gold"]["location"]["country"], p["country"])
        for r, p, _ in rows
        if r["gold"]["location"].get("country")
    ]
    result.add(
        "location.country",
        m.ratio(sum(bool(pc) and normalise(g) == normalise(pc) for g, pc in countries), len(countries)),
        len(countries),
    )


# -- toponyms ---------------------------------------------------------------------------------------


@dataclass
class _SpanCounts:
    records_p: int = 0  # records counted for precision
    records_r: int = 0
    gold: int = 0
    tp_exact: int = 0  # all records (recall)
    tp_exact_p: int = 0  # records counted for precision
    fp_exact: int = 0
    pred_overlap_ok: int = 0
    fp_overlap: int = 0
    gold_overlapped: int = 0
    ignored: int = 0
    predicted: int = 0

    def add_to(self, result: FileResult, suffix: str = "") -> None:
        p_exact = m.ratio(self.tp_exact_p, self.tp_exact_p + self.fp_exact) if self.records_p else None
        r_exact = m.ratio(self.tp_exact, self.gold)
        p_over = (
            m.ratio(self.pred_overlap_ok, self.pred_overlap_ok + self.fp_overlap) if self.records_p else None
        )
        r_over = m.ratio(self.gold_overlapped, self.gold)
        if self.records_p and self.tp_exact_p + self.fp_exact == 0:
            p_exact = 1.0 if self.gold == 0 else 0.0
        if self.records_p and self.pred_overlap_ok + self.fp_overlap == 0:
            p_over = 1.0 if self.gold == 0 else 0.0
        result.add(f"toponyms.precision{suffix}", p_exact, self.records_p)
        result.add(f"toponyms.recall{suffix}", r_exact, self.records_r)
        result.add(f"toponyms.f1{suffix}", m.f1(p_exact, r_exact), self.records_p)
        result.add(f"toponyms.overlap_precision{suffix}", p_over, self.records_p)
        result.add(f"toponyms.overlap_recall{suffix}", r_over, self.records_r)
        result.add(f"toponyms.overlap_f1{suffix}", m.f1(p_over, r_over), self.records_p)


def _overlaps(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def _toponyms(
    result: FileResult, records: list[Record], predicted: list[Any], given: list[Any] | None = None
) -> None:
    total = _SpanCounts()
    by_lang: dict[str, _SpanCounts] = {}
    matched_km: list[float | None] = []
    matched_records = 0
    all_km: list[float | None] = []
    baseline_km: list[float | None] = []
    given_km: list[float | None] = []
    all_records = 0
    for n, (record, preds) in enumerate(zip(records, predicted, strict=True)):
        gold = record["gold"].get("toponyms")
        if gold is None or preds is None:
            continue
        answers = given[n] if given is not None and given[n] is not None else None
        meta = record.get("meta") or {}
        optional = meta.get("optional_toponyms") or []
        partial = bool(meta.get("partial_annotation"))
        lang = record.get("lang") or "?"
        counts = [total, by_lang.setdefault(lang, _SpanCounts())]
        gold_keys = {(g["start"], g["end"]): g for g in gold}
        unique_preds = list({(p["start"], p["end"]): p for p in preds}.values())
        tp = fp = ok_over = fp_over = ignored = 0
        for p in unique_preds:
            exact = (p["start"], p["end"]) in gold_keys
            over = exact or any(_overlaps(p, g) for g in gold)
            optional_hit = any(_overlaps(p, o) for o in optional)
            if exact:
                tp += 1
            elif optional_hit:
                ignored += 1
            else:
                fp += 1
                if not partial:
                    result.miss(record, "toponyms.spurious", None, _span(p), p["text"])
            if over:
                ok_over += 1
            elif not optional_hit:
                fp_over += 1
        overlapped = sum(any(_overlaps(p, g) for p in unique_preds) for g in gold)
        pred_keys = {(p["start"], p["end"]): p for p in unique_preds}
        rec_matched = rec_all = 0
        for k, g in enumerate(gold):
            exact_p = pred_keys.get((g["start"], g["end"]))
            if exact_p is None:
                near = next((p for p in unique_preds if _overlaps(p, g)), None)
                result.miss(record, "toponyms.missed", _span(g), _span(near) if near else None, g["name"])
            if not isinstance(g.get("lat"), int | float) or not isinstance(g.get("lon"), int | float):
                continue
            answer = exact_p or next(
                (p for p in unique_preds if _overlaps(p, g) and p["lat"] is not None), None
            )
            km_all = _km(answer, g)
            all_km.append(km_all)
            naive = largest_population(g["name"])
            baseline_km.append(None if naive is None else km_between(naive, (g["lat"], g["lon"])))
            if answers is not None:
                point = answers[k]
                given_km.append(None if point is None else km_between(point, (g["lat"], g["lon"])))
            rec_all += 1
            if exact_p is not None:
                km = _km(exact_p, g)
                matched_km.append(km)
                rec_matched += 1
                if km is None or km > 161:
                    result.miss(
                        record,
                        "toponyms.location",
                        {"name": g["name"], "lat": g["lat"], "lon": g["lon"]},
                        {"place": exact_p["place"], "lat": exact_p["lat"], "lon": exact_p["lon"],
                         "km": None if km is None else round(km, 1)},
                        g["name"],
                    )  # fmt: skip
        matched_records += rec_matched > 0
        all_records += rec_all > 0
        for c in counts:
            c.records_r += 1
            c.records_p += not partial
            c.gold += len(gold)
            c.tp_exact += tp
            c.gold_overlapped += overlapped
            c.ignored += ignored
            c.predicted += len(unique_preds)
            if not partial:
                c.tp_exact_p += tp
                c.fp_exact += fp
                c.pred_overlap_ok += ok_over
                c.fp_overlap += fp_over
    total.add_to(result)
    if len(by_lang) > 1:
        for lang, c in sorted(by_lang.items()):
            c.add_to(result, f"_{lang}")
    result.add("toponyms.acc161", m.acc_at_km(matched_km, 161), matched_records)
    result.add("toponyms.median_km", m.median(matched_km), matched_records)
    result.add("toponyms.acc161_all", m.acc_at_km(all_km, 161), all_records)
    result.add("toponyms.baseline_acc161", m.acc_at_km(baseline_km, 161), all_records)
    result.add("toponyms.baseline_median_km", m.median(baseline_km), all_records)
    if given is not None:
        result.add("toponyms.gold_spans_acc161", m.acc_at_km(given_km, 161), all_records)
        result.add("toponyms.gold_spans_median_km", m.median(given_km), all_records)
    result.counts.update(
        {
            "toponyms.gold_spans": total.gold,
            "toponyms.predicted_spans": total.predicted,
            "toponyms.exact_matches": total.tp_exact,
            "toponyms.ignored_optional": total.ignored,
            "toponyms.matched_with_coords": len(matched_km),
            "toponyms.gold_with_coords": len(all_km),
        }
    )


def _span(p: dict[str, Any]) -> dict[str, Any]:
    return {"start": p["start"], "end": p["end"], "name": p.get("name", p.get("text"))}


def _km(pred: dict[str, Any] | None, gold: dict[str, Any]) -> float | None:
    if pred is None or pred.get("lat") is None or pred.get("lon") is None:
        return None
    return km_between((pred["lat"], pred["lon"]), (gold["lat"], gold["lon"]))


# -- incidents --------------------------------------------------------------------------------------


def _clustering(result: FileResult, gold: list[str], pred: list[str], suffix: str, prefix: str = "") -> None:
    n = len(gold)
    scores = m.bcubed(gold, pred)
    if scores is not None:
        for name, value in zip(("bcubed_precision", "bcubed_recall", "bcubed_f1"), scores, strict=True):
            result.add(f"incident.{prefix}{name}{suffix}", value, n)
    scores = m.pairwise(gold, pred)
    if scores is not None:
        for name, value in zip(("pairwise_precision", "pairwise_recall", "pairwise_f1"), scores, strict=True):
            result.add(f"incident.{prefix}{name}{suffix}", value, n)
    result.add(f"incident.{prefix}ari{suffix}", m.adjusted_rand_index(gold, pred), n)


def _incidents(result: FileResult, records: list[Record], clusters: list[str]) -> None:
    rows = [(r, c) for r, c in zip(records, clusters, strict=True) if r["gold"].get("incident") is not None]
    if not rows:
        return
    gold = [str(r["gold"]["incident"]) for r, _ in rows]
    pred = [c for _, c in rows]
    # The TF-IDF single-link baseline (`incident_baseline`) on the same records, beside sitrep's.
    baseline = tfidf_single_link([r["text"] for r, _ in rows])
    violent = [i for i, (r, _) in enumerate(rows) if (r.get("meta") or {}).get("violent_topic")]
    topics = [(r.get("meta") or {}).get("topic") for r, _ in rows]
    for prefix, labels in (("", pred), ("baseline_", baseline)):
        _clustering(result, gold, labels, "", prefix)
        if violent:
            _clustering(result, [gold[i] for i in violent], [labels[i] for i in violent], "_violent", prefix)
        if any(t is not None for t in topics):
            per_topic = m.group_by(topics, gold, labels)
            b, p_, a = [], [], []
            for g_part, p_part in per_topic.values():
                b.append(m.bcubed(g_part, p_part)[2])  # type: ignore[index]
                p_.append(m.pairwise(g_part, p_part)[2])  # type: ignore[index]
                a.append(m.adjusted_rand_index(g_part, p_part))
            n = len(rows)
            result.add(f"incident.{prefix}bcubed_f1_per_topic", sum(b) / len(b), n)
            result.add(f"incident.{prefix}pairwise_f1_per_topic", sum(p_) / len(p_), n)
            result.add(f"incident.{prefix}ari_per_topic", sum(a) / len(a), n)  # type: ignore[arg-type]
    result.counts.update(
        {"incident.gold_clusters": len(set(gold)), "incident.predicted_clusters": len(set(pred))}
    )
    # A record whose predicted cluster mixes gold incidents, or that is split from its gold cluster.
    size_gold = Counter(gold)
    together = Counter(zip(gold, pred, strict=True))
    size_pred = Counter(pred)
    for (r, c), g in zip(rows, gold, strict=True):
        if together[(g, c)] != size_gold[g] or together[(g, c)] != size_pred[c]:
            result.miss(r, "incident", g, c, None)
