from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.projections.builders import stepping_clock
from timeline.archive import Archive


@pytest.fixture
def archive() -> Iterator[Archive]:
    with Archive.open(":memory:", clock=stepping_clock()) as archive:
        yield archive
