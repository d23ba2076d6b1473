"""The quoteattr command under faults: -o over an input, failed writes, closed streams,
FIFOs and devices, oversized inputs, unreadable folders, hostile text on a terminal."""

from __future__ import annotations

import csv
import io
import json
import os
import resource
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import quoteattr.output
from quoteattr.cli import main

ONE = "Ferry delays\n\n“The ferry is late again,” said Ada Quill.\n"
TWO = "Nothing to report\n\n“Bring cushions,” Ada Quill said. “The chairs are wet.”\n"
#: A guard against a hang on the code before the fix, not a timing assertion.
HANG_GUARD = 120


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(ONE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(TWO, encoding="utf-8")
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def cli(*args: str, preexec: Callable[[], None] | None = None,
        **kw: Any) -> subprocess.CompletedProcess[str]:
    """Run ``python -m quoteattr ARGS`` in a child process."""
    return subprocess.run([sys.executable, "-m", "quoteattr", *args], text=True,
                          capture_output="stdout" not in kw and "stderr" not in kw,
                          preexec_fn=preexec, timeout=HANG_GUARD, check=False, **kw)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


# ------------------------------------------------------------- -o over an input


@pytest.mark.parametrize("spelling", ["same", "dotted", "symlink", "hardlink"])
def test_output_naming_an_input_is_refused_and_the_article_kept(
        folder: Path, capsys: pytest.CaptureFixture[str], fake_pipeline: Any,
        spelling: str) -> None:
    article = folder / "a.txt"
    target = {"same": str(article), "dotted": f"{folder}/./sub/../a.txt"}.get(spelling)
    (folder / "sub").mkdir()
    if spelling == "symlink":
        (folder / "link.jsonl").symlink_to(article)
        target = str(folder / "link.jsonl")
    if spelling == "hardlink":
        os.link(article, folder / "hard.jsonl")
        target = str(folder / "hard.jsonl")
    assert target is not None
    code, out, err = run(capsys, "extract", str(article), "-o", target)
    assert code == 2 and out == ""
    assert "also an input" in err and err.count("\n") == 1
    assert article.read_text(encoding="utf-8") == ONE


def test_output_inside_the_folder_read_is_refused_when_it_is_one_of_its_txt_files(
        folder: Path, capsys: pytest.CaptureFixture[str], fake_pipeline: Any) -> None:
    out_file = folder / "quotes.txt"
    assert run(capsys, "extract", str(folder), "-o", str(out_file))[0] == 0
    first = out_file.read_text(encoding="utf-8")
    code, _, err = run(capsys, "extract", str(folder), "-o", str(out_file))
    assert code == 2 and "also an input" in err
    assert out_file.read_text(encoding="utf-8") == first


def test_speakers_output_naming_an_input_is_refused(
        folder: Path, capsys: pytest.CaptureFixture[str], fake_pipeline: Any) -> None:
    code, _, err = run(capsys, "speakers", str(folder / "a.txt"), "-o", str(folder / "a.txt"))
    assert code == 2 and "also an input" in err
    assert (folder / "a.txt").read_text(encoding="utf-8") == ONE


# ------------------------------------------------------------- atomic -o


def _failing_after_one_record(exc: BaseException) -> Callable[..., None]:
    real = quoteattr.output.JsonlWriter.write

    def write(self: quoteattr.output.JsonlWriter, recs: Any) -> None:
        real(self, list(recs)[:1])
        self.stream.flush()
        raise exc

    return write


def test_failure_mid_write_keeps_the_previous_output_and_no_partial_file(
        folder: Path, tmp_path_factory: pytest.TempPathFactory,
        monkeypatch: pytest.MonkeyPatch, fake_pipeline: Any) -> None:
    outdir = tmp_path_factory.mktemp("out")
    target = outdir / "quotes.jsonl"
    target.write_text("previous run\n", encoding="utf-8")
    monkeypatch.setattr(quoteattr.output.JsonlWriter, "write",
                        _failing_after_one_record(RuntimeError("disk on fire")))
    with pytest.raises(RuntimeError, match="disk on fire"):
        main(["extract", str(folder), "-o", str(target)])
    assert target.read_text(encoding="utf-8") == "previous run\n"
    assert leftovers(outdir) == []


def test_interrupted_write_keeps_the_previous_output_and_no_partial_file(
        folder: Path, tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch, fake_pipeline: Any) -> None:
    outdir = tmp_path_factory.mktemp("out")
    target = outdir / "speakers.jsonl"
    target.write_text("previous run\n", encoding="utf-8")
    monkeypatch.setattr(quoteattr.output.JsonlWriter, "write",
                        _failing_after_one_record(KeyboardInterrupt()))
    code, _, err = run(capsys, "extract", str(folder), "-o", str(target))
    assert code == 130 and "interrupted" in err
    assert target.read_text(encoding="utf-8") == "previous run\n"
    assert leftovers(outdir) == []


def test_completed_output_replaces_the_file_and_keeps_its_permissions(
        folder: Path, tmp_path_factory: pytest.TempPathFactory,
        capsys: pytest.CaptureFixture[str], fake_pipeline: Any) -> None:
    outdir = tmp_path_factory.mktemp("out")
    target = outdir / "quotes.jsonl"
    target.write_text("previous run\n", encoding="utf-8")
    target.chmod(0o640)
    assert run(capsys, "extract", str(folder), "-o", str(target))[0] == 0
    docs = [json.loads(line)["doc"] for line in target.read_text(encoding="utf-8").splitlines()]
    assert docs == ["a.txt", "b.txt", "b.txt"]
    assert target.stat().st_mode & 0o777 == 0o640
    assert leftovers(outdir) == []


def test_output_to_a_device_is_written_in_place_not_replaced(
        folder: Path, capsys: pytest.CaptureFixture[str], fake_pipeline: Any) -> None:
    assert run(capsys, "extract", str(folder), "-o", os.devnull)[0] == 0
    assert Path(os.devnull).is_char_device()


# ------------------------------------------------------------- streaming


def test_extract_writes_each_document_before_analysing_the_next(
        folder: Path, monkeypatch: pytest.MonkeyPatch, fake_pipeline: Any) -> None:
    import quoteattr.pipeline

    stream = io.StringIO()
    seen: list[str] = []
    fake = quoteattr.pipeline.analyze

    def spying(text: str, **options: Any) -> Any:
        seen.append(stream.getvalue())
        return fake(text, **options)

    monkeypatch.setattr(quoteattr.pipeline, "analyze", spying)
    monkeypatch.setattr(sys, "stdout", stream)
    assert main(["extract", str(folder)]) == 0
    assert seen[0] == "" and '"doc": "a.txt"' in seen[1]


# ------------------------------------------------------------- closed streams


def test_closed_stdin_is_one_clear_error() -> None:
    proc = cli("extract", "-", preexec=lambda: os.close(0))
    assert proc.returncode == 1
    assert proc.stderr == "quoteattr: error: <stdin>: standard input is closed\n"


def test_closed_stdout_is_a_usage_error_without_traceback(folder: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "quoteattr", "extract", str(folder / "a.txt")],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                          preexec_fn=lambda: os.close(1), timeout=HANG_GUARD, check=False)
    assert proc.returncode == 2
    assert proc.stderr.startswith("quoteattr: error: standard output is closed")
    assert proc.stderr.count("\n") == 1


def test_output_piped_to_a_reader_that_stops_exits_quietly(tmp_path: Path) -> None:
    for i in range(200):
        (tmp_path / f"{i:03}.txt").write_text(ONE, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "quoteattr", "extract", str(tmp_path)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(10)
    proc.stdout.close()
    err = proc.stderr.read()
    assert proc.wait(timeout=HANG_GUARD) == 1
    assert err == b""


# ------------------------------------------------------------- FIFOs, devices, sizes


def test_fifo_named_as_input_is_refused_without_blocking(folder: Path) -> None:
    fifo = folder / "pipe.txt"
    os.mkfifo(fifo)
    proc = cli("extract", str(fifo), str(folder / "a.txt"))
    assert proc.returncode == 1
    assert proc.stderr.strip() == f"quoteattr: error: {fifo}: not a regular file " \
                                  "(use - to read standard input)"
    assert [json.loads(line)["doc"] for line in proc.stdout.splitlines()] == ["a.txt"]


def _limit_memory() -> None:
    """Keep the child's address space to 2 GB, so an unbounded read fails fast."""
    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))


def test_dev_zero_named_as_input_is_refused() -> None:
    proc = cli("extract", "/dev/zero", preexec=_limit_memory)
    assert proc.returncode == 1
    assert proc.stderr.strip() == "quoteattr: error: /dev/zero: not a regular file " \
                                  "(use - to read standard input)"


def test_endless_stdin_stops_at_max_bytes() -> None:
    with open("/dev/zero", "rb") as zero:
        proc = cli("extract", "-", "--max-bytes", "1k", stdin=zero, preexec=_limit_memory)
    assert proc.returncode == 1
    assert proc.stderr == ("quoteattr: error: <stdin>: larger than the limit of 1000 bytes "
                           "(--max-bytes)\n")


def test_file_bigger_than_max_bytes_is_reported_and_the_others_processed(
        folder: Path, capsys: pytest.CaptureFixture[str], fake_pipeline: Any) -> None:
    (folder / "big.txt").write_text("x" * 2000, encoding="utf-8")
    code, out, err = run(capsys, "extract", str(folder), "--max-bytes", "1000")
    assert code == 1
    assert [json.loads(line)["doc"] for line in out.splitlines()] == ["a.txt", "b.txt", "b.txt"]
    (line,) = err.splitlines()
    assert "big.txt" in line and "2000 bytes" in line and "--max-bytes" in line


def test_max_bytes_default_is_fifty_megabytes_and_zero_lifts_it() -> None:
    from quoteattr.cli import build_parser

    parser = build_parser()
    assert parser.parse_args(["extract", "x"]).max_bytes == 50_000_000
    assert parser.parse_args(["speakers", "x", "--max-bytes", "2M"]).max_bytes == 2_000_000
    assert parser.parse_args(["extract", "x", "--max-bytes", "0"]).max_bytes is None


def test_file_growing_past_max_bytes_after_listing_is_caught_by_the_bounded_read(
        folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        fake_pipeline: Any) -> None:
    import quoteattr.cli

    expand = quoteattr.cli._expand

    def expand_then_grow(*args: Any) -> Any:
        found = expand(*args)
        (folder / "a.txt").write_text(ONE * 100, encoding="utf-8")
        return found

    monkeypatch.setattr(quoteattr.cli, "_expand", expand_then_grow)
    code, out, err = run(capsys, "extract", str(folder), "--max-bytes", "1000")
    assert code == 1 and "a.txt" in err and "larger than the limit of 1000 bytes" in err
    assert [json.loads(line)["doc"] for line in out.splitlines()] == ["b.txt", "b.txt"]


# ------------------------------------------------------------- unreadable folders


def test_unreadable_sub_folder_is_reported_and_the_rest_processed(
        folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        fake_pipeline: Any) -> None:
    locked = folder / "locked"
    locked.mkdir()
    (locked / "c.txt").write_text(ONE, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path: Any = ".") -> Any:  # root reads through chmod 000: simulate it
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    code, out, err = run(capsys, "extract", str(folder))
    assert code == 1
    assert [json.loads(line)["doc"] for line in out.splitlines()] == ["a.txt", "b.txt", "b.txt"]
    (line,) = err.splitlines()
    assert str(locked) in line and "Permission denied" in line


def test_folder_walk_does_not_follow_symbolic_links_to_folders(
        folder: Path, tmp_path_factory: pytest.TempPathFactory,
        capsys: pytest.CaptureFixture[str], fake_pipeline: Any) -> None:
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    (elsewhere / "z.txt").write_text(ONE, encoding="utf-8")
    (folder / "linked").symlink_to(elsewhere, target_is_directory=True)
    (folder / "sub").mkdir()
    (folder / "sub" / "c.txt").write_text(ONE, encoding="utf-8")
    _, out, _ = run(capsys, "extract", str(folder))
    assert [json.loads(line)["doc"] for line in out.splitlines()] == \
        ["a.txt", "b.txt", "b.txt", "sub/c.txt"]


# ------------------------------------------------------------- hostile text


HOSTILE = ("Title\n\n“The ferry \x1b]0;owned\x07is \x1b[2Jlate \u202eagain\x9b1m,” "
           "said Ada Quill.\n")


def test_table_output_strips_escape_sequences_and_bidi_overrides(
        folder: Path, capsys: pytest.CaptureFixture[str], fake_pipeline: Any) -> None:
    (folder / "a.txt").write_text(HOSTILE, encoding="utf-8")
    code, out, _ = run(capsys, "extract", str(folder / "a.txt"), "--format", "table")
    assert code == 0 and "ferry" in out
    assert not any(ch in out for ch in "\x1b\x07\x9b\u202e")


def test_speakers_table_strips_control_characters_from_document_names(
        folder: Path, capsys: pytest.CaptureFixture[str], fake_pipeline: Any) -> None:
    (folder / "c\x1b[31m.txt").write_text(ONE, encoding="utf-8")
    code, out, _ = run(capsys, "speakers", "--by-document", str(folder))
    assert code == 0 and "== c" in out
    assert "\x1b" not in out


def test_csv_output_neutralises_formula_cells_unless_csv_raw(
        folder: Path, capsys: pytest.CaptureFixture[str], fake_pipeline: Any) -> None:
    (folder / "a.txt").write_text("Title\n\n“=SUM(A1:A9)” said Ada.\n", encoding="utf-8")
    _, out, _ = run(capsys, "extract", str(folder / "a.txt"), "--format", "csv")
    (row,) = csv.DictReader(io.StringIO(out))
    assert row["text"] == "'=SUM(A1:A9)"
    _, out, _ = run(capsys, "extract", str(folder / "a.txt"), "--format", "csv", "--csv-raw")
    (row,) = csv.DictReader(io.StringIO(out))
    assert row["text"] == "=SUM(A1:A9)"
