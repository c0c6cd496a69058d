"""Ingest into the store on both backends: idempotence, wire copies across runs, bad inputs, re-analysis.

The articles are invented and short: every test runs the real pipeline.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import update

import claimledger.store.ingest as store_ingest
from claimledger.ingest import read_inputs
from claimledger.model import Article
from claimledger.pipeline import analyze_articles, analyzer_info
from claimledger.store import Store, StoreCounts
from claimledger.store.engine import writing
from claimledger.store.ingest import IngestSummary, ingest_paths, reanalyze
from claimledger.store.schema import documents

BODY = (
    "“We have found no evidence of any wrongdoing,” Interior Minister Dariusz Halvorsen said on Tuesday.\n\n"
    "Civic Rights Monitor said that more than 100 people had been detained since March.\n"
)
FISH = (
    "Dead fish found in the Lanra river\n\n"
    "Environmental officer Anna Petrov said that more than 2,000 fish had died near the plant.\n"
)


def markdown(outlet: str, body: str = BODY, title: str = "Minister denies reports of abuse") -> str:
    return f"---\noutlet: {outlet}\npublished: 2026-03-03\n---\n# {title}\n\n{body}"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Three invented articles: one story from two outlets (a wire copy) and another story."""
    news = tmp_path / "news"
    news.mkdir()
    (news / "a-northgate.md").write_text(markdown("Northgate Daily"), encoding="utf-8")
    (news / "b-meridian.md").write_text(markdown("Meridian Wire"), encoding="utf-8")
    (news / "c-harbour.txt").write_text(FISH, encoding="utf-8")
    return news


def test_what_is_stored_is_what_analyze_gives(store: Store, folder: Path) -> None:
    summary = ingest_paths([folder], store)
    assert summary == IngestSummary(added=3, already_stored=0, wire_copies=1, rejected=[])
    expected = analyze_articles(item for item in read_inputs([folder]) if isinstance(item, Article))
    assert [d.to_dict() for d in store.documents()] == [d.to_dict() for d in expected]


def test_ingesting_twice_adds_nothing(store: Store, folder: Path) -> None:
    ingest_paths([folder], store)
    counts = store.counts()
    again = ingest_paths([folder, folder / "c-harbour.txt"], store)
    assert again == IngestSummary(added=0, already_stored=4, wire_copies=0, rejected=[])
    assert store.counts() == counts
    assert counts.documents == 3 and counts.wire_copies == 1


def test_stored_articles_are_skipped_before_analysis(store: Store, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ingest_paths([folder], store)
    analysed: list = []
    original = store_ingest.analyze_inputs
    monkeypatch.setattr(store_ingest, "analyze_inputs", lambda batch, **kw: analysed.extend(batch) or original(batch, **kw))
    ingest_paths([folder], store)
    assert analysed == []


def test_a_wire_copy_found_in_a_later_run(store: Store, folder: Path) -> None:
    first = ingest_paths([folder / "a-northgate.md"], store)
    second = ingest_paths([folder / "b-meridian.md"], store)
    assert (first.wire_copies, second.wire_copies) == (0, 1)
    northgate, meridian = store.documents()
    assert (northgate.outlet, meridian.outlet) == ("Northgate Daily", "Meridian Wire")
    assert (northgate.duplicate_of, meridian.duplicate_of) == (None, northgate.id)


def test_bad_inputs_are_reported_and_the_good_ones_stored(store: Store, folder: Path) -> None:
    (folder / "d-broken.bin.txt").write_bytes(b"\x00\x01\x02\x03 binary")
    (folder / "e-feed.jsonl").write_text(
        '{"title": "Ferry service resumes", "text": "The operator said the ferry would run.", "outlet": "Lanra Herald"}\n'
        '{"title": "broken\n', encoding="utf-8"
    )
    reported: list = []
    summary = ingest_paths([folder, folder / "missing.txt"], store, on_rejected=reported.append)
    assert [str(error) for error in summary.rejected] == [
        f"{folder / 'd-broken.bin.txt'}: binary file, not text",
        f"{folder / 'e-feed.jsonl'}:2: invalid JSON: Unterminated string starting at (column 11)",
        f"{folder / 'missing.txt'}: no such file or directory",
    ]
    assert reported == summary.rejected
    assert (summary.added, store.counts().documents) == (4, 4)
    assert [d.outlet for d in store.documents()][-1] == "Lanra Herald"


def test_one_transaction_per_batch(store: Store, folder: Path) -> None:
    seen: list[int] = []
    ingest_paths([folder], store, batch_size=2, progress=lambda summary: seen.append(summary.added))
    assert seen == [2, 3]


def test_after_ingest_runs_every_time(store: Store, folder: Path) -> None:
    calls: list[StoreCounts] = []
    for _ in range(2):
        ingest_paths([folder], store, after_ingest=lambda s: calls.append(s.counts()))
    assert [c.documents for c in calls] == [3, 3]


def test_reanalyze_picks_exactly_the_outdated_documents(store: Store, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ingest_paths([folder], store)
    before = {d.id: d.to_dict() for d in store.documents()}
    wire_copy = next(d for d in store.documents() if d.duplicate_of)
    fake_old_models(store, wire_copy.id)
    replaced: list[str] = []
    original = Store.replace_document
    monkeypatch.setattr(Store, "replace_document", lambda self, d: replaced.append(d.id) or original(self, d))
    progress: list[tuple[int, int]] = []
    assert reanalyze(store, progress=lambda *done_total: progress.append(done_total)) == 1
    assert replaced == [wire_copy.id] and progress == [(1, 1)]
    assert store.outdated_documents(analyzer_info().models) == []
    assert {d.id: d.to_dict() for d in store.documents()} == before  # link to the original kept
    assert reanalyze(store) == 0


def test_documents_analysed_before_the_rules_were_versioned_are_outdated(store: Store, folder: Path) -> None:
    ingest_paths([folder], store)
    first = next(iter(store.documents())).id
    fake_old_models(store, first, without="rules")
    assert reanalyze(store) == 1
    assert store.outdated_documents(analyzer_info().models) == []


def fake_old_models(store: Store, document_id: str, without: str | None = None) -> None:
    """Make one stored document look analysed by an older attribution model, or by a claimledger that
    stamped no ``without`` version."""
    body = store.document(document_id).to_dict()
    models = body["document"]["analyzer"]["models"]
    if without is None:
        old_models = {**models, "attribution": "rules-0"}
    else:
        old_models = {name: version for name, version in models.items() if name != without}
    body["document"]["analyzer"]["models"] = old_models
    with writing(store.engine) as connection:
        connection.execute(
            update(documents).where(documents.c.id == document_id).values(analyzer_models=old_models, body=body)
        )
