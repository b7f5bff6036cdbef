"""What a write changed: the value every write service returns with its result and the
change broadcast carries. Recorded by the unit of work (``desk.db.session``), so it lives in
``desk.db.changes``; services and views take it from here."""

from __future__ import annotations

from desk.db.changes import ChangeLog, Changes, Key, RowOp, Written

__all__ = ["ChangeLog", "Changes", "Key", "RowOp", "Written"]
