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


def _string(field: fields.Field) -> st.SearchStrategy[str]:
    for rule in field.validators:
        if isinstance(rule, validate.OneOf):
            return st.sampled_from(list(rule.choices))
        if isinstance(rule, validate.Regexp):
            return st.from_regex(rule.regex, fullmatch=True)
        if isinstance(rule, validate.Length):
            if rule.equal is not None:
                return st.text("0123456789abcdef", min_size=rule.equal, max_size=rule.equal)
            return st.text(min_size=rule.min or 0, max_size=min(rule.max or 40, 40))
    return st.text(max_size=40)


def _bounds(field: fields.Field) -> tuple[float | None, float | None]:
    for rule in field.validators:
        if isinstance(rule, validate.Range):
            return rule.min, rule.max
    return None, None


def valid_value(field: fields.Field) -> st.SearchStrategy[object]:
    """A value marshmallow accepts for ``field`` (strings, integers, floats, dates, lists)."""
    low, high = _bounds(field)
    if isinstance(field, fields.Integer):
        lo = int(low) if low is not None else -5
        return st.integers(lo, int(high) if high is not None else lo + 1000)
    if isinstance(field, fields.Float):
        return st.floats(low if low is not None else -1e6, high if high is not None else 1e6)
    if isinstance(field, fields.Date):
        return st.dates().map(lambda d: d.isoformat())
    if isinstance(field, fields.List):
        sizes = next((r for r in field.validators if isinstance(r, validate.Length)), None)
        return st.lists(valid_value(field.inner), min_size=sizes.min or 0 if sizes else 0,
                        max_size=min(sizes.max or 4, 4) if sizes else 4)
    return _string(field)


def valid_payload(schema: Schema) -> st.SearchStrategy[dict]:
    """Payloads marshmallow loads: every required field, some optional ones."""
    required = {k: valid_value(f) for k, f in schema.load_fields.items() if f.required}
    optional = {k: valid_value(f) for k, f in schema.load_fields.items() if not f.required}
    return st.fixed_dictionaries(required, optional=optional)


#: Values just past the edges, and the wrong types: what a lax quick check would let through.
edges = st.one_of(values, st.sampled_from([-1, 0, 1, -0.5, 1.5, "", [], [""], None]))


def past_edge(field: fields.Field) -> st.SearchStrategy[object]:
    """Values just outside ``field``'s own Range or Length, or anything from ``edges``."""
    near: list[object] = []
    for rule in field.validators:
        if isinstance(rule, validate.Range):
            near += [x for b in (rule.min, rule.max) if b is not None for x in (b - 1, b + 1)]
        if isinstance(rule, validate.Length):
            sizes = [rule.equal] if rule.equal is not None else [rule.min, rule.max]
            item = "a" if not isinstance(field, fields.List) else ["a"]
            near += [item * n for s in sizes if s is not None for n in (s - 1, s + 1) if n >= 0]
    return st.one_of(st.sampled_from(near), edges) if near else edges


@pytest.mark.parametrize("schema_class", EVERY_VERSION)
@settings(max_examples=100, deadline=None)
@given(data=st.data())
def test_valid_payloads_take_the_quick_path(schema_class: type[Schema],
                                            data: st.DataObject) -> None:
    schema = schema_class()
    quick = compile_checker(schema)
    if quick is None:  # a schema with hooks: marshmallow alone
        return
    payload = data.draw(valid_payload(schema))
    schema.load(payload)
    assert quick(payload), payload  # so the property below reaches load


EVERY_FIELD = [
    pytest.param(schema, name, id=f"{schema.__name__}.{name}")
    for schema in (p.values[0] for p in EVERY_VERSION)
    for name in sorted(schema().load_fields)
]


@pytest.mark.parametrize(("schema_class", "name"), EVERY_FIELD)
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_one_field_past_its_edge_never_fools_it(schema_class: type[Schema], name: str,
                                                data: st.DataObject) -> None:
    schema = schema_class()
    quick = compile_checker(schema)
    payload = data.draw(valid_payload(schema))
    payload[name] = data.draw(past_edge(schema.load_fields[name]))
    if quick is not None and quick(payload):
        schema.load(payload)  # must not raise


@pytest.mark.parametrize(("name", "payload"), [
    ("ArticleIngested", {"revision": 0}), ("EventExtracted", {"revision": 0}),
    ("EventExtracted", {"quote_start": -1}), ("EventsMerged", {"entry_ids": ["one"]}),
])
def test_values_under_the_minimum_are_refused_quickly(name: str, payload: dict) -> None:
    schema = ARCHIVE_TYPES[name]()
    quick = compile_checker(schema)
    base = {"ArticleIngested": ARTICLE, "EventExtracted": EXTRACTED,
            "EventsMerged": {"merge_id": "m", "entry_ids": ["a", "b"], "primary": "a"}}[name]
    assert quick is not None and quick(base)
    assert not quick({**base, **payload})


ARTICLE = {
    "article_id": "a1", "revision": 1, "content_hash": "0" * 64, "published": "2025-11-17",
    "lang": "es", "text": "Kast ganó.", "source_format": "text", "extractor_version": "2",
}
