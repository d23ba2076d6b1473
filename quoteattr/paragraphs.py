"""What the stages after tokenisation see of a paragraph, and work titles folded into words.

:class:`Paragraph` is the shape the pipeline's paragraphs (``pipeline._Para``) have: the
entity-learning and direct-quote stages read it and never build one, so they need not import
the pipeline (which imports them).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from .cue_model import Cue
from .quotemarks import Quotation, is_work_title
from .segmentation import SegmentKind
from .tokens import Tok, TokKind

__all__ = ["Paragraph", "fold_titles"]


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
