"""Claims across documents: the same proposition, whichever outlet stated or attributed it.

Members are each document's claims (central and check-worthy) and each statement's content. Each is
compared in its context — a central claim with the headline it was taken from, since "Iraq says"
or "Lebanon holds" names what the claim is about — by the cosine of TF-IDF vectors (stemmed words
and in-word character n-grams, IDF over the corpus). Clusters grow by average linkage while the mean
similarity between two clusters reaches :data:`CLAIM_THRESHOLD` (single linkage chains unrelated
claims through one shared word), and never across a pair where:

- one of them is **negated** and the other not, and they are otherwise close (similarity at least
  :data:`CONTRADICTION_SIMILARITY`: "police detained protesters" / "police did not detain
  protesters"; a negation in a loose paraphrase, "hasn't aged a bit" / "looks new", is no
  contradiction);
- they carry **figures that disagree** for the same unit and event (PRODUCT.md's interval rule:
  "more than 100 people detained" / "about 60 people detained").

Such pairs become cannot-links, so no chain of paraphrases merges them either. Both are kept as
relations between the two claims: ``conflicts`` (figures: each claim reports the other's figures as
a disagreement) and ``contradicts`` (negation). A claim with the claims that contradict it is the
question at stake, its *family* (:func:`claim_families`): "the woman is al-Baghdadi's wife" and
"the woman is not his wife" are two claims of one family, as Emergent groups headlines for and
against one claim.
Candidates come from blocking on rare terms (:mod:`claimledger.linking.vectors`), so linking stays
sub-quadratic. Given the MiniLM encoder (:mod:`claimledger.stance.similarity`; ``predict clusters
--accurate``), a pair's score is the mean of its TF-IDF cosine and the cosine of the two contexts'
sentence embeddings, which relate paraphrases that share few words. A store linked by meaning
(``ingest --linking meaning``) keeps the embeddings, so that a relink computes only the new ones
(:mod:`claimledger.linking.stored`). The threshold and the features were chosen
on Emergent's headline groups (``claimledger eval clusters``, which scores families): without the headline context
B-cubed F1 drops by about 0.05, without character n-grams by about 0.01, with single linkage by about
0.07; with the sentence embeddings it rises from 0.866 (TF-IDF alone, threshold 0.16) to 0.885
(weights 0.5 / 0.5 at threshold 0.30; 0.7 / 0.3 at 0.25 gave 0.885, 0.6 / 0.4 at 0.27 gave 0.881,
0.5 / 0.5 at 0.25 and 0.40 gave 0.873 and 0.863).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from claimledger.linking.clusters import Groups, average_linkage, group_members
from claimledger.linking.ids import document_order, stable_id
from claimledger.linking.vectors import DEFAULT_MAX_DF, Candidates, candidate_pairs, text_vectors
from claimledger.model import Claim, Document, Quantity
from claimledger.quantities import intervals_disagree
from claimledger.stance.similarity import Embedder
from claimledger.stance.statements import negates
from claimledger.stance.text import stemmed_tokens

CLAIM_THRESHOLD = 0.16
MEANING_THRESHOLD = 0.30  # CLAIM_THRESHOLD for scores that read the sentence embeddings too
EMBEDDING_WEIGHT = 0.5  # of the embeddings' cosine in a pair's score, beside the TF-IDF cosine
CONTRADICTION_SIMILARITY = 0.5  # a negation splits only close wordings: "X" and "not X"
# Pairs less similar than this add too little to a cluster average to be worth keeping (memory at scale).
MIN_PAIR_SIMILARITY = 0.05
MIN_CONTENT_WORDS = 2  # a shorter content ("the allegations", "Nor") states no proposition


@dataclass(frozen=True)
class ClaimMember:
    """One document's wording of a claim: a claim (``ref`` "c2") or a statement's content ("s4").

    ``context`` is what similarity is computed on: the headline of a central claim taken from it, the
    sentence of a statement (it names the speaker and the topic), else the claim's own text.
    """

    document: str
    ref: str
    text: str
    context: str
    start: int
    end: int
    central: bool
    quantities: tuple[Quantity, ...]

    @property
    def key(self) -> str:
        """``"<document id>#<ref>"``, the ledger's reference format."""
        return f"{self.document}#{self.ref}"


@dataclass
class ClaimCluster:
    """Members stating one proposition, earliest first.

    ``conflicts``: ids of claims whose figures disagree with this one's; ``contradicts``: ids of
    claims that negate it.
    """

    id: str
    members: list[ClaimMember]
    conflicts: list[str] = field(default_factory=list)
    contradicts: list[str] = field(default_factory=list)

    @property
    def central(self) -> bool:
        """Whether any document made it its central claim."""
        return any(member.central for member in self.members)


def claim_members(document: Document) -> list[ClaimMember]:
    """A document's claims, then its statements' contents (those long enough to state something)."""
    quantities = {quantity.id: quantity for quantity in document.quantities}
    members = [
        ClaimMember(document.id, claim.id, claim.normalized or claim.text, _context(document, claim), claim.start,
                    claim.end, claim.central, tuple(quantities[q] for q in claim.quantities if q in quantities))
        for claim in document.claims
    ]
    for statement in document.statements:
        content = statement.content
        if content is not None and len(stemmed_tokens(content.text)) >= MIN_CONTENT_WORDS:
            inside = tuple(q for q in document.quantities if content.start <= q.start and q.end <= content.end)
            members.append(
                ClaimMember(document.id, statement.id, content.text, statement.sentence.text.strip(), content.start,
                            content.end, False, inside)
            )
    return members


def _context(document: Document, claim: Claim) -> str:
    """The headline for a central claim cut from it, else the claim's own text."""
    if claim.central and document.title and document.in_headline(claim.start, claim.end):
        return document.title
    return claim.text


def link_claims(
    documents: Sequence[Document], max_df: int = DEFAULT_MAX_DF, story_of: Mapping[str, str] | None = None,
    encoder: Embedder | None = None,
) -> list[ClaimCluster]:
    """Cluster the claims and statement contents of ``documents`` by proposition (see the module doc),
    reading their meaning too with ``encoder``.

    With ``story_of`` (document id -> story id), only claims of one story are compared: two stories
    share words ("an internal review", "jobs") far more often than propositions.
    """
    members = [member for document in sorted(documents, key=document_order) for member in claim_members(document)]
    scopes = [story_of[member.document] for member in members] if story_of is not None else None
    threshold = CLAIM_THRESHOLD if encoder is None else MEANING_THRESHOLD
    return cluster_members(members, threshold, max_df, scopes, encoder)


def cluster_members(
    members: Sequence[ClaimMember], threshold: float, max_df: int = DEFAULT_MAX_DF,
    scopes: Sequence[str] | None = None, encoder: Embedder | None = None,
) -> list[ClaimCluster]:
    """Clusters of ``members`` (given earliest first); each cluster's id comes from its first member.
    With ``scopes`` (one per member), members of different scopes are never compared."""
    contexts = [member.context for member in members]
    candidates = candidate_pairs(text_vectors(contexts, characters=True), max_df, scopes)
    if encoder is not None:
        candidates = with_embeddings(candidates, contexts, encoder)
    pairs = candidates.above(MIN_PAIR_SIMILARITY).by_score()
    groups = Groups(len(members))
    relations: dict[str, list[tuple[int, int]]] = {"conflicts": [], "contradicts": []}
    for i, j, score in pairs:
        if score < threshold:
            continue  # too far apart to be taken for one claim: no need to keep them apart
        if score >= CONTRADICTION_SIMILARITY and negates(members[i].text, members[j].text):
            groups.keep_apart(i, j)
            relations["contradicts"].append((i, j))
        elif figures_disagree(members[i].quantities, members[j].quantities):
            groups.keep_apart(i, j)
            relations["conflicts"].append((i, j))
    return _clusters(members, average_linkage(groups, pairs, threshold), relations)


def with_embeddings(candidates: Candidates, texts: Sequence[str], encoder: Embedder) -> Candidates:
    """The candidate pairs scored by the mean (:data:`EMBEDDING_WEIGHT`) of their TF-IDF cosine and the
    cosine of the texts' sentence embeddings (negative cosines count as 0)."""
    embeddings = encoder.embeddings(texts)
    meaning = np.clip(np.einsum("ij,ij->i", embeddings[candidates.left], embeddings[candidates.right]), 0.0, 1.0)
    score = (1 - EMBEDDING_WEIGHT) * candidates.score + EMBEDDING_WEIGHT * meaning
    return Candidates(candidates.left, candidates.right, score)


def comparable(a: Quantity, b: Quantity) -> bool:
    """Two figures count the same thing: the same unit, and the same event when both name one.

    Verbs of counting name no event of their own ("counted roughly 1,800 dead fish" counts what
    "more than 2,000 dead fish were found" does), and the ways of saying that something died are one
    event.
    """
    if a.unit is None or a.unit != b.unit:
        return False
    first, second = _event_family(a.event), _event_family(b.event)
    return first is None or second is None or first == second


def _event_family(event: str | None) -> str | None:
    if event is None or event in _COUNTING_EVENTS:
        return None
    return _DEATH if event in _DEATH_EVENTS else event


# Events that only measure (see comparable), and the events that all say that something died.
_COUNTING_EVENTS = frozenset({"count", "tally", "estimate", "number", "total"})
_DEATH = "die"
_DEATH_EVENTS = frozenset({"die", "death", "kill", "find dead", "dead"})


def figures_disagree(a: Sequence[Quantity], b: Sequence[Quantity]) -> bool:
    """Whether any figure of ``a`` contradicts a comparable figure of ``b``."""
    return any(comparable(x, y) and intervals_disagree(x, y) for x in a for y in b)


def claim_families(clusters: Sequence[ClaimCluster]) -> dict[str, str]:
    """Claim id -> the id of its family: the first claim among those linked to it by ``contradicts``."""
    index = {cluster.id: n for n, cluster in enumerate(clusters)}
    groups = Groups(len(clusters))
    for cluster in clusters:
        for other in cluster.contradicts:
            groups.union(index[cluster.id], index[other])
    return {clusters[n].id: clusters[min(members)].id for members in group_members(groups.labels()) for n in members}


def _clusters(
    members: Sequence[ClaimMember], groups: Groups, relations: dict[str, list[tuple[int, int]]]
) -> list[ClaimCluster]:
    """The clusters with stable ids and their relations (``conflicts``, ``contradicts``) to each other."""
    member_groups = group_members(groups.labels())
    clusters = [ClaimCluster(stable_id("k", members[group[0]].key), [members[i] for i in group]) for group in member_groups]
    cluster_of = {item: cluster for cluster, group in zip(clusters, member_groups) for item in group}
    for relation, pairs in relations.items():
        related: dict[str, set[str]] = defaultdict(set)
        for i, j in pairs:
            related[cluster_of[i].id].add(cluster_of[j].id)
            related[cluster_of[j].id].add(cluster_of[i].id)
        for cluster in clusters:
            setattr(cluster, relation, sorted(related.get(cluster.id, set()) - {cluster.id}))
    return clusters
