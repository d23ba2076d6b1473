"""extract_many's worker processes under faults: a parent killed, a worker killed, a document
that never ends, ``--jobs`` far above the cores.

The in-process tests replace the pipeline by a stand-in in this process before the pool forks
(start method ``fork``), so the workers run the stand-in: no test hook ships in the library.
The process tests run the real command on generated articles and watch ``/proc``.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO, fake_analyze

import quoteattr.batch
import quoteattr.pipeline
from quoteattr import Article, extract_many
from quoteattr.batch import usable_cpus
from quoteattr.cli import main

needs_fork = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(),
                                reason="needs the fork start method")
needs_proc = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")

#: A liveness bound for polls (not a timing assertion): long enough for a loaded machine.
PATIENCE = 20.0


@pytest.fixture
def forked(monkeypatch: pytest.MonkeyPatch) -> Callable[[Callable[..., Article]], None]:
    """Install a stand-in ``analyze`` that forked workers inherit."""
    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("needs the fork start method")
    monkeypatch.setattr(quoteattr.batch, "_START_METHOD", "fork")

    def install(analyze: Callable[..., Article]) -> None:
        monkeypatch.setattr(quoteattr.pipeline, "analyze", analyze)

    return install


def killing_analyze(text: str, **options: Any) -> Article:
    """The stand-in pipeline, except that a text with KILL-ME kills its process (as the
    OOM killer would)."""
    if "KILL-ME" in text:
        os.kill(os.getpid(), signal.SIGKILL)
    return fake_analyze(text, **options)


def slow_analyze(text: str, **options: Any) -> Article:
    """The stand-in pipeline, except that a text with SLOW never finishes."""
    while "SLOW" in text:
        time.sleep(0.05)
    return fake_analyze(text, **options)


def texts_with(marker: str, at: set[int], n: int = 12) -> list[str]:
    return [f"“Line {i} {marker if i in at else ''},” said Ada." for i in range(n)]


# ------------------------------------------------------------- a worker dies


def test_a_killed_worker_fails_only_its_document_and_the_rest_come_back_in_order(
        forked: Callable[..., None]) -> None:
    forked(killing_analyze)
    texts = texts_with("KILL-ME", {5})
    results = list(extract_many(texts, jobs=2, chunksize=4,
                                docs=[f"d{i}.txt" for i in range(len(texts))]))
    assert [r.index for r in results] == list(range(len(texts)))
    assert [r.ok for r in results] == [i != 5 for i in range(len(texts))]
    error = results[5].error
    assert error is not None and "d5.txt" in error and "worker process" in error
    assert "died" in error and "SIGKILL" in error
    for text, r in zip(texts, results, strict=True):
        if r.ok:
            assert r.article is not None and r.article.text == text


def test_workers_killed_again_and_again_are_replaced_each_time(
        forked: Callable[..., None]) -> None:
    forked(killing_analyze)
    killers = {0, 3, 4, 11}
    texts = texts_with("KILL-ME", killers)
    results = list(extract_many(texts, jobs=2, chunksize=3))
    assert [r.ok for r in results] == [i not in killers for i in range(len(texts))]
    assert all(f"document {i}" in (results[i].error or "") for i in killers)


def test_a_killed_worker_in_a_lazy_stream_keeps_the_order(forked: Callable[..., None]) -> None:
    forked(killing_analyze)
    texts = texts_with("KILL-ME", {2}, n=30)
    results = list(extract_many(iter(texts), jobs=2, chunksize=2))
    assert [r.index for r in results] == list(range(30))
    assert [i for i, r in enumerate(results) if not r.ok] == [2]


# ------------------------------------------------------------- time limit


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_document_past_the_time_limit_is_reported_and_the_others_come_in_order(
        forked: Callable[..., None], jobs: int) -> None:
    forked(slow_analyze)
    texts = texts_with("SLOW", {1}, n=8)
    results = list(extract_many(texts, jobs=jobs, chunksize=2, timeout=1.5,
                                docs=[f"t{i}.txt" for i in range(8)]))
    assert [r.index for r in results] == list(range(8))
    assert [r.ok for r in results] == [i != 1 for i in range(8)]
    error = results[1].error
    assert error is not None and "t1.txt" in error and "time limit of 1.5 s" in error
    assert [r.article.text for r in results if r.article] == [t for t in texts if "SLOW" not in t]


def test_cli_timeout_reports_the_slow_file_and_prints_the_others_in_order(
        forked: Callable[..., None], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    forked(slow_analyze)
    for i, text in enumerate(texts_with("SLOW", {2}, n=5)):
        (tmp_path / f"f{i}.txt").write_text(text, encoding="utf-8")
    code = main(["extract", "--timeout", "1.5", str(tmp_path)])
    out, err = capsys.readouterr()
    assert code == 1
    assert "f2.txt: stopped after the time limit of 1.5 s" in err
    docs = [json.loads(line)["doc"] for line in out.splitlines()]
    assert docs == ["f0.txt", "f1.txt", "f3.txt", "f4.txt"]


@pytest.mark.parametrize("bad", ["0", "-2", "soon", "nan"])
def test_cli_timeout_must_be_a_positive_number(bad: str,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["extract", "--timeout", bad, "x.txt"])
    assert exc.value.code == 2
    assert "--timeout" in capsys.readouterr().err


# ------------------------------------------------------------- how many workers


@pytest.fixture
def forks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the processes this process forks."""
    monkeypatch.setattr(quoteattr.batch, "_START_METHOD", "fork")
    counted: list[int] = []
    real_fork = os.fork

    def counting_fork() -> int:
        pid = real_fork()
        if pid:
            counted.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", counting_fork)
    return counted


@needs_fork
def test_jobs_far_above_the_cores_and_documents_starts_no_more_workers_than_either(
        forks: list[int], fake_pipeline: Any) -> None:
    results = list(extract_many(["“a,” she said.", "b", "c"], jobs=64))
    assert [r.ok for r in results] == [True, True, True]
    assert 1 <= len(forks) <= min(3, usable_cpus())


@needs_fork
def test_jobs_far_above_the_cores_on_a_lazy_stream_starts_at_most_one_worker_per_core(
        forks: list[int], fake_pipeline: Any) -> None:
    results = list(extract_many((f"text {i}" for i in range(40)), jobs=64, chunksize=1))
    assert len(results) == 40
    assert 1 <= len(forks) <= usable_cpus()


def test_cli_jobs_above_the_cores_says_so_on_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], fake_pipeline: Any) -> None:
    (tmp_path / "a.txt").write_text("“Yes,” said Ada Quill.", encoding="utf-8")
    jobs = usable_cpus() + 62
    code = main(["extract", "--jobs", str(jobs), str(tmp_path / "a.txt")])
    out, err = capsys.readouterr()
    assert code == 0 and out
    (note,) = err.splitlines()
    assert f"--jobs {jobs} is more than the {usable_cpus()} CPU cores" in note


# ------------------------------------------------------------- the parent dies


def _stat(pid: int) -> tuple[str, int, int] | None:
    """(state, parent pid, start time) of a process, or None when it is gone."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = raw[raw.rindex(")") + 2:].split()
    return fields[0], int(fields[1]), int(fields[19])


def _children(parent: int) -> dict[int, int]:
    """pid → start time of the live children of ``parent``."""
    found = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            st = _stat(int(entry.name))
            if st is not None and st[1] == parent and st[0] not in "ZX":
                found[int(entry.name)] = st[2]
    return found


def _alive(pid: int, started: int) -> bool:
    st = _stat(pid)
    return st is not None and st[2] == started and st[0] not in "ZX"


def _poll(check: Callable[[], bool]) -> bool:
    deadline = time.monotonic() + PATIENCE
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.05)
    return check()


@pytest.fixture(scope="module")
def many_articles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """600 invented articles, several seconds of work for two workers."""
    folder = tmp_path_factory.mktemp("many")
    for i in range(600):
        paras = "".join(
            f"“Pier {i}-{k} will reopen on Monday,” said Ada Quill, the harbour master. "
            f"Councillor Rui Tavares said the repairs to berth {k} had cost more than planned.\n\n"
            for k in range(20))
        (folder / f"a{i:03d}.txt").write_text(f"Harbour works {i}\n\n{paras}", encoding="utf-8")
    return folder


def _start_and_kill(folder: Path, tmp_path: Path, sig: int,
                    code: str | None = None) -> dict[int, int]:
    """Run ``extract FOLDER --jobs 2`` (or ``code``), send ``sig`` to it once its workers run;
    return the workers (pid → start time)."""
    args = ["extract", str(folder), "--jobs", "2"]
    argv = ([sys.executable, "-c", code, *args] if code is not None
            else [sys.executable, "-m", "quoteattr", *args])
    expected = min(2, usable_cpus())
    with open(tmp_path / "out.jsonl", "wb") as out, open(tmp_path / "err.txt", "wb") as err:
        proc = subprocess.Popen(argv, stdout=out, stderr=err, cwd=REPO)
    try:
        workers: dict[int, int] = {}

        def found() -> bool:
            workers.update(_children(proc.pid))
            return len(workers) >= expected or proc.poll() is not None

        assert _poll(found) and proc.poll() is None, "the command ended before its workers ran"
        proc.send_signal(sig)
        proc.wait(PATIENCE)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    return workers


def _assert_gone(workers: dict[int, int]) -> None:
    try:
        assert _poll(lambda: not any(_alive(p, s) for p, s in workers.items())), (
            f"workers still running after their parent died: {sorted(workers)}")
    finally:
        for pid, started in workers.items():
            if _alive(pid, started):
                os.kill(pid, signal.SIGKILL)


@needs_proc
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_workers_exit_when_the_extract_command_is_killed(
        many_articles: Path, tmp_path: Path, sig: int) -> None:
    _assert_gone(_start_and_kill(many_articles, tmp_path, sig))


#: The command with Linux's parent-death signal switched off: only the watchdog thread remains.
WATCHDOG_ONLY = (
    "import sys, quoteattr.batch as b; b._USE_DEATHSIG = False\n"
    "from quoteattr.cli import main; sys.exit(main(sys.argv[1:]))"
)


@needs_proc
def test_workers_exit_when_their_parent_is_killed_even_without_the_linux_death_signal(
        many_articles: Path, tmp_path: Path) -> None:
    _assert_gone(_start_and_kill(many_articles, tmp_path, signal.SIGKILL, WATCHDOG_ONLY))


def test_a_batch_abandoned_midway_stops_its_workers(forked: Callable[..., None],
                                                    forks: list[int]) -> None:
    forked(slow_analyze)
    stream: Iterator[Any] = extract_many(["a", "SLOW", "c", "d"], jobs=2, chunksize=1)
    assert next(stream).ok
    stream.close()  # e.g. the caller broke out of its loop
    for pid in forks:
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)  # already reaped: nothing left running


@needs_fork
def test_a_batch_started_in_a_thread_that_ends_goes_on_in_another(
        fake_pipeline: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    # Linux's parent-death signal fires when the forking *thread* ends: not used off the main
    # thread, where the watchdog alone ties the workers to the process.
    monkeypatch.setattr(quoteattr.batch, "_START_METHOD", "fork")
    stream = extract_many([f"“Text {i},” she said." for i in range(30)], jobs=2, chunksize=1)
    first: list[Any] = []
    thread = threading.Thread(target=lambda: first.append(next(stream)))
    thread.start()
    thread.join()
    rest = list(stream)
    assert [r.ok for r in first + rest] == [True] * 30


def test_the_time_limit_does_not_count_a_workers_start_up(
        forked: Callable[..., None], monkeypatch: pytest.MonkeyPatch) -> None:
    forked(fake_analyze)
    tie = quoteattr.batch._tie_to_parent

    def slow_start(parent: int, deathsig: bool) -> None:
        time.sleep(1.5)  # e.g. importing quoteattr under the spawn start method
        tie(parent, deathsig)

    monkeypatch.setattr(quoteattr.batch, "_tie_to_parent", slow_start)
    results = list(extract_many(["“a,” she said.", "b", "c"], jobs=1, timeout=1.0))
    assert [r.error for r in results] == [None, None, None]


def test_a_worker_that_never_starts_fails_its_document_instead_of_hanging(
        forked: Callable[..., None], monkeypatch: pytest.MonkeyPatch) -> None:
    forked(fake_analyze)
    monkeypatch.setattr(quoteattr.batch, "_START_SECONDS", 0.2)
    monkeypatch.setattr(quoteattr.batch, "_tie_to_parent", lambda *_: time.sleep(600))
    results = list(extract_many(["a", "b"], jobs=1, timeout=0.3, docs=["a.txt", "b.txt"]))
    assert [r.error for r in results] == [
        f"{d}: its worker process did not start within 0.2 s" for d in ("a.txt", "b.txt")]
