"""CMDB widgets hosted by the main window and the ticket form.

- ``browser.CmdbBrowser(runner, parent=None)``: the CMDB tab (class tree, CI list, detail,
  graph).
- ``affected.AffectedCisPanel(runner, me, parent=None)``: the ticket form's affected CIs, with
  ``set_ticket(ticket_id | None)`` and ``openTicketRequested(object)``.
"""
