"""``POST /api/documents``: an article sent as JSON or uploaded as a file, ingested like the CLI's.

The request is saved as a file in a private temporary folder — a JSON body as one JSON Lines record,
an upload under its own (sanitised) name, whose extension picks the reader — and handed to
:func:`claimledger.store.ingest.ingest_items` as the CLI's readers read it. So the web accepts exactly the formats, metadata rules,
size limit and idempotence of ``claimledger ingest``. Relinking is left to the caller
(:mod:`claimledger.web.relinking`).
"""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any, BinaryIO

from claimledger.ingest import ReadOptions, read_inputs
from claimledger.model import Article
from claimledger.store import Store
from claimledger.store.ingest import ingest_items

DEFAULT_UPLOAD_NAME = "upload.txt"
UPLOAD_PREFIX = "upload:"  # the stored path of an article sent to the API
_UNSAFE_NAME = re.compile(r"[^\w.-]+")
_MAX_NAME = 100
_CHUNK = 1 << 16


class UploadTooLarge(Exception):
    """The upload exceeds the per-document size limit."""


def ingest_record(store: Store, record: dict[str, Any]) -> dict[str, Any]:
    """Ingest one article given as a JSON Lines record (``text``, ``title``, ``outlet``, …)."""
    with tempfile.TemporaryDirectory(prefix="claimledger-upload-") as folder:
        path = Path(folder) / "article.jsonl"
        path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
        return _ingest_file(store, path, f"{UPLOAD_PREFIX}json")


def ingest_upload(store: Store, name: str | None, stream: BinaryIO, max_bytes: int) -> dict[str, Any]:
    """Ingest an uploaded file; raises :class:`UploadTooLarge` past ``max_bytes``."""
    with tempfile.TemporaryDirectory(prefix="claimledger-upload-") as folder:
        path = Path(folder) / safe_name(name)
        _copy_bounded(stream, path, max_bytes)
        return _ingest_file(store, path, f"{UPLOAD_PREFIX}{path.name}")


def safe_name(name: str | None) -> str:
    """The upload's base name reduced to word characters, dots and dashes (its extension picks the reader)."""
    base = _UNSAFE_NAME.sub("_", Path(name or "").name).strip("._")[-_MAX_NAME:]
    return base or DEFAULT_UPLOAD_NAME


def _copy_bounded(stream: BinaryIO, path: Path, max_bytes: int) -> None:
    """Copy ``stream`` to ``path``, stopping as soon as it is larger than ``max_bytes``."""
    written = 0
    with path.open("wb") as out:
        while chunk := stream.read(_CHUNK):
            written += len(chunk)
            if written > max_bytes:
                raise UploadTooLarge(f"the upload is larger than {max_bytes} bytes")
            out.write(chunk)


def _ingest_file(store: Store, path: Path, label: str) -> dict[str, Any]:
    """Ingest one saved request file; the result as :class:`~claimledger.web.schemas.IngestResult` (less ``relinking``).

    Its articles are stored with ``label`` as their path: the temporary file is gone after the
    request, and the server's folders are nobody's business.
    """
    items = [
        replace(item, path=label) if isinstance(item, Article) else item for item in read_inputs([path], ReadOptions())
    ]
    summary = ingest_items(items, store)  # relinking is the caller's (in the background)
    stored = [document_id for document_id in _document_ids(items) if store.has_document(document_id)]
    return {
        "documents": stored, "added": summary.added, "already_stored": summary.already_stored,
        "rejected": [error.problem for error in summary.rejected],
    }


def _document_ids(items: Iterable[Article | Exception]) -> list[str]:
    """The document ids of the articles a reader yields, in order, each once (reading is cheap: no parsing)."""
    return list(dict.fromkeys(item.document_id for item in items if isinstance(item, Article)))
