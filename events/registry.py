"""Event types: one marshmallow schema per type and version, and the upcasters between versions.

Appending validates ``data`` against the schema of its type and version. Reading upcasts old
versions step by step (``v1 -> v2 -> ...``) to the latest. Unknown types are returned intact.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from marshmallow import Schema, ValidationError

from .errors import InvalidEvent
from .fastcheck import compile_checker

Upcaster = Callable[[dict[str, Any]], dict[str, Any]]


@dataclass(slots=True)
class _EventType:
    schemas: dict[int, Schema] = field(default_factory=dict)
    quick: dict[int, Callable[[Mapping[str, Any]], bool] | None] = field(default_factory=dict)
    upcasters: dict[int, Upcaster] = field(default_factory=dict)  # key: the version produced
    latest: int = 0  # the highest registered version (read for every event decoded)


def _first_error(messages: Mapping[str, Any] | list[Any] | str, prefix: str) -> tuple[str, str]:
    """The dotted path and message of the first validation error marshmallow reported."""
    if isinstance(messages, Mapping):
        key, inner = next(iter(messages.items()))
        return _first_error(inner, f"{prefix}.{key}")
    if isinstance(messages, list) and messages and not isinstance(messages[0], str):
        return _first_error(messages[0], prefix)
    text = messages[0] if isinstance(messages, list) and messages else str(messages)
    return prefix, str(text)


class EventRegistry:
    """Which event types exist, how to validate each version and how to upcast old ones."""

    def __init__(self) -> None:
        self._types: dict[str, _EventType] = {}

    def register(
        self,
        type_name: str,
        schema: type[Schema] | Schema,
        *,
        version: int = 1,
        upcaster: Upcaster | None = None,
    ) -> None:
        """Register ``version`` of ``type_name``. Versions after 1 need the upcaster from v-1."""
        entry = self._types.setdefault(type_name, _EventType())
        expected = (entry.latest + 1) if entry.schemas else 1
        if version != expected:
            raise ValueError(f"{type_name}: register version {expected} next, not {version}")
        if version > 1 and upcaster is None:
            raise ValueError(f"{type_name} v{version} needs an upcaster from v{version - 1}")
        instance = schema() if isinstance(schema, type) else schema
        entry.schemas[version] = instance
        entry.latest = version
        entry.quick[version] = compile_checker(instance)
        if upcaster is not None:
            entry.upcasters[version] = upcaster

    def known(self, type_name: str) -> bool:
        return type_name in self._types

    def types(self) -> tuple[str, ...]:
        return tuple(sorted(self._types))

    def latest(self, type_name: str) -> int | None:
        entry = self._types.get(type_name)
        return entry.latest if entry else None

    def validate(self, type_name: str, version: int, data: Mapping[str, Any]) -> None:
        """Raise InvalidEvent naming the first bad field (``data.<field>``) if data is invalid."""
        entry = self._types[type_name]
        schema = entry.schemas.get(version)
        if schema is None:
            raise InvalidEvent(
                f"{type_name} has no schema version {version}", field="schema_version"
            )
        quick = entry.quick[version]
        if quick is not None and quick(data):
            return  # marshmallow would accept it too (see fastcheck)
        try:
            schema.load(data)
        except ValidationError as exc:
            path, message = _first_error(exc.messages, "data")
            raise InvalidEvent(f"{type_name}: {path}: {message}", field=path) from exc

    def upcast(self, type_name: str, version: int, data: dict[str, Any]) -> tuple[int, dict]:
        """Bring ``data`` from ``version`` up to the latest version of its type."""
        entry = self._types.get(type_name)
        if entry is None or version >= entry.latest:
            return version, data
        while version < entry.latest:
            version += 1
            data = entry.upcasters[version](data)
        return version, data
