"""Bytes to article text: strict UTF-8 decoding that keeps every character where it was.

Offsets in quote records are indices into the string :func:`decode` returns. Nothing is
normalised (no newline conversion, no Unicode normalisation); only a leading UTF-8 byte
order mark is dropped, because it is not part of the text.

UTF-16 and UTF-32 (with or without a byte order mark) are refused with a
:class:`DecodeError` naming the encoding they look like. Any other input holding a NUL
byte is refused as binary data: NUL never occurs in a text article.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

__all__ = ["DEFAULT_MAX_BYTES", "DecodeError", "InputTooLarge", "decode", "read_article"]

#: The size limit of the ``quoteattr`` command's ``--max-bytes`` (50 MB).
DEFAULT_MAX_BYTES = 50_000_000

_UTF8_BOM = b"\xef\xbb\xbf"
#: Checked in this order: a UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xfe\x00\x00", "UTF-32 LE"),
    (b"\x00\x00\xfe\xff", "UTF-32 BE"),
    (b"\xff\xfe", "UTF-16 LE"),
    (b"\xfe\xff", "UTF-16 BE"),
)
#: How many leading bytes the NUL-pattern guess looks at.
_SAMPLE = 4096


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


class InputTooLarge(OSError):
    """An input is bigger than the ``max_bytes`` limit (``errno`` is ``EFBIG``)."""

    def __init__(self, limit: int, path: str | None = None) -> None:
        super().__init__(errno.EFBIG, f"larger than the limit of {limit} bytes", path)
        self.limit = limit


def decode(data: bytes) -> str:
    """Decode UTF-8 article bytes, dropping a leading byte order mark.

    Raises :class:`DecodeError` (a ``ValueError``) naming the bad byte and its offset,
    or the encoding (UTF-16, UTF-32) the bytes look like, or binary data (a NUL byte).
    """
    if not isinstance(data, bytes | bytearray | memoryview):
        raise TypeError(f"decode() expects bytes, got {type(data).__name__}")
    raw = bytes(data)
    _refuse_wide_or_binary(raw)
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


def _refuse_wide_or_binary(raw: bytes) -> None:
    """Raise :class:`DecodeError` for UTF-16/UTF-32 (by mark or NUL pattern) or NUL bytes."""
    for bom, name in _BOMS:
        if raw.startswith(bom):
            raise DecodeError(
                f"not UTF-8: starts with a {name} byte order mark; convert the file to UTF-8",
                offset=0,
            )
    nul = raw.find(b"\x00")
    if nul < 0:
        return
    wide = _wide_encoding(raw[:_SAMPLE])
    if wide is not None:
        raise DecodeError(
            f"not UTF-8: looks like {wide} without a byte order mark (NUL bytes between "
            "the letters); convert the file to UTF-8",
            offset=nul,
        )
    raise DecodeError(
        f"not text: NUL byte at byte offset {nul}; looks like binary data", offset=nul
    )


def _wide_encoding(sample: bytes) -> str | None:
    """``"UTF-32 LE"`` … ``"UTF-16 BE"`` when the NUL bytes of ``sample`` fall where
    text in that encoding puts them (the high bytes of its code units), else ``None``."""
    quads = [sample[i : i + 4] for i in range(0, len(sample) - 3, 4)]
    if quads:
        if _most(sum(q[2] == q[3] == 0 != q[0] | q[1] for q in quads), len(quads)):
            return "UTF-32 LE"
        if _most(sum(q[0] == q[1] == 0 != q[2] | q[3] for q in quads), len(quads)):
            return "UTF-32 BE"
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    units = len(sample) // 2
    if odd >= 9 * even and odd * 20 >= units > 0:  # a NUL high byte in 5% of the units
        return "UTF-16 LE"
    if even >= 9 * odd and even * 20 >= units > 0:
        return "UTF-16 BE"
    return None


def _most(hits: int, total: int) -> bool:
    """At least 90% of ``total``."""
    return hits * 10 >= total * 9


def read_article(path: str | os.PathLike[str], *, max_bytes: int | None = None) -> str:
    """Read and :func:`decode` one article file; errors name the file.

    With ``max_bytes``, a file bigger than that raises :class:`InputTooLarge` (an
    ``OSError``) without reading more than ``max_bytes + 1`` bytes (a file growing
    after its size was taken, or a device such as ``/dev/zero``, is caught too).
    ``OSError`` (missing file, permission) propagates unchanged and names the file too.
    """
    if max_bytes is None:
        data = Path(path).read_bytes()
    else:
        data = _read_bounded(path, max_bytes)
    try:
        return decode(data)
    except DecodeError as exc:
        raise exc.with_path(path) from None


def _read_bounded(path: str | os.PathLike[str], max_bytes: int) -> bytes:
    with open(path, "rb") as f:
        st = os.fstat(f.fileno())
        if stat.S_ISREG(st.st_mode) and st.st_size > max_bytes:
            raise InputTooLarge(max_bytes, os.fspath(path))
        data = f.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputTooLarge(max_bytes, os.fspath(path))
    return data


def _looks_single_byte(raw: bytes) -> bool:
    """True when the high bytes look like an 8-bit code page rather than broken UTF-8."""
    try:
        raw.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return any(b >= 0x80 for b in raw)
