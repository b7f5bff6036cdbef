"""Everything the console shows in the user's language and locale, in one place: the
translation helper for module-level text, dates and times, lengths of time, name order, and
the language the user chose.

Dates follow the locale's short formats (so a Chinese desk reads ``2026/12/3 16:29`` and a
British one ``03/12/2026 16:29``) but always with four-digit years; the C locale, whose short
format (``3 12 2026``) reads badly, gets ISO order instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date, datetime
from functools import lru_cache
from typing import TypeVar

from PySide6.QtCore import QCollator, QCoreApplication, QDate, QDateTime, QLocale, QTime, QTimeZone

from desk import config as local_config
from desk.errors import ConfigError

T = TypeVar("T")

# The choices of the language menu: a catalogue's locale name, or None for the system's.
LANGUAGES: tuple[str, ...] = ("en", "zh_CN")
_LANGUAGE_KEY = "language"


def translate(text: str, *, disambiguation: str | None = None) -> str:
    """``text`` in the context ``desk``; ``disambiguation`` tells apart two uses of one English
    text that other languages word differently. Keyword only: lupdate would read a second
    positional literal as ``translate(context, text)``; ``tools/update_translations.py``
    collects both."""
    return QCoreApplication.translate("desk", text, disambiguation)


# ---------------------------------------------------------------- dates and times


def _four_digit_years(fmt: str) -> str:
    return re.sub(r"(?<!y)yy(?!y)", "yyyy", fmt)


@lru_cache(maxsize=8)
def _formats(locale_name: str) -> tuple[str, str, str]:
    """(date, date and time, date and time with seconds) Qt formats for a locale."""
    locale = QLocale(locale_name)
    if locale.language() == QLocale.Language.C:
        return "yyyy-MM-dd", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"
    day = _four_digit_years(locale.dateFormat(QLocale.FormatType.ShortFormat))
    time = locale.timeFormat(QLocale.FormatType.ShortFormat)
    with_seconds = time if "s" in time else time.replace("mm", "mm:ss", 1)
    return day, f"{day} {time}", f"{day} {with_seconds}"


def date_format() -> str:
    """The Qt display format of a date (for ``QDateEdit.setDisplayFormat``)."""
    return _formats(QLocale().name())[0]


def wall_time(dt: datetime, seconds: bool = False) -> str:
    """The date and time fields of ``dt`` as they are (no zone conversion)."""
    qdt = QDateTime(QDate(dt.year, dt.month, dt.day),
                    QTime(dt.hour, dt.minute, dt.second), QTimeZone.utc())
    locale = QLocale()
    return locale.toString(qdt, _formats(locale.name())[2 if seconds else 1])


def local_time(dt: datetime | None, seconds: bool = False) -> str:
    """An aware UTC time as the user's local date and time, in the user's locale."""
    if dt is None:
        return ""
    return wall_time(dt.astimezone(), seconds)


def local_date(day: date) -> str:
    """A calendar day in the user's locale."""
    locale = QLocale()
    return locale.toString(QDate(day.year, day.month, day.day), _formats(locale.name())[0])


def name_list(names: Iterable[str]) -> str:
    """Names joined as the user's language joins them ("A, B and C"; "A、B和C")."""
    return QLocale().createSeparatedList(list(names))


# ---------------------------------------------------------------- lengths of time


def format_remaining(seconds: float) -> str:
    """Signed business time: ``2h 15m``, ``45m``, ``−1h 05m`` once breached (a true minus)."""
    minus = seconds < 0
    total = int(abs(seconds)) // 60
    if minus and abs(seconds) % 60:
        total += 1  # 30 s past due is "−1m", not "−0m"
    hours, minutes = divmod(total, 60)
    if hours:
        text = translate("{h}h {m:02d}m").format(h=hours, m=minutes)
    else:
        text = translate("{m}m").format(m=minutes)
    return ("\u2212" + text) if minus else text


def format_duration(seconds: float) -> str:
    """A length of time without sign: ``3d 4h``, ``2h 15m``, ``45m``, ``20s``."""
    seconds = abs(seconds)
    if seconds < 60:
        return translate("{s}s").format(s=int(seconds))
    total = int(seconds) // 60
    days, rest = divmod(total, 1440)
    hours, minutes = divmod(rest, 60)
    if days:
        return translate("{d}d {h}h").format(d=days, h=hours)
    if hours:
        return translate("{h}h {m:02d}m").format(h=hours, m=minutes)
    return translate("{m}m").format(m=minutes)


# ---------------------------------------------------------------- order of names


def sorted_by_name(items: Iterable[T], name: Callable[[T], str]) -> list[T]:
    """``items`` in the order of the user's language (pinyin for Chinese, accents beside
    their letters), not by code point as the database sorts them."""
    collator = QCollator(QLocale())
    return sorted(items, key=lambda item: collator.sortKey(name(item)))


# ---------------------------------------------------------------- the chosen language


def chosen_language() -> str | None:
    """The language the user chose in the console (a locale name), or None for the
    system's. A configuration file that cannot be read holds no choice (the console's start
    reports such a file; the language menu must still open)."""
    try:
        value = local_config.load().get(_LANGUAGE_KEY)
    except ConfigError:
        return None
    return value if value in LANGUAGES else None


def choose_language(language: str | None) -> None:
    """Keep the user's choice for the next start (None: follow the system)."""
    values = local_config.load()
    if language is None:
        values.pop(_LANGUAGE_KEY, None)
    else:
        values[_LANGUAGE_KEY] = language
    local_config.save(values)


def ui_locale() -> QLocale:
    """The locale the console runs in: the chosen language, else the system's."""
    language = chosen_language()
    return QLocale(language) if language else QLocale.system()
