"""Stories: reports grouped by the incident they are about, whether or not it is a conflict event.

Most news has no ACLED event (a celebrity's rehab, an earthquake, a product launch): such reports
yield no claims and would each stand alone. A story groups them by text alone, incrementally: a
new report is compared with the centroid of every story so far (TF-IDF of content words and,
separately, of names; document frequencies grow with every report) and joins the most similar
one above `MergePolicy.story_similarity`, else founds its own. Names count half: two incidents of
one kind share their vocabulary ("shooting", "heavyweight title") but rarely their people and
places. Conflicting stated facts count against a story: each kind of fact (year, month-day,
weekday, decimal figure) that the report and the story both state without a value in common
subtracts `CONFLICT_WEIGHT` (magnitude 4.4 on Sunday is not magnitude 4.6 on Thursday).

The evaluation uses stories to cluster reports without an event; the store does not keep them yet.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from sitrep.merge.policy import MergePolicy
from sitrep.merge.similarity import (
    Vector,
    _Space,
    cosine,
    fact_conflicts,
    normalise,
    salient_terms,
    stated_facts,
)

#: Weight of the names' similarity beside the content words'.
NAME_WEIGHT = 0.5
#: Penalty per kind of stated fact on which a report and a story disagree (`fact_conflicts`).
CONFLICT_WEIGHT = 0.1


@dataclass
class _Story:
    id: str
    content: Counter[str] = field(default_factory=Counter)  # sum of member vectors
    names: Counter[str] = field(default_factory=Counter)
    content_centroid: Vector = field(default_factory=dict)
    names_centroid: Vector = field(default_factory=dict)
    facts: dict[str, set[str]] = field(default_factory=dict)  # union of the members' stated facts
    members: list[str] = field(default_factory=list)


class StoryIndex:
    """Incremental story grouping of reports (no global recompute)."""

    def __init__(
        self,
        threshold: float = MergePolicy.story_similarity,
        name_weight: float = NAME_WEIGHT,
        conflict_weight: float = CONFLICT_WEIGHT,
    ) -> None:
        self.threshold = threshold
        self.name_weight = name_weight
        self.conflict_weight = conflict_weight
        self._content = _Space()
        self._names = _Space()
        self.stories: list[_Story] = []

    def add(self, report_id: str, text: str) -> tuple[str, float]:
        """Assign a report to a story; returns the story id and the similarity that decided it
        (0.0 for a new story)."""
        content, names = salient_terms(text)
        self._content.add(content)
        self._names.add(names)
        vc, vn = self._content.vector(content), self._names.vector(names)
        facts = stated_facts(text)
        best, score = None, 0.0
        for story in self.stories:
            s = (1 - self.name_weight) * cosine(vc, story.content_centroid) + self.name_weight * cosine(
                vn, story.names_centroid
            )
            s -= self.conflict_weight * fact_conflicts(facts, story.facts)
            if s > score:
                best, score = story, s
        if best is None or score < self.threshold:
            best, score = _Story(id=f"story:{report_id}"), 0.0
            self.stories.append(best)
        best.members.append(report_id)
        best.content.update(vc)
        best.names.update(vn)
        best.content_centroid = normalise(dict(best.content))
        best.names_centroid = normalise(dict(best.names))
        for kind, values in facts.items():
            best.facts.setdefault(kind, set()).update(values)
        return best.id, score
