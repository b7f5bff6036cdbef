"""History (status, assignment, group and priority changes) and the full audit trail."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desk.domain.enums import Channel, EventField, ResolutionCode, Status
from desk.services.catalog import name_of
from desk.services.dto import ID_FIELDS, AuditView, EventView
from desk.ui.i18n import local_time, translate
from desk.ui.ticket.common import (
    channel_label,
    field_label,
    level_text,
    priority_text,
    resolution_label,
    status_label,
)

PREVIEW_CHARS = 120
_STATUSES = {s.value for s in Status}
_CHANNELS = {c.value for c in Channel}
_CODES = {c.value for c in ResolutionCode}


def display_value(name: str, value: str | None, names: dict) -> str:
    """A stored field value (text, as events and audit keep it) as a person reads it."""
    if value is None or value == "":
        return "—"
    try:
        if name in ID_FIELDS or name in (EventField.ASSIGNEE, EventField.GROUP):
            return name_of(names, value, translate("(removed)"))
        if name in ("status", EventField.CREATED) and value in _STATUSES:
            return status_label(value)
        if name == "priority":
            return priority_text(int(value))
        if name in ("impact", "urgency"):
            return level_text(int(value))
        if name == "channel" and value in _CHANNELS:
            return channel_label(value)
        if name == "resolution_code" and value in _CODES:
            return resolution_label(value)
        if name == "major_incident":
            return translate("Yes") if value == "true" else translate("No")
        if name == EventField.FIRST_RESPONSE:
            return local_time(datetime.fromisoformat(value))
    except ValueError:
        pass
    text = " ".join(value.split())
    return text if len(text) <= PREVIEW_CHARS else text[:PREVIEW_CHARS - 1] + "…"


def _event_label(what: str) -> str:
    return {
        EventField.CREATED: translate("Created", disambiguation="ticket history event"),
        EventField.STATUS: translate("Status"),
        EventField.ASSIGNEE: translate("Assignee"),
        EventField.GROUP: translate("Assignment group"),
        EventField.PRIORITY: translate("Priority"),
        EventField.FIRST_RESPONSE: translate("First response"),
    }.get(what, what)


class _Table(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.setHorizontalHeaderLabels([translate("When"), translate("Who"), translate("What"),
                                        translate("From"), translate("To")])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)

    def _fill(self, rows: list[tuple[str, str, str, str, str, str]]) -> None:
        self.setRowCount(len(rows))
        for r, (when, when_full, who, what, old, new) in enumerate(rows):
            for c, text in enumerate((when, who, what, old, new)):
                item = QTableWidgetItem(text)
                item.setToolTip(when_full if c == 0 else text)
                self.setItem(r, c, item)
        self.resizeColumnsToContents()
        for c in range(4):
            self.setColumnWidth(c, min(self.columnWidth(c), 260))


class HistoryTable(_Table):
    """Status and assignment history, newest first, with names instead of ids."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Status and assignment history"))

    def set_events(self, events: tuple[EventView, ...] | list[EventView], names: dict) -> None:
        rows = []
        for e in reversed(list(events)):
            rows.append((local_time(e.at), local_time(e.at, seconds=True),
                         name_of(names, e.actor_id, self.tr("System")), _event_label(e.field),
                         display_value(e.field, e.old_value, names),
                         display_value(e.field, e.new_value, names)))
        self._fill(rows)


class AuditTable(_Table):
    """Every changed field: who, when, old and new value."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Audit trail"))

    def set_audit(self, entries: tuple[AuditView, ...] | list[AuditView], names: dict) -> None:
        rows = []
        for a in reversed(list(entries)):
            rows.append((local_time(a.created_at), local_time(a.created_at, seconds=True),
                         name_of(names, a.actor_id, self.tr("System")), field_label(a.field),
                         display_value(a.field, a.old_value, names),
                         display_value(a.field, a.new_value, names)))
        self._fill(rows)
