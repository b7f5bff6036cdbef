"""Small builders for CMDB test data through the real services."""

from __future__ import annotations

import uuid

from desk.cmdb import services as sv
from desk.db.session import Database


def ci(db: Database, name: str, cls: str = "application", **kw: object) -> sv.CiView:
    view, _ = sv.create_ci(db, None, sv.CiInput(name=name, class_name=cls, **kw))  # type: ignore[arg-type]
    return view


def rel(db: Database, a: sv.CiView | uuid.UUID, t: str, b: sv.CiView | uuid.UUID) -> uuid.UUID:
    a_id = a if isinstance(a, uuid.UUID) else a.id
    b_id = b if isinstance(b, uuid.UUID) else b.id
    rid, _ = sv.add_relationship(db, None, a_id, t, b_id)
    return rid
