"""RSS and Atom feeds: every entry with text is one article; the feed's title is the outlet."""

from __future__ import annotations

import pytest

from claimledger.ingest import ReadOptions, read_inputs, read_text
from claimledger.model import Article

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>Springfield Gazette</title>
<link>https://gazette.example.org/</link>
<item>
  <title>Mayor resigns after council vote</title>
  <link>https://gazette.example.org/politics/mayor-resigns</link>
  <pubDate>Tue, 05 Mar 2024 23:30:00 -0500</pubDate>
  <dc:creator>Maria Lopez</dc:creator>
  <description>The mayor resigned.</description>
  <content:encoded><![CDATA[<p>The mayor of Springfield resigned on Monday after a 7 to 2 council vote.</p>
<p>&ldquo;The city needs a fresh start,&rdquo; he told reporters.</p>]]></content:encoded>
</item>
<item>
  <title>Water contract under review</title>
  <link>https://gazette.example.org/politics/water</link>
  <description>&lt;p&gt;Auditors will review the &lt;b&gt;water contract&lt;/b&gt;, the council said.&lt;/p&gt;</description>
</item>
<item>
  <title>Photo gallery: council meeting</title>
  <link>https://gazette.example.org/photos/council</link>
</item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>urn:uuid:feed</id>
  <updated>2024-05-13T08:00:00Z</updated>
  <entry>
    <title>Flood waters recede</title>
    <link href="https://www.courier.example/floods"/>
    <id>urn:uuid:1</id>
    <updated>2024-05-13T08:00:00Z</updated>
    <content type="text">Rescuers evacuated about 400 people from the valley, the agency said.</content>
  </entry>
</feed>
"""


def test_rss_entries(write) -> None:
    path = write("gazette.rss", RSS)
    items = list(read_inputs([path], ReadOptions(outlet="Ignored", published="2000-01-01")))
    assert items[:2] == [
        Article(
            text=(
                "Mayor resigns after council vote\n\n"
                "The mayor of Springfield resigned on Monday after a 7 to 2 council vote.\n"
                "“The city needs a fresh start,” he told reporters."
            ),
            title="Mayor resigns after council vote", title_span=(0, 32), path=path,
            url="https://gazette.example.org/politics/mayor-resigns", outlet="Springfield Gazette",
            published="2024-03-06", author="Maria Lopez",
        ),
        Article(
            text="Water contract under review\n\nAuditors will review the water contract, the council said.",
            title="Water contract under review", title_span=(0, 27), path=path,
            url="https://gazette.example.org/politics/water", outlet="Springfield Gazette", published="2000-01-01",
        ),
    ]
    assert [str(error) for error in items[2:]] == [f"{path} entry 3 (Photo gallery: council meeting): entry has no text"]


@pytest.mark.parametrize(
    ("options", "outlet"),
    [(ReadOptions(outlet="Valley Courier"), "Valley Courier"), (ReadOptions(), "courier.example")],
)
def test_atom_feed_without_a_title(write, options: ReadOptions, outlet: str) -> None:
    path = write("courier.atom", ATOM)
    [article] = read_inputs([path], options)
    assert article == Article(
        text="Flood waters recede\n\nRescuers evacuated about 400 people from the valley, the agency said.",
        title="Flood waters recede", title_span=(0, 19), path=path, url="https://www.courier.example/floods",
        outlet=outlet, published="2024-05-13",
    )


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("<html><body><p>Not a feed</p></body></html>", "no feed entries found"),
        ("<rss><channel><title>Broken", "not a valid RSS/Atom feed ("),
        ('<?xml version="1.0"?><urlset><url><loc>https://a.example/</loc></url></urlset>', "no feed entries found"),
    ],
)
def test_not_a_feed(write, content: str, problem: str) -> None:
    path = write("sitemap.xml", content)
    [error] = read_inputs([path])
    assert str(error).startswith(f"{path}: {problem}")


def test_a_feed_string_that_looks_like_a_url_is_not_fetched() -> None:
    [error] = read_text("http://127.0.0.1:9/feed.rss", fmt="feed", source="pasted")
    assert str(error).startswith("pasted: not a valid RSS/Atom feed (")
