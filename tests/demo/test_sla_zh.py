"""A Chinese demo desk runs its SLA clocks on Beijing working days, holidays and 调休 included."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import func, select

from desk.db.session import Database
from desk.models.sla import SlaClock, SlaPolicy
from desk.sla.calendar import BusinessCalendar
from desk.sla.demo import ZH_ALWAYS, ZH_STANDARD, add_demo_sla
from desk.sla.policy import list_calendars
from tests.demo.conftest import demo

NOW = datetime(2026, 3, 20, 4, tzinfo=UTC)  # Friday noon in Beijing


def test_zh_cn_demo_uses_a_beijing_calendar_with_chinese_holidays(sqlite_db: Database) -> None:
    db = sqlite_db
    demo(db, 300, seed=3, locale="zh_CN")
    result = add_demo_sla(db, seed=3, now=NOW, locale="zh_CN").value
    calendars = {c.name: c for c in list_calendars(db)}
    # Only the Beijing calendars: no English UTC calendars beside them for an agent to pick.
    assert set(calendars) == {ZH_STANDARD, ZH_ALWAYS}
    with db.read() as s:
        policies = dict(s.execute(select(SlaPolicy.name, SlaPolicy.id)).all())
        used = set(s.scalars(select(SlaClock.calendar_id).distinct()))
        clocks = s.scalar(select(func.count()).select_from(SlaClock))
    assert set(policies) == {"P1 紧急", "P2 高", "P3 中", "P4 低", "P5 计划"}
    assert result.clocks == clocks == 600
    # The clocks run on the Chinese calendars only.
    assert used == {calendars[ZH_STANDARD].id, calendars[ZH_ALWAYS].id}

    office = BusinessCalendar.from_dict(calendars[ZH_STANDARD].definition)
    assert office.tz == "Asia/Shanghai"

    def beijing(day: str, hour: int) -> datetime:
        return datetime.fromisoformat(f"{day}T{hour:02d}:30:00+08:00").astimezone(UTC)

    assert office.is_business(beijing("2026-03-16", 9))  # a Monday morning in Beijing
    assert not office.is_business(beijing("2026-03-16", 12))  # lunch
    assert not office.is_business(beijing("2026-02-17", 10))  # Spring Festival, a Tuesday
    assert office.is_business(beijing("2026-02-14", 10))  # a Saturday worked instead (调休)
    assert not office.is_business(beijing("2026-03-14", 10))  # an ordinary Saturday
    assert not office.is_business(beijing("2026-10-01", 10))  # National Day
    assert office.is_business(beijing("2026-10-10", 10))  # its make-up Saturday


def test_a_desk_with_policies_keeps_them(sqlite_db: Database) -> None:
    db = sqlite_db
    demo(db, 50, seed=3, locale="en")
    add_demo_sla(db, seed=3, now=NOW)  # the English defaults
    add_demo_sla(db, seed=3, now=NOW, locale="zh_CN")
    with db.read() as s:
        names = set(s.scalars(select(SlaPolicy.name)))
    assert "P1 Critical" in names and "P1 紧急" not in names
    assert ZH_STANDARD not in {c.name for c in list_calendars(db)}
