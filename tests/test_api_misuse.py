"""Misused API calls raise a clear error up front, never a garbage result."""

from __future__ import annotations

import math
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

from quoteattr import QuoteKind, analyze, extract, extract_many

TEXT = "Ferry delays\n\n“The ferry is late again,” said Ada Quill, the harbour master.\n"
MIXED = TEXT + "\nQuill said the delays were “simply unacceptable” for commuters.\n"


# ------------------------------------------------------------- the text


@pytest.mark.parametrize("value", [None, 42, ["a", "list"]], ids=lambda v: type(v).__name__)
def test_extract_of_a_non_text_names_its_type_without_a_decoding_hint(value: Any) -> None:
    expected = rf"expects article text as str, got {type(value).__name__}$"
    with pytest.raises(TypeError, match=expected):
        extract(value)


def test_extract_of_bytes_says_to_decode_them() -> None:
    with pytest.raises(TypeError, match=r"got bytes; decode bytes with quoteattr.decode"):
        extract(TEXT.encode())  # type: ignore[arg-type]


# ------------------------------------------------------------- kinds


@pytest.mark.parametrize("one", ["direct", QuoteKind.DIRECT])
def test_a_single_kind_means_that_kind(one: str) -> None:
    assert extract(MIXED, kinds=one) == extract(MIXED, kinds=["direct"])
    assert {q.kind for q in extract(MIXED, kinds=one)} == {QuoteKind.DIRECT}


def test_an_unknown_kind_names_the_accepted_ones() -> None:
    with pytest.raises(ValueError, match=r"unknown kind 'quoted'; choose from direct, mixed"):
        extract(TEXT, kinds=["direct", "quoted"])


def test_kinds_that_are_not_kinds_raise_type_error() -> None:
    with pytest.raises(TypeError, match=r"kinds must be a kind or a list of kinds"):
        extract(TEXT, kinds=5)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"kinds: 3 is not a kind"):
        extract(TEXT, kinds=["direct", 3])  # type: ignore[list-item]


def test_kinds_as_a_one_shot_iterator_applies_to_every_document() -> None:
    results = list(extract_many([MIXED, MIXED], jobs=1, kinds=iter(["direct"])))
    assert [len(r.quotes) for r in results] == [len(extract(MIXED, kinds="direct"))] * 2


# ------------------------------------------------------------- min_confidence


@pytest.mark.parametrize("bad", ["0.5", True, None, [0.5]])
def test_min_confidence_of_another_type_raises_type_error(bad: Any) -> None:
    with pytest.raises(TypeError, match=r"min_confidence must be a number between 0 and 1"):
        extract(TEXT, min_confidence=bad)


@pytest.mark.parametrize("bad", [math.nan, -0.1, 1.5, math.inf])
def test_min_confidence_outside_zero_to_one_raises_value_error(bad: float) -> None:
    with pytest.raises(ValueError, match=r"min_confidence must be between 0 and 1"):
        extract(TEXT, min_confidence=bad)


@pytest.mark.parametrize("ok", [0, 1, 0.5, Fraction(1, 2)])
def test_min_confidence_takes_any_real_number_in_range(ok: Any) -> None:
    assert extract(TEXT, min_confidence=ok) == [q for q in extract(TEXT)
                                                if q.confidence >= float(ok)]


# ------------------------------------------------------------- other options


def test_a_flag_given_as_a_string_raises_instead_of_counting_as_true() -> None:
    with pytest.raises(TypeError, match=r"include_headlines must be True or False, got str"):
        extract(TEXT, include_headlines="no")  # type: ignore[arg-type]


def test_a_doc_name_that_is_not_a_string_raises() -> None:
    with pytest.raises(TypeError, match=r"doc must be a str name or None, got int"):
        analyze(TEXT, doc=7)  # type: ignore[arg-type]


# ------------------------------------------------------------- extract_many: the inputs


@pytest.mark.parametrize("one", ["/path/to/folder", b"text", Path("/path/to/folder")],
                         ids=["str", "bytes", "Path"])
def test_extract_many_of_a_single_string_or_path_says_what_to_pass(one: Any) -> None:
    with pytest.raises(TypeError, match=r"takes a list .* of documents, got one .*pass \[text\]"):
        extract_many(one, jobs=1)


def test_extract_many_of_a_number_raises_type_error() -> None:
    with pytest.raises(TypeError, match=r"iterable of documents, got int"):
        extract_many(5, jobs=1)  # type: ignore[arg-type]


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_none_or_bytes_item_is_that_items_error_and_the_batch_goes_on(jobs: int) -> None:
    items: list[Any] = [TEXT, None, b"raw bytes", TEXT]
    results = list(extract_many(items, jobs=jobs, docs=["a", "b", "c", "d"]))
    assert [r.ok for r in results] == [True, False, False, True]
    assert results[1].error == "b: got None, not a document; pass a str text or a pathlib.Path"
    assert results[2].error is not None and "c: got bytes" in results[2].error
    assert "quoteattr.decode()" in results[2].error
    assert results[3].quotes == results[0].quotes != ()


# ------------------------------------------------------------- extract_many: the options


def test_an_unknown_option_raises_once_before_any_work(fake_pipeline: list[Any]) -> None:
    with pytest.raises(TypeError, match=r"unknown option 'min_confidenc'; the options are"):
        extract_many([TEXT, TEXT], jobs=1, min_confidenc=0.5)
    assert fake_pipeline == []


def test_a_bad_option_value_raises_before_any_work(fake_pipeline: list[Any]) -> None:
    with pytest.raises(ValueError, match=r"unknown kind 'Direct'"):
        extract_many([TEXT], jobs=2, kinds="Direct")
    with pytest.raises(ValueError, match=r"min_confidence must be between 0 and 1"):
        extract_many([TEXT], jobs=1, min_confidence=2)
    assert fake_pipeline == []


def test_extract_many_accepts_a_single_kind() -> None:
    (res,) = extract_many([MIXED], jobs=1, kinds="mixed")
    assert res.ok and res.quotes and {q.kind for q in res.quotes} == {QuoteKind.MIXED}


def test_docs_shorter_than_the_items_raises_before_any_work(fake_pipeline: list[Any]) -> None:
    with pytest.raises(ValueError, match=r"docs has 1 names for 2 documents"):
        extract_many([TEXT, TEXT], jobs=1, docs=["a"])
    assert fake_pipeline == []


def test_docs_shorter_than_a_lazy_stream_raises_when_the_names_run_out(
        fake_pipeline: list[Any]) -> None:
    stream = extract_many(iter([TEXT, TEXT]), jobs=1, docs=["a"])
    assert next(stream).doc == "a"
    with pytest.raises(ValueError, match=r"docs has 1 names, fewer than the documents"):
        next(stream)


def test_docs_given_as_one_string_raises() -> None:
    with pytest.raises(TypeError, match=r"docs must be a list of names"):
        extract_many([TEXT], jobs=1, docs="a.txt")


@pytest.mark.parametrize(("kwargs", "error", "message"), [
    ({"jobs": "2"}, TypeError, "jobs must be a whole number or None"),
    ({"jobs": 2.5}, TypeError, "jobs must be a whole number or None"),
    ({"chunksize": 0}, ValueError, "chunksize must be at least 1"),
    ({"timeout": "5"}, TypeError, "timeout must be a number of seconds"),
    ({"timeout": -1}, ValueError, "timeout must be more than 0 seconds"),
    ({"timeout": math.nan}, ValueError, "timeout must be more than 0 seconds"),
])
def test_bad_batch_settings_raise_before_any_work(kwargs: dict[str, Any], error: type,
                                                  message: str,
                                                  fake_pipeline: list[Any]) -> None:
    with pytest.raises(error, match=message):
        extract_many([TEXT], **kwargs)
    assert fake_pipeline == []
