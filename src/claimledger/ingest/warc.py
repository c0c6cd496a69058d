"""WARC archives: every HTML response record is one article."""

from __future__ import annotations

import os
import textwrap
import zlib
from collections.abc import Iterator
from typing import Any, BinaryIO, NamedTuple

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from claimledger.errors import InputError
from claimledger.ingest.decoding import decode_bytes, size_problem
from claimledger.ingest.html import article_from_html
from claimledger.ingest.options import ReadOptions
from claimledger.model import Article

HTML_TYPES = ("text/html", "application/xhtml+xml")
# What warcio raises on damaged input; AttributeError too, for a record cut inside its headers.
_WARCIO_FAILURES = (ArchiveLoadFailed, OSError, EOFError, zlib.error, ValueError, AttributeError)


class _HtmlRecord(NamedTuple):
    uri: str | None
    capture_date: str | None
    payload: bytes | None  # None when over the size limit


def read_warc(path: str, options: ReadOptions) -> Iterator[Article | InputError]:
    """One article per HTML ``response`` record (other records are skipped), streamed from the file.

    Record errors name ``path (URL)``. A damaged archive ends with one error after the records read
    before the damage; a record cut short is extracted as far as it goes, like truncated HTML.
    """
    if os.path.getsize(path) == 0:
        yield InputError(path, "empty file")
        return
    with open(path, "rb") as file:
        records = _html_records(file, options.max_bytes)
        while True:
            # Only warcio's work is guarded, so that errors of our own are not taken for damage.
            try:
                record = next(records, None)
            except _WARCIO_FAILURES as err:
                reason = textwrap.shorten(str(err) or type(err).__name__, 100, placeholder="…")
                yield InputError(path, f"corrupt, truncated or not a WARC file ({reason})")
                return
            if record is None:
                return
            yield _record_article(record, path, options)


def _html_records(file: BinaryIO, max_bytes: int) -> Iterator[_HtmlRecord]:
    for record in ArchiveIterator(file):
        if _is_html_response(record):
            # One byte past the limit tells an oversized record without reading all of it.
            payload = record.content_stream().read(max_bytes + 1)
            yield _HtmlRecord(
                uri=record.rec_headers.get_header("WARC-Target-URI"),
                capture_date=(record.rec_headers.get_header("WARC-Date") or "")[:10] or None,
                payload=payload if len(payload) <= max_bytes else None,
            )


def _is_html_response(record: Any) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    content_type = record.http_headers.get_header("Content-Type") or ""
    return content_type.split(";")[0].strip().lower() in HTML_TYPES


def _record_article(record: _HtmlRecord, path: str, options: ReadOptions) -> Article | InputError:
    where = f"{path} ({record.uri})"
    if record.payload is None:
        return InputError(where, size_problem("record too large", options.max_bytes))
    try:
        html = decode_bytes(record.payload, where)
        return article_from_html(
            html, path, options, where=where, url=record.uri, fallback_published=record.capture_date
        )
    except InputError as err:
        return err
