"""One entity per person: cluster name mentions, learn roles and gender, resolve
pronouns and role nouns.

Heuristics (names as the provenance reports them):

- ``named-cue``: the cue's subject is a name; it joins the entity with the same surname
  (accents and transliteration folded: ``Kovalenko``/``Kovalenkó``, ``Yury``/``Yuri``),
  unless the first names differ (``Ana Ruiz`` and ``Marta Ruiz`` are two people).
- ``pronoun``: ``he said`` → a person opening a sentence since the last speaker
  (``subject-salience``), else a single unnamed source that spoke last
  (``unnamed-antecedent``), else the most recent speaker of compatible gender, else the most
  recent person mentioned; gender is learned from the article (``Ms Ruiz``, or a ``she``
  that follows her as the only named speaker), never from a list of first names.
- ``role-noun``: ``the minister said`` → the person whose learned roles (and nationality,
  for ``the Chilean minister``) fit, preferring the article's main subject.
- ``role-subject`` (salience): ``The Chilean leader dismissed it. “…,” he said`` → the
  leader; an unheld role opening a sentence is an unnamed antecedent.
- ``title-qualifier``: ``the finance minister`` → the person titled Finance Minister.
- ``age-description``: ``the 54-year-old said`` → resolved like a pronoun.
- ``main-speaker-role``: ``the Chilean president said`` when nobody is titled president →
  the article's main subject, if that person spoke last and nothing learned contradicts it.
- ``organization`` / ``unnamed-source``: ``the ministry``, ``a senior official``.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet
from types import MappingProxyType

import attrs
import regex

from .lexicon import titles
from .mentions import Mention, MentionKind
from .model import GenderEvidence, Speaker, SpeakerType

#: How many holders of a role (the latest to be named) a role noun is matched against.
MAX_ROLE_HOLDERS = 32
_TRANSLIT = regex.compile(r"(?:yy|iy|ij|yj|yi|ii|i)$")
HEAD_OF_STATE = {"president", "prime minister", "chancellor", "leader", "king", "queen",
                 "premier", "monarch", "emir", "sultan"}


_FOLDED: dict[str, str] = {}


def fold(name: str) -> str:
    """Lower case, accents and transliteration endings folded: ``Kovalenskyy`` → ``kovalensky``."""
    folded = _FOLDED.get(name)
    if folded is None:
        s = unicodedata.normalize("NFKD", name)
        s = "".join(c for c in s if not unicodedata.combining(c)).lower().replace("’", "'")
        folded = str(_TRANSLIT.sub("y", s))
        if len(_FOLDED) >= 100_000:
            _FOLDED.clear()  # hostile input must not grow it without bound
        _FOLDED[name] = folded
    return folded


_NO_VOTES: Mapping[str, int] = MappingProxyType({})

#: The shared empty value of an entity's roles until the first one (an empty set takes 216
#: bytes, and most entities of a long article never learn a role, title or nationality).
_NO_NAMES: frozenset[str] = frozenset()


def _with(names: AbstractSet[str], item: str) -> AbstractSet[str]:
    """``names`` with ``item`` added: the set itself, or a new one for the shared empty."""
    grown = names if isinstance(names, set) else set(names)
    grown.add(item)
    return grown


def _also(names: tuple[str, ...], item: str) -> tuple[str, ...]:
    """``names`` with ``item`` added if new: a few names kept as a tuple, a quarter of the
    size of a set (only asked whether a name is among them, never in what order)."""
    return names if item in names else (*names, item)


@attrs.define
class Entity:
    """A person or organisation of the article, built up mention by mention."""

    key: str
    names: dict[str, int] = attrs.field(factory=dict)
    first_names: tuple[str, ...] = ()
    roles: AbstractSet[str] = _NO_NAMES
    nationalities: tuple[str, ...] = ()
    gender_votes: Mapping[str, int] = _NO_VOTES  # a dict from the first vote on
    gender_evidence: tuple[tuple[str, GenderEvidence], ...] = ()  # (gender, kind) voted
    role_phrases: tuple[str, ...] = ()  # ``roles`` as the text groups them, for output
    positions: list[int] = attrs.field(factory=list)
    organization: bool = False
    person_evidence: bool = False
    titles: tuple[str, ...] = ()  # ``port aide`` from ``port aide Teo Lind``

    @property
    def name(self) -> str:
        return max(self.names, key=lambda n: (len(n.split()), self.names[n], -len(n)))

    def vote(self, gender: str, weight: int, evidence: GenderEvidence) -> None:
        """Count ``weight`` votes for ``gender`` (``Ms Ruiz``: 3; a ``she`` after her: 1),
        and remember what kind of ``evidence`` gave them."""
        votes = self.gender_votes
        if not isinstance(votes, dict):
            votes = self.gender_votes = dict(votes)
        votes[gender] = votes.get(gender, 0) + weight
        if (gender, evidence) not in self.gender_evidence:
            self.gender_evidence = (*self.gender_evidence, (gender, evidence))

    @property
    def gender(self) -> str | None:
        if not self.gender_votes:
            return None
        ranked = sorted(self.gender_votes.values(), reverse=True)
        if len(ranked) > 1 and ranked[0] == ranked[1]:
            return None  # the article does not say
        return max(self.gender_votes, key=lambda g: self.gender_votes[g])

    def evidence(self, gender: str | None) -> GenderEvidence | None:
        """The strongest kind of evidence voted for ``gender`` (honorific, role, pronoun)."""
        kinds = {kind for g, kind in self.gender_evidence if g == gender}
        return next((kind for kind in GenderEvidence if kind in kinds), None)

    def speaker(self) -> Speaker:
        kind = SpeakerType.ORGANIZATION if self.organization else SpeakerType.PERSON
        aliases = tuple(sorted({clean_name(n) for n in self.names}))
        gender = self.gender
        return Speaker(clean_name(self.name), kind, aliases,
                       output_roles(self.roles, self.role_phrases), gender,
                       self.evidence(gender))


def output_roles(words: Iterable[str], phrases: Iterable[str]) -> tuple[str, ...]:
    """Roles as phrases, sorted: each phrase the text gave (``chief executive officer``) not
    inside a longer one, and each role word no phrase holds."""
    unique = set(phrases)
    kept = {p for p in unique if not any(p != q and f" {p} " in f" {q} " for q in unique)}
    covered = {w for p in unique for w in p.split()} | unique
    return tuple(sorted(kept | {w for w in words if w not in covered}))


def role_words(roles: Iterable[str]) -> set[str]:
    """Output roles back to the role words they hold (and the phrases themselves)."""
    return {w for r in roles for w in (r, *r.split())}


_SPACES = regex.compile(r"[\s]+")


_PARTS: dict[str, tuple[str, ...]] = {}


def _name_parts(name: str) -> tuple[str, ...]:
    """The words of ``name`` (remembered: the same names are split again and again)."""
    parts = _PARTS.get(name)
    if parts is None:
        parts = tuple(p for p in _SPACES.split(name.strip()) if p)
        if len(_PARTS) >= 100_000:
            _PARTS.clear()  # hostile input must not grow it without bound
        _PARTS[name] = parts
    return parts


class EntityIndex:
    """The article's entities, and resolution of mentions to them."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []
        self._by_key: dict[str, list[Entity]] = {}
        self._by_title: dict[str, list[Entity]] = {}  # ``port aide`` → who holds that title
        self._by_role: dict[str, list[Entity]] = {}  # ``president`` → who holds that role
        self._main: Entity | None = None  # the entity with the most mentions so far
        self.history: list[tuple[int, Entity]] = []  # (position, entity) of resolved speakers
        self.subjects: list[tuple[int, Entity]] = []  # names opening a sentence, in order
        # unnamed single sources that spoke (``One crane operator said``) and that open a
        # sentence (``The EU's envoy arrived.``), each list in text order, with their gender
        self.unnamed: list[tuple[int, Speaker, str | None]] = []
        self.unnamed_subjects: list[tuple[int, Speaker, str | None]] = []
        self._subject_mentions: dict[int, Mention] = {}  # position → unresolved role subject
        self.unnamed_groups: list[tuple[int, Speaker]] = []  # plural unnamed sources
        # who last spoke through a document: ``said in a statement`` → {"statement": speaker}
        self.documents: dict[str, Speaker] = {}

    # -- building ---------------------------------------------------------------------------
    def add(self, m: Mention, position: int) -> Entity | None:
        """Record a name or organisation mention; return its entity."""
        if m.name is None or m.kind not in (MentionKind.NAME, MentionKind.ORGANIZATION):
            return None
        parts = _name_parts(m.name)
        if not parts:
            return None
        key = fold(parts[-1])
        first = fold(parts[0]) if len(parts) > 1 else None
        candidates = self._by_key.get(key, [])
        entity = None
        if first is not None:
            for e in candidates:
                if not e.first_names or first in e.first_names or any(
                    f.startswith(first[:1]) and (len(first) <= 2 or len(f) <= 2)
                    for f in e.first_names
                ):
                    entity = e
                    break
        elif candidates:
            entity = max(candidates, key=lambda e: len(e.positions))
        if entity is None:
            entity = Entity(key)
            self.entities.append(entity)
            self._by_key.setdefault(key, []).append(entity)
        entity.names[m.name] = entity.names.get(m.name, 0) + 1
        if first is not None:
            entity.first_names = _also(entity.first_names, first)
        self.learn_roles(entity, m.roles, m.role_phrases)
        if m.roles and m.kind is MentionKind.NAME:
            title = title_key(m.text.replace(m.name, " "))
            if title and title not in entity.titles:
                entity.titles = _also(entity.titles, title)
                self._by_title.setdefault(title, []).append(entity)
        if m.nationality:
            entity.nationalities = _also(entity.nationalities, m.nationality)
        if m.gender:
            entity.vote(m.gender, 3, m.gender_evidence or GenderEvidence.HONORIFIC)
        if entity.positions and position < entity.positions[-1]:
            bisect.insort(entity.positions, position)  # a cue's name found after indexing
        else:
            entity.positions.append(position)
        if m.kind is MentionKind.ORGANIZATION:
            entity.organization = True
        elif self._main is None or len(entity.positions) > len(self._main.positions):
            self._main = entity  # the person mentioned most so far
        if (m.roles or m.gender or len(parts) > 1) and fold(parts[-1]) not in titles.PLACE_WORDS:
            entity.person_evidence = True  # (not ``Harbour Road``)
        return entity

    def learn_roles(self, entity: Entity, roles: Iterable[str], phrases: Iterable[str] = ()
                    ) -> None:
        """``entity`` holds ``roles`` (``president``, ``aide``), as the article says, which
        the text groups as ``phrases`` (``chief executive officer``; kept for output)."""
        for role in roles:
            if role not in entity.roles:
                entity.roles = _with(entity.roles, role)
                self._by_role.setdefault(role, []).append(entity)
        for phrase in phrases:
            entity.role_phrases = _also(entity.role_phrases, phrase)

    def lookup(self, m: Mention) -> Entity | None:
        if m.name is None:
            return None
        parts = _name_parts(m.name)
        if not parts:
            return None
        candidates = self._by_key.get(fold(parts[-1]), [])
        if not candidates:
            return None
        if len(parts) > 1:
            first = fold(parts[0])
            for e in candidates:
                if first in e.first_names:
                    return e
        return max(candidates, key=lambda e: len(e.positions))

    def main_subject(self) -> Entity | None:
        """The person the article mentions most (kept up to date as mentions are added)."""
        main = self._main
        if main is not None and main.organization:
            people = [e for e in self.entities if not e.organization]  # (rare: recount)
            main = self._main = max(people, key=lambda e: len(e.positions)) if people else None
        return main

    def entity_named(self, label: str) -> Entity | None:
        """The entity a bare name refers to (``Ilunga``, ``Mateo Ilunga``), or None."""
        parts = _name_parts(label)
        found = self._by_key.get(fold(parts[-1]), []) if parts else []
        if len(parts) > 1:
            found = [e for e in found if fold(parts[0]) in e.first_names] or []
        return max(found, key=lambda e: len(e.positions)) if found else None

    def entity_of(self, speaker: Speaker | None) -> Entity | None:
        """The entity a resolved speaker stands for (None for unnamed sources)."""
        if speaker is None or speaker.type is SpeakerType.ANONYMOUS:
            return None
        parts = _name_parts(speaker.name)
        found = self._by_key.get(fold(parts[-1]), []) if parts else []
        return next((e for e in found if e.name == speaker.name), None)

    def note_speaker(self, entity: Entity, position: int) -> None:
        self.history.append((position, entity))
        entity.person_evidence = entity.person_evidence or not entity.organization and (
            fold(_name_parts(entity.name)[-1]) not in titles.PLACE_WORDS)

    def _last_subject(self, position: int) -> tuple[int, Entity] | None:
        """The last sentence subject before ``position``."""
        k = bisect.bisect_left(self.subjects, position, key=lambda s: s[0]) - 1
        return self.subjects[k] if k >= 0 else None

    def _last_speaker_position(self, position: int) -> int:
        """Where the last named speaker before ``position`` spoke, or -1."""
        return next((p for p, _ in reversed(self.history) if p < position), -1)

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

    def last_unnamed_group(self, position: int, window: int) -> Speaker | None:
        """The last plural unnamed source that spoke since ``window`` (for ``one of them``)."""
        k = bisect.bisect_left(self.unnamed_groups, position, key=lambda u: u[0]) - 1
        return self.unnamed_groups[k][1] if k >= 0 and self.unnamed_groups[k][0] >= window else (
            None)

    def _last_unnamed(self, position: int) -> tuple[int, Speaker, str | None] | None:
        found = None
        for notes in (self.unnamed, self.unnamed_subjects):
            k = bisect.bisect_left(notes, position, key=lambda u: u[0]) - 1
            if k >= 0 and (found is None or notes[k][0] > found[0]):
                found = notes[k]
        return found

    def unnamed_antecedent(self, gender: str | None, position: int, window: int
                           ) -> Speaker | None:
        """Rule ``unnamed-antecedent``: the last unnamed single source when it spoke after
        every named speaker and sentence subject (``One crane operator said …. “…,” he
        said`` → One crane operator)."""
        last_unnamed = self._last_unnamed(position)
        if last_unnamed is None:
            return None
        pos, speaker, g = last_unnamed
        if not window <= pos < position or gender is not None and g not in (None, gender):
            return None
        last = self._last_subject(position)
        subject = last[0] if last is not None and last[1].person_evidence else -1
        if pos <= max(self._last_speaker_position(position), subject):
            return None
        role = self._subject_mentions.get(pos)
        main = None
        if role is not None:  # ``The GOP candidate … he``
            main = self.main_speaker_for_role(role, pos, window) or self.last_speaker_for_role(
                role, pos, window, window)
        return main.speaker() if main is not None else speaker

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

    def note_subject(self, entity: Entity, position: int) -> None:
        """``Okafor dismissed that figure.``: a name as a sentence's subject (in text order)."""
        self.subjects.append((position, entity))

    def subject_between(self, name: str, position: int) -> bool:
        """Another person opens a sentence between ``name``'s last mention and ``position``."""
        parts = _name_parts(name)
        owner = self._by_key.get(fold(parts[-1]), []) if parts else []
        last = max((e.positions[k - 1] for e in owner
                    if (k := bisect.bisect_left(e.positions, position)) > 0), default=-1)
        subject = self._last_subject(position)
        return subject is not None and subject[0] > last and subject[1] not in owner

    # -- resolution -------------------------------------------------------------------------
    def resolve_pronoun(self, gender: str | None, position: int, window: int) -> Entity | None:
        """The subject of a sentence since the last speaker (rule ``subject-salience``:
        ``Okafor dismissed that figure. “…,” she said`` → Okafor), else the most recent
        compatible speaker after ``window``, else the most recent person."""
        subject = self._last_subject(position)
        if subject is not None:
            pos, e = subject
            compatible = gender is None or e.gender in (None, gender)
            if pos >= window and e.person_evidence and not e.organization and compatible and (
                pos > self._last_speaker_position(position)
            ):
                return e
        for pos, e in reversed(self.history):
            if pos >= position:
                continue
            if pos < window:
                break
            if not e.organization and (gender is None or e.gender in (None, gender)):
                return e
        best: tuple[int, Entity] | None = None
        main = self.main_subject()
        for e in self.entities:
            if e.organization or not e.person_evidence:
                continue
            if gender is not None and e.gender not in (None, gender):
                continue
            before = [p for p in e.positions if p < position]
            if not before:
                continue
            if e is main and before[-1] >= window:
                return e  # the article's main subject, mentioned lately, wins
            if best is None or before[-1] > best[0]:
                best = (before[-1], e)
        return best[1] if best else None

    def main_speaker_for_role(self, m: Mention, position: int, window: int) -> Entity | None:
        """Rule ``main-speaker-role``: a definite role noun no named person holds (``the
        harbour chief said``, no harbour chief named) is the article's main subject when that
        person was the last to speak, was mentioned since ``window``, and nothing the article
        says of them (roles, nationality) contradicts it."""
        main = self.main_subject()
        if main is None or m.plural or m.possessor or not main.person_evidence:
            return None
        if main.roles and not main.roles & set(m.roles):
            return None
        if m.nationality and main.nationalities and m.nationality not in main.nationalities:
            return None
        k = bisect.bisect_left(main.positions, position) - 1
        if k < 0 or main.positions[k] < window:
            return None  # not mentioned since ``window``
        last = next((e for p, e in reversed(self.history) if p < position), None)
        return main if last is main else None  # nobody else has spoken since

    def last_speaker_for_role(self, m: Mention, position: int, window: int, paragraph: int
                              ) -> Entity | None:
        """Rule ``last-speaker-role``: a definite role noun no named person holds (``Tarnov
        said …. The working groups will meet in May, the spokesman added``) is the last person
        to speak in its paragraph (since ``paragraph``), if the article gives that person no
        role and no nationality or gender against it; ``the former ambassador`` may follow a
        person with other roles, in this or the previous paragraph (since ``window``)."""
        if m.plural or m.possessor:
            return None
        former = "former" in m.text.lower().split()
        last = next(((p, e) for p, e in reversed(self.history) if p < position), None)
        if last is None or last[0] < (window if former else paragraph) or last[1].organization:
            return None
        e = last[1]
        if e.roles and not former and not e.roles & set(m.roles):
            return None
        if m.nationality and e.nationalities and m.nationality not in e.nationalities:
            return None
        if m.gender and e.gender not in (None, m.gender):
            return None
        return e

    def resolve_title(self, m: Mention) -> Entity | None:
        """``a port aide`` → the one person the article calls ``port aide Teo Lind``."""
        if m.plural or not m.roles:
            return None
        key = title_key(m.text)
        found = [e for e in self._by_title.get(key, ()) if not e.organization]
        return found[0] if len(found) == 1 else None

    def resolve_role(self, m: Mention, position: int) -> Entity | None:
        """``the president``, ``the Chilean leader``, ``Ruiz's spokesperson``: a person who
        holds every role the mention names (``the state attorney general`` is no plain
        ``attorney``) and whose learned gender does not contradict it."""
        if not m.roles:
            return None
        first = "leader" if m.roles[0] == "leader" else m.roles[0]
        holders = [e for r in (HEAD_OF_STATE | {"leader"} if first == "leader" else {first})
                   for e in self._by_role.get(r, ())[-MAX_ROLE_HOLDERS:]]
        unique = {id(e): e for e in holders}.values()  # (entities are mutable: no hashing)
        cands = [e for e in unique if not e.organization and _holds(e, m.roles)
                 and (m.gender is None or e.gender in (None, m.gender))]
        if m.possessor:
            owner = fold(m.possessor)
            cands = [e for e in cands if e.key != owner] or cands
        if m.nationality:
            cands = [e for e in cands if m.nationality in e.nationalities]
        cands = [e for e in cands if any(p < position for p in e.positions)] or cands
        if not cands:
            return None
        qualifiers = set(title_key(m.text).split()) - titles.ROLES - {"'s", "’s"}
        if qualifiers:  # rule title-qualifier: ``the finance minister`` → Finance Minister X
            fitting = [e for e in cands if any(qualifiers <= set(t.split()) for t in e.titles)]
            if fitting:
                cands, qualifiers = fitting, set()
        last = next((e for p, e in reversed(self.history) if p < position), None)
        if last in cands and len(cands) > 1:
            return last  # ``She said …. Lind had done most of the talking, the president added``
        main = self.main_subject()
        if main in cands and not m.nationality and not qualifiers:
            return main
        return max(cands, key=lambda e: (len(e.positions), max(e.positions)))


def _holds(e: Entity, roles: tuple[str, ...]) -> bool:
    """``e`` holds all of ``roles``; ``leader`` is held by any head of state or government."""
    need = set(roles)
    if "leader" in need:
        need.discard("leader")
        if not e.roles & (HEAD_OF_STATE | {"leader"}):
            return False
    return bool(roles) and need <= e.roles


def title_key(phrase: str) -> str:
    """``a Kremlin-style port aide,`` → ``kremlin-style port aide``: a title without
    determiners or punctuation, for matching an unnamed mention to a named one."""
    words = regex.findall(r"[\p{L}][\p{L}'’.-]*", fold(phrase))
    return " ".join(w for w in words if w not in TITLE_DETERMINERS)


TITLE_DETERMINERS = {"a", "an", "the", "one", "another"}


def clean_name(name: str) -> str:
    """A speaker's name as one line of plain spaces: no-break spaces, line breaks and runs of
    white space become one space; soft hyphens and zero-width characters go."""
    if name.isascii() and "  " not in name and "\n" not in name:
        return name
    return " ".join(name.translate(_INVISIBLE_IN_NAMES).split())


_INVISIBLE_IN_NAMES = {ord(c): None for c in "\u00ad\u200b\u200c\u200d\u2060\ufeff"}


def anonymous_speaker(m: Mention) -> Speaker:
    """An unnamed source; its gender only from a gendered role noun or honorific it holds
    (``a spokeswoman``)."""
    name = clean_name(m.text)
    gender, evidence = m.gender, m.gender_evidence
    if gender is None:
        words = (w.strip(".,;:").lower() for w in m.text.split())
        gender = next((g for w in words if (g := titles.GENDERED_ROLES.get(w))), None)
        evidence = GenderEvidence.ROLE if gender else None
    return Speaker(name, SpeakerType.ANONYMOUS, (name,), output_roles(m.roles, m.role_phrases),
                   gender, evidence)


def organization_speaker(m: Mention, entity: Entity | None) -> Speaker:
    if entity is not None:
        return entity.speaker()
    return Speaker(clean_name(m.name or m.text), SpeakerType.ORGANIZATION)
