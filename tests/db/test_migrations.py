"""Stairway (every revision up, down, up) and "models == migrated schema", on both databases."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from desk.db import migrate
from desk.db.engine import create_desk_engine
from desk.db.url import parse_db_url
from desk.models import Base


def _revisions() -> list:
    script = ScriptDirectory.from_config(migrate.alembic_config())
    return list(reversed(list(script.walk_revisions("base", "heads"))))


def test_one_linear_history():
    script = ScriptDirectory.from_config(migrate.alembic_config())
    assert len(script.get_heads()) == 1
    assert _revisions()[0].down_revision is None


def test_stairway_every_revision_up_down_up(db_url):
    target = parse_db_url(db_url)
    engine = create_desk_engine(target)
    try:
        for rev in _revisions():
            migrate.run_alembic(engine, "upgrade", rev.revision)
            migrate.run_alembic(engine, "downgrade", rev.down_revision or "base")
            migrate.run_alembic(engine, "upgrade", rev.revision)
        assert migrate.schema_status(engine).state is migrate.SchemaState.CURRENT
        migrate.run_alembic(engine, "downgrade", "base")
        left = set(inspect(engine).get_table_names()) - {"alembic_version"}
        assert left == set()
    finally:
        engine.dispose()


def test_models_match_migrated_schema(db_url):
    target = parse_db_url(db_url)
    engine = create_desk_engine(target)
    try:
        migrate.run_alembic(engine, "upgrade", "head")
        with engine.connect() as conn:
            ctx = MigrationContext.configure(conn, opts={
                "compare_type": True,
                "include_object": migrate.include_object,
            })
            diff = compare_metadata(ctx, Base.metadata)
        assert diff == []
    finally:
        engine.dispose()


def test_newer_database_is_refused_with_a_clear_message(sqlite_url):
    from sqlalchemy import text

    from desk.db.session import open_database
    from desk.errors import SchemaTooNew

    db = open_database(sqlite_url)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    db.dispose()
    with pytest.raises(SchemaTooNew, match="newer Desk"):
        open_database(sqlite_url)


def test_older_sqlite_file_is_backed_up_then_upgraded(tmp_path):
    from desk.db.session import open_database

    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    engine = create_desk_engine(parse_db_url(url))
    migrate.run_alembic(engine, "upgrade", "0001")
    engine.dispose()
    db = open_database(url)
    try:
        assert migrate.schema_status(db.engine).state is migrate.SchemaState.CURRENT
    finally:
        db.dispose()
    backups = list(tmp_path.glob("old.sqlite3.0001.*.bak"))
    assert len(backups) == 1
    old = create_desk_engine(parse_db_url(str(backups[0])))
    try:
        assert migrate.schema_status(old).current == "0001"
    finally:
        old.dispose()
