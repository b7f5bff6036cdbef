"""Database passwords: the OS keyring, else asked once per session and kept in memory only.

Passwords are never written to config files, QSettings, logs or exception messages. Where no
keyring backend exists (a headless machine), storing fails with a clear message rather than
falling back to plain text.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import keyring
from keyring.errors import KeyringError, PasswordDeleteError

from desk.db.url import DatabaseTarget
from desk.errors import DeskError
from desk.i18n import _

log = logging.getLogger(__name__)

SERVICE = "desk"

# Asks the user for a password: (prompt text) -> password or None when cancelled.
PasswordPrompt = Callable[[str], str | None]


class PasswordStore:
    """Looks a server's password up: session memory, then keyring, then the prompt."""

    def __init__(self, prompt: PasswordPrompt | None = None) -> None:
        self._session: dict[str, str] = {}
        self.prompt = prompt

    def get(self, target: DatabaseTarget, *, ask: bool = True) -> str | None:
        key = target.keyring_key()
        if key in self._session:
            return self._session[key]
        try:
            stored = keyring.get_password(SERVICE, key)
        except KeyringError as err:
            log.info("no usable keyring (%s); asking for the password this session",
                     type(err).__name__)
            stored = None
        if stored is not None:
            return stored
        if ask and self.prompt is not None:
            entered = self.prompt(_("Password for {who}").format(who=target.display()))
            if entered is not None:
                self._session[key] = entered
            return entered
        return None

    def forget(self, target: DatabaseTarget) -> None:
        """Drop a password that the server refused, so the next attempt asks again."""
        self._session.pop(target.keyring_key(), None)

    def remember_for_session(self, target: DatabaseTarget, password: str) -> None:
        self._session[target.keyring_key()] = password

    def save(self, target: DatabaseTarget, password: str) -> None:
        """Keep the password in the OS keyring; raises DeskError where none is available."""
        try:
            keyring.set_password(SERVICE, target.keyring_key(), password)
        except KeyringError:
            raise DeskError(_(
                "No system keyring is available here; Desk will ask for the password "
                "each session instead of storing it")) from None
        self._session[target.keyring_key()] = password

    def delete(self, target: DatabaseTarget) -> None:
        self._session.pop(target.keyring_key(), None)
        try:
            keyring.delete_password(SERVICE, target.keyring_key())
        except (PasswordDeleteError, KeyringError):
            pass
