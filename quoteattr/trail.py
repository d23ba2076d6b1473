"""A quote's trail: the rules that fired for it, in the order they fired, with their spans."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from operator import attrgetter

import attrs

from .cue_model import Cue
from .model import Provenance, Quote, QuoteKind
from .quotemarks import Quotation
from .rules import Trail, rule

# Members read as module globals: reading one through its class (``TokKind.WORD``) costs
# an attribute lookup, and for an ``enum`` member about 860 machine instructions.
_MIXED, _DIRECT, _INDIRECT = QuoteKind.MIXED, QuoteKind.DIRECT, QuoteKind.INDIRECT

__all__ = ["merged", "quote_trail", "with_marks", "with_trail"]

_OPEN = attrgetter("open")
#: The field order :func:`with_trail`, :func:`_marked` and :func:`merged` construct in (an
#: added field fails here, at import, rather than shifting the others).
_FIELDS = (
    ("detector", "start", "end", "cue_rule", "cue_start", "cue_end", "subject_rule",
     "subject_start", "subject_end", "speaker_rule", "attribution_rule", "where_start",
     "where_end", "boundary_rule", "marks_rule", "marks_start", "marks_end", "end_rule",
     "end_start", "end_end", "merge_rule", "merge_start", "merge_end"),
    ("detector", "attributor", "compact_trail"),
    ("text", "start", "end", "kind", "speaker", "mention", "cue", "confidence", "provenance"),
)
if _FIELDS != tuple(tuple(a.name for a in attrs.fields(c)) for c in (Trail, Provenance, Quote)):
    raise ImportError("quoteattr.trail: the fields of Trail, Provenance or Quote changed")


def _reported_name(name: str) -> str:
    try:
        return rule(name).reports_as or name
    except KeyError:
        return name


def _quotation_of(q: Quote, found: Sequence[Quotation]) -> Quotation | None:
    """The quotation a direct quote lies in; for a mixed quote, the one its start lies in,
    else the first one inside it."""
    k = bisect_right(found, q.start, key=_OPEN) - 1
    if k >= 0 and q.start < found[k].outer_end and (
            q.kind is _MIXED or q.end <= found[k].outer_end):
        return found[k]
    if q.kind is _DIRECT:
        return None
    k = bisect_right(found, q.start - 1, key=_OPEN)  # (a mixed quote may open on its mark)
    return found[k] if k < len(found) and found[k].open < q.end else None


def with_marks(quotes: list[Quote], found: Sequence[Quotation]) -> list[Quote]:
    """``quotes``, changed in place: the quotation-marks rule that paired each direct or mixed
    quote's quotation goes first in its trail (its span the quotation, marks included).
    ``found`` is every quotation of the article, in text order."""
    for n, q in enumerate(quotes):
        t = q.provenance.compact_trail
        m = _quotation_of(q, found) if t is not None and q.kind is not (
            _INDIRECT) else None
        if m is not None and t is not None:
            quotes[n] = with_trail(q, _marked(t, m.rule, m.open, m.outer_end))
    return quotes


# The builders below are positional, at half the cost of ``attrs.evolve`` (3,000 quotes per
# 84 articles; :data:`_FIELDS` pins the field order).
def with_trail(q: Quote, t: Trail) -> Quote:
    """``q`` with the trail ``t``."""
    p = q.provenance
    return Quote(q.text, q.start, q.end, q.kind, q.speaker, q.mention, q.cue, q.confidence,
                 Provenance(p.detector, p.attributor, t))


def _marked(t: Trail, rule: str, start: int, end: int) -> Trail:
    """``t`` with its quotation-marks step."""
    return Trail(t.detector, t.start, t.end, t.cue_rule, t.cue_start, t.cue_end, t.subject_rule,
                 t.subject_start, t.subject_end, t.speaker_rule, t.attribution_rule,
                 t.where_start, t.where_end, t.boundary_rule, rule, start, end, t.end_rule,
                 t.end_start, t.end_end, t.merge_rule, t.merge_start, t.merge_end)


def merged(t: Trail, rule: str, start: int, end: int) -> Trail:
    """``t`` with its merge step (a merge rule that joined quotes over ``start:end``)."""
    return Trail(t.detector, t.start, t.end, t.cue_rule, t.cue_start, t.cue_end, t.subject_rule,
                 t.subject_start, t.subject_end, t.speaker_rule, t.attribution_rule,
                 t.where_start, t.where_end, t.boundary_rule, t.marks_rule, t.marks_start,
                 t.marks_end, t.end_rule, t.end_start, t.end_end, rule, start, end)


def quote_trail(start: int, end: int, detector: str, cue: Cue | None, decided_by: str | None,
                attributor: str | None, mention: tuple[int, int] | None) -> Trail:
    """Cue rule, subject rule, speaker-sieve rule, the attribution rule when it differs from
    what the sieve reports (``same-paragraph``, ``continuation``, ...), then the detector."""
    where = mention or ((cue.start, cue.end) if cue is not None else (start, end))
    extra = attributor if attributor is not None and (
        decided_by is None or attributor != _reported_name(decided_by)) else None
    if cue is None:
        return Trail(detector, start, end, speaker_rule=decided_by, attribution_rule=extra,
                     where_start=where[0], where_end=where[1])
    subject = cue.subject
    if subject is None:
        return Trail(detector, start, end, cue.rule, cue.start, cue.end, None, 0, 0, decided_by,
                     extra, where[0], where[1])
    name = cue.subject_rule or f"subject-{cue.subject_side or 'found'}"
    return Trail(detector, start, end, cue.rule, cue.start, cue.end, name, subject.start,
                 subject.end, decided_by, extra, where[0], where[1])
