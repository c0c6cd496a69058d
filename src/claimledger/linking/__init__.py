"""Cross-document linking and the ledger (PRODUCT.md "Corpus linking", "Ledger schema").

Pure functions over in-memory :class:`~claimledger.model.Document` objects:

- :mod:`~claimledger.linking.wirecopy` — near-duplicate wire copy (MinHash LSH), ``duplicate_of``;
- :mod:`~claimledger.linking.stories` — documents about one event;
- :mod:`~claimledger.linking.speakers` — one entity per person or organisation across outlets;
- :mod:`~claimledger.linking.claims` — the same proposition across outlets, figure conflicts kept;
- :mod:`~claimledger.linking.ledger` — the ``claimledger.ledger/1`` object.

``link_corpus`` runs them all; ``build_ledger`` links and builds the ledger in one call.
"""

from claimledger.linking.corpus import CorpusLinks, link_corpus
from claimledger.linking.ledger import SCHEMA_LEDGER, build_ledger

__all__ = ["SCHEMA_LEDGER", "CorpusLinks", "build_ledger", "link_corpus"]
