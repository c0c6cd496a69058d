"""The store: analysed documents, statements and stories in SQLite (default) or PostgreSQL.

``open_store(url)`` opens (and creates or upgrades) a store; :mod:`claimledger.store.ingest` fills
it from inputs — kept out of this package's namespace because it loads the spaCy pipeline.
"""

from claimledger.store.engine import DB_ENV, DEFAULT_URL, database_url
from claimledger.store.migrations import LATEST_VERSION
from claimledger.store.search import HIGHLIGHT, SearchHit
from claimledger.store.store import (
    AddResult, Store, StoreCounts, StoredStatement, name_as_stored, open_store, text_digest,
)

__all__ = [
    "DB_ENV",
    "DEFAULT_URL",
    "HIGHLIGHT",
    "LATEST_VERSION",
    "AddResult",
    "SearchHit",
    "Store",
    "StoreCounts",
    "StoredStatement",
    "database_url",
    "name_as_stored",
    "open_store",
    "text_digest",
]
