"""load_dataset, where it finds the embedded dataset, and Dataset.securities against the
dataset's own tables."""

import csv
import json
import os
import subprocess
import sys

import pandas as pd
import pytest

import marketshock
from conftest import assert_dtypes, edited_dataset

SOURCE_DATA = os.path.join(os.environ.get("MARKETSHOCK_SOURCE_DIR", ""), "data")


def test_the_embedded_dataset_is_found(dataset, monkeypatch):
    monkeypatch.delenv("MARKETSHOCK_DATA", raising=False)
    assert os.path.samefile(marketshock.default_dataset_directory(), SOURCE_DATA)
    assert os.path.samefile(dataset.directory, SOURCE_DATA)
    assert dataset.name == "marketshock-deepseek-2025"
    assert dataset.name in repr(dataset)


def test_marketshock_data_comes_first(tmp_path, monkeypatch):
    copy = edited_dataset(tmp_path, "issuers.csv", lambda text: text)
    monkeypatch.setenv("MARKETSHOCK_DATA", str(copy))
    assert marketshock.default_dataset_directory() == os.path.normpath(copy)
    assert os.path.samefile(marketshock.load_dataset().directory, copy)


def test_no_dataset_anywhere(tmp_path, monkeypatch):
    monkeypatch.setenv("MARKETSHOCK_DATA", str(tmp_path / "nowhere"))
    monkeypatch.setattr(marketshock.dataset._config, "DATA_DIRS", [str(tmp_path / "neither")])
    with pytest.raises(marketshock.IoError, match="no dataset found") as error:
        marketshock.load_dataset()
    assert str(tmp_path / "nowhere") in str(error.value)
    assert isinstance(error.value, OSError)


def test_path_forms(tmp_path):
    import pathlib

    ds = marketshock.load_dataset(pathlib.Path(SOURCE_DATA))
    assert ds.name == "marketshock-deepseek-2025"


def test_securities_are_the_table(dataset):
    df = dataset.securities()
    with open(os.path.join(SOURCE_DATA, "securities.csv"), newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(df) == len(rows) == 519
    assert list(df["symbol"]) == sorted(r["symbol"] for r in rows)
    by_symbol = df.set_index("symbol")
    for r in rows:
        s = by_symbol.loc[r["symbol"]]
        for key in ("issuer", "share_class", "name", "exchange", "gics_sector", "gics_industry",
                    "price_source", "price_note"):
            assert s[key] == r[key], (r["symbol"], key)
        assert s["price_flagged"] == (r["price_flagged"] == "1")
        assert r["price_basis_as_of"] in s["price_basis"]
    assert_dtypes(
        df,
        ints=["bars", "share_counts"],
        dates=["first_bar", "last_bar"],
        bools=["price_flagged"],
        texts=["symbol", "issuer", "issuer_name", "name", "exchange", "gics_sector"],
    )
    nvda = by_symbol.loc["NVDA"]
    assert nvda["issuer_name"] == "Nvidia"
    assert nvda["first_bar"] == pd.Timestamp("2020-01-02")
    assert by_symbol.loc["GOOG", "share_counts"] == 0  # its count stands on GOOGL


def test_metadata_and_load_report(dataset):
    with open(os.path.join(SOURCE_DATA, "manifest.json")) as f:
        manifest = json.load(f)
    assert dataset.metadata["name"] == manifest["name"]
    report = dataset.load_report()
    report = report.set_index(report["file"].map(os.path.basename))
    for table, entry in manifest["tables"].items():
        row = report.loc[table]
        assert row["rows_read"] == row["rows_loaded"] == entry["rows"], table
        assert row["rows_skipped"] == 0
    assert dataset.skipped_rows().empty


def test_lenient_load_lists_what_it_skipped(tmp_path):
    directory = edited_dataset(
        tmp_path, "bars.csv", lambda text: text.replace("NVDA,2025-01-28,", "NVDA,2025-02-30,", 1)
    )
    with pytest.raises(marketshock.ParseError):
        marketshock.load_dataset(directory)
    ds = marketshock.load_dataset(directory, lenient=True)
    skipped = ds.skipped_rows()
    assert len(skipped) == 1
    row = skipped.iloc[0]
    assert row["file"].endswith("bars.csv") and row["line"] > 1
    assert "2025-02-30" in row["reason"]
    # The lenient dataset has no NVDA bar on 2025-01-28: the move to 2025-01-29 spans two
    # sessions.
    moves = ds.moves("NVDA", "2025-01-29")
    assert moves.iloc[0]["sessions_spanned"] == 2


def test_the_done_check_prints_nvda_first():
    # README's check: the DataFrame's own repr (as print shows it) starts with NVDA 2025-01-27.
    code = (
        "import marketshock; "
        "print(marketshock.load_dataset().records(top=3, as_of='2025-01-27'))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    lines = out.stdout.splitlines()
    first_row = next(line for line in lines if line.startswith("1 "))
    assert first_row.split()[1:3] == ["NVDA", "2025-01-27"], out.stdout


def test_long_calls_release_the_gil():
    # While a thread loads the dataset and builds its table of moves (~0.3 s of C++ each time),
    # this thread keeps running: the longest pause between its iterations stays well below one
    # such call. Were the GIL held, every call would stall it whole.
    import threading
    import time

    durations = []

    def work():
        for _ in range(3):
            start = time.perf_counter()
            ds = marketshock.load_dataset()
            ds._native.build_move_table()
            durations.append(time.perf_counter() - start)

    worker = threading.Thread(target=work)
    previous = time.perf_counter()
    longest = 0.0
    worker.start()
    while worker.is_alive():
        time.sleep(0.001)
        now = time.perf_counter()
        longest = max(longest, now - previous)
        previous = now
    worker.join()
    assert len(durations) == 3
    assert longest < 0.5 * min(durations), (longest, durations)
