"""Text fit for messages: file names whose bytes are not UTF-8 made printable, the way the
library writes them in its own messages (``\\xff`` for a byte that is not UTF-8)."""

from __future__ import annotations

import os

from . import _core

__all__ = ["UINT64_MAX", "path_text", "phrase_text", "printable", "whole"]


def printable(text: str) -> str:
    """``text`` as valid UTF-8: the bytes of a file name that are not UTF-8 (kept by Python as
    lone surrogates) written ``\\xff``, as the library writes them."""
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a lone surrogate that is not an undecodable byte
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


def path_text(path: str | os.PathLike[str]) -> str:
    """A path as messages name it: in full, printable (see :func:`printable`)."""
    return printable(os.fspath(path))


#: The largest value of a C++ ``std::uint64_t`` (seeds) and ``std::size_t`` (counts).
UINT64_MAX = 2**64 - 1


def whole(name: str, value: object, least: int, most: int) -> int:
    """``value`` as a whole number from ``least`` to ``most``, or a ValidationError (a
    ValueError) naming the argument and saying what is allowed: what the compiled functions
    would otherwise refuse with a TypeError about "incompatible function arguments"."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != int(value):
        raise _core.ValidationError(
            f"{name}: expected a whole number from {least} to {most}, found {value!r}"
        )
    number = int(value)
    if not least <= number <= most:
        raise _core.ValidationError(
            f"{name}: expected a whole number from {least} to {most}, found {number}"
        )
    return number


def phrase_text(name: str, text: str) -> str:
    """``text`` unless it holds a lone surrogate (not Unicode text: it cannot be written as
    UTF-8), which is a FormatError naming the argument and the character."""
    for index, char in enumerate(text):
        if 0xD800 <= ord(char) <= 0xDFFF:
            raise _core.FormatError(
                f"{name}: character {index + 1} is a lone surrogate (U+{ord(char):04X}), not "
                "Unicode text; give the text as UTF-8 characters"
            )
    return text
