"""``claimledger predict clusters`` on invented headline-only JSON Lines documents."""

from __future__ import annotations

import csv
import json

import pytest
from typer.testing import CliRunner

from claimledger.cli import app

HEADLINES = [
    ("h1", "Police detained protesters in Orvik after the march"),
    ("h2", "Orvik police detain protesters after march"),
    ("h3", "Police did not detain protesters in Orvik after the march"),
    ("h4", "Dead fish found on the Ressa River below chemical plant"),
]


def test_predict_clusters_writes_story_claim_and_family(tmp_path) -> None:
    source = tmp_path / "headlines.jsonl"
    source.write_text("".join(json.dumps({"id": i, "title": t, "text": t}) + "\n" for i, t in HEADLINES))
    out = tmp_path / "clusters.csv"
    result = CliRunner().invoke(app, ["predict", "clusters", str(source), "--out", str(out)])
    assert result.exit_code == 0, result.output
    rows = {row["id"]: row for row in csv.DictReader(out.open(encoding="utf-8"))}
    assert list(next(iter(rows.values()))) == ["id", "story", "claim", "family"]
    assert rows["h1"]["claim"] == rows["h2"]["claim"] != rows["h3"]["claim"]
    assert rows["h1"]["family"] == rows["h2"]["family"] == rows["h3"]["family"] == rows["h1"]["claim"]
    assert rows["h4"]["claim"] not in {rows["h1"]["claim"], rows["h3"]["claim"]}
    assert rows["h4"]["story"] != rows["h1"]["story"] == rows["h2"]["story"]


def test_predict_clusters_accurate_keeps_negations_and_other_events_apart(tmp_path) -> None:
    pytest.importorskip("torch", reason="the sentence encoder needs requirements-accurate.txt")
    source = tmp_path / "headlines.jsonl"
    source.write_text("".join(json.dumps({"id": i, "title": t, "text": t}) + "\n" for i, t in HEADLINES))
    out = tmp_path / "clusters.csv"
    result = CliRunner().invoke(app, ["predict", "clusters", str(source), "--out", str(out), "--accurate"])
    assert result.exit_code == 0, result.output
    rows = {row["id"]: row for row in csv.DictReader(out.open(encoding="utf-8"))}
    assert rows["h1"]["claim"] == rows["h2"]["claim"] != rows["h3"]["claim"]
    assert rows["h1"]["family"] == rows["h3"]["family"]
    assert rows["h4"]["claim"] not in {rows["h1"]["claim"], rows["h3"]["claim"]}
