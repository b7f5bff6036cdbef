"""CMDB widgets hosted by the main window and the ticket form.

- ``CmdbBrowser(runner, parent=None)``: the CMDB browser (class tree, CI list, detail, graph).
- ``CmdbWindow(runner, settings, parent=None)``: the browser in its own window, with
  ``openTicketRequested(object)``.
- ``AffectedCisPanel(runner, me, parent=None)``: the ticket form's affected CIs, with
  ``set_ticket(ticket_id | None)`` and ``openTicketRequested(object)``.
"""

from desk.ui.cmdb.affected import AffectedCisPanel
from desk.ui.cmdb.browser import CmdbBrowser
from desk.ui.cmdb.window import CmdbWindow

__all__ = ["AffectedCisPanel", "CmdbBrowser", "CmdbWindow"]
