"""Event ids of an article's batch: RFC 4122 version-5 UUIDs of (article, revision, index),
computed without uuid objects but exactly as ``uuid.uuid5`` computes them."""

from __future__ import annotations

import uuid

from hypothesis import given
from hypothesis import strategies as st

from timeline.ingest import _EVENT_NAMESPACE, name_uuid


@given(st.text(max_size=300))
def test_name_uuid_is_uuid5(name: str) -> None:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates: uuid5 refuses them too
        return
    assert name_uuid(name) == str(uuid.uuid5(_EVENT_NAMESPACE, name))


def test_name_uuid_of_an_article_event() -> None:
    made = uuid.UUID(name_uuid("abc123:2:17"))
    assert (made.version, made.variant) == (5, uuid.RFC_4122)
    assert str(made) == name_uuid("abc123:2:17")
