"""Speed of ``desk demo``: N tickets with their events and worklog, on SQLite and PostgreSQL.

Each backend starts from an empty, migrated database (SQLite: a temporary file; PostgreSQL: a
throwaway database ``desk_bench_demo`` created and dropped here). The clock covers
``generate_demo`` itself — reference data, row building (worker processes for big runs), bulk
load, index rebuild, counters, ANALYZE and, on SQLite, the WAL checkpoint — but not the
optional CMDB/SLA add-ons (``--extras`` times them too). The target from the issue: 1,000,000
tickets on SQLite in under two minutes on a 2-core machine.

Usage: ``python benchmarks/bench_demo.py [--tickets 1000000] [--backends sqlite,postgresql]
[--pg-url postgresql+psycopg://postgres@127.0.0.1:5432/postgres] [--workers N] [--seed S]
[--extras]
[--keep PATH] [-v]``
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy.engine import make_url

from desk.db.session import open_database
from desk.demo.generate import generate_demo

PG_DATABASE = "desk_bench_demo"


def _pg_admin(url: str) -> dict[str, object]:
    u = make_url(url)
    return dict(host=u.host, port=u.port or 5432, user=u.username or "postgres",
                password=u.password, dbname=u.database or "postgres", autocommit=True)


def run(backend: str, n: int, pg_url: str, workers: int | None, extras: bool,
        keep: str | None, seed: int) -> tuple[str, int, int, int, float]:
    tmp = None
    if backend == "sqlite":
        if keep:
            path = Path(keep)
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
        else:
            tmp = tempfile.TemporaryDirectory(prefix="bench_demo_")
            path = Path(tmp.name) / "demo.sqlite3"
        url = f"sqlite:///{path}"
    else:
        import psycopg

        with psycopg.connect(**_pg_admin(pg_url)) as conn:  # type: ignore[arg-type]
            conn.execute(f'DROP DATABASE IF EXISTS "{PG_DATABASE}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{PG_DATABASE}"')
        url = make_url(pg_url).set(database=PG_DATABASE).render_as_string(hide_password=False)
    db = open_database(url)
    last = [0.0]

    def progress(done: int, total: int) -> None:
        now = time.monotonic()
        if now - last[0] > 5 or done == total:
            last[0] = now
            print(f"  {backend}: {done:,}/{total:,} tickets, {now - started:.0f} s",
                  file=sys.stderr)

    try:
        started = time.monotonic()
        summary = generate_demo(db, tickets=n, seed=seed, progress=progress,
                                workers=workers, extras=extras)
        secs = time.monotonic() - started
        if backend == "sqlite":
            size = sum(os.path.getsize(f"{path}{s}") for s in ("", "-wal")
                       if os.path.exists(f"{path}{s}"))
            print(f"  {backend}: file {size / 1e9:.2f} GB", file=sys.stderr)
    finally:
        db.dispose()
        if tmp is not None:
            tmp.cleanup()
        if backend == "postgresql":
            import psycopg

            with psycopg.connect(**_pg_admin(pg_url)) as conn:  # type: ignore[arg-type]
                conn.execute(f'DROP DATABASE IF EXISTS "{PG_DATABASE}" WITH (FORCE)')
    return backend, summary.tickets, summary.events, summary.worklogs, secs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tickets", type=int, default=1_000_000)
    ap.add_argument("--backends", default="sqlite,postgresql")
    ap.add_argument("--pg-url", default="postgresql+psycopg://postgres@127.0.0.1:5432/postgres",
                    help="server (and maintenance database) for the throwaway database")
    ap.add_argument("--workers", type=int, default=None,
                    help="row-building processes (default: generate_demo's choice)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--extras", action="store_true", help="include the CMDB/SLA add-ons")
    ap.add_argument("--keep", metavar="PATH", help="SQLite: write here and keep the file")
    ap.add_argument("-v", "--verbose", action="store_true", help="print the time per phase")
    args = ap.parse_args()
    if args.verbose:
        logging.basicConfig(format="  %(message)s", level=logging.WARNING)
        logging.getLogger("desk.demo").setLevel(logging.DEBUG)
    results = [run(b.strip(), args.tickets, args.pg_url, args.workers, args.extras, args.keep,
                   args.seed) for b in args.backends.split(",") if b.strip()]
    print(f"{'backend':<11}{'tickets':>11}{'events':>13}{'worklogs':>12}{'seconds':>10}"
          f"{'tickets/s':>12}{'rows/s':>12}")
    for backend, tickets, events, worklogs, secs in results:
        rows = tickets + events + worklogs
        print(f"{backend:<11}{tickets:>11,}{events:>13,}{worklogs:>12,}{secs:>10.1f}"
              f"{tickets / secs:>12,.0f}{rows / secs:>12,.0f}")
    print(f"(cpus: {os.cpu_count()}, load average before the last run: "
          f"{', '.join(f'{x:.2f}' for x in os.getloadavg())})")


if __name__ == "__main__":
    main()
