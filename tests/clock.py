"""One instant for a test and the code it checks: the queue and the SLA countdowns read
``utcnow`` when they run, so a test that took its own ``now`` a moment earlier would be off
by however long the machine took in between (seconds on a loaded machine)."""

from __future__ import annotations

from datetime import datetime

import pytest

# The modules whose reads ask the clock: queue reads (``as_of``, "in the last N days"), the
# SLA columns' positions of now, "at risk" / "breached", and the cells' countdowns.
QUEUE_CLOCK_READERS = ("desk.queues.service", "desk.queues.asof", "desk.slaops.columns",
                       "desk.slaops.queue_views", "desk.slaops.queue_cells")


def freeze_queue_clock(monkeypatch: pytest.MonkeyPatch, now: datetime) -> datetime:
    """Make the queue and SLA reads see ``now`` until the test ends; returns it."""
    for module in QUEUE_CLOCK_READERS:
        monkeypatch.setattr(f"{module}.utcnow", lambda: now)
    return now
