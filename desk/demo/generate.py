"""``desk demo``: fill a database with a realistic, reproducible service desk.

One transaction: find or create the people and structure (``reference``), plan the arrival of
``tickets`` tickets over the last 90 days (weekday and business-hours heavy), build them in
chunks — in worker processes for big runs — and bulk-load the rows (``load``). Afterwards the
CMDB and SLA demo data are added by their own modules when they are installed.

Reproducible: the same seed on an empty database gives identical rows, ids included (UUIDv7
from a seeded stream, with the row's own time). A run on a database that already has tickets
continues the ticket numbers, and its random streams are salted with where the counters stood,
so it adds new tickets instead of colliding with the earlier ones.
"""

from __future__ import annotations

import logging
import marshal
import os
import random
import time
from collections import Counter, deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from multiprocessing import get_context
from typing import Any

from sqlalchemy import Connection, and_, case, insert, literal, or_, select, update
from sqlalchemy.exc import DBAPIError

from desk.db.engine import translate_error
from desk.db.session import Database
from desk.demo import load
from desk.demo import vocab as vocab_mod
from desk.demo.life import (
    KIND_CODES,
    KIND_WEIGHTS,
    KINDS,
    ChunkRows,
    ChunkSpec,
    Context,
    D,
    H,
    build_chunk,
    to_millis,
)
from desk.demo.reference import Reference, ensure_reference
from desk.domain.enums import Kind, format_number
from desk.errors import ValidationError
from desk.i18n import _
from desk.models import AuditEntry, Ticket, TicketCounter, TicketEvent
from desk.timeutil import require_aware, utcnow

DAYS = 90
CHUNK = 5000  # tickets per chunk: the unit of work of a worker and of one progress step
WORKERS_FROM = 50_000  # smaller runs are built in this process (no start-up cost)
# Tickets per local hour of the day (relative), and the weekend's share of a weekday.
HOUR_WEIGHTS = (0.15, 0.1, 0.08, 0.08, 0.1, 0.2, 0.45, 1.1, 2.6, 3.6, 3.4, 3.0,
                2.1, 2.7, 3.2, 3.0, 2.5, 1.6, 0.9, 0.6, 0.45, 0.35, 0.25, 0.2)
WEEKEND = 0.15

Progress = Callable[[int, int], None]
log = logging.getLogger(__name__)


class _Phases:
    """Wall time per phase, logged at DEBUG (the benchmark shows them with ``-v``)."""

    def __init__(self) -> None:
        self.last = time.monotonic()

    def __call__(self, name: str) -> None:
        now = time.monotonic()
        log.debug("%-22s %7.2f s", name, now - self.last)
        self.last = now


@dataclass(frozen=True)
class DemoSummary:
    tickets: int
    by_kind: dict[str, int]
    events: int
    worklogs: int
    major_incidents: int
    users: int
    users_new: int
    groups: int
    contacts: int
    contacts_new: int
    organizations_new: int
    categories_new: int
    extras: tuple[str, ...] = field(default=())  # optional demo modules that ran

    def __str__(self) -> str:
        kinds = ", ".join(f"{self.by_kind.get(k, 0):,} {k.replace('_', ' ')}" for k in KINDS)
        extras = f"; {', '.join(self.extras)}" if self.extras else ""
        return _("{tickets:,} tickets ({kinds}), {events:,} events, {worklogs:,} worklog "
                 "entries, {users} people in {groups} groups, {contacts:,} requesters"
                 "{extras}").format(
            tickets=self.tickets, kinds=kinds, events=self.events, worklogs=self.worklogs,
            users=self.users, groups=self.groups, contacts=self.contacts, extras=extras)


def generate_demo(db: Database, tickets: int = 20_000, seed: int = 1, locale: str = "en",
                  progress: Progress | None = None, *, now: datetime | None = None,
                  workers: int | None = None, extras: bool = True) -> DemoSummary:
    """Add ``tickets`` demo tickets (and whatever they need) to ``db``.

    ``now`` anchors the 90-day window (default: the current minute; pass it for identical
    data across runs). ``workers`` is the number of processes building rows (default: one per
    CPU for big runs, none for small ones); the data does not depend on it. ``extras``:
    also add the CMDB and SLA demo data when those modules are installed.
    """
    if tickets < 0:
        raise ValidationError(_("The number of tickets must be 0 or more"), field="tickets")
    vocab_mod.load(locale)
    now = require_aware(now, "now") if now is not None else utcnow().replace(second=0,
                                                                              microsecond=0)
    report = progress or (lambda done, total: None)
    if workers is None:
        workers = min(2, os.cpu_count() or 1) if tickets >= WORKERS_FROM else 0

    phase = _Phases()
    try:
        with db.engine.connect() as conn:
            undo_settings = load.prepare_connection(conn)
            try:
                with conn.begin():
                    summary = _load(conn, tickets, seed, locale, now, workers, report, phase)
                phase("commit")
            finally:
                undo_settings()
    except DBAPIError as err:
        # Nothing was written (one transaction); say why in the user's terms.
        raise translate_error(err, db.target) from err
    ran = _extras(db, seed, locale) if extras else ()
    if extras:
        phase("cmdb/sla extras")
    report(tickets, tickets)
    return DemoSummary(**{**summary.__dict__, "extras": ran})


@dataclass(frozen=True)
class Plan:
    """What a run will write: the context every chunk shares and the chunks' specs."""

    ctx: Context
    specs: list[ChunkSpec]
    counters: dict[str, int]
    reference: Reference


def plan_demo(conn: Connection, tickets: int, seed: int, locale: str,
              now: datetime) -> Plan:
    """Find or create the reference data and plan the tickets (inside the caller's
    transaction). Deterministic for a given database state, seed, locale and ``now``."""
    counters = _counters(conn)
    salt = ":".join(str(counters[k]) for k in KINDS)
    ref = ensure_reference(conn, locale, now, tickets)
    now_ms = to_millis(now)
    offset = ref_offset(locale)
    slot_start, counts = _arrivals(tickets, now_ms, seed, salt, offset)
    ctx = Context(locale, now_ms, offset, ref.groups, ref.categories, ref.contacts,
                  ref.matrix, slot_start, counts)
    return Plan(ctx, list(_specs(tickets, seed, salt, counters)), counters, ref)


def _load(conn: Connection, n: int, seed: int, locale: str, now: datetime, workers: int,
          report: Progress, phase: Callable[[str], None]) -> DemoSummary:
    load.start_transaction(conn)
    plan = plan_demo(conn, n, seed, locale, now)
    ctx, specs, counters, ref = plan.ctx, plan.specs, plan.counters, plan.reference
    phase("reference data, plan")

    fulltext = _fulltext()
    # SQLite: the search index is fed chunk by chunk while the rows are written (the workers
    # build the documents) instead of one single-core pass over the tables at the end; for a
    # big load into empty tables by another process (``desk.demo.search_index``).
    feed = fulltext is not None and conn.dialect.name == "sqlite"
    if fulltext is not None:
        fulltext.suspend_for_bulk_load(conn, feed=feed)
    empty = load.table_is_empty(conn, "tickets")
    suspended = load.suspend(conn) if empty else None
    writer = load.loader(conn)
    encode = conn.dialect.name == "postgresql"
    index = _document_index(conn, empty and workers > 0) if feed else None
    rowid = fulltext.next_rowid(conn) if index is not None else 0
    done = events = worklogs = majors = 0
    phase("suspend indexes")
    waited = 0.0
    chunks = _chunks(ctx, specs, workers, encode, feed)
    try:
        while True:
            started = time.monotonic()
            rows = next(chunks, None)
            waited += time.monotonic() - started
            if rows is None:
                break
            writer.write(rows)
            if index is not None and rows.docs is not None:
                index.add(rowid, rows.docs)
                rowid += len(rows.docs)
            done += rows.sizes[0]
            events += rows.sizes[1]
            worklogs += rows.sizes[2]
            majors += rows.sizes[3]
            report(min(done, n - 1), n)
        log.debug("waited for rows         %7.2f s", waited)
        phase("build and write rows")
        _audit_rows(conn, counters, empty)
        phase("audit rows")
        if suspended is not None:
            load.restore(conn, suspended)  # meanwhile a side indexer catches up
        phase("recreate indexes")
        if index is not None:
            index.finish()
            phase("search index done")
    finally:
        chunks.close()  # on an error: stop the workers now, not when this frame is collected
        if index is not None:
            index.close()
    if fulltext is not None:
        fed = index is not None and fulltext.next_rowid(conn) == rowid
        if index is not None and not fed:  # tickets got other rowids: index from the tables
            log.warning("search index fed with unexpected rowids; rebuilding it")
        fulltext.rebuild_after_bulk_load(conn, fed=fed)
        phase("full-text triggers" if fed else "full-text rebuild")

    by_kind = Counter()
    for spec in specs:
        for code, k in zip(KIND_CODES, KINDS, strict=True):
            by_kind[k] += spec.kinds.count(code)
    for k in KINDS:
        conn.execute(update(TicketCounter).where(TicketCounter.kind == k)
                     .values(next_number=counters[k] + by_kind[k]))
    if n:
        load.analyze(conn)
    phase("counters, analyze")
    return DemoSummary(
        tickets=n, by_kind=dict(by_kind), events=events, worklogs=worklogs,
        major_incidents=majors, users=ref.users_total, users_new=ref.users_new,
        groups=len(ref.groups), contacts=len(ref.contacts), contacts_new=ref.contacts_new,
        organizations_new=ref.organizations_new, categories_new=ref.categories_new)


# Ticket events that the ticket service also audits, and the audit field each one is.
_AUDITED = {"created": "created", "status": "status", "group": "group_id",
            "assignee": "assignee_id", "priority": "priority"}


def _audit_rows(conn: Connection, counters: dict[str, int], all_tickets: bool) -> None:
    """The audit rows of the run's tickets, as the ticket service writes them: created (with
    the number), then status, group, assignee and priority changes (what a ticket is created
    with is in its "created" row only; every later call is strictly later). One INSERT …
    SELECT from the events just written, each audit row taking its event's id (reproducible;
    the two tables never share a key), instead of a row per event through Python."""
    e, t = TicketEvent.__table__, Ticket.__table__
    q = (select(e.c.id, e.c.created_at, e.c.actor_id, literal("tickets"), e.c.ticket_id,
                case(_AUDITED, value=e.c.field), e.c.old_value,
                case((e.c.field == "created", t.c.number), else_=e.c.new_value))
         .join_from(e, t, t.c.id == e.c.ticket_id)
         .where(e.c.field.in_(list(_AUDITED)),
                or_(e.c.field == "created", e.c.at > t.c.opened_at)))
    if not all_tickets:  # a run on top of earlier tickets: only this run's numbers
        q = q.where(or_(*(and_(t.c.kind == k, t.c.number >= format_number(Kind(k), counters[k]))
                          for k in KINDS)))
    a = AuditEntry.__table__
    conn.execute(insert(a).from_select(
        [a.c.id, a.c.created_at, a.c.actor_id, a.c.table_name, a.c.record_id, a.c.field,
         a.c.old_value, a.c.new_value], q))


def ref_offset(locale: str) -> int:
    """The demo desk's local time (UTC offset in ms): working hours are local hours."""
    return int(vocab_mod.load(locale).UTC_OFFSET_HOURS * H)


def _counters(conn: Connection) -> dict[str, int]:
    """Where the per-kind ticket numbers stand (locked on PostgreSQL until commit, so
    consoles creating tickets meanwhile wait instead of taking the same numbers)."""
    q = select(TicketCounter.kind, TicketCounter.next_number)
    if conn.dialect.name == "postgresql":
        q = q.with_for_update()
    found = {k: v for k, v in conn.execute(q)}
    missing = [k for k in KINDS if k not in found]
    if missing:
        conn.execute(insert(TicketCounter), [{"kind": k, "next_number": 1} for k in missing])
    return {k: found.get(k, 1) for k in KINDS}


def _arrivals(n: int, now_ms: int, seed: int, salt: str,
              offset: int) -> tuple[int, tuple[int, ...]]:
    """Tickets per hour over the window: weekday- and business-hours-heavy. The last hour
    stays empty so every ticket has had its first touch before "now"."""
    start = now_ms - DAYS * D
    slots = DAYS * 24 - 1
    weights = []
    for s in range(slots):
        local = start + s * H + offset
        day, sod = divmod(local, D)
        w = HOUR_WEIGHTS[sod // H]
        if (day + 3) % 7 >= 5:
            w *= WEEKEND
        weights.append(w)
    rng = random.Random(f"desk-demo-arrivals:{seed}:{salt}")
    counts = [0] * slots
    for s in rng.choices(range(slots), weights, k=n):
        counts[s] += 1
    return start, tuple(counts)


def _specs(n: int, seed: int, salt: str, counters: dict[str, int]) -> Iterator[ChunkSpec]:
    numbers = dict(counters)
    for index, first in enumerate(range(0, n, CHUNK)):
        size = min(CHUNK, n - first)
        rng = random.Random(f"desk-demo-kinds:{seed}:{salt}:{index}")
        kinds = "".join(rng.choices(KIND_CODES, KIND_WEIGHTS, k=size))
        yield ChunkSpec(index, first, kinds, dict(numbers), f"desk-demo:{seed}:{salt}:{index}",
                        last=first + size >= n)
        for code, k in zip(KIND_CODES, KINDS, strict=True):
            numbers[k] += kinds.count(code)


# ---------------------------------------------------------------- building chunks

_worker_ctx: Context | None = None
_worker_encode = False
_worker_docs = False


def _worker_init(ctx: Context, encode: bool, docs: bool) -> None:
    global _worker_ctx, _worker_encode, _worker_docs
    _worker_ctx, _worker_encode, _worker_docs = ctx, encode, docs
    if hasattr(os, "nice"):
        # The process writing to the database is the one that cannot be parallelized: let it
        # have a core whenever it wants one; the builders take what is left.
        os.nice(5)


def _build(ctx: Context, spec: ChunkSpec, encode: bool, docs: bool) -> ChunkRows:
    rows = build_chunk(ctx, spec)
    if docs:
        rows.docs = load.documents(rows)
    return load.encode_copy(rows) if encode else rows


def _worker_build(spec: ChunkSpec) -> bytes:
    """A chunk built in a worker, as ``marshal`` bytes: three times cheaper to serialize
    than pickling the row tuples, and this process and the loader share one Python."""
    assert _worker_ctx is not None
    rows = _build(_worker_ctx, spec, _worker_encode, _worker_docs)
    return marshal.dumps((rows.tickets, rows.events, rows.worklogs, rows.sizes, rows.docs))


def _unpack(blob: bytes) -> ChunkRows:
    tickets, events, worklogs, sizes, docs = marshal.loads(blob)
    return ChunkRows(tickets, events, worklogs, None, sizes, docs)


def _chunks(ctx: Context, specs: list[ChunkSpec], workers: int,
            encode: bool, docs: bool) -> Iterator[ChunkRows]:
    """The chunks' rows in order; with workers, built ahead while the caller writes."""
    if workers <= 0 or len(specs) <= 1:
        for spec in specs:
            yield _build(ctx, spec, encode, docs)
        return
    # "spawn": the same on every platform, and no copy of this process's open connections.
    with ProcessPoolExecutor(workers, mp_context=get_context("spawn"),
                             initializer=_worker_init, initargs=(ctx, encode, docs)) as pool:
        ahead: deque[Future[bytes]] = deque()
        pending = iter(specs)
        for spec in pending:
            ahead.append(pool.submit(_worker_build, spec))
            if len(ahead) >= workers * 3:
                break
        while ahead:
            blob = ahead.popleft().result()
            spec = next(pending, None)
            if spec is not None:
                ahead.append(pool.submit(_worker_build, spec))
            yield _unpack(blob)


# ---------------------------------------------------------------- optional parts


def _fulltext() -> Any:
    """``desk.queues.fulltext`` when installed (the search index is optional to the demo)."""
    try:
        from desk.queues import fulltext
    except ImportError:
        return None
    return fulltext


def _document_index(conn: Connection, side: bool) -> Any:
    """Where the chunks' search documents go: a side process for a big load into empty
    tables in a file, else this connection."""
    from desk.demo import search_index

    path = search_index.sqlite_file(conn)
    if side and path is not None:
        return search_index.SideIndex(conn, path)
    return search_index.InlineIndex(conn)


def _extras(db: Database, seed: int, locale: str) -> tuple[str, ...]:
    """CMDB and SLA demo data, from their own modules when those exist. Each runs in its own
    transactions after the tickets are committed; if one fails the others still run, and the
    first error is raised at the end."""
    parts: list[tuple[str, Callable[[], object]]] = []
    try:
        from desk.cmdb.demo import add_demo_cmdb
    except ImportError:
        pass
    else:
        parts.append((_("CMDB"), lambda: add_demo_cmdb(db, seed=seed, locale=locale)))
    try:
        from desk.sla.demo import add_demo_sla
    except ImportError:
        pass
    else:
        parts.append((_("SLA clocks"), lambda: add_demo_sla(db, seed=seed, locale=locale)))
    ran: list[str] = []
    failed: BaseException | None = None
    for name, run in parts:
        try:
            run()
        except Exception as err:
            log.error("demo %s failed: %s", name, err)
            failed = failed or err
        else:
            ran.append(name)
    if failed is not None:
        raise failed
    return tuple(ran)
