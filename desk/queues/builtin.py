"""The built-in queue views every agent has (each backed by an index in desk.models.views),
and the views that features above the queue engine add (the SLA's "Breaching soon")."""

from __future__ import annotations

from collections.abc import Callable

from desk.i18n import _
from desk.queues.spec import Filter, SortSpec, ViewSpec

RECENT_DAYS = 7

# Registered views by key, in registration order; each made when asked, so its name is
# translated with the translator of that moment.
_registered: dict[str, Callable[[], ViewSpec]] = {}


def register_view(key: str, make: Callable[[], ViewSpec]) -> None:
    """Add a view after the engine's own (idempotent for the same ``make``)."""
    if not key.startswith("builtin:"):
        raise ValueError(f"a registered view's key starts with 'builtin:', not {key!r}")
    if _registered.get(key) is make:
        return
    _registered[key] = make


def unregister_view(key: str) -> None:
    _registered.pop(key, None)


def builtin_views() -> list[ViewSpec]:
    """Names are translated at call time, so call this after the translator is installed."""
    by_priority = SortSpec("priority", False)
    newest = SortSpec("updated", True)
    return [
        ViewSpec("builtin:my_open", _("My open work"),
                 Filter(open_only=True, assigned_to_me=True), by_priority),
        ViewSpec("builtin:unassigned", _("Unassigned in my groups"),
                 Filter(open_only=True, my_groups=True, unassigned=True), by_priority),
        ViewSpec("builtin:group_open", _("All open in my groups"),
                 Filter(open_only=True, my_groups=True), by_priority),
        ViewSpec("builtin:recent", _("Recently updated"),
                 Filter(updated_within_days=RECENT_DAYS), newest),
        ViewSpec("builtin:major", _("Major incidents"),
                 Filter(open_only=True, major_incident=True), by_priority),
        ViewSpec("builtin:all", _("All tickets"), Filter(), newest),
        *(make() for make in _registered.values()),
    ]
