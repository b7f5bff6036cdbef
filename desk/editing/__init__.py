"""Editing state kept apart from any toolkit: the ticket editor and the three-way merge."""
