"""HTML files and URLs: trafilatura's main text and metadata, ``text = title + "\\n\\n" + body``."""

from __future__ import annotations

import pytest

from claimledger.errors import InputError
from claimledger.ingest import ReadOptions, read_inputs, read_text
from claimledger.model import Article

HEAD = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="{charset}">
<title>Mayor resigns after council vote | Springfield Gazette</title>
{meta}
</head><body>
<nav><a href="/">Home</a> <a href="/politics">Politics</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Mayor resigns after council vote</h1>
"""
PARAGRAPHS = """<p>The mayor of Springfield resigned on Monday, hours after the city council voted 7 to 2 to censure him over the handling of the water contract.</p>
<p>“I have decided that the city needs a fresh start,” the mayor told reporters outside City Hall.</p>
<p>Council member Ana Ortiz said the vote had been “painful but necessary”.</p>
</article>
<footer><p>© 2024 Springfield Gazette. All rights reserved.</p></footer>
</body></html>
"""
FULL_META = """<meta property="og:site_name" content="Springfield Gazette">
<meta name="author" content="Maria Lopez">
<meta property="article:published_time" content="2024-03-05T09:30:00Z">
<link rel="canonical" href="https://www.gazette.example.org/politics/mayor-resigns">"""
NO_SITE_NO_DATE = """<meta name="author" content="Maria Lopez">
<link rel="canonical" href="https://www.gazette.example.org/politics/mayor-resigns">"""

TITLE = "Mayor resigns after council vote"
BODY = (
    "The mayor of Springfield resigned on Monday, hours after the city council voted 7 to 2 to censure him "
    "over the handling of the water contract.\n"
    "“I have decided that the city needs a fresh start,” the mayor told reporters outside City Hall.\n"
    "Council member Ana Ortiz said the vote had been “painful but necessary”."
)
URL = "https://www.gazette.example.org/politics/mayor-resigns"


def page(meta: str = FULL_META, charset: str = "utf-8") -> str:
    return HEAD.format(meta=meta, charset=charset) + PARAGRAPHS


@pytest.mark.parametrize(
    ("html", "options", "outlet", "published"),
    [
        pytest.param(page(), ReadOptions(), "Springfield Gazette", "2024-03-05", id="page-metadata"),
        pytest.param(page(), ReadOptions(outlet="Wire", published="2024-01-01"), "Springfield Gazette", "2024-03-05", id="metadata-wins"),
        pytest.param(page(NO_SITE_NO_DATE), ReadOptions(outlet="Wire", published="2024-01-01"), "Wire", "2024-01-01", id="options-next"),
        pytest.param(page(NO_SITE_NO_DATE), ReadOptions(), "gazette.example.org", None, id="url-host-last"),
    ],
)
def test_html_file(write, html: str, options: ReadOptions, outlet: str, published: str | None) -> None:
    path = write("mayor.html", html)
    [article] = read_inputs([path], options)
    assert article == Article(
        text=f"{TITLE}\n\n{BODY}", title=TITLE, title_span=(0, 32), path=path, url=URL,
        outlet=outlet, published=published, author="Maria Lopez",
    )


def test_html_in_cp1252_with_a_meta_charset(write) -> None:
    path = write("mayor.htm", page(charset="windows-1252").encode("cp1252"))
    [article] = read_inputs([path])
    assert article.text == f"{TITLE}\n\n{BODY}"


@pytest.mark.parametrize(
    ("cut_after", "body"),
    [
        pytest.param("voted 7 to 2", BODY[: BODY.index(" to censure")], id="mid-paragraph"),
        pytest.param("outside City Hall.</", BODY[: BODY.index("\nCouncil")], id="mid-closing-tag"),
        pytest.param("necessary”.</p>\n</arti", BODY, id="mid-article-tag"),
    ],
)
def test_truncated_html_keeps_the_text_it_holds(write, cut_after: str, body: str) -> None:
    html = page()
    path = write("cut.html", html[: html.index(cut_after) + len(cut_after)])
    [article] = read_inputs([path])
    assert article.text == f"{TITLE}\n\n{body}"


@pytest.mark.parametrize(
    "html",
    [
        pytest.param(page()[: page().index("<body>") + 3], id="cut-before-body"),
        pytest.param("<html><head><title>Only a title</title></head><body></body></html>", id="empty-body"),
        pytest.param("<html><body><script>var story = 'none';</script></body></html>", id="script-only"),
    ],
)
def test_html_without_article_text_is_an_error(write, html: str) -> None:
    path = write("nothing.html", html)
    [error] = read_inputs([path])
    assert isinstance(error, InputError)
    assert str(error) == f"{path}: no article text found (truncated or empty HTML?)"


def test_read_text_html() -> None:
    [article] = read_text(page(), fmt="html", source="pasted")
    assert (article.path, article.title, article.outlet) == ("pasted", TITLE, "Springfield Gazette")


class TestUrl:
    def test_a_page_is_fetched_and_extracted(self, web_server) -> None:
        web_server.pages["/politics/mayor"] = ("text/html; charset=utf-8", page(NO_SITE_NO_DATE).encode("utf-8"))
        url = f"{web_server.url}/politics/mayor"
        [article] = read_inputs([url], ReadOptions(allow_private_urls=True, published="2024-03-05"))
        assert article == Article(
            text=f"{TITLE}\n\n{BODY}", title=TITLE, title_span=(0, 32), path=url, url=url,
            outlet="127.0.0.1", published="2024-03-05", author="Maria Lopez",
        )

    def test_a_missing_page_is_an_error(self, web_server) -> None:
        url = f"{web_server.url}/no-such-story"
        [error] = read_inputs([url], ReadOptions(allow_private_urls=True))
        assert str(error) == f"{url}: could not fetch URL (HTTP 404)"

    def test_private_addresses_are_blocked_unless_allowed(self, web_server) -> None:
        web_server.pages["/story"] = ("text/html", page().encode("utf-8"))
        url = f"{web_server.url}/story"
        [error] = read_inputs([url])
        assert str(error) == f"{url}: could not fetch URL (unreachable, blocked, or over the size limit)"

    def test_a_page_over_the_limit_is_an_error(self, web_server) -> None:
        web_server.pages["/big"] = ("text/html", page().encode("utf-8"))
        url = f"{web_server.url}/big"
        [error] = read_inputs([url], ReadOptions(allow_private_urls=True, max_bytes=500))
        assert isinstance(error, InputError) and error.source == url
