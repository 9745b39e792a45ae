"""Dataset.records against `marketshock records ... --json`, value by value: the ranked moves,
the holders, every excluded run and the resolved query."""

import threading

import pandas as pd
import pytest

from conftest import assert_dtypes, assert_rows, assert_same, cli_json

# The JSON's previous_record object as prefixed columns (its `symbols` list is checked against
# the joined symbol).
PREVIOUS = {
    "symbol": "previous_record_symbol",
    "issuer": "previous_record_issuer",
    "date": "previous_record_date",
    "return": "previous_record_return",
    "market_value_change_usd": "previous_record_market_value_change_usd",
    "previous_market_value_usd": "previous_record_previous_market_value_usd",
}

# (python keyword arguments, the tool's options)
QUERIES = [
    (dict(top=10, as_of="2025-01-27", universe="sp500"),
     ["--top", "10", "--as-of", "2025-01-27", "--universe", "sp500"]),
    (dict(top=25, as_of="2025-01-27", universe="ndx100", by="pct"),
     ["--top", "25", "--as-of", "2025-01-27", "--universe", "ndx100", "--by", "pct"]),
    (dict(top=15, gains=True), ["--top", "15", "--gains"]),
    (dict(top=20, per="issuer", as_of="2025-01-27"),
     ["--top", "20", "--per", "issuer", "--as-of", "2025-01-27"]),
    (dict(top=12, per="issuer", by="pct", gains=True, universe="sp500"),
     ["--top", "12", "--per", "issuer", "--by", "pct", "--gains", "--universe", "sp500"]),
    (dict(top=30, since="2024-08-01", until="2025-01-31"),
     ["--top", "30", "--from", "2024-08-01", "--to", "2025-01-31"]),
    (dict(top=500, as_of="2025-04-30", universe="all"),
     ["--top", "500", "--as-of", "2025-04-30", "--universe", "all"]),
    (dict(top=5, as_of="2020-03-20", by="pct"),
     ["--top", "5", "--as-of", "2020-03-20", "--by", "pct"]),
]


def check_against_tool(df, expected, where):
    rows = []
    for row in expected["records"]:
        row = dict(row)
        previous = row.get("previous_record")
        if previous is not None:
            assert "+".join(previous["symbols"]) == previous["symbol"]
            row["previous_record"] = {k: v for k, v in previous.items() if k != "symbols"}
        rows.append(row)
    columns = {"previous_record": PREVIOUS}
    assert_rows(rows, df, f"{where} records", columns=columns, index="rank")
    assert_rows(expected["holders"], df.attrs["holders"], f"{where} holders")
    assert_rows(expected["excluded"], df.attrs["excluded"], f"{where} excluded")
    for key in ("as_of", "from", "to", "universe", "by", "direction", "per", "candidates"):
        assert_same(expected[key], df.attrs[key], f"{where} {key}")


@pytest.mark.parametrize("kwargs,options", QUERIES, ids=[" ".join(o) for _, o in QUERIES])
def test_records_match_the_tool(dataset, kwargs, options):
    expected = cli_json("records", *options)
    check_against_tool(dataset.records(**kwargs), expected, " ".join(options))


def test_the_deepseek_table(dataset):
    df = dataset.records(top=10, as_of="2025-01-27", universe="sp500")
    first = df.loc[1]
    assert (first["symbol"], first["date"]) == ("NVDA", pd.Timestamp("2025-01-27"))
    assert first["record_at_the_time"]
    assert first["previous_record_symbol"] == "NVDA"
    assert first["previous_record_date"] == pd.Timestamp("2024-09-03")
    holders = df.attrs["holders"].set_index("key")["count"]
    assert holders["NVDA"] == 7  # "eight of the ten" is 7 of 10 on this basis
    assert df.loc[10, "symbol"] == "AVGO"


def test_dtypes(dataset):
    df = dataset.records(top=5, per="issuer")
    assert df.index.name == "rank" and str(df.index.dtype) == "int64"
    assert_dtypes(
        df,
        floats=["return", "value", "market_value_change_usd", "previous_market_value_usd",
                "previous_record_return", "previous_record_market_value_change_usd",
                "previous_record_previous_market_value_usd"],
        dates=["date", "previous_record_date"],
        bools=["record_at_the_time"],
        texts=["symbol", "issuer", "symbols", "previous_record_symbol", "previous_record_issuer"],
    )
    excluded = df.attrs["excluded"]
    assert_dtypes(excluded, ints=["sessions", "sessions_spanned"], dates=["first", "last"],
                  texts=["symbol", "issuer", "reason"])
    assert_dtypes(df.attrs["holders"], ints=["count"], texts=["key"])


def test_issuers_join_their_classes(dataset):
    df = dataset.records(top=100, per="issuer", as_of="2025-01-27")
    alphabet = df[df["issuer"] == df.loc[df["symbol"].str.contains("GOOG")].iloc[0]["issuer"]]
    assert not alphabet.empty
    for _, row in alphabet.iterrows():
        assert row["symbol"] == "+".join(row["symbols"])


def test_concurrent_rankings_agree(dataset):
    # The table of moves is built once even when threads race for it, and rankings run with the
    # GIL released; every thread must see the same result.
    results = [None] * 4
    queries = [dict(top=50), dict(top=50, by="pct"), dict(top=50), dict(top=50, by="pct")]

    def run(i):
        results[i] = dataset.records(**queries[i])

    threads = [threading.Thread(target=run, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    pd.testing.assert_frame_equal(results[0], results[2])
    pd.testing.assert_frame_equal(results[1], results[3])
    pd.testing.assert_frame_equal(results[0], dataset.records(top=50))
