"""The discourse timeline: what happened where in the article, in text order.

Who spoke (named speakers, unnamed single sources, plural groups), which names and role nouns
opened a sentence, and who last spoke through a document (``said in a statement``). The
entities themselves, and all they are known by, are in the
:class:`~quoteattr.entities.EntityStore`; the timeline only points at them. Every list is
appended to in text order (as paragraphs are indexed, then as cues are resolved) and looked
up by position with :mod:`bisect`.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator

from .entities import Entity, anonymous_speaker, role_words
from .mentions import Mention
from .model import Speaker

__all__ = ["SpeakerHistory", "Timeline", "UnnamedNote", "UnnamedSources"]

#: ``(position, speaker, gender)`` of an unnamed single source.
UnnamedNote = tuple[int, Speaker, str | None]


class SpeakerHistory:
    """The named speakers who spoke, and the names that opened a sentence, in text order."""

    def __init__(self) -> None:
        self.history: list[tuple[int, Entity]] = []  # (position, entity) of resolved speakers
        self.subjects: list[tuple[int, Entity]] = []  # names opening a sentence, in order

    def note_speaker(self, entity: Entity, position: int) -> None:
        """``entity`` spoke at ``position`` (the next ``she said`` may be hers)."""
        self.history.append((position, entity))

    def speakers_noted(self) -> int:
        """How many speakers are noted so far (a mark for :meth:`forget_speakers`)."""
        return len(self.history)

    def forget_speakers(self, mark: int) -> None:
        """Forget the speakers noted since ``mark`` (``Lind said the mayor had promised …``:
        the mayor did not speak)."""
        del self.history[mark:]

    def note_subject(self, entity: Entity, position: int) -> None:
        """``Okafor dismissed that figure.``: a name as a sentence's subject (in text order)."""
        self.subjects.append((position, entity))

    def last_subject(self, position: int) -> tuple[int, Entity] | None:
        """The last sentence subject before ``position``."""
        k = bisect.bisect_left(self.subjects, position, key=lambda s: s[0]) - 1
        return self.subjects[k] if k >= 0 else None

    def last_speaker_position(self, position: int) -> int:
        """Where the last named speaker before ``position`` spoke, or -1."""
        return next((p for p, _ in reversed(self.history) if p < position), -1)

    def last_speaker(self, position: int) -> tuple[int, Entity] | None:
        """The last named speaker before ``position``, and where they spoke."""
        return next(((p, e) for p, e in reversed(self.history) if p < position), None)

    def speakers_since(self, window: int, position: int) -> Iterator[Entity]:
        """The named speakers between ``window`` and ``position``, latest first."""
        for pos, e in reversed(self.history):
            if pos >= position:
                continue
            if pos < window:
                break
            yield e


class UnnamedSources:
    """Unnamed sources: single ones that spoke or opened a sentence, and plural groups."""

    def __init__(self) -> None:
        # unnamed single sources that spoke (``One crane operator said``) and that open a
        # sentence (``The EU's envoy arrived.``), each list in text order, with their gender
        self.unnamed: list[UnnamedNote] = []
        self.unnamed_subjects: list[UnnamedNote] = []
        self._subject_mentions: dict[int, Mention] = {}  # position → unresolved role subject
        self.unnamed_groups: list[tuple[int, Speaker]] = []  # plural unnamed sources

    def note_unnamed(self, speaker: Speaker, gender: str | None, position: int) -> None:
        """``One crane operator said``: a single unnamed source a later ``he`` may mean
        (noted in text order, as cues are resolved)."""
        self.unnamed.append((position, speaker, gender))

    def note_unnamed_subject(self, m: Mention) -> None:
        """``The EU's foreign policy chief welcomed the talks.``: a role noun no named person
        holds, opening a sentence (noted in text order while indexing)."""
        self.unnamed_subjects.append((m.start, anonymous_speaker(m), m.gender))
        self._subject_mentions[m.start] = m

    def note_unnamed_group(self, speaker: Speaker, position: int) -> None:
        """``Two officials at the ministry said``: plural unnamed sources, in text order."""
        self.unnamed_groups.append((position, speaker))

    def last_unnamed(self, position: int) -> UnnamedNote | None:
        """The last unnamed single source before ``position``, speaking or a subject."""
        found = None
        for notes in (self.unnamed, self.unnamed_subjects):
            k = bisect.bisect_left(notes, position, key=lambda u: u[0]) - 1
            if k >= 0 and (found is None or notes[k][0] > found[0]):
                found = notes[k]
        return found

    def subject_mention(self, position: int) -> Mention | None:
        """The role noun noted as an unnamed subject at ``position``, if any."""
        return self._subject_mentions.get(position)

    def last_unnamed_group(self, position: int, window: int) -> Speaker | None:
        """The last plural unnamed source that spoke since ``window`` (for ``one of them``)."""
        k = bisect.bisect_left(self.unnamed_groups, position, key=lambda u: u[0]) - 1
        return self.unnamed_groups[k][1] if k >= 0 and self.unnamed_groups[k][0] >= window else (
            None)

    def unnamed_by_role(self, roles: tuple[str, ...] | None, position: int, window: int
                        ) -> Speaker | None:
        """``A senior diplomat said …. “…,” the diplomat said``: the last unnamed source whose
        roles the definite role noun shares, in this or the previous paragraph; with ``roles``
        None (``the source said``), any unnamed source that spoke."""
        k = bisect.bisect_left(self.unnamed, position, key=lambda u: u[0]) - 1
        if k < 0 or roles is not None and not roles:
            return None
        pos, speaker, _g = self.unnamed[k]
        if window <= pos < position and (roles is None or set(roles) & role_words(speaker.roles)):
            return speaker
        return None


class Timeline(SpeakerHistory, UnnamedSources):
    """An article's discourse history, in text order: its named speakers
    (:class:`SpeakerHistory`), its unnamed sources (:class:`UnnamedSources`) and who last
    spoke through each document."""

    def __init__(self) -> None:
        SpeakerHistory.__init__(self)
        UnnamedSources.__init__(self)
        # who last spoke through a document: ``said in a statement`` → {"statement": speaker}
        self.documents: dict[str, Speaker] = {}

    def note_document(self, noun: str, speaker: Speaker) -> None:
        """``Ruiz said in a statement``: ``speaker`` is the last to speak through ``noun``."""
        self.documents[noun] = speaker

    def document_speaker(self, noun: str) -> Speaker | None:
        """Who last spoke through the document ``noun`` (``statement``), or None."""
        return self.documents.get(noun)
