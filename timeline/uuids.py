"""Name-based (version 5) UUIDs as strings, computed as ``str(uuid.uuid5(namespace, name))``
is, without building UUID objects: an article names about a hundred events and entries (pure)."""

from __future__ import annotations

import hashlib
import uuid


def uuid5_str(namespace: uuid.UUID, name: str) -> str:
    """``str(uuid.uuid5(namespace, name))``: SHA-1 of the namespace and the name's UTF-8, with
    the version (5) and RFC 4122 variant bits set."""
    raw = bytearray(hashlib.sha1(namespace.bytes + name.encode("utf-8")).digest()[:16])
    raw[6] = (raw[6] & 0x0F) | 0x50
    raw[8] = (raw[8] & 0x3F) | 0x80
    h = raw.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"
