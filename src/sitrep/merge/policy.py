"""How close two reports must be to describe one incident: the knobs of incremental merging.

ACLED's atomicity is the default: one event per type family, day (±1 for night attacks that
straddle midnight) and location. The thresholds are data, not code, so an analyst can loosen or
tighten them per store without a release (`SITREP_MERGE_*` environment variables).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace

from sitrep.errors import SitrepError

ENV_PREFIX = "SITREP_MERGE_"


@dataclass(frozen=True)
class MergePolicy:
    """Thresholds of `merge.cluster.merge_claims` (see docs/ARCHITECTURE.md, *Merging*)."""

    #: Claims this many days apart may still describe one event.
    window_days: int = 1
    #: Two located claims within this distance are at the same place (ACLED's "same location").
    max_km: float = 15.0
    #: Quote similarity (character n-gram cosine, 0-1) that must back a match when the place
    #: evidence is weak: one side only located to its region, or no place on one side.
    min_similarity: float = 0.35
    #: Whether claims located to a region may join an event inside that region on quote similarity.
    same_admin_unit: bool = True
    #: Story grouping of a batch of reports (`merge.stories`): mean pairwise text similarity, less
    #: stated-fact conflicts, at which two groups of reports are one story (average linkage).
    story_similarity: float = 0.15

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> MergePolicy:
        """The default policy, overridden by SITREP_MERGE_WINDOW_DAYS, SITREP_MERGE_MAX_KM, ...."""
        env = os.environ if environ is None else environ
        changes: dict[str, object] = {}
        for f in fields(cls):
            raw = env.get(ENV_PREFIX + f.name.upper())
            if raw is None or raw == "":
                continue
            try:
                if f.type in ("bool", bool):
                    changes[f.name] = raw.strip().lower() in {"1", "true", "yes", "on"}
                elif f.type in ("int", int):
                    changes[f.name] = int(raw)
                else:
                    changes[f.name] = float(raw)
            except ValueError:
                raise SitrepError(f"{ENV_PREFIX}{f.name.upper()}: not a number: {raw!r}") from None
        policy = replace(cls(), **changes)  # type: ignore[arg-type]
        if policy.window_days < 0 or policy.max_km < 0 or not 0 <= policy.min_similarity <= 1:
            raise SitrepError("merge policy: window and distance must be >= 0, similarity in [0, 1]")
        return policy

    def describe(self) -> str:
        """One line for logs and `--help` texts."""
        return (
            f"±{self.window_days} day(s), ≤{self.max_km:g} km, quote similarity ≥{self.min_similarity:g}"
            f"{', same admin unit' if self.same_admin_unit else ''}"
        )
