"""The `claimledger` command as a user meets it: formats, exit statuses, one-line errors, stdin.

Runs the installed command in a subprocess where the exit status and the absence of a traceback
matter, and checks results through the library's own schema.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ARTICLE = (
    "Minister denies reports of abuse\n\n"
    "“We have found no evidence of any wrongdoing,” Interior Minister Dariusz Halvorsen said on Tuesday.\n\n"
    "According to Civic Rights Monitor, more than 100 people have been detained since March.\n"
)
FRENCH = (
    "Le ministre nie les abus\n\nLe ministre de l’Intérieur a nié mardi les informations selon lesquelles des "
    "manifestants auraient été détenus et maltraités par les forces de sécurité dans la province.\n"
)
EXAMPLES = Path(__file__).parent.parent / "examples"


def claimledger(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    command = [sys.executable, "-c", "from claimledger.cli import run; run()", *args]
    return subprocess.run(command, input=stdin, capture_output=True, text=True, timeout=300)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "northgate.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_json_is_an_array_of_documents(article: Path) -> None:
    result = claimledger("analyze", str(article), "--format", "json", "--outlet", "Northgate Daily")
    assert result.returncode == 0, result.stderr
    (document,) = json.loads(result.stdout)
    assert document["schema"] == "claimledger.document/1"
    assert document["document"]["outlet"] == "Northgate Daily"
    assert document["document"]["title_span"] == [0, 32]
    assert document["document"]["text"] == ARTICLE
    assert [s["cue"]["text"] for s in document["statements"]] == ["denies", "said", "According to"]


def test_jsonl_is_one_object_per_line(article: Path, tmp_path: Path) -> None:
    second = tmp_path / "second.md"
    second.write_text("---\noutlet: The Harbour Courier\npublished: 2026-04-04\n---\n" + ARTICLE, encoding="utf-8")
    result = claimledger("analyze", str(article), str(second), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert [json.loads(line)["document"]["outlet"] for line in lines] == [None, "The Harbour Courier"]
    assert json.loads(lines[1])["document"]["published"] == "2026-04-04"


def test_table_shows_headline_outlet_and_speakers(article: Path) -> None:
    result = claimledger("analyze", str(article), "--outlet", "Northgate Daily")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "Minister denies reports of abuse"
    assert "Northgate Daily" in result.stdout.splitlines()[1]
    assert "Dariusz Halvorsen" in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 100


def test_no_title(article: Path) -> None:
    result = claimledger("analyze", str(article), "--format", "json", "--no-title")
    (document,) = json.loads(result.stdout)
    assert (document["document"]["title"], document["document"]["title_span"]) == (None, None)


def test_stdin(article: Path) -> None:
    result = claimledger("analyze", "-", "--format", "jsonl", stdin=ARTICLE)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["document"]["path"] == "<stdin>"


BAD_INPUTS = {
    "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary file, not text"),
    "empty.txt": (b"", "empty file"),
    "controls.txt": (bytes([1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 14, 15]) * 40, "not text"),
    "truncated.html": (b"<html><head><title>T</title></head><bo", "no article text found"),
    "nocolumn.csv": (b"id,title,body\n1,Headline,Some body\n", "no 'text' column"),
    "french.txt": (FRENCH.encode(), "not in English"),
}


def test_bad_inputs_get_one_line_each_and_the_rest_is_analysed(article: Path, tmp_path: Path) -> None:
    for name, (content, _) in BAD_INPUTS.items():
        (tmp_path / name).write_bytes(content)
    broken = tmp_path / "broken.jsonl"
    good_line = json.dumps({"id": "w1", "title": "Headline", "text": "The agency said it was testing the water."})
    broken.write_text(good_line + "\n{not json\n", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    paths = [str(tmp_path / name) for name in BAD_INPUTS] + [str(broken), str(missing), str(article)]
    result = claimledger("analyze", *paths, "--format", "jsonl")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    errors = result.stderr.splitlines()
    for name, (_, problem) in BAD_INPUTS.items():
        assert any(str(tmp_path / name) in line and problem in line for line in errors), (name, errors)
    assert any(f"{broken}:2" in line and "invalid JSON" in line for line in errors)
    assert any(str(missing) in line and "no such file or directory" in line for line in errors)
    assert len(errors) == len(BAD_INPUTS) + 2
    ids = [json.loads(line)["document"]["id"] for line in result.stdout.splitlines()]
    assert ids[0] == "w1" and len(ids) == 2  # the good JSON line and the good article


def test_any_language_analyses_other_languages(tmp_path: Path) -> None:
    path = tmp_path / "french.txt"
    path.write_text(FRENCH, encoding="utf-8")
    result = claimledger("analyze", str(path), "--format", "json", "--any-language")
    assert result.returncode == 0
    assert json.loads(result.stdout)[0]["document"]["language"] == "fr"


def test_oversized_file_is_refused(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: 200 MB on paper, nothing read
    result = claimledger("analyze", str(huge))
    assert result.returncode == 2
    assert result.stderr.startswith(f"claimledger: {huge}: file is 200 MB, over the limit of 20 MB")


def test_folder_without_articles(tmp_path: Path) -> None:
    (tmp_path / "notes.bin").write_bytes(b"\x00\x01")
    result = claimledger("analyze", str(tmp_path))
    assert result.returncode == 2
    assert result.stderr.startswith(f"claimledger: {tmp_path}: no supported files")


def test_usage_error_exits_2() -> None:
    assert claimledger("analyze", "--format", "xml", "x.txt").returncode == 2


def test_examples_all_have_statements() -> None:
    result = claimledger("analyze", str(EXAMPLES), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    documents = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(documents) == 12
    assert len({d["document"]["outlet"] for d in documents}) >= 5
    assert all(d["statements"] for d in documents)
    assert all(d["document"]["published"] for d in documents)
    copies = [d for d in documents if d["document"]["duplicate_of"]]
    assert copies == []  # the wire copy has its own headline: a near-duplicate, linked by the ledger


def test_version() -> None:
    from claimledger import __version__

    assert claimledger("--version").stdout.strip() == f"claimledger {__version__}"


def test_stance_command(article: Path) -> None:
    result = claimledger("stance", "--claim", "Police detained more than 100 people", str(article), "--format", "json")
    assert result.returncode == 0, result.stderr
    (row,) = json.loads(result.stdout)
    assert row["path"] == str(article)
    assert row["stance"] in {"agree", "disagree", "discuss", "unrelated"}
    assert abs(sum(row["probabilities"].values()) - 1.0) < 1e-3


def test_predict_checkworthy_writes_clef_format(tmp_path: Path) -> None:
    debate = tmp_path / "debate.tsv"
    debate.write_text("1\tMODERATOR\tGood evening.\n2\tSMITH\tUnemployment fell to 4.1 percent last year.\n")
    out = tmp_path / "scores.tsv"
    result = claimledger("predict", "checkworthy", str(debate), "--out", str(out))
    assert result.returncode == 0, result.stderr
    lines = [line.split("\t") for line in out.read_text().splitlines()]
    assert [number for number, _ in lines] == ["1", "2"]
    assert float(lines[1][1]) > float(lines[0][1])


def test_predict_fnc1_writes_submission_format(tmp_path: Path) -> None:
    bodies = tmp_path / "bodies.csv"
    bodies.write_text('Body ID,articleBody\n7,"The ministry denied the report, calling it a hoax."\n')
    stances = tmp_path / "stances.csv"
    stances.write_text("Headline,Body ID\nMinistry admits abuse,7\n")
    out = tmp_path / "predictions.csv"
    result = claimledger("predict", "fnc1", "--bodies", str(bodies), "--stances", str(stances), "--out", str(out))
    assert result.returncode == 0, result.stderr
    header, row = out.read_text().splitlines()
    assert header == "Headline,Body ID,Stance"
    assert row.rsplit(",", 1)[0] == "Ministry admits abuse,7"
