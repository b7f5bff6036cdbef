"""The queue filter that separates breached tickets from those at risk but not yet breached
(``Filter.sla_breached`` with ``sla_at_risk``)."""

from __future__ import annotations

import pytest

from desk.queues import count, fetch_rows
from desk.queues.spec import Filter, SortSpec, ViewSpec
from desk.services import people
from desk.timeutil import utcnow
from tests.clock import freeze_queue_clock

from .conftest import Desk, H, M


def view(breached: bool | None) -> ViewSpec:
    return ViewSpec(f"test:{breached}", "SLA", Filter(open_only=True, my_groups=True,
                                                     sla_at_risk=True, sla_breached=breached),
                    SortSpec("number", False))


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
        flt = Filter(sla_at_risk=True, sla_breached=value)
        assert Filter.from_dict(flt.to_dict()) == flt
