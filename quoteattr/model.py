"""The value objects the pipeline returns: small, frozen, picklable attrs classes."""

from __future__ import annotations

import enum
from typing import Any

import attrs

from .rules import Trail, TrailStep, rule

#: Version of the record format written by :meth:`Quote.to_dict` (see docs/output-format.md).
SCHEMA_VERSION = "1.3"
#: The sieve whose quotes are headline attributions (:attr:`Quote.headline`).
HEADLINE_SIEVE = "headline"


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


class GenderEvidence(enum.StrEnum):
    """What in the article told a speaker's gender, strongest first (never a list of names)."""

    HONORIFIC = "honorific"  # ``Ms Ruiz``, ``Mr Lind``
    ROLE = "role"  # a gendered role noun: ``spokeswoman``, ``chairman``
    PRONOUN = "pronoun"  # a ``she`` or ``he`` the article uses of that speaker

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
    ``Petrenko``, ``Ms Petrenko`` and ``the ambassador``); ``roles`` are phrases
    (``chief executive officer``); ``gender`` is ``"f"``, ``"m"`` or None, learned from
    the article only, with ``gender_evidence`` saying how.
    """

    name: str
    type: SpeakerType = SpeakerType.PERSON
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    gender: str | None = None
    gender_evidence: GenderEvidence | None = None


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

    @property
    def headline(self) -> bool:
        """Whether a rule of the ``headline`` sieve found it: the attribution of a headline
        or subhead (``Mayor Lind: Levy will pass``), which a reader may keep or drop."""
        try:
            return rule(self.provenance.detector).sieve == HEADLINE_SIEVE
        except KeyError:
            return False

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
            speaker_gender=self.speaker.gender if self.speaker else None,
            speaker_gender_evidence=_evidence(self.speaker),
            speaker_roles=list(self.speaker.roles) if self.speaker else None,
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
            headline=self.headline,
        )
        return record


def _evidence(speaker: Speaker | None) -> str | None:
    if speaker is None or speaker.gender is None or speaker.gender_evidence is None:
        return None
    return speaker.gender_evidence.value


#: How many characters of the text ``repr(Article)`` shows.
REPR_TEXT = 60


@attrs.frozen(slots=True, repr=False)
class Article:
    """One document's result: its quotes and the speakers (entities) they name."""

    text: str
    quotes: tuple[Quote, ...]
    speakers: tuple[Speaker, ...]
    doc: str | None = None

    def __repr__(self) -> str:
        """A summary: doc, size, counts and the start of the text (not the whole text)."""
        head = " ".join(self.text[:REPR_TEXT].split())
        more = "…" if len(self.text) > REPR_TEXT else ""
        return (f"Article(doc={self.doc!r}, chars={len(self.text)}, quotes={len(self.quotes)}, "
                f"speakers={len(self.speakers)}, text={head + more!r})")

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
