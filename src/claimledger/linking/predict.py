"""``claimledger predict clusters``: documents in, each document's story and central-claim cluster out.

The output (``id,story,claim,family``) lets any gold grouping score the linker: ``claim`` is the
cluster of the document's central claim, ``family`` that claim together with the claims that
negate it (:func:`claimledger.linking.claims.claim_families`); both are empty for a document without
a central claim.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

from claimledger.linking.claims import claim_families
from claimledger.linking.corpus import CorpusLinks, link_corpus
from claimledger.model import Article, Document
from claimledger.stance.similarity import Embedder, required_encoder

CLUSTER_COLUMNS = ("id", "story", "claim", "family")


def cluster_rows(links: CorpusLinks) -> list[dict[str, str]]:
    """One row per document, in the order of ``links.documents``."""
    families = claim_families(links.claims)
    rows = []
    for document in links.documents:
        claim = links.central_claim(document)
        rows.append({"id": document.id, "story": links.story_of(document.id).id,
                     "claim": claim.id if claim else "", "family": families[claim.id] if claim else ""})
    return rows


def analyze_and_link(articles: Iterable[Article], encoder: Embedder | None = None) -> CorpusLinks:
    """Run the pipeline over ``articles`` and link the documents (by meaning too, with ``encoder``)."""
    from claimledger.pipeline import analyze_articles

    documents: list[Document] = list(analyze_articles(articles))
    return link_corpus(documents, encoder)


def predict_clusters(path: str, out: str, accurate: bool = False) -> int:
    """Read documents (any ingest format, JSON Lines in practice), link them, write ``id,story,claim,family``;
    with ``accurate``, claims are compared by the meaning of their sentences as well as by their words.

    Returns the number of rows written; an unreadable input raises its :class:`InputError`.
    """
    from claimledger.errors import InputError
    from claimledger.ingest import read_inputs

    articles = []
    for item in read_inputs([path]):
        if isinstance(item, InputError):
            raise item
        articles.append(item)
    rows = cluster_rows(analyze_and_link(articles, required_encoder() if accurate else None))
    with Path(out).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=CLUSTER_COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return len(rows)
