"""Quick constructors for frozen slots dataclasses, for code that builds millions of them.

A frozen dataclass's ``__init__`` sets each field with ``object.__setattr__`` (its own
``__setattr__`` refuses), which costs a call per field: 4 µs for a 29-field row, most of a
rebuild's time per event. ``positional_constructor(cls)`` returns a function taking the fields
positionally (defaults as declared) that fills a *twin* class instead: the same ``__slots__``,
not frozen, so each field is one plain slot store; the instance then becomes a ``cls`` by
``__class__`` assignment, which CPython allows between classes of the same slot layout. What
comes out is an ordinary frozen ``cls`` (equal to, and as immutable as, ``cls(*fields)``), at a
sixth of the cost. Classes it cannot build exactly that way (no slots, a ``__post_init__``, a
field with a default factory, keyword-only or left out of ``__init__``) are refused when asked.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import MISSING, fields, is_dataclass
from typing import Any, TypeVar

T = TypeVar("T")


def positional_constructor(cls: type[T]) -> Callable[..., T]:
    """A function ``(field, ...) -> cls`` equal to ``cls(field, ...)``, without its ``__init__``
    (see the module's docstring); TypeError for a class it cannot build that way."""
    names, defaults = _plain_fields(cls)
    twin = type(f"_{cls.__name__}Fields", (), {"__slots__": names})
    params = ", ".join(n if n not in defaults else f"{n}=_default_{n}" for n in names)
    body = "".join(f"    o.{n} = {n}\n" for n in names)
    source = (f"def build({params}):\n    o = _new(_twin)\n{body}"
              "    o.__class__ = _cls\n    return o\n")
    scope: dict[str, Any] = {"_new": object.__new__, "_twin": twin, "_cls": cls,
                             **{f"_default_{n}": v for n, v in defaults.items()}}
    exec(source, scope)  # noqa: S102 -- the source is made of the class's own field names
    build: Callable[..., T] = scope["build"]
    build.__qualname__ = build.__name__ = f"build_{cls.__name__}"
    build(*(None for n in names if n not in defaults))  # layouts differ: TypeError now
    return build


def _plain_fields(cls: type) -> tuple[tuple[str, ...], dict[str, Any]]:
    """The field names of ``cls`` in order and their plain defaults; TypeError if ``cls`` is not
    a slots dataclass whose ``__init__`` only stores its fields."""
    if not (is_dataclass(cls) and "__slots__" in cls.__dict__):
        raise TypeError(f"{cls.__name__} is not a slots dataclass")
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__} has a __post_init__")
    defaults: dict[str, Any] = {}
    for f in fields(cls):
        if f.default_factory is not MISSING or not f.init or f.kw_only is True:
            raise TypeError(f"{cls.__name__}.{f.name} is not a plain init field")
        if f.default is not MISSING:
            defaults[f.name] = f.default
    names = tuple(f.name for f in fields(cls))
    if tuple(cls.__dict__["__slots__"]) != names:
        raise TypeError(f"{cls.__name__} has slots besides its fields")
    return names, defaults
