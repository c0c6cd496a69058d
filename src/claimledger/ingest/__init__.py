"""Ingest: every supported input (files, folders, stdin, URLs) read into :class:`~claimledger.model.Article`.

Formats: plain text, Markdown (with YAML front matter), HTML, JSON Lines, CSV, WARC, RSS/Atom and
URLs. Each article's ``text`` follows "Documents, text and offsets" in PRODUCT.md. Bad inputs come
out as :class:`~claimledger.errors.InputError` items naming the file (or ``file:line``) and the
problem.

A single document may be at most :data:`DEFAULT_MAX_BYTES` (20 MiB); the environment variable
``CLAIMLEDGER_MAX_BYTES`` changes that default, ``ReadOptions(max_bytes=…)`` overrides it.
Containers (JSON Lines, CSV, WARC) are streamed and the limit applies to each record.
"""

from claimledger.ingest.decoding import decode_bytes
from claimledger.ingest.options import DEFAULT_MAX_BYTES, MAX_BYTES_ENV, ReadOptions, default_max_bytes
from claimledger.ingest.sources import EXTENSIONS, TEXT_FORMATS, read_inputs, read_text, sniff_format

__all__ = [
    "DEFAULT_MAX_BYTES",
    "EXTENSIONS",
    "MAX_BYTES_ENV",
    "TEXT_FORMATS",
    "ReadOptions",
    "decode_bytes",
    "default_max_bytes",
    "read_inputs",
    "read_text",
    "sniff_format",
]
