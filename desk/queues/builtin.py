"""The built-in queue views every agent has (each backed by an index in desk.models.views)."""

from __future__ import annotations

from desk.i18n import _
from desk.queues.spec import Filter, SortSpec, ViewSpec
from desk.sla.queue_views import NEXT_DUE, register_next_due_column

RECENT_DAYS = 7


def builtin_views() -> list[ViewSpec]:
    """Names are translated at call time, so call this after the translator is installed."""
    by_priority = SortSpec("priority", False)
    newest = SortSpec("updated", True)
    register_next_due_column()  # the sort key of "Breaching soon" and "SLA breached"
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
        # At warning and not yet breached, in my groups, soonest first; the breached apart
        # (most overdue first), or they bury the tickets that can still be saved.
        ViewSpec("builtin:breaching", _("Breaching soon"),
                 Filter(open_only=True, my_groups=True, sla_at_risk=True, sla_breached=False),
                 SortSpec(NEXT_DUE, False)),
        ViewSpec("builtin:breached", _("SLA breached"),
                 Filter(open_only=True, my_groups=True, sla_at_risk=True, sla_breached=True),
                 SortSpec(NEXT_DUE, False)),
    ]
