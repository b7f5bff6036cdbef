"""Free text: what users type into required fields, and values as logs keep them."""

from __future__ import annotations

from desk.errors import ValidationError
from desk.i18n import _


def required_text(value: str | None, field: str, max_len: int, missing: str,
                  label: str) -> str:
    """``value`` stripped. ``missing`` and ``label`` are translated texts: the message when
    empty, and the field's name as the user sees it (for the too-long message)."""
    text = (value or "").strip()
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
