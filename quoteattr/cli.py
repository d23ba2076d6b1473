"""The ``quoteattr`` command: extract, demo, speakers, report, explain, eval and serve.

Exit status: 0 on success, 1 when some input could not be read or analysed (the others
are still processed), 2 for a usage error (also: ``-o`` naming an input, a closed
standard output, an invalid gold record).

``-o FILE`` is written to a temporary file beside FILE and renamed over it only when
complete: an interrupted or failed run leaves the previous FILE as it was.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.resources
import json
import os
import shutil
import stat
import sys
import tempfile
import time
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

import attrs

from . import __version__
from .batch import BatchResult, extract_many, usable_cpus
from .folders import ARTICLE_SUFFIXES as _ARTICLE_SUFFIXES
from .folders import HTML_SUFFIXES as _HTML_SUFFIXES
from .folders import read_page
from .io import DEFAULT_MAX_BYTES, DecodeError, decode
from .markup import HtmlInputWarning
from .model import Article, QuoteKind
from .output import (
    FIELDS,
    FORMATS,
    TEXT_FORMATS,
    CsvWriter,
    format_rows,
    make_writer,
    records,
    speaker_records,
    terminal_safe,
)
from .spreadsheets import BINARY_FORMATS, TABLE_SUFFIXES, MissingExtra, check_writer, read_table
from .webpage import WebPage, read_html, with_source

PROG = "quoteattr"
STDIN = "-"


# ---------------------------------------------------------------- helpers


class UsageError(Exception):
    """A problem with the command line as a whole: one line on stderr, exit status 2."""


def _err(message: str) -> None:
    """One line on stderr (control characters of file names made harmless)."""
    if sys.stderr is not None:  # with a closed stderr, print(file=None) would use stdout
        print(f"{PROG}: {terminal_safe(message)}", file=sys.stderr, flush=True)


def _kinds(value: str) -> list[str]:
    kinds = [k.strip().lower() for k in value.split(",") if k.strip()]
    allowed = [k.value for k in QuoteKind]
    bad = [k for k in kinds if k not in allowed]
    if bad or not kinds:
        raise argparse.ArgumentTypeError(
            f"invalid kind(s) {', '.join(bad) or repr(value)}; choose from {','.join(allowed)}"
        )
    return kinds


def _confidence(value: str) -> float:
    try:
        x = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0.0 <= x <= 1.0:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1, got {value}")
    return x


def _count(value: str, zero_means: str) -> int:
    """A whole number of 0 or more from the command line (0: ``zero_means``)."""
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError(f"must be 0 ({zero_means}) or more")
    return n


def _jobs(value: str) -> int:
    """``--jobs N``; more than the cores is allowed but capped, with a note on stderr."""
    n = _count(value, "all cores")
    cores = usable_cpus()
    if n > cores:
        _err(f"note: --jobs {n} is more than the {cores} CPU cores here; "
             f"using at most {cores} worker processes")
    return n or cores


def _timeout(value: str) -> float:
    """``--timeout SECONDS``: a positive number."""
    try:
        x = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {value!r}") from None
    if not x > 0:
        raise argparse.ArgumentTypeError(f"must be more than 0 seconds, got {value}")
    return x


_SIZE_UNITS = {"": 1, "k": 10**3, "m": 10**6, "g": 10**9}


def _max_bytes(value: str) -> int | None:
    """``N``, ``Nk``, ``NM`` or ``NG`` bytes (decimal units); ``0`` means no limit."""
    text = value.strip().lower().removesuffix("b")
    unit = text[-1:] if text[-1:] in ("k", "m", "g") else ""
    try:
        n = int(text[: len(text) - len(unit)])
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size in bytes: {value!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError("must be 0 (no limit) or more")
    return n * _SIZE_UNITS[unit] or None


@attrs.frozen
class _Input:
    """One document named on the command line: a file, or the text read from stdin."""

    doc: str
    path: Path | None = None
    text: str | None = None
    html: bool = False  # an HTML file: its main text is analysed


@attrs.frozen
class _Table:
    """``--input-column``, ``--id-column`` and ``--sheet``: how to read a spreadsheet."""

    text_column: str
    id_column: str | None = None
    sheet: str | None = None


def _expand(paths: Sequence[str], max_bytes: int | None = None,
            table: _Table | None = None) -> tuple[list[_Input], int]:
    """Files and folders (all ``*.txt`` and ``*.html`` below, sorted) to inputs; a CSV or
    XLSX file with ``table`` gives one input per row; reports bad paths."""
    inputs: list[_Input] = []
    errors = 0
    stdin_text: str | None = None
    stdin_read = False
    for arg in paths:
        if arg == STDIN:
            if not stdin_read:
                stdin_text, stdin_read = _read_stdin(max_bytes), True
            if stdin_text is None:
                errors += 1
            else:
                inputs.append(_Input(STDIN, text=stdin_text))
            continue
        found, bad = _expand_path(arg, max_bytes, table)
        inputs.extend(found)
        errors += bad
    return inputs, errors


def _read_stdin(max_bytes: int | None) -> str | None:
    """Standard input decoded, or ``None`` after reporting why it cannot be read."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        _err("error: <stdin>: standard input is closed")
        return None
    try:
        data = stream.read() if max_bytes is None else stream.read(max_bytes + 1)
    except (OSError, ValueError) as exc:  # e.g. a closed descriptor
        _err(f"error: <stdin>: cannot read: {getattr(exc, 'strerror', None) or exc}")
        return None
    if max_bytes is not None and len(data) > max_bytes:
        _err(f"error: <stdin>: larger than the limit of {max_bytes} bytes (--max-bytes)")
        return None
    try:
        return decode(data)
    except DecodeError as exc:
        _err(f"error: <stdin>: {exc}")
        return None


def _expand_path(arg: str, max_bytes: int | None,
                 table: _Table | None = None) -> tuple[list[_Input], int]:
    """The inputs one command-line path names, and how many errors it reported."""
    path = Path(arg)
    try:
        st = path.stat()
    except FileNotFoundError:
        _err(f"error: {arg}: no such file or directory")
        return [], 1
    except OSError as exc:
        _err(f"error: {arg}: {exc.strerror or exc}")
        return [], 1
    if stat.S_ISDIR(st.st_mode):
        return _expand_folder(path, max_bytes)
    if not stat.S_ISREG(st.st_mode):
        _err(f"error: {arg}: not a regular file (use - to read standard input)")
        return [], 1
    if not _fits(arg, st.st_size, max_bytes):
        return [], 1
    suffix = path.suffix.lower()
    if table is not None and suffix in TABLE_SUFFIXES:
        return _table_inputs(path, table, max_bytes)
    if suffix in (".xlsx", ".xlsm"):
        _err(f"error: {arg}: a spreadsheet; name its column of article texts with "
             "--input-column COLUMN")
        return [], 1
    return _file_input(path, path.name)


def _file_input(path: Path, doc: str) -> tuple[list[_Input], int]:
    """A text or HTML file (an HTML page is read when its turn comes: :class:`_Items`)."""
    return [_Input(doc, path=path, html=path.suffix.lower() in _HTML_SUFFIXES)], 0


def _table_inputs(path: Path, table: _Table, max_bytes: int | None
                  ) -> tuple[list[_Input], int]:
    """One input per row of a CSV or XLSX file (see :func:`quoteattr.read_table`)."""
    try:
        rows = read_table(path, table.text_column, table.id_column, sheet=table.sheet,
                          max_bytes=max_bytes)
    except MissingExtra as exc:
        raise UsageError(str(exc)) from None
    except ValueError as exc:
        _err(f"error: {exc}")
        return [], 1
    except OSError as exc:
        _err(f"error: {path}: {exc.strerror or exc}")
        return [], 1
    return [_Input(ident, text=text) for ident, text in rows], 0


def _fits(name: str, size: int, max_bytes: int | None) -> bool:
    if max_bytes is not None and size > max_bytes:
        _err(f"error: {name}: {size} bytes, larger than the limit of {max_bytes} bytes "
             "(--max-bytes)")
        return False
    return True


def _expand_folder(root: Path, max_bytes: int | None) -> tuple[list[_Input], int]:
    """All ``*.txt`` files below ``root`` sorted by relative path; unreadable
    sub-folders and oversized files are reported and skipped."""
    files: list[Path] = []
    errors = _walk_txt(root, files)
    found = sorted(files, key=lambda p: p.relative_to(root).as_posix())
    if not found and not errors:
        _err(f"error: {root}: no .txt files and no .html pages in this folder")
        errors += 1
    inputs = []
    for p in found:
        try:
            size = p.stat().st_size
        except OSError as exc:
            _err(f"error: {p}: {exc.strerror or exc}")
            errors += 1
            continue
        if _fits(str(p), size, max_bytes):
            found_here, bad = _file_input(p, p.relative_to(root).as_posix())
            inputs.extend(found_here)
            errors += bad
        else:
            errors += 1
    return inputs, errors


def _walk_txt(folder: Path, files: list[Path]) -> int:
    """Add the ``*.txt``, ``*.html`` and ``*.htm`` regular files below ``folder`` to
    ``files`` (symbolic links to folders are not followed, as with ``Path.rglob``);
    returns the errors reported."""
    errors = 0
    try:
        with os.scandir(folder) as it:
            entries = list(it)
    except OSError as exc:
        _err(f"error: {folder}: cannot read this folder: {exc.strerror or exc}")
        return 1
    for entry in entries:
        path = folder / entry.name
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError:
            is_dir = False
        if is_dir:
            errors += _walk_txt(path, files)
        elif entry.name.lower().endswith(_ARTICLE_SUFFIXES) and path.is_file():
            files.append(path)
    return errors


class _Items(Sequence[str | os.PathLike[str]]):
    """What :func:`extract_many` analyses for each input: a path, a text, or an HTML page's
    main text, read only when the batch takes it (so a folder of pages is not held in
    memory). With ``pages``, each page read is kept there under its index until the caller
    pops it; a page that cannot be read gives ``""`` and its error in ``failed``."""

    def __init__(self, inputs: Sequence[_Input], max_bytes: int | None,
                 pages: dict[int, WebPage] | None) -> None:
        self.inputs = inputs
        self.max_bytes = max_bytes
        self.pages = pages
        self.failed: dict[int, str] = {}

    def __len__(self) -> int:
        return len(self.inputs)

    def __getitem__(self, k: int) -> str | os.PathLike[str]:  # type: ignore[override]
        inp = self.inputs[k]
        if inp.html and inp.path is not None:
            page = read_page(inp.path, self.max_bytes)
            if isinstance(page, str):
                self.failed[k] = page
                return ""
            if self.pages is not None:
                self.pages[k] = page
            return page.text
        return inp.path if inp.path is not None else (inp.text or "")


def _analyse(inputs: Sequence[_Input], jobs: int, options: dict[str, Any],
             max_bytes: int | None = None,
             pages: dict[int, WebPage] | None = None) -> Iterator[BatchResult]:
    """The inputs' results in order (``pages``: see :class:`_Items`)."""
    items = _Items(inputs, max_bytes, pages)
    for res in extract_many(items, jobs=jobs, docs=[i.doc for i in inputs],
                            max_bytes=max_bytes, **options):
        why = items.failed.pop(res.index, None)
        yield res if why is None else BatchResult(res.index, res.doc, None, why)


class Progress:
    """A one-line progress bar on stderr, drawn only when stderr is a terminal."""

    def __init__(self, total: int, stream: TextIO | None = None,
                 enabled: bool | None = None) -> None:
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        if enabled is None:
            enabled = bool(getattr(self.stream, "isatty", lambda: False)())
        self.enabled = enabled and total > 0
        self.done = 0
        self.quotes = 0
        self.started = time.monotonic()
        self._shown = 0
        self._drawn = 0.0

    def update(self, label: str = "", quotes: int = 0) -> None:
        self.done += 1
        self.quotes += quotes
        now = time.monotonic()
        if self.enabled and (now - self._drawn >= 0.1 or self.done == self.total):
            self._drawn = now
            self._draw(label)

    def _draw(self, label: str) -> None:
        width = 30
        filled = width * self.done // self.total
        bar = "█" * filled + "░" * (width - filled)
        line = f"{bar} {self.done}/{self.total} {self.quotes} quotes {label}"[:100]
        self.stream.write("\r" + line.ljust(self._shown))
        self._shown = len(line)
        self.stream.flush()

    def clear(self) -> None:
        """Erase the bar (before something else is printed on the same terminal)."""
        if self.enabled and self._shown:
            self.stream.write("\r" + " " * self._shown + "\r")
            self.stream.flush()
            self._shown = 0

    def close(self) -> None:
        if self.enabled:
            self.clear()
            secs = time.monotonic() - self.started
            self.stream.write(f"{self.done} documents, {self.quotes} quotes in {secs:.1f}s\n")
            self.stream.flush()


def _stdout() -> TextIO:
    if sys.stdout is None:
        raise UsageError("standard output is closed; redirect it or use -o FILE")
    return sys.stdout


@contextlib.contextmanager
def _output(path: str | None) -> Iterator[TextIO]:
    """Standard output, or FILE written through a temporary file renamed over it at the
    end (a device or FIFO is written directly)."""
    if path is None or path == STDIN:
        out = _stdout()
        yield out
        out.flush()
        return
    target = os.path.realpath(path)  # write through a symbolic link, not over it
    try:
        st: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        st = None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise UsageError(f"{path}: is a folder; -o needs a file name")
    if st is not None and not stat.S_ISREG(st.st_mode):
        with open(target, "w", encoding="utf-8", newline="") as f:
            yield f
        return
    with _replacing(target, st) as f:
        yield f


@contextlib.contextmanager
def _replacing(target: str, old: os.stat_result | None) -> Iterator[TextIO]:
    """A temporary file beside ``target``, renamed to it when the block ends normally and
    removed when it raises (``KeyboardInterrupt`` included)."""
    folder, name = os.path.split(target)
    if not os.path.isdir(folder or "."):
        raise FileNotFoundError(2, "no such folder for the output file", target)
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".part", dir=folder or ".")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, stat.S_IMODE(old.st_mode) if old is not None else _new_file_mode())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _new_file_mode() -> int:
    mask = os.umask(0o22)
    os.umask(mask)
    return 0o666 & ~mask


def _refuse_output_over_input(output: str | None, inputs: Sequence[_Input]) -> None:
    """Raise :class:`UsageError` when ``-o`` names (or links to) one of the inputs."""
    if output is None or output == STDIN:
        return
    try:
        out = os.stat(output)
    except OSError:
        return  # a file that does not exist yet is no input
    for inp in inputs:
        if inp.path is None:
            continue
        with contextlib.suppress(OSError):
            st = os.stat(inp.path)
            if (st.st_dev, st.st_ino) == (out.st_dev, out.st_ino):
                raise UsageError(f"-o {output} is also an input ({inp.path}); "
                                 "writing it would destroy the article")


def _table_width(out: TextIO) -> int:
    """The terminal's width when writing to one (at least 100), else 120."""
    if out.isatty():
        return max(100, shutil.get_terminal_size((120, 24)).columns)
    return 120


def _extract_options(args: argparse.Namespace) -> dict[str, Any]:
    opts: dict[str, Any] = {
        "include_headlines": args.include_headlines,
        "include_beliefs": args.include_beliefs,
        "min_confidence": args.min_confidence,
    }
    if args.kinds is not None:
        opts["kinds"] = args.kinds
    if args.disable_rules:
        opts["disabled_rules"] = args.disable_rules
    if getattr(args, "timeout", None) is not None:
        opts["timeout"] = args.timeout  # for extract_many, not analyze
    return opts


def _rule_names(value: str) -> frozenset[str]:
    from . import rules

    names = frozenset(n.strip() for n in value.split(",") if n.strip())
    unknown = sorted(n for n in names if n not in {r.name for r in rules.rules()})
    if unknown:
        raise argparse.ArgumentTypeError(
            f"unknown rule(s) {', '.join(unknown)}; see docs/heuristics.md for the names")
    return names


# ---------------------------------------------------------------- commands


def _inputs(args: argparse.Namespace) -> tuple[list[_Input], int]:
    """The command's inputs and the errors reported finding them; refuses ``-o`` over
    an input and a closed standard output before anything is read or written."""
    if args.output is None or args.output == STDIN:
        _stdout()
    inputs, errors = _expand(args.paths, args.max_bytes, _table_option(args))
    _refuse_output_over_input(args.output, inputs)
    return inputs, errors


def _table_option(args: argparse.Namespace) -> _Table | None:
    """The spreadsheet options, or ``None``; ``--id-column`` alone is a usage error."""
    column = getattr(args, "input_column", None)
    if column is None:
        if getattr(args, "id_column", None) is not None or getattr(args, "sheet", None):
            raise UsageError("--id-column and --sheet need --input-column COLUMN")
        return None
    return _Table(column, args.id_column, args.sheet)


def _check_format(args: argparse.Namespace) -> None:
    """Refuse a binary format without ``-o FILE``, a missing extra, ``--csv-bom`` without
    CSV."""
    if args.format in BINARY_FORMATS:
        if args.output is None or args.output == STDIN:
            raise UsageError(f"--format {args.format} writes a binary file: give -o "
                             f"FILE.{args.format} (it is not written to standard output)")
        try:
            check_writer(args.format)
        except MissingExtra as exc:
            raise UsageError(str(exc)) from None
    if args.csv_bom and args.format != "csv":
        raise UsageError("--csv-bom is for --format csv")


def _emit_text(folder: str, inp: _Input, page: WebPage) -> None:
    """Write an HTML input's page text (the text its quote offsets index) into ``folder``
    as ``NAME.txt``."""
    name = Path(inp.doc)
    if name.is_absolute() or ".." in name.parts:
        name = Path(name.name)
    target = Path(folder) / name.with_suffix(".txt")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(page.text, encoding="utf-8", newline="")


def _writer_fields(inputs: Sequence[_Input]) -> tuple[str, ...]:
    """The columns: :data:`FIELDS`, with ``source_start``/``source_end`` for HTML."""
    if not any(i.html for i in inputs):
        return FIELDS
    at = FIELDS.index("end") + 1
    return (*FIELDS[:at], "source_start", "source_end", *FIELDS[at:])


def cmd_extract(args: argparse.Namespace) -> int:
    _check_format(args)
    inputs, errors = _inputs(args)
    progress = Progress(len(inputs))
    same_terminal = args.output is None and sys.stdout.isatty()
    with _output(args.output) as out:
        if args.csv_bom:
            out.write("\ufeff")
        writer = make_writer(args.format, out, show_doc=len(inputs) > 1,
                             width=_table_width(out), csv_escape=not args.csv_raw,
                             fields=_writer_fields(inputs))
        pages: dict[int, WebPage] = {}
        for res in _analyse(inputs, args.jobs, _extract_options(args), args.max_bytes, pages):
            if same_terminal:
                progress.clear()
            page = pages.pop(res.index, None)
            if res.article is None:
                progress.clear()
                _err(f"error: {res.error}")
                errors += 1
            else:
                writer.write(_records(res, page))
                if same_terminal:
                    out.flush()
                if args.emit_text and page is not None:
                    _emit_text(args.emit_text, inputs[res.index], page)
            progress.update(res.doc or "", len(res.quotes))
        writer.close()
    progress.close()
    return 1 if errors else 0


def _records(res: BatchResult, page: WebPage | None) -> list[dict[str, Any]]:
    """The result's quote records; an HTML page's with their range in the HTML."""
    assert res.article is not None
    recs = records(res.article.quotes, res.doc)
    if page is None:
        return list(recs)
    return [with_source(r, page) for r in recs]


def _demo_text() -> str:
    data = importlib.resources.files("quoteattr").joinpath("data/demo_article.txt")
    return decode(data.read_bytes())


def cmd_demo(args: argparse.Namespace) -> int:
    from .pipeline import analyze

    text = _demo_text()
    started = time.perf_counter()
    article = analyze(text, doc="demo_article.txt")
    secs = time.perf_counter() - started
    out = _stdout()
    if args.format != "table":
        writer = make_writer(args.format, out)
        writer.write(records(article.quotes, article.doc))
        writer.close()
        return 0
    words = len(text.split())
    out.write(f"quoteattr {__version__} demo: an invented {words}-word news article "
              f"(quoteattr/data/demo_article.txt)\n")
    out.write(f"{len(article.quotes)} quotes and {len(article.speakers)} speakers "
              f"found in {secs * 1000:.0f} ms\n\n")
    writer = make_writer("table", out, show_doc=False, width=_table_width(out))
    writer.write(records(article.quotes))
    writer.close()
    out.write("\n")
    _write_speakers(article, out)
    out.write("\nTry it on your own articles:  quoteattr extract FILE_OR_FOLDER --format table\n")
    return 0


_SPEAKER_HEADERS = ("speaker", "type", "gender", "roles", "aliases", "quotes", "direct",
                    "reported")


def _write_speakers(article: Article, out: TextIO) -> None:
    rows = [
        (r["speaker"] or "(no speaker)", r["type"] or "", r["gender"] or "",
         "; ".join(r["roles"]),
         ", ".join(r["aliases"]), r["quotes"], r["direct"], r["reported"])
        for r in speaker_records(article)
    ]
    if rows:
        out.write(format_rows(_SPEAKER_HEADERS, rows))
    else:
        out.write("(no speakers found)\n")


def _is_corpus(args: argparse.Namespace, inputs: Sequence[_Input]) -> bool:
    """``speakers`` tallies across documents for a folder or several files."""
    if args.by_document:
        return False
    return len(inputs) > 1 or any(p != STDIN and Path(p).is_dir() for p in args.paths)


def _articles(results: Iterator[BatchResult], progress: Progress,
              failures: list[str]) -> Iterator[Article]:
    """The articles of ``results``; failures reported on stderr and added to ``failures``."""
    for res in results:
        progress.clear()
        if res.article is None:
            _err(f"error: {res.error}")
            failures.append(res.error or f"{res.doc}: failed")
        else:
            yield attrs.evolve(res.article, doc=res.doc)
        progress.update(res.doc or "", len(res.quotes))


def cmd_speakers(args: argparse.Namespace) -> int:
    from .corpus import tally, write_tally

    inputs, errors = _inputs(args)
    progress = Progress(len(inputs))
    if _is_corpus(args, inputs):
        failed: list[str] = []
        results = _analyse(inputs, args.jobs, _extract_options(args), args.max_bytes)
        rows = tally(_articles(results, progress, failed))
        progress.close()
        with _output(args.output) as out:
            write_tally(rows, args.format, out, csv_escape=not args.csv_raw)
        return 1 if errors or failed else 0
    with _output(args.output) as out:
        table = CsvWriter(out, _SPEAKER_CSV, csv_escape=not args.csv_raw) \
            if args.format == "csv" else None
        heading = "" if len(inputs) > 1 else None
        for res in _analyse(inputs, args.jobs, _extract_options(args), args.max_bytes):
            progress.clear()
            if res.article is None:
                _err(f"error: {res.error}")
                errors += 1
            else:
                _write_speaker_result(res.article, res.doc, args.format, table, heading, out)
            heading = "\n" if heading is not None else None
            progress.update(res.doc or "", len(res.quotes))
    progress.close()
    return 1 if errors else 0


def _write_speaker_result(article: Article, doc: str | None, fmt: str,
                          table: CsvWriter | None, heading: str | None, out: TextIO) -> None:
    """One document's speakers as JSON lines, CSV rows or text (after ``heading`` and a
    ``== doc`` line when there are several inputs)."""
    if fmt == "jsonl":
        for rec in speaker_records(article):
            out.write(json.dumps({"doc": doc, **rec}, ensure_ascii=False) + "\n")
    elif table is not None:
        table.write(_flat_speaker_records(article, doc))
    else:
        if heading is not None:
            out.write(heading + f"== {terminal_safe(doc or '')}\n")
        _write_speakers(article, out)


_SPEAKER_CSV = ("doc", "speaker", "type", "roles", "aliases", "quotes", "direct", "mixed",
                "indirect", "reported")


def _flat_speaker_records(article: Article, doc: str | None) -> Iterator[dict[str, Any]]:
    """One document's speaker records for CSV (lists joined with ``; ``)."""
    for rec in speaker_records(article):
        yield {"doc": doc} | {k: "; ".join(v) if isinstance(v, list) else v
                              for k, v in rec.items()}


def cmd_report(args: argparse.Namespace) -> int:
    """``quoteattr report PATH... -o report.html``: the corpus page of quoteattr.report."""
    from .report import report_html

    inputs, errors = _inputs(args)
    progress = Progress(len(inputs))
    failed: list[str] = []
    results = _analyse(inputs, args.jobs, _extract_options(args), args.max_bytes)
    articles = list(_articles(results, progress, failed))
    progress.close()
    page = report_html(articles, title=args.title, top=args.top, failures=failed,
                       max_articles=args.max_articles or None)
    with _output(args.output) as out:
        out.write(page)
    return 1 if errors or failed else 0


def cmd_explain(args: argparse.Namespace) -> int:
    from .explanation import explain
    from .io import read_article

    if args.path == "-":
        text = _read_stdin(DEFAULT_MAX_BYTES)
        if text is None:
            return 1
    else:
        try:
            if args.path.lower().endswith(_HTML_SUFFIXES):  # offsets index the page's text
                text = read_html(args.path, max_bytes=DEFAULT_MAX_BYTES).text
            else:
                text = read_article(args.path, max_bytes=DEFAULT_MAX_BYTES)
        except (OSError, DecodeError) as exc:
            _err(f"error: {args.path}: {exc}")
            return 1
    options = _extract_options(args)
    options.pop("timeout", None)  # one article, analysed here
    if args.furniture:
        return _explain_furniture(text, options.get("disabled_rules", ()))
    found = explain(text, **options)
    if args.quote is not None:
        if not 1 <= args.quote <= len(found):
            _err(f"error: --quote {args.quote}: {args.path} has {len(found)} quote(s)")
            return 2
        found = [found[args.quote - 1]]
    sys.stdout.write("".join(f"{e}\n\n" for e in found) or "(no quotes found)\n")
    return 0


def _explain_furniture(text: str, disabled_rules: Any) -> int:
    from .explanation import explain_furniture

    dropped = explain_furniture(text, disabled_rules)
    sys.stdout.write("".join(f"{d}\n" for d in dropped) or "(no furniture)\n")
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from .evaluation import RecordError, evaluate

    out = _stdout()
    if args.pred is None and args.docs is None:
        _err("error: eval needs --docs DIR to run the library (or --pred PRED.jsonl)")
        return 2
    if args.docs is not None and not Path(args.docs).is_dir():
        _err(f"error: {args.docs}: not a folder")
        return 1
    try:
        scores = evaluate(args.gold, args.docs, args.pred, jobs=args.jobs,
                          by_rule=args.by_rule, **_extract_options(args))
    except RecordError as exc:
        _err(f"error: {exc}")
        return 2
    except (OSError, ValueError) as exc:
        _err(f"error: {exc}")
        return 1
    if args.errors:
        out.write(scores.errors_report())
    if args.json:
        out.write(json.dumps(scores.to_dict()) + "\n")
    else:
        out.write(scores.report())
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    try:
        from .server import Settings, serve
    except ImportError as exc:
        _err(f"error: quoteattr serve needs the server extra: pip install 'quoteattr[server]' "
             f"({exc})")
        return 2
    settings = Settings(workers=args.workers, max_body_bytes=args.max_body_bytes,
                        timeout=args.timeout, max_concurrent=args.max_concurrent,
                        max_documents=args.max_documents)
    serve(args.host, args.port, settings, log_level=args.log_level)
    return 0


# ---------------------------------------------------------------- parser


def _add_extract_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--include-headlines", action="store_true",
                   help="also report speech in headlines and subheads")
    p.add_argument("--include-beliefs", action="store_true",
                   help="also report beliefs and plans (thinks, believes, wants) as quotes")
    p.add_argument("--kinds", type=_kinds, metavar="KINDS",
                   help="comma-separated kinds to keep: direct,mixed,indirect (default: all)")
    p.add_argument("--disable-rules", type=_rule_names, metavar="NAMES",
                   help="comma-separated rules to switch off (names: docs/heuristics.md)")
    p.add_argument("--min-confidence", type=_confidence, default=0.0, metavar="X",
                   help="drop quotes with confidence below X (0-1)")
    p.add_argument("-j", "--jobs", type=_jobs, default=1, metavar="N",
                   help="worker processes (default 1; 0 = one per core; at most the cores)")
    p.add_argument("--timeout", type=_timeout, metavar="SECONDS",
                   help="give up on a document after SECONDS (reported as an error; "
                   "runs documents in worker processes)")


def _add_input_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--max-bytes", type=_max_bytes, default=DEFAULT_MAX_BYTES, metavar="N",
                   help="refuse inputs bigger than N bytes (k, M, G: thousands, millions, "
                   "billions; 0: no limit; default 50M)")
    p.add_argument("--input-column", metavar="COLUMN",
                   help="read CSV and XLSX files as tables: one article per row, its text in "
                   "COLUMN (named in the first row)")
    p.add_argument("--id-column", metavar="COLUMN",
                   help="with --input-column: the column naming each row's article (its doc; "
                   "default NAME#ROW)")
    p.add_argument("--sheet", metavar="NAME", help="with --input-column: the XLSX sheet "
                   "(default: the first)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Who said what in English news articles: quotes and their speakers.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    p = sub.add_parser("extract", help="quotes of files or folders as JSONL, CSV or a table",
                       description="Print one record per quote. PATH is a UTF-8 text file, an "
                       "HTML page (*.html, *.htm: its main text), a folder (all *.txt, *.html "
                       "and *.htm below it, sorted), a CSV or XLSX file with --input-column, "
                       "or - for standard input.")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("-f", "--format", choices=FORMATS, default="jsonl",
                   help="output format (default jsonl; xlsx needs quoteattr[xlsx], parquet "
                   "quoteattr[parquet], both need -o FILE)")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    p.add_argument("--csv-raw", action="store_true",
                   help="CSV, XLSX: write cells starting with = + - @ as they are (default: "
                   "prefix them with ' so a spreadsheet does not run them as formulas)")
    p.add_argument("--csv-bom", action="store_true",
                   help="CSV: start with a UTF-8 byte order mark, so that Excel reads the "
                   "file as UTF-8")
    p.add_argument("--emit-text", metavar="DIR",
                   help="write each HTML page's extracted text to DIR/NAME.txt (the text "
                   "the quote offsets index)")
    _add_extract_options(p)
    _add_input_options(p)
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("demo", help="run on a built-in invented article and print a table",
                       description="Analyse the invented article shipped with quoteattr.")
    p.add_argument("-f", "--format", choices=TEXT_FORMATS, default="table",
                   help="output format (default table)")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("speakers", help="who is quoted, how often, directly or reported",
                       description="For one file, its speakers. For a folder or several "
                       "files, one row per speaker across all documents (joined by name, "
                       "case and spacing ignored), with quotes by kind, documents, type and "
                       "gender.")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("-f", "--format", choices=("table", "csv", "jsonl"), default="table",
                   help="output format (default table)")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    p.add_argument("--by-document", action="store_true",
                   help="one table per document instead of the tally across documents")
    p.add_argument("--csv-raw", action="store_true",
                   help="CSV: write cells starting with = + - @ as they are")
    _add_extract_options(p)
    _add_input_options(p)
    p.set_defaults(func=cmd_speakers)

    _add_report_parser(sub)
    _add_explain_parser(sub)
    _add_eval_parser(sub)
    _add_serve_parser(sub)
    return parser


def _max_articles(value: str) -> int:
    """``--max-articles N``: 0 (all) or more."""
    return _count(value, "all articles")


def _add_report_parser(sub: Any) -> None:
    p = sub.add_parser("report", help="one HTML page: who is quoted, by gender and type, "
                       "and every article highlighted",
                       description="Write a self-contained HTML page (no scripts, nothing "
                       "loaded from the network) about the documents: shares of quotes by "
                       "gender and speaker type, direct and reported, the top speakers, and "
                       "each article with its quotes highlighted.")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    p.add_argument("--title", default="Who is quoted", help="the page's title")
    p.add_argument("--top", type=_positive(int), default=20, metavar="N",
                   help="speakers in the top table (default 20)")
    p.add_argument("--max-articles", type=_max_articles, default=0, metavar="N",
                   help="show only the first N articles (the figures count all; default 0: all)")
    _add_extract_options(p)
    _add_input_options(p)
    p.set_defaults(func=cmd_report)


def _add_explain_parser(sub: Any) -> None:
    p = sub.add_parser("explain", help="why each quote got its speaker, rule by rule",
                       description="Replay the decisions behind each quote of one article: "
                       "segment, quotation marks, cue, subject, speaker rule, detector.")
    p.add_argument("path", metavar="FILE", help="a UTF-8 text file, an HTML page (*.html, "
                   "*.htm: its main text), or - for standard input")
    p.add_argument("-q", "--quote", type=int, metavar="N", help="only the N-th quote (from 1)")
    p.add_argument("--furniture", action="store_true", help="list the paragraphs dropped as "
                   "page furniture instead, with the rule that dropped each and its offsets")
    _add_extract_options(p)
    p.set_defaults(func=cmd_explain)


def _add_eval_parser(sub: Any) -> None:
    p = sub.add_parser("eval", help="score against your annotated JSONL",
                       description="Score quoteattr (or --pred records) against gold records "
                       "in the format of docs/output-format.md.")
    p.add_argument("gold", metavar="GOLD.jsonl")
    p.add_argument("--docs", metavar="DIR", help="folder holding the gold records' documents")
    p.add_argument("--pred", metavar="PRED.jsonl",
                   help="score these records instead of running quoteattr")
    p.add_argument("--errors", action="store_true",
                   help="list misses, false positives and wrong speakers")
    p.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    p.add_argument("--by-rule", action="store_true",
                   help="add each rule's predictions, precision, strict and speaker rates, "
                   "and the misses grouped by their nearest cue word")
    _add_extract_options(p)
    p.set_defaults(func=cmd_eval)


def _positive(kind: type[int] | type[float]) -> Any:
    def parse(value: str) -> int | float:
        try:
            x = kind(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
        if x <= 0:
            raise argparse.ArgumentTypeError(f"must be more than 0, got {value}")
        return x

    return parse


def _add_serve_parser(sub: Any) -> None:
    p = sub.add_parser("serve", help="an HTTP service: POST /extract (needs quoteattr[server])",
                       description="Serve POST /extract, GET /health and /openapi.json "
                       "(see docs/integrations.md).")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("-w", "--workers", type=_jobs, default=os.cpu_count() or 1, metavar="N",
                   help="analysis processes (default: one per core; 0 = one per core)")
    p.add_argument("--max-body-bytes", type=_positive(int), default=5 * 2**20, metavar="B",
                   help="largest request body accepted (default 5 MiB); larger gets 413")
    p.add_argument("--timeout", type=_positive(float), default=30.0, metavar="SECONDS",
                   help="time limit per request (default 30); past it 504 and the worker "
                   "process is replaced")
    p.add_argument("--max-concurrent", type=_positive(int), default=32, metavar="N",
                   help="requests admitted at once, waiting or analysed (default 32); more "
                   "get 503")
    p.add_argument("--max-documents", type=_positive(int), default=1000, metavar="N",
                   help="documents per batch request (default 1000)")
    p.add_argument("--log-level", default="info",
                   choices=("critical", "error", "warning", "info", "debug"),
                   help="uvicorn's log level (debug also logs every request)")
    p.set_defaults(func=cmd_serve)


def _utf8_stdout() -> None:
    """Records keep non-ASCII text: make sure stdout can print it."""
    enc = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "")
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if enc != "utf8" and reconfigure is not None:
        with contextlib.suppress(Exception):
            reconfigure(encoding="utf-8")


def _show_warning(message: Warning | str, category: type[Warning], filename: str,
                  lineno: int, file: TextIO | None = None, line: str | None = None) -> None:
    """Warnings of the analysis (HTML given as text) as one ``quoteattr:`` line."""
    if issubclass(category, HtmlInputWarning):
        _err(f"warning: {message}")
    else:
        _python_showwarning(message, category, filename, lineno, file, line)


_python_showwarning = warnings.showwarning


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``quoteattr`` command; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    _utf8_stdout()
    shown, warnings.showwarning = warnings.showwarning, _show_warning
    try:
        status: int = args.func(args)
    except UsageError as exc:
        _err(f"error: {exc}")
        return 2
    except KeyboardInterrupt:
        _err("interrupted")
        return 130
    except BrokenPipeError:  # e.g. `quoteattr extract . | head`
        with contextlib.suppress(Exception):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return 1
    except OSError as exc:  # e.g. -o into a folder that does not exist
        where = f"{exc.filename}: " if exc.filename else ""
        _err(f"error: {where}{exc.strerror or exc}")
        return 1
    finally:
        warnings.showwarning = shown
    return status
