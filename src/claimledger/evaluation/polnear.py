"""The "polnear" eval: attribution spans (source, cue, content) scored on the PolNeAR dev split.

Gold is the first annotator's ``.ann`` of each article (sorted file names ``<article>_<annotator>.ann``).
Every attribution (brat ``E`` line) contributes its source, cue and content span; a discontinuous span,
and a content continued in a ``Content2`` argument, counts from its first start to its last end. Spans
of both sides are compared after :func:`~claimledger.evaluation.spans.strip_edges`, as sets per
document and span type (a span shared by two attributions counts once, as it does in the BIO tagging
behind the published PolNeAR scores), micro-averaged over the articles.

Direct vs indirect: a gold attribution is *direct* when its content is wholly quoted: trimmed of
whitespace, it starts with an opening quotation mark (``"`` ``“`` ``'`` ``‘``; the NYT's ``''`` too) and,
ignoring sentence punctuation after the last quote mark, ends with a quotation mark. The guidelines put a
direct quote's marks inside the content, so ``“X,” he said. “Y.”`` is direct while ``that X “Y”`` and
``“X” for Y`` (quote then paraphrase) are indirect. Attributions without content are indirect. A
predicted statement is direct when ``statement.kind == "direct"``; "indirect" and "mixed" count as
indirect.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimledger.errors import ClaimledgerError
from claimledger.evaluation.brat import BratAnnotation, TextBound, parse_brat
from claimledger.evaluation.cofenet import COFENET_DEV, cofenet_scores, read_cofenet_sentences
from claimledger.evaluation.data import data_root, digest_files
from claimledger.evaluation.registry import EvalResult, register_eval
from claimledger.evaluation.spans import MatchCounts, SpanOffsets, percent_prf, strip_edges
from claimledger.model import Article, Document, Statement

EVAL_NAME = "polnear"
ACCURATE_EVAL_NAME = "polnear-accurate"
SPAN_TYPES = ("source", "cue", "content")
SPLITS = ("all", "direct", "indirect")
# brat argument roles -> span types; numbered roles ("Content2") continue the same span.
ROLE_SPAN_TYPES = {"Source": "source", "Cue": "cue", "Content": "content"}
OPENING_QUOTES = frozenset("\"“'‘")
# "“" closes too: a few articles end quotes with an opening mark by mistake ("51 percent.“").
CLOSING_QUOTES = frozenset("\"”“'’")
SENTENCE_PUNCTUATION = ".,;:!?"

Predictor = Callable[[list[Article]], Iterable[Document]]


@dataclass(frozen=True)
class GoldAttribution:
    """One gold attribution: ``[start, end)`` of its source, cue and content (``None`` when absent)."""

    source: SpanOffsets | None
    cue: SpanOffsets | None
    content: SpanOffsets | None
    direct: bool

    def span(self, span_type: str) -> SpanOffsets | None:
        """The span of ``span_type`` ("source", "cue" or "content")."""
        return {"source": self.source, "cue": self.cue, "content": self.content}[span_type]


@dataclass(frozen=True)
class GoldArticle:
    """A dev article: its text (as the predictor gets it) and the chosen annotator's attributions."""

    name: str
    text_path: Path
    ann_path: Path
    text: str
    annotation: BratAnnotation
    attributions: tuple[GoldAttribution, ...]


def dev_dir(root: Path) -> Path:
    """The PolNeAR dev folder inside the data folder ``root``."""
    return root / "polnear" / "dev"


def article_name(ann_path: Path) -> str:
    """``<article>_<annotatorID>.ann`` -> ``<article>`` (article names contain underscores too)."""
    return ann_path.stem.rsplit("_", 1)[0]


def first_annotator_files(attributions_dir: Path) -> dict[str, Path]:
    """Each article's first ``.ann`` file in sorted order, keyed (and ordered) by article name."""
    chosen: dict[str, Path] = {}
    for ann_path in sorted(attributions_dir.glob("*.ann")):
        chosen.setdefault(article_name(ann_path), ann_path)
    return dict(sorted(chosen.items()))


def read_text(path: Path) -> str:
    """A file as UTF-8 with universal newlines (``\\r\\n`` and ``\\r`` read as ``\\n``).

    The gold offsets index the text read this way (the tests check it on every dev file).
    """
    return path.read_text(encoding="utf-8")


def is_direct_content(text: str, content: SpanOffsets | None) -> bool:
    """Whether a content span is wholly quoted: see "Direct vs indirect" in the module docstring."""
    if content is None:
        return False
    quoted = text[content[0] : content[1]].strip()
    before_final_punctuation = quoted.rstrip(SENTENCE_PUNCTUATION).rstrip()
    return quoted[:1] in OPENING_QUOTES and before_final_punctuation[-1:] in CLOSING_QUOTES


def merged_span(bounds: list[TextBound]) -> SpanOffsets | None:
    """One span from the first start to the last end of ``bounds`` (all fragments); ``None`` if empty."""
    if not bounds:
        return None
    return min(b.start for b in bounds), max(b.end for b in bounds)


def role_span_type(role: str) -> str | None:
    """The span type of a brat argument role ("Content2" -> "content"); ``None`` for other roles."""
    return ROLE_SPAN_TYPES.get(role.rstrip("0123456789"))


def gold_attributions(annotation: BratAnnotation, text: str) -> tuple[GoldAttribution, ...]:
    """The attributions of one annotation; events without any source, cue or content are dropped."""
    attributions = []
    for event in annotation.events:
        bounds: dict[str, list[TextBound]] = {span_type: [] for span_type in SPAN_TYPES}
        for role, tid in event.arguments:
            span_type = role_span_type(role)
            if span_type is not None:
                bounds[span_type].append(annotation.text_bounds[tid])
        source, cue, content = (merged_span(bounds[t]) for t in SPAN_TYPES)
        if source or cue or content:
            attributions.append(GoldAttribution(source, cue, content, is_direct_content(text, content)))
    return tuple(attributions)


def load_gold_article(name: str, text_path: Path, ann_path: Path) -> GoldArticle:
    """Read one article's text and gold annotation."""
    text = read_text(text_path)
    annotation = parse_brat(read_text(ann_path))
    return GoldArticle(name, text_path, ann_path, text, annotation, gold_attributions(annotation, text))


def load_dev_gold(root: Path, limit: int | None = None) -> list[GoldArticle]:
    """The dev articles with gold attributions, sorted by name; ``limit`` keeps the first ``limit``."""
    dev = dev_dir(root)
    chosen = list(first_annotator_files(dev / "attributions").items())[:limit]
    if not chosen:
        raise ClaimledgerError(f"no PolNeAR annotations found in {dev / 'attributions'}")
    return [load_gold_article(name, dev / "text" / f"{name}.txt", ann_path) for name, ann_path in chosen]


def in_split(direct: bool, split: str) -> bool:
    """Whether an attribution (direct or not) belongs to ``split`` ("all", "direct" or "indirect")."""
    return split == "all" or direct == (split == "direct")


def gold_spans(article: GoldArticle, span_type: str, split: str) -> set[SpanOffsets]:
    """The edge-stripped gold spans of one type and split in one article."""
    spans = set()
    for attribution in article.attributions:
        span = attribution.span(span_type)
        if span is not None and in_split(attribution.direct, split):
            spans.add(strip_edges(article.text, *span))
    return spans


def statement_span(statement: Statement, span_type: str) -> SpanOffsets | None:
    """The ``[start, end)`` of a statement's speaker, cue or content, ``None`` when it has none."""
    part = {"source": statement.speaker, "cue": statement.cue, "content": statement.content}[span_type]
    return None if part is None else (part.start, part.end)


def predicted_spans(document: Document, span_type: str, split: str) -> set[SpanOffsets]:
    """The edge-stripped predicted spans of one type and split in one document."""
    spans = set()
    for statement in document.statements:
        span = statement_span(statement, span_type)
        if span is not None and in_split(statement.kind == "direct", split):
            spans.add(strip_edges(document.text, *span))
    return spans


def count_matches(gold: list[GoldArticle], documents: list[Document]) -> dict[tuple[str, str], MatchCounts]:
    """Match counts per (split, span type), summed over the articles."""
    counts = {(split, span_type): MatchCounts() for split in SPLITS for span_type in SPAN_TYPES}
    for article, document in zip(gold, documents, strict=True):
        for (split, span_type), tally in counts.items():
            tally.add(predicted_spans(document, span_type, split), gold_spans(article, span_type, split))
    return counts


def pipeline_predictor(articles: list[Article]) -> Iterable[Document]:
    """The shipped pipeline, as the default predictor."""
    # Imported here so that the scorer loads (and its tests run) without the pipeline's spaCy models.
    from claimledger.pipeline import analyze_articles

    return analyze_articles(articles, any_language=True)


def accurate_predictor(articles: list[Article]) -> Iterable[Document]:
    """The pipeline with the ``--accurate`` attribution model."""
    from claimledger.pipeline import analyze_articles

    return analyze_articles(articles, any_language=True, accurate=True)


def predict(gold: list[GoldArticle], predictor: Predictor) -> list[Document]:
    """Run ``predictor`` on the gold articles' texts; check it returns one document per article, same text."""
    articles = [Article(text=article.text, path=str(article.text_path)) for article in gold]
    documents = list(predictor(articles))
    if len(documents) != len(articles):
        raise ClaimledgerError(
            f"the predictor returned {len(documents)} documents for {len(articles)} articles"
        )
    for article, document in zip(gold, documents, strict=True):
        if document.text != article.text:
            raise ClaimledgerError(
                f"{article.text_path}: the predicted document's text differs from the article's"
            )
    return documents


def score_row(split: str, span_type: str, counts: MatchCounts) -> dict[str, Any]:
    """One table row: counts and exact/overlap P, R, F1 of one span type in one split."""
    exact = percent_prf(counts.exact, counts.predicted, counts.gold)
    overlap = percent_prf(counts.overlap, counts.predicted, counts.gold)
    return {
        "span": span_type, "split": split, "gold": counts.gold, "predicted": counts.predicted,
        "exact_p": exact.precision, "exact_r": exact.recall, "exact_f1": exact.f1,
        "overlap_p": overlap.precision, "overlap_r": overlap.recall, "overlap_f1": overlap.f1,
    }


def floored_metrics(table: list[dict[str, Any]]) -> dict[str, float]:
    """The metrics floors apply to: exact and overlap F1 of each span type over all attributions."""
    metrics = {}
    for row in table:
        if row["split"] == "all":
            metrics[f"{row['span']}_exact_f1"] = row["exact_f1"]
            metrics[f"{row['span']}_overlap_f1"] = row["overlap_f1"]
    return metrics


def gold_statistics(gold: list[GoldArticle]) -> dict[str, int]:
    """Counts that describe the gold the scores were computed on."""
    attributions = [a for article in gold for a in article.attributions]
    return {
        "articles": len(gold),
        "attributions": len(attributions),
        "direct_attributions": sum(a.direct for a in attributions),
        "indirect_attributions": sum(not a.direct for a in attributions),
    }


def evaluate_polnear(
    limit: int | None = None, predictor: Predictor | None = None, root: Path | None = None, name: str = EVAL_NAME,
) -> EvalResult:
    """Score ``predictor`` (default: the shipped pipeline) on the PolNeAR dev split under ``root``.

    ``root`` defaults to :func:`~claimledger.evaluation.data.data_root`; ``limit`` scores only the
    first ``limit`` articles in name order.
    """
    root = root if root is not None else data_root()
    gold = load_dev_gold(root, limit)
    documents = predict(gold, predictor or pipeline_predictor)
    counts = count_matches(gold, documents)
    table = [score_row(split, span_type, tally) for (split, span_type), tally in counts.items()]
    read = [path for article in gold for path in (article.text_path, article.ann_path)]
    metrics = floored_metrics(table)
    details: dict[str, Any] = {**gold_statistics(gold), "limit": limit}
    cofenet_file = root / COFENET_DEV
    if cofenet_file.is_file():
        by_name = {article.name: document for article, document in zip(gold, documents, strict=True)}
        scores = cofenet_scores(by_name, read_cofenet_sentences(cofenet_file))
        metrics.update({f"cofenet_{span_type}_exact_f1": score["f1"] for span_type, score in scores.items()})
        details["CofeNet's metric (sentence BIO spans, every annotator; P / R / F1)"] = ", ".join(
            f"{span_type} {score['p']} / {score['r']} / {score['f1']}" for span_type, score in scores.items()
        )
        read.append(cofenet_file)
    return EvalResult(
        name=name, metrics=metrics, data_digest=digest_files(read, root), table=table, details=details
    )


@register_eval(EVAL_NAME)
def polnear_eval(limit: int | None = None) -> EvalResult:
    """The registered eval: the shipped pipeline on PolNeAR dev."""
    return evaluate_polnear(limit)


@register_eval(ACCURATE_EVAL_NAME)
def polnear_accurate_eval(limit: int | None = None) -> EvalResult:
    """The registered eval of ``--accurate``: the pipeline with the fine-tuned transformer on PolNeAR dev."""
    return evaluate_polnear(limit, accurate_predictor, name=ACCURATE_EVAL_NAME)
