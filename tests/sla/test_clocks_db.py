"""Clocks through real ticket histories, on SQLite and PostgreSQL.

Histories are built with explicit ``at=`` times on the default policies: P3 is 2 business
hours to first response and 3 business days (24 h) to resolution on Mon-Fri 09-17 UTC; P1 is
15 min / 4 h around the clock.
"""

from __future__ import annotations

from sqlalchemy import func, select

from desk.models.sla import SlaClock
from desk.sla.engine import recompute
from desk.slaops.service import clock_views

from .conftest import MON, Desk, H, M


def views(desk: Desk, ticket_id, at):
    return {v.target: v for v in clock_views(desk.db, ticket_id, now=at)}


def test_a_new_ticket_gets_running_clocks_with_business_due_instants(desk: Desk) -> None:
    t = desk.create(MON + 16 * M)  # Monday 09:16
    v = views(desk, t.id, MON + 76 * M)  # 10:16
    fr, res = v["first_response"], v["resolution"]
    assert fr.state == res.state == "running"
    assert fr.due_at == MON + 2 * H + 16 * M
    assert fr.elapsed == 3600 and fr.remaining == 3600
    # 24 business hours: Monday 09:16 + three 8 h days → Thursday 09:16.
    assert res.due_at == MON + 3 * 24 * H + 16 * M
    assert res.warning_at == MON + 2 * 24 * H + 2 * H + 16 * M  # 75 % = 18 h
    assert fr.calendar_zone == "UTC" and fr.policy_name == "P3 Moderate"


def test_pending_pauses_resolution_but_first_response_is_met_on_leaving_new(desk: Desk) -> None:
    t = desk.create(MON)
    desk.move(t.id, MON + H, status="in_progress")
    desk.move(t.id, MON + 2 * H, status="pending_customer")
    paused = views(desk, t.id, MON + 5 * H)
    assert paused["first_response"].state == "met"
    assert paused["first_response"].elapsed == 3600
    res = paused["resolution"]
    assert res.state == "paused" and res.paused_reason == "pending_customer"
    assert res.due_at is None
    assert res.elapsed == 2 * 3600 and res.remaining == 22 * 3600  # frozen while paused
    assert views(desk, t.id, MON + 50 * H)["resolution"].remaining == 22 * 3600

    desk.move(t.id, MON + 4 * H, status="in_progress")  # 13:00, paused 2 h
    res = views(desk, t.id, MON + 5 * H)["resolution"]
    assert res.state == "running"
    assert res.elapsed == 3 * 3600
    assert res.due_at == MON + 3 * 24 * H + 2 * H  # two hours later than without the pause


def test_a_status_that_pauses_first_response_only_when_the_policy_says_so(desk: Desk) -> None:
    from desk.sla.policy import list_policies
    from desk.slaops.service import apply_policy_change

    p3 = next(p for p in list_policies(desk.db) if p.name == "P3 Moderate")
    fr = p3.target("first_response")
    from dataclasses import replace

    changed = replace(p3, targets=(replace(fr, pause_statuses=frozenset({"new"})),
                                   p3.target("resolution")))
    apply_policy_change(desk.db, changed, now=MON)
    t = desk.create(MON)
    fr_view = views(desk, t.id, MON + H)["first_response"]
    assert fr_view.state == "paused" and fr_view.paused_reason == "new"
    assert views(desk, t.id, MON + H)["resolution"].state == "running"


def test_reopening_a_resolved_ticket_resumes_its_resolution_clock(desk: Desk) -> None:
    t = desk.create(MON)
    desk.move(t.id, MON + H, status="in_progress")
    desk.move(t.id, MON + 3 * H, status="resolved", resolution_code="solved")
    res = views(desk, t.id, MON + 4 * H)["resolution"]
    assert res.state == "met" and res.elapsed == 3 * 3600
    assert res.stopped_at == MON + 3 * H

    desk.move(t.id, MON + 24 * H, status="in_progress")  # Tuesday 09:00: reopened
    res = views(desk, t.id, MON + 25 * H)["resolution"]
    assert res.state == "running"
    assert res.elapsed == 4 * 3600  # 3 h before, 1 h since the reopen
    # 21 h left from Tuesday 09:00: Tue 8 + Wed 8 + Thu 5 → Thursday 14:00.
    assert res.due_at == MON + 3 * 24 * H + 5 * H
    assert views(desk, t.id, MON + 25 * H)["first_response"].state == "met"


def test_first_response_is_met_by_a_public_reply_not_an_internal_note(desk: Desk) -> None:
    t = desk.create(MON)
    desk.reply(t.id, MON + 30 * M, public=False)
    assert views(desk, t.id, MON + H)["first_response"].state == "running"
    desk.reply(t.id, MON + 90 * M)
    fr = views(desk, t.id, MON + 2 * H)["first_response"]
    assert fr.state == "met" and fr.stopped_at == MON + 90 * M and fr.elapsed == 5400


def test_breach_is_detected_while_open_and_judged_when_stopped(desk: Desk) -> None:
    t = desk.create(MON, impact=1, urgency=1)  # P1: 15 min / 4 h, 24x7
    late = views(desk, t.id, MON + 20 * M)["first_response"]
    assert late.state == "running" and late.breached and late.remaining == -300
    assert late.breach_at == MON + 15 * M
    assert not views(desk, t.id, MON + 10 * M)["first_response"].breached

    desk.move(t.id, MON + 30 * M, status="in_progress")
    desk.move(t.id, MON + 5 * H, status="resolved", resolution_code="solved")
    v = views(desk, t.id, MON + 6 * H)
    assert v["first_response"].state == "breached"
    assert v["resolution"].state == "breached"
    assert v["resolution"].breach_at == MON + 4 * H
    assert v["resolution"].remaining == -3600


def test_cancelling_cancels_open_clocks(desk: Desk) -> None:
    t = desk.create(MON)
    desk.move(t.id, MON + H, status="cancelled")
    states = {k: v.state for k, v in views(desk, t.id, MON + 2 * H).items()}
    assert states == {"first_response": "cancelled", "resolution": "cancelled"}


def test_a_priority_change_moves_the_ticket_to_another_policy(desk: Desk) -> None:
    t = desk.create(MON)  # P3
    desk.move(t.id, MON + 10 * M, urgency=3, impact=3)  # P5: 1 business day to respond
    fr = views(desk, t.id, MON + H)["first_response"]
    assert fr.policy_name == "P5 Planning"
    assert fr.due_at == MON + 8 * H  # 8 business hours: Monday at closing time


def test_recompute_from_the_event_logs_reproduces_the_stored_clocks(desk: Desk) -> None:
    a = desk.create(MON)
    desk.move(a.id, MON + H, status="in_progress")
    desk.move(a.id, MON + 2 * H, status="pending_vendor")
    b = desk.create(MON + H, impact=1, urgency=1)
    c = desk.create(MON + 2 * H)
    desk.move(c.id, MON + 3 * H, status="resolved", resolution_code="solved")
    now = MON + 4 * H
    before = {t: views(desk, t, now) for t in (a.id, b.id, c.id)}
    with desk.db.write() as s:
        s.execute(SlaClock.__table__.delete())
    result = recompute(desk.db, now=now, scope="all").value
    assert result.tickets == 3 and result.clocks == 6
    after = {t: views(desk, t, now) for t in (a.id, b.id, c.id)}
    for t in before:
        for target, v in before[t].items():
            w = after[t][target]
            assert (w.state, w.due_at, w.breach_at, w.remaining, w.elapsed) == (
                v.state, v.due_at, v.breach_at, v.remaining, v.elapsed), (t, target)
    with desk.db.read() as s:
        assert s.scalar(select(func.count()).select_from(SlaClock)) == 6
