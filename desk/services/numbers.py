"""Ticket numbers as people type them: ``INC0011899``, ``inc11899``, ``INC-11899`` — or the
bare ``11899`` an agent reads out from an e-mail subject or a phone call.

A bare number may belong to several kinds (``INC0011899`` and ``REQ0011899``): the lookup
returns every ticket it can mean, so the caller opens the one or lets the user choose.
"""

from __future__ import annotations

import re

from sqlalchemy import select

from desk.db.session import Database
from desk.domain.enums import Kind, format_number
from desk.models import Ticket
from desk.services.catalog import TicketRef

_PREFIXES = {k.prefix: k for k in Kind}
_NUMBER = re.compile(r"^(" + "|".join(_PREFIXES) + r")?[\s\-]?0*(\d{1,12})$", re.I)


def candidate_numbers(text: str) -> list[str]:
    """The ticket numbers ``text`` can mean: one with a prefix, one per kind without; none
    when it is not a number."""
    m = _NUMBER.match(text.strip())
    if m is None:
        return []
    n = int(m.group(2))
    if m.group(1):
        return [format_number(_PREFIXES[m.group(1).upper()], n)]
    return [format_number(kind, n) for kind in Kind]


def looks_like_number(text: str) -> bool:
    return bool(candidate_numbers(text))


def find_by_number(db: Database, text: str) -> list[TicketRef]:
    """The live tickets ``text`` names, ordered by number (empty: none, or not a number)."""
    numbers = candidate_numbers(text)
    if not numbers:
        return []
    with db.read() as s:
        rows = s.execute(select(Ticket.id, Ticket.number, Ticket.title)
                         .where(Ticket.number.in_(numbers), Ticket.deleted_at.is_(None))
                         .order_by(Ticket.number))
        return [TicketRef(r.id, r.number, r.title) for r in rows]
