"""Pure parts of the web package: settings, the overview strip, grouping."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.errors import InvalidInput
from timeline.model import Source, TimelineEntry
from timeline.web import create_app
from timeline.web.config import from_environ, parse_tokens
from timeline.web.grouping import group_entries
from timeline.web.overview import overview


@pytest.mark.parametrize(("value", "tokens"), [
    ("", {}), ("abc", {"abc": "api"}), ("alice:abc, bob:def", {"abc": "alice", "def": "bob"}),
    ("a:b:c", {"c": "a:b"}), (" , x ,", {"x": "api"}),
])
def test_parse_tokens(value: str, tokens: dict) -> None:
    assert parse_tokens(value) == tokens


def test_the_environment_configures_the_app(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("TIMELINE_DB", str(tmp_path / "x.db"))
    monkeypatch.setenv("TIMELINE_MAX_BODY_BYTES", "2048")
    monkeypatch.setenv("TIMELINE_BASE_URL", "https://tl.example.org/")
    app = create_app()
    assert app.config["MAX_CONTENT_LENGTH"] == 2048
    assert app.config["BASE_URL"] == "https://tl.example.org"
    assert app.config["DB"] == str(tmp_path / "x.db")


@pytest.mark.parametrize("size", ["ten", "0", "-5"])
def test_a_bad_body_limit_is_refused(size: str) -> None:
    with pytest.raises(InvalidInput):
        from_environ({"TIMELINE_MAX_BODY_BYTES": size})


def test_overview_by_month_spreads_fuzzy_dates() -> None:
    day, two_months = (date(2025, 1, 10), date(2025, 1, 10)), (date(2025, 1, 1), date(2025, 2, 28))
    strip = overview([day, two_months])
    assert strip.grain == "month"
    weights = [b.weight for b in strip.buckets]
    assert weights == [pytest.approx(1 + 31 / 59, abs=1e-3), pytest.approx(28 / 59, abs=1e-3)]
    assert sum(weights) == pytest.approx(2)


@pytest.mark.parametrize(("first", "last", "grain"), [
    (2020, 2025, "month"), (1990, 2025, "year"), (1800, 2025, "decade"),
])
def test_overview_grain_follows_the_span(first: int, last: int, grain: str) -> None:
    strip = overview([(date(first, 5, 1), date(first, 5, 1)), (date(last, 5, 1), date(last, 5, 1))])
    assert strip.grain == grain
    assert strip.buckets[0].start <= date(first, 5, 1) <= strip.buckets[0].end
    assert sum(b.weight for b in strip.buckets) == pytest.approx(2)


def test_an_empty_overview_has_no_buckets() -> None:
    assert overview([]).buckets == () and overview([]).peak == 0


def _entry(n: int, start: date, end: date, precision: str) -> TimelineEntry:
    return TimelineEntry(f"e{n}", "h", "t", "x", precision, start, end, "explicit", "en",
                         (Source("a", "q", 0, 1),))


def test_entries_group_by_year_then_month_in_order() -> None:
    entries = [
        _entry(1, date(1947, 1, 1), date(1949, 12, 31), "decade"),
        _entry(2, date(2025, 3, 1), date(2025, 3, 31), "month"),
        _entry(3, date(2025, 3, 14), date(2025, 3, 14), "day"),
        _entry(4, date(2025, 4, 22), date(2025, 4, 30), "interval"),
    ]
    groups = group_entries(entries)
    assert [g.year for g in groups] == [1947, 2025]
    assert [m.label for m in groups[1].months] == ["March", "April"]
    assert groups[0].months[0].label == "" and groups[1].count == 3


@pytest.mark.parametrize(("window", "grain", "first_label", "size"), [
    ((date(1940, 1, 1), date(1949, 12, 31)), "year", "1940", 10),
    ((date(2025, 1, 1), date(2025, 12, 31)), "month", "January 2025", 12),
    ((date(2025, 11, 1), date(2025, 11, 30)), "day", "1 November 2025", 30),
])
def test_a_chosen_range_is_drawn_at_a_finer_unit(window, grain, first_label, size) -> None:
    spans = [(date(1890, 1, 1), date(1890, 1, 1)), (date(2025, 11, 16), date(2025, 11, 16))]
    strip = overview(spans, window)
    assert (strip.grain, strip.buckets[0].label, len(strip.buckets)) == (grain, first_label, size)


def test_bar_labels_count_whole_events() -> None:
    decade = (date(1940, 1, 1), date(1949, 12, 31))
    strip = overview([decade, (date(1942, 3, 1), date(1942, 3, 1))], (None, None))
    year_1942 = next(b for b in strip.buckets if b.label == "1942")
    assert (year_1942.count, year_1942.weight) == (2, pytest.approx(1.1, abs=1e-3))
