"""Following the log: an iterator of events appended after a position, as they arrive."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

from .records import StoredEvent
from .sqlite import SqliteEventLog


def follow(
    log: SqliteEventLog,
    after_position: int = 0,
    *,
    poll_interval: float = 0.5,
    batch_size: int = 500,
    should_stop: Callable[[], bool] = lambda: False,
    sleep: Callable[[float], None] = time.sleep,
) -> Iterator[StoredEvent | None]:
    """Yield each event after ``after_position`` in order, waiting for new ones.

    Yields ``None`` after each idle poll so a caller (an SSE stream, say) can send a heartbeat or
    notice a closed connection. Stops when ``should_stop()`` is true.
    """
    position = after_position
    while not should_stop():
        batch = list(log.read_all(position, batch_size))
        for event in batch:
            position = event.position
            yield event
        if len(batch) < batch_size:
            yield None
            sleep(poll_interval)
