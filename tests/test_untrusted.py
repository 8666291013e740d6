"""``timeline.untrusted``: JSON depth checked before parsing, NUL and lone surrogates refused."""

from __future__ import annotations

import pytest

from timeline.errors import InvalidInput
from timeline.untrusted import MAX_JSON_DEPTH, check_clean, check_depth, load_json


@pytest.mark.parametrize("raw", [
    b"[" * MAX_JSON_DEPTH + b"]" * MAX_JSON_DEPTH,
    b'{"a": "' + b"[" * 1000 + b'"}',  # brackets inside a string do not count
    b'{"a": "\\"' + b"[" * 1000 + b'"}',  # nor after an escaped quote
    b"[" + b"[]," * 5000 + b"[]]",  # many siblings, shallow
])
def test_shallow_json_passes(raw: bytes) -> None:
    check_depth(raw)


@pytest.mark.parametrize("raw", [
    b"[" * (MAX_JSON_DEPTH + 1) + b"]" * (MAX_JSON_DEPTH + 1),
    b'{"a":' * 40 + b"1" + b"}" * 40,
    b"[1,[2,{" + b'"k":[' * 40 + b"]" * 40 + b"}]]",
])
def test_deep_json_is_refused_before_parsing(raw: bytes) -> None:
    with pytest.raises(InvalidInput) as caught:
        load_json(raw)
    assert caught.value.field == "body" and "nested deeper" in caught.value.message


@pytest.mark.parametrize("raw", [
    b"[" * 5_000_000 + b"]" * 5_000_000,
    b"[" * 40 + b'"' + b'\\"' * 2_500_000,  # an unterminated string of escapes
])
def test_depth_check_refuses_ten_megabytes_of_nesting(raw: bytes) -> None:
    """Refused by the depth check before any parsing (its speed is for benchmarks, not tests)."""
    with pytest.raises(InvalidInput) as caught:
        load_json(raw)
    assert "nested deeper" in str(caught.value)


@pytest.mark.parametrize(("value", "field"), [
    ({"title": "a\x00"}, "title"), ({"text": "\ud800"}, "text"),
    ({"event_ids": ["ok", "x\udfff"]}, "event_ids.1"), ({"a": {"b": "\x00"}}, "a.b"),
])
def test_unclean_strings_name_their_field(value: object, field: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        check_clean(value, None)
    assert caught.value.field == field


def test_clean_text_in_any_script_passes() -> None:
    check_clean({"text": "Año 2026 · 日本 · emoji 🎉 · tab\tand newline\n"}, None)
