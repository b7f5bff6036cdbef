"""The demo vocabulary of a locale (``en`` or ``zh_CN``): one module per language, same shapes."""

from __future__ import annotations

import importlib
from types import ModuleType

from desk.errors import ValidationError
from desk.i18n import _

LOCALES = ("en", "zh_CN")


def load(locale: str) -> ModuleType:
    if locale not in LOCALES:
        raise ValidationError(_("Demo data exists in these languages: {locales}").format(
            locales=", ".join(LOCALES)), field="locale")
    return importlib.import_module(f"desk.demo.vocab_{locale}")


def person(vocab: ModuleType, r1: float, r2: float) -> tuple[str, str, str]:
    """(display name, name used in greetings, ASCII user-name stem) from two draws in [0, 1)."""
    if hasattr(vocab, "SURNAMES"):
        sur, sur_py = vocab.SURNAMES[int(r1 * len(vocab.SURNAMES))]
        given, given_py = vocab.GIVEN_NAMES[int(r2 * len(vocab.GIVEN_NAMES))]
        name = sur + given
        return name, name, f"{sur_py}{given_py}"
    first = vocab.FIRST_NAMES[int(r1 * len(vocab.FIRST_NAMES))]
    last = vocab.LAST_NAMES[int(r2 * len(vocab.LAST_NAMES))]
    stem = "".join(c for c in f"{first}.{last}".lower() if c.isalnum() or c == ".")
    return f"{first} {last}", first, stem
