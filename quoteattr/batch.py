"""Many documents at once: worker processes that yield one result per input, in input order.

The pool is this module's own (not ``concurrent.futures``), so that it knows which document
each worker is on:

- a worker that dies (killed by the OOM killer, say) fails only the document it was on; the
  documents queued behind it go to a fresh worker;
- with ``timeout``, a document that runs past it is reported, its worker killed and replaced;
- workers exit when the process that started them dies, even by ``SIGKILL`` (Linux: the kernel's
  parent-death signal; everywhere: a thread in each worker that watches its parent's pid).
"""

from __future__ import annotations

import collections
import ctypes
import gc
import math
import multiprocessing
import numbers
import operator
import os
import signal
import threading
import time
from collections.abc import Iterable, Iterator, Sequence, Sized
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

import attrs

from . import pipeline as _pipeline
from .io import DecodeError, read_article
from .model import Article, Provenance, Quote, QuoteKind, Span, Speaker, SpeakerType
from .options import check_doc, check_options
from .rules import Trail

__all__ = ["BatchResult", "extract_many", "usable_cpus"]

#: Start method of the worker processes (``None``: multiprocessing's default).
_START_METHOD: str | None = None
#: Whether workers ask Linux to kill them when their parent dies (the watchdog runs anyway).
_USE_DEATHSIG = True
#: How often a worker's watchdog checks that its parent is alive, in seconds.
_WATCH_SECONDS = 0.25
#: Extra time a new worker has to start before its first document's time limit runs.
_START_SECONDS = 60.0
_PR_SET_PDEATHSIG = 1


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
    bad: str | None = None  # why the input is not a document
    max_bytes: int | None = None


def _name(task: _Task) -> str:
    return task.path or task.doc or f"document {task.index}"


def _run(task: _Task, options: dict[str, Any]) -> BatchResult:
    if task.bad is not None:
        return BatchResult(task.index, task.doc, None, f"{_name(task)}: {task.bad}")
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
        why = f"{_name(task)}: {type(exc).__name__}: {exc}"
        return BatchResult(task.index, task.doc, None, why)
    return BatchResult(task.index, task.doc, article, None)


def _bad_item(item: object) -> str:
    got = "None" if item is None else type(item).__name__
    if isinstance(item, (bytes, bytearray, memoryview)):
        return f"got {got}, not a document; decode it with quoteattr.decode() first"
    return f"got {got}, not a document; pass a str text or a pathlib.Path"


def _tasks(items: Iterable[object], docs: Sequence[str | None] | None,
           max_bytes: int | None = None) -> Iterator[_Task]:
    for i, item in enumerate(items):
        if docs is not None and i >= len(docs):
            raise ValueError(f"docs has {len(docs)} names, fewer than the documents")
        name = docs[i] if docs is not None else None
        if isinstance(item, str):
            yield _Task(i, name, item, None)
        elif isinstance(item, os.PathLike) and isinstance(path := os.fspath(item), str):
            yield _Task(i, name if name is not None else Path(path).name, None, path,
                        max_bytes=max_bytes)
        else:
            yield _Task(i, name, None, None, _bad_item(item))


# ---------------------------------------------------------------- arguments


def usable_cpus() -> int:
    """The CPU cores this process may run on (its affinity where the OS tells it)."""
    affinity = getattr(os, "sched_getaffinity", None)
    if affinity is not None:
        return max(1, len(affinity(0)))
    return os.cpu_count() or 1


def _check_items(items: object) -> None:
    if isinstance(items, (str, bytes, bytearray, os.PathLike)):
        raise TypeError(
            f"extract_many() takes a list (or other iterable) of documents, got one "
            f"{type(items).__name__}; pass [text] for one text, or "
            "sorted(Path(folder).glob('*.txt')) for the files of a folder"
        )
    if not isinstance(items, Iterable):
        raise TypeError(f"extract_many() takes an iterable of documents, got "
                        f"{type(items).__name__}")


def _check_docs(docs: object, items: object) -> Sequence[str | None] | None:
    if docs is None:
        return None
    if isinstance(docs, (str, bytes)) or not isinstance(docs, Sequence):
        raise TypeError(f"docs must be a list of names (str or None), one per document, got "
                        f"{type(docs).__name__}")
    for name in docs:
        check_doc(name)
    if isinstance(items, Sized) and len(docs) != len(items):
        raise ValueError(f"docs has {len(docs)} names for {len(items)} documents; "
                         "give one name (or None) per document")
    return docs


def _check_jobs(jobs: object) -> int:
    if jobs is None:
        return usable_cpus()
    if isinstance(jobs, bool) or not isinstance(jobs, int):
        raise TypeError(f"jobs must be a whole number or None, got {type(jobs).__name__}")
    return jobs if jobs > 0 else usable_cpus()


def _check_chunksize(chunksize: object) -> int:
    if isinstance(chunksize, bool) or not isinstance(chunksize, int):
        raise TypeError(f"chunksize must be a whole number, got {type(chunksize).__name__}")
    if chunksize < 1:
        raise ValueError("chunksize must be at least 1")
    return chunksize


def _check_timeout(timeout: object) -> float | None:
    if timeout is None:
        return None
    if isinstance(timeout, bool) or not isinstance(timeout, numbers.Real):
        raise TypeError(f"timeout must be a number of seconds or None, got "
                        f"{type(timeout).__name__}")
    seconds = float(timeout)
    if not seconds > 0:  # NaN too
        raise ValueError(f"timeout must be more than 0 seconds, got {timeout!r}")
    return None if math.isinf(seconds) else seconds


def extract_many(
    items: Iterable[str | os.PathLike[str]],
    jobs: int | None = None,
    *,
    docs: Sequence[str | None] | None = None,
    chunksize: int = 4,
    timeout: float | None = None,
    max_bytes: int | None = None,
    **options: Any,
) -> Iterator[BatchResult]:
    """Analyse texts (``str``) or files (``pathlib.Path``), yielding :class:`BatchResult`\\ s
    in input order.

    ``jobs``: worker processes (default: one per usable core; ``1`` runs in this process);
    never more than the cores or the documents. ``docs``: names for the inputs (default: a
    file's name, ``None`` for a text). ``timeout``: seconds one document may take; a document
    past it is reported and its worker replaced (with ``jobs=1`` it runs in one worker process).
    ``options``: passed to :func:`quoteattr.analyze` (``include_headlines``, ``kinds``,
    ``min_confidence``, ``include_beliefs``, ``disabled_rules``). ``max_bytes``: a file bigger
    than this fails (see :func:`quoteattr.read_article`).

    Bad arguments raise here, before any work. A document that cannot be read or analysed,
    that is not a ``str`` or path, whose worker died or that ran past ``timeout`` gives a result
    whose ``error`` says why; the batch goes on.
    """
    _check_items(items)
    checked = check_options(options)
    names = _check_docs(docs, items)
    wanted = _check_jobs(jobs)
    size = _check_chunksize(chunksize)
    limit = _check_timeout(timeout)
    tasks = _tasks(items, names, max_bytes)
    if wanted == 1 and limit is None:
        return (_run(task, checked) for task in tasks)
    workers = min(wanted, usable_cpus())
    if isinstance(items, Sized):
        workers = max(1, min(workers, len(items)))
        size = max(1, min(size, math.ceil(len(items) / workers)))
    return _pooled(_Pool(workers, size, checked, limit), tasks)


def _pooled(pool: _Pool, tasks: Iterator[_Task]) -> Iterator[BatchResult]:
    try:
        yield from pool.results(tasks)
    finally:
        pool.close()


# ---------------------------------------------------------------- worker side


def _set_deathsig() -> None:
    """Linux: have the kernel SIGKILL this process when the thread that forked it ends."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
    except (OSError, AttributeError):  # not Linux, or no prctl: the watchdog remains
        pass


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(_WATCH_SECONDS)
    os._exit(1)  # the parent is gone: nobody wants the results


def _tie_to_parent(parent: int, deathsig: bool) -> None:
    if deathsig:
        _set_deathsig()
    if os.getppid() != parent:  # it died before the line above
        os._exit(1)
    threading.Thread(target=_watch, args=(parent,), name="quoteattr-watchdog",
                     daemon=True).start()


#: What a worker sends back for an article whose text the parent has: offsets and rule
#: names only (see :func:`_pack`); every text is sliced again from the parent's copy.
Packed = tuple[tuple[tuple[Any, ...], ...], int, tuple[tuple[Any, ...], ...]]
_SPEAKER_FIELDS = operator.attrgetter(*(f.name for f in attrs.fields(Speaker)))
_TRAIL_FIELDS = operator.attrgetter(*(f.name for f in attrs.fields(Trail)))
_KINDS = {k.value: k for k in QuoteKind}
_TYPES = {t.value: t for t in SpeakerType}


def _speaker_fields(speaker: Speaker) -> tuple[Any, ...]:
    name, kind, *rest = _SPEAKER_FIELDS(speaker)  # (name and type come first)
    return (name, kind.value, *rest)


def _span(span: Span | None, text: str) -> tuple[int, int] | None:
    """``span`` as its offsets; raises ValueError when its text is not ``text`` there."""
    if span is None:
        return None
    if text[span.start:span.end] != span.text:
        raise ValueError("a span's text is not the article's at its offsets")
    return span.start, span.end


def _pack(article: Article) -> Packed:
    """``article`` as plain tuples of numbers and rule names, without any text of the article:
    pickled faster and smaller than the objects (about a fifth of the time, in both
    processes). Raises ValueError for a quote or span whose text is not a slice of the
    article's at its offsets (the worker then sends the objects)."""
    text = article.text
    speakers = list(article.speakers)
    seen = {id(s): n for n, s in enumerate(speakers)}
    quotes = []
    for q in article.quotes:
        who = -1
        if q.speaker is not None:
            who = seen.get(id(q.speaker), -1)
            if who < 0:
                who = seen[id(q.speaker)] = len(speakers)
                speakers.append(q.speaker)
        if text[q.start:q.end] != q.text:
            raise ValueError("a quote's text is not the article's at its offsets")
        p = q.provenance
        trail = _TRAIL_FIELDS(p.compact_trail) if p.compact_trail is not None else None
        quotes.append((q.start, q.end, q.kind.value, who, _span(q.mention, text),
                       _span(q.cue, text), q.confidence, p.detector, p.attributor, trail))
    people = tuple(_speaker_fields(s) for s in speakers)
    return people, len(article.speakers), tuple(quotes)


def _unpack(packed: Packed, text: str, doc: str | None) -> Article:
    """The :class:`Article` that :func:`_pack` packed, its texts sliced from ``text``."""
    people, shown, packed_quotes = packed
    speakers = [Speaker(name, _TYPES[kind], *rest) for name, kind, *rest in people]
    quotes = []
    for start, end, kind, who, mention, cue, confidence, detector, attributor, trail in (
        packed_quotes
    ):
        quotes.append(Quote(
            text[start:end], start, end, _KINDS[kind], speakers[who] if who >= 0 else None,
            Span(mention[0], mention[1], text[mention[0]:mention[1]]) if mention else None,
            Span(cue[0], cue[1], text[cue[0]:cue[1]]) if cue else None, confidence,
            Provenance(detector, attributor, Trail(*trail) if trail is not None else None)))
    return Article(text, tuple(quotes), tuple(speakers[:shown]), doc)


def _reply(task: _Task, options: dict[str, Any]) -> tuple[BatchResult, Packed | None]:
    """The result for ``task``, and, when the parent has the text, the article packed
    (:func:`_pack`; the result then carries no article)."""
    result = _run(task, options)
    if result.article is None or result.article.text is not task.text:
        return result, None
    try:
        packed = _pack(result.article)
    except ValueError:  # (never seen: the pipeline slices every text from the article)
        return result, None
    return attrs.evolve(result, article=None), packed


def _worker(conn: Connection, parent: int, options: dict[str, Any], deathsig: bool) -> None:
    """A worker's life: analyse the chunks it receives, sending one result per document."""
    _tie_to_parent(parent, deathsig)
    gc.freeze()  # what the worker inherited stays out of its collections (and unwritten)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    conn.send(None)  # ready: the time limit counts from here, not from the start-up
    while True:
        try:
            chunk = conn.recv()
        except EOFError:
            return
        if chunk is None:
            return
        for task in chunk:
            try:
                conn.send(_reply(task, options))
            except Exception as exc:  # e.g. a result that does not pickle
                conn.send((BatchResult(task.index, task.doc, None,
                                       f"{_name(task)}: {type(exc).__name__}: {exc}"), None))


# ---------------------------------------------------------------- parent side


@attrs.define(eq=False)
class _Worker:
    process: BaseProcess
    conn: Connection
    assigned: collections.deque[_Task] = attrs.Factory(collections.deque)
    since: float = 0.0  # when it started on its current document
    started: bool = False  # it said it is ready

    def deadline(self, timeout: float) -> float:
        """When its current document runs out of time (start-up gets a longer grace)."""
        return self.since + timeout + (0.0 if self.started else _START_SECONDS)


def _death(process: BaseProcess) -> str:
    code = process.exitcode
    if code is not None and code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit status {code}"


class _Feed:
    """The tasks taken from the source but not yet sent, and the results not yet yielded;
    at most ``limit`` documents are taken ahead of the next one to yield."""

    def __init__(self, limit: int) -> None:
        self.queue: collections.deque[_Task] = collections.deque()
        self.done: dict[int, BatchResult] = {}
        self.source: Iterator[_Task] = iter(())
        self.exhausted = False
        self.taken = 0
        self.next = 0
        self.limit = limit  # documents taken but not yet yielded

    def fill(self, chunksize: int) -> None:
        """Take tasks from the source until ``chunksize`` are queued (or the limit)."""
        while (len(self.queue) < chunksize and not self.exhausted
               and self.taken - self.next < self.limit):
            task = next(self.source, None)
            if task is None:
                self.exhausted = True
            else:
                self.queue.append(task)
                self.taken += 1

    def chunk(self, chunksize: int) -> list[_Task]:
        return [self.queue.popleft() for _ in range(min(chunksize, len(self.queue)))]

    def fail(self, w: _Worker, why: str) -> None:
        """``w``'s current document failed for ``why``; the rest of its chunk goes back."""
        if w.assigned:
            task = w.assigned.popleft()
            self.done[task.index] = BatchResult(task.index, task.doc, None,
                                                f"{_name(task)}: {why}")
            self.queue.extendleft(reversed(w.assigned))
            w.assigned.clear()

    def ready(self) -> Iterator[BatchResult]:
        """The results that are next in order."""
        while self.next in self.done:
            yield self.done.pop(self.next)
            self.next += 1


class _Crew:
    """The worker processes: at most ``size``, started when needed, replaced when lost."""

    def __init__(self, size: int, options: dict[str, Any]) -> None:
        self.size = size
        self.options = options
        self.context: Any = multiprocessing.get_context(_START_METHOD)  # its Process class
        self.workers: list[_Worker] = []

    def idle_worker(self) -> _Worker | None:
        for w in list(self.workers):
            if not w.assigned:
                if w.process.is_alive():
                    return w
                self.drop(w)
        if len(self.workers) < self.size:
            return self._start()
        return None

    def _start(self) -> _Worker | None:
        ours, theirs = self.context.Pipe()
        deathsig = _USE_DEATHSIG and threading.current_thread() is threading.main_thread()
        process = self.context.Process(target=_worker, name="quoteattr-worker", daemon=True,
                                       args=(theirs, os.getpid(), self.options, deathsig))
        try:
            process.start()
        except OSError:  # cannot fork now: go on with the workers there are
            ours.close()
            theirs.close()
            if not self.workers:
                raise
            self.size = len(self.workers)
            return None
        theirs.close()
        worker = _Worker(process, ours)
        self.workers.append(worker)
        return worker

    def drop(self, w: _Worker) -> None:
        self.workers.remove(w)
        if w.process.is_alive():
            w.process.kill()
        w.process.join()
        w.conn.close()

    def close(self) -> None:
        """Stop every worker: idle ones are asked to exit, busy ones are killed."""
        _stop(self.workers)
        self.workers.clear()


class _Pool:
    """Workers (a :class:`_Crew`), each on one chunk at a time from a :class:`_Feed`;
    results are buffered and yielded in order."""

    def __init__(self, size: int, chunksize: int, options: dict[str, Any],
                 timeout: float | None) -> None:
        self.chunksize = chunksize
        self.timeout = timeout
        self.crew = _Crew(size, options)
        self.feed = _Feed(4 * size * chunksize)

    def results(self, tasks: Iterator[_Task]) -> Iterator[BatchResult]:
        feed = self.feed
        feed.source = tasks
        while True:
            _dispatch(feed, self.crew, self.chunksize)
            yield from feed.ready()
            if any(w.assigned for w in self.crew.workers):
                self._wait()
            elif not feed.queue and feed.exhausted:
                return

    def _wait(self) -> None:
        busy = [w for w in self.crew.workers if w.assigned]
        left = None
        if self.timeout is not None:
            left = max(0.0, min(w.deadline(self.timeout) for w in busy) - time.monotonic())
        ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy], left))
        now = time.monotonic()
        for w in busy:
            if w.conn in ready and not _receive(w, self.feed.done):
                self._died(w)
            elif w.process.sentinel in ready:
                _receive(w, self.feed.done)  # what it sent before it died
                self._died(w)
            elif self.timeout is not None and now >= w.deadline(self.timeout):
                self._fail(w, f"stopped after the time limit of {self.timeout:g} s "
                           "(its worker process was killed and replaced)" if w.started else
                           f"its worker process did not start within {_START_SECONDS:g} s")

    def _died(self, w: _Worker) -> None:
        w.process.join(1)  # its connection may break a moment before it has exited
        self._fail(w, f"the worker process analysing it died ({_death(w.process)}); "
                   "the other documents went on in a new worker")

    def _fail(self, w: _Worker, why: str) -> None:
        """``w``'s current document failed for ``why``; its queue goes back; it is replaced."""
        self.feed.fail(w, why)
        self.crew.drop(w)

    def close(self) -> None:
        """Stop every worker: idle ones are asked to exit, busy ones are killed."""
        self.crew.close()


def _dispatch(feed: _Feed, crew: _Crew, chunksize: int) -> None:
    """Send chunks of queued tasks to idle workers while there are both."""
    while True:
        feed.fill(chunksize)
        if not feed.queue:
            return
        worker = crew.idle_worker()
        if worker is None:
            return
        chunk = feed.chunk(chunksize)
        worker.assigned.extend(chunk)
        worker.since = time.monotonic()
        try:
            worker.conn.send(chunk)
        except OSError:  # it died meanwhile: _wait sees its sentinel
            pass


def _receive(w: _Worker, done: dict[int, BatchResult]) -> bool:
    """Put the results ``w`` has sent in ``done``; ``False`` when its connection broke."""
    try:
        while w.assigned and w.conn.poll():
            message = w.conn.recv()
            w.since = time.monotonic()
            if message is None:  # it is ready
                w.started = True
                continue
            result, packed = message
            task = w.assigned.popleft()
            if packed is not None and task.text is not None:
                result = attrs.evolve(result, article=_unpack(packed, task.text,
                                                              result.doc))
            done[task.index] = result
    except Exception:  # EOFError, OSError: it died; anything else: it cannot go on
        return False
    return True


def _stop(workers: list[_Worker]) -> None:
    """Ask idle ``workers`` to exit, kill busy ones, and wait for all."""
    for w in workers:
        if w.assigned:
            w.process.kill()
        else:
            try:
                w.conn.send(None)
            except OSError:
                w.process.kill()
    for w in workers:
        w.process.join(5)
        if w.process.is_alive():
            w.process.kill()
            w.process.join()
        w.conn.close()
