"""Schemathesis against ``/openapi.json``: generated requests to every operation must get no server
error and responses that match the published schema (status codes, content types, bodies).

Bounded: a few examples per operation and a time budget for the whole run. The app is read-only (no
token), so generated writes are answered 403 and fuzzing never runs the analyzer. (Schemathesis'
``from_fixture`` does not run under pytest 9, so the operations are driven here with Hypothesis.)
"""

from __future__ import annotations

import time

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from claimledger.store import Store
from claimledger.web import create_app

MAX_EXAMPLES = 12
BUDGET_S = 120.0  # for the whole run; operations past it are not fuzzed, and the test says so


def test_every_operation_conforms_to_its_schema(store: Store) -> None:
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(store, None))
    deadline = time.monotonic() + BUDGET_S
    fuzzed = []
    for result in schema.get_all_operations():
        operation = result.ok()
        if time.monotonic() > deadline:
            pytest.skip(f"time budget of {BUDGET_S:.0f}s spent after fuzzing {', '.join(fuzzed)}")
        fuzz(operation)
        fuzzed.append(operation.label)
    assert len(fuzzed) == 10


def fuzz(operation) -> None:
    """Run a few generated cases of one operation through every schemathesis check."""

    @given(case=operation.as_strategy())
    @settings(max_examples=MAX_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def check(case) -> None:
        case.call_and_validate()

    check()
