"""Saved views per user; the migration's indexes serve the built-in views; 0002 walks down/up."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from desk.db import migrate
from desk.db.session import Database
from desk.errors import NotFound, ValidationError
from desk.models import Base
from desk.queues import saved, sql
from desk.queues.builtin import builtin_views
from desk.queues.fulltext import include_in_autogenerate
from desk.queues.service import count
from desk.queues.spec import Filter, SortSpec
from desk.services.people import CurrentUser
from desk.timeutil import utcnow
from tests.factories import Team


def test_saved_views_crud(db: Database, team: Team, me: CurrentUser) -> None:
    a, changes = saved.create_view(db, me.id, "  P1 in my groups ",
                                   Filter(priorities=(1,), my_groups=True),
                                   SortSpec("created", False))
    assert changes.tables == {"saved_views"}
    b, _ = saved.create_view(db, me.id, "Chinese", Filter(text="打印机"))
    assert [v.name for v in saved.list_views(db, me.id)] == ["P1 in my groups", "Chinese"]
    assert saved.list_views(db, team.lead.id) == []  # per user

    saved.rename_view(db, me.id, a.saved_id, "Critical")
    copy, _ = saved.duplicate_view(db, me.id, a.saved_id)
    views = saved.list_views(db, me.id)
    assert [v.name for v in views] == ["Critical", "Critical (2)", "Chinese"]
    assert views[1].filter == views[0].filter and views[1].sort == SortSpec("created", False)
    assert views[1].saved_id == copy.saved_id != a.saved_id

    saved.move_view(db, me.id, b.saved_id, -5)
    assert [v.name for v in saved.list_views(db, me.id)] == ["Chinese", "Critical",
                                                             "Critical (2)"]
    saved.reorder_views(db, me.id, [copy.saved_id])
    assert [v.name for v in saved.list_views(db, me.id)] == ["Critical (2)", "Chinese",
                                                             "Critical"]
    saved.update_view(db, me.id, b.saved_id, flt=Filter(text="网络"))
    assert saved.list_views(db, me.id)[1].filter.text == "网络"

    saved.delete_view(db, me.id, copy.saved_id)
    assert [v.name for v in saved.list_views(db, me.id)] == ["Chinese", "Critical"]
    with pytest.raises(NotFound):
        saved.rename_view(db, me.id, copy.saved_id, "back")
    with pytest.raises(NotFound):  # someone else's view
        saved.delete_view(db, team.lead.id, a.saved_id)
    with pytest.raises(ValidationError):
        saved.rename_view(db, me.id, a.saved_id, "   ")
    with pytest.raises(ValidationError):
        saved.create_view(db, me.id, "x" * 121, Filter())
    # A saved view counts like any view.
    assert count(db, saved.list_views(db, me.id)[0], me) == 0


INDEX_OF_VIEW = {
    "builtin:my_open": "ix_tickets_q_assignee_open",
    "builtin:unassigned": "ix_tickets_q_group_unassigned",
    "builtin:group_open": "ix_tickets_q_group_open",
    "builtin:recent": "ix_tickets_q_updated",
    "builtin:major": "ix_tickets_q_major_open",
    "builtin:all": "ix_tickets_q_updated",
}


@pytest.mark.parametrize("key", list(INDEX_OF_VIEW))
def test_builtin_views_use_their_index(db: Database, me: CurrentUser, key: str) -> None:
    """The first page of each built-in view is read through the partial index made for it
    (a WHERE term spelled differently from the index definition would silently lose it)."""
    view = next(v for v in builtin_views() if v.key == key)
    q = sql.ids_select(view, me, db.dialect, utcnow()).limit(100)
    compiled = str(q.compile(dialect=db.engine.dialect, compile_kwargs={"literal_binds": True}))
    with db.engine.connect() as conn:
        if db.dialect == "sqlite":
            plan = " ".join(r[-1] for r in conn.exec_driver_sql(
                "EXPLAIN QUERY PLAN " + compiled))
        else:
            # An empty table makes a sequential scan cheapest; ask whether the index *can*
            # serve the query.
            conn.exec_driver_sql("SET enable_seqscan = off")
            plan = " ".join(r[0] for r in conn.exec_driver_sql("EXPLAIN " + compiled))
    assert INDEX_OF_VIEW[key] in plan, plan
    assert "TEMP B-TREE" not in plan and " Sort " not in plan, plan


def _search_objects(db: Database) -> set[str]:
    with db.engine.connect() as conn:
        if db.dialect == "sqlite":
            rows = conn.execute(text(
                "SELECT name FROM sqlite_master WHERE name LIKE 'ticket_fts%'"))
        else:
            rows = conn.execute(text(
                "SELECT indexname FROM pg_indexes WHERE indexname LIKE 'ix_fts_%'"))
        return {r[0] for r in rows}


def test_migration_0002_down_and_up(db: Database) -> None:
    assert _search_objects(db)
    migrate.downgrade(db.engine, "0001")
    insp = inspect(db.engine)
    assert "saved_views" not in insp.get_table_names()
    assert not any(i["name"].startswith("ix_tickets_q_") for i in insp.get_indexes("tickets"))
    assert _search_objects(db) == set()
    migrate.run_alembic(db.engine, "upgrade", "0002")
    assert "saved_views" in inspect(db.engine).get_table_names()
    assert _search_objects(db)


MY_TABLES = {"saved_views", "tickets", "worklog_entries"}


def _mine(obj: object, name: str | None, type_: str, reflected: bool, other: object) -> bool:
    # Other revisions (CMDB, SLA) are checked by their owners' tests.
    table = obj if type_ == "table" else getattr(obj, "table", None)
    return getattr(table, "name", None) in MY_TABLES


def test_models_match_the_migrated_schema(db: Database) -> None:
    """Autogenerate finds nothing to do once the search objects are filtered out."""
    with db.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={
            "compare_type": True, "include_name": include_in_autogenerate,
            "include_object": _mine})
        diff = compare_metadata(ctx, Base.metadata)
    assert diff == []
