"""The data folder lookup and the digest of the files an eval reads."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from claimledger.errors import EvalDataMissingError
from claimledger.evaluation import data
from claimledger.evaluation.data import data_root, digest_files


def make_files(root: Path) -> list[Path]:
    (root / "set" / "text").mkdir(parents=True)
    first = root / "set" / "text" / "a.txt"
    second = root / "set" / "b.ann"
    first.write_text("The mayor said so.\n", encoding="utf-8")
    second.write_text("T1\tCue 10 14\tsaid\n", encoding="utf-8")
    return [first, second]


def test_digest_format(tmp_path: Path) -> None:
    assert re.fullmatch(r"sha256:[0-9a-f]{16}", digest_files(make_files(tmp_path), tmp_path))


def test_digest_is_stable_across_order_and_location(tmp_path: Path) -> None:
    files = make_files(tmp_path / "here")
    shutil.copytree(tmp_path / "here", tmp_path / "elsewhere")
    moved = [tmp_path / "elsewhere" / p.relative_to(tmp_path / "here") for p in files]
    assert digest_files(files, tmp_path / "here") == digest_files(reversed(files), tmp_path / "here")
    assert digest_files(files, tmp_path / "here") == digest_files(moved, tmp_path / "elsewhere")


def test_digest_changes_with_content_and_names(tmp_path: Path) -> None:
    files = make_files(tmp_path)
    before = digest_files(files, tmp_path)
    files[0].write_text("The mayor said so!\n", encoding="utf-8")
    edited = digest_files(files, tmp_path)
    renamed = files[0].rename(files[0].with_name("c.txt"))
    assert len({before, edited, digest_files([renamed, files[1]], tmp_path)}) == 3


def test_digest_depends_on_file_boundaries(tmp_path: Path) -> None:
    (tmp_path / "x").write_text("ab", encoding="utf-8")
    (tmp_path / "y").write_text("c", encoding="utf-8")
    split_one_way = digest_files([tmp_path / "x", tmp_path / "y"], tmp_path)
    (tmp_path / "x").write_text("a", encoding="utf-8")
    (tmp_path / "y").write_text("bc", encoding="utf-8")
    assert digest_files([tmp_path / "x", tmp_path / "y"], tmp_path) != split_one_way


def test_data_root_follows_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMLEDGER_DATA", str(tmp_path))
    assert data_root() == tmp_path.resolve()


def test_a_configured_data_root_that_is_absent_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLAIMLEDGER_DATA", str(tmp_path / "nowhere"))
    with pytest.raises(EvalDataMissingError, match="nowhere"):
        data_root()


def test_data_root_is_shared_data_next_to_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CLAIMLEDGER_DATA", raising=False)
    (tmp_path / "shared" / "data").mkdir(parents=True)
    (tmp_path / "checkout").mkdir()
    monkeypatch.chdir(tmp_path / "checkout")
    assert data_root() == (tmp_path / "shared" / "data").resolve()


def test_data_root_falls_back_to_the_source_checkout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CLAIMLEDGER_DATA", raising=False)
    (tmp_path / "shared" / "data").mkdir(parents=True)
    (tmp_path / "repo").mkdir()
    monkeypatch.setattr(data, "source_checkout_root", lambda: tmp_path / "repo")
    (tmp_path / "elsewhere" / "deeper").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "elsewhere" / "deeper")
    assert data_root() == (tmp_path / "shared" / "data").resolve()


def test_absent_data_names_the_paths_looked_at(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CLAIMLEDGER_DATA", raising=False)
    monkeypatch.setattr(data, "source_checkout_root", lambda: None)
    monkeypatch.chdir(tmp_path)
    expected = (tmp_path / ".." / "shared" / "data").resolve()
    with pytest.raises(EvalDataMissingError, match=re.escape(str(expected))):
        data_root()
