"""Web pages: the main text of an HTML page, and where each of its characters came from.

:func:`page_text` reads the page with :mod:`quoteattr.htmltokens` (a linear-time
tokenizer; no dependency) and keeps the article body: the largest ``<article>``,
``<main>``, ``role="main"`` or ``itemprop="articleBody"`` element when the page has one
(else the element whose text and paragraphs hold the most text), without scripts, styles,
JSON-LD, navigation, headers and footers outside the article, forms, asides, figures,
hidden elements, elements whose class or id names page furniture (cookie banners,
newsletters, share bars, comments, related links …) and blocks that are mostly links.
Entities (``&ldquo;``, ``&#8220;``, ``&nbsp;``) are decoded; runs of white space become
one space; blocks (paragraphs, headings, list items, ``<br>``) are separated by a blank
line. See docs/input-formats.md.

Every character of :attr:`WebPage.text` knows the range of the HTML source it came from
(indices into the decoded HTML string :attr:`WebPage.html`): a letter its own position,
an entity its whole ``&…;``, a collapsed space the first white-space character of its run.
"""

from __future__ import annotations

import array
import html as _html
import os
import re
import warnings
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from .htmltokens import Reference, StartTag, Text, tokens
from .io import DecodeError, _read_bounded, decode
from .lexicon import pages
from .markup import HtmlInputWarning
from .model import Article, Quote
from .output import records
from .pipeline import analyze

__all__ = ["HtmlArticle", "WebPage", "extract_html", "page_text", "read_html"]

#: Elements whose content is never article text.
_SKIP_TAGS = frozenset({
    "script", "style", "title", "noscript", "template", "svg", "math", "head", "nav", "footer",
    "aside", "form", "button", "select", "textarea", "iframe", "object", "embed", "canvas",
    "figure", "dialog", "label", "menu",
})
#: Elements that end a block of text (and start the next).
_BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd",
    "details", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1",
    "h2", "h3", "h4", "h5", "h6", "header", "hr", "html", "li", "main", "nav", "ol", "p", "pre",
    "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
})
_VOID_TAGS = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr",
})
#: Elements a new one of the same name closes (``<p>a<p>b``).
_SELF_CLOSING = frozenset({"p", "li", "dt", "dd", "tr", "td", "th", "option"})
_SKIP_ROLES = frozenset({
    "navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog",
    "menu", "menubar", "toolbar", "alert",
})
_RUN = re.compile(r"\s+|\S+")
_WORD_SPLIT = re.compile(r"[\s_\-]+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
#: A block with at least this share of its characters inside links is dropped.
_LINK_DENSITY = 0.5
_META_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?([A-Za-z0-9_.:-]{1,40})",
                           re.IGNORECASE)


@attrs.frozen(slots=True, eq=False)
class WebPage:
    """An HTML page and its main text; ``text[i]`` came from ``html[starts[i]:ends[i]]``."""

    html: str
    text: str
    title: str | None
    starts: array.array[int] = attrs.field(repr=False)
    ends: array.array[int] = attrs.field(repr=False)

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The range of :attr:`html` that ``text[start:end]`` came from (``start < end``:
        from the first character's source to the end of the last one's)."""
        if not 0 <= start < end <= len(self.text):
            raise ValueError(f"not a range of the page text: {start}-{end}")
        return self.starts[start], self.ends[end - 1]

    def __repr__(self) -> str:
        return f"WebPage(title={self.title!r}, {len(self.html)} HTML → {len(self.text)} text)"


@attrs.frozen(slots=True, eq=False)
class HtmlArticle:
    """:func:`extract_html`'s result: the page, and the :class:`Article` of its text.

    Quote offsets index :attr:`text`; :meth:`source_span` maps them to the HTML.
    """

    page: WebPage
    article: Article

    @property
    def text(self) -> str:
        return self.page.text

    @property
    def html(self) -> str:
        return self.page.html

    @property
    def quotes(self) -> tuple[Quote, ...]:
        return self.article.quotes

    def source_span(self, quote: Quote) -> tuple[int, int]:
        """``quote``'s range in :attr:`html` (see :meth:`WebPage.source_span`)."""
        return self.page.source_span(quote.start, quote.end)

    def records(self, doc: str | None = None) -> list[dict[str, Any]]:
        """The quote records (see :func:`quoteattr.output.records`), each with
        ``source_start`` and ``source_end`` after ``end``."""
        return [with_source(rec, self.page) for rec in records(self.quotes, doc)]

    def __repr__(self) -> str:
        return f"HtmlArticle({self.page!r}, {len(self.quotes)} quotes)"


def with_source(rec: Mapping[str, Any], page: WebPage) -> dict[str, Any]:
    """``rec`` with ``source_start``/``source_end`` (its text's range in the HTML)
    inserted after ``end``."""
    start, end = page.source_span(int(rec["start"]), int(rec["end"]))
    out: dict[str, Any] = {}
    for key, value in rec.items():
        out[key] = value
        if key == "end":
            out["source_start"], out["source_end"] = start, end
    return out


# ---------------------------------------------------------------- parsing


@attrs.define
class _Block:
    parts: list[str] = attrs.Factory(list)
    size: int = 0  # characters in the parts
    starts: array.array[int] = attrs.Factory(lambda: array.array("q"))
    ends: array.array[int] = attrs.Factory(lambda: array.array("q"))
    linked: int = 0  # characters inside links
    element: int | None = None  # the number of the innermost element it is in


@attrs.define
class _Open:
    tag: str
    skip: bool
    element: int
    container: bool  # an article, main … element


def _is_container(tag: str, attrs_: Mapping[str, str]) -> bool:
    return (tag in ("article", "main") or attrs_.get("role") == "main"
            or attrs_.get("itemprop") == "articleBody")


def _is_furniture(tag: str, attrs_: Mapping[str, str], in_container: bool) -> bool:
    """Whether the element is page furniture (see the module's description). The page
    (``html``, ``body``) and an article container are so only when hidden: their classes
    often name the layout around them (``has-sidebar``, ``comment-piece``)."""
    if tag in _SKIP_TAGS or (tag == "header" and not in_container):
        return True
    if "hidden" in attrs_ or attrs_.get("aria-hidden") == "true":
        return True
    if attrs_.get("role") in _SKIP_ROLES or _HIDDEN_STYLE.search(attrs_.get("style", "")):
        return True
    if tag in ("html", "body") or _is_container(tag, attrs_):
        return False
    for name in (attrs_.get("class", ""), attrs_.get("id", "")):
        furniture = pages.FURNITURE_CLASS_WORDS
        for cls in name.lower().split():
            words = [w for w in _WORD_SPLIT.split(cls) if w]
            if "".join(words) in furniture or any(w in furniture for w in words):
                return True
    return False


class _Structure:
    """The open elements (with counts of open tags, furniture, links and containers) and
    every element numbered as it opens, so an element's descendants are the numbers from
    its own up to (not including) the count of elements when it closed."""

    def __init__(self) -> None:
        self.stack = [_Open("#document", False, 0, False)]  # never closed
        self.open_tags: dict[str, int] = {}  # how many of each tag are open
        self.skipping = 0
        self.links = 0
        self.containers_open = 0
        self.parents: list[int | None] = [None]
        self.closed_at: list[int | None] = [None]
        self.is_container: list[bool] = [False]

    def push(self, tag: str, found: Mapping[str, str]) -> None:
        """Open element ``tag`` with attributes ``found``."""
        skip = _is_furniture(tag, found, self.containers_open > 0)
        container = not skip and _is_container(tag, found)
        element = len(self.parents)
        self.parents.append(self.stack[-1].element)
        self.closed_at.append(None)
        self.is_container.append(container)
        self.containers_open += container
        self.stack.append(_Open(tag, skip, element, container))
        self.open_tags[tag] = self.open_tags.get(tag, 0) + 1
        self.skipping += skip
        self.links += tag == "a"

    def pop(self) -> str:
        opened = self.stack.pop()
        self.open_tags[opened.tag] -= 1
        self.skipping -= opened.skip
        self.links -= opened.tag == "a"
        self.containers_open -= opened.container
        self.closed_at[opened.element] = len(self.parents)
        return opened.tag

    def close(self, tag: str) -> None:
        """Close the innermost open ``tag`` and what is open inside it (none open: no-op)."""
        if self.open_tags.get(tag):
            while self.pop() != tag:
                pass


class _BlockWriter:
    """The text blocks written so far, the one being written and a pending space."""

    def __init__(self) -> None:
        self.blocks: list[_Block] = []
        self.block = _Block()
        self.space: tuple[int, int] | None = None

    def end_block(self) -> None:
        if self.block.size:
            self.blocks.append(self.block)
        self.block = _Block()
        self.space = None

    def write(self, text: str, start: int, end: int | None, links: int) -> None:
        """Add ``text`` found at ``start`` (``end``: see :meth:`_Extractor._text`)."""
        if end is not None:
            for ch in text:
                if ch.isspace():
                    self._space(start, end)
                else:
                    self._add(ch, start, end, links)
            return
        for m in _RUN.finditer(text):
            at = start + m.start()
            if m.group()[0].isspace():
                self._space(at, at + 1)
            else:
                self._add(m.group(), at, None, links)

    def _space(self, start: int, end: int) -> None:
        if self.block.size and self.space is None:
            self.space = (start, end)

    def _add(self, run: str, start: int, end: int | None, links: int) -> None:
        """Add characters without white space (``links``: how many links are open)."""
        b = self.block
        if self.space is not None:
            b.parts.append(" ")
            b.starts.append(self.space[0])
            b.ends.append(self.space[1])
            b.size += 1
            b.linked += links > 0
            self.space = None
        n = len(run)
        b.parts.append(run)
        if end is None:
            b.starts.extend(range(start, start + n))
            b.ends.extend(range(start + 1, start + n + 1))
        else:
            b.starts.extend([start] * n)
            b.ends.extend([end] * n)
        b.size += n
        if links:
            b.linked += n


class _Extractor:
    """Collects the text blocks of a page with each character's source range."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.tree = _Structure()
        self.out = _BlockWriter()
        self.title: list[str] | None = None
        self.title_text: str | None = None

    def feed(self) -> None:
        for token in tokens(self.source):
            if isinstance(token, Text):
                self._text(token.text, token.start, None)
            elif isinstance(token, Reference):
                for text, start, end in _decoded(self.source, token.start, token.end):
                    self._text(text, start, end)
            elif isinstance(token, StartTag):
                self.handle_starttag(token.name, token.attrs)
            else:
                self.handle_endtag(token.name)

    def handle_starttag(self, tag: str, found: Mapping[str, str]) -> None:
        if tag == "title" and self.title_text is None:
            self.title = []
        if tag in _BLOCK_TAGS:
            self.out.end_block()
        if tag in _VOID_TAGS:
            return
        if tag in _SELF_CLOSING and self.tree.stack[-1].tag == tag:
            self.tree.pop()
        self.tree.push(tag, found)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self.title is not None:
            title = _html.unescape("".join(self.title))  # the raw text of the element
            self.title_text = " ".join(title.split()) or None
            self.title = None
        if tag in _BLOCK_TAGS:
            self.out.end_block()
        self.tree.close(tag)

    def _text(self, text: str, start: int, end: int | None) -> None:
        """Add ``text`` found at ``start`` (``end``: one reference's end, the source of
        all of ``text``; else each character is its own source position)."""
        if self.title is not None:
            self.title.append(text)
        if self.tree.skipping:
            return
        if not self.out.block.size:
            self.out.block.element = self.tree.stack[-1].element
        self.out.write(text, start, end, self.tree.links)

    def finish(self) -> list[_Block]:
        self.out.end_block()
        return _main_blocks(self.tree, self.out.blocks)


def _decoded(source: str, start: int, end: int) -> list[tuple[str, int, int | None]]:
    """The reference ``source[start:end]`` as text pieces with their sources."""
    raw = source[start:end]
    decoded = _html.unescape(raw)
    if decoded == raw:  # not an entity: the characters as they are
        return [(raw, start, None)]
    for k in range(2, len(raw)):  # ``&ampx``: the entity ``&amp``, then ``x``
        head = _html.unescape(raw[:k])
        if head != raw[:k] and decoded == head + raw[k:]:
            return [(head, start, start + k), (raw[k:], start + k, None)]
    return [(decoded, start, end)]


def _main_blocks(tree: _Structure, blocks: list[_Block]) -> list[_Block]:
    """The blocks of the main text, less those that are mostly links: those of the
    container (``article``, ``main`` …) holding the most text, else those of the
    element whose own text and paragraphs hold the most (:func:`_best_by_score`)."""
    sizes = _subtree_sizes(tree.parents, blocks)
    containers = [e for e, c in enumerate(tree.is_container) if c and sizes[e]]
    if containers:
        best: int | None = max(containers, key=lambda e: (sizes[e], e))  # ties: inner
    else:
        best = _best_by_score(tree.parents, blocks)
    if best is not None:
        end = tree.closed_at[best]
        last = len(tree.parents) if end is None else end
        blocks = [b for b in blocks if b.element is not None and best <= b.element < last]
    return [b for b in blocks if b.linked < _LINK_DENSITY * b.size]


def _subtree_sizes(parents: list[int | None], blocks: list[_Block]) -> list[int]:
    """Characters of text below each element."""
    size = [0] * len(parents)
    for b in blocks:
        if b.element is not None:
            size[b.element] += b.size
    for e in range(len(size) - 1, -1, -1):  # an element opens after its parent
        parent = parents[e]
        if parent is not None:
            size[parent] += size[e]
    return size


def _best_by_score(parents: list[int | None], blocks: list[_Block]) -> int | None:
    """The element scoring most: the text of a block counts fully for the element it
    is in and that element's parent, half for the grandparent (as Readability scores
    a paragraph's parents)."""
    score = [0.0] * len(parents)
    for b in blocks:
        e, weight = b.element, 1.0
        for step in range(3):
            if e is None:
                break
            score[e] += weight * b.size
            e = parents[e]
            weight = 0.5 if step >= 1 else 1.0
    if not score or max(score) == 0:
        return None
    return max(range(len(score)), key=lambda e: (score[e], e))


def page_text(html: str) -> WebPage:
    """The main text of the HTML page ``html`` (see the module's description)."""
    if not isinstance(html, str):
        raise TypeError(f"page_text() expects the HTML as str, got {type(html).__name__}; "
                        "use quoteattr.read_html(path) for a file")
    parser = _Extractor(html)
    parser.feed()
    blocks = parser.finish()
    parts: list[str] = []
    starts = array.array("q")
    ends = array.array("q")
    for b in blocks:
        if parts:
            parts.append("\n\n")
            starts.extend((b.starts[0], b.starts[0]))
            ends.extend((b.starts[0], b.starts[0]))
        parts.extend(b.parts)
        starts.extend(b.starts)
        ends.extend(b.ends)
    return WebPage(html, "".join(parts), parser.title_text, starts, ends)


def decode_html(data: bytes) -> str:
    """HTML bytes as text: UTF-8 (see :func:`quoteattr.decode`), or the page's declared
    ``<meta charset>`` when the bytes are not UTF-8 and the page names another one."""
    try:
        return decode(data)
    except DecodeError as exc:
        found = _META_CHARSET.search(data[:4096])
        charset = found.group(1).decode("ascii").lower() if found else None
        if charset is None or charset.replace("-", "") == "utf8":
            raise
        try:
            return data.decode(charset)
        except (LookupError, UnicodeError):  # (``undefined`` raises UnicodeError itself)
            raise exc from None


def read_html(path: str | os.PathLike[str], *, max_bytes: int | None = None) -> WebPage:
    """Read an HTML file and take its main text (:func:`page_text`); errors name the file.

    The bytes are UTF-8, or the encoding the page declares in ``<meta charset>``.
    ``max_bytes``: as for :func:`quoteattr.read_article`.
    """
    data = Path(path).read_bytes() if max_bytes is None else _read_bounded(path, max_bytes)
    try:
        return page_text(decode_html(data))
    except DecodeError as exc:
        raise exc.with_path(path) from None


def extract_html(html: str | WebPage, *, doc: str | None = None,
                 **options: Any) -> HtmlArticle:
    """Quotes of a web page: its main text (:func:`page_text`) analysed by
    :func:`quoteattr.analyze` with ``options``.

    ``html`` is the page's HTML as ``str``, or a :class:`WebPage` from :func:`read_html`.
    The quotes' offsets index the result's ``.text``; ``.source_span(quote)`` and
    ``.records()`` (``source_start``, ``source_end``) give their range in the HTML.
    """
    page = html if isinstance(html, WebPage) else page_text(html)
    with warnings.catch_warnings():  # the text of a page that shows HTML code is no page
        warnings.simplefilter("ignore", HtmlInputWarning)
        article = analyze(page.text, doc=doc, **options)
    return HtmlArticle(page, article)
