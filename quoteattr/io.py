"""Bytes to article text: strict UTF-8 decoding that keeps every character where it was.

Offsets in quote records are indices into the string :func:`decode` returns. Nothing is
normalised (no newline conversion, no Unicode normalisation); only a leading UTF-8 byte
order mark is dropped, because it is not part of the text.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["DecodeError", "decode", "read_article"]

_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


class DecodeError(ValueError):
    """The bytes are not UTF-8 text; ``offset`` is the first bad byte, ``path`` the file."""

    def __init__(self, reason: str, *, offset: int | None = None, path: str | None = None):
        self.reason = reason
        self.offset = offset
        self.path = path
        message = f"{path}: {reason}" if path is not None else reason
        super().__init__(message)

    def with_path(self, path: str | os.PathLike[str]) -> DecodeError:
        """The same error, naming the file it came from."""
        return DecodeError(self.reason, offset=self.offset, path=os.fspath(path))


def decode(data: bytes) -> str:
    """Decode UTF-8 article bytes, dropping a leading byte order mark.

    Raises :class:`DecodeError` (a ``ValueError``) naming the bad byte and its offset.
    """
    if not isinstance(data, bytes | bytearray | memoryview):
        raise TypeError(f"decode() expects bytes, got {type(data).__name__}")
    raw = bytes(data)
    if raw.startswith(_UTF16_BOMS):
        raise DecodeError(
            "not UTF-8: starts with a UTF-16 byte order mark; convert the file to UTF-8",
            offset=0,
        )
    skip = len(_UTF8_BOM) if raw.startswith(_UTF8_BOM) else 0
    try:
        return raw[skip:].decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = exc.start + skip
        bad = raw[offset : min(offset + 4, exc.end + skip, len(raw))]
        shown = " ".join(f"0x{b:02x}" for b in bad) or "end of data"
        what = "truncated character" if exc.reason == "unexpected end of data" else "invalid byte"
        hint = ""
        if what == "invalid byte" and _looks_single_byte(raw):
            hint = " (the file may be Latin-1 or Windows-1252)"
        raise DecodeError(
            f"not valid UTF-8: {what} {shown} at byte offset {offset}{hint}",
            offset=offset,
        ) from None


def read_article(path: str | os.PathLike[str]) -> str:
    """Read and :func:`decode` one article file; errors name the file.

    ``OSError`` (missing file, permission) propagates unchanged and names the file too.
    """
    data = Path(path).read_bytes()
    try:
        return decode(data)
    except DecodeError as exc:
        raise exc.with_path(path) from None


def _looks_single_byte(raw: bytes) -> bool:
    """True when the high bytes look like an 8-bit code page rather than broken UTF-8."""
    try:
        raw.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return any(b >= 0x80 for b in raw)
