"""The floors file: each eval's recorded scores, the floors CI holds it to, and the data digest.

Layout of ``floors.json`` (at the repository root; ``CLAIMLEDGER_FLOORS`` overrides the path)::

    {"polnear": {"data_digest": "sha256:…", "scores": {...}, "floors": {...},
                 "recorded": "2025-01-31", "command": "claimledger eval polnear"}}
"""

from __future__ import annotations

import datetime
import json
import os
from pathlib import Path
from typing import Any

from claimledger.errors import ClaimledgerError
from claimledger.evaluation.data import source_checkout_root
from claimledger.evaluation.registry import EvalResult

FLOORS_ENV = "CLAIMLEDGER_FLOORS"
FLOORS_FILE = "floors.json"
# Scores are printed rounded; a floor is only broken by more than rounding noise.
TOLERANCE = 0.0005
PERCENT_MARGIN = 0.5
FRACTION_MARGIN = 0.005


def floors_path() -> Path:
    """Where the floors file is: ``CLAIMLEDGER_FLOORS``, else ``floors.json`` at the repository root."""
    configured = os.environ.get(FLOORS_ENV)
    if configured:
        return Path(configured)
    root = source_checkout_root() or Path.cwd()
    return root / FLOORS_FILE


def load_floors() -> dict[str, Any]:
    """Every eval's entry of the floors file; ``{}`` when the file does not exist yet."""
    path = floors_path()
    if not path.exists():
        return {}
    try:
        floors = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise ClaimledgerError(f"{path}: not valid JSON ({error})") from None
    if not isinstance(floors, dict):
        raise ClaimledgerError(f"{path}: expected a JSON object of evals")
    return floors


def re_record_hint(name: str) -> str:
    """The command that records the floors of ``name`` again, quoted for messages."""
    return f"`claimledger eval {name} --record-floors`"


def check_floors(name: str, result: EvalResult) -> list[str]:
    """What is wrong with ``result`` against the recorded floors of ``name``: ``[]`` when it passes.

    Fails when no floors are recorded, when the data digest differs from the recorded one, and for
    every floored metric that is missing or lower than its floor by more than :data:`TOLERANCE`.
    """
    entry = load_floors().get(name)
    if entry is None:
        return [f"{name}: no floors recorded: record them with {re_record_hint(name)}"]
    failures = []
    if entry.get("data_digest") != result.data_digest:
        failures.append(
            f"{name}: data changed ({entry.get('data_digest')} recorded, {result.data_digest} now): "
            f"re-record the floors on purpose with {re_record_hint(name)}"
        )
    for metric, floor in sorted(entry.get("floors", {}).items()):
        score = result.metrics.get(metric)
        if score is None:
            failures.append(f"{name}: metric {metric} has a floor but the eval no longer reports it")
        elif score < floor - TOLERANCE:
            failures.append(f"{name}: {metric} = {score} is below its floor {floor}")
    return failures


def default_margin(result: EvalResult, metric: str) -> float:
    """How far below the recorded score a floor sits: 0.5 points for percentages, 0.005 for 0–1 scores."""
    return FRACTION_MARGIN if metric in result.fraction_metrics else PERCENT_MARGIN


def floor_below(score: float, margin: float) -> float:
    """``score - margin``, never below 0, rounded so that float noise does not reach the file."""
    return round(max(0.0, score - margin), 4)


def record_floors(name: str, result: EvalResult, margin: float | None = None) -> dict[str, Any]:
    """Record ``result`` as the scores and floors of ``name`` (floor = score − margin) and return the entry.

    ``margin`` applies to every metric when given, else :func:`default_margin`. The other evals'
    entries are kept; the file is written as sorted, indented JSON.
    """
    floors = {
        metric: floor_below(score, margin if margin is not None else default_margin(result, metric))
        for metric, score in result.metrics.items()
    }
    entry = {
        "data_digest": result.data_digest,
        "scores": dict(result.metrics),
        "floors": floors,
        "recorded": datetime.date.today().isoformat(),
        "command": f"claimledger eval {name}",
    }
    everything = load_floors()
    everything[name] = entry
    text = json.dumps(everything, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    floors_path().write_text(text, encoding="utf-8")
    return entry
