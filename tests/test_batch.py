"""quoteattr.batch.extract_many: in-order results, per-document errors, process pool."""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

import pytest

import quoteattr
from quoteattr import Article, BatchResult, extract_many

TEXTS = [
    "“The bakery opens at six,” said Nell Ashby.",
    "Nothing quoted here at all.",
    "Councillor Rui Tavares said the bins would be collected on Thursday.",
    "“We are delighted,” the club said. “It has been a long season.”",
    "",
    "“Ask the harbourmaster,” she said.",
]


def test_exported_from_the_package() -> None:
    assert quoteattr.extract_many is extract_many
    assert quoteattr.BatchResult is BatchResult


def test_results_come_in_input_order_in_process(fake_pipeline: Any) -> None:
    results = list(extract_many(TEXTS, jobs=1))
    assert [r.index for r in results] == list(range(len(TEXTS)))
    assert [r.article.text for r in results if r.article] == TEXTS


def test_jobs_one_runs_in_this_process(fake_pipeline: list[dict[str, Any]]) -> None:
    list(extract_many(TEXTS[:2], jobs=1))
    assert len(fake_pipeline) == 2  # the monkeypatched pipeline saw both calls


def test_pool_results_come_in_input_order_and_equal_plain_analyze() -> None:
    texts = TEXTS * 3
    results = list(extract_many(texts, jobs=2, chunksize=2))
    assert [r.index for r in results] == list(range(len(texts)))
    for text, res in zip(texts, results, strict=True):
        assert res.error is None
        assert res.article == quoteattr.analyze(text)


def test_pool_with_more_jobs_than_inputs() -> None:
    results = list(extract_many(TEXTS[:1], jobs=2))
    assert len(results) == 1 and results[0].ok


def test_empty_input_yields_nothing() -> None:
    assert list(extract_many([], jobs=2)) == []
    assert list(extract_many([], jobs=1)) == []


def test_text_inputs_have_no_doc_unless_named(fake_pipeline: Any) -> None:
    results = list(extract_many(["a", "b"], jobs=1, docs=["first", None]))
    assert [r.doc for r in results] == ["first", None]
    assert results[0].article is not None and results[0].article.doc == "first"


def test_path_inputs_are_read_and_named_by_file_name(tmp_path: Path, fake_pipeline: Any) -> None:
    p = tmp_path / "story.txt"
    p.write_text("“Hello,” said Ada Quill.", encoding="utf-8")
    (res,) = extract_many([p], jobs=1)
    assert res.doc == "story.txt"
    assert res.article is not None and res.article.doc == "story.txt"
    assert [q.text for q in res.quotes] == ["Hello,"]


def test_path_input_with_byte_order_mark_keeps_offsets(tmp_path: Path,
                                                        fake_pipeline: Any) -> None:
    p = tmp_path / "bom.txt"
    p.write_bytes("\ufeff“Hello,” said Ada Quill.".encode())
    (res,) = extract_many([p], jobs=1)
    assert res.article is not None
    for q in res.quotes:
        assert res.article.text[q.start:q.end] == q.text


def test_missing_file_is_reported_and_the_batch_goes_on(tmp_path: Path,
                                                        fake_pipeline: Any) -> None:
    good = tmp_path / "good.txt"
    good.write_text("“Yes,” she said.", encoding="utf-8")
    results = list(extract_many([tmp_path / "gone.txt", good], jobs=1))
    assert results[0].article is None and not results[0].ok
    assert results[0].error is not None and "gone.txt" in results[0].error
    assert results[1].ok and results[1].doc == "good.txt"


def test_undecodable_file_is_reported_with_its_name(tmp_path: Path) -> None:
    bad = tmp_path / "latin.txt"
    bad.write_bytes("“Olé,” he said.".encode("cp1252"))
    (res,) = extract_many([bad], jobs=1)
    assert res.article is None
    assert res.error is not None and "latin.txt" in res.error and "UTF-8" in res.error


def test_undecodable_file_is_reported_from_the_pool(tmp_path: Path) -> None:
    bad = tmp_path / "latin.txt"
    bad.write_bytes("“Olé,” he said.".encode("cp1252"))
    good = tmp_path / "good.txt"
    good.write_text("“Yes,” she said.", encoding="utf-8")
    results = list(extract_many([bad, good, bad], jobs=2, chunksize=1))
    assert [r.ok for r in results] == [False, True, False]


def test_pipeline_exception_becomes_an_error_result(fake_pipeline: Any) -> None:
    results = list(extract_many(["“Fine,” she said.", "EXPLODE", "“Also fine.”"], jobs=1))
    assert [r.ok for r in results] == [True, False, True]
    assert results[1].error is not None and "RuntimeError" in results[1].error


def test_error_result_has_no_quotes(fake_pipeline: Any) -> None:
    (res,) = extract_many(["EXPLODE"], jobs=1)
    assert res.quotes == ()


def test_options_are_passed_to_the_pipeline(fake_pipeline: list[dict[str, Any]]) -> None:
    list(extract_many(["x"], jobs=1, kinds=["direct"], min_confidence=0.5,
                      include_headlines=True))
    assert fake_pipeline[0]["kinds"] == ["direct"]
    assert fake_pipeline[0]["min_confidence"] == 0.5
    assert fake_pipeline[0]["include_headlines"] is True


def test_min_confidence_option_filters_quotes(fake_pipeline: Any) -> None:
    (res,) = extract_many(["“Yes,” she said."], jobs=1, min_confidence=0.99)
    assert res.quotes == ()


def test_unsupported_input_type_is_that_inputs_error() -> None:
    (res,) = extract_many([b"bytes"], jobs=1)  # type: ignore[list-item]
    assert res.error is not None and "got bytes, not a document" in res.error


def test_pool_results_of_files_equal_plain_analyze(tmp_path: Path) -> None:
    paths = []
    for i, text in enumerate(TEXTS):
        paths.append(tmp_path / f"{i}.txt")
        paths[-1].write_text(text, encoding="utf-8")
    results = list(extract_many(paths, jobs=2, chunksize=2))
    assert [r.article for r in results] == [quoteattr.analyze(t, doc=p.name)
                                            for t, p in zip(TEXTS, paths, strict=True)]


def test_a_worker_sends_back_no_copy_of_a_text_the_parent_has(tmp_path: Path) -> None:
    from quoteattr.batch import _reply, _Task, _unpack

    text = TEXTS[0]
    expected = quoteattr.analyze(text)
    assert expected.quotes and any(q.speaker for q in expected.quotes)
    result, packed = _reply(_Task(0, None, text, None), {})
    assert result.article is None and packed is not None
    message = pickle.dumps((result, packed))
    for q in expected.quotes:  # neither the article nor a quote or cue of it (speaker names
        for span in (q, q.cue):  # are no slices: they are sent)
            if span is not None:
                assert span.text.encode("utf-8") not in message
    assert _unpack(packed, text, None) == expected
    p = tmp_path / "story.txt"
    p.write_text(text, encoding="utf-8")
    result, packed = _reply(_Task(0, "story.txt", None, str(p)), {})  # the parent has no text
    assert packed is None and result.article is not None and result.article.text == text


def test_a_packed_article_comes_back_equal_with_its_speakers_shared() -> None:
    from quoteattr.batch import _pack, _unpack

    for text in TEXTS:
        article = quoteattr.analyze(text, doc="a.txt")
        back = _unpack(_pack(article), text, "a.txt")
        assert back == article
        for q in back.quotes:  # one Speaker object per entity, as in the article
            assert q.speaker is None or any(q.speaker is s for s in back.speakers)


def test_results_are_picklable() -> None:
    results = list(extract_many(TEXTS, jobs=1))
    assert pickle.loads(pickle.dumps(results)) == results


def test_batch_result_is_frozen() -> None:
    res = BatchResult(0, None, Article("", (), ()), None)
    with pytest.raises(AttributeError):
        res.index = 1  # type: ignore[misc]
