"""The ``quoteattr`` command: extract, demo, speakers and eval.

Exit status: 0 on success, 1 when some input could not be read or analysed (the others
are still processed), 2 for a usage error.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.resources
import json
import os
import shutil
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

import attrs

from . import __version__
from .batch import BatchResult, extract_many, usable_cpus
from .io import DecodeError, decode
from .model import Article, QuoteKind
from .output import FORMATS, format_rows, make_writer, records, speaker_records

PROG = "quoteattr"
STDIN = "-"


# ---------------------------------------------------------------- helpers


def _err(message: str) -> None:
    print(f"{PROG}: {message}", file=sys.stderr, flush=True)


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


def _jobs(value: str) -> int:
    """``--jobs N``; more than the cores is allowed but capped, with a note on stderr."""
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError("must be 0 (all cores) or more")
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


@attrs.frozen
class _Input:
    """One document named on the command line: a file, or the text read from stdin."""

    doc: str
    path: Path | None = None
    text: str | None = None


def _expand(paths: Sequence[str]) -> tuple[list[_Input], int]:
    """Files and folders (all ``*.txt`` below, sorted) to inputs; reports bad paths."""
    inputs: list[_Input] = []
    errors = 0
    stdin_text: str | None = None
    for arg in paths:
        if arg == STDIN:
            if stdin_text is None:
                try:
                    stdin_text = decode(sys.stdin.buffer.read())
                except DecodeError as exc:
                    _err(f"error: <stdin>: {exc}")
                    errors += 1
                    continue
            inputs.append(_Input(STDIN, text=stdin_text))
            continue
        path = Path(arg)
        if path.is_dir():
            found = sorted((p for p in path.rglob("*.txt") if p.is_file()),
                           key=lambda p: p.relative_to(path).as_posix())
            if not found:
                _err(f"error: {arg}: no .txt files in this folder")
                errors += 1
            inputs.extend(_Input(p.name, path=p) for p in found)
        elif path.exists():
            inputs.append(_Input(path.name, path=path))
        else:
            _err(f"error: {arg}: no such file or directory")
            errors += 1
    return inputs, errors


def _analyse(inputs: Sequence[_Input], jobs: int, options: dict[str, Any]) -> Iterator[BatchResult]:
    items: list[str | os.PathLike[str]] = [
        i.path if i.path is not None else (i.text or "") for i in inputs
    ]
    return extract_many(items, jobs=jobs, docs=[i.doc for i in inputs], **options)


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


@contextlib.contextmanager
def _output(path: str | None) -> Iterator[TextIO]:
    if path is None or path == STDIN:
        yield sys.stdout
        sys.stdout.flush()
    else:
        with open(path, "w", encoding="utf-8", newline="") as f:
            yield f


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
    if args.timeout is not None:
        opts["timeout"] = args.timeout  # for extract_many, not analyze
    return opts


# ---------------------------------------------------------------- commands


def cmd_extract(args: argparse.Namespace) -> int:
    inputs, errors = _expand(args.paths)
    progress = Progress(len(inputs))
    same_terminal = args.output is None and sys.stdout.isatty()
    with _output(args.output) as out:
        writer = make_writer(args.format, out, show_doc=len(inputs) > 1,
                             width=_table_width(out))
        for res in _analyse(inputs, args.jobs, _extract_options(args)):
            if same_terminal:
                progress.clear()
            if res.article is None:
                progress.clear()
                _err(f"error: {res.error}")
                errors += 1
            else:
                writer.write(records(res.article.quotes, res.doc))
                if same_terminal:
                    out.flush()
            progress.update(res.doc or "", len(res.quotes))
        writer.close()
    progress.close()
    return 1 if errors else 0


def _demo_text() -> str:
    data = importlib.resources.files("quoteattr").joinpath("data/demo_article.txt")
    return decode(data.read_bytes())


def cmd_demo(args: argparse.Namespace) -> int:
    from .pipeline import analyze

    text = _demo_text()
    started = time.perf_counter()
    article = analyze(text, doc="demo_article.txt")
    secs = time.perf_counter() - started
    out = sys.stdout
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


_SPEAKER_HEADERS = ("speaker", "type", "roles", "aliases", "quotes", "direct", "reported")


def _write_speakers(article: Article, out: TextIO) -> None:
    rows = [
        (r["speaker"] or "(no speaker)", r["type"] or "", ", ".join(r["roles"]),
         ", ".join(r["aliases"]), r["quotes"], r["direct"], r["reported"])
        for r in speaker_records(article)
    ]
    if rows:
        out.write(format_rows(_SPEAKER_HEADERS, rows))
    else:
        out.write("(no speakers found)\n")


def cmd_speakers(args: argparse.Namespace) -> int:
    inputs, errors = _expand(args.paths)
    progress = Progress(len(inputs))
    with _output(args.output) as out:
        first = True
        for res in _analyse(inputs, args.jobs, _extract_options(args)):
            progress.clear()
            if res.article is None:
                _err(f"error: {res.error}")
                errors += 1
            elif args.format == "jsonl":
                for rec in speaker_records(res.article):
                    out.write(json.dumps({"doc": res.doc, **rec}, ensure_ascii=False) + "\n")
            else:
                if len(inputs) > 1:
                    out.write(("" if first else "\n") + f"== {res.doc}\n")
                _write_speakers(res.article, out)
                first = False
            progress.update(res.doc or "", len(res.quotes))
    progress.close()
    return 1 if errors else 0


def cmd_eval(args: argparse.Namespace) -> int:
    from .evaluation import evaluate

    if args.pred is None and args.docs is None:
        _err("error: eval needs --docs DIR to run the library (or --pred PRED.jsonl)")
        return 2
    if args.docs is not None and not Path(args.docs).is_dir():
        _err(f"error: {args.docs}: not a folder")
        return 1
    try:
        scores = evaluate(args.gold, args.docs, args.pred, jobs=args.jobs,
                          **_extract_options(args))
    except (OSError, ValueError) as exc:
        _err(f"error: {exc}")
        return 1
    if args.errors:
        sys.stdout.write(scores.errors_report())
    if args.json:
        sys.stdout.write(json.dumps(scores.to_dict()) + "\n")
    else:
        sys.stdout.write(scores.report())
    return 0


# ---------------------------------------------------------------- parser


def _add_extract_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--include-headlines", action="store_true",
                   help="also report speech in headlines and subheads")
    p.add_argument("--include-beliefs", action="store_true",
                   help="also report beliefs and plans (thinks, believes, wants) as quotes")
    p.add_argument("--kinds", type=_kinds, metavar="KINDS",
                   help="comma-separated kinds to keep: direct,mixed,indirect (default: all)")
    p.add_argument("--min-confidence", type=_confidence, default=0.0, metavar="X",
                   help="drop quotes with confidence below X (0-1)")
    p.add_argument("-j", "--jobs", type=_jobs, default=1, metavar="N",
                   help="worker processes (default 1; 0 = one per core; at most the cores)")
    p.add_argument("--timeout", type=_timeout, metavar="SECONDS",
                   help="give up on a document after SECONDS (reported as an error; "
                   "runs documents in worker processes)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Who said what in English news articles: quotes and their speakers.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    p = sub.add_parser("extract", help="quotes of files or folders as JSONL, CSV or a table",
                       description="Print one record per quote. PATH is a UTF-8 text file, a "
                       "folder (all *.txt below it, sorted) or - for standard input.")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("-f", "--format", choices=FORMATS, default="jsonl",
                   help="output format (default jsonl)")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    _add_extract_options(p)
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("demo", help="run on a built-in invented article and print a table",
                       description="Analyse the invented article shipped with quoteattr.")
    p.add_argument("-f", "--format", choices=FORMATS, default="table",
                   help="output format (default table)")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("speakers", help="who is quoted, how often, directly or reported",
                       description="One table of speakers per document.")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("-f", "--format", choices=("table", "jsonl"), default="table",
                   help="output format (default table)")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    _add_extract_options(p)
    p.set_defaults(func=cmd_speakers)

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
    _add_extract_options(p)
    p.set_defaults(func=cmd_eval)
    return parser


def _utf8_stdout() -> None:
    """Records keep non-ASCII text: make sure stdout can print it."""
    enc = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "")
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if enc != "utf8" and reconfigure is not None:
        with contextlib.suppress(Exception):
            reconfigure(encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``quoteattr`` command; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    _utf8_stdout()
    try:
        status: int = args.func(args)
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
    return status
