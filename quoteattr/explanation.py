"""Why each quote came out as it did, in words: :func:`explain` replays a quote's trail.

>>> text = "Harbour Works Resume\\n\\n“We start today,” said Mila Arden.\\n"
>>> print(explain(text)[0])  # doctest: +ELLIPSIS
Quote 1: direct, characters 23-38: “We start today,”
  paragraph 2 (body), quotation marks “ at 22 and ” at 38
  quotation marks: 22-39, rule paired-marks
  cue: “said” (40-44), rule cue-verb
  subject: “Mila Arden” (45-55), rule subject-inverted
  speaker: rule named-cue (...) → Mila Arden (person)
  detector: rule quote-then-cue; confidence 0.9
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from . import rules
from .model import Quote, QuoteKind
from .normalization import read_segments
from .pipeline import extract
from .segmentation import SegmentKind

__all__ = ["Explanation", "SetAside", "explain", "explain_furniture"]

_MARKS = "\"'“”‘’«»‹›„‚"


@attrs.frozen(slots=True)
class Explanation:
    """One quote and the decisions behind it, one line each (``str()`` joins them)."""

    number: int
    quote: Quote
    lines: tuple[str, ...]

    def __str__(self) -> str:
        return "\n".join(self.lines)


def _clip(s: str, width: int = 70) -> str:
    s = " ".join(s.split())
    return s if len(s) <= width else s[:width - 1] + "…"


def _summary(name: str) -> str:
    try:
        return f" ({rules.rule(name).summary.replace('``', '')})"
    except KeyError:
        return ""


def _where(text: str, q: Quote) -> str:
    paragraphs = read_segments(text)  # (as the pipeline reads them: a wrapped one is one)
    for n, seg in enumerate(paragraphs, 1):
        if seg.start <= q.start < max(seg.end, seg.start + 1):
            where = f"paragraph {n} ({seg.kind.value})"
            break
    else:
        where = "outside every paragraph"
    if q.kind is QuoteKind.DIRECT and q.start > 0 and q.end < len(text) and (
            text[q.start - 1] in _MARKS and text[q.end] in _MARKS):
        where += (f", quotation marks {text[q.start - 1]} at {q.start - 1} and {text[q.end]} "
                  f"at {q.end}")
    return where


def _step_line(text: str, q: Quote, sieve: str, name: str, start: int, end: int) -> str:
    if sieve == "quotation-marks":
        return f"  quotation marks: {start}-{end}, rule {name}"
    if sieve in ("cue", "subject", "content-end", "merge"):
        return f"  {sieve}: “{_clip(text[start:end], 40)}” ({start}-{end}), rule {name}"
    if sieve == "boundary":  # the span is the quote's own: say what moved its edge
        return f"  boundary: rule {name}{_summary(name)}"
    if sieve in ("speaker", "attribution"):
        who = q.speaker.name + f" ({q.speaker.type.value})" if q.speaker else "nobody"
        return f"  {sieve}: rule {name}{_summary(name)} → {who}"
    return f"  {sieve}: rule {name}; confidence {q.confidence:g}"


def _lines(text: str, number: int, q: Quote) -> tuple[str, ...]:
    lines = [f"Quote {number}: {q.kind.value}, characters {q.start}-{q.end}: "
             f"“{_clip(q.text)}”", "  " + _where(text, q)]
    lines += [_step_line(text, q, s.sieve, s.rule, s.start, s.end) for s in q.provenance.trail]
    if q.speaker is None and not any(s.sieve in ("speaker", "attribution")
                                     for s in q.provenance.trail):
        lines.insert(-1, "  speaker: no rule decided → nobody")
    return tuple(lines)


def explain(text: str, **options: Any) -> list[Explanation]:
    """Each quote of ``text`` (``options`` as for :func:`quoteattr.extract`) with its
    segment, quotation marks, cue, subject, speaker rule, entity and detector, in words."""
    return [Explanation(n, q, _lines(text, n, q))
            for n, q in enumerate(extract(text, **options), 1)]


@attrs.frozen(slots=True)
class SetAside:
    """A paragraph dropped as page furniture: its number (from 1), offsets, rule and text."""

    number: int
    start: int
    end: int
    rule: str
    text: str

    def __str__(self) -> str:
        return (f"paragraph {self.number}, characters {self.start}-{self.end}, rule "
                f"{self.rule}: “{_clip(self.text)}”")


def explain_furniture(text: str, disabled_rules: Iterable[str] = ()) -> list[SetAside]:
    """The paragraphs of ``text`` set aside as furniture, each with the furniture rule that
    did it (``segmentation.FURNITURE_ORDER``), offsets into ``text``.

    >>> print(explain_furniture("Pier Reopens\\n\\nBy Lena Holt\\n\\nThe pier reopened.")[0])
    paragraph 2, characters 14-26, rule byline: “By Lena Holt”
    """
    with rules.disabled(disabled_rules):
        paragraphs = read_segments(text)
    return [SetAside(n, seg.start, seg.end, seg.rule or "furniture", text[seg.start:seg.end])
            for n, seg in enumerate(paragraphs, 1) if seg.kind is SegmentKind.FURNITURE]
