"""A matching view of the caller's text: what looks the same reads the same.

The pipeline reads :attr:`View.text` and maps every offset it reports back with
:meth:`View.start` / :meth:`View.end`, so offsets always index the caller's string. Each change
is a named rule (``NORMALIZATION_RULES``), made only where its evidence is found:

- ``space-variants``: a no-break, narrow, figure or ideographic space reads as a space;
- ``invisible-characters``: zero-width characters, word joiners, byte-order marks and soft
  hyphens read as nothing (``sa\\u00adid`` is ``said``; ``”\\u200b said`` is ``” said``);
- ``hard-wrap``: in text wrapped at a fixed width (e-mail, wire copy, PDF extraction) a line
  broken only because its next word did not fit reads as one paragraph with its next line;
- ``line-end-hyphen``: in wrapped text ``re-`` at a line end before ``port`` rejoins ``report``
  when the text has that word elsewhere, it is a reporting verb or the text has page headers
  (a PDF); ``long-`` before ``delayed`` keeps its hyphen;
- ``page-header``: in wrapped text a ``Page 2`` header or footer line reads as nothing, so a
  paragraph broken by a page goes on;
- ``all-caps``: text written in capitals reads in mixed case: the words of the lexicons (cue
  verbs, function words, roles, source nouns) in lower case, other words capitalised as
  names are (``SAID MAYOR JANE ROE`` reads ``said mayor Jane Roe``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator

import attrs
import regex

from .lexicon import cues as cue_lexicon
from .lexicon import grammar, pronouns, sources, titles
from .lexicon import mentions as lex_mentions
from .model import Quote, Span
from .segmentation import Segment, segment

__all__ = ["NORMALIZATION_RULES", "View", "in_callers_text", "read_segments", "view"]

NORMALIZATION_RULES: dict[str, str] = {
    "space-variants": "no-break, narrow, figure and ideographic spaces read as spaces",
    "invisible-characters": "zero-width characters and soft hyphens read as nothing",
    "hard-wrap": "a line broken only because the next word did not fit joins its next line",
    "line-end-hyphen": "a word hyphenated across a wrapped line end rejoins",
    "page-header": "a page header or footer line of wrapped text reads as nothing",
    "all-caps": "text in capitals reads in mixed case: lexicon words lower, others capitalised",
}

_SPACES = regex.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = regex.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")
_SPECIAL = regex.compile(r"[\u00a0\u00ad\u2000-\u200d\u202f\u205f\u2060\u3000\ufeff]")
#: ``Harbour News    Page 2``, ``Page 3 of 9``, ``- 4 -``, a lone page number.
_PAGE_HEADER = regex.compile(
    r"(?:[^\n]{0,100}?\s)?(?:Page|PAGE|p\.)\s?\d{1,4}(?:\s?(?:of|/)\s?\d{1,4})?"
    r"|[-–]?\s?\d{1,4}\s?[-–]?")
#: A line opening a new paragraph even right after a full line (``Q:``, ``MS. ROE:``, ``- ``).
#: (Each word possessive, so a long run of capitals with no colon fails at once.)
_NEW_PARAGRAPH = regex.compile(r"(?:\p{Lu}[\p{Lu}\p{L}.'’-]*+[ ]?){1,4}:\s|[-*•]\s")
_FIRST_WORD = regex.compile(r"\S+")
_LETTERS = regex.compile(r"\p{L}+")
_WORD_END = regex.compile(r"\p{L}+$")
#: Widest and narrowest line width taken for a wrapped text.
MAX_WRAP_WIDTH = 100
MIN_WRAP_WIDTH = 40
#: A line this close to the width is a full one.
FULL_LINE_SLACK = 12
#: Lines that must be full before a text counts as wrapped.
MIN_FULL_LINES = 3


@attrs.frozen(slots=True)
class _Edit:
    """``text[start:end]`` reads as ``new`` (never longer than what it replaces)."""

    start: int
    end: int
    new: str


@attrs.frozen(slots=True)
class View:
    """``text`` as the pipeline reads it; ``cuts``/``shifts``: after view offset ``cuts[k]``
    the caller's offsets run ``shifts[k]`` ahead (characters read as nothing before it).
    ``inner`` is a view this one was made from (its offsets are mapped on through it)."""

    text: str
    cuts: tuple[int, ...]
    shifts: tuple[int, ...]
    rules: frozenset[str]
    inner: View | None = None

    def start(self, i: int) -> int:
        """The caller's offset of a span starting at view offset ``i`` (after what was cut
        before it)."""
        k = bisect_right(self.cuts, i)
        out = i + (self.shifts[k - 1] if k else 0)
        return self.inner.start(out) if self.inner is not None else out

    def end(self, i: int) -> int:
        """The caller's offset of a span ending at view offset ``i`` (before what was cut
        after it)."""
        k = bisect_left(self.cuts, i)
        out = i + (self.shifts[k - 1] if k else 0)
        return self.inner.end(out) if self.inner is not None else out


def _apply(text: str, edits: list[_Edit], rules: frozenset[str], inner: View | None) -> View:
    """The view of ``text`` with ``edits`` (sorted, not overlapping) made."""
    parts: list[str] = []
    cuts: list[int] = []
    shifts: list[int] = []
    pos = shift = 0
    for e in edits:
        parts.append(text[pos:e.start])
        parts.append(e.new)
        pos = e.end
        gone = e.end - e.start - len(e.new)
        if gone:
            shift += gone
            cuts.append(e.end - shift)  # the view offset just after the edit
            shifts.append(shift)
    parts.append(text[pos:])
    return View("".join(parts), tuple(cuts), tuple(shifts), rules, inner)


def _character_edits(text: str) -> Iterator[tuple[str, _Edit]]:
    """Rules ``space-variants`` and ``invisible-characters``."""
    for m in _SPECIAL.finditer(text):
        if _SPACES.match(m.group()):
            yield "space-variants", _Edit(m.start(), m.end(), " ")
        else:
            yield "invisible-characters", _Edit(m.start(), m.end(), "")


def _lines(text: str) -> list[tuple[int, int, int]]:
    """``(start, end, next)`` of each line: its text without trailing white space, and where
    the next line starts."""
    out = []
    pos, n = 0, len(text)
    while pos < n:
        brk = text.find("\n", pos)
        nxt = n if brk < 0 else brk + 1
        end = nxt - 1 if brk >= 0 else n
        while end > pos and text[end - 1].isspace():
            end -= 1
        out.append((pos, end, nxt))
        pos = nxt
    return out


def _wrap_width(text: str, lines: list[tuple[int, int, int]]) -> int | None:
    """The width a text is wrapped at, when its lines show one: nine in ten non-blank lines
    at most ``MAX_WRAP_WIDTH`` wide, and most lines followed by another full ones."""
    widths = [e - s for s, e, _n in lines if e > s]
    narrow = [w for w in widths if w <= MAX_WRAP_WIDTH]
    if len(widths) < MIN_FULL_LINES or len(narrow) * 10 < len(widths) * 9:
        return None
    width = max(narrow)
    followed = [e - s for (s, e, _n), (s2, e2, _n2) in zip(lines, lines[1:], strict=False)
                if e > s and e2 > s2]
    full = sum(1 for w in followed if width - FULL_LINE_SLACK <= w <= width)
    if width < MIN_WRAP_WIDTH or full < MIN_FULL_LINES or full * 2 < len(followed):
        return None
    return width


def _joins(text: str, a: tuple[int, int, int], b: tuple[int, int, int], width: int) -> bool:
    """Line ``b`` goes on from the wrapped line ``a``: its first word would not have fit on
    ``a``, or it starts in lower case after a line with no final stop."""
    s, e, _n = a
    s2, e2, _n2 = b
    body = text[s2:e2].lstrip()
    if not body or e <= s or _NEW_PARAGRAPH.match(body):
        return False
    word = _FIRST_WORD.match(body)
    first = len(word.group()) if word else 0
    if e - s + 1 + first > width and e - s >= width - FULL_LINE_SLACK:
        return True
    return body[0].islower() and text[e - 1] not in ".!?:;\"”’)"


def _line_edits(text: str) -> Iterator[tuple[str, _Edit]]:
    """Rules ``hard-wrap``, ``line-end-hyphen`` and ``page-header``, in wrapped text."""
    lines = _lines(text)
    width = _wrap_width(text, lines)
    if width is None:
        return
    words: frozenset[str] | None = None  # the text's words, once a line ends in a hyphen
    kept: list[tuple[int, int, int]] = []
    for line in lines:
        s, e, nxt = line
        if e > s and _PAGE_HEADER.fullmatch(text, s, e):
            yield "page-header", _Edit(s, nxt, "")
            continue
        kept.append(line)
    for a, b in zip(kept, kept[1:], strict=False):
        if not _joins(text, a, b, width):
            continue
        s2 = b[0]
        while s2 < b[1] and text[s2].isspace():
            s2 += 1
        if text[a[1] - 1] in "-\u00ad" and a[1] - a[0] > 1 and text[a[1] - 2].isalpha() and (
                text[s2].islower()):
            if words is None:
                words = frozenset(_LETTERS.findall(text.lower()))
            if text[a[1] - 1] == "\u00ad" or len(kept) < len(lines) or _hyphenated_word(
                    text, a[1] - 1, s2, words):  # (page headers: a PDF, hyphenated by syllable)
                yield "line-end-hyphen", _Edit(a[1] - 1, s2, "")
            else:  # ``long-`` ¶ ``delayed``: a compound broken at its hyphen keeps it
                yield "hard-wrap", _Edit(a[1], s2, "")
        else:  # (a page header between them is read as nothing too)
            yield "hard-wrap", _Edit(a[1], s2, " ")


def _hyphenated_word(text: str, hyphen: int, right: int, words: frozenset[str]) -> bool:
    """``re-`` ¶ ``port``: the two halves make a word the text has elsewhere, or a reporting
    verb (``an-`` ¶ ``nounced``), so the hyphen only broke the line."""
    left = _WORD_END.search(text, max(0, hyphen - 40), hyphen)
    rest = _LETTERS.match(text, right)
    if left is None or rest is None:
        return False
    joined = (left.group() + rest.group()).lower()
    return joined in words or cue_lexicon.lemma_of(joined) is not None


def _merged(edits: Iterator[tuple[str, _Edit]]) -> tuple[list[_Edit], frozenset[str]]:
    """The edits in order (a page header's cut swallows the joins that overlap it)."""
    chosen: list[_Edit] = []
    names: set[str] = set()
    for name, e in sorted(edits, key=lambda x: (x[1].start, -x[1].end)):
        names.add(name)
        if chosen and e.start < chosen[-1].end:
            continue  # (inside a join: a page header between two lines goes with it)
        chosen.append(e)
    return chosen, frozenset(names)


#: Share of cased letters in capitals, and fewest letters, for a text to be all capitals.
ALL_CAPS_SHARE = 0.9
MIN_ALL_CAPS_LETTERS = 200
#: Common lower-case letters: counting them bounds the capitals before any per-letter loop.
_COMMON_LOWER = "etaoinshr"
_CASED_WORD = regex.compile(r"\p{L}[\p{L}\p{M}'’]*")
_SENTENCE_GAP = regex.compile(r"[.!?][\"'”’»)\s]*+[\"“‘«(]?$")


def _common(word: str) -> bool:
    """A word of the lexicons, written in lower case in running text."""
    low = word.lower().replace("’", "'")
    if low in grammar.CALENDAR_WORDS:
        return False
    return (low in grammar.LOWER_CASE_WORDS or low in lex_mentions.FUNCTION_CAPS
            or low in lex_mentions.DETERMINERS or low in lex_mentions.TIME_WORDS
            or low in titles.ROLES or low in titles.ROLE_MODIFIERS
            or low in titles.HEADLINE_SMALL_WORDS or low in sources.SOURCE_NOUNS
            or low in sources.ORGANIZATION_NOUNS or low in pronouns.INDEFINITE_PRONOUNS
            or cue_lexicon.lemma_of(low) is not None or low.endswith(("'s", "'t", "'re")))


def _all_caps(text: str) -> bool:
    """Rule ``all-caps``: nine in ten cased letters are capitals, with enough of them."""
    common = sum(map(text.count, _COMMON_LOWER))  # lower-case letters, counted in C
    most = len(text) - common  # the most capitals the text can hold
    if most < MIN_ALL_CAPS_LETTERS or most < ALL_CAPS_SHARE * (most + common):
        return False  # decided by the bound alone: the loop below could only agree
    upper = lower = 0
    for c in text:
        if c.isupper():
            upper += 1
        elif c.islower():
            lower += 1
    return upper >= MIN_ALL_CAPS_LETTERS and upper >= ALL_CAPS_SHARE * (upper + lower)


def _recased(word: str) -> str:
    """``SAID`` → ``said``, ``ROE`` → ``Roe``: each letter mapped alone, so the length stays."""
    low = "".join(c.lower() if len(c.lower()) == 1 else c for c in word)
    if _common(word):
        return low
    return word[0] + low[1:]


def _case_view(text: str, inner: View | None) -> View | None:
    """Rule ``all-caps``: a text in capitals read in mixed case (one character for one)."""
    if not _all_caps(text):
        return None
    parts: list[str] = []
    pos = 0
    named_before = False  # the word before was capitalised as a name, one space away
    for m in _CASED_WORD.finditer(text):
        word = _recased(m.group())
        if named_before and text[pos:m.start()] == " " and (
                word in sources.ORGANIZATION_HEADS):
            word = m.group()[0] + word[1:]  # ``TRANSPORT BOARD``: ``Transport Board``
        gap = text[pos:m.start()]
        if not parts or "\n" in gap or _SENTENCE_GAP.search(gap):
            word = m.group()[0] + word[1:]  # a sentence's first word
        parts += [gap, word]
        named_before, pos = word[0].isupper(), m.end()
    parts.append(text[pos:])
    return View("".join(parts), (), (), frozenset({"all-caps"}), inner)


def view(text: str) -> View | None:
    """The matching view of ``text``, or None when it reads as it is written."""
    line_edits, line_rules = _merged(_line_edits(text)) if "\n" in text else ([], frozenset())
    inner = _apply(text, line_edits, line_rules, None) if line_edits else None
    base = inner.text if inner is not None else text
    if _SPECIAL.search(base) is not None:
        char_edits, char_rules = _merged(_character_edits(base))
        inner = _apply(base, char_edits, char_rules, inner)
        base = inner.text
    return _case_view(base, inner) or inner


def read_segments(text: str) -> tuple[Segment, ...]:
    """The paragraphs of ``text`` as the pipeline reads them (in its matching view), with
    offsets into ``text``: a wrapped paragraph is one segment."""
    v = view(text)
    if v is None:
        return segment(text).segments
    return tuple(attrs.evolve(s, start=v.start(s.start), end=v.end(s.end))
                 for s in segment(v.text).segments)


def _caller_span(s: Span | None, v: View, text: str) -> Span | None:
    """``s`` found in the view ``v``, as a span of the caller's ``text``."""
    if s is None:
        return None
    start, end = v.start(s.start), v.end(s.end)
    return Span(start, end, text[start:end])


def in_callers_text(q: Quote, v: View, text: str) -> Quote:
    """``q`` found in the matching view ``v`` with its offsets (trail included) and texts
    in the caller's ``text``."""
    start, end = v.start(q.start), v.end(q.end)
    t = q.provenance.compact_trail
    if t is not None:
        t = attrs.evolve(t, start=v.start(t.start), end=v.end(t.end),
                         cue_start=v.start(t.cue_start), cue_end=v.end(t.cue_end),
                         subject_start=v.start(t.subject_start),
                         subject_end=v.end(t.subject_end),
                         where_start=v.start(t.where_start), where_end=v.end(t.where_end),
                         marks_start=v.start(t.marks_start), marks_end=v.end(t.marks_end),
                         end_start=v.start(t.end_start), end_end=v.end(t.end_end),
                         merge_start=v.start(t.merge_start), merge_end=v.end(t.merge_end))
    return attrs.evolve(q, text=text[start:end], start=start, end=end,
                        mention=_caller_span(q.mention, v, text),
                        cue=_caller_span(q.cue, v, text),
                        provenance=attrs.evolve(q.provenance, compact_trail=t))
