"""Hostile input must not blow up: no crash, no hang, no super-linear time.

Each case is a family of texts ``make(n)`` whose size grows with ``n``. Three tests per case:

* ``test_doubling_..._at_most_about_doubles_the_time``: times ``extract`` on ``make(n)``,
  ``make(2n)``, ``make(4n)``, ... up a ladder of sizes (best CPU time of a few runs each, cyclic
  garbage collection paused) and asserts that over every two doublings the time grows less
  than 9x, an average ratio t(2n)/t(n) below 3. Linear work gives about 2 per doubling,
  ``n log n`` a little more, quadratic work 4. Two doublings, not one: a single doubling can
  cross a cache size and jump by half again on one machine and not on another, a step that
  does not repeat, while a super-linear term does. Nothing is compared with a wall-clock
  threshold: only ratios measured in this run. Timings shorter than a few milliseconds are
  too noisy to mean anything and are not compared; the ladder climbs until they are long
  enough, and one doubling past its top when the last ratio is high.
* ``test_..._at_full_size_finishes_with_well_formed_quotes``: one run on the full-size input
  (10,000 unmatched quotes, 5 MB paragraph, a million apostrophes, ...) that must return
  well-formed quotes. It first consults the ladder, so a super-linear case fails fast rather
  than hanging the suite.
* ``test_full_size_takes_about_the_linear_extrapolation_of_the_ladder``: that full-size run
  takes less than 3x the ladder's largest timing scaled linearly to the full size, which
  catches a quadratic term too small to show within the ladder.
"""

from __future__ import annotations

import gc
import itertools
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

import pytest
from fixtures import assert_well_formed, load_articles

from quoteattr import Article, Quote, analyze, extract, extract_html, segmentation
from quoteattr.report import report_html
from quoteattr.segmentation import sentence_ends_at

#: Largest allowed average t(2n)/t(n) over two doublings; linear is 2.0.
MAX_RATIO = 3.0
#: Timings below this are dominated by noise; their ratios are not asserted (seconds).
NOISE_FLOOR = 0.004
#: The ladder stops after this many doublings past its nominal top if timings stay tiny.
EXTRA_DOUBLINGS = 5

_SYLLABLES = [
    "ka", "lo", "mir", "ven", "do", "sa", "tor", "bel", "qui", "ran", "es", "ul", "hov",
    "ne", "gri", "mat", "pe", "zan", "ol", "fi", "bra", "sti", "won", "ek",
]


def _invented_name(i: int) -> str:
    """A distinct, capitalised two-part name for every ``i`` (``Kalo Venmir``)."""
    k = len(_SYLLABLES)
    first = _SYLLABLES[i % k] + _SYLLABLES[(i // k) % k]
    last = _SYLLABLES[(i // (k * k)) % k] + _SYLLABLES[(i * 7 + 3) % k] + _SYLLABLES[i % 5]
    return f"{first.capitalize()} {last.capitalize()}"


def _capitalised_words(n: int) -> str:
    rng = random.Random(1234)
    words = (
        "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(1, 3))).capitalize()
        for _ in range(n)
    )
    return " ".join(words) + "."


def _nested_quotes(depth: int) -> str:
    marks = itertools.cycle([("“", "”"), ("‘", "’")])
    pairs = [next(marks) for _ in range(depth)]
    opening = "".join(f"{o}Level {i} said " for i, (o, _) in enumerate(pairs))
    closing = "".join(f" end{c}" for _, c in reversed(pairs))
    return f"Ilse Brann said: {opening}core{closing}, she said.\n"


@cache
def _flat_articles() -> str:
    """All invented articles as one paragraph (no line breaks)."""
    return " ".join(" ".join(load_articles().values()).split())


def _one_paragraph(n: int) -> str:
    base = _flat_articles()
    return (base * (n // len(base) + 1))[:n]


def _articles_repeated(k: int) -> str:
    return "\n\n".join(load_articles().values()) * k


def _padded_copyright_lines(n: int) -> str:
    """Twenty copyright lines, each padded with ``n // 20`` spaces, between quoted paragraphs."""
    pad = " " * (n // 20)
    return "".join(f"“The pier reopens in spring {i},” said Mara Lind.\n\n"
                   f"© 2025 Example Media{pad}Ltd\n\n" for i in range(20))


def _wrapped_articles(k: int) -> str:
    """The fixture articles ``k`` times, wrapped at 72 columns (the matching view joins them)."""
    import textwrap

    return "\n\n".join(textwrap.fill(p, 72) for p in _articles_repeated(k).split("\n\n")
                       if p.strip())


def _wrapped_with_page_numbers(n: int) -> str:
    """``n`` full lines of wrapped text, a page number and a hyphenated line end every fifth."""
    line = "the harbour board met on Tuesday and Mara Lind said the pier would reopen in the "
    return "".join(line + (f"re-\nPage {i}\nport " if i % 5 == 0 else "\n") for i in range(n))


def _capitals_after_wrapped_lines(n: int) -> str:
    """Wrapped lines, then one line of ``n`` capitals and no colon, then more wrapped lines."""
    return _wrapped_with_page_numbers(6) + "A" * n + " x\n" + _wrapped_with_page_numbers(6)


def _hyphenated_line_ends(n: int) -> str:
    """``n`` wrapped lines, every one ending in a word hyphenated across the line end."""
    line = "the harbour board met on Tuesday and Mara Lind said the pier would "
    return "".join(f"{line}un{i}-\nknown{i} " for i in range(n))


def _long_line_in_wrapped_text(n: int) -> str:
    """Wrapped lines around one line of ``n`` characters (words of capitals and hyphens)."""
    return _wrapped_with_page_numbers(6) + "MS-ROE " * (n // 7) + "\n" + (
        _wrapped_with_page_numbers(6))


def _speakers_text(n: int) -> str:
    return "".join(f"“Point {i} stands,” said {_invented_name(i)}.\n\n" for i in range(n))


@lru_cache(maxsize=8)
def _analysed(text: str) -> Article:
    """The article of ``text``, once: the report cases time the report, not the analysis."""
    return analyze(text)


def _report_of_articles(text: str) -> str:
    """The corpus report of the articles of ``text`` (separated by form feeds)."""
    return report_html([_analysed(part) for part in text.split("\f")])


def _small_articles(n: int) -> str:
    return "\f".join(f"“Pier {i} reopens,” said {_invented_name(i % 50)}. The board said it "
                      f"would meet {_invented_name(i * 3 % 70)}.\n" for i in range(n))


@dataclass(frozen=True)
class Case:
    """A family of adversarial texts: ``make(n)``, laddered from ``start`` to ``top``."""

    make: Callable[[int], str]
    start: int
    top: int
    full: int
    #: What is timed on ``make(n)`` (default :func:`quoteattr.extract`); it returns quotes
    #: (checked well-formed at full size), an object with ``text`` and ``quotes``, or a str.
    run: Callable[[str], Any] = extract


CASES: dict[str, Case] = {
    "unmatched_opening_quotes": Case(
        lambda n: "“We will win, said Mara Lind. " * n, 100, 4_000, 10_000
    ),
    "bare_opening_quotes": Case(lambda n: "“" * n, 2_000, 32_000, 10_000),
    "unmatched_closing_quotes": Case(
        lambda n: "We will win,” said Mara Lind. " * n, 100, 4_000, 10_000
    ),
    "single_paragraph": Case(_one_paragraph, 4_000, 256_000, 5_000_000),
    "apostrophes": Case(lambda n: "'" * n, 4_000, 128_000, 1_000_000),
    "apostrophes_in_words": Case(
        lambda n: "don't 'tis O'Dowd's rock'n'roll ‘90s ' " * n, 100, 6_400, 16_000
    ),
    "nested_quotes": Case(_nested_quotes, 64, 4_000, 10_000),
    "capitalised_words": Case(_capitalised_words, 500, 25_000, 50_000),
    "said_said_said": Case(lambda n: "said " * n, 500, 4_000, 20_000),
    "cue_words_and_marks": Case(
        lambda n: "said, told “said” according to ‘said’ he said that " * n, 64, 512, 2_000
    ),
    "line_without_spaces": Case(
        lambda n: "Abcdefghij.klmnop,qrstuvwxyz;" * n, 200, 8_000, 70_000
    ),
    "quotes_without_spaces": Case(lambda n: "Abc“def”ghi'jkl«m»" * n, 200, 1_600, 6_400),
    "newlines": Case(lambda n: "\n" * n, 4_000, 256_000, 100_000),
    "one_quote_per_line": Case(lambda n: "“Hi,” he said.\n" * n, 200, 16_000, 50_000),
    "pronoun_quotes_far_from_any_name": Case(
        lambda n: "Olek Dravin arrived.\n\n" + "“Yes,” he said.\n\n" * n, 200, 16_000, 40_000
    ),
    "many_distinct_speakers": Case(
        lambda n: "".join(
            f"“Point {i} stands,” said {_invented_name(i)}.\n\n" for i in range(n)
        ),
        64,
        3_200,
        10_000,
    ),
    "many_holders_of_one_role": Case(
        lambda n: "".join(
            f"President {_invented_name(i)} spoke. The president dismissed it. "
            f"“We will win,” he said. At the pier, the aide said so.\n\n" for i in range(n)
        ),
        250,
        4_000,
        4_000,
    ),
    "one_huge_quotation": Case(
        lambda n: "“" + "word " * n + "done,” said Mara Lind.\n", 500, 64_000, 200_000
    ),
    "realistic_articles_repeated": Case(_articles_repeated, 1, 32, 128),
    # A copyright sign and a long run of white space: the copyright-tail pattern tried its
    # white space from every position of the run (2.4 s at 16,000 spaces).
    "copyright_then_spaces": Case(lambda n: "©" + " " * n + "x", 1_000, 16_000, 100_000),
    "copyright_then_tabs": Case(lambda n: "©" + "\t" * n + "x", 1_000, 16_000, 100_000),
    "copyright_then_nbsp": Case(lambda n: "©" + "\u00a0" * n + "x", 1_000, 16_000, 100_000),
    "copyright_then_ideographic_spaces": Case(
        lambda n: "©" + "\u3000" * n + "x", 1_000, 16_000, 100_000
    ),
    "dash_then_spaces_in_a_copyright_line": Case(
        lambda n: "The pier reopened. -" + " " * n + "x ©", 1_000, 16_000, 100_000
    ),
    "padded_copyright_lines": Case(_padded_copyright_lines, 2_000, 64_000, 200_000),
    # the matching view (quoteattr.normalization): wrapped text, page numbers, capitals and
    # invisible characters
    "hard_wrapped_articles": Case(_wrapped_articles, 1, 16, 32),
    "wrapped_lines_with_page_numbers": Case(_wrapped_with_page_numbers, 250, 8_000, 20_000),
    "all_caps_articles": Case(lambda k: _articles_repeated(k).upper(), 1, 16, 32),
    # a long run of capitals on the line after a wrapped one: the new-paragraph test tried
    # every split of the run into four label words (3.7 s at 200 capitals)
    "capitals_after_wrapped_lines": Case(_capitals_after_wrapped_lines, 100, 6_400, 50_000),
    "zero_width_space_between_letters": Case(
        lambda n: "\u200b".join("“We will win,” said Mara Lind. " * n), 100, 3_200, 10_000),
    "hyphenated_line_ends": Case(_hyphenated_line_ends, 250, 1_000, 2_500),
    "long_line_in_wrapped_text": Case(_long_line_in_wrapped_text, 1_000, 64_000, 200_000),
    "all_caps_long_words": Case(
        lambda n: ("MARA LIND SAID " + "HARBOURMASTER" * (n // 13) + ". ") * 20, 500, 16_000,
        64_000),
    # HTML pages (quoteattr.webpage): the tokenizer and the tree of open elements
    "html_deep_nesting": Case(
        lambda n: "<div><section>" * n + "<p>“We will win,” said Mara Lind.</p>"
        + "</section></div>" * n, 500, 8_000, 20_000, run=extract_html),
    "html_unclosed_tags": Case(
        lambda n: "<div><span><p>“Yes,” he said. " * n, 250, 2_000, 5_000, run=extract_html),
    "html_ampersands": Case(lambda n: "<p>" + "&" * n + "</p>", 4_000, 32_000, 200_000,
                            run=extract_html),
    "html_entity_runs": Case(lambda n: "<p>" + "&amp&#x41&lt;x" * n + "</p>", 500, 4_000,
                             16_000, run=extract_html),
    "html_end_tags_never_opened": Case(lambda n: "<span><b>x" * n + "</div></p>" * n, 250,
                                       4_000, 8_000, run=extract_html),
    "html_huge_attribute": Case(lambda n: '<p class="' + "nav-menu " * n + '">x</p><p>y</p>',
                                1_000, 64_000, 200_000, run=extract_html),
    "html_unclosed_attribute_quotes": Case(lambda n: '<p a="x>“Yes,” he said.</p>' * n, 250,
                                           2_000, 5_000, run=extract_html),
    # the corpus report (quoteattr.report): colours given out over an article's speakers
    # (every pair of them was compared: 4.4 s for one article of 3,200 speakers)
    "report_of_one_article_with_many_speakers": Case(
        _speakers_text, 400, 1_600, 1_600, run=_report_of_articles),
    "report_of_many_articles": Case(_small_articles, 25, 200, 200, run=_report_of_articles),
}


def _best_time(text: str, repeats: int = 3, run: Callable[[str], Any] = extract) -> float:
    """Best CPU time of ``run(text)`` over a few runs, cyclic garbage collection paused.

    CPU time of this process (``time.process_time``), not wall-clock time, so another job
    sharing the machine's cores does not skew the ratios. The collector is paused because its
    full collections come at moments that depend on what else the process holds, not on the
    input; reference counting still frees the pipeline's objects.
    """
    best = float("inf")
    for i in range(repeats):
        gc.collect()
        gc.disable()
        try:
            t0 = time.process_time()
            run(text)
            elapsed = time.process_time() - t0
        finally:
            gc.enable()
        best = min(best, elapsed)
        if i >= 1 and elapsed > 0.3:  # long runs are stable enough: two are plenty
            break
    return best


@dataclass
class Ladder:
    """Timings of one case at doubling sizes, and whether the time grew too fast."""

    steps: list[tuple[int, float]] = field(default_factory=list)
    failure: str | None = None

    def describe(self) -> str:
        return ", ".join(f"n={n}: {t * 1000:.1f} ms" for n, t in self.steps)


def _too_fast(steps: list[tuple[int, float]]) -> str | None:
    """How the last two doublings grew too fast, or None; timings under the noise floor pass."""
    if len(steps) < 3:
        return None
    (n, t_n), _, (_, t_4n) = steps[-3:]
    if t_n < NOISE_FLOOR or t_4n / t_n < MAX_RATIO**2:
        return None
    return f"t(4n)/t(n) = {t_4n / t_n:.2f} at n={n} (>= {MAX_RATIO**2:.0f})"


def _remeasure(case: Case, steps: list[tuple[int, float]]) -> None:
    """Measure the last three sizes again, keeping each size's best: a GC pause or a busy
    neighbour can spoil one timing."""
    for k in range(len(steps) - 3, len(steps)):
        n, t = steps[k]
        steps[k] = (n, min(t, _best_time(case.make(n), repeats=5, run=case.run)))


@cache
def _ladder(name: str) -> Ladder:
    case = CASES[name]
    ladder = Ladder()
    n = case.start
    ladder.steps.append((n, _best_time(case.make(n), run=case.run)))

    def last_ratio_high() -> bool:
        (_, t_prev), (_, t_last) = ladder.steps[-2:]
        return t_prev >= NOISE_FLOOR and t_last / t_prev >= MAX_RATIO

    while (
        n < case.top
        or (ladder.steps[-1][1] < NOISE_FLOOR and n < case.top << EXTRA_DOUBLINGS)
        or (n == case.top and last_ratio_high())
    ):
        n *= 2
        ladder.steps.append((n, _best_time(case.make(n), run=case.run)))
        if _too_fast(ladder.steps) is not None:
            _remeasure(case, ladder.steps)
            failure = _too_fast(ladder.steps)
            if failure is not None:
                ladder.failure = f"{name}: {failure}; ladder: {ladder.describe()}"
                break
    return ladder


@pytest.mark.parametrize("name", list(CASES))
def test_doubling_input_at_most_about_doubles_the_time(name: str) -> None:
    ladder = _ladder(name)
    assert ladder.failure is None, ladder.failure


@dataclass(frozen=True)
class FullRun:
    """One run at full size: its time and the quotes it gave, or the error it raised."""

    text: str
    seconds: float
    quotes: list[Quote] | None
    error: BaseException | None


def _quotes_of(text: str, result: Any) -> tuple[str, list[Quote] | None]:
    """The text and quotes of a case's result (no quotes when it is rendered HTML)."""
    if isinstance(result, str):
        return text, None
    if hasattr(result, "quotes"):
        return result.text, list(result.quotes)
    return text, list(result)


@cache
def _full_run(name: str) -> FullRun:
    ladder = _ladder(name)
    if ladder.failure is not None:
        pytest.fail(f"not running the full size: time grows super-linearly. {ladder.failure}")
    text = CASES[name].make(CASES[name].full)
    gc.collect()
    gc.disable()  # as in the ladder's timings, which this run is compared with
    t0 = time.process_time()
    try:
        result, error = CASES[name].run(text), None
    except Exception as exc:  # reported by the tests below, with the case's name
        result, error = None, exc
    finally:
        gc.enable()
    seconds = time.process_time() - t0
    checked, quotes = (text, None) if error is not None else _quotes_of(text, result)
    return FullRun(checked, seconds, quotes, error)


@pytest.mark.parametrize("name", list(CASES))
def test_input_at_full_size_finishes_with_well_formed_quotes(name: str) -> None:
    run = _full_run(name)
    if run.error is not None:
        raise AssertionError(f"{name}: extract raised at full size") from run.error
    if run.quotes is not None:
        assert_well_formed(run.text, run.quotes)


@pytest.mark.parametrize("name", [n for n, c in CASES.items() if c.full > c.top])
def test_full_size_takes_about_the_linear_extrapolation_of_the_ladder(name: str) -> None:
    # The ladder stops at a few hundred kB; a quadratic term with a small constant only shows
    # beyond it. Compare the full-size time with the ladder's largest measured size, scaled
    # linearly: a linear pipeline stays near 1x, n log n a little above.
    run = _full_run(name)
    n_top, t_top = _ladder(name).steps[-1]
    if run.error is not None or t_top < NOISE_FLOOR or n_top >= CASES[name].full:
        pytest.skip("no measurable ladder below the full size to extrapolate from")
    linear = t_top * CASES[name].full / n_top
    ratio = run.seconds / linear
    assert ratio < MAX_RATIO, (
        f"{name}: full size n={CASES[name].full} took {run.seconds:.2f} s, {ratio:.1f}x the "
        f"linear extrapolation {linear:.2f} s of n={n_top}: {t_top * 1000:.1f} ms"
    )


def test_growth_check_flags_quadratic_time() -> None:
    steps = [(n, 1e-6 * n * n) for n in (100, 200, 400)]
    assert _too_fast(steps) is not None


def test_growth_check_passes_linear_time_with_one_cache_step() -> None:
    # One doubling 1.6x slower than linear (a cache size crossed), the next one linear again.
    steps = [(100, 0.1), (200, 0.32), (400, 0.64)]
    assert _too_fast(steps) is None


def test_growth_check_ignores_timings_under_the_noise_floor() -> None:
    steps = [(100, NOISE_FLOOR / 100), (200, NOISE_FLOOR / 2), (400, NOISE_FLOOR)]
    assert _too_fast(steps) is None


def test_full_sizes_are_as_advertised() -> None:
    assert CASES["unmatched_opening_quotes"].make(10_000).count("“") == 10_000
    assert len(CASES["single_paragraph"].make(5_000_000).encode("utf-8")) >= 5_000_000
    assert "\n" not in CASES["single_paragraph"].make(5_000_000)
    assert CASES["apostrophes"].make(1_000_000).count("'") == 1_000_000
    assert len(CASES["capitalised_words"].make(50_000).split()) == 50_000
    assert CASES["newlines"].make(100_000).count("\n") == 100_000
    assert " " not in CASES["line_without_spaces"].make(70_000)
    assert len(CASES["line_without_spaces"].make(70_000)) >= 2_000_000
    assert CASES["nested_quotes"].make(10_000).count("“") == 5_000


def test_invented_names_are_distinct() -> None:
    names = [_invented_name(i) for i in range(CASES["many_distinct_speakers"].full)]
    assert len(set(names)) == len(names)


def test_deeply_nested_quotes_do_not_exhaust_the_stack() -> None:
    text = _nested_quotes(50_000)
    assert_well_formed(text, extract(text))


# --- NLTK's wall-clock regex guard and Punkt's windows -----------------------------------------

_STOPS_PARAGRAPH = (
    "Mara Lind spoke at the pier. “We will win,” she said. Sen. Ruiz met Mr. Lund in the U.S. "
    "on Jan. 5 at 3 p.m. Tuesday. (She stayed.) Then what? Nobody knew! It ended.) “Why?!” No. "
    "A 2.5% rise. The No. 2 aide said it. Done.» Then... more… chains a.)b.)c. end. Tabs\tafter. "
    "Stops.\u00a0Here. Dashes.--next. ‘Fine.’ Next. J. R. Lund spoke. E.g. this. Done. "
)


def test_extract_does_not_raise_when_nltks_regex_guard_trips(monkeypatch: pytest.MonkeyPatch,
                                                             ) -> None:
    """NLTK 3.10 gives each of its regex calls a 5 s wall-clock limit; on a busy machine a long
    paragraph could raise ``TimeoutError``. With the limit at 0 every guarded call trips at
    once, deterministically: Punkt, as quoteattr builds it, has no guarded call left."""
    redos = pytest.importorskip("nltk.redos")
    text = ("Mara Lind spoke at the pier.\n\n" + _STOPS_PARAGRAPH
            + "\n\n“We will win,” Lind said. Sen. Ruiz left. “Never,” he said.\n")
    expected = extract(text)
    monkeypatch.setattr(redos, "DEFAULT_TIMEOUT", 0)
    assert extract(text) == expected
    assert len(expected) >= 3


@pytest.mark.parametrize("window", [8, 16, 40, 100])
def test_punkt_windows_give_the_answers_of_the_whole_paragraph(
    monkeypatch: pytest.MonkeyPatch, window: int
) -> None:
    text = _STOPS_PARAGRAPH * 3
    stops = [i for i, c in enumerate(text) if c in ".!?"]
    whole = sentence_ends_at(text, 0, len(text), stops)
    monkeypatch.setattr(segmentation, "PUNKT_WINDOW", window)
    windows = list(segmentation.punkt_windows(text, 0, len(text)))
    assert len(windows) > 3
    assert [a for a, _b, _r in windows[1:]] == [b for _a, b, _r in windows[:-1]]
    assert sentence_ends_at(text, 0, len(text), stops) == whole


def test_a_multi_megabyte_paragraph_gives_the_quotes_of_its_sentences() -> None:
    word = "harbourmasterships "

    def quote(i: int) -> str:
        return f"Pier {i} {word * 8}stands. The {word * 8}stays,"

    sentences = [f"“{quote(i)}” Lind said. {word * 4}followed." for i in range(5_000)]
    text = "Mara Lind spoke at the pier. " + " ".join(sentences)
    assert len(text) > 2_000_000 and "\n" not in text
    quotes = extract(text)
    assert [q.text for q in quotes] == [quote(i) for i in range(5_000)]
    assert {q.speaker.name for q in quotes if q.speaker} == {"Mara Lind"}
    assert all(q.speaker for q in quotes)
    # the same sentences as paragraphs of their own: the same quotes
    split = "Mara Lind spoke at the pier.\n\n" + "\n\n".join(sentences[:50])
    assert [q.text for q in extract(split)] == [quote(i) for i in range(50)]
