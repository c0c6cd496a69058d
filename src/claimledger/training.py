"""Training commands: one registered trainer per model, run by `claimledger train NAME`.

A trainer reads its data from ``../shared/data`` (see :func:`claimledger.evaluation.data.data_root`),
trains on the training side of the model's dev split (or on everything with ``all_data``, for a
release), and writes the model file that ships inside the package. Trainer modules register
themselves on import; :data:`TRAINER_MODULES` lists them.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from claimledger.errors import UsageError

# Modules whose import registers a trainer; add yours here.
TRAINER_MODULES: tuple[str, ...] = (
    "claimledger.attribution.training",
    "claimledger.stance.train",
    "claimledger.claims.checkworthy_training",
    "claimledger.attribution.first_names",
)


@dataclass(frozen=True)
class TrainOptions:
    """What `claimledger train` was asked for."""

    all_data: bool = False  # train on train + dev (a release); the recorded eval figure stays the dev one
    accurate: bool = False  # the slow, accurate variant where a model has one


Trainer = Callable[[TrainOptions], str]
_TRAINERS: dict[str, Trainer] = {}


def register_trainer(name: str) -> Callable[[Trainer], Trainer]:
    """Decorator: register ``function(options) -> summary`` as the trainer called ``name``."""

    def register(function: Trainer) -> Trainer:
        _TRAINERS[name] = function
        return function

    return register


def available_trainers() -> list[str]:
    """The names `claimledger train` accepts."""
    _import_trainers()
    return sorted(_TRAINERS)


def run_training(name: str, options: TrainOptions = TrainOptions()) -> str:
    """Train model ``name``; returns a one-paragraph summary (where the model went, how long it took)."""
    _import_trainers()
    if name not in _TRAINERS:
        known = ", ".join(sorted(_TRAINERS)) or "none yet"
        raise UsageError(f"unknown model {name!r}; known: {known}")
    return _TRAINERS[name](options)


def _import_trainers() -> None:
    for module in TRAINER_MODULES:
        importlib.import_module(module)
