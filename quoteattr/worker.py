"""What a ``quoteattr serve`` analysis process runs: kept apart from the web stack, so that
the processes import only the pipeline (and the standard-library HTML reader)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from . import segmentation
from .output import records
from .pipeline import analyze
from .webpage import extract_html

__all__ = ["analyse_jobs", "analyse_pages", "warm_up"]

Record = dict[str, Any]
Job = tuple[str, str | None]  # (text or HTML, doc)


def analyse_jobs(jobs: Sequence[Job], options: dict[str, Any]) -> list[list[Record]]:
    """The records of each ``(text, doc)``, as ``quoteattr extract`` writes them."""
    return [list(records(analyze(text, **options).quotes, doc)) for text, doc in jobs]


def analyse_pages(jobs: Sequence[Job], options: dict[str, Any]) -> list[dict[str, Any]]:
    """For each ``(html, doc)``: the page's ``title``, its main ``text`` (what the offsets
    index) and its ``records`` as ``quoteattr extract page.html`` writes them (with
    ``source_start``/``source_end``, indices into ``html``)."""
    out = []
    for html, doc in jobs:
        result = extract_html(html, doc=doc, **options)
        out.append({"title": result.page.title, "text": result.text,
                    "records": result.records(doc)})
    return out


def warm_up() -> int:
    """Build the sentence tokenizer and run the pipeline once, on a text and on a page
    (imports, caches), so that a first request is not slower."""
    segmentation.sentence_tokenizer()  # imports NLTK: a short text never needs Punkt
    text = "Warm-up\n\n“Ready,” said Ada Quill.\n"
    page = analyse_pages([(f"<article><p>{text}</p></article>", None)], {})
    return len(analyse_jobs([(text, None)], {})[0]) + len(page[0]["records"])
