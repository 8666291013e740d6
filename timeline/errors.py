"""The timeline package's exceptions: one base, and ValueError for invalid input."""

from __future__ import annotations


class TimelineError(Exception):
    """Base of every error raised by the timeline package."""


class InvalidInput(TimelineError, ValueError):
    """Input that can never succeed as given; ``field`` names what is wrong."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


class NotFound(TimelineError, LookupError):
    """A referenced event, story or article does not exist."""

    def __init__(self, message: str, *, kind: str, key: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.key = key


class Conflict(TimelineError):
    """The request contradicts the archive's current state (e.g. a story that already exists)."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class Busy(TimelineError):
    """The service has no room for this request now (too many open streams); try again after
    ``retry_after`` seconds."""

    def __init__(self, message: str, *, retry_after: int = 5) -> None:
        super().__init__(message)
        self.retry_after = retry_after
