"""Opening a Desk database, for the console's start-up.

The Qt layer never reaches into ``desk.db`` (sessions, engines): it opens the database through
these names and hands the ``Database`` to the core calls it runs on the database worker.
"""

from __future__ import annotations

from desk.db.live import Listener, listen, start_position
from desk.db.secrets import PasswordStore
from desk.db.session import Database, open_database
from desk.db.url import APP_NAME, DatabaseTarget, parse_db_url

__all__ = ["APP_NAME", "Database", "DatabaseTarget", "Listener", "PasswordStore", "listen",
           "open_database", "parse_db_url", "start_position"]
