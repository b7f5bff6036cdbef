"""The queue's "remaining business time" columns sort in SQL on both databases."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desk.queues import columns as queue_columns
from desk.queues.service import fetch_rows, rows_for_ids
from desk.queues.spec import Filter, SortSpec, ViewSpec
from desk.services.people import current_user
from desk.slaops.columns import COLUMNS, register_sla_columns
from desk.timeutil import utcnow
from tests.clock import freeze_queue_clock

from .conftest import Desk


@pytest.fixture
def sla_columns(desk: Desk):
    register_sla_columns(desk.db)
    yield
    for c in COLUMNS:
        queue_columns.unregister_column(c.key)


def test_remaining_resolution_time_sorts_and_shows_in_the_queue(desk: Desk, sla_columns,
                                                                 monkeypatch) -> None:
    now = freeze_queue_clock(monkeypatch, utcnow())
    # Created at different times on the 24x7 P1 policy: 4 h to resolve each.
    old = desk.create(now - timedelta(hours=3), impact=1, urgency=1)  # ~1 h left
    late = desk.create(now - timedelta(hours=5), impact=1, urgency=1)  # ~-1 h: breached
    fresh = desk.create(now - timedelta(minutes=10), impact=1, urgency=1)  # ~3 h 50 left
    paused = desk.create(now - timedelta(hours=2), impact=1, urgency=1)
    desk.move(paused.id, now - timedelta(hours=1), status="pending_customer")  # 3 h frozen
    done = desk.create(now - timedelta(hours=1), impact=1, urgency=1)
    desk.move(done.id, now - timedelta(minutes=30), status="in_progress")
    desk.move(done.id, now - timedelta(minutes=20), status="resolved",
              resolution_code="solved")  # no running clock: last

    me = current_user(desk.db, desk.team.agent.username)
    spec = ViewSpec("test", "All", Filter())
    # Read as of ``now`` (a loaded machine takes seconds between the writes and the read).
    monkeypatch.setattr("desk.slaops.columns.utcnow", lambda: now)
    rows = fetch_rows(desk.db, spec, me, SortSpec("sla_resolution", descending=False), 0, 10)
    assert [r.number for r in rows] == [late.number, old.number, paused.number, fresh.number,
                                        done.number]
    left = {r.number: r.extra["sla_resolution"] for r in rows}
    assert left[late.number] == pytest.approx(-3600)
    assert left[old.number] == pytest.approx(3600)
    assert left[paused.number] == 3 * 3600
    assert left[done.number] is None
    # First response: met on the moves, still running (and breached) on the others.
    fr = fetch_rows(desk.db, spec, me, SortSpec("sla_first_response", descending=False), 0, 10)
    assert fr[0].number == late.number
    assert {r.number for r in fr if r.extra["sla_first_response"] is None} == {
        paused.number, done.number}


def test_remaining_time_is_taken_at_execution_not_when_the_query_is_built(db, monkeypatch):
    """The queue model caches its selects; a countdown must still move between fetches."""
    from datetime import timedelta

    from sqlalchemy import select

    from desk.queues.columns import TICKETS
    from desk.sla.policy import ensure_default_sla
    from desk.slaops.columns import remaining_seconds_column
    from tests.factories import make_team, make_ticket

    ensure_default_sla(db)
    team = make_team(db)
    ticket = make_ticket(db, team, impact=1, urgency=1)  # P1: 24×7 calendar
    query = select(remaining_seconds_column("resolution")).where(TICKETS.c.id == ticket.id)
    freeze_queue_clock(monkeypatch, ticket.opened_at)
    with db.read() as s:
        first = s.scalar(query)
    freeze_queue_clock(monkeypatch, ticket.opened_at + timedelta(hours=1))
    with db.read() as s:
        second = s.scalar(query)
    assert first == pytest.approx(4 * 3600)
    assert second == pytest.approx(3 * 3600)


def test_a_calendar_added_after_the_queue_was_shown_counts_down_there_too(
        desk: Desk, sla_columns, monkeypatch) -> None:
    """The queue keeps its built selects; one built before a calendar existed must not show
    the clocks on that calendar as blank."""
    from desk.sla.policy import Policy, Target, TargetSpec, write_calendar, write_policy

    now = freeze_queue_clock(monkeypatch, utcnow())
    me = current_user(desk.db, desk.team.agent.username)
    spec = ViewSpec("test", "All", Filter())
    before = desk.create(now - timedelta(minutes=30), impact=1, urgency=1)
    first = fetch_rows(desk.db, spec, me, None, 0, 10)  # selects built and kept
    with desk.db.read_statements() as s:
        deep = rows_for_ids(s, [before.id])  # what pages deep in a view are read with
    for r in (first[0], deep[0]):
        assert r.number == before.number and r.extra["sla_resolution"] is not None

    with desk.db.write() as s:
        always = write_calendar(s, "Night shift", {
            "tz": "UTC", "hours": {d: [["00:00", "24:00"]] for d in
                                   ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}})
        write_policy(s, Policy("P3 on the night shift", (
            TargetSpec(Target.RESOLUTION.value, 8 * 3600, always),), position=-1,
            priorities=(3,)))
    p3 = desk.create(now - timedelta(hours=1), impact=3, urgency=1)

    with desk.db.read_statements() as s:
        deep = rows_for_ids(s, [p3.id])
    for page in (fetch_rows(desk.db, spec, me, None, 0, 10), deep):
        left = {r.number: r.extra["sla_resolution"] for r in page}
        assert left[p3.number] == pytest.approx(7 * 3600)
