"""marketshock.calendar against `marketshock calendar --from --to --json`."""

import datetime

import numpy as np
import pandas as pd
import pytest

import marketshock
from marketshock import calendar
from conftest import assert_rows, cli_error, cli_json

RANGES = [
    ("2025-01-01", "2025-12-31"),
    ("1990-01-01", "2030-12-31"),  # the whole calendar
    ("2001-09-10", "2001-09-18"),  # September 11
    ("2012-10-26", "2012-11-02"),  # Hurricane Sandy
    ("2025-01-09", "2025-01-09"),  # one closed day: no session
]


@pytest.mark.parametrize("start,end", RANGES)
def test_sessions_match_the_tool(start, end):
    expected = cli_json("calendar", "--from", start, "--to", end)
    sessions = calendar.sessions(start, end)
    assert isinstance(sessions, pd.DatetimeIndex)
    assert sessions.name == "session" and str(sessions.dtype) == "datetime64[ns]"
    assert len(sessions) == expected["session_count"]
    assert [d.strftime("%Y-%m-%d") for d in sessions] == [s["date"] for s in expected["sessions"]]
    early = calendar.is_early_close(sessions)
    assert isinstance(early, np.ndarray) and early.dtype == bool
    assert list(early) == [s["early_close"] for s in expected["sessions"]]
    assert calendar.is_session(sessions).all()
    assert_rows(expected["closures"], calendar.closures(start, end), "closures")


def test_scalars():
    assert calendar.is_session("2025-01-27")
    assert not calendar.is_session(datetime.date(2025, 1, 9))
    assert not calendar.is_session(pd.Timestamp("2025-01-25"))  # a Saturday
    assert calendar.is_session(np.datetime64("2025-01-10"))
    assert calendar.holiday_name("2025-01-09") == (
        "National day of mourning for former President Jimmy Carter"
    )
    assert calendar.holiday_name("2025-01-25") is None
    assert calendar.holiday_name("2025-01-27") is None
    assert calendar.is_early_close("2024-12-24")
    assert calendar.next_session("2025-01-08") == pd.Timestamp("2025-01-10")
    assert calendar.previous_session("2025-01-27") == pd.Timestamp("2025-01-24")
    assert calendar.FIRST_DATE == pd.Timestamp("1990-01-01")
    assert calendar.LAST_DATE == pd.Timestamp("2030-12-31")


def test_vectorised_forms():
    days = pd.date_range("2025-01-06", "2025-01-12")
    expected = [True, True, True, False, True, False, False]
    assert list(calendar.is_session(days)) == expected
    assert list(calendar.is_session(pd.Series(days))) == expected
    assert list(calendar.is_session([d.strftime("%Y-%m-%d") for d in days])) == expected
    assert list(calendar.is_session(list(days.date))) == expected
    assert list(calendar.is_session(days.tz_localize("America/New_York"))) == expected
    assert calendar.is_session([]).shape == (0,)


def test_errors_as_the_tool():
    message = cli_error("calendar", "--from", "1989-12-01", "--to", "1990-01-05")
    with pytest.raises(marketshock.InvalidArgument) as error:
        calendar.sessions("1989-12-01", "1990-01-05")
    assert str(error.value) == message
    message = cli_error("calendar", "--from", "2025-1-01", "--to", "2025-01-05")
    with pytest.raises(marketshock.InvalidArgument, match="invalid date") as error:
        calendar.sessions("2025-1-01", "2025-01-05")
    assert str(error.value) == message
    with pytest.raises(marketshock.InvalidArgument, match="after"):
        calendar.sessions("2025-02-01", "2025-01-01")
    with pytest.raises(marketshock.InvalidArgument, match="outside"):
        calendar.is_session(pd.DatetimeIndex(["2025-01-02", "2031-01-02"]))
    with pytest.raises(marketshock.InvalidArgument, match="NaT"):
        calendar.is_session(pd.NaT)
    with pytest.raises(marketshock.InvalidArgument, match="NaT"):
        calendar.is_session(pd.DatetimeIndex(["2025-01-02", None]))
    with pytest.raises(TypeError, match="expected a date"):
        calendar.is_session(20250127)
