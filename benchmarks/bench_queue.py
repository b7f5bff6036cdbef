"""Queue engine benchmark: a 1,000,000-ticket demo database on SQLite and PostgreSQL.

Measured in one process, offscreen, with 1100×700 QTableViews set up as the queue pane sets up
its table (``desk.ui.queue.pane.setup_table``, the pane's visible columns and widths), each
measurement starting with the database worker idle:

- *first rows painted*: from ``model.set_view(view)`` until the first page is in the model and
  the table has painted it (``grab()``), for every built-in view; beside the same page through
  ``QSqlQueryModel`` (``setQuery`` of the equivalent single SQL statement with LIMIT 100 until
  the table has painted it, same visible columns) and beside the bare SQL (that statement
  through the DB-API driver). Ratios: model / QSqlQueryModel and model / bare SQL.
- jump to the middle and to the end of the largest view (until the rows there are painted);
- changing the sort column (an indexed one and an unindexed one);
- a full-text search (first rows painted, and the count);
- resident memory (psutil) after scrolling page by page through 300,000 rows.

Targets (SQLite): first rows ≤ 50 ms, ≤ 1.5× QSqlQueryModel, memory ≤ 300 MB;
PostgreSQL: first rows ≤ 100 ms. Each figure is the median of ``--repeat`` runs after one
warm-up run (the first, cold figure is printed beside it).

    .venv/bin/python benchmarks/bench_queue.py [--db /tmp/demo1m.sqlite3]
        [--pg-url postgresql+psycopg://postgres@127.0.0.1:5432/desk_bench_queue] [--no-pg]
        [--no-sqlite] [--parts views,jumps,sorts,search,memory]

A missing database is generated with ``desk demo`` (``--tickets``, default 1,000,000).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import psutil
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtSql import QSqlDatabase, QSqlQuery, QSqlQueryModel
from PySide6.QtWidgets import QApplication, QTableView
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

import desk.models.views  # noqa: F401
from desk.db.session import Database, open_database
from desk.errors import DeskError
from desk.models import GroupMember, Ticket, User
from desk.queues import sql
from desk.queues.builtin import builtin_views
from desk.queues.columns import all_columns
from desk.queues.service import count
from desk.queues.spec import Filter, ViewSpec, search_spec
from desk.services import people
from desk.services.people import CurrentUser
from desk.slaops.admin import start_sla
from desk.timeutil import utcnow
from desk.ui.gc import GuiThreadCollector
from desk.ui.queue.delegates import CellDelegate
from desk.ui.queue.header import HeaderLabels
from desk.ui.queue.model import PAGE, QueueModel
from desk.ui.queue.pane import QueueTable, setup_table, show_columns
from desk.ui.worker import DbRunner

app = QApplication.instance() or QApplication([])
collector = GuiThreadCollector(app)  # garbage collection as in the console (desk/ui/gc.py)
# A view that is empty and cheap to count (an index lookup of a group nobody has).
EMPTY = ViewSpec("empty", "empty", Filter(open_only=True, assignee_ids=(uuid.UUID(int=0),)))
TIMEOUT_MS = 120_000


# ---------------------------------------------------------------- helpers


def wait(signal: Any, done: Callable[[], bool]) -> None:
    """Run the event loop until ``done()`` (checked whenever ``signal`` fires)."""
    if done():
        return
    loop = QEventLoop()

    def check(*_: Any) -> None:
        if done():
            loop.quit()

    signal.connect(check)
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)
    timer.start(TIMEOUT_MS)
    loop.exec()
    signal.disconnect(check)
    if not done():
        raise TimeoutError("benchmark step did not finish in time")


def ms(seconds: float) -> float:
    return seconds * 1000.0


def runs(fn: Callable[[], float], repeat: int) -> tuple[float, float]:
    """(first/cold, median of the next ``repeat``) in ms."""
    first = fn()
    rest = [fn() for _ in range(repeat)]
    return ms(first), ms(statistics.median(rest))


def table(model: Any) -> QTableView:
    """A table set up as the queue pane sets up its own, for either model (the queue model
    in the pane's own table class)."""
    view = QueueTable() if isinstance(model, QueueModel) else QTableView()
    view.setModel(model)
    setup_table(view)
    if isinstance(model, QueueModel):  # the pane's header labels and delegate for it
        HeaderLabels.attach(view)
        view.setItemDelegate(CellDelegate(model.paint_cell, view))
        show_columns(view, model.columns())
    view.resize(1100, 700)
    view.show()
    return view


def pick_user(db: Database) -> CurrentUser:
    """The agent with the most open tickets assigned (a busy agent's queues)."""
    with db.read() as s:
        row = s.execute(
            select(User.username).join(Ticket, Ticket.assignee_id == User.id)
            .join(GroupMember, GroupMember.user_id == User.id)
            .where(Ticket.status.in_(["new", "in_progress"]))
            .group_by(User.username).order_by(func.count().desc()).limit(1)).first()
    user = people.current_user(db, row[0]) if row else None
    if user is None:
        raise SystemExit("no agent with tickets in this database")
    return user


def ensure_demo(url: str, tickets: int) -> Database:
    db = open_database(url)
    with db.read() as s:
        have = s.scalar(select(func.count()).select_from(Ticket)) or 0
    if have < tickets * 0.99:
        from desk.demo.generate import generate_demo

        print(f"[{db.target.display()}: {have:,} tickets; generating {tickets:,} …]",
              flush=True)
        t0 = time.perf_counter()
        try:
            generate_demo(db, tickets=tickets - have)
        except DeskError as err:  # a later part of the demo (e.g. CMDB) may fail: tickets stay
            print(f"[desk demo: {err}]", flush=True)
        print(f"[generated in {time.perf_counter() - t0:.0f} s]", flush=True)
    return db


def ensure_pg_database(url: str) -> None:
    import psycopg

    u = make_url(url)
    params = dict(host=u.host, port=u.port or 5432, user=u.username or "postgres",
                  password=u.password, dbname="postgres", autocommit=True)
    with psycopg.connect(**params) as conn:
        if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s",
                        (u.database,)).fetchone() is None:
            conn.execute(f'CREATE DATABASE "{u.database}"')


# ---------------------------------------------------------------- measurements


class Bench:
    def __init__(self, db: Database, repeat: int) -> None:
        # As the console starts: the SLA columns ("Resolution due in" is shown) and the
        # calendars that "Next SLA due in" (Breaching soon's sort) is worked out with.
        start_sla(db)
        self.db = db
        self.repeat = repeat
        self.runner = DbRunner(db)
        self.me = pick_user(db)
        self.model = QueueModel(self.runner, self.me)
        self.model.failed.connect(self._failed)
        self.view = table(self.model)
        self.qt_db = self._qt_database()
        self.qsql_model: QSqlQueryModel | None = None
        self.qsql_view: QTableView | None = None
        self.rows: list[tuple[str, str, str]] = []

    @staticmethod
    def _failed(message: str) -> None:
        raise SystemExit(f"queue model error: {message}")

    def close(self) -> None:
        self.model.detach()
        self.runner.shutdown()
        self.view.close()
        if self.qsql_view is not None and self.qsql_model is not None:
            self.qsql_view.close()
            self.qsql_model.clear()
            self.qsql_view = self.qsql_model = None
        if self.qt_db is not None:
            name = self.qt_db.connectionName()
            self.qt_db.close()
            self.qt_db = None
            QSqlDatabase.removeDatabase(name)

    def _qt_database(self) -> QSqlDatabase | None:
        t = self.db.target
        if t.is_sqlite:
            qdb = QSqlDatabase.addDatabase("QSQLITE", "bench")
            qdb.setDatabaseName(str(t.sqlite_path))
        else:
            if not QSqlDatabase.isDriverAvailable("QPSQL"):
                return None
            u = t.url
            qdb = QSqlDatabase.addDatabase("QPSQL", "bench")
            qdb.setHostName(u.host or "localhost")
            qdb.setPort(u.port or 5432)
            qdb.setUserName(u.username or "")
            qdb.setPassword(u.password or "")
            qdb.setDatabaseName(u.database or "")
        if not qdb.open():
            print(f"[QSqlDatabase: {qdb.lastError().text()}]")
            return None
        return qdb

    def flat_sql(self, spec: ViewSpec) -> str:
        """The first page of the view as one statement (what the model reads first)."""
        q = sql.flat_select(spec, self.me, self.db.dialect, utcnow(), limit=PAGE)
        return str(q.compile(dialect=self.db.engine.dialect,
                             compile_kwargs={"literal_binds": True}))

    # one view: model, QSqlQueryModel, bare SQL

    def settle(self) -> None:
        """Start each measurement from an idle worker and a painted window, as when an agent
        clicks a view: no count of a previous view queued or running, and no repaint of the
        previous view pending (either would compete with whatever is measured next — the
        repaint for the interpreter lock, with Python calls per header section)."""
        self.model.set_view(EMPTY)
        wait(self.model.countKnown, lambda: self.model.count_known)
        idle = QTimer()
        idle.start(1)
        wait(idle.timeout, lambda: self.runner.pending == 0)
        idle.stop()
        app.processEvents()

    def model_first_rows(self, spec: ViewSpec) -> float:
        self.settle()
        t0 = time.perf_counter()
        self.model.set_view(spec)
        wait(self.model.loaded, lambda: not self.model.loading)
        self.view.grab()
        return time.perf_counter() - t0

    def qsql_first_rows(self, spec: ViewSpec) -> float | None:
        if self.qt_db is None:
            return None
        text = self.flat_sql(spec)
        if self.qsql_view is None:
            # One model and view, reused like the queue model's: a window created per run
            # would be shown and painted (and deleted) inside the next measurement.
            self.qsql_model = QSqlQueryModel()
            self.qsql_view = table(self.qsql_model)
        qmodel, view = self.qsql_model, self.qsql_view
        self.settle()
        t0 = time.perf_counter()
        qmodel.setQuery(QSqlQuery(text, self.qt_db))
        record = qmodel.record()  # the same columns as the queue pane shows
        by_name = {f"c_{c.key}": c for c in all_columns()}
        show_columns(view, [by_name.get(record.fieldName(i)) for i in range(record.count())])
        view.grab()
        elapsed = time.perf_counter() - t0
        if qmodel.lastError().isValid():
            raise RuntimeError(qmodel.lastError().text())
        return elapsed

    def bare_sql(self, spec: ViewSpec) -> float:
        text = self.flat_sql(spec)
        self.settle()
        raw = self.db.engine.raw_connection()
        try:
            cur = raw.cursor()
            t0 = time.perf_counter()
            cur.execute(text.replace("%", "%%") if self.db.dialect == "postgresql" else text)
            cur.fetchall()
            elapsed = time.perf_counter() - t0
            cur.close()
        finally:
            raw.close()
        return elapsed

    def views(self) -> None:
        """Model, QSqlQueryModel and bare SQL measured in turns (one of each per round), so
        a slower spell of the machine weighs on all three alike."""
        for spec in builtin_views():
            n = count(self.db, spec, self.me)
            cold = ms(self.model_first_rows(spec))  # warm-up round
            has_qsql = self.qsql_first_rows(spec) is not None
            self.bare_sql(spec)
            model, qsql, bare = [], [], []
            for _ in range(self.repeat):
                model.append(self.model_first_rows(spec))
                if has_qsql:
                    qsql.append(self.qsql_first_rows(spec))
                bare.append(self.bare_sql(spec))
            model_ms, bare_ms = ms(statistics.median(model)), ms(statistics.median(bare))
            text = f"bare SQL {bare_ms:.1f} ms → {model_ms / bare_ms:.2f}×"
            if has_qsql:
                qsql_ms = ms(statistics.median(qsql))  # type: ignore[type-var]
                text = f"QSqlQueryModel {qsql_ms:.1f} ms → {model_ms / qsql_ms:.2f}×; {text}"
            else:
                text = f"QSqlQueryModel n/a; {text}"
            self.rows.append((f"first rows: {spec.name} ({n:,})",
                              f"{model_ms:.1f} ms (cold {cold:.1f})", text))

    def jumps(self, spec: ViewSpec) -> None:
        self.model.set_view(spec)
        wait(self.model.countKnown, lambda: self.model.count_known)
        n = self.model.rowCount()
        for label, row in (("middle", n // 2), ("end", n - 1)):
            def jump(row: int = row) -> float:
                self.view.scrollToTop()
                self.view.grab()
                t0 = time.perf_counter()
                self.view.scrollTo(self.model.index(row, 0))
                self.view.grab()  # paints placeholders and asks for the page
                wait(self.model.dataChanged, lambda: self.model.row_at(row) is not None)
                self.view.grab()
                return time.perf_counter() - t0
            cold, med = runs(jump, self.repeat)
            self.rows.append((f"jump to the {label} of {spec.name} ({n:,})",
                              f"{med:.1f} ms (cold {cold:.1f})", ""))

    def sorts(self, spec: ViewSpec) -> None:
        for key in ("created", "title"):
            col = self.model.column_index(key)

            def resort(col: int = col) -> float:
                self.model.set_view(spec)
                wait(self.model.countKnown, lambda: self.model.count_known)
                t0 = time.perf_counter()
                self.model.sort(col)
                wait(self.model.loaded, lambda: not self.model.loading)
                self.view.grab()
                return time.perf_counter() - t0
            cold, med = runs(resort, max(1, self.repeat // 2))
            note = "indexed" if key == "created" else "no index: full sort"
            self.rows.append((f"sort {spec.name} by {key}", f"{med:.1f} ms (cold {cold:.1f})",
                              note))

    def search(self, words: list[str]) -> None:
        for word in words:
            spec = search_spec(word)
            cold, med = runs(lambda s=spec: self.model_first_rows(s), self.repeat)
            t0 = time.perf_counter()
            n = count(self.db, spec, self.me)
            counted = ms(time.perf_counter() - t0)
            self.rows.append((f"full-text search '{word}' ({n:,} matches)",
                              f"{med:.1f} ms (cold {cold:.1f})", f"count {counted:.0f} ms"))

    def memory(self, spec: ViewSpec, rows: int = 300_000) -> None:
        self.model.set_view(spec)
        wait(self.model.countKnown, lambda: self.model.count_known)
        rows = min(rows, self.model.rowCount())
        t0 = time.perf_counter()
        for row in range(0, rows, PAGE):
            self.view.scrollTo(self.model.index(row, 0), QTableView.ScrollHint.PositionAtTop)
            self.view.grab()
            wait(self.model.dataChanged, lambda r=row: self.model.row_at(r) is not None)
        elapsed = time.perf_counter() - t0
        rss = psutil.Process().memory_info().rss / 2**20
        self.rows.append((f"scroll through {rows:,} rows of {spec.name}",
                          f"RSS {rss:.0f} MB", f"{elapsed:.1f} s, "
                          f"{self.model.cached_rows():,} rows cached at the end"))


PARTS = ("views", "jumps", "sorts", "search", "memory")


def run_backend(title: str, db: Database, repeat: int, words: list[str],
                parts: tuple[str, ...] = PARTS) -> list[tuple]:
    bench = Bench(db, repeat)
    GuiThreadCollector.freeze()  # as the console does once its window is up
    try:
        print(f"\n{title}: {db.target.display()} — as {bench.me.username} "
              f"({len(bench.me.group_ids)} groups)", flush=True)
        largest = next(v for v in builtin_views() if v.key == "builtin:all")
        if "views" in parts:
            bench.views()
        if "jumps" in parts:
            bench.jumps(largest)
        if "sorts" in parts:
            bench.sorts(largest)
        if "search" in parts:
            bench.search(words)
        if "memory" in parts:
            bench.memory(largest)
        return bench.rows
    finally:
        bench.close()


def print_table(title: str, rows: list[tuple]) -> None:
    w0 = max(len(r[0]) for r in rows)
    w1 = max(len(r[1]) for r in rows)
    print(f"\n== {title}")
    for a, b, c in rows:
        print(f"{a:<{w0}}  {b:>{w1}}  {c}")


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--db", default="/tmp/demo1m.sqlite3", help="SQLite file or URL")
    p.add_argument("--pg-url",
                   default="postgresql+psycopg://postgres@127.0.0.1:5432/desk_bench_queue")
    p.add_argument("--no-pg", action="store_true")
    p.add_argument("--no-sqlite", action="store_true")
    p.add_argument("--tickets", type=int, default=1_000_000)
    p.add_argument("--repeat", type=int, default=15)
    p.add_argument("--words", default="printer,vpn,打印",
                   help="comma-separated full-text searches")
    p.add_argument("--parts", default=",".join(PARTS),
                   help=f"comma-separated measurements to run (default: all of {','.join(PARTS)})")
    args = p.parse_args()
    parts = tuple(x for x in args.parts.split(",") if x)
    if unknown := set(parts) - set(PARTS):
        p.error(f"unknown --parts: {', '.join(sorted(unknown))}")
    words = [w for w in args.words.split(",") if w]
    url = args.db if "://" in args.db else f"sqlite:///{Path(args.db).resolve()}"

    results = []
    if not args.no_sqlite:
        db = ensure_demo(url, args.tickets)
        try:
            results.append(("SQLite", run_backend("SQLite", db, args.repeat, words, parts)))
        finally:
            db.dispose()
    if not args.no_pg:
        ensure_pg_database(args.pg_url)
        pg = ensure_demo(args.pg_url, args.tickets)
        if not QSqlDatabase.isDriverAvailable("QPSQL"):
            print("[QPSQL driver unavailable (needs libpq5): PostgreSQL compares to bare SQL "
                  "only]")
        try:
            results.append(("PostgreSQL", run_backend("PostgreSQL", pg, args.repeat, words, parts)))
        finally:
            pg.dispose()
    for title, rows in results:
        print_table(title, rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
