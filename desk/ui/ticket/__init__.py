"""The ticket form and its parts: pickers, worklog, history, attachments, conflicts."""

from desk.ui.ticket.form import TicketForm

__all__ = ["TicketForm"]
