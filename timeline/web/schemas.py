"""Request bodies and query strings, validated by marshmallow (unknown keys are refused)."""

from __future__ import annotations

from typing import Any

from flask import request
from marshmallow import Schema, ValidationError, fields, validate, validates_schema
from werkzeug.exceptions import RequestEntityTooLarge

from timeline.errors import InvalidInput
from timeline.projections.filters import FLAG_WORDS, bound, check_flag
from timeline.untrusted import load_json

MAX_IDS = 1000
#: The largest log position SQLite can hold (a signed 64-bit integer).
MAX_POSITION = 2**63 - 1
_SLUG = validate.Regexp(
    r"^[a-z0-9][a-z0-9-]{0,79}$", error="must be a lowercase slug (a-z, 0-9, -)"
)


def _optional(max_len: int) -> fields.String:
    return fields.String(load_default=None, allow_none=True, validate=validate.Length(max=max_len))


class ArticleBody(Schema):
    text = fields.String(validate=validate.Length(min=1))
    html = fields.String(validate=validate.Length(min=1))
    url = _optional(2000)
    title = _optional(1000)
    published = fields.String(load_default=None, allow_none=True)
    lang = _optional(10)
    story = fields.String(load_default=None, allow_none=True, validate=_SLUG)

    @validates_schema
    def _one_body(self, data: dict[str, Any], **_: Any) -> None:
        if ("text" in data) == ("html" in data):
            raise ValidationError("give exactly one of 'text' and 'html'", "text")


class CorrectionBody(Schema):
    date = _optional(100)
    headline = _optional(500)
    text = _optional(5000)
    reason = fields.String(required=True, validate=validate.Length(min=1, max=2000))

    @validates_schema
    def _changes_something(self, data: dict[str, Any], **_: Any) -> None:
        if all(data.get(k) is None for k in ("date", "headline", "text")):
            raise ValidationError("a correction changes date, headline or text", "date")


class RetractionBody(Schema):
    reason = fields.String(required=True, validate=validate.Length(min=1, max=2000))


class StoryBody(Schema):
    slug = fields.String(required=True, validate=_SLUG)
    title = fields.String(required=True, validate=validate.Length(min=1, max=300))
    description = _optional(5000)


class StoryEventsBody(Schema):
    event_ids = fields.List(
        fields.String(validate=validate.Length(min=1, max=100)),
        required=True,
        validate=validate.Length(min=1, max=MAX_IDS),
    )


class DateBound(fields.String):
    """An ISO or EDTF date (``2025-11-14``, ``2025-11``, ``194X``), kept as given once valid."""

    def __init__(self, side: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.side = side

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        text = super()._deserialize(value, attr, data, **kwargs)
        try:
            bound(text, self.data_key or attr or "date", self.side)
        except InvalidInput as exc:
            raise ValidationError(exc.message) from exc
        return text


class Flag(fields.Field):
    """A yes/no switch: ``1``, ``true``, ``yes``, ``on`` (or ``0``, ``false``, ``no``, ``off``)."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> bool:
        answer = FLAG_WORDS.get(value.strip().lower()) if isinstance(value, str) else None
        if answer is None:
            raise ValidationError("say 1 or 0 (true or false)")
        return answer


def flag(name: str) -> bool:
    """One switch from the query string, the other arguments left alone (feeds take any)."""
    values = request.args.getlist(name)
    if len(values) > 1:
        raise InvalidInput(f"{name} given more than once", field=name)
    return check_flag(values[0] if values else None, name)


class EventsArgs(Schema):
    story = fields.String(load_default=None, validate=_SLUG)
    actor = fields.String(load_default=None, validate=validate.Length(min=1, max=200))
    date_from = DateBound(0, load_default=None, data_key="from", validate=validate.Length(max=40))
    date_to = DateBound(1, load_default=None, data_key="to", validate=validate.Length(max=40))
    q = fields.String(load_default=None, validate=validate.Length(min=1, max=500))
    as_of = fields.String(load_default=None, validate=validate.Length(min=1, max=40))
    limit = fields.Integer(load_default=None, validate=validate.Range(min=1, max=500))
    cursor = fields.String(load_default=None, validate=validate.Length(min=1, max=500))
    include_minor = Flag(load_default=False, data_key="all")


class DigestArgs(Schema):
    """``GET /api/stories/<slug>/digest`` (and the digest feeds): N, K and the range."""

    dates = fields.Integer(load_default=None, validate=validate.Range(min=1, max=500))
    sentences = fields.Integer(load_default=None, validate=validate.Range(min=1, max=10))
    date_from = DateBound(0, load_default=None, data_key="from", validate=validate.Length(max=40))
    date_to = DateBound(1, load_default=None, data_key="to", validate=validate.Length(max=40))
    lang = fields.String(load_default=None, validate=validate.Length(min=1, max=20))


class EntryArgs(Schema):
    as_of = fields.String(load_default=None, validate=validate.Length(min=1, max=40))


class LogArgs(Schema):
    after = fields.Integer(load_default=0, validate=validate.Range(min=0, max=MAX_POSITION))
    limit = fields.Integer(load_default=100, validate=validate.Range(min=1, max=1000))


class StreamArgs(Schema):
    after = fields.Integer(load_default=None, validate=validate.Range(min=0, max=MAX_POSITION))


def json_body(schema: Schema) -> dict[str, Any]:
    """The request's JSON object, validated; malformed or too deeply nested JSON names the
    field ``body``, a string holding NUL or a lone surrogate names its own field."""
    data = load_json(_body_bytes(), field="body")
    if not isinstance(data, dict):
        raise InvalidInput("the request body must be a JSON object", field="body")
    return schema.load(data)


def _body_bytes() -> bytes:
    """The request body; a chunked one longer than the limit is refused (413) like one whose
    Content-Length says so, where werkzeug would cut it at the limit without a word."""
    data = request.get_data(cache=False)
    limit = request.max_content_length
    if limit is not None and request.content_length is None and len(data) >= limit:
        if request.environ["wsgi.input"].read(1):
            raise RequestEntityTooLarge()
    return data


def query_args(schema: Schema) -> dict[str, Any]:
    """The query string, validated; a parameter given twice is refused."""
    for name, values in request.args.lists():
        if len(values) > 1:
            raise InvalidInput(f"{name} given more than once", field=name)
    return schema.load(request.args.to_dict())


class NoArgs(Schema):
    """A route that takes no query parameters."""
