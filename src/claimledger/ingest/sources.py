"""Where inputs come from — files, folders, stdin, URLs — and which reader each format gets."""

from __future__ import annotations

import io
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from configparser import ConfigParser
from functools import partial
from typing import TextIO

import trafilatura
from trafilatura.settings import use_config

from claimledger.errors import InputError
from claimledger.ingest.decoding import (
    decode_bytes,
    normalize_newlines,
    open_text_stream,
    read_file_text,
    size_problem,
)
from claimledger.ingest.feeds import read_feed
from claimledger.ingest.html import article_from_html
from claimledger.ingest.options import ReadOptions
from claimledger.ingest.plain import article_from_markdown, article_from_plain_text
from claimledger.ingest.records import read_csv, read_json_lines
from claimledger.ingest.warc import read_warc
from claimledger.model import Article

Item = Article | InputError
STDIN = "<stdin>"
EXTENSIONS = {
    ".txt": "text", ".text": "text",
    ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".csv": "csv",
    ".warc": "warc", ".warc.gz": "warc",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
}  # fmt: skip
_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:RDF)\b", re.IGNORECASE)
_SNIFF_CHARS = 4096

_DOCUMENT_READERS: dict[str, Callable[[str, str, ReadOptions], Article]] = {
    "text": article_from_plain_text,
    "markdown": article_from_markdown,
    "html": article_from_html,
}
_STREAM_READERS: dict[str, Callable[[TextIO, str, ReadOptions], Iterator[Item]]] = {
    "jsonl": read_json_lines,
    "csv": read_csv,
}
TEXT_FORMATS = (*_DOCUMENT_READERS, *_STREAM_READERS, "feed")


COLLECTION_NOTES = {"README", "LICENSE", "LICENCE", "CHANGELOG", "CONTRIBUTING", "NOTICE"}


def read_inputs(paths: Iterable[str | os.PathLike[str]], options: ReadOptions | None = None) -> Iterator[Item]:
    """Yield every article of every input, in order.

    An input is a file (format by extension, see :data:`EXTENSIONS`; a file with another
    extension is sniffed like stdin), a folder (read recursively in sorted order, unsupported
    and hidden files skipped), ``-`` for stdin, or an ``http(s)://`` URL. Problems are yielded as
    :class:`InputError` items, never raised, so one bad file or record never stops the others.
    """
    options = options or ReadOptions()
    for given in paths:
        yield from _read_input(os.fspath(given), options)


def read_text(text: str, *, source: str = "<text>", fmt: str = "text", options: ReadOptions | None = None) -> Iterator[Item]:
    """Parse an already-decoded string in format ``fmt`` (one of :data:`TEXT_FORMATS`).

    Newlines are made universal first. ``source`` names the input in articles and errors.
    """
    if fmt not in TEXT_FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(TEXT_FORMATS)}")
    return _parse_text(normalize_newlines(text), source, fmt, options or ReadOptions())


def sniff_format(text: str) -> str:
    """The format of unnamed text by its first non-blank character: JSON Lines, feed, HTML or plain text."""
    head = text.lstrip()[:_SNIFF_CHARS]
    if head.startswith("{"):
        return "jsonl"
    if head.startswith("<"):
        return "feed" if _FEED_ROOT.search(head) else "html"
    return "text"


def format_of(path: str) -> str | None:
    """The format a file's extension names, or None."""
    name = path.lower()
    return next((fmt for extension, fmt in EXTENSIONS.items() if name.endswith(extension)), None)


def _parse_text(text: str, source: str, fmt: str, options: ReadOptions) -> Iterator[Item]:
    if fmt in _STREAM_READERS:
        yield from _read_records(io.StringIO(text), source, fmt, options)
    elif fmt == "feed":
        yield from read_feed(text, source, options)
    else:
        try:
            yield _DOCUMENT_READERS[fmt](text, source, options)
        except InputError as err:
            yield err


def _read_input(given: str, options: ReadOptions) -> Iterator[Item]:
    if given == "-":
        yield from _guarded(STDIN, partial(_read_stdin, options))
    elif given.lower().startswith(("http://", "https://")):
        yield from _guarded(given, partial(_read_url, given, options))
    elif os.path.isdir(given):
        yield from _read_folder(given, options)
    elif os.path.exists(given):
        yield from _guarded(given, partial(_read_file, given, format_of(given), options))
    else:
        yield InputError(given, "no such file or directory")


def _guarded(source: str, read: Callable[[], Iterator[Item]]) -> Iterator[Item]:
    """The items of ``read()``, ending with an InputError instead of raising one (or an OSError)."""
    try:
        yield from read()
    except InputError as err:
        yield err
    except OSError as err:
        yield InputError(source, f"cannot read: {err.strerror or err}")


def _read_folder(folder: str, options: ReadOptions) -> Iterator[Item]:
    found = False
    for path in _supported_files(folder):
        found = True
        yield from _guarded(path, partial(_read_file, path, format_of(path), options))
    if not found:
        yield InputError(folder, f"no supported files ({', '.join(EXTENSIONS)})")


def _supported_files(folder: str) -> Iterator[str]:
    """Files of a supported format under ``folder``, recursively and sorted.

    Hidden files and a collection's own notes (README, LICENSE, CHANGELOG…) are skipped: they describe
    the articles and are not articles. Named on the command line, they are read like any file.
    """
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and not _is_collection_note(name) and format_of(name):
                yield os.path.join(root, name)


def _is_collection_note(name: str) -> bool:
    return name.split(".")[0].upper() in COLLECTION_NOTES


def _read_file(path: str, fmt: str | None, options: ReadOptions) -> Iterator[Item]:
    if fmt == "warc":
        yield from _unless_empty(read_warc(path, options), path, "no HTML responses found")
    elif fmt in _STREAM_READERS:
        newline = "" if fmt == "csv" else None  # the csv module handles line ends inside quoted fields
        with open_text_stream(path, newline=newline) as stream:
            yield from _read_records(stream, path, fmt, options)
    else:
        text = read_file_text(path, options.max_bytes)
        yield from _parse_text(text, path, fmt or sniff_format(text), options)


def _read_records(stream: TextIO, source: str, fmt: str, options: ReadOptions) -> Iterator[Item]:
    yield from _unless_empty(_STREAM_READERS[fmt](stream, source, options), source, "no records found")


def _unless_empty(items: Iterator[Item], source: str, problem: str) -> Iterator[Item]:
    """The items, or one InputError when there are none."""
    found = False
    for item in items:
        found = True
        yield item
    if not found:
        yield InputError(source, problem)


def _read_stdin(options: ReadOptions) -> Iterator[Item]:
    # One byte past the limit tells an oversized input without reading all of it.
    data = sys.stdin.buffer.read(options.max_bytes + 1)
    if len(data) > options.max_bytes:
        raise InputError(STDIN, size_problem("input too large", options.max_bytes))
    text = decode_bytes(data, STDIN)
    yield from _parse_text(text, STDIN, sniff_format(text), options)


def _read_url(url: str, options: ReadOptions) -> Iterator[Item]:
    response = trafilatura.fetch_response(url, config=_fetch_config(options))
    if response is None:
        raise InputError(url, "could not fetch URL (unreachable, blocked, or over the size limit)")
    if response.status != 200:
        raise InputError(url, f"could not fetch URL (HTTP {response.status})")
    yield article_from_html(decode_bytes(response.data, url), url, options, url=url)


def _fetch_config(options: ReadOptions) -> ConfigParser:
    """trafilatura's settings with our size limit, and without its SSRF guard when asked."""
    config = use_config()
    config.set("DEFAULT", "MAX_FILE_SIZE", str(options.max_bytes))
    if options.allow_private_urls:
        config.set("DEFAULT", "SSRF_PROTECTION", "off")
    return config
