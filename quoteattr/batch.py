"""Many documents at once: a process pool that yields one result per input, in input order."""

from __future__ import annotations

import collections
import concurrent.futures
import itertools
import os
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future
from pathlib import Path
from typing import Any

import attrs

from . import pipeline as _pipeline
from .io import DecodeError, read_article
from .model import Article, Quote

__all__ = ["BatchResult", "extract_many"]


@attrs.frozen(slots=True)
class BatchResult:
    """The outcome for the ``index``-th input: an :class:`Article`, or an error message.

    ``doc`` is the file's name for a path input (``None`` for a text unless named).
    """

    index: int
    doc: str | None
    article: Article | None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def quotes(self) -> tuple[Quote, ...]:
        """The article's quotes (empty when the document failed)."""
        return self.article.quotes if self.article is not None else ()


@attrs.frozen(slots=True)
class _Task:
    index: int
    doc: str | None
    text: str | None
    path: str | None
    max_bytes: int | None = None


def _run(task: _Task, options: dict[str, Any]) -> BatchResult:
    try:
        if task.path is not None:
            text = read_article(task.path, max_bytes=task.max_bytes)
        else:
            assert task.text is not None
            text = task.text
    except DecodeError as exc:
        return BatchResult(task.index, task.doc, None, str(exc))
    except OSError as exc:
        return BatchResult(task.index, task.doc, None, f"{task.path}: {exc.strerror or exc}")
    try:
        article = _pipeline.analyze(text, doc=task.doc, **options)
    except Exception as exc:  # reported per document, never raised mid-batch
        name = task.path or task.doc or f"document {task.index}"
        return BatchResult(task.index, task.doc, None, f"{name}: {type(exc).__name__}: {exc}")
    return BatchResult(task.index, task.doc, article, None)


def _run_chunk(tasks: list[_Task], options: dict[str, Any]) -> list[BatchResult]:
    return [_run(t, options) for t in tasks]


def _tasks(items: Iterable[str | os.PathLike[str]], docs: Sequence[str | None] | None,
           max_bytes: int | None = None) -> Iterator[_Task]:
    for i, item in enumerate(items):
        name = docs[i] if docs is not None else None
        if isinstance(item, str):
            yield _Task(i, name, item, None)
        elif isinstance(item, os.PathLike):
            path = os.fspath(item)
            yield _Task(i, name if name is not None else Path(path).name, None, path, max_bytes)
        else:
            raise TypeError(
                f"extract_many() takes str texts or pathlib.Path files, got {type(item).__name__}"
            )


def extract_many(
    items: Iterable[str | os.PathLike[str]],
    jobs: int | None = None,
    *,
    docs: Sequence[str | None] | None = None,
    chunksize: int = 4,
    max_bytes: int | None = None,
    **options: Any,
) -> Iterator[BatchResult]:
    """Analyse texts (``str``) or files (``pathlib.Path``), yielding :class:`BatchResult`\\ s
    in input order.

    ``jobs``: worker processes (default ``os.cpu_count()``; ``1`` runs in this process).
    ``docs``: names for the inputs (default: a file's name, ``None`` for a text).
    ``options``: passed to :func:`quoteattr.analyze` (``include_headlines``, ``kinds``,
    ``min_confidence``). A document that cannot be read or analysed gives a result whose
    ``error`` says why; the batch goes on. ``max_bytes``: a file bigger than this fails
    (see :func:`quoteattr.read_article`).
    """
    if jobs is None or jobs <= 0:
        jobs = os.cpu_count() or 1
    if chunksize < 1:
        raise ValueError("chunksize must be at least 1")
    tasks = _tasks(items, docs, max_bytes)
    if jobs == 1:
        for task in tasks:
            yield _run(task, options)
        return
    yield from _pooled(tasks, jobs, chunksize, options)


def _pooled(tasks: Iterator[_Task], jobs: int, chunksize: int,
            options: dict[str, Any]) -> Iterator[BatchResult]:
    """Chunks go to the pool a few at a time, so memory stays bounded on huge inputs."""
    chunks = iter(lambda: list(itertools.islice(tasks, chunksize)), [])
    window = 2 * jobs
    with concurrent.futures.ProcessPoolExecutor(max_workers=jobs) as pool:

        def submit(chunk: list[_Task]) -> Future[list[BatchResult]]:
            try:
                return pool.submit(_run_chunk, chunk, options)
            except Exception as exc:  # a broken pool: report it for each document
                failed: Future[list[BatchResult]] = Future()
                failed.set_exception(exc)
                return failed

        pending: collections.deque[tuple[list[_Task], Future[list[BatchResult]]]]
        pending = collections.deque()
        for chunk in itertools.islice(chunks, window):
            pending.append((chunk, submit(chunk)))
        while pending:
            chunk, future = pending.popleft()
            try:
                results = future.result()
            except Exception as exc:  # e.g. a worker killed by the OS
                results = [
                    BatchResult(t.index, t.doc, None, f"{t.path or t.doc or f'document {t.index}'}:"
                                f" worker failed: {type(exc).__name__}: {exc}")
                    for t in chunk
                ]
            yield from results
            for nxt in itertools.islice(chunks, 1):
                pending.append((nxt, submit(nxt)))
