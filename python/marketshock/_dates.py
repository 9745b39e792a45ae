"""Dates in, dates out: what the package accepts as a date and how it hands dates back.

A date argument may be a ``str`` in ``YYYY-MM-DD`` form (checked by the C++ library exactly as
the command-line tool checks it), a ``datetime.date``, a ``datetime.datetime`` or
``pandas.Timestamp`` (its calendar date: the time of day and time zone are not used), or a
``numpy.datetime64``. Dates come back as ``pandas.Timestamp`` and columns as ``datetime64[ns]``.
"""

import datetime

import numpy as np
import pandas as pd

from ._errors import InvalidArgument


def iso(value, name="date"):
    """`value` as ``YYYY-MM-DD`` text for the C++ library.

    Raises InvalidArgument for NaT and TypeError for anything that is not a date.
    """
    if isinstance(value, str):
        return value
    if value is pd.NaT or (isinstance(value, np.datetime64) and np.isnat(value)):
        raise InvalidArgument(f"{name}: a date is required, not NaT")
    if isinstance(value, datetime.datetime):  # pandas.Timestamp is one
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, np.datetime64):
        return str(value.astype("datetime64[D]"))
    raise TypeError(
        f"{name}: expected a date (str 'YYYY-MM-DD', datetime.date, numpy.datetime64 or "
        f"pandas.Timestamp), got {type(value).__name__}"
    )


def optional_iso(value, name):
    """iso(value), or None for None."""
    return None if value is None else iso(value, name)


def is_scalar_date(value):
    """False for an array-like of dates (anything iterable but text), True otherwise: one date,
    or a value iso() will refuse."""
    return isinstance(value, (str, bytes)) or not hasattr(value, "__iter__")


def epoch_days(values, name="dates"):
    """An array-like of dates as int64 days since 1970-01-01, for the vectorised calendar.

    Strings must be ``YYYY-MM-DD``; timestamps count by their calendar date. Raises
    InvalidArgument for NaT or text that is not an ISO date.
    """
    if isinstance(values, pd.DatetimeIndex) or (
        isinstance(values, (np.ndarray, pd.Series)) and np.issubdtype(values.dtype, np.datetime64)
    ):
        index = pd.DatetimeIndex(values)
    else:
        items = list(values)
        texts = [iso(v, name) for v in items]
        try:
            index = pd.DatetimeIndex(pd.to_datetime(texts, format="%Y-%m-%d"))
        except (ValueError, OverflowError) as error:
            raise InvalidArgument(f"{name}: {error}") from None
    if index.tz is not None:
        index = index.tz_localize(None)
    if index.hasnans:
        raise InvalidArgument(f"{name}: a date is required, not NaT")
    return index.normalize().values.astype("datetime64[D]").astype(np.int64)


def timestamp(text):
    """``YYYY-MM-DD`` text as a pandas.Timestamp (None stays None)."""
    return None if text is None else pd.Timestamp(text)
