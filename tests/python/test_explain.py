"""Dataset.explain against `marketshock explain SYMBOL DATE --usd X | --pct P --json`."""

import pytest

from conftest import assert_dtypes, assert_rows, assert_same, cli_json

CANDIDATE_COLUMNS = {
    "start": {"date": "start_date", "price": "start_price", "kind": "start_kind"},
    "end": {"date": "end_date", "price": "end_price", "kind": "end_kind"},
}

# (python keyword arguments, the tool's figure option)
CASES = [
    ("NVDA", "2025-01-27", dict(usd=560e9), ["--usd", "560e9"]),
    ("NVDA", "2025-01-27", dict(usd=-589e9), ["--usd", "-589e9"]),
    ("NVDA", "2025-01-27", dict(usd=593e9), ["--usd", "593e9"]),
    ("NVDA", "2025-01-27", dict(usd=900e9), ["--usd", "900e9"]),
    ("NVDA", "2025-01-27", dict(pct=-18), ["--pct", "-18"]),
    ("NVDA", "2025-01-27", dict(pct=16.9), ["--pct", "16.9"]),
    ("AVGO", "2025-01-27", dict(usd=200e9), ["--usd", "200e9"]),
    ("NVDA", "2024-09-03", dict(usd=279e9), ["--usd", "279e9"]),
]


@pytest.mark.parametrize("symbol,day,kwargs,figure", CASES,
                         ids=[f"{c[0]} {c[1]} {' '.join(c[3])}" for c in CASES])
def test_explain_matches_the_tool(dataset, symbol, day, kwargs, figure):
    # --top 1000 (the tool's maximum) lists every candidate.
    expected = cli_json("explain", symbol, day, *figure, "--top", "1000")
    df = dataset.explain(symbol, day, **kwargs)
    assert len(expected["candidates"]) < 1000
    assert_rows(expected["candidates"], df, "candidates", columns=CANDIDATE_COLUMNS)
    assert_rows(expected["implied_prices"], df.attrs["implied_prices"], "implied_prices")
    for key in ("figure", "day", "verdict"):
        assert_same(expected[key], df.attrs[key], key)
    assert_same(expected["symbol"], df.attrs["symbol"], "symbol")
    assert_same(expected["date"], df.attrs["date"], "date")


def test_top_keeps_the_nearest(dataset):
    expected = cli_json("explain", "NVDA", "2025-01-27", "--usd", "560e9", "--top", "3")
    df = dataset.explain("NVDA", "2025-01-27", usd=560e9, top=3)
    assert_rows(expected["candidates"], df, "candidates", columns=CANDIDATE_COLUMNS)


def test_verdicts(dataset):
    assert dataset.explain("NVDA", "2025-01-27", usd=593e9).attrs["reproduced"]
    e = dataset.explain("NVDA", "2025-01-27", usd=560e9)
    assert not e.attrs["reproduced"] and e.attrs["intraday_figure"]


def test_dtypes(dataset):
    df = dataset.explain("NVDA", "2025-01-27", usd=560e9)
    assert_dtypes(
        df,
        floats=["start_price", "end_price", "shares", "change_usd", "change_fraction", "distance"],
        dates=["start_date", "end_date", "shares_as_of"],
        bools=["shares_in_force"],
        texts=["basis", "start_kind", "end_kind", "shares_source", "shares_measure"],
    )
    assert_dtypes(df.attrs["implied_prices"], floats=["shares", "price"], dates=["shares_as_of"],
                  bools=["within_day_range", "shares_in_force"])
