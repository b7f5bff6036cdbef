"""The Qt-free helpers behind the SLA views, on both databases."""

from __future__ import annotations

import json
from datetime import date

import pytest

from desk.errors import DeskError
from desk.queues.service import fetch_rows
from desk.queues.spec import Filter, SortSpec, ViewSpec
from desk.sla.calendar import CalendarError
from desk.slaops import admin
from desk.slaops.queue_cells import BREACHED, OK, WARNING, ClockFacts, facts_key

from .conftest import MON, H, M, SlaDesk


def test_queue_rows_carry_clock_facts_that_count_down(sla: SlaDesk) -> None:
    running = sla.create(MON - 3 * H, impact=1, urgency=1)  # P1 24×7: 4 h to resolve
    paused = sla.create(MON - 2 * H, impact=1, urgency=1)
    sla.move(paused.id, MON - H, status="pending_customer")
    me = sla.user()
    rows = fetch_rows(sla.db, ViewSpec("t", "All", Filter()), me,
                      SortSpec("number", descending=False), 0, 10)
    by_number = {r.number: r for r in rows}
    key = "sla_resolution"
    facts = ClockFacts.from_raw(by_number[running.number].extra[facts_key(key)])
    assert facts is not None and facts.state == "running"
    cell = facts.at(None, MON)
    assert cell is not None and cell.remaining == pytest.approx(3600)
    assert cell.level == WARNING  # 75 % of 4 h passed at MON - 1 h
    assert facts.at(None, MON - 2 * H).level == OK
    late = facts.at(None, MON + 65 * M)
    assert late.level == BREACHED and late.remaining == pytest.approx(-300)

    p = by_number[paused.number]
    pf = ClockFacts.from_raw(p.extra[facts_key(key)])
    cell = pf.at(p.extra[key], MON + 10 * H)  # frozen while paused
    assert cell.paused and cell.paused_reason == "pending_customer"
    assert cell.remaining == pytest.approx(3 * 3600)
    assert cell.level == OK


def test_calendar_file_round_trip_and_clear_errors(tmp_path) -> None:
    definition = {"tz": "Asia/Shanghai",
                  "hours": {"mon": [["09:00", "12:00"], ["13:00", "18:00"]]},
                  "holidays": ["2026-02-17"], "workdays": {"2026-02-14": [["09:00", "18:00"]]}}
    path = tmp_path / "cn.json"
    admin.write_calendar_file(path, definition)
    back = admin.read_calendar_file(path)
    assert back["workdays"] == {"2026-02-14": [["09:00", "18:00"]]}
    assert back["hours"]["mon"] == [["09:00", "12:00"], ["13:00", "18:00"]]
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(DeskError, match="line 1"):
        admin.read_calendar_file(path)
    path.write_text(json.dumps({"tz": "UTC", "hours": {"mon": [["09:00", "12:00"],
                                                             ["11:00", "13:00"]]}}))
    with pytest.raises(CalendarError) as err:
        admin.read_calendar_file(path)
    assert err.value.field == "hours.mon[1]"


def test_china_holidays_with_make_up_days() -> None:
    proposal = admin.propose_holidays("cn", admin.parse_years("2026"))
    days = dict(proposal.holidays)
    assert date(2026, 2, 17) in days and days[date(2026, 2, 17)]
    assert date(2026, 2, 14) in proposal.workdays  # a Saturday worked before Spring Festival
    with pytest.raises(CalendarError) as err:
        admin.propose_holidays("XX", [2026])
    assert err.value.field == "country"
    assert admin.parse_years("2026-2028, 2030") == [2026, 2027, 2028, 2030]
    with pytest.raises(CalendarError):
        admin.parse_years("next year")


def test_at_risk_tickets_of_my_groups_soonest_first_in_sql(sla: SlaDesk) -> None:
    from sqlalchemy import select

    from desk.queues.columns import TICKETS, QueryContext
    from desk.services import people
    from desk.slaops.queue_views import NEXT_DUE_COLUMN, at_risk_condition

    def answered(at, **kw):  # P1 on 24×7, first response given: only resolution (4 h) runs
        t = sla.create(at, impact=1, urgency=1, **kw)
        sla.move(t.id, at + 5 * M, status="in_progress")
        return t

    now = MON + 5 * H
    late = answered(MON)  # 1 h past due
    warned = answered(MON + 90 * M)  # 30 min left
    answered(MON + 4 * H)  # 1 h used: fine
    paused = answered(MON)
    sla.move(paused.id, MON + 3 * H + 15 * M, status="pending_customer")  # 45 min, frozen
    elsewhere, _ = people.create_group(sla.db, "Field service")
    answered(MON, group_id=elsewhere.id)  # not my group
    done = answered(MON)
    sla.move(done.id, MON + 4 * H + 30 * M, status="resolved", resolution_code="solved",
             resolution_notes="Replaced")  # breached, but stopped
    ctx = QueryContext(sla.db.dialect)
    q = (select(TICKETS.c.number)
         .where(at_risk_condition(now), TICKETS.c.group_id == sla.team.group.id)
         .order_by(*NEXT_DUE_COLUMN.sort(ctx), TICKETS.c.id))
    with sla.db.read() as s:
        numbers = list(s.scalars(q))
    assert numbers == [late.number, warned.number, paused.number]
    assert done.number not in numbers
