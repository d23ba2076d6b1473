"""A linear-time HTML tokenizer that knows where every token is in the source.

The standard library's :class:`html.parser.HTMLParser` takes quadratic time on some
unfinished markup (thousands of ``<a `` or ``<!--`` without their ends) in the Python
versions quoteattr supports, so pages are tokenized here: every scan moves forward, and
the searches for ``>``, quotes and comment ends remember their last answer, so no part
of the source is read more than a few times.

As in a browser, a tag runs to the first ``>`` outside a quoted attribute value, and a
tag, comment, ``<!…>`` or ``<?…>`` that never ends hides the rest of the page; a ``<``
not followed by a letter, ``/``, ``!`` or ``?`` is text. The content of ``script``,
``style``, ``textarea``, ``title``, ``xmp``, ``iframe``, ``noembed`` and ``noframes`` is
raw text up to the matching end tag.
"""

from __future__ import annotations

import html as _html
import re
from collections.abc import Generator, Iterator

import attrs

__all__ = ["EndTag", "Reference", "StartTag", "Text", "Token", "tokens"]

RAW_TEXT = frozenset({"script", "style", "textarea", "title", "xmp", "iframe", "noembed",
                      "noframes"})

_TAG_NAME = re.compile(r"[A-Za-z][^\s/>]*")
_ATTR_NAME = re.compile(r"[^\s/>][^\s/>=]*")
_UNQUOTED = re.compile(r"[^\s>]*")
_SPACE = re.compile(r"[\s/]*")
_OPT_SPACE = re.compile(r"\s*")
_REFERENCE = re.compile(r"&(?:#[0-9]{1,10};?|#[xX][0-9a-fA-F]{1,8};?|[A-Za-z][A-Za-z0-9]{0,40};?)")
_TEXT_RUN = re.compile(r"[^<&]+")


@attrs.frozen(slots=True)
class StartTag:
    name: str
    attrs: dict[str, str]
    start: int
    end: int


@attrs.frozen(slots=True)
class EndTag:
    name: str
    start: int
    end: int


@attrs.frozen(slots=True)
class Text:
    """Characters as they are in the source, from ``start``."""

    text: str
    start: int


@attrs.frozen(slots=True)
class Reference:
    """A character reference ``source[start:end]`` (``&ldquo;``, ``&#8220;``, ``&amp``)."""

    start: int
    end: int


Token = StartTag | EndTag | Text | Reference


class _Finder:
    """``str.find`` for one needle, remembering its last answer: queries that move forward
    read each part of the source once."""

    def __init__(self, source: str, needle: str) -> None:
        self.source = source
        self.needle = needle
        self.asked = len(source) + 1  # nothing asked yet
        self.found = -1

    def __call__(self, start: int) -> int:
        if self.asked <= start and (self.found == -1 or self.found >= start):
            return self.found
        self.asked = start
        self.found = self.source.find(self.needle, start)
        return self.found


class _Tokenizer:
    """Text, references, comments and end tags; start tags are read by :class:`_StartTags`."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.gt = _Finder(source, ">")
        self.comment_end = _Finder(source, "-->")
        self.tags = _StartTags(source, self.gt)

    def run(self) -> Iterator[Token]:
        s, i, n = self.source, 0, len(self.source)
        while i < n:
            ch = s[i]
            if ch == "&":
                m = _REFERENCE.match(s, i)
                if m:
                    yield Reference(i, m.end())
                    i = m.end()
                else:
                    yield Text("&", i)
                    i += 1
            elif ch == "<":
                i = yield from self._markup(i)
            else:
                m = _TEXT_RUN.match(s, i)
                assert m is not None
                yield Text(m.group(), i)
                i = m.end()

    def _markup(self, i: int) -> Generator[Token, None, int]:
        """Tokens from the ``<`` at ``i``; returns where the next token starts."""
        s = self.source
        nxt = s[i + 1: i + 2]
        if nxt.isascii() and nxt.isalpha():
            return (yield from self.tags.read(i))
        if nxt == "/" and s[i + 2: i + 3].isascii() and s[i + 2: i + 3].isalpha():
            m = _TAG_NAME.match(s, i + 2)
            assert m is not None
            gt = self.gt(m.end())
            if gt == -1:
                return len(s)  # a tag that never ends hides the rest of the page
            yield EndTag(m.group().lower(), i, gt + 1)
            return gt + 1
        if s.startswith("<!--", i):
            end = self.comment_end(i + 4)
            return len(s) if end == -1 else end + 3
        if nxt in ("!", "?", "/"):
            gt = self.gt(i + 2)
            return len(s) if gt == -1 else gt + 1
        yield Text("<", i)
        return i + 1


class _StartTags:
    """A start tag with its attributes, and the raw text (``<script>``…) that follows."""

    def __init__(self, source: str, gt: _Finder) -> None:
        self.source = source
        self.gt = gt
        self.quote = {'"': _Finder(source, '"'), "'": _Finder(source, "'")}
        self.raw_ends: dict[str, re.Pattern[str]] = {}

    def read(self, i: int) -> Generator[Token, None, int]:
        """The start tag at ``i`` (then any raw text); returns where the next token starts."""
        s = self.source
        m = _TAG_NAME.match(s, i + 1)
        assert m is not None
        name = m.group().lower()
        found: dict[str, str] = {}
        j = m.end()
        while True:
            j = _SPACE.match(s, j).end()  # type: ignore[union-attr]
            if j >= len(s):
                return j  # a tag that never ends hides the rest of the page
            if s[j] == ">":
                break
            a = _ATTR_NAME.match(s, j)
            assert a is not None
            j, value = _attr_value(s, self.quote, a.end())
            found.setdefault(a.group().lower(), value)
        yield StartTag(name, found, i, j + 1)
        if name in RAW_TEXT:
            return (yield from self._raw_text(name, j + 1))
        return j + 1

    def _raw_text(self, name: str, start: int) -> Generator[Token, None, int]:
        """The content of a raw-text element, then its end tag."""
        pattern = self.raw_ends.get(name)
        if pattern is None:
            pattern = self.raw_ends[name] = re.compile("</" + name, re.IGNORECASE)
        found = pattern.search(self.source, start)
        end = len(self.source) if found is None else found.start()
        if end > start:
            yield Text(self.source[start:end], start)
        if end == len(self.source):
            return end
        gt = self.gt(end)
        close = len(self.source) if gt == -1 else gt + 1
        yield EndTag(name, end, close)
        return close


def _attr_value(s: str, quote: dict[str, _Finder], j: int) -> tuple[int, str]:
    """After an attribute's name at ``j``: where its value ends, and the value (a
    quote that never closes runs to the end of the page)."""
    k = _OPT_SPACE.match(s, j).end()  # type: ignore[union-attr]
    if not s.startswith("=", k):
        return j, ""
    k = _OPT_SPACE.match(s, k + 1).end()  # type: ignore[union-attr]
    q = s[k: k + 1]
    if q in quote:
        close = quote[q](k + 1)
        if close == -1:
            return len(s), ""
        return close + 1, _html.unescape(s[k + 1: close])
    v = _UNQUOTED.match(s, k)
    assert v is not None
    return v.end(), _html.unescape(v.group())


def tokens(source: str) -> Iterator[Token]:
    """The tokens of ``source`` in order; text and references cover every character
    outside markup, each with its place in ``source``."""
    return _Tokenizer(source).run()
