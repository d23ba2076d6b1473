"""quoteattr.palette: 24 speaker colours that stay apart and are given out per corpus."""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Sequence

from quoteattr.palette import NO_SPEAKER, PALETTE, assign_colours


def _linear(c: float) -> float:
    c /= 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    return int(hex_colour[1:3], 16), int(hex_colour[3:5], 16), int(hex_colour[5:7], 16)


def _lab(hex_colour: str) -> tuple[float, float, float]:
    r, g, b = (_linear(c) for c in _rgb(hex_colour))
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def _contrast(a: str, b: str) -> float:
    la, lb = sorted((sum(w * _linear(c) for w, c in zip((0.2126, 0.7152, 0.0722), _rgb(h),
                                                         strict=True)) for h in (a, b)),
                    reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _min_delta_e(colours: list[str]) -> float:
    return min(math.dist(_lab(a), _lab(b)) for a, b in itertools.combinations(colours, 2))


def test_palette_has_24_colours_far_apart_in_lab() -> None:
    assert len(PALETTE) >= 24
    assert _min_delta_e([s for s, _ in PALETTE]) >= 19
    assert _min_delta_e([light for _, light in PALETTE]) >= 9


def test_no_speaker_grey_is_apart_from_every_speaker_fill() -> None:
    assert min(math.dist(_lab(NO_SPEAKER[1]), _lab(light)) for _, light in PALETTE) >= 9


def test_underlines_show_on_white_and_black_text_reads_on_fills() -> None:
    assert all(_contrast(strong, "#ffffff") >= 3 for strong, _ in PALETTE)
    assert all(_contrast(light, "#000000") >= 10 for _, light in PALETTE)


def test_one_article_gets_the_palette_in_order() -> None:
    keys = [f"speaker {i}" for i in range(30)]
    given = assign_colours(keys, [keys])
    assert [given[k] for k in keys[:24]] == list(range(24))
    assert assign_colours(keys) == given


def test_speakers_of_one_article_never_share_a_colour_in_a_big_corpus() -> None:
    # 60 speakers in all, 20 articles of 12 speakers each, overlapping.
    keys = [f"s{i}" for i in range(60)]
    articles = [[keys[(a * 7 + j) % 60] for j in range(12)] for a in range(20)]
    given = assign_colours(keys, articles)
    for members in articles:
        assert len({given[k] for k in members}) == len(members)
    assert set(given.values()) <= set(range(len(PALETTE)))


def _pairwise_colours(order: Sequence[str], groups: Sequence[Sequence[str]]) -> dict[str, int]:
    """The rule of :func:`assign_colours` spelled out over every pair of neighbours."""
    near: dict[str, set[str]] = {}
    for group in groups:
        for key in set(group):
            near.setdefault(key, set()).update(set(group) - {key})
    given: dict[str, int] = {}
    for key in order:
        if key in given:
            continue
        if not near.get(key):
            given[key] = len(given) % len(PALETTE)
            continue
        taken = [given[k] for k in near[key] if k in given]
        given[key] = min(range(len(PALETTE)), key=lambda i: (taken.count(i), i))
    return given


def test_colours_follow_the_neighbour_rule_on_random_corpora() -> None:
    rng = random.Random(7)
    for _ in range(300):
        keys = [f"k{i}" for i in range(rng.randint(1, 60))]
        groups = [rng.sample(keys, rng.randint(1, len(keys))) + rng.choices(keys, k=2)
                  for _ in range(rng.randint(0, 6))]
        groups += rng.choices(groups, k=rng.randint(0, 2)) if groups else []  # twice
        order = rng.sample(keys, len(keys)) + rng.choices(keys, k=3)
        assert assign_colours(order, groups) == _pairwise_colours(order, groups)
