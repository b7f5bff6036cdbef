"""Unsaved ticket edits kept on disk, so a crash, a kill or a power cut loses no typed text.

The ticket form writes its state here about a second after each edit and removes it when the
ticket is saved or the edits are discarded. At the next start the console offers what is left.
One JSON file per draft (per ticket id, or per new-ticket draft id) in the user's data
directory, written atomically (temporary file, then rename) so a crash mid-write leaves the
previous draft intact. Qt-free: the same store serves tests and any future tool.
"""

from __future__ import annotations

import json
import logging
import os
import re
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import platformdirs

from desk.db.url import APP_NAME, DatabaseTarget
from desk.timeutil import utcnow

log = logging.getLogger(__name__)

FORMAT = 1


def default_directory() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "drafts"


def database_key(target: DatabaseTarget) -> str:
    """Which database a draft belongs to (no password: URLs never carry one)."""
    return target.url.render_as_string(hide_password=True)


def new_draft_key() -> str:
    return f"new-{uuid.uuid4().hex}"


@dataclass(frozen=True)
class Draft:
    key: str  # the ticket id, or new_draft_key() for a ticket not yet saved
    database: str
    kind: str
    ticket_id: str | None = None
    number: str | None = None
    title: str = ""
    base_version: int | None = None  # the row_version the edits were made against
    base: dict[str, Any] = field(default_factory=dict)  # field values as loaded
    values: dict[str, Any] = field(default_factory=dict)  # field values as typed
    labels: dict[str, str] = field(default_factory=dict)  # names shown for ids
    composer: dict[str, Any] = field(default_factory=dict)  # unsent worklog text
    saved_at: str = ""


def to_json(values: Mapping[str, Any]) -> dict[str, Any]:
    """Field values with UUIDs as text (JSON has no UUID type)."""
    return {k: str(v) if isinstance(v, uuid.UUID) else v for k, v in values.items()}


def from_json(values: Mapping[str, Any], id_fields: Iterable[str]) -> dict[str, Any]:
    ids = set(id_fields)
    out: dict[str, Any] = {}
    for k, v in values.items():
        if k in ids and v:
            try:
                v = uuid.UUID(str(v))
            except ValueError:
                v = None
        out[k] = v
    return out


class DraftStore:
    def __init__(self, directory: Path | None = None) -> None:
        self.directory = Path(directory) if directory is not None else default_directory()

    def path(self, key: str) -> Path:
        safe = re.sub(r"[^A-Za-z0-9_.-]", "_", key)
        return self.directory / f"{safe}.json"

    def save(self, draft: Draft) -> Path:
        if not draft.saved_at:
            draft = Draft(**{**asdict(draft), "saved_at": utcnow().isoformat()})
        self.directory.mkdir(parents=True, exist_ok=True)
        dest = self.path(draft.key)
        tmp = dest.with_suffix(".tmp")
        payload = {"format": FORMAT, **asdict(draft)}
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(payload, fh, ensure_ascii=False, indent=1)
            fh.flush()
            os.fsync(fh.fileno())
        tmp.replace(dest)
        return dest

    def remove(self, key: str) -> None:
        try:
            self.path(key).unlink()
        except FileNotFoundError:
            pass

    def get(self, key: str) -> Draft | None:
        return self._read(self.path(key))

    def load_all(self, database: str | None = None) -> list[Draft]:
        """Drafts left behind (of one database when given), oldest first."""
        if not self.directory.is_dir():
            return []
        drafts = [d for d in (self._read(p) for p in sorted(self.directory.glob("*.json")))
                  if d is not None and (database is None or d.database == database)]
        return sorted(drafts, key=lambda d: d.saved_at)

    def _read(self, path: Path) -> Draft | None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            data.pop("format", None)
            return Draft(**data)
        except FileNotFoundError:
            return None
        except (OSError, ValueError, TypeError) as err:
            # Keep the damaged file for a human to look at; never offer half a draft.
            log.warning("ignoring unreadable draft %s: %s", path.name, err)
            try:
                path.rename(path.with_suffix(".unreadable"))
            except OSError:
                pass
            return None


def saved_at(draft: Draft) -> datetime | None:
    try:
        return datetime.fromisoformat(draft.saved_at)
    except ValueError:
        return None
