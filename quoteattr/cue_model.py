"""The :class:`Cue` record: a reporting cue found in a paragraph's tokens, with its subject.

The cue finder (:mod:`quoteattr.cues`) makes it, the subject sieve (:mod:`quoteattr.subjects`)
fills in its subject, and the later stages read it; it lives apart so that data flows one way.
"""

from __future__ import annotations

import attrs

from .mentions import Mention

__all__ = ["Cue"]



@attrs.frozen(slots=True)
class Cue:
    """A reporting cue in a paragraph's token list."""

    verb: int  # token index of the verb (or of ``according``)
    first: int  # first token of the cue phrase (auxiliaries included)
    last: int  # last token of the cue phrase (adjuncts included)
    lemma: str
    rule: str
    start: int
    end: int
    subject: Mention | None = None
    # where the subject was found: "left", "right", "apposition", "sentence", "coordinated",
    # "relative" or "description" (docs/heuristics.md lists them with examples)
    subject_side: str | None = None
    subject_rule: str | None = None  # the subject-sieve rule that found ``subject``

    def with_subject(self, subject: Mention | None, side: str | None,
                     rule: str | None) -> Cue:
        """This cue with ``subject``, found on ``side`` by ``rule``; built positionally, at
        half the cost of ``attrs.evolve`` (the subject sieve makes one per cue)."""
        return Cue(self.verb, self.first, self.last, self.lemma, self.rule, self.start,
                   self.end, subject, side, rule)
