"""The queue pane: views with counts, the lazily paged ticket table, search, bulk actions."""
