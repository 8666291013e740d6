"""A story's digest in an export format: what ``/feeds/<story>.digest.*`` serve."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from timeline.archive import Archive
from timeline.digest.model import Digest
from timeline.digest.service import story_digest
from timeline.errors import InvalidInput
from timeline.export.digest import to_digest_ical, to_digest_json, to_digest_timelinejs
from timeline.export.meta import TimelineMeta
from timeline.publish import publication_meta


@dataclass(frozen=True, slots=True)
class DigestFormat:
    render: Callable[[Digest, TimelineMeta], str | bytes]
    media_type: str
    suffix: str


DIGEST_FORMATS: dict[str, DigestFormat] = {
    "ics": DigestFormat(to_digest_ical, "text/calendar; charset=utf-8", "digest.ics"),
    "json": DigestFormat(to_digest_json, "application/json", "digest.json"),
    "timelinejs": DigestFormat(to_digest_timelinejs, "application/json",
                               "digest.timelinejs.json"),
}


def publish_digest(
    archive: Archive, slug: str, format_name: str, *, base_url: str = "",
    refresh_minutes: int = 60, **options: Any,
) -> str | bytes:
    """The digest of ``slug`` (``options`` as ``story_digest`` takes them) in ``format_name``."""
    fmt = DIGEST_FORMATS.get(format_name)
    if fmt is None:
        raise InvalidInput(f"format must be one of {sorted(DIGEST_FORMATS)}", field="format")
    digest = story_digest(archive, slug, **options)
    meta = publication_meta(archive, slug, base_url=base_url, refresh_minutes=refresh_minutes)
    return fmt.render(digest, meta)
