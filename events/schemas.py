"""The archive's event types, one marshmallow schema per type and version.

Streams: ``article-<article_id>`` (ArticleIngested + its EventExtracted), ``entry-<entry_id>``
(EventCorrected, EventRetracted), ``merge-<merge_id>`` (EventsMerged, MergeUndone) and
``story-<slug>`` (StoryCreated, StoryRenamed, EventAddedToStory, EventRemovedFromStory).
"""

from __future__ import annotations

from typing import Any

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from .registry import EventRegistry, Upcaster

SLUG = validate.Regexp(r"^[a-z0-9][a-z0-9-]{0,79}$", error="must be a lowercase slug (a-z, 0-9, -)")
#: How an extracted event's date was found: v1 knew three ways, v2 adds ``narrative``.
DERIVATIONS_V1 = ("explicit", "relative", "publication")
DERIVATIONS = (*DERIVATIONS_V1, "narrative")
MAX_TEXT = 200_000


def _who() -> fields.String:
    return fields.String(load_default=None, allow_none=True, validate=validate.Length(max=200))


def _text(max_len: int = 2000, **kw: Any) -> fields.String:
    return fields.String(validate=validate.Length(max=max_len), **kw)


class ArticleIngestedV1(Schema):
    article_id = fields.String(required=True, validate=validate.Length(min=1, max=100))
    revision = fields.Integer(required=True, strict=True, validate=validate.Range(min=1))
    content_hash = fields.String(required=True, validate=validate.Length(equal=64))
    url = fields.String(allow_none=True, load_default=None, validate=validate.Length(max=2000))
    title = _text(1000, allow_none=True, load_default=None)
    published = fields.Date(required=True)
    lang = fields.String(required=True, validate=validate.Length(min=2, max=10))
    text = fields.String(required=True, validate=validate.Length(min=1, max=MAX_TEXT))
    source_format = fields.String(required=True, validate=validate.OneOf(("text", "html", "json")))
    story = fields.String(allow_none=True, load_default=None, validate=SLUG)
    extractor_version = fields.String(required=True)
    supersedes = fields.String(allow_none=True, load_default=None)


class EventExtractedV1(Schema):
    entry_id = fields.String(required=True, validate=validate.Length(min=1, max=100))
    article_id = fields.String(required=True, validate=validate.Length(min=1, max=100))
    revision = fields.Integer(required=True, strict=True, validate=validate.Range(min=1))
    headline = _text(500, required=True)
    sentence = _text(5000, required=True)
    quote = _text(5000, required=True)
    quote_start = fields.Integer(required=True, strict=True, validate=validate.Range(min=0))
    quote_end = fields.Integer(required=True, strict=True, validate=validate.Range(min=0))
    date = fields.String(required=True, validate=validate.Length(min=1, max=100))
    precision = fields.String(required=True)
    derivation = fields.String(required=True, validate=validate.OneOf(DERIVATIONS_V1))
    timex_text = _text(500, allow_none=True, load_default=None)
    timex_value = _text(100, allow_none=True, load_default=None)
    actors = fields.List(fields.String(validate=validate.Length(max=200)), load_default=list)
    lang = fields.String(required=True)
    extractor_version = fields.String(required=True)


class EventExtractedV2(EventExtractedV1):
    """v1 plus the places named, how salient the event is (0..1) and what kind of happening it
    is; the date may also be carried over from the narrative. None: not scored."""

    derivation = fields.String(required=True, validate=validate.OneOf(DERIVATIONS))
    places = fields.List(fields.String(validate=validate.Length(max=200)), load_default=list)
    salience = fields.Float(
        load_default=None, allow_none=True, validate=validate.Range(min=0.0, max=1.0)
    )
    kind = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=40))


def upcast_event_extracted_v1_v2(data: dict[str, Any]) -> dict[str, Any]:
    """A v1 extraction names no places and was never scored."""
    return {**data, "places": [], "salience": None, "kind": None}


class EventCorrectedV1(Schema):
    entry_id = fields.String(required=True)
    date = fields.String(allow_none=True, load_default=None, validate=validate.Length(max=100))
    headline = _text(500, allow_none=True, load_default=None)
    text = _text(5000, allow_none=True, load_default=None)
    reason = fields.String(required=True, validate=validate.Length(min=1, max=2000))
    corrected_by = _who()

    @validates_schema
    def _changes_something(self, data: dict[str, Any], **_: Any) -> None:
        if all(data.get(k) is None for k in ("date", "headline", "text")):
            raise ValidationError("a correction changes date, headline or text", "date")


class EventRetractedV1(Schema):
    entry_id = fields.String(required=True)
    reason = fields.String(required=True, validate=validate.Length(min=1, max=2000))
    retracted_by = _who()


class EventsMergedV1(Schema):
    merge_id = fields.String(required=True)
    entry_ids = fields.List(fields.String(), required=True, validate=validate.Length(min=2))
    primary = fields.String(required=True)
    reason = _text(2000, allow_none=True, load_default=None)
    merged_by = _who()


class MergeUndoneV1(Schema):
    merge_id = fields.String(required=True)
    reason = fields.String(required=True, validate=validate.Length(min=1, max=2000))
    undone_by = _who()


class StoryCreatedV1(Schema):
    slug = fields.String(required=True, validate=SLUG)
    title = fields.String(required=True, validate=validate.Length(min=1, max=300))
    description = _text(5000, allow_none=True, load_default=None)
    created_by = _who()


class StoryCreatedV2(StoryCreatedV1):
    """v1 plus why the story was made (None: made by ingest, or before reasons were kept)."""

    reason = _text(2000, allow_none=True, load_default=None)


class StoryRenamedV1(Schema):
    """A story's new title and description (both as they now read; None: no description)."""

    slug = fields.String(required=True, validate=SLUG)
    title = fields.String(required=True, validate=validate.Length(min=1, max=300))
    description = _text(5000, allow_none=True, load_default=None)
    reason = fields.String(required=True, validate=validate.Length(min=1, max=2000))
    renamed_by = _who()


class StoryMembershipV1(Schema):
    slug = fields.String(required=True, validate=SLUG)
    entry_id = fields.String(required=True)
    changed_by = _who()


class StoryMembershipV2(StoryMembershipV1):
    """v1 plus why (None: filed by ingest, or before reasons were kept)."""

    reason = _text(2000, allow_none=True, load_default=None)


def upcast_with_no_reason(data: dict[str, Any]) -> dict[str, Any]:
    """A v1 story event (creation, membership) gave no reason."""
    return {**data, "reason": None}


#: Every event type the archive writes, at its latest version.
ARCHIVE_TYPES: dict[str, type[Schema]] = {
    "ArticleIngested": ArticleIngestedV1,
    "EventExtracted": EventExtractedV2,
    "EventCorrected": EventCorrectedV1,
    "EventRetracted": EventRetractedV1,
    "EventsMerged": EventsMergedV1,
    "MergeUndone": MergeUndoneV1,
    "StoryCreated": StoryCreatedV2,
    "StoryRenamed": StoryRenamedV1,
    "EventAddedToStory": StoryMembershipV2,
    "EventRemovedFromStory": StoryMembershipV2,
}


#: The versions before the latest, oldest first.
EARLIER_VERSIONS: dict[str, tuple[type[Schema], ...]] = {
    "EventExtracted": (EventExtractedV1,),
    "StoryCreated": (StoryCreatedV1,),
    "EventAddedToStory": (StoryMembershipV1,),
    "EventRemovedFromStory": (StoryMembershipV1,),
}
#: (type, version it produces) -> the upcaster from the version before.
UPCASTERS: dict[tuple[str, int], Upcaster] = {
    ("EventExtracted", 2): upcast_event_extracted_v1_v2,
    ("StoryCreated", 2): upcast_with_no_reason,
    ("EventAddedToStory", 2): upcast_with_no_reason,
    ("EventRemovedFromStory", 2): upcast_with_no_reason,
}


def schema_versions(type_name: str) -> tuple[type[Schema], ...]:
    """Every schema of ``type_name``, version 1 first."""
    return (*EARLIER_VERSIONS.get(type_name, ()), ARCHIVE_TYPES[type_name])


def archive_registry() -> EventRegistry:
    """A registry holding every version of every event type the archive writes."""
    registry = EventRegistry()
    for name in ARCHIVE_TYPES:
        for version, schema in enumerate(schema_versions(name), start=1):
            upcaster = UPCASTERS.get((name, version))
            registry.register(name, schema, version=version, upcaster=upcaster)
    return registry
