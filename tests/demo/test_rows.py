"""The text forms the bulk loader writes are exactly what SQLAlchemy and PostgreSQL expect."""

from __future__ import annotations

import random
import uuid
from datetime import UTC, datetime, timedelta

from desk.demo.life import (
    ChunkRows,
    timestamp_text,
    to_datetime,
    to_millis,
    uuid7_hex,
    uuid_text,
)
from desk.demo.load import encode_copy
from desk.ids import uuid7_at
from desk.models.base import sqlite_timestamp


def test_uuid7_hex_is_uuid7_at() -> None:
    rng = random.Random(1)
    for _ in range(2000):
        ms, rand = rng.randrange(1 << 48), rng.getrandbits(74)
        expected = uuid7_at(ms, rand)
        assert uuid7_hex(ms, rand) == expected.hex
        assert uuid_text(expected.hex) == str(expected)
        assert uuid.UUID(uuid7_hex(ms, rand)).version == 7


def test_timestamp_text_is_what_sqlalchemy_stores() -> None:
    rng = random.Random(2)
    start = datetime(2025, 12, 31, 23, 59, tzinfo=UTC)
    for _ in range(2000):
        when = start + timedelta(milliseconds=rng.randrange(90 * 86_400_000))
        t = to_millis(when)
        assert to_datetime(t) == when
        assert timestamp_text(t) == sqlite_timestamp(when)


def test_copy_text_escapes_free_text_and_nulls() -> None:
    ticket = ("a" * 32, 1, "2026-01-01 00:00:00.000000", "2026-01-01 00:00:00.000000",
              "incident", "INC0000001", "Tab\there", "Line 1\nLine 2 \\\\fs01\\share\r",
              "new", 3, 3, 5, None, "phone", None, None, None, None, None, 0,
              "2026-01-01 00:00:00.000000", None, None, None, None, None)
    event = ("b" * 32, "t", "a" * 32, "t", None, "created", None, "new")
    worklog = ("c" * 32, "t", "a" * 32, None, "public", "Hi\tthere\nbye")
    out = encode_copy(ChunkRows([ticket], [event], [worklog]))
    fields = out.tickets.decode().rstrip("\n").split("\t")
    assert len(fields) == len(ticket)
    assert fields[6] == "Tab\\there"
    assert fields[7] == "Line 1\\nLine 2 \\\\\\\\fs01\\\\share\\r"
    assert fields[12] == "\\N" and fields[19] == "f"
    assert out.events.decode() == f"{'b' * 32}\tt\t{'a' * 32}\tt\t\\N\tcreated\t\\N\tnew\n"
    assert out.worklogs.decode().endswith("\tpublic\tHi\\tthere\\nbye\n")
