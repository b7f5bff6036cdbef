"""What the ticket form reads: its lookups once, then the ticket's detail whenever asked.

One detail read at a time: asked again while one is on its way (a change broadcast, a
refresh), the loader reads once more after it, so nothing newer is missed and reads do not
pile up. A failed read says why in the form's banner, with "Try again" when trying helps.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QCoreApplication, QObject, Signal

from desk.errors import DeskError, NotFound
from desk.services import catalog
from desk.services.catalog import FormLookups, TicketDetail
from desk.ui.ticket.assignment import Read
from desk.ui.widgets import Banner
from desk.ui.worker import Op

# The form's parts share its context in the catalogue.
translate = QCoreApplication.translate


class TicketLoader(QObject):
    ready = Signal()  # the lookups are in, and the detail when the form shows a ticket
    newer = Signal(object)  # TicketDetail read after ``ready``
    failed = Signal()  # a read failed; the banner says why

    def __init__(self, read: Read, banner: Banner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._read, self._banner = read, banner
        self.ticket_id: uuid.UUID | None = None
        self.lookups: FormLookups | None = None
        self.detail: TicketDetail | None = None
        self._announced = False
        self._detail_op: Op | None = None
        self._refresh_queued = False

    def start(self, ticket_id: uuid.UUID | None) -> None:
        self.ticket_id = ticket_id
        self._load_lookups()
        if ticket_id is not None:
            self.load_detail()

    def load_detail(self, ticket_id: uuid.UUID | None = None) -> None:
        """Read the detail of ``ticket_id`` (a ticket just created), else of the one shown."""
        if ticket_id is not None:
            self.ticket_id = ticket_id
        if self._detail_op is not None:
            self._refresh_queued = True
            return
        self._detail_op = self._read(catalog.ticket_detail, self.ticket_id,
                                     on_done=self._detail_loaded, on_error=self._load_failed,
                                     label="load ticket")

    def _load_lookups(self) -> None:
        self._read(catalog.form_lookups, on_done=self._lookups_loaded,
                   on_error=self._load_failed, label="form lookups")

    def _lookups_loaded(self, lookups: FormLookups) -> None:
        self.lookups = lookups
        self._maybe_ready()

    def _detail_loaded(self, detail: TicketDetail) -> None:
        self._detail_op = None
        if self._refresh_queued:
            self._refresh_queued = False
            self.load_detail()
        self.detail = detail
        if self._announced:
            self.newer.emit(detail)
        else:
            self._maybe_ready()

    def _maybe_ready(self) -> None:
        if self.lookups is None or (self.ticket_id is not None and self.detail is None):
            return
        self._announced = True
        self.ready.emit()

    def _load_failed(self, err: BaseException) -> None:
        self._detail_op = None
        if not isinstance(err, DeskError):
            raise err
        if isinstance(err, NotFound):
            self._banner.show_notice(translate("TicketForm", "This ticket no longer exists."),
                                     error=True)
        else:
            self._banner.show_notice(str(err), error=True, actions=[
                (translate("TicketForm", "Try again"), self._retry)])
        self.failed.emit()

    def _retry(self) -> None:
        self._banner.dismiss()
        if self.lookups is None:
            self._load_lookups()
        if self.ticket_id is not None and self.detail is None:
            self.load_detail()
