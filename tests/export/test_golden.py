"""Golden files: the shared fixture exported in every format, compared parsed and byte for byte.

Nothing in the exports reads the clock, so these are stable. After an intended change,
regenerate with ``TIMELINE_UPDATE_GOLDEN=1 pytest tests/export/test_golden.py`` and review the
diff."""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from timeline.export import to_csv, to_ical, to_json, to_timelinejs_json

GOLDEN = Path(__file__).resolve().parent / "golden"


def _ical_view(data: bytes) -> list[dict[str, str]]:
    calendar = Calendar.from_ical(data)
    head = {key: str(value) for key, value in calendar.items()}
    return [head] + [{key: e[key].to_ical().decode() for key in e}
                     for e in calendar.walk("VEVENT")]


def _csv_view(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


FORMATS: list[tuple[str, Callable[..., Any], Callable[[bytes], Any]]] = [
    ("all.ics", to_ical, _ical_view),
    ("all.timeline.json", to_json, json.loads),
    ("all.timelinejs.json", to_timelinejs_json, json.loads),
    ("all.csv", to_csv, _csv_view),
]


@pytest.mark.parametrize(("name", "export", "parse"), FORMATS, ids=[f[0] for f in FORMATS])
def test_export_matches_golden(entries, meta, name, export, parse):
    produced = export(entries, meta)
    data = produced if isinstance(produced, bytes) else produced.encode("utf-8")
    path = GOLDEN / name
    if os.environ.get("TIMELINE_UPDATE_GOLDEN") == "1":
        path.write_bytes(data)
    golden = path.read_bytes()
    assert parse(data) == parse(golden)
    assert data == golden
