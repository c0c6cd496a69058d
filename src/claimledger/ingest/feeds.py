"""RSS and Atom feeds: every entry with text is one article."""

from __future__ import annotations

import io
import time
from collections.abc import Iterator
from typing import Any

import feedparser

from claimledger.errors import InputError
from claimledger.ingest.decoding import normalize_newlines
from claimledger.ingest.html import text_from_html_fragment
from claimledger.ingest.metadata import choose_outlet, choose_published, meta_string
from claimledger.ingest.options import ReadOptions
from claimledger.model import Article


def read_feed(text: str, source: str, options: ReadOptions) -> Iterator[Article | InputError]:
    """One article per feed entry: its content (else summary) as text, the feed's title as outlet.

    An entry without text yields an :class:`InputError` naming it; so does a feed without entries.
    """
    # Given bytes, not a string: feedparser would take a string that looks like a URL or a path
    # for one and open it.
    feed = feedparser.parse(io.BytesIO(text.encode("utf-8")))
    if not feed.entries:
        problem = f"not a valid RSS/Atom feed ({feed.bozo_exception})" if feed.bozo else "no feed entries found"
        yield InputError(source, problem)
        return
    outlet = meta_string(feed.feed.get("title"))
    for number, entry in enumerate(feed.entries, 1):
        body = _entry_text(entry)
        if body:
            yield _entry_article(entry, body, outlet, source, options)
        else:
            yield InputError(f"{source} entry {number} ({_entry_name(entry)})", "entry has no text")


def _entry_article(entry: Any, body: str, outlet: str | None, source: str, options: ReadOptions) -> Article:
    url = meta_string(entry.get("link"))
    return Article.with_title(
        meta_string(entry.get("title")),
        body,
        path=source,
        url=url,
        outlet=choose_outlet(outlet, options, url),
        published=choose_published(_entry_date(entry), options),
        author=meta_string(entry.get("author")),
    )


def _entry_text(entry: Any) -> str:
    """The entry's full content when it has one, else its summary, as plain text."""
    detail = entry["content"][0] if entry.get("content") else entry.get("summary_detail")
    if not detail or not detail.get("value"):
        return ""
    if detail.get("type") == "text/plain":
        return normalize_newlines(detail["value"]).strip()
    return text_from_html_fragment(detail["value"])


def _entry_date(entry: Any) -> str | None:
    """The entry's publication (else update) date as ``YYYY-MM-DD``, in UTC as feedparser gives it."""
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", parsed) if parsed else None


def _entry_name(entry: Any) -> str:
    return meta_string(entry.get("title")) or meta_string(entry.get("link")) or "untitled"
