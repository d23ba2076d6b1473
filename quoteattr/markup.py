"""Telling HTML from article text, so that a page passed to :func:`quoteattr.extract`
gets a warning instead of a silent, empty result."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

__all__ = ["HtmlInputWarning", "looks_like_html", "warn_if_html"]

#: How much of the start of a text :func:`looks_like_html` reads.
_SAMPLE = 20_000
#: Tags of HTML pages (not of a story that mentions ``<b>`` once): bounded, linear.
_TAG = re.compile(
    r"<(?:!doctype\s+html|/?(?:html|head|body|meta|link|script|style|div|p|span|a|br|"
    r"article|section|main|nav|header|footer|ul|ol|li|h[1-6]|img|table|tr|td)\b)[^<>]{0,500}>",
    re.IGNORECASE,
)
_PAGE_START = re.compile(r"\s*(?:<!--[^>]{0,500}-->\s*)?<(?:!doctype\s+html|html)\b",
                         re.IGNORECASE)
#: A text with at least this many tags in its sample is taken for HTML.
_MIN_TAGS = 4

_PACKAGE = str(Path(__file__).resolve().parent)


class HtmlInputWarning(UserWarning):
    """An HTML page was passed where article text was expected."""


def looks_like_html(text: str) -> bool:
    """True when ``text`` starts like an HTML page or holds several HTML tags."""
    sample = text[:_SAMPLE]
    if "<" not in sample:
        return False
    if _PAGE_START.match(sample):
        return True
    tags = 0
    for _ in _TAG.finditer(sample):
        tags += 1
        if tags >= _MIN_TAGS:
            return True
    return False


def warn_if_html(text: str, doc: str | None = None) -> None:
    """Warn with :class:`HtmlInputWarning` when ``text`` (named ``doc``) looks like HTML."""
    if looks_like_html(text):
        where = f"{doc}: " if doc is not None else ""
        warnings.warn(
            f"{where}this text looks like HTML: its tags and entities are read as words, so "
            "quotes are missed; use quoteattr.extract_html(html), or give the file an .html "
            "name for quoteattr extract, to take the page's main text first",
            HtmlInputWarning,
            stacklevel=_caller_level(),
        )


def _caller_level() -> int:
    """The ``stacklevel`` of the first frame outside this package (the caller's call)."""
    import sys

    level = 1
    frame = sys._getframe(1)
    while frame is not None and frame.f_code.co_filename.startswith(_PACKAGE):
        frame = frame.f_back  # type: ignore[assignment]
        level += 1
    return level
