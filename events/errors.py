"""The event log's exceptions. Driver errors are translated into this tree at the boundary."""

from __future__ import annotations


class EventLogError(Exception):
    """Base of every error raised by the events package."""


class InvalidEvent(EventLogError, ValueError):
    """An event that can never be appended as given; ``field`` names the offending part."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


class PayloadTooLarge(InvalidEvent):
    """The encoded event exceeds the log's documented size limit."""

    def __init__(self, message: str, *, field: str | None = None, size: int, limit: int) -> None:
        super().__init__(message, field=field)
        self.size = size
        self.limit = limit


class ConcurrencyError(EventLogError):
    """The stream's version was not the one the writer expected; nothing was written."""

    def __init__(self, stream_id: str, *, expected: object, actual: int) -> None:
        super().__init__(
            f"stream {stream_id!r} is at version {actual}, expected {expected}"
        )
        self.stream_id = stream_id
        self.expected = expected
        self.actual = actual


class EventIdConflict(EventLogError):
    """An event id is already stored with different content (or in a different batch)."""

    def __init__(self, event_id: str, message: str | None = None) -> None:
        super().__init__(message or f"event id {event_id} is already stored with other content")
        self.event_id = event_id


class TamperedLog(EventLogError):
    """The stored history does not verify; ``position`` is the first broken position."""

    def __init__(self, position: int, reason: str) -> None:
        super().__init__(f"log broken at position {position}: {reason}")
        self.position = position
        self.reason = reason


class StorageError(EventLogError):
    """The database failed in a way the log could not handle (locked too long, corrupt, ...)."""
