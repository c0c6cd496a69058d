"""Reading the stored ledger (``claimledger.ledger/1`` story objects) for the API and the pages.

Summaries are computed from a story object alone. The story and claim pages also show what each
voice said: a voice's ``"<doc id>#<statement id>"`` references are resolved to the stored
statement rows (:meth:`claimledger.store.Store.statements_at`), not to whole documents.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from claimledger.store import Store, StoredStatement
from claimledger import views

SIDES = (("supporters", "support"), ("deniers", "deny"), ("neutral", "neutral"))


def focus_claim(story: Mapping[str, Any]) -> dict[str, Any] | None:
    """The claim a story is about: the central claim of its first article, whose headline is the
    story's title (so the two read together in a list), else its first central claim, else its first
    claim (the linker lists central ones first, then by independent sources)."""
    claims = story.get("claims") or []
    documents = story.get("documents") or []
    first = documents[0]["id"] if documents else None
    central = [c for c in claims if c.get("central")]
    fallback = (central or claims or [None])[0]
    return next((c for c in central if first in c.get("stated_in", [])), fallback)


def stance_counts(claim: Mapping[str, Any] | None) -> dict[str, int]:
    """Statements supporting, denying and neutral toward a claim (zeros when there is no claim)."""
    claim = claim or {}
    return {stance: sum(len(voice["statements"]) for voice in claim.get(side, [])) for side, stance in SIDES}


def story_summary(story: Mapping[str, Any]) -> dict[str, Any]:
    """A story in a list (:class:`~claimledger.web.schemas.StorySummary`): the ``stories`` command's
    summary with the story's focus claim and its stance counts."""
    claim = focus_claim(story)
    return {**views.story_summary(story), "central_claim": claim["text"] if claim else None,
            "stance": stance_counts(claim)}


def claim_summary(story: Mapping[str, Any], claim: Mapping[str, Any]) -> dict[str, Any]:
    """A claim in a list (:class:`~claimledger.web.schemas.ClaimSummary`)."""
    return {
        "id": claim["id"], "story": story["id"], "text": claim["text"], "central": claim["central"],
        "independent_sources": claim["independent_sources"], "stance": stance_counts(claim),
        "disagreements": len(claim.get("disagreements") or []),
    }


def story_claims(stories: Iterable[Mapping[str, Any]]) -> Iterator[tuple[Mapping[str, Any], dict[str, Any]]]:
    """Every (story, claim) pair, story by story."""
    for story in stories:
        for claim in story.get("claims") or []:
            yield story, claim


def find_claim(stories: Iterable[Mapping[str, Any]], claim_id: str) -> tuple[Mapping[str, Any], dict[str, Any]] | None:
    """The first story holding a claim, with the claim; None when no story does."""
    return next(((s, c) for s, c in story_claims(stories) if c["id"] == claim_id), None)


@dataclass(frozen=True)
class VoiceLine:
    """One statement of a voice on a claim: who, on which side, in which outlet, with what words."""

    side: str
    name: str
    document_id: str
    statement_id: str
    statement: StoredStatement | None  # None when the document has left the store since the last linking


def voice_lines(claim: Mapping[str, Any], rows: Mapping[tuple[str, str], StoredStatement]) -> list[VoiceLine]:
    """Every statement of every voice on a claim, supporters first, then deniers, then neutral voices."""
    lines = []
    for side, stance in SIDES:
        for voice in claim.get(side, []):
            for ref in voice["statements"]:
                document_id, _, statement_id = ref.rpartition("#")
                key = (document_id, statement_id)
                lines.append(VoiceLine(stance, voice["name"], document_id, statement_id, rows.get(key)))
    return lines


def statement_refs(claims: Iterable[Mapping[str, Any]]) -> set[tuple[str, str]]:
    """Every ``(document id, statement id)`` the voices of ``claims`` refer to."""
    return {
        tuple(ref.rpartition("#")[::2])
        for claim in claims for side, _ in SIDES for voice in claim.get(side, []) for ref in voice["statements"]
    }


def resolved_voices(store: Store, claims: list[Mapping[str, Any]]) -> dict[str, list[VoiceLine]]:
    """Each claim's voice lines by claim id, every referenced statement fetched in one query."""
    rows = store.statements_at(statement_refs(claims))
    return {claim["id"]: voice_lines(claim, rows) for claim in claims}
