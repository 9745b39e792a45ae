"""Shared fixtures of the Python package's tests: the built command-line tool, the embedded
dataset loaded once, and value-by-value comparison of a DataFrame with the tool's JSON.

Run through ctest (python.test_*), which sets PYTHONPATH to the build's package and
MARKETSHOCK_CLI to the tool; both are required, so a misconfigured run fails instead of skipping.
"""

import json
import math
import os
import subprocess

import numpy as np
import pandas as pd
import pytest

import marketshock

# Floats must agree to this relative tolerance; strings, ints, bools and dates exactly.
REL_TOL = 1e-12


def cli_path():
    path = os.environ.get("MARKETSHOCK_CLI")
    if not path or not os.access(path, os.X_OK):
        pytest.fail("MARKETSHOCK_CLI must name the built marketshock tool (ctest sets it)")
    return path


def run_cli(*args, expect_ok=True):
    """Runs the tool; returns (status, stdout, stderr)."""
    done = subprocess.run(
        [cli_path(), *args], capture_output=True, text=True, check=False, timeout=120
    )
    if expect_ok and done.returncode != 0:
        pytest.fail(f"marketshock {' '.join(args)} failed ({done.returncode}): {done.stderr}")
    return done.returncode, done.stdout, done.stderr


def cli_json(*args):
    """The tool's --json document for `args`."""
    return json.loads(run_cli(*args, "--json")[1])


def cli_error(*args):
    """The message the tool prints for a failing command (after 'marketshock: error: ')."""
    status, _, stderr = run_cli(*args, expect_ok=False)
    assert status != 0, f"marketshock {' '.join(args)} succeeded"
    prefix = "marketshock: error: "
    assert stderr.startswith(prefix), stderr
    return stderr[len(prefix) :].rstrip("\n")


@pytest.fixture(scope="session")
def dataset():
    return marketshock.load_dataset()


def assert_same(expected, actual, where):
    """`actual` (from a DataFrame or attrs) equals `expected` (a value of the tool's JSON).

    JSON null matches NaN, None and NaT; a 'YYYY-MM-DD' string matches the Timestamp of that
    day; numbers match to REL_TOL (ints and bools exactly, and by type).
    """
    if isinstance(actual, np.generic):
        actual = actual.item() if not isinstance(actual, np.datetime64) else pd.Timestamp(actual)
    if expected is None:
        missing = (
            actual is None
            or actual is pd.NaT
            or (isinstance(actual, float) and math.isnan(actual))
        )
        assert missing, f"{where}: expected null, got {actual!r}"
        return
    if isinstance(expected, bool):
        assert isinstance(actual, bool), f"{where}: {actual!r} is not a bool"
        assert actual == expected, f"{where}: {actual!r} != {expected!r}"
    elif isinstance(expected, int):
        assert isinstance(actual, int) and not isinstance(actual, bool), f"{where}: {actual!r}"
        assert actual == expected, f"{where}: {actual!r} != {expected!r}"
    elif isinstance(expected, float):
        assert isinstance(actual, float), f"{where}: {actual!r} is not a float"
        assert math.isclose(actual, expected, rel_tol=REL_TOL, abs_tol=0.0), (
            f"{where}: {actual!r} != {expected!r}"
        )
    elif isinstance(expected, str) and isinstance(actual, pd.Timestamp):
        assert actual == pd.Timestamp(expected), f"{where}: {actual} != {expected}"
        assert actual.normalize() == actual, f"{where}: {actual} has a time of day"
    elif isinstance(expected, str):
        assert actual == expected, f"{where}: {actual!r} != {expected!r}"
    elif isinstance(expected, list):
        assert isinstance(actual, list), f"{where}: {actual!r} is not a list"
        assert len(actual) == len(expected), f"{where}: length {len(actual)} != {len(expected)}"
        for i, (e, a) in enumerate(zip(expected, actual)):
            assert_same(e, a, f"{where}[{i}]")
    elif isinstance(expected, dict):
        assert isinstance(actual, dict), f"{where}: {actual!r} is not a dict"
        assert set(actual) == set(expected), f"{where}: keys {sorted(actual)} != {sorted(expected)}"
        for key, value in expected.items():
            assert_same(value, actual[key], f"{where}.{key}")
    else:
        raise AssertionError(f"{where}: unexpected JSON value {expected!r}")


def assert_rows(rows, df, where, columns=None, index=None):
    """Every field of every JSON object in `rows` equals the DataFrame's value, row by row.

    `columns` maps a JSON key to a column name, or to a dict (a nested object) of sub-keys to
    column names; `index` names the JSON key that is the DataFrame's index.
    """
    columns = columns or {}
    assert len(df) == len(rows), f"{where}: {len(df)} rows, the tool has {len(rows)}"
    for i, row in enumerate(rows):
        for key, value in row.items():
            target = columns.get(key, key)
            here = f"{where}[{i}].{key}"
            if key == index:
                assert_same(value, df.index[i], here)
            elif isinstance(target, dict):
                if value is None:
                    for column in target.values():
                        assert_same(None, df[column].iloc[i], f"{here}->{column}")
                else:
                    assert set(value) == set(target), f"{here}: keys {sorted(value)}"
                    for sub, column in target.items():
                        assert_same(value[sub], df[column].iloc[i], f"{here}.{sub}")
            else:
                assert_same(value, df[target].iloc[i], here)


def assert_dtypes(df, floats=(), ints=(), dates=(), bools=(), texts=()):
    """The columns have the package's fixed dtypes."""
    for names, kind in (
        (floats, "float64"),
        (ints, "int64"),
        (dates, "datetime64[ns]"),
        (bools, "bool"),
        (texts, "object"),
    ):
        for name in names:
            assert str(df[name].dtype) == kind, f"{name}: {df[name].dtype}, expected {kind}"


def edited_dataset(tmp_path, table, edit):
    """A copy of the embedded dataset in `tmp_path` with `table` (e.g. "bars.csv") replaced by
    edit(text), its manifest's row count and SHA-256 updated so that the copy loads."""
    import hashlib
    import shutil

    source = marketshock.default_dataset_directory()
    target = tmp_path / "data"
    shutil.copytree(source, target)
    path = target / table
    text = edit(path.read_text())
    path.write_text(text)
    manifest_path = target / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    entry = manifest["tables"][table]
    entry["rows"] = len(text.splitlines()) - 1
    entry["sha256"] = hashlib.sha256(text.encode()).hexdigest()
    manifest_path.write_text(json.dumps(manifest, indent=2))
    return target
