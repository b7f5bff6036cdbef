"""What an existing ticket has besides its fields: worklog, attachments, history, audit,
SLA clocks and affected CIs, one tab each. Worklog entries are written from here."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from desk.errors import DeskError
from desk.services import tickets
from desk.services.catalog import TicketDetail
from desk.services.people import CurrentUser
from desk.ui.cmdb.affected import AffectedCisPanel
from desk.ui.sla.panel import SlaPanel
from desk.ui.ticket.attachments import AttachmentsPanel
from desk.ui.ticket.history import AuditTable, HistoryTable
from desk.ui.ticket.worklog import Composer, WorklogTimeline
from desk.ui.worker import DbRunner

# The form's parts share its context in the catalogue.
translate = QCoreApplication.translate


class TicketTabs(QTabWidget):
    worklogAdded = Signal()

    def __init__(self, runner: DbRunner, me: CurrentUser, write: Callable[..., Any],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, documentMode=True)
        self.me, self.write = me, write  # write: the form's DbRunner.write
        self.ticket_id: uuid.UUID | None = None
        self.worklog_tab = QWidget()
        wl = QVBoxLayout(self.worklog_tab)
        wl.setContentsMargins(0, 6, 0, 0)
        self.composer = Composer(self.worklog_tab)
        self.composer.submitted.connect(self._add_worklog)
        wl.addWidget(self.composer)
        self.timeline = WorklogTimeline(self.worklog_tab)
        wl.addWidget(self.timeline, 1)
        self.addTab(self.worklog_tab, translate("TicketForm", "Worklog"))
        self.attachments = AttachmentsPanel(runner, me)
        self.addTab(self.attachments, translate("TicketForm", "Attachments"))
        self.history = HistoryTable()
        self.addTab(self.history, translate("TicketForm", "History"))
        self.audit = AuditTable()
        self.addTab(self.audit, translate("TicketForm", "Audit"))
        self.sla = SlaPanel(runner, me)
        self.addTab(self.sla, translate("TicketForm", "SLA"))
        self.cis = AffectedCisPanel(runner, me, self)
        self.addTab(self.cis, translate("TicketForm", "Affected CIs"))

    def set_ticket(self, ticket_id: uuid.UUID | None) -> None:
        """A new ticket has none of these until its first save."""
        self.ticket_id = ticket_id
        self.setVisible(ticket_id is not None)
        self.attachments.set_ticket(ticket_id)
        self.sla.set_ticket(ticket_id)
        self.cis.set_ticket(ticket_id)

    def show_detail(self, detail: TicketDetail, names: dict[uuid.UUID, str]) -> None:
        self.timeline.set_entries(detail.worklog, names)
        self.history.set_events(detail.events, names)
        self.audit.set_audit(detail.audit, names)
        self.attachments.set_items(detail.attachments, names)
        self.setTabText(self.indexOf(self.worklog_tab),
                        translate("TicketForm", "Worklog ({n})").format(n=len(detail.worklog)))
        self.setTabText(self.indexOf(self.attachments),
                        translate("TicketForm", "Attachments ({n})").format(
                            n=len(detail.attachments)))

    def _add_worklog(self, visibility: str, text: str) -> None:
        if self.ticket_id is None:
            return
        self.composer.set_busy(True)
        self.write(tickets.add_worklog, self.me.id, self.ticket_id, visibility, text,
                   on_done=self._worklog_added, on_error=self._worklog_failed,
                   label="add worklog")

    def _worklog_added(self, _result: object) -> None:
        self.composer.set_busy(False)
        self.composer.set_state("", self.composer.visibility())
        self.worklogAdded.emit()

    def _worklog_failed(self, err: BaseException) -> None:
        self.composer.set_busy(False)
        if not isinstance(err, DeskError):
            raise err
        self.composer.box.show_error(str(err))
