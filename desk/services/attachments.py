"""Attachments as files: attach a file from disk, write one back to disk.

The console runs these on its database worker, so reading or writing a 25 MB file never
freezes the window. A file above the size limit is refused before it is read, with the
ticket service's own message.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from desk.db.session import Database
from desk.errors import DeskError
from desk.i18n import _
from desk.services import tickets
from desk.services.changes import Changes
from desk.services.dto import AttachmentView
from desk.services.settings import get_setting


def add_file(db: Database, actor_id: uuid.UUID, ticket_id: uuid.UUID,
             path: str) -> tuple[AttachmentView, Changes]:
    """Read ``path`` and attach it to the ticket under the file's name."""
    file = Path(path)
    try:
        size = file.stat().st_size
    except OSError as err:
        raise DeskError(_("Cannot read {path}: {reason}").format(
            path=file.name, reason=err.strerror)) from None
    limit = int(get_setting(db, "attachment_max_bytes"))
    if size > limit:
        raise tickets.attachment_too_large(file.name, size, limit)
    try:
        data = file.read_bytes()
    except OSError as err:
        raise DeskError(_("Cannot read {path}: {reason}").format(
            path=file.name, reason=err.strerror)) from None
    return tickets.add_attachment(db, actor_id, ticket_id, file.name, data)


def export_attachment(db: Database, attachment_id: uuid.UUID, dest: str) -> str:
    """Write the attachment's content to ``dest`` (folders created); returns the path."""
    data = tickets.attachment_data(db, attachment_id)
    target = Path(dest)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    except OSError as err:
        raise DeskError(_("Cannot write {path}: {reason}").format(
            path=target, reason=err.strerror)) from None
    return str(target)
