"""What a write changed: the one value every view inspects after the change broadcast."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Changes:
    tables: frozenset[str] = field(default_factory=frozenset)
    ticket_ids: frozenset[uuid.UUID] = field(default_factory=frozenset)

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.tables | other.tables, self.ticket_ids | other.ticket_ids)

    @property
    def touches_tickets(self) -> bool:
        return "tickets" in self.tables

    @staticmethod
    def of(*tables: str, ticket_ids: object = ()) -> Changes:
        return Changes(frozenset(tables), frozenset(ticket_ids))  # type: ignore[arg-type]
