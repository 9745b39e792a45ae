"""The NYSE trading calendar, 1990-01-01 to 2030-12-31: ``marketshock calendar``.

Sessions are weekdays the exchange opened (early closes included). Closures are the regular
holidays (New Year's Day, Martin Luther King Jr. Day from 1998, Washington's Birthday, Good
Friday, Memorial Day, Juneteenth from 2022, Independence Day, Labor Day, Thanksgiving,
Christmas, with the Saturday and Sunday rules) and dated special closures (presidential funerals,
September 11, Hurricane Sandy, 2025-01-09). Dates may be ``YYYY-MM-DD`` text,
``datetime.date``, ``numpy.datetime64`` or ``pandas.Timestamp``; a date outside the calendar's
range raises InvalidArgument.
"""

import pandas as pd

from . import _marketshock
from ._dates import epoch_days, iso, is_scalar_date
from ._frames import frame

#: First and last day the calendar covers.
FIRST_DATE = pd.Timestamp(_marketshock.CALENDAR_FIRST_DATE)
LAST_DATE = pd.Timestamp(_marketshock.CALENDAR_LAST_DATE)


def sessions(start, end):
    """NYSE sessions from `start` to `end`, both inclusive, as a DatetimeIndex named
    ``"session"`` (the ``sessions`` of ``marketshock calendar --json``).

    Raises InvalidArgument for a date outside 1990-2030 or `start` after `end`.
    """
    values = _marketshock.sessions(iso(start, "start"), iso(end, "end"))
    return pd.DatetimeIndex(values, name="session")


def is_session(date):
    """Whether the NYSE opened on `date`, early closes included.

    `date` may be one date (returns a bool) or an array-like of dates such as a DatetimeIndex
    (returns a NumPy bool array of the same length).
    """
    if is_scalar_date(date):
        return _marketshock.is_session(iso(date))
    return _marketshock.is_session_mask(epoch_days(date))


def is_early_close(date):
    """Whether `date` was a session that closed early by schedule (13:00 New York time since
    1993, 14:00 before). One date gives a bool, an array-like a NumPy bool array."""
    if is_scalar_date(date):
        return _marketshock.is_early_close(iso(date))
    return _marketshock.is_early_close_mask(epoch_days(date))


def holiday_name(date):
    """Name of the closure that shut the NYSE on the weekday `date` ("Good Friday", "National
    day of mourning for former President Jimmy Carter", ...); None for a session or a weekend."""
    return _marketshock.holiday_name(iso(date))


def next_session(date):
    """The first session strictly after `date`, as a pandas.Timestamp."""
    return pd.Timestamp(_marketshock.next_session(iso(date)))


def previous_session(date):
    """The last session strictly before `date`, as a pandas.Timestamp."""
    return pd.Timestamp(_marketshock.previous_session(iso(date)))


def closures(start, end):
    """Weekdays from `start` to `end` on which the NYSE was closed: a DataFrame with ``date``
    and ``name`` (the ``closures`` of ``marketshock calendar --json``)."""
    return frame(_marketshock.closures(iso(start, "start"), iso(end, "end")))


__all__ = [
    "FIRST_DATE",
    "LAST_DATE",
    "closures",
    "holiday_name",
    "is_early_close",
    "is_session",
    "next_session",
    "previous_session",
    "sessions",
]
