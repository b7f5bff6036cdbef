"""Full-text search over ticket title, description and worklog, on SQLite and PostgreSQL.

What a search means — the same on both databases (tests/queues/test_search_parity.py): the
text is split into terms at white space (``"two words"`` in double quotes is one term); a
ticket matches when every term occurs, as a case-insensitive substring, in its title,
description or worklog. ``OR`` in capitals between two terms makes them alternatives
(``printer OR scanner``: either); a dangling ``OR`` is ignored, a quoted ``"OR"`` is a term.
Only the first ``MAX_TERMS`` distinct terms are searched (``parse`` says when more were
dropped). Every character of the user's text is data — it reaches the database only as a
bound parameter, and inside FTS5 query syntax only as a double-quoted string.

SQLite (FTS5, ``trigram`` tokenizer, ``detail=none``): the ``ticket_fts`` table (columns title,
description, worklog; ``rowid`` = ``tickets.rowid``) is kept current by triggers on ``tickets``
and ``worklog_entries`` (migrations 0002 and 0005), so the ORM-based ticket services need no
search code. Trigrams give substring search in every script: Chinese (which has no spaces for a
word tokenizer to split on), part numbers, ``50%``, e-mail addresses. The index stores only
which tickets contain each trigram (``detail=none``: no positions), which halves the time to
build it (a million tickets: ~36 s instead of ~80 s) and its size. A token of three or more
characters is looked up as the AND of its trigrams (an index lookup) and then confirmed with
``LIKE … ESCAPE '\\'`` on the stored text, since a ticket can hold every trigram of *printer*
without the word; a shorter token (``打印``, ``PC``) is only the ``LIKE`` — with no long token
at all that is a scan of the index table, slower but still correct. Relevance (the search
view's order) is how many tokens the title contains, then the most recently updated — the
same rule as on PostgreSQL. ``LIKE`` folds case for ASCII letters only, so *ÉCRAN* does not
find *écran* (the trigram lookup would).

PostgreSQL: every term is a case-insensitive substring match with ``ILIKE … ESCAPE '\\'``
on ``title || ' ' || description`` and on each worklog body — backed by ``pg_trgm`` GIN
indexes when the migration could create the extension, otherwise a scan. (A prefix match on
``tsvector`` words was faster but found other tickets than SQLite: ``print`` missed
*blueprint*, ``contoso`` missed *user@contoso.com*; the ``tsvector`` GIN indexes of migration
0002 stay until a migration drops them.) ``ILIKE`` folds the case of every alphabet, so
*ÉCRAN* finds *écran* here but not on SQLite — the one difference by design, documented in
the README. Relevance is SQLite's rule: how many terms the title contains, then the most
recently updated.

Bulk loads (``desk demo``) call ``suspend_for_bulk_load`` first and ``rebuild_after_bulk_load``
after: maintaining a trigram index or GIN index row by row costs far more than building it once.
They also set aside the queue indexes of ``desk.models.views`` for the same reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ARRAY,
    Column,
    ColumnElement,
    Connection,
    Integer,
    MetaData,
    Select,
    Table,
    Text,
    Uuid,
    and_,
    any_,
    cast,
    func,
    literal_column,
    or_,
    select,
    true,
)

from desk.domain.text import search_text
from desk.models import WorklogEntry
from desk.queues.columns import TICKETS

FTS_TABLE = "ticket_fts"
MIN_TRIGRAM = 3
# At most this many trigrams of one token go to the index lookup (spread over the token): the
# LIKE confirms the rest, and a 10 kB token must not become 10,000 index lookups.
MAX_TRIGRAMS = 8

# The FTS5 table as SQLAlchemy sees it (a private MetaData: not part of the ORM schema).
_fts_meta = MetaData()
FTS = Table(
    FTS_TABLE, _fts_meta,
    Column("rowid", Integer), Column(FTS_TABLE, Text), Column("rank", Text),
    Column("title", Text), Column("description", Text), Column("worklog", Text),
)
WORKLOG: Table = WorklogEntry.__table__  # type: ignore[assignment]

SQLITE_TRIGGERS = {
    "ticket_fts_ai": """CREATE TRIGGER ticket_fts_ai AFTER INSERT ON tickets BEGIN
         INSERT INTO ticket_fts(rowid, title, description, worklog)
         VALUES (new.rowid, new.title, new.description, '');
       END""",
    "ticket_fts_au": """CREATE TRIGGER ticket_fts_au
         AFTER UPDATE OF title, description ON tickets BEGIN
         UPDATE ticket_fts SET title = new.title, description = new.description
         WHERE rowid = new.rowid;
       END""",
    "ticket_fts_ad": """CREATE TRIGGER ticket_fts_ad AFTER DELETE ON tickets BEGIN
         DELETE FROM ticket_fts WHERE rowid = old.rowid;
       END""",
    "ticket_fts_wi": """CREATE TRIGGER ticket_fts_wi AFTER INSERT ON worklog_entries BEGIN
         UPDATE ticket_fts SET worklog = worklog || char(10) || new.body
         WHERE rowid = (SELECT rowid FROM tickets WHERE id = new.ticket_id);
       END""",
}
SQLITE_CREATE = ("CREATE VIRTUAL TABLE ticket_fts USING fts5(title, description, worklog, "
                 "tokenize = 'trigram', detail = none)")
SQLITE_FILL = """INSERT INTO ticket_fts(rowid, title, description, worklog)
       SELECT t.rowid, t.title, t.description, coalesce(w.body, '')
       FROM tickets t LEFT JOIN (
           SELECT ticket_id, group_concat(body, char(10)) AS body
           FROM (SELECT ticket_id, body FROM worklog_entries ORDER BY ticket_id, created_at)
           GROUP BY ticket_id) w ON w.ticket_id = t.id"""

PG_INDEXES = {
    "ix_fts_tickets_doc": "CREATE INDEX IF NOT EXISTS ix_fts_tickets_doc ON tickets USING gin "
                          "(to_tsvector('simple'::regconfig, title || ' ' || description))",
    "ix_fts_worklog_body": "CREATE INDEX IF NOT EXISTS ix_fts_worklog_body ON worklog_entries "
                           "USING gin (to_tsvector('simple'::regconfig, body))",
}
PG_TRGM_INDEXES = {
    "ix_fts_tickets_trgm": "CREATE INDEX IF NOT EXISTS ix_fts_tickets_trgm ON tickets USING gin "
                           "((title || ' ' || description) gin_trgm_ops)",
    "ix_fts_worklog_trgm": "CREATE INDEX IF NOT EXISTS ix_fts_worklog_trgm ON worklog_entries "
                           "USING gin (body gin_trgm_ops)",
}


def include_in_autogenerate(name: str | None, type_: str, parent_names: Any) -> bool:
    """For alembic's ``include_name``: the search objects are created by migration 0002 in
    SQL that the ORM metadata cannot express (FTS5 tables, expression GIN indexes)."""
    if name is None:
        return True
    if type_ == "table":
        return not name.startswith(FTS_TABLE)
    if type_ == "index":
        return not name.startswith("ix_fts_")
    return True


# ---------------------------------------------------------------- terms

# More terms cost every query more (PostgreSQL: a lookup each; SQLite: a LIKE each, and 500
# overflow its expression depth) and rarely narrow a result further. The *first* terms are
# kept, not the longest: the user can tell which were searched ("the first 16 words"), and a
# pasted text starts with what it is about.
MAX_TERMS = 16

_TOKEN = re.compile(r'"([^"]+)"|(\S+)')


@dataclass(frozen=True)
class Terms:
    """A search text parsed: ``groups`` are AND-ed, the terms of one group OR-ed."""

    groups: tuple[tuple[str, ...], ...]
    truncated: bool  # distinct terms beyond ``MAX_TERMS`` were dropped

    @property
    def count(self) -> int:
        return len({t for g in self.groups for t in g})


def parse(text: str) -> Terms:
    """Terms of ``text`` (white-space separated, ``"quoted phrases"`` kept whole, NULs and
    lone surrogates dropped, ``OR`` between two terms joining them), at most ``MAX_TERMS``
    distinct ones. One pass that stops at the first term too many: a 10 kB paste costs what
    16 words cost."""
    groups: list[list[str]] = []
    seen: set[str] = set()
    pending_or = truncated = False
    for m in _TOKEN.finditer(search_text(text)):
        quoted, bare = m.groups()
        term = (quoted or bare).strip()
        if not term:
            continue
        if bare == "OR" and groups and not pending_or:
            pending_or = True
            continue
        if term not in seen:
            if len(seen) == MAX_TERMS:
                truncated = True
                break
            seen.add(term)
        if pending_or:
            if term not in groups[-1]:
                groups[-1].append(term)
            pending_or = False
        else:
            groups.append([term])
    return Terms(tuple(dict.fromkeys(tuple(g) for g in groups)), truncated)


def tokens(text: str) -> list[str]:
    """The distinct terms of ``text`` in order (``parse`` without the grouping)."""
    return list(dict.fromkeys(t for g in parse(text).groups for t in g))


def escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def trigrams(token: str) -> list[str]:
    """Up to ``MAX_TRIGRAMS`` distinct trigrams of ``token``, spread from its start to its
    end (the tokenizer folds their case when it parses the query)."""
    grams = list(dict.fromkeys(token[i:i + 3] for i in range(len(token) - 2)))
    if len(grams) <= MAX_TRIGRAMS:
        return grams
    step = (len(grams) - 1) / (MAX_TRIGRAMS - 1)
    return [grams[round(i * step)] for i in range(MAX_TRIGRAMS)]


def fts5_phrase(token: str) -> str:
    """A token as an FTS5 string: double quotes around it, inner double quotes doubled."""
    return '"' + token.replace('"', '""') + '"'


def _fts5_group(group: tuple[str, ...]) -> str | None:
    """The FTS5 index lookup of one group — the OR of each term's trigrams AND-ed — or None
    when a term is too short to have trigrams (the group is then only the LIKE)."""
    if any(len(t) < MIN_TRIGRAM for t in group):
        return None
    return " OR ".join("(" + " AND ".join(fts5_phrase(g) for g in trigrams(t)) + ")"
                       for t in group)


# ---------------------------------------------------------------- SQL


class TextQuery:
    """The SQL of one text search for one dialect: a WHERE condition on ``tickets`` and,
    for relevance sorting, a FROM item plus ORDER BY keys."""

    def __init__(self, dialect: str, text: str) -> None:
        self.dialect = dialect
        self.groups = parse(text).groups

    @property
    def empty(self) -> bool:
        return not self.groups

    @property
    def _terms(self) -> list[str]:
        return list(dict.fromkeys(t for g in self.groups for t in g))

    # SQLite ------------------------------------------------------------

    def _sqlite_select(self, *cols: Any) -> Select[Any]:
        lookups = [e for e in map(_fts5_group, self.groups) if e is not None]
        q = select(*cols)
        if lookups:
            q = q.where(FTS.c[FTS_TABLE].op("MATCH")(
                " AND ".join(f"({e})" for e in lookups)))
        for group in self.groups:
            # With ESCAPE the core LIKE runs (FTS5's own LIKE misses short non-ASCII patterns
            # in 3.40); it filters the rows the MATCH found, or scans without one.
            q = q.where(or_(*(FTS.c[c].like(f"%{escape_like(t)}%", escape="\\")
                              for t in group for c in ("title", "description", "worklog"))))
        return q

    def _title_hits(self, title: ColumnElement[str], like: str) -> ColumnElement[Any]:
        """How many of the terms the title contains (the relevance on both databases)."""
        return sum((cast(getattr(title, like)(f"%{escape_like(t)}%", escape="\\"), Integer)
                    for t in self._terms), start=literal_column("0"))

    # PostgreSQL --------------------------------------------------------

    def _pg_group(self, group: tuple[str, ...]) -> ColumnElement[bool]:
        ft = TICKETS.alias("fts_t")
        wl = WORKLOG.alias("fts_w")
        doc = ft.c.title.op("||")(literal_column("' '")).op("||")(ft.c.description)
        patterns = [f"%{escape_like(t)}%" for t in group]
        sub = (select(ft.c.id).where(or_(*(doc.ilike(p, escape="\\") for p in patterns)))
               .union(select(wl.c.ticket_id).where(
                   or_(*(wl.c.body.ilike(p, escape="\\") for p in patterns)))))
        # "= ANY(one array)" makes the matches an InitPlan looked up by primary key; with
        # "IN (subquery)" the planner hash-joins them against a scan of all tickets.
        found = select(func.array_agg(sub.subquery().c.id)).scalar_subquery()
        # The cast makes it an array expression (a bare "ANY (SELECT …)" is a row set).
        return TICKETS.c.id == any_(cast(found, ARRAY(Uuid())))

    # public ------------------------------------------------------------

    def condition(self) -> ColumnElement[bool]:
        if self.empty:
            return true()
        if self.dialect == "sqlite":
            return literal_column("tickets.rowid").in_(self._sqlite_select(FTS.c.rowid))
        return and_(*(self._pg_group(g) for g in self.groups))

    def relevance(self) -> tuple[Any | None, list[tuple[ColumnElement[Any], bool]]]:
        """(FROM item to join or None, [(sort key, descending)] best first) — the caller adds
        a tiebreak. On SQLite the FROM item also does the matching (no ``condition`` needed)."""
        if self.dialect == "sqlite":
            sub = self._sqlite_select(FTS.c.rowid.label("rid"),
                                      self._title_hits(FTS.c.title, "like").label("rank")
                                      ).subquery("fts_rank")
            return sub, [(sub.c.rank, True)]
        return None, [(self._title_hits(TICKETS.c.title, "ilike"), True)]

    def join_on(self, sub: Any) -> ColumnElement[bool]:
        return sub.c.rid == literal_column("tickets.rowid")


# ---------------------------------------------------------------- maintenance


def is_installed(conn: Connection) -> bool:
    if conn.dialect.name == "sqlite":
        return conn.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'ticket_fts'"
        ).first() is not None
    return conn.exec_driver_sql(
        "SELECT 1 FROM pg_indexes WHERE indexname = 'ix_fts_tickets_doc'").first() is not None


def _has_trgm(conn: Connection) -> bool:
    return conn.exec_driver_sql(
        "SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'").first() is not None


def suspend_for_bulk_load(connection: Connection, feed: bool = False) -> None:
    """Before inserting many tickets: drop the search triggers/indexes and the queue indexes,
    which ``rebuild_after_bulk_load`` recreates in one pass. Search is unavailable between.

    With ``feed`` (SQLite only) the FTS table and its rows stay: the loader inserts the new
    tickets' documents itself with ``insert_documents`` while it writes them, which spreads the
    indexing over the load instead of one long pass at the end."""
    from desk.models.views import QUEUE_INDEXES

    if connection.dialect.name == "sqlite":
        for name in SQLITE_TRIGGERS:
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
        if not (feed and is_installed(connection)):
            connection.exec_driver_sql(f"DROP TABLE IF EXISTS {FTS_TABLE}")
            if feed:
                connection.exec_driver_sql(SQLITE_CREATE)
    else:
        for name in (*PG_INDEXES, *PG_TRGM_INDEXES):
            connection.exec_driver_sql(f"DROP INDEX IF EXISTS {name}")
    for index in QUEUE_INDEXES:
        index.drop(connection, checkfirst=True)


def next_rowid(connection: Connection) -> int:
    """The rowid SQLite gives the next ticket inserted without one (largest + 1)."""
    return int(connection.exec_driver_sql(
        "SELECT coalesce(max(rowid), 0) + 1 FROM tickets").scalar_one())


def insert_documents(connection: Connection, first_rowid: int,
                     docs: list[tuple[str, str, str]]) -> None:
    """Index tickets just inserted (rowids ``first_rowid``, ``first_rowid + 1``, … in the
    order of ``docs``: (title, description, worklog bodies joined by newlines))."""
    connection.connection.driver_connection.executemany(
        f"INSERT INTO {FTS_TABLE}(rowid, title, description, worklog) VALUES (?, ?, ?, ?)",
        [(first_rowid + i, *doc) for i, doc in enumerate(docs)])


def rebuild_after_bulk_load(connection: Connection, fed: bool = False) -> None:
    """After a bulk load (or to repair the index): build search and queue indexes from the
    tables, recreate the triggers, refresh planner statistics. ``fed``: the loader has kept
    the FTS table current with ``insert_documents``; it is not rebuilt."""
    from desk.models.views import QUEUE_INDEXES

    for index in QUEUE_INDEXES:
        index.create(connection, checkfirst=True)
    if connection.dialect.name == "sqlite":
        for name in SQLITE_TRIGGERS:
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
        if not fed:
            connection.exec_driver_sql(f"DROP TABLE IF EXISTS {FTS_TABLE}")
            connection.exec_driver_sql(SQLITE_CREATE)
            connection.exec_driver_sql(SQLITE_FILL)
        # No 'optimize' merge: FTS5's automerge already leaves few segments after one bulk
        # fill, and a full merge of a 1M-ticket trigram index costs minutes of one core.
        for sql in SQLITE_TRIGGERS.values():
            connection.exec_driver_sql(sql)
        # Sampled statistics of the tables a load fills: a full ANALYZE reads every index
        # of millions of rows, and the FTS5 shadow tables need none.
        connection.exec_driver_sql("PRAGMA analysis_limit = 1000")
        for table in ("tickets", "ticket_events", "worklog_entries"):
            connection.exec_driver_sql(f"ANALYZE {table}")
    else:
        for sql in PG_INDEXES.values():
            connection.exec_driver_sql(sql)
        if _has_trgm(connection):
            for sql in PG_TRGM_INDEXES.values():
                connection.exec_driver_sql(sql)
        connection.exec_driver_sql("ANALYZE tickets")
        connection.exec_driver_sql("ANALYZE worklog_entries")
