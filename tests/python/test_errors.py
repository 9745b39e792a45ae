"""Errors: each C++ exception arrives as its Python class, with the message the command-line
tool prints after 'marketshock: error: '."""

import pytest

import marketshock
from conftest import cli_error, edited_dataset


def test_the_hierarchy():
    for cls in (marketshock.InvalidArgument, marketshock.ParseError, marketshock.DataError):
        assert issubclass(cls, marketshock.Error) and issubclass(cls, ValueError)
    assert issubclass(marketshock.IoError, marketshock.Error)
    assert issubclass(marketshock.IoError, OSError)
    assert issubclass(marketshock.Error, Exception)


@pytest.mark.parametrize(
    "call,options",
    [
        (lambda ds: ds.moves("NVDX", "2025-01-27"), ["moves", "NVDX", "--from", "2025-01-27"]),
        (lambda ds: ds.moves("ZZZZZZZZ", "2025-01-27"),
         ["moves", "ZZZZZZZZ", "--from", "2025-01-27"]),
        (lambda ds: ds.moves("NVDA", "2025-01-25"), ["moves", "NVDA", "--from", "2025-01-25"]),
        (lambda ds: ds.moves("NVDA", "2025-01-09"), ["moves", "NVDA", "--from", "2025-01-09"]),
        (lambda ds: ds.moves("NVDA", "2025-1-27"), ["moves", "NVDA", "--from", "2025-1-27"]),
        (lambda ds: ds.moves("NVDA", "2025-01-31", "2025-01-27"),
         ["moves", "NVDA", "--from", "2025-01-31", "--to", "2025-01-27"]),
        (lambda ds: ds.moves("NVDA", "1985-01-02"), ["moves", "NVDA", "--from", "1985-01-02"]),
        (lambda ds: ds.records(as_of="2019-01-01"), ["records", "--as-of", "2019-01-01"]),
        (lambda ds: ds.records(since="2025-02-01", as_of="2025-01-27"),
         ["records", "--from", "2025-02-01", "--as-of", "2025-01-27"]),
        (lambda ds: ds.explain("NVDX", "2025-01-27", usd=5e9),
         ["explain", "NVDX", "2025-01-27", "--usd", "5e9"]),
        (lambda ds: ds.explain("NVDA", "2025-01-26", pct=-5),
         ["explain", "NVDA", "2025-01-26", "--pct", "-5"]),
    ],
)
def test_invalid_arguments_as_the_tool(dataset, call, options):
    message = cli_error(*options)
    with pytest.raises(marketshock.InvalidArgument) as error:
        call(dataset)
    assert str(error.value) == message
    assert error.value.message == message
    assert error.value.id == "invalid_argument"
    assert error.value.file is None


@pytest.mark.parametrize(
    "call,pattern",
    [
        (lambda ds: ds.records(top=0), "top N must be at least 1, got 0"),
        (lambda ds: ds.records(top=-3), "top N must be at least 1, got -3"),
        (lambda ds: ds.records(universe="dow"), "unknown universe 'dow'"),
        (lambda ds: ds.records(by="eur"), "by must be 'usd' or 'pct', not 'eur'"),
        (lambda ds: ds.records(per="sector"), "per must be 'security' or 'issuer'"),
        (lambda ds: ds.explain("NVDA", "2025-01-27"), "give usd"),
        (lambda ds: ds.explain("NVDA", "2025-01-27", usd=1e9, pct=5), "not both"),
        (lambda ds: ds.explain("NVDA", "2025-01-27", usd=0.0), "zero"),
        (lambda ds: ds.explain("NVDA", "2025-01-27", usd=float("nan")), "finite"),
        (lambda ds: ds.explain("NVDA", "2025-01-27", usd=5e9, top=0), "at least 1"),
    ],
)
def test_invalid_arguments_of_the_api(dataset, call, pattern):
    with pytest.raises(marketshock.InvalidArgument, match=pattern):
        call(dataset)


@pytest.mark.parametrize(
    "call",
    [
        lambda ds: ds.records(top="10"),
        lambda ds: ds.records(top=True),
        lambda ds: ds.records(by=1),
        lambda ds: ds.moves("NVDA", 20250127),
        lambda ds: ds.explain("NVDA", "2025-01-27", usd=5e9, top=2.5),
    ],
)
def test_wrong_types(dataset, call):
    with pytest.raises(TypeError):
        call(dataset)


def test_a_missing_dataset_is_an_io_error(tmp_path):
    missing = str(tmp_path / "no-such-dataset")
    message = cli_error("records", "--data", missing)
    with pytest.raises(marketshock.IoError) as error:
        marketshock.load_dataset(missing)
    assert str(error.value) == message
    assert error.value.id == "io_error"
    assert isinstance(error.value, OSError)


def test_a_changed_table_is_a_data_error(tmp_path):
    directory = edited_dataset(tmp_path, "issuers.csv", lambda text: text)
    with open(directory / "issuers.csv", "a") as f:
        f.write("cik-0,Appended Without Checksum,0\n")
    message = cli_error("records", "--data", str(directory))
    with pytest.raises(marketshock.DataError) as error:
        marketshock.load_dataset(directory)
    assert str(error.value) == message
    assert error.value.id == "data_error"


def test_a_bad_row_is_a_parse_error_with_its_position(tmp_path):
    directory = edited_dataset(
        tmp_path, "bars.csv", lambda text: text.replace("NVDA,2025-01-28,", "NVDA,2025-02-30,", 1)
    )
    message = cli_error("records", "--data", str(directory))
    with pytest.raises(marketshock.ParseError) as error:
        marketshock.load_dataset(directory)
    e = error.value
    assert str(e) == message
    assert e.id == "parse_error"
    assert e.file.endswith("bars.csv")
    assert e.line > 1 and e.column == 6  # the date field, after "NVDA,"
    assert f"bars.csv:{e.line}:{e.column}" in str(e)
