"""A node's read models in a SQLite file of their own, apart from the log (no server needed:
the same split a PostgreSQL node uses, over a SQLite log)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from click.testing import CliRunner

from timeline.archive import Archive, read_models_for
from timeline.cli import main


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def tables(path: Path) -> set[str]:
    return {r[0] for r in sqlite3.connect(path).execute("SELECT name FROM sqlite_master")}


def test_the_log_and_the_read_models_live_in_their_own_files(tmp_path: Path) -> None:
    log, node = tmp_path / "log.db", tmp_path / "node.db"
    run("--db", str(log), "--read-models", str(node), "demo")
    assert "events" in tables(log) and "tl_entries" not in tables(log)
    assert "tl_entries" in tables(node) and "events" not in tables(node)
    assert run("--db", str(log), "--read-models", str(node), "events").count("\n") > 10


def test_a_second_node_builds_its_read_models_from_the_log_alone(tmp_path: Path) -> None:
    log = str(tmp_path / "log.db")
    run("--db", log, "--read-models", str(tmp_path / "a.db"), "demo")
    with Archive.open(log, read_models=tmp_path / "b.db") as archive:
        assert archive.catch_up() == archive.log.head().position > 0


def test_where_read_models_go_by_default() -> None:
    assert read_models_for("timeline.db", None) is None
    assert read_models_for("timeline.db", "timeline.db") is None
    assert read_models_for("postgresql://h/db", None) == "timeline-read-models.db"
    assert read_models_for("postgresql://h/db", "node.db") == "node.db"


def test_a_bad_database_url_is_one_line_and_exit_1() -> None:
    result = CliRunner().invoke(main, ["--db", "postgresql://ana:pw@127.0.0.1:9/x", "log"])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and "pw" not in result.output.replace("port", "")
    assert "127.0.0.1:9/x as ana" in result.output
