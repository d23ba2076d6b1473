"""The value objects the pipeline returns: small, frozen, picklable attrs classes."""

from __future__ import annotations

import enum
from typing import Any

import attrs

from .rules import Trail, TrailStep

#: Version of the record format written by :meth:`Quote.to_dict` (see docs/output-format.md).
SCHEMA_VERSION = "1.1"


class QuoteKind(enum.StrEnum):
    """How the words are reported: verbatim, partly verbatim, or paraphrased."""

    DIRECT = "direct"
    MIXED = "mixed"
    INDIRECT = "indirect"

    def __str__(self) -> str:
        return self.value


class SpeakerType(enum.StrEnum):
    """What kind of source speaks."""

    PERSON = "person"
    ORGANIZATION = "organization"
    ANONYMOUS = "anonymous"

    def __str__(self) -> str:
        return self.value


@attrs.frozen(slots=True)
class Span:
    """A stretch of the caller's text: ``text[start:end] == span.text``."""

    start: int
    end: int
    text: str

    def __len__(self) -> int:
        return self.end - self.start


@attrs.frozen(slots=True)
class Speaker:
    """One entity of the article: a person, an organisation or an unnamed source.

    ``name`` is the fullest form the article gives (``Olga Petrenko`` for
    ``Petrenko``, ``Ms Petrenko`` and ``the ambassador``).
    """

    name: str
    type: SpeakerType = SpeakerType.PERSON
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    gender: str | None = None


@attrs.frozen(slots=True)
class Provenance:
    """Which named rules produced a quote: one found it, one chose its speaker, and the
    ``trail`` of every rule that fired for it, in order."""

    detector: str
    attributor: str | None = None
    compact_trail: Trail | None = None

    @property
    def trail(self) -> tuple[TrailStep, ...]:
        """Every rule that fired for the quote, in order, with the span each looked at."""
        return self.compact_trail.steps() if self.compact_trail is not None else ()


@attrs.frozen(slots=True)
class Quote:
    """One attributed quotation; ``text`` is exactly ``article[start:end]``."""

    text: str
    start: int
    end: int
    kind: QuoteKind
    speaker: Speaker | None
    mention: Span | None
    cue: Span | None
    confidence: float
    provenance: Provenance

    @property
    def speaker_name(self) -> str | None:
        return self.speaker.name if self.speaker else None

    def to_dict(self, doc: str | None = None) -> dict[str, Any]:
        """The record of ``shared/gold/SCHEMA.md``, plus offsets and provenance."""
        record: dict[str, Any] = {}
        if doc is not None:
            record["doc"] = doc
        record.update(
            kind=self.kind.value,
            text=self.text,
            start=self.start,
            end=self.end,
            speaker=self.speaker_name,
            speaker_type=self.speaker.type.value if self.speaker else None,
            speaker_mention=self.mention.text if self.mention else None,
            speaker_mention_start=self.mention.start if self.mention else None,
            speaker_mention_end=self.mention.end if self.mention else None,
            cue=self.cue.text if self.cue else None,
            cue_start=self.cue.start if self.cue else None,
            cue_end=self.cue.end if self.cue else None,
            confidence=round(self.confidence, 3),
            rule=self.provenance.detector,
            speaker_rule=self.provenance.attributor,
            trail=[step.to_dict() for step in self.provenance.trail],
        )
        return record


@attrs.frozen(slots=True)
class Article:
    """One document's result: its quotes and the speakers (entities) they name."""

    text: str
    quotes: tuple[Quote, ...]
    speakers: tuple[Speaker, ...]
    doc: str | None = None

    def quote_counts(self) -> dict[str, int]:
        """Number of quotes per speaker name."""
        counts: dict[str, int] = {}
        for q in self.quotes:
            if q.speaker is not None:
                counts[q.speaker.name] = counts.get(q.speaker.name, 0) + 1
        return counts

    def _repr_html_(self) -> str:
        from .display import article_to_html

        return article_to_html(self)
