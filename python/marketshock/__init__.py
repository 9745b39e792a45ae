"""marketshock: market-event forensics (what moved, how it ranks in history, which basis gives a
published figure) on the C++ library, with results as pandas DataFrames.

    import marketshock
    ds = marketshock.load_dataset()          # the embedded dataset, or load_dataset(path)
    ds.records(top=10, as_of="2025-01-27", universe="sp500")
    ds.moves("NVDA", "2025-01-24", "2025-01-31")
    ds.explain("NVDA", "2025-01-27", usd=560e9)
    marketshock.calendar.sessions("2025-01-01", "2025-01-31")

Each analysis calls the same library functions as the command-line tool ``marketshock`` and
gives the same values as its ``--json`` output. Returns are fractions, money USD, dates
``datetime64[ns]``; missing values are NaN, None or NaT. Errors raise :class:`Error` subclasses:
:class:`InvalidArgument`, :class:`ParseError`, :class:`DataError` (all ValueError) and
:class:`IoError` (an OSError), with the library's message.
"""

from . import _marketshock
from . import calendar
from ._config import VERSION as _VERSION
from ._errors import DataError, Error, InvalidArgument, IoError, ParseError
from .dataset import Dataset, default_dataset_directory, load_dataset

__version__ = _marketshock.__version__
if __version__ != _VERSION:  # a stale copy of the pure-Python files beside another build
    raise ImportError(
        f"marketshock: the extension module is version {__version__} but the package "
        f"files are {_VERSION}; reinstall or rebuild"
    )

__all__ = [
    "DataError",
    "Dataset",
    "Error",
    "InvalidArgument",
    "IoError",
    "ParseError",
    "calendar",
    "default_dataset_directory",
    "load_dataset",
]
