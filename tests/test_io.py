"""quoteattr.io: strict UTF-8 decoding that never moves a character."""

from __future__ import annotations

from pathlib import Path

import pytest

import quoteattr
from quoteattr.io import DecodeError, InputTooLarge, decode, read_article


def test_decode_is_exported_from_the_package() -> None:
    assert quoteattr.decode is decode
    assert quoteattr.DecodeError is DecodeError


def test_decode_returns_utf8_text_unchanged() -> None:
    text = "“Ça va,” said Zoë Ménard — it’s the ’90s again. «Oui», ‘yes’."
    assert decode(text.encode("utf-8")) == text


def test_decode_strips_a_leading_byte_order_mark() -> None:
    assert decode(b"\xef\xbb\xbfHello") == "Hello"


def test_decode_keeps_a_byte_order_mark_that_is_not_leading() -> None:
    assert decode(b"A\xef\xbb\xbfB") == "A\ufeffB"


def test_decode_keeps_windows_and_old_mac_line_endings() -> None:
    assert decode(b"one\r\ntwo\rthree\n") == "one\r\ntwo\rthree\n"


def test_decode_keeps_decomposed_accents_unnormalised() -> None:
    text = "Zoe\u0301 said"  # e + combining acute: NFC would shorten the string
    assert decode(text.encode()) == text


def test_decode_accepts_bytearray_and_memoryview() -> None:
    assert decode(bytearray(b"abc")) == "abc"  # type: ignore[arg-type]
    assert decode(memoryview(b"abc")) == "abc"  # type: ignore[arg-type]


def test_decode_rejects_str_with_type_error() -> None:
    with pytest.raises(TypeError, match="bytes"):
        decode("already text")  # type: ignore[arg-type]


def test_decode_error_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        decode(b"caf\xe9")


def test_decode_error_gives_the_offset_of_the_bad_byte() -> None:
    with pytest.raises(DecodeError) as info:
        decode(b"caf\xe9 au lait")
    assert info.value.offset == 3
    assert "offset 3" in str(info.value)
    assert "0xe9" in str(info.value)
    assert "UTF-8" in str(info.value)


def test_decode_error_offset_counts_the_stripped_byte_order_mark() -> None:
    with pytest.raises(DecodeError) as info:
        decode(b"\xef\xbb\xbfab\xff")
    assert info.value.offset == 5  # an offset into the bytes as given


def test_decode_error_suggests_latin1_for_single_byte_text() -> None:
    with pytest.raises(DecodeError, match="Latin-1"):
        decode("Café déjà vu".encode("latin-1"))


def test_decode_error_names_utf16_byte_order_mark() -> None:
    with pytest.raises(DecodeError, match="UTF-16"):
        decode("Hi".encode("utf-16"))


def test_decode_error_calls_a_cut_short_character_truncated() -> None:
    with pytest.raises(DecodeError, match="truncated") as info:
        decode(b"cut \xe2\x80")
    assert info.value.offset == 4


def test_read_article_decodes_the_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbf\xe2\x80\x9cHi,\xe2\x80\x9d she said.\r\n")
    assert read_article(path) == "“Hi,” she said.\r\n"
    assert read_article(str(path)) == "“Hi,” she said.\r\n"


def test_read_article_error_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Señor".encode("latin-1"))
    with pytest.raises(DecodeError) as info:
        read_article(path)
    assert "latin.txt" in str(info.value)
    assert info.value.path == str(path)
    assert info.value.offset == 2  # the ñ


def test_read_article_missing_file_raises_os_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="nowhere.txt"):
        read_article(tmp_path / "nowhere.txt")


def test_offsets_of_quotes_index_the_decoded_string(fake_pipeline: object) -> None:
    raw = "\ufeffHeadline\r\n\r\n“Yes,” she said.\r\n".encode()
    text = decode(raw)
    quotes = quoteattr.pipeline.analyze(text).quotes
    assert quotes, "the stand-in pipeline finds “…” spans"
    for q in quotes:
        assert text[q.start:q.end] == q.text


# --- UTF-16, UTF-32 and binary data -------------------------------------------------------

WIDE_TEXT = "“The ferry is late again,” said Ada Quill. Ærø’s quay is shut.\n"


@pytest.mark.parametrize("codec, name", [
    ("utf-16-le", "UTF-16 LE"), ("utf-16-be", "UTF-16 BE"),
    ("utf-32-le", "UTF-32 LE"), ("utf-32-be", "UTF-32 BE"),
])
def test_decode_names_utf16_and_utf32_without_a_byte_order_mark(codec: str, name: str) -> None:
    with pytest.raises(DecodeError, match=f"looks like {name} without a byte order mark") as info:
        decode(WIDE_TEXT.encode(codec))
    assert "convert the file to UTF-8" in str(info.value)


def test_decode_names_utf16_without_a_byte_order_mark_for_non_latin_text() -> None:
    with pytest.raises(DecodeError, match="UTF-16 LE"):
        decode("Паром снова опаздывает, сказала она.".encode("utf-16-le"))


@pytest.mark.parametrize("codec, name", [("utf-32-le", "UTF-32 LE"), ("utf-32-be", "UTF-32 BE")])
def test_decode_names_a_utf32_byte_order_mark_as_utf32(codec: str, name: str) -> None:
    with pytest.raises(DecodeError, match=f"starts with a {name} byte order mark"):
        decode("\ufeff".encode(codec) + WIDE_TEXT.encode(codec))


def test_decode_calls_other_nul_bytes_binary_and_gives_the_offset() -> None:
    with pytest.raises(DecodeError, match="looks like binary data") as info:
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert info.value.offset == 8


def test_decode_refuses_a_single_nul_in_utf8_text() -> None:
    with pytest.raises(DecodeError, match="NUL byte at byte offset 12"):
        decode(b"A long text \x00 with a NUL in the middle of it.")


# --- read_article with a size limit ---------------------------------------------------------


def test_read_article_refuses_a_file_bigger_than_max_bytes(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 11)
    assert read_article(path, max_bytes=11) == "x" * 11
    with pytest.raises(InputTooLarge, match="larger than the limit of 10 bytes") as info:
        read_article(path, max_bytes=10)
    assert isinstance(info.value, OSError) and info.value.filename == str(path)


def test_read_article_reads_at_most_max_bytes_plus_one_of_an_endless_device() -> None:
    with pytest.raises(InputTooLarge):
        read_article("/dev/zero", max_bytes=1000)
