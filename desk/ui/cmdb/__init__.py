"""CMDB widgets hosted by the main window and the ticket form.

- ``browser.CmdbBrowser(runner, parent=None)``: the CMDB browser (class tree, CI list, detail,
  graph).
- ``window.CmdbWindow(runner, settings, parent=None)``: the browser in its own window, with
  ``openTicketRequested(object)``.
- ``affected.AffectedCisPanel(runner, me, parent=None)``: the ticket form's affected CIs, with
  ``set_ticket(ticket_id | None)`` and ``openTicketRequested(object)``.
"""
