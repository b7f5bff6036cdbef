"""How long writers wait for each other on one SQLite file: several processes (consoles, a
cron ``desk sla escalate``, an import) each saving tickets through the ticket service as
fast as they can. Prints each writer's saves and its worst and 99th-percentile save time
(what an agent waits for; the work itself takes a few ms, the rest is waiting for the write
lock), and the spread of saves between writers.

Usage: ``python benchmarks/bench_sqlite_writers.py [--writers 4] [--seconds 10]``
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desk.db.session import open_database
from desk.domain.enums import Role
from desk.services import people, tickets


def writer(path: str, group_id: str, agent_id: str, start: float, until: float,
           out: mp.Queue) -> None:  # type: ignore[type-arg]
    import uuid

    db = open_database(path)
    waits: list[float] = []
    time.sleep(max(0.0, start - time.time()))
    saves = 0
    while time.time() < until:
        started = time.perf_counter()
        tickets.create_ticket(db, uuid.UUID(agent_id), tickets.NewTicket(
            kind="incident", title=f"Printer jam {saves}", group_id=uuid.UUID(group_id)))
        waits.append(time.perf_counter() - started)
        saves += 1
    db.dispose()
    out.put((saves, waits))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench_writers_") as tmp:
        path = str(Path(tmp) / "w.sqlite3")
        db = open_database(path)
        agent, _ = people.create_user(db, "agent", "Agent", Role.AGENT)
        group, _ = people.create_group(db, "Desk")
        people.add_member(db, group.id, agent.id)
        db.dispose()
        out: mp.Queue = mp.Queue()  # type: ignore[type-arg]
        start = time.time() + 3  # all together, after the imports
        procs = [mp.Process(target=writer, args=(path, str(group.id), str(agent.id), start,
                                                 start + args.seconds, out))
                 for _ in range(args.writers)]
        for p in procs:
            p.start()
        results = [out.get() for _ in procs]
        for p in procs:
            p.join()
    all_waits: list[float] = []
    for i, (saves, waits) in enumerate(results):
        waits.sort()
        all_waits += waits
        print(f"writer {i}: {saves:5,} saves, worst save {waits[-1] * 1000:7.1f} ms, "
              f"p99 {waits[int(len(waits) * 0.99)] * 1000:6.1f} ms")
    counts = [s for s, _ in results]
    all_waits.sort()
    print(f"all: worst save {all_waits[-1] * 1000:.1f} ms, p99 "
          f"{all_waits[int(len(all_waits) * 0.99)] * 1000:.1f} ms; saves per writer "
          f"min/max {min(counts)}/{max(counts)} (stdev {statistics.pstdev(counts):.1f})")


if __name__ == "__main__":
    main()
