"""Speaker colours: 24 pairs that stay apart, given out so that speakers who appear in the
same article never share one while the palette lasts.

Each entry is a ``(strong, light)`` pair: ``strong`` (contrast at least 3:1 on white) draws
underlines and outlines, ``light`` (contrast at least 10:1 with black text) fills direct
quotes. Every two strong colours are at least 19 and every two light ones at least 9 apart
in CIE L*a*b* (ΔE 1976), chosen by farthest-point search; tests/test_palette.py checks it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

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


def _groups_of(groups: list[frozenset[str]]) -> dict[str, list[int]]:
    """For each key, the groups (indices) it shares with another key."""
    of: dict[str, list[int]] = {}
    for g, members in enumerate(groups):
        for key in members:
            of.setdefault(key, []).append(g)
    return of


def _taken(key: str, mine: list[int], groups: list[frozenset[str]],
           counts: list[Counter[int]], given: Mapping[str, int]) -> Counter[int]:
    """How many of ``key``'s neighbours have each colour (one group: its running count,
    so one large article costs no pairs)."""
    if len(mine) == 1:
        return counts[mine[0]]
    near = set().union(*(groups[g] for g in mine))
    near.discard(key)
    return Counter(given[k] for k in near if k in given)


def assign_colours(order: Sequence[str], groups: Iterable[Sequence[str]] = ()
                   ) -> dict[str, int]:
    """A palette index for each key of ``order`` (most important first): the first index
    no key of a shared group has yet, else the one fewest of them have.

    With one group, the keys get 0, 1, 2, … in order (repeating after 24).
    """
    shared = [m for m in dict.fromkeys(frozenset(g) for g in groups) if len(m) > 1]
    of = _groups_of(shared)
    counts: list[Counter[int]] = [Counter() for _ in shared]
    given: dict[str, int] = {}
    for key in order:
        if key in given:
            continue
        mine = of.get(key)
        if not mine:  # alone, or no groups: in turn
            given[key] = len(given) % len(PALETTE)
            continue
        taken = _taken(key, mine, shared, counts, given)
        given[key] = min(range(len(PALETTE)), key=lambda i: (taken[i], i))
        for g in mine:
            counts[g][given[key]] += 1
    return given
