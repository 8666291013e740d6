"""An entry's columns are written exactly as ``json.dumps`` writes them, whatever the text."""

from __future__ import annotations

import json
from dataclasses import asdict, replace

from hypothesis import given
from hypothesis import strategies as st

from tests.projections.builders import stepping_clock
from tests.projections.strategies import Writer
from timeline.archive import Archive
from timeline.model import Source
from timeline.projections.columns import (
    ENTRY_FIELDS,
    dump_state,
    entry_columns,
    entry_from_sql,
    entry_from_state,
    entry_values,
    source_json,
    state_of,
)
from timeline.projections.memory import fold_all
from timeline.projections.rows import EntryRow

texts = st.text()
maybe = st.one_of(st.none(), texts)
sources = st.builds(Source, texts, texts, st.integers(), st.integers(), maybe, maybe, maybe)


@given(source=sources)
def test_a_source_is_written_as_json_dumps_writes_it(source: Source) -> None:
    assert source_json(source) == json.dumps(asdict(source), ensure_ascii=False)


def test_a_source_of_unexpected_types_still_is() -> None:
    odd = Source("a", "q", True, 2.5, None, "t", None)  # type: ignore[arg-type]
    assert source_json(odd) == json.dumps(asdict(odd), ensure_ascii=False)


@given(value=st.recursive(st.none() | st.booleans() | st.floats() | st.integers() | texts,
                          lambda inner: st.lists(inner) | st.dictionaries(texts, inner)))
def test_the_state_encoder_is_json_dumps(value: object) -> None:
    assert dump_state(value) == json.dumps(value)


def test_a_kept_state_reads_back_as_the_entry() -> None:
    with Archive.open(":memory:", clock=stepping_clock()) as archive:
        Writer(archive.log).apply(("article", 1, [("Río crece", ("2025-12", "month"), {
            "actors": ["José \"K\""], "places": ["Río"], "salience": 0.5, "kind": None,
            "derivation": "explicit"})]))
        row = next(iter(fold_all(archive.log.read_all()).entries.values()))
    state = state_of(entry_columns(row))
    assert state == json.dumps(entry_values(row))
    assert entry_from_state(state) == row


@given(own=sources, others=st.lists(sources, max_size=3), stories=st.lists(texts, max_size=2))
def test_versions_encoded_together_share_their_sources_json(
        own: Source, others: list[Source], stories: list[str]) -> None:
    row = _row(own, (own, *others))
    later = replace(row, stories=tuple(stories), last_position=9)  # same source objects
    encoded: dict[int, str] = {}
    together = [entry_columns(r, encoded) for r in (row, later)]
    assert together == [entry_columns(row), entry_columns(later)]


@given(own=sources, others=st.lists(sources, max_size=3))
def test_an_entry_reads_back_from_its_columns(own: Source, others: list[Source]) -> None:
    for row in (_row(own, (own,)), _row(own, (own, *others)), _row(own, tuple(others))):
        assert entry_from_sql(tuple(entry_columns(row)[:-1])) == row


def _row(source: Source, all_sources: tuple[Source, ...]) -> EntryRow:
    return EntryRow(
        "e1", "a1", 1, "Titular", "Texto.", "2025-12", "month", "2025-12-01", "2025-12-31",
        "explicit", "es", "Titular", 0, 7, ("Ana",), (), None, None, source, all_sources, (),
        "active", 0, None, 3, 3, "2026-01-05T08:00:00Z", "2026-01-05T08:00:00Z")


@given(own=sources, other=sources)
def test_sources_that_are_the_entrys_own_source_alone_are_not_stored_twice(
        own: Source, other: Source) -> None:
    assert entry_values(_row(own, (own,)))["sources"] is None
    assert entry_values(_row(own, (replace(own),)))["sources"] is None  # equal, not the same
    both = (own, other)
    assert entry_values(_row(own, both))["sources"] == json.dumps(
        [asdict(s) for s in both], ensure_ascii=False)


@given(own=sources, others=st.lists(sources, max_size=2),
       precision=st.sampled_from(["day", "decade", "interval", "unknown"]))
def test_an_entrys_columns_are_its_fields_in_order_with_their_json(
        own: Source, others: list[Source], precision: str) -> None:
    row = replace(_row(own, (own, *others)), precision=precision, stories=("s",))
    expected = [getattr(row, name) for name in ENTRY_FIELDS]
    for name in ("actors", "places", "stories"):
        expected[ENTRY_FIELDS.index(name)] = json.dumps(list(getattr(row, name)),
                                                        ensure_ascii=False)
    expected[ENTRY_FIELDS.index("source")] = source_json(own)
    expected[ENTRY_FIELDS.index("sources")] = json.dumps(
        [asdict(s) for s in row.sources], ensure_ascii=False) if others else None
    assert entry_columns(row) == [*expected, row.prank]
    assert entry_columns(row, {}) == [*expected, row.prank]
