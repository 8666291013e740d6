"""CSV export: TimelineJS template columns, formula-injection guard, round-trips."""

from __future__ import annotations

import csv
import io
from html import unescape

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.export.csv_export import COLUMNS, guard_cell, to_csv, unguard_cell

TEMPLATE = ("Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,"
            "Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background")


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_header_is_the_timelinejs_template(entries, meta):
    assert to_csv(entries, meta).split("\r\n")[0] == TEMPLATE == ",".join(COLUMNS)


def test_one_row_per_active_entry(entries, meta):
    rows = _rows(to_csv(entries, meta))
    assert len(rows) == sum(e.status == "active" for e in entries)
    assert "Cierre del mercado (desmentido)" not in {r["Headline"] for r in rows}


@pytest.mark.parametrize(("index", "cells"), [
    (0, {"Year": "2025", "Month": "12", "Day": "14", "End Year": "", "Display Date": ""}),
    (1, {"Year": "2025", "Month": "11", "Day": "", "Display Date": "November 2025"}),
    (5, {"Year": "1940", "Month": "", "End Year": "1949", "Group": "vivienda"}),
    (8, {"Year": "1978", "End Year": "1982", "Display Date": "1978–1982"}),
    (9, {"Day": "3", "End Day": "7", "End Month": "11"}),
])
def test_dates_and_groups(entries, meta, index, cells):
    row = _rows(to_csv(entries, meta))[index]
    assert {key: row[key] for key in cells} == cells


@pytest.mark.parametrize(("cell", "guarded"), [
    ("=1+1", "'=1+1"), ("+34 600", "'+34 600"), ("-5 °C", "'-5 °C"), ("@cmd", "'@cmd"),
    ("\tx", "'\tx"), ("'quoted", "''quoted"), ("Normal", "Normal"), ("", ""),
])
def test_formula_guard(cell, guarded):
    assert guard_cell(cell) == guarded
    assert unguard_cell(guarded) == cell


def test_hostile_headline_is_neutralised(entries, meta):
    row = next(r for r in _rows(to_csv(entries, meta)) if r["Headline"].startswith("'="))
    assert unescape(unguard_cell(row["Headline"])) == entries[14].headline
    assert "<script>" not in row["Text"] and "javascript:" not in row["Text"]


def test_bom_is_optional(entries, meta):
    assert not to_csv(entries, meta).startswith("\ufeff")
    with_bom = to_csv(entries, meta, bom=True)
    assert with_bom.startswith("\ufeffYear,") and with_bom[1:] == to_csv(entries, meta)


@given(headline=st.text(max_size=200))
def test_any_headline_round_trips(make_entry, meta, headline):
    rows = _rows(to_csv([make_entry(headline=headline)], meta))
    assert len(rows) == 1
    assert unescape(unguard_cell(rows[0]["Headline"])) == headline
