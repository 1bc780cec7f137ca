"""`sitrep eval`: score the pipeline on gold JSON Lines files (the ../shared/eval format).

    gold.py        read and check gold files; a record's input side as a `Report`
    runner.py      run the pipeline over the records on several processes, with progress
    main_event.py  the main incident of a report (`main_incident`) and its record-level prediction
    names.py       actor and claimant name normalisation and mapping
    metrics.py     accuracy, F1, acc@k, median, B-cubed, pairwise, adjusted Rand
    score.py       field-by-field comparison following the README's "How to score"
    render.py      the human-readable tables

The pipeline only ever sees a record's text, source, publication day and language; gold labels are
read by the scorer alone.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from sitrep.evaluate.main_event import main_incident

if TYPE_CHECKING:
    from sitrep.evaluate.score import FileResult

__all__ = ["evaluate", "main_incident"]


def evaluate(
    paths: list[str],
    *,
    limit: int | None = None,
    sample: int | None = None,
    seed: int = 0,
    jobs: int = 2,
    errors_path: str | None = None,
    progress: bool = True,
) -> list[FileResult]:
    """Score the pipeline on each gold file; optionally write every miss to `errors_path` (JSONL).

    All files are read and checked before any model loads, so bad input fails fast with a
    `SitrepError`.
    """
    from sitrep.errors import SitrepError
    from sitrep.evaluate.gold import load_gold, needs, select
    from sitrep.evaluate.runner import run
    from sitrep.evaluate.score import score_file

    if limit is not None and limit < 1:
        raise SitrepError("--limit must be at least 1")
    if sample is not None and sample < 1:
        raise SitrepError("--sample must be at least 1")
    if jobs < 1:
        raise SitrepError("--jobs must be at least 1")
    files = [select(load_gold(p), limit=limit, sample=sample, seed=seed) for p in paths]
    wanted = [needs(records) for records in files]
    errors_file = None
    if errors_path:
        try:
            errors_file = Path(errors_path).open("w", encoding="utf-8")  # noqa: SIM115
        except OSError as exc:
            raise SitrepError(f"--errors {errors_path}: cannot write ({exc.strerror})") from exc
    try:
        outputs = run(files, wanted, jobs=jobs, progress=progress)
        results = [
            score_file(Path(p).name, records, out)
            for p, records, out in zip(paths, files, outputs, strict=True)
        ]
        if errors_file is not None:
            for result in results:
                for miss in result.errors:
                    errors_file.write(json.dumps(miss, ensure_ascii=False, default=_jsonable) + "\n")
    finally:
        if errors_file is not None:
            errors_file.close()
    return results


def _jsonable(value: object) -> object:
    return round(value, 1) if isinstance(value, float) else str(value)
