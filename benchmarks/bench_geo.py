"""Speed and memory of place resolution, against the naive largest-population lookup.

Every gold toponym name of the geoparsing sets in ../shared/eval (or the files given) is resolved
  - baseline: `sitrep.evaluate.baseline.largest_population` (index lookup, most populous entry), and
  - sitrep:   `sitrep.geo.resolve.resolve` (index lookup, kind tiers, prior, confidence, reason),
on one core with the name-match cache emptied first, so every distinct name is looked up cold.
Document-level recognition + resolution (`find_toponyms`, with NER spans computed beforehand and
not timed) is measured on the same documents. The gazetteer's load time and memory are measured
in a fresh process that does nothing else (peak RSS minus the interpreter's own).

    python benchmarks/bench_geo.py [FILES...] [--json]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

EVAL_DIR = Path(__file__).resolve().parents[2] / "shared" / "eval"
GEO_SETS = ("geowebnews_dev.jsonl", "lgl_dev.jsonl", "geovirus_dev.jsonl", "wiktor_dev.jsonl")


def load_documents(files: list[Path]) -> list[dict]:
    docs = []
    for path in files:
        with path.open(encoding="utf-8") as fh:
            docs.extend(json.loads(line) for line in fh)
    return [d for d in docs if d.get("gold", {}).get("toponyms")]


def rss_mb(field: str = "VmHWM") -> float:
    """This process's peak (VmHWM) or current (VmRSS) resident memory. Not ru_maxrss: on Linux a
    child started from a big parent inherits the parent's peak there."""
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def memory_child() -> None:
    """Load the (cached) gazetteer and nothing else; print load time and peak RSS."""
    before = rss_mb("VmRSS")
    t0 = time.perf_counter()
    from sitrep.geo.gazetteer import Gazetteer

    gazetteer = Gazetteer.load()
    seconds = time.perf_counter() - t0
    print(
        json.dumps(
            {"load_s": seconds, "places": len(gazetteer), "rss_before_mb": before, "peak_rss_mb": rss_mb()}
        )
    )


def time_names(names: list[str], resolve_one, gazetteer) -> dict:  # noqa: ANN001 - two callables
    gazetteer._match_cache.clear()
    t0 = time.perf_counter()
    answered = 0
    for name in names:
        answered += resolve_one(name) is not None
    seconds = time.perf_counter() - t0
    return {"names": len(names), "seconds": seconds, "per_s": len(names) / seconds, "answered": answered}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--memory-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_child:
        memory_child()
        return
    files = args.files or [EVAL_DIR / name for name in GEO_SETS if (EVAL_DIR / name).exists()]
    if not files:
        sys.exit(f"no input files (looked in {EVAL_DIR})")

    from sitrep.evaluate.baseline import largest_population
    from sitrep.extract.nlp import parse_many
    from sitrep.geo.gazetteer import get_gazetteer
    from sitrep.geo.recognize import find_toponyms
    from sitrep.geo.resolve import resolve

    gazetteer = get_gazetteer()
    docs = load_documents(files)
    mentions = [t["name"] for d in docs for t in d["gold"]["toponyms"]]
    distinct = list(dict.fromkeys(mentions))

    def sitrep_one(name: str) -> object:
        return resolve(name, gazetteer=gazetteer)[0]

    def baseline_one(name: str) -> object:
        return largest_population(name, gazetteer)

    results = {
        "baseline_distinct": time_names(distinct, baseline_one, gazetteer),
        "sitrep_distinct": time_names(distinct, sitrep_one, gazetteer),
        "sitrep_mentions": time_names(mentions, sitrep_one, gazetteer),
    }
    texts = [d["text"] for d in docs]
    entities = [doc.entities for doc in parse_many(texts)]
    gazetteer._match_cache.clear()
    t0 = time.perf_counter()
    found = sum(
        len(find_toponyms(text, ents, gazetteer=gazetteer))
        for text, ents in zip(texts, entities, strict=True)
    )
    seconds = time.perf_counter() - t0
    results["sitrep_documents"] = {
        "documents": len(texts),
        "toponyms": found,
        "seconds": seconds,
        "documents_per_s": len(texts) / seconds,
        "toponyms_per_s": found / seconds,
    }
    out = subprocess.run(
        [sys.executable, __file__, "--memory-child"], capture_output=True, text=True, check=True
    )
    memory = json.loads(out.stdout.strip().splitlines()[-1])
    results["gazetteer"] = {
        "places": memory["places"],
        "load_s": round(memory["load_s"], 3),
        "memory_mb": round(memory["peak_rss_mb"] - memory["rss_before_mb"]),
        "peak_rss_mb": round(memory["peak_rss_mb"]),
    }
    if args.json:
        print(json.dumps(results, indent=2))
        return
    print(f"{'':22} {'names':>7} {'seconds':>8} {'names/s':>9} {'answered':>9}")
    for key in ("baseline_distinct", "sitrep_distinct", "sitrep_mentions"):
        r = results[key]
        print(f"{key:22} {r['names']:>7} {r['seconds']:>8.2f} {r['per_s']:>9.0f} {r['answered']:>9}")
    d = results["sitrep_documents"]
    print(
        f"find_toponyms: {d['documents']} documents, {d['toponyms']} toponyms in {d['seconds']:.2f} s "
        f"({d['documents_per_s']:.0f} documents/s, {d['toponyms_per_s']:.0f} toponyms/s; NER not timed)"
    )
    gz = results["gazetteer"]
    print(
        f"gazetteer: {gz['places']} places, loads in {gz['load_s']} s, {gz['memory_mb']} MB "
        f"(process peak {gz['peak_rss_mb']} MB)"
    )
    ratio = results["sitrep_distinct"]["per_s"] / results["baseline_distinct"]["per_s"]
    print(f"sitrep / baseline resolution speed: {ratio:.2f}x (baseline = largest-population lookup)")


if __name__ == "__main__":
    main()
