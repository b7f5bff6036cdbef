"""Explaining a clock span by span, and the attainment report with its CSV."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

from desk.sla.policy import STANDARD, find_calendar
from desk.slaops.report import attainment, export_csv, write_csv
from desk.slaops.service import apply_calendar_change, explain

from .conftest import MON, Desk, H, M

FRI = MON + 4 * 24 * H  # Friday 6 March 2026, 09:00


def test_explain_gives_status_outside_hours_and_holiday_reasons(desk: Desk) -> None:
    cal = find_calendar(desk.db, STANDARD)
    apply_calendar_change(desk.db, cal.id, dict(cal.definition, holidays=["2026-03-09"]),
                          now=FRI)
    t = desk.create(FRI + 7 * H)  # Friday 16:00
    desk.move(t.id, FRI + 7 * H + 30 * M, status="in_progress")
    # Tuesday 10:00 (Monday is a holiday): waiting for the customer until 11:00.
    tue = FRI + 4 * 24 * H  # Tuesday 09:00
    desk.move(t.id, tue + H, status="pending_customer")
    desk.move(t.id, tue + 2 * H, status="in_progress")
    spans = explain(desk.db, t.id, "resolution", now=tue + 3 * H)
    got = [(s.start, s.end, s.kind, s.reason, s.status) for s in spans]
    assert got == [
        (FRI + 7 * H, FRI + 8 * H, "running", "business_hours", None),
        (FRI + 8 * H, tue - 33 * H, "paused", "outside_hours", None),  # to Monday 00:00
        (tue - 33 * H, tue - 9 * H, "paused", "holiday", None),  # Monday
        (tue - 9 * H, tue, "paused", "outside_hours", None),  # to Tuesday 09:00
        (tue, tue + H, "running", "business_hours", None),
        (tue + H, tue + 2 * H, "paused", "status", "pending_customer"),
        (tue + 2 * H, tue + 3 * H, "running", "business_hours", None),
    ]
    assert sum(s.counted for s in spans) == 3 * 3600
    assert spans[5].text == "Paused: status Pending: customer"
    assert spans[2].text == "Not counting: holiday"

    fr = explain(desk.db, t.id, "first_response", now=tue)
    assert [(s.kind, s.reason) for s in fr] == [("running", "business_hours"),
                                                ("stopped", "met")]
    assert fr[0].counted == 1800


def test_explain_shows_the_stop_between_resolution_and_reopen(desk: Desk) -> None:
    t = desk.create(MON)
    desk.move(t.id, MON + H, status="resolved", resolution_code="solved")
    desk.move(t.id, MON + 2 * H, status="in_progress")
    spans = explain(desk.db, t.id, "resolution", now=MON + 3 * H)
    assert [(s.kind, s.reason, s.start, s.end) for s in spans] == [
        ("running", "business_hours", MON, MON + H),
        ("stopped", "resolved", MON + H, MON + 2 * H),
        ("running", "business_hours", MON + 2 * H, MON + 3 * H),
    ]


def _history(desk: Desk) -> None:
    """March: two P3 tickets resolved in time, one late; a P1 open and past its target.
    April: one P3 resolved in time. One cancelled ticket (never counted)."""
    for hours in (2, 5):
        t = desk.create(MON)
        desk.move(t.id, MON + H, status="in_progress")
        desk.move(t.id, MON + hours * H, status="resolved", resolution_code="solved")
    late = desk.create(MON)
    desk.move(late.id, MON + H, status="in_progress")
    desk.move(late.id, MON + 4 * 24 * H, status="resolved", resolution_code="solved")  # Friday
    desk.create(MON, impact=1, urgency=1)  # P1, never touched
    april = datetime(2026, 4, 6, 9, tzinfo=UTC)
    t = desk.create(april)
    desk.move(t.id, april + H, status="in_progress")
    desk.move(t.id, april + 2 * H, status="resolved", resolution_code="solved")
    gone = desk.create(MON)
    desk.move(gone.id, MON + 10 * M, status="cancelled")


def test_attainment_numbers_for_a_known_history(desk: Desk) -> None:
    _history(desk)
    now = datetime(2026, 4, 30, tzinfo=UTC)
    rows = attainment(desk.db, now=now)
    got = {(r.month, r.policy, r.target): (r.met, r.breached) for r in rows}
    assert got == {
        ("2026-03", "P1 Critical", "first_response"): (0, 1),
        ("2026-03", "P1 Critical", "resolution"): (0, 1),
        ("2026-03", "P3 Moderate", "first_response"): (3, 0),
        ("2026-03", "P3 Moderate", "resolution"): (2, 1),
        ("2026-04", "P3 Moderate", "first_response"): (1, 0),
        ("2026-04", "P3 Moderate", "resolution"): (1, 0),
    }
    assert {r.group for r in rows} == {desk.team.group.name}
    p3 = next(r for r in rows if r.month == "2026-03" and r.target == "resolution"
              and r.policy == "P3 Moderate")
    assert round(p3.percent, 1) == 66.7

    overall = attainment(desk.db, now=now, by_group=False, by_month=False)
    assert {(r.policy, r.target): (r.met, r.breached) for r in overall}[
        ("P3 Moderate", "resolution")] == (3, 1)
    april = attainment(desk.db, now=now, since=datetime(2026, 4, 1, tzinfo=UTC))
    assert {r.month for r in april} == {"2026-04"}


def test_attainment_csv(desk: Desk, tmp_path) -> None:
    _history(desk)
    now = datetime(2026, 4, 30, tzinfo=UTC)
    buffer = io.StringIO()
    assert write_csv(attainment(desk.db, now=now), buffer) == 6
    lines = list(csv.reader(io.StringIO(buffer.getvalue())))
    assert lines[0] == ["month", "policy", "group", "target", "met", "breached", "total",
                        "attainment_percent"]
    assert ["2026-03", "P3 Moderate", desk.team.group.name, "resolution", "2", "1", "3",
            "66.7"] in lines
    path = tmp_path / "sla.csv"
    assert export_csv(desk.db, path, now=now) == 6
    assert path.read_text(encoding="utf-8-sig") == buffer.getvalue()
