"""Errors a user can cause. Each carries a one-line message fit to show as is.

Programming errors are not wrapped: they raise as themselves.
"""

from __future__ import annotations


class DeskError(Exception):
    """Base of user-facing errors: ``str(err)`` is the message shown to the user."""


class ConfigError(DeskError):
    """A bad database URL or setting."""


class ConnectionFailed(DeskError):
    """The database could not be reached or refused the credentials."""


class AuthenticationFailed(ConnectionFailed):
    """Wrong or missing password."""


class SchemaTooNew(DeskError):
    """The database was migrated by a newer Desk."""


class DatabaseDamaged(DeskError):
    """The SQLite file failed its integrity check: it must not be upgraded or written."""


class ReadOnlyDatabase(DeskError):
    """The database file or server refuses writes."""


class ValidationError(DeskError):
    """Input that breaks a domain rule. ``field`` names the offending field when known."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class TransitionError(ValidationError):
    """A lifecycle transition that the ticket's kind does not allow."""


class ConflictError(DeskError):
    """Another agent saved the same record since it was loaded (optimistic locking)."""

    def __init__(self, message: str, record_id: object = None) -> None:
        super().__init__(message)
        self.record_id = record_id


class NotFound(DeskError):
    """A record that does not exist (or was deleted)."""


class AttachmentTooLarge(ValidationError):
    """An attachment above the configured size limit."""
