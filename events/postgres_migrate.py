"""Copying a log into PostgreSQL (``timeline migrate``): every row exactly as stored, its chain
verified on the way, so the copy has the same positions, hashes and history as the original."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from .errors import StorageError, TamperedLog
from .records import Head
from .verify import _row_problem


class _Source(Protocol):
    def raw_rows(self, after_position: int = 0) -> Any: ...
    def raw_row(self, position: int) -> tuple[Any, ...] | None: ...
    def checkpoints(self) -> list[tuple[int, str]]: ...


class _Target(Protocol):
    path: str

    def head(self) -> Head: ...
    def copy_rows(self, rows: list[tuple[Any, ...]]) -> None: ...


def copy_log(
    source: _Source,
    target: _Target,
    *,
    batch_size: int = 5000,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Copy the events of ``source`` that ``target`` lacks; the number copied. A target that
    holds part of the same history resumes after it; one that holds another is refused. A row
    that does not verify stops the copy (TamperedLog) with the rows before it committed."""
    head = target.head()
    if head.position:
        row = source.raw_row(head.position)
        if row is None or row[10] != head.hash:
            raise StorageError(
                f"{target.path} already holds a different history (head {head.position})"
            )
    marks = dict(source.checkpoints())
    position, prev, copied = head.position, head.hash, 0
    batch: list[tuple[Any, ...]] = []
    for row in source.raw_rows(head.position):
        problem = _row_problem(tuple(row), position + 1, prev)
        if problem is None and marks.get(row[0], row[10]) != row[10]:
            problem = "hash differs from the stored checkpoint"
        if problem is not None:
            _flush(target, batch, progress)
            raise TamperedLog(position + 1, problem)
        batch.append(tuple(row))
        position, prev = row[0], row[10]
        if len(batch) >= batch_size:
            copied += _flush(target, batch, progress)
            batch = []
    return copied + _flush(target, batch, progress)


def _flush(
    target: _Target, batch: list[tuple[Any, ...]], progress: Callable[[int], None] | None
) -> int:
    if batch:
        target.copy_rows(batch)
        if progress:
            progress(len(batch))
    return len(batch)
