"""``timeline events`` and ``timeline export`` leave minor entries out unless ``--all``; the actor
filter finds a person by any word of the name. The archive holds hand-made events."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from tests.projections.builders import append_article
from timeline.archive import Archive
from timeline.cli import main

ENTRIES = [
    ("Kast gana la segunda vuelta", "2025-12-14", "day",
     {"salience": 0.95, "kind": "result", "places": ["Chile"], "actors": ["José Antonio Kast"]}),
    ("Kast saluda en Santiago", "2025-12-14", "day",
     {"salience": 0.2, "kind": "action", "actors": ["José Antonio Kast"]}),
    ("Kastner anuncia una inversión", "2025-12-16", "day",
     {"salience": 0.7, "actors": ["Kastner Group"]}),
]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("minor") / "m.db"
    with Archive.open(path) as archive:
        append_article(archive.log, "kast", 1, ENTRIES)
    return str(path)


def run(db: str, *args: str) -> str:
    result = CliRunner().invoke(main, ["--db", db, *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def headlines(db: str, *args: str) -> list[str]:
    listed = json.loads(run(db, "events", "--format", "json", *args))["entries"]
    return [e["headline"] for e in listed]


@pytest.mark.parametrize(("args", "expected"), [
    ((), ["Kast gana la segunda vuelta", "Kastner anuncia una inversión"]),
    (("--all",), ["Kast gana la segunda vuelta", "Kast saluda en Santiago",
                  "Kastner anuncia una inversión"]),
    (("--actor", "Kast"), ["Kast gana la segunda vuelta"]),
    (("--actor", "jose antonio kast", "--all"), ["Kast gana la segunda vuelta",
                                                 "Kast saluda en Santiago"]),
    (("--actor", "Kastner"), ["Kastner anuncia una inversión"]),
])
def test_events_lists_minor_entries_only_with_all(db: str, args: tuple[str, ...],
                                                  expected: list[str]) -> None:
    assert headlines(db, *args) == expected


def test_events_json_carries_places_salience_and_kind(db: str) -> None:
    first = json.loads(run(db, "events", "--format", "json"))["entries"][0]
    assert (first["places"], first["salience"], first["kind"]) == (["Chile"], 0.95, "result")


@pytest.mark.parametrize(("args", "count"), [((), 2), (("--all",), 3)])
def test_export_leaves_minor_entries_out_unless_all(db: str, args: tuple[str, ...],
                                                    count: int) -> None:
    document = json.loads(run(db, "export", "--format", "json", *args))
    assert len(document["entries"]) == count
    assert document["entries"][0]["places"] == ["Chile"]


def test_history_shows_a_minor_entry_by_id(db: str) -> None:
    assert "Kast saluda en Santiago" in run(db, "history", "kast-r1-1")


def test_an_actor_without_a_word_is_refused_naming_the_field(db: str) -> None:
    result = CliRunner().invoke(main, ["--db", db, "events", "--actor", "!!"])
    assert result.exit_code == 1 and "[actor]" in result.output
