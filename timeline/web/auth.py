"""Bearer tokens for writes. Reads are public; with no token configured every write is refused."""

from __future__ import annotations

import functools
import hmac
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from flask import current_app, g, request
from werkzeug.datastructures import WWWAuthenticate
from werkzeug.exceptions import Forbidden, Unauthorized

F = TypeVar("F", bound=Callable[..., Any])
REALM = "timeline"


def token_holder(presented: str, tokens: Mapping[str, str]) -> str | None:
    """The name behind ``presented``, comparing against every token in constant time."""
    holder = None
    given = presented.encode("utf-8")
    for token, name in tokens.items():
        if hmac.compare_digest(given, token.encode("utf-8")):
            holder = name
    return holder


def bearer_token() -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


def authenticate() -> str:
    """Who is writing (the token's name), or raise 401 without a token and 403 for a wrong one."""
    token = bearer_token()
    if token is None:
        raise Unauthorized(
            "this request needs an 'Authorization: Bearer <token>' header",
            www_authenticate=WWWAuthenticate("bearer", {"realm": REALM}),
        )
    holder = token_holder(token, current_app.config["API_TOKENS"])
    if holder is None:
        raise Forbidden("the token is not valid for writing to this archive")
    return holder


def writer(view: F) -> F:
    """Decorate a view that writes: it runs only for a valid token; ``g.actor`` names its holder."""

    @functools.wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        g.actor = authenticate()
        return view(*args, **kwargs)

    return wrapper  # type: ignore[return-value]
