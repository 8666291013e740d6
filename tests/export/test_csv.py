"""CSV export: TimelineJS template columns then ours, a BOM, plain text, formula-injection
guard, round-trips."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.export.csv_export import COLUMNS, guard_cell, to_csv, unguard_cell
from timeline.export.display import display_date

TEMPLATE = ("Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,"
            "Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background")
OURS = ",ID,Actors,Places,Source,Source URL,Link"


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline="")))


def test_header_is_the_timelinejs_template_then_ours(entries, meta):
    header = to_csv(entries, meta).split("\r\n")[0]
    assert header == "\ufeff" + TEMPLATE + OURS == "\ufeff" + ",".join(COLUMNS)


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
    assert unguard_cell(row["Headline"]) == entries[14].headline
    assert "javascript:" not in row["Source URL"] + row["Link"]


def test_bom_by_default_so_excel_reads_the_accents(entries, meta):
    data = to_csv(entries, meta).encode("utf-8")
    assert data.startswith(b"\xef\xbb\xbfYear,")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0]["Headline"] == "El Congreso aprueba la ley de vivienda"
    assert "según" in rows[0]["Text"]
    assert to_csv(entries, meta, bom=False) == data.decode("utf-8-sig")


def test_cells_are_plain_text_not_html(entries, meta):
    rows = {r["ID"]: r for r in _rows(to_csv(entries, meta))}
    assert rows["ev-0006"]["Display Date"] == display_date(entries[5])
    assert rows["ev-0015"]["Text"] == guard_cell(entries[14].quote)
    assert "&lt;" not in rows["ev-0015"]["Text"] and "&amp;" not in rows["ev-0007"]["Group"]


def test_id_actors_sources_and_link_columns(entries, meta):
    row = _rows(to_csv(entries, meta))[0]
    assert (row["ID"], row["Actors"]) == ("ev-0001", "Ayuntamiento")
    assert row["Places"] == "Madrid; España"
    assert row["Source"] == "noticias.example.org: Artículo 1"
    assert row["Source URL"] == "https://noticias.example.org/1"
    assert row["Link"] == "https://timeline.example.org/events/ev-0001"


@given(headline=st.text(max_size=200))
def test_any_headline_round_trips(make_entry, meta, headline):
    rows = _rows(to_csv([make_entry(headline=headline)], meta))
    assert len(rows) == 1
    assert unguard_cell(rows[0]["Headline"]) == headline
