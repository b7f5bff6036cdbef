"""The built-in "Breaching soon" view: at warning or breached, my groups, soonest first."""

from __future__ import annotations

from desk.queues.builtin import builtin_views
from desk.queues.service import count, fetch_rows
from desk.services import people
from desk.timeutil import utcnow

from .conftest import H, M, SlaDesk


def test_breaching_soon_lists_my_groups_tickets_at_risk_soonest_first(sla: SlaDesk) -> None:
    def answered(at, **kw):  # P1 on 24×7 with the first response given: 4 h to resolve
        t = sla.create(at, impact=1, urgency=1, **kw)
        sla.move(t.id, at + 5 * M, status="in_progress")
        return t

    now = utcnow()
    late = answered(now - 5 * H)  # an hour past due
    paused = answered(now - 5 * H)
    sla.move(paused.id, now - 5 * H + 3 * H + 15 * M, status="pending_customer")  # 45 m left
    answered(now - 30 * M)  # on time: not listed
    elsewhere, _ = people.create_group(sla.db, "Field service")
    answered(now - 5 * H, group_id=elsewhere.id)  # not my group
    view = next(v for v in builtin_views() if v.key == "builtin:breaching")
    assert view.name == "Breaching soon"
    me = sla.user()
    rows = fetch_rows(sla.db, view, me, None, 0, 50)
    assert [r.number for r in rows] == [late.number, paused.number]
    assert count(sla.db, view, me) == 2


def test_the_kept_breaching_soon_select_moves_with_the_clock(sla: SlaDesk, monkeypatch) -> None:
    """The view's first-page select is built once and kept; "at risk as of now" and the
    time left are worked out at each read, so a ticket joins the view when its warning
    time passes, and its time left shrinks."""
    now = utcnow()
    t = sla.create(now - 30 * M, impact=1, urgency=1)  # P1, 24×7: not yet at warning
    sla.move(t.id, now - 25 * M, status="in_progress")
    view = next(v for v in builtin_views() if v.key == "builtin:breaching")
    me = sla.user()
    assert fetch_rows(sla.db, view, me, None, 0, 50) == []
    later = now + 4 * H  # past the 4-hour resolution target
    for module in ("desk.slaops.queue_views", "desk.slaops.columns", "desk.queues.service"):
        monkeypatch.setattr(f"{module}.utcnow", lambda: later)
    rows = fetch_rows(sla.db, view, me, None, 0, 50)
    assert [r.number for r in rows] == [t.number]
    assert rows[0].extra["sla_next"] < 0  # breached: time left is negative
    assert count(sla.db, view, me) == 1
