"""Schema versions: a fresh store gets every step, an open one none again, a failed step changes nothing."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Connection, inspect, select, text

from claimledger.errors import StoreError
from claimledger.store import LATEST_VERSION, database_url, open_store
from claimledger.store import migrations
from claimledger.store.engine import writing
from claimledger.store.migrations import MIGRATIONS, Migration
from claimledger.store.schema import schema_version

from .invented import NORTHGATE


def recorded_versions(url: str) -> list[int]:
    with open_store(url) as store, store.engine.connect() as connection:
        return list(connection.scalars(select(schema_version.c.version).order_by(schema_version.c.version)))


def table_names(url: str) -> set[str]:
    with open_store(url) as store, store.engine.connect() as connection:
        return set(inspect(connection).get_table_names())


def test_steps_are_numbered_one_by_one() -> None:
    assert [step.version for step in MIGRATIONS] == list(range(1, LATEST_VERSION + 1))


def test_a_fresh_store_gets_every_step(store_url: str) -> None:
    assert recorded_versions(store_url) == list(range(1, LATEST_VERSION + 1))
    assert {"schema_version", "documents", "statements", "stories"} <= table_names(store_url)


def test_sqlite_search_tables(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'fts.db'}"
    assert {"documents_fts", "statements_fts"} <= table_names(url)


def test_reopening_applies_nothing(store_url: str) -> None:
    with open_store(store_url) as store:
        store.add_documents([NORTHGATE])
        with writing(store.engine) as connection:
            assert migrations.migrate(connection) == []
    assert recorded_versions(store_url) == list(range(1, LATEST_VERSION + 1))


def test_a_failed_step_is_rolled_back(store_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    open_store(store_url).close()

    def half_done(connection: Connection) -> None:
        connection.execute(text("CREATE TABLE half_done (id INTEGER)"))
        connection.execute(text("SELECT no_such_column FROM documents"))

    monkeypatch.setattr(migrations, "MIGRATIONS", [*MIGRATIONS, Migration(LATEST_VERSION + 1, "broken", half_done)])
    monkeypatch.setattr(migrations, "LATEST_VERSION", LATEST_VERSION + 1)
    with pytest.raises(StoreError, match="cannot open the store"):
        open_store(store_url)
    monkeypatch.undo()
    assert recorded_versions(store_url) == list(range(1, LATEST_VERSION + 1))
    assert "half_done" not in table_names(store_url)


def test_a_newer_store_is_refused(store_url: str) -> None:
    with open_store(store_url) as store, writing(store.engine) as connection:
        connection.execute(schema_version.insert(), {"version": 99, "description": "future", "applied_at": datetime.now(UTC)})
    with pytest.raises(StoreError, match="schema version 99, newer than this claimledger knows"):
        open_store(store_url)


def test_urls(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CLAIMLEDGER_DB", raising=False)
    assert str(database_url(None)) == "sqlite:///./claimledger.db"
    assert str(database_url("data/news.db")) == "sqlite:///data/news.db"
    assert str(database_url("postgresql://ana@db.example/news")) == "postgresql+psycopg://ana@db.example/news"
    assert str(database_url("postgres://ana@db.example/news")) == "postgresql+psycopg://ana@db.example/news"
    monkeypatch.setenv("CLAIMLEDGER_DB", "sqlite:////srv/ledger.db")
    assert str(database_url(None)) == "sqlite:////srv/ledger.db"


def test_a_version_1_store_is_upgraded_and_keeps_its_documents(store_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(migrations, "MIGRATIONS", MIGRATIONS[:1])
    monkeypatch.setattr(migrations, "LATEST_VERSION", 1)
    with open_store(store_url) as store:
        store.add_documents([NORTHGATE])
    assert not {"settings", "embeddings", "statement_speakers"} & table_names(store_url)
    monkeypatch.undo()
    assert recorded_versions(store_url) == [1, 2, 3]
    assert {"settings", "embeddings", "statement_speakers"} <= table_names(store_url)
    with open_store(store_url) as store:
        assert [document.id for document in store.documents()] == [NORTHGATE.id]
        store.set_setting("claim_linking", "meaning")
        assert store.setting("claim_linking") == "meaning"
