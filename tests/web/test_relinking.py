"""Background relinking: one run at a time, writes during a run coalesced into one more, failures survived."""

from __future__ import annotations

import threading
import time

import pytest

from claimledger.web import relinking
from claimledger.web.relinking import BackgroundRelink


@pytest.fixture
def runs(monkeypatch: pytest.MonkeyPatch) -> list[threading.Event]:
    """Each relink run, as an event the test sets to let that run finish."""
    started: list[threading.Event] = []

    def slow_relink(store) -> None:
        release = threading.Event()
        started.append(release)
        if not release.wait(timeout=10):
            raise TimeoutError("the test never released this run")
        if store == "broken":
            raise RuntimeError("linking failed")

    monkeypatch.setattr(relinking, "relink", slow_relink)
    return started


def wait_for(condition, timeout: float = 10) -> None:
    """Poll ``condition`` until it holds."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.01)


def test_writes_during_a_run_make_one_more_run(runs: list[threading.Event]) -> None:
    done = []
    relinker = BackgroundRelink("store", on_done=lambda: done.append(1))
    relinker.request()
    wait_for(lambda: len(runs) == 1)
    relinker.request(), relinker.request(), relinker.request()  # three writes while the first run links
    assert relinker.wait(timeout=0.05) is False
    runs[0].set()
    wait_for(lambda: len(runs) == 2)
    runs[1].set()
    assert relinker.wait(timeout=10)
    assert (len(runs), len(done)) == (2, 2)


def test_a_failed_run_leaves_the_relinker_working(runs: list[threading.Event]) -> None:
    relinker = BackgroundRelink("broken", on_done=lambda: None)
    relinker.request()
    wait_for(lambda: len(runs) == 1)
    runs[0].set()
    assert relinker.wait(timeout=10)
    relinker.request()
    wait_for(lambda: len(runs) == 2)
    runs[1].set()
    assert relinker.wait(timeout=10)
