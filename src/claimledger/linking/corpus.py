"""Linking a corpus in one call: wire copies, stories, speakers and claims, in that order.

Wire copies come first because stories join copies to their originals; speakers come after stories
because a bare surname is resolved within its story.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from claimledger.linking.claims import ClaimCluster, link_claims
from claimledger.linking.ids import document_order
from claimledger.linking.speakers import SpeakerLinks, link_speakers
from claimledger.linking.stories import Story, link_stories
from claimledger.linking.wirecopy import mark_near_duplicates
from claimledger.model import Document
from claimledger.stance.similarity import Embedder


@dataclass
class CorpusLinks:
    """Everything linking found across ``documents`` (earliest first)."""

    documents: list[Document]
    copies: dict[str, str]  # copy id -> original id
    stories: list[Story]
    claims: list[ClaimCluster]
    speakers: SpeakerLinks
    _story_of: dict[str, Story] = field(init=False, repr=False)
    _claim_of: dict[str, ClaimCluster] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._story_of = {doc: story for story in self.stories for doc in story.documents}
        self._claim_of = {member.key: cluster for cluster in self.claims for member in cluster.members}

    def story_of(self, document_id: str) -> Story:
        """The story holding a document."""
        return self._story_of[document_id]

    def claim_of(self, member_key: str) -> ClaimCluster | None:
        """The claim cluster of ``"<document id>#c1"`` (a claim) or ``"…#s4"`` (a statement's content)."""
        return self._claim_of.get(member_key)

    def central_claim(self, document: Document) -> ClaimCluster | None:
        """The claim cluster of a document's central claim, ``None`` when it has none."""
        central = next((claim for claim in document.claims if claim.central), None)
        return self.claim_of(f"{document.id}#{central.id}") if central else None

    def original_of(self, document_id: str) -> str:
        """The document a wire copy was copied from, or the document itself."""
        return self.copies.get(document_id, document_id)


def link_corpus(documents: Iterable[Document], encoder: Embedder | None = None) -> CorpusLinks:
    """Link ``documents`` (their ``duplicate_of`` is set on the way); with ``encoder``, claims are
    compared by meaning as well as by words (:func:`~claimledger.linking.claims.link_claims`)."""
    ordered = sorted(documents, key=document_order)
    copies = mark_near_duplicates(ordered)
    stories = link_stories(ordered, copies)
    story_of = {doc: story.id for story in stories for doc in story.documents}
    claims = link_claims(ordered, story_of=story_of, encoder=encoder)
    return CorpusLinks(ordered, copies, stories, claims, link_speakers(ordered, story_of))
