"""Plain text and Markdown: the text is the source itself and the title is found inside it."""

from __future__ import annotations

import pytest

from claimledger.errors import InputError
from claimledger.ingest import ReadOptions, read_inputs, read_text
from claimledger.model import Article

BODY = (
    "The interior minister on Tuesday denied reports that security forces had detained more than 100 people "
    "in the northern province.\n\n"
    "“We have found no evidence of any such campaign,” the minister told reporters.\n"
)


@pytest.mark.parametrize(
    ("content", "options", "text", "title", "title_span"),
    [
        pytest.param(
            "Minister denies detentions\n\n" + BODY, ReadOptions(),
            "Minister denies detentions\n\n" + BODY, "Minister denies detentions", (0, 26), id="first-line",
        ),
        pytest.param(
            "\n\n   Minister denies detentions  \n" + BODY, ReadOptions(),
            "\n\n   Minister denies detentions  \n" + BODY, "Minister denies detentions", (5, 31), id="padded",
        ),
        pytest.param(
            "Minister denies detentions\r\n\r\nSecond line\rThird line\r\n", ReadOptions(),
            "Minister denies detentions\n\nSecond line\nThird line\n", "Minister denies detentions", (0, 26),
            id="crlf-and-cr",
        ),
        pytest.param(
            BODY, ReadOptions(title=False), BODY, None, None, id="no-title",
        ),
    ],
)
def test_plain_text(write, content: str, options: ReadOptions, text: str, title: str | None, title_span) -> None:
    path = write("detentions.txt", content)
    [article] = read_inputs([path], options)
    assert article == Article(text=text, title=title, title_span=title_span, path=path)


def test_plain_text_takes_outlet_and_date_from_the_options(write) -> None:
    path = write("story.text", "Mayor resigns\n\nThe mayor resigned on Monday.\n")
    [article] = read_inputs([path], ReadOptions(outlet="Springfield Gazette", published="2024-03-05"))
    assert (article.outlet, article.published, article.url, article.id) == ("Springfield Gazette", "2024-03-05", None, None)
    assert article.text[slice(*article.title_span)] == "Mayor resigns"


FRONT_MATTER = """---
title: Minister denies detentions
outlet: The Northern Star
published: 2024-03-05
url: https://www.northernstar.example/news/detentions
author: Jane Smith
---

"""


@pytest.mark.parametrize(
    ("content", "options", "expected"),
    [
        pytest.param(
            FRONT_MATTER + "# Minister denies detentions\n\n" + BODY, ReadOptions(outlet="Ignored", published="1999-01-01"),
            Article(
                text="# Minister denies detentions\n\n" + BODY, title="Minister denies detentions", title_span=(2, 28),
                outlet="The Northern Star", url="https://www.northernstar.example/news/detentions",
                published="2024-03-05", author="Jane Smith",
            ),
            id="front-matter-matching-heading",
        ),
        pytest.param(
            FRONT_MATTER + "Minister rejects reports\n\n" + BODY, ReadOptions(),
            Article(
                text="Minister rejects reports\n\n" + BODY, title="Minister denies detentions", title_span=None,
                outlet="The Northern Star", url="https://www.northernstar.example/news/detentions",
                published="2024-03-05", author="Jane Smith",
            ),
            id="front-matter-title-differs",
        ),
        pytest.param(
            "---\ndate: 2024-03-06 08:15:00\nurl: https://www.northernstar.example/a\n---\n\n\n  \n## Mayor resigns ##\n" + BODY,
            ReadOptions(published="1999-01-01"),
            Article(
                text="## Mayor resigns ##\n" + BODY, title="Mayor resigns", title_span=(3, 16),
                outlet="northernstar.example", url="https://www.northernstar.example/a", published="2024-03-06T08:15:00",
            ),
            id="date-alias-and-host-outlet",
        ),
        pytest.param(
            "# Minister denies detentions\n\n" + BODY, ReadOptions(outlet="Wire", published="2024-03-07"),
            Article(
                text="# Minister denies detentions\n\n" + BODY, title="Minister denies detentions", title_span=(2, 28),
                outlet="Wire", published="2024-03-07",
            ),
            id="heading-without-front-matter",
        ),
        pytest.param(
            "\nMinister denies **detentions**\n===\n\n" + BODY, ReadOptions(),
            Article(
                text="\nMinister denies **detentions**\n===\n\n" + BODY, title="Minister denies **detentions**",
                title_span=(1, 31),
            ),
            id="first-line",
        ),
        pytest.param(
            "---\ntitle: Minister denies detentions\n---\n# Minister denies detentions\n" + BODY, ReadOptions(title=False),
            Article(text="# Minister denies detentions\n" + BODY, title="Minister denies detentions", title_span=None),
            id="no-title-keeps-front-matter-title",
        ),
        pytest.param(
            "# Minister denies detentions\r\n\r\nBody line.\r\n", ReadOptions(title=False),
            Article(text="# Minister denies detentions\n\nBody line.\n"),
            id="no-title",
        ),
    ],
)
def test_markdown(write, content: str, options: ReadOptions, expected: Article) -> None:
    path = write("detentions.md", content)
    [article] = read_inputs([path], options)
    assert article == Article(**{**expected.__dict__, "path": path})


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("---\ntitle: [unclosed\n---\nBody\n", "invalid YAML front matter: while parsing a flow sequence"),
        ("---\n- a\n- list\n---\nBody\n", "front matter is not a YAML mapping of keys to values"),
        ("---\ntitle: Only metadata\n---\n\n\n", "empty file"),
    ],
)
def test_bad_markdown(write, content: str, problem: str) -> None:
    path = write("notes.markdown", content)
    [error] = read_inputs([path])
    assert isinstance(error, InputError)
    assert str(error).startswith(f"{path}: {problem}")


def test_read_text_parses_a_string() -> None:
    [article] = read_text("Mayor resigns\r\nThe mayor resigned.", source="clipboard")
    assert article == Article(text="Mayor resigns\nThe mayor resigned.", title="Mayor resigns", title_span=(0, 13), path="clipboard")
    [error] = read_text("  \n", fmt="markdown")
    assert str(error) == "<text>: empty file"
