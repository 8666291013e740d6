"""The quick check never accepts what marshmallow would refuse."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from events.fastcheck import compile_checker
from events.schemas import ARCHIVE_TYPES

values = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 300), st.floats(allow_nan=False),
    st.text(max_size=70), st.sampled_from(["2025-11-17", "2025-02-30", "20251117", "x", ""]),
    st.lists(st.one_of(st.text(max_size=5), st.integers()), max_size=3),
)


def data_for(schema: Schema) -> st.SearchStrategy[dict]:
    names = [*schema.load_fields, "unknown_key"]
    return st.dictionaries(st.sampled_from(names), values, max_size=len(names))


@pytest.mark.parametrize("name", sorted(ARCHIVE_TYPES))
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_quick_yes_implies_marshmallow_yes(name: str, data: st.DataObject) -> None:
    schema = ARCHIVE_TYPES[name]()
    quick = compile_checker(schema)
    payload = data.draw(data_for(schema))
    if quick is not None and quick(payload):
        schema.load(payload)  # must not raise


def test_a_valid_payload_takes_the_quick_path() -> None:
    quick = compile_checker(ARCHIVE_TYPES["StoryCreated"]())
    assert quick is not None and quick({"slug": "chile-2025", "title": "Chile"})
    assert not quick({"slug": "Chile 2025", "title": "Chile"})


class WithHook(Schema):
    text = fields.String(validate=validate.Length(max=3))

    @validates_schema
    def _never(self, data: dict, **_: object) -> None:
        raise ValidationError("no")


class WithCustomField(Schema):
    when = fields.DateTime()


@pytest.mark.parametrize("schema", [WithHook(), WithCustomField(), WithHook(unknown="include")])
def test_schemas_with_rules_it_cannot_mirror_get_no_quick_check(schema: Schema) -> None:
    assert compile_checker(schema) is None
