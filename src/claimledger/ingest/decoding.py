"""Bytes to text: encoding detection, universal newlines, and refusing what is not text."""

from __future__ import annotations

import codecs
import io
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

from charset_normalizer import from_bytes

from claimledger.errors import InputError
from claimledger.ingest.options import MAX_BYTES_ENV

MIB = 1024 * 1024
# Containers (JSON Lines, CSV) are decoded as a stream; the encoding is sniffed from this much.
HEAD_BYTES = 64 * 1024
MAX_NOISE_SHARE = 0.10
# Control characters other than tab, newlines, vertical tab and form feed, and U+FFFD.
_NOISE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")
# UTF-32 first: its little-endian BOM starts with UTF-16's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def normalize_newlines(text: str) -> str:
    """Universal newlines: ``\\r\\n`` and ``\\r`` become ``\\n``; nothing else changes."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_bytes(data: bytes, source: str) -> str:
    """The text of one whole document, with universal newlines.

    The encoding is, in order: the one a byte-order mark names, UTF-8 when the bytes are valid
    UTF-8, charset-normalizer's guess, cp1252, latin-1. Raises :class:`InputError` for empty or
    whitespace-only input, binary data and text that is mostly control or replacement characters.
    """
    text = decode_prefix(data, sniff_encoding(data, source))
    check_not_empty(text, source)
    check_not_noise(text, source)
    return normalize_newlines(text)


def read_file_text(path: str, max_bytes: int) -> str:
    """The decoded text of a single-document file; its size is checked before anything is read."""
    check_size(path, max_bytes)
    with open(path, "rb") as file:
        return decode_bytes(file.read(), path)


@contextmanager
def open_text_stream(path: str, *, newline: str | None = None) -> Iterator[TextIO]:
    """A container file opened as text in the encoding sniffed from its first block.

    Refuses binary and non-text files, and empty ones. ``newline`` is passed to
    :class:`io.TextIOWrapper` (None: universal newlines; ``""`` for the csv module).
    """
    with open(path, "rb") as raw:
        head = raw.read(HEAD_BYTES)
        encoding = sniff_encoding(head, path)
        head_text = decode_prefix(head, encoding)
        if len(head) < HEAD_BYTES:  # the head is the whole file
            check_not_empty(head_text, path)
        check_not_noise(head_text, path)
        raw.seek(0)
        with io.TextIOWrapper(raw, encoding=encoding, errors="replace", newline=newline) as stream:
            yield stream


def sniff_encoding(sample: bytes, source: str) -> str:
    """The encoding of ``sample`` (a whole document or its first block); raises on binary data."""
    for bom, encoding in _BOMS:
        if sample.startswith(bom):
            return encoding
    if b"\0" in sample:
        raise InputError(source, "binary file, not text")
    if _is_utf8(sample):
        return "utf-8"
    return _legacy_encoding(sample)


def decode_prefix(data: bytes, encoding: str) -> str:
    """``data`` decoded, bad bytes replaced; an incomplete last character (a cut file) is dropped."""
    return codecs.getincrementaldecoder(encoding)(errors="replace").decode(data, final=False)


def check_size(path: str, max_bytes: int) -> None:
    """Refuse a file over ``max_bytes``, from its size on disk, without reading it."""
    size = os.stat(path).st_size
    if size > max_bytes:
        raise InputError(path, size_problem(f"file is {format_size(size)}", max_bytes))


def size_problem(what: str, max_bytes: int) -> str:
    """The message for an input over the size limit, saying how to raise the limit."""
    return f"{what}, over the limit of {format_size(max_bytes)} (set {MAX_BYTES_ENV} or --max-bytes)"


def format_size(size: int) -> str:
    """A size in MB with at most one decimal ("200 MB", "20.5 MB"); small sizes in bytes."""
    if size < MIB // 10:
        return f"{size} bytes"
    return f"{size / MIB:.1f}".removesuffix(".0") + " MB"


def check_not_empty(text: str, source: str) -> None:
    """Refuse empty or whitespace-only text."""
    if not text.strip():
        raise InputError(source, "empty file")


def check_not_noise(text: str, source: str) -> None:
    """Refuse text of which more than 10% are control or replacement characters."""
    if text and len(_NOISE.findall(text)) / len(text) > MAX_NOISE_SHARE:
        raise InputError(source, "not text (mostly control or replacement characters)")


def _is_utf8(sample: bytes) -> bool:
    # Incremental, not final: a block may end in the middle of a character.
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
    except UnicodeDecodeError:
        return False
    return True


def _legacy_encoding(sample: bytes) -> str:
    """charset-normalizer's guess, preferring cp1252 whenever it fits as well as the best guess.

    On short texts charset-normalizer ranks several single-byte code pages alike and often picks
    an unusual one (cp1250, cp775) for Western text; English news is overwhelmingly cp1252.
    """
    matches = list(from_bytes(sample))
    if matches:
        best = matches[0]
        western = [m for m in matches if "cp1252" in m.could_be_from_charset and m.chaos <= best.chaos]
        return "cp1252" if western else best.encoding
    try:
        sample.decode("cp1252")
    except UnicodeDecodeError:
        return "latin-1"  # decodes any byte sequence
    return "cp1252"
