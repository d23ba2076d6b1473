"""quoteattr: who said what in English news articles."""

from .model import (
    SCHEMA_VERSION,
    Article,
    Provenance,
    Quote,
    QuoteKind,
    Span,
    Speaker,
    SpeakerType,
)
from .pipeline import analyze, extract

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "Article",
    "Provenance",
    "Quote",
    "QuoteKind",
    "Span",
    "Speaker",
    "SpeakerType",
    "analyze",
    "extract",
    "__version__",
]
