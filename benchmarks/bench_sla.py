"""SLA engine speed: due() against businesstimedelta, and recomputing clocks after a change.

(1) 100,000 ``BusinessCalendar.due()`` calls on the Shanghai calendar with China's 2026
    holidays and make-up days, beside businesstimedelta (the workload and code of
    ``bench_sla_calendar.py``, imported).
(2) Recompute every clock of 100,000 open tickets after a calendar change, on SQLite: the
    tickets and their event logs are bulk-loaded here (raw executemany, the texts SQLAlchemy
    stores), their clocks computed once, then the "Standard business hours" calendar gets
    longer hours — timed as preview (nothing written) and as apply (saved and recomputed in
    one transaction).

Run: .venv/bin/python benchmarks/bench_sla.py [--n 100000] [--btd-n 100000] [--tickets 100000]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_sla_calendar as calbench
from businesstimedelta import BusinessTimeDelta

from desk.db.session import open_database
from desk.domain.priority import PriorityMatrix
from desk.ids import uuid7_at
from desk.models.base import sqlite_timestamp
from desk.sla.policy import STANDARD, ensure_default_sla, find_calendar
from desk.slaops.service import apply_calendar_change, preview_calendar_change

TICKET_COLUMNS = ("id", "row_version", "created_at", "updated_at", "kind", "number", "title",
                  "description", "status", "impact", "urgency", "priority", "channel",
                  "major_incident", "opened_at", "first_response_at")
EVENT_COLUMNS = ("id", "created_at", "ticket_id", "at", "field", "old_value", "new_value")


def due_comparison(n: int, btd_n: int, seed: int) -> None:
    full, common, holidays, workdays = calbench.build_calendars()
    rules = calbench.build_btd(holidays)
    inputs = calbench.make_inputs(n, seed)

    def btd_due(start: datetime, target: int) -> datetime:
        return start + BusinessTimeDelta(rules, seconds=target)

    print(f"(1) due(): Shanghai 09-12 + 13-18 Mon-Fri, {len(holidays)} CN holidays, "
          f"{len(workdays)} make-up days; targets up to 5 business days")
    ours_full = calbench.timed(full.due, inputs)
    ours_common = calbench.timed(common.due, inputs)
    theirs = calbench.timed(btd_due, inputs[:btd_n])
    per_theirs = theirs / btd_n
    print(f"    desk.sla with make-up days    {n:>7} calls {ours_full:8.3f} s "
          f"{ours_full / n * 1e6:8.2f} µs/call")
    print(f"    desk.sla without make-up days {n:>7} calls {ours_common:8.3f} s "
          f"{ours_common / n * 1e6:8.2f} µs/call")
    print(f"    businesstimedelta (no make-up) {btd_n:>6} calls {theirs:8.3f} s "
          f"{per_theirs * 1e6:8.2f} µs/call")
    print(f"    ratio businesstimedelta / desk.sla, same calendar: "
          f"{per_theirs / (ours_common / n):.1f}× (target ≥ 5×)")
    agree = sum(common.due(s, t) == btd_due(s, t) for s, t in inputs[:2000])
    print(f"    agreement on the common calendar: {agree}/2000")


def load_open_tickets(db_url: str, n: int, seed: int, now: datetime) -> None:
    """``n`` open tickets with realistic event logs, bulk-inserted in one transaction."""
    rng = random.Random(seed)
    matrix = PriorityMatrix()
    tickets, events = [], []
    for i in range(n):
        opened = now - timedelta(seconds=rng.randrange(10 * 86_400))
        ms = int(opened.timestamp() * 1000)
        tid = uuid7_at(ms, rng.getrandbits(74))
        impact, urgency = rng.randint(1, 3), rng.randint(1, 3)
        t = opened
        log = [(t, "created", None, "new")]
        status = "new"
        first_response = None
        for _step in range(rng.choice((0, 1, 2, 3))):
            t = t + timedelta(seconds=rng.randrange(60, 6 * 3600))
            if t >= now:
                break
            nxt = {"new": "in_progress", "in_progress": "pending_customer",
                   "pending_customer": "in_progress"}[status]
            log.append((t, "status", status, nxt))
            if status == "new":
                first_response = t
                log.append((t, "first_response", None, t.isoformat()))
            status = nxt
        text = sqlite_timestamp(opened)
        tickets.append((tid.hex, 1, text, sqlite_timestamp(t), "incident", f"INC{i + 1:07d}",
                        "Benchmark ticket", "", status, impact, urgency,
                        matrix.priority(impact, urgency), "phone", 0, text,
                        sqlite_timestamp(first_response) if first_response else None))
        for at, field, old, new in log:
            eid = uuid7_at(int(at.timestamp() * 1000), rng.getrandbits(74))
            events.append((eid.hex, sqlite_timestamp(at), tid.hex, sqlite_timestamp(at), field,
                           old, new))
    db = open_database(db_url)
    with db.engine.begin() as conn:
        dbapi = conn.connection.driver_connection
        for table, cols, rows in (("tickets", TICKET_COLUMNS, tickets),
                                  ("ticket_events", EVENT_COLUMNS, events)):
            dbapi.executemany(f"INSERT INTO {table} ({', '.join(cols)}) VALUES "
                              f"({', '.join('?' * len(cols))})", rows)
    db.dispose()


def recompute_after_calendar_change(n: int, seed: int) -> None:
    from desk.sla.engine import recompute

    now = datetime(2026, 3, 20, 12, tzinfo=UTC)
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        began = time.perf_counter()
        load_open_tickets(url, n, seed, now)
        loaded = time.perf_counter() - began
        db = open_database(url)
        ensure_default_sla(db)
        began = time.perf_counter()
        first = recompute(db, now=now, scope="all").value
        initial = time.perf_counter() - began
        cal = find_calendar(db, STANDARD)
        longer = dict(cal.definition)
        longer["hours"] = {d: [["08:00", "18:00"]] for d in ("mon", "tue", "wed", "thu", "fri")}
        began = time.perf_counter()
        preview = preview_calendar_change(db, cal.id, longer, now=now)
        previewed = time.perf_counter() - began
        began = time.perf_counter()
        applied, _changes = apply_calendar_change(db, cal.id, longer, now=now)
        apply_s = time.perf_counter() - began
        db.dispose()
    print(f"\n(2) {n:,} open tickets on SQLite (bulk load {loaded:.1f} s), "
          f"{first.clocks:,} clocks")
    print(f"    compute every clock from the event logs:  {initial:6.2f} s "
          f"({first.clocks / initial:,.0f} clocks/s)")
    print(f"    calendar change, preview ({len(preview):,} moves): {previewed:6.2f} s")
    print(f"    calendar change, apply + recompute ({len(applied):,} clocks moved): "
          f"{apply_s:6.2f} s (target < 10 s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="due() calls of desk.sla")
    parser.add_argument("--btd-n", type=int, default=100_000,
                        help="due() calls of businesstimedelta (about 2 ms each)")
    parser.add_argument("--tickets", type=int, default=100_000, help="open tickets in (2)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--skip-due", action="store_true")
    args = parser.parse_args()
    if not args.skip_due:
        due_comparison(args.n, args.btd_n, args.seed)
    recompute_after_calendar_change(args.tickets, args.seed)


if __name__ == "__main__":
    main()
