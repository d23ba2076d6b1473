"""The paragraphs of an article (stages 1–4: segments, quotation marks, tokens, cues), and
what the stages after them see of one.

:func:`build` makes them (:class:`Para`); :class:`Paragraph` is their read-only shape, which
the entity-learning and direct-quote stages read without building any. In a text of
``PACKED_TEXT`` characters or more the tokens are packed between passes
(:class:`PackedPara`) and an overlong paragraph is cut into stretches
(:func:`~quoteattr.tokens.stretches`): docs/robustness.md, "Memory per article".
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import Protocol

import attrs

from .cue_model import Cue
from .cues import find_cues
from .quotemarks import Quotation, find_quotations, is_work_title
from .segmentation import SegmentKind, segment, sentence_ends_at
from .tokens import KEPT_WORDS, Tok, TokenStore, TokKind, forget_words, stretches, tokenize

__all__ = ["PACKED_TEXT", "PackedPara", "Para", "Paragraph", "build", "fold_titles"]

#: Texts at least this long keep their tokens packed between passes (:class:`PackedPara`):
#: a fifth of the working memory for some CPU time (docs/robustness.md, "Memory per article").
PACKED_TEXT = 500_000


class Paragraph(Protocol):
    """A body paragraph or heading: its span, its quotations, tokens and cues."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def kind(self) -> SegmentKind: ...
    @property
    def quotations(self) -> Sequence[Quotation]: ...
    @property
    def toks(self) -> Sequence[Tok]: ...
    @property
    def cues(self) -> Sequence[Cue]: ...


def fold_titles(text: str, qs: list[Quotation], toks: list[Tok]
                ) -> tuple[list[Quotation], list[Tok]]:
    """Work titles (``KPRT’s “Dockside Tonight”``) become one word each and leave the
    paragraph's quotations; the other QUOTE tokens are renumbered."""
    kept: list[Quotation] = []
    out: list[Tok] = []
    for t in toks:
        if t.kind is TokKind.QUOTE:
            q = qs[t.quote]
            if is_work_title(text, q):
                out.append(Tok(t.start, t.end, t.text, TokKind.WORD))
                continue
            t = Tok(t.start, t.end, t.text, TokKind.QUOTE, len(kept))
            kept.append(q)
        out.append(t)
    return kept, out


@attrs.frozen(slots=True)
class Para:
    """A paragraph as the pipeline builds it (the :class:`Paragraph` shape)."""

    start: int
    end: int
    kind: SegmentKind
    quotations: tuple[Quotation, ...]
    toks: Sequence[Tok]
    cues: tuple[Cue, ...]


class PackedPara(Para):
    """A paragraph of a long text (``PACKED_TEXT``): its tokens are kept packed in the
    article's :class:`~quoteattr.tokens.TokenStore` and made again when ``toks`` is read."""

    __slots__ = ("_store", "_number")
    _store: TokenStore
    _number: int

    @property
    def toks(self) -> Sequence[Tok]:
        made = self._store.cache.get(self._number)
        return made if made is not None else self._store.tokens(self._number)

    @property
    def store(self) -> TokenStore:
        """The article's packed tokens."""
        return self._store

    @property
    def number(self) -> int:
        """The paragraph's number in ``store``."""
        return self._number


def _packed(p: Para, store: TokenStore, number: int) -> Para:
    """``p`` with its tokens left in ``store`` as paragraph ``number``."""
    packed = object.__new__(PackedPara)
    for field in ("start", "end", "kind", "quotations", "cues"):
        object.__setattr__(packed, field, getattr(p, field))
    object.__setattr__(packed, "_store", store)
    object.__setattr__(packed, "_number", number)
    return packed


def build(text: str, beliefs: bool = False) -> list[Para]:
    """The paragraphs to analyse (furniture left out), with their quotations, tokens and
    cues; packed and cut into stretches in a text of ``PACKED_TEXT`` characters or more."""
    doc = segment(text)
    kept = [s for s in doc.segments if s.kind is not SegmentKind.FURNITURE]
    quotes = find_quotations(text, [(s.start, s.end) for s in kept])
    store = TokenStore(text) if len(text) >= PACKED_TEXT else None
    out = []
    for seg, qs in zip(kept, quotes, strict=True):
        if store is None:
            out.append(_paragraph(text, seg.start, seg.end, seg.kind, qs, beliefs))
            continue
        for start, end, part in stretches(text, seg.start, seg.end, qs):
            p = _paragraph(text, start, end, seg.kind, part, beliefs)
            number = store.add(p.toks)
            out.append(p if number is None else _packed(p, store, number))
    forget_words(KEPT_WORDS)  # a typical article's words stay shared for the next one
    if store is not None:
        store.done()
    return out


def _paragraph(text: str, start: int, end: int, kind: SegmentKind, qs: list[Quotation],
               beliefs: bool) -> Para:
    ends = partial(sentence_ends_at, text, start, end)  # Punkt, where a stop needs it
    toks = tokenize(text, start, end, qs, ends)
    if any(is_work_title(text, q) for q in qs):
        qs, toks = fold_titles(text, qs, toks)
    return Para(start, end, kind, tuple(qs), tuple(toks), tuple(find_cues(text, toks, beliefs)))
