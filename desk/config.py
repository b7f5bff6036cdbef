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


def config_path() -> Path:
    override = os.environ.get("DESK_CONFIG")
    if override:
        return Path(override)
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "desk.json"


def load() -> dict[str, Any]:
    try:
        return json.loads(config_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def save(values: dict[str, Any]) -> None:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(values, indent=2, sort_keys=True), encoding="utf-8")
    tmp.replace(path)


def configured_database() -> str | None:
    """``--db`` beats ``DESK_DB`` beats the config file beats the embedded default."""
    return os.environ.get("DESK_DB") or load().get("database")
