"""`sitrep timeline`: events per day by type as PNG and SVG, from a real SQLite file."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data" / "brief_reports.jsonl"


def sitrep(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sitrep.cli", *args], capture_output=True, text=True, timeout=180, check=False
    )


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("timeline") / "t.db"
    done = sitrep("ingest", str(DATA), "--db", str(path), "-q")
    assert done.returncode == 0, done.stderr
    return path


def test_png_and_svg(db: Path, tmp_path: Path) -> None:
    png, svg = tmp_path / "t.png", tmp_path / "t.svg"
    done = sitrep("timeline", str(png), "--db", str(db), "--from", "2026-03-05", "--to", "2026-03-12")
    assert done.returncode == 0, done.stderr
    assert png.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    done = sitrep("timeline", str(svg), "--db", str(db), "--area", "Ukraine")
    assert done.returncode == 0, done.stderr
    text = svg.read_text(encoding="utf-8")
    ET.fromstring(text)  # well-formed
    assert "Events per day" in text and "Ukraine" in text
    n = int(done.stderr.split()[0])
    assert 0 < n < int(sitrep("timeline", str(svg), "--db", str(db)).stderr.split()[0])  # the area filters


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["t.pdf"], "must end in .png or .svg"),
        (["t.png", "--from", "2026-03-12", "--to", "2026-03-01"], "is before"),
        (["t.png", "--from", "1990-01-01", "--to", "2026-03-01"], "too long"),
    ],
)
def test_bad_requests_are_one_line_errors(db: Path, tmp_path: Path, args: list[str], message: str) -> None:
    done = sitrep("timeline", str(tmp_path / args[0]), *args[1:], "--db", str(db))
    assert done.returncode == 1 and message in done.stderr and "Traceback" not in done.stderr


def test_empty_database(tmp_path: Path) -> None:
    done = sitrep("timeline", str(tmp_path / "t.png"), "--db", str(tmp_path / "empty.db"))
    assert done.returncode == 1 and "no dated events" in done.stderr
