"""The queue engine (Qt-free): views as data, SQL that filters and sorts in the database,
pages of rows, counts, full-text search and saved views.

- ``spec``: ``Filter``, ``SortSpec``, ``ViewSpec`` (frozen, JSON round-trip).
- ``builtin``: the built-in views.
- ``columns``: the column registry and ``QueueRow``.
- ``sql``: the SQLAlchemy Core selects.
- ``fulltext``: search SQL per database and index maintenance around bulk loads.
- ``service``: ``count``, ``counts``, ``fetch_rows``, ``snapshot``, ``search``.
- ``saved``: saved views CRUD.
"""

from desk.queues.builtin import builtin_views
from desk.queues.columns import QueueColumn, QueueRow, all_columns, register_column
from desk.queues.service import (
    SearchOutcome,
    Snapshot,
    count,
    counts,
    fetch_ids_or_rows,
    fetch_rows,
    search,
    snapshot,
)
from desk.queues.spec import Filter, SortSpec, ViewSpec

__all__ = [
    "Filter",
    "QueueColumn",
    "QueueRow",
    "SearchOutcome",
    "Snapshot",
    "SortSpec",
    "ViewSpec",
    "all_columns",
    "builtin_views",
    "count",
    "counts",
    "fetch_ids_or_rows",
    "fetch_rows",
    "register_column",
    "search",
    "snapshot",
]
