"""What a queue view shows: a ``Filter``, a ``SortSpec`` and a name — plain, frozen values.

A view is data, not SQL: it is stored as JSON (saved views), compared for equality (has the
user changed it?), and turned into SQL only by ``desk.queues.sql``. Everything a user types
(the text filter) stays a bound parameter there.

Multi-valued criteria are OR-ed within themselves and AND-ed with each other: "kind is
incident or problem, and priority is P1 or P2". "My groups", "assigned to me" and "unassigned"
are resolved against the signed-in user when the query runs, so one saved view works for
every agent it is shared with.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import datetime
from typing import Any

from desk.errors import ValidationError
from desk.i18n import _

# Pseudo-column: full-text relevance (best first); only meaningful with a text filter.
RELEVANCE = "relevance"
MAX_TEXT = 10_000


@dataclass(frozen=True)
class Filter:
    kinds: tuple[str, ...] = ()
    open_only: bool = False
    statuses: tuple[str, ...] = ()
    priorities: tuple[int, ...] = ()
    my_groups: bool = False
    group_ids: tuple[uuid.UUID, ...] = ()
    assigned_to_me: bool = False
    unassigned: bool = False
    assignee_ids: tuple[uuid.UUID, ...] = ()
    requester_ids: tuple[uuid.UUID, ...] = ()
    organization_ids: tuple[uuid.UUID, ...] = ()
    category_ids: tuple[uuid.UUID, ...] = ()
    channels: tuple[str, ...] = ()
    major_incident: bool | None = None
    sla_at_risk: bool = False  # an open SLA clock at warning or breached (desk.sla)
    # With sla_at_risk: True only breached, False only at warning and not (yet) breached.
    sla_breached: bool | None = None
    created_from: datetime | None = None
    created_to: datetime | None = None
    created_within_days: int | None = None
    updated_from: datetime | None = None
    updated_to: datetime | None = None
    updated_within_days: int | None = None
    text: str = ""

    def __post_init__(self) -> None:
        for name in ("created_from", "created_to", "updated_from", "updated_to"):
            value = getattr(self, name)
            if value is not None and (value.tzinfo is None or value.utcoffset() is None):
                raise ValueError(f"Filter.{name} must be timezone-aware")
        for name in ("created_within_days", "updated_within_days"):
            value = getattr(self, name)
            if value is not None and value < 0:
                raise ValidationError(_("A number of days cannot be negative"), field=name)

    # ------------------------------------------------------------ JSON

    def to_dict(self) -> dict[str, Any]:
        """Only the criteria that are set, so stored views stay small and readable."""
        out: dict[str, Any] = {}
        default = Filter()
        for f in fields(self):
            value = getattr(self, f.name)
            if value == getattr(default, f.name):
                continue
            if isinstance(value, tuple):
                value = [str(v) if isinstance(v, uuid.UUID) else v for v in value]
            elif isinstance(value, datetime):
                value = value.isoformat()
            out[f.name] = value
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Filter:
        """Tolerant of unknown keys (a newer Desk may have written more criteria)."""
        kwargs: dict[str, Any] = {}
        for f in fields(cls):
            if f.name not in data or data[f.name] is None:
                continue
            value = data[f.name]
            if f.name.endswith("_ids"):
                kwargs[f.name] = tuple(uuid.UUID(str(v)) for v in value)
            elif f.name == "priorities":
                kwargs[f.name] = tuple(int(v) for v in value)
            elif f.name in ("kinds", "statuses", "channels"):
                kwargs[f.name] = tuple(str(v) for v in value)
            elif f.name.endswith(("_from", "_to")):
                kwargs[f.name] = datetime.fromisoformat(str(value))
            elif f.name.endswith("_days"):
                kwargs[f.name] = int(value)
            elif f.name == "text":
                kwargs[f.name] = str(value)
            else:
                kwargs[f.name] = bool(value)
        return cls(**kwargs)


@dataclass(frozen=True)
class SortSpec:
    column: str = "updated"
    descending: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {"column": self.column, "descending": self.descending}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SortSpec:
        return cls(str(data.get("column", "updated")), bool(data.get("descending", True)))


@dataclass(frozen=True)
class ViewSpec:
    """One queue view. ``key`` is stable: ``builtin:…``, a saved view's UUID, or ``search``."""

    key: str
    name: str
    filter: Filter = field(default_factory=Filter)
    sort: SortSpec = field(default_factory=SortSpec)
    saved_id: uuid.UUID | None = None

    @property
    def is_builtin(self) -> bool:
        return self.key.startswith("builtin:")

    @property
    def is_search(self) -> bool:
        return self.key == SEARCH_KEY

    def with_sort(self, sort: SortSpec) -> ViewSpec:
        return replace(self, sort=sort)

    def to_json(self) -> str:
        """Filter and sort (the name and key live beside it in the saved-views table)."""
        return json.dumps(self.body(), ensure_ascii=False, sort_keys=True)

    def body(self) -> dict[str, Any]:
        return {"filter": self.filter.to_dict(), "sort": self.sort.to_dict()}

    @classmethod
    def from_json(cls, key: str, name: str, data: str | Mapping[str, Any],
                  saved_id: uuid.UUID | None = None) -> ViewSpec:
        body = json.loads(data) if isinstance(data, str) else data
        return cls(key, name, Filter.from_dict(body.get("filter", {})),
                   SortSpec.from_dict(body.get("sort", {})), saved_id)


SEARCH_KEY = "search"


def clean_text(text: str) -> str:
    """User search text as data: NULs removed (drivers refuse them), surrounding space gone."""
    return text.replace("\x00", "").strip()[:MAX_TEXT]


def search_spec(text: str) -> ViewSpec:
    text = clean_text(text)
    return ViewSpec(SEARCH_KEY, _("Search: {text}").format(text=_ellipsize(text, 40)),
                    Filter(text=text), SortSpec(RELEVANCE, False))


def _ellipsize(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def unique_name(wanted: str, taken: Iterable[str]) -> str:
    """``wanted``, or ``wanted (2)``, ``(3)`` … — for duplicated views."""
    names = set(taken)
    if wanted not in names:
        return wanted
    n = 2
    while f"{wanted} ({n})" in names:
        n += 1
    return f"{wanted} ({n})"
