"""The service's settings: defaults, and the ``TIMELINE_*`` environment read by ``create_app``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from timeline.errors import InvalidInput

DEFAULTS: dict[str, Any] = {
    "DB": "timeline.db",  # a SQLite file, or a postgresql:// URL
    "READ_MODELS": None,  # this node's read-model file (None: the default for the DB's backend)
    "API_TOKENS": {},  # token -> name of who holds it
    "MAX_BODY_BYTES": 10 * 1024 * 1024,
    "BASE_URL": "",
    "PAGE_LIMIT": 50,
    "MAX_PAGE_LIMIT": 500,
    "FEED_REFRESH_MINUTES": 60,
    "STREAM_POLL_SECONDS": 0.5,
    "STREAM_HEARTBEAT_SECONDS": 15.0,
    "STREAM_MAX_SECONDS": 300.0,  # the browser reconnects with Last-Event-ID
    "STREAM_MAX_EVENTS": None,  # tests bound the stream with this
    "STREAM_MAX_OPEN": None,  # streams open at once in this process (None: no cap)
    "STREAM_MAX_PER_CLIENT": None,  # ... from one client address
    "INGEST_CPU_SECONDS": 10.0,  # an article's extraction past this CPU time is refused
}

#: Environment variable -> (setting, parser).
_ENV = {
    "TIMELINE_DB": "DB",
    "TIMELINE_READ_MODELS": "READ_MODELS",
    "TIMELINE_API_TOKENS": "API_TOKENS",
    "TIMELINE_MAX_BODY_BYTES": "MAX_BODY_BYTES",
    "TIMELINE_BASE_URL": "BASE_URL",
    "TIMELINE_SECRET_KEY": "SECRET_KEY",  # signs the editors' session cookies
    "TIMELINE_STREAM_MAX_OPEN": "STREAM_MAX_OPEN",
    "TIMELINE_STREAM_MAX_PER_CLIENT": "STREAM_MAX_PER_CLIENT",
    "TIMELINE_INGEST_CPU_SECONDS": "INGEST_CPU_SECONDS",
}
#: Settings that are positive numbers: their parser, and the variable named in an error.
_NUMBERS = {
    "STREAM_MAX_OPEN": (int, "TIMELINE_STREAM_MAX_OPEN"),
    "STREAM_MAX_PER_CLIENT": (int, "TIMELINE_STREAM_MAX_PER_CLIENT"),
    "INGEST_CPU_SECONDS": (float, "TIMELINE_INGEST_CPU_SECONDS"),
}


def parse_tokens(value: str | Mapping[str, str] | None) -> dict[str, str]:
    """``"alice:s3cret,t0ken"`` -> ``{"s3cret": "alice", "t0ken": "api"}`` (token -> name)."""
    if value is None:
        return {}
    if isinstance(value, Mapping):
        return dict(value)
    tokens: dict[str, str] = {}
    for item in value.split(","):
        name, _, token = item.strip().rpartition(":")
        if token:
            tokens[token] = name or "api"
    return tokens


def parse_size(value: str | int) -> int:
    try:
        size = int(value)
    except ValueError as e:
        raise InvalidInput(
            "TIMELINE_MAX_BODY_BYTES must be an integer", field="MAX_BODY_BYTES"
        ) from e
    if size < 1:
        raise InvalidInput("TIMELINE_MAX_BODY_BYTES must be positive", field="MAX_BODY_BYTES")
    return size


def parse_positive(key: str, value: Any) -> int | float | None:
    """A positive number setting (None stays None: no limit)."""
    if value is None:
        return None
    kind, variable = _NUMBERS[key]
    try:
        number = kind(value)
    except (TypeError, ValueError) as e:
        raise InvalidInput(f"{variable} must be a number", field=key) from e
    if not number > 0:
        raise InvalidInput(f"{variable} must be positive", field=key)
    return number


def from_environ(environ: Mapping[str, str]) -> dict[str, Any]:
    """The settings the environment gives (only the ``TIMELINE_*`` variables we know)."""
    settings: dict[str, Any] = {}
    for variable, key in _ENV.items():
        if variable in environ:
            settings[key] = environ[variable]
    return normalise(settings)


def normalise(settings: Mapping[str, Any]) -> dict[str, Any]:
    """Parse the settings that arrive as strings (from the environment or a test)."""
    result = dict(settings)
    if "API_TOKENS" in result:
        result["API_TOKENS"] = parse_tokens(result["API_TOKENS"])
    if "MAX_BODY_BYTES" in result:
        result["MAX_BODY_BYTES"] = parse_size(result["MAX_BODY_BYTES"])
    for key in _NUMBERS.keys() & result.keys():
        result[key] = parse_positive(key, result[key])
    if "BASE_URL" in result:
        result["BASE_URL"] = str(result["BASE_URL"]).rstrip("/")
    return result
