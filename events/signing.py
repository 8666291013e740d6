"""Signed checkpoints: an HMAC-SHA256 of ``position:hash`` under a key kept away from the log.

Checkpoints sit in the same file as the rows, so whoever rewrites the history can recompute
them. A signature cannot be recomputed without the key: ``sign_checkpoints`` (run by whoever
holds it, after a full verification) signs every checkpoint that has no signature yet, and
``verify(log, checkpoint_key=key)`` then fails on a checkpoint whose signature is wrong or
missing below the last signed one. Checkpoints after the last signed one are not yet covered
(a witness covers them: ``verify(witnesses=...)``).
"""

from __future__ import annotations

import hashlib
import hmac
from typing import Any

__all__ = ["checkpoint_signature", "sign_checkpoints", "signature_problem"]


def checkpoint_signature(key: bytes, position: int, digest: str) -> str:
    """The hex HMAC-SHA256 of ``position:hash`` under ``key``."""
    return hmac.new(key, f"{position}:{digest}".encode("ascii"), hashlib.sha256).hexdigest()


def signature_problem(log: Any, key: bytes) -> tuple[int | None, str | None]:
    """The first checkpoint whose signature is wrong, or missing below a signed one."""
    signatures = log.checkpoint_signatures()
    last_signed = max(signatures, default=0)
    for position, digest in log.checkpoints():
        signature = signatures.get(position)
        if signature is None and position < last_signed:
            return position, "checkpoint has no signature (signatures removed?)"
        if signature is not None and not hmac.compare_digest(
                signature, checkpoint_signature(key, position, digest)):
            return position, "checkpoint signature does not match (forged checkpoint?)"
    orphans = set(signatures) - {p for p, _ in log.checkpoints()}
    if orphans:
        return min(orphans), "a signed checkpoint is missing (rows removed)"
    return None, None


def sign_checkpoints(log: Any, key: bytes) -> int:
    """Verify the whole chain and every signature, then sign the checkpoints not yet signed;
    how many were signed. TamperedLog (nothing signed) if anything fails."""
    from .verify import verify

    verify(log, checkpoint_key=key).raise_for_tampering()
    signed = log.checkpoint_signatures()
    new = {p: checkpoint_signature(key, p, h) for p, h in log.checkpoints() if p not in signed}
    if new:
        log.add_checkpoint_signatures(new)
    return len(new)
