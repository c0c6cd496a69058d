"""Metadata values and their precedence: the input's own metadata, then the user's flags, then the URL."""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urlsplit

from claimledger.ingest.options import ReadOptions


def meta_string(value: Any) -> str | None:
    """A metadata value as a clean string: dates in ISO form, lists joined, blanks as None."""
    if value is None:
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return ", ".join(text for item in value if (text := meta_string(item))) or None
    return str(value).strip() or None


def url_host(url: str | None) -> str | None:
    """The lower-case host of ``url`` without a leading ``www.``; None when it has none."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:  # e.g. a malformed IPv6 literal
        return None
    return host.removeprefix("www.") if host else None


def choose_outlet(found: Any, options: ReadOptions, url: str | None) -> str | None:
    """The outlet: the input's metadata, else ``--outlet``, else the URL's host."""
    return meta_string(found) or options.outlet or url_host(url)


def choose_published(found: Any, options: ReadOptions) -> str | None:
    """The publication date: the input's metadata, else ``--published``."""
    return meta_string(found) or options.published
