"""SLA data for ``desk demo``: the default calendars and policies, and the tickets' clocks.

Nothing here is random — clocks are derived from the demo tickets' event logs exactly as for
real tickets — so ``seed`` only exists to match the other demo modules' signature. The
clocks are computed by the bulk path of the engine (events read in ticket order, computed in
Python, written with executemany/COPY), in one transaction.

Every ticket's clocks cost about 35-70 µs on these machines (reading the events is half of
it), too much for the demo's two-minute budget at a million tickets. So past
``ALL_TICKETS_UP_TO`` tickets only the open tickets get clocks (the queues need those); the
rest can be filled in later with ``desk sla recompute --all`` (the attainment report counts
only tickets with clocks).

A Chinese demo desk (``zh_CN``) works Beijing hours: its calendars are in Asia/Shanghai, with
the public holidays and make-up workdays (调休) of the demo's years from the ``holidays``
tables, and its calendars and policies have Chinese names. On a database that has SLA
policies already, they are kept.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select, text

from desk.db.changes import Changes, Written
from desk.db.session import Database, changes_of
from desk.models.sla import SlaPolicy
from desk.models.ticket import Ticket
from desk.sla.engine import RecomputeResult, recompute
from desk.sla.holiday_import import apply_holidays, import_holidays
from desk.sla.policy import (
    ALWAYS,
    DEFAULT_POLICIES,
    STANDARD,
    Policy,
    Target,
    TargetSpec,
    ensure_default_sla,
    forget_rules,
    write_calendar,
    write_policy,
)
from desk.timeutil import utcnow

ALL_TICKETS_UP_TO = 200_000
DEMO_DAYS = 90  # how far back the demo's tickets go (``desk.demo.generate.DAYS``)

ZH_STANDARD = "标准工作时间（北京）"
ZH_ALWAYS = "7×24 小时（北京）"
# The default policies' targets, per priority, under Chinese names and calendars.
ZH_POLICY_NAMES = {1: "P1 紧急", 2: "P2 高", 3: "P3 中", 4: "P4 低", 5: "P5 计划"}
_BEIJING_TWIN = {STANDARD: ZH_STANDARD, ALWAYS: ZH_ALWAYS}
_WEEK = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def chinese_calendars(now: datetime) -> dict[str, dict[str, Any]]:
    """Beijing working hours (09:00–12:00, 13:00–18:00: eight hours, as the default policies'
    business day) with China's holidays and make-up workdays from the year the demo's tickets
    start in to the year after now (clocks opened now run into it)."""
    years = range((now - timedelta(days=DEMO_DAYS)).year, now.year + 2)
    days_off, worked = import_holidays("CN", years)
    office = {d: [["09:00", "12:00"], ["13:00", "18:00"]] for d in _WEEK[:5]}
    standard = apply_holidays({"tz": "Asia/Shanghai", "hours": office, "workdays": {}},
                              days_off, worked)
    always = {"tz": "Asia/Shanghai", "hours": {d: [["00:00", "24:00"]] for d in _WEEK}}
    return {ZH_STANDARD: standard, ZH_ALWAYS: always}


def _add_chinese_sla(db: Database, now: datetime) -> Changes:
    calendars = chinese_calendars(now)
    with db.write() as s:
        if s.scalar(select(SlaPolicy.id).limit(1)) is not None:
            return Changes()
        ids = {name: write_calendar(s, name, definition)
               for name, definition in calendars.items()}
        for priority, _name, calendar, response, resolution in DEFAULT_POLICIES:
            cal = ids[_BEIJING_TWIN[calendar]]
            write_policy(s, Policy(
                name=ZH_POLICY_NAMES[priority], position=priority * 10, priorities=(priority,),
                targets=(TargetSpec(Target.FIRST_RESPONSE, response, cal),
                         TargetSpec(Target.RESOLUTION, resolution, cal))))
        forget_rules(s)
    return changes_of(s)


def add_demo_sla(db: Database, seed: int = 1, now: datetime | None = None,
                 all_tickets: bool | None = None,
                 locale: str = "en") -> Written[RecomputeResult]:
    """Make sure the SLA policies exist (Chinese ones for a ``zh_CN`` desk) and compute the
    demo tickets' clocks (all of them, or with ``all_tickets=None`` only the open ones past
    ``ALL_TICKETS_UP_TO`` tickets)."""
    changes = Changes()
    if locale.startswith("zh"):
        changes = _add_chinese_sla(db, now or utcnow())
    changes |= ensure_default_sla(db).changes
    if all_tickets is None:
        with db.read() as s:
            total = s.scalar(select(func.count()).select_from(Ticket)) or 0
        all_tickets = total <= ALL_TICKETS_UP_TO
    result, recomputed = recompute(db, now=now, scope="all" if all_tickets else "open")
    # Planner statistics for the clocks just written: without them PostgreSQL picks a bitmap
    # scan over every open clock for each queue row's SLA cell (83 ms instead of 3.5 ms for
    # a page of "All tickets" on a million tickets) until autovacuum comes round.
    with db.write() as s:
        s.execute(text("ANALYZE sla_clocks"))
    return Written(result, changes | recomputed)
