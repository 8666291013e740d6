"""The date evaluation: fixed halves by document, errors listed from the tuning half only."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the repo root: bench
from bench.eval_timex import split_halves
from bench.timex_errors import errors, shape


def test_halves_alternate_over_sorted_ids() -> None:
    halves = split_halves(["d-03", "d-01", "d-04", "d-02", "d-05"])
    assert halves == {"tune": frozenset({"d-01", "d-03", "d-05"}),
                      "held-out": frozenset({"d-02", "d-04"})}


def test_halves_do_not_depend_on_order() -> None:
    ids = [f"doc-{i:03d}" for i in range(40)]
    assert split_halves(ids) == split_halves(reversed(ids))


def test_shape_collapses_digits() -> None:
    assert shape("el 14 de diciembre") == "el 9 de diciembre"


def test_errors_by_kind() -> None:
    doc = {"id": "d", "dct": "2025-11-17", "timexes": [
        {"start": 0, "end": 5, "text": "today", "type": "DATE", "value": "2025-11-17"},
        {"start": 10, "end": 20, "text": "the summer", "type": "DATE", "value": "2025-SU"},
        {"start": 30, "end": 34, "text": "2009", "type": "DATE", "value": "2009"},
    ]}
    system = [{"id": "d", "timexes": [
        {"start": 0, "end": 5, "text": "today", "type": "DATE", "value": "2025-11-16"},
        {"start": 14, "end": 20, "text": "summer", "type": "DATE", "value": "2025-SU"},
        {"start": 40, "end": 43, "text": "now", "type": "DATE", "value": "PRESENT_REF"},
    ]}]
    counts, _, lines = errors([doc], system)
    assert counts == {"value DATE": 1, "span DATE": 1, "missed DATE": 1, "spurious DATE": 1}
    assert [line.split()[0] for line in lines] == ["VALUE", "SPAN", "MISS", "SPUR"]
