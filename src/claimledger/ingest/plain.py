"""Plain text and Markdown: the text is the source itself, so the title is found inside it."""

from __future__ import annotations

import re
from typing import Any

import yaml

from claimledger.errors import InputError
from claimledger.ingest.decoding import check_not_empty
from claimledger.ingest.metadata import choose_outlet, choose_published, meta_string
from claimledger.ingest.options import ReadOptions
from claimledger.model import Article

_FIRST_LINE = re.compile(r"\S[^\n]*")
# An ATX heading's text, without the leading #s and an optional closing sequence of #s.
_ATX_HEADING = re.compile(r"#{1,6}[ \t]+(\S.*?)(?:[ \t]+#+)?[ \t]*$")
# A YAML block at the very start: a "---" line, the YAML, a closing "---" (or "...") line.
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL | re.MULTILINE)
_BLANK_LINES = re.compile(r"(?:[ \t]*\n)*")


def article_from_plain_text(text: str, source: str, options: ReadOptions) -> Article:
    """A plain-text article: the whole text; its first non-empty line is the title (unless ``--no-title``)."""
    check_not_empty(text, source)
    span = first_line_span(text) if options.title else None
    return Article(
        text=text,
        title=text[span[0]:span[1]] if span else None,
        title_span=span,
        path=source,
        outlet=options.outlet,
        published=options.published,
    )


def article_from_markdown(source_text: str, source: str, options: ReadOptions) -> Article:
    """A Markdown article: the source after its optional YAML front matter.

    The title is the front matter's ``title``, else the first non-empty line (an ATX heading
    without its ``#`` marks). ``title_span`` locates that line's text when it is the title.
    """
    meta, text = split_front_matter(source_text, source)
    check_not_empty(text, source)
    line_span = _heading_span(text) if options.title else None
    line = text[line_span[0]:line_span[1]] if line_span else None
    title = meta_string(meta.get("title")) or line
    url = meta_string(meta.get("url"))
    return Article(
        text=text,
        title=title,
        title_span=line_span if line is not None and line == title else None,
        path=source,
        outlet=choose_outlet(meta.get("outlet"), options, url),
        url=url,
        published=choose_published(meta.get("published") or meta.get("date"), options),
        author=meta_string(meta.get("author")),
    )


def split_front_matter(source_text: str, source: str) -> tuple[dict[str, Any], str]:
    """The YAML front matter (empty when there is none) and the text after it, from its first content line."""
    match = _FRONT_MATTER.match(source_text)
    if match is None:
        return {}, source_text
    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError as err:
        raise InputError(source, f"invalid YAML front matter: {_one_line(err)}") from err
    if meta is not None and not isinstance(meta, dict):
        raise InputError(source, "front matter is not a YAML mapping of keys to values")
    body_start = _BLANK_LINES.match(source_text, match.end()).end()
    return meta or {}, source_text[body_start:]


def first_line_span(text: str) -> tuple[int, int] | None:
    """The ``[start, end)`` of the first non-empty line, without surrounding whitespace."""
    match = _FIRST_LINE.search(text)
    if match is None:
        return None
    return match.start(), match.start() + len(match.group().rstrip())


def _heading_span(text: str) -> tuple[int, int] | None:
    """The first non-empty line's span; for an ATX heading, the span of the heading's text."""
    span = first_line_span(text)
    if span is None:
        return None
    heading = _ATX_HEADING.match(text, span[0], span[1])
    return heading.span(1) if heading else span


def _one_line(err: Exception) -> str:
    return " ".join(str(err).split())
