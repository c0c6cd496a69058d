"""Encoding detection, universal newlines, refusing non-text input, and the size limit."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimledger.errors import ClaimledgerError, InputError
from claimledger.ingest import DEFAULT_MAX_BYTES, ReadOptions, decode_bytes, read_inputs
from claimledger.ingest.decoding import format_size

HEADLINE = "Minister denies “purge” — again"
CP1252_TEXT = "“We will not resign,” the mayor said — and the council agreed.\nThe vote was held on Monday.\n"
LATIN1_TEXT = "Die Bürgermeisterin von München sprach am Montag über die Gebühren im Café.\n"
PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(HEADLINE.encode("utf-8"), HEADLINE, id="utf-8"),
        pytest.param(b"\xef\xbb\xbf" + HEADLINE.encode("utf-8"), HEADLINE, id="utf-8-bom"),
        pytest.param(HEADLINE.encode("utf-16"), HEADLINE, id="utf-16-bom"),
        pytest.param(b"\xfe\xff" + HEADLINE.encode("utf-16-be"), HEADLINE, id="utf-16-be-bom"),
        pytest.param(HEADLINE.encode("utf-32"), HEADLINE, id="utf-32-bom"),
        pytest.param(CP1252_TEXT.encode("cp1252"), CP1252_TEXT, id="cp1252"),
        pytest.param(LATIN1_TEXT.encode("latin-1"), LATIN1_TEXT, id="latin-1"),
        pytest.param("Café owners in Zürich object.\n".encode("latin-1"), "Café owners in Zürich object.\n", id="latin-1-short"),
        pytest.param(b"Title\r\n\r\nLine one\rLine two\n", "Title\n\nLine one\nLine two\n", id="newlines"),
        pytest.param("Zürich café".encode("utf-8")[:-1], "Zürich caf", id="utf-8-cut-mid-character"),
        pytest.param(b"Tabs\tand\x0cform feeds stay.", "Tabs\tand\x0cform feeds stay.", id="whitespace-controls"),
    ],
)
def test_decode_bytes_detects_the_encoding(data: bytes, expected: str) -> None:
    assert decode_bytes(data, "story.txt") == expected


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        pytest.param(b"", "empty file", id="empty"),
        pytest.param(b" \n\t\r\n ", "empty file", id="whitespace"),
        pytest.param("  \n".encode("utf-16"), "empty file", id="utf-16-whitespace"),
        pytest.param(PNG_HEADER, "binary file, not text", id="png"),
        pytest.param(random.Random(7).randbytes(4096), "binary file, not text", id="random-bytes"),
        pytest.param(
            bytes(b for b in random.Random(7).randbytes(4096) if b), "not text (mostly control or replacement characters)",
            id="random-bytes-without-nul",
        ),
        pytest.param(b"Head\x01\x02\x03\x04\x05\x06line\x07\x08", "not text (mostly control or replacement characters)", id="controls"),
        pytest.param(
            b"\xef\xbb\xbf" + "Tête à tête".encode("cp1252") * 5, "not text (mostly control or replacement characters)",
            id="utf-8-bom-on-cp1252",
        ),
    ],
)
def test_decode_bytes_refuses_what_is_not_text(data: bytes, problem: str) -> None:
    with pytest.raises(InputError) as raised:
        decode_bytes(data, "upload.txt")
    assert (raised.value.source, raised.value.problem) == ("upload.txt", problem)
    assert str(raised.value) == f"upload.txt: {problem}"


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        ("photo.txt", PNG_HEADER, "binary file, not text"),
        ("empty.md", b"", "empty file"),
        ("blank.html", b"\n\n   \n", "empty file"),
        ("noise.txt", b"\x01\x02\x03\x04 hi \x05\x06\x07\x08", "not text (mostly control or replacement characters)"),
        ("records.jsonl", PNG_HEADER, "binary file, not text"),
        ("records.csv", b"", "empty file"),
        ("feed.rss", b"\x00\x01\x02", "binary file, not text"),
    ],
)
def test_bad_files_give_one_error_naming_the_file(write, name: str, data: bytes, problem: str) -> None:
    path = write(name, data)
    [error] = read_inputs([path])
    assert isinstance(error, InputError)
    assert str(error) == f"{path}: {problem}"


def test_a_huge_file_is_refused_from_its_size_without_reading_it(tmp_path) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as file:
        file.truncate(200 * 1024 * 1024)  # sparse: no disk space used, nothing to read
    [error] = read_inputs([str(path)])
    assert str(error) == (
        f"{path}: file is 200 MB, over the limit of 20 MB (set CLAIMLEDGER_MAX_BYTES or --max-bytes)"
    )


def test_the_size_limit_comes_from_the_options(write) -> None:
    path = write("story.txt", "Mayor resigns\n\n" + "The council met on Monday. " * 10)
    [error] = read_inputs([path], ReadOptions(max_bytes=100))
    assert error.problem == "file is 285 bytes, over the limit of 100 bytes (set CLAIMLEDGER_MAX_BYTES or --max-bytes)"


def test_the_environment_sets_the_default_limit(monkeypatch) -> None:
    assert ReadOptions().max_bytes == DEFAULT_MAX_BYTES == 20 * 1024 * 1024
    monkeypatch.setenv("CLAIMLEDGER_MAX_BYTES", "1048576")
    assert ReadOptions().max_bytes == 1048576
    monkeypatch.setenv("CLAIMLEDGER_MAX_BYTES", "20MB")
    with pytest.raises(ClaimledgerError, match="CLAIMLEDGER_MAX_BYTES must be a positive number of bytes"):
        ReadOptions()


@pytest.mark.parametrize(
    ("size", "shown"),
    [(100, "100 bytes"), (20 * 1024 * 1024, "20 MB"), (int(20.5 * 1024 * 1024), "20.5 MB"), (200 * 1024 * 1024, "200 MB")],
)
def test_format_size(size: int, shown: str) -> None:
    assert format_size(size) == shown


_TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\ufffd"), min_size=1).filter(str.strip)


@settings(max_examples=60, deadline=None)
@given(text=_TEXT, encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_unicode_text_round_trips(text: str, encoding: str) -> None:
    assert decode_bytes(text.encode(encoding), "any.txt") == text
