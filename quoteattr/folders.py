"""A folder of articles in one call: every ``*.txt``, ``*.html`` and ``*.htm`` file below
it, named by its relative path, as ``quoteattr extract FOLDER`` reads them.

A web page is read with :func:`quoteattr.read_html` and its main text analysed, so the
offsets of its quotes index that text (the result's ``article.text``); pass ``pages={}`` to
:func:`extract_folder` to keep each page (its HTML and the source of every character), and
:func:`folder_records` gives the records the command writes, with ``source_start`` and
``source_end`` for pages.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from .batch import BatchResult, extract_many
from .io import DecodeError
from .output import records
from .webpage import WebPage, read_html, with_source

__all__ = ["ARTICLE_SUFFIXES", "HTML_SUFFIXES", "extract_folder", "folder_documents",
           "folder_records"]

#: The files a folder's articles are taken from (any case: ``STORY.TXT`` too).
ARTICLE_SUFFIXES = (".txt", ".html", ".htm")
#: The files read as web pages (:func:`quoteattr.read_html`); the others are text.
HTML_SUFFIXES = (".html", ".htm")


def _raise(error: OSError) -> None:
    raise error


def is_page(file: str | os.PathLike[str]) -> bool:
    """Whether ``file`` is read as a web page: its name ends in ``.html`` or ``.htm``."""
    return os.fspath(file).lower().endswith(HTML_SUFFIXES)


def folder_documents(path: str | os.PathLike[str],
                     suffix: str | tuple[str, ...] = ARTICLE_SUFFIXES
                     ) -> list[tuple[str, Path]]:
    """``(doc, file)`` for each regular file below ``path`` whose name ends in ``suffix``
    (one ending or a tuple; case ignored, as the command line does; default
    :data:`ARTICLE_SUFFIXES`), sorted by ``doc``: the file's path relative to ``path`` with
    ``/`` separators (``a/story.txt``, ``b/page.html``).

    Symbolic links to folders are not followed (as ``quoteattr extract FOLDER``). Raises
    ``NotADirectoryError`` (or ``FileNotFoundError``) when ``path`` is no folder, and the
    ``OSError`` of a sub-folder that cannot be read.
    """
    root = Path(path)
    if not root.is_dir():
        if not root.exists():
            raise FileNotFoundError(f"{root}: no such folder")
        raise NotADirectoryError(f"{root}: not a folder")
    endings = tuple(s.lower() for s in ((suffix,) if isinstance(suffix, str) else suffix))
    found: list[tuple[str, Path]] = []
    for folder, _dirs, files in os.walk(root, onerror=_raise):
        for name in files:
            file = Path(folder, name)
            if name.lower().endswith(endings) and file.is_file():
                found.append((file.relative_to(root).as_posix(), file))
    return sorted(found)


class _Documents(Sequence[str | os.PathLike[str]]):
    """What :func:`extract_many` analyses for each file: a text file's path, or a page's
    main text, read only when the batch takes it (so the pages are not all held in
    memory, unless ``pages`` keeps them). A page that cannot be read gives ``""`` and its
    error in ``failed``."""

    def __init__(self, documents: Sequence[tuple[str, Path]], max_bytes: int | None,
                 pages: dict[str, WebPage] | None) -> None:
        self.documents = documents
        self.max_bytes = max_bytes
        self.pages = pages
        self.failed: dict[int, str] = {}

    def __len__(self) -> int:
        return len(self.documents)

    def __getitem__(self, k: int) -> str | os.PathLike[str]:  # type: ignore[override]
        doc, file = self.documents[k]
        if not is_page(file):
            return file
        page = read_page(file, self.max_bytes)
        if isinstance(page, str):
            self.failed[k] = page
            return ""
        if self.pages is not None:
            self.pages[doc] = page
        return page.text


def read_page(file: str | os.PathLike[str], max_bytes: int | None) -> WebPage | str:
    """The page read from ``file``, or why it could not be read (one line, as the CLI
    words it): batches read pages this way when their turn comes."""
    try:
        return read_html(file, max_bytes=max_bytes)
    except DecodeError as exc:
        return str(exc)
    except OSError as exc:
        return f"{file}: {exc.strerror or exc}"


def extract_folder(path: str | os.PathLike[str], *,
                   suffix: str | tuple[str, ...] = ARTICLE_SUFFIXES,
                   pages: dict[str, WebPage] | None = None,
                   **options: Any) -> list[BatchResult]:
    """Analyse every ``*.txt``, ``*.html`` and ``*.htm`` file below ``path`` (see
    :func:`folder_documents`): the results of :func:`quoteattr.extract_many` as a list, in
    the order of their ``doc``, which is each file's path relative to ``path``
    (``a/story.txt`` and ``b/story.txt`` stay apart).

    A web page's main text is analysed (:func:`quoteattr.read_html`, read here, one page at
    a time): its quotes' offsets index that text, ``result.article.text``. With ``pages``
    (a dict), each page read is stored there under its ``doc``: its ``.html``, ``.text`` and
    ``.source_span(start, end)``, the range of the HTML a quote came from;
    :func:`folder_records` adds those ranges to the records.

    ``options`` go to :func:`~quoteattr.extract_many` (``jobs``, ``timeout``, ``max_bytes``,
    ``kinds``, ``min_confidence``, …). A file that fails gives a result with ``error`` set;
    a missing folder or an unreadable sub-folder raises (see :func:`folder_documents`).
    ``quoteattr.to_dataframe(extract_folder(path))`` is one DataFrame of the whole folder.
    """
    if "docs" in options:
        raise TypeError("extract_folder() names documents by their path; it takes no docs")
    documents = folder_documents(path, suffix)
    items = _Documents(documents, options.get("max_bytes"), pages)
    results = []
    for res in extract_many(items, docs=[doc for doc, _ in documents], **options):
        why = items.failed.pop(res.index, None)
        results.append(res if why is None else BatchResult(res.index, res.doc, None, why))
    return results


def folder_records(results: Iterable[BatchResult],
                   pages: Mapping[str, WebPage] | None = None) -> Iterator[dict[str, Any]]:
    """The records ``quoteattr extract FOLDER`` writes for ``results`` (of
    :func:`extract_folder`), in order: those of a page kept in ``pages`` have
    ``source_start`` and ``source_end`` after ``end``. Failed results give none."""
    for res in results:
        if res.article is None:
            continue
        page = pages.get(res.doc) if pages is not None and res.doc is not None else None
        for rec in records(res.article.quotes, res.doc):
            yield rec if page is None else with_source(rec, page)
