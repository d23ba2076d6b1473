"""Word tokens of a paragraph, with each top-level quotation folded into one QUOTE token."""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Callable, Collection, Iterator, Sequence
from typing import Any, ClassVar, TypeVar

import regex

from .lexicon import abbreviations
from .quotemarks import Quotation
from .segmentation import PUNKT_WINDOW, sentence_ends_at

_C = TypeVar("_C", bound="_Constant")


class _Constants(type):
    """The class of :class:`Cat` and :class:`TokKind`: iterating over one gives its
    members in order, as over an ``enum.Enum``."""

    def __iter__(cls: type[_C]) -> Iterator[_C]:  # type: ignore[misc]
        return iter(cls._members)


class _Constant(metaclass=_Constants):
    """A member of a small fixed set, compared by identity, with an enum member's ``name``,
    ``value``, ``repr`` and pickling.

    Not an ``enum.Enum``: in Python 3.11 every read of a member from an Enum class
    (``TokKind.WORD``) goes through ``EnumType.__getattr__``'s slow attribute hook, about
    860 machine instructions, and the chunker and the sieves read ``Cat`` and ``TokKind``
    members about 490,000 times per 84 news articles (a tenth of all the work); from a plain
    class it costs an eighth of that."""

    __slots__ = ("name", "value")
    _members: ClassVar[tuple[Any, ...]] = ()

    def __init__(self, name: str, value: str) -> None:
        self.name = name
        self.value = value

    def __repr__(self) -> str:
        return f"<{type(self).__name__}.{self.name}: {self.value!r}>"

    def __reduce__(self) -> tuple[Any, ...]:
        return getattr, (type(self), self.name)  # the same member, not a copy

    @classmethod
    def _define(cls, **values: str) -> None:
        """Make the members ``NAME=value``, in order."""
        for name, value in values.items():
            setattr(cls, name, cls(name, value))
        cls._members = tuple(getattr(cls, name) for name in values)


class Cat(_Constant):
    """A word's category for noun-phrase chunking, set once per token by
    :func:`quoteattr.mentions.category`."""

    __slots__ = ()
    PRON: ClassVar[Cat]
    DET: ClassVar[Cat]
    ROLE: ClassVar[Cat]
    MOD: ClassVar[Cat]
    NAT: ClassVar[Cat]
    SRC: ClassVar[Cat]
    ORG: ClassVar[Cat]
    HON: ClassVar[Cat]
    CAP: ClassVar[Cat]
    CONNECT: ClassVar[Cat]
    POSS: ClassVar[Cat]
    TIME: ClassVar[Cat]
    OTHER: ClassVar[Cat]


Cat._define(PRON="pron", DET="det", ROLE="role", MOD="mod", NAT="nat", SRC="src", ORG="org",
            HON="hon", CAP="cap", CONNECT="connect", POSS="poss", TIME="time", OTHER="other")


class TokKind(_Constant):
    """A token's kind: a word, a punctuation mark, the ’s of a possessive, or a whole
    quotation."""

    __slots__ = ()
    WORD: ClassVar[TokKind]
    PUNCT: ClassVar[TokKind]
    POSS: ClassVar[TokKind]
    QUOTE: ClassVar[TokKind]


TokKind._define(WORD="word", PUNCT="punct", POSS="poss", QUOTE="quote")


# Module-level names for the kinds: a global is cheaper still than ``TokKind.WORD`` on the
# per-token paths.
_WORD, _PUNCT, _POSS, _QUOTE = TokKind.WORD, TokKind.PUNCT, TokKind.POSS, TokKind.QUOTE
#: Word texts (and lower cases) already made, each once: tokens share them. Kept from one
#: document to the next while it holds at most ``KEPT_WORDS`` (news articles share most of
#: their words), emptied by :func:`forget_words` once a document leaves it larger, and
#: whenever it grows past ``MAX_WORDS`` (hostile input must not grow it without bound).
_WORDS: dict[str, tuple[str, str, type[Tok]]] = {}
MAX_WORDS = 200_000
KEPT_WORDS = 20_000


def _share(text: str) -> tuple[str, str, type[Tok]]:
    """``text``, its lower case and the class of a WORD token of it (:class:`_CapWord` when
    capitalised), entered in ``_WORDS`` (the lower case too, as a word)."""
    lower = text.lower()
    if lower != text:
        lower = (_WORDS.get(lower) or _share(lower))[0]
    shared = _WORDS[text] = (text, lower, _CapWord if text[:1].isupper() else Tok)
    return shared


def forget_words(keep: int = 0) -> None:
    """Drop the table of shared word texts if it holds more than ``keep`` (the tokens keep
    their strings; each entry is a pure function of its text, so keeping it changes no
    token)."""
    if len(_WORDS) > keep:
        _WORDS.clear()


class Tok:
    """One token of a paragraph: ``text == article[start:end]`` (a QUOTE token spans a whole
    quotation, marks included).

    A plain slotted class rather than attrs, kept small because a long article holds every
    token at once: six slots (``end``, ``quote``, ``eos`` and ``is_cap`` are derived, and read
    far less often than ``kind``, ``text`` and ``lower``), and word texts are shared through
    ``_WORDS``, so that the many ``the`` and ``said`` are one string. ``cat`` is the word
    category, filled in by :func:`quoteattr.mentions.category` the first time it is asked for.
    """

    __slots__ = ("start", "text", "kind", "lower", "cat", "_mark")

    def __init__(self, start: int, end: int, text: str, kind: TokKind, quote: int = -1,
                 eos: bool | None = None) -> None:
        # ``end`` is always ``start + len(text)``: not stored
        self.start = start
        self.kind = kind
        if kind is _QUOTE:
            self.text = text  # a whole quotation: not worth interning
            self.lower = text.lower()
            self._mark: int | bool | None = quote  # index into the paragraph's quotations
        else:
            self.text, self.lower, cls = _WORDS.get(text) or _share(text)
            self._mark = eos  # for . ! ?: Punkt ends a sentence here (None: not decided)
            if kind is _WORD and cls is not Tok:
                self.__class__ = cls
        self.cat: Cat | None = None

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def quote(self) -> int:
        """Index into the paragraph's quotations, for QUOTE tokens (else -1)."""
        mark = self._mark
        return mark if self.kind is _QUOTE and mark is not None else -1

    @property
    def eos(self) -> bool | None:
        """For . ! ?: Punkt ends a sentence here (None: not decided, or not a stop)."""
        mark = self._mark
        return None if self.kind is _QUOTE or mark is None else bool(mark)

    #: A WORD token whose first character is upper case. A class attribute, not a property
    #: (read about 150,000 times per 84 news articles): capitalised words are made as
    #: :class:`_CapWord`, whose ``is_cap`` is True, so no slot is added to every token.
    is_cap: bool = False

    def __repr__(self) -> str:
        return (f"Tok(start={self.start!r}, end={self.end!r}, text={self.text!r}, "
                f"kind={self.kind!r}, quote={self.quote!r}, eos={self.eos!r})")


class _CapWord(Tok):
    """A capitalised WORD token (:attr:`Tok.is_cap`): the same slots, ``is_cap`` True."""

    __slots__ = ()
    is_cap = True


_TOKEN = regex.compile(
    r"""(?P<abbr>(?:\p{L}\.){2,}|\p{Lu}\.(?=\s\p{Lu}))"""
    r"""|(?P<word>\p{N}{1,3}(?:,\p{N}{3})+(?![\p{N}])(?:\.\p{N}+)?"""  # 1,800 and 2,000.5
    r"""|\p{N}{1,2}:\p{N}{2}(?::\p{N}{2})?(?![\p{N}])"""  # 17:42, 9:02:30
    r"""|[\p{L}\p{M}\p{N}]+(?:[-‐'’.][\p{L}\p{M}\p{N}]+)*)"""
    r"""|(?P<punct>[^\s\p{L}\p{M}\p{N}])""",
    regex.V1,
)
_POSSESSIVE = ("’s", "'s", "’S", "'S")


_CLOSERS = ")]”’\"'»"
#: ``_TOKEN`` and the white space after it: ``findall`` gives each token's text and the gap to
#: the next one, so offsets are counted, not asked of a match object (there are no other gaps:
#: every character that is not white space starts a token).
_TOKEN_AND_SPACE = regex.compile(r"(?:" + _TOKEN.pattern + r")(\s*+)", regex.V1)
_ABBR, _WORD_GROUP, _PUNCT_GROUP = (_TOKEN.groupindex[g] - 1 for g in ("abbr", "word", "punct"))
_LEADING_SPACE = regex.compile(r"\s*+", regex.V1)
_new = object.__new__


def _word_tok(start: int, text: str, kind: TokKind) -> Tok:
    """``Tok(start, start + len(text), text, kind)`` for a WORD or POSS token, without the
    call to ``__init__`` (the tokenizer's inner loop makes most tokens through it)."""
    text, lower, cls = _WORDS.get(text) or _share(text)
    tok: Tok = _new(cls if kind is _WORD else Tok)
    tok.start = start
    tok.kind = kind
    tok.text, tok.lower = text, lower
    tok._mark = None
    tok.cat = None
    return tok


def _tokenize_range(text: str, start: int, end: int, out: list[Tok],
                    undecided: list[tuple[int, int]] | None) -> None:
    """Append the tokens of ``text[start:end]`` to ``out``.

    Unless ``undecided`` is None, a stop followed by more of the range gets ``eos=None`` and its
    index and the offset after its closing marks are appended to ``undecided``; a last one
    gets ``eos=True``."""
    pos = _LEADING_SPACE.match(text, start, end).end()
    append, shared, new = out.append, _WORDS.get, _new
    skip = False
    for groups in _TOKEN_AND_SPACE.findall(text, pos, end):
        s = pos
        if skip:  # the ``.`` of ``Mr.``
            skip = False
            pos = s + len(groups[_PUNCT_GROUP] or groups[_WORD_GROUP] or groups[_ABBR]) + len(
                groups[-1])
            continue
        word = groups[_WORD_GROUP]
        if word:
            e = s + len(word)
            pos = e + len(groups[-1])
            if word[-1] in "sS’'" and _possessive(text, s, e, end, word, append):
                continue
            if e < end and text[e] == "." and (
                word.lower() in abbreviations.NAME_PREFIX_ABBREVIATIONS
            ):
                append(Tok(s, e + 1, word + ".", _WORD))  # ``Mr.``, ``Sen.``
                skip = True  # the ``.`` is the next match
                continue
            word, lower, cls = shared(word) or _share(word)  # (``_word_tok``, inlined)
            tok = new(cls)
            tok.start, tok.kind, tok.text, tok.lower, tok._mark, tok.cat = (
                s, _WORD, word, lower, None, None)
            append(tok)
            continue
        word = groups[_PUNCT_GROUP]
        if not word:
            word = groups[_ABBR]
            pos = s + len(word) + len(groups[-1])
            append(_word_tok(s, word, _WORD))
            continue
        e = s + 1
        pos = e + len(groups[-1])
        eos = None
        if undecided is not None and word in ".!?":
            after = e
            while after < end and text[after] in _CLOSERS:
                after += 1
            if after >= end:
                eos = True
            else:
                undecided.append((len(out), after))
        append(Tok(s, e, word, _PUNCT, eos=eos))


def _possessive(text: str, s: int, e: int, end: int, word: str,
                append: Callable[[Tok], None]) -> bool:
    """Append ``word`` (at ``s:e``) as a word and its possessive ending, if it has one."""
    if len(word) > 2 and word.endswith(_POSSESSIVE):
        append(_word_tok(s, word[:-2], _WORD))
        append(_word_tok(e - 2, word[-2:], _POSS))
        return True
    if word.endswith(("s’", "s'")) and e < end and text[e:e + 1].isspace():
        append(_word_tok(s, word[:-1], _WORD))  # plural possessive
        append(_word_tok(e - 1, word[-1], _POSS))
        return True
    return False


def tokenize(text: str, start: int, end: int, quotations: Sequence[Quotation] = (),
             sentence_ends: Collection[int] | Callable[[list[int]], Collection[int]] | None = None,
             ) -> list[Tok]:
    """Tokens of ``text[start:end]``; each quotation becomes a single QUOTE token.

    ``sentence_ends`` (offsets where Punkt ends a sentence) decides which stops end one.
    Given as a function, it gets the offsets of the stops that need deciding (not those inside
    a quotation or last in their range) and is called only if there are some."""
    if len(_WORDS) > MAX_WORDS:
        _WORDS.clear()
    undecided: list[tuple[int, int]] | None = None if sentence_ends is None else []
    out: list[Tok] = []
    pos = start
    for n, q in enumerate(quotations):
        _tokenize_range(text, pos, q.outer_start, out, undecided)
        out.append(Tok(q.outer_start, q.outer_end, text[q.outer_start:q.outer_end],
                       TokKind.QUOTE, n))
        pos = q.outer_end
    _tokenize_range(text, pos, end, out, undecided)
    if undecided and sentence_ends is not None:
        ends = sentence_ends(
            [out[i].start for i, _after in undecided]
        ) if callable(sentence_ends) else sentence_ends
        for i, after in undecided:
            out[i]._mark = after in ends  # (a PUNCT token: its eos, set before anyone reads it)
    return out


# --- long texts ------------------------------------------------------------------------------
# A long article (``pipeline.LONG_TEXT`` characters or more) keeps its paragraphs' tokens
# packed in a ``TokenStore`` between the pipeline's passes, and makes them again when a pass
# asks for a paragraph: 9 bytes a token instead of about 120 (the ``Tok`` object and the int
# of its offset), so that working memory stays a small multiple of the input.

#: Kinds in the order of their codes; a token's code is ``3 * kind + mark`` (mark 0: None,
#: 1: False, 2: True), and a QUOTE token's is ``_QUOTE_CODE``.
_KINDS = (_WORD, _PUNCT, _POSS)
_MARKS = (None, False, True)
_QUOTE_CODE = 3 * len(_KINDS)
_KIND_OF = tuple(k for k in _KINDS for _m in _MARKS)
_MARK_OF = tuple(m for _k in _KINDS for m in _MARKS)
#: Paragraphs a ``TokenStore`` keeps made: a pass reads a paragraph and its neighbours.
CACHED_PARAGRAPHS = 4


class TokenStore:
    """The tokens of a long article's paragraphs, packed: per token its offset, a code for
    its kind and sentence-end mark, and the number of its text in a table of the article's
    distinct words (for a QUOTE token: its end; its text is sliced again when it is made).

    :meth:`add` packs a paragraph's tokens and gives its number; :meth:`tokens` makes them
    again, equal to the packed ones (``cat`` is left to be found again), and keeps the last
    ``CACHED_PARAGRAPHS`` made in ``cache``."""

    __slots__ = ("_text", "_ids", "_texts", "_lowers", "_classes", "_starts", "_words",
                 "_codes", "_bounds", "cache")

    def __init__(self, text: str) -> None:
        self._text = text
        code = "i" if len(text) < 2 ** 31 else "q"
        self._starts, self._words = array(code), array(code)
        self._codes, self._bounds = bytearray(), array(code, [0])
        self._ids: dict[str, int] = {}
        self._texts: list[str] = []  # per distinct text: itself, its lower case, and
        self._lowers: list[str] = []  # the class of a WORD token of it
        self._classes: list[type[Tok]] = []
        self.cache: dict[int, list[Tok]] = {}

    def add(self, toks: Sequence[Tok]) -> int | None:
        """Pack ``toks`` and return the paragraph's number (None, and nothing stored, when
        a mark is not one a code holds: QUOTE tokens numbered in order, stops' True/False)."""
        packed = _pack(toks, self._ids, self._texts, self._lowers, self._classes)
        if packed is None:
            return None
        codes, words = packed
        self._words.extend(words)
        self._starts.extend([t.start for t in toks])
        self._codes += codes
        self._bounds.append(len(self._codes))
        return len(self._bounds) - 2

    def done(self) -> None:
        """No more paragraphs: drop the table from word texts to numbers."""
        self._ids = {}

    def word_numbers(self, wanted: Callable[[str], bool]) -> frozenset[int]:
        """The numbers of the word texts ``wanted`` accepts (for :meth:`uses`)."""
        return frozenset(w for w, t in enumerate(self._texts) if wanted(t))

    def uses(self, k: int, words: frozenset[int]) -> bool:
        """Paragraph ``k`` may have a token whose text is numbered in ``words`` (read from the
        packed arrays, no token made; a QUOTE token's end may match too: never a miss)."""
        return bool(words) and not words.isdisjoint(
            self._words[self._bounds[k]:self._bounds[k + 1]])

    def tokens(self, k: int) -> list[Tok]:
        """The tokens of paragraph ``k``, made again (and cached). (A list: tuples of fewer
        than 20 items would stay in the interpreter's free lists once dropped.)"""
        lo, hi = self._bounds[k], self._bounds[k + 1]
        made = _unpack(self._text, (self._texts, self._lowers, self._classes),
                       self._starts[lo:hi], self._words[lo:hi], self._codes[lo:hi])
        if len(self.cache) >= CACHED_PARAGRAPHS:
            del self.cache[next(iter(self.cache))]
        self.cache[k] = made
        return made


def _pack(toks: Sequence[Tok], ids: dict[str, int], texts: list[str], lowers: list[str],
          classes: list[type[Tok]]) -> tuple[bytearray, list[int]] | None:
    """The codes and word numbers of ``toks`` (new words added to ``ids``/``texts``/
    ``lowers``/``classes``), or None when a mark is not one a code holds."""
    codes = bytearray()
    words: list[int] = []
    quotes = 0
    for t in toks:
        mark, kind = t._mark, t.kind
        if kind is _QUOTE:
            if mark != quotes:
                return None
            quotes += 1
            codes.append(_QUOTE_CODE)
            words.append(t.start + len(t.text))
            continue
        if mark is None:
            code = 0
        elif mark is True or mark is False:
            code = 1 + mark
        else:
            return None
        codes.append(code if kind is _WORD else code + (3 if kind is _PUNCT else 6))
        w = ids.get(t.text)
        if w is None:
            w = ids[t.text] = len(texts)
            texts.append(t.text)
            lowers.append(t.lower)
            classes.append(_CapWord if t.text[:1].isupper() else Tok)
        words.append(w)
    return codes, words


def _unpack(text: str, table: tuple[list[str], list[str], list[type[Tok]]],
            starts: Sequence[int], words: Sequence[int], codes: Sequence[int]) -> list[Tok]:
    """The tokens one paragraph's packed ``starts``/``words``/``codes`` stand for, with the
    texts, lower cases and WORD classes of ``table``."""
    texts, lowers, classes = table
    kinds, marks, new = _KIND_OF, _MARK_OF, _new
    made: list[Tok] = []
    append = made.append
    quotes = 0
    for s, w, c in zip(starts, words, codes, strict=True):
        t: Tok = new(classes[w] if c < 3 else Tok)  # (codes 0-2: WORD)
        t.start = s
        if c != _QUOTE_CODE:
            t.text = texts[w]
            t.lower = lowers[w]
            t.kind = kinds[c]
            t._mark = marks[c]
        else:
            t.text = whole = text[s:w]
            t.lower = whole.lower()
            t.kind = _QUOTE
            t._mark = quotes
            quotes += 1
        t.cat = None
        append(t)
    return made


#: A paragraph longer than this (characters) is analysed as stretches (:func:`stretches`).
LONG_PARAGRAPH = 100_000
#: Each stretch of a long paragraph ends at the first safe point this many characters on.
STRETCH = 20_000
#: A stop followed by ASCII white space and more text: where a stretch may end.
_SAFE_STOP = regex.compile(r"[.!?](?=[ \t\n\r\x0b\x0c]++\S)", regex.V1)
_NEXT_TOKEN = regex.compile(r"\s*+\S*+", regex.V1)
_ASCII_SPACE = " \t\n\r\x0b\x0c"


def stretches(text: str, start: int, end: int, quotations: Sequence[Quotation]
              ) -> list[tuple[int, int, list[Quotation]]]:
    """``text[start:end]`` as ``(start, end, quotations)`` stretches analysed as paragraphs
    of their own: the whole when it is at most ``LONG_PARAGRAPH`` characters, else cut at
    the first safe point ``STRETCH`` characters on, again and again: a stop that ends a
    sentence (Punkt) outside every quotation, followed by ASCII white space (the next stretch
    starts at the text after it). A paragraph with no such point stays whole."""
    if end - start <= LONG_PARAGRAPH:
        return [(start, end, list(quotations))]
    opens = [q.outer_start for q in quotations]
    out: list[tuple[int, int, list[Quotation]]] = []
    a = start
    first = 0  # the first quotation of the stretch at ``a``
    while (stop := _safe_stop(text, a, min(a + STRETCH, end), end, quotations, opens)) >= 0:
        last = bisect_right(opens, stop, first)
        out.append((a, stop + 1, list(quotations[first:last])))
        a = _LEADING_SPACE.match(text, stop + 1, end).end()  # the token after the stop
        first = last
    out.append((a, end, list(quotations[first:])))
    return out


def _safe_stop(text: str, a: int, frm: int, end: int, quotations: Sequence[Quotation],
               opens: Sequence[int]) -> int:
    """The first stop at ``frm`` or after it that ends a sentence outside every quotation,
    after a word of two characters or more that is no title (``Mr.``), followed by ASCII
    white space and more text (-1: none). Punkt is asked about the stops of half a Punkt
    window at a time, in a window from the word before the first to the token after the
    last (``a`` at the earliest)."""
    half = PUNKT_WINDOW // 2
    while frm < end:
        upto = min(end, frm + half)
        stops: list[int] = []
        first_word = -1
        beyond = -1  # the first stop at ``upto`` or after it (-1: none up to ``end``)
        for m in _SAFE_STOP.finditer(text, frm, end):
            stop: int = m.start()
            if stop >= upto:
                beyond = stop
                break
            k = bisect_right(opens, stop) - 1
            if k >= 0 and stop < quotations[k].outer_end:
                continue
            word = stop
            while word > a and text[word - 1] not in _ASCII_SPACE:
                word -= 1
            if stop - word < 2 or (
                    text[word:stop].lower() in abbreviations.NAME_PREFIX_ABBREVIATIONS):
                continue
            first_word = word if first_word < 0 else first_word
            stops.append(stop)
        if stops:
            hi = _NEXT_TOKEN.match(text, stops[-1] + 1, end).end()
            ends = sentence_ends_at(text, first_word, hi, stops)
            for stop in stops:
                if stop + 1 in ends:
                    return stop
        if beyond < 0:
            return -1
        # the half windows before the one holding ``beyond`` have no stop: skip them, so
        # that a long run with no stop is scanned once, not once per window
        frm = upto + (beyond - upto) // half * half
    return -1
