"""Free text: what users type, checked once at the service boundary, and values as logs
keep them.

Two characters a Python ``str`` can hold cannot be stored alike on both databases: NUL
(PostgreSQL refuses it in text, SQLite keeps it) and a lone surrogate (U+D800–U+DFFF, which
has no UTF-8 form, so the driver fails with ``UnicodeEncodeError``). Text to be stored is
refused with a message naming the field (``clean_text``); search text has them removed
(``search_text``), because a search should find what it can rather than fail.
"""

from __future__ import annotations

import re

from desk.errors import ValidationError
from desk.i18n import _

_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def clean_text(value: str, field: str, label: str) -> str:
    """``value`` unchanged when every character can be stored; otherwise a ValidationError
    naming ``field`` (``label``: its translated name as the user sees it)."""
    bad = _UNSTORABLE.search(value)
    if bad is not None:
        raise ValidationError(_("{label} contains a character that cannot be saved "
                                "(U+{code:04X})").format(label=label, code=ord(bad.group())),
                              field=field)
    return value


def optional_text(value: str | None, field: str, label: str) -> str | None:
    """``clean_text`` for a field that may be unset (None stays None)."""
    return None if value is None else clean_text(value, field, label)


def search_text(value: str) -> str:
    """``value`` without the characters no database can compare (see the module doc)."""
    return _UNSTORABLE.sub("", value)


def required_text(value: str | None, field: str, max_len: int, missing: str,
                  label: str) -> str:
    """``value`` stripped and checked by ``clean_text``. ``missing`` and ``label`` are
    translated texts: the message when empty, and the field's name as the user sees it."""
    text = clean_text((value or "").strip(), field, label)
    if not text:
        raise ValidationError(missing, field=field)
    if len(text) > max_len:
        raise ValidationError(_("{label} is longer than {n} characters").format(
            label=label, n=max_len), field=field)
    return text


def stored_text(value: object) -> str | None:
    """A field's value as the history and audit logs keep it (text; booleans as
    ``true``/``false``), so any value compares and displays the same way."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
