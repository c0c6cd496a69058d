"""The floors file: recording, checking, the data digest gate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimledger.errors import ClaimledgerError
from claimledger.evaluation import EvalResult
from claimledger.evaluation.floors import check_floors, floors_path, load_floors, record_floors


@pytest.fixture
def floors_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "floors.json"
    monkeypatch.setenv("CLAIMLEDGER_FLOORS", str(path))
    return path


RECORDED = {"cue_exact_f1": 60.0, "source_exact_f1": 55.2}


def result(digest: str = "sha256:00112233aabbccdd", **metrics: float) -> EvalResult:
    """A polnear result with ``metrics`` (default: :data:`RECORDED`) on data of ``digest``."""
    return EvalResult(name="polnear", metrics=metrics or dict(RECORDED), data_digest=digest)


def test_floors_sit_half_a_point_below_the_scores(floors_file: Path) -> None:
    entry = record_floors("polnear", result())
    assert entry["floors"] == {"cue_exact_f1": 59.5, "source_exact_f1": 54.7}
    assert entry["scores"] == {"cue_exact_f1": 60.0, "source_exact_f1": 55.2}
    assert entry["command"] == "claimledger eval polnear"
    assert entry["data_digest"] == "sha256:00112233aabbccdd"


def test_fraction_metrics_get_a_fraction_margin(floors_file: Path) -> None:
    scored = EvalResult(
        "clef", {"map": 0.166, "percent": 70.0}, "sha256:0", fraction_metrics=frozenset({"map"})
    )
    assert record_floors("clef", scored)["floors"] == {"map": 0.161, "percent": 69.5}


def test_an_explicit_margin_applies_to_every_metric(floors_file: Path) -> None:
    floors = record_floors("polnear", result(), margin=2.0)["floors"]
    assert floors == {"cue_exact_f1": 58.0, "source_exact_f1": 53.2}


def test_recording_keeps_other_evals_and_writes_sorted_indented_json(floors_file: Path) -> None:
    floors_file.write_text(json.dumps({"fnc-1": {"floors": {}}}), encoding="utf-8")
    record_floors("polnear", result())
    written = floors_file.read_text(encoding="utf-8")
    assert list(json.loads(written)) == ["fnc-1", "polnear"]
    assert written == json.dumps(json.loads(written), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def test_recorded_result_passes_its_own_check(floors_file: Path) -> None:
    record_floors("polnear", result())
    assert check_floors("polnear", result()) == []


def test_a_drop_within_the_margin_passes(floors_file: Path) -> None:
    record_floors("polnear", result())
    assert check_floors("polnear", result(cue_exact_f1=59.5, source_exact_f1=54.7)) == []


def test_a_drop_below_the_floor_fails(floors_file: Path) -> None:
    record_floors("polnear", result())
    failures = check_floors("polnear", result(cue_exact_f1=59.4, source_exact_f1=55.2))
    assert len(failures) == 1
    assert "cue_exact_f1 = 59.4 is below its floor 59.5" in failures[0]


def test_rounding_noise_is_tolerated(floors_file: Path) -> None:
    record_floors("polnear", result())
    assert check_floors("polnear", result(cue_exact_f1=59.4996, source_exact_f1=54.7)) == []


def test_changed_data_fails_until_floors_are_re_recorded(floors_file: Path) -> None:
    record_floors("polnear", result())
    failures = check_floors("polnear", result(digest="sha256:ffffffffffffffff"))
    assert len(failures) == 1
    assert "data changed" in failures[0]
    assert "re-record the floors on purpose with `claimledger eval polnear --record-floors`" in failures[0]


def test_missing_floors_fail(floors_file: Path) -> None:
    assert "no floors recorded" in check_floors("polnear", result())[0]


def test_a_floored_metric_that_disappeared_fails(floors_file: Path) -> None:
    record_floors("polnear", result())
    assert "no longer reports it" in check_floors("polnear", result(cue_exact_f1=60.0))[0]


def test_a_missing_file_loads_as_no_floors(floors_file: Path) -> None:
    assert load_floors() == {}


def test_invalid_json_is_a_clear_error(floors_file: Path) -> None:
    floors_file.write_text("{oops", encoding="utf-8")
    with pytest.raises(ClaimledgerError, match="not valid JSON"):
        load_floors()


def test_default_floors_file_is_at_the_repository_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CLAIMLEDGER_FLOORS", raising=False)
    repo_root = Path(__file__).resolve().parents[2]
    assert floors_path() == repo_root / "floors.json"
    assert isinstance(load_floors(), dict)
