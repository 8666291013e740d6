"""JSON document: versioned schema, marshmallow validation, the published JSON Schema agrees."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.errors import InvalidInput
from timeline.export.json_schemas import (
    EntrySchema,
    HistoryItemSchema,
    SourceSchema,
    TimelineDocumentSchema,
)
from timeline.export.json_timeline import from_json, to_json

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "timeline" / "export" / "timeline.schema.json"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_export_validates_against_published_schema(entries, meta, validator):
    document = json.loads(to_json(entries, meta))
    assert list(validator.iter_errors(document)) == []
    assert (document["schema"], document["version"]) == ("timeline-archive/timeline", 3)
    assert document["schema_url"] == "https://timeline.example.org/schema/timeline.json"


def test_entries_link_back_and_credit_sources_by_site_and_title(entries, meta):
    document = json.loads(to_json(entries, meta))
    first, hostile = document["entries"][0], document["entries"][14]
    assert first["link"] == "https://timeline.example.org/events/ev-0001"
    assert (first["sources"][0]["site"], first["sources"][0]["name"]) == (
        "noticias.example.org", "noticias.example.org: Artículo 1")
    assert (hostile["sources"][0]["site"], hostile["sources"][0]["name"]) == (None, "<b>x</b>")


def test_round_trip_keeps_every_entry(entries, meta):
    document = from_json(to_json(entries, meta))
    assert [e["id"] for e in document["entries"]] == [e.entry_id for e in entries]
    for loaded, entry in zip(document["entries"], entries, strict=True):
        assert (loaded["headline"], loaded["quote"]) == (entry.headline, entry.quote)
        assert (loaded["start"], loaded["end"]) == (entry.start, entry.end)
        assert (loaded["status"], loaded["revision"]) == (entry.status, entry.revision)
        assert loaded["updated_at"] == entry.updated_at
        assert (loaded["places"], loaded["salience"], loaded["kind"]) == (
            list(entry.places), entry.salience, entry.kind)
    assert document["generated_at"] == meta.generated_at


def test_datetimes_are_utc_with_z(entries, meta):
    document = json.loads(to_json(entries, meta))
    assert document["generated_at"].endswith("Z")
    assert all(e["updated_at"].endswith("Z") for e in document["entries"])


def _set(path: str, value: Any) -> Callable[[dict], None]:
    def mutate(document: dict) -> None:
        *parents, last = path.split(".")
        target: Any = document
        for key in parents:
            target = target[int(key)] if key.isdigit() else target[key]
        if value is _DELETE:
            del target[last]
        else:
            target[last] = value
    return mutate


_DELETE = object()
BROKEN = [
    ("schema", "someone-else/timeline", "schema"),
    ("version", 1, "version"),
    ("entries.0.salience", 1.5, "entries.0.salience"),
    ("entries.0.salience", "high", "entries.0.salience"),
    ("entries.0.places", "Madrid", "entries.0.places"),
    ("entries.0.kind", _DELETE, "entries.0.kind"),
    ("entries.0.derivation", "guessed", "entries.0.derivation"),
    ("surprise", 1, "surprise"),
    ("entries.0.precision", "week", "entries.0.precision"),
    ("entries.0.end", "2020-01-01", "entries.0.end"),
    ("entries.0.start", "14/12/2025", "entries.0.start"),
    ("entries.1.updated_at", "2026-01-01T10:00:00", "entries.1.updated_at"),
    ("entries.0.status", "deleted", "entries.0.status"),
    ("entries.0.revision", -1, "entries.0.revision"),
    ("entries.0.sources.0.quote_start", "10", "entries.0.sources.0.quote_start"),
    ("entries.2.headline", _DELETE, "entries.2.headline"),
    ("entries.0.sources.0.published", "ayer", "entries.0.sources.0.published"),
]


@pytest.mark.parametrize(("path", "value", "field"), BROKEN)
def test_broken_documents_are_rejected_by_both_schemas(entries, meta, validator, path, value,
                                                       field):
    document = json.loads(to_json(entries, meta))
    _set(path, value)(document)
    with pytest.raises(InvalidInput) as caught:
        from_json(json.dumps(document))
    assert caught.value.field == field
    if path != "entries.0.end":  # ordering of bounds is beyond JSON Schema
        assert list(validator.iter_errors(document))


@pytest.mark.parametrize("text", ["", "{", "[]", "null", '"timeline"', b"\xff"])
def test_non_documents_raise_invalid_input(text):
    with pytest.raises(InvalidInput):
        from_json(text)


@pytest.mark.parametrize(("schema", "pointer"), [
    (TimelineDocumentSchema, ""), (EntrySchema, "/$defs/entry"), (SourceSchema, "/$defs/source"),
    (HistoryItemSchema, "/$defs/history_item"),
])
def test_marshmallow_and_json_schema_name_the_same_fields(validator, schema, pointer):
    node = validator.schema
    for part in filter(None, pointer.split("/")):
        node = node[part]
    fields = schema().fields
    assert set(fields) == set(node["properties"])
    assert {name for name, f in fields.items() if f.required} == set(node["required"])


@given(headline=st.text(max_size=200), quote=st.text(max_size=200))
def test_any_text_round_trips_and_validates(make_entry, meta, validator, headline, quote):
    text = to_json([make_entry(headline=headline, quote=quote)], meta)
    assert not list(validator.iter_errors(json.loads(text)))
    loaded = from_json(text)["entries"][0]
    assert (loaded["headline"], loaded["quote"]) == (headline, quote)
