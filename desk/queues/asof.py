"""As of when a queue statement runs: the reads set it (``as_of``) so a count and its pages
agree, and windows such as "in the last N days" are bound values worked out at each
execution, so a kept statement moves with the clock."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, bindparam

from desk.timeutil import utcnow

# "As of when" a statement runs: the reads set it (``as_of``) so a count and its pages agree;
# outside one, the current time.
_as_of: ContextVar[datetime | None] = ContextVar("desk_queue_as_of", default=None)


@contextmanager
def as_of(now: datetime) -> Iterator[None]:
    """Run the statements inside as of ``now`` ("in the last N days" windows)."""
    token = _as_of.set(now)
    try:
        yield
    finally:
        _as_of.reset(token)


def within_days(column: ColumnElement[Any], name: str, days: int) -> ColumnElement[bool]:
    """``column`` in the last ``days`` days, the window's start worked out when the statement
    runs (``as_of``), not when it is built: a kept statement moves with the clock. The bound
    value is named: SQLAlchemy's compiled-statement cache must not take it for a plain bound
    value of the same shape (a "created from" date), whose compiled form never calls it."""
    delta = timedelta(days=days)
    return column >= bindparam(name, callable_=lambda: (_as_of.get() or utcnow()) - delta,
                               type_=column.type)
