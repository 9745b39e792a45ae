"""The exceptions of marketshock, one per C++ exception class of the library.

Every error the C++ library raises arrives as one of these (the extension module translates
them): ``str(error)`` is the library's message, the text the command-line tool prints after
``marketshock: error:``; ``error.id`` is its stable id (``"invalid_argument"``, ...).
"""


class Error(Exception):
    """Base of every marketshock error (C++ ``marketshock::Error``).

    Attributes:
        message: the message, as ``str(error)``.
        id: the stable id of the C++ class: ``"invalid_argument"``, ``"parse_error"``,
            ``"data_error"`` or ``"io_error"``.
        file, line, column: where in an input file (``ParseError``, ``DataError``); ``None`` when
            unknown or not about a file.
    """

    default_id = "error"

    def __init__(self, message, *, id=None, file=None, line=None, column=None):
        super().__init__(message)
        self.message = message
        self.id = id if id is not None else self.default_id
        self.file = file
        self.line = line
        self.column = column

    def __str__(self):
        return self.message


class InvalidArgument(Error, ValueError):
    """A documented precondition was broken: an unknown symbol (with close matches), a date that
    is not a session or not ``YYYY-MM-DD``, a bad option value (C++ ``InvalidArgument``)."""

    default_id = "invalid_argument"


class ParseError(Error, ValueError):
    """An input file could not be read as its format; ``file``, ``line`` and ``column`` say where
    (C++ ``ParseError``)."""

    default_id = "parse_error"


class DataError(Error, ValueError):
    """An input parsed but its content is inconsistent: a checksum that does not match, high below
    low, duplicate rows (C++ ``DataError``)."""

    default_id = "data_error"


class IoError(Error, OSError):
    """A file or directory could not be found, opened or read (C++ ``IoError``)."""

    default_id = "io_error"
