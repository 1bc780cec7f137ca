"""ACLED-style coder notes (written for this project, one or more per sub-event type) through
`sitrep eval`: the extraction targets for coder notes are sub-event accuracy >= 0.92, exact
fatalities >= 0.98 and location within 25 km >= 0.90."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from sitrep.taxonomy import ACLED_TYPES

NOTES = Path(__file__).parent / "data" / "acled_style_notes.jsonl"

pytestmark = pytest.mark.slow


def test_the_notes_cover_every_sub_event_type() -> None:
    covered = {json.loads(line)["gold"]["sub_event_type"] for line in NOTES.open()}
    assert covered == {sub for subs in ACLED_TYPES.values() for sub in subs}


def test_coder_notes_meet_the_targets() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "sitrep", "eval", str(NOTES), "--json", "--quiet", "--jobs", "1"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    metrics = json.loads(done.stdout.splitlines()[0])["metrics"]
    assert metrics["sub_event_type.accuracy"] >= 0.92
    assert metrics["fatalities.exact"] >= 0.98
    assert metrics["location.acc25"] >= 0.90
