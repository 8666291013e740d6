"""Stored events' JSON decodes to exactly what ``json.loads`` gives, through msgspec or not."""

from __future__ import annotations

import json
import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from events.codec import canonical_json
from events.rows import _decode, _loads

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


def same(a: Any, b: Any) -> bool:
    """Equal, of the same types all the way down (1 is not 1.0; -0.0 is not 0.0)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(map(same, a, b))
    if isinstance(a, float):
        if math.isnan(a):
            return math.isnan(b)
        return a == b and math.copysign(1, a) == math.copysign(1, b)
    return bool(a == b)


@settings(max_examples=500)
@given(JSON)
def test_a_stored_value_decodes_as_json_loads_decodes_it(value: Any) -> None:
    text = canonical_json(value)
    assert same(_decode(text), json.loads(text))  # msgspec itself, not json.loads behind it
    assert same(_loads(text), json.loads(text))


@pytest.mark.parametrize("text", [
    "18446744073709551616", "-9223372036854775809", "1e400", "-1e400", "NaN", "Infinity",
    '"\\ud800"', '{"a": 1, "a": 2}', " [1, 2.50, -0.0, 1E5] ", '"\\u00e9\\ud83d\\ude00"',
    "123456789012345678901234567890",
])
def test_edge_cases_decode_as_json_loads_decodes_them(text: str) -> None:
    assert same(_loads(text), json.loads(text))


@pytest.mark.parametrize("text", ["", "[1,]", "01", '{"a":1} x', "{'a': 1}"])
def test_invalid_json_raises_json_loads_error(text: str) -> None:
    with pytest.raises(json.JSONDecodeError) as raised:
        _loads(text)
    with pytest.raises(json.JSONDecodeError) as expected:
        json.loads(text)
    assert str(raised.value) == str(expected.value)
