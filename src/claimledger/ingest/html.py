"""HTML pages (files, URLs, WARC records) and HTML fragments (feed entries), through trafilatura."""

from __future__ import annotations

from configparser import ConfigParser

import trafilatura
from trafilatura.settings import set_date_params, use_config

from claimledger.errors import InputError
from claimledger.ingest.decoding import normalize_newlines
from claimledger.ingest.metadata import choose_outlet, choose_published, url_host
from claimledger.ingest.options import ReadOptions
from claimledger.model import Article

NO_TEXT = "no article text found (truncated or empty HTML?)"


def _fragment_config() -> ConfigParser:
    """trafilatura's settings for fragments, which are all content: no minimum text size.

    With the default minimum (250 characters), a short fragment falls through to trafilatura's
    baseline, which puts inline elements on lines of their own ("the\nwater contract\n, the").
    """
    config = use_config()
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "0")
    config.set("DEFAULT", "MIN_OUTPUT_SIZE", "0")
    return config


_FRAGMENT_CONFIG = _fragment_config()


def article_from_html(
    html: str,
    path: str,
    options: ReadOptions,
    *,
    where: str | None = None,
    url: str | None = None,
    fallback_published: str | None = None,
) -> Article:
    """The article in an HTML page: trafilatura's main text, title, author, date and site name.

    ``text`` is ``title + "\\n\\n" + body``. ``where`` names the input in errors (default ``path``);
    ``url`` is where the page came from (else the page's own canonical URL); ``fallback_published``
    is used when the page has no date (a WARC record's capture date).
    """
    extracted = trafilatura.bare_extraction(
        _without_cut_tag(html),
        url=url,
        with_metadata=True,
        include_comments=False,
        # Only dates the page states: the extensive search guesses (a footer's "© 2024" becomes
        # 2024-01-01, a URL's /2024/03/ becomes 2024-03-01), and no date beats a wrong one.
        date_extraction_params=set_date_params(extensive=False),
    )
    body = normalize_newlines(extracted.text or "").strip() if extracted else ""
    title = normalize_newlines(extracted.title or "").strip() if extracted else ""
    body = _without_repeated_title(body, title)
    if not body:
        raise InputError(where or path, NO_TEXT)
    page_url = url or extracted.url
    return Article.with_title(
        title,
        body,
        path=path,
        url=page_url,
        outlet=choose_outlet(_named_site(extracted.sitename, (url, extracted.url)), options, page_url),
        published=choose_published(extracted.date or fallback_published, options),
        author=extracted.author,
    )


def text_from_html_fragment(fragment: str) -> str:
    """The text of an HTML fragment (a feed entry's content), paragraphs on their own lines."""
    page = f"<html><body>{fragment}</body></html>"
    extracted = trafilatura.bare_extraction(page, include_comments=False, config=_FRAGMENT_CONFIG)
    return normalize_newlines(extracted.text or "").strip() if extracted else ""


def _without_cut_tag(html: str) -> str:
    """Truncated HTML without its last, unfinished tag, which lxml would keep as text ("…City Hall.</")."""
    last_open = html.rfind("<")
    return html[:last_open] if last_open > html.rfind(">") else html


def _without_repeated_title(body: str, title: str) -> str:
    """The body without a first line that repeats the title (trafilatura keeps the page's <h1>)."""
    first_line, _, rest = body.partition("\n")
    return rest.strip() if title and first_line.strip() == title else body


def _named_site(sitename: str | None, urls: tuple[str | None, ...]) -> str | None:
    """The site name the page gives, or None when trafilatura only derived it from a URL's host."""
    if not sitename:
        return None
    derived = sitename.lower().split(":")[0].removeprefix("www.")
    return None if derived in {url_host(url) for url in urls} else sitename
