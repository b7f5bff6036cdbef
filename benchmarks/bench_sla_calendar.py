"""Speed of BusinessCalendar.due() against the businesstimedelta package.

Workload: a Shanghai office calendar (09:00-12:00 and 13:00-18:00, Monday to Friday) with
China's public holidays and make-up working days from the ``holidays`` package; random starts
across 2026 and random targets up to five business days (5 × 8 h).

businesstimedelta has WorkDayRule, LunchTimeRule and HolidayRule but no way to make a weekend
day a working day, so it runs the same inputs on the calendar without the make-up days; the
ratio is taken on that common calendar, and the agreement check uses it too.

Run: .venv/bin/python benchmarks/bench_sla_calendar.py [--n 100000]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock
from pathlib import Path

# Run as a script from a checkout: make the repository's desk package importable.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pytz
from businesstimedelta import BusinessTimeDelta, HolidayRule, LunchTimeRule, Rules, WorkDayRule

from desk.sla.calendar import BusinessCalendar
from desk.sla.holiday_import import apply_holidays, import_holidays

TZ = "Asia/Shanghai"
OFFICE = [["09:00", "12:00"], ["13:00", "18:00"]]
MAX_TARGET = 5 * 8 * 3600
# 2027 is included because a late-December start runs into January, and businesstimedelta's
# HolidayRule fails outright when no later holiday is listed. The package has no 2027 make-up
# days yet, so the two calendars differ only in 2026's six.
YEARS = (2026, 2027)


def build_calendars() -> tuple[BusinessCalendar, BusinessCalendar, list[date], list[date]]:
    holidays, workdays = import_holidays("CN", YEARS)
    base = {"tz": TZ, "hours": {day: OFFICE for day in ("mon", "tue", "wed", "thu", "fri")}}
    full = BusinessCalendar.from_dict(apply_holidays(base, holidays, workdays))
    without_make_up = BusinessCalendar.from_dict(apply_holidays(base, holidays, []))
    return full, without_make_up, holidays, workdays


def build_btd(holidays: list[date]) -> Rules:
    tz = pytz.timezone(TZ)
    weekdays = [0, 1, 2, 3, 4]
    return Rules(
        [
            WorkDayRule(start_time=clock(9), end_time=clock(18), working_days=weekdays, tz=tz),
            LunchTimeRule(start_time=clock(12), end_time=clock(13), working_days=weekdays, tz=tz),
            # A set, so its membership test is as cheap as ours.
            HolidayRule(set(holidays), tz=tz),
        ]
    )


def make_inputs(n: int, seed: int) -> list[tuple[datetime, int]]:
    rng = random.Random(seed)
    year_start = datetime(2025, 12, 31, 16, tzinfo=UTC)  # 2026-01-01 00:00 in Shanghai
    seconds_in_year = 365 * 86_400
    return [
        (year_start + timedelta(seconds=rng.randrange(seconds_in_year)), rng.randint(1, MAX_TARGET))
        for _ in range(n)
    ]


def timed(fn: Callable[[datetime, int], datetime], inputs: list[tuple[datetime, int]]) -> float:
    began = time.perf_counter()
    for start, target in inputs:
        fn(start, target)
    return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="due() computations per run")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--sample", type=int, default=5_000, help="inputs checked for agreement")
    args = parser.parse_args()

    full, common, holidays, workdays = build_calendars()
    rules = build_btd(holidays)
    inputs = make_inputs(args.n, args.seed)

    def btd_due(start: datetime, target: int) -> datetime:
        return start + BusinessTimeDelta(rules, seconds=target)

    print(
        f"Shanghai 09-12 + 13-18 Mon-Fri, CN holidays {YEARS[0]}-{YEARS[-1]}: "
        f"{len(holidays)} holidays, {len(workdays)} make-up days "
        f"({', '.join(d.isoformat() for d in workdays)})"
    )
    print(f"{args.n} due() calls, random starts across 2026, targets 1 s .. {MAX_TARGET} s\n")

    rows = [
        ("desk.sla, with make-up days", timed(full.due, inputs)),
        ("desk.sla, no make-up days", timed(common.due, inputs)),
        ("businesstimedelta, no make-up days", timed(btd_due, inputs)),
    ]
    print(f"{'implementation':<38}{'n':>8}{'seconds':>10}{'µs/op':>10}")
    for name, seconds in rows:
        print(f"{name:<38}{args.n:>8}{seconds:>10.3f}{seconds / args.n * 1e6:>10.2f}")
    ratio = rows[2][1] / rows[1][1]
    print(f"\nratio businesstimedelta / desk.sla on the same calendar: {ratio:.1f}×")
    print(
        f"ratio businesstimedelta / desk.sla with make-up days:    {rows[2][1] / rows[0][1]:.1f}×"
    )
    print("(businesstimedelta cannot express make-up working days)")

    sample = inputs[: args.sample]
    agree = sum(common.due(s, t) == btd_due(s, t) for s, t in sample)
    print(f"\nagreement without make-up days: {agree}/{len(sample)}")
    moved = sum(full.due(s, t) != common.due(s, t) for s, t in sample)
    print(f"due dates that the make-up days move: {moved}/{len(sample)}")


if __name__ == "__main__":
    main()
