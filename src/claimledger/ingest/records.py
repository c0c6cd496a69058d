"""JSON Lines and CSV: one article per record, read as a stream so a corpus never sits in memory."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator, Mapping
from typing import Any, TextIO

from claimledger.errors import InputError
from claimledger.ingest.decoding import normalize_newlines, size_problem
from claimledger.ingest.metadata import choose_outlet, choose_published, meta_string
from claimledger.ingest.options import ReadOptions
from claimledger.model import Article

FIELDS = ("id", "title", "text", "url", "outlet", "published")
_SKIP_CHUNK = 1024 * 1024


class _RecordTooLarge(Exception):
    """A CSV line over the size limit; raised through the csv reader, which cannot resume after it."""

    def __init__(self, number: int) -> None:
        super().__init__(number)
        self.number = number


def read_json_lines(stream: TextIO, source: str, options: ReadOptions) -> Iterator[Article | InputError]:
    """One article per JSON object line; each bad line becomes an :class:`InputError` naming ``source:LINE``."""
    for number, line in bounded_lines(stream, options.max_bytes):
        where = f"{source}:{number}"
        if line is None:
            yield InputError(where, size_problem("line too long", options.max_bytes))
        elif line.strip():
            try:
                yield article_from_record(_json_object(line, where), where, source, options)
            except InputError as err:
                yield err


def read_csv(stream: TextIO, source: str, options: ReadOptions) -> Iterator[Article | InputError]:
    """One article per CSV row under a header row naming the columns (a ``text`` column is required).

    Errors name ``source:LINE``, the line where the row starts. A line over the size limit or a
    malformed row stops the file, as the csv reader cannot find the next row reliably after it.
    """
    # The csv module's default field limit (128 KiB) is below a long article; raise it to ours.
    csv.field_size_limit(max(csv.field_size_limit(), options.max_bytes))
    reader = csv.reader(_csv_lines(stream, options.max_bytes))
    try:
        header = [name.strip().lower() for name in next(reader, [])]
        if "text" not in header:
            yield InputError(source, f"no 'text' column (columns: {', '.join(header) or 'none'})")
            return
        for start, row in _rows_with_start_line(reader):
            where = f"{source}:{start}"
            try:
                yield article_from_record(dict(zip(header, row)), where, source, options)
            except InputError as err:
                yield err
    except _RecordTooLarge as err:
        yield InputError(
            f"{source}:{err.number}",
            size_problem("line too long", options.max_bytes) + "; the rest of the file was not read",
        )
    except csv.Error as err:
        yield InputError(f"{source}:{reader.line_num}", f"malformed CSV ({err}); the rest of the file was not read")


def article_from_record(record: Mapping[str, Any], where: str, path: str, options: ReadOptions) -> Article:
    """An article from a JSON Lines or CSV record; ``text`` is ``title + "\\n\\n" + text``."""
    fields = {name: _string_field(record, name, where) for name in FIELDS}
    if fields["text"] is None:
        raise InputError(where, "no 'text' (or it is empty)")
    url = meta_string(fields["url"])
    return Article.with_title(
        fields["title"],
        normalize_newlines(fields["text"]),
        path=path,
        id=fields["id"],
        url=url,
        outlet=choose_outlet(fields["outlet"], options, url),
        published=choose_published(fields["published"], options),
    )


def bounded_lines(stream: TextIO, max_chars: int) -> Iterator[tuple[int, str | None]]:
    """Each line with its 1-based number; None instead of a line longer than ``max_chars``.

    A long line is skipped in chunks, so it is never held in memory whole.
    """
    number = 0
    while line := stream.readline(max_chars + 1):
        number += 1
        if len(line) > max_chars and not line.endswith("\n"):
            while (chunk := stream.readline(_SKIP_CHUNK)) and not chunk.endswith("\n"):
                pass
            yield number, None
        else:
            yield number, line


def _csv_lines(stream: TextIO, max_chars: int) -> Iterator[str]:
    for number, line in bounded_lines(stream, max_chars):
        if line is None:
            raise _RecordTooLarge(number)
        yield line


def _rows_with_start_line(reader: Any) -> Iterator[tuple[int, list[str]]]:
    """Non-blank rows with the line each starts on (a quoted field may span lines)."""
    start = reader.line_num + 1
    for row in reader:
        if any(value.strip() for value in row):
            yield start, row
        start = reader.line_num + 1


def _json_object(line: str, where: str) -> dict[str, Any]:
    try:
        value = json.loads(line.rstrip())  # without the line end, errors point into the line
    except json.JSONDecodeError as err:
        raise InputError(where, f"invalid JSON: {err.msg} (column {err.colno})") from err
    if not isinstance(value, dict):
        raise InputError(where, f"expected a JSON object, got {type(value).__name__}")
    return value


def _string_field(record: Mapping[str, Any], name: str, where: str) -> str | None:
    """A field's string as given (numbers such as ids are converted); None when absent or blank."""
    value = record.get(name)
    if value is None or isinstance(value, str):
        return value if value and value.strip() else None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    raise InputError(where, f"'{name}' must be a string, not {type(value).__name__}")
