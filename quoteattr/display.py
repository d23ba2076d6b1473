"""Notebook display: quote lists and articles that render as highlighted HTML."""

from __future__ import annotations

from collections.abc import Iterable

from .model import Quote


class QuoteList(list[Quote]):
    """A plain ``list`` of quotes that remembers its article text (for ``_repr_html_``)."""

    def __init__(self, quotes: Iterable[Quote] = (), text: str = "") -> None:
        super().__init__(quotes)
        self.text = text
