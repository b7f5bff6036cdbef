"""SLA engine, Qt-free: business calendars and the clocks that run on them."""

from __future__ import annotations

from desk.sla.calendar import BusinessCalendar, CalendarError, Segment

__all__ = ["BusinessCalendar", "CalendarError", "Segment"]
