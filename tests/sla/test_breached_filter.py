"""The SLA's filter term that separates breached tickets from those at risk but not yet
breached (the "sla_breached" term with "sla_at_risk")."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desk.queues.service import count, fetch_rows
from desk.queues.spec import Filter, SortSpec, ViewSpec
from desk.services import people
from desk.slaops.queue_views import register_queue_parts, unregister_queue_parts
from desk.timeutil import utcnow
from tests.clock import freeze_queue_clock

from .conftest import Desk, H, M


def terms(breached: bool | None) -> tuple[tuple[str, object], ...]:
    at_risk = (("sla_at_risk", True),)
    return at_risk if breached is None else (*at_risk, ("sla_breached", breached))


def view(breached: bool | None) -> ViewSpec:
    return ViewSpec(f"test:{breached}", "SLA", Filter(open_only=True, my_groups=True,
                                                     terms=terms(breached)),
                    SortSpec("number", False))


@pytest.fixture(autouse=True)
def registered(desk: Desk) -> Iterator[None]:
    """The SLA's terms, as the console registers them at start-up."""
    register_queue_parts(desk.db)
    yield
    unregister_queue_parts()


@pytest.fixture
def tickets(desk: Desk, monkeypatch):
    """Answered P1 incidents on 24×7: 4 h to resolve, at warning after 3 h."""
    def answered(ago):
        t = desk.create(now - ago, impact=1, urgency=1)
        desk.move(t.id, now - ago + 5 * M, status="in_progress")
        return t

    now = freeze_queue_clock(monkeypatch, utcnow())
    late = answered(5 * H)  # an hour past its target
    risky = answered(3 * H + 30 * M)  # past its warning, 30 minutes to go
    answered(30 * M)  # on time: in neither
    return now, late, risky


def test_breached_and_at_risk_are_apart(desk: Desk, tickets) -> None:
    _now, late, risky = tickets
    me = people.current_user(desk.db, desk.team.agent.username)
    assert me is not None
    for breached, expected in ((True, [late]), (False, [risky]), (None, [late, risky])):
        rows = fetch_rows(desk.db, view(breached), me, None, 0, 50)
        assert [r.number for r in rows] == [t.number for t in expected]
        assert count(desk.db, view(breached), me) == len(expected)


def test_a_kept_select_moves_the_ticket_when_it_breaches(desk: Desk, tickets,
                                                         monkeypatch) -> None:
    now, late, risky = tickets
    me = people.current_user(desk.db, desk.team.agent.username)
    assert me is not None
    assert count(desk.db, view(False), me) == 1
    later = now + H  # the risky one is 30 minutes past its target by then
    freeze_queue_clock(monkeypatch, later)
    assert fetch_rows(desk.db, view(False), me, None, 0, 50) == []
    assert [r.number for r in fetch_rows(desk.db, view(True), me, None, 0, 50)] == [
        late.number, risky.number]


def test_the_filter_round_trips_through_json() -> None:
    for value in (True, False, None):
        flt = Filter(terms=terms(value))
        assert Filter.from_dict(flt.to_dict()) == flt
