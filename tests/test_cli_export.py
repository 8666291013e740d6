"""``timeline export``: every format, a story, as of a past moment, to a file."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from icalendar import Calendar

from timeline.cli import main

FIXTURES = Path(__file__).parent / "fixtures" / "articles"
STORY = "riverside-council-2026"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("export") / "e.db")
    result = CliRunner().invoke(
        main, ["--db", path, "ingest", str(FIXTURES / "en-flood-barrier.json")]
    )
    assert result.exit_code == 0, result.output
    return path


def export(db: str, *args: str) -> bytes:
    result = CliRunner().invoke(main, ["--db", db, "export", *args])
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


def test_json_lists_every_entry_of_the_story(db: str) -> None:
    document = json.loads(export(db, "--format", "json", "--story", STORY))
    assert document["entries"] and all(STORY in e["stories"] for e in document["entries"])


def test_ics_parses_with_one_event_per_entry(db: str) -> None:
    ours = json.loads(export(db, "--format", "json"))["entries"]
    calendar = Calendar.from_ical(export(db, "--format", "ics"))
    assert len(calendar.walk("VEVENT")) == len(ours)


def test_timelinejs_has_a_title_slide(db: str) -> None:
    assert "title" in json.loads(export(db, "--format", "timelinejs", "--story", STORY))


def test_csv_has_the_template_header(db: str) -> None:
    rows = list(csv.reader(io.StringIO(export(db, "--format", "csv").decode("utf-8-sig"))))
    assert rows[0][:3] == ["Year", "Month", "Day"] and len(rows) > 1


def test_as_of_before_anything_was_recorded_is_empty(db: str) -> None:
    document = json.loads(export(db, "--format", "json", "--as-of", "2000-01-01T00:00:00Z"))
    assert document["entries"] == []


def test_output_to_a_file(db: str, tmp_path: Path) -> None:
    target = tmp_path / "out.ics"
    export(db, "--format", "ics", "-o", str(target))
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [(["--story", "no-such-story"], "no story"), (["--as-of", "yesterday"], "as_of")],
)
def test_bad_requests_fail_with_a_message(db: str, args: list[str], message: str) -> None:
    result = CliRunner().invoke(main, ["--db", db, "export", *args])
    assert result.exit_code != 0 and message in result.output
