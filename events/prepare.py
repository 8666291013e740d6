"""Turning NewEvents into rows ready to chain: validation, encoding and size limits."""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from typing import Any, NamedTuple

from marshmallow import Schema, ValidationError, fields, validate

from .codec import canonical_json
from .errors import InvalidEvent, PayloadTooLarge
from .fastcheck import compile_checker
from .records import NewEvent
from .registry import EventRegistry, _first_error

#: Default limit on one event's encoded ``data`` plus ``metadata``, in bytes (UTF-8).
DEFAULT_MAX_EVENT_BYTES = 1_048_576
MAX_STREAM_ID_CHARS = 200
_TYPE_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]{0,99}$")
_UUID_CANONICAL = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\Z")


class MetadataSchema(Schema):
    """What an event's metadata may say; every key optional, anything else refused."""

    correlation_id = fields.String(validate=validate.Length(max=200))
    causation_id = fields.String(validate=validate.Length(max=200))
    actor = fields.String(validate=validate.Length(max=200))
    source = fields.String(validate=validate.Length(max=2000))


_metadata_schema = MetadataSchema()
_metadata_quick = compile_checker(_metadata_schema)


class PreparedEvent(NamedTuple):
    """An event validated and encoded, ready to chain (a tuple: a batch makes thousands)."""

    event_id: str
    type: str
    schema_version: int
    data_json: str
    metadata_json: str
    data: dict[str, Any]  # the caller's objects, returned in the StoredEvent
    metadata: dict[str, Any]


def check_stream_id(stream_id: object) -> str:
    if not isinstance(stream_id, str) or not stream_id.strip():
        raise InvalidEvent("stream_id must be a non-empty string", field="stream_id")
    if len(stream_id) > MAX_STREAM_ID_CHARS:
        raise InvalidEvent(
            f"stream_id is longer than {MAX_STREAM_ID_CHARS} characters", field="stream_id"
        )
    return stream_id


def _check_event_id(event_id: object) -> str:
    if type(event_id) is str and _UUID_CANONICAL.match(event_id):
        return event_id  # already what str(uuid.UUID(event_id)) returns
    try:
        return str(uuid.UUID(str(event_id)))
    except ValueError as exc:
        raise InvalidEvent(f"event_id {event_id!r} is not a UUID", field="event_id") from exc


def _metadata_json(metadata: object) -> str:
    """Validate and encode metadata; InvalidEvent naming the bad key."""
    if not isinstance(metadata, dict):
        raise InvalidEvent("metadata must be an object", field="metadata")
    if metadata and not (_metadata_quick and _metadata_quick(metadata)):
        try:
            _metadata_schema.load(metadata)
        except ValidationError as exc:
            path, message = _first_error(exc.messages, "metadata")
            raise InvalidEvent(f"{path}: {message}", field=path) from exc
    return canonical_json(metadata, field="metadata")


def _memo_metadata_json(metadata: object, memo: dict[Any, str] | None) -> str:
    """``_metadata_json``, remembered by content. Only valid metadata (all strings) is
    remembered, and a string equals nothing but an equal string, so a hit is always exact."""
    if memo is None or not isinstance(metadata, dict):
        return _metadata_json(metadata)
    key = tuple(metadata.items())
    try:
        return memo[key]
    except KeyError:
        encoded = _metadata_json(metadata)
        if all(type(v) is str for v in metadata.values()):
            memo[key] = encoded
        return encoded
    except TypeError:  # an unhashable value: invalid metadata, reported by the schema
        return _metadata_json(metadata)


def _latest_of(type_name: object, registry: EventRegistry, strict: bool) -> int | None:
    """The latest schema version of a valid type name (None: unknown and not ``strict``)."""
    if not isinstance(type_name, str) or not _TYPE_NAME.match(type_name):
        raise InvalidEvent(f"event type {type_name!r} is not a valid name", field="type")
    latest = registry.latest(type_name)
    if latest is None and strict:
        raise InvalidEvent(f"unknown event type {type_name!r}", field="type")
    return latest


def _version_for(event: NewEvent, registry: EventRegistry, strict: bool,
                 types: dict[str, int | None] | None = None) -> int:
    """The schema version to store ``event`` under. ``types`` (a batch's type names already
    checked -> their latest version) spares checking a name again for every event."""
    if types is not None and type(event.type) is str and event.type in types:
        latest = types[event.type]
    else:
        latest = _latest_of(event.type, registry, strict)
        if types is not None and type(event.type) is str:
            types[event.type] = latest
    version = (latest or 1) if event.schema_version is None else event.schema_version
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise InvalidEvent("schema_version must be a positive integer", field="schema_version")
    return version


def _check_size(data_json: str, metadata_json: str, max_bytes: int) -> None:
    if 4 * (len(data_json) + len(metadata_json)) <= max_bytes:
        return  # UTF-8 takes at most 4 bytes a character: surely within the limit
    size = len(data_json.encode("utf-8")) + len(metadata_json.encode("utf-8"))
    if size > max_bytes:
        raise PayloadTooLarge(
            f"event is {size} bytes encoded; the limit is {max_bytes}",
            field="data", size=size, limit=max_bytes,
        )


def prepare_event(
    event: NewEvent,
    registry: EventRegistry,
    *,
    strict: bool,
    max_bytes: int,
    metadata_memo: dict[Any, str] | None = None,
    types: dict[str, int | None] | None = None,
) -> PreparedEvent:
    """Validate and encode one event; InvalidEvent (naming the field) if it cannot be stored.

    ``metadata_memo`` (a batch's metadata, as item tuples -> its JSON) spares a batch whose
    events say the same metadata from checking and encoding it again for every event, and
    ``types`` (see ``_version_for``) from checking its type name again."""
    if not isinstance(event, NewEvent):
        raise InvalidEvent("append takes NewEvent instances", field="events")
    version = _version_for(event, registry, strict, types)
    if not isinstance(event.data, dict):
        raise InvalidEvent("data must be an object", field="data")
    data_json = canonical_json(event.data, field="data")
    metadata_json = _memo_metadata_json(event.metadata, metadata_memo)
    _check_size(data_json, metadata_json, max_bytes)
    if registry.known(event.type):
        registry.validate(event.type, version, event.data)
    return PreparedEvent(
        _check_event_id(event.event_id), event.type, version, data_json, metadata_json,
        event.data, event.metadata,
    )


def prepare_batch(
    events: Sequence[NewEvent], registry: EventRegistry, *, strict: bool, max_bytes: int
) -> list[PreparedEvent]:
    if isinstance(events, (str, bytes, NewEvent)) or not isinstance(events, Sequence):
        raise InvalidEvent("events must be a sequence of NewEvent", field="events")
    memo: dict[Any, str] = {}
    types: dict[str, int | None] = {}
    prepared = [
        prepare_event(e, registry, strict=strict, max_bytes=max_bytes, metadata_memo=memo,
                      types=types)
        for e in events
    ]
    if len({p.event_id for p in prepared}) != len(prepared):
        raise InvalidEvent("the batch repeats an event_id", field="event_id")
    return prepared
