"""Dataset.moves against `marketshock moves SYMBOL --from --to --json`, value by value."""

import datetime

import numpy as np
import pandas as pd
import pytest

import marketshock
from conftest import assert_dtypes, assert_rows, assert_same, cli_json, edited_dataset

FLOATS = [
    "close", "prev_close", "return", "open", "low", "high", "open_gap_return",
    "intraday_low_return", "intraday_high_return", "split_ratio", "previous_market_value_usd",
    "market_value_usd", "market_value_change_usd", "market_value_change_return",
    "open_gap_change_usd", "intraday_low_change_usd", "intraday_high_change_usd", "shares",
    "cumulative_return", "cumulative_change_usd",
]

CASES = [
    ("NVDA", "2025-01-24", "2025-01-31"),  # the DeepSeek week
    ("NVDA", "2025-01-13", "2025-02-07"),  # the example's chart
    ("NVDA", "2024-06-07", "2024-06-11"),  # the 10-for-1 split of 2024-06-10: no loss
    ("NVDA", "2020-03-09", "2020-03-20"),  # COVID: long history
    ("AVGO", "2025-01-27", None),  # one day, end defaults to start
    ("GOOG", "2025-01-27", "2025-01-28"),  # value carried by GOOGL: no market value
    ("APO", "2025-01-24", "2025-01-28"),  # dividend-adjusted prices: returns only
    ("WDAY", "2025-01-27", "2025-01-27"),  # no share count in force
    ("CEG", "2024-10-08", "2024-10-10"),  # no count on the previous bar, then one
    ("BRK.B", "2025-01-27", "2025-01-31"),  # a symbol with a dot
]


def cli_moves(symbol, start, end, *extra):
    args = ["moves", symbol, "--from", start, *extra]
    if end is not None:
        args += ["--to", end]
    return cli_json(*args)


@pytest.mark.parametrize("symbol,start,end", CASES)
def test_moves_match_the_tool(dataset, symbol, start, end):
    expected = cli_moves(symbol, start, end)
    df = dataset.moves(symbol, start, end)
    assert df.index.name == "date"
    assert_rows(expected["days"], df, f"{symbol} days", index="date")
    for key in ("basis", "period", "week"):
        assert_same(expected[key], df.attrs[key], f"{symbol} {key}")
    assert df.attrs["symbol"] == expected["symbol"]
    assert df.attrs["name"] == expected["name"]


def test_dtypes(dataset):
    df = dataset.moves("NVDA", "2025-01-24", "2025-01-31")
    assert str(df.index.dtype) == "datetime64[ns]"
    assert_dtypes(
        df,
        floats=FLOATS,
        ints=["sessions_spanned"],
        dates=["previous_date", "shares_as_of"],
        texts=["market_value_status", "shares_source", "shares_measure"],
    )


def test_the_deepseek_day(dataset):
    day = dataset.moves("NVDA", "2025-01-27").loc["2025-01-27"]
    assert day["market_value_change_usd"] == pytest.approx(-592.658e9, rel=1e-5)
    assert day["return"] == pytest.approx(-0.1697, abs=5e-5)
    assert day["intraday_low_return"] == pytest.approx(-0.1817, abs=5e-5)
    assert day["shares"] == 24.49e9
    assert day["shares_as_of"] == pd.Timestamp("2024-11-15")


@pytest.mark.parametrize(
    "start",
    [
        "2025-01-27",
        datetime.date(2025, 1, 27),
        datetime.datetime(2025, 1, 27, 15, 30),
        np.datetime64("2025-01-27"),
        np.datetime64("2025-01-27T10:00:00"),
        pd.Timestamp("2025-01-27"),
        pd.Timestamp("2025-01-27 09:30", tz="America/New_York"),
    ],
)
def test_date_forms(dataset, start):
    df = dataset.moves("NVDA", start, "2025-01-28")
    assert list(df.index) == [pd.Timestamp("2025-01-27"), pd.Timestamp("2025-01-28")]


def test_a_move_across_a_gap_spans_sessions(tmp_path):
    # Without NVDA's bar of 2025-01-27, the move to 2025-01-28 spans two sessions: figures are
    # given, the status says it is no one-day move, as in the tool.
    directory = edited_dataset(
        tmp_path,
        "bars.csv",
        lambda text: "".join(
            line
            for line in text.splitlines(keepends=True)
            if not line.startswith("NVDA,2025-01-27,")
        ),
    )
    df = marketshock.load_dataset(directory).moves("NVDA", "2025-01-24", "2025-01-28")
    expected = cli_moves("NVDA", "2025-01-24", "2025-01-28", "--data", str(directory))
    assert_rows(expected["days"], df, "gap days", index="date")
    row = df.loc["2025-01-28"]
    assert row["market_value_status"] == "spans_several_sessions"
    assert row["sessions_spanned"] == 2
    assert row["previous_date"] == pd.Timestamp("2025-01-24")
    assert np.isfinite(row["market_value_change_usd"])


def test_the_comparison_is_not_vacuous(dataset):
    expected = cli_moves("NVDA", "2025-01-24", "2025-01-28")
    df = dataset.moves("NVDA", "2025-01-24", "2025-01-28")
    nudged = df.copy()
    nudged.iloc[1, nudged.columns.get_loc("close")] *= 1 + 1e-11
    with pytest.raises(AssertionError, match="close"):
        assert_rows(expected["days"], nudged, "nudged", index="date")
    with pytest.raises(AssertionError, match="shares_source"):
        assert_rows(expected["days"], df.drop(columns="shares_source").assign(shares_source="x"),
                    "renamed", index="date")
    with pytest.raises(KeyError):
        assert_rows(expected["days"], df.drop(columns="cumulative_return"), "dropped", index="date")
