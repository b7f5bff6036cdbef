"""The one translation helper of the Qt-free core.

Core code marks user-visible text with ``_("...")``. Without a Qt application the text is
returned as is (CLI in English); the GUI installs Qt's translator as the backend at start, so
the same catalogue (``resources/translations/*.ts``, context ``desk``) serves both layers.
"""

from __future__ import annotations

from collections.abc import Callable

_backend: Callable[[str], str] | None = None


def set_backend(fn: Callable[[str], str] | None) -> None:
    global _backend
    _backend = fn


def _(text: str) -> str:
    return _backend(text) if _backend is not None else text


def N_(text: str) -> str:
    """Mark ``text`` for the catalogue without translating it now: for text declared at
    import time (before the language is chosen) and translated with ``_(text)`` when shown."""
    return text
