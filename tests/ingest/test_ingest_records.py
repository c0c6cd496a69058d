"""JSON Lines and CSV: one article per record, bad records reported by line, good ones kept."""

from __future__ import annotations

import json

import pytest

from claimledger.errors import InputError
from claimledger.ingest import ReadOptions, read_inputs, read_text
from claimledger.model import Article

RECORDS = [
    {
        "id": "afp-1021", "title": "Minister denies detentions",
        "text": "The interior minister denied on Tuesday that more than 100 people had been detained.",
        "url": "https://www.wire.example/afp-1021", "outlet": "AFP", "published": "2024-03-05",
    },
    {"id": 77, "title": "  Mayor resigns ", "text": "The mayor resigned on Monday.\r\nCouncil members welcomed it."},
    {"text": "Rescuers evacuated about 400 people from the flooded valley.", "url": "https://news.example.org/floods"},
]
EXPECTED = [
    Article(
        text="Minister denies detentions\n\nThe interior minister denied on Tuesday that more than 100 people had been detained.",
        title="Minister denies detentions", title_span=(0, 26), id="afp-1021",
        url="https://www.wire.example/afp-1021", outlet="AFP", published="2024-03-05",
    ),
    Article(
        text="Mayor resigns\n\nThe mayor resigned on Monday.\nCouncil members welcomed it.",
        title="Mayor resigns", title_span=(0, 13), id="77",
    ),
    Article(
        text="Rescuers evacuated about 400 people from the flooded valley.",
        url="https://news.example.org/floods", outlet="news.example.org",
    ),
]


def with_path(article: Article, path: str, **changes: object) -> Article:
    return Article(**{**article.__dict__, "path": path, **changes})


def json_line(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False) + "\n"


class TestJsonLines:
    def test_every_record_becomes_an_article(self, write) -> None:
        path = write("wire.jsonl", "".join(json_line(r) for r in RECORDS))
        assert list(read_inputs([path])) == [with_path(a, path) for a in EXPECTED]

    def test_options_fill_in_missing_metadata_only(self, write) -> None:
        path = write("wire.ndjson", "".join(json_line(r) for r in RECORDS))
        articles = list(read_inputs([path], ReadOptions(outlet="Desk", published="2024-04-01")))
        assert [(a.outlet, a.published) for a in articles] == [("AFP", "2024-03-05"), ("Desk", "2024-04-01"), ("Desk", "2024-04-01")]

    def test_bad_lines_are_reported_by_number_and_good_lines_kept(self, write) -> None:
        lines = [
            json_line(RECORDS[0]),
            "\n",
            '{"title": "Broken", "text": "no closing brace"\n',
            json_line({"title": "No text here"}),
            json_line({"title": "Blank text", "text": "   "}),
            "[1, 2, 3]\n",
            json_line({"text": "Body", "title": {"nested": True}}),
            json_line(RECORDS[2]),
        ]
        path = write("mixed.jsonl", "".join(lines))
        items = list(read_inputs([path]))
        assert [str(item) for item in items if isinstance(item, InputError)] == [
            f"{path}:3: invalid JSON: Expecting ',' delimiter (column 47)",
            f"{path}:4: no 'text' (or it is empty)",
            f"{path}:5: no 'text' (or it is empty)",
            f"{path}:6: expected a JSON object, got list",
            f"{path}:7: 'title' must be a string, not dict",
        ]
        assert [item for item in items if isinstance(item, Article)] == [with_path(EXPECTED[0], path), with_path(EXPECTED[2], path)]

    def test_a_line_over_the_limit_is_skipped_without_stopping_the_file(self, write) -> None:
        long_record = json_line({"text": "The council met. " * 50})
        path = write("long.jsonl", json_line(RECORDS[1]) + long_record + json_line(RECORDS[2]))
        items = list(read_inputs([path], ReadOptions(max_bytes=300)))
        assert str(items[1]) == f"{path}:2: line too long, over the limit of 300 bytes (set CLAIMLEDGER_MAX_BYTES or --max-bytes)"
        assert [items[0], items[2]] == [with_path(EXPECTED[1], path), with_path(EXPECTED[2], path)]

    @pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "cp1252"])
    def test_encodings_and_crlf(self, write, encoding: str) -> None:
        record = {"id": "r1", "title": "Café owner “defiant”", "text": "She said the rules were unfair — and wrong."}
        path = write("enc.jsonl", json_line(record).replace("\n", "\r\n").encode(encoding))
        [article] = read_inputs([path])
        assert article.text == "Café owner “defiant”\n\nShe said the rules were unfair — and wrong."

    def test_only_blank_lines(self, write) -> None:
        assert [str(e) for e in read_text("\n\n", fmt="jsonl", source="pasted")] == ["pasted: no records found"]
        path = write("blank.jsonl", "\n \n")
        assert [str(e) for e in read_inputs([path])] == [f"{path}: empty file"]


CSV_TEXT = (
    "ID,Title,Text,URL,Outlet,Published\r\n"
    'afp-1021,Minister denies detentions,"The interior minister denied on Tuesday that more than 100 people had been detained.",'
    "https://www.wire.example/afp-1021,AFP,2024-03-05\r\n"
    '77,  Mayor resigns ,"The mayor resigned on Monday.\r\nCouncil members welcomed it.",,,\r\n'
    "\r\n"
    ",,Rescuers evacuated about 400 people from the flooded valley.,https://news.example.org/floods,,\r\n"
)


class TestCsv:
    def test_every_row_becomes_an_article(self, write) -> None:
        path = write("wire.csv", CSV_TEXT)
        assert list(read_inputs([path])) == [with_path(a, path) for a in EXPECTED]

    def test_read_text_csv(self) -> None:
        assert list(read_text(CSV_TEXT, fmt="csv", source="sheet")) == [with_path(a, "sheet") for a in EXPECTED]

    def test_a_row_without_text_names_its_line(self, write) -> None:
        path = write("rows.csv", 'title,text\nFirst,"Line one\nline two"\nNo body,\nLast,Body of the last story.\n')
        items = list(read_inputs([path]))
        assert [str(item) if isinstance(item, InputError) else item.title for item in items] == [
            "First", f"{path}:4: no 'text' (or it is empty)", "Last",
        ]

    def test_no_text_column(self, write) -> None:
        path = write("stances.csv", "Headline,Body ID,Stance\nMinister denies,12,agree\n")
        assert [str(e) for e in read_inputs([path])] == [f"{path}: no 'text' column (columns: headline, body id, stance)"]

    def test_header_only(self, write) -> None:
        path = write("header.csv", "id,title,text\n")
        assert [str(e) for e in read_inputs([path])] == [f"{path}: no records found"]

    def test_a_row_over_the_limit_stops_the_file(self, write) -> None:
        path = write("big.csv", "title,text\nFirst,Short body.\nSecond," + "word " * 100 + "\nThird,Never read.\n")
        items = list(read_inputs([path], ReadOptions(max_bytes=200)))
        assert [str(item) if isinstance(item, InputError) else item.title for item in items] == [
            "First",
            f"{path}:3: line too long, over the limit of 200 bytes (set CLAIMLEDGER_MAX_BYTES or --max-bytes)"
            "; the rest of the file was not read",
        ]

    def test_a_long_article_fits_in_a_field(self, write) -> None:
        body = "The council met again on Monday. " * 10_000  # 330 kB, over the csv module's default field limit
        path = write("long.csv", f'title,text\nLong story,"{body}"\n')
        [article] = read_inputs([path])
        assert article.text == f"Long story\n\n{body}"

    def test_cp1252_csv(self, write) -> None:
        path = write("legacy.csv", "title,text\n“Defiant” café owner,She called the rules unfair — and wrong.\n".encode("cp1252"))
        [article] = read_inputs([path])
        assert article.text == "“Defiant” café owner\n\nShe called the rules unfair — and wrong."
