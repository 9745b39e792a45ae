"""Datasets and their analyses as pandas DataFrames: what ``marketshock moves``, ``records`` and
``explain`` print with ``--json``, from the same library calls.

Conventions (as in the library and the tool): returns are fractions (-0.1697 is -16.97%), money
is USD, prices are on the dataset's split basis, dates are ``datetime64[ns]``; a missing number is
NaN, a missing text None and a missing date NaT, never a sentinel.
"""

import numbers
import os

from . import _config
from . import _marketshock
from ._dates import iso, optional_iso, timestamp
from ._errors import InvalidArgument, IoError
from ._frames import frame, with_dates


def default_dataset_directory():
    """Where ``load_dataset()`` finds the embedded dataset, as the command-line tool does: the
    directory in ``$MARKETSHOCK_DATA`` if set, else the dataset installed with the package
    (``<prefix>/share/marketshock/data``), else the source tree's ``data/`` (a build tree). The
    first of these holding a ``manifest.json`` wins.

    Raises IoError listing the places tried when none does.
    """
    tried = []
    env = os.environ.get("MARKETSHOCK_DATA")
    if env:
        tried.append(env)
    tried.extend(_config.DATA_DIRS)
    for directory in tried:
        if os.path.exists(os.path.join(directory, "manifest.json")):
            return os.path.normpath(directory)
    raise IoError(
        "no dataset found (tried {}); pass a path or set MARKETSHOCK_DATA".format(
            ", ".join(os.path.normpath(d) for d in tried)
        )
    )


def load_dataset(path=None, *, lenient=False):
    """Load a dataset directory into memory and return a :class:`Dataset`.

    Args:
        path: a dataset directory in the project's format (``manifest.json`` and its CSV
            tables; see ``data/README.md``), as ``str`` or ``os.PathLike``. ``None``: the
            embedded dataset (see :func:`default_dataset_directory`; ``$MARKETSHOCK_DATA``
            first).
        lenient: ``False`` (strict, the tool's policy): the first bad row raises ParseError or
            DataError with file:line:column. ``True``: bad rows are skipped and listed in
            :meth:`Dataset.skipped_rows`, never silently.

    Every table's SHA-256 and row count are checked against the manifest. The embedded dataset
    loads in about 0.1 s; the GIL is released meanwhile.

    Raises:
        IoError: the directory or a table is missing or unreadable.
        DataError: a checksum or row count does not match, or the tables contradict each other.
        ParseError: (strict) a row cannot be read.
    """
    directory = default_dataset_directory() if path is None else os.fspath(path)
    return Dataset(_marketshock.load_dataset(directory, bool(lenient)))


def _text(value, name):
    """`value` if it is a str (the library checks which ones it accepts); TypeError otherwise."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, got {type(value).__name__}")
    return value


class Dataset:
    """A dataset loaded in memory (:func:`load_dataset`), read-only, with the analyses of the
    command-line tool. Safe to use from several threads; the long computations release the GIL.

    The first :meth:`records` call computes every daily move of the dataset once (a fraction of
    a second on the embedded data); later rankings reuse it.
    """

    def __init__(self, native):
        """Wraps a ``marketshock._marketshock.Dataset``; use :func:`load_dataset`."""
        self._native = native

    def __repr__(self):
        return f"<marketshock.Dataset {self.name!r} from {self.directory!r}>"

    @property
    def name(self):
        """The dataset's name (from its manifest)."""
        return self._native.name

    @property
    def directory(self):
        """The directory it was loaded from."""
        return os.fspath(self._native.directory)

    @property
    def metadata(self):
        """The manifest without the checksums, as a dict: name, description, as_of, window,
        sources (repository, commit, licence), index level series, notes."""
        return self._native.metadata()

    def load_report(self):
        """One row per table: ``file``, ``rows_read``, ``rows_loaded``, ``rows_skipped``."""
        return frame(self._native.load_report())

    def skipped_rows(self):
        """Every row a lenient load skipped: ``file``, ``line``, ``column`` (0 when unknown),
        ``reason``. Empty for a strict load, which raises instead."""
        return frame(self._native.skipped_rows())

    def securities(self):
        """Every security of the dataset, one row each, sorted by symbol.

        Columns: ``symbol``, ``issuer`` (issuer key: GOOG and GOOGL share one), ``issuer_name``,
        ``name``, ``share_class`` ("" for a single class), ``exchange``, ``gics_sector``,
        ``gics_industry``, ``price_basis`` (e.g. "split-adjusted as of 2026-04-24"),
        ``price_source`` and ``price_note`` (provenance), ``price_flagged`` (lower-quality
        prices), ``first_bar``, ``last_bar``, ``bars`` (count), ``share_counts`` (share-count
        steps; 0: no market value can be computed).
        """
        return frame(self._native.securities())

    def moves(self, symbol, start, end=None):
        """One security's daily moves from session `start` to session `end` (both inclusive;
        `end` defaults to `start`): ``marketshock moves SYMBOL --from START --to END --json``.

        Returns a DataFrame indexed by ``date`` (the session), one row per bar, with the fields
        of the tool's ``days``: ``previous_date`` (the previous bar), ``close``, ``prev_close``
        (previous close on this session's split footing), ``return`` (close to close),
        ``open``, ``low``, ``high``, ``open_gap_return``, ``intraday_low_return`` ("fell as much
        as"), ``intraday_high_return``, ``split_ratio``, ``market_value_status``,
        ``sessions_spanned``, ``previous_market_value_usd``, ``market_value_usd`` (close x
        shares in force that session), ``market_value_change_usd``,
        ``market_value_change_return``, ``open_gap_change_usd``, ``intraday_low_change_usd``,
        ``intraday_high_change_usd``, ``shares``, ``shares_source``, ``shares_measure``,
        ``shares_as_of`` (the count's effective date), ``cumulative_return`` and
        ``cumulative_change_usd`` (since the close before `start`).

        Market-value fields are NaN unless ``market_value_status`` is ``available`` (a
        one-session move) or ``spans_several_sessions`` (a move across a gap, never a one-day
        move: ``sessions_spanned`` says how many). Returns are fractions, money USD.

        ``df.attrs`` holds the tool's other parts: ``symbol``, ``name``, ``basis`` (prices,
        price_source, price_note, returns, market_value), ``period`` (from, to, base_date,
        return, market_value_change_usd) and ``week`` (the calendar week holding `start`, with
        ``worst_since`` and ``best_since``: the latest earlier week beyond it, or None).

        Raises:
            InvalidArgument: an unknown symbol (naming close matches), a date that is not
                ``YYYY-MM-DD`` or not an NYSE session, `start` after `end`.
        """
        result = self._native.moves(
            symbol, iso(start, "start"), optional_iso(end, "end")
        )
        df = frame(result["days"], index="date")
        df.attrs = {
            "symbol": result["symbol"],
            "name": result["name"],
            "basis": result["basis"],
            "period": with_dates(result["period"]),
            "week": with_dates(result["week"]),
        }
        return df

    def records(
        self,
        top=10,
        as_of=None,
        universe="all",
        by="usd",
        gains=False,
        per="security",
        since=None,
        until=None,
    ):
        """The largest one-day losses (or gains), with the record each stood against at the time:
        ``marketshock records --json``.

        Args:
            top: how many moves (at least 1).
            as_of: rank as it stood at this date's close: nothing later is visible. None: the
                data's last bar.
            universe: ``"sp500"`` or ``"ndx100"`` (only securities that were members on the
                move's own date) or ``"all"``.
            by: ``"usd"``: the market-value change, close x shares in force that session
                against the previous close x the count in force then (both on one split basis,
                so a split is never a loss); ``"pct"``: the close-to-close return (per issuer,
                the classes' summed change over their summed previous value).
            gains: rank the largest gains instead of losses.
            per: ``"security"`` or ``"issuer"`` (share classes combined: GOOG + GOOGL).
            since, until: first and last date of the ranked range (the tool's ``--from`` and
                ``--to``); records at the time still look back to the data's first bar.

        Returns a DataFrame indexed by ``rank`` (1 is the largest), columns: ``symbol`` (per
        issuer the classes joined with "+"), ``date``, ``return`` (close to close; per issuer
        change / previous value), ``record_at_the_time`` (no earlier move of the universe was
        as large), the record standing at the close of the session before:
        ``previous_record_symbol``, ``previous_record_date``, ``previous_record_return``,
        ``previous_record_market_value_change_usd``,
        ``previous_record_previous_market_value_usd``, ``previous_record_issuer``
        (None/NaT/NaN for the universe's first move), then ``issuer``, ``symbols`` (list),
        ``value`` (the ranked measure: USD or fraction), ``previous_market_value_usd`` and
        ``market_value_change_usd``.

        What was left out: only one-session moves that have the measure are ranked (in USD, a
        market value on both days; in percent per security, a one-session price return, which
        needs no share count). Every other security-day in range and universe is listed, in
        runs, in ``df.attrs["excluded"]``, a
        DataFrame with ``symbol``, ``issuer``, ``reason`` (``no_previous_bar``, ``no_shares``,
        ``no_previous_shares``, ``value_on_other_class``, ``dividend_adjusted_prices``,
        ``spans_several_sessions`` for a move across a gap, ``not_a_session``), ``first``,
        ``last``, ``sessions`` (bars in the run), ``sessions_spanned``. ``df.attrs`` also holds
        ``holders`` (DataFrame ``key``, ``count``: "2 of the top 3 belong to NVDA"),
        ``candidates`` (moves that could rank), and the resolved query: ``as_of``, ``from``,
        ``to``, ``universe``, ``by``, ``direction``, ``per``.

        Raises:
            InvalidArgument: top below 1, a bad date, as_of before the data, since after the
                end, an unknown universe, a bad ``by`` or ``per``.
        """
        if isinstance(top, bool) or not isinstance(top, numbers.Integral):
            raise TypeError(f"top must be an int, got {type(top).__name__}")
        result = self._native.records(
            int(top),
            optional_iso(as_of, "as_of"),
            optional_iso(since, "since"),
            optional_iso(until, "until"),
            _text("all" if universe is None else universe, "universe"),
            _text(by, "by"),
            bool(gains),
            _text(per, "per"),
        )
        df = frame(result["records"], index="rank")
        df.attrs = {
            "as_of": timestamp(result["as_of"]),
            "from": timestamp(result["from"]),
            "to": timestamp(result["to"]),
            "universe": result["universe"],
            "by": result["by"],
            "direction": result["direction"],
            "per": result["per"],
            "candidates": result["candidates"],
            "holders": frame(result["holders"]),
            "excluded": frame(result["excluded"]),
        }
        return df

    def explain(self, symbol, date, usd=None, pct=None, top=None):
        """Which basis gives a published figure: ``marketshock explain SYMBOL DATE --usd X --json``.

        Give exactly one figure: `usd`, a market-value change in USD ("lost $560B": 560e9 or
        -560e9), or `pct`, a price change in percent as the tool's ``--pct`` (18 or -18).
        Losses and gains are compared by magnitude.

        Candidate bases: start at the prior close, or at the highest close or intraday high of
        the week (5 sessions), month (21), 52 weeks (252) or all the data before `date`; end at
        the session's close or low; times each share count dated from 400 days before to 120
        days after the session.

        Returns a DataFrame of candidates, nearest first (the first `top`; None: all), columns:
        ``basis`` (e.g. "prior close -> close"), ``start_date``, ``start_price``,
        ``start_kind`` ("close" or "high"), ``end_date``, ``end_price``, ``end_kind`` ("close"
        or "low"), ``shares``, ``shares_as_of``, ``shares_source``, ``shares_measure``,
        ``shares_in_force`` (the count in force on the session), ``change_usd`` ((end - start) x
        shares), ``change_fraction`` (end / start - 1), ``distance`` (for USD | |change| /
        |figure| - 1 |, for percent | |change| - |figure| | in fraction points).

        ``df.attrs``: ``symbol``, ``date``, ``figure`` (``usd`` or ``fraction``), ``day`` (the
        session's previous_close, open, high, low, close), ``implied_prices`` (DataFrame: for a
        USD figure, the price each share count implies and whether it lies within the day's
        range), ``verdict`` (the tool's sentence), ``reproduced`` (a basis within 1%, or 0.25
        points) and ``intraday_figure`` (none is, but the figure fits a moment of the session).

        Raises:
            InvalidArgument: an unknown symbol, a date that is not a session or has no bar, no
                figure or both, a zero or non-finite figure, top below 1.
        """
        if usd is not None and pct is not None:
            raise InvalidArgument("give usd or pct, not both")
        if usd is None and pct is None:
            raise InvalidArgument("give usd=X or pct=P")
        if top is not None and (isinstance(top, bool) or not isinstance(top, numbers.Integral)):
            raise TypeError(f"top must be an int or None, got {type(top).__name__}")
        if top is not None and top < 1:
            raise InvalidArgument(f"top must be at least 1, got {top}")
        result = self._native.explain(
            symbol,
            iso(date, "date"),
            None if usd is None else float(usd),
            None if pct is None else float(pct) / 100.0,
        )
        df = frame(result["candidates"])
        if top is not None:
            df = df.head(int(top))
        df.attrs = {
            "symbol": result["symbol"],
            "date": timestamp(result["date"]),
            "figure": result["figure"],
            "day": result["day"],
            "implied_prices": frame(result["implied_prices"]),
            "verdict": result["verdict"],
            "reproduced": result["reproduced"],
            "intraday_figure": result["intraday_figure"],
        }
        return df


__all__ = ["Dataset", "default_dataset_directory", "load_dataset"]
