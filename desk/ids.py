"""Client-generated, time-ordered primary keys (UUIDv7, RFC 9562).

Rows created offline on two machines never collide, and keys sort roughly by creation time,
which keeps B-tree inserts local.
"""

from __future__ import annotations

import os
import threading
import time
import uuid

_lock = threading.Lock()
_last_ms = 0
_seq = 0


def uuid7(ms: int | None = None) -> uuid.UUID:
    """A UUIDv7; within one process keys are strictly increasing for the same millisecond."""
    global _last_ms, _seq
    if ms is None:
        ms = time.time_ns() // 1_000_000
    with _lock:
        if ms == _last_ms:
            _seq += 1
        else:
            _last_ms = ms
            _seq = int.from_bytes(os.urandom(2), "big") & 0x3FF
        seq = _seq & 0xFFF
    rand = int.from_bytes(os.urandom(8), "big") & 0x3FFF_FFFF_FFFF_FFFF
    value = (ms & 0xFFFF_FFFF_FFFF) << 80 | 0x7 << 76 | seq << 64 | 0b10 << 62 | rand
    return uuid.UUID(int=value)


def uuid7_at(ms: int, rand: int) -> uuid.UUID:
    """A UUIDv7 for a given time and caller-supplied randomness (bulk generation)."""
    rand &= (1 << 74) - 1
    value = (ms & 0xFFFF_FFFF_FFFF) << 80 | 0x7 << 76 | (rand >> 62) << 64 | 0b10 << 62 | (
        rand & 0x3FFF_FFFF_FFFF_FFFF
    )
    return uuid.UUID(int=value)
