"""CMDB widgets hosted by the main window and the ticket form.

- ``CmdbBrowser(runner, parent=None)``: the CMDB tab (class tree, CI list, detail, graph).
- ``AffectedCisPanel(runner, me, parent=None)``: the ticket form's affected CIs, with
  ``set_ticket(ticket_id | None)`` and ``openTicketRequested(object)``.
"""

from desk.ui.cmdb.affected import AffectedCisPanel
from desk.ui.cmdb.browser import CmdbBrowser

__all__ = ["AffectedCisPanel", "CmdbBrowser"]
