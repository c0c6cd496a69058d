"""The claimledger pipeline: the stages in order, one function each.

For each article (from :mod:`claimledger.ingest`):

1. **language** — :func:`claimledger.language.detect_language`; other languages are rejected
   unless ``any_language`` is set.
2. **parse** — the shared spaCy pipeline (:mod:`claimledger.parse`), batched with ``nlp.pipe``.
3. **attribution** — statements with speakers, cues, content and acts (:mod:`claimledger.attribution`).
4. **quantities** — figures with qualifier, unit and event (:mod:`claimledger.quantities`).
5. **claims** — the central claim and the check-worthy sentences, with their quantities
   (:mod:`claimledger.claims`).
6. **stance** — each statement's stance toward the central claim (:mod:`claimledger.stance.statements`).
7. **framing** — editorializing words, loaded verbs, scare quotes, overstated headlines
   (:mod:`claimledger.framing`).

Across the run, :func:`mark_wire_copies` links the same text from two outlets (``duplicate_of``) and
drops the same text seen twice from one outlet.
"""

from __future__ import annotations

import gc
import hashlib
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass

from spacy.tokens import Doc

from claimledger import __version__
from claimledger.attribution import ACCURATE_ATTRIBUTION_MODEL, ATTRIBUTION_MODEL, extract_statements
from claimledger.batching import batched
from claimledger.errors import InputError, NotEnglishError
from claimledger.claims.central import DEFAULT_CLAIM_THRESHOLD, build_claims
from claimledger.claims.checkworthy import CHECKWORTHY_MODEL, score_sentences
from claimledger.framing import find_framing_markers
from claimledger.quantities import extract_quantities
from claimledger.stance.similarity import shipped_encoder
from claimledger.stance.statements import stance
from claimledger.language import detect_language
from claimledger.model import Analyzer, Article, Document
from claimledger.parse import load_nlp, model_version

BATCH_SIZE = 64
# The rules and lexicons around the models (attribution rules, speaker resolution, quantities) change
# what a document says as much as a model does: the date of the last such change, stamped on every
# document so that `reanalyze` redoes the stored ones. Change it with any commit that changes output
# (a second change on the same day adds ".2").
RULES_VERSION = "2026-12-08.13"


def analyzer_info(accurate: bool = False) -> Analyzer:
    """The package and model versions stamped on every document."""
    attribution = ACCURATE_ATTRIBUTION_MODEL if accurate else ATTRIBUTION_MODEL
    models = {"parser": model_version(load_nlp()), "attribution": attribution, "checkworthy": CHECKWORTHY_MODEL,
              "rules": RULES_VERSION}  # fmt: skip
    return Analyzer(__version__, models)


def analyze(text: str, title: str | None = None, *, accurate: bool = False, **meta: str | None) -> Document:
    """Analyse one article.

    Args:
        text: the article text; with ``title``, the body (``document.text`` is then
            ``title + "\\n\\n" + text``), else the whole text with no title.
        title: the headline, when it is separate from the text.
        accurate: find statements with the fine-tuned transformer as well (slower; needs the
            optional dependencies in ``requirements-accurate.txt``).
        **meta: ``outlet``, ``url``, ``published``, ``author``, ``id``, ``path``.

    Returns:
        The :class:`~claimledger.model.Document`, in any language (the CLI is the one that refuses
        non-English input).
    """
    article = Article.with_title(title, text, **meta) if title else Article(text=text, **meta)
    return next(analyze_articles([article], accurate=accurate))


def analyze_articles(
    articles: Iterable[Article], *, any_language: bool = True, accurate: bool = False
) -> Iterator[Document]:
    """Analyse articles in order, batched through spaCy; raises on a non-English article unless allowed."""
    for item in analyze_inputs(articles, any_language=any_language, accurate=accurate):
        if isinstance(item, InputError):
            raise item
        yield item


def analyze_inputs(
    items: Iterable[Article | InputError], *, any_language: bool = False, workers: int = 1,
    claim_threshold: float = DEFAULT_CLAIM_THRESHOLD, accurate: bool = False,
) -> Iterator[Document | InputError]:
    """Analyse what ingest yielded, passing its errors through in order; wire copies are marked.

    With ``workers > 1``, batches are analysed in that many processes (each loads spaCy once);
    ``accurate`` adds the fine-tuned transformer to attribution.
    """
    batches = batched(items, BATCH_SIZE)
    settings = _Settings(any_language, claim_threshold, accurate)
    if workers > 1:
        results = _parallel_batches(batches, settings, workers)
    else:
        results = (_analyze_batch(batch, settings) for batch in batches)
    yield from mark_wire_copies(item for batch in results for item in batch)


def _parallel_batches(
    batches: Iterator[list[Article | InputError]], settings: _Settings, workers: int
) -> Iterator[list[Document | InputError]]:
    """Batches analysed in ``workers`` processes, in order, with at most two batches per worker in flight
    (``Executor.map`` would read the whole input first)."""
    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending: deque = deque()
        for batch in batches:
            pending.append(pool.submit(_analyze_batch, batch, settings))
            if len(pending) >= 2 * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


@dataclass(frozen=True)
class _Settings:
    """What every batch needs to know, picklable for worker processes."""

    any_language: bool
    claim_threshold: float
    accurate: bool = False


def _analyze_batch(batch: list[Article | InputError], settings: _Settings) -> list[Document | InputError]:
    """One batch through language check, parse and the document stages, order kept."""
    nlp = load_nlp()
    analyzer = analyzer_info(settings.accurate)
    checked = [
        item if isinstance(item, InputError) else _checked_language(item, settings.any_language) for item in batch
    ]
    articles = [item for item in checked if isinstance(item, tuple)]
    parses = iter(nlp.pipe((article.text for article, _ in articles), batch_size=BATCH_SIZE))
    return [
        item if isinstance(item, InputError)
        else document_from_parse(item[0], next(parses), analyzer, item[1], settings.claim_threshold, settings.accurate)
        for item in checked
    ]


def _checked_language(article: Article, any_language: bool) -> tuple[Article, str] | InputError:
    language = detect_language(article.text)
    if language != "en" and not any_language:
        source = article.path or article.document_id
        return NotEnglishError(source, f"not in English (detected '{language}'); use --any-language to analyse it")
    return article, language


def document_from_parse(
    article: Article, doc: Doc, analyzer: Analyzer, language: str = "en",
    claim_threshold: float = DEFAULT_CLAIM_THRESHOLD, accurate: bool = False,
) -> Document:
    """Run every document stage on one parsed article."""
    with _collector_paused():
        return _document_stages(article, doc, analyzer, language, claim_threshold, accurate)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off while one document is analysed.

    The stages make hundreds of thousands of short-lived strings and lists per article, and the
    collector would run over them (and over everything still alive) dozens of times. Refcounting
    frees them as the stages return; what is left (cycles) is collected as usual once the
    collector is back on.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _document_stages(
    article: Article, doc: Doc, analyzer: Analyzer, language: str, claim_threshold: float, accurate: bool
) -> Document:
    document = Document.from_article(article, analyzer, language)
    document.statements, document.entities = extract_statements(
        doc, article.title_span, accurate=accurate, author=article.author
    )
    document.quantities = extract_quantities(doc)
    sentences = [sentence.text.strip() for sentence in doc.sents]
    document.claims = build_claims(
        doc, document.statements, document.quantities, score_sentences(sentences), article.title_span, claim_threshold,
        document.entities,
    )
    central = next((claim for claim in document.claims if claim.central), None)
    if central is not None:
        encoder = shipped_encoder() if accurate else None  # a forward pass per statement: too slow by default
        if encoder is not None:
            encoder.forget()  # kept for one document
            encoder.embed(s.content.text for s in document.statements if s.content)  # in one batch
        for statement in document.statements:
            statement.stance = stance(statement, central, encoder=encoder)
    document.framing_markers = find_framing_markers(doc, document.statements, article.title_span)
    return document


def mark_wire_copies(items: Iterable[Document | InputError]) -> Iterator[Document | InputError]:
    """Link identical texts across outlets (``duplicate_of``); drop one outlet's repeats of a text.

    Only a digest per text is kept, so memory stays small however long the stream.
    """
    first_by_text: dict[bytes, str] = {}
    seen_ids: set[str] = set()
    for item in items:
        if isinstance(item, Document):
            if item.id in seen_ids:
                continue
            seen_ids.add(item.id)
            text_digest = hashlib.sha256(item.text.encode("utf-8")).digest()
            first = first_by_text.setdefault(text_digest, item.id)
            if first != item.id:
                item.duplicate_of = first
        yield item
