"""A user's saved queue views: create, rename, reorder, duplicate, delete (soft).

Each write returns the ``Changes`` its unit of work recorded (rows of ``saved_views``) so
every open console's sidebar can refresh from the one change broadcast.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desk.db.session import Database, changes_of
from desk.errors import NotFound, ValidationError
from desk.i18n import _
from desk.models.views import SavedView
from desk.queues.spec import Filter, SortSpec, ViewSpec, unique_name
from desk.services.changes import Changes, Written
from desk.timeutil import utcnow

NAME_MAX = 120


def _spec(v: SavedView) -> ViewSpec:
    return ViewSpec.from_json(str(v.id), v.name, v.spec, saved_id=v.id)  # type: ignore[arg-type]


def _name(name: str) -> str:
    name = (name or "").replace("\x00", "").strip()
    if not name:
        raise ValidationError(_("A view needs a name"), field="name")
    if len(name) > NAME_MAX:
        raise ValidationError(_("The name is longer than {n} characters").format(n=NAME_MAX),
                              field="name")
    return name


def _live(s: Session, user_id: uuid.UUID) -> list[SavedView]:
    return list(s.scalars(select(SavedView).where(SavedView.user_id == user_id,
                                                  SavedView.deleted_at.is_(None))
                          .order_by(SavedView.position, SavedView.created_at)))


def _own(s: Session, user_id: uuid.UUID, view_id: uuid.UUID) -> SavedView:
    v = s.get(SavedView, view_id)
    if v is None or v.deleted_at is not None or v.user_id != user_id:
        raise NotFound(_("The view no longer exists"))
    return v


def list_views(db: Database, user_id: uuid.UUID) -> list[ViewSpec]:
    with db.read() as s:
        return [_spec(v) for v in _live(s, user_id)]


def create_view(db: Database, user_id: uuid.UUID, name: str, flt: Filter,
                sort: SortSpec | None = None) -> Written[ViewSpec]:
    name = _name(name)
    body = ViewSpec("new", name, flt, sort or SortSpec()).body()
    with db.write() as s:
        last = s.scalar(select(func.max(SavedView.position)).where(
            SavedView.user_id == user_id, SavedView.deleted_at.is_(None)))
        v = SavedView(user_id=user_id, name=name, spec=body,
                      position=(last + 1) if last is not None else 0)
        s.add(v)
        s.flush()
        spec = _spec(v)
    return Written(spec, changes_of(s))


def update_view(db: Database, user_id: uuid.UUID, view_id: uuid.UUID, *,
                name: str | None = None, flt: Filter | None = None,
                sort: SortSpec | None = None) -> Written[ViewSpec]:
    """Rename and/or change the filter or sort of a saved view."""
    with db.write() as s:
        v = _own(s, user_id, view_id)
        if name is not None:
            v.name = _name(name)
        if flt is not None or sort is not None:
            old = _spec(v)
            v.spec = ViewSpec(old.key, v.name, flt or old.filter, sort or old.sort).body()
        s.flush()
        spec = _spec(v)
    return Written(spec, changes_of(s))


def rename_view(db: Database, user_id: uuid.UUID, view_id: uuid.UUID,
                name: str) -> Written[ViewSpec]:
    return update_view(db, user_id, view_id, name=name)


def duplicate_view(db: Database, user_id: uuid.UUID,
                   view_id: uuid.UUID) -> Written[ViewSpec]:
    """A copy placed right after the original, named "… (2)"."""
    with db.write() as s:
        views = _live(s, user_id)
        src = _own(s, user_id, view_id)
        copy = SavedView(user_id=user_id, spec=dict(src.spec),  # type: ignore[call-overload]
                         name=unique_name(src.name, (v.name for v in views))[:NAME_MAX])
        order = [v for v in views]
        order.insert(order.index(src) + 1, copy)
        s.add(copy)
        _renumber(order)
        s.flush()
        spec = _spec(copy)
    return Written(spec, changes_of(s))


def delete_view(db: Database, user_id: uuid.UUID, view_id: uuid.UUID) -> Changes:
    with db.write() as s:
        v = _own(s, user_id, view_id)
        v.deleted_at = utcnow()
    return changes_of(s)


def reorder_views(db: Database, user_id: uuid.UUID,
                  ordered_ids: Sequence[uuid.UUID]) -> Written[list[ViewSpec]]:
    """Put the user's views in this order (views not listed keep their relative order after)."""
    with db.write() as s:
        views = _live(s, user_id)
        rank = {vid: i for i, vid in enumerate(ordered_ids)}
        views.sort(key=lambda v: (rank.get(v.id, len(rank)), v.position))
        _renumber(views)
        s.flush()
        specs = [_spec(v) for v in views]
    return Written(specs, changes_of(s))


def move_view(db: Database, user_id: uuid.UUID, view_id: uuid.UUID,
              delta: int) -> Written[list[ViewSpec]]:
    """Move a view up (negative) or down (positive) in the sidebar."""
    with db.write() as s:
        views = _live(s, user_id)
        src = _own(s, user_id, view_id)
        i = views.index(src)
        j = max(0, min(len(views) - 1, i + delta))
        views.insert(j, views.pop(i))
        _renumber(views)
        s.flush()
        specs = [_spec(v) for v in views]
    return Written(specs, changes_of(s))


def _renumber(views: list[SavedView]) -> None:
    for i, v in enumerate(views):
        if v.position != i:
            v.position = i
