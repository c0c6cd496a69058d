"""Ingest into the store, and re-analysis of what older models produced.

:func:`ingest_paths` reads the inputs, drops every article whose document id is stored already
(computed before any parsing, so a resumed run skips the finished part in moments), analyses the
rest in batches and stores each batch in one transaction. A run killed at any point leaves whole
batches behind; running it again adds the rest — nothing lost, nothing doubled.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace

from claimledger.batching import batched
from claimledger.errors import InputError
from claimledger.ingest import ReadOptions, read_inputs
from claimledger.model import Article, Document
from claimledger.pipeline import analyze_articles, analyze_inputs, analyzer_info
from claimledger.store.store import AddResult, Store

DEFAULT_BATCH_SIZE = 32  # documents per transaction: a killed run redoes at most this many

AfterIngest = Callable[[Store], None]


@dataclass
class IngestSummary:
    """What an ingest run did: documents added (of which wire copies), skipped as stored, rejected inputs."""

    added: int = 0
    already_stored: int = 0
    wire_copies: int = 0
    rejected: list[InputError] = field(default_factory=list)

    def record(self, result: AddResult) -> None:
        """Count one stored batch."""
        self.added += len(result.added)
        self.already_stored += len(result.already_stored)
        self.wire_copies += len(result.wire_copies)


def ingest_paths(
    paths: Iterable[str | os.PathLike[str]],
    store: Store,
    read_options: ReadOptions | None = None,
    *,
    any_language: bool = False,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Callable[[IngestSummary], None] | None = None,
    on_rejected: Callable[[InputError], None] | None = None,
    after_ingest: AfterIngest | None = None,
) -> IngestSummary:
    """Read, analyse and store the articles of ``paths`` (files, folders, URLs, ``-``), a batch per transaction.

    Args:
        paths, read_options: as for :func:`claimledger.ingest.read_inputs`.
        any_language: analyse articles not in English too (else they are rejected).
        batch_size: documents analysed and stored together.
        progress: called with the running summary after each stored batch.
        on_rejected: called with each rejected input's error as it happens.
        after_ingest: called with the store at the end (relinking).

    Returns:
        The counts, and the rejected inputs' errors (one-line messages naming the input).
    """
    return ingest_items(
        read_inputs(paths, read_options), store, any_language=any_language, batch_size=batch_size,
        progress=progress, on_rejected=on_rejected, after_ingest=after_ingest,
    )


def ingest_items(
    items: Iterable[Article | InputError],
    store: Store,
    *,
    any_language: bool = False,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Callable[[IngestSummary], None] | None = None,
    on_rejected: Callable[[InputError], None] | None = None,
    after_ingest: AfterIngest | None = None,
) -> IngestSummary:
    """:func:`ingest_paths` for articles read already (``read_inputs`` items: articles or input errors)."""
    summary = IngestSummary()
    for batch in batched(_unseen(items, store, summary), batch_size):
        documents = []
        for item in analyze_inputs(batch, any_language=any_language):
            if isinstance(item, InputError):
                summary.rejected.append(item)
                if on_rejected:
                    on_rejected(item)
            else:
                documents.append(item)
        summary.record(store.add_documents(documents))
        if progress:
            progress(summary)
    # Even when nothing was added: the run that added the documents may have died before relinking.
    if after_ingest:
        after_ingest(store)
    return summary


def _unseen(
    items: Iterable[Article | InputError], store: Store, summary: IngestSummary
) -> Iterator[Article | InputError]:
    """The inputs minus the articles already stored or already met in this run (counted as stored)."""
    met: set[str] = set()
    for item in items:
        if isinstance(item, Article):
            document_id = item.document_id
            if document_id in met or store.has_document(document_id):
                summary.already_stored += 1
                continue
            met.add(document_id)
        yield item


def reanalyze(
    store: Store,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Callable[[int, int], None] | None = None,
    after_ingest: AfterIngest | None = None,
) -> int:
    """Analyse again every stored document whose analyzer models differ from the installed ones.

    Each document is replaced in its own transaction and keeps its wire-copy link. ``progress`` is
    called with (done, total) after each batch; ``after_ingest`` with the store at the end, as for ingest.
    Returns how many documents were re-analysed.
    """
    outdated = store.outdated_documents(analyzer_info().models)
    done = 0
    for ids in batched(outdated, batch_size):
        stored = list(store.documents(ids))
        fresh = analyze_articles(_article_of(document) for document in stored)
        for old, new in zip(stored, fresh, strict=True):
            store.replace_document(replace(new, duplicate_of=old.duplicate_of))
        done += len(stored)
        if progress:
            progress(done, len(outdated))
    if after_ingest:
        after_ingest(store)
    return done


def _article_of(document: Document) -> Article:
    """The article a stored document was analysed from (its text and metadata, its id kept)."""
    return Article(
        text=document.text, title=document.title, title_span=document.title_span, path=document.path,
        id=document.id, outlet=document.outlet, url=document.url, published=document.published,
        author=document.author,
    )
