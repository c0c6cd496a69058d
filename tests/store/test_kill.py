"""A real crash: ``claimledger ingest`` killed with SIGKILL once its first batch is committed.

The store must be consistent at that moment (whole batches only, every document with its statements,
the search index in step), and running the command again must finish the job: the same documents as
one clean run, nothing doubled. The articles are generated from invented names, outlets and figures.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from sqlalchemy import func, select, text

from claimledger.linking.stored import relink
from claimledger.store import Store, open_store
from claimledger.store.ingest import ingest_paths
from claimledger.store.schema import statements

PEOPLE = ["Dariusz Halvorsen", "Anna Petrov", "Tomas Reyes", "Leila Amrani", "Jonas Brandt", "Mei Okafor", "Ivo Lindqvist"]
OUTLETS = ["Northgate Daily", "The Harbour Courier", "Meridian Wire", "Lanra Valley Herald", "Upland Gazette"]
TOWNS = ["Vostok", "Lanra", "Kelmar", "Ostrava Bay", "Redfield"]
ARTICLES = 60
WIRE_COPIES = (10, 30)  # these articles are carried by a second outlet too
BATCH = 4
TIMEOUT_S = 240


def generate(folder: Path) -> int:
    """Write the invented articles (and their wire copies) as Markdown; returns how many documents."""
    folder.mkdir()
    for i in range(ARTICLES):
        person, town, figure = PEOPLE[i % len(PEOPLE)], TOWNS[i % len(TOWNS)], 40 + 7 * i
        body = (
            f"# {person} disputes the count of detentions in {town}\n\n"
            f"“The figure of {figure} is simply not true,” {person} told reporters in {town} on Monday, "
            f"adding that officials had released everyone within days.\n\n"
            f"A local rights group said that at least {figure + 12} people had been held since the protests began, "
            f"and that several of them had been denied access to lawyers.\n\n"
            f"The regional governor declined to comment. Families gathered outside the courthouse for a {i + 2}th day, "
            f"according to witnesses, while the police said the square would stay closed until further notice.\n"
        )
        (folder / f"article-{i:02d}.md").write_text(_front_matter(OUTLETS[i % len(OUTLETS)], i) + body, encoding="utf-8")
        if i in WIRE_COPIES:
            (folder / f"article-{i:02d}-copy.md").write_text(_front_matter("Coastal Post", i) + body, encoding="utf-8")
    return ARTICLES + len(WIRE_COPIES)


def _front_matter(outlet: str, i: int) -> str:
    return f"---\noutlet: {outlet}\npublished: 2026-03-{1 + i % 28:02d}\n---\n"


def ingest_command(folder: Path, url: str) -> list[str]:
    return [sys.executable, "-c", "from claimledger.cli import run; run()", "ingest", str(folder),
            "--db", url, "--batch-size", str(BATCH)]


def kill_after_first_batch(process: subprocess.Popen, store: Store) -> None:
    deadline = time.monotonic() + TIMEOUT_S
    while store.counts().documents < BATCH and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.communicate()


def assert_consistent(store: Store) -> None:
    """Every document has exactly its statements; the search index matches the rows."""
    with store.engine.connect() as connection:
        rows = Counter(dict(connection.execute(
            select(statements.c.document_id, func.count()).group_by(statements.c.document_id)
        ).all()))
        if connection.dialect.name == "sqlite":
            indexed = set(connection.scalars(text("SELECT document_id FROM documents_fts")))
            assert sorted(connection.scalars(text("SELECT id FROM statements_fts_docsize"))) == sorted(
                connection.scalars(select(statements.c.pk))
            )
            connection.execute(text("INSERT INTO statements_fts (statements_fts) VALUES ('integrity-check')"))
    documents = list(store.documents())
    assert {d.id: len(d.statements) for d in documents} == {d.id: rows[d.id] for d in documents}
    assert sum(rows.values()) == store.counts().statements
    if store.engine.dialect.name == "sqlite":
        assert indexed == {d.id for d in documents}


def stored_bodies(store: Store) -> dict[str, dict]:
    return {document.id: document.to_dict() for document in store.documents()}


def test_killed_ingest_leaves_whole_batches_and_resumes(store_url: str, tmp_path: Path) -> None:
    total = generate(tmp_path / "articles")
    with open_store(store_url) as store:
        process = subprocess.Popen(
            ingest_command(tmp_path / "articles", store_url), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        kill_after_first_batch(process, store)
        assert process.returncode == -signal.SIGKILL, "the ingest ended before it could be killed"
        stored_at_kill = store.counts().documents
        assert BATCH <= stored_at_kill < total
        assert stored_at_kill % BATCH == 0  # nothing is rejected: a committed batch adds exactly BATCH
        assert_consistent(store)

        rerun = subprocess.run(
            ingest_command(tmp_path / "articles", store_url), capture_output=True, text=True, timeout=TIMEOUT_S
        )
        assert rerun.returncode == 0, rerun.stderr
        assert rerun.stdout.startswith(f"added {total - stored_at_kill}, already stored {stored_at_kill}, ")
        assert_consistent(store)
        resumed, counts, resumed_stories = stored_bodies(store), store.counts(), store.stories()

    with open_store(str(tmp_path / "clean.db")) as clean:
        ingest_paths([tmp_path / "articles"], clean, after_ingest=relink)  # as the command does
        assert resumed == stored_bodies(clean)
        assert counts == clean.counts()
        assert resumed_stories == clean.stories()
    # The exact copies, and the generated articles near-duplicate of each other (one template).
    assert counts.documents == total and counts.wire_copies >= len(WIRE_COPIES)
