"""What the queue engine's kept selects depend on beyond a view: the registered columns,
filter terms and views, and whatever features above the engine say their SQL depends on.

Features above the queue engine (the SLA: its columns name the business calendars this
process has loaded) register a *version source*, a function whose value changes whenever the
SQL they contribute would be built differently; ``version()`` is part of every kept select's
key, so such a change builds them again. The engine never imports those features.
"""

from __future__ import annotations

from collections.abc import Callable
from threading import Lock

_lock = Lock()
_registrations = 0  # bumped on every change of a queue registry
_sources: tuple[Callable[[], int], ...] = ()


def changed() -> None:
    """A column, filter term or view was registered or removed."""
    global _registrations
    with _lock:
        _registrations += 1


def add_version_source(source: Callable[[], int]) -> None:
    """Make ``source()`` part of ``version()`` (idempotent)."""
    global _sources
    with _lock:
        if source not in _sources:
            _sources = (*_sources, source)
            global _registrations
            _registrations += 1


def version() -> tuple[int, ...]:
    """Changes whenever a kept select would be built differently."""
    sources = _sources
    if not sources:
        return (_registrations,)
    return (_registrations, *(source() for source in sources))
