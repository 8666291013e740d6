"""Dates as people type them in the viewer's filters (issue 12, item 3)."""

from __future__ import annotations

import pytest

from timeline.web.date_input import to_edtf


@pytest.mark.parametrize(("typed", "edtf"), [
    ("November 2025", "2025-11"), ("Nov 2025", "2025-11"), ("nov. 2025", "2025-11"),
    ("noviembre 2025", "2025-11"), ("Noviembre de 2025", "2025-11"),
    ("septiembre de 1973", "1973-09"), ("1940s", "194X"), ("the 1940s", "194X"),
    ("años 1940", "194X"), ("década de 1940", "194X"), ("16/11/2025", "2025-11-16"),
    ("16.11.2025", "2025-11-16"), ("1/2/2026", "2026-02-01"), ("11/2025", "2025-11"),
    ("16 November 2025", "2025-11-16"), ("16 de noviembre de 2025", "2025-11-16"),
    ("November 16, 2025", "2025-11-16"), ("  2025-11  ", "  2025-11  "), ("194X", "194X"),
    ("2025", "2025"),
])
def test_typed_dates_become_edtf(typed, edtf):
    assert to_edtf(typed) == edtf


@pytest.mark.parametrize("typed", ["31/02/2025", "13/13/2025", "Smarch 2025", "1945", "soon"])
def test_what_is_not_a_date_is_passed_on_unchanged(typed):
    assert to_edtf(typed) == typed
