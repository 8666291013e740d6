"""The quick check never accepts what marshmallow would refuse."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from events.fastcheck import compile_checker
from events.schemas import ARCHIVE_TYPES, schema_versions

values = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 300), st.floats(), st.floats(0, 1),
    st.sampled_from(["0.5", 2**60, 2**53]),
    st.text(max_size=70), st.sampled_from(["2025-11-17", "2025-02-30", "20251117", "x", ""]),
    st.lists(st.one_of(st.text(max_size=5), st.integers()), max_size=3),
)


def data_for(schema: Schema) -> st.SearchStrategy[dict]:
    names = [*schema.load_fields, "unknown_key"]
    return st.dictionaries(st.sampled_from(names), values, max_size=len(names))


EVERY_VERSION = [
    pytest.param(schema, id=f"{name}-v{version}")
    for name in sorted(ARCHIVE_TYPES)
    for version, schema in enumerate(schema_versions(name), start=1)
]


@pytest.mark.parametrize("schema_class", EVERY_VERSION)
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_quick_yes_implies_marshmallow_yes(schema_class: type[Schema], data: st.DataObject) -> None:
    schema = schema_class()
    quick = compile_checker(schema)
    payload = data.draw(data_for(schema))
    if quick is not None and quick(payload):
        schema.load(payload)  # must not raise


EXTRACTED = {
    "entry_id": "e1", "article_id": "a1", "revision": 1, "headline": "Kast gana",
    "sentence": "Kast ganó.", "quote": "Kast ganó", "quote_start": 0, "quote_end": 9,
    "date": "2025-12-14", "precision": "day", "derivation": "narrative", "lang": "es",
    "extractor_version": "2", "places": ["Chile"], "kind": "result",
}


@pytest.mark.parametrize(("salience", "quick_yes"), [
    (0.5, True), (0, True), (1, True), (None, True), (1.5, False), (float("nan"), False),
    ("0.5", False), (True, False),
])
def test_floats_are_checked_quickly_within_their_range(salience: object, quick_yes: bool) -> None:
    quick = compile_checker(ARCHIVE_TYPES["EventExtracted"]())
    assert quick is not None
    assert quick({**EXTRACTED, "salience": salience}) is quick_yes


@settings(max_examples=300, deadline=None)
@given(name=st.sampled_from(["salience", "places", "kind", "derivation"]), value=values)
def test_on_a_valid_extraction_one_new_field_never_fools_it(name: str, value: object) -> None:
    schema = ARCHIVE_TYPES["EventExtracted"]()
    quick = compile_checker(schema)
    assert quick is not None
    if quick({**EXTRACTED, name: value}):
        schema.load({**EXTRACTED, name: value})  # must not raise


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
