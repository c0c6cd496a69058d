"""The store commands as a user meets them: ``ingest``, ``search``, ``reanalyze`` (SQLite file).

Each runs the command in a subprocess, where exit statuses and one-line errors matter. The articles
are invented.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from claimledger.store import open_store

ARTICLE = (
    "Minister denies reports of abuse\n\n"
    "“We have found no evidence of any wrongdoing,” Interior Minister Dariusz Halvorsen said on Tuesday.\n"
)


def claimledger(*args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-c", "from claimledger.cli import run; run()", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=300)


@pytest.fixture
def news(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "northgate.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02 not text")
    return folder


def test_ingest_search_reanalyze(news: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "ledger.db")
    first = claimledger("ingest", str(news), "--db", db, "--outlet", "Northgate Daily")
    assert first.returncode == 2
    assert first.stdout == "added 1, already stored 0, wire copies 0, rejected 1\nlinked: 1 stories, 2 claims\n"
    assert first.stderr == f"claimledger: {news / 'broken.txt'}: binary file, not text\n"

    again = claimledger("ingest", str(news / "northgate.txt"), "--db", db, "--outlet", "Northgate Daily")
    assert (again.returncode, again.stdout) == (
        0, "added 0, already stored 1, wire copies 0, rejected 0\nlinked: 1 stories, 2 claims\n"
    )

    found = claimledger("search", "wrongdoing", "--db", db, "--format", "json")
    assert found.returncode == 0, found.stderr
    with open_store(db) as store:
        (document,) = store.documents()
    assert [(h["document_id"], h["outlet"], "**wrongdoing**" in h["snippet"]) for h in json.loads(found.stdout)] == [
        (document.id, "Northgate Daily", True)
    ] * 2

    table = claimledger("search", "wrongdoing", "--db", db)
    assert document.id in table.stdout and "Northgate Daily" in table.stdout
    assert claimledger("search", "nothing-like-this", "--db", db).stdout == "no matches\n"

    reanalysed = claimledger("reanalyze", "--db", db)
    assert (reanalysed.returncode, reanalysed.stdout) == (
        0, "outdated documents re-analysed: 0\nlinked: 1 stories, 2 claims\n"
    )


def test_a_store_that_cannot_be_opened_is_one_line(tmp_path: Path) -> None:
    result = claimledger("search", "anything", "--db", str(tmp_path / "no" / "such" / "dir.db"))
    assert result.returncode == 1
    assert result.stderr == (
        f"claimledger: cannot open the store sqlite:///{tmp_path / 'no' / 'such' / 'dir.db'}: unable to open database file\n"
    )


def test_ingest_links_by_meaning_once_asked(news: Path, tmp_path: Path) -> None:
    pytest.importorskip("torch", reason="the sentence encoder needs requirements-accurate.txt")
    db = str(tmp_path / "ledger.db")
    article = str(news / "northgate.txt")
    wrong = claimledger("ingest", article, "--db", db, "--linking", "sideways")
    assert wrong.returncode == 2 and "'sideways' is neither words nor meaning" in wrong.stderr

    asked = claimledger("ingest", article, "--db", db, "--linking", "meaning")
    assert (asked.returncode, asked.stdout) == (
        0, "added 1, already stored 0, wire copies 0, rejected 0\nlinked by meaning: 1 stories, 2 claims\n"
    )
    with open_store(db) as store:
        assert store.setting("claim_linking") == "meaning"
    again = claimledger("reanalyze", "--db", db)  # remembered: linked by meaning again, without asking
    assert (again.returncode, again.stdout) == (
        0, "outdated documents re-analysed: 0\nlinked by meaning: 1 stories, 2 claims\n"
    )
    with open_store(db) as store:
        assert store.setting("claim_linking") == "meaning"
        with store.engine.connect() as connection:
            # the contexts of three claims and three statements: the headline and the quote's sentence
            assert connection.exec_driver_sql("SELECT count(*) FROM embeddings").scalar() == 2
