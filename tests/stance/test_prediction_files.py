"""predict_fnc1 and predict_emergent on tiny invented files: exact columns, rows and label sets."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from claimledger.errors import InputError
from claimledger.stance import LABELS, predict_emergent, predict_fnc1

BODIES = [
    ("7", "Officials confirmed on Monday that the Lake Varno bridge collapsed after the storm."),
    ("9", "The city council approved a new budget for public libraries and parks."),
]


def write_csv(path: Path, header: list[str], rows: list[tuple[str, ...]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def read_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


@pytest.mark.parametrize("with_stance_column", [True, False])
def test_predict_fnc1_writes_the_submission_format(tmp_path: Path, with_stance_column: bool) -> None:
    bodies = write_csv(tmp_path / "bodies.csv", ["Body ID", "articleBody"], BODIES)
    headlines = [("Lake Varno bridge collapses in storm", "7"), ("Lake Varno bridge collapses in storm", "9")]
    if with_stance_column:
        stances = write_csv(tmp_path / "stances.csv", ["Headline", "Body ID", "Stance"],
                            [(h, b, "agree") for h, b in headlines])  # fmt: skip
    else:
        stances = write_csv(tmp_path / "stances.csv", ["Headline", "Body ID"], headlines)
    out = tmp_path / "pred.csv"

    assert predict_fnc1(bodies, stances, out) == 2

    rows = read_rows(out)
    assert rows[0] == ["Headline", "Body ID", "Stance"]
    assert [row[:2] for row in rows[1:]] == [list(pair) for pair in headlines]
    assert all(row[2] in LABELS for row in rows[1:])
    assert rows[2][2] == "unrelated"  # the library budget has nothing to do with the bridge


def test_predict_fnc1_names_an_unknown_body(tmp_path: Path) -> None:
    bodies = write_csv(tmp_path / "bodies.csv", ["Body ID", "articleBody"], BODIES)
    stances = write_csv(tmp_path / "stances.csv", ["Headline", "Body ID"], [("A headline", "404")])
    with pytest.raises(InputError, match="404"):
        predict_fnc1(bodies, stances, tmp_path / "pred.csv")


def test_predict_emergent_adds_one_column(tmp_path: Path) -> None:
    header = ["", "claimHeadline", "articleHeadline", "articleHeadlineStance", "articleId", "claimId"]
    claim = "A shark was photographed swimming on a flooded highway"
    rows = [
        ("0", claim, "Photo of shark on flooded highway is a hoax", "against", "a1", "c1"),
        ("1", claim, "Shark reportedly spotted swimming on flooded highway", "observing", "a2", "c1"),
    ]
    source = write_csv(tmp_path / "in.csv", header, rows)
    out = tmp_path / "out.csv"

    assert predict_emergent(source, out) == 2

    written = read_rows(out)
    assert written[0] == [*header, "predictedStance"]
    assert [row[:-1] for row in written[1:]] == [list(row) for row in rows]
    assert [row[-1] for row in written[1:]] == ["against", "observing"]


def test_predict_emergent_needs_the_headline_columns(tmp_path: Path) -> None:
    source = write_csv(tmp_path / "in.csv", ["claimHeadline"], [("A claim",)])
    with pytest.raises(InputError, match="articleHeadline"):
        predict_emergent(source, tmp_path / "out.csv")
