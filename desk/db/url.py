"""Which database: parse and check ``--db`` URLs, the embedded default, safe display."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import platformdirs
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from desk.errors import ConfigError
from desk.i18n import _

APP_NAME = "Desk"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_sqlite_path() -> Path:
    return data_dir() / "desk.sqlite3"


@dataclass(frozen=True)
class DatabaseTarget:
    """A parsed, validated database location. Never carries a password."""

    url: URL

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    @property
    def is_postgresql(self) -> bool:
        return self.url.get_backend_name() == "postgresql"

    @property
    def sqlite_path(self) -> Path | None:
        if not self.is_sqlite or not self.url.database or self.url.database == ":memory:":
            return None
        return Path(self.url.database)

    def display(self) -> str:
        """What the status bar and messages show: a file path or user@host:port/db."""
        if self.is_sqlite:
            return str(self.sqlite_path or ":memory:")
        u = self.url
        who = f"{u.username}@" if u.username else ""
        port = f":{u.port}" if u.port else ""
        return f"{who}{u.host or 'localhost'}{port}/{u.database or ''}"

    def keyring_key(self) -> str:
        """The keyring username under which this server's password is kept."""
        u = self.url
        return f"{u.username or ''}@{u.host or 'localhost'}:{u.port or 5432}/{u.database or ''}"


def parse_db_url(text: str | None) -> DatabaseTarget:
    """Accept ``sqlite:///path``, a bare file path, or ``postgresql[+psycopg]://user@host/db``.

    A password inside the URL is refused: it would end up in shell history and settings.
    """
    if text is None or not text.strip():
        return DatabaseTarget(make_url(f"sqlite:///{default_sqlite_path()}"))
    text = text.strip()
    if "://" not in text:
        return DatabaseTarget(make_url(f"sqlite:///{Path(text).expanduser().absolute()}"))
    try:
        url = make_url(text)
    except ArgumentError:
        raise ConfigError(_("Not a database URL: {url}").format(url=_redact(text))) from None
    backend = url.get_backend_name()
    if backend == "sqlite":
        if url.database and url.database != ":memory:":
            url = url.set(database=str(Path(url.database).expanduser().absolute()))
        return DatabaseTarget(url.set(drivername="sqlite"))
    if backend in ("postgresql", "postgres"):
        if url.password is not None:
            raise ConfigError(_(
                "Put no password in the database URL; Desk keeps it in the system keyring "
                "(run 'desk db password --db URL') or asks for it"))
        if not url.database:
            raise ConfigError(_("The PostgreSQL URL names no database: {url}").format(
                url=_redact(text)))
        return DatabaseTarget(url.set(drivername="postgresql+psycopg"))
    raise ConfigError(
        _("Unsupported database '{backend}': use sqlite:///FILE or "
          "postgresql+psycopg://user@host/db").format(backend=backend))


def _redact(text: str) -> str:
    """Hide anything that looks like a password in user-supplied URL text."""
    if "://" in text and "@" in text:
        scheme, rest = text.split("://", 1)
        creds, host = rest.rsplit("@", 1)
        user = creds.split(":", 1)[0]
        return f"{scheme}://{user}{':***' if ':' in creds else ''}@{host}"
    return text
