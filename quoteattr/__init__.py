"""quoteattr: who said what in English news articles."""

from .batch import BatchResult, extract_many
from .corpus import summary
from .display import article_to_html
from .explanation import Explanation, explain
from .folders import extract_folder
from .frames import QuoteList, to_dataframe
from .io import DecodeError, decode, read_article
from .markup import HtmlInputWarning
from .model import (
    SCHEMA_VERSION,
    Article,
    GenderEvidence,
    Provenance,
    Quote,
    QuoteKind,
    Span,
    Speaker,
    SpeakerType,
)
from .pipeline import analyze, extract
from .spreadsheets import read_table
from .webpage import HtmlArticle, WebPage, extract_html, read_html

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "Article",
    "GenderEvidence",
    "Provenance",
    "Quote",
    "QuoteKind",
    "Span",
    "Speaker",
    "SpeakerType",
    "analyze",
    "extract",
    "explain",
    "Explanation",
    "BatchResult",
    "extract_many",
    "extract_folder",
    "QuoteList",
    "article_to_html",
    "to_dataframe",
    "summary",
    "DecodeError",
    "decode",
    "read_article",
    "HtmlInputWarning",
    "HtmlArticle",
    "WebPage",
    "extract_html",
    "read_html",
    "read_table",
    "__version__",
]
