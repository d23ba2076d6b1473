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
The state is in two parts, each with its own writers: the entity store
(:mod:`quoteattr.entities`: who is who) and the discourse timeline (:mod:`quoteattr.timeline`:
who spoke and opened a sentence where). The rules below read both and write neither;
:class:`EntityIndex` composes the two for the pipeline and the speaker sieve.
"""

from __future__ import annotations

from collections.abc import Iterable

from .entities import (
    Entity,
    EntityStore,
    anonymous_speaker,
    clean_name,
    fold,
    organization_speaker,
    output_roles,
    role_words,
    title_key,
)
from .lexicon import titles
from .mentions import Mention
from .model import GenderEvidence, Speaker
from .rules import Example, Rule, is_enabled, register
from .timeline import Timeline

__all__ = ["MAX_ROLE_HOLDERS", "Entity", "EntityIndex", "EntityStore", "Timeline",
           "anonymous_speaker", "clean_name", "fold", "organization_speaker", "output_roles",
           "role_words", "title_key"]

#: How many holders of a role (the latest to be named) a role noun is matched against.
MAX_ROLE_HOLDERS = 32


def _fits(e: Entity, gender: str | None) -> bool:
    """Nothing learned of ``e`` contradicts ``gender``."""
    return gender is None or e.gender in (None, gender)


# -- the steps of the speaker rules (sieve ``coreference``) ---------------------------------
# Their names reach no trail (the speaker rule that called them is named), so their examples
# are checked by switching them off; each switch is read only when the step would decide.

SUBJECT_SALIENCE = register(Rule(
    "subject-salience", "coreference", "``he``/``she`` (and ``the 54-year-old``) goes back "
    "to a person opening a sentence since the last speaker (``Arden dismissed that figure. "
    "“…,” she said``), before any earlier speaker",
    (Example("Teo Lind said the pier would close. Mila Arden dismissed that warning. “It "
             "will stay open,” she said.", "It will stay open", "Mila Arden"),),
    (Example("Mila Arden said the pier would close. “It will stay open,” she said.",
             "It will stay open", "Mila Arden"),), by_effect=True)).name
TITLE_QUALIFIER = register(Rule(
    "title-qualifier", "coreference", "a role noun's words that are no role (``the finance "
    "minister``) pick the person whose title holds them all (``Finance Minister Teo Lind``, "
    "not ``Prime Minister Mila Arden``)",
    (Example("Finance minister Teo Lind met the crews. Prime minister Mila Arden toured the "
             "pier twice. Arden said it was safe. “It will hold,” the finance minister said.",
             "It will hold", "Teo Lind"),),
    (Example("Finance minister Teo Lind met the crews. “It will hold,” the minister said.",
             "It will hold", "Teo Lind"),), by_effect=True)).name
LAST_HOLDER = register(Rule(
    "last-speaking-holder", "coreference", "of several people holding the role a role noun "
    "names, the one who spoke last (``Lind said …. “…,” the minister added`` → Lind)",
    (Example("Harbour minister Teo Lind met the crews. Farm minister Mila Arden toured the "
             "farms. Arden toured the pier too. Lind said the pier was safe. “It will hold,” "
             "the minister said.", "It will hold", "Teo Lind"),),
    (Example("Harbour minister Teo Lind met the crews. Lind said the pier was safe. “It will "
             "hold,” the minister said.", "It will hold", "Teo Lind"),), by_effect=True)).name
MAIN_HOLDER = register(Rule(
    "main-subject-holder", "coreference", "else, of several holders, the article's main "
    "subject, unless the role noun names a nationality or a title word no title matched",
    (Example("Harbour minister Teo Lind opened the pier. Lind cut the ribbon. Lind toured the "
             "docks. Farm minister Mila Arden toured the farms. Arden met the growers. Arden "
             "left early. “It will hold,” the minister said.", "It will hold", "Teo Lind"),),
    (Example("Harbour minister Teo Lind opened the pier. “It will hold,” the minister said.",
             "It will hold", "Teo Lind"),), by_effect=True)).name

RECENT_SPEAKER = register(Rule(
    "recent-speaker", "coreference", "else ``he``/``she`` goes back to the latest speaker "
    "since the window whose learned gender fits, before any person merely mentioned",
    (Example("Ms. Dana Voss runs the port. Voss built the pier. Mila Arden said the pier "
             "would close. “It will stay shut,” she said.", "It will stay shut", "Mila Arden"),),
    (Example("Mila Arden said the pier would close. “It will stay shut,” she said.",
             "It will stay shut", "Mila Arden"),), by_effect=True)).name
RECENT_PERSON = register(Rule(
    "recent-person", "coreference", "else ``he``/``she`` goes back to the person of fitting "
    "gender mentioned last (the article's main subject, if mentioned since the window)",
    (Example("The board thanked Mila Arden for her work. “It will stay shut,” she said.",
             "It will stay shut", "Mila Arden"),),
    (Example("Mila Arden said the pier would close. “It will stay shut,” she said.",
             "It will stay shut", "Mila Arden"),), by_effect=True)).name
LEADER = register(Rule(
    "leader-head-of-state", "coreference", "``the leader`` is held by any head of state or "
    "government (``President Mila Arden`` … ``the leader said``)",
    (Example("President Mila Arden toured the pier. Arden met the crews. “It will hold,” the "
             "leader said.", "It will hold", "Mila Arden"),),
    (Example("Party leader Mila Arden toured the pier. Arden met the crews. “It will hold,” "
             "the leader said.", "It will hold", "Mila Arden"),), by_effect=True)).name
FORMER_ROLE = register(Rule(
    "former-role", "coreference", "``the former ambassador`` may be the last speaker though "
    "the article gives them other roles, in this or the previous paragraph",
    (Example("Port lawyer Mila Arden said the pier was unsafe. “It will not hold,” the former "
             "ambassador said.", "It will not hold", "Mila Arden"),),
    (Example("Port lawyer Mila Arden said the pier was unsafe. “It will not hold,” the "
             "lawyer said.", "It will not hold", "Mila Arden"),), by_effect=True)).name
MOST_MENTIONED = register(Rule(
    "most-mentioned-holder", "coreference", "else, of the people holding the role a role "
    "noun names, the one mentioned most (then last)",
    (Example("Harbour minister Teo Lind opened the pier. Mila Arden toured it. Arden met the "
             "crews. Arden left early. “It will hold,” the minister said.", "It will hold",
             "Teo Lind"),),
    (Example("Harbour minister Teo Lind opened the pier. Lind said it was safe. “It will "
             "hold,” the minister said.", "It will hold", "Teo Lind"),), by_effect=True)).name

# -- the rules: read the store and the timeline, write neither ----------------------------
def resolve_pronoun(store: EntityStore, timeline: Timeline, gender: str | None, position: int,
                    window: int) -> Entity | None:
    """The subject of a sentence since the last speaker (rule ``subject-salience``:
    ``Okafor dismissed that figure. “…,” she said`` → Okafor), else the most recent
    compatible speaker after ``window``, else the most recent person."""
    subject = timeline.last_subject(position)
    if subject is not None:
        pos, e = subject
        if pos >= window and e.person_evidence and not e.organization and _fits(e, gender) and (
            pos > timeline.last_speaker_position(position)
        ) and is_enabled(SUBJECT_SALIENCE):
            return e
    if is_enabled(RECENT_SPEAKER):
        for e in timeline.speakers_since(window, position):
            if not e.organization and _fits(e, gender):
                return e
    return _recent_person(store, gender, position, window) if is_enabled(RECENT_PERSON) else (
        None)


def _recent_person(store: EntityStore, gender: str | None, position: int, window: int
                   ) -> Entity | None:
    """The person of compatible gender mentioned last before ``position``; the article's
    main subject if mentioned since ``window``."""
    best: tuple[int, Entity] | None = None
    main = store.main_subject()
    for e in store.entities:
        if e.organization or not e.person_evidence or not _fits(e, gender):
            continue
        last = e.last_before(position)
        if last < 0:
            continue
        if e is main and last >= window:
            return e  # the article's main subject, mentioned lately, wins
        if best is None or last > best[0]:
            best = (last, e)
    return best[1] if best else None


def main_speaker_for_role(store: EntityStore, timeline: Timeline, m: Mention, position: int,
                          window: int) -> Entity | None:
    """Rule ``main-speaker-role``: a definite role noun no named person holds (``the
    harbour chief said``, no harbour chief named) is the article's main subject when that
    person was the last to speak, was mentioned since ``window``, and nothing the article
    says of them (roles, nationality) contradicts it."""
    main = store.main_subject()
    if main is None or m.plural or m.possessor or not main.person_evidence:
        return None
    if main.roles and not main.roles & set(m.roles):
        return None
    if m.nationality and main.nationalities and m.nationality not in main.nationalities:
        return None
    mentioned = main.last_before(position)
    if mentioned < 0 or mentioned < window:
        return None  # not mentioned since ``window``
    last = timeline.last_speaker(position)
    return main if last is not None and last[1] is main else None  # nobody else has spoken


def last_speaker_for_role(timeline: Timeline, m: Mention, position: int, window: int,
                          paragraph: int) -> Entity | None:
    """Rule ``last-speaker-role``: a definite role noun no named person holds (``Tarnov
    said …. The working groups will meet in May, the spokesman added``) is the last person
    to speak in its paragraph (since ``paragraph``), if the article gives that person no
    role and no nationality or gender against it; ``the former ambassador`` may follow a
    person with other roles, in this or the previous paragraph (since ``window``)."""
    if m.plural or m.possessor:
        return None
    former = not titles.PAST_ROLE_MODIFIERS.isdisjoint(m.text.lower().split()) and (
        is_enabled(FORMER_ROLE))
    last = timeline.last_speaker(position)
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


def unnamed_antecedent(store: EntityStore, timeline: Timeline, gender: str | None,
                       position: int, window: int) -> Speaker | None:
    """Rule ``unnamed-antecedent``: the last unnamed single source when it spoke after
    every named speaker and sentence subject (``One crane operator said …. “…,” he
    said`` → One crane operator)."""
    last_unnamed = timeline.last_unnamed(position)
    if last_unnamed is None:
        return None
    pos, speaker, g = last_unnamed
    if not window <= pos < position or gender is not None and g not in (None, gender):
        return None
    last = timeline.last_subject(position)
    subject = last[0] if last is not None and last[1].person_evidence else -1
    if pos <= max(timeline.last_speaker_position(position), subject):
        return None
    role = timeline.subject_mention(pos)
    main = None
    if role is not None:  # ``The GOP candidate … he``
        main = main_speaker_for_role(store, timeline, role, pos, window) or (
            last_speaker_for_role(timeline, role, pos, window, window))
    return main.speaker() if main is not None else speaker


def subject_between(store: EntityStore, timeline: Timeline, name: str, position: int) -> bool:
    """Another person opens a sentence between ``name``'s last mention and ``position``."""
    owner = store.owners(name)
    last = max((e.last_before(position) for e in owner), default=-1)
    subject = timeline.last_subject(position)
    return subject is not None and subject[0] > last and subject[1] not in owner


def resolve_title(store: EntityStore, m: Mention) -> Entity | None:
    """``a port aide`` → the one person the article calls ``port aide Teo Lind``."""
    if m.plural or not m.roles:
        return None
    found = [e for e in store.titled(title_key(m.text)) if not e.organization]
    return found[0] if len(found) == 1 else None


def _holds(e: Entity, roles: tuple[str, ...]) -> bool:
    """``e`` holds all of ``roles``; ``leader`` is held by any head of state or government
    (``titles.HEAD_OF_STATE``)."""
    need = set(roles)
    if "leader" in need and is_enabled(LEADER):
        need.discard("leader")
        if not e.roles & (titles.HEAD_OF_STATE | {"leader"}):
            return False
    return bool(roles) and need <= e.roles


def _role_holders(store: EntityStore, m: Mention, position: int) -> list[Entity]:
    """The people who hold every role ``m`` names, of no gender against it, of its
    nationality, not its possessor; those mentioned before ``position`` if any."""
    first = m.roles[0]
    wanted = titles.HEAD_OF_STATE | {"leader"} if first == "leader" and is_enabled(LEADER) else {
        first}
    holders = [e for r in wanted for e in store.holders(r, MAX_ROLE_HOLDERS)]
    unique = {id(e): e for e in holders}.values()  # (entities are mutable: no hashing)
    cands = [e for e in unique if not e.organization and _holds(e, m.roles)
             and (m.gender is None or e.gender in (None, m.gender))]
    if m.possessor:
        owner = fold(m.possessor)
        cands = [e for e in cands if e.key != owner] or cands
    if m.nationality:
        cands = [e for e in cands if m.nationality in e.nationalities]
    return [e for e in cands if e.positions and e.positions[0] < position] or cands


def _title_qualified(cands: list[Entity], m: Mention) -> tuple[list[Entity], bool]:
    """Rule ``title-qualifier``: ``the finance minister`` → those titled Finance Minister;
    also whether a qualifier is left that no title matched."""
    qualifiers = set(title_key(m.text).split()) - titles.ROLES - {"'s", "’s"}
    if qualifiers and not is_enabled(TITLE_QUALIFIER):
        return cands, False
    if qualifiers:
        fitting = [e for e in cands if any(qualifiers <= set(t.split()) for t in e.titles)]
        if fitting:
            return fitting, False
    return cands, bool(qualifiers)


def resolve_role(store: EntityStore, timeline: Timeline, m: Mention, position: int
                 ) -> Entity | None:
    """``the president``, ``the Chilean leader``, ``Ruiz's spokesperson``: a person who
    holds every role the mention names (``the state attorney general`` is no plain
    ``attorney``) and whose learned gender does not contradict it."""
    if not m.roles:
        return None
    cands = _role_holders(store, m, position)
    if not cands:
        return None
    cands, qualified = _title_qualified(cands, m)
    last = timeline.last_speaker(position)
    if last is not None and last[1] in cands and len(cands) > 1 and is_enabled(LAST_HOLDER):
        return last[1]  # ``She said …. Lind had done most of the talking, the president added``
    main = store.main_subject()
    if main in cands and not m.nationality and not qualified and is_enabled(MAIN_HOLDER):
        return main
    if not is_enabled(MOST_MENTIONED):
        return None
    return max(cands, key=lambda e: (len(e.positions), e.positions[-1]))


# -- the facade -----------------------------------------------------------------------------
class _StoreCalls:
    """The calls :class:`EntityIndex` passes to its entity store."""

    __slots__ = ()
    store: EntityStore
    timeline: Timeline

    def add(self, m: Mention, position: int) -> Entity | None:
        """Record a name or organisation mention; return its entity."""
        return self.store.add(m, position)

    def learn_roles(self, entity: Entity, roles: Iterable[str], phrases: Iterable[str] = ()
                    ) -> None:
        self.store.learn_roles(entity, roles, phrases)

    def lookup(self, m: Mention) -> Entity | None:
        return self.store.lookup(m)

    def lookup_name(self, name: str) -> Entity | None:
        return self.store.lookup_name(name)

    def main_subject(self) -> Entity | None:
        return self.store.main_subject()

    def entity_named(self, label: str) -> Entity | None:
        return self.store.entity_named(label)

    def entity_of(self, speaker: Speaker | None) -> Entity | None:
        return self.store.entity_of(speaker)

    def note_person(self, entity: Entity) -> None:
        self.store.note_person(entity)

    def note_organization(self, entity: Entity) -> None:
        self.store.note_organization(entity)

    def vote(self, entity: Entity, gender: str, weight: int, evidence: GenderEvidence) -> None:
        self.store.vote(entity, gender, weight, evidence)


class _TimelineCalls:
    """The calls :class:`EntityIndex` passes to its timeline."""

    __slots__ = ()
    store: EntityStore
    timeline: Timeline

    def note_speaker(self, entity: Entity, position: int) -> None:
        """``entity`` spoke at ``position``: the one write into both parts, the timeline
        (who spoke last) and the store (someone who speaks is a person)."""
        self.timeline.note_speaker(entity, position)
        self.store.note_spoke(entity)

    def note_subject(self, entity: Entity, position: int) -> None:
        self.timeline.note_subject(entity, position)

    def note_unnamed(self, speaker: Speaker, gender: str | None, position: int) -> None:
        self.timeline.note_unnamed(speaker, gender, position)

    def note_unnamed_subject(self, m: Mention) -> None:
        self.timeline.note_unnamed_subject(m)

    def note_unnamed_group(self, speaker: Speaker, position: int) -> None:
        self.timeline.note_unnamed_group(speaker, position)

    def speakers_noted(self) -> int:
        return self.timeline.speakers_noted()

    def forget_speakers(self, mark: int) -> None:
        self.timeline.forget_speakers(mark)

    def note_document(self, noun: str, speaker: Speaker) -> None:
        self.timeline.note_document(noun, speaker)

    def document_speaker(self, noun: str) -> Speaker | None:
        return self.timeline.document_speaker(noun)

    def last_unnamed_group(self, position: int, window: int) -> Speaker | None:
        return self.timeline.last_unnamed_group(position, window)

    def unnamed_by_role(self, roles: tuple[str, ...] | None, position: int, window: int
                        ) -> Speaker | None:
        return self.timeline.unnamed_by_role(roles, position, window)


class _RuleCalls:
    """This module's speaker rules, called on the store and timeline."""

    __slots__ = ()
    store: EntityStore
    timeline: Timeline

    def unnamed_antecedent(self, gender: str | None, position: int, window: int
                           ) -> Speaker | None:
        return unnamed_antecedent(self.store, self.timeline, gender, position, window)

    def subject_between(self, name: str, position: int) -> bool:
        return subject_between(self.store, self.timeline, name, position)

    def resolve_pronoun(self, gender: str | None, position: int, window: int) -> Entity | None:
        return resolve_pronoun(self.store, self.timeline, gender, position, window)

    def main_speaker_for_role(self, m: Mention, position: int, window: int) -> Entity | None:
        return main_speaker_for_role(self.store, self.timeline, m, position, window)

    def last_speaker_for_role(self, m: Mention, position: int, window: int, paragraph: int
                              ) -> Entity | None:
        return last_speaker_for_role(self.timeline, m, position, window, paragraph)

    def resolve_title(self, m: Mention) -> Entity | None:
        return resolve_title(self.store, m)

    def resolve_role(self, m: Mention, position: int) -> Entity | None:
        return resolve_role(self.store, self.timeline, m, position)


class EntityIndex(_StoreCalls, _TimelineCalls, _RuleCalls):
    """An article's state for speaker resolution: the entity :attr:`store` and the discourse
    :attr:`timeline`, with the rules that read them under the names the pipeline calls
    (:class:`_StoreCalls`, :class:`_TimelineCalls`, :class:`_RuleCalls`)."""

    __slots__ = ("store", "timeline")

    def __init__(self) -> None:
        self.store = EntityStore()
        self.timeline = Timeline()

    @property
    def entities(self) -> list[Entity]:
        return self.store.entities

    @property
    def history(self) -> list[tuple[int, Entity]]:
        """The timeline's named speakers, ``(position, entity)`` in text order (to change
        it: :meth:`note_speaker`, :meth:`forget_speakers`)."""
        return self.timeline.history

    @property
    def documents(self) -> dict[str, Speaker]:
        """The timeline's document authors, ``statement`` → who issued it (to change it:
        :meth:`note_document`)."""
        return self.timeline.documents
