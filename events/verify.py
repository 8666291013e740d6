"""Verification: recompute the hash chain and name the first broken position.

A full check walks every row: positions must run 1, 2, 3… without a gap, each ``prev_hash`` must
be the hash before it, and each hash must match the row's content. Stored checkpoints (position,
hash) must match the rows they name, so a history rewritten from some point on, or a truncated
tail, is caught too. ``since_checkpoint=True`` trusts the last checkpoint and checks only the tail.

Checkpoints live in the same file as the rows and go with them, so a truncation back to a
checkpoint, or a history rewritten with its checkpoints recomputed, needs a *witness*: a head
(position, hash) someone kept elsewhere (``witnesses``). The log must still hold that row with
that hash, its chain intact.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .codec import chain_hash
from .errors import TamperedLog
from .records import GENESIS_HASH
from .signing import signature_problem
from .sqlite import SqliteEventLog


@dataclass(frozen=True, slots=True)
class VerifyReport:
    """What a verification found. ``first_broken`` is None when the log verifies."""

    checked: int
    head_position: int
    head_hash: str
    started_after: int
    first_broken: int | None = None
    reason: str | None = None

    @property
    def ok(self) -> bool:
        return self.first_broken is None

    def raise_for_tampering(self) -> None:
        if self.first_broken is not None:
            raise TamperedLog(self.first_broken, self.reason or "broken")


def _row_problem(row: tuple[Any, ...], position: int, prev_hash: str) -> str | None:
    if row[0] != position:
        return f"expected position {position}, found {row[0]} (a row is missing)"
    if row[9] != prev_hash:
        return "prev_hash does not match the hash before it"
    if chain_hash(*row[:10]) != row[10]:
        return "hash does not match the event's content"
    return None


def _walk(
    rows: Iterable[tuple[Any, ...]], start: int, prev_hash: str, marks: dict[int, str],
    witnesses: Mapping[int, str],
) -> tuple[int, str, int | None, str | None]:
    """Walk rows after ``start``: (last position, last hash, first broken, reason)."""
    position = start
    for row in rows:
        problem = _row_problem(row, position + 1, prev_hash)
        if problem is None and marks.get(row[0], row[10]) != row[10]:
            problem = "hash differs from the stored checkpoint"
        if problem is None and witnesses.get(row[0], row[10]) != row[10]:
            problem = "hash differs from the witness (history rewritten)"
        if problem is not None:
            return position, prev_hash, position + 1, problem
        position, prev_hash = row[0], row[10]
    return position, prev_hash, None, None


def verify(log: SqliteEventLog, *, since_checkpoint: bool = False,
           witnesses: Mapping[int, str] | None = None,
           checkpoint_key: bytes | None = None) -> VerifyReport:
    """Check the chain (all of it, or the tail after the last checkpoint), that it still
    holds every witnessed head ``{position: hash}``, and, given the key, that the checkpoints
    carry their signatures (``events.signing``)."""
    marks = dict(log.checkpoints())
    seen = dict(witnesses or {})
    start, prev = 0, GENESIS_HASH
    if since_checkpoint and marks:
        start = max(marks)
        prev = marks[start]
    rows = log.raw_rows(after_position=start)
    last, last_hash, broken, reason = _walk(rows, start, prev, marks, seen)
    checked = last - start
    if broken is None and since_checkpoint and start and not _checkpoint_row_ok(log, start, prev):
        broken, reason = start, "the checkpointed row does not match its checkpoint"
    if broken is None and marks and max(marks) > last:
        broken, reason = last + 1, f"checkpoint at {max(marks)} is past the end (rows removed)"
    if broken is None:
        broken, reason = _witness_problem(log, seen, start, last)
    if broken is None and checkpoint_key is not None:
        broken, reason = signature_problem(log, checkpoint_key)
    return VerifyReport(checked, last, last_hash, start, broken, reason)


def _witness_problem(log: SqliteEventLog, witnesses: Mapping[int, str], start: int,
                     last: int) -> tuple[int | None, str | None]:
    """Witnesses the walk could not see: past the end (truncated) or before a trusted tail."""
    for position, expected in sorted(witnesses.items()):
        if position == 0 and expected == GENESIS_HASH:  # the empty log's head
            continue
        if position > last:
            return last + 1, f"the log ends at {last}, before the witnessed head {position}" \
                             " (rows removed)"
        if position <= start and not _checkpoint_row_ok(log, position, expected):
            return position, "hash differs from the witness (history rewritten)"
    return None, None


def _checkpoint_row_ok(log: SqliteEventLog, position: int, expected_hash: str) -> bool:
    row = log.raw_row(position)
    return row is not None and chain_hash(*row[:10]) == expected_hash == row[10]
