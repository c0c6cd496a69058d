"""Smoke test of the scaling benchmark's generator and linking on about 500 statements."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from claimledger.errors import EvalDataMissingError

BENCHMARK = Path(__file__).parent.parent.parent / "benchmarks" / "linking_scale.py"


@pytest.fixture(scope="module")
def benchmark():
    spec = importlib.util.spec_from_file_location("linking_scale", BENCHMARK)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    yield module
    del sys.modules[spec.name]


def test_generated_corpus_links(benchmark) -> None:
    try:
        pool = benchmark.real_sentences(limit=2_000)
    except (EvalDataMissingError, FileNotFoundError) as error:
        pytest.skip(str(error))
    documents = benchmark.generate_corpus(500, 10, pool)
    assert sum(len(d.statements) for d in documents) >= 500
    for document in documents:
        for statement in document.statements:
            assert document.text[statement.content.start : statement.content.end] == statement.content.text
    from claimledger.linking import link_corpus

    links = link_corpus(documents)
    assert {d for story in links.stories for d in story.documents} == {d.id for d in documents}
    assert all(links.original_of(d.id) == d.id[: -len("-copy")] for d in documents if d.id.endswith("-copy"))
