"""What a feed says about itself: title, links, refresh hints and the log position it reflects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from timeline.errors import InvalidInput


@dataclass(frozen=True, slots=True)
class TimelineMeta:
    """Header of every export. ``generated_at`` comes from the log (the latest ``recorded_at``
    the export reflects), never from the wall clock, so the same log gives the same bytes."""

    title: str
    slug: str  # a story's slug, or "all"
    description: str
    url: str  # base url of the service, used for links
    generated_at: datetime  # timezone-aware, UTC
    last_position: int
    refresh_minutes: int = 60
    last_hash: str = ""  # the chain hash at last_position: a witness (empty: not given)

    def __post_init__(self) -> None:
        if self.generated_at.tzinfo is None:
            raise InvalidInput("generated_at must be timezone-aware", field="generated_at")
        if self.refresh_minutes < 1:
            raise InvalidInput("refresh_minutes must be at least 1", field="refresh_minutes")
        if not self.slug:
            raise InvalidInput("slug must not be empty", field="slug")


#: The same record under the name feeds use.
FeedInfo = TimelineMeta
