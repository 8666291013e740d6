"""Marshmallow schemas of the ``timeline-archive/timeline`` JSON document, version 3 (version 1
had no places, salience or kind, and no ``narrative`` derivation; version 2 no ``schema_url``,
entry ``link`` or source ``site`` / ``name``).

Published alongside as a JSON Schema (``timeline.schema.json``); a test keeps the two in step.
Unknown keys are rejected (marshmallow 4's default), datetimes are ISO 8601 in UTC with ``Z``.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from timeline.model import DERIVATIONS, PRECISIONS

SCHEMA_ID = "timeline-archive/timeline"
SCHEMA_VERSION = 3
STATUSES = ("active", "retracted", "superseded")


class UtcDateTime(fields.Field):
    """A timezone-aware datetime written as ISO 8601 in UTC with a ``Z`` suffix."""

    def _serialize(self, value: Any, attr: str | None, obj: Any, **kwargs: Any) -> str | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValidationError("datetime must be timezone-aware")
        return value.astimezone(UTC).isoformat().replace("+00:00", "Z")

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> datetime:
        if not isinstance(value, str) or not value.endswith("Z"):
            raise ValidationError("expected an ISO 8601 UTC datetime ending in Z")
        try:
            return datetime.fromisoformat(value[:-1] + "+00:00")
        except ValueError as e:
            raise ValidationError("not an ISO 8601 datetime") from e


def _iso_date(value: str) -> None:
    try:
        date.fromisoformat(value)
    except ValueError as e:
        raise ValidationError("not an ISO 8601 date (YYYY-MM-DD)") from e


class SourceSchema(Schema):
    article_id = fields.String(required=True, validate=validate.Length(min=1))
    url = fields.String(required=True, allow_none=True)
    title = fields.String(required=True, allow_none=True)
    published = fields.String(required=True, allow_none=True, validate=_iso_date)
    quote = fields.String(required=True)
    quote_start = fields.Integer(required=True, strict=True, validate=validate.Range(min=0))
    quote_end = fields.Integer(required=True, strict=True, validate=validate.Range(min=0))
    site = fields.String(required=True, allow_none=True)
    name = fields.String(required=True)

    @validates_schema
    def _offsets_in_order(self, data: dict[str, Any], **kwargs: Any) -> None:
        if data["quote_end"] < data["quote_start"]:
            raise ValidationError("quote_end is before quote_start", "quote_end")


class HistoryItemSchema(Schema):
    position = fields.Integer(required=True, strict=True, validate=validate.Range(min=1))
    recorded_at = UtcDateTime(required=True)
    type = fields.String(required=True)
    summary = fields.String(required=True)
    actor = fields.String(required=True, allow_none=True)
    reason = fields.String(required=True, allow_none=True)


class EntrySchema(Schema):
    id = fields.String(required=True, validate=validate.Length(min=1))
    date = fields.String(required=True, validate=validate.Length(min=1))  # EDTF
    precision = fields.String(required=True, validate=validate.OneOf(PRECISIONS))
    start = fields.Date(required=True)
    end = fields.Date(required=True)
    display_date = fields.String(required=True)
    headline = fields.String(required=True)
    text = fields.String(required=True)
    quote = fields.String(required=True)
    actors = fields.List(fields.String(), required=True)
    places = fields.List(fields.String(), required=True)
    salience = fields.Float(required=True, allow_none=True, validate=validate.Range(min=0, max=1))
    kind = fields.String(required=True, allow_none=True)
    sources = fields.List(fields.Nested(SourceSchema), required=True)
    stories = fields.List(fields.String(), required=True)
    status = fields.String(required=True, validate=validate.OneOf(STATUSES))
    revision = fields.Integer(required=True, strict=True, validate=validate.Range(min=0))
    derivation = fields.String(required=True, validate=validate.OneOf(DERIVATIONS))
    lang = fields.String(required=True, validate=validate.Length(min=2))
    last_position = fields.Integer(required=True, strict=True, validate=validate.Range(min=0))
    created_at = UtcDateTime(required=True, allow_none=True)
    updated_at = UtcDateTime(required=True, allow_none=True)
    link = fields.String(required=True, validate=validate.Length(min=1))
    history = fields.List(fields.Nested(HistoryItemSchema))  # the API's single-entry answers

    @validates_schema
    def _bounds_in_order(self, data: dict[str, Any], **kwargs: Any) -> None:
        if data["end"] < data["start"]:
            raise ValidationError("end is before start", "end")


class TimelineDocumentSchema(Schema):
    schema = fields.String(required=True, validate=validate.Equal(SCHEMA_ID))
    version = fields.Integer(required=True, strict=True, validate=validate.Equal(SCHEMA_VERSION))
    schema_url = fields.String(required=True)
    title = fields.String(required=True)
    slug = fields.String(required=True, validate=validate.Length(min=1))
    description = fields.String(required=True)
    url = fields.String(required=True)
    generated_at = UtcDateTime(required=True)
    last_position = fields.Integer(required=True, strict=True, validate=validate.Range(min=0))
    last_hash = fields.String(validate=validate.Regexp(r"^[0-9a-f]{64}$"))
    refresh_minutes = fields.Integer(required=True, strict=True, validate=validate.Range(min=1))
    entries = fields.List(fields.Nested(EntrySchema), required=True)
