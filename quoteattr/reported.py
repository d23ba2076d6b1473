"""Reported speech: indirect and mixed quotes (``Ruiz said that …``)."""

from __future__ import annotations

from collections.abc import Sequence

from .attribution import Resolved
from .model import Quote
from .quotemarks import Quotation
from .tokens import Tok


def find_reported(text: str, paras: Sequence[tuple[int, int, Sequence[Tok],
                                                   Sequence[Quotation]]],
                  resolved: Sequence[Resolved], headings: Sequence[tuple[int, int]],
                  include_headlines: bool) -> list[Quote]:
    """Indirect and mixed quotes, one per cue with clausal content."""
    return []


def merge(direct: list[Quote], reported: list[Quote]) -> list[Quote]:
    """All quotes in text order."""
    return sorted(direct + reported, key=lambda q: (q.start, q.end))
