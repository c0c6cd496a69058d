"""Where inputs come from: files, folders, stdin and mixed lists; errors never stop the rest."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimledger.errors import InputError
from claimledger.ingest import EXTENSIONS, ReadOptions, read_inputs, read_text, sniff_format
from claimledger.model import Article

STORY = "Mayor resigns after council vote\n\nThe mayor of Springfield resigned on Monday.\n"
PAGE = (
    "<html><head><title>Mayor resigns</title></head><body><article><h1>Mayor resigns</h1>"
    "<p>The mayor of Springfield resigned on Monday after the city council voted 7 to 2 to censure him.</p>"
    "</article></body></html>"
)
RSS = (
    "<?xml version='1.0'?><rss version='2.0'><channel><title>Gazette</title>"
    "<item><title>Mayor resigns</title><link>https://gazette.example.org/m</link>"
    "<description>The mayor resigned on Monday.</description></item></channel></rss>"
)
ATOM = (
    "<feed xmlns='http://www.w3.org/2005/Atom'><title>Courier</title><entry><title>Floods</title>"
    "<link href='https://courier.example/f'/><summary>Rescuers evacuated 400 people.</summary></entry></feed>"
)
JSONL = json.dumps({"id": "g1", "title": "Mayor resigns", "text": "The mayor resigned on Monday."}) + "\n"


def titles(items: list) -> list[str]:
    return [item.title if isinstance(item, Article) else f"error: {item}" for item in items]


class TestFolders:
    def test_a_folder_is_read_recursively_in_sorted_order(self, write, tmp_path: Path) -> None:
        write("corpus/b.txt", "Second story\n\nBody two.\n")
        write("corpus/a.md", "# First story\n\nBody one.\n")
        write("corpus/sub/c.html", PAGE)
        write("corpus/sub/deeper/d.jsonl", JSONL)
        write("corpus/sub/photo.png", b"\x89PNG\r\n\x1a\n\x00")
        write("corpus/notes.docx", b"PK\x03\x04")
        write("corpus/.hidden.txt", "Hidden story\n")
        write("corpus/.cache/e.txt", "Cached story\n")
        folder = str(tmp_path / "corpus")
        items = list(read_inputs([folder]))
        assert titles(items) == ["First story", "Second story", "Mayor resigns", "Mayor resigns"]
        assert [item.path for item in items] == [
            f"{folder}/a.md", f"{folder}/b.txt", f"{folder}/sub/c.html", f"{folder}/sub/deeper/d.jsonl",
        ]

    def test_a_bad_file_does_not_stop_the_folder(self, write, tmp_path: Path) -> None:
        write("mixed/1.txt", STORY)
        write("mixed/2.txt", b"\x00\x01binary")
        write("mixed/3.txt", STORY.replace("Mayor", "Governor"))
        folder = str(tmp_path / "mixed")
        assert titles(list(read_inputs([folder]))) == [
            "Mayor resigns after council vote",
            f"error: {folder}/2.txt: binary file, not text",
            "Governor resigns after council vote",
        ]

    def test_a_folder_without_supported_files(self, write, tmp_path: Path) -> None:
        write("photos/a.png", b"\x89PNG")
        write("photos/b.pdf", b"%PDF-1.4")
        folder = str(tmp_path / "photos")
        [error] = read_inputs([folder])
        assert str(error) == (
            f"{folder}: no supported files "
            "(.txt, .text, .md, .markdown, .html, .htm, .jsonl, .ndjson, .csv, .warc, .warc.gz, .rss, .atom, .xml)"
        )

    def test_an_empty_folder(self, tmp_path: Path) -> None:
        [error] = read_inputs([tmp_path])
        assert isinstance(error, InputError) and error.source == str(tmp_path)


def test_inputs_are_read_in_order_and_errors_do_not_stop_them(write, tmp_path: Path) -> None:
    first = write("first.txt", STORY)
    last = write("last.txt", STORY.replace("Mayor", "Governor"))
    missing = str(tmp_path / "missing.txt")
    items = list(read_inputs([first, missing, Path(last)]))
    assert titles(items) == [
        "Mayor resigns after council vote",
        f"error: {missing}: no such file or directory",
        "Governor resigns after council vote",
    ]


@pytest.mark.parametrize(
    ("content", "fmt", "title"),
    [
        (JSONL, "jsonl", "Mayor resigns"),
        ("  \n" + PAGE, "html", "Mayor resigns"),
        (RSS, "feed", "Mayor resigns"),
        (ATOM, "feed", "Floods"),
        (STORY, "text", "Mayor resigns after council vote"),
    ],
)
def test_stdin_is_sniffed(stdin, content: str, fmt: str, title: str) -> None:
    assert sniff_format(content) == fmt
    stdin(content.encode("utf-8"))
    [article] = read_inputs(["-"])
    assert (article.path, article.title) == ("<stdin>", title)


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary file, not text"),
        (b"x" * 101, "input too large, over the limit of 100 bytes (set CLAIMLEDGER_MAX_BYTES or --max-bytes)"),
    ],
)
def test_bad_stdin(stdin, data: bytes, problem: str) -> None:
    stdin(data)
    [error] = read_inputs(["-"], ReadOptions(max_bytes=100))
    assert str(error) == f"<stdin>: {problem}"


def test_stdin_in_cp1252(stdin) -> None:
    stdin("“Defiant” café owner\n\nShe called the rules unfair — and wrong.\n".encode("cp1252"))
    [article] = read_inputs(["-"])
    assert article.title_span == (0, 20) and article.title == "“Defiant” café owner"


def test_a_file_with_another_extension_is_sniffed(write) -> None:
    story, page = write("STORY", STORY), write("page.php", PAGE)
    assert titles(list(read_inputs([story, page]))) == ["Mayor resigns after council vote", "Mayor resigns"]


def test_read_text_refuses_an_unknown_format() -> None:
    with pytest.raises(ValueError, match="unknown format 'warc'"):
        read_text("", fmt="warc")


def test_every_supported_extension_is_recognized(write, tmp_path: Path) -> None:
    contents = {"text": STORY, "markdown": STORY, "html": PAGE, "jsonl": JSONL, "csv": "title,text\nT,Body.\n", "feed": RSS}
    for extension, fmt in EXTENSIONS.items():
        if fmt != "warc":
            write(f"all/story{extension}", contents[fmt])
    items = list(read_inputs([tmp_path / "all"]))
    assert all(isinstance(item, Article) for item in items)
    assert len(items) == len(EXTENSIONS) - 2


def test_every_error_names_its_input(write, stdin, tmp_path: Path) -> None:
    bad = {
        "bad/binary.txt": b"\x00\x01\x02",
        "bad/empty.md": b"",
        "bad/noise.html": b"\x01\x02\x03\x04\x05 a",
        "bad/cut.html": b"<html><head><title>Cut",
        "bad/broken.jsonl": b'{"text": "ok"}\n{broken\n',
        "bad/columns.csv": b"headline,body\nA,B\n",
        "bad/junk.warc": b"garbage not a warc\n",
        "bad/feed.rss": b"<rss><channel><item><title>No text</title></item></channel></rss>",
        "bad/front.md": b"---\ntitle: [\n---\nBody\n",
    }
    for name, data in bad.items():
        write(name, data)
    stdin(b"\x00")
    errors = [item for item in read_inputs([tmp_path / "bad", "-", str(tmp_path / "gone.txt")]) if isinstance(item, InputError)]
    sources = [str(tmp_path / name) for name in sorted(bad)] + ["<stdin>", str(tmp_path / "gone.txt")]
    assert len(errors) == len(sources)
    for error, source in zip(errors, sources, strict=True):
        assert str(error).startswith(source)
