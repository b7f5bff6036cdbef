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


# Query keys that would take the password, or the server it is sent to, out of what the URL
# shows (the keyring entry is chosen by the URL's user, host, port and database).
_REFUSED_QUERY_KEYS = frozenset({"password", "passfile", "host", "hostaddr", "port", "user",
                                 "dbname"})


def parse_db_url(text: str | None) -> DatabaseTarget:
    """Accept ``sqlite:///path``, a bare file path, or ``postgresql[+psycopg]://user@host/db``.

    A password inside the URL (query string included) is refused: it would end up in shell
    history and settings. So is an in-memory SQLite database: everything in it would be lost
    when Desk exits. Any problem is a ``ConfigError`` with a one-line message.
    """
    if text is None or not text.strip():
        return DatabaseTarget(make_url(f"sqlite:///{default_sqlite_path()}"))
    text = text.strip()
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in text):
        raise ConfigError(_("The database URL contains a control character: {url}").format(
            url=_redact(text).encode("unicode_escape").decode("ascii")))
    if "://" not in text:
        return _sqlite_target(make_url("sqlite://").set(database=text), text)
    try:
        url = make_url(text)
    except ArgumentError:
        raise ConfigError(_("Not a database URL: {url}").format(url=_redact(text))) from None
    except ValueError:
        # SQLAlchemy parses the port with int(): 'host:x', an unclosed '[' IPv6 host, ':'.
        raise ConfigError(_("Not a database URL (bad host or port): {url}").format(
            url=_redact(text))) from None
    backend = url.get_backend_name()
    if backend == "sqlite":
        if url.query:
            raise ConfigError(_("Desk takes no options in a SQLite URL: {url}").format(
                url=_redact(text)))
        return _sqlite_target(url, text)
    if backend in ("postgresql", "postgres"):
        return _postgresql_target(url, text)
    raise ConfigError(
        _("Unsupported database '{backend}': use sqlite:///FILE or "
          "postgresql+psycopg://user@host/db").format(backend=backend or text))


def _sqlite_target(url: URL, text: str) -> DatabaseTarget:
    if not url.database or url.database == ":memory:" or url.database.startswith("file:"):
        raise ConfigError(_(
            "An in-memory SQLite database would be lost when Desk exits; give a file: "
            "sqlite:///FILE"))
    try:
        path = Path(url.database).expanduser().absolute()
    except RuntimeError:  # '~user' of a user that does not exist
        raise ConfigError(_("Not a database file path: {path}").format(path=text)) from None
    return DatabaseTarget(url.set(drivername="sqlite", database=str(path)))


def _postgresql_target(url: URL, text: str) -> DatabaseTarget:
    refused = sorted(k for k in url.query if k.lower() in _REFUSED_QUERY_KEYS)
    if url.password is not None or any(k.lower() in ("password", "passfile") for k in refused):
        raise ConfigError(_(
            "Put no password in the database URL; Desk keeps it in the system keyring "
            "(run 'desk db password --db URL') or asks for it"))
    if refused:
        raise ConfigError(_(
            "Write the user, host, port and database in the URL itself, not as ?{key}= "
            "options").format(key=refused[0]))
    if not url.database:
        raise ConfigError(_("The PostgreSQL URL names no database: {url}").format(
            url=_redact(text)))
    if url.port is not None and not 0 < url.port < 65536:
        raise ConfigError(_("Not a port number: {port}").format(port=url.port))
    return DatabaseTarget(url.set(drivername="postgresql+psycopg"))


def _redact(text: str) -> str:
    """Hide anything that looks like a password in user-supplied URL text (its credentials
    and its query string, which may carry ``password=``)."""
    if "?" in text:
        text = text.split("?", 1)[0] + "?***"
    if "://" in text and "@" in text:
        scheme, rest = text.split("://", 1)
        creds, host = rest.rsplit("@", 1)
        user = creds.split(":", 1)[0]
        return f"{scheme}://{user}{':***' if ':' in creds else ''}@{host}"
    return text
