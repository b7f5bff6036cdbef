"""SLA attainment: targets met and breached per policy, group and month; CSV export.

A clock counts once its verdict is certain: a stopped clock that was met or breached, and an
open clock already past its target (breached whatever happens next). Cancelled clocks and
open clocks still within target do not count. The month is the UTC month of the verdict —
when the clock stopped, or when an open clock passed its target.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO

from sqlalchemy import case, func, literal_column, or_, select
from sqlalchemy.orm import Session

from desk.db.session import Database
from desk.i18n import _
from desk.models.people import Group
from desk.models.sla import SlaClock, SlaPolicy
from desk.models.ticket import Ticket
from desk.sla.clocks import BREACHED, MET, OPEN_STATES
from desk.timeutil import require_aware, utcnow


@dataclass(frozen=True)
class AttainmentRow:
    month: str  # YYYY-MM (UTC)
    policy: str
    group: str  # "" for tickets without a group
    target: str
    met: int
    breached: int

    @property
    def total(self) -> int:
        return self.met + self.breached

    @property
    def percent(self) -> float:
        """Share of targets met, 0..100."""
        return 100.0 * self.met / self.total if self.total else 0.0


def attainment(db: Database, *, since: datetime | None = None, until: datetime | None = None,
               now: datetime | None = None, by_group: bool = True,
               by_month: bool = True) -> list[AttainmentRow]:
    """Met / breached counts per policy (and group, month, target), sorted."""
    now = require_aware(now, "now") if now is not None else utcnow()
    with db.read() as s:
        return _attainment(s, since, until, now, by_group, by_month)


def _attainment(s: Session, since: datetime | None, until: datetime | None, now: datetime,
                by_group: bool, by_month: bool) -> list[AttainmentRow]:
    c = SlaClock
    verdict_at = case((c.state.in_((MET, BREACHED)), c.stopped_at), else_=c.breach_at)
    if s.get_bind().dialect.name == "postgresql":
        month = func.to_char(func.timezone("UTC", verdict_at), "YYYY-MM")
    else:
        month = func.substr(verdict_at, 1, 7)
    month_col = month if by_month else literal_column("''")
    group_col = func.coalesce(Group.name, "") if by_group else literal_column("''")
    keys = [k for k, on in ((month, by_month), (group_col, by_group)) if on]
    is_met = case((c.state == MET, 1), else_=0)
    q = (select(month_col.label("month"), SlaPolicy.name, group_col.label("grp"), c.target,
                func.sum(is_met), func.count() - func.sum(is_met))
         .join(Ticket, Ticket.id == c.ticket_id)
         .join(SlaPolicy, SlaPolicy.id == c.policy_id)
         .outerjoin(Group, Group.id == Ticket.group_id)
         .where(Ticket.deleted_at.is_(None),
                or_(c.state.in_((MET, BREACHED)),
                    c.state.in_(OPEN_STATES) & (c.breach_at <= now)))
         .group_by(*keys, SlaPolicy.name, c.target))
    if since is not None:
        q = q.where(verdict_at >= since)
    if until is not None:
        q = q.where(verdict_at < until)
    rows = [AttainmentRow(m or "", p, g or "", t, int(met or 0), int(br or 0))
            for m, p, g, t, met, br in s.execute(q)]
    return sorted(rows, key=lambda r: (r.month, r.policy, r.group, r.target))


CSV_HEADER = ("month", "policy", "group", "target", "met", "breached", "total",
              "attainment_percent")


def write_csv(rows: Iterable[AttainmentRow], out: IO[str]) -> int:
    """Write the rows as CSV (header first); returns the number of data rows."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    n = 0
    for r in rows:
        writer.writerow((r.month, r.policy, r.group, r.target, r.met, r.breached, r.total,
                         f"{r.percent:.1f}"))
        n += 1
    return n


def export_csv(db: Database, path: str | Path, **kwargs: object) -> int:
    """The attainment report to a CSV file (UTF-8 with BOM, so spreadsheets read 中文)."""
    rows = attainment(db, **kwargs)  # type: ignore[arg-type]
    buffer = io.StringIO()
    n = write_csv(rows, buffer)
    try:
        Path(path).write_text(buffer.getvalue(), encoding="utf-8-sig")
    except OSError as err:
        from desk.errors import DeskError

        raise DeskError(_("Cannot write {path}: {error}").format(
            path=path, error=err.strerror or err)) from None
    return n
