"""The polnear scorer end to end on a tiny invented PolNeAR-shaped folder (no real data needed)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path

import pytest

from claimledger.errors import ClaimledgerError
from claimledger.evaluation import available_evals, run_eval
from claimledger.evaluation import polnear
from claimledger.evaluation.polnear import (
    Predictor,
    evaluate_polnear,
    is_direct_content,
    load_dev_gold,
)
from claimledger.model import Article, Document

from .fakes import TEST_ANALYZER, gold_document

BRIDGE = (
    "Bridge to reopen\n\n"
    "The mayor said the bridge would reopen in May. “We are ready,” said Ana Ruiz, the city engineer. "
    "“The steel is in place.” Critics doubt it, according to a survey."
)
BUDGET = (
    "Budget passes\n\n"
    "The budget is expected to pass, officials said. Council members called it "
    "\"a good start\" and \"long overdue.\""
)
FLOOR_METRICS = {
    "source_exact_f1", "cue_exact_f1", "content_exact_f1",
    "source_overlap_f1", "cue_overlap_f1", "content_overlap_f1",
}


Fragment = str | tuple[str, str]


def offsets(text: str, fragment: Fragment) -> tuple[int, int]:
    """Where ``fragment`` is: a string's first occurrence, or ``(string, context)``: the string inside the
    first occurrence of ``context``."""
    word, context = fragment if isinstance(fragment, tuple) else (fragment, fragment)
    start = text.index(context) + context.index(word)
    return start, start + len(word)


def text_bound(tid: str, label: str, text: str, *fragments: Fragment) -> str:
    """A brat ``T`` line for ``fragments`` of ``text`` (several fragments make a discontinuous span)."""
    spans = [offsets(text, f) for f in fragments]
    offsets_field = ";".join(f"{start} {end}" for start, end in spans)
    return f"{tid}\t{label} {offsets_field}\t{' '.join(text[start:end] for start, end in spans)}"


def bridge_ann(text: str) -> str:
    return "\n".join([
        text_bound("T1", "Source", text, "The mayor"),
        text_bound("T2", "Cue", text, "said"),
        text_bound("T3", "Content", text, "the bridge would reopen in May"),
        text_bound("T4", "Attribution", text, "said"),
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
        text_bound("T5", "Content", text, "“We are ready,”", "“The steel is in place.”"),
        text_bound("T6", "Cue", text, ("said", "said Ana")),
        text_bound("T7", "Source", text, "Ana Ruiz, the city engineer"),
        text_bound("T8", "Attribution", text, ("said", "said Ana")),
        "E2\tAttribution:T8 Source:T7 Cue:T6 Content:T5",
        text_bound("T9", "Source", text, "a survey"),
        text_bound("T10", "Cue", text, "according to"),
        text_bound("T11", "Content", text, "Critics doubt it"),
        text_bound("T12", "Attribution", text, "according to"),
        "E3\tAttribution:T12 Content:T11 Cue:T10 Source:T9",
    ]) + "\n"


def budget_ann(text: str) -> str:
    return "\n".join([
        text_bound("T1", "Content", text, "The budget is expected to pass"),
        text_bound("T2", "Cue", text, "officials said"),
        text_bound("T3", "Attribution", text, "officials said"),
        "E1\tAttribution-no-source:T3 Content:T1 Cue:T2",
        text_bound("T4", "Source", text, "Council members"),
        text_bound("T5", "Cue", text, "called"),
        text_bound("T6", "Content", text, "\"a good start\""),
        text_bound("T7", "Content", text, "\"long overdue.\""),
        text_bound("T8", "Attribution", text, "called"),
        "E2\tAttribution:T8 Source:T4 Cue:T5 Content:T6 Content2:T7",
    ]) + "\n"


@pytest.fixture
def tiny_root(tmp_path: Path) -> Path:
    """A data folder with two dev articles; the bridge article has a second annotator, who must be ignored."""
    dev = tmp_path / "polnear" / "dev"
    (dev / "text").mkdir(parents=True)
    (dev / "attributions").mkdir()
    (dev / "text" / "daily_2016-10-01_bridge.txt").write_text(BRIDGE, encoding="utf-8")
    (dev / "text" / "daily_2016-10-02_budget.txt").write_text(BUDGET, encoding="utf-8")
    annotations = {
        "daily_2016-10-01_bridge_4e07.ann": bridge_ann(BRIDGE),
        "daily_2016-10-01_bridge_ef2d.ann": text_bound("T1", "Cue", BRIDGE, "doubt") + "\n",
        "daily_2016-10-02_budget_6b86.ann": budget_ann(BUDGET),
    }
    for name, ann in annotations.items():
        (dev / "attributions" / name).write_text(ann, encoding="utf-8")
    return tmp_path


def row(result_table: list[dict], span: str, split: str = "all") -> dict:
    return next(r for r in result_table if r["span"] == span and r["split"] == split)


def test_gold_takes_the_first_annotator_of_each_article(tiny_root: Path) -> None:
    gold = load_dev_gold(tiny_root)
    assert [g.name for g in gold] == ["daily_2016-10-01_bridge", "daily_2016-10-02_budget"]
    assert gold[0].ann_path.name == "daily_2016-10-01_bridge_4e07.ann"
    assert len(gold[0].attributions) == 3


def test_discontinuous_and_continued_content_run_from_first_start_to_last_end(tiny_root: Path) -> None:
    bridge, budget = load_dev_gold(tiny_root)
    quote = bridge.attributions[1].content
    assert quote is not None
    assert BRIDGE[quote[0] : quote[1]].startswith("“We are ready,”")
    assert BRIDGE[quote[0] : quote[1]].endswith("“The steel is in place.”")
    called = budget.attributions[1].content
    assert called is not None
    assert BUDGET[called[0] : called[1]] == "\"a good start\" and \"long overdue.\""


def test_attribution_without_source_keeps_cue_and_content(tiny_root: Path) -> None:
    officials = load_dev_gold(tiny_root)[1].attributions[0]
    assert officials.source is None
    assert officials.cue is not None and officials.content is not None


@pytest.mark.parametrize(
    ("content", "direct"),
    [
        ("“We are ready,” said Ana. “The steel is in place.”", True),
        ("''It works,''", True),
        ("\"It works\".", True),
        ("‘Demoralizing’", True),
        ("that the bridge is “ready”", False),
        ("“A good start” for a city that waited", False),
        ("the bridge would reopen", False),
    ],
)
def test_direct_means_content_wholly_inside_quotation_marks(content: str, direct: bool) -> None:
    text = f"x {content} y"
    assert is_direct_content(text, (2, 2 + len(content))) is direct


def test_no_content_is_indirect() -> None:
    assert is_direct_content("anything", None) is False


def test_direct_and_indirect_split_of_the_gold(tiny_root: Path) -> None:
    gold = load_dev_gold(tiny_root)
    assert [a.direct for g in gold for a in g.attributions] == [False, True, False, False, True]


def test_gold_predictions_score_100(tiny_root: Path, gold_predictor: Callable[[Path], Predictor]) -> None:
    result = evaluate_polnear(predictor=gold_predictor(tiny_root), root=tiny_root)
    assert set(result.metrics) == FLOOR_METRICS
    assert set(result.metrics.values()) == {100.0}
    for table_row in result.table:
        assert (table_row["exact_f1"], table_row["overlap_f1"]) == (100.0, 100.0), table_row
    assert result.details["attributions"] == 5


def test_no_predictions_score_zero_recall(tiny_root: Path, empty_predictor: Predictor) -> None:
    result = evaluate_polnear(predictor=empty_predictor, root=tiny_root)
    cue = row(result.table, "cue")
    assert (cue["gold"], cue["predicted"], cue["exact_r"], cue["overlap_r"]) == (5, 0, 0.0, 0.0)
    assert set(result.metrics.values()) == {0.0}


def with_content(document: Document, index: int, start_shift: int, end_shift: int) -> None:
    """Move the content boundaries of statement ``index`` of ``document``."""
    statement = document.statements[index]
    assert statement.content is not None
    start, end = statement.content.start + start_shift, statement.content.end + end_shift
    statement.content = type(statement.content).of(document.text, start, end)


def shifted_predictor(root: Path, start_shift: int, end_shift: int) -> Predictor:
    """Gold, except that the bridge article's first content has moved boundaries."""
    gold = load_dev_gold(root)

    def predict(articles: list[Article]) -> Iterable[Document]:
        documents = [gold_document(article, g) for article, g in zip(articles, gold)]
        with_content(documents[0], 0, start_shift, end_shift)
        return documents

    return predict


def test_edge_punctuation_does_not_break_exact_match(tiny_root: Path) -> None:
    # "... reopen in May" predicted as "... reopen in May. " (period and space added).
    result = evaluate_polnear(predictor=shifted_predictor(tiny_root, 0, 2), root=tiny_root)
    assert result.metrics["content_exact_f1"] == 100.0


def test_a_wrong_boundary_misses_exact_but_hits_overlap(tiny_root: Path) -> None:
    # "the bridge would reopen in May" predicted without "in May".
    result = evaluate_polnear(predictor=shifted_predictor(tiny_root, 0, -7), root=tiny_root)
    content = row(result.table, "content")
    assert (content["exact_p"], content["exact_r"]) == (80.0, 80.0)
    assert content["overlap_f1"] == 100.0


def test_mixed_statements_count_as_indirect(
    tiny_root: Path, gold_predictor: Callable[[Path], Predictor]
) -> None:
    predict_gold = gold_predictor(tiny_root)

    def predict(articles: list[Article]) -> Iterable[Document]:
        documents = list(predict_gold(articles))
        for statement in documents[0].statements:
            statement.kind = "mixed"
        return documents

    result = evaluate_polnear(predictor=predict, root=tiny_root)
    direct_content = row(result.table, "content", "direct")
    indirect_content = row(result.table, "content", "indirect")
    assert (direct_content["gold"], direct_content["exact_r"]) == (2, 50.0)
    assert (indirect_content["predicted"], indirect_content["exact_p"]) == (4, 75.0)
    assert result.metrics["content_exact_f1"] == 100.0


def test_predictor_must_return_one_document_per_article(tiny_root: Path) -> None:
    def predict_first_only(articles: list[Article]) -> Iterable[Document]:
        return [Document.from_article(articles[0], TEST_ANALYZER)]

    with pytest.raises(ClaimledgerError, match="returned 1 documents for 2 articles"):
        evaluate_polnear(predictor=predict_first_only, root=tiny_root)


def test_predictor_must_keep_the_article_text(tiny_root: Path, empty_predictor: Predictor) -> None:
    def predict(articles: list[Article]) -> Iterable[Document]:
        return empty_predictor([replace(a, text=a.text.upper()) for a in articles])

    with pytest.raises(ClaimledgerError, match="text differs"):
        evaluate_polnear(predictor=predict, root=tiny_root)


def test_limit_scores_the_first_articles_and_digests_only_what_it_read(
    tiny_root: Path, empty_predictor: Predictor
) -> None:
    full = evaluate_polnear(predictor=empty_predictor, root=tiny_root)
    first = evaluate_polnear(limit=1, predictor=empty_predictor, root=tiny_root)
    assert (first.details["articles"], first.details["attributions"]) == (1, 3)
    assert first.data_digest != full.data_digest


def test_digest_ignores_files_the_eval_does_not_read(tiny_root: Path, empty_predictor: Predictor) -> None:
    before = evaluate_polnear(predictor=empty_predictor, root=tiny_root).data_digest
    later_annotator = tiny_root / "polnear" / "dev" / "attributions" / "daily_2016-10-02_budget_ffff.ann"
    later_annotator.write_text("T1\tCue 0 6\tBudget\n", encoding="utf-8")
    assert evaluate_polnear(predictor=empty_predictor, root=tiny_root).data_digest == before
    chosen = tiny_root / "polnear" / "dev" / "attributions" / "daily_2016-10-02_budget_6b86.ann"
    chosen.write_text(budget_ann(BUDGET) + "T99\tCue 0 6\tBudget\n", encoding="utf-8")
    assert evaluate_polnear(predictor=empty_predictor, root=tiny_root).data_digest != before


def test_run_eval_finds_the_registered_polnear_eval(
    tiny_root: Path, empty_predictor: Predictor, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLAIMLEDGER_DATA", str(tiny_root))
    monkeypatch.setattr(polnear, "pipeline_predictor", empty_predictor)
    result = run_eval("polnear", limit=1)
    assert (result.name, result.details["articles"]) == ("polnear", 1)


def test_unknown_eval_lists_the_known_ones() -> None:
    assert "polnear" in available_evals()
    with pytest.raises(ClaimledgerError, match="unknown eval 'nope'; known evals: .*polnear"):
        run_eval("nope")
