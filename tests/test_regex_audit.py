"""Furniture patterns cost about the same on a hostile line as on its harmless twin.

Some patterns only ever see a short line (a byline is under 200 characters), so a doubling
ladder cannot show their cost growing: it is the cost per line that explodes. Each case is
an article of hostile lines and its twin of the same size and shape that the pattern finds
no choices in; the CPU times of the two, measured in this run, are compared (no wall-clock
threshold).
"""

from __future__ import annotations

import pytest
from helpers import best_cpu_time

from quoteattr import extract
from quoteattr.normalization import view
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


def _best_time(text: str) -> float:
    return best_cpu_time(extract, text)


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


# --- the matching view (quoteattr.normalization) ------------------------------------------------

#: A full line of wrapped text; each hostile or twin line below follows one.
_WRAPPED = "the harbour board met on Tuesday and Mara Lind said the pier would reopen in the"

#: name: (hostile line, harmless twin), for the page-header and new-paragraph tests that
#: every line of a wrapped text meets: the page header's lazy prefix could try each space
#: before a ``Page``, the label test each split of a run of capitals.
VIEW_TWINS: dict[str, tuple[str, str]] = {
    "page_header_prefix_of_spaces": ("Page" + " " * 70 + "x", "Pagex" * 14 + "xxxxx"),
    "page_header_prefix_of_pages": (" Page 1" * 11 + "x", " Pagex1" * 11 + "x"),
    "label_of_capital_words": ("A " * 38 + "x", "a " * 38 + "x"),
    "label_of_dotted_capitals": ("A.B.C. " * 11 + "x", "a.b.c. " * 11 + "x"),
}


def _best_view_time(text: str) -> float:
    return best_cpu_time(view, text, repeats=5)


@pytest.mark.parametrize("name", list(VIEW_TWINS))
def test_hostile_lines_of_wrapped_text_cost_the_view_about_what_their_twins_cost(
        name: str) -> None:
    hostile, twin = VIEW_TWINS[name]
    assert len(hostile) == len(twin)
    texts = ["".join(f"{_WRAPPED}\n{line}\n" for _ in range(LINES)) for line in (hostile, twin)]
    assert all(view(t) is not None for t in texts)  # both read as wrapped text
    t_hostile, t_twin = (_best_view_time(t) for t in texts)
    assert t_hostile < MAX_RATIO * t_twin, (
        f"{name}: {t_hostile * 1000:.1f} ms, its twin {t_twin * 1000:.1f} ms")


def test_a_transcript_label_before_a_long_run_of_digits_costs_what_its_twin_costs() -> None:
    """``tally-label``'s pattern had two starred classes around one digit: a label before
    3,000 digits and a letter cost 16 times its twin, growing with the square."""
    intro = "Harbour chief Dana Brook met the crews.\n\n"
    hostile = intro + "\n\n".join(["Dana Brook: " + "1" * 3000 + "x."] * 10)
    twin = intro + "\n\n".join(["Dana Brook: x" + "1" * 3000 + "."] * 10)
    assert len(hostile) == len(twin)
    t_hostile, t_twin = _best_time(hostile), _best_time(twin)
    assert t_hostile < MAX_RATIO * t_twin, f"{t_hostile * 1000:.1f} ms, twin {t_twin * 1000:.1f} ms"
