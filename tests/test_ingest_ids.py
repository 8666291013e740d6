"""Name-based ids (events of an article's batch, extracted entries): RFC 4122 version-5 UUIDs,
computed without uuid objects but exactly as ``uuid.uuid5`` computes them."""

from __future__ import annotations

import uuid

from hypothesis import given
from hypothesis import strategies as st

from timeline.extract.record import _ENTRY_NAMESPACE, entry_id_for
from timeline.ingest import _EVENT_NAMESPACE, name_uuid
from timeline.uuids import uuid5_str


@given(st.text(max_size=300), st.uuids())
def test_uuid5_str_is_uuid5(name: str, namespace: uuid.UUID) -> None:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates: uuid5 refuses them too
        return
    assert uuid5_str(namespace, name) == str(uuid.uuid5(namespace, name))


def test_name_uuid_of_an_article_event() -> None:
    made = uuid.UUID(name_uuid("abc123:2:17"))
    assert (made.version, made.variant) == (5, uuid.RFC_4122)
    assert str(made) == str(uuid.uuid5(_EVENT_NAMESPACE, "abc123:2:17"))


def test_entry_ids_are_uuid5_of_content_hash_and_index() -> None:
    assert entry_id_for("f" * 64, 3) == str(uuid.uuid5(_ENTRY_NAMESPACE, "f" * 64 + ":3"))
