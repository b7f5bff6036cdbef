"""A save landing in the middle of a multi-query read, for the one-snapshot read tests."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event

from desk.db.session import Database


@contextmanager
def save_while_reading(db: Database, table: str, save: Callable[[], object],
                       nth: int = 1) -> Iterator[None]:
    """Run ``save`` (a write committed on another connection) just before the ``nth`` SELECT
    that reads from ``table``."""
    state = {"seen": 0, "done": False}

    def before(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        text = " ".join(statement.split())
        if state["done"] or not text.upper().startswith("SELECT") \
                or f"FROM {table} " not in text + " ":
            return
        state["seen"] += 1
        if state["seen"] == nth:
            state["done"] = True
            save()

    event.listen(db.engine, "before_cursor_execute", before)
    try:
        yield
    finally:
        event.remove(db.engine, "before_cursor_execute", before)
    assert state["done"], f"fewer than {nth} statements read {table}"
