"""Entity learning: what the article's own sentences teach the entity index before any
speaker is resolved.

The stage walks every paragraph once. Each capitalised phrase that is a name or an
organisation goes into the index (:meth:`EntityIndex.add`), and the rules of the
entity-learning sieve, in :data:`ORDER`, add what its sentence shows: an age or a role apposed
to it, that it is a sentence's subject, that a later ``she`` gives it a gender, that it is a
company. Unlike the speaker sieve, where the first rule that decides wins, every switched-on
rule that applies does its learning; the name-subject rules are the exception (the first
that decides notes the subject). No rule reaches a quote's trail: each changes who a later
cue's speaker is, and that is how their examples are checked (``Rule.by_effect``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from . import rules
from .coreference import EntityIndex
from .lexicon import naming
from .mentions import Mention, MentionKind, categorize, chunk_forward, classify
from .model import GenderEvidence
from .paragraphs import Paragraph
from .phrases import is_boundary, sentence_start
from .rules import Example, Rule, register
from .segmentation import SegmentKind, is_title_case
from .tokens import Cat, Tok, TokKind

__all__ = ["ORDER", "learn_entities"]

_NAME_START = (Cat.CAP, Cat.HON, Cat.ROLE, Cat.NAT, Cat.MOD)
# Module globals for the enum members read per token or per name (a read through the enum's
# class costs about ten times a global on Python 3.11).
_OTHER, _WORD, _POSS = Cat.OTHER, TokKind.WORD, TokKind.POSS
_NAME, _PRONOUN, _ROLE = MentionKind.NAME, MentionKind.PRONOUN, MentionKind.ROLE
_NAMED = (MentionKind.NAME, MentionKind.ORGANIZATION)
_TITLED = (MentionKind.ROLE, MentionKind.ANONYMOUS)
_WORDS = (TokKind.WORD, TokKind.POSS)
SIEVE = "entity-learning"
_RULES: list[Rule] = []
_F = TypeVar("_F", bound=Callable[..., object])


def _learner(name: str, summary: str, examples: tuple[Example, ...],
             counter: tuple[Example, ...]) -> Callable[[_F], _F]:
    """Register the decorated function as rule ``name`` of the entity-learning sieve."""
    def wrap(fn: _F) -> _F:
        _RULES.append(register(Rule(name, SIEVE, summary, examples, counter, by_effect=True)))
        return fn
    return wrap


def _switched_on() -> frozenset[str]:
    """The entity-learning rules that may fire in this analysis (read once per article)."""
    return frozenset(r.name for r in _RULES if rules.is_enabled(r.name))


def learn_entities(text: str, paras: Sequence[Paragraph]) -> EntityIndex:
    """The entity index of an article: its names and organisations, and what the rules of
    :data:`ORDER` learn about them."""
    on = _switched_on()
    index = EntityIndex()
    headings = "title-case-heading" in on
    for p in paras:
        if headings and title_case_heading(p):
            continue
        _index_paragraph(text, p, index, on)
    if "pronoun-gender" in on:
        pronoun_gender(paras, index)
    if "neuter-name" in on:
        neuter_name(paras, index)
    return index


def _index_paragraph(text: str, p: Paragraph, index: EntityIndex, on: frozenset[str]) -> None:
    """Index the names of one paragraph, left to right, and learn from each."""
    toks = p.toks
    categorize(toks)
    i = 0
    n = len(toks)
    fronted = {c.verb for c in p.cues if toks[c.verb].is_cap}  # ``Said Lind: “…”``
    role_subjects = "role-subject" in on
    while i < n:
        t = toks[i]
        if t.lower == "the" and role_subjects and (i == 0 or is_boundary(toks, i - 1)):
            i = role_subject(text, toks, i, index)
            continue
        cat = t.cat
        if cat is _OTHER or cat not in _NAME_START or i in fronted:  # (most words: OTHER)
            i += 1
            continue
        end = chunk_forward(toks, i)
        if end <= i:
            i += 1
            continue
        m = classify(text, toks, i, end)
        if m is not None and m.kind in _NAMED:
            _learn_from_name(text, toks, i, end, m, index, on)
        i = end


def _learn_from_name(text: str, toks: Sequence[Tok], i: int, end: int, m: Mention,
                     index: EntityIndex, on: frozenset[str]) -> None:
    """Add the name or organisation ``m`` (``toks[i:end]``) to the index, then apply the
    rules that learn from its sentence."""
    entity = index.add(m, m.start)
    if entity is None:
        return
    if "age-apposition" in on and age_apposition(toks, end):
        index.note_person(entity)  # ``Marisol, 34, sat …``
    if m.kind is not _NAME:
        return
    role = apposed_role(text, toks, i, end) if "apposed-role" in on else None
    if role is not None and role.roles:  # ``Rainer Oostveld, the commissioner for …,``
        index.learn_roles(entity, role.roles, role.role_phrases)
        index.note_person(entity)
    if "clause-subject" in on and clause_subject(toks, i, end) or (
            "apposed-subject" in on and apposed_subject(toks, i, end, on)):
        index.note_subject(entity, m.start)


@_learner("title-case-heading",
          "no name is learned from a Title-Case heading, where none can be told apart "
          "(``Workers Slam Ana Ruiz Over Pier Plan``)",
          (Example("The harbour board met on Monday.\n\nWorkers Slam Ana Ruiz Over Pier "
                   "Plan\n\nThe crews gathered at dawn. “We were never asked,” Ruiz said.",
                   "We were never asked", "Ruiz"),),
          (Example("The harbour board met on Monday.\n\nWorkers slam Ana Ruiz over pier "
                   "plan\n\nThe crews gathered at dawn. “We were never asked,” Ruiz said.",
                   "We were never asked", "Ana Ruiz"),))
def title_case_heading(p: Paragraph) -> bool:
    """``Lawmakers Rip Ana Ruiz As A Fraud``: a heading in Title Case, skipped whole."""
    return p.kind is SegmentKind.HEADING and is_title_case(
        [t.text for t in p.toks if t.kind is _WORD])


@_learner("role-subject",
          "a definite role noun opening a sentence is its subject: the person it resolves to, "
          "else an unnamed person, either a later pronoun's antecedent",
          (Example("Harbour chief Ana Ruiz met Mayor Teo Lind on Monday.\n\nLind toured the "
                   "pier. The harbour chief dismissed the plan. “It will fail within a year,” "
                   "he said.", "It will fail within a year", "Ana Ruiz"),),
          (Example("Harbour chief Ana Ruiz met Mayor Teo Lind on Monday.\n\nLind toured the "
                   "pier with the harbour chief. “It will fail within a year,” he said.",
                   "It will fail within a year", "Teo Lind"),))
def role_subject(text: str, toks: Sequence[Tok], i: int, index: EntityIndex) -> int:
    """Rule ``role-subject``: a definite role noun opening a sentence (``The Chilean leader
    dismissed the criticism.``) is its subject: the person it resolves to, else an unnamed
    person (``The EU's foreign policy chief welcomed the talks.``); either may be a later
    pronoun's antecedent. Returns the index to go on from."""
    end = chunk_forward(toks, i)
    if end <= i + 1:
        return i + 1
    m = classify(text, toks, i, end)
    if m is None or m.kind is not _ROLE or m.plural or not clause_subject(
        toks, i, end
    ):
        return i + 1
    entity = index.resolve_role(m, m.start)
    if entity is not None:
        index.note_subject(entity, m.start)
    else:
        index.note_unnamed_subject(m)
    return end


@_learner("age-apposition",
          "an age set off by commas after a name (``Marisol, 34,``) shows it is a person's",
          (Example("Marisol, 34, sat in the shelter on Monday. “We have nowhere to go,” "
                   "she said.", "We have nowhere to go", "Marisol"),),
          (Example("Marisol Vega sat in the shelter on Monday. “We have nowhere to go,” she "
                   "said.", "We have nowhere to go", "Marisol Vega"),))
def age_apposition(toks: Sequence[Tok], end: int) -> bool:
    """An age set off by commas follows the name ending at ``end`` (``Gene, 71,``)."""
    return end + 2 < len(toks) and toks[end].text == "," and toks[end + 2].text == "," and (
        len(toks[end + 1].text) <= 3 and toks[end + 1].text.isdecimal()
        and 0 < int(toks[end + 1].text) < 120)


#: Tokens of the noun phrase a sentence may open with before an apposed name.
MAX_APPOSED_HEAD = 6


@_learner("apposed-role",
          "a role noun apposed to a name, after it or opening the sentence before it, is "
          "that person's role (``Rainer Oostveld, the commissioner for digital affairs,``)",
          (Example("Rainer Oostveld, the harbour commissioner, toured the pier on Monday. "
                   "“It is safe,” the commissioner said.", "It is safe", "Rainer Oostveld"),),
          (Example("Rainer Oostveld toured the pier on Monday with the harbour commissioner. "
                   "“It is safe,” the commissioner said.", "It is safe"),))
def apposed_role(text: str, toks: Sequence[Tok], i: int, end: int) -> Mention | None:
    """The role noun apposed to the name at ``toks[i:end]``, after it (``Rainer
    Oostveld, the commissioner for digital affairs, said``) or opening the sentence before it
    (``The rapporteur, Katarina Holm, said``)."""
    n = len(toks)
    if end + 1 < n and toks[end].text == ",":
        e2 = chunk_forward(toks, end + 1)
        m = classify(text, toks, end + 1, e2)
        if m is not None and m.kind in _TITLED and (
            e2 >= n or toks[e2].text in {",", ".", ";"} or (
                toks[e2].lower in naming.ROLE_APPOSITION_LINKS)
        ):
            return m
    if i >= 2 and toks[i - 1].text == "," and end < n and toks[end].text == ",":
        s = sentence_start(toks, i - 1)
        m = classify(text, toks, s, i - 1) if i - 1 - s <= MAX_APPOSED_HEAD else None
        if m is not None and m.kind in _TITLED:
            return m
    return None


#: How many tokens of asides set off by commas may stand between a subject and its verb.
MAX_SUBJECT_ASIDES = 30
#: Tokens an opening phrase may take before a sentence's subject.
MAX_FRONTED_PHRASE = 12


def _after_fronted_phrase(toks: Sequence[Tok], i: int) -> bool:
    """``toks[i]`` follows the comma closing a short phrase that opens its sentence
    (``At the Harbour Road shelter, Marisol, 34, sat …``)."""
    if i < 2 or toks[i - 1].text != ",":
        return False
    s = i - 2
    while s > 0 and i - s <= MAX_FRONTED_PHRASE and toks[s - 1].kind in _WORDS:
        s -= 1  # back over the phrase's words, a dozen at most
    return (s == 0 or is_boundary(toks, s - 1)) and toks[s].lower in naming.FRONTED_OPENERS


@_learner("clause-subject",
          "a name opening its sentence (perhaps after a short opening phrase) before a "
          "lower-case word, asides and all, is the sentence's subject",
          (Example("Teo Lind met the board on Monday.\n\nAna Ruiz toured the pier. “It is "
                   "wrong,” she said.", "It is wrong", "Ana Ruiz"),),
          (Example("Teo Lind met the board on Monday.\n\nThe crews cheered Ana Ruiz at the "
                   "pier. “It is wrong,” she said.", "It is wrong", "Teo Lind"),))
def clause_subject(toks: Sequence[Tok], i: int, end: int) -> bool:
    """The name at ``toks[i:end]`` is a sentence's subject: it opens the sentence and a
    lower-case word follows (``Okafor dismissed that figure.``), perhaps after asides set off
    by commas (``Okafor, dressed in grey, showed little emotion.``)."""
    if not (i == 0 or is_boundary(toks, i - 1) or _after_fronted_phrase(toks, i)):
        return False
    n = len(toks)
    j = end
    while j < n and toks[j].text == "," and j - end < MAX_SUBJECT_ASIDES:
        j += 1  # over one aside, to the comma that closes it
        while j < n and j - end < MAX_SUBJECT_ASIDES and toks[j].text != "," and (
            toks[j].kind is _WORD or toks[j].kind is _POSS
        ):
            j += 1
        if j < n and toks[j].text == "," and j + 1 < n and toks[j + 1].kind is _WORD and (
            toks[j + 1].text[:1].islower() and toks[j + 1].lower not in naming.ASIDE_COORDINATORS
        ):
            return True
    return end < n and toks[end].kind is _WORD and toks[end].text[:1].islower()


@_learner("apposed-subject",
          "a name apposed to the noun phrase opening its sentence, before a verb, is the "
          "sentence's subject (``Noor’s mother, Samira Haddad, sat in the gallery.``)",
          (Example("Teo Lind spoke to the court on Monday. Noor’s mother, Samira Haddad, sat "
                   "in the gallery. “We want the truth,” she said.", "We want the truth",
                   "Samira Haddad"),),
          (Example("Teo Lind spoke to the court on Monday. Noor’s mother sat in the gallery "
                   "with Samira Haddad. “We want the truth,” she said.", "We want the truth",
                   "Teo Lind"),))
def apposed_subject(toks: Sequence[Tok], i: int, end: int, on: frozenset[str]) -> bool:
    """The name at ``toks[i:end]`` is apposed to the noun phrase opening its sentence, and
    a verb follows (``Noor’s mother, Samira Haddad, sat in the gallery.``)."""
    if i < 2 or toks[i - 1].text != "," or end + 1 >= len(toks) or toks[end].text != ",":
        return False
    s = i - 2
    while s > 0 and i - s <= MAX_APPOSED_HEAD and not is_boundary(toks, s - 1) and (
        toks[s - 1].kind in _WORDS
    ):
        s -= 1
    if not (s == 0 or is_boundary(toks, s - 1)) or i - s > MAX_APPOSED_HEAD:
        return False
    j = past_relative_clause(toks, end + 1) if "apposed-subject-relative" in on else end + 1
    nxt = toks[j] if j < len(toks) else toks[end + 1]
    return nxt.kind is _WORD and nxt.text[:1].islower() and (
        nxt.lower not in naming.APPOSED_SUBJECT_STOPS)


@_learner("apposed-subject-relative",
          "an apposed subject's verb may come after a ``who`` clause set off by commas "
          "(``A visiting engineer, Ada Roe, who reviewed the design, defended it``)",
          (Example("Teo Lind spoke first. A visiting engineer, Ada Roe, who reviewed the "
                   "design, defended it. “It is sound,” she said.", "It is sound", "Ada Roe"),),
          (Example("Teo Lind spoke first. A visiting engineer, Ada Roe, defended the design. "
                   "“It is sound,” she said.", "It is sound", "Ada Roe"),))
def past_relative_clause(toks: Sequence[Tok], j: int) -> int:
    """Rule ``apposed-subject-relative``: ``A visiting engineer, Ada Roe, who reviewed the
    design, defended it`` — the token after the ``who`` clause's closing comma (``j`` itself
    when no such clause starts at ``j``)."""
    if toks[j].lower != "who":
        return j
    k = j + 1
    while k < len(toks) and k - j < MAX_SUBJECT_ASIDES and toks[k].text != "," and (
            toks[k].kind in _WORDS):
        k += 1
    return k + 1 if k < len(toks) and toks[k].text == "," and k + 1 < len(toks) else j


@_learner("pronoun-gender",
          "a gendered pronoun cue after the cues of one named speaker gives that person the "
          "pronoun's gender (``Ruiz said … / “…,” she said``)",
          (Example("Robin Ash said the pier would close. “It is over,” he said.\n\nKim "
                   "Lind met the crews on Monday.\n\nLater, Robin Ash toured the pier. “We "
                   "will see,” she said.", "We will see", "Kim Lind"),),
          (Example("Robin Ash said the pier would close. “It is over,” Ash said.\n\nKim Lind "
                   "met the crews on Monday.\n\nLater, Robin Ash toured the pier. “We will "
                   "see,” she said.", "We will see", "Robin Ash"),))
def pronoun_gender(paras: Sequence[Paragraph], index: EntityIndex) -> None:
    """``Ruiz said … / “…,” she said``: a pronoun after one named speaker teaches a gender."""
    prev_named: list[str] = []
    for p in paras:
        named: list[str] = []
        for c in p.cues:
            m = c.subject
            if m is None:
                continue
            if m.kind is _NAME:
                named.append(m.name or "")
            elif m.kind is _PRONOUN and m.gender:
                _teach_pronoun_gender(m, set(prev_named + named), index)
        prev_named = named


def _teach_pronoun_gender(m: Mention, window: set[str], index: EntityIndex) -> None:
    """The one named speaker in ``window`` learns the gender of pronoun ``m``."""
    if len(window) != 1 or index.subject_between(next(iter(window)), m.start):
        return  # ``Lind said … / Ruiz dismissed that. “…,” she said``: Lind learns nothing
    entity = index.lookup_name(next(iter(window)))
    if entity is not None and m.gender:
        entity.vote(m.gender, 1, GenderEvidence.PRONOUN)




@_learner("neuter-name",
          "a one-word name with no first name, role or gender is an organisation when the "
          "article writes ``Quillfire, which …`` or ``Quillfire's shares``",
          (Example("Quillfire, which makes drones, said on Monday that it would cut two "
                   "hundred jobs.", "two hundred jobs", "Quillfire"),),
          (Example("Quillfire, a welder, said on Monday that the plant would cut two hundred "
                   "jobs.", "two hundred jobs", "Quillfire"),))
def neuter_name(paras: Sequence[Paragraph], index: EntityIndex) -> None:
    """Rule ``neuter-name``: a one-word name with no first name, role or gender is an
    organisation when the article writes ``Quillfire, which …`` or ``Quillfire's shares``."""
    possessions = naming.COMPANY_POSSESSIONS
    for p in paras:
        toks = p.toks
        for i in range(len(toks) - 2):
            nxt = toks[i + 1]  # (the rarely met words after the name are tested first)
            if nxt.text == ",":
                if toks[i + 2].lower != "which":
                    continue
            elif nxt.kind is not _POSS or toks[i + 2].lower not in possessions:
                continue
            t = toks[i]
            if not t.is_cap or i > 0 and toks[i - 1].is_cap:
                continue
            e = index.entity_named(t.text)
            if e is not None and not (e.first_names or e.roles or e.gender_votes
                                      or e.person_evidence):
                index.note_organization(e)


#: The entity-learning sieve: its rules in the order they apply.
ORDER: tuple[str, ...] = tuple(r.name for r in _RULES)
