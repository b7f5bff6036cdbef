"""Local, per-user configuration: which database Desk opens (never a password).

Kept as JSON in the user's config directory. UI state (window layout) is QSettings' job.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import platformdirs

from desk.db.url import APP_NAME
from desk.errors import ConfigError
from desk.i18n import _


def config_path() -> Path:
    override = os.environ.get("DESK_CONFIG")
    if override:
        return Path(override)
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "desk.json"


def load() -> dict[str, Any]:
    """The settings, or ``{}`` when there is no file yet.

    A file that exists but cannot be used stops Desk with a message: silently ignoring it
    would open the empty embedded database instead of the team's server.
    """
    path = config_path()
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(_("Cannot read the configuration file {path}: {reason}").format(
            path=path, reason=getattr(err, "strerror", None) or err)) from None
    try:
        values = json.loads(raw)
    except ValueError as err:
        raise ConfigError(_(
            "The configuration file {path} is not valid JSON ({reason}); fix or remove it"
        ).format(path=path, reason=err)) from None
    if not isinstance(values, dict):
        raise ConfigError(_(
            "The configuration file {path} must hold a JSON object, not {kind}").format(
                path=path, kind=type(values).__name__))
    database = values.get("database")
    if database is not None and not isinstance(database, str):
        raise ConfigError(_(
            "In the configuration file {path}, \"database\" must be a text (a URL or a file "
            "path), not {value}").format(path=path, value=json.dumps(database)[:40]))
    return values


def save(values: dict[str, Any]) -> None:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(values, indent=2, sort_keys=True), encoding="utf-8")
    tmp.replace(path)


def configured_database() -> str | None:
    """``--db`` beats ``DESK_DB`` beats the config file beats the embedded default."""
    return os.environ.get("DESK_DB") or load().get("database")
