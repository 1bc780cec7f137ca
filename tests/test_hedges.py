"""Hedged claims keep their figures but lose confidence. Sentences written for these tests."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from sitrep.extract.hedges import hedge_in, refers_back
from sitrep.models import Report
from sitrep.pipeline import Pipeline


@pytest.mark.parametrize(
    ("sentence", "hedge"),
    [
        ("The toll could not be independently verified.", "could not be independently verified"),
        ("Reuters was unable to confirm the report.", "was unable to confirm"),
        ("Two guards were reportedly wounded.", "reportedly"),
        ("Unconfirmed reports speak of a dozen dead.", "Unconfirmed"),
        ("Police confirmed that two guards were wounded.", None),
    ],
)
def test_hedge_words(sentence: str, hedge: str | None) -> None:
    assert hedge_in(sentence) == hedge


def test_only_checking_caveats_refer_back() -> None:
    assert refers_back("This has not been verified.")
    assert not refers_back("Two guards were reportedly wounded.")


def test_a_caveat_lowers_the_claims_it_refers_to(tmp_path: Path) -> None:
    pipeline = Pipeline(tmp_path / "h.db")
    published = datetime(2024, 3, 2, tzinfo=UTC)
    plain = "Shelling killed three civilians in Horlivka on Friday, the city's mayor said."
    [sure] = pipeline.analyse(Report(text=plain, published=published))
    [caveated] = pipeline.analyse(
        Report(text=plain + " The toll could not be independently verified.", published=published)
    )
    assert caveated.killed is not None and caveated.killed.low == 3  # the figure is kept
    assert caveated.confidence < sure.confidence
    # a caveat in the next paragraph is about something else
    [apart] = pipeline.analyse(
        Report(text=plain + "\n\nA separate claim could not be verified.", published=published)
    )
    assert apart.confidence == sure.confidence
