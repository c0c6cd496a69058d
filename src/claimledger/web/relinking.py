"""Relinking the ledger after the web adds documents, in the background.

Relinking reads and links every stored document — about 10 seconds for 1,000 articles —
so ``POST /api/documents`` answers as soon as the document is stored and the ledger is rebuilt by one
background thread. Writes that arrive during a run are coalesced into one more run after it, so the
last relink always sees every document. ``replace_stories`` is one transaction: a server stopped
mid-run leaves the previous ledger, and the next write relinks.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from claimledger.linking.stored import relink
from claimledger.store import Store

log = logging.getLogger(__name__)


class BackgroundRelink:
    """One relinking thread per app, started on demand; ``on_done`` runs after each relink."""

    def __init__(self, store: Store, on_done: Callable[[], None]) -> None:
        self.store = store
        self.on_done = on_done
        self._lock = threading.Lock()
        self._pending = False
        self._thread: threading.Thread | None = None
        self._idle = threading.Event()
        self._idle.set()

    def request(self) -> None:
        """Relink soon: now if idle, else once more after the current run."""
        with self._lock:
            self._pending = True
            self._idle.clear()
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="claimledger-relink", daemon=True)
                self._thread.start()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until no relink is pending or running; False when ``timeout`` ran out first."""
        return self._idle.wait(timeout)

    def _run(self) -> None:
        while True:
            with self._lock:
                if not self._pending:
                    self._thread = None
                    self._idle.set()
                    return
                self._pending = False
            try:
                relink(self.store)
                self.on_done()
            except Exception:  # noqa: BLE001 — the thread must live on; the next write retries
                log.exception("relinking the ledger failed")
