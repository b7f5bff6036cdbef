"""Filter terms that features above the queue engine contribute.

The engine's own criteria are the fields of ``Filter``. A feature the engine must not know by
name (the SLA's "at risk": an open clock at warning or breached) registers a ``FilterTerm``
under a key at start-up; a view then carries the term in ``Filter.terms`` (saved as JSON beside
the other criteria, under the same key, so ``{"sla_at_risk": true}`` written before terms
existed still reads), and ``desk.queues.sql`` asks the term for its WHERE condition.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement

from desk.queues import registry
from desk.queues.columns import TICKET


@dataclass(frozen=True)
class FilterTerm:
    key: str
    # The WHERE condition for the term's value (None: the value does not narrow the view).
    # Clock-dependent conditions must bind "now" as of each execution: selects are kept.
    condition: Callable[[Any], ColumnElement[bool] | None]


_terms: dict[tuple[str, str], FilterTerm] = {}  # by (record type, key)


def register_term(term: FilterTerm, record: str = TICKET) -> None:
    """Add a term to the views of ``record`` (idempotent for the same term object)."""
    if _terms.get((record, term.key)) is term:
        return
    _terms[(record, term.key)] = term
    registry.changed()


def unregister_term(key: str, record: str = TICKET) -> None:
    if _terms.pop((record, key), None) is not None:
        registry.changed()


def find_term(key: str, record: str = TICKET) -> FilterTerm | None:
    """The registered term, or None: a view may carry a term no feature of this process
    registered (written by a newer Desk); like an unknown criterion it does not narrow it."""
    return _terms.get((record, key))
