"""Small helpers shared by the core tests."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

from quoteattr import Quote, extract


def best_cpu_time(run: Callable[[str], object], text: str, repeats: int = 3) -> float:
    """The least CPU time of ``repeats`` calls of ``run(text)``, the collector off meanwhile
    (for ratios measured in one run, never for thresholds in seconds)."""
    best = float("inf")
    for _ in range(repeats):
        gc.collect()
        gc.disable()
        try:
            t0 = time.process_time()
            run(text)
            best = min(best, time.process_time() - t0)
        finally:
            gc.enable()
    return best


def quotes(text: str, **options: object) -> list[Quote]:
    """extract() with the offset invariant checked on every quote."""
    found = extract(text, **options)  # type: ignore[arg-type]
    for q in found:
        assert text[q.start:q.end] == q.text
    return found


def texts(text: str, **options: object) -> list[str]:
    return [q.text for q in quotes(text, **options)]


def by_text(text: str, fragment: str) -> Quote:
    """The quote whose text contains ``fragment``."""
    found = [q for q in quotes(text) if fragment in q.text]
    assert found, f"no quote containing {fragment!r} in {[q.text for q in quotes(text)]}"
    return found[0]
