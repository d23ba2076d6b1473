"""quoteattr.extract_folder on folders holding web pages: the files, texts, records and
errors of ``quoteattr extract FOLDER``."""

from __future__ import annotations

import html as stdlib_html
import shutil
from pathlib import Path

import pytest
from conftest import REPO

import quoteattr
from quoteattr import extract_folder, read_html
from quoteattr.cli import main
from quoteattr.folders import folder_documents, folder_records
from quoteattr.output import to_jsonl
from quoteattr.webpage import WebPage

PAGES = REPO / "tests" / "fixtures" / "html"
STORY = "“The pier stays shut,” said Ms Mila Arden, the harbour chief executive officer."


def _mixed(root: Path) -> Path:
    """A folder with text files and pages (``.html``, ``.htm``, upper case) in sub-folders."""
    (root / "a").mkdir()
    (root / "b").mkdir()
    (root / "a" / "story.txt").write_text(STORY, encoding="utf-8")
    shutil.copy(PAGES / "ferry_strike.html", root / "a" / "ferry.html")
    shutil.copy(PAGES / "council_budget.html", root / "b" / "council.htm")
    (root / "b" / "TRAM.HTML").write_bytes((PAGES / "tram_delay.html").read_bytes())
    (root / "notes.md").write_text("“Not read,” said Nobody.", encoding="utf-8")
    return root


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_folder_documents_takes_text_files_and_pages_in_any_case(tmp_path: Path) -> None:
    root = _mixed(tmp_path)
    assert [doc for doc, _ in folder_documents(root)] == [
        "a/ferry.html", "a/story.txt", "b/TRAM.HTML", "b/council.htm"]
    assert [doc for doc, _ in folder_documents(root, ".txt")] == ["a/story.txt"]
    assert [doc for doc, _ in folder_documents(root, (".HTM", ".md"))] == [
        "b/council.htm", "notes.md"]


def test_extract_folder_analyses_the_main_text_of_each_page(tmp_path: Path) -> None:
    results = extract_folder(_mixed(tmp_path), jobs=1)
    assert [r.doc for r in results] == ["a/ferry.html", "a/story.txt", "b/TRAM.HTML",
                                        "b/council.htm"]
    for res, file in zip(results, ["a/ferry.html", None, "b/TRAM.HTML", "b/council.htm"],
                         strict=True):
        assert res.ok and res.article is not None
        if file is not None:
            assert res.article.text == read_html(tmp_path / file).text
        assert res.quotes
        for q in res.quotes:
            assert res.article.text[q.start:q.end] == q.text
    assert any(q.speaker_name == "Tomasz Wilk" for q in results[0].quotes)


def test_pages_keep_each_page_and_its_source_ranges(tmp_path: Path) -> None:
    pages: dict[str, WebPage] = {}
    results = extract_folder(_mixed(tmp_path), jobs=1, pages=pages)
    assert sorted(pages) == ["a/ferry.html", "b/TRAM.HTML", "b/council.htm"]
    for res in results:
        if res.doc not in pages:
            continue
        page = pages[res.doc]
        assert res.article is not None and page.text == res.article.text
        for q in res.quotes:
            start, end = page.source_span(q.start, q.end)
            source = page.html[start:end]
            if "<" not in source:
                assert _flat(stdlib_html.unescape(source)) == q.text


@pytest.mark.parametrize("jobs", [1, 2])
def test_folder_records_are_byte_identical_to_quoteattr_extract_of_the_folder(
        jobs: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _mixed(tmp_path)
    assert main(["extract", str(root)]) == 0
    cli = capsys.readouterr().out
    pages: dict[str, WebPage] = {}
    results = extract_folder(root, jobs=jobs, pages=pages)
    assert '"source_start": ' in cli and to_jsonl(folder_records(results, pages)) == cli


def test_folder_records_without_pages_are_those_of_the_texts(tmp_path: Path) -> None:
    results = extract_folder(_mixed(tmp_path), jobs=1)
    recs = list(folder_records(results))
    assert {r["doc"] for r in recs} == {"a/ferry.html", "a/story.txt", "b/TRAM.HTML",
                                        "b/council.htm"}
    assert all("source_start" not in r for r in recs)
    assert recs == [r for res in results for r in quoteattr.output.records(res.quotes, res.doc)]


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_page_that_cannot_be_read_fails_alone_as_on_the_command_line(
        jobs: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.html").write_bytes(b"<p>caf\xe9</p>")
    (tmp_path / "b.html").write_text("<p>&ldquo;We will lose,&rdquo; said Bob Roe.</p>",
                                     encoding="utf-8")
    pages: dict[str, WebPage] = {}
    bad, good = extract_folder(tmp_path, jobs=jobs, pages=pages)
    assert (bad.doc, bad.article) == ("a.html", None)
    assert bad.error is not None and "a.html: not valid UTF-8" in bad.error
    assert good.ok and [q.speaker_name for q in good.quotes] == ["Bob Roe"]
    assert list(pages) == ["b.html"]
    assert main(["extract", str(tmp_path)]) == 1
    assert f"error: {bad.error}" in capsys.readouterr().err


def test_max_bytes_applies_to_pages_too(tmp_path: Path) -> None:
    (tmp_path / "big.html").write_text("<p>" + "x " * 600 + "</p>", encoding="utf-8")
    (tmp_path / "big.txt").write_text("x " * 600, encoding="utf-8")
    results = extract_folder(tmp_path, jobs=1, max_bytes=1000)
    assert [r.doc for r in results] == ["big.html", "big.txt"]
    assert all(r.error is not None and "1000" in r.error for r in results)
