"""The feed header refuses values no export could honour."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from timeline.errors import InvalidInput
from timeline.export import FeedInfo, TimelineMeta

GOOD = {"title": "T", "slug": "all", "description": "", "url": "https://x.example",
        "generated_at": datetime(2026, 1, 1, tzinfo=UTC), "last_position": 0}


@pytest.mark.parametrize(("override", "field"), [
    ({"generated_at": datetime(2026, 1, 1)}, "generated_at"),
    ({"refresh_minutes": 0}, "refresh_minutes"),
    ({"slug": ""}, "slug"),
])
def test_invalid_meta_is_rejected(override, field):
    with pytest.raises(InvalidInput) as caught:
        TimelineMeta(**(GOOD | override))
    assert caught.value.field == field


def test_defaults_and_alias():
    meta = FeedInfo(**GOOD)
    assert isinstance(meta, TimelineMeta) and meta.refresh_minutes == 60
