"""Column values read back as they were written, on both databases: timestamps as aware UTC
datetimes whatever form the stored text has on SQLite (written by Desk, by the demo's bulk
loader, or by SQL's own clock); ids as ``uuid.UUID`` equal to the written ones."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta, timezone

from sqlalchemy import literal_column, select, text, update

from desk.db.session import Database
from desk.models import Ticket
from desk.models.base import UuidText
from tests.factories import make_team, make_ticket


def test_timestamps_read_back_as_aware_utc(db: Database) -> None:
    team = make_team(db)
    when = datetime(2026, 11, 22, 9, 30, 15, 250_000, tzinfo=timezone(timedelta(hours=8)))
    ticket = make_ticket(db, team, title="clock")
    with db.write() as s:
        s.execute(update(Ticket).where(Ticket.id == ticket.id).values(updated_at=when))
    with db.read() as s:
        got = s.scalar(select(Ticket.updated_at).where(Ticket.id == ticket.id))
    assert got == when and got.tzinfo == UTC and got.hour == 1  # 09:30 +08:00 is 01:30 UTC


def test_sqlite_text_without_fraction_or_with_a_t_reads_as_utc(sqlite_db: Database) -> None:
    team = make_team(sqlite_db)
    ticket = make_ticket(sqlite_db, team, title="clock")
    for stored, expected in (
            ("2026-11-22 09:30:00", datetime(2026, 11, 22, 9, 30, tzinfo=UTC)),
            ("2026-11-22T09:30:00.000001", datetime(2026, 11, 22, 9, 30, 0, 1, tzinfo=UTC))):
        with sqlite_db.write() as s:
            s.execute(text("UPDATE tickets SET updated_at = :v WHERE id = :id"),
                      {"v": stored, "id": ticket.id.hex})
        with sqlite_db.read() as s:
            got = s.scalar(select(Ticket.updated_at).where(Ticket.id == ticket.id))
        assert got == expected and got.tzinfo == UTC, stored


def test_ids_read_back_as_the_uuids_written(db: Database) -> None:
    team = make_team(db)
    tickets = [make_ticket(db, team, title=f"t{i}") for i in range(3)]
    with db.read() as s:
        got = s.execute(select(Ticket.id, Ticket.title).order_by(Ticket.title)).all()
    assert [r.id for r in got] == [t.id for t in tickets]
    for r, t in zip(got, tickets, strict=True):
        assert type(r.id) is uuid.UUID and hash(r.id) == hash(t.id) and str(r.id) == str(t.id)
        assert r.id.version == t.id.version and r.id.int == t.id.int
    assert {r.id: r.title for r in got}[tickets[1].id] == "t1"


def test_sqlite_ids_stored_in_another_form_still_read(sqlite_db: Database) -> None:
    """Desk stores 32 hex digits; text in uuid's other forms reads through ``uuid.UUID``."""
    other = uuid.uuid4()
    with sqlite_db.read() as s:
        for stored in (other.hex, str(other), "{" + str(other) + "}", other.hex.upper()):
            got = s.scalar(select(literal_column(f"'{stored}'", type_=UuidText())))
            assert got == other, stored
