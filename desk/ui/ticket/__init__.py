"""The ticket form (``form.TicketForm``) and its parts: pickers, worklog, history,
attachments, conflicts."""
