"""Public holidays and make-up workdays from the ``holidays`` package, for a calendar's review.

China (and a few others) move days off around public holidays: a weekday becomes a holiday
and a weekend day becomes a working day (调休). The package lists the days off as holidays and
keeps the worked weekend days in ``weekend_workdays``; both are needed, or tickets would run
on the wrong days twice a year.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping
from datetime import date

import holidays as holidays_package

from desk.i18n import _
from desk.sla.calendar import BusinessCalendar, CalendarError


def import_holidays(
    country: str, years: Iterable[int], subdiv: str | None = None
) -> tuple[list[date], list[date]]:
    """``(holidays, make-up workdays)`` of ``country`` in ``years``, each sorted.

    Raises CalendarError for a country or subdivision the package does not know.
    """
    wanted = sorted(set(years))
    try:
        table = holidays_package.country_holidays(
            country, subdiv=subdiv, years=wanted, expand=False
        )
    except NotImplementedError:
        if subdiv is None or country not in holidays_package.list_supported_countries():
            raise CalendarError(
                _(
                    '{field}: "{country}" is not a country the holiday tables know '
                    "(use an ISO 3166 code such as CN)"
                ).format(field="country", country=country),
                field="country",
            ) from None
        raise CalendarError(
            _('{field}: "{subdiv}" is not a subdivision of {country}').format(
                field="subdiv", subdiv=subdiv, country=country
            ),
            field="subdiv",
        ) from None
    # weekend_workdays can hold dates of other years (the package fills it per class, not
    # per instance), so keep only the years asked for.
    days_off = sorted(day for day in table if day.year in wanted)
    worked = sorted(day for day in table.weekend_workdays if day.year in wanted)
    return days_off, worked


def apply_holidays(
    calendar_dict: Mapping[str, object], holidays: Iterable[date], workdays: Iterable[date]
) -> dict[str, object]:
    """A new calendar dict with ``holidays`` and ``workdays`` merged in, ready for review.

    Existing entries are kept. A make-up workday gets the calendar's ``workday_hours`` when the
    dict lists workdays as plain dates, else Monday's segments, because that is what an
    ordinary working day looks like. The result is validated, so saving it cannot fail later.
    """
    result = copy.deepcopy(dict(calendar_dict))
    known_holidays = result.get("holidays", [])
    if not isinstance(known_holidays, list):
        raise CalendarError(
            _("{field}: expected a list of dates YYYY-MM-DD").format(field="holidays"),
            field="holidays",
        )
    result["holidays"] = sorted({*known_holidays, *(day.isoformat() for day in holidays)})

    new_workdays = [day.isoformat() for day in workdays]
    known_workdays = result.get("workdays", {})
    if isinstance(known_workdays, list):
        result["workdays"] = sorted({*known_workdays, *new_workdays})
    elif isinstance(known_workdays, Mapping):
        hours = result.get("hours", {})
        monday = hours.get("mon", []) if isinstance(hours, Mapping) else []
        merged = dict(known_workdays)
        for day in new_workdays:
            merged.setdefault(day, copy.deepcopy(monday))
        result["workdays"] = dict(sorted(merged.items()))
    else:
        raise CalendarError(
            _("{field}: expected an object of date: segments, or a list of dates").format(
                field="workdays"
            ),
            field="workdays",
        )
    BusinessCalendar.from_dict(result)
    return result
