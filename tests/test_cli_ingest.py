"""``timeline ingest``, ``timeline demo``, ``timeline log`` and ``timeline init`` from the shell."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from events import SqliteEventLog, archive_registry
from timeline.cli import main

FIXTURES = Path(__file__).parent / "fixtures" / "articles"


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "cli.db")


def run(db: str, *args: str, stdin: str | bytes | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, ["--db", db, *args], input=stdin)


def head(db: str) -> int:
    with SqliteEventLog(db, registry=archive_registry()) as log:
        return log.head().position


def test_init_creates_an_empty_log(db: str) -> None:
    result = run(db, "init")
    assert result.exit_code == 0, result.output
    assert head(db) == 0


def test_ingest_a_json_article(db: str) -> None:
    result = run(db, "ingest", str(FIXTURES / "en-flood-barrier.json"))
    assert result.exit_code == 0, result.output
    assert "(new)" in result.output and head(db) > 1


def test_ingest_plain_text_from_stdin_with_options(db: str) -> None:
    text = json.loads((FIXTURES / "es-paro-portuario.json").read_text("utf-8"))["text"]
    result = run(db, "ingest", "-", "--published", "2026-03-10", "--lang", "es", stdin=text)
    assert result.exit_code == 0, result.output
    assert head(db) > 1


def test_plain_text_needs_a_publication_date(db: str) -> None:
    result = run(db, "ingest", "-", "--lang", "en", stdin="The vote is on May 3, 2026.")
    assert result.exit_code != 0
    assert "published" in result.output and head(db) == 0


def test_ingest_json_lines_of_many_articles(db: str, tmp_path: Path) -> None:
    lines = [(FIXTURES / n).read_text("utf-8") for n in ("en-flood-barrier.json",
                                                        "es-paro-portuario.json")]
    path = tmp_path / "many.jsonl"
    path.write_text("\n".join(json.dumps(json.loads(x)) for x in lines), encoding="utf-8")
    result = run(db, "ingest", str(path))
    assert result.exit_code == 0, result.output
    assert result.output.count("(new)") == 2


@pytest.mark.parametrize(
    "data", [b"\x00\x01binary", b"\xff\xfe not utf-8", b"   "], ids=["nul", "latin", "blank"]
)
def test_bad_bytes_are_refused_and_nothing_appended(db: str, data: bytes) -> None:
    result = run(db, "ingest", "-", "--published", "2026-01-01", "--lang", "en", stdin=data)
    assert result.exit_code != 0
    assert "Error" in result.output and head(db) == 0


def test_demo_is_idempotent(db: str) -> None:
    assert run(db, "demo").exit_code == 0
    loaded = head(db)
    assert run(db, "demo").exit_code == 0
    assert head(db) == loaded > 0


def test_log_prints_json_lines_after_a_position(db: str) -> None:
    run(db, "ingest", str(FIXTURES / "en-flood-barrier.json"))
    lines = run(db, "log", "--after", "1", "--limit", "2").output.splitlines()
    assert [json.loads(x)["position"] for x in lines] == [2, 3]


def test_log_of_one_stream(db: str) -> None:
    run(db, "ingest", str(FIXTURES / "en-flood-barrier.json"))
    stream = json.loads(run(db, "log", "--limit", "1").output)["stream_id"]
    lines = run(db, "log", "--stream", stream).output.splitlines()
    assert {json.loads(x)["stream_id"] for x in lines} == {stream}


def test_the_actor_comes_from_the_environment_when_the_command_runs(db: str) -> None:
    article = str(FIXTURES / "en-flood-barrier.json")
    result = CliRunner(env={"TIMELINE_ACTOR": "zoe"}).invoke(main, ["--db", db, "ingest", article])
    assert result.exit_code == 0, result.output
    first = json.loads(run(db, "log", "--limit", "1").output)
    assert first["metadata"]["actor"] == "zoe"


def test_reextract_with_a_current_extractor_changes_nothing(db: str) -> None:
    run(db, "ingest", str(FIXTURES / "en-flood-barrier.json"))
    before = head(db)
    result = run(db, "reextract")
    assert result.exit_code == 0 and "re-extracted 0 articles" in result.output
    assert head(db) == before


def test_ingest_an_html_page_takes_its_date_from_the_page(db: str) -> None:
    page = str(FIXTURES / "es-paro-portuario.html")
    result = run(db, "ingest", page, "--lang", "es", "--url", "https://example.org/paro")
    assert result.exit_code == 0, result.output
    first = json.loads(run(db, "log", "--limit", "1").output)
    assert (first["data"]["source_format"], first["data"]["published"]) == ("html", "2026-03-10")


GOOD = {"text": "The council voted on 3 March 2026 to rebuild the pier.",
        "published": "2026-03-04", "lang": "en"}


def _lines(tmp_path: Path, *lines: str) -> str:
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def _bad_lines(tmp_path: Path) -> str:
    return _lines(
        tmp_path, json.dumps(GOOD), "not json", json.dumps({**GOOD, "title": "a\ud800"}),
        json.dumps({**GOOD, "text": "A second article: the pier opened on 9 May 2026."}),
        json.dumps({**GOOD, "published": "2026-13-01"}), "[" * 100 + "]" * 100,
    )


def test_bulk_ingest_keeps_going_past_bad_lines(db: str, tmp_path: Path) -> None:
    result = run(db, "ingest", _bad_lines(tmp_path))
    assert result.exit_code == 1
    assert result.stdout.count(" events (new)") == 2
    for line, field in ((2, "line"), (3, "title"), (5, "published"), (6, "line")):
        assert f"batch.jsonl:{line}: {field}: " in result.stderr
    assert "ingested 2 of 6 articles, 4 refused" in result.stderr


def test_bulk_ingest_of_good_lines_exits_zero(db: str, tmp_path: Path) -> None:
    result = run(db, "ingest", _lines(tmp_path, json.dumps(GOOD)))
    assert result.exit_code == 0, result.output


def test_strict_bulk_ingest_is_all_or_nothing(db: str, tmp_path: Path) -> None:
    result = run(db, "ingest", "--strict", _bad_lines(tmp_path))
    assert result.exit_code == 1
    assert "batch.jsonl:2:" in result.stderr and head(db) == 0


@pytest.mark.parametrize(("published", "text"), [
    ("9999-12-31", "The mayor said the pier will open tomorrow."),
    ("0001-01-01", "The mayor said the pier opened yesterday."),
])
def test_dates_past_the_calendar_print_no_traceback(db: str, published: str, text: str) -> None:
    result = run(db, "ingest", "-", "--published", published, "--lang", "en", stdin=text)
    assert result.exit_code in (0, 1) and "Traceback" not in result.output
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)
