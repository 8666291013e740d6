"""Round-trips and chain invariants over generated inputs."""

from __future__ import annotations

import hashlib
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from events import EventRegistry, NewEvent, SqliteEventLog, verify
from events.codec import canonical_json, chain_hash, reference_chain_input

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**53), 2**53) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12,
)
payloads = st.dictionaries(st.text(max_size=10), json_values, max_size=5)


@given(payloads)
def test_canonical_json_round_trips(payload: dict) -> None:
    assert json.loads(canonical_json(payload)) == payload


@given(payloads)
def test_canonical_json_ignores_key_order(payload: dict) -> None:
    reordered = dict(reversed(list(payload.items())))
    assert canonical_json(reordered) == canonical_json(payload)


@given(st.text(), st.text())
def test_the_hash_separates_fields(a: str, b: str) -> None:
    left = chain_hash(1, a, 1, "id", b, 1, "{}", "{}", "t", "0")
    right = chain_hash(1, a + b, 1, "id", "", 1, "{}", "{}", "t", "0")
    assert (left == right) == (b == "")


batches = st.lists(
    st.tuples(st.sampled_from(["a", "b", "c"]), st.lists(payloads, min_size=1, max_size=4)),
    min_size=1, max_size=8,
)


@settings(max_examples=40, deadline=None)
@given(batches)
def test_any_sequence_of_appends_chains_and_round_trips(batches: list) -> None:
    with SqliteEventLog(":memory:", registry=EventRegistry(), strict_types=False) as log:
        for stream, datas in batches:
            log.append(stream, [NewEvent("Any", d) for d in datas])
        stored = list(log.read_all())
        assert [e.data for e in stored] == [d for _, datas in batches for d in datas]
        assert [e.prev_hash for e in stored[1:]] == [e.hash for e in stored[:-1]]
        assert verify(log).ok


hash_fields = st.tuples(
    st.integers(1, 2**62), st.text(), st.integers(1, 2**62), st.text(), st.text(),
    st.integers(1, 99), st.text(), st.text(), st.text(), st.text(),
)


@given(hash_fields)
def test_the_fast_hash_input_is_the_reference_encoding(fields: tuple) -> None:
    expected = hashlib.sha256(reference_chain_input(*fields).encode("utf-8")).hexdigest()
    assert chain_hash(*fields) == expected
