"""Fixtures shared by the test modules."""

from __future__ import annotations

import pytest

from sitrep.pipeline import Pipeline


@pytest.fixture(scope="session")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    """One pipeline for the rule tests that only analyse text: analyse() opens no store, and
    loading the language model once is enough."""
    return Pipeline(tmp_path_factory.mktemp("analyse") / "never.db")
