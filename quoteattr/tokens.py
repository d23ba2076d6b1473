"""Word tokens of a paragraph, with each top-level quotation folded into one QUOTE token."""

from __future__ import annotations

import enum
from collections.abc import Callable, Collection, Sequence

import regex

from .lexicon import abbreviations
from .quotemarks import Quotation


class Cat(enum.Enum):
    """A word's category for noun-phrase chunking, set once per token by
    :func:`quoteattr.mentions.category`."""

    PRON = "pron"
    DET = "det"
    ROLE = "role"
    MOD = "mod"
    NAT = "nat"
    SRC = "src"
    ORG = "org"
    HON = "hon"
    CAP = "cap"
    CONNECT = "connect"
    POSS = "poss"
    TIME = "time"
    OTHER = "other"


class TokKind(enum.Enum):
    WORD = "word"
    PUNCT = "punct"
    POSS = "poss"  # the ’s of a possessive
    QUOTE = "quote"


# Module-level names for the kinds: reading ``TokKind.WORD`` goes through the enum's class
# and costs ten times a global on the per-token paths.
_WORD, _PUNCT, _POSS, _QUOTE = TokKind.WORD, TokKind.PUNCT, TokKind.POSS, TokKind.QUOTE
#: Word texts (and lower cases) already made, each once: tokens share them. Emptied by
#: :func:`forget_words` when a document is tokenized, and whenever it grows past
#: ``MAX_WORDS`` (hostile input must not grow it without bound).
_WORDS: dict[str, tuple[str, str]] = {}
MAX_WORDS = 200_000


def _share(text: str) -> tuple[str, str]:
    """``text`` and its lower case, entered in ``_WORDS`` (the lower case too, as a word)."""
    lower = text.lower()
    if lower != text:
        lower = (_WORDS.get(lower) or _share(lower))[0]
    shared = _WORDS[text] = (text, lower)
    return shared


def forget_words() -> None:
    """Drop the table of shared word texts (the tokens keep their strings)."""
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
            self.text, self.lower = _WORDS.get(text) or _share(text)
            self._mark = eos  # for . ! ?: Punkt ends a sentence here (None: not decided)
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

    @property
    def is_cap(self) -> bool:
        return self.kind is _WORD and self.text[:1].isupper()

    def __repr__(self) -> str:
        return (f"Tok(start={self.start!r}, end={self.end!r}, text={self.text!r}, "
                f"kind={self.kind!r}, quote={self.quote!r}, eos={self.eos!r})")


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
    tok: Tok = _new(Tok)
    tok.start = start
    tok.kind = kind
    tok.text, tok.lower = _WORDS.get(text) or _share(text)
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
    append = out.append
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
            append(_word_tok(s, word, _WORD))
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
