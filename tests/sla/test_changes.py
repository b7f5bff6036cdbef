"""Policy and calendar changes: preview what moves, then apply and recompute from the logs."""

from __future__ import annotations

from dataclasses import replace

import pytest

from desk.errors import ValidationError
from desk.sla.policy import STANDARD, find_calendar, list_policies
from desk.slaops.service import (
    apply_calendar_change,
    apply_policy_change,
    clock_views,
    preview_calendar_change,
    preview_policy_change,
)

from .conftest import MON, Desk, H, M


def due(desk: Desk, ticket_id, target: str = "resolution"):
    return {v.target: v for v in clock_views(desk.db, ticket_id, now=MON + 4 * H)}[target]


def test_policy_change_preview_moves_nothing_until_applied(desk: Desk) -> None:
    open_ = desk.create(MON)
    responded = desk.create(MON)
    desk.move(responded.id, MON + H, status="in_progress")  # first response met after 1 h
    done = desk.create(MON)
    desk.move(done.id, MON + H, status="resolved", resolution_code="solved")
    other = desk.create(MON, impact=1, urgency=1)  # P1: not affected

    p3 = next(p for p in list_policies(desk.db) if p.name == "P3 Moderate")
    # Resolution 3 business days -> 2, first response 2 h -> 30 min.
    stricter = replace(p3, targets=(replace(p3.target("first_response"), seconds=1800),
                                    replace(p3.target("resolution"), seconds=16 * 3600)))
    moves = preview_policy_change(desk.db, stricter, now=MON + 4 * H)
    by = {(m.ticket_id, m.target): m for m in moves}
    assert set(by) == {(open_.id, "first_response"), (open_.id, "resolution"),
                       (responded.id, "resolution")}
    m = by[(open_.id, "resolution")]
    assert m.number == open_.number
    assert m.old_due == MON + 56 * H and m.new_due == MON + 32 * H  # Wed 17:00 → Tue 17:00
    assert m.due_delta == -24 * 3600
    fr = by[(open_.id, "first_response")]
    assert (fr.old_state, fr.new_state) == ("running", "running")
    assert fr.new_due == MON + 30 * M
    # The preview changed nothing.
    assert due(desk, open_.id).due_at == MON + 56 * H

    (saved, applied), changes = apply_policy_change(desk.db, stricter, now=MON + 4 * H)
    assert {(m.ticket_id, m.target) for m in applied} == set(by)
    assert saved.target("resolution").seconds == 16 * 3600
    assert open_.id in changes.ticket_ids
    assert due(desk, open_.id).due_at == MON + 32 * H
    assert due(desk, open_.id, "first_response").breached  # 30 min passed long ago
    # Verdicts given under the old policy stay: 1 h was within the 2 h in force then.
    assert due(desk, responded.id, "first_response").state == "met"
    assert due(desk, done.id).state == "met"
    assert due(desk, other.id).due_at == MON + 4 * H


def test_a_policy_change_can_refuse_bad_input_before_anything_moves(desk: Desk) -> None:
    p3 = next(p for p in list_policies(desk.db) if p.name == "P3 Moderate")
    broken = replace(p3, targets=(replace(p3.target("resolution"), seconds=0),))
    with pytest.raises(ValidationError, match="more than zero"):
        preview_policy_change(desk.db, broken)
    with pytest.raises(ValidationError):
        apply_policy_change(desk.db, replace(p3, targets=()))
    assert next(p for p in list_policies(desk.db) if p.name == "P3 Moderate") == p3


def test_calendar_change_preview_then_apply(desk: Desk) -> None:
    t = desk.create(MON)
    paused = desk.create(MON)
    desk.move(paused.id, MON + 2 * H, status="pending_customer")
    p1 = desk.create(MON, impact=1, urgency=1)  # on the 24x7 calendar: never moves
    cal = find_calendar(desk.db, STANDARD)
    longer = dict(cal.definition)
    longer["hours"] = {d: [["08:00", "18:00"]] for d in ("mon", "tue", "wed", "thu", "fri")}

    moves = preview_calendar_change(desk.db, cal.id, longer, now=MON + 4 * H)
    by = {(m.ticket_id, m.target): m for m in moves}
    assert (p1.id, "resolution") not in by
    m = by[(t.id, "resolution")]
    # 24 h from Monday 09:00 on 10-hour days: Mon 9 h, Tue 10 h, Wed 5 h → Wednesday 13:00.
    assert m.old_due == MON + 56 * H and m.new_due == MON + 52 * H
    # A paused clock has no due instant, and its 2 h between 09:00 and 11:00 stay 2 h.
    assert (paused.id, "resolution") not in by
    assert due(desk, t.id).due_at == MON + 56 * H

    applied, _changes = apply_calendar_change(desk.db, cal.id, longer, now=MON + 4 * H)
    assert {(m.ticket_id, m.target) for m in applied} == set(by)
    assert due(desk, t.id).due_at == MON + 52 * H
    assert find_calendar(desk.db, STANDARD).definition["hours"]["mon"] == [["08:00", "18:00"]]


def test_a_holiday_added_to_the_calendar_moves_due_instants_by_a_day(desk: Desk) -> None:
    t = desk.create(MON)
    cal = find_calendar(desk.db, STANDARD)
    with_holiday = dict(cal.definition, holidays=["2026-03-03"])
    moves = preview_calendar_change(desk.db, cal.id, with_holiday, now=MON + H)
    m = next(m for m in moves if m.ticket_id == t.id and m.target == "resolution")
    assert m.due_delta == 24 * 3600


def test_a_malformed_calendar_is_refused_with_the_field(desk: Desk) -> None:
    from desk.sla.calendar import CalendarError

    cal = find_calendar(desk.db, STANDARD)
    with pytest.raises(CalendarError, match=r"hours\.mon"):
        preview_calendar_change(desk.db, cal.id, {"tz": "UTC", "hours": {"mon": [["9", "5"]]}})
