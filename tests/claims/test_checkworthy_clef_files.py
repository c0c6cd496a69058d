"""Reading CLEF CheckThat! files and writing `line_number<TAB>score` predictions."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimledger.claims.checkworthy import predict_clef_file, read_clef_file, score_sentences
from claimledger.errors import InputError

DEBATE = (
    "1\tHOLT\tGood evening, everyone.\t0\n"
    "2\tTRUMP\tUnemployment fell to 4.1 percent last year.\t1\n"
    '3\tCLINTON\tShe said "no" twice.\t0\n'
)


def lengths_as_scores(sentences: list[str]) -> list[float]:
    """A stand-in scorer whose output is known exactly: 1 / (number of characters)."""
    return [1 / len(sentence) for sentence in sentences]


def test_read_clef_file_with_labels(tmp_path: Path) -> None:
    path = tmp_path / "debate.tsv"
    path.write_text(DEBATE, encoding="utf-8")
    lines = read_clef_file(path)
    assert [(line.line_number, line.speaker, line.label) for line in lines] == [
        (1, "HOLT", 0), (2, "TRUMP", 1), (3, "CLINTON", 0),
    ]
    assert lines[2].text == 'She said "no" twice.'  # quotation marks are text, not CSV quoting


def test_read_clef_file_without_labels(tmp_path: Path) -> None:
    path = tmp_path / "test.tsv"
    path.write_text("7\tSYSTEM\t(APPLAUSE)\n8\tPENCE\tThank you.\n", encoding="utf-8")
    assert [(line.line_number, line.text, line.label) for line in read_clef_file(path)] == [
        (7, "(APPLAUSE)", None), (8, "Thank you.", None),
    ]


def test_predict_clef_file_writes_the_exact_lines(tmp_path: Path) -> None:
    source, target = tmp_path / "debate.tsv", tmp_path / "scores.tsv"
    source.write_text(DEBATE, encoding="utf-8")
    assert predict_clef_file(source, target, scorer=lengths_as_scores) == 3
    assert target.read_text(encoding="utf-8") == "1\t0.04347826\n2\t0.02325581\n3\t0.05000000\n"


def test_predict_clef_file_with_the_shipped_model(tmp_path: Path) -> None:
    source, target = tmp_path / "debate.tsv", tmp_path / "scores.tsv"
    source.write_text(DEBATE, encoding="utf-8")
    predict_clef_file(source, target)
    scores = score_sentences(["Good evening, everyone.", "Unemployment fell to 4.1 percent last year.",
                              'She said "no" twice.'])
    expected = "".join(f"{n}\t{score:.8f}\n" for n, score in zip((1, 2, 3), scores))
    assert target.read_text(encoding="utf-8") == expected


def test_a_malformed_line_is_reported_with_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.tsv"
    path.write_text("1\tHOLT\tGood evening.\t0\ntwo\tHOLT\tWelcome.\t0\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"broken\.tsv:2: the line number and label must be integers"):
        read_clef_file(path)


def test_a_line_with_too_few_columns_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "short.tsv"
    path.write_text("1\tGood evening.\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"short\.tsv:1: expected 3 or 4 tab-separated columns"):
        read_clef_file(path)


def test_a_file_that_is_not_utf8_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "latin1.tsv"
    path.write_bytes("1\tHOLT\tCaf\xe9.\t0\n".encode("latin-1"))
    with pytest.raises(InputError, match="latin1.tsv"):
        read_clef_file(path)
