"""Furniture patterns cost about the same on a hostile line as on its harmless twin.

Some patterns only ever see a short line (a byline is under 200 characters), so a doubling
ladder cannot show their cost growing: it is the cost per line that explodes. Each case is
an article of hostile lines and its twin of the same size and shape that the pattern finds
no choices in; the CPU times of the two, measured in this run, are compared (no wall-clock
threshold).
"""

from __future__ import annotations

import gc
import time

import pytest

from quoteattr import extract
from quoteattr.segmentation import classify

#: Largest allowed CPU-time ratio of the hostile article over its twin.
MAX_RATIO = 3.0
LINES = 300

#: name: (hostile line, harmless twin)
TWINS: dict[str, tuple[str, str]] = {
    # ``[\p{L}.'’-]*`` could end before any embedded ``and`` followed by a capital: each
    # choice of up to three such places was tried (0.1 s for one 196-character line).
    "byline_with_embedded_ands": ("By " + "Aand" * 40 + "1", "By " + "Aend" * 40 + "1"),
    "byline_with_embedded_ands_and_capitals": ("By A" + "andA" * 40 + "1",
                                               "By A" + "endA" * 40 + "1"),
}


def _best_time(text: str, repeats: int = 3) -> float:
    best = float("inf")
    for _ in range(repeats):
        gc.collect()
        gc.disable()
        try:
            t0 = time.process_time()
            extract(text)
            best = min(best, time.process_time() - t0)
        finally:
            gc.enable()
    return best


@pytest.mark.parametrize("name", list(TWINS))
def test_hostile_lines_cost_about_what_their_twins_cost(name: str) -> None:
    hostile, twin = TWINS[name]
    assert len(hostile) == len(twin) and classify(hostile) == classify(twin)
    t_hostile = _best_time("\n\n".join([hostile] * LINES))
    t_twin = _best_time("\n\n".join([twin] * LINES))
    assert t_hostile < MAX_RATIO * t_twin, (
        f"{name}: {t_hostile * 1000:.1f} ms, its twin {t_twin * 1000:.1f} ms")


def test_a_byline_is_still_a_byline() -> None:
    assert classify("By Jane Doe and Omar Haddad") == "byline"
    assert classify("By Ana Ruiz, Lee Ko & Ines Marr | Reuters") == "byline"
    assert classify("By Ana Ruiz and 3 others") is None
