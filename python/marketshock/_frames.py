"""From the extension module's columns to pandas objects, with fixed dtypes: numbers float64,
counts int64, flags bool, dates datetime64[ns], text object (str, or None when missing)."""

import re

import pandas as pd

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# Keys of the tool's JSON documents that hold a date; their values become pandas.Timestamp.
_DATE_KEYS = frozenset(
    {"as_of", "base_date", "date", "from", "last_date", "to", "week_start", "shares_as_of"}
)


def frame(columns, index=None):
    """A DataFrame of `columns` (a dict of NumPy arrays and lists, in column order)."""
    df = pd.DataFrame(columns, copy=False)
    if index is not None:
        df = df.set_index(index)
    return df


def with_dates(value):
    """`value` (dicts and lists from a JSON document) with the ISO dates of known date keys as
    pandas.Timestamp, so that they compare with the DataFrames' dates."""
    if isinstance(value, dict):
        return {
            k: (
                pd.Timestamp(v)
                if k in _DATE_KEYS and isinstance(v, str) and _ISO_DATE.match(v)
                else with_dates(v)
            )
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [with_dates(v) for v in value]
    return value
