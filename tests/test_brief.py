"""The daily brief: grouping, citations, disagreement, escaping and the faithfulness check, on
reports written for these tests (tests/data/brief_reports.jsonl). Every brief built here is
checked with `faithfulness_problems` (in Python) or `sitrep brief --check` (on the CLI)."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from sitrep.report.brief import (
    Brief,
    Citation,
    Section,
    Sentence,
    _renumber,
    build_brief,
    faithfulness_problems,
    names_in,
)
from sitrep.store import Store

DATA = Path(__file__).parent / "data" / "brief_reports.jsonl"
DAY = "2026-03-10"


def sitrep(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sitrep.cli", *args], capture_output=True, text=True, timeout=180, check=False
    )


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("brief") / "brief.db"
    done = sitrep("ingest", str(DATA), "--db", str(path), "-q")
    assert done.returncode == 0, done.stderr
    return path


def brief_cli(db: Path, *args: str) -> str:
    done = sitrep("brief", "--db", str(db), "--check", *args)
    assert done.returncode == 0, done.stderr  # --check: every fact is in a quote it cites
    return done.stdout


def test_brief_groups_by_area_violence_first_and_cites_every_sentence(db: Path) -> None:
    text = brief_cli(db, "--date", DAY)
    headings = re.findall(r"^## (.+)$", text, re.M)
    assert headings[-2:] == ["Diplomacy", "Sources"]
    assert "Russia — Belgorod Oblast" in headings and "Ukraine — Kharkiv Oblast" in headings
    body, sources = text.split("## Sources")
    listed = {int(n) for n in re.findall(r"^(\d+)\. ", sources, re.M)}
    cited = {int(n) for n in re.findall(r"\[(\d+)\]", body)}
    assert cited == listed == set(range(1, len(listed) + 1))
    first_seen = list(dict.fromkeys(int(n) for n in re.findall(r"\[(\d+)\]", body)))
    assert first_seen == sorted(first_seen)  # numbered in reading order
    for line in body.splitlines():
        if line.startswith("- "):
            assert re.search(r"\[\d+\]", line), line  # no sentence without a citation
    assert "Warsaw" in body.split("## Diplomacy")[1]


def test_disagreeing_figures_are_given_side_by_side(db: Path) -> None:
    text = brief_cli(db, "--date", DAY, "--area", "Ukraine")
    kharkiv = next(line for line in text.splitlines() if "Kharkiv" in line and line.startswith("- "))
    assert "Figures differ" in kharkiv
    assert (
        "Oleh Synehubov: 2 killed and 11 injured" in kharkiv and "Ihor Terekhov: at least 5 killed" in kharkiv
    )
    assert "Belgorod" not in text  # --area keeps one country


def test_html_brief_escapes_report_text(db: Path) -> None:
    page = brief_cli(db, "--date", DAY, "--format", "html")
    assert "<script>alert" not in page and "&lt;script&gt;" in page
    assert "<img src=x" not in page and "&lt;img src=x" in page
    assert 'href="javascript:' not in page  # a url that is not http(s) is shown, never linked
    assert "Content-Security-Policy" in page


def test_text_format_and_empty_days(db: Path, tmp_path: Path) -> None:
    assert brief_cli(db, "--date", DAY, "--format", "txt").startswith(f"Situation report, {DAY}\n====")
    assert "No events." in brief_cli(db, "--date", "2001-01-01")
    assert "No events." in brief_cli(tmp_path / "empty.db")
    out = tmp_path / "brief.md"
    brief_cli(db, "--date", DAY, "-o", str(out))
    assert out.read_text(encoding="utf-8").startswith(f"# Situation report, {DAY}")


def test_faithfulness_on_the_python_api(db: Path) -> None:
    store = Store.open(db)
    events = store.query_events(date_from=DAY, date_to=DAY, limit=None)
    built = build_brief(events, store.get_report, day=date(2026, 3, 10))
    assert not built.empty
    assert faithfulness_problems(built, names_in) == []


def test_sources_list_only_what_sentences_cite_in_reading_order() -> None:
    quotes = {n: Citation(n, f"c{n}", "Outlet", "Someone", None, f"quote {n}") for n in (1, 2, 3, 4)}
    sections = [
        Section("Ukraine — Sumy Oblast", [Sentence("Shelling in Sumy [3][1].", [1, 3], "e1")]),
        Section("Diplomacy", [Sentence("Talks in Geneva [4].", [4], "e2")]),
    ]
    kept = _renumber(sections, list(quotes.values()))  # claim 2 was registered, then left out
    assert [(c.number, c.claim_id) for c in kept] == [(1, "c3"), (2, "c1"), (3, "c4")]
    assert [s.text for sec in sections for s in sec.sentences] == [
        "Shelling in Sumy [1][2].",
        "Talks in Geneva [3].",
    ]
    assert sections[0].sentences[0].citations == [1, 2]


def test_faithfulness_check_catches_invented_facts() -> None:
    quote = "Shelling killed two people in Kherson, Governor Oleksandr Prokudin said."
    brief = Brief(
        day=None,
        area=None,
        sections=[
            Section(
                "Ukraine",
                [
                    Sentence("Shelling in Kherson: 2 killed, according to Oleksandr Prokudin [1].", [1], "a"),
                    Sentence("Shelling in Mykolaiv: 3 killed, according to Vitaliy Kim [1].", [1], "b"),
                ],
            )
        ],
        citations=[Citation(1, "c1", "Outlet", "Prokudin", None, quote)],
    )
    problems = faithfulness_problems(brief, names_in)
    assert len(problems) == 3 and all(p.startswith("b:") for p in problems)  # 3, Mykolaiv, Vitaliy Kim
