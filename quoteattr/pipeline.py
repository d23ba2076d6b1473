"""The pipeline: text → segments → candidate quotes → speakers → :class:`Quote`."""

from __future__ import annotations

from collections.abc import Iterable

from .model import Article, Quote, QuoteKind


def analyze(
    text: str,
    *,
    include_headlines: bool = False,
    kinds: Iterable[QuoteKind | str] | None = None,
    min_confidence: float = 0.0,
    doc: str | None = None,
) -> Article:
    """Run the whole pipeline on one article; see :func:`extract` for the options."""
    if not isinstance(text, str):
        raise TypeError(
            f"quoteattr expects article text as str, got {type(text).__name__}; "
            "decode bytes with quoteattr.decode() first"
        )
    return Article(text=text, quotes=(), speakers=(), doc=doc)


def extract(
    text: str,
    *,
    include_headlines: bool = False,
    kinds: Iterable[QuoteKind | str] | None = None,
    min_confidence: float = 0.0,
) -> list[Quote]:
    """Quotes in ``text``, in order of position.

    ``include_headlines``: also report speech in headlines and subheads.
    ``kinds``: only these kinds (``"direct"``, ``"mixed"``, ``"indirect"``).
    ``min_confidence``: drop quotes below this confidence.
    """
    return list(
        analyze(
            text, include_headlines=include_headlines, kinds=kinds, min_confidence=min_confidence
        ).quotes
    )
