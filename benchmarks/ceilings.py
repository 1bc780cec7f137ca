"""What the texts of the extraction sets allow at most, whatever the rules: the ceilings behind the
"out of reach" targets in docs/ACCURACY.md.

- Location: for every record, is ANY gazetteer entry that answers to ANY capitalised run of one to
  three words of the text within 25 / 161 km of the gold point? (PITF: all records; UCDP: the
  records coded at precision 1-2, the `location.acc25_precise` slice.) A resolver can only pick
  among these entries, so no rule on this gazetteer can beat the share.
- Date (PITF): the share of records whose text has no date word at all (no weekday, month,
  "today", "yesterday", "last night", "overnight"), and of those whose gold day and month are
  written out.

This reads gold labels, which the pipeline never does: it measures the data, not sitrep.

    python benchmarks/ceilings.py [--eval-dir ../shared/eval]
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import json
import re
from pathlib import Path

from sitrep.geo.distance import km_between
from sitrep.geo.gazetteer import Gazetteer, get_gazetteer

EVAL_DIR = Path(__file__).resolve().parents[2] / "shared" / "eval"
_CAPITALISED = re.compile(r"[A-ZА-ЯІЇЄҐ][\w'’-]+")
_MONTHS = [name.lower() for name in calendar.month_name[1:]]
_DATE_WORD = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|last night|"
    rf"overnight|{'|'.join(_MONTHS)})\b"
)


def _records(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _runs(text: str) -> set[str]:
    """Every run of one to three capitalised words."""
    words = [(m.start(), m.end()) for m in _CAPITALISED.finditer(text)]
    return {
        text[words[i][0] : words[j][1]] for i in range(len(words)) for j in range(i, min(i + 3, len(words)))
    }


def location_ceiling(records: list[dict], g: Gazetteer) -> dict[str, float | int]:
    """Share of records with a gazetteer entry named in the text within 25 and 161 km of the gold."""
    n = within_25 = within_161 = 0
    for r in records:
        loc = r["gold"].get("location") or {}
        if not isinstance(loc.get("lat"), int | float) or not isinstance(loc.get("lon"), int | float):
            continue
        n += 1
        gold = (loc["lat"], loc["lon"])
        best = min(
            (
                km_between((float(g.lat[i]), float(g.lon[i])), gold)
                for name in _runs(r["text"])
                for i, _q in g.match(name).cands
            ),
            default=float("inf"),
        )
        within_25 += best <= 25
        within_161 += best <= 161
    return {
        "n": n,
        "within_25": round(within_25 / max(n, 1), 3),
        "within_161": round(within_161 / max(n, 1), 3),
    }


def date_cues(records: list[dict]) -> dict[str, float | int]:
    """Share of records with no date word, and with the gold day and month written out."""
    n = no_word = written = 0
    for r in records:
        gold = r["gold"].get("date")
        if not gold:
            continue
        n += 1
        text = r["text"].lower()
        day = dt.date.fromisoformat(gold[:10])
        month = _MONTHS[day.month - 1]
        no_word += _DATE_WORD.search(text) is None
        written += bool(
            re.search(rf"\b{day.day}(?:st|nd|rd|th)?\s+{month}\b|\b{month[:3]}\w*\.?\s+{day.day}\b", text)
        )
    return {
        "n": n,
        "no_date_word": round(no_word / max(n, 1), 3),
        "day_month_written": round(written / max(n, 1), 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=EVAL_DIR)
    args = parser.parse_args()
    g = get_gazetteer()
    pitf = _records(args.eval_dir / "pitf_wad_dev.jsonl")
    ucdp = [
        r
        for r in _records(args.eval_dir / "ucdp_ukraine_dev.jsonl")
        if (r.get("meta") or {}).get("where_prec_le_2")
    ]
    out = {
        "pitf_location": location_ceiling(pitf, g),
        "ucdp_location_precise": location_ceiling(ucdp, g),
        "pitf_date": date_cues(pitf),
    }
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
