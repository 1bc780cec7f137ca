"""Tests for sitrep.ingest: every reader, the shipped examples, overrides and every bad input.

Files are real files in tmp_path and URLs are served by a real HTTP server on 127.0.0.1, so the
tests exercise the same code paths as the CLI without touching the network.
"""

from __future__ import annotations

import io
import json
import socket
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from sitrep.config import USER_AGENT
from sitrep.errors import IngestError
from sitrep.ingest import read_sources
from sitrep.ingest.base import guess_lang, html_to_text, human_size, parse_date, too_large
from sitrep.models import Report

EXAMPLES = Path(__file__).resolve().parents[1] / "src" / "sitrep" / "examples"


def read_all(*inputs: str | Path, **kwargs: object) -> list[Report]:
    """Reports of inputs, raising on the first problem (no on_error)."""
    return list(read_sources([str(i) for i in inputs], **kwargs))  # type: ignore[arg-type]


def read_collecting(*inputs: str | Path, **kwargs: object) -> tuple[list[Report], list[str]]:
    """Reports and the error lines of inputs, reading past problems."""
    errors: list[str] = []
    reports = list(read_sources([str(i) for i in inputs], on_error=errors.append, **kwargs))  # type: ignore[arg-type]
    return reports, errors


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


# --- a local HTTP server ------------------------------------------------------------------------

RSS = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Test Wire</title><link>http://example.test/</link>
<item><title>Drones downed over Kursk region</title><link>http://example.test/1</link>
<pubDate>Tue, 25 Nov 2025 07:00:00 +0300</pubDate>
<description>&lt;p&gt;Air defences shot down 12 drones over Kursk Oblast, the governor said.&lt;/p&gt;
</description></item>
<item><title>Strike on Dnipro</title><link>http://example.test/2</link>
<pubDate>Tue, 25 Nov 2025 09:00:00 +0200</pubDate>
<description>A missile hit an industrial site in Dnipro, injuring three people.</description></item>
</channel></rss>"""

PAGE = b"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Drone attack on Poltava | Test Post</title>
<meta property="og:site_name" content="Test Post">
<meta property="article:published_time" content="2025-11-25T06:30:00+02:00">
</head><body><nav><a href="/">Home</a> <a href="/war">War</a> <a href="/sport">Sport</a></nav>
<article><h1>Drone attack on Poltava</h1>
<p>Russian drones attacked Poltava overnight, damaging a gas facility and injuring two people,
the head of the regional military administration said on Telegram on Tuesday morning.</p>
<p>Firefighters put out the blaze by 5 a.m., the State Emergency Service said, adding that
residents of nearby houses had been evacuated as a precaution.</p></article>
<footer>Copyright Test Post. Privacy policy. Terms.</footer></body></html>"""

GARBAGE = bytes(range(256)) * 3


class _Handler(BaseHTTPRequestHandler):
    """Routes for the tests; records the User-Agent of each request."""

    user_agents: list[str] = []

    def log_message(self, format: str, *args: object) -> None:
        pass

    def _send(self, status: int, body: bytes, content_type: str, length: bool = True) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        _Handler.user_agents.append(self.headers.get("User-Agent", ""))
        path = self.path
        if path == "/feed.xml":
            self._send(200, RSS, "application/rss+xml; charset=utf-8")
        elif path == "/feed-as-html":
            self._send(200, RSS, "text/html")  # a server that lies: sniffing decides
        elif path == "/page.html":
            self._send(200, PAGE, "text/html; charset=utf-8")
        elif path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/page.html")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/plain":
            self._send(
                200, b"Shelling hit Kupiansk.\n\nTwo people were injured, officials said.", "text/plain"
            )
        elif path == "/missing":
            self._send(404, b"not here", "text/plain")
        elif path == "/error":
            self._send(500, b"oops", "text/plain")
        elif path == "/slow":
            time.sleep(1.5)
            self._send(200, PAGE, "text/html")
        elif path == "/garbage":
            self._send(200, GARBAGE, "application/octet-stream")
        elif path == "/garbage-as-html":
            self._send(200, GARBAGE, "text/html")
        elif path == "/empty-page":
            self._send(
                200, b"<html><head><title>x</title></head><body><div></div></body></html>", "text/html"
            )
        elif path == "/big":
            self._send(200, b"<p>" + b"a" * 5000 + b"</p>", "text/html")
        elif path == "/big-streamed":
            self._send(200, b"<p>" + b"a" * 5000 + b"</p>", "text/html", length=False)
        elif path == "/xml-not-feed":
            self._send(200, b"<?xml version='1.0'?><urlset><url>x</url></urlset>", "application/xml")
        else:
            self._send(404, b"", "text/plain")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def dead_url() -> str:
    """A URL on a port where nothing listens."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/feed.xml"


# --- the shipped examples -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, count, origin",
    [
        ("kyiv-overnight-strike.txt", 1, "file"),
        ("rostov-region-statement.md", 1, "file"),
        ("front-line-roundup.html", 1, "file"),
        ("wire-reports.jsonl", 4, "file"),
        ("feed.xml", 3, "feed"),
        ("telegram-result.json", 3, "telegram"),
    ],
)
def test_each_example_file_yields_reports(name: str, count: int, origin: str) -> None:
    reports = read_all(EXAMPLES / name)
    assert len(reports) == count
    for report in reports:
        assert report.text.strip() and report.text == report.text.strip()
        assert report.origin == origin
        assert report.retrieved.tzinfo is not None


def test_examples_folder_reads_everything_but_the_readme() -> None:
    reader = read_sources([str(EXAMPLES)])
    reports = list(reader)
    assert len(reports) == 1 + 1 + 1 + 4 + 3 + 3
    assert reader.stats.errors == 0
    assert any(p.endswith("README.md") for p in reader.stats.skipped_paths)
    assert len({r.id for r in reports}) == len(reports)
    # every dated example is dated 25 November 2025 in its own zone
    dated = [r for r in reports if r.published]
    assert len(dated) >= 10
    assert all(
        r.published.astimezone(timezone(timedelta(hours=2))).date().isoformat() == "2025-11-25" for r in dated
    )


def test_examples_are_small_and_documented() -> None:
    assert sum(p.stat().st_size for p in EXAMPLES.iterdir()) < 30_000
    readme = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    for path in EXAMPLES.iterdir():
        if path.name != "README.md":
            assert path.name in readme


def test_example_feed_outlets_disagree_on_casualties() -> None:
    reports = read_all(EXAMPLES / "feed.xml")
    assert [r.source for r in reports] == ["Kharkiv Today", "East Bank Post", "Northern Press"]
    assert "three people" in reports[0].text and "four people" in reports[1].text


# --- text and Markdown --------------------------------------------------------------------------


def test_text_file_title_from_short_first_line(tmp_path: Path) -> None:
    path = write(
        tmp_path / "a.txt",
        "Drones hit Odesa port\r\n\r\nODESA, Nov 25 - Russian drones hit the port overnight."
        "\r\n\r\n\r\nNo one was hurt.\n",
    )
    [report] = read_all(path)
    assert report.title == "Drones hit Odesa port"
    assert report.text == "ODESA, Nov 25 - Russian drones hit the port overnight.\n\nNo one was hurt."
    assert report.origin == "file"
    assert report.url == path.resolve().as_uri()
    assert report.meta["path"] == str(path.resolve())
    assert report.lang == "en"
    assert report.published is None


def test_text_file_without_headline_keeps_first_line(tmp_path: Path) -> None:
    path = write(tmp_path / "b.txt", "Russian forces shelled Kherson on Tuesday.\n\nOne person was injured.")
    [report] = read_all(path)
    assert report.title is None
    assert report.text.startswith("Russian forces shelled Kherson")
    wrapped = write(tmp_path / "c.txt", "Russian forces shelled Kherson on\nTuesday, officials said\n")
    [report] = read_all(wrapped)
    assert report.title is None


def test_markdown_heading_title_and_markup_removed(tmp_path: Path) -> None:
    path = write(
        tmp_path / "m.md",
        "# Blasts in *Kharkiv*\n\n**KHARKIV** - Explosions were heard, [officials](https://x.test) said.\n\n"
        "## Details\n\n> A drone hit a _warehouse_.\n\n* one injured\n\n---\n\nSee `log`.\n",
    )
    [report] = read_all(path)
    assert report.title == "Blasts in Kharkiv"
    assert report.text == (
        "KHARKIV - Explosions were heard, officials said.\n\nDetails\n\nA drone hit a warehouse.\n\n"
        "- one injured\n\nSee log."
    )


def test_markdown_setext_heading_and_front_matter(tmp_path: Path) -> None:
    path = write(
        tmp_path / "f.markdown",
        "---\npublished: 2025-11-25T07:00:00+03:00\nsource: Don Bulletin\nurl: https://b.test/1\n"
        "tags: drones\n---\nKursk governor statement\n========================\n\nSnake_case_word stays.",
    )
    [report] = read_all(path)
    assert report.title == "Kursk governor statement"
    assert report.text == "Snake_case_word stays."
    assert report.source == "Don Bulletin"
    assert report.url == "https://b.test/1"
    assert report.published == datetime(2025, 11, 25, 4, 0, tzinfo=UTC)
    assert report.meta["front_matter"] == {"tags": "drones"}


def test_front_matter_bad_date_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "f.md", "---\npublished: yesterday-ish\n---\n\nText.")
    with pytest.raises(IngestError, match="front matter date 'yesterday-ish' is not a date"):
        read_all(path)


# --- HTML ---------------------------------------------------------------------------------------


def test_html_example_drops_boilerplate() -> None:
    [report] = read_all(EXAMPLES / "front-line-roundup.html")
    assert report.title == "Shelling in Kherson and Nikopol, heavy fighting near Pokrovsk"
    assert report.source == "Southern Front Daily"
    assert report.url == "https://southernfront.example.net/2025/11/25/front-line-roundup"
    assert report.published == datetime(2025, 11, 25, 16, 5, tzinfo=UTC)
    assert report.text.startswith("Russian forces shelled Kherson")
    assert "Pokrovsk" in report.text and "Nikopol" in report.text
    for chrome in ("Advertisement", "cookies", "Privacy policy", "Most read", "Subscribe"):
        assert chrome not in report.text
    assert "\n\n" in report.text  # paragraphs stay apart


def test_html_fallback_when_trafilatura_finds_nothing(tmp_path: Path) -> None:
    path = write(
        tmp_path / "tiny.htm",
        "<html><body><nav>Menu</nav><p>Two injured in Sumy.</p><footer>(c) x</footer></body></html>",
    )
    [report] = read_all(path, source="Local Desk")
    assert "Two injured in Sumy." in report.text
    assert "Menu" not in report.text
    assert report.source == "Local Desk"


def test_html_legacy_charset_is_honoured(tmp_path: Path) -> None:
    body = (
        "<html><head><meta charset='windows-1251'></head>"
        "<body><p>Обстріл Херсона: двоє поранених.</p></body></html>"
    )
    path = write(tmp_path / "cp.html", body.encode("cp1251"))
    [report] = read_all(path)
    assert "Обстріл Херсона" in report.text
    assert report.lang == "uk"


def test_html_without_text_is_an_error(tmp_path: Path) -> None:
    path = write(
        tmp_path / "e.html", "<html><head><title>t</title></head><body><script>x()</script></body></html>"
    )
    with pytest.raises(IngestError, match="no readable text"):
        read_all(path)


def test_html_fragment_to_text() -> None:
    assert html_to_text("<p>One<br>two</p><p>Three &amp; four</p>") == "One\ntwo\n\nThree & four"
    assert html_to_text("plain &amp; simple") == "plain & simple"


# --- records ------------------------------------------------------------------------------------


def test_jsonl_malformed_line_reported_with_number_others_read(tmp_path: Path) -> None:
    path = write(
        tmp_path / "r.jsonl",
        '{"text": "First report.", "title": "One", "source": "Wire A", "published": "2025-11-25T08:00:00"}\n'
        "\n"
        '{"text": "broken", \n'
        '{"title": "no text here"}\n'
        "[1, 2]\n"
        '{"text": "Second report.", "published": "not a date"}\n'
        '{"text": "Third report.", "url": "https://w.test/3", "lang": "uk", "extra_field": 7}\n',
    )
    reports, errors = read_collecting(path, source="Fallback Wire")
    assert [r.text for r in reports] == ["First report.", "Third report."]
    assert errors == [
        f"{path}:3: invalid JSON (Expecting property name enclosed in double quotes at column 20)",
        f"{path}:4: no text",
        f"{path}:5: expected a JSON object, got list",
        f"{path}:6: 'published' is not a date: 'not a date'",
    ]
    first, third = reports
    assert first.source == "Wire A"  # the record's own source wins
    assert third.source == "Fallback Wire"  # the argument fills the gap
    assert first.published == datetime(2025, 11, 25, 8, 0, tzinfo=UTC)  # naive taken as UTC
    assert first.url == f"{path.resolve().as_uri()}#L1" and first.meta["line"] == 1
    assert third.url == "https://w.test/3" and third.lang == "uk"
    assert third.meta["extra"] == {"extra_field": 7}


def test_jsonl_bad_line_raises_without_on_error(tmp_path: Path) -> None:
    path = write(tmp_path / "r.ndjson", '{"text": "ok"}\nnot json\n')
    with pytest.raises(IngestError, match=r"r\.ndjson:2: invalid JSON"):
        read_all(path)


def test_jsonl_invalid_utf8_spoils_only_its_line(tmp_path: Path) -> None:
    path = write(tmp_path / "r.jsonl", b'{"text": "good"}\n{"text": "bad \xff"}\n')
    reports, errors = read_collecting(path)
    assert [r.text for r in reports] == ["good"]
    assert errors == [f"{path}:2: not valid UTF-8 (byte 0xff at column 15)"]


def test_csv_and_tsv_records(tmp_path: Path) -> None:
    csv_path = write(
        tmp_path / "r.csv",
        'title,text,published,source\n"Kupiansk","Shelling, then a fire.\nTwo hurt.",2025-11-25,Wire B\n'
        ',,,\n"No text",,2025-11-25,Wire B\n',
    )
    reports, errors = read_collecting(csv_path)
    assert len(reports) == 1
    assert reports[0].text == "Shelling, then a fire.\nTwo hurt."
    assert reports[0].source == "Wire B"
    assert reports[0].published == datetime(2025, 11, 25, tzinfo=UTC)
    assert errors == [f"{csv_path}:5: no text"]
    tsv_path = write(tmp_path / "r.tsv", "body\tdate\nDrones over Bryansk.\t2025-11-25T03:00:00+03:00\n")
    [report] = read_all(tsv_path)
    assert report.text == "Drones over Bryansk."
    assert report.published == datetime(2025, 11, 25, 0, 0, tzinfo=UTC)


def test_csv_without_text_column_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "r.csv", "a;b\n1;2\n")
    with pytest.raises(IngestError, match=r"CSV has no 'text' column \(columns: a, b\)"):
        read_all(path)


def test_json_array_of_records(tmp_path: Path) -> None:
    path = write(tmp_path / "r.json", json.dumps([{"text": "One."}, {"title": "x"}, {"text": "Two."}]))
    reports, errors = read_collecting(path)
    assert [r.text for r in reports] == ["One.", "Two."]
    assert errors == [f"{path}: record 2: no text"]


def test_json_that_is_neither_export_nor_records(tmp_path: Path) -> None:
    path = write(tmp_path / "r.json", '{"name": "x"}')
    with pytest.raises(IngestError, match="neither a Telegram export nor a list of records"):
        read_all(path)


# --- feeds --------------------------------------------------------------------------------------


def test_rss_file_entries(tmp_path: Path) -> None:
    path = write(tmp_path / "f.rss", RSS)
    reports = read_all(path)
    assert [r.title for r in reports] == ["Drones downed over Kursk region", "Strike on Dnipro"]
    first = reports[0]
    assert first.origin == "feed" and first.source == "Test Wire" and first.url == "http://example.test/1"
    assert first.text == "Air defences shot down 12 drones over Kursk Oblast, the governor said."
    assert first.published == datetime(2025, 11, 25, 4, 0, tzinfo=UTC)
    assert [r.source for r in read_all(path, source="My Desk")] == ["My Desk", "My Desk"]


def test_atom_file_with_content_and_undated_entry(tmp_path: Path) -> None:
    atom = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title><id>urn:x</id>
<updated>2025-11-25T10:00:00Z</updated>
<entry><title>Mykolaiv</title><id>urn:1</id><link href="http://a.test/1"/>
<updated>2025-11-25T09:00:00Z</updated>
<summary>short</summary>
<content type="html">&lt;p&gt;A drone hit Mykolaiv.&lt;/p&gt;&lt;p&gt;Power is out.&lt;/p&gt;</content>
</entry>
<entry><title>Only a title</title><id>urn:2</id><link href="http://a.test/2"/></entry>
</feed>"""
    path = write(tmp_path / "f.atom", atom)
    reports, errors = read_collecting(path, published=datetime(2025, 11, 25, 12, 0))
    assert len(reports) == 1
    assert reports[0].text == "A drone hit Mykolaiv.\n\nPower is out."
    assert reports[0].published == datetime(2025, 11, 25, 9, 0, tzinfo=UTC)
    assert errors == [f"{path}: entry 2 (Only a title) has no text"]


def test_xml_that_is_not_a_feed(tmp_path: Path) -> None:
    path = write(tmp_path / "x.xml", "<?xml version='1.0'?><config><a>1</a></config>")
    with pytest.raises(IngestError, match="is not an RSS or Atom feed"):
        read_all(path)


# --- Telegram -----------------------------------------------------------------------------------


def test_telegram_export(tmp_path: Path) -> None:
    export = {
        "name": "Kharkiv RMA",
        "type": "public_channel",
        "id": 42,
        "username": "@kharkiv_rma_test",
        "messages": [
            {"id": 1, "type": "service", "date": "2025-11-25T06:00:00", "action": "pin_message", "text": ""},
            {
                "id": 2,
                "type": "message",
                "date": "2025-11-25T08:14:00",
                "text": "Вибухи у Харкові. Є поранені.",
            },
            {
                "id": 3,
                "type": "message",
                "date": "2025-11-25T09:00:00",
                "text": [
                    {"type": "bold", "text": "Update:"},
                    " 3 injured. ",
                    {"type": "text_link", "text": "Details", "href": "https://x.test/d"},
                ],
            },
            {"id": 4, "type": "message", "date": "2025-11-25T09:30:00", "photo": "photos/1.jpg", "text": ""},
        ],
    }
    path = write(tmp_path / "result.json", json.dumps(export, ensure_ascii=False))
    reader = read_sources([str(path)])
    reports = list(reader)
    assert [r.meta["message_id"] for r in reports] == [2, 3]
    first, second = reports
    assert first.origin == "telegram" and first.source == "Kharkiv RMA"
    assert first.url == "https://t.me/kharkiv_rma_test/2"
    assert first.published == datetime(2025, 11, 25, 8, 14, tzinfo=UTC)
    assert first.lang == "uk" and first.title is None
    assert second.text == "Update: 3 injured. Details"
    assert second.meta["links"] == ["https://x.test/d"]
    assert reader.stats.skipped_empty == 2


def test_telegram_example_without_username_has_no_url() -> None:
    reports = read_all(EXAMPLES / "telegram-result.json")
    assert all(r.url is None for r in reports)
    assert reports[0].published == datetime(2025, 11, 25, 6, 14, tzinfo=UTC)  # from date_unixtime
    assert "https://help.example.org/shostka" in reports[1].text


# --- standard input -----------------------------------------------------------------------------


def test_stdin_text_and_jsonl() -> None:
    [report] = read_all("-", stdin=io.BytesIO("Хлопок в Белгороде\n\nЖители сообщили о взрыве.".encode()))
    assert report.origin == "stdin" and report.url is None
    assert report.title == "Хлопок в Белгороде" and report.lang == "ru"
    lines = b'{"text": "One."}\n\n{"text": "Two.", "source": "S"}\n'
    reports = read_all("-", stdin=io.BytesIO(lines), lang="en")
    assert [(r.text, r.origin, r.lang) for r in reports] == [("One.", "stdin", "en"), ("Two.", "stdin", "en")]


def test_stdin_sniffs_feeds_and_pages() -> None:
    assert [r.origin for r in read_all("-", stdin=io.BytesIO(RSS))] == ["feed", "feed"]
    [page] = read_all("-", stdin=io.BytesIO(PAGE))
    assert page.title == "Drone attack on Poltava" and page.origin == "stdin"


def test_stdin_empty() -> None:
    with pytest.raises(IngestError, match="standard input is empty"):
        read_all("-", stdin=io.BytesIO(b"  \n"))


# --- dates, languages, overrides, ids -----------------------------------------------------------


def test_parse_date_formats() -> None:
    assert parse_date("2025-11-25T08:14:00") == datetime(2025, 11, 25, 8, 14, tzinfo=UTC)
    assert parse_date("Tue, 25 Nov 2025 08:14:00 +0200") == datetime(2025, 11, 25, 6, 14, tzinfo=UTC)
    assert parse_date("Tue, 25 Nov 2025 08:14:00 MSK") == datetime(2025, 11, 25, 5, 14, tzinfo=UTC)
    assert parse_date("1764051240") == datetime(2025, 11, 25, 6, 14, tzinfo=UTC)
    assert parse_date(1764051240000) == datetime(2025, 11, 25, 6, 14, tzinfo=UTC)
    assert parse_date(None) is None
    with pytest.raises(ValueError):
        parse_date("soon")


def test_guess_lang() -> None:
    assert guess_lang("Ворог атакував Київ, є загиблі.") == "uk"
    assert guess_lang("Противник атаковал Белгород, есть погибшие.") == "ru"
    assert guess_lang("The enemy attacked the city and two were killed.") == "en"
    assert guess_lang("Der Feind griff die Stadt an.") is None
    assert guess_lang("12 345") is None


def test_published_and_source_arguments_fill_and_override(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "Sirens in Lviv overnight.")
    default = datetime(2025, 11, 25, 10, 0, tzinfo=timezone(timedelta(hours=2)))
    [report] = read_all(path, published=default, source="Lviv Desk", lang="uk")
    assert report.published == default and report.source == "Lviv Desk" and report.lang == "uk"
    [naive] = read_all(path, published=datetime(2025, 11, 25, 10, 0))
    assert naive.published == datetime(2025, 11, 25, 10, 0, tzinfo=UTC)
    # a document's own date wins over the argument; the argument's source wins over the page's
    [page] = read_all(EXAMPLES / "front-line-roundup.html", published=default, source="Override")
    assert page.published == datetime(2025, 11, 25, 16, 5, tzinfo=UTC) and page.source == "Override"
    [md] = read_all(EXAMPLES / "rostov-region-statement.md", source="Override")
    assert md.source == "Override"


def test_same_text_same_id_across_files_and_formats(tmp_path: Path) -> None:
    a = write(tmp_path / "a.txt", "Drones hit Odesa\n\nTwo injured in Odesa, the governor said.")
    b = write(
        tmp_path / "sub" / "b.txt", "Drones hit Odesa\n\n  Two  injured in ODESA, the governor said.  \n"
    )
    c = write(
        tmp_path / "c.jsonl",
        json.dumps({"title": "Drones hit Odesa", "text": "Two injured in Odesa, the governor said."}),
    )
    d = write(tmp_path / "d.txt", "Drones hit Odesa\n\nThree injured in Odesa, the governor said.")
    ra, rb, rc, rd = read_all(a, b, c, d)
    assert ra.id == rb.id == rc.id
    assert rd.id != ra.id
    assert ra.url != rb.url  # provenance kept apart even when the text is the same


# --- bad input ----------------------------------------------------------------------------------


def test_empty_and_whitespace_files(tmp_path: Path) -> None:
    empty = write(tmp_path / "empty.txt", "")
    with pytest.raises(IngestError, match=r"empty\.txt is empty$"):
        read_all(empty)
    blank = write(tmp_path / "blank.md", " \n\n\t\n")
    with pytest.raises(IngestError, match=r"blank\.md is empty$"):
        read_all(blank)


def test_binary_file(tmp_path: Path) -> None:
    path = write(tmp_path / "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    with pytest.raises(IngestError, match=r"photo\.txt looks binary"):
        read_all(path)
    controls = write(tmp_path / "ctl.txt", bytes([1, 2, 3, 4, 5, 6, 0xFF, 0xFE, 7, 8]) * 50)
    with pytest.raises(IngestError, match="looks binary"):
        read_all(controls)


def test_fifty_megabyte_file_refused_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse: instant, takes no disk
    started = time.monotonic()
    with pytest.raises(IngestError) as info:
        read_all(path)
    assert str(info.value) == f"{path} is 50 MB, over the 10 MB limit"
    assert time.monotonic() - started < 1
    small = write(tmp_path / "small.txt", "x" * 3000)
    with pytest.raises(IngestError, match="is 2.9 KB, over the 1000 bytes limit"):
        read_all(small, max_bytes=1000)


def test_invalid_utf8(tmp_path: Path) -> None:
    latin1 = write(tmp_path / "latin1.txt", "Kyiv café résumé naïve. ".encode("latin-1") * 3)
    with pytest.raises(IngestError) as info:
        read_all(latin1)
    assert (
        str(info.value) == f"{latin1} is not valid UTF-8 (byte 0xe9 at offset 8); save it as UTF-8 and retry"
    )
    # one stray byte in a long text is replaced and counted rather than refused
    long_text = ("Shelling of Nikopol continued. " * 100).encode() + b"\xe9 end."
    stray = write(tmp_path / "stray.txt", long_text)
    [report] = read_all(stray)
    assert "\ufffd" in report.text and report.meta["decode_errors"] == 1


def test_utf8_bom_and_utf16_are_text(tmp_path: Path) -> None:
    bom = write(tmp_path / "bom.txt", "\ufeffОбстріл Сум.".encode())
    utf16 = write(tmp_path / "u16.txt", "Обстріл Сум.".encode("utf-16"))
    utf16_jsonl = write(tmp_path / "u16.jsonl", '{"text": "Обстріл Сум."}\n'.encode("utf-16"))
    assert [r.text for r in read_all(bom, utf16, utf16_jsonl)] == ["Обстріл Сум."] * 3


def test_unknown_extension_and_missing_path(tmp_path: Path) -> None:
    odd = write(tmp_path / "notes.xyz", "text")
    with pytest.raises(
        IngestError, match=r"notes\.xyz: unknown file type '\.xyz' \(expected .*\.jsonl.*\.txt"
    ):
        read_all(odd)
    with pytest.raises(IngestError, match=r"nope\.txt: no such file or directory"):
        read_all(tmp_path / "nope.txt")
    with pytest.raises(IngestError, match="unsupported URL scheme 'ftp'"):
        read_all("ftp://example.test/feed.xml")
    with pytest.raises(IngestError, match="not a usable file name"):
        read_all("a" * 300)  # longer than any file name the system accepts


def test_extensionless_file_is_sniffed(tmp_path: Path) -> None:
    path = write(tmp_path / "NOTES", "# Heading\n\nBody text here.")
    [report] = read_all(path)
    assert report.title == "Heading" and report.text == "Body text here."


def test_folder_walk_skips_hidden_and_unknown_and_continues_after_errors(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", "Second file text.")
    write(tmp_path / "a" / "one.md", "First file text.")
    write(tmp_path / ".hidden.txt", "Hidden.")
    write(tmp_path / ".git" / "x.txt", "Hidden folder.")
    write(tmp_path / "image.png", b"\x89PNG")
    write(tmp_path / "broken.jsonl", "{oops\n")
    write(tmp_path / "c.txt", "")
    errors: list[str] = []
    reader = read_sources([str(tmp_path)], on_error=errors.append)
    reports = list(reader)
    assert [r.text for r in reports] == ["First file text.", "Second file text."]
    assert len(errors) == 2 and errors[0].endswith(
        "broken.jsonl:1: invalid JSON (Expecting property name enclosed in double quotes at column 2)"
    )
    assert errors[1].endswith("c.txt is empty")
    assert reader.stats.skipped_hidden == 2 and reader.stats.skipped_unknown == 1
    assert reader.stats.reports == 2 and reader.stats.errors == 2


def test_folder_without_readable_files(tmp_path: Path) -> None:
    write(tmp_path / "x.pdf", b"%PDF")
    with pytest.raises(IngestError, match="no readable files in the folder"):
        read_all(tmp_path)


def test_one_bad_input_does_not_stop_the_others(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", "Explosions in Kramatorsk.")
    reports, errors = read_collecting(tmp_path / "missing.txt", good, tmp_path / "bad.xyz")
    assert [r.text for r in reports] == ["Explosions in Kramatorsk."]
    assert len(errors) == 2 and all("\n" not in e for e in errors)


# --- the web ------------------------------------------------------------------------------------


def test_feed_url(server: str) -> None:
    reports = read_all(f"{server}/feed.xml")
    assert [r.origin for r in reports] == ["feed", "feed"]
    assert reports[0].meta["feed_url"] == f"{server}/feed.xml"
    assert _Handler.user_agents[-1] == USER_AGENT
    assert len(read_all(f"{server}/feed-as-html")) == 2


def test_page_url_and_redirect(server: str) -> None:
    [page] = read_all(f"{server}/redirect")
    assert page.origin == "web"
    assert page.url == f"{server}/page.html"
    assert page.meta["requested_url"] == f"{server}/redirect"
    assert page.title == "Drone attack on Poltava"
    assert page.source == "Test Post"
    assert page.published == datetime(2025, 11, 25, 4, 30, tzinfo=UTC)
    assert page.text.startswith("Russian drones attacked Poltava") and "Home" not in page.text
    [plain] = read_all(f"{server}/plain")
    assert plain.origin == "web" and plain.text.startswith("Shelling hit Kupiansk.\n\nTwo people")


@pytest.mark.parametrize(
    "path, message",
    [
        ("/missing", "/missing: HTTP 404 Not Found"),
        ("/error", "/error: HTTP 500 Internal Server Error"),
        ("/garbage", "/garbage: returned binary data (application/octet-stream), not a feed or a page"),
        ("/garbage-as-html", "/garbage-as-html: returned binary data (text/html)"),
        ("/empty-page", "/empty-page: not a feed and no readable text in the page"),
        ("/xml-not-feed", "/xml-not-feed is not an RSS or Atom feed"),
        ("/big", "/big is 4.9 KB, over the 1000 bytes limit"),
        ("/big-streamed", "/big-streamed is over the 1000 bytes limit"),
    ],
)
def test_bad_urls(server: str, path: str, message: str) -> None:
    with pytest.raises(IngestError) as info:
        read_all(f"{server}{path}", max_bytes=1000)
    assert str(info.value).startswith(f"{server}{message}")
    assert "\n" not in str(info.value)


def test_slow_url_times_out(server: str) -> None:
    started = time.monotonic()
    reports, errors = read_collecting(f"{server}/slow", EXAMPLES / "kyiv-overnight-strike.txt", timeout=0.5)
    assert time.monotonic() - started < 1.4
    assert errors == [f"{server}/slow: timed out after 0.5 s"]
    assert len(reports) == 1


def test_dead_feed_url(dead_url: str) -> None:
    with pytest.raises(IngestError, match=r"cannot connect"):
        read_all(dead_url, timeout=2)


def test_human_size() -> None:
    assert human_size(52 * 1024 * 1024) == "52 MB"
    assert human_size(10 * 1024 * 1024) == "10 MB"
    assert human_size(1536) == "1.5 KB"
    assert human_size(12) == "12 bytes"
    with pytest.raises(IngestError, match=r"is 10,500,000 bytes, over the 10 MB limit"):
        raise too_large("x", 10_500_000, 10 * 1024 * 1024)
