"""An entry's columns are written exactly as ``json.dumps`` writes them, whatever the text."""

from __future__ import annotations

import json
from dataclasses import asdict

from hypothesis import given
from hypothesis import strategies as st

from tests.projections.builders import stepping_clock
from tests.projections.strategies import Writer
from timeline.archive import Archive
from timeline.model import Source
from timeline.projections.columns import (
    dump_state,
    entry_columns,
    entry_from_state,
    entry_values,
    source_json,
    state_of,
)
from timeline.projections.memory import fold_all

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
