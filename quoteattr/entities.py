"""The entity store: who the article's people and organisations are.

An :class:`Entity` gathers one person's names, aliases, roles, titles, nationalities and
gender votes, mention by mention; :class:`EntityStore` holds an article's entities and the
lookups over them (by surname, title and role). It knows nothing of the order in which
people spoke: that is the discourse :class:`~quoteattr.timeline.Timeline`.

The word lists read here (``titles.PLACE_WORDS``, ``titles.TITLE_DETERMINERS``,
``titles.GENDERED_ROLES``) are read at call time, so an entry added to them takes effect on
the next call. The two caches below (:func:`fold`, :func:`name_parts`) hold no lexicon word:
they need no refresh when the lexicon changes.
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

__all__ = ["Entity", "EntityStore", "anonymous_speaker", "clean_name", "fold", "name_parts",
           "organization_speaker", "output_roles", "role_words", "title_key"]

_TRANSLIT = regex.compile(r"(?:yy|iy|ij|yj|yi|ii|i)$")  # a spelling rule, not a word list

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


_SPACES = regex.compile(r"[\s]+")

_PARTS: dict[str, tuple[str, ...]] = {}


def name_parts(name: str) -> tuple[str, ...]:
    """The words of ``name`` (remembered: the same names are split again and again)."""
    parts = _PARTS.get(name)
    if parts is None:
        parts = tuple(p for p in _SPACES.split(name.strip()) if p)
        if len(_PARTS) >= 100_000:
            _PARTS.clear()  # hostile input must not grow it without bound
        _PARTS[name] = parts
    return parts


_TITLE_WORD = regex.compile(r"[\p{L}][\p{L}'’.-]*")
_TITLE_WORDS: dict[str, list[str]] = {}


def _title_words(phrase: str) -> list[str]:
    """The folded words of ``phrase`` (remembered, like :func:`fold`)."""
    words = _TITLE_WORDS.get(phrase)
    if words is None:
        words = _TITLE_WORD.findall(fold(phrase))
        if len(_TITLE_WORDS) >= 100_000:
            _TITLE_WORDS.clear()  # hostile input must not grow it without bound
        _TITLE_WORDS[phrase] = words
    return words


def title_key(phrase: str) -> str:
    """``a Kremlin-style port aide,`` → ``kremlin-style port aide``: a title without
    determiners (``titles.TITLE_DETERMINERS``) or punctuation, for matching an unnamed
    mention to a named one."""
    determiners = titles.TITLE_DETERMINERS
    return " ".join([w for w in _title_words(phrase) if w not in determiners])


def clean_name(name: str) -> str:
    """A speaker's name as one line of plain spaces: no-break spaces, line breaks and runs of
    white space become one space; soft hyphens and zero-width characters go."""
    if name.isascii() and "  " not in name and "\n" not in name:
        return name
    return " ".join(name.translate(_INVISIBLE_IN_NAMES).split())


_INVISIBLE_IN_NAMES = {ord(c): None for c in "\u00ad\u200b\u200c\u200d\u2060\ufeff"}


def output_roles(words: Iterable[str], phrases: Iterable[str]) -> tuple[str, ...]:
    """Roles as phrases, sorted: each phrase the text gave (``chief executive officer``) not
    inside a longer one, and each role word no phrase holds."""
    unique = set(phrases)
    if not unique:
        return tuple(sorted(set(words)))  # (the usual case: no phrase to compare)
    kept = {p for p in unique if not any(p != q and f" {p} " in f" {q} " for q in unique)}
    covered = {w for p in unique for w in p.split()} | unique
    return tuple(sorted(kept | {w for w in words if w not in covered}))


def role_words(roles: Iterable[str]) -> set[str]:
    """Output roles back to the role words they hold (and the phrases themselves)."""
    return {w for r in roles for w in (r, *r.split())}


_NO_VOTES: Mapping[str, int] = MappingProxyType({})
# Module globals for the enum members read per name (a read through the enum class is slow).
_NAME, _ORGANIZATION = MentionKind.NAME, MentionKind.ORGANIZATION
_NAMED = (MentionKind.NAME, MentionKind.ORGANIZATION)
#: The kinds of gender evidence, strongest first (iterating the enum class itself is slow).
_EVIDENCE_ORDER = tuple(GenderEvidence)

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
    positions: list[int] = attrs.field(factory=list)  # sorted
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
        return next((kind for kind in _EVIDENCE_ORDER if kind in kinds), None)

    def last_before(self, position: int) -> int:
        """Where the entity was last mentioned before ``position``, or -1."""
        k = bisect.bisect_left(self.positions, position)
        return self.positions[k - 1] if k > 0 else -1

    def speaker(self) -> Speaker:
        kind = SpeakerType.ORGANIZATION if self.organization else SpeakerType.PERSON
        aliases = tuple(sorted({clean_name(n) for n in self.names}))
        gender = self.gender
        return Speaker(clean_name(self.name), kind, aliases,
                       output_roles(self.roles, self.role_phrases), gender,
                       self.evidence(gender))


def _is_place(parts: tuple[str, ...]) -> bool:
    """``Harbour Road``: the name's last word is a place word (``titles.PLACE_WORDS``)."""
    return fold(parts[-1]) in titles.PLACE_WORDS


class MainSubject:
    """The person mentioned most so far, kept as mentions are placed."""

    __slots__ = ("entity",)

    def __init__(self) -> None:
        self.entity: Entity | None = None  # the entity with the most mentions so far

    def place(self, entity: Entity, m: Mention, position: int) -> None:
        """Note that ``entity`` is mentioned at ``position`` (keeping the main subject)."""
        if entity.positions and position < entity.positions[-1]:
            bisect.insort(entity.positions, position)  # a cue's name found after indexing
        else:
            entity.positions.append(position)
        if m.kind is _ORGANIZATION:
            entity.organization = True
        elif self.entity is None or len(entity.positions) > len(self.entity.positions):
            self.entity = entity  # the person mentioned most so far

    def current(self, entities: list[Entity]) -> Entity | None:
        """The main subject, recounted among ``entities`` if it proved an organisation."""
        main = self.entity
        if main is not None and main.organization:
            people = [e for e in entities if not e.organization]  # (rare: recount)
            main = self.entity = max(people, key=lambda e: len(e.positions)) if people else None
        return main


def _first_name_fit(candidates: list[Entity], first: str) -> Entity | None:
    """The first of ``candidates`` whose first names fit ``first`` (an initial fits)."""
    for e in candidates:
        if not e.first_names or first in e.first_names or any(
            f.startswith(first[:1]) and (len(first) <= 2 or len(f) <= 2)
            for f in e.first_names
        ):
            return e
    return None


class NameIndex:
    """An article's entities in the order first mentioned, found by surname and first name,
    and the person mentioned most."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []  # in the order first mentioned
        self._by_key: dict[str, list[Entity]] = {}  # folded surname → its entities
        self._main = MainSubject()

    def _match(self, key: str, first: str | None) -> Entity:
        """The entity of surname ``key`` whose first names fit ``first`` (the most mentioned
        one for a bare surname), else a new one."""
        candidates = self._by_key.get(key, [])
        entity = _first_name_fit(candidates, first) if first is not None else (
            max(candidates, key=lambda e: len(e.positions)) if candidates else None)
        if entity is None:
            entity = Entity(key)
            self.entities.append(entity)
            self._by_key.setdefault(key, []).append(entity)
        return entity

    def lookup(self, m: Mention) -> Entity | None:
        return None if m.name is None else self.lookup_name(m.name)

    def lookup_name(self, name: str) -> Entity | None:
        """The entity named ``name``: by surname, then first name, else the most mentioned."""
        if not (parts := name_parts(name)):
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

    def owners(self, name: str) -> list[Entity]:
        """The entities sharing the surname of ``name``."""
        parts = name_parts(name)
        return self._by_key.get(fold(parts[-1]), []) if parts else []

    def entity_named(self, label: str) -> Entity | None:
        """The entity a bare name refers to (``Ilunga``, ``Mateo Ilunga``), or None."""
        parts = name_parts(label)
        found = self._by_key.get(fold(parts[-1]), []) if parts else []
        if len(parts) > 1:
            found = [e for e in found if fold(parts[0]) in e.first_names] or []
        return max(found, key=lambda e: len(e.positions)) if found else None

    def entity_of(self, speaker: Speaker | None) -> Entity | None:
        """The entity a resolved speaker stands for (None for unnamed sources)."""
        if speaker is None or speaker.type is SpeakerType.ANONYMOUS:
            return None
        return next((e for e in self.owners(speaker.name) if e.name == speaker.name), None)

    def main_subject(self) -> Entity | None:
        """The person the article mentions most (kept up to date as mentions are added)."""
        return self._main.current(self.entities)


class RoleIndex:
    """Who holds each title (``port aide``) and each role (``president``), in order."""

    def __init__(self) -> None:
        self._by_title: dict[str, list[Entity]] = {}  # ``port aide`` → who holds that title
        self._by_role: dict[str, list[Entity]] = {}  # ``president`` → who holds that role

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

    def _note_title(self, entity: Entity, title: str) -> None:
        """The article calls ``entity`` by the title ``title`` (not known yet)."""
        entity.titles = _also(entity.titles, title)
        self._by_title.setdefault(title, []).append(entity)

    def titled(self, key: str) -> list[Entity]:
        """Who the article calls by the title ``key`` (``port aide``), in order."""
        return self._by_title.get(key, [])

    def holders(self, role: str, latest: int) -> list[Entity]:
        """The ``latest`` entities to learn ``role``, in order."""
        return self._by_role.get(role, [])[-latest:]


class EntityStore(NameIndex, RoleIndex):
    """An article's entities, looked up by surname (:class:`NameIndex`), title and role
    (:class:`RoleIndex`). Only its ``add``, ``learn_roles``, ``note_spoke``, ``note_person``
    and ``vote`` change them."""

    def __init__(self) -> None:
        NameIndex.__init__(self)
        RoleIndex.__init__(self)

    def add(self, m: Mention, position: int) -> Entity | None:
        """Record a name or organisation mention at ``position``; return its entity."""
        if m.name is None or m.kind not in _NAMED:
            return None
        parts = name_parts(m.name)
        if not parts:
            return None
        first = fold(parts[0]) if len(parts) > 1 else None
        entity = self._match(fold(parts[-1]), first)
        entity.names[m.name] = entity.names.get(m.name, 0) + 1
        if first is not None:
            entity.first_names = _also(entity.first_names, first)
        self._learn(entity, m)
        self._main.place(entity, m, position)
        if (m.roles or m.gender or len(parts) > 1) and not _is_place(parts):
            entity.person_evidence = True  # (not ``Harbour Road``)
        return entity

    def _learn(self, entity: Entity, m: Mention) -> None:
        """What mention ``m`` says of ``entity``: roles, title, nationality, gender."""
        if m.roles or m.role_phrases:
            self.learn_roles(entity, m.roles, m.role_phrases)
        if m.roles and m.kind is _NAME and m.name is not None:
            title = title_key(m.text.replace(m.name, " "))
            if title and title not in entity.titles:
                self._note_title(entity, title)
        if m.nationality:
            entity.nationalities = _also(entity.nationalities, m.nationality)
        if m.gender:
            entity.vote(m.gender, 3, m.gender_evidence or GenderEvidence.HONORIFIC)

    def note_spoke(self, entity: Entity) -> None:
        """``entity`` spoke: a person, unless an organisation or a place (``Harbour Road``)."""
        entity.person_evidence = entity.person_evidence or not entity.organization and (
            not _is_place(name_parts(entity.name)))

    def note_person(self, entity: Entity) -> None:
        """The text shows ``entity`` is a person (``Marisol, 34, sat …``)."""
        entity.person_evidence = True

    def note_organization(self, entity: Entity) -> None:
        """The text shows ``entity`` is an organisation (``Quillfire's shares``)."""
        entity.organization = True

    def vote(self, entity: Entity, gender: str, weight: int, evidence: GenderEvidence) -> None:
        """``weight`` votes for ``entity``'s ``gender`` (:meth:`Entity.vote`)."""
        entity.vote(gender, weight, evidence)


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
    """An organisation as speaker: its entity's, else the mention's name."""
    if entity is not None:
        return entity.speaker()
    return Speaker(clean_name(m.name or m.text), SpeakerType.ORGANIZATION)
