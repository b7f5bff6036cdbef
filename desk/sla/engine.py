"""The clock engine on the database: keep ``sla_clocks`` equal to what the event logs say.

Two paths compute the same thing (``desk.sla.clocks``):

- ``refresh_ticket`` runs inside the ticket services' transaction whenever they write an
  event (create, update, bulk update, a public reply), so clocks move with the change that
  moves them.
- ``recompute`` rebuilds many tickets at once — after a policy or calendar change, for the
  demo, from the CLI — reading the events in bulk in ticket order through the driver,
  computing in Python and writing with ``executemany`` (SQLite) or ``COPY`` (PostgreSQL).
  With ``write=False`` it only reports which due instants would move (previews).

A verdict, once given, stays: a stopped clock (met, breached, cancelled) is not rewritten
when a later policy or calendar change would judge the same history differently — only when
the history itself changes (a reopen). Open clocks always follow the configuration in force.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from desk.db.changes import Changes, RowOp, Written
from desk.db.session import Database, changes_of, record
from desk.domain.enums import OPEN_STATUSES, WorklogVisibility
from desk.models.sla import SlaClock
from desk.models.ticket import Ticket, TicketEvent, WorklogEntry
from desk.sla.clocks import (
    CLOCK_FIELDS,
    OPEN_STATES,
    REPLY,
    STOPPED_STATES,
    ClockResult,
    Event,
    compute,
)
from desk.sla.policy import Rules, Target, load_rules
from desk.timeutil import utcnow

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_NAIVE_EPOCH = datetime(1970, 1, 1)
_ONE_US = timedelta(microseconds=1)
_US = 1_000_000

CLOCK_COLUMNS = (
    "ticket_id", "target", "policy_id", "calendar_id", "state", "target_seconds", "started_at",
    "stopped_at", "elapsed_seconds", "remaining_seconds", "due_at", "due_position",
    "warning_at", "breach_at", "paused_reason", "computed_at",
)
_OPEN_SQL = "t.deleted_at IS NULL AND t.status IN ({})".format(
    ", ".join(f"'{s.value}'" for s in sorted(OPEN_STATUSES)))
_FIELDS_SQL = ", ".join(f"'{f}'" for f in CLOCK_FIELDS)
_TARGETS = tuple(t.value for t in Target)
_OPEN_STATES_SQL = ", ".join(f"'{s}'" for s in sorted(OPEN_STATES))  # = OPEN_CLOCK_SQL


def to_us(value: datetime) -> int:
    return (value - _EPOCH) // _ONE_US


def from_us(value: int) -> datetime:
    return _EPOCH + value * _ONE_US


# ---------------------------------------------------------------- one ticket, in its transaction


def refresh_ticket(s: Session, ticket: Ticket, at: datetime) -> None:
    """Bring the clocks of ``ticket`` up to date with its event log, in the caller's
    transaction. ``at`` is the time of the change (the snapshot of running clocks)."""
    rules = load_rules(s)
    existing = {c.target: c for c in s.scalars(
        select(SlaClock).where(SlaClock.ticket_id == ticket.id))}
    if not rules.policies and not existing:
        return
    events = ticket_events(s, ticket.id, rules)
    now = max(to_us(at), events[-1][0] if events else 0)
    policy = rules.match(ticket.kind, ticket.priority, ticket.category_id,
                         ticket.organization_id)
    results = compute(ticket.kind, events, policy, now)
    kept: list[SlaClock] = []
    for r in results:
        row = existing.pop(r.target, None)
        if row is not None and _keeps_verdict(row.state, row.stopped_at, r):
            kept.append(row)
            continue
        if row is None:
            row = SlaClock(ticket_id=ticket.id, target=r.target)
            s.add(row)
        _fill(row, r, now)
        kept.append(row)
    for row in existing.values():
        if row.state in OPEN_STATES:
            s.delete(row)
        else:
            kept.append(row)
    set_warning_at(s, ticket, min((c.warning_at for c in kept
                                   if c.state in OPEN_STATES and c.warning_at is not None),
                                  default=None))


def set_warning_at(s: Session, ticket: Ticket, value: datetime | None) -> None:
    """Keep ``tickets.sla_warning_at`` (the earliest warning of the open clocks) without a
    new ``row_version``: a clock moving is not an edit another agent's save conflicts with."""
    if ticket.sla_warning_at == value:
        return
    t = Ticket.__table__.c
    # (updated_at set to itself: its "on update" default would move the ticket in the queues)
    s.execute(update(Ticket.__table__).where(t.id == ticket.id)
              .values(sla_warning_at=value, updated_at=t.updated_at))
    record(s, "tickets", [ticket.id], RowOp.UPDATE)
    set_committed_value(ticket, "sla_warning_at", value)


def ticket_events(s: Session, ticket_id: uuid.UUID, rules: Rules) -> list[Event]:
    """The events a clock replays, in order (public replies too when a policy needs them)."""
    events: list[Event] = [
        (to_us(r.at), r.field, r.old_value, r.new_value) for r in s.execute(
            select(TicketEvent.at, TicketEvent.field, TicketEvent.old_value,
                   TicketEvent.new_value)
            .where(TicketEvent.ticket_id == ticket_id, TicketEvent.field.in_(CLOCK_FIELDS))
            .order_by(TicketEvent.at, TicketEvent.id))]
    if rules.uses_next_update:
        replies = [(to_us(at), REPLY, None, None) for at in s.scalars(
            select(WorklogEntry.created_at).where(
                WorklogEntry.ticket_id == ticket_id,
                WorklogEntry.visibility == WorklogVisibility.PUBLIC))]
        events = _merge_replies(events, replies)
    return events


def _merge_replies(events: list[Event], replies: list[Event]) -> list[Event]:
    if not replies:
        return events
    # Stable: at equal times the ticket's own events come first.
    return sorted(events + replies, key=lambda e: (e[0], e[1] == REPLY))


def _keeps_verdict(state: str, stopped_at: datetime | None, r: ClockResult) -> bool:
    return (state in STOPPED_STATES and r.state in STOPPED_STATES and stopped_at is not None
            and r.stopped == to_us(stopped_at))


def _fill(row: SlaClock, r: ClockResult, now: int) -> None:
    row.policy_id = r.policy_id  # type: ignore[assignment]
    row.calendar_id = r.calendar_id  # type: ignore[assignment]
    row.state = r.state
    row.target_seconds = r.target_us // _US
    row.started_at = from_us(r.started)
    row.stopped_at = None if r.stopped is None else from_us(r.stopped)
    row.elapsed_seconds = r.elapsed_us / _US
    row.remaining_seconds = r.remaining_us / _US
    row.due_at = None if r.due is None else from_us(r.due)
    row.due_position = None if r.due_position_us is None else r.due_position_us / _US
    row.warning_at = None if r.warning is None else from_us(r.warning)
    row.breach_at = None if r.breach is None else from_us(r.breach)
    row.paused_reason = r.paused_reason
    row.computed_at = from_us(now)


# ---------------------------------------------------------------- many tickets


@dataclass(frozen=True)
class DueMove:
    """How one open clock would change (preview) or changed (apply)."""

    ticket_id: uuid.UUID
    number: str
    target: str
    old_state: str | None
    new_state: str | None
    old_due: datetime | None
    new_due: datetime | None
    old_remaining: float | None  # business seconds
    new_remaining: float | None

    @property
    def due_delta(self) -> float | None:
        """Seconds the due instant moves (positive: later), when both are known."""
        if self.old_due is None or self.new_due is None:
            return None
        return (self.new_due - self.old_due).total_seconds()


@dataclass(frozen=True)
class RecomputeResult:
    tickets: int
    clocks: int  # rows written (or that would be)
    moves: tuple[DueMove, ...]


class _Raw:
    """The driver connection under a session: bulk reads and writes without ORM overhead."""

    def __init__(self, s: Session) -> None:
        s.flush()
        self.pg = s.get_bind().dialect.name == "postgresql"
        self.dbapi = s.connection().connection.driver_connection

    def rows(self, sql: str, params: Sequence[Any] = ()) -> Iterator[tuple[Any, ...]]:
        if self.pg:
            sql = sql.replace("?", "%s")
            with self.dbapi.cursor(name=f"desk_sla_{uuid.uuid4().hex}") as cur:
                cur.itersize = 20_000
                cur.execute(sql, params)
                yield from cur
        else:
            cur = self.dbapi.execute(sql, params)
            try:
                while True:
                    batch = cur.fetchmany(20_000)
                    if not batch:
                        break
                    yield from batch
            finally:
                cur.close()

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        if self.pg:
            with self.dbapi.cursor() as cur:
                cur.execute(sql.replace("?", "%s"), params)
        else:
            self.dbapi.execute(sql, params)

    def executemany(self, sql: str, rows: list[tuple[Any, ...]]) -> None:
        if not rows:
            return
        if self.pg:
            with self.dbapi.cursor() as cur:
                cur.executemany(sql.replace("?", "%s"), rows)
        else:
            self.dbapi.executemany(sql, rows)

    # values as the driver gives and takes them
    def to_us(self) -> Callable[[Any], int]:
        if self.pg:
            return lambda v: (v - _EPOCH) // _ONE_US
        fromiso = datetime.fromisoformat
        return lambda v: (fromiso(v) - _NAIVE_EPOCH) // _ONE_US

    def ts(self) -> Callable[[int | None], Any]:
        if self.pg:
            return lambda us: None if us is None else _EPOCH + us * _ONE_US
        return lambda us: None if us is None else (_NAIVE_EPOCH + us * _ONE_US).isoformat(
            " ", "microseconds")

    def uid(self, value: uuid.UUID) -> Any:
        return value if self.pg else value.hex

    def key(self, value: Any) -> Any:
        """A ticket id as read, normalised for dictionary keys."""
        return value

    def insert_clocks(self, rows: list[tuple[Any, ...]]) -> None:
        if not rows:
            return
        if self.pg:
            with self.dbapi.cursor() as cur, cur.copy(
                    f"COPY sla_clocks ({', '.join(CLOCK_COLUMNS)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            self.dbapi.executemany(
                f"INSERT INTO sla_clocks ({', '.join(CLOCK_COLUMNS)}) "
                f"VALUES ({', '.join('?' * len(CLOCK_COLUMNS))})", rows)


def recompute(db: Database, *, now: datetime | None = None, scope: str = "open",
              calendar_id: uuid.UUID | None = None, write: bool = True,
              rules_factory: Callable[[Session], Rules] | None = None,
              progress: Callable[[int], None] | None = None) -> Written[RecomputeResult]:
    """Rebuild the clocks of many tickets from their event logs, in one transaction.

    ``scope``: ``"open"`` (tickets not resolved or closed — the only ones whose clocks can
    still move) or ``"all"``. ``calendar_id`` narrows to tickets with an open clock on that
    calendar. ``rules_factory`` supplies different rules (a preview of changed policies or
    calendars); with ``write=False`` nothing is written and the moves are reported.
    """
    now_dt = now or utcnow()
    if write:
        with db.write() as s:
            result = recompute_in(s, now_dt, scope=scope, calendar_id=calendar_id, write=True,
                                  rules_factory=rules_factory, progress=progress)
        return Written(result, changes_of(s))
    with db.read() as s:
        return Written(recompute_in(s, now_dt, scope=scope, calendar_id=calendar_id,
                                    write=False, rules_factory=rules_factory,
                                    progress=progress), Changes())


def recompute_in(s: Session, now_dt: datetime, *, scope: str = "open",
                 calendar_id: uuid.UUID | None = None, write: bool = True,
                 rules_factory: Callable[[Session], Rules] | None = None,
                 progress: Callable[[int], None] | None = None) -> RecomputeResult:
    rules = rules_factory(s) if rules_factory is not None else load_rules(s)
    raw = _Raw(s)
    now = to_us(now_dt)
    if scope == "all":
        cond = "t.deleted_at IS NULL"
    elif scope == "open":
        cond = _OPEN_SQL
    else:
        raise ValueError(f"unknown scope {scope!r}")
    params: list[Any] = []
    if calendar_id is not None:
        cond += (" AND t.id IN (SELECT c.ticket_id FROM sla_clocks c WHERE c.calendar_id = ? "
                 f"AND c.state IN ({_OPEN_STATES_SQL}))")
        params.append(raw.uid(calendar_id))

    to_us_ = raw.to_us()
    ts = raw.ts()
    empty = next(raw.rows("SELECT 1 FROM sla_clocks LIMIT 1"), None) is None
    # Existing clocks of the tickets in scope: verdicts to keep, and the "before" of moves.
    existing: dict[tuple[Any, str], tuple[Any, ...]] = {}
    if not empty:
        for r in raw.rows(
                "SELECT c.ticket_id, c.target, c.state, c.stopped_at, c.due_at, "
                "c.remaining_seconds FROM sla_clocks c WHERE c.ticket_id IN "
                f"(SELECT t.id FROM tickets t WHERE {cond})", params):
            existing[(r[0], r[1])] = r
    # What the write below deletes (the loop pops ``existing``).
    open_before = [k for k, r in existing.items() if r[2] in OPEN_STATES] if write else []

    tickets = raw.rows(
        "SELECT t.id, t.number, t.kind, t.priority, t.category_id, t.organization_id, "
        f"t.sla_warning_at FROM tickets t WHERE {cond} ORDER BY t.id", params)
    event_sql = ("SELECT e.ticket_id, e.at, e.field, NULL, e.new_value "
                 f"FROM ticket_events e WHERE e.field IN ({_FIELDS_SQL})")
    if scope != "all" or calendar_id is not None:
        event_sql += f" AND e.ticket_id IN (SELECT t.id FROM tickets t WHERE {cond})"
    # Ties in time keep the index order (insertion order), as the services wrote them.
    events = raw.rows(event_sql + " ORDER BY e.ticket_id, e.at", params)
    replies = None
    if rules.uses_next_update:
        replies = raw.rows(
            "SELECT w.ticket_id, w.created_at FROM worklog_entries w "
            f"WHERE w.visibility = 'public' AND w.ticket_id IN "
            f"(SELECT t.id FROM tickets t WHERE {cond}) ORDER BY w.ticket_id, w.created_at",
            params)

    out: list[tuple[Any, ...]] = []
    changed_stopped: list[tuple[Any, str]] = []
    moves: list[DueMove] = []
    n_tickets = 0
    match = rules.match
    by_category = any(p.categories for p in rules.policies)
    by_organization = any(p.organizations for p in rules.policies)
    pending_event = next(events, None)
    pending_reply = next(replies, None) if replies is not None else None
    ids = {rule.policy_id for p in rules.policies for rule in p.targets}
    ids |= {rule.calendar_id for p in rules.policies for rule in p.targets}
    uid = {i: raw.uid(i) for i in ids}.__getitem__
    computed_at = ts(now)
    warnings: list[tuple[Any, Any]] = []  # (new tickets.sla_warning_at, ticket id)
    for tid, number, kind, priority, category_id, organization_id, warning_at in tickets:
        n_tickets += 1
        evs: list[Event] = []
        while pending_event is not None and pending_event[0] < tid:
            pending_event = next(events, None)
        while pending_event is not None and pending_event[0] == tid:
            e = pending_event
            evs.append((to_us_(e[1]), e[2], e[3], e[4]))
            pending_event = next(events, None)
        if replies is not None:
            reps: list[Event] = []
            while pending_reply is not None and pending_reply[0] < tid:
                pending_reply = next(replies, None)
            while pending_reply is not None and pending_reply[0] == tid:
                reps.append((to_us_(pending_reply[1]), REPLY, None, None))
                pending_reply = next(replies, None)
            evs = _merge_replies(evs, reps)
        category = organization = None
        if by_category and category_id:
            category = category_id if raw.pg else uuid.UUID(category_id)
        if by_organization and organization_id:
            organization = organization_id if raw.pg else uuid.UUID(organization_id)
        policy = match(kind, priority, category, organization)
        results = compute(kind, evs, policy, now) if evs else []
        for r in results:
            old = existing.pop((tid, r.target), None) if not empty else None
            if old is not None:
                if (old[2] in STOPPED_STATES and r.state in STOPPED_STATES
                        and old[3] is not None and to_us_(old[3]) == r.stopped):
                    continue
                if old[2] in STOPPED_STATES:
                    changed_stopped.append((tid, r.target))
            if old is not None or r.state in OPEN_STATES:
                move = _move(tid, number, r, old, to_us_, now)
                if move is not None:
                    moves.append(move)
            out.append((
                tid, r.target, uid(r.policy_id), uid(r.calendar_id),  # type: ignore[arg-type]
                r.state, r.target_us // _US, ts(r.started), ts(r.stopped),
                r.elapsed_us / _US, r.remaining_us / _US, ts(r.due),
                None if r.due_position_us is None else r.due_position_us / _US,
                ts(r.warning), ts(r.breach), r.paused_reason, computed_at))
        first_warning = ts(min((r.warning for r in results
                                if r.state in OPEN_STATES and r.warning is not None),
                               default=None))
        if first_warning != warning_at:
            warnings.append((first_warning, tid))
        if not empty:
            # Open clocks of targets the ticket no longer has (no policy matches now).
            for target in _TARGETS:
                old = existing.pop((tid, target), None)
                if old is not None and old[2] in OPEN_STATES:
                    moves.append(DueMove(_uuid(tid), number, target, old[2], None,
                                         _dt(old[4], to_us_), None, old[5], None))
        if progress is not None and n_tickets % 10_000 == 0:
            progress(n_tickets)
    if write:
        if not empty:
            # Deleted, then inserted again for those in ``out``: the change log nets that out
            # to an update.
            gone = open_before + changed_stopped
            record(s, "sla_clocks", [(_uuid(k[0]), k[1]) for k in gone], RowOp.DELETE,
                   ticket_ids=[_uuid(k[0]) for k in gone])
            raw.execute(f"DELETE FROM sla_clocks WHERE state IN ({_OPEN_STATES_SQL}) AND "
                        f"ticket_id IN (SELECT t.id FROM tickets t WHERE {cond})", params)
            raw.executemany("DELETE FROM sla_clocks WHERE ticket_id = ? AND target = ?",
                            changed_stopped)
        raw.insert_clocks(out)
        # (Raw SQL: neither updated_at nor row_version moves with a clock.)
        raw.executemany("UPDATE tickets SET sla_warning_at = ? WHERE id = ?", warnings)
        record(s, "sla_clocks", [(_uuid(r[0]), r[1]) for r in out], RowOp.INSERT,
               ticket_ids=[_uuid(r[0]) for r in out])
        record(s, "tickets", [_uuid(w[1]) for w in warnings], RowOp.UPDATE)
        s.expire_all()
    if progress is not None:
        progress(n_tickets)
    return RecomputeResult(n_tickets, len(out), tuple(moves))


def _uuid(value: Any) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(value)


def _dt(value: Any, to_us_: Callable[[Any], int]) -> datetime | None:
    return None if value is None else from_us(to_us_(value))


def _move(tid: Any, number: str, r: ClockResult, old: tuple[Any, ...] | None,
          to_us_: Callable[[Any], int], now: int) -> DueMove | None:
    """The move of one clock, or None when nothing a user sees changes."""
    new_due = None if r.due is None else from_us(r.due)
    new_remaining = r.remaining_us / _US
    if old is None:
        return DueMove(_uuid(tid), number, r.target, None, r.state, None, new_due, None,
                       new_remaining)
    old_due = _dt(old[4], to_us_)
    old_state = old[2]
    if old_state == r.state and old_due == new_due and (
            r.state != "paused" or abs((old[5] or 0) - new_remaining) < 1e-6):
        return None
    return DueMove(_uuid(tid), number, r.target, old_state, r.state, old_due, new_due,
                   old[5], new_remaining)
