"""Fake predictors' building blocks: documents made from gold attributions, without the real pipeline."""

from __future__ import annotations

from claimledger.evaluation.polnear import GoldArticle, GoldAttribution
from claimledger.model import Analyzer, Article, Content, Cue, Document, Span, Speaker, Statement

TEST_ANALYZER = Analyzer(version="test", models={})


def gold_statement(text: str, number: int, attribution: GoldAttribution) -> Statement:
    """A statement with exactly the spans of a gold attribution (which must have a cue)."""
    assert attribution.cue is not None, "a gold attribution without a cue cannot become a Statement"
    return Statement(
        id=f"s{number}",
        kind="direct" if attribution.direct else "indirect",
        act="assert",
        speaker=Speaker.of(text, *attribution.source) if attribution.source else None,
        cue=Cue.of(text, *attribution.cue),
        content=Content.of(text, *attribution.content) if attribution.content else None,
        sentence=Span.of(text, *attribution.cue),
    )


def gold_document(article: Article, gold: GoldArticle) -> Document:
    """A document whose statements are exactly the gold attributions of ``gold``."""
    document = Document.from_article(article, TEST_ANALYZER)
    document.statements = [
        gold_statement(article.text, number, attribution)
        for number, attribution in enumerate(gold.attributions)
    ]
    return document
