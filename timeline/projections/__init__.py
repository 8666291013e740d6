"""Read models folded from the event log, and the queries over them."""

from __future__ import annotations

from events import Projection
from timeline.projections.projection import ArchiveProjection


def archive_projections() -> list[Projection]:
    """The projections an archive keeps up to date."""
    return [ArchiveProjection()]


__all__ = ["ArchiveProjection", "archive_projections"]
