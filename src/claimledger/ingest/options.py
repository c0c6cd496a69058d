"""How ingest reads its inputs: the options the CLI's flags set."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from claimledger.errors import ClaimledgerError

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
MAX_BYTES_ENV = "CLAIMLEDGER_MAX_BYTES"


def default_max_bytes() -> int:
    """The size limit per document: ``CLAIMLEDGER_MAX_BYTES`` when set, else :data:`DEFAULT_MAX_BYTES`."""
    raw = os.environ.get(MAX_BYTES_ENV, "").strip()
    if not raw:
        return DEFAULT_MAX_BYTES
    if not raw.isdigit() or int(raw) == 0:
        raise ClaimledgerError(f"{MAX_BYTES_ENV} must be a positive number of bytes, not {raw!r}")
    return int(raw)


@dataclass(frozen=True)
class ReadOptions:
    """What the user told ingest about its inputs.

    ``title``: False for ``--no-title`` (plain text and Markdown: the first line is not a title).
    ``outlet`` and ``published``: used when the input's own metadata has none.
    ``max_bytes``: the limit for one document — a whole single-document file, or one record of a
    container (JSON Lines, CSV, WARC), which are streamed.
    ``allow_private_urls``: fetch URLs on loopback and private addresses too (intranet use, tests);
    trafilatura blocks them by default as a guard against server-side request forgery.
    """

    title: bool = True
    outlet: str | None = None
    published: str | None = None
    max_bytes: int = field(default_factory=default_max_bytes)
    allow_private_urls: bool = False
