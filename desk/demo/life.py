"""The life of each demo ticket: plan what agents did, then write the rows the services would
have written for it.

A ticket's life is a list of operations — ``create``, ``update`` (fields and/or a status
transition) and ``worklog`` — each at its own time, as an agent would have made them through
``desk.services.tickets``. ``_Ticket`` applies them with the same rules as that module
(``_apply``/``_transition``/``_worklog``): the same events in the same order with the same
values, ``first_response_at``, ``resolved_at``/``closed_at``/``resolution_code``, the
``row_version`` every update bumps, ``updated_at``. Plans stop at "now", so old tickets are
mostly closed and recent ones are still in the queues.

Everything here is plain Python on ints and strings (times are ms since the epoch, UUIDs
32-digit hex): a million tickets mean ten million events, and every microsecond per row is
ten seconds per run. A chunk
depends only on the context and its spec, never on other chunks, so chunks can be built in
any process, in any order, with identical results.
"""

from __future__ import annotations

import random
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from types import ModuleType
from typing import Any

from desk.demo import names
from desk.demo import vocab as vocab_mod
from desk.domain.enums import NUMBER_DIGITS, Kind

# Times are ints in milliseconds since the epoch: the unit of a UUIDv7, and stored texts can
# be assembled from two cached pieces (minute prefix + "SS.mmm000").
S = 1000
M = 60 * S
H = 60 * M
D = 24 * H
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MASK62 = (1 << 62) - 1
_UUID7_BITS = 0x7 << 76 | 0b10 << 62

KINDS = ("incident", "service_request", "problem", "change")
KIND_CODES = "IRPC"  # one letter per kind in chunk specs
KIND_WEIGHTS = (60, 30, 5, 5)

TICKET_COLUMNS = (
    "id", "row_version", "created_at", "updated_at", "kind", "number", "title", "description",
    "status", "impact", "urgency", "priority", "category_id", "channel", "requester_id",
    "organization_id", "group_id", "assignee_id", "parent_id", "major_incident", "opened_at",
    "first_response_at", "resolved_at", "closed_at", "resolution_code", "resolution_notes",
)
EVENT_COLUMNS = ("id", "created_at", "ticket_id", "at", "actor_id", "field", "old_value",
                 "new_value")
WORKLOG_COLUMNS = ("id", "created_at", "ticket_id", "author_id", "visibility", "body")

Member = tuple[str, str]  # (32-digit hex for columns, canonical text for event values)
_KEEP: Any = object()  # "not part of this update" (None means "set to nothing")
_TERMINAL = frozenset(("closed", "cancelled", "rejected"))
_OPEN, _CLOSE = 8 * H, 18 * H  # working hours, local time
# Minute → "YYYY-MM-DD HH:MM:" for every chunk this process builds; ms in the minute → "SS.fff".
_MINUTES: dict[int, str] = {}
_SECONDS = tuple(f"{s:02d}.{ms:03d}000" for s in range(60) for ms in range(1000))


def uuid7_hex(ms: int, rand: int) -> str:
    """``desk.ids.uuid7_at(ms, rand).hex`` without building a ``UUID`` (tested equal)."""
    rand &= (1 << 74) - 1
    value = (ms & 0xFFFF_FFFF_FFFF) << 80 | _UUID7_BITS | (rand >> 62) << 64 | rand & _MASK62
    return value.to_bytes(16).hex()  # twice as fast as f"{value:032x}"


def uuid_text(hex32: str) -> str:
    """The ``str(uuid.UUID(hex32))`` form the services store in event values."""
    h = hex32
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def to_datetime(t: int) -> datetime:
    return _EPOCH + timedelta(milliseconds=t)


def to_millis(dt: datetime) -> int:
    delta = dt.astimezone(UTC) - _EPOCH
    return (delta.days * 86_400 + delta.seconds) * S + delta.microseconds // 1000


@dataclass(frozen=True, eq=False)  # compared by identity: one object per group per chunk
class GroupRef:
    key: str
    hex: str
    text: str
    name: str
    lead: Member | None
    members: tuple[Member, ...]
    staff: tuple[Member, ...] = ()  # who works the queue: the members but the lead, if any

    def __post_init__(self) -> None:
        if not self.staff:
            staff = tuple(m for m in self.members if m != self.lead) or self.members
            object.__setattr__(self, "staff", staff)


@dataclass(frozen=True)
class Context:
    """Everything a chunk needs, small and picklable (it travels to worker processes)."""

    locale: str
    now: int  # ms
    utc_offset: int  # ms
    groups: Mapping[str, GroupRef]
    categories: Mapping[tuple[str, str], str]
    contacts: tuple[tuple[str, str, str | None], ...]  # (id hex, greeting name, org hex)
    matrix: Mapping[tuple[int, int], int]
    slot_start: int  # arrival schedule: hour slots from here, tickets per slot
    slot_counts: tuple[int, ...]
    slot_firsts: tuple[int, ...] = field(default=())  # derived: index of each slot's first

    def __post_init__(self) -> None:
        if not self.slot_firsts:
            firsts, n = [], 0
            for c in self.slot_counts:
                firsts.append(n)
                n += c
            object.__setattr__(self, "slot_firsts", tuple(firsts))


@dataclass(frozen=True)
class ChunkSpec:
    index: int
    first: int  # global index of the chunk's first ticket (arrival order)
    kinds: str  # KIND_CODES letter per ticket
    numbers: Mapping[str, int]  # first number per kind in this chunk
    stream: str  # seeds the chunk's random stream
    last: bool = False  # the run's most recent tickets


@dataclass
class ChunkRows:
    tickets: list[tuple[Any, ...]]
    events: list[tuple[Any, ...]]
    worklogs: list[tuple[Any, ...]]
    plans: list[list[tuple[Any, ...]]] | None = None  # the operations, when recorded
    sizes: tuple[int, int, int, int] = (0, 0, 0, 0)  # tickets, events, worklogs, majors
    # Search documents (title, description, worklog text) per ticket, in ticket order, when
    # the loader indexes while it writes (``desk.demo.load.documents``).
    docs: list[tuple[str, str, str]] | None = None


def timestamp_text(t: int) -> str:
    """ms → the text SQLAlchemy stores in SQLite for that UTC datetime (``sqlite_timestamp``);
    PostgreSQL reads the same text as UTC in a session whose time zone is UTC."""
    minute = t // M
    return (_MINUTES.get(minute) or _minute(minute)) + _SECONDS[t - minute * M]


def _minute(minute: int) -> str:
    prefix = _MINUTES[minute] = to_datetime(minute * M).strftime("%Y-%m-%d %H:%M:")
    return prefix


class _Filler(dict[str, str]):
    """Template values for one ticket, drawn on first use and then kept, so a host named in
    the title is the same host in the description and the worklog. Each chunk subclasses it
    with its ``rng`` and ``vocab`` as class attributes (cheap to create per ticket).

    Servers, databases and switches are CIs of the demo CMDB (``desk.demo.names``); a switch
    is the one at the ticket's site, whichever of the two the text names first."""

    rng: random.Random
    vocab: ModuleType

    def __missing__(self, key: str) -> str:
        rnd = self.rng.random
        v = self.vocab
        pool = v.POOLS.get(key)
        if pool is not None:
            value = pool[int(rnd() * len(pool))]
        elif key == "switch":
            value = names.office_switch(v.POOLS["site"].index(self["site"]) + 1)
        elif key in v.PHRASES:
            phrases = v.PHRASES[key]
            value = phrases[int(rnd() * len(phrases))].format_map(self)
        else:
            value = _generated(key, rnd, v)
        self[key] = value
        return value


def _generated(key: str, rnd: Any, v: ModuleType) -> str:
    site = v.HOST_SITES[int(rnd() * len(v.HOST_SITES))]
    n = int(rnd() * 40) + 1
    if key == "asset":
        return names.workstation(int(rnd() * names.WORKSTATIONS) + 1)
    if key == "host":
        return names.vm(int(rnd() * names.VMS) + 1)
    if key == "esx":
        return names.esx(int(rnd() * names.DATA_CENTRES) + 1, int(rnd() * names.ESX_PER_DC) + 1)
    if key == "db":
        return names.database(int(rnd() * names.DATABASES) + 1)
    if key == "printer":
        return f"PRN-{int(rnd() * 9) + 1}F-{n:02d}"
    if key == "cluster":
        return f"cl-{site}-{n % 6 + 1:02d}"
    if key == "ap":
        return f"{int(rnd() * 9) + 1}-{n:02d}"
    if key == "swport":
        return str(int(rnd() * 48) + 1)
    if key == "port":
        return str((443, 8443, 1521, 5432, 22, 3389, 9092, 1433, 636)[int(rnd() * 9)])
    if key == "n":
        return f"{int(rnd() * 9) + 1:02d}"
    if key == "person":
        return vocab_mod.person(v, rnd(), rnd())[0]
    if key == "cost":
        return f"CC-{int(rnd() * 9000) + 1000}"
    if key == "case":
        return f"{int(rnd() * 90_000_000) + 10_000_000}"
    raise KeyError(key)


# ---------------------------------------------------------------- one ticket


class _Ticket:
    """One ticket's state, changed exactly as ``desk.services.tickets`` would change it."""

    __slots__ = (
        "assignee",
        "b",
        "closed",
        "code",
        "filler",
        "first_response",
        "group",
        "hex",
        "impact",
        "kind",
        "notes",
        "notes_left",
        "number",
        "opened",
        "ops",
        "priority",
        "resolved",
        "resolved_at",
        "row",
        "status",
        "t",
        "ts",
        "updated",
        "urgency",
        "urgent",
        "version",
    )

    def __init__(self, b: _ChunkBuilder, kind: str, number: str, t0: int) -> None:
        self.b = b
        self.kind = kind
        self.number = number
        self.t = t0
        self.ts = self.opened = self.updated = timestamp_text(t0)
        self.hex = uuid7_hex(t0, b.bits(74))
        self.status = "new"
        # Times below are kept as their column text (formatted once, when they happen).
        self.first_response: str | None = None
        self.resolved: str | None = None
        self.closed: str | None = None
        self.resolved_at = 0  # ms, for child incidents of a major one
        self.code: str | None = None
        self.notes: str | None = None
        self.version = 1
        self.assignee: Member | None = None
        self.group: GroupRef | None = None
        self.ops: list[tuple[Any, ...]] | None = [] if b.record else None

    # -- operations (each returns False once "now" is reached: the plan ends there)

    def create(self, actor: Member | None, fields: dict[str, Any], group: GroupRef | None,
               assignee: Member | None) -> None:
        t = self.t
        self.impact, self.urgency = fields["impact"], fields["urgency"]
        self.priority = self.b.matrix[(self.impact, self.urgency)]
        self.urgent = self.priority <= 2
        self.group, self.assignee = group, assignee
        evs = [("created", None, "new"), ("priority", None, str(self.priority))]
        if group is not None:
            evs.append(("group", None, group.text))
        if assignee is not None:
            evs.append(("assignee", None, assignee[1]))
        self.b.events(self, t, actor, evs)
        self.row = fields
        if self.ops is not None:
            self.ops.append(("create", t, actor, dict(fields, group=group, assignee=assignee,
                                                      kind=self.kind, number=self.number)))

    def update(self, t: int, actor: Member | None, status: str | None = None,
               group: Any = _KEEP, assignee: Any = _KEEP, urgency: int | None = None,
               resolution_code: str | None = None, resolution_notes: str | None = None,
               ) -> bool:
        """``update_ticket`` with these changes (``_KEEP``/None: not part of the call)."""
        b = self.b
        floor = self.t + S + int(b.rnd() * 20 * S)  # operations are strictly ordered in time
        if t < floor:
            t = floor
        if t > b.now:
            return False  # "now" reached: the plan ends here
        self.t = t
        minute = t // M
        self.ts = (_MINUTES.get(minute) or _minute(minute)) + _SECONDS[t - minute * M]
        if self.ops is not None:
            changes = {k: v for k, v in (
                ("status", status), ("group", group), ("assignee", assignee),
                ("urgency", urgency), ("resolution_code", resolution_code),
                ("resolution_notes", resolution_notes)) if v is not None and v is not _KEEP}
            if assignee is None:
                changes["assignee"] = None
            self.ops.append(("update", t, actor, changes))
        changed = False
        evs: list[tuple[str, str | None, str | None]] = []
        if resolution_code is not None and resolution_code != self.code:
            self.code = resolution_code
            changed = True
        if resolution_notes is not None and resolution_notes != self.notes:
            self.notes = resolution_notes
            changed = True
        if urgency is not None and urgency != self.urgency:
            self.urgency = urgency
            changed = True
            priority = self.b.matrix[(self.impact, urgency)]
            if priority != self.priority:
                evs.append(("priority", str(self.priority), str(priority)))
                self.priority = priority
        new_assignee = assignee is not _KEEP and assignee != self.assignee
        if group is not _KEEP and group is not self.group:
            evs.append(("group", None if self.group is None else self.group.text,
                        None if group is None else group.text))
            self.group = group
            changed = True
            if not new_assignee and self.assignee is not None and group is not None and (
                    self.assignee not in group.members):
                # Moving to another group drops an assignee who is not a member there.
                assignee, new_assignee = None, True
        if new_assignee:
            evs.append(("assignee", None if self.assignee is None else self.assignee[1],
                        None if assignee is None else assignee[1]))
            self.assignee = assignee
            changed = True
        if status is not None and status != self.status:
            src = self.status
            evs.append(("status", src, status))
            self.status = status
            changed = True
            if src == "new" and self.first_response is None:
                self.first_response = self.ts
                evs.append(("first_response", None, to_datetime(t).isoformat()))
            if status == "resolved" or (src == "review" and self.kind == "change"):
                self.resolved = self.ts
                self.resolved_at = t
            elif src == "resolved" and status == "in_progress":
                self.resolved = None
                self.code = None
            if status in _TERMINAL:
                self.closed = self.ts
        if not changed:
            return True  # the service writes nothing for a call that changes nothing
        if evs:
            self.b.events(self, t, actor, evs)
        self.version += 1
        self.updated = self.ts
        return True

    def note(self, t: int, author: Member | None, public: bool, key: str,
             required: bool = False) -> bool:
        """A worklog entry (skipped, without failing, when this ticket's budget is spent)."""
        if self.notes_left <= 0 and not required:
            return True
        b = self.b
        floor = self.t + S + int(b.rnd() * 20 * S)
        if t < floor:
            t = floor
        if t > b.now:
            return False
        self.t = t
        minute = t // M
        ts = self.ts = (_MINUTES.get(minute) or _minute(minute)) + _SECONDS[t - minute * M]
        self.notes_left -= 1
        texts = b.worklog_texts[key]
        body = texts[int(b.rnd() * len(texts))].format_map(self.filler)
        visibility = "public" if public else "internal"
        if self.ops is not None:
            self.ops.append(("worklog", t, author, visibility, body))
        r = b.bits(74)
        b.worklog_rows.append((
            ((t & 0xFFFF_FFFF_FFFF) << 80 | _UUID7_BITS | (r >> 62) << 64 | r & _MASK62)
            .to_bytes(16).hex(), ts, self.hex, None if author is None else author[0],
            visibility, body))
        if public and self.first_response is None:
            self.first_response = self.ts
            b.events(self, t, author, [("first_response", None, to_datetime(t).isoformat())])
        self.version += 1
        self.updated = self.ts
        return True

    # -- time

    def after(self, lo: int, hi: int, business: bool = True) -> int:
        """A time ``lo``..``hi`` from the last operation (mostly short), moved into working
        hours (08:00–18:00 local, Monday to Friday) unless the ticket is urgent: P1/P2 are
        worked around the clock."""
        b = self.b
        r = b.rnd()
        t = self.t + lo + int((hi - lo) * r * r)
        if not business or self.urgent:
            return t
        off = b.utc_offset
        day, sod = divmod(t + off, D)
        wd = (day + 3) % 7  # 1970-01-01 was a Thursday
        if wd < 5 and _OPEN <= sod < _CLOSE:
            return t
        if not (wd < 5 and sod < _OPEN):
            day += 1
        while (day + 3) % 7 >= 5:
            day += 1
        return day * D + _OPEN + int(b.rnd() * 80 * M) - off


# ---------------------------------------------------------------- a chunk of tickets

_CHANNELS = {
    "incident": (("phone", 28), ("email", 25), ("portal", 22), ("chat", 12), ("walk_in", 5),
                 ("monitoring", 8)),
    "service_request": (("portal", 60), ("email", 20), ("phone", 10), ("chat", 7),
                        ("walk_in", 3)),
    "problem": (("portal", 75), ("email", 25)),
    "change": (("portal", 100),),
}
_NOTE_BUDGET = ((1, 20), (2, 35), (3, 30), (4, 15))  # worklog entries per ticket


def _cumulative(pairs: tuple[tuple[Any, int], ...]) -> tuple[tuple[Any, ...], list[float]]:
    total = sum(w for _, w in pairs)
    acc, cum = 0, []
    for _, w in pairs:
        acc += w
        cum.append(acc / total)
    cum[-1] = 1.0
    return tuple(v for v, _ in pairs), cum


class _ChunkBuilder:
    def __init__(self, ctx: Context, spec: ChunkSpec, record: bool = False) -> None:
        self.ctx = ctx
        self.spec = spec
        self.record = record
        self.vocab = vocab_mod.load(ctx.locale)
        self.rng = random.Random(spec.stream)
        self.rnd = self.rng.random
        self.bits = self.rng.getrandbits
        self.matrix = ctx.matrix
        self.now = ctx.now
        self.utc_offset = ctx.utc_offset
        self.worklog_texts = self.vocab.WORKLOG
        # The template filler for this chunk: a dict class that knows the stream and words.
        self.filler_class = type("Filler", (_Filler,), {"rng": self.rng, "vocab": self.vocab})
        self.ticket_rows: list[tuple[Any, ...]] = []
        self.event_rows: list[tuple[Any, ...]] = []
        self.worklog_rows: list[tuple[Any, ...]] = []
        self.plans: list[list[tuple[Any, ...]]] | None = [] if record else None
        self.scenarios: dict[str, tuple[tuple[Any, ...], list[float]]] = {}
        for kind in KINDS:
            pairs = tuple((s, s[4]) for s in self.vocab.SCENARIOS if s[0] == kind)
            self.scenarios[kind] = _cumulative(pairs)
        # A major incident is a severe outage (a switch, a server, a database down), not a
        # printer jam.
        self.severe = _cumulative(tuple((s, s[4]) for s in self.vocab.SCENARIOS
                                        if s[0] == "incident" and "severe" in s[5]))
        self.channels = {k: _cumulative(v) for k, v in _CHANNELS.items()}
        self.budget = _cumulative(_NOTE_BUDGET)
        g = ctx.groups
        self.sd = g["service_desk"]
        self.cab = g["cab"]
        self.majors: dict[int, tuple[_Ticket, tuple[Any, ...], _Filler]] = {}

    # -- random helpers

    def pick(self, seq: Any) -> Any:
        return seq[int(self.rnd() * len(seq))]

    def weighted(self, table: tuple[tuple[Any, ...], list[float]]) -> Any:
        values, cum = table
        return values[bisect_right(cum, self.rnd())] if len(values) > 1 else values[0]

    # -- rows

    def events(self, tk: _Ticket, t: int, actor: Member | None,
               evs: list[tuple[str, str | None, str | None]]) -> None:
        if not evs:
            return
        high = (t & 0xFFFF_FFFF_FFFF) << 80 | _UUID7_BITS
        ts = tk.ts
        actor_hex = None if actor is None else actor[0]
        bits = self.bits
        out = self.event_rows.append
        if len(evs) == 1:
            r = bits(74)
            what, old, new = evs[0]
            out(((high | (r >> 62) << 64 | r & _MASK62).to_bytes(16).hex(), ts, tk.hex, ts,
                 actor_hex, what, old, new))
            return
        # One service call writes its events with increasing ids: keep that order.
        rands = sorted([bits(74) for _ in evs])
        for (what, old, new), r in zip(evs, rands, strict=True):
            out(((high | (r >> 62) << 64 | r & _MASK62).to_bytes(16).hex(), ts, tk.hex, ts,
                 actor_hex, what, old, new))

    def finish(self, tk: _Ticket) -> None:
        f = tk.row
        opened = tk.opened
        group = tk.group
        self.ticket_rows.append((
            tk.hex, tk.version, opened, tk.updated, tk.kind, tk.number, f["title"],
            f["description"], tk.status, tk.impact, tk.urgency, tk.priority, f["category_id"],
            f["channel"], f["requester_id"], f["organization_id"],
            None if group is None else group.hex,
            None if tk.assignee is None else tk.assignee[0], f["parent_id"],
            1 if f["major_incident"] else 0, opened, tk.first_response, tk.resolved, tk.closed,
            tk.code, tk.notes))
        if self.plans is not None and tk.ops is not None:
            self.plans.append(tk.ops)

    # -- the chunk

    def build(self) -> ChunkRows:
        ctx, spec = self.ctx, self.spec
        n = len(spec.kinds)
        counters = dict(spec.numbers)
        prefixes = {k: Kind(k).prefix for k in KINDS}  # format_number, without the enum call
        roles = self._roles()
        # Arrival times: ticket g is the rank-th of its hour slot; each gets its own sub-slot,
        # so times increase with g across chunk boundaries.
        g = spec.first
        slot = bisect_right(ctx.slot_firsts, g) - 1
        counts, firsts = ctx.slot_counts, ctx.slot_firsts
        for i in range(n):
            while g - firsts[slot] >= counts[slot]:
                slot += 1
            c = counts[slot]
            t0 = (ctx.slot_start + slot * H
                   + int((g - firsts[slot] + self.rnd()) * H / c))
            g += 1
            kind = KINDS[KIND_CODES.index(spec.kinds[i])]
            number = prefixes[kind] + f"{counters[kind]:0{NUMBER_DIGITS}d}"
            counters[kind] += 1
            tk = _Ticket(self, kind, number, t0)
            role = roles.get(i)
            self._ticket(tk, i, role)
            self.finish(tk)
        sizes = (len(self.ticket_rows), len(self.event_rows), len(self.worklog_rows),
                 len(self.majors))
        return ChunkRows(self.ticket_rows, self.event_rows, self.worklog_rows, self.plans, sizes)

    def _roles(self) -> dict[int, Any]:
        """A few major incidents per chunk, each with the next few incidents as children."""
        kinds = self.spec.kinds
        incidents = [i for i, k in enumerate(kinds) if k == "I"]
        if len(kinds) < 150 or len(incidents) < 20:
            return {}
        roles: dict[int, Any] = {}
        want = max(1, round(len(kinds) / 2500))
        candidates = incidents[: max(1, len(incidents) - 15)]
        for _ in range(want):
            self._major_at(roles, incidents, int(self.rnd() * len(candidates)))
        if self.spec.last:
            # One among the very last arrivals, still being worked (not resolved, however
            # quiet the last hours were), so a demo desk has a major incident going on "now"
            # with its callers' incidents waiting.
            self._major_at(roles, incidents, len(incidents) - 12, "major_now")
        return roles

    def _major_at(self, roles: dict[int, Any], incidents: list[int], pos: int,
                  role: str = "major") -> None:
        if incidents[pos] in roles:
            if role == "major_now" and roles[incidents[pos]] == "major":
                roles[incidents[pos]] = role
            return
        roles[incidents[pos]] = role
        for j in incidents[pos + 1: pos + 1 + 3 + int(self.rnd() * 6)]:
            if j in roles:
                break
            roles[j] = incidents[pos]

    def _ticket(self, tk: _Ticket, i: int, role: Any) -> None:
        rnd = self.rnd
        kind = tk.kind
        major = role in ("major", "major_now")
        if isinstance(role, int) and role in self.majors:
            parent, sc, parent_filler = self.majors[role]
        else:
            table = self.severe if major else self.scenarios[kind]
            parent, sc, parent_filler = None, self.weighted(table), None
        flags = sc[5]
        filler = self.filler_class()
        if parent_filler is not None:
            filler.update({k: v for k, v in parent_filler.items()
                           if k not in ("first", "resolution")})
        tk.filler = filler
        channel = self.weighted(self.channels[kind])
        if channel == "monitoring" and "monitor" not in flags:
            channel = "phone"
        if major:
            channel = "monitoring" if "monitor" in flags and rnd() < 0.6 else "phone"
        elif parent is not None:
            channel = ("phone", "email", "chat", "portal")[int(rnd() * 4)]
        impact, urgency = self._levels(kind, flags)
        if major:
            impact, urgency = 1, 1
        elif parent is not None:
            impact, urgency = 2 + (rnd() < 0.6), 1 + (rnd() < 0.5)
        requester = org = None
        first = self.vocab.EVERYONE
        if channel != "monitoring" and (kind in ("incident", "service_request") or rnd() < 0.4):
            requester, first, org = self.pick(self.ctx.contacts)
        filler["first"] = first
        resolution = self.pick(sc[8]).format_map(filler)
        filler["resolution"] = resolution
        titles, descriptions = sc[6], sc[7]
        which = int(rnd() * len(titles))
        title = titles[which].format_map(filler)
        # Equal-length lists are pairs (this title goes with that description).
        desc = (descriptions[which] if len(descriptions) == len(titles)
                else self.pick(descriptions)).format_map(filler)
        extra = self.pick(self.vocab.IMPACT_SENTENCES[impact])
        if extra and kind in ("incident", "service_request"):
            desc = desc + self.vocab.SENTENCE_JOIN + extra
        fields = {
            "title": title, "description": desc, "impact": impact, "urgency": urgency,
            "category_id": self.ctx.categories.get((sc[1], sc[2])), "channel": channel,
            "requester_id": requester, "organization_id": org,
            "parent_id": None if parent is None else parent.hex, "major_incident": major,
        }
        budget = self.weighted(self.budget)
        tk.notes_left = budget
        resolver = self.ctx.groups[sc[3]]
        if kind == "incident":
            if major:
                self._major(tk, fields, resolver, ongoing=role == "major_now")
                self.majors[i] = (tk, sc, filler)
            elif parent is not None:
                filler["number"] = parent.number
                self._child(tk, fields, parent)
            else:
                self._incident(tk, fields, resolver, channel)
        elif kind == "service_request":
            self._request(tk, fields, resolver, channel)
        elif kind == "problem":
            self._problem(tk, fields, resolver)
        else:
            self._change(tk, fields, resolver)

    def _levels(self, kind: str, flags: str) -> tuple[int, int]:
        r1, r2 = self.rnd(), self.rnd()
        if kind == "incident":
            if "severe" in flags:
                impact = 1 if r1 < 0.2 else 2 if r1 < 0.65 else 3
            else:
                impact = 1 if r1 < 0.02 else 2 if r1 < 0.3 else 3
            urgency = 1 if r2 < 0.12 else 2 if r2 < 0.55 else 3
        elif kind == "service_request":
            impact = 2 if r1 < 0.15 else 3
            urgency = 2 if r2 < 0.4 else 3
        elif kind == "problem":
            impact = 1 if r1 < 0.3 else 2
            urgency = 2 if r2 < 0.6 else 3
        else:
            impact = 1 if r1 < 0.1 else 2 if r1 < 0.55 else 3
            urgency = 1 if r2 < 0.05 else 2 if r2 < 0.4 else 3
        return impact, urgency

    # -- who

    def member(self, group: GroupRef) -> Member | None:
        """Someone who works the group's queue (the lead only when nobody else is there)."""
        staff = group.staff
        return staff[int(self.rnd() * len(staff))] if staff else None

    def worker(self, tk: _Ticket) -> Member | None:
        if tk.assignee is not None:
            return tk.assignee
        return self.member(tk.group) if tk.group is not None else None

    # -- lives per kind

    def _close(self, tk: _Ticket, confirm: float = 0.45) -> None:
        """Resolved → closed: the requester confirms, or the nightly job closes it after five
        business days (about a week)."""
        if self.rnd() < confirm:
            tk.update(tk.after(1 * H, 2 * D), tk.assignee or self.worker(tk), status="closed")
            return
        off = self.ctx.utc_offset
        day = (tk.t + off) // D + 7
        tk.update(day * D + 1 * H + int(self.rnd() * H) - off, None, status="closed")

    def _resolve(self, tk: _Ticket, code: str, lo: int, hi: int) -> bool:
        who = self.worker(tk)
        t = tk.after(lo, hi)
        if self.rnd() < 0.8 and not tk.note(t, who, True, "resolve"):
            return False
        return tk.update(tk.t + 30 * S, who, status="resolved", resolution_code=code,
                         resolution_notes=tk.filler["resolution"])

    def _incident_code(self) -> str:
        r = self.rnd()
        return ("solved" if r < 0.58 else "workaround" if r < 0.73 else "user_error"
                if r < 0.86 else "not_reproducible" if r < 0.95 else "duplicate")

    def _pickup_delay(self, tk: _Ticket) -> tuple[int, int]:
        return {1: (2 * M, 15 * M), 2: (10 * M, 1 * H), 3: (20 * M, 4 * H),
                4: (1 * H, 8 * H), 5: (2 * H, 2 * D)}[tk.priority]

    def _first_note(self, tk: _Ticket, first_touch: Member | None) -> bool:
        who = first_touch or self.worker(tk)
        public = self.rnd() < 0.45
        return tk.note(tk.after(1 * M, 25 * M, business=False), who, public,
                       "ack" if public else "triage", required=True)

    def _pickup(self, tk: _Ticket, **more: Any) -> bool:
        lo, hi = self._pickup_delay(tk)
        t = tk.after(lo, hi)
        if tk.assignee is None and tk.group is not None:
            taker = self.member(tk.group)
            return tk.update(t, taker, assignee=taker, **more)
        return tk.update(t, tk.assignee, **more)

    def _incident(self, tk: _Ticket, fields: dict[str, Any], resolver: GroupRef,
                  channel: str) -> None:
        rnd = self.rnd
        sd = self.sd
        creator = self.member(sd) if channel in ("phone", "chat", "walk_in") else None
        routed = channel == "monitoring" or (channel == "portal" and rnd() < 0.5)
        group = resolver if routed else sd
        assignee = creator if creator is not None and group is sd and rnd() < 0.6 else None
        tk.create(creator, fields, group, assignee)
        if not self._first_note(tk, creator):
            return
        if tk.assignee is not None and rnd() < 0.35:
            # First-contact resolution: fixed while the caller is still on the line.
            if not self._resolve(tk, self._incident_code(), 2 * M, 20 * M):
                return
            self._close(tk)
            return
        if not self._pickup(tk, status="in_progress"):
            return
        if tk.group is sd and resolver is not sd and rnd() < 0.7:
            tk.filler["group"] = resolver.name
            if not tk.note(tk.after(10 * M, 2 * H), tk.assignee, False, "escalate"):
                return
            if not tk.update(tk.t + 40 * S, tk.assignee, group=resolver, assignee=None):
                return
            lo, hi = self._pickup_delay(tk)
            taker = self.member(resolver)
            if not tk.update(tk.after(lo, hi), taker, assignee=taker):
                return
        if rnd() < 0.06:
            urgency = tk.urgency - 1 if tk.urgency > 1 and rnd() < 0.6 else min(3,
                                                                                 tk.urgency + 1)
            if not tk.update(tk.after(30 * M, 1 * D), tk.assignee, urgency=urgency):
                return
        if rnd() < 0.25:
            r = rnd()
            who = tk.assignee
            if r < 0.6:
                if not tk.note(tk.after(15 * M, 1 * D), who, True, "ask_customer"):
                    return
                if not tk.update(tk.t + 20 * S, who, status="pending_customer"):
                    return
                wait = (2 * H, 3 * D)
            elif r < 0.85:
                if not tk.note(tk.after(30 * M, 1 * D), who, False, "vendor"):
                    return
                if not tk.update(tk.t + 20 * S, who, status="pending_vendor"):
                    return
                wait = (1 * D, 6 * D)
            else:
                if not tk.note(tk.after(30 * M, 1 * D), who, False, "pending_change"):
                    return
                if not tk.update(tk.t + 20 * S, who, status="pending_change"):
                    return
                wait = (2 * D, 10 * D)
            if not tk.update(tk.after(*wait), who, status="in_progress"):
                return
            if not tk.note(tk.t + 2 * M, who, False, "resume"):
                return
        if rnd() < 0.04:
            who = tk.assignee
            if not tk.note(tk.after(20 * M, 1 * D), who, False, "cancel"):
                return
            tk.update(tk.t + 30 * S, who, status="cancelled")
            return
        if rnd() < 0.5 and not tk.note(tk.after(20 * M, 1 * D), tk.assignee, False, "work"):
            return
        work = {1: (30 * M, 4 * H), 2: (1 * H, 10 * H)}.get(tk.priority, (1 * H, 3 * D))
        code = self._incident_code()
        if not self._resolve(tk, code, *work):
            return
        if rnd() < 0.05:
            who = tk.assignee
            if not tk.update(tk.after(2 * H, 2 * D), who, status="in_progress"):
                return
            public = rnd() < 0.5
            if not tk.note(tk.t + 3 * M, who, public, "reopen_reply" if public else "reopen"):
                return
            if not self._resolve(tk, code, 1 * H, 1 * D):
                return
        self._close(tk)

    def _major(self, tk: _Ticket, fields: dict[str, Any], resolver: GroupRef,
               ongoing: bool = False) -> None:
        creator = None if fields["channel"] == "monitoring" else self.member(self.sd)
        tk.create(creator, fields, resolver, None)
        lead = resolver.lead or self.member(resolver)
        if not tk.note(tk.after(2 * M, 8 * M), lead, False, "major", required=True):
            return
        if not tk.update(tk.after(1 * M, 10 * M), lead, assignee=lead, status="in_progress"):
            return
        if not tk.note(tk.after(20 * M, 50 * M), lead, True, "major_update") or ongoing:
            return
        if not self._resolve(tk, "solved" if self.rnd() < 0.7 else "workaround", 1 * H, 6 * H):
            return
        self._close(tk, confirm=0.8)

    def _child(self, tk: _Ticket, fields: dict[str, Any], parent: _Ticket) -> None:
        creator = self.member(self.sd) if fields["channel"] in ("phone", "chat") else None
        tk.create(creator, fields, self.sd, creator)
        if not tk.note(tk.after(1 * M, 10 * M, business=False), creator or self.member(self.sd),
                       False, "child", required=True):
            return
        if tk.assignee is None:
            if not tk.update(tk.after(2 * M, 20 * M, business=False), None,
                             assignee=self.member(self.sd), status="in_progress"):
                return
        elif not tk.update(tk.after(1 * M, 5 * M, business=False), tk.assignee,
                           status="in_progress"):
            return
        if parent.resolved is None:
            return  # still waiting for the major incident
        t = max(tk.t, parent.resolved_at) + 5 * M + int(self.rnd() * 25 * M)
        if not tk.note(t, tk.assignee, True, "child_resolve"):
            return
        if not tk.update(tk.t + 20 * S, tk.assignee, status="resolved",
                         resolution_code="solved" if self.rnd() < 0.6 else "duplicate",
                         resolution_notes=tk.filler["resolution"]):
            return
        self._close(tk)

    def _request(self, tk: _Ticket, fields: dict[str, Any], resolver: GroupRef,
                 channel: str) -> None:
        rnd = self.rnd
        sd = self.sd
        creator = self.member(sd) if channel in ("phone", "chat", "walk_in") else None
        group = resolver if channel == "portal" and rnd() < 0.7 else sd
        assignee = creator if creator is not None and group is sd and rnd() < 0.5 else None
        tk.create(creator, fields, group, assignee)
        if not self._first_note(tk, creator):
            return
        if rnd() < 0.2:
            # Standard, quick requests are fulfilled straight from "new".
            who = tk.assignee or self.member(tk.group)
            t = tk.after(5 * M, 2 * H)
            if rnd() < 0.6 and not tk.note(t, who, True, "resolve"):
                return
            if not tk.update(tk.after(1 * M, 5 * M), who, assignee=who, status="resolved",
                             resolution_code="fulfilled",
                             resolution_notes=tk.filler["resolution"]):
                return
            self._close(tk, confirm=0.35)
            return
        if not self._pickup(tk, status="in_progress"):
            return
        if tk.group is sd and resolver is not sd:
            tk.filler["group"] = resolver.name
            if not tk.note(tk.after(5 * M, 1 * H), tk.assignee, False, "escalate"):
                return
            if not tk.update(tk.t + 40 * S, tk.assignee, group=resolver, assignee=None):
                return
            taker = self.member(resolver)
            if not tk.update(tk.after(30 * M, 6 * H), taker, assignee=taker):
                return
        if rnd() < 0.3:
            who = tk.assignee
            if rnd() < 0.6:
                if not tk.note(tk.after(15 * M, 1 * D), who, True, "ask_customer"):
                    return
                if not tk.update(tk.t + 20 * S, who, status="pending_customer"):
                    return
                wait = (2 * H, 4 * D)
            else:
                if not tk.note(tk.after(30 * M, 1 * D), who, False, "vendor"):
                    return
                if not tk.update(tk.t + 20 * S, who, status="pending_vendor"):
                    return
                wait = (1 * D, 8 * D)
            if not tk.update(tk.after(*wait), who, status="in_progress"):
                return
        if rnd() < 0.05:
            who = tk.assignee
            if not tk.note(tk.after(20 * M, 2 * D), who, False, "cancel"):
                return
            tk.update(tk.t + 30 * S, who, status="cancelled")
            return
        if not self._resolve(tk, "fulfilled", 1 * H, 4 * D):
            return
        if rnd() < 0.02:
            who = tk.assignee
            if not tk.update(tk.after(2 * H, 2 * D), who, status="in_progress"):
                return
            if not tk.note(tk.t + 3 * M, who, False, "reopen"):
                return
            if not self._resolve(tk, "fulfilled", 1 * H, 1 * D):
                return
        self._close(tk, confirm=0.35)

    def _problem(self, tk: _Ticket, fields: dict[str, Any], resolver: GroupRef) -> None:
        rnd = self.rnd
        creator = resolver.lead if resolver.lead and rnd() < 0.5 else self.member(resolver)
        tk.create(creator, fields, resolver, creator if rnd() < 0.7 else None)
        if not tk.note(tk.after(5 * M, 2 * H), creator, False, "problem", required=True):
            return
        if not tk.update(tk.after(2 * H, 3 * D), tk.assignee or creator,
                         assignee=tk.assignee or self.member(resolver), status="in_progress"):
            return
        who = tk.assignee
        if not tk.note(tk.after(1 * H, 3 * D), who, False, "problem"):
            return
        if rnd() < 0.3:
            if not tk.update(tk.after(1 * D, 4 * D), who, status="pending_vendor"):
                return
            if not tk.update(tk.after(2 * D, 10 * D), who, status="in_progress"):
                return
        if rnd() < 0.08:
            tk.update(tk.after(1 * D, 5 * D), who, status="cancelled")
            return
        if rnd() < 0.6:
            if not tk.update(tk.after(1 * D, 10 * D), who, status="known_error"):
                return
            if not tk.note(tk.t + 10 * M, who, False, "problem"):
                return
            if not tk.update(tk.after(5 * D, 40 * D), who, status="in_progress"):
                return
        code = "solved" if rnd() < 0.7 else "workaround"
        if not tk.update(tk.after(1 * D, 10 * D), who, status="resolved",
                         resolution_code=code, resolution_notes=tk.filler["resolution"]):
            return
        if rnd() < 0.03:
            if not tk.update(tk.after(2 * D, 10 * D), who, status="in_progress"):
                return
            if not tk.update(tk.after(2 * D, 10 * D), who, status="resolved",
                             resolution_code=code, resolution_notes=tk.filler["resolution"]):
                return
        tk.update(tk.after(1 * D, 10 * D), resolver.lead or who, status="closed")

    def _change(self, tk: _Ticket, fields: dict[str, Any], resolver: GroupRef) -> None:
        rnd = self.rnd
        owner = self.member(resolver)
        tk.create(owner, fields, resolver, owner)
        if not tk.note(tk.after(5 * M, 2 * H), owner, False, "change_assess", required=True):
            return
        if not tk.update(tk.after(1 * H, 1 * D), owner, status="assess"):
            return
        if rnd() < 0.05:
            tk.update(tk.after(1 * H, 2 * D), owner, status="rejected")
            return
        cab = self.cab
        cab_member = self.pick(cab.members) if cab.members else None
        if not tk.update(tk.after(4 * H, 3 * D), owner, group=cab, assignee=cab_member,
                         status="authorize"):
            return
        r = rnd()
        if r < 0.1:
            tk.update(tk.after(1 * D, 5 * D), cab_member,
                      status="rejected" if r < 0.06 else "cancelled")
            return
        if not tk.note(tk.after(1 * D, 5 * D), cab_member, False, "change_cab"):
            return
        implementer = owner if owner in resolver.members else self.member(resolver)
        if not tk.update(tk.after(1 * H, 1 * D), cab_member, group=resolver,
                         assignee=implementer, status="scheduled"):
            return
        if rnd() < 0.03:
            tk.update(tk.after(1 * D, 5 * D), implementer, status="cancelled")
            return
        # Implemented in an evening change window one to fourteen days later.
        off = self.ctx.utc_offset
        day = (tk.t + off) // D + 1 + int(rnd() * 14)
        window = day * D + 19 * H + int(rnd() * 3 * H) - off
        if not tk.update(window, implementer, status="implement"):
            return
        if not tk.note(tk.t + 5 * M, implementer, False, "change_implement"):
            return
        if not tk.update(tk.after(30 * M, 4 * H, business=False), implementer,
                         status="review"):
            return
        if not tk.note(tk.after(1 * D, 2 * D), implementer, False, "change_review"):
            return
        code = "successful" if rnd() < 0.92 else "unsuccessful"
        tk.update(tk.after(1 * H, 1 * D), implementer, status="closed", resolution_code=code,
                  resolution_notes=tk.filler["resolution"])


def build_chunk(ctx: Context, spec: ChunkSpec, record: bool = False) -> ChunkRows:
    """The rows of one chunk of tickets (and, with ``record``, the operations behind them)."""
    return _ChunkBuilder(ctx, spec, record).build()
