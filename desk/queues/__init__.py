"""The queue engine (Qt-free): views as data, SQL that filters and sorts in the database,
pages of rows, counts, full-text search and saved views. Features above it (the SLA) add
columns, filter terms and views through its registries at start-up; it imports none of them.

- ``records``: the registry of record types a view can list; ``tickets``: the built-in one.
- ``spec``: ``Filter``, ``SortSpec``, ``ViewSpec`` (frozen, JSON round-trip).
- ``builtin``: the built-in views and the registry of views features add.
- ``columns``: the column registries (per record type) and ``QueueRow``.
- ``terms``: the registry of filter terms features add (per record type).
- ``registry``: the version of the registries that kept selects depend on.
- ``sql``: the SQLAlchemy Core selects; ``asof``: as of when they run.
- ``fulltext``: search SQL per database and index maintenance around bulk loads.
- ``service``: ``count``, ``counts``, ``fetch_rows``, ``snapshot``, ``search``.
- ``saved``: saved views CRUD.
"""
