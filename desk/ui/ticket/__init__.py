"""The ticket form (``desk.ui.ticket.form``) and its parts: pickers, worklog, history,
attachments, conflicts. Import what you need from its module: screens that only share a
small piece (``common``) must not load the whole form."""
