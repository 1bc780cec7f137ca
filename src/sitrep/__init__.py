"""sitrep: turn conflict reporting into a sourced, geolocated event log."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from sitrep.pipeline import Pipeline

__all__ = ["Pipeline", "__version__"]


def __getattr__(name: str) -> Any:
    # Lazy import keeps `import sitrep` (and `sitrep --help`) fast: the pipeline pulls in spaCy.
    if name == "Pipeline":
        from sitrep.pipeline import Pipeline

        return Pipeline
    raise AttributeError(name)
