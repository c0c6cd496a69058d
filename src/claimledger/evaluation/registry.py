"""The registry of evals: each one scores a shipped model on gold data and returns an :class:`EvalResult`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from claimledger.errors import UsageError

@dataclass
class EvalResult:
    """The outcome of one eval.

    ``metrics`` holds the scores floors apply to; they are percentages unless named in
    ``fraction_metrics`` (scores on a 0–1 scale, such as MAP). ``table`` holds rows for printing,
    every row a dict with the same keys; ``details`` holds everything else worth reporting.
    """

    name: str
    metrics: dict[str, float]
    data_digest: str
    table: list[dict[str, Any]] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)
    fraction_metrics: frozenset[str] = frozenset()


EvalFunction = Callable[[int | None], EvalResult]

_EVALS: dict[str, EvalFunction] = {}


def register_eval(name: str) -> Callable[[EvalFunction], EvalFunction]:
    """Decorator: register ``function(limit) -> EvalResult`` as the eval called ``name``."""

    def register(function: EvalFunction) -> EvalFunction:
        if name in _EVALS:
            raise ValueError(f"eval {name!r} is registered twice")
        _EVALS[name] = function
        return function

    return register


def available_evals() -> list[str]:
    """The names of the registered evals, sorted."""
    return sorted(_EVALS)


def run_eval(name: str, limit: int | None = None) -> EvalResult:
    """Run the eval ``name``; ``limit`` scores only its first ``limit`` items, for quick runs."""
    try:
        function = _EVALS[name]
    except KeyError:
        known = ", ".join(available_evals()) or "none"
        raise UsageError(f"unknown eval {name!r}; known evals: {known}") from None
    return function(limit)
