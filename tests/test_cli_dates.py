"""``timeline dates``: JSON lines in, timexes out; bad lines name their line and field."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from timeline.cli.dates import dates


def run(lines: list[str]) -> tuple[int, str, str]:
    result = CliRunner().invoke(dates, ["-"], input="\n".join(lines) + "\n")
    return result.exit_code, result.stdout, result.stderr


def test_tags_each_line() -> None:
    doc = {"id": "a1", "text": "El domingo ganó Kast.", "dct": "2025-11-17", "lang": "es"}
    code, out, _ = run([json.dumps(doc), "", json.dumps({**doc, "id": "a2", "lang": None})])
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [r["id"] for r in records] == ["a1", "a2"]
    assert records[0]["timexes"] == [{"start": 0, "end": 10, "text": "El domingo",
                                      "type": "DATE", "value": "2025-11-16"}]


@pytest.mark.parametrize(
    ("line", "field"),
    [
        ("{not json", "line"),
        (json.dumps({"text": "x", "dct": "2025-11-17", "lang": "en"}), "'id'"),
        (json.dumps({"id": "x", "dct": "2025-11-17", "lang": "en"}), "'text'"),
        (json.dumps({"id": "x", "text": "x", "dct": "2025-13-40", "lang": "en"}), "'dct'"),
        (json.dumps({"id": "x", "text": "x", "dct": "2025-11-17", "lang": "zz"}), "'lang'"),
    ],
)
def test_bad_line_exits_2_naming_line_and_field(line: str, field: str) -> None:
    good = json.dumps({"id": "ok", "text": "today", "dct": "2025-11-17", "lang": "en"})
    code, out, err = run([good, line])
    assert code == 2 and "line 2" in err and field in err
    assert json.loads(out.splitlines()[0])["id"] == "ok"
