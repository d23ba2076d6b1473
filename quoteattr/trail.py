"""A quote's trail: the rules that fired for it, in the order they fired, with their spans."""

from __future__ import annotations

from .cues import Cue
from .rules import TrailStep, rule

__all__ = ["quote_trail"]


def _reported_name(name: str) -> str:
    try:
        return rule(name).reports_as or name
    except KeyError:
        return name


def quote_trail(start: int, end: int, detector: str, cue: Cue | None, decided_by: str | None,
                attributor: str | None, mention: tuple[int, int] | None
                ) -> tuple[TrailStep, ...]:
    """Cue rule, subject rule, speaker-sieve rule, the attribution rule when it differs from
    what the sieve reports (``same-paragraph``, ``continuation``, ...), then the detector."""
    steps: list[TrailStep] = []
    if cue is not None:
        steps.append(TrailStep("cue", cue.rule, cue.start, cue.end))
        if cue.subject is not None:
            name = cue.subject_rule or f"subject-{cue.subject_side or 'found'}"
            steps.append(TrailStep("subject", name, cue.subject.start, cue.subject.end))
    where = mention or ((cue.start, cue.end) if cue is not None else (start, end))
    if decided_by is not None:
        steps.append(TrailStep("speaker", decided_by, *where))
    if attributor is not None and (decided_by is None or attributor != _reported_name(
            decided_by)):
        steps.append(TrailStep("attribution", attributor, *where))
    steps.append(TrailStep("detector", detector, start, end))
    return tuple(steps)
