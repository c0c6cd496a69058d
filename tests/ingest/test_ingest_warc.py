"""WARC archives: every HTML response record is one article; other records are skipped."""

from __future__ import annotations

import io

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from claimledger.ingest import ReadOptions, read_inputs
from claimledger.model import Article

STORY = """<html><head><title>Flood waters recede in the valley</title>{meta}</head><body>
<nav><a href="/">Home</a></nav>
<article><h1>Flood waters recede in the valley</h1>
<p>Rescuers evacuated about 400 people from the flooded valley on Sunday, the regional civil protection agency said.</p>
<p>“The water level has dropped by more than a metre since Friday,” agency spokesman Tomas Berg said.</p>
</article></body></html>"""
BODY = (
    "Rescuers evacuated about 400 people from the flooded valley on Sunday, the regional civil protection agency said.\n"
    "“The water level has dropped by more than a metre since Friday,” agency spokesman Tomas Berg said."
)
TITLE = "Flood waters recede in the valley"
DATED = '<meta property="og:site_name" content="Valley Courier"><meta property="article:published_time" content="2024-05-12">'


def warc_bytes(records: list[tuple[str, str, str, bytes]], *, gzip: bool) -> bytes:
    """A WARC of (record type, URI, content type, payload) records, captured on 2024-05-13."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    for record_type, uri, content_type, payload in records:
        http_headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            uri, record_type, payload=io.BytesIO(payload),
            http_headers=http_headers if record_type == "response" else None,
            warc_headers_dict={"WARC-Date": "2024-05-13T06:00:00Z"},
        )
        writer.write_record(record)
    return buffer.getvalue()


CRAWL = [
    ("response", "https://www.courier.example/floods", "text/html; charset=utf-8", STORY.format(meta=DATED).encode("utf-8")),
    ("response", "https://www.courier.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n\x00\x00"),
    ("resource", "https://www.courier.example/notes.html", "text/html", STORY.format(meta="").encode("utf-8")),
    ("response", "https://www.other.example/floods", "application/xhtml+xml", STORY.format(meta="").encode("utf-8")),
    ("response", "https://www.other.example/empty", "text/html", b"<html><body></body></html>"),
]


@pytest.mark.parametrize(("name", "gzip"), [("crawl.warc.gz", True), ("crawl.warc", False)])
def test_html_responses_become_articles(write, name: str, gzip: bool) -> None:
    path = write(name, warc_bytes(CRAWL, gzip=gzip))
    items = list(read_inputs([path], ReadOptions(outlet="Fallback Desk", published="2000-01-01")))
    assert items[:2] == [
        Article(
            text=f"{TITLE}\n\n{BODY}", title=TITLE, title_span=(0, 33), path=path, url="https://www.courier.example/floods",
            outlet="Valley Courier", published="2024-05-12",
        ),
        Article(
            text=f"{TITLE}\n\n{BODY}", title=TITLE, title_span=(0, 33), path=path, url="https://www.other.example/floods",
            outlet="Fallback Desk", published="2024-05-13",
        ),
    ]
    assert [str(error) for error in items[2:]] == [
        f"{path} (https://www.other.example/empty): no article text found (truncated or empty HTML?)"
    ]


def test_the_url_host_is_the_last_resort_outlet(write) -> None:
    path = write("one.warc", warc_bytes(CRAWL[3:4], gzip=False))
    [article] = read_inputs([path])
    assert (article.outlet, article.published) == ("other.example", "2024-05-13")


def test_a_record_over_the_limit_is_an_error(write) -> None:
    path = write("big.warc.gz", warc_bytes(CRAWL[:1], gzip=True))
    [error] = read_inputs([path], ReadOptions(max_bytes=100))
    assert str(error) == (
        f"{path} (https://www.courier.example/floods): record too large, over the limit of 100 bytes "
        "(set CLAIMLEDGER_MAX_BYTES or --max-bytes)"
    )


def test_no_html_responses(write) -> None:
    path = write("images.warc", warc_bytes(CRAWL[1:3], gzip=False))
    assert [str(e) for e in read_inputs([path])] == [f"{path}: no HTML responses found"]


def test_a_record_cut_short_is_extracted_as_far_as_it_goes(write) -> None:
    data = warc_bytes(CRAWL[:1] + CRAWL[3:4], gzip=True)
    path = write("cut.warc.gz", data[:-40])
    first, second = read_inputs([path])
    assert (first.url, first.text) == ("https://www.courier.example/floods", f"{TITLE}\n\n{BODY}")
    cut_body = BODY[: BODY.index("Friday,") + len("Friday,")]
    assert (second.url, second.text) == ("https://www.other.example/floods", f"{TITLE}\n\n{cut_body}")


@pytest.mark.parametrize("gzip", [False, True])
@pytest.mark.parametrize("kept", [0.5, 0.6, 0.7, 0.8])
def test_an_archive_cut_anywhere_in_the_second_record_keeps_the_first(write, gzip: bool, kept: float) -> None:
    data = warc_bytes(CRAWL[:1] + CRAWL[3:4], gzip=gzip)
    path = write("cut.warc.gz" if gzip else "cut.warc", data[: int(len(data) * kept)])
    first, *rest = read_inputs([path])
    assert first.url == "https://www.courier.example/floods"
    assert all(isinstance(item, Article) or str(item).startswith(path) for item in rest)


@pytest.mark.parametrize(("name", "data"), [("junk.warc", b"garbage not a warc\n" * 3), ("junk.warc.gz", b"\x1f\x8b\x08garbage")])
def test_not_a_warc(write, name: str, data: bytes) -> None:
    path = write(name, data)
    [error] = read_inputs([path])
    assert str(error).startswith(f"{path}: corrupt, truncated or not a WARC file (")


def test_empty_warc(write) -> None:
    path = write("empty.warc.gz", b"")
    assert [str(e) for e in read_inputs([path])] == [f"{path}: empty file"]
