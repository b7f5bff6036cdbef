"""Validation of free text that users type into required fields."""

from __future__ import annotations

from desk.errors import ValidationError
from desk.i18n import _


def required_text(value: str | None, field: str, max_len: int, missing: str) -> str:
    """``value`` stripped; ``missing`` (a translated message) when empty, an error when long."""
    text = (value or "").strip()
    if not text:
        raise ValidationError(missing, field=field)
    if len(text) > max_len:
        raise ValidationError(_("The {field} is longer than {n} characters").format(
            field=field.replace("_", " "), n=max_len), field=field)
    return text
