"""Full-text search over documents (title and text) and statements (speaker and content).

SQLite ranks with FTS5's bm25, PostgreSQL with ``ts_rank`` over weighted ``tsvector`` columns
(title and speaker weigh more than body and content). Both return the same typed hits, best first,
with the matched words in the snippet wrapped in ``**``.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import Connection, text

HIGHLIGHT = "**"
_SNIPPET_WORDS = 16
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class SearchHit:
    """One search result: a document, or one statement of it when ``statement_id`` is set.

    ``score`` is higher for better matches; it orders the hits of one search and means nothing across
    searches or backends.
    """

    document_id: str
    statement_id: str | None
    title: str | None
    outlet: str | None
    snippet: str
    score: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def search(connection: Connection, query: str, limit: int, offset: int) -> list[SearchHit]:
    """Documents and statements matching every word of ``query``, best first."""
    if connection.dialect.name == "postgresql":
        return _search_postgresql(connection, query, limit, offset)
    return _search_sqlite(connection, query, limit, offset)


def fts5_query(query: str) -> str:
    """Every word of ``query`` as a quoted FTS5 term: user text never reaches FTS5's query syntax."""
    return " ".join(f'"{word}"' for word in _WORD.findall(query))


# Ties in score are broken by id, so that a page of results is the same on every run.
_SQLITE_SEARCH = text(f"""
SELECT d.id AS document_id, NULL AS statement_id, d.title, d.outlet,
       snippet(documents_fts, 2, '{HIGHLIGHT}', '{HIGHLIGHT}', '…', {_SNIPPET_WORDS}) AS snippet,
       -bm25(documents_fts, 0.0, 2.0, 1.0) AS score
FROM documents_fts JOIN documents AS d ON d.id = documents_fts.document_id
WHERE documents_fts MATCH :query
UNION ALL
SELECT s.document_id, s.statement_id, d.title, d.outlet,
       snippet(statements_fts, -1, '{HIGHLIGHT}', '{HIGHLIGHT}', '…', {_SNIPPET_WORDS}) AS snippet,
       -bm25(statements_fts, 2.0, 1.0) AS score
FROM statements_fts JOIN statements AS s ON s.pk = statements_fts.rowid JOIN documents AS d ON d.id = s.document_id
WHERE statements_fts MATCH :query
ORDER BY score DESC, document_id, statement_id NULLS FIRST
LIMIT :limit OFFSET :offset
""")


def _search_sqlite(connection: Connection, query: str, limit: int, offset: int) -> list[SearchHit]:
    terms = fts5_query(query)
    if not terms:
        return []
    rows = connection.execute(_SQLITE_SEARCH, {"query": terms, "limit": limit, "offset": offset})
    return [_hit(row._mapping) for row in rows]


# The page is ranked first and only its rows get a headline: ts_headline re-parses the whole text.
_POSTGRESQL_SEARCH = text(f"""
WITH q AS (SELECT plainto_tsquery('english', :query) AS query),
hits AS (
    SELECT d.id AS document_id, NULL AS statement_id, ts_rank(d.search, q.query) AS score
    FROM documents AS d, q WHERE d.search @@ q.query
    UNION ALL
    SELECT s.document_id, s.statement_id, ts_rank(s.search, q.query) AS score
    FROM statements AS s, q WHERE s.search @@ q.query
    ORDER BY score DESC, document_id, statement_id NULLS FIRST
    LIMIT :limit OFFSET :offset
)
SELECT hits.document_id, hits.statement_id, d.title, d.outlet,
       ts_headline('english', coalesce(s.content, s.speaker_name, d.text), q.query,
                   'StartSel={HIGHLIGHT}, StopSel={HIGHLIGHT}, MaxWords={_SNIPPET_WORDS}, MinWords=6') AS snippet,
       hits.score
FROM hits CROSS JOIN q
JOIN documents AS d ON d.id = hits.document_id
LEFT JOIN statements AS s ON s.document_id = hits.document_id AND s.statement_id = hits.statement_id
ORDER BY hits.score DESC, hits.document_id, hits.statement_id NULLS FIRST
""")


def _search_postgresql(connection: Connection, query: str, limit: int, offset: int) -> list[SearchHit]:
    if not _WORD.search(query):
        return []
    rows = connection.execute(_POSTGRESQL_SEARCH, {"query": query, "limit": limit, "offset": offset})
    return [_hit(row._mapping) for row in rows]


def _hit(row: Any) -> SearchHit:
    # Snippets cross paragraphs; one line reads better in a table or a JSON field.
    return SearchHit(**{**row, "snippet": " ".join(row["snippet"].split())})
