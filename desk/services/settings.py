"""Desk-wide settings, declared once (type, default, title) and kept in the database.

Every console on a shared database enforces the same values. Local UI state (window layout)
is not here: it belongs to QSettings in ``desk/ui``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from desk.db.session import Database, changes_of
from desk.domain.priority import PriorityMatrix
from desk.errors import ValidationError
from desk.i18n import _
from desk.models import PriorityCell, Setting
from desk.services.changes import Changes


@dataclass(frozen=True)
class Option:
    key: str
    type: type
    default: Any
    title: str
    minimum: int | None = None


OPTIONS: dict[str, Option] = {
    o.key: o
    for o in (
        Option("attachment_max_bytes", int, 25 * 1024 * 1024,
               _("Largest attachment (bytes)"), minimum=1),
        Option("auto_close_business_days", int, 5,
               _("Close resolved tickets after (business days)"), minimum=0),
    )
}


def get_setting(db: Database, key: str) -> Any:
    option = OPTIONS[key]
    with db.read() as s:
        value = s.scalar(select(Setting.value).where(Setting.key == key))
    return option.default if value is None else option.type(value)


def set_setting(db: Database, key: str, value: Any) -> Changes:
    option = OPTIONS.get(key)
    if option is None:
        raise ValidationError(_("Unknown setting {key}").format(key=key), field=key)
    try:
        value = option.type(value)
    except (TypeError, ValueError):
        raise ValidationError(_("{title} must be a number").format(title=option.title),
                              field=key) from None
    if option.minimum is not None and value < option.minimum:
        raise ValidationError(_("{title} must be at least {n}").format(
            title=option.title, n=option.minimum), field=key)
    with db.write() as s:
        row = s.get(Setting, key)
        if row is None:
            s.add(Setting(key=key, value=value))
        else:
            row.value = value
    return changes_of(s)


def load_priority_matrix(db: Database) -> PriorityMatrix:
    with db.read() as s:
        cells = {(c.impact, c.urgency): c.priority for c in s.scalars(select(PriorityCell))}
    return PriorityMatrix(cells) if cells else PriorityMatrix()
