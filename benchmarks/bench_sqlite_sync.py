"""What ``PRAGMA synchronous = FULL`` costs the embedded database: N ticket saves through the
ticket service (one unit of work each, as the console saves), NORMAL against FULL.

FULL syncs the WAL at every commit, so a power cut cannot take back a save the user saw
succeed; NORMAL syncs only at checkpoints. Each mode gets a fresh SQLite file in a temporary
folder (on the same disk as ``--dir``, default the system's temporary folder: the figure
depends on the disk's sync latency).

Usage: ``python benchmarks/bench_sqlite_sync.py [--saves 1000] [--dir PATH]``
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import event

from desk.db.session import open_database
from desk.domain.enums import Role
from desk.services import people, tickets


def run(mode: str, saves: int, folder: str | None) -> float:
    with tempfile.TemporaryDirectory(prefix="bench_sync_", dir=folder) as tmp:
        db = open_database(str(Path(tmp) / "sync.sqlite3"))
        db.engine.dispose()

        @event.listens_for(db.engine, "connect")
        def _mode(dbapi_conn: object, record: object) -> None:
            dbapi_conn.execute(f"PRAGMA synchronous = {mode}")  # type: ignore[attr-defined]

        try:
            agent, _ = people.create_user(db, "agent", "Agent", Role.AGENT)
            group, _ = people.create_group(db, "Desk")
            people.add_member(db, group.id, agent.id)
            with db.engine.connect() as conn:
                assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == (
                    2 if mode == "FULL" else 1)
            started = time.perf_counter()
            for i in range(saves):
                tickets.create_ticket(db, agent.id, tickets.NewTicket(
                    kind="incident", title=f"Printer jam {i}", group_id=group.id))
            return time.perf_counter() - started
        finally:
            db.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=1000)
    parser.add_argument("--dir", default=None)
    args = parser.parse_args()
    results = {mode: run(mode, args.saves, args.dir) for mode in ("NORMAL", "FULL")}
    for mode, secs in results.items():
        print(f"synchronous={mode:<6} {args.saves:,} saves in {secs:6.2f} s "
              f"({secs / args.saves * 1000:5.2f} ms per save)")
    print(f"FULL / NORMAL: {results['FULL'] / results['NORMAL']:.2f}x")


if __name__ == "__main__":
    main()
