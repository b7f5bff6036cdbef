"""Declarative base, column types and the mixins that prepare every record for offline sync.

- ``SyncedMixin``: client-generated UUIDv7 key, ``row_version`` for optimistic locking
  (SQLAlchemy ``version_id_col``), aware-UTC ``created_at``/``updated_at`` and soft delete.
- ``AppendOnlyMixin``: records that only grow (events, worklog, audit). The ORM refuses to
  update or delete them (see ``_refuse_append_only_changes``).
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime, Integer, MetaData, String, TypeDecorator, Uuid, event
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, declared_attr, mapped_column

from desk.ids import uuid7
from desk.timeutil import utcnow

# Stable constraint names, so migrations can refer to them on both databases.
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in Python; ``timestamptz`` on PostgreSQL, UTC text on SQLite.

    Binding a naive datetime is a programming error and raises.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"naive datetime bound to a UTC column: {value!r}")
        value = value.astimezone(UTC)
        if dialect.name == "sqlite":
            # SQLite keeps text; one fixed UTC form sorts and compares correctly.
            return value.replace(tzinfo=None)
        return value

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)

    def result_processor(self, dialect: Any, coltype: Any) -> Any:
        if dialect.name != "sqlite":
            return super().result_processor(dialect, coltype)
        # SQLite's text read straight as an aware UTC datetime: one C call per value where
        # SQLAlchemy's parser, then ``replace(tzinfo=…)`` and this type's own layer took ten
        # times as long (a queue page reads 200–300 of them).
        general = super().result_processor(dialect, coltype)

        def process(value: Any) -> datetime | None:
            if value is None:
                return None
            try:
                return _from_iso(value + "+00:00")  # (stored without an offset, in UTC)
            except (TypeError, ValueError):
                return general(value) if general is not None else value
        return process


_from_iso = datetime.fromisoformat


def sqlite_timestamp(value: datetime) -> str:
    """The exact text SQLAlchemy's SQLite DateTime stores, for bulk loaders."""
    v = value.astimezone(UTC)
    return (f"{v.year:04d}-{v.month:02d}-{v.day:02d} "
            f"{v.hour:02d}:{v.minute:02d}:{v.second:02d}.{v.microsecond:06d}")


class UuidText(Uuid[uuid.UUID]):
    """``Uuid`` (native ``uuid`` on PostgreSQL, 32 hex digits on SQLite) whose SQLite reader
    makes the ``uuid.UUID`` from the digits directly: a third of ``uuid.UUID(hex)``'s cost,
    which cleans up braces, dashes and prefixes that Desk never stores (anything else still
    goes through it). A queue page reads two per row."""

    def result_processor(self, dialect: Any, coltype: Any) -> Any:
        general = super().result_processor(dialect, coltype)
        if general is None or not self.as_uuid:
            return general  # (PostgreSQL's driver makes the UUID itself)

        def process(value: Any) -> uuid.UUID | None:
            if value is None:
                return None
            if type(value) is str and len(value) == 32:
                try:
                    n = int(value, 16)
                except ValueError:
                    n = -1
                if n >= 0:
                    made = _new(_UUID)
                    _set(made, "int", n)
                    _set(made, "is_safe", _UNKNOWN)
                    return made
            return general(value)  # type: ignore[no-any-return]
        return process


_UUID = uuid.UUID
_UNKNOWN = uuid.SafeUUID.unknown
_new = object.__new__
_set = object.__setattr__


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {
        datetime: UTCDateTime(),
        uuid.UUID: UuidText(),
        str: String(),
    }


class SyncedMixin:
    """Columns every synced, editable record carries."""

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid7)
    row_version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    created_at: Mapped[datetime] = mapped_column(nullable=False, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(nullable=False, default=utcnow, onupdate=utcnow)
    deleted_at: Mapped[datetime | None] = mapped_column(default=None)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.row_version}


class AppendOnlyMixin:
    """Records that are written once and never changed or removed."""

    __append_only__ = True

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid7)
    created_at: Mapped[datetime] = mapped_column(nullable=False, default=utcnow)


@event.listens_for(Session, "before_flush")
def _refuse_append_only_changes(session: Session, flush_context: Any, instances: Any) -> None:
    for obj in list(session.dirty) + list(session.deleted):
        if getattr(obj, "__append_only__", False) and (
            obj in session.deleted or session.is_modified(obj, include_collections=False)
        ):
            raise RuntimeError(f"{type(obj).__name__} is append-only: it cannot be changed")
