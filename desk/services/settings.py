"""Desk-wide settings, declared once in a registry and kept in the database.

Every console on a shared database enforces the same values. Local UI state (window layout)
is not here: it belongs to QSettings in ``desk/ui``.

An ``Option`` declares a setting's key, type, default, title and limits; features above this
layer (the CMDB, …) ``register`` theirs when imported, so this module never imports them.
Titles are source text, marked with ``N_`` and translated when shown (``Option.label``):
declared at import time, they must not be translated before the language is chosen.
An option whose type is a ``StrEnum`` is a choice among its members, each with a ``label``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.db.session import Database, changes_of
from desk.domain.priority import PriorityMatrix
from desk.errors import ValidationError
from desk.i18n import N_, _
from desk.models import PriorityCell, Setting
from desk.services.changes import Changes


@dataclass(frozen=True)
class Option:
    key: str
    type: type  # int, bool, str or a StrEnum (a choice)
    default: Any
    title: str  # source text (``N_``); ``label`` is what a user reads
    section: str = N_("General")  # source text: the heading the settings screen files it under
    minimum: int | None = None
    maximum: int | None = None

    @property
    def label(self) -> str:
        return _(self.title)

    @property
    def section_label(self) -> str:
        return _(self.section)

    @property
    def choices(self) -> tuple[StrEnum, ...]:
        return tuple(self.type) if _is_choice(self.type) else ()

    def check(self, value: Any) -> Any:
        """``value`` as this option's type, or a ValidationError a user can read."""
        if _is_choice(self.type):
            try:
                return self.type(value)
            except ValueError:
                raise ValidationError(_("{title}: {value} is not one of the choices").format(
                    title=self.label, value=value), field=self.key) from None
        if self.type is bool:
            if not isinstance(value, bool):
                raise ValidationError(_("{title} must be yes or no").format(title=self.label),
                                      field=self.key)
            return value
        if self.type is int:
            if isinstance(value, bool):
                value = None  # True is not a number of days
            try:
                value = int(value)  # type: ignore[arg-type]
            except (TypeError, ValueError):
                raise ValidationError(_("{title} must be a whole number").format(
                    title=self.label), field=self.key) from None
            if self.minimum is not None and value < self.minimum:
                raise ValidationError(_("{title} must be at least {n}").format(
                    title=self.label, n=self.minimum), field=self.key)
            if self.maximum is not None and value > self.maximum:
                raise ValidationError(_("{title} must be at most {n}").format(
                    title=self.label, n=self.maximum), field=self.key)
            return value
        return self.type(value)


def _is_choice(t: type) -> bool:
    return isinstance(t, type) and issubclass(t, StrEnum)


OPTIONS: dict[str, Option] = {}


def register(*options: Option) -> None:
    """Declare options (in the order a settings screen lists them). Registering the same
    declaration again (a module imported twice under test runners) is harmless; a different
    one under a taken key is a programming error."""
    for option in options:
        known = OPTIONS.get(option.key)
        if known is not None and known != option:
            raise ValueError(f"setting {option.key} is declared twice, differently")
        OPTIONS[option.key] = option


register(
    Option("attachment_max_bytes", int, 25 * 1024 * 1024, N_("Largest attachment (bytes)"),
           N_("Tickets"), minimum=1, maximum=2**31 - 1),
    Option("auto_close_business_days", int, 5,
           N_("Close resolved tickets after (business days)"), N_("Tickets"), minimum=0,
           maximum=365),
)


def _option(key: str) -> Option:
    option = OPTIONS.get(key)
    if option is None:
        raise ValidationError(_("Unknown setting {key}").format(key=key), field=key)
    return option


def _stored(option: Option, raw: Any) -> Any:
    """A stored value as the option's type; the default when it no longer fits (a choice
    removed by an upgrade, a limit tightened): a stale row must not break a screen."""
    if raw is None:
        return option.default
    try:
        return option.check(raw)
    except ValidationError:
        return option.default


def settings_in(s: Session, keys: Iterable[str]) -> dict[str, Any]:
    """The current values of ``keys`` (registered options), in one query."""
    options = [_option(k) for k in keys]
    rows = dict(s.execute(select(Setting.key, Setting.value)
                          .where(Setting.key.in_([o.key for o in options]))).all())
    return {o.key: _stored(o, rows.get(o.key)) for o in options}


def get_setting(db: Database, key: str) -> Any:
    with db.read() as s:
        return settings_in(s, [key])[key]


def current_settings(db: Database) -> dict[str, Any]:
    """Every registered option's value, in registry order (what the settings screen edits)."""
    with db.read() as s:
        return settings_in(s, list(OPTIONS))


def put_settings(s: Session, values: Mapping[str, Any]) -> None:
    """Write already checked values in the caller's transaction (enums stored as text)."""
    for key, value in values.items():
        stored = str(value) if isinstance(value, StrEnum) else value
        row = s.get(Setting, key)
        if row is None:
            s.add(Setting(key=key, value=stored))
        else:
            row.value = stored


def save_settings(db: Database, values: Mapping[str, Any]) -> Changes:
    """Check every value first, then write them all in one transaction (all or nothing)."""
    checked = {key: _option(key).check(value) for key, value in values.items()}
    with db.write() as s:
        put_settings(s, checked)
    return changes_of(s)


def set_setting(db: Database, key: str, value: Any) -> Changes:
    return save_settings(db, {key: value})


def priority_matrix_in(s: Session) -> PriorityMatrix:
    cells = {(c.impact, c.urgency): c.priority for c in s.scalars(select(PriorityCell))}
    return PriorityMatrix(cells) if cells else PriorityMatrix()
