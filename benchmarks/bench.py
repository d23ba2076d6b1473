#!/usr/bin/env python
"""Throughput, scaling and memory of ``quoteattr.extract`` against an NLTK Punkt floor.

Run from the repository root::

    python benchmarks/bench.py            # full run (a corpus of about 4 MB)
    python benchmarks/bench.py --quick    # smoke run, a few seconds
    python benchmarks/bench.py --json     # the same figures as one JSON object
    python benchmarks/bench.py --memory   # only peak memory / input size (1 and 10 MB)

The corpus is the seed articles (``../shared/seeds/*.txt``) and the PolNeAR dev documents
(``../shared/polnear-dev/docs/*.txt``) when present, otherwise the invented articles of
``tests/fixtures``; it is repeated up to ``--size`` MB. 1 MB here is 10^6 bytes of UTF-8.
All times are CPU times (``time.process_time``), except where a figure says wall clock.
The headline ratio, ``extract`` over NLTK Punkt (``span_tokenize``, its regex time limit
off), is taken on the PolNeAR dev documents (target: at most 3.5x); one article of
``--long-size`` MB gives the cost per MB of a long text; ``extract_many`` runs over the
PolNeAR train documents. See docs/performance.md for what each figure means.

Peak memory over input size (target: at most 25x) is measured on invented articles only
(``tests/fixtures``, ``examples/articles``, names varied from copy to copy), in two shapes:
short news paragraphs, and the same text as one paragraph; each article in a fresh process,
as the tracemalloc peak of one ``extract`` call over the article's UTF-8 size.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import json
import os
import platform
import pstats
import re
import resource
import subprocess
import sys
import time
import tracemalloc
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
FIXTURES = REPO / "tests" / "fixtures"
sys.path.insert(0, str(REPO))  # run from a checkout without installing

import quoteattr  # noqa: E402
from quoteattr import extract  # noqa: E402

MB = 1_000_000
TARGET_PUNKT_RATIO = 3.5
TARGET_LONG_RATIO = 1.2
TARGET_POOL_SPEEDUP = 1.85
TARGET_PEAK_MB = 100.0
TABLE_HEADER = ("figure", "value", "target", "status")

Row = tuple[str, str, str, str]


# --- corpus ------------------------------------------------------------------------------


def _read_texts(paths: Iterable[Path]) -> list[str]:
    return [p.read_bytes().decode("utf-8-sig") for p in paths]


def load_base_corpus() -> tuple[list[str], str]:
    """The distinct articles to benchmark on, and a description of where they came from."""
    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    polnear = sorted((SHARED / "polnear-dev" / "docs").glob("*.txt"))
    if seeds or polnear:
        parts = []
        if seeds:
            parts.append(f"{len(seeds)} seed articles")
        if polnear:
            parts.append(f"{len(polnear)} PolNeAR dev articles")
        return _read_texts([*seeds, *polnear]), " + ".join(parts)
    fixtures = sorted(FIXTURES.glob("*.txt"))
    if not fixtures:
        raise SystemExit("bench.py: no corpus: neither ../shared nor tests/fixtures has *.txt")
    return _read_texts(fixtures), f"{len(fixtures)} invented test articles"


def utf8_size(texts: Iterable[str]) -> int:
    return sum(len(t.encode("utf-8")) for t in texts)


def repeat_to(base: Sequence[str], target_bytes: int) -> list[str]:
    """The base articles, cycled until they add up to at least ``target_bytes``."""
    out: list[str] = []
    total = 0
    while total < target_bytes:
        for text in base:
            out.append(text)
            total += len(text.encode("utf-8"))
            if total >= target_bytes:
                break
    return out


def one_article_of(base: Sequence[str], target_bytes: int) -> str:
    """One long article: the base articles joined as paragraphs up to ``target_bytes``."""
    return "\n\n".join(repeat_to(base, target_bytes))


# --- timing ------------------------------------------------------------------------------


def time_over(texts: Sequence[str], fn: Callable[[str], object]) -> float:
    """CPU seconds (``time.process_time``) of ``fn`` over ``texts``: other jobs on the machine
    do not count, as they would in wall-clock time."""
    gc.collect()
    t0 = time.process_time()
    for text in texts:
        fn(text)
    return time.process_time() - t0


def best_alternating(texts: Sequence[str], fns: Sequence[Callable[[str], object]],
                     rounds: int) -> list[float]:
    """The fastest of ``rounds`` passes of each of ``fns`` over ``texts``, the passes taken in
    turn (a, b, a, b, ...), so that a busy minute on the machine hits both."""
    best = [float("inf")] * len(fns)
    for _ in range(rounds):
        for k, fn in enumerate(fns):
            best[k] = min(best[k], time_over(texts, fn))
    return best


def punkt_splitter() -> Callable[[str], object]:
    """NLTK's Punkt sentence splitter with its default (untrained) parameters (no downloads),
    splitting a whole article into sentence spans (``span_tokenize``), with NLTK's regex time
    limit off (``nltk.redos.DEFAULT_TIMEOUT = None``; NLTK 3.10 wraps each match in a
    wall-clock timer): the floor."""
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    try:
        from nltk import redos
        redos.DEFAULT_TIMEOUT = None
    except ImportError:  # an NLTK before 3.10: no time limit
        pass
    tokenizer = PunktSentenceTokenizer()

    def split(text: str) -> object:
        return list(tokenizer.span_tokenize(text))

    return split


def find_extract_many() -> Callable[..., Iterable[Any]] | None:
    fn: Callable[..., Iterable[Any]] | None = getattr(quoteattr, "extract_many", None)
    if fn is None:
        try:
            from quoteattr.batch import extract_many as fn
        except ImportError:
            return None
    return fn


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def time_extract_many(texts: Sequence[str], jobs: int) -> dict[str, float]:
    """``extract_many`` over ``texts`` (pool start-up included): wall-clock seconds, the CPU
    seconds of this process and of its (finished) workers, and the documents that failed."""
    extract_many = find_extract_many()
    assert extract_many is not None
    gc.collect()
    parent, children = _cpu(resource.RUSAGE_SELF), _cpu(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    results = list(extract_many(list(texts), jobs=jobs))
    elapsed = time.perf_counter() - t0
    return {
        "wall_seconds": elapsed,
        "parent_cpu_seconds": _cpu(resource.RUSAGE_SELF) - parent,
        "workers_cpu_seconds": _cpu(resource.RUSAGE_CHILDREN) - children,
        "errors": sum(1 for r in results if getattr(r, "error", None)),
    }


def pool_speedup(one_core: float, many: dict[str, float], jobs: int) -> float:
    """One core's CPU seconds over the pool's, were ``jobs`` cores free for it: the CPU time
    of the workers and of the parent (it shares the cores) spread evenly over them, or the
    parent's alone, whichever is longer. Wall-clock time on a machine shared with other jobs
    says more about the other jobs."""
    pool = many["workers_cpu_seconds"] + many["parent_cpu_seconds"]
    busiest = max(pool / jobs, many["parent_cpu_seconds"])
    return one_core / busiest if busiest > 0 else 0.0


# --- stages ------------------------------------------------------------------------------


def _module_of(func: tuple[str, int, str], package_dir: str) -> str | None:
    filename = func[0]
    if not filename.startswith(package_dir):
        return None
    rel = Path(filename).relative_to(package_dir).with_suffix("")
    parts = [p for p in rel.parts if p != "__init__"]
    return ".".join(["quoteattr", *parts[:1]]) if parts else "quoteattr"


def profile_stages(texts: Sequence[str]) -> tuple[dict[str, float], str]:
    """Seconds per pipeline stage over ``texts``, and how they were measured.

    Uses ``quoteattr.pipeline.stage_times(text)`` when the library has it. Otherwise runs
    ``extract`` under cProfile and gives each ``quoteattr.<module>`` its functions' own time plus
    the time of the library code (``regex``, builtins, ...) it called, shared out among callers
    in proportion to their calls' cumulative time (cycles, such as NLTK's generators calling
    one another, are followed back to where quoteattr entered them). cProfile's overhead
    inflates Python-heavy stages relative to C-heavy ones, so read the shares, not the
    absolute seconds.
    """
    from quoteattr import pipeline

    stage_times = getattr(pipeline, "stage_times", None)
    if callable(stage_times):
        totals: dict[str, float] = defaultdict(float)
        for text in texts:
            for stage, seconds in stage_times(text).items():
                totals[str(stage)] += float(seconds)
        return dict(totals), "quoteattr.pipeline.stage_times"

    package_dir = str(Path(quoteattr.__file__).resolve().parent) + os.sep
    profiler = cProfile.Profile()
    profiler.enable()
    for text in texts:
        extract(text)
    profiler.disable()
    stats: dict[Any, Any] = pstats.Stats(profiler).stats  # type: ignore[attr-defined]

    totals = defaultdict(float)
    memo: dict[Any, dict[str, float]] = {}

    def shares(func: Any, path: frozenset[Any]) -> dict[str, float] | None:
        """How ``func``'s time splits among the quoteattr modules that (indirectly) call it.

        Callers already on ``path`` are cycle edges (recursion, generators calling each other
        in NLTK) and are skipped; None means no caller outside the cycle leads to quoteattr.
        """
        module = _module_of(func, package_dir)
        if module is not None:
            return {module: 1.0}
        if func in memo:
            return memo[func]
        callers: dict[Any, tuple[float, ...]] = stats[func][4] if func in stats else {}
        mixed: dict[str, float] = defaultdict(float)
        weight = 0.0
        if len(path) < 50:
            for caller, v in callers.items():
                if caller in path or v[3] <= 0:
                    continue
                sub = shares(caller, path | {func})
                if sub is None:
                    continue
                weight += v[3]
                for name, share in sub.items():
                    mixed[name] += v[3] * share
        if weight <= 0:
            return None  # not memoised: from another path a caller may lead somewhere
        result = {name: value / weight for name, value in mixed.items()}
        memo[func] = result
        return result

    for func, (_cc, _nc, tottime, _ct, _callers) in stats.items():
        if func[2] == "<method 'disable' of '_lsprof.Profiler' objects>":
            continue
        split = shares(func, frozenset())
        if split is None:
            totals["(outside quoteattr)"] += tottime
            continue
        for name, share in split.items():
            totals[name] += tottime * share
    return dict(totals), "cProfile, time grouped by quoteattr module"


#: The pipeline's stages as ``(module, function, stage)``: :func:`timed_stages` times each
#: call of these names as the pipeline module sees them.
STAGE_FUNCTIONS = (
    ("paragraphs", "segment", "segmentation (furniture, headings)"),
    ("paragraphs", "find_quotations", "quotation marks"),
    ("paragraphs", "tokenize", "tokens (Punkt excluded)"),
    ("paragraphs", "sentence_ends_at", "Punkt sentence ends"),
    ("paragraphs", "find_cues", "cues"),
    ("pipeline", "learn_entities", "entity index"),
    ("organisations", "type_organisations", "organisation evidence"),
    ("pipeline", "direct_quotes", "direct quotes"),
    ("reported", "find_reported", "reported speech"),
    ("reported", "merge", "merge"),
)


def timed_stages(texts: Sequence[str], rounds: int = 3) -> dict[str, float]:
    """CPU seconds per stage over ``texts`` (the fastest of ``rounds`` passes, stage by
    stage), measured by wrapping the stage functions in CPU timers: cheaper and less skewed
    than cProfile. ``extract (total)`` is the whole call; what it has beyond the stages is
    the pipeline's own glue (``(other)``)."""
    from quoteattr import organisations, paragraphs, pipeline, reported

    modules = {"paragraphs": paragraphs, "pipeline": pipeline, "reported": reported,
               "organisations": organisations}
    saved = [(modules[m], name, getattr(modules[m], name)) for m, name, _ in STAGE_FUNCTIONS]
    totals: dict[str, float] = defaultdict(float)

    def timer(fn: Callable[..., Any], stage: str) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            t0 = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                totals[stage] += time.process_time() - t0
        return timed

    best: dict[str, float] = {}
    try:
        for (module, name, fn), (_, _, stage) in zip(saved, STAGE_FUNCTIONS, strict=True):
            setattr(module, name, timer(fn, stage))
        for _ in range(rounds):
            totals.clear()
            totals["extract (total)"] = time_over(texts, extract)
            for stage, seconds in totals.items():
                best[stage] = min(best.get(stage, seconds), seconds)
    finally:
        for module, name, fn in saved:
            setattr(module, name, fn)
    best["tokens (Punkt excluded)"] = best.get("tokens (Punkt excluded)", 0.0) - best.get(
        "Punkt sentence ends", 0.0)  # (Punkt runs inside tokenize)
    best["(other)"] = best["extract (total)"] - sum(
        v for k, v in best.items() if k != "extract (total)")
    return best


# --- memory ------------------------------------------------------------------------------


def _maxrss_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident set size of this process (or of its largest finished child), in MB.

    Linux reports KiB, macOS bytes.
    """
    rss = resource.getrusage(who).ru_maxrss
    return rss / MB if sys.platform == "darwin" else rss * 1024 / MB


def _own_rss_peak_mb() -> float:
    """This process's own peak RSS in MB.

    On Linux ``ru_maxrss`` survives ``exec``: a child started by a big parent reports the
    parent's peak until it outgrows it. ``VmHWM`` belongs to the new address space, so use it
    where there is one.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024 / MB
    except (OSError, ValueError, IndexError):
        pass
    return _maxrss_mb()


def peak_python_allocations(texts: Sequence[str]) -> float:
    """Largest Python heap growth (MB, tracemalloc) while extracting any one of ``texts``."""
    gc.collect()
    tracemalloc.start()
    peak = 0
    for text in texts:
        tracemalloc.reset_peak()
        base, _ = tracemalloc.get_traced_memory()
        extract(text)
        peak = max(peak, tracemalloc.get_traced_memory()[1] - base)
    tracemalloc.stop()
    return peak / MB


def memory_probe(article_bytes: int) -> dict[str, float]:
    """Run in a fresh process: peak memory of ``extract`` on one article of that size."""
    base, _ = load_base_corpus()
    article = one_article_of(base, article_bytes)
    extract(base[0])  # load lexicons and compile patterns before the baseline
    gc.collect()
    rss_before = _own_rss_peak_mb()
    extract(article)
    rss_after = _own_rss_peak_mb()
    gc.collect()
    tracemalloc.start()
    extract(article)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "article_mb": len(article.encode("utf-8")) / MB,
        "tracemalloc_peak_mb": peak / MB,
        "rss_before_mb": rss_before,
        "rss_peak_mb": rss_after,
        "rss_increase_mb": rss_after - rss_before,
    }


def run_memory_probe(article_bytes: int) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, "--memory-probe", str(article_bytes)],
        capture_output=True, text=True, check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"memory probe failed:\n{done.stderr}")
    result: dict[str, float] = json.loads(done.stdout)
    return result


# --- memory shapes -------------------------------------------------------------------------
# Invented articles only (tests/fixtures, examples/articles), so that the figures are the same
# on any checkout. Each copy renames the article's people and places, so that a long article
# is not the same paragraphs over and over (the entity index grows as it would in real news).

TARGET_PEAK_RATIO = 25.0
#: The article shapes and sizes (MB) of the peak/input figure.
MEMORY_SHAPES = ("paragraphs", "one-paragraph")
MEMORY_SIZES_MB = (1.0, 10.0)
_CAPITALISED = re.compile(r"\b[A-Z][a-z]{2,}\b")
_NOT_NAMES = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
              "January", "March", "April", "September", "Inspector", "Reporter", "European",
              "Western", "Maltese", "Korvanian"}
_SYLLABLES = ("ar", "el", "in", "os", "un", "ek", "ia", "or")


def invented_articles() -> list[str]:
    """The invented articles of the repository: tests/fixtures and examples/articles."""
    paths = sorted(FIXTURES.glob("*.txt")) + sorted((REPO / "examples" / "articles").glob("*.txt"))
    return _read_texts(paths)


def _name_words(texts: Sequence[str]) -> list[str]:
    """Capitalised words never written in lower case and found inside a sentence (after a
    lower-case word): the names, roughly."""
    lower = {w.lower() for t in texts for w in re.findall(r"\b[a-z]+\b", t)}
    inside = {w for t in texts for w in re.findall(r"(?<=[a-z,] )[A-Z][a-z]{2,}\b", t)}
    return sorted({w for w in inside if w.lower() not in lower and w not in _NOT_NAMES})


def _renamed(text: str, names: set[str], suffix: str) -> str:
    return _CAPITALISED.sub(lambda m: m.group() + suffix if m.group() in names else m.group(),
                            text)


def _suffix(k: int) -> str:
    out = ""
    while k:
        k, r = divmod(k, len(_SYLLABLES))
        out += _SYLLABLES[r]
    return out


def news_article(target_bytes: int) -> str:
    """One article of short news paragraphs, at least ``target_bytes`` of UTF-8: the invented
    articles joined as paragraphs, each copy with its names renamed (``Fenwick``, then
    ``Fenwickel``, ``Fenwickin``, ...)."""
    base = invented_articles()
    names = set(_name_words(base))
    out: list[str] = []
    total = k = 0
    while total < target_bytes:
        suffix = _suffix(k)
        for text in base:
            copy = _renamed(text, names, suffix)
            out.append(copy)
            total += len(copy.encode("utf-8")) + 2
            if total >= target_bytes:
                break
        k += 1
    return "\n\n".join(out)


def one_paragraph(target_bytes: int) -> str:
    """The same text as :func:`news_article` with every line break a space: one paragraph."""
    return re.sub(r"\s*\n\s*", " ", news_article(target_bytes))


def memory_shape(shape: str, target_bytes: int) -> str:
    if shape == "paragraphs":
        return news_article(target_bytes)
    if shape == "one-paragraph":
        return one_paragraph(target_bytes)
    raise ValueError(f"unknown article shape {shape!r}")


def peak_ratio(text: str) -> dict[str, float]:
    """tracemalloc peak of ``extract(text)`` and that peak over the input's UTF-8 size."""
    size = len(text.encode("utf-8"))
    gc.collect()
    tracemalloc.start()
    extract(text)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {"article_mb": size / MB, "tracemalloc_peak_mb": peak / MB, "peak_ratio": peak / size}


def ratio_probe(shape: str, article_bytes: int) -> dict[str, float]:
    """Run in a fresh process: :func:`peak_ratio` on one invented article of that shape."""
    text = memory_shape(shape, article_bytes)
    extract(invented_articles()[0])  # load lexicons and compile patterns first
    return peak_ratio(text)


def run_ratio_probe(shape: str, article_bytes: int) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, __file__, "--ratio-probe", shape, str(article_bytes)],
        capture_output=True, text=True, check=False,
    )
    if done.returncode != 0:  # a finding, not a crash of the benchmark: report the error
        lines = done.stderr.strip().splitlines() or ["no output"]
        return {"article_mb": article_bytes / MB, "error": lines[-1][:90]}
    result: dict[str, Any] = json.loads(done.stdout)
    return result


# --- report ------------------------------------------------------------------------------


def cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def polnear(split: str) -> list[str]:
    """The PolNeAR documents of ``split`` (``dev``, ``train``) in ``../shared``, if there."""
    return _read_texts(sorted((SHARED / f"polnear-{split}" / "docs").glob("*.txt")))


def run(args: argparse.Namespace) -> dict[str, Any]:
    base, source = load_base_corpus()
    corpus = repeat_to(base, int(args.size * MB))
    corpus_bytes = utf8_size(corpus)
    dev, train = polnear("dev") or base, polnear("train") or corpus
    if args.quick:
        dev, train = dev[:20], train[:40]
    jobs = args.jobs or os.cpu_count() or 1
    result: dict[str, Any] = {
        "python": platform.python_version(),
        "cpu": cpu_name(),
        "cores": os.cpu_count(),
        "quoteattr": quoteattr.__version__,
        "corpus": {
            "source": source,
            "distinct_articles": len(base),
            "articles": len(corpus),
            "mb": corpus_bytes / MB,
            "ratio_articles": len(dev),
            "ratio_mb": utf8_size(dev) / MB,
            "pool_articles": len(train),
            "pool_mb": utf8_size(train) / MB,
        },
    }

    for text in base[:3]:  # warm-up: lexicons, compiled patterns, Punkt parameters
        extract(text)
    split = punkt_splitter()
    split(base[0])

    t_extract, t_punkt = best_alternating(corpus, [extract, split], args.rounds)
    t_dev, t_dev_punkt = best_alternating(dev, [extract, split], args.rounds + 1)
    quotes = sum(len(extract(t)) for t in base)
    result["extract"] = {
        "seconds": t_extract,
        "articles_per_s": len(corpus) / t_extract,
        "mb_per_s": corpus_bytes / MB / t_extract,
        "quotes_in_distinct_articles": quotes,
        "peak_python_allocations_mb": peak_python_allocations(base),
        "process_rss_peak_mb": _maxrss_mb(),
    }
    result["punkt"] = {"seconds": t_punkt, "mb_per_s": corpus_bytes / MB / t_punkt}
    result["ratio_set"] = {"extract_seconds": t_dev, "punkt_seconds": t_dev_punkt,
                           "extract_mb_per_s": result["corpus"]["ratio_mb"] / t_dev,
                           "punkt_mb_per_s": result["corpus"]["ratio_mb"] / t_dev_punkt}
    result["extract_over_punkt"] = t_dev / t_dev_punkt
    result["corpus_extract_over_punkt"] = t_extract / t_punkt
    result["long_article"] = long_article_cost(base, args.long_size, t_extract / corpus_bytes)
    result["extract_many"] = pool_figures(train, jobs)

    sample = repeat_to(base, int(args.profile_size * MB))
    stages, how = profile_stages(sample)
    result["stages"] = {"method": how, "sample_mb": utf8_size(sample) / MB, "seconds": stages}
    result["cpu_stages"] = {"articles": len(dev), "seconds": timed_stages(dev)}

    # Last, so that RUSAGE_CHILDREN above saw only extract_many's workers.
    result["memory"] = run_memory_probe(int(args.article_size * MB))
    result["peak_ratio"] = peak_ratios(args.ratio_sizes)
    return result


def long_article_cost(base: Sequence[str], size_mb: float, per_byte: float) -> dict[str, float]:
    """CPU time per MB of one article of ``size_mb`` MB (the base articles joined as
    paragraphs) over that of separate articles (``per_byte``, seconds per byte)."""
    article = one_article_of(base, int(size_mb * MB))
    size = len(article.encode("utf-8"))
    seconds = time_over([article], extract)
    return {"mb": size / MB, "seconds": seconds, "mb_per_s": size / MB / seconds,
            "cost_ratio": seconds / size / per_byte}


def pool_figures(texts: Sequence[str], jobs: int) -> dict[str, Any]:
    """``extract_many(texts, jobs=jobs)`` against one core on the same texts."""
    if find_extract_many() is None:
        return {"skipped": "quoteattr.extract_many is not available"}
    size = utf8_size(texts)
    gc.collect()
    c0, w0 = time.process_time(), time.perf_counter()
    for text in texts:
        extract(text)
    one_cpu, one_wall = time.process_time() - c0, time.perf_counter() - w0
    many = time_extract_many(texts, jobs)
    return {
        "jobs": jobs,
        "articles": len(texts),
        "one_core_cpu_seconds": one_cpu,
        "one_core_wall_seconds": one_wall,
        **many,
        "seconds": many["wall_seconds"],
        "articles_per_s": len(texts) / many["wall_seconds"],
        "mb_per_s": size / MB / many["wall_seconds"],
        "speedup_vs_one_core": one_wall / many["wall_seconds"],
        "cpu_speedup_vs_one_core": pool_speedup(one_cpu, many, jobs),
        "worker_rss_peak_mb": _maxrss_mb(resource.RUSAGE_CHILDREN),
    }


def peak_ratios(sizes_mb: Sequence[float]) -> list[dict[str, Any]]:
    """Peak/input of one article of each shape and size, each in a fresh process."""
    out: list[dict[str, Any]] = []
    for shape in MEMORY_SHAPES:
        for size in sizes_mb:
            out.append({"shape": shape, **run_ratio_probe(shape, int(size * MB))})
    return out


def ratio_rows(ratios: Sequence[dict[str, Any]]) -> list[Row]:
    rows: list[Row] = []
    for r in ratios:
        figure = f"peak Python allocations / input, {r['shape']}, {r['article_mb']:.1f} MB"
        if "error" in r:
            rows.append((figure, "extract failed", f"<= {TARGET_PEAK_RATIO:g}x",
                         f"FAILED: {r['error']}"))
            continue
        rows.append((figure, f"{r['peak_ratio']:.1f}x ({r['tracemalloc_peak_mb']:.0f} MB)",
                     f"<= {TARGET_PEAK_RATIO:g}x", _ok(r["peak_ratio"] <= TARGET_PEAK_RATIO)))
    return rows


def _ok(good: bool) -> str:
    return "ok" if good else "MISSED"


def table_rows(r: dict[str, Any]) -> list[Row]:
    ex, pk, mem, c = r["extract"], r["punkt"], r["memory"], r["corpus"]
    rs, long = r["ratio_set"], r["long_article"]
    rows: list[Row] = [
        ("extract, 1 core: articles/s", f"{ex['articles_per_s']:.1f}", "", ""),
        ("extract, 1 core: MB/s", f"{ex['mb_per_s']:.2f}", "", ""),
        ("extract, 1 core: peak Python allocations, one article",
         f"{ex['peak_python_allocations_mb']:.1f} MB", "", ""),
        ("extract, 1 core: peak RSS of this process", f"{ex['process_rss_peak_mb']:.1f} MB",
         "", ""),
        ("Punkt sentence split, 1 core: MB/s", f"{pk['mb_per_s']:.2f}", "", ""),
        ("extract / Punkt time, whole corpus", f"{r['corpus_extract_over_punkt']:.2f}x", "", ""),
        (f"extract, {c['ratio_articles']} ratio articles: MB/s", f"{rs['extract_mb_per_s']:.2f}",
         "", ""),
        (f"Punkt, {c['ratio_articles']} ratio articles: MB/s", f"{rs['punkt_mb_per_s']:.2f}",
         "", ""),
        ("extract / Punkt time", f"{r['extract_over_punkt']:.2f}x",
         f"<= {TARGET_PUNKT_RATIO:g}x", _ok(r["extract_over_punkt"] <= TARGET_PUNKT_RATIO)),
        (f"one {long['mb']:.1f} MB article: MB/s", f"{long['mb_per_s']:.2f}", "", ""),
        (f"one {long['mb']:.1f} MB article: cost per MB / separate articles",
         f"{long['cost_ratio']:.2f}x", f"<= {TARGET_LONG_RATIO:g}x",
         _ok(long["cost_ratio"] <= TARGET_LONG_RATIO)),
    ]
    rows += pool_rows(r["extract_many"])
    size = f"{mem['article_mb']:.1f} MB article"
    rows += [
        (f"peak Python allocations, {size}", f"{mem['tracemalloc_peak_mb']:.1f} MB",
         f"< {TARGET_PEAK_MB:g} MB", _ok(mem["tracemalloc_peak_mb"] < TARGET_PEAK_MB)),
        (f"peak RSS increase, {size}", f"{mem['rss_increase_mb']:.1f} MB",
         f"< {TARGET_PEAK_MB:g} MB", _ok(mem["rss_increase_mb"] < TARGET_PEAK_MB)),
        (f"peak RSS of that process, {size}", f"{mem['rss_peak_mb']:.1f} MB", "", ""),
    ]
    return rows + ratio_rows(r["peak_ratio"])


def pool_rows(many: dict[str, Any]) -> list[Row]:
    if "skipped" in many:
        return [("extract_many", "skipped", "", many["skipped"])]
    jobs, n = many["jobs"], many["articles"]
    rows: list[Row] = [
        (f"extract_many, {jobs} jobs, {n} articles: articles/s", f"{many['articles_per_s']:.1f}",
         "", ""),
        (f"extract_many, {jobs} jobs: MB/s", f"{many['mb_per_s']:.2f}", "", ""),
        ("extract_many speedup vs 1 core, wall clock", f"{many['speedup_vs_one_core']:.2f}x",
         "", ""),
        ("extract_many speedup vs 1 core, CPU time", f"{many['cpu_speedup_vs_one_core']:.2f}x",
         f">= {TARGET_POOL_SPEEDUP:g}x",
         _ok(many["cpu_speedup_vs_one_core"] >= TARGET_POOL_SPEEDUP)),
        ("extract_many: CPU s of 1 core / workers / parent",
         f"{many['one_core_cpu_seconds']:.2f} / {many['workers_cpu_seconds']:.2f} / "
         f"{many['parent_cpu_seconds']:.2f}", "", ""),
        ("extract_many: peak RSS of the largest worker",
         f"{many['worker_rss_peak_mb']:.1f} MB", "", ""),
    ]
    if many["errors"]:
        rows.append(("extract_many documents failed", str(many["errors"]), "0", "MISSED"))
    return rows


def format_table(rows: Sequence[Row]) -> str:
    widths = [max(len(row[i]) for row in [TABLE_HEADER, *rows]) for i in range(4)]
    lines = [
        "  ".join(h.ljust(w) for h, w in zip(TABLE_HEADER, widths, strict=True)).rstrip(),
        "  ".join("-" * w for w in widths),
    ]
    for row in rows:
        lines.append("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
    return "\n".join(lines)


def format_stages(stages: dict[str, Any]) -> str:
    seconds: dict[str, float] = stages["seconds"]
    total = sum(seconds.values()) or 1.0
    width = max([len("stage"), *(len(k) for k in seconds)])
    lines = [
        f"Time per stage ({stages['method']}; {stages['sample_mb']:.2f} MB sample):",
        f"{'stage'.ljust(width)}  {'seconds':>8}  {'share':>6}",
        f"{'-' * width}  {'-' * 8}  {'-' * 6}",
    ]
    for name, secs in sorted(seconds.items(), key=lambda kv: -kv[1]):
        lines.append(f"{name.ljust(width)}  {secs:8.3f}  {secs / total:6.1%}")
    return "\n".join(lines)


def format_report(r: dict[str, Any]) -> str:
    c = r["corpus"]
    head = (
        f"quoteattr {r['quoteattr']} benchmark: Python {r['python']}, {r['cpu']}, "
        f"{r['cores']} cores\n"
        f"corpus: {c['source']}, repeated to {c['articles']} articles, {c['mb']:.2f} MB\n"
        f"ratio articles (extract / Punkt): {c['ratio_articles']}, {c['ratio_mb']:.2f} MB; "
        f"pool articles (extract_many): {c['pool_articles']}, {c['pool_mb']:.2f} MB"
    )
    return "\n\n".join([head, format_table(table_rows(r)), format_cpu_stages(r["cpu_stages"]),
                        format_stages(r["stages"])])


def format_cpu_stages(stages: dict[str, Any]) -> str:
    seconds: dict[str, float] = stages["seconds"]
    total = seconds["extract (total)"] or 1.0
    width = max(len(k) for k in seconds)
    lines = [f"CPU time per stage (timers around the stage functions; the "
             f"{stages['articles']} ratio articles, fastest of 3):",
             f"{'stage'.ljust(width)}  {'seconds':>8}  {'share':>6}",
             f"{'-' * width}  {'-' * 8}  {'-' * 6}"]
    for name, secs in sorted(seconds.items(), key=lambda kv: -kv[1]):
        lines.append(f"{name.ljust(width)}  {secs:8.3f}  {secs / total:6.1%}")
    return "\n".join(lines)


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true",
                        help="small corpus and article, one round: a smoke run")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--size", type=float, default=4.0, help="corpus size in MB (default 4)")
    parser.add_argument("--rounds", type=int, default=2,
                        help="timed passes over the corpus; the fastest counts (default 2)")
    parser.add_argument("--jobs", type=int, default=0,
                        help="extract_many worker processes (default: all cores)")
    parser.add_argument("--article-size", type=float, default=1.0,
                        help="size in MB of the single article for peak memory (default 1)")
    parser.add_argument("--long-size", type=float, default=10.0,
                        help="size in MB of the one long article for cost per MB (default 10)")
    parser.add_argument("--profile-size", type=float, default=0.5,
                        help="size in MB of the sample for time per stage (default 0.5)")
    parser.add_argument("--ratio-sizes", type=lambda v: [float(x) for x in v.split(",")],
                        default=list(MEMORY_SIZES_MB),
                        help="sizes in MB of the articles for peak/input (default 1,10)")
    parser.add_argument("--memory", action="store_true",
                        help="only the peak/input figures (both shapes, --ratio-sizes)")
    parser.add_argument("--memory-probe", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--ratio-probe", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.quick:
        args.size, args.rounds = min(args.size, 0.3), 1
        args.article_size, args.profile_size = min(args.article_size, 0.2), 0.1
        args.long_size = min(args.long_size, 0.3)
        args.ratio_sizes = [min(s, 0.2) for s in args.ratio_sizes[:1]]
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.memory_probe is not None:
        print(json.dumps(memory_probe(args.memory_probe)))
        return 0
    if args.ratio_probe is not None:
        print(json.dumps(ratio_probe(args.ratio_probe[0], int(args.ratio_probe[1]))))
        return 0
    if args.memory:
        ratios = peak_ratios(args.ratio_sizes)
        print(json.dumps(ratios, indent=2) if args.json else format_table(ratio_rows(ratios)))
        return 0
    result = run(args)
    print(json.dumps(result, indent=2) if args.json else format_report(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
