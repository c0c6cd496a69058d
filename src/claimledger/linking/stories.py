"""Stories: the documents about one event, across outlets.

Two documents belong to one story when their texts are similar enough (TF-IDF cosine over stemmed
words of headline and body, at least :data:`STORY_THRESHOLD`) and they were published within
:data:`STORY_WINDOW_DAYS` of each other (undated documents are not held to the window). Wire copies
always join their original's story. Stories are the connected groups, so a story that runs for
weeks stays one as long as each article is close to another; candidates come from blocking on rare
terms, as for claims.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from claimledger.linking.clusters import Groups, group_members
from claimledger.linking.ids import document_order, stable_id
from claimledger.linking.vectors import DEFAULT_MAX_DF, candidate_pairs, text_vectors
from claimledger.model import Document

STORY_THRESHOLD = 0.2
STORY_WINDOW_DAYS = 14


@dataclass(frozen=True)
class Story:
    """A story: its id (from its earliest document) and its documents, earliest first."""

    id: str
    documents: tuple[str, ...]


def link_stories(
    documents: Sequence[Document], copies: Mapping[str, str] | None = None,
    threshold: float = STORY_THRESHOLD, max_df: int = DEFAULT_MAX_DF,
) -> list[Story]:
    """Group ``documents`` into stories; ``copies`` (copy id -> original id) joins wire copies to theirs."""
    ordered = sorted(documents, key=document_order)
    index_of = {document.id: index for index, document in enumerate(ordered)}
    dates = [published_date(document) for document in ordered]
    groups = Groups(len(ordered))
    for copy, original in (copies or {}).items():
        if copy in index_of and original in index_of:
            groups.union(index_of[copy], index_of[original])
    pairs = candidate_pairs(text_vectors([document.text for document in ordered]), max_df).above(threshold)
    for i, j, _ in pairs.by_score():
        if within_window(dates[i], dates[j]):
            groups.union(i, j)
    return [
        Story(stable_id("st", ordered[members[0]].id), tuple(ordered[m].id for m in members))
        for members in group_members(groups.labels())
    ]


def published_date(document: Document) -> date | None:
    """The publication day (the date part of an ISO date or timestamp), ``None`` when absent or unreadable."""
    try:
        return date.fromisoformat((document.published or "")[:10])
    except ValueError:
        return None


def within_window(a: date | None, b: date | None, days: int = STORY_WINDOW_DAYS) -> bool:
    """Whether two publication days are at most ``days`` apart (an unknown day is never too far)."""
    return a is None or b is None or abs((a - b).days) <= days
