"""CMDB benchmark: 50,000 CIs and 200,000 relationships on SQLite and PostgreSQL.

Measures, per database:
- the CSV import through ``desk.cmdb.csvio.import_cmdb`` (the ``desk cmdb import`` path),
  and a second import of the same files (must change nothing);
- one impact query (downstream, no depth limit): the first one (loads the in-memory graph),
  then the median / p95 / max over many random starting CIs (warm), and the largest impact;
- for reference, a recursive SQL CTE for the same starts (depth-capped at 6: without a cap a
  CTE does not terminate on cycles, and it reports duplicates per distance);
- the graph reload after a write (another console changed the CMDB);
- the 2-hop graph view: neighbourhood + layout + open-incident counts (worker side) and the
  scene build (GUI side, offscreen).

Usage: ``python benchmarks/bench_cmdb.py [--cis 50000] [--rels 200000] [--starts 200]
[--no-pg]``. PostgreSQL: a throwaway database ``desk_bench_cmdb`` on 127.0.0.1:5432 (user
postgres), created and dropped here.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if sys.version_info < (3, 12):
    # PySide6 6.12.0 on Python 3.11 drops a reference to None on every call of a void C++
    # method (measured: QWidget.setToolTip, QGraphicsItem.setPos, ...), and None's count
    # (~5,000) runs out after a few graph builds: "Fatal Python error: none_dealloc". Python
    # 3.12 made None immortal; here we give it a count that cannot run out.
    import ctypes

    ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import bindparam, select, text

from desk.cmdb import graph
from desk.cmdb.csvio import import_cmdb
from desk.cmdb.settings import touch_graph
from desk.cmdb.vocab import DEFAULT_OUTAGE
from desk.db.session import Database, open_database
from desk.models.cmdb import ConfigurationItem

PG_ADMIN = dict(host="127.0.0.1", port=5432, user="postgres", dbname="postgres",
                autocommit=True)
PG_DB = "desk_bench_cmdb"

# Share of CIs per class: a data-centre estate with its services and desktops.
MIX = (("location", 0.001), ("network_device", 0.02), ("storage", 0.004),
       ("server", 0.10), ("virtual_machine", 0.50), ("database", 0.06),
       ("application", 0.12), ("business_service", 0.015), ("workstation", 0.18))


def generate(folder: Path, n_cis: int, n_rels: int, seed: int = 42) -> tuple[Path, Path]:
    """A layered CMDB with hubs and cycles, written as cis.csv / rels.csv."""
    rng = random.Random(seed)
    by_class: dict[str, list[str]] = {}
    rows = []
    for cls, share in MIX:
        count = max(1, round(n_cis * share))
        for i in range(count):
            name = f"{cls[:3]}-{i:06d}"
            by_class.setdefault(cls, []).append(name)
            rows.append((name, cls, "in_use", "production", rng.randint(1, 4), "",
                         f"bench:{cls}:{i}"))
    rows = rows[:n_cis]
    live = {r[0] for r in rows}
    by_class = {c: [n for n in names if n in live] for c, names in by_class.items()}
    edges: set[tuple[str, str, str]] = set()

    def add(a: str, t: str, b: str) -> None:
        if a != b:
            edges.add((a, t, b))

    loc, net, sto = by_class["location"], by_class["network_device"], by_class["storage"]
    srv, vm, dbs = by_class["server"], by_class["virtual_machine"], by_class["database"]
    app, svc, ws = by_class["application"], by_class["business_service"], by_class["workstation"]
    for x in net + sto + srv:
        add(x, "contained_in", rng.choice(loc))
    for x in net:
        add(x, "connects_to", rng.choice(net))
    for x in srv:
        add(x, "connects_to", rng.choice(net))
        add(x, "connects_to", rng.choice(net))
    for x in vm:
        add(x, "runs_on", rng.choice(srv))
        add(x, "backed_up_by", rng.choice(sto))
        add(x, "connects_to", rng.choice(net))
    for x in dbs:
        for h in rng.sample(vm, 2):
            add(x, "runs_on", h)
    for x in app:
        for h in rng.sample(vm, 3):
            add(x, "runs_on", h)
        for d in rng.sample(dbs, 2):
            add(x, "depends_on", d)
    for x in svc:
        for a in rng.sample(app, 8):
            add(x, "depends_on", a)
    for x in ws:
        add(x, "contained_in", rng.choice(loc))
        add(x, "connects_to", rng.choice(net))
    # Application-to-application calls (with cycles) make up the rest.
    while len(edges) < n_rels:
        add(rng.choice(app), "depends_on", rng.choice(app))
    edge_list = sorted(edges)[:n_rels] if len(edges) > n_rels else sorted(edges)
    cis = folder / "cis.csv"
    rels = folder / "rels.csv"
    with open(cis, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["name", "class", "status", "environment", "criticality", "owner_group",
                    "external_id"])
        w.writerows(rows)
    with open(rels, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["source", "type", "target"])
        w.writerows(edge_list)
    return cis, rels


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def cte_impact(db: Database, start: uuid.UUID, depth: int = 6) -> int:
    types = sorted(str(t) for t, d in DEFAULT_OUTAGE.items() if d.to_source)
    sql = text(
        "WITH RECURSIVE walk(id, d) AS ("
        " SELECT CAST(:start AS " + ("CHAR(32)" if db.dialect == "sqlite" else "uuid") + "), 0"
        " UNION"
        " SELECT r.source_id, w.d + 1 FROM walk w JOIN ci_relationships r"
        "  ON r.target_id = w.id WHERE r.type IN :types AND r.deleted_at IS NULL"
        "  AND w.d < :depth)"
        " SELECT id, min(d) FROM walk GROUP BY id").bindparams(
        bindparam("types", expanding=True))
    start_value = start.hex if db.dialect == "sqlite" else start
    with db.read() as s:
        return len(s.execute(sql, {"start": start_value, "types": types,
                                   "depth": depth}).all())


def run(db: Database, label: str, cis: Path, rels: Path, n_starts: int,
        results: dict[str, dict[str, str]]) -> None:
    r: dict[str, str] = {}
    results[label] = r
    t = time.perf_counter()
    summary = import_cmdb(db, None, cis, rels)
    r["import (50k CIs + 200k rels)"] = f"{time.perf_counter() - t:8.1f} s "
    print(f"[{label}] import: {summary} in {r['import (50k CIs + 200k rels)'].strip()}")
    t = time.perf_counter()
    again = import_cmdb(db, None, cis, rels)
    r["re-import (no change)"] = f"{time.perf_counter() - t:8.1f} s "
    assert again.created == again.updated == again.relationships_created == 0, again
    print(f"[{label}] re-import: {again}")

    with db.read() as s:
        ids = list(s.scalars(select(ConfigurationItem.id)))
    rng = random.Random(7)
    starts = [rng.choice(ids) for _ in range(n_starts)]
    graph.forget_graph(db)
    t = time.perf_counter()
    graph.impact(db, [starts[0]])
    r["first impact query (loads graph)"] = ms(time.perf_counter() - t)
    times = []
    sizes = []
    for s_id in starts:
        t = time.perf_counter()
        res = graph.impact(db, [s_id])
        times.append(time.perf_counter() - t)
        sizes.append(len(res.affected))
    times.sort()
    r["impact query, median (warm)"] = ms(statistics.median(times))
    r["impact query, p95"] = ms(times[int(len(times) * 0.95) - 1])
    r["impact query, max"] = ms(times[-1])
    r["affected CIs: median / max"] = f"{statistics.median(sizes):,.0f} / {max(sizes):,}"
    biggest = starts[sizes.index(max(sizes))]
    t = time.perf_counter()
    graph.impact(db, [biggest], upstream=True)
    r["upstream query (same start)"] = ms(time.perf_counter() - t)

    cte_times = []
    for s_id in starts[:min(30, len(starts))]:
        t = time.perf_counter()
        cte_impact(db, s_id)
        cte_times.append(time.perf_counter() - t)
    r["recursive CTE depth<=6, median (ref.)"] = ms(statistics.median(cte_times))
    r["recursive CTE depth<=6, max (ref.)"] = ms(max(cte_times))

    with db.write() as s:
        touch_graph(s)  # what any CMDB write does
    t = time.perf_counter()
    graph.impact(db, [starts[1]])
    r["impact after a write (reload)"] = ms(time.perf_counter() - t)

    from PySide6.QtWidgets import QApplication

    from desk.cmdb.graph_data import load_graph
    from desk.ui.cmdb.graphview import CiGraphView
    from desk.ui.worker import DbRunner

    app = QApplication.instance() or QApplication([])
    runner = DbRunner(db)
    view = CiGraphView(runner)
    view.resize(1200, 800)
    load_t, build_t, node_counts = [], [], []
    for s_id in starts[:20]:
        t = time.perf_counter()
        data = load_graph(db, s_id, 2)
        load_t.append(time.perf_counter() - t)
        t = time.perf_counter()
        view._seq += 1
        view._build(view._seq, data)
        app.processEvents()
        build_t.append(time.perf_counter() - t)
        node_counts.append(len(data.hood.nodes))
    runner.shutdown()
    r["2-hop graph: worker (hood+layout)"] = ms(statistics.median(load_t))
    r["2-hop graph: scene build"] = ms(statistics.median(build_t))
    r["2-hop graph: nodes median / max"] = (f"{statistics.median(node_counts):,.0f} / "
                                            f"{max(node_counts):,}")
    view.deleteLater()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cis", type=int, default=50_000)
    ap.add_argument("--rels", type=int, default=200_000)
    ap.add_argument("--starts", type=int, default=200)
    ap.add_argument("--no-pg", action="store_true")
    args = ap.parse_args()
    results: dict[str, dict[str, str]] = {}
    with tempfile.TemporaryDirectory(prefix="desk-bench-cmdb-") as tmp:
        folder = Path(tmp)
        t = time.perf_counter()
        cis, rels = generate(folder, args.cis, args.rels)
        print(f"generated {args.cis:,} CIs / {args.rels:,} relationships in "
              f"{time.perf_counter() - t:.1f} s")
        db = open_database(f"sqlite:///{folder / 'bench.sqlite3'}")
        try:
            run(db, "SQLite", cis, rels, args.starts, results)
        finally:
            db.dispose()
        if not args.no_pg:
            import psycopg

            with psycopg.connect(**PG_ADMIN) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{PG_DB}" WITH (FORCE)')
                conn.execute(f'CREATE DATABASE "{PG_DB}"')
            db = open_database(f"postgresql+psycopg://postgres@127.0.0.1:5432/{PG_DB}")
            try:
                run(db, "PostgreSQL", cis, rels, args.starts, results)
            finally:
                db.dispose()
                with psycopg.connect(**PG_ADMIN) as conn:
                    conn.execute(f'DROP DATABASE IF EXISTS "{PG_DB}" WITH (FORCE)')
    labels = list(results)
    keys = list(next(iter(results.values())))
    width = max(len(k) for k in keys)
    print()
    print(f"{'':{width}}  " + "  ".join(f"{lbl:>14}" for lbl in labels))
    for k in keys:
        print(f"{k:{width}}  " + "  ".join(f"{results[lbl].get(k, ''):>14}" for lbl in labels))
    sqlite_median = results["SQLite"]["impact query, median (warm)"]
    print(f"\ntarget: one impact query < 100 ms on SQLite; measured median {sqlite_median.strip()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
