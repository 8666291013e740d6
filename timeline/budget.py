"""A CPU-time budget for one piece of work, checked cooperatively (between extraction stages):
an article whose extraction runs past it is refused before anything is written.

CPU time is the current thread's (``time.thread_time``), so a busy machine or other requests
on other threads do not spend it: the same article gets the same verdict under load.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from timeline.errors import InvalidInput


class OverBudget(InvalidInput):
    """The work needed more CPU time than allowed (the same input always would); nothing was
    written. ``field`` is what made it costly (the article's ``text``)."""

    def __init__(self, message: str, *, seconds: float, field: str | None = "text") -> None:
        super().__init__(message, field=field)
        self.seconds = seconds


class CpuBudget:
    """``seconds`` of CPU time on this thread from now; ``check()`` raises OverBudget past it."""

    def __init__(self, seconds: float, *, what: str = "extracting this article",
                 clock: Callable[[], float] = time.thread_time) -> None:
        self.seconds = seconds
        self.what = what
        self.clock = clock
        self.started = clock()

    def used(self) -> float:
        return self.clock() - self.started

    def check(self) -> None:
        if self.used() > self.seconds:
            raise OverBudget(
                f"{self.what} needed more than its {self.seconds:g} s CPU budget;"
                " nothing was written (split the text, or raise the budget)",
                seconds=self.seconds)
