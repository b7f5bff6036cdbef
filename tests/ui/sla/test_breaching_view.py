"""The built-in "Breaching soon" view: at warning and not yet breached, my groups, soonest
first; "SLA breached" beside it, most overdue first."""

from __future__ import annotations

from desk.queues.builtin import builtin_views
from desk.queues.service import count, fetch_rows
from desk.services import people
from desk.timeutil import utcnow
from tests.clock import freeze_queue_clock

from .conftest import H, M, SlaDesk


def test_breaching_soon_lists_my_groups_tickets_at_risk_and_breached_apart(
        sla: SlaDesk, monkeypatch) -> None:
    def answered(at, **kw):  # P1 on 24×7 with the first response given: 4 h to resolve
        t = sla.create(at, impact=1, urgency=1, **kw)
        sla.move(t.id, at + 5 * M, status="in_progress")
        return t

    now = freeze_queue_clock(monkeypatch, utcnow())
    late = answered(now - 5 * H)  # an hour past due
    paused = answered(now - 5 * H)
    sla.move(paused.id, now - 5 * H + 3 * H + 15 * M, status="pending_customer")  # 45 m left
    answered(now - 30 * M)  # on time: not listed
    elsewhere, _ = people.create_group(sla.db, "Field service")
    answered(now - 5 * H, group_id=elsewhere.id)  # not my group
    later = answered(now - 6 * H)  # two hours past due
    soon = answered(now - 3 * H - 30 * M)  # 30 m left
    view = next(v for v in builtin_views() if v.key == "builtin:breaching")
    assert view.name == "Breaching soon"
    me = sla.user()
    rows = fetch_rows(sla.db, view, me, None, 0, 50)
    assert [r.number for r in rows] == [soon.number, paused.number]
    assert count(sla.db, view, me) == 2
    breached = next(v for v in builtin_views() if v.key == "builtin:breached")
    assert breached.name == "SLA breached"
    rows = fetch_rows(sla.db, breached, me, None, 0, 50)
    assert [r.number for r in rows] == [later.number, late.number]
    assert count(sla.db, breached, me) == 2


def test_the_kept_breaching_soon_select_moves_with_the_clock(sla: SlaDesk, monkeypatch) -> None:
    """The views' first-page selects are built once and kept; "at risk as of now", "breached
    as of now" and the time left are worked out at each read, so a ticket joins Breaching
    soon when its warning time passes and moves to SLA breached when its target does."""
    now = utcnow()
    t = sla.create(now - 30 * M, impact=1, urgency=1)  # P1, 24×7: not yet at warning
    sla.move(t.id, now - 25 * M, status="in_progress")
    view = next(v for v in builtin_views() if v.key == "builtin:breaching")
    breached = next(v for v in builtin_views() if v.key == "builtin:breached")
    me = sla.user()
    assert fetch_rows(sla.db, view, me, None, 0, 50) == []

    # Past the warning of the 4-hour resolution target, 30 minutes left.
    freeze_queue_clock(monkeypatch, now + 3 * H)
    rows = fetch_rows(sla.db, view, me, None, 0, 50)
    assert [r.number for r in rows] == [t.number]
    assert 0 < rows[0].extra["sla_next"] <= 30 * 60
    assert fetch_rows(sla.db, breached, me, None, 0, 50) == []
    freeze_queue_clock(monkeypatch, now + 4 * H)  # past the target
    assert fetch_rows(sla.db, view, me, None, 0, 50) == []
    rows = fetch_rows(sla.db, breached, me, None, 0, 50)
    assert [r.number for r in rows] == [t.number]
    assert rows[0].extra["sla_next"] < 0  # breached: time left is negative
    assert count(sla.db, breached, me) == 1
