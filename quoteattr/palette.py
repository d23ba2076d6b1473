"""Speaker colours: 24 pairs that stay apart, given out so that speakers who appear in the
same article never share one while the palette lasts.

Each entry is a ``(strong, light)`` pair: ``strong`` (contrast at least 3:1 on white) draws
underlines and outlines, ``light`` (contrast at least 10:1 with black text) fills direct
quotes. Every two strong colours are at least 19 and every two light ones at least 9 apart
in CIE L*a*b* (ΔE 1976), chosen by farthest-point search; tests/test_palette.py checks it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

__all__ = ["NO_SPEAKER", "PALETTE", "assign_colours"]

#: The speaker colours, most distinct first.
PALETTE: tuple[tuple[str, str], ...] = (
    ("#2d75b4", "#afcbe2"), ("#1ba71b", "#a8dea8"), ("#db2424", "#f1acac"),
    ("#c324db", "#e8acf1"), ("#b4872d", "#e2d1af"), ("#8d3581", "#d4b2cf"),
    ("#1ba78b", "#a8ded3"), ("#2448db", "#acb9f1"), ("#76372d", "#cbb3af"),
    ("#45762d", "#b8cbaf"), ("#db2492", "#f1acd6"), ("#35358d", "#b2b2d4"),
    ("#c1551f", "#e7beaa"), ("#6f1ba7", "#c8a8de"), ("#2d7676", "#afcbcb"),
    ("#c11f55", "#e7aabe"), ("#1ba753", "#a8debe"), ("#3c24db", "#b5acf1"),
    ("#849b27", "#d0d9ad"), ("#765e2d", "#cbc2af"), ("#1fa1c1", "#aadbe7"),
    ("#246ddb", "#acc8f1"), ("#832141", "#d0abb7"), ("#b4362d", "#e2b3af"),
)

#: Colours of a quote with no speaker.
NO_SPEAKER: tuple[str, str] = ("#8a8a8a", "#dddddd")


def _neighbours(groups: Iterable[Sequence[str]]) -> dict[str, set[str]]:
    """For each key, the other keys it shares a group (an article) with."""
    near: dict[str, set[str]] = {}
    for group in groups:
        members = set(group)
        for key in members:
            near.setdefault(key, set()).update(members - {key})
    return near


def assign_colours(order: Sequence[str], groups: Iterable[Sequence[str]] = ()
                   ) -> dict[str, int]:
    """A palette index for each key of ``order`` (most important first): the first index
    no key of a shared group has yet, else the one fewest of them have.

    With one group, the keys get 0, 1, 2, … in order (repeating after 24).
    """
    near = _neighbours(groups)
    given: dict[str, int] = {}
    for key in order:
        if key in given:
            continue
        taken = [given[k] for k in near.get(key, ()) if k in given]
        if not near.get(key):  # alone, or no groups: in turn
            given[key] = len(given) % len(PALETTE)
            continue
        given[key] = min(range(len(PALETTE)), key=lambda i: (taken.count(i), i))
    return given
