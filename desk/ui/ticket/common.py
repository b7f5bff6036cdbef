"""Small pieces the ticket form's parts share: labels.

Widgets shared beyond the ticket form live in ``desk.ui.widgets``; they are imported here too
for the screens that still take them from this module.
"""

from __future__ import annotations

from desk.domain import kinds
from desk.domain.enums import Channel, Kind, ResolutionCode, Status
from desk.domain.priority import level_label, priority_label
from desk.ui.i18n import local_time, translate
from desk.ui.widgets import (
    PRIORITY_COLORS,
    Chip,
    FieldBox,
    error_color,
    is_dark,
)

__all__ = [
    "PRIORITY_COLORS",
    "Chip",
    "FieldBox",
    "channel_label",
    "error_color",
    "field_label",
    "is_dark",
    "kind_label",
    "level_text",
    "local_time",
    "priority_text",
    "resolution_label",
    "status_label",
    "translate",
]




def kind_label(kind: str) -> str:
    """Core labels translate through desk.i18n, whose backend the app points at Qt."""
    return Kind(kind).label


def status_label(status: str | None) -> str:
    return Status(status).label if status else ""


def channel_label(channel: str) -> str:
    return Channel(channel).label


def resolution_label(code: str | None) -> str:
    return ResolutionCode(code).label if code else ""


def level_text(level: int) -> str:
    return level_label(level)


def priority_text(priority: int) -> str:
    return priority_label(priority)


def field_label(name: str) -> str:
    """The label of a ticket field (as the kind specs name it), or of another thing the
    history and audit trail record."""
    label = kinds.field_label(name)
    if label is not None:
        return label
    labels = {
        "priority": translate("Priority"),
        "attachment": translate("Attachment"),
        "created": translate("Created", disambiguation="ticket history event"),
    }
    return labels.get(name, name)
