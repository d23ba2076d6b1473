"""A quote's trail: the rules that fired for it, in the order they fired, with their spans."""

from __future__ import annotations

from .cue_model import Cue
from .rules import Trail, rule

__all__ = ["quote_trail"]


def _reported_name(name: str) -> str:
    try:
        return rule(name).reports_as or name
    except KeyError:
        return name


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
