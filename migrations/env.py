"""Alembic environment shared by the `alembic` command and Desk (desk.db.migrate)."""

from __future__ import annotations

import logging.config

from alembic import context
from sqlalchemy import Connection

import desk.models  # noqa: F401  (registers every table)
from desk.db.migrate import include_object
from desk.models import Base
from desk.models.base import UTCDateTime

config = context.config
target_metadata = Base.metadata


def _render_item(type_: str, obj: object, autogen_context: object) -> str | bool:
    # Revisions must not import model code (old revisions would break when models change).
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False


def _configure(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        # SQLite cannot ALTER most things; batch mode rebuilds tables instead.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        render_item=_render_item,
        include_object=include_object,
    )
    with context.begin_transaction():
        context.run_migrations()


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        return
    # The `alembic` command: open the database the way Desk does.
    if config.config_file_name is not None:
        logging.config.fileConfig(config.config_file_name, disable_existing_loggers=False)
    from desk.db.engine import create_desk_engine
    from desk.db.url import parse_db_url

    target = parse_db_url(context.get_x_argument(as_dictionary=True).get("db"))
    engine = create_desk_engine(target)
    with engine.begin() as conn:
        _configure(conn)
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("Desk migrations run online only: alembic -x db=URL upgrade head")
run()
